#pragma once

#include <QObject>

class QDBusConnection;
#include <QString>

// Desktop notifications through the freedesktop.org notification service on the session bus,
// where the desktop offers one; silently nothing where it does not (no bus, no service). Never
// blocks: the call is sent asynchronously, without introspection. Summary and body quote entry
// names and output: their control characters are made visible, and the body is escaped as HTML
// when the server announces "body-markup" (asked once with GetCapabilities).
class Notifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Notifier)

public:
    explicit Notifier(QObject *parent = nullptr);

    bool isEnabled() const;
    void setEnabled(bool enabled);
    // Whether a session bus is there to carry notifications at all.
    bool isAvailable() const;

    void notify(const QString &summary, const QString &body);

    // The body as sent: control characters visible, and `&`, `<`, `>` escaped for a server that
    // reads markup.
    static QString bodyText(const QString &body, bool markup);

signals:
    // Every notification asked for while enabled, sent or not (for the window's tests).
    void notified(const QString &summary, const QString &body);

private:
    void askCapabilities(QDBusConnection &bus);

    bool m_enabled = true;
    bool m_askedCapabilities = false;
    bool m_bodyMarkup = true; // until the server says otherwise
};
