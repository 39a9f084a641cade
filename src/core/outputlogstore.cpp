#include "outputlogstore.h"

#include "bytescan.h"
#include "outputdecoder.h"

#include <algorithm>
#include <cstring>

namespace {

// Chunks of a sixteenth of the budget (1 MiB for the default), so that dropping whole chunks
// keeps most of the budget in use.
qsizetype chunkSizeFor(qint64 maxBytes)
{
    qsizetype size = OutputLogStore::MaxChunkSize;
    while (size > OutputLogStore::MinChunkSize && size * 16 > maxBytes)
        size /= 2;
    return size;
}

} // namespace

OutputLogStore::~OutputLogStore()
{
    totalUsed().fetch_sub(publishedBytes, std::memory_order_relaxed);
}

std::atomic<qint64> &OutputLogStore::totalUsed()
{
    static std::atomic<qint64> bytes{0};
    return bytes;
}

std::atomic<qint64> &OutputLogStore::totalMax()
{
    static std::atomic<qint64> bytes{OutputLog::DefaultTotalMaxBytes};
    return bytes;
}

std::atomic<qsizetype> &OutputLogStore::defaultMaxLines()
{
    static std::atomic<qsizetype> lines{OutputLog::DefaultMaxLines};
    return lines;
}

std::atomic<qint64> &OutputLogStore::defaultMaxBytes()
{
    static std::atomic<qint64> bytes{OutputLog::DefaultMaxBytes};
    return bytes;
}

// The deque slot, the UTF-16 buffer with its header, the span list.
qint64 OutputLogStore::memoryCost(const OutputLine &line)
{
    qint64 cost = qint64(sizeof(OutputLine));
    if (!line.text.isNull())
        cost += 32 + qint64(line.text.capacity()) * qint64(sizeof(QChar));
    if (!line.spans.isEmpty())
        cost += 32 + qint64(line.spans.capacity()) * qint64(sizeof(OutputSpan));
    return cost;
}

qint64 OutputLogStore::budget() const
{
    const qint64 others = totalUsed().load(std::memory_order_relaxed) - publishedBytes;
    return std::min(maxBytes, totalMax().load(std::memory_order_relaxed) - others);
}

// A new slot at the end of the ring (the ring grows unless that would go over the budget).
OutputLogStore::Entry &OutputLogStore::pushSlot()
{
    if (count == index.size() && count > 0
        && usedBytes + qint64(index.size() * sizeof(Entry)) > budget()) {
        dropFrontEntry(0); // growing the index would go over the budget
    }
    if (count == index.size()) {
        // Grow the ring, oldest entry first.
        std::vector<Entry> grown(std::max<size_t>(16, index.size() * 2));
        for (size_t i = 0; i < count; ++i)
            grown[i] = entryAt(i);
        index.swap(grown);
        head = 0;
        updateUsed();
    }
    ++count;
    Entry &entry = back();
    entry = Entry();
    entry.firstLine = first + keptLines;
    return entry;
}

// An entry of one line.
OutputLogStore::Entry &OutputLogStore::pushEntry()
{
    if (keptLines >= qint64(maxLines))
        dropLines(keptLines - qint64(maxLines) + 1);
    Entry &entry = pushSlot();
    ++keptLines;
    return entry;
}

// The entry (index in the ring) that holds a kept line.
size_t OutputLogStore::entryOf(qint64 lineNumber)
{
    auto holds = [&](size_t i) {
        const Entry &e = entryAt(i);
        return e.firstLine <= lineNumber && lineNumber < e.firstLine + qint64(e.lines);
    };
    if (lastHit < count && holds(lastHit))
        return lastHit;
    if (lastHit + 1 < count && holds(lastHit + 1))
        return ++lastHit;
    size_t low = 0;
    size_t high = count; // the first entry that starts after lineNumber
    while (low < high) {
        const size_t middle = low + (high - low) / 2;
        if (entryAt(middle).firstLine <= lineNumber)
            low = middle + 1;
        else
            high = middle;
    }
    lastHit = low - 1;
    return lastHit;
}

