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
// update() follows the logs incrementally: new lines are appended (indexed by their sequence alone,
// without decoding them, unless a pattern needs the text), lines the logs dropped are removed, and
// the last line of each log, which may still grow or be rewritten by `\r`, is examined again.
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

    int rowCount() const { return int(m_rows.size()); }
    bool isEmpty() const { return m_rows.empty(); }
    const Row &row(int index) const { return m_rows[size_t(index)]; }
    const OutputLine &line(const Row &row) const;
    int rowOfSequence(quint64 sequence) const; // the first row at or after it

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
        qint64 nextLine = 0;     // the first line not yet examined
        qint64 seenFirst = 0;    // the log's firstLineNumber() at the last update
        qint64 provisional = -1; // the last line, examined again at the next update
    };

    void dropTrimmed();
    void collectMatches(const QString &text, const Row &row, std::vector<Match> &out) const;

    std::vector<Source> m_sources;
    std::deque<Row> m_rows;
    std::deque<Match> m_matches;
    QString m_pattern;
    QRegularExpression m_regex;
    bool m_useRegex = false;
    Qt::CaseSensitivity m_sensitivity = Qt::CaseInsensitive;
    bool m_filter = false;
};
