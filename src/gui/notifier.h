#pragma once

#include <QObject>
#include <QString>

// Desktop notifications through the freedesktop.org notification service on the session bus,
// where the desktop offers one; silently nothing where it does not (no bus, no service). Never
// blocks: the call is sent asynchronously, without introspection.
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

signals:
    // Every notification asked for while enabled, sent or not (for the window's tests).
    void notified(const QString &summary, const QString &body);

private:
    bool m_enabled = true;
};
