#include "outputmergecursor.h"

#include "outputlog.h"

#include <algorithm>

void OutputMergeCursor::start(std::vector<const OutputLog *> logs, std::vector<qint64> from,
                              std::vector<qint64> ends)
{
    Q_ASSERT(logs.size() == from.size() && logs.size() == ends.size());
    m_logs = std::move(logs);
    m_next = std::move(from);
    m_ends = std::move(ends);
    m_heads.assign(m_logs.size(), Exhausted);
    for (size_t s = 0; s < m_logs.size(); ++s)
        readHead(s);
    pickCurrent();
}

void OutputMergeCursor::advance()
{
    if (atEnd())
        return;
    ++m_next[m_current];
    readHead(m_current);
    pickCurrent();
}

void OutputMergeCursor::readHead(size_t source)
{
    const OutputLog *log = m_logs[source];
    m_heads[source] = log && m_next[source] < m_ends[source] ? log->lineSequence(m_next[source])
                                                            : Exhausted;
}

void OutputMergeCursor::pickCurrent()
{
    const auto smallest = std::min_element(m_heads.cbegin(), m_heads.cend());
    m_current = smallest == m_heads.cend() || *smallest == Exhausted
        ? NoSource
        : size_t(smallest - m_heads.cbegin());
}
