#pragma once

#include "outputmerge.h"
#include "outputtypes.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

#include <deque>
#include <utility>
#include <vector>

// The rows an output view shows: the lines of one or several OutputLogs interleaved in arrival
// order (OutputLine::sequence), optionally only those that match a find pattern, and every match
// of the pattern. Rows are (log, line number) pairs, never copies of the text.
//
// Without a filter the rows are every kept line, computed by an OutputMerge (nothing stored per
// row; see there).
//
// With a filter the matching rows are stored, and update() follows the logs incrementally: new
// lines are examined, at most FindBudget characters per bounded update(), lines the logs dropped are
// removed, and the last line of each log, which may still grow or be rewritten by `\r`, is examined
// again. Matches are stored likewise whenever there is a pattern.
class OutputIndex final
{
public:
    using Row = OutputRow; // source: the index in the logs given to setLogs()
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
    int sourceCount() const { return m_merge.sourceCount(); }
    OutputLog *log(int source) const { return m_merge.log(source); }

    void setPattern(const QString &pattern, Qt::CaseSensitivity sensitivity, bool regularExpression);
    QString pattern() const { return m_pattern; }
    Qt::CaseSensitivity sensitivity() const { return m_sensitivity; }
    bool usesRegularExpression() const { return m_useRegex; }
    bool isPatternValid() const;
    bool isFinding() const; // a valid, non-empty pattern
    void setFilterEnabled(bool enabled) { m_filter = enabled; }
    bool isFilterEnabled() const { return m_filter; }
    // Only each log's current run (OutputMerge::setCurrentRunOnly()); call reset() after a change.
    void setCurrentRunOnly(bool only) { m_merge.setCurrentRunOnly(only); }
    bool isCurrentRunOnly() const { return m_merge.isCurrentRunOnly(); }

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
    // How far each log was examined for matches.
    struct Source
    {
        qint64 nextLine = 0;     // the first line not yet examined for matches
        qint64 seenFirst = 0;    // the log's firstLineNumber() at the last update
        qint64 provisional = -1; // the last line, examined again at the next update
    };

    void dropTrimmed();
    void collectMatches(const QString &text, const Row &row, std::vector<Match> &out) const;
    void examineProvisional(int source, Result &result, std::vector<Row> &fresh,
                            std::vector<Match> &freshMatches);

    OutputMerge m_merge;
    std::vector<Source> m_sources;
    std::deque<Row> m_rows; // stored rows (with a filter)
    std::deque<Match> m_matches;
    QString m_pattern;
    QRegularExpression m_regex;
    bool m_useRegex = false;
    Qt::CaseSensitivity m_sensitivity = Qt::CaseInsensitive;
    bool m_filter = false;
};
