#include "cgroupsupport.h"

#include "logging.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {

// mountinfo writes space, tab, newline and backslash in paths as \ooo.
QString unescapeMountField(const QByteArray &field)
{
    QByteArray out;
    out.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size()) {
            bool ok = false;
            const int value = field.mid(i + 1, 3).toInt(&ok, 8);
            if (ok && value < 256) {
                out += char(value);
                i += 3;
                continue;
            }
        }
        out += field[i];
    }
    return QString::fromUtf8(out);
}

bool isKeptInUnitName(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':'
        || c == '_' || c == '.';
}

} // namespace

namespace CgroupRules {

QString escapeUnitNamePart(const QString &text, int maxLength)
{
    const QByteArray bytes = text.toUtf8();
    QString out;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        QString piece;
        if (c == '/')
            piece = u"-"_s;
        else if (isKeptInUnitName(c) && !(i == 0 && c == '.'))
            piece = QChar::fromLatin1(c);
        else
            piece = u"\\x"_s + QString::number(uchar(c), 16).rightJustified(2, u'0');
        if (out.size() + piece.size() > maxLength)
            break;
        out += piece;
    }
    return out.isEmpty() ? u"entry"_s : out;
}

QString scopeUnitName(const QString &entryName, qint64 procdeckPid, quint64 counter)
{
    return u"procdeck-"_s + escapeUnitNamePart(entryName) + u'-' + QString::number(procdeckPid)
        + u'-' + QString::number(counter) + u".scope"_s;
}

QList<CgroupMembership> parseProcCgroup(const QByteArray &text)
{
    QList<CgroupMembership> result;
    for (const QByteArray &line : text.split('\n')) {
        const qsizetype first = line.indexOf(':');
        const qsizetype second = first < 0 ? -1 : line.indexOf(':', first + 1);
        if (second < 0)
            continue;
        bool ok = false;
        CgroupMembership membership;
        membership.hierarchyId = line.left(first).toInt(&ok);
        if (!ok)
            continue;
        const QByteArray controllers = line.mid(first + 1, second - first - 1);
        if (!controllers.isEmpty())
            membership.controllers = QString::fromUtf8(controllers).split(u',');
        membership.path = QString::fromUtf8(line.mid(second + 1));
        result.append(membership);
    }
    return result;
}

// "36 25 0:31 / /sys/fs/cgroup/memory rw,relatime shared:14 - cgroup cgroup rw,memory"
QList<CgroupMount> parseMountInfo(const QByteArray &text)
{
    QList<CgroupMount> result;
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        const qsizetype dash = fields.indexOf("-");
        if (dash < 6 || dash + 1 >= fields.size())
            continue;
        const QByteArray type = fields[dash + 1];
        if (type != "cgroup" && type != "cgroup2")
            continue;
        CgroupMount mount;
        mount.root = unescapeMountField(fields[3]);
        mount.mountPoint = unescapeMountField(fields[4]);
        mount.v2 = type == "cgroup2";
        if (!mount.v2 && dash + 3 < fields.size()) {
            for (const QByteArray &option : fields[dash + 3].split(',')) {
                if (option != "rw" && option != "ro" && !option.startsWith("release_agent")
                    && option != "clone_children" && option != "noprefix" && option != "xattr")
                    mount.controllers.append(QString::fromUtf8(option));
            }
        }
        result.append(mount);
    }
    return result;
}

namespace {

// `path` (relative to the hierarchy's root) below `mount`, or empty when the mount does not show it.
QString directoryBelow(const CgroupMount &mount, const QString &path)
{
    QString relative = path;
    if (mount.root != u"/"_s) {
        if (relative != mount.root && !relative.startsWith(mount.root + u'/'))
            return {};
        relative = relative.mid(mount.root.size());
    }
    return relative.isEmpty() || relative == u"/"_s ? mount.mountPoint : mount.mountPoint + relative;
}

} // namespace

