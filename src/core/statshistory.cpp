#include "statshistory.h"

#include "managedprocess.h"
#include "processmanager.h"
#include "procstats.h"

#include <algorithm>

StatsHistory::StatsHistory(ProcessManager *manager, ProcStats *stats, QObject *parent, int capacity)
    : QObject(parent)
    , m_manager(manager)
    , m_stats(stats)
    , m_capacity(std::max(2, capacity))
{
    if (m_stats)
        connect(m_stats, &ProcStats::sampled, this, &StatsHistory::onSampled);
    if (m_manager)
        connect(m_manager, &ProcessManager::processAboutToBeRemoved, this, &StatsHistory::onProcessAboutToBeRemoved);
}

StatsHistory::~StatsHistory() = default;

int StatsHistory::capacity() const
{
    return m_capacity;
}

qint64 StatsHistory::spanMs() const
{
    return qint64(m_capacity) * (m_stats ? m_stats->interval() : 1000);
}

QList<StatsHistory::Point> StatsHistory::points(int processId) const
{
    const auto it = m_rings.constFind(processId);
    if (it == m_rings.constEnd())
        return {};
    const Ring &ring = *it;
    QList<Point> ordered;
    ordered.reserve(ring.size);
    const int first = (ring.head - ring.size + m_capacity) % m_capacity;
    for (int i = 0; i < ring.size; ++i)
        ordered.append(ring.points.at((first + i) % m_capacity));
    return ordered;
}

int StatsHistory::entryCount() const
{
    return int(m_rings.size());
}

void StatsHistory::record(int processId, int run, const TreeSample &sample)
{
    Ring &ring = m_rings[processId];
    if (ring.points.isEmpty())
        ring.points.resize(m_capacity);
    if (ring.run != run) {
        ring.run = run;
        ring.head = 0;
        ring.size = 0;
    }
    ring.points[ring.head] = Point{sample.cpuPercent, sample.rssBytes};
    ring.head = (ring.head + 1) % m_capacity;
    ring.size = std::min(ring.size + 1, m_capacity);
}

void StatsHistory::forget(int processId)
{
    m_rings.remove(processId);
}

void StatsHistory::onSampled()
{
    if (!m_manager)
        return;
    for (const ManagedProcess *process : m_manager->processes()) {
        if (!process->isAlive() || process->treeRootPid() <= 0)
            continue;
        if (const std::optional<TreeSample> sample = m_stats->treeSample(process->treeRootPid()))
            record(process->id(), process->runCount(), *sample);
    }
    emit updated();
}

void StatsHistory::onProcessAboutToBeRemoved(int row)
{
    if (const ManagedProcess *process = m_manager->at(row))
        forget(process->id());
}