const OutputLogStore::SegmentLines &OutputLogStore::segmentLines(const Entry &entry)
{
    for (const SegmentLines &cached : m_segmentCache) {
        if (cached.firstLine == entry.firstLine && cached.sequence == entry.sequence)
            return cached;
    }
    SegmentLines &lines = m_segmentCache[m_segmentCacheNext];
    m_segmentCacheNext = (m_segmentCacheNext + 1) % SegmentCacheSize;
    lines.firstLine = entry.firstLine;
    lines.sequence = entry.sequence;
    if (lines.starts.capacity() > 4 * (size_t(entry.lines) + 1) + 1024)
        lines.starts = {};
    lines.starts.resize(size_t(entry.lines) + 1);
    const char *const base = bytesOf(entry);
    const char *p = base;
    const char *const end = base + entry.length;
    size_t n = 0;
    lines.starts[0] = 0;
    while (end - p >= 64) {
        quint64 mask = ByteScan::newlineMask(p);
        while (mask != 0) {
            lines.starts[++n] = quint32(p - base + __builtin_ctzll(mask) + 1);
            mask &= mask - 1;
        }
        p += 64;
    }
    for (; p < end; ++p) {
        if (*p == '\n')
            lines.starts[++n] = quint32(p - base + 1);
    }
    Q_ASSERT(n == entry.lines);
    return lines;
}

// The bytes of the lines of the oldest entry that are dropped while the entry is kept.
qint64 OutputLogStore::frontSkipBytes()
{
    if (count == 0)
        return 0;
    const Entry &front = index[head];
    const qint64 skipped = first - front.firstLine;
    if (skipped == 0)
        return 0;
    Q_ASSERT(front.flags & Segment);
    if (m_skipFirstLine != front.firstLine) {
        m_skipFirstLine = front.firstLine;
        m_skipLinesDone = 0;
        m_skipBytesDone = 0;
    }
    if (m_skipLinesDone < skipped) {
        const char *const base = bytesOf(front);
        m_skipBytesDone = ByteScan::skipLines(base + m_skipBytesDone, base + front.length, skipped - m_skipLinesDone) - base;
        m_skipLinesDone = skipped;
    }
    return m_skipBytesDone;
}

void OutputLogStore::dropLines(qint64 lines)
{
    while (lines > 0 && count > 0) {
        Entry &entry = index[head];
        const qint64 left = entry.firstLine + qint64(entry.lines) - first;
        const qint64 n = std::min(lines, left);
        first += n;
        keptLines -= n;
        droppedLines += n;
        lines -= n;
        if (n < left)
            break; // the oldest segment is kept, its first lines skipped
        if (entry.flags & Decoded) {
            OutputLine &line = decoded.front();
            droppedBytes += line.byteCount;
            decodedBytes -= memoryCost(line);
            decoded.pop_front();
            ++firstDecoded;
        } else {
            droppedBytes += (entry.flags & Segment) ? qint64(entry.length) : entry.byteCount();
            --chunkOf(entry).lines;
        }
        head = (head + 1) & (index.size() - 1);
        --count;
        lastHit = lastHit > 0 ? lastHit - 1 : 0;
        releaseChunks();
        updateUsed();
    }
}

void OutputLogStore::dropFrontEntry(qint64 keep)
{
    if (count == 0)
        return;
    const Entry &entry = index[head];
    const qint64 left = entry.firstLine + qint64(entry.lines) - first;
    dropLines(std::min(left, keptLines - keep));
}

OutputLine &OutputLogStore::pushDecoded(Entry &entry)
{
    entry.flags = Decoded;
    entry.where = firstDecoded + decoded.size();
    OutputLine &line = decoded.emplace_back();
    line.sequence = entry.sequence;
    line.timeMs = entry.timeMs;
    line.run = entry.run;
    line.stream = entry.stream;
    return line;
}

