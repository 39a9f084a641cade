#include "outputindex.h"

#include "outputlog.h"

#include <algorithm>
#include <iterator>
#include <limits>

namespace {

bool matchBefore(const OutputIndex::Match &a, const OutputIndex::Match &b)
{
    return std::make_pair(a.sequence, a.start) < std::make_pair(b.sequence, b.start);
}

bool rowBefore(const OutputIndex::Row &a, const OutputIndex::Row &b)
{
    return a.sequence < b.sequence;
}

// Appends sorted new items; those that belong before the end (a line examined again, a log that
// was examined less far than another) are merged with the tail they belong in.
template<typename T, typename Less>
void mergeInto(std::deque<T> &into, std::vector<T> &fresh, Less less)
{
    if (fresh.empty())
        return;
    std::sort(fresh.begin(), fresh.end(), less);
    if (into.empty() || less(into.back(), fresh.front())) {
        into.insert(into.end(), fresh.begin(), fresh.end());
        return;
    }
    const auto tailStart = std::upper_bound(into.begin(), into.end(), fresh.front(), less);
    std::vector<T> merged;
    merged.reserve(size_t(into.end() - tailStart) + fresh.size());
    std::merge(tailStart, into.end(), fresh.begin(), fresh.end(), std::back_inserter(merged), less);
    into.erase(tailStart, into.end());
    into.insert(into.end(), merged.begin(), merged.end());
}

} // namespace

void OutputIndex::setLogs(const QList<OutputLog *> &logs)
{
    m_merge.setLogs(logs);
    m_sources.assign(logs.size(), Source());
    reset();
}

void OutputIndex::setPattern(const QString &pattern, Qt::CaseSensitivity sensitivity,
                             bool regularExpression)
{
    m_pattern = pattern;
    m_sensitivity = sensitivity;
    m_useRegex = regularExpression;
    if (m_useRegex) {
        m_regex.setPattern(pattern);
        m_regex.setPatternOptions(sensitivity == Qt::CaseSensitive
                                      ? QRegularExpression::NoPatternOption
                                      : QRegularExpression::CaseInsensitiveOption);
        m_regex.optimize();
    }
}

bool OutputIndex::isPatternValid() const
{
    return !m_useRegex || m_pattern.isEmpty() || m_regex.isValid();
}

bool OutputIndex::isFinding() const
{
    return !m_pattern.isEmpty() && (!m_useRegex || m_regex.isValid());
}

void OutputIndex::reset()
{
    m_rows.clear();
    m_matches.clear();
    for (size_t s = 0; s < m_sources.size(); ++s) {
        const OutputLog *log = m_merge.log(int(s));
        m_sources[s].nextLine = log ? m_merge.firstShown(log) : 0;
        m_sources[s].seenFirst = m_sources[s].nextLine;
        m_sources[s].provisional = -1;
    }
    m_merge.clear();
}

void OutputIndex::purge(int source)
{
    if (source < 0 || source >= sourceCount())
        return;
    m_rows.erase(std::remove_if(m_rows.begin(), m_rows.end(),
                                [source](const Row &r) { return r.source == source; }),
                 m_rows.end());
    m_matches.erase(std::remove_if(m_matches.begin(), m_matches.end(),
                                   [source](const Match &m) { return m.source == source; }),
                    m_matches.end());
    const OutputLog *log = m_merge.log(source);
    Source &s = m_sources[size_t(source)];
    s.nextLine = log ? log->endLineNumber() : 0;
    s.seenFirst = log ? m_merge.firstShown(log) : 0;
    s.provisional = -1;
    m_merge.clearSource(source);
}

void OutputIndex::dropTrimmed()
{
    std::vector<qint64> firsts(m_sources.size(), 0);
    bool trimmed = false;
    for (size_t i = 0; i < m_sources.size(); ++i) {
        Source &source = m_sources[i];
        const OutputLog *log = m_merge.log(int(i));
        firsts[i] = log ? m_merge.firstShown(log) : std::numeric_limits<qint64>::max();
        if (firsts[i] > source.seenFirst) {
            trimmed = true;
            source.seenFirst = firsts[i];
        }
    }
    if (!trimmed)
        return;
    const auto rowGone = [&firsts](const Row &r) { return r.line < firsts[size_t(r.source)]; };
    const auto matchGone = [&firsts](const Match &m) { return m.line < firsts[size_t(m.source)]; };
    while (!m_rows.empty() && rowGone(m_rows.front()))
        m_rows.pop_front();
    while (!m_matches.empty() && matchGone(m_matches.front()))
        m_matches.pop_front();
    if (m_sources.size() > 1) {
        // Logs drop lines at different rates: gone rows can sit between kept ones.
        m_rows.erase(std::remove_if(m_rows.begin(), m_rows.end(), rowGone), m_rows.end());
        m_matches.erase(std::remove_if(m_matches.begin(), m_matches.end(), matchGone),
                        m_matches.end());
    }
}

void OutputIndex::collectMatches(const QString &text, const Row &row, std::vector<Match> &out) const
{
    if (m_useRegex) {
        QRegularExpressionMatchIterator it = m_regex.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (m.capturedLength() > 0)
                out.push_back({row.sequence, row.line, row.source, int(m.capturedStart()),
                               int(m.capturedLength())});
        }
        return;
    }
    qsizetype from = 0;
    while ((from = text.indexOf(m_pattern, from, m_sensitivity)) >= 0) {
        out.push_back({row.sequence, row.line, row.source, int(from), int(m_pattern.size())});
        from += m_pattern.size();
    }
}