CgroupDirectories resolveDirectories(const QList<CgroupMembership> &memberships,
                                     const QList<CgroupMount> &mounts)
{
    CgroupDirectories result;
    for (const CgroupMembership &membership : memberships) {
        const bool v2 = membership.hierarchyId == 0 && membership.controllers.isEmpty();
        for (const CgroupMount &mount : mounts) {
            if (mount.v2 != v2)
                continue;
            if (!v2 && mount.controllers != membership.controllers)
                continue;
            const QString directory = directoryBelow(mount, membership.path);
            if (directory.isEmpty())
                continue;
            if (v2 && result.unified.isEmpty())
                result.unified = directory;
            if (!v2 && membership.controllers.contains(u"memory"_s) && result.memoryV1.isEmpty())
                result.memoryV1 = directory;
            if (!v2 && membership.controllers.contains(u"cpu"_s) && result.cpuV1.isEmpty())
                result.cpuV1 = directory;
        }
    }
    return result;
}

CgroupDirectories directoriesOfProcess(qint64 pid)
{
    const QByteArray cgroups = readSmallFile(u"/proc/%1/cgroup"_s.arg(pid));
    if (cgroups.isEmpty())
        return {};
    return resolveDirectories(parseProcCgroup(cgroups), parseMountInfo(readSmallFile(u"/proc/self/mountinfo"_s)));
}

CgroupMemoryInterface memoryInterface(const QList<CgroupMount> &mounts, const QByteArray &v2RootControllers)
{
    if (v2RootControllers.simplified().split(' ').contains("memory"))
        return CgroupMemoryInterface::V2;
    for (const CgroupMount &mount : mounts) {
        if (!mount.v2 && mount.controllers.contains(u"memory"_s))
            return CgroupMemoryInterface::V1;
    }
    return CgroupMemoryInterface::None;
}

QList<QPair<QString, QVariant>> scopeProperties(const QString &entryName, const QList<qint64> &pids,
                                                 const ProcessLimits &limits, CgroupMemoryInterface memory)
{
    constexpr quint64 MiB = 1024 * 1024;
    QList<QPair<QString, QVariant>> properties;
    QList<uint> pidList;
    for (const qint64 pid : pids)
        pidList.append(uint(pid));
    properties.append({u"PIDs"_s, QVariant::fromValue(pidList)});
    properties.append({u"Delegate"_s, true});
    properties.append({u"Description"_s, QCoreApplication::translate("CgroupSupport", "ProcDeck: %1").arg(entryName)});
    properties.append({u"CollectMode"_s, u"inactive-or-failed"_s});
    // Its own memory cgroup also without a limit: the OOM count and the threshold need one.
    properties.append({u"MemoryAccounting"_s, true});
    if (limits.memoryMB > 0)
        properties.append({u"MemoryMax"_s, QVariant::fromValue(quint64(limits.memoryMB) * MiB)});
    if (limits.cpuPercent > 0)
        properties.append({u"CPUQuotaPerSecUSec"_s, QVariant::fromValue(quint64(limits.cpuPercent) * 10000)});
    // v2: memory.high at the value, its `high` counter in memory.events says "crossed" at once.
    // v1 has no such file: cgroupscope.cpp registers a usage threshold instead.
    if (limits.restartAboveMemoryMB > 0 && memory == CgroupMemoryInterface::V2)
        properties.append({u"MemoryHigh"_s, QVariant::fromValue(quint64(limits.restartAboveMemoryMB) * MiB)});
    return properties;
}

QByteArray readSmallFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(1 << 20);
}

qint64 readCounter(const QByteArray &text, const QByteArray &key)
{
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() == 2 && fields[0] == key) {
            bool ok = false;
            const qint64 value = fields[1].toLongLong(&ok);
            return ok ? value : -1;
        }
    }
    return -1;
}

} // namespace CgroupRules

CgroupSupport::CgroupSupport(QObject *parent)
    : QObject(parent)
{
}

