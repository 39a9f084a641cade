#include "cgroupscope.h"

#include "logging.h"
#include "outputlog.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QFile>
#include <QScopeGuard>
#include <QFileSystemWatcher>
#include <QSocketNotifier>
#include <QTimer>

#include <atomic>

#include <fcntl.h>
#include <sys/eventfd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace CgroupDBus {

// StartTransientUnit's a(sv) properties and a(sa(sv)) auxiliary units.
struct Property
{
    QString name;
    QDBusVariant value;
};

struct AuxUnit
{
    QString name;
    QList<Property> properties;
};

QDBusArgument &operator<<(QDBusArgument &argument, const Property &property)
{
    argument.beginStructure();
    argument << property.name << property.value;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, Property &property)
{
    argument.beginStructure();
    argument >> property.name >> property.value;
    argument.endStructure();
    return argument;
}

QDBusArgument &operator<<(QDBusArgument &argument, const AuxUnit &unit)
{
    argument.beginStructure();
    argument << unit.name << unit.properties;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, AuxUnit &unit)
{
    argument.beginStructure();
    argument >> unit.name >> unit.properties;
    argument.endStructure();
    return argument;
}

} // namespace CgroupDBus

Q_DECLARE_METATYPE(CgroupDBus::Property)
Q_DECLARE_METATYPE(CgroupDBus::AuxUnit)

namespace {

const QString Service = u"org.freedesktop.systemd1"_s;
const QString ManagerPath = u"/org/freedesktop/systemd1"_s;
const QString ManagerInterface = u"org.freedesktop.systemd1.Manager"_s;
constexpr quint64 MiB = 1024 * 1024;

void registerTypes()
{
    static const bool done = [] {
        qDBusRegisterMetaType<CgroupDBus::Property>();
        qDBusRegisterMetaType<QList<CgroupDBus::Property>>();
        qDBusRegisterMetaType<CgroupDBus::AuxUnit>();
        qDBusRegisterMetaType<QList<CgroupDBus::AuxUnit>>();
        // JobRemoved is sent to subscribed clients only; once per connection is enough.
        QDBusConnection::sessionBus().asyncCall(
            QDBusMessage::createMethodCall(Service, ManagerPath, ManagerInterface, u"Subscribe"_s));
        return true;
    }();
    Q_UNUSED(done);
}

} // namespace

CgroupScope::CgroupScope(OutputLog *output, QObject *parent)
    : QObject(parent), m_output(output), m_timeout(new QTimer(this)), m_recheck(new QTimer(this))
{
    m_recheck->setInterval(5);
    connect(m_recheck, &QTimer::timeout, this, [this] {
        if (isInScope())
            finishPlacement(true, {});
    });
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        if (isInScope())
            finishPlacement(true, {});
        else
            finishPlacement(false, tr("systemd did not answer within %1 ms").arg(m_timeout->interval()));
    });
}

