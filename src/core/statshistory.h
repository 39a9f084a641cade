#pragma once

#include <QHash>
#include <QList>
#include <QObject>

class ProcessManager;
class ProcStats;
struct TreeSample;

// The recent CPU % and memory of every entry, for the details panel's charts: on each of
// ProcStats' samples, one point per running entry (its tree's sums, as the table shows them) is
// appended to a ring of at most capacity() points per entry. A new run starts a new history; an
// entry that ended keeps its last run's points until it starts again or is removed.
//
// Cost: one hash look-up and one write per running entry and sample; a ring is allocated once, on
// the entry's first point (capacity() × 16 bytes: 4.7 KB for 5 minutes at 1 s, under 5 MB for
// 1,000 entries).
class StatsHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsHistory)

public:
    static constexpr int DefaultCapacity = 300; // 5 minutes at ProcStats' default interval

    struct Point
    {
        double cpuPercent = 0;
        qint64 rssBytes = 0;
    };

    // Either may be null (the unit tests feed record() and forget() themselves).
    StatsHistory(ProcessManager *manager, ProcStats *stats, QObject *parent = nullptr,
                 int capacity = DefaultCapacity);
    ~StatsHistory() override;

    int capacity() const;
    // The span a full ring covers at the sampler's interval (ms; at 1 s without a sampler).
    qint64 spanMs() const;

    // The entry's points of its current (or last) run, oldest first; empty for an unknown entry.
    QList<Point> points(int processId) const;
    int entryCount() const; // entries with a history

    // One point for the entry's run `run`; a different run than the stored one starts afresh.
    void record(int processId, int run, const TreeSample &sample);
    void forget(int processId);

signals:
    void updated(); // after the points of one sample were appended

private:
    struct Ring
    {
        int run = 0;
        int head = 0;  // where the next point goes
        int size = 0;
        QList<Point> points;
    };

    void onSampled();
    void onProcessAboutToBeRemoved(int row);

    ProcessManager *m_manager = nullptr;
    ProcStats *m_stats = nullptr;
    int m_capacity = DefaultCapacity;
    QHash<int, Ring> m_rings; // by ManagedProcess::id()
};
