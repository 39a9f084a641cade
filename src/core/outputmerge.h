#pragma once

#include "outputlog.h"
#include "outputmergecursor.h"

#include <QList>
#include <QPointer>

#include <algorithm>
#include <vector>

// Every kept line of several OutputLogs as one list of rows in arrival order, with nothing stored
// per row: update() only notes each log's range of line numbers, in O(logs) however many lines
// arrived or were dropped. With one log, row r is line first + r. With several, the r-th row is
// found by bisecting on the sequence number (each log's lines are sorted by it; O(k log n log S)
// for k logs), and the rows from there are walked with an OutputMergeCursor into a small window
// that serves the rows in view, so reading the rows in order costs O(k) each. Rows are a snapshot
// of the last update(): a line a log drops before the next update() stays a row (an empty one,
// with sequence 0, ordered first) until then.
class OutputMerge final
{
public:
    using Row = OutputRow;

    void setLogs(const QList<OutputLog *> &logs);
    int sourceCount() const { return int(m_sources.size()); }
    OutputLog *log(int source) const { return m_sources[size_t(source)].log; }

    // Only the lines of each log's current run (OutputLog::currentRunFirstLine()), as if the
    // earlier ones were dropped; takes effect at the next update().
    void setCurrentRunOnly(bool only) { m_currentRunOnly = only; }
    bool isCurrentRunOnly() const { return m_currentRunOnly; }
    // The first line of `log` shown: its first kept line, or of its current run.
    qint64 firstShown(const OutputLog *log) const
    {
        return m_currentRunOnly ? std::max(log->firstLineNumber(), log->currentRunFirstLine())
                                : log->firstLineNumber();
    }

    // Notes each log's kept lines as the rows.
    void update();
    // No rows until the next update().
    void clear();
    // Source `source` has no rows until the next update().
    void clearSource(int source);

    int rowCount() const { return int(m_rowCount); }
    // 0 <= index < rowCount(). By value: a row is computed, not stored.
    Row row(int index) const;
    int rowOfSequence(quint64 sequence) const; // the first row at or after it

private:
    struct Source
    {
        QPointer<OutputLog> log;
        qint64 begin = 0; // the rows are the lines [begin, end)
        qint64 end = 0;
    };
    // The rows [start, start + rows.size()) of the merge, and where each log's next line after
    // them is (to go on merging). Valid while `generation` is the merge's and each log's first
    // line is still `firsts`.
    struct Window
    {
        quint64 generation = 0;
        int start = 0;
        std::vector<Row> rows;
        std::vector<qint64> firsts;
        OutputMergeCursor cursor;
    };

    qint64 liveBegin(size_t source) const; // the first of [begin, end) still in the log
    qint64 deadCount() const;              // rows whose line the log dropped since update()
    qint64 lowerBound(size_t source, quint64 sequence) const; // first live line at or after it
    void selectLive(qint64 rank, std::vector<qint64> &positions) const;
    void fillWindow(int index) const;
    bool windowValid() const;

    std::vector<Source> m_sources;
    qint64 m_rowCount = 0;
    quint64 m_generation = 1;
    bool m_currentRunOnly = false;
    mutable Window m_window;
};
