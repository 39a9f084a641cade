#pragma once

#include "outputlog.h"

#include <QList>
#include <QPointer>
#include <QRegularExpression>
#include <QString>

#include <deque>
#include <utility>
#include <vector>

// The rows an output view shows: the lines of one or several OutputLogs interleaved in arrival
// order (OutputLine::sequence), optionally only those that match a find pattern, and every match
// of the pattern. Rows are (log, line number) pairs, never copies of the text.
//
// Without a filter the rows are every kept line, and nothing is stored per row: update() only
// notes each log's range of line numbers, in O(logs) however many lines arrived or were dropped.
// With one log, row r is line first + r. With several, the r-th row of the merge is found by
// bisecting on the sequence number (each log's lines are sorted by it; O(k log n log S) for k logs),
// and the rows around it are merged into a small window that serves the rows in view, so reading
// the rows in order costs O(k) each. Rows are a snapshot of the last update(): a line a log drops
// before the next update() stays a row (an empty one, with sequence 0, ordered first) until then.
//
// With a filter the matching rows are stored, and update() follows the logs incrementally: new
// lines are examined, at most FindBudget characters per bounded update(), lines the logs dropped are
// removed, and the last line of each log, which may still grow or be rewritten by `\r`, is examined
// again. Matches are stored likewise whenever there is a pattern.
class OutputIndex final
{
public:
    struct Row
    {
        quint64 sequence = 0;
        qint64 line = 0;
        int source = 0; // index in the logs given to setLogs()
    };
    struct Match
    {
        quint64 sequence = 0;
        qint64 line = 0;
        int source = 0;
        int start = 0; // in the line's text
        int length = 0;
    };
    struct Result
    {
        bool matchesChanged = false;
        bool pending = false; // the budget ran out: call update() again
    };

    // With a pattern, one bounded update() examines at most this many characters (a few ms of
    // regular expression matching); the rest follows at the next update().
    static constexpr qint64 FindBudget = 2'000'000;

    void setLogs(const QList<OutputLog *> &logs);
    int sourceCount() const { return int(m_sources.size()); }
    OutputLog *log(int source) const { return m_sources[size_t(source)].log; }

    void setPattern(const QString &pattern, Qt::CaseSensitivity sensitivity, bool regularExpression);
    QString pattern() const { return m_pattern; }
    Qt::CaseSensitivity sensitivity() const { return m_sensitivity; }
    bool usesRegularExpression() const { return m_useRegex; }
    bool isPatternValid() const;
    bool isFinding() const; // a valid, non-empty pattern
    void setFilterEnabled(bool enabled) { m_filter = enabled; }
    bool isFilterEnabled() const { return m_filter; }

    // Forgets the rows: the next update() indexes the logs again from their first kept line.
    void reset();
    // A log was cleared: its rows and matches go.
    void purge(int source);
    // Brings the index up to date with the logs.
    Result update(bool bounded);

    int rowCount() const;
    bool isEmpty() const { return rowCount() == 0; }
    // 0 <= index < rowCount(). By value: a row is computed, not necessarily stored.
    Row row(int index) const;
    const OutputLine &line(const Row &row) const;
    int rowOfSequence(quint64 sequence) const; // the first row at or after it
    // Whether the rows are stored (a filter is on) rather than computed from the logs' ranges.
    bool storesRows() const { return m_filter && isFinding(); }

    int matchCount() const { return int(m_matches.size()); }
    const Match &match(int index) const { return m_matches[size_t(index)]; }
    int matchIndex(quint64 sequence, int start) const; // -1 when there is no such match
    std::pair<int, int> matchesOf(quint64 sequence) const; // [first, last) of that line's matches
    int firstMatchFrom(quint64 sequence) const;  // the first match at or after the line, or count
    int lastMatchUpTo(quint64 sequence) const;   // the last match at or before the line, or -1

private:
    struct Source
    {
        QPointer<OutputLog> log;
        qint64 nextLine = 0;     // the first line not yet examined for matches
        qint64 seenFirst = 0;    // the log's firstLineNumber() at the last update
        qint64 provisional = -1; // the last line, examined again at the next update
        qint64 begin = 0;        // without a filter, the rows are the lines [begin, end)
        qint64 end = 0;
    };
    // The rows [start, start + rows.size()) of the merge of several logs, and where each log's
    // next line after them is (to go on merging). Valid while `generation` is the index's and
    // each log's first line is still `firsts`.
    struct Window
    {
        quint64 generation = 0;
        int start = 0;
        std::vector<Row> rows;
        std::vector<qint64> next;
        std::vector<qint64> firsts;
    };

    void dropTrimmed();
    void collectMatches(const QString &text, const Row &row, std::vector<Match> &out) const;
    // Computed rows of several logs.
    qint64 liveBegin(size_t source) const; // the first of [begin, end) still in the log
    qint64 deadCount() const;              // rows whose line the log dropped since update()
    qint64 lowerBound(size_t source, quint64 sequence) const; // first live line at or after it
    void selectLive(qint64 rank, std::vector<qint64> &positions) const;
    void fillWindow(int index) const;
    bool windowValid() const;

    std::vector<Source> m_sources;
    qint64 m_rowCount = 0; // computed rows
    quint64 m_generation = 1;
    mutable Window m_window;
    std::deque<Row> m_rows; // stored rows (with a filter)
    std::deque<Match> m_matches;
    QString m_pattern;
    QRegularExpression m_regex;
    bool m_useRegex = false;
    Qt::CaseSensitivity m_sensitivity = Qt::CaseInsensitive;
    bool m_filter = false;
};
