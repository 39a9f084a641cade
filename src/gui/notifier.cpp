#include "notifier.h"

#include "visibletext.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace {

const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");

} // namespace

Notifier::Notifier(QObject *parent)
    : QObject(parent)
{
}

bool Notifier::isEnabled() const
{
    return m_enabled;
}

void Notifier::setEnabled(bool enabled)
{
    m_enabled = enabled;
}

bool Notifier::isAvailable() const
{
    return QDBusConnection::sessionBus().isConnected();
}

QString Notifier::bodyText(const QString &body, bool markup)
{
    const QString visible = VisibleText::visible(body, VisibleText::Tabs::Keep);
    return markup ? visible.toHtmlEscaped() : visible;
}

// The server says once whether it reads markup in bodies; until it has answered, bodies are
// escaped (an escaped "&amp;" shown as such is wrong but harmless; markup read as markup is not).
void Notifier::askCapabilities(QDBusConnection &bus)
{
    m_askedCapabilities = true;
    const QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Service, QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *finished) {
        const QDBusPendingReply<QStringList> reply = *finished;
        if (!reply.isError())
            m_bodyMarkup = reply.value().contains(QStringLiteral("body-markup"));
        finished->deleteLater();
    });
}

void Notifier::notify(const QString &summary, const QString &body)
{
    if (!m_enabled)
        return;
    emit notified(summary, body);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    if (!m_askedCapabilities)
        askCapabilities(bus);
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Service, QStringLiteral("Notify"));
    // Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout)
    call << QStringLiteral("ProcDeck") << uint(0) << QStringLiteral("procdeck") << VisibleText::visible(summary)
         << bodyText(body, m_bodyMarkup)
         << QStringList() << QVariantMap() << int(-1);
    bus.asyncCall(call);
}
