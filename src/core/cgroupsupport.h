#pragma once

#include "processspec.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QVariant>

// Whether this system gives an entry its own cgroup, and the pure rules for using one
// (docs/ARCHITECTURE.md, "Containment"). The cgroup comes from the systemd user manager, which
// creates a transient scope per run over D-Bus (cgroupscope.h); where there is none (containers,
// CI, no session bus) the entry's reaper alone contains the tree and limits are not applied.
//
// The probe runs once per process, on a thread of its own (connecting to a session bus that does
// not answer can block), and reports on the GUI thread through `availabilityChanged`: the window
// opens at once whatever the bus does.

// Which kernel interface the memory limits of a cgroup live in.
enum class CgroupMemoryInterface { None, V1, V2 };

struct CgroupAvailability
{
    bool probed = false;        // false until the probe has answered
    bool scopes = false;        // a systemd user manager answers: each run gets a transient scope
    QString reason;             // why not, in words a person understands (empty when scopes)
    bool limits = false;        // memory maximum, CPU quota and restart above N MB can be applied
    QString limitsReason;       // why not (empty when limits)
    CgroupMemoryInterface memory = CgroupMemoryInterface::None;
    QString managerVersion;     // systemd's, for the log
};

// One line of /proc/PID/cgroup: "ID:CONTROLLERS:PATH" (ID 0 and no controllers: cgroup v2).
struct CgroupMembership
{
    int hierarchyId = -1;
    QStringList controllers;    // empty for v2; v1 named hierarchies keep "name=systemd"
    QString path;               // relative to the hierarchy's root, starting with '/'
};

// A cgroup file system from /proc/self/mountinfo.
struct CgroupMount
{
    QString root;               // the mounted directory of the hierarchy ('/' normally)
    QString mountPoint;
    bool v2 = false;
    QStringList controllers;    // v1: from the super options ("memory", "cpu", "name=systemd")
};

// Where one cgroup's files are, found from /proc/PID/cgroup and mountinfo; empty when absent.
struct CgroupDirectories
{
    QString unified;            // the v2 directory (cgroup.kill, cgroup.events, memory.* on v2)
    QString memoryV1;           // the v1 memory controller's directory
    QString cpuV1;              // the v1 cpu controller's directory
};

namespace CgroupRules {

// A unit name part as systemd escapes it (unit_name_escape(), `systemd-escape`): ASCII letters,
// digits, ':', '_' and '.' stay, '/' becomes '-', every other byte of the UTF-8 (and '-', '\' and
// a leading '.') becomes \xNN. Cut to at most `maxLength` characters without splitting an escape.
QString escapeUnitNamePart(const QString &text, int maxLength = 100);
// "procdeck-<escaped name>-<ProcDeck PID>-<counter>.scope"
QString scopeUnitName(const QString &entryName, qint64 procdeckPid, quint64 counter);

QList<CgroupMembership> parseProcCgroup(const QByteArray &text);
QList<CgroupMount> parseMountInfo(const QByteArray &text);
CgroupDirectories resolveDirectories(const QList<CgroupMembership> &memberships,
                                     const QList<CgroupMount> &mounts);
// The cgroup files of process `pid` (read from /proc); empty directories when it is gone.
CgroupDirectories directoriesOfProcess(qint64 pid);

// The memory interface the mounted hierarchies offer: v2 when the v2 root lists the memory
// controller, v1 when a v1 hierarchy holds it, else None.
CgroupMemoryInterface memoryInterface(const QList<CgroupMount> &mounts,
                                      const QByteArray &v2RootControllers);

// The transient scope's properties for StartTransientUnit, (name, value) in order, values typed
// as D-Bus wants them (PIDs au, MemoryMax t, CPUQuotaPerSecUSec t, …).
QList<QPair<QString, QVariant>> scopeProperties(const QString &entryName, const QList<qint64> &pids,
                                                 const ProcessLimits &limits,
                                                 CgroupMemoryInterface memory);

// A small file of /proc or a cgroup (up to 1 MiB); empty when it cannot be read (gone, no access).
QByteArray readSmallFile(const QString &path);

// A counter from a flat-keyed cgroup file ("oom_kill 3" in memory.events or memory.oom_control);
// -1 when the key is absent.
qint64 readCounter(const QByteArray &text, const QByteArray &key);

} // namespace CgroupRules

// The probe's result for the whole process, shared: the session bus, the systemd user manager
// and the kernel's hierarchies do not change while ProcDeck runs.
class CgroupSupport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CgroupSupport)

public:
    // The one instance, created (and its probe begun) on first use; lives until the application
    // ends. A process-wide fact, hence process-wide.
    static CgroupSupport *instance();

    CgroupAvailability availability() const;
    // The probe in the calling thread (blocking, bounded by `timeoutMs` for the bus): for tests
    // and for the probe's own thread.
    static constexpr int ProbeTimeoutMs = 1500;
    static CgroupAvailability probeNow(int timeoutMs = ProbeTimeoutMs);

signals:
    void availabilityChanged(); // once, when the probe has answered

private:
    explicit CgroupSupport(QObject *parent = nullptr);
    ~CgroupSupport() override;
    void setAvailability(const CgroupAvailability &availability);

    CgroupAvailability m_availability;
    QPointer<QThread> m_probe; // while it runs
};
