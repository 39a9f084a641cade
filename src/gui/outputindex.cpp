#include "outputindex.h"

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
    m_sources.clear();
    for (OutputLog *log : logs) {
        Source source;
        source.log = log;
        m_sources.push_back(source);
    }
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
    for (Source &source : m_sources) {
        source.nextLine = source.log ? source.log->firstLineNumber() : 0;
        source.seenFirst = source.nextLine;
        source.provisional = -1;
        source.begin = source.end = 0;
    }
    m_rowCount = 0;
    ++m_generation;
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
    Source &s = m_sources[size_t(source)];
    s.nextLine = s.log ? s.log->endLineNumber() : 0;
    s.seenFirst = s.log ? s.log->firstLineNumber() : 0;
    s.provisional = -1;
    m_rowCount -= s.end - s.begin;
    s.begin = s.end = s.nextLine;
    ++m_generation;
}

void OutputIndex::dropTrimmed()
{
    std::vector<qint64> firsts(m_sources.size(), 0);
    bool trimmed = false;
    for (size_t i = 0; i < m_sources.size(); ++i) {
        Source &source = m_sources[i];
        firsts[i] = source.log ? source.log->firstLineNumber() : std::numeric_limits<qint64>::max();
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

OutputIndex::Result OutputIndex::update(bool bounded)
{
    Result result;
    // The computed rows: each log's range, O(logs).
    ++m_generation;
    m_rowCount = 0;
    for (Source &source : m_sources) {
        source.begin = source.log ? source.log->firstLineNumber() : 0;
        source.end = source.log ? source.log->endLineNumber() : 0;
        m_rowCount += source.end - source.begin;
    }
    const bool finding = isFinding();
    if (!finding) {
        // Nothing to examine: a pattern set later starts from reset().
        for (Source &source : m_sources) {
            source.nextLine = source.end;
            source.seenFirst = source.begin;
            source.provisional = -1;
        }
        return result;
    }

    const size_t matchesBefore = m_matches.size();
    dropTrimmed();
    const bool filtering = m_filter;
    std::vector<Row> fresh;
    std::vector<Match> freshMatches;
    for (size_t s = 0; s < m_sources.size(); ++s) {
        Source &source = m_sources[s];
        const OutputLog *log = source.log;
        if (!log)
            continue;
        const qint64 first = log->firstLineNumber();
        const qint64 end = log->endLineNumber();
        if (source.provisional >= first && source.provisional < end) {
            // The last line of the previous pass may have grown or been rewritten since.
            const OutputLine &line = log->line(source.provisional);
            const auto [from, to] = matchesOf(line.sequence);
            if (from != to) {
                m_matches.erase(m_matches.begin() + from, m_matches.begin() + to);
                result.matchesChanged = true;
            }
            if (filtering) {
                const int row = rowOfSequence(line.sequence);
                if (row < rowCount() && m_rows[size_t(row)].sequence == line.sequence)
                    m_rows.erase(m_rows.begin() + row);
            }
            const Row row{line.sequence, source.provisional, int(s)};
            const size_t before = freshMatches.size();
            collectMatches(line.text, row, freshMatches);
            if (filtering && freshMatches.size() > before)
                fresh.push_back(row);
        }
        const qint64 budget = bounded
            ? std::max<qint64>(65536, FindBudget / qint64(m_sources.size()))
            : std::numeric_limits<qint64>::max();
        qint64 spent = 0;
        qint64 n = std::max(source.nextLine, first);
        for (; n < end && spent < budget; ++n) {
            const OutputLine &line = log->line(n);
            const Row row{line.sequence, n, int(s)};
            spent += line.text.size() + 16;
            const size_t before = freshMatches.size();
            collectMatches(line.text, row, freshMatches);
            if (filtering && freshMatches.size() > before)
                fresh.push_back(row);
        }
        source.nextLine = n;
        if (n < end) {
            // Out of budget: the lines examined so far are complete; go on next time.
            source.provisional = -1;
            result.pending = true;
        } else {
            source.provisional = end > first ? end - 1 : -1;
        }
    }
    mergeInto(m_rows, fresh, rowBefore);
    if (!freshMatches.empty()) {
        result.matchesChanged = true;
        mergeInto(m_matches, freshMatches, matchBefore);
    }
    if (m_matches.size() != matchesBefore)
        result.matchesChanged = true;
    return result;
}

const OutputLine &OutputIndex::line(const Row &row) const
{
    static const OutputLine empty;
    const OutputLog *log = m_sources[size_t(row.source)].log;
    return log ? log->line(row.line) : empty;
}

int OutputIndex::rowOfSequence(quint64 sequence) const
{
    if (storesRows()) {
        const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), sequence,
                                         [](const Row &r, quint64 s) { return r.sequence < s; });
        return int(it - m_rows.cbegin());
    }
    if (sequence == 0)
        return 0;
    // The dropped rows (first), then the kept rows before it in each log.
    qint64 row = 0;
    for (size_t s = 0; s < m_sources.size(); ++s)
        row += lowerBound(s, sequence) - m_sources[s].begin;
    return int(row);
}

