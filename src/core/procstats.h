#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

// One process as seen in the last sample.
struct ProcessSample
{
    qint64 pid = 0;
    qint64 ppid = 0;
    qint64 pgid = 0;
    QString name;            // comm from /proc/PID/stat (at most 15 bytes, any characters)
    QString command;         // /proc/PID/cmdline, shell-quoted for display; "[name]" when empty
                             // (kernel threads, zombies); filled in by tree() and process() only
    char state = '?';        // R, S, D, Z, T, t, I, X …
    double cpuPercent = 0;   // of one core, over the last interval; 0 when not yet known
    bool cpuKnown = false;   // false on the first sample that saw this process
    qint64 rssBytes = 0;     // resident set size
    int threadCount = 0;
    int depth = 0;           // tree(): 0 for the root, 1 for its children, …
};

// The sums over one process tree: every descendant of its root (children, grandchildren, and
// orphans re-parented to the root, such as a setsid() daemon), the root itself left out.
struct TreeSample
{
    double cpuPercent = 0;   // sum over the descendants whose CPU % is known
    qint64 rssBytes = 0;     // sum over the descendants (shared pages counted per process)
    int processCount = 0;    // zombies included, as long as they are in /proc
};

// The fields ProcStats uses from one /proc/PID/stat line (see proc(5)).
struct ProcStatFields
{
    qint64 pid = 0;
    QByteArray comm;
    char state = '?';
    qint64 ppid = 0;
    qint64 pgrp = 0;
    quint64 utime = 0;       // clock ticks
    quint64 stime = 0;       // clock ticks
    qint64 numThreads = 0;
    quint64 startTime = 0;   // clock ticks after boot
    qint64 rssPages = 0;
};

// Samples /proc on a timer: ONE pass over /proc per tick (every numeric directory, its `stat`)
// for all entries together, then answers per process tree from that pass
// without touching /proc again (except the command lines of the processes that tree() and
// process() return, read once per process and cached). Emits sampled() once per tick.
//
// CPU % is (utime + stime) difference between two samples over the elapsed time, in percent of
// one core; a process first seen in this sample has no figure (cpuKnown false) unless it started
// after the previous sample, in which case all its time was spent in the interval.
//
// The /proc root can be changed (tests point it at recordings under tests/data/proc). The
// clock is CLOCK_BOOTTIME for the real /proc and the `uptime` file of any other root, so that a
// recording carries its own time.
class ProcStats final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcStats)

public:
    explicit ProcStats(QObject *parent = nullptr, const QString &procRoot = QStringLiteral("/proc"));
    ~ProcStats() override;

    QString procRoot() const;
    void setProcRoot(const QString &procRoot); // keeps the previous sample for CPU differences

    int interval() const;                      // ms, default 1000
    void setInterval(int ms);

    // The roots whose trees are summed for treeSample(). A non-empty set runs the timer (a first
    // sample is taken at once, silently, as the baseline for CPU %); an empty set stops it.
    QList<qint64> watchedTrees() const;
    void setWatchedTrees(const QList<qint64> &roots);
    bool isActive() const;                     // the timer runs

    void sampleNow();                          // one pass now, then sampled()

    // The sums over the descendants of a watched root; nullopt when the root is not watched or was
    // not in the last sample (a root without descendants has a sample of zeros).
    std::optional<TreeSample> treeSample(qint64 root) const;
    // process() and tree() read the command lines of the processes they return (one small file
    // each): meant for a details panel, not for every row of the table (use treeSample() there).
    std::optional<ProcessSample> process(qint64 pid) const;
    // Depth-first, children in PID order, the root first (depth 0); empty when the root is gone.
    QList<ProcessSample> tree(qint64 rootPid) const;

    int processCount() const;                  // processes in the last sample, all of /proc
    qint64 sampleCount() const;                // passes over /proc taken so far
    qint64 lastSampleDurationNs() const;       // cost of the last pass (for benchmarks)

    // The living (not zombie) descendants of `root` (children, grandchildren, …), in PID order,
    // from one pass over `procRoot` that is independent of any sample. For a runner that kills
    // what its children left behind.
    static QList<qint64> liveDescendants(qint64 root, const QString &procRoot = QStringLiteral("/proc"));
    // The direct children of `pid` (of each of its threads, from /proc/PID/task/*/children), with
    // their stat fields; a child gone between the two reads is left out.
    static QList<ProcStatFields> children(qint64 pid, const QString &procRoot = QStringLiteral("/proc"));

    // Parsing, public for the tests.
    static std::optional<ProcStatFields> parseStat(QByteArrayView line);
    static QString commandFromCmdline(QByteArrayView cmdline, const QString &name);
    static std::optional<double> parseUptime(QByteArrayView text); // seconds

signals:
    void sampled(); // once per pass, after all figures were updated

private:
    struct Private;
    std::unique_ptr<Private> d;
};
