#include "notifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCall>
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

void Notifier::notify(const QString &summary, const QString &body)
{
    if (!m_enabled)
        return;
    emit notified(summary, body);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Service, QStringLiteral("Notify"));
    // Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout)
    call << QStringLiteral("ProcDeck") << uint(0) << QStringLiteral("procdeck") << summary << body
         << QStringList() << QVariantMap() << int(-1);
    bus.asyncCall(call);
}