CgroupScope::~CgroupScope()
{
    for (int &fd : m_eventFds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

void CgroupScope::place(const QList<qint64> &pids, const QString &entryName, const ProcessLimits &limits, int timeoutMs)
{
    m_pids = pids;
    m_entryName = entryName;
    m_limits = limits;
    m_waiting = true;
    m_timeout->start(timeoutMs);
    CgroupSupport *support = CgroupSupport::instance();
    if (support->availability().probed) {
        startUnit(support->availability());
        return;
    }
    // The probe has not answered yet (an entry started as the window opens): wait for it.
    connect(support, &CgroupSupport::availabilityChanged, this, [this, support] {
        disconnect(support, nullptr, this, nullptr);
        if (m_waiting)
            startUnit(support->availability());
    });
}

void CgroupScope::startUnit(const CgroupAvailability &availability)
{
    m_memory = availability.memory;
    if (!availability.scopes) {
        m_waiting = false;
        m_timeout->stop();
        if (!m_limits.isEmpty())
            m_output->appendMessage(tr("limits not applied: %1").arg(availability.limitsReason));
        // Queued: never from inside place().
        QMetaObject::invokeMethod(this, [this] { emit placed(false); }, Qt::QueuedConnection);
        return;
    }
    registerTypes();
    static std::atomic<quint64> counter{0};
    m_unit = CgroupRules::scopeUnitName(m_entryName, QCoreApplication::applicationPid(), ++counter);

    QList<CgroupDBus::Property> properties;
    const auto values = CgroupRules::scopeProperties(m_entryName, m_pids, m_limits, m_memory);
    for (const auto &[name, value] : values)
        properties.append({name, QDBusVariant(value)});
    QDBusConnection bus = QDBusConnection::sessionBus();
    bus.connect(Service, ManagerPath, ManagerInterface, u"JobRemoved"_s, this,
                SLOT(onJobRemoved(uint,QDBusObjectPath,QString,QString)));
    QDBusMessage call = QDBusMessage::createMethodCall(Service, ManagerPath, ManagerInterface, u"StartTransientUnit"_s);
    call << m_unit << u"fail"_s << QVariant::fromValue(properties)
         << QVariant::fromValue(QList<CgroupDBus::AuxUnit>());
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, m_timeout->remainingTime()), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, &CgroupScope::onStartReply);
    qCDebug(lcProcess) << m_entryName << "asks for scope" << m_unit << "for PIDs" << m_pids;
}

void CgroupScope::onStartReply(QDBusPendingCallWatcher *watcher)
{
    watcher->deleteLater();
    const QDBusPendingReply<QDBusObjectPath> reply = *watcher;
    if (reply.isError())
        finishPlacement(false, reply.error().message());
    else if (isInScope())
        finishPlacement(true, {}); // done already: its JobRemoved may have come before our match rule
    else
        m_recheck->start(); // the job runs; JobRemoved (or /proc, see m_recheck) says how it ended
}

// The first process is in the scope asked for, by /proc/PID/cgroup.
bool CgroupScope::isInScope() const
{
    const CgroupDirectories directories = CgroupRules::directoriesOfProcess(m_pids.value(0));
    const QString suffix = u'/' + m_unit;
    return directories.unified.endsWith(suffix) || directories.memoryV1.endsWith(suffix);
}

void CgroupScope::onJobRemoved(uint id, const QDBusObjectPath &job, const QString &unit, const QString &result)
{
    Q_UNUSED(id);
    Q_UNUSED(job);
    if (unit != m_unit || !m_waiting)
        return;
    if (result == u"done"_s)
        finishPlacement(true, {});
    else
        finishPlacement(false, tr("systemd's job for %1 ended with \"%2\"").arg(m_unit, result));
}

void CgroupScope::finishPlacement(bool ok, QString error)
{
    if (!m_waiting)
        return;
    m_waiting = false;
    m_timeout->stop();
    m_recheck->stop();
    QDBusConnection::sessionBus().disconnect(Service, ManagerPath, ManagerInterface, u"JobRemoved"_s, this,
                                             SLOT(onJobRemoved(uint,QDBusObjectPath,QString,QString)));
    if (ok) {
        // Only the scope's own directories, ever: a process that died before systemd moved it
        // still shows the cgroup it was in (ProcDeck's), and cgroup.kill there would kill
        // everything in it.
        m_directories = CgroupRules::directoriesOfProcess(m_pids.value(0));
        const QString suffix = u'/' + m_unit;
        for (QString *directory : {&m_directories.unified, &m_directories.memoryV1, &m_directories.cpuV1}) {
            if (!directory->endsWith(suffix))
                directory->clear();
        }
        ok = !m_directories.unified.isEmpty() || !m_directories.memoryV1.isEmpty();
        if (!ok)
            error = tr("process %1 is not in %2").arg(m_pids.value(0)).arg(m_unit);
    }
    if (ok) {
        m_placed = true;
        qCInfo(lcProcess) << m_entryName << "runs in" << m_unit << m_directories.unified << m_directories.memoryV1;
        watchMemory();
    } else {
        qCInfo(lcProcess) << m_entryName << "not placed in a cgroup:" << error;
        m_output->appendMessage(m_limits.isEmpty()
                                    ? tr("could not place %1 in a cgroup: %2").arg(m_entryName, error)
                                    : tr("could not place %1 in a cgroup: %2; limits not applied").arg(m_entryName, error));
    }
    emit placed(ok);
}