// A probe still asking when ProcDeck ends (a start and a quick exit) is waited for, within its
// bus timeout: QtDBus's connection manager must not go while the probe's thread uses it.
CgroupSupport::~CgroupSupport()
{
    if (m_probe && m_probe->isRunning())
        m_probe->wait(QDeadlineTimer(ProbeTimeoutMs + 500));
}

CgroupSupport *CgroupSupport::instance()
{
    static QPointer<CgroupSupport> support;
    if (support)
        return support;
    support = new CgroupSupport(QCoreApplication::instance());
    // Parentless: waited for at exit only within the probe's timeout (see the destructor).
    QThread *probe = QThread::create([target = support] {
        const CgroupAvailability result = probeNow();
        QMetaObject::invokeMethod(target, [target, result] {
            if (target)
                target->setAvailability(result);
        }, Qt::QueuedConnection);
    });
    QObject::connect(probe, &QThread::finished, probe, &QObject::deleteLater);
    support->m_probe = probe;
    probe->start();
    return support;
}

CgroupAvailability CgroupSupport::availability() const
{
    return m_availability;
}

void CgroupSupport::setAvailability(const CgroupAvailability &availability)
{
    m_availability = availability;
    if (availability.scopes)
        qCInfo(lcProcess).noquote() << "cgroups: a transient scope per run, systemd" << availability.managerVersion;
    else
        qCInfo(lcProcess).noquote() << "cgroups: none, the reaper alone contains each entry:" << availability.reason;
    if (!availability.limits)
        qCInfo(lcProcess).noquote() << "limits not available:" << availability.limitsReason;
    emit availabilityChanged();
}

namespace {

// The systemd user manager's version over the session bus, or the reason there is none.
bool askManager(int timeoutMs, QString *version, QString *reason)
{
    const QString address = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (address.isEmpty() && (runtime.isEmpty() || !QFileInfo::exists(runtime + u"/bus"_s))) {
        *reason = CgroupSupport::tr("no systemd user session on the D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)");
        return false;
    }
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        *reason = CgroupSupport::tr("no systemd user session: the D-Bus session bus does not answer (%1)")
                      .arg(bus.lastError().message());
        return false;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(u"org.freedesktop.systemd1"_s, u"/org/freedesktop/systemd1"_s,
                                                       u"org.freedesktop.DBus.Properties"_s, u"Get"_s);
    call << u"org.freedesktop.systemd1.Manager"_s << u"Version"_s;
    const QDBusMessage reply = bus.call(call, QDBus::Block, timeoutMs);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()) {
        *reason = CgroupSupport::tr("no systemd user manager on the D-Bus session bus (%1)").arg(reply.errorMessage());
        return false;
    }
    *version = reply.arguments().constFirst().value<QDBusVariant>().variant().toString();
    return true;
}

} // namespace

CgroupAvailability CgroupSupport::probeNow(int timeoutMs)
{
    CgroupAvailability result;
    result.probed = true;
    result.scopes = askManager(timeoutMs, &result.managerVersion, &result.reason);
    const QList<CgroupMount> mounts = CgroupRules::parseMountInfo(CgroupRules::readSmallFile(u"/proc/self/mountinfo"_s));
    QByteArray v2Controllers;
    for (const CgroupMount &mount : mounts) {
        if (mount.v2 && mount.root == u"/"_s)
            v2Controllers = CgroupRules::readSmallFile(mount.mountPoint + u"/cgroup.controllers"_s);
    }
    result.memory = CgroupRules::memoryInterface(mounts, v2Controllers);
    if (!result.scopes)
        result.limitsReason = tr("limits need a cgroup per entry: %1").arg(result.reason);
    else if (result.memory == CgroupMemoryInterface::None)
        result.limitsReason = tr("the kernel's memory controller is not available");
    result.limits = result.limitsReason.isEmpty();
    return result;
}
