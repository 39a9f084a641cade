#include "outputmerge.h"

#include "outputlog.h"

#include <algorithm>
#include <limits>

namespace {

// The first line in [low, high) of the log whose sequence is at least `sequence` (`high` if none):
// a log's lines are sorted by sequence.
qint64 firstFrom(const OutputLog *log, qint64 low, qint64 high, quint64 sequence)
{
    while (low < high) {
        const qint64 middle = low + (high - low) / 2;
        if (log->lineSequence(middle) < sequence)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

} // namespace

void OutputMerge::setLogs(const QList<OutputLog *> &logs)
{
    m_sources.clear();
    for (OutputLog *log : logs) {
        Source source;
        source.log = log;
        m_sources.push_back(source);
    }
    clear();
}

void OutputMerge::update()
{
    ++m_generation;
    m_rowCount = 0;
    for (Source &source : m_sources) {
        source.begin = source.log ? firstShown(source.log) : 0;
        source.end = source.log ? source.log->endLineNumber() : 0;
        m_rowCount += source.end - source.begin;
    }
}

void OutputMerge::clear()
{
    for (Source &source : m_sources)
        source.begin = source.end = 0;
    m_rowCount = 0;
    ++m_generation;
}

void OutputMerge::clearSource(int source)
{
    Source &s = m_sources[size_t(source)];
    m_rowCount -= s.end - s.begin;
    s.begin = s.end = s.log ? s.log->endLineNumber() : 0;
    ++m_generation;
}

OutputMerge::Row OutputMerge::row(int index) const
{
    if (m_sources.size() == 1) {
        const Source &source = m_sources.front();
        const qint64 n = source.begin + index;
        return {source.log ? source.log->lineSequence(n) : 0, n, 0};
    }
    if (!windowValid() || index < m_window.start
        || index >= m_window.start + int(m_window.rows.size()))
        fillWindow(index);
    return m_window.rows[size_t(index - m_window.start)];
}

int OutputMerge::rowOfSequence(quint64 sequence) const
{
    if (sequence == 0)
        return 0;
    // The dropped rows (first), then the kept rows before it in each log.
    qint64 row = 0;
    for (size_t s = 0; s < m_sources.size(); ++s)
        row += lowerBound(s, sequence) - m_sources[s].begin;
    return int(row);
}

qint64 OutputMerge::liveBegin(size_t source) const
{
    const Source &s = m_sources[source];
    const qint64 first = s.log ? firstShown(s.log) : s.end;
    return std::clamp(first, s.begin, s.end);
}

qint64 OutputMerge::deadCount() const
{
    qint64 dead = 0;
    for (size_t s = 0; s < m_sources.size(); ++s)
        dead += liveBegin(s) - m_sources[s].begin;
    return dead;
}

qint64 OutputMerge::lowerBound(size_t source, quint64 sequence) const
{
    return firstFrom(m_sources[source].log, liveBegin(source), m_sources[source].end, sequence);
}

void OutputMerge::selectLive(qint64 rank, std::vector<qint64> &positions) const
{
    // The kept lines of each log are sorted by sequence, and sequences are unique: bisect on the
    // sequence for the smallest s with more than `rank` kept lines at or before it. Each log's
    // search range narrows with the bisection.
    const size_t count = m_sources.size();
    std::vector<qint64> low(count);
    std::vector<qint64> high(count);
    quint64 lowSequence = std::numeric_limits<quint64>::max();
    quint64 highSequence = 0;
    for (size_t s = 0; s < count; ++s) {
        low[s] = liveBegin(s);
        high[s] = m_sources[s].end;
        if (low[s] < high[s]) {
            const OutputLog *log = m_sources[s].log;
            lowSequence = std::min(lowSequence, log->lineSequence(low[s]));
            highSequence = std::max(highSequence, log->lineSequence(high[s] - 1));
        }
    }
    positions = high;
    if (lowSequence > highSequence)
        return;
    const std::vector<qint64> begins = low;
    std::vector<qint64> at(count);
    while (lowSequence < highSequence) {
        const quint64 middle = lowSequence + (highSequence - lowSequence) / 2;
        qint64 upTo = 0; // kept lines with a sequence <= middle
        for (size_t s = 0; s < count; ++s) {
            at[s] = firstFrom(m_sources[s].log, low[s], high[s], middle + 1);
            upTo += at[s] - begins[s];
        }
        if (upTo > rank) {
            highSequence = middle;
            high = at;
        } else {
            lowSequence = middle + 1;
            low = at;
        }
    }
    // lowSequence is the sequence of the row: the lines before it are the first `rank`.
    for (size_t s = 0; s < count; ++s)
        positions[s] = firstFrom(m_sources[s].log, low[s], high[s], lowSequence);
}

bool OutputMerge::windowValid() const
{
    if (m_window.generation != m_generation || m_window.firsts.size() != m_sources.size())
        return false;
    for (size_t s = 0; s < m_sources.size(); ++s) {
        if (m_window.firsts[s] != liveBegin(s))
            return false;
    }
    return true;
}

void OutputMerge::fillWindow(int index) const
{
    constexpr int WindowRows = 512;
    const int count = rowCount();
    const qint64 dead = deadCount();
    const bool onward = windowValid() && index == m_window.start + int(m_window.rows.size())
        && index >= dead;
    const int start = onward ? index : std::clamp(index - WindowRows / 2, 0, std::max(0, count - WindowRows));
    const int end = std::min(count, start + WindowRows);
    const size_t sources = m_sources.size();
    m_window.rows.clear();
    m_window.rows.reserve(size_t(end - start));

    // The rows whose line was dropped since update() come first, log by log.
    qint64 skipped = 0;
    for (size_t s = 0; s < sources && start + qint64(m_window.rows.size()) < std::min<qint64>(end, dead); ++s) {
        const Source &source = m_sources[s];
        const qint64 gone = liveBegin(s) - source.begin;
        const qint64 from = std::max<qint64>(0, start - skipped);
        for (qint64 i = from; i < gone && skipped + i < end; ++i)
            m_window.rows.push_back({0, source.begin + i, int(s)});
        skipped += gone;
    }
    OutputMergeCursor &cursor = m_window.cursor;
    if (!onward) {
        // Then the kept lines in arrival order from the row's place in each log.
        std::vector<qint64> from;
        selectLive(std::max<qint64>(0, start - dead), from);
        std::vector<const OutputLog *> logs(sources);
        std::vector<qint64> ends(sources);
        for (size_t s = 0; s < sources; ++s) {
            logs[s] = m_sources[s].log;
            ends[s] = m_sources[s].end;
        }
        cursor.start(std::move(logs), std::move(from), std::move(ends));
    }
    for (; start + int(m_window.rows.size()) < end && !cursor.atEnd(); cursor.advance())
        m_window.rows.push_back(cursor.row());
    // Cannot happen (the counts agree); keeps row() in range whatever the logs did.
    while (start + int(m_window.rows.size()) < end)
        m_window.rows.push_back({0, 0, 0});

    m_window.generation = m_generation;
    m_window.start = start;
    m_window.firsts.resize(sources);
    for (size_t s = 0; s < sources; ++s)
        m_window.firsts[s] = liveBegin(s);
}