bool CgroupScope::isPlaced() const
{
    return m_placed;
}

QString CgroupScope::unitName() const
{
    return m_placed ? m_unit : QString();
}

CgroupDirectories CgroupScope::directories() const
{
    return m_directories;
}

bool CgroupScope::killRemaining()
{
    if (!m_placed)
        return false;
    // The last look at the counters: systemd removes the scope soon after it empties.
    readCounters();
    const auto collect = qScopeGuard([this] { stopUnitWhenEmpty(); });
    if (!m_directories.unified.endsWith(u'/' + m_unit)
        || CgroupRules::readCounter(CgroupRules::readSmallFile(m_directories.unified + u"/cgroup.events"_s), "populated") != 1)
        return false;
    const int fd = ::open(QFile::encodeName(m_directories.unified + u"/cgroup.kill"_s).constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, "1", 1) == 1;
    ::close(fd);
    qCInfo(lcProcess) << m_entryName << "cgroup.kill of" << m_unit << (ok ? "written" : "failed");
    if (ok)
        m_output->appendMessage(tr("processes left in %1 after the process tree ended: killed (cgroup.kill)").arg(m_unit));
    return ok;
}

// systemd stops an empty scope by itself when the kernel tells it the cgroup emptied; where that
// notice does not reach it (seen on a hybrid hierarchy without systemd as PID 1) the scope would
// stay listed as running, empty. Asking it to stop the scope is harmless either way: queued
// after the cgroup.kill of killRemaining(), and an error (the unit already gone) is ignored.
void CgroupScope::stopUnitWhenEmpty()
{
    QDBusMessage call = QDBusMessage::createMethodCall(Service, ManagerPath, ManagerInterface, u"StopUnit"_s);
    call << m_unit << u"replace"_s;
    QDBusConnection::sessionBus().asyncCall(call);
}

// ---- Memory: the threshold and the OOM killer, by notification ---------------------------------

void CgroupScope::watchMemory()
{
    if (m_memory == CgroupMemoryInterface::V2 && !m_directories.unified.isEmpty()) {
        const QString events = m_directories.unified + u"/memory.events"_s;
        const QByteArray text = CgroupRules::readSmallFile(events);
        m_oomAtStart = m_oomLast = CgroupRules::readCounter(text, "oom_kill");
        m_highAtStart = CgroupRules::readCounter(text, "high");
        m_eventsWatcher = new QFileSystemWatcher({events}, this);
        connect(m_eventsWatcher, &QFileSystemWatcher::fileChanged, this, &CgroupScope::readCounters);
    } else if (m_memory == CgroupMemoryInterface::V1 && !m_directories.memoryV1.isEmpty()) {
        m_oomAtStart = m_oomLast = CgroupRules::readCounter(CgroupRules::readSmallFile(m_directories.memoryV1 + u"/memory.oom_control"_s), "oom_kill");
        if (m_limits.restartAboveMemoryMB > 0)
            m_eventFds[0] = openEventFd(u"memory.usage_in_bytes"_s,
                                        QByteArray::number(quint64(m_limits.restartAboveMemoryMB) * MiB));
        m_eventFds[1] = openEventFd(u"memory.oom_control"_s, {});
        for (int which = 0; which < 2; ++which) {
            if (m_eventFds[which] < 0)
                continue;
            m_eventNotifiers[which] = new QSocketNotifier(m_eventFds[which], QSocketNotifier::Read, this);
            connect(m_eventNotifiers[which], &QSocketNotifier::activated, this, [this, which] { onEventFd(which); });
        }
    }
    if (m_limits.restartAboveMemoryMB > 0 && !m_eventsWatcher && m_eventFds[0] < 0)
        m_output->appendMessage(tr("restart above %1 MB not applied: the scope's memory controller could not be watched")
                                    .arg(m_limits.restartAboveMemoryMB));
}