void OutputLogStore::releaseChunks()
{
    while (chunks.size() > 1 && chunks.front().lines == 0) {
        Chunk &chunk = chunks.front();
        if (!chunk.block && !spare && chunk.capacity == chunkSize)
            spare = std::move(chunk.owned);
        else
            chunkBytes -= chunk.cost();
        chunks.pop_front();
        ++firstChunk;
    }
}

void OutputLogStore::trimBytes()
{
    // The last line is always kept, so an open line is never dropped.
    const qint64 others = totalUsed().load(std::memory_order_relaxed) - publishedBytes;
    const qint64 total = totalMax().load(std::memory_order_relaxed);
    while (usedBytes > maxBytes || others + usedBytes > total) {
        if (spare) {
            dropSpare();
            updateUsed();
            continue;
        }
        // Memory comes free only as whole entries go: the rest of the oldest one goes at once.
        if (keptLines <= 1)
            break;
        dropFrontEntry(1);
    }
}

void OutputLogStore::publish()
{
    totalUsed().fetch_add(usedBytes - publishedBytes, std::memory_order_relaxed);
    publishedBytes = usedBytes;
}

void OutputLogStore::newChunk(qsizetype minBytes)
{
    // An open plain line moves along, so that its bytes stay in one piece.
    Entry *open = tailOpen && count > 0 && !(back().flags & Decoded) ? &back() : nullptr;
    const qsizetype carry = open ? qsizetype(open->length) : 0;
    const qsizetype wanted = chunkSizeFor(std::min(maxBytes, totalMax().load(std::memory_order_relaxed)));
    if (wanted != chunkSize)
        dropSpare();
    chunkSize = wanted;
    const qsizetype size = std::max(chunkSize, carry + minBytes);
    if (size == chunkSize) {
        // Before allocating, drop the lines that are over the budget: a chunk may come free.
        while (!spare && keptLines > 1 && usedBytes + size > budget())
            dropFrontEntry(1);
    }
    Chunk chunk;
    if (size == chunkSize && spare) {
        chunk.owned = std::move(spare);
    } else {
        chunk.owned.reset(new char[size_t(size)]);
        chunkBytes += size;
    }
    chunk.data = chunk.owned.get();
    chunk.capacity = size;
    if (open) {
        std::memcpy(chunk.data, bytesOf(*open), size_t(carry));
        --chunkOf(*open).lines;
        open->where = quint64(firstChunk + chunks.size()) << 32;
        chunk.used = carry;
        chunk.lines = 1;
    }
    chunks.push_back(std::move(chunk));
    releaseChunks();
    updateUsed();
}

char *OutputLogStore::reserve(qsizetype minBytes, qsizetype *capacity)
{
    minBytes = std::clamp<qsizetype>(minBytes, 1, chunkSize);
    if (chunks.empty() || chunks.back().block || chunks.back().capacity - chunks.back().used < minBytes)
        newChunk(minBytes);
    Chunk &chunk = chunks.back();
    *capacity = chunk.capacity - chunk.used;
    return chunk.data + chunk.used;
}

void OutputLogStore::adopt(OutputBlock *block, qsizetype offset)
{
    Chunk chunk;
    chunk.block = OutputBlockRef(block);
    chunk.data = block->data();
    chunk.capacity = block->capacity();
    chunk.used = offset;
    chunk.start = offset;
    chunks.push_back(std::move(chunk));
    releaseChunks();
    updateUsed();
}