int OutputIndex::rowCount() const
{
    return storesRows() ? int(m_rows.size()) : int(m_rowCount);
}

OutputIndex::Row OutputIndex::row(int index) const
{
    if (storesRows())
        return m_rows[size_t(index)];
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

qint64 OutputIndex::liveBegin(size_t source) const
{
    const Source &s = m_sources[source];
    const qint64 first = s.log ? s.log->firstLineNumber() : s.end;
    return std::clamp(first, s.begin, s.end);
}

qint64 OutputIndex::deadCount() const
{
    qint64 dead = 0;
    for (size_t s = 0; s < m_sources.size(); ++s)
        dead += liveBegin(s) - m_sources[s].begin;
    return dead;
}

qint64 OutputIndex::lowerBound(size_t source, quint64 sequence) const
{
    const OutputLog *log = m_sources[source].log;
    qint64 low = liveBegin(source);
    qint64 high = m_sources[source].end;
    while (low < high) {
        const qint64 middle = low + (high - low) / 2;
        if (log->lineSequence(middle) < sequence)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

void OutputIndex::selectLive(qint64 rank, std::vector<qint64> &positions) const
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
            const OutputLog *log = m_sources[s].log;
            qint64 a = low[s];
            qint64 b = high[s];
            while (a < b) {
                const qint64 m = a + (b - a) / 2;
                if (log->lineSequence(m) <= middle)
                    a = m + 1;
                else
                    b = m;
            }
            at[s] = a;
            upTo += a - begins[s];
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
    for (size_t s = 0; s < count; ++s) {
        const OutputLog *log = m_sources[s].log;
        qint64 a = low[s];
        qint64 b = high[s];
        while (a < b) {
            const qint64 m = a + (b - a) / 2;
            if (log->lineSequence(m) < lowSequence)
                a = m + 1;
            else
                b = m;
        }
        positions[s] = a;
    }
}

bool OutputIndex::windowValid() const
{
    if (m_window.generation != m_generation || m_window.firsts.size() != m_sources.size())
        return false;
    for (size_t s = 0; s < m_sources.size(); ++s) {
        if (m_window.firsts[s] != liveBegin(s))
            return false;
    }
    return true;
}

void OutputIndex::fillWindow(int index) const
{
    constexpr int WindowRows = 512;
    const int count = rowCount();
    const qint64 dead = deadCount();
    const bool onward = windowValid() && index == m_window.start + int(m_window.rows.size())
        && index >= dead;
    const int start = onward ? index : std::clamp(index - WindowRows / 2, 0, std::max(0, count - WindowRows));
    const int end = std::min(count, start + WindowRows);
    const size_t sources = m_sources.size();
    std::vector<qint64> next = onward ? m_window.next : std::vector<qint64>(sources);
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
    if (!onward)
        selectLive(std::max<qint64>(0, start - dead), next);

    // Then a k-way merge of the kept lines from there.
    std::vector<quint64> heads(sources, std::numeric_limits<quint64>::max());
    for (size_t s = 0; s < sources; ++s) {
        if (next[s] < m_sources[s].end)
            heads[s] = m_sources[s].log->lineSequence(next[s]);
    }
    while (start + int(m_window.rows.size()) < end) {
        const size_t s = size_t(std::min_element(heads.cbegin(), heads.cend()) - heads.cbegin());
        if (heads[s] == std::numeric_limits<quint64>::max())
            break; // cannot happen: the counts agree
        m_window.rows.push_back({heads[s], next[s], int(s)});
        ++next[s];
        heads[s] = next[s] < m_sources[s].end ? m_sources[s].log->lineSequence(next[s])
                                             : std::numeric_limits<quint64>::max();
    }
    // Cannot happen either; keeps row() in range whatever the logs did.
    while (start + int(m_window.rows.size()) < end)
        m_window.rows.push_back({0, 0, 0});

    m_window.generation = m_generation;
    m_window.start = start;
    m_window.next = std::move(next);
    m_window.firsts.resize(sources);
    for (size_t s = 0; s < sources; ++s)
        m_window.firsts[s] = liveBegin(s);
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