// cgroup v1 notifications: an eventfd, "EVENTFD FILE ARGUMENTS" written to cgroup.event_control.
int CgroupScope::openEventFd(const QString &controlFile, const QByteArray &arguments)
{
    const QString directory = m_directories.memoryV1;
    const int eventFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    const int fileFd = ::open(QFile::encodeName(directory + u'/' + controlFile).constData(), O_RDONLY | O_CLOEXEC);
    const int controlFd = ::open(QFile::encodeName(directory + u"/cgroup.event_control"_s).constData(), O_WRONLY | O_CLOEXEC);
    bool ok = eventFd >= 0 && fileFd >= 0 && controlFd >= 0;
    if (ok) {
        QByteArray line = QByteArray::number(eventFd) + ' ' + QByteArray::number(fileFd);
        if (!arguments.isEmpty())
            line += ' ' + arguments;
        ok = ::write(controlFd, line.constData(), size_t(line.size())) == line.size();
    }
    if (fileFd >= 0)
        ::close(fileFd);
    if (controlFd >= 0)
        ::close(controlFd);
    if (!ok && eventFd >= 0) {
        ::close(eventFd);
        qCWarning(lcProcess) << "could not register a memory notification on" << directory << controlFile;
        return -1;
    }
    return eventFd;
}

void CgroupScope::onEventFd(int which)
{
    quint64 count = 0;
    if (::read(m_eventFds[which], &count, sizeof count) != sizeof count)
        return;
    // Removing the cgroup wakes every registered eventfd too: only a live cgroup counts for sure.
    const bool alive = QFile::exists(m_directories.memoryV1 + u"/memory.usage_in_bytes"_s);
    if (which == 1)
        (alive ? m_oomEventsAlive : m_oomEventsLate) += count;
    if (!alive)
        return;
    if (which == 1) {
        readCounters();
        // The OOM notification comes just before the kill is counted: read once more.
        QTimer::singleShot(50, this, &CgroupScope::readCounters);
        return;
    }
    reportAbove();
}

void CgroupScope::reportAbove()
{
    if (m_above)
        return;
    m_above = true;
    m_output->appendMessage(tr("memory went above %1 MB: restarting").arg(m_limits.restartAboveMemoryMB));
    emit memoryAbove();
}

void CgroupScope::readCounters()
{
    const bool v2 = m_memory == CgroupMemoryInterface::V2;
    const QByteArray text = v2 ? CgroupRules::readSmallFile(m_directories.unified + u"/memory.events"_s)
                               : CgroupRules::readSmallFile(m_directories.memoryV1 + u"/memory.oom_control"_s);
    m_oomLast = qMax(m_oomLast, CgroupRules::readCounter(text, "oom_kill"));
    if (!v2 || m_above || m_limits.restartAboveMemoryMB <= 0)
        return;
    if (CgroupRules::readCounter(text, "high") > m_highAtStart)
        reportAbove();
}

bool CgroupScope::wasOutOfMemory() const
{
    return m_outOfMemory;
}

bool CgroupScope::noteOutOfMemory(bool killedUnasked)
{
    if (!m_placed)
        return false;
    readCounters();
    if (m_eventFds[1] >= 0)
        onEventFd(1); // what is still in the eventfd (non-blocking)
    // v1: the OOM eventfd read after systemd removed the scope cannot tell an OOM from the
    // removal, unless it counted both, or the program died by a SIGKILL ProcDeck did not send.
    const bool v1Event = m_oomEventsAlive > 0 || m_oomEventsLate >= 2 || (m_oomEventsLate == 1 && killedUnasked);
    if (!(m_oomAtStart >= 0 && m_oomLast > m_oomAtStart) && !v1Event)
        return false;
    m_outOfMemory = true;
    m_output->appendMessage(m_limits.memoryMB > 0
                                ? tr("killed by the kernel: out of memory (memory maximum %1 MB)").arg(m_limits.memoryMB)
                                : tr("killed by the kernel: out of memory"));
    return true;
}
