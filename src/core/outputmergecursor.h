#pragma once

#include <QtGlobal>

#include <limits>
#include <vector>

class OutputLog;

// A line of one of several logs: its arrival order, its number in its log, which log.
struct OutputRow
{
    quint64 sequence = 0;
    qint64 line = 0;
    int source = 0; // index of the log in the list the rows were made from
};

// Walks the lines of several OutputLogs in arrival order (OutputLine::sequence): a k-way merge
// from a line of each log up to an end of each. Each log's lines are sorted by sequence and
// sequences are unique across logs, so the order is total. Reads only lineSequence() (no line is
// decoded) and stores nothing per line: the output pane's All view (through OutputMerge) and the
// headless runner walk their logs with it.
class OutputMergeCursor final
{
public:
    // logs[i] from line from[i] up to (not including) ends[i]; a null log has no lines.
    void start(std::vector<const OutputLog *> logs, std::vector<qint64> from, std::vector<qint64> ends);

    bool atEnd() const { return m_current == NoSource; }
    // The current line; only when !atEnd().
    OutputRow row() const
    {
        return {m_heads[m_current], m_next[m_current], int(m_current)};
    }
    void advance();
    // Each log's next line not yet walked (its end once walked through).
    const std::vector<qint64> &positions() const { return m_next; }

private:
    static constexpr size_t NoSource = std::numeric_limits<size_t>::max();
    static constexpr quint64 Exhausted = std::numeric_limits<quint64>::max();

    void readHead(size_t source);
    void pickCurrent();

    std::vector<const OutputLog *> m_logs;
    std::vector<qint64> m_next;
    std::vector<qint64> m_ends;
    std::vector<quint64> m_heads; // the sequence of each log's next line; Exhausted after its end
    size_t m_current = NoSource;
};