// Where a plain line's bytes are, without converting them; false for a decoded line or one out of
// range.
bool OutputLogStore::findPlain(qint64 lineNumber, PlainLine *plain)
{
    if (lineNumber < first || lineNumber >= first + keptLines)
        return false;
    const Entry &entry = entryAt(entryOf(lineNumber));
    if (entry.flags & Decoded)
        return false;
    plain->entry = &entry;
    plain->bytes = bytesOf(entry);
    plain->sequence = entry.sequence;
    plain->length = entry.length;
    plain->flags = entry.flags;
    if (!(entry.flags & Segment)) {
        plain->byteCount = entry.byteCount();
        return true;
    }
    const qint64 i = lineNumber - entry.firstLine;
    plain->sequence += quint64(i);
    const SegmentLines &lines = segmentLines(entry);
    const quint32 start = lines.starts[size_t(i)];
    plain->byteCount = qint64(lines.starts[size_t(i) + 1] - start);
    plain->bytes += start;
    const int terminator = plain->byteCount >= 2 && plain->bytes[plain->byteCount - 2] == '\r' ? 2 : 1;
    plain->length = quint32(plain->byteCount - terminator);
    plain->flags = quint8(terminator << TerminatorShift);
    return true;
}

const char *OutputLogStore::findPlainRun(qint64 lineNumber, qint64 end, PlainLine *plain, qint64 *lines)
{
    *lines = 0;
    if (!findPlain(lineNumber, plain) || !(plain->entry->flags & Segment))
        return nullptr;
    const Entry &entry = *plain->entry;
    const qint64 last = std::min(end, entry.firstLine + qint64(entry.lines)); // exclusive
    *lines = last - lineNumber;
    return bytesOf(entry) + segmentLines(entry).starts[size_t(last - entry.firstLine)];
}

const OutputLine &OutputLogStore::readLine(qint64 lineNumber)
{
    static const OutputLine empty;
    if (lineNumber < first || lineNumber >= first + keptLines)
        return empty;
    const Entry &found = entryAt(entryOf(lineNumber));
    if (found.flags & Decoded)
        return decoded[size_t(found.where - firstDecoded)];
    if (found.flags & Segment) {
        const CachedLine &cached = m_cache[size_t(lineNumber) % CacheSize];
        if (cached.number == lineNumber && cached.sequence == found.sequence + quint64(lineNumber - found.firstLine))
            return cached.line; // a segment's lines do not change
    }
    PlainLine plain;
    findPlain(lineNumber, &plain);
    const Entry &entry = *plain.entry;

    CachedLine &cached = m_cache[size_t(lineNumber) % CacheSize];
    if (cached.number == lineNumber && cached.sequence == plain.sequence
        && cached.length == plain.length && cached.flags == plain.flags)
        return cached.line;
    OutputLine &line = cached.line;
    if (line.text.capacity() > 4 * qsizetype(plain.length) + 256)
        line.text = QString(); // do not keep a long line's buffer for short ones
    line.text = QLatin1StringView(plain.bytes, qsizetype(plain.length));
    line.spans.clear();
    line.timeMs = entry.timeMs;
    line.sequence = plain.sequence;
    line.byteCount = plain.byteCount;
    line.run = entry.run;
    line.stream = entry.stream;
    line.continued = plain.flags & Continued;
    cached.number = lineNumber;
    cached.sequence = plain.sequence;
    cached.length = plain.length;
    cached.flags = plain.flags;
    return line;
}

quint64 OutputLogStore::lineSequence(qint64 lineNumber)
{
    if (lineNumber < first || lineNumber >= first + keptLines)
        return 0;
    const Entry &entry = entryAt(entryOf(lineNumber));
    return entry.sequence + quint64(lineNumber - entry.firstLine);
}


void OutputLogStore::dropSpare()
{
    if (spare) {
        spare.reset();
        chunkBytes -= chunkSize;
    }
}

void OutputLogStore::clearLines()
{
    first += keptLines;
    index = {};
    head = 0;
    count = 0;
    keptLines = 0;
    lastHit = 0;
    firstChunk += chunks.size();
    chunks.clear();
    spare.reset();
    chunkBytes = 0;
    firstDecoded += decoded.size();
    decoded.clear();
    decodedBytes = 0;
    updateUsed();
    publish();
    droppedLines = 0;
    droppedBytes = 0;
    tailOpen = false;
}