// The last line of the previous pass may have grown or been rewritten since: its matches and its
// row go, and it is examined again.
void OutputIndex::examineProvisional(int s, Result &result, std::vector<Row> &fresh,
                                     std::vector<Match> &freshMatches)
{
    Source &source = m_sources[size_t(s)];
    const OutputLog *log = m_merge.log(s);
    if (source.provisional < m_merge.firstShown(log) || source.provisional >= log->endLineNumber())
        return;
    const OutputLine &line = log->line(source.provisional);
    const auto [from, to] = matchesOf(line.sequence);
    if (from != to) {
        m_matches.erase(m_matches.begin() + from, m_matches.begin() + to);
        result.matchesChanged = true;
    }
    if (m_filter) {
        const int row = rowOfSequence(line.sequence);
        if (row < rowCount() && m_rows[size_t(row)].sequence == line.sequence)
            m_rows.erase(m_rows.begin() + row);
    }
    const Row row{line.sequence, source.provisional, s};
    const size_t before = freshMatches.size();
    collectMatches(line.text, row, freshMatches);
    if (m_filter && freshMatches.size() > before)
        fresh.push_back(row);
}

OutputIndex::Result OutputIndex::update(bool bounded)
{
    Result result;
    // The computed rows: each log's range, O(logs).
    m_merge.update();
    if (!isFinding()) {
        // Nothing to examine: a pattern set later starts from reset().
        for (size_t s = 0; s < m_sources.size(); ++s) {
            const OutputLog *log = m_merge.log(int(s));
            m_sources[s].nextLine = log ? log->endLineNumber() : 0;
            m_sources[s].seenFirst = log ? m_merge.firstShown(log) : 0;
            m_sources[s].provisional = -1;
        }
        return result;
    }

    const size_t matchesBefore = m_matches.size();
    dropTrimmed();
    std::vector<Row> fresh;
    std::vector<Match> freshMatches;
    const qint64 budget = bounded
        ? std::max<qint64>(65536, FindBudget / std::max<qint64>(1, qint64(m_sources.size())))
        : std::numeric_limits<qint64>::max();
    for (size_t s = 0; s < m_sources.size(); ++s) {
        Source &source = m_sources[s];
        const OutputLog *log = m_merge.log(int(s));
        if (!log)
            continue;
        examineProvisional(int(s), result, fresh, freshMatches);
        const qint64 first = m_merge.firstShown(log);
        const qint64 end = log->endLineNumber();
        qint64 spent = 0;
        qint64 n = std::max(source.nextLine, first);
        for (; n < end && spent < budget; ++n) {
            const OutputLine &line = log->line(n);
            const Row row{line.sequence, n, int(s)};
            spent += line.text.size() + 16;
            const size_t before = freshMatches.size();
            collectMatches(line.text, row, freshMatches);
            if (m_filter && freshMatches.size() > before)
                fresh.push_back(row);
        }
        source.nextLine = n;
        // Out of budget: the lines examined so far are complete; go on next time.
        result.pending = result.pending || n < end;
        source.provisional = n < end || end == first ? -1 : end - 1;
    }
    mergeInto(m_rows, fresh, rowBefore);
    if (!freshMatches.empty())
        mergeInto(m_matches, freshMatches, matchBefore);
    result.matchesChanged = result.matchesChanged || !freshMatches.empty()
        || m_matches.size() != matchesBefore;
    return result;
}

const OutputLine &OutputIndex::line(const Row &row) const
{
    static const OutputLine empty;
    const OutputLog *log = m_merge.log(row.source);
    return log ? log->line(row.line) : empty;
}

int OutputIndex::rowOfSequence(quint64 sequence) const
{
    if (storesRows()) {
        const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), sequence,
                                         [](const Row &r, quint64 s) { return r.sequence < s; });
        return int(it - m_rows.cbegin());
    }
    return m_merge.rowOfSequence(sequence);
}

int OutputIndex::rowCount() const
{
    return storesRows() ? int(m_rows.size()) : m_merge.rowCount();
}

OutputIndex::Row OutputIndex::row(int index) const
{
    return storesRows() ? m_rows[size_t(index)] : m_merge.row(index);
}

int OutputIndex::matchIndex(quint64 sequence, int start) const
{
    const Match key{sequence, 0, 0, start, 0};
    const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), key, matchBefore);
    if (it == m_matches.cend() || it->sequence != sequence || it->start != start)
        return -1;
    return int(it - m_matches.cbegin());
}

std::pair<int, int> OutputIndex::matchesOf(quint64 sequence) const
{
    const auto from = std::lower_bound(m_matches.cbegin(), m_matches.cend(), sequence,
                                       [](const Match &m, quint64 s) { return m.sequence < s; });
    auto to = from;
    while (to != m_matches.cend() && to->sequence == sequence)
        ++to;
    return {int(from - m_matches.cbegin()), int(to - m_matches.cbegin())};
}

int OutputIndex::firstMatchFrom(quint64 sequence) const
{
    return matchesOf(sequence).first;
}

int OutputIndex::lastMatchUpTo(quint64 sequence) const
{
    const auto it = std::upper_bound(m_matches.cbegin(), m_matches.cend(), sequence,
                                     [](quint64 s, const Match &m) { return s < m.sequence; });
    return int(it - m_matches.cbegin()) - 1;
}
