#include "outputlog.h"

#include "outputdecoder.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#endif


bool operator==(const OutputSpan &a, const OutputSpan &b)
{
    return a.start == b.start && a.length == b.length && a.foreground == b.foreground
        && a.background == b.background && a.bold == b.bold && a.italic == b.italic
        && a.underline == b.underline && a.inverse == b.inverse
        && a.foregroundRgb == b.foregroundRgb && a.backgroundRgb == b.backgroundRgb;
}

namespace {

// Arrival order across every log of the program, for the All view: `count` consecutive numbers
// with one atomic operation. An append reserves as many as it could possibly use (one per byte,
// plus two) and may leave some unused: sequences are increasing and unique, not dense.
quint64 reserveSequences(quint64 count)
{
    static std::atomic<quint64> next{1};
    return next.fetch_add(count, std::memory_order_relaxed);
}

// The memory of every log together, and its budget.
std::atomic<qint64> &totalUsed()
{
    static std::atomic<qint64> bytes{0};
    return bytes;
}

std::atomic<qint64> &totalMax()
{
    static std::atomic<qint64> bytes{OutputLog::DefaultTotalMaxBytes};
    return bytes;
}

// What a decoded line costs in memory, roughly as the allocator sees it: the deque slot, the
// UTF-16 buffer with its header, the span list.
qint64 memoryCost(const OutputLine &line)
{
    qint64 cost = qint64(sizeof(OutputLine));
    if (!line.text.isNull())
        cost += 32 + qint64(line.text.capacity()) * qint64(sizeof(QChar));
    if (!line.spans.isEmpty())
        cost += 32 + qint64(line.spans.capacity()) * qint64(sizeof(OutputSpan));
    return cost;
}

int streamIndex(OutputStream stream)
{
    return stream == OutputStream::Stderr ? 1 : 0;
}

constexpr qsizetype MaxChunkSize = 1024 * 1024;
constexpr qsizetype MinChunkSize = 4096;
constexpr qsizetype MaxLine = OutputDecoder::MaxLineLength;

// Chunks of a sixteenth of the budget (1 MiB for the default), so that dropping whole chunks
// keeps most of the budget in use.
qsizetype chunkSizeFor(qint64 maxBytes)
{
    qsizetype size = MaxChunkSize;
    while (size > MinChunkSize && size * 16 > maxBytes)
        size /= 2;
    return size;
}

// Bit i set: byte i of the 64 at `p` is special for OutputDecoder::findSpecial (not printable
// ASCII). Adding 0x60 maps printable ASCII to the signed bytes -128..-34, everything else above.
inline quint64 specialMask(const char *p, qsizetype size)
{
    quint64 mask = 0;
    qsizetype i = 0;
#ifdef __SSE2__
    if (size >= 64) {
        const __m128i shift = _mm_set1_epi8(0x60);
        const __m128i limit = _mm_set1_epi8(-34);
        for (; i < 64; i += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
            mask |= quint64(quint16(_mm_movemask_epi8(_mm_cmpgt_epi8(_mm_add_epi8(v, shift), limit)))) << i;
        }
        return mask;
    }
#endif
    for (; i < std::min<qsizetype>(size, 64); ++i) {
        const uchar c = uchar(p[i]);
        if (c < 0x20 || c >= 0x7F)
            mask |= quint64(1) << i;
    }
    return mask;
}

#if defined(__GNUC__) && defined(__x86_64__)
[[gnu::target("avx2")]] inline quint64 specialMaskAvx2(const char *p, qsizetype size)
{
    if (size < 64)
        return specialMask(p, size);
    const __m256i shift = _mm256_set1_epi8(0x60);
    const __m256i limit = _mm256_set1_epi8(-34);
    const __m256i low = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
    const __m256i high = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + 32));
    const quint32 lowMask = quint32(_mm256_movemask_epi8(_mm256_cmpgt_epi8(_mm256_add_epi8(low, shift), limit)));
    const quint32 highMask = quint32(_mm256_movemask_epi8(_mm256_cmpgt_epi8(_mm256_add_epi8(high, shift), limit)));
    return quint64(highMask) << 32 | lowMask;
}
#endif

// Bit i set: byte i of the 64 at `p` is a `\n` (64 bytes must be readable).
inline quint64 newlineMask(const char *p)
{
    quint64 mask = 0;
#ifdef __SSE2__
    const __m128i newline = _mm_set1_epi8('\n');
    for (int i = 0; i < 64; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        mask |= quint64(quint16(_mm_movemask_epi8(_mm_cmpeq_epi8(v, newline)))) << i;
    }
#else
    for (int i = 0; i < 64; ++i) {
        if (p[i] == '\n')
            mask |= quint64(1) << i;
    }
#endif
    return mask;
}

// Where the line after the k-th `\n` from `p` starts (`end` if there are fewer).
const char *skipLines(const char *p, const char *end, qint64 k)
{
    if (k <= 0)
        return p;
    while (end - p >= 64) {
        quint64 mask = newlineMask(p);
        const int found = __builtin_popcountll(mask);
        if (found >= k) {
            for (; k > 1; --k)
                mask &= mask - 1;
            return p + __builtin_ctzll(mask) + 1;
        }
        k -= found;
        p += 64;
    }
    for (; p < end; ++p) {
        if (*p == '\n' && --k == 0)
            return p + 1;
    }
    return end;
}

} // namespace

// Three stores, dropped from the front in step:
// - `index`: a ring of entries (sequence, time, run, stream, where). An entry is one line, or a
//   SEGMENT: a run of complete plain lines taken in by one append, stored as one entry (the
//   bytes, their count of lines, the first of their consecutive sequence numbers) so that a
//   flood costs no work per line at intake. A segment's line offsets are found only when one of
//   its lines is read (a small cache of segments' offsets); the line bound drops whole entries
//   from the front and skips the first lines of the oldest segment (the bytes of the skipped
//   lines are counted only when asked for).
// - `chunks`: the bytes as read. A plain line is a (chunk, offset, length) in them; a chunk is
//   freed (or kept as the one spare) as soon as no kept line refers to it, so a flood costs no
//   allocation per line nor per read. A plain open line is kept contiguous: when a chunk is
//   full, the open line's bytes (at most 64 KiB) move to the start of the next one.
// - `decoded`: OutputLines for messages and the lines the decoder made (escapes, controls,
//   non-ASCII, `\r`), and for the decoder's open line.
struct OutputLog::Private final : public OutputLineSink
{
    enum Flag : quint8 {
        Decoded = 1,        // `where` is a serial in `decoded`
        Continued = 2,
        TerminatorShift = 2, // bits 2-3: the bytes of `\n` or `\r\n` after a plain line
        Segment = 16        // `lines` complete plain lines, `length` bytes with their terminators
    };
    struct Entry
    {
        quint64 sequence = 0;
        qint64 timeMs = 0;
        quint64 where = 0;   // plain: chunk serial << 32 | offset; decoded: serial in `decoded`
        quint32 length = 0;  // plain: bytes of text
        quint32 lines = 1;   // lines in the entry (more than one: a segment)
        qint64 firstLine = 0; // line number of its first line
        qint32 run = 0;
        OutputStream stream = OutputStream::Stdout;
        quint8 flags = 0;

        qint64 byteCount() const { return qint64(length) + ((flags >> TerminatorShift) & 3); }
    };
    struct Chunk
    {
        std::unique_ptr<char[]> data;
        qsizetype capacity = 0;
        qsizetype used = 0;
        qint64 lines = 0; // kept plain entries (lines and segments) in it
    };
    struct CachedLine
    {
        qint64 number = -1;
        quint64 sequence = 0;
        quint32 length = 0;
        quint8 flags = 0;
        OutputLine line;
    };
    static constexpr size_t CacheSize = 128;
    // A segment's line starts (offsets from its first byte; one more: its end).
    struct SegmentLines
    {
        qint64 firstLine = -1;
        quint64 sequence = 0;
        std::vector<quint32> starts;
    };
    static constexpr size_t SegmentCacheSize = 4;

    std::vector<Entry> index; // ring, capacity a power of two
    size_t head = 0;          // slot of firstLineNumber()
    size_t count = 0;         // kept entries
    qint64 keptLines = 0;     // kept lines
    qint64 first = 0;
    size_t lastHit = 0;       // entry of the last line looked up

    std::deque<Chunk> chunks;
    quint64 firstChunk = 0;   // serial of chunks.front()
    std::unique_ptr<char[]> spare; // a free chunk of chunkSize bytes
    qsizetype chunkSize = MaxChunkSize;
    qint64 chunkBytes = 0;    // chunks and spare

    std::deque<OutputLine> decoded;
    quint64 firstDecoded = 0; // serial of decoded.front()
    qint64 decodedBytes = 0;

    qsizetype maxLines = DefaultMaxLines;
    qint64 maxBytes = DefaultMaxBytes;
    qint64 usedBytes = 0;
    qint64 publishedBytes = 0; // usedBytes as counted in totalUsed()
    qint64 droppedLines = 0;
    qint64 droppedBytes = 0;
    qint64 received[3] = {0, 0, 0};
    quint64 tailRevision = 0;
    int run = 0;
    OutputDecoder decoders[2];
    bool decoding[2] = {false, false}; // the decoder carries state: bytes go through it
    bool tailOpen = false;             // the last line is open, of stream tailStream
    int tailStream = 0;

    // While bytes are taken in
    OutputStream sinkStream = OutputStream::Stdout;
    qint64 sinkTime = 0;
    quint64 sinkSequence = 0;    // next reserved sequence number
    quint64 sinkSequenceEnd = 0;
    bool sinkCompletesTail = false; // the decoder's next line is the open tail, completed
    OutputLine *filling = nullptr;  // handed out, its cost not yet counted

    std::array<CachedLine, CacheSize> cache;
    std::array<SegmentLines, SegmentCacheSize> segmentCache;
    size_t segmentCacheNext = 0;
    // The bytes of the first lines of the oldest segment that are dropped, found when asked for:
    // for the segment starting at skipFirstLine, skipLines lines take skipBytes bytes.
    qint64 skipFirstLine = -1;
    qint64 skipLinesDone = 0;
    qint64 skipBytesDone = 0;

    ~Private() { totalUsed().fetch_sub(publishedBytes, std::memory_order_relaxed); }

    Entry &entryAt(size_t i) { return index[(head + i) & (index.size() - 1)]; }
    const Entry &entryAt(size_t i) const { return index[(head + i) & (index.size() - 1)]; }
    Entry &back() { return entryAt(count - 1); }
    Chunk &chunkOf(const Entry &e) { return chunks[size_t((e.where >> 32) - firstChunk)]; }
    const char *bytesOf(const Entry &e) const
    {
        return chunks[size_t((e.where >> 32) - firstChunk)].data.get() + (e.where & 0xFFFFFFFFu);
    }
    OutputLine &decodedOf(const Entry &e) { return decoded[size_t(e.where - firstDecoded)]; }

    void updateUsed() { usedBytes = chunkBytes + qint64(index.size() * sizeof(Entry)) + decodedBytes; }
    // What this log may use now: its own budget, or what the other logs leave of the total.
    qint64 budget() const
    {
        const qint64 others = totalUsed().load(std::memory_order_relaxed) - publishedBytes;
        return std::min(maxBytes, totalMax().load(std::memory_order_relaxed) - others);
    }

    Entry &pushEntry();
    Entry &pushSlot();
    void pushSegment(int stream, const char *start, qsizetype bytes, qint64 lines, quint64 sequence);
    size_t entryOf(qint64 lineNumber);
    const SegmentLines &segmentLines(const Entry &entry);
    qint64 frontSkipBytes();
    void dropLines(qint64 lines);
    // Drops what is left of the oldest entry, keeping at least `keep` lines in the log.
    void dropFrontEntry(qint64 keep);
    OutputLine &pushDecoded(Entry &entry);
    quint64 takeSequence();
    void dropFront() { dropLines(1); }
    void releaseChunks();
    void trimBytes();
    void publish();
    void newChunk(qsizetype minBytes);
    char *reserve(qsizetype minBytes, qsizetype *capacity);
    void take(int stream, qsizetype bytes);
    void scanPlain(int stream, const char *p, const char *end);
    template<quint64 (*SpecialMask)(const char *, qsizetype)>
    [[gnu::always_inline]] inline void scanLines(int stream, const char *p, const char *end);
#if defined(__GNUC__) && defined(__x86_64__)
    [[gnu::target("avx2")]] void scanLinesAvx2(int stream, const char *p, const char *end);
#endif
    void pushPlain(int stream, const char *start, qsizetype length, int terminator, bool continued);
    // A whole plain line ending at `stop`, cut into MaxLine pieces when longer; returns the next
    // line's start.
    const char *pushPlainCut(int stream, const char *start, const char *stop, int terminator);
    void openPlain(int stream, const char *start, qsizetype length);
    const char *feedDecoder(int stream, const char *p, const char *end);
    template<typename Call>
    void withDecoder(int stream, Call call);
    void closeTail();
    void pushMessage(QStringView text);
    void startIntake(int stream, qsizetype bytes);

    OutputLine &nextLine() override;
    void finishFilling();
};

// A new slot at the end of the ring (the ring grows unless that would go over the budget).
OutputLog::Private::Entry &OutputLog::Private::pushSlot()
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
OutputLog::Private::Entry &OutputLog::Private::pushEntry()
{
    if (keptLines >= qint64(maxLines))
        dropLines(keptLines - qint64(maxLines) + 1);
    Entry &entry = pushSlot();
    ++keptLines;
    return entry;
}

// `lines` complete plain lines at `start`, `bytes` long with their terminators, with the
// consecutive sequence numbers from `sequence`.
void OutputLog::Private::pushSegment(int stream, const char *start, qsizetype bytes, qint64 lines,
                                     quint64 sequence)
{
    if (keptLines + lines > qint64(maxLines))
        dropLines(std::min(keptLines, keptLines + lines - qint64(maxLines)));
    Entry &entry = pushSlot();
    entry.sequence = sequence;
    entry.timeMs = sinkTime;
    entry.where = quint64(firstChunk + chunks.size() - 1) << 32 | quint64(start - chunks.back().data.get());
    entry.length = quint32(bytes);
    entry.lines = quint32(lines);
    entry.run = run;
    entry.stream = stream == 1 ? OutputStream::Stderr : OutputStream::Stdout;
    entry.flags = Segment;
    ++chunks.back().lines;
    keptLines += lines;
    if (keptLines > qint64(maxLines)) // more lines than the bound in one append
        dropLines(keptLines - qint64(maxLines));
}

// The entry (index in the ring) that holds a kept line.
size_t OutputLog::Private::entryOf(qint64 lineNumber)
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

const OutputLog::Private::SegmentLines &OutputLog::Private::segmentLines(const Entry &entry)
{
    for (const SegmentLines &cached : segmentCache) {
        if (cached.firstLine == entry.firstLine && cached.sequence == entry.sequence)
            return cached;
    }
    SegmentLines &lines = segmentCache[segmentCacheNext];
    segmentCacheNext = (segmentCacheNext + 1) % SegmentCacheSize;
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
        quint64 mask = newlineMask(p);
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
qint64 OutputLog::Private::frontSkipBytes()
{
    if (count == 0)
        return 0;
    const Entry &front = index[head];
    const qint64 skipped = first - front.firstLine;
    if (skipped == 0)
        return 0;
    Q_ASSERT(front.flags & Segment);
    if (skipFirstLine != front.firstLine) {
        skipFirstLine = front.firstLine;
        skipLinesDone = 0;
        skipBytesDone = 0;
    }
    if (skipLinesDone < skipped) {
        const char *const base = bytesOf(front);
        skipBytesDone = skipLines(base + skipBytesDone, base + front.length, skipped - skipLinesDone) - base;
        skipLinesDone = skipped;
    }
    return skipBytesDone;
}

void OutputLog::Private::dropLines(qint64 lines)
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

void OutputLog::Private::dropFrontEntry(qint64 keep)
{
    if (count == 0)
        return;
    const Entry &entry = index[head];
    const qint64 left = entry.firstLine + qint64(entry.lines) - first;
    dropLines(std::min(left, keptLines - keep));
}

OutputLine &OutputLog::Private::pushDecoded(Entry &entry)
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

quint64 OutputLog::Private::takeSequence()
{
    if (sinkSequence == sinkSequenceEnd) { // not expected: the reservation is an upper bound
        sinkSequence = reserveSequences(1024);
        sinkSequenceEnd = sinkSequence + 1024;
    }
    return sinkSequence++;
}

// Front chunks no kept line refers to go; the last chunk is the one being written.
void OutputLog::Private::releaseChunks()
{
    while (chunks.size() > 1 && chunks.front().lines == 0) {
        Chunk &chunk = chunks.front();
        if (!spare && chunk.capacity == chunkSize) {
            spare = std::move(chunk.data);
        } else {
            chunkBytes -= chunk.capacity;
        }
        chunks.pop_front();
        ++firstChunk;
    }
}

void OutputLog::Private::trimBytes()
{
    // The last line is always kept, so an open line is never dropped.
    const qint64 others = totalUsed().load(std::memory_order_relaxed) - publishedBytes;
    const qint64 total = totalMax().load(std::memory_order_relaxed);
    while (usedBytes > maxBytes || others + usedBytes > total) {
        if (spare) {
            spare.reset();
            chunkBytes -= chunkSize;
            updateUsed();
            continue;
        }
        // Memory comes free only as whole entries go: the rest of the oldest one goes at once.
        if (keptLines <= 1)
            break;
        dropFrontEntry(1);
    }
}

void OutputLog::Private::publish()
{
    totalUsed().fetch_add(usedBytes - publishedBytes, std::memory_order_relaxed);
    publishedBytes = usedBytes;
}

void OutputLog::Private::newChunk(qsizetype minBytes)
{
    // An open plain line moves along, so that its bytes stay in one piece.
    Entry *open = tailOpen && count > 0 && !(back().flags & Decoded) ? &back() : nullptr;
    const qsizetype carry = open ? qsizetype(open->length) : 0;
    const qsizetype wanted = chunkSizeFor(std::min(maxBytes, totalMax().load(std::memory_order_relaxed)));
    if (wanted != chunkSize && spare) {
        spare.reset();
        chunkBytes -= chunkSize;
    }
    chunkSize = wanted;
    const qsizetype size = std::max(chunkSize, carry + minBytes);
    if (size == chunkSize) {
        // Before allocating, drop the lines that are over the budget: a chunk may come free.
        while (!spare && keptLines > 1 && usedBytes + size > budget())
            dropFrontEntry(1);
    }
    Chunk chunk;
    if (size == chunkSize && spare) {
        chunk.data = std::move(spare);
    } else {
        chunk.data.reset(new char[size_t(size)]);
        chunkBytes += size;
    }
    chunk.capacity = size;
    if (open) {
        std::memcpy(chunk.data.get(), bytesOf(*open), size_t(carry));
        --chunkOf(*open).lines;
        open->where = quint64(firstChunk + chunks.size()) << 32;
        chunk.used = carry;
        chunk.lines = 1;
    }
    chunks.push_back(std::move(chunk));
    releaseChunks();
    updateUsed();
}

char *OutputLog::Private::reserve(qsizetype minBytes, qsizetype *capacity)
{
    minBytes = std::clamp<qsizetype>(minBytes, 1, chunkSize);
    if (chunks.empty() || chunks.back().capacity - chunks.back().used < minBytes)
        newChunk(minBytes);
    Chunk &chunk = chunks.back();
    *capacity = chunk.capacity - chunk.used;
    return chunk.data.get() + chunk.used;
}

void OutputLog::Private::startIntake(int stream, qsizetype bytes)
{
    sinkStream = stream == 1 ? OutputStream::Stderr : OutputStream::Stdout;
    sinkTime = QDateTime::currentMSecsSinceEpoch();
    // Each line completed here ends with one of these bytes, except one completed by
    // breakLine/finish; one more for a new open line.
    sinkSequence = reserveSequences(quint64(bytes) + 2);
    sinkSequenceEnd = sinkSequence + quint64(bytes) + 2;
}

// The `bytes` just written at the end of the last chunk belong to `stream`.
void OutputLog::Private::take(int stream, qsizetype bytes)
{
    Chunk &chunk = chunks.back();
    const char *p = chunk.data.get() + chunk.used;
    chunk.used += bytes;
    received[stream] += bytes;
    if (tailOpen && tailStream != stream)
        closeTail();
    startIntake(stream, bytes);
    const char *const end = p + bytes;
    if (decoding[stream])
        p = feedDecoder(stream, p, end);
    if (p < end)
        scanPlain(stream, p, end);
    trimBytes();
    publish();
}

namespace {

// Where a run of whole plain lines stops. The bytes before `from` (an open plain line's) are
// known to be plain.
struct PlainRun
{
    const char *lineStart; // after the run's last line
    const char *stop;      // the special byte that ended the run (a line end, or one that needs
                           // the decoder); nullptr: the bytes ran out
    qint64 lines;          // whole plain lines in the run
    int terminator;        // of the line ending at `stop`: 1 (`\n`), 2 (`\r\n`), 0 (none)
};

// The hot path: the bytes from `lineStart` are classified 64 at a time into a bit mask of special
// bytes (not printable ASCII); each set bit is a line end, a tab, or the start of a line that needs
// the decoder. Whole plain lines are only counted. The run stops at a line that needs the decoder,
// at a line longer than MaxLine, after the first line if `OneLine`, or at the end.
template<quint64 (*SpecialMask)(const char *, qsizetype), bool OneLine>
[[gnu::always_inline]] inline PlainRun scanRun(const char *lineStart, const char *from, const char *end)
{
    qint64 lines = 0;
    for (const char *block = from; block < end; block += 64) {
        quint64 mask = SpecialMask(block, end - block);
        while (mask != 0) {
            const char *special = block + __builtin_ctzll(mask);
            mask &= mask - 1;
            if (special < lineStart)
                continue; // the \n of a \r\n
            int terminator = 1;
            if (*special != '\n') {
                if (*special == '\t')
                    continue;
                if (*special == '\r' && end - special >= 2 && special[1] == '\n')
                    terminator = 2;
                else
                    return {lineStart, special, lines, 0};
            }
            if (OneLine || Q_UNLIKELY(special - lineStart > MaxLine))
                return {lineStart, special, lines, terminator};
            ++lines;
            lineStart = special + terminator;
        }
    }
    return {lineStart, nullptr, lines, 0};
}

} // namespace

// Consecutive whole plain lines become one segment entry: such a line costs its share of the
// classification and a count. Compiled for SSE2 and for AVX2 (chosen once per program).
template<quint64 (*SpecialMask)(const char *, qsizetype)>
void OutputLog::Private::scanLines(int stream, const char *p, const char *end)
{
    const char *lineStart = p;
    if (tailOpen) {
        // An open plain line of this stream ends right where these bytes begin: its end (or a
        // byte that needs the decoder) is looked for in them.
        Q_ASSERT(tailStream == stream && !(back().flags & Decoded));
        lineStart = bytesOf(back());
        Q_ASSERT(lineStart + back().length == p);
        const PlainRun run = scanRun<SpecialMask, true>(lineStart, p, end);
        if (run.stop == nullptr) {
            // No line end: the open line grows (below).
        } else if (run.terminator == 0) {
            decoding[stream] = true;
            lineStart = feedDecoder(stream, lineStart, end);
        } else {
            lineStart = pushPlainCut(stream, lineStart, run.stop, run.terminator);
        }
    }
    while (lineStart < end && !tailOpen) {
        const PlainRun run = scanRun<SpecialMask, false>(lineStart, lineStart, end);
        if (run.lines != 0) {
            pushSegment(stream, lineStart, run.lineStart - lineStart, run.lines, sinkSequence);
            sinkSequence += quint64(run.lines);
        }
        lineStart = run.lineStart;
        if (run.stop == nullptr)
            break;
        if (run.terminator == 0) {
            // This line needs the decoder, from its start, until the decoder is idle again.
            decoding[stream] = true;
            lineStart = feedDecoder(stream, lineStart, end);
        } else {
            // A line longer than MaxLine: cut into pieces.
            lineStart = pushPlainCut(stream, lineStart, run.stop, run.terminator);
        }
    }
    if (lineStart >= end)
        return;
    // The rest is an open plain line (or the open line grew).
    while (end - lineStart > MaxLine) {
        pushPlain(stream, lineStart, MaxLine, 0, true);
        lineStart += MaxLine;
    }
    openPlain(stream, lineStart, end - lineStart);
}

#if defined(__GNUC__) && defined(__x86_64__)
void OutputLog::Private::scanLinesAvx2(int stream, const char *p, const char *end)
{
    scanLines<specialMaskAvx2>(stream, p, end);
}
#endif

void OutputLog::Private::scanPlain(int stream, const char *p, const char *end)
{
#if defined(__GNUC__) && defined(__x86_64__)
    static const bool haveAvx2 = __builtin_cpu_supports("avx2");
    if (haveAvx2) {
        scanLinesAvx2(stream, p, end);
        return;
    }
#endif
    scanLines<specialMask>(stream, p, end);
}

const char *OutputLog::Private::pushPlainCut(int stream, const char *start, const char *stop, int terminator)
{
    while (stop - start > MaxLine) {
        pushPlain(stream, start, MaxLine, 0, true);
        start += MaxLine;
    }
    pushPlain(stream, start, stop - start, terminator, false);
    return stop + terminator;
}

void OutputLog::Private::pushPlain(int stream, const char *start, qsizetype length, int terminator, bool continued)
{
    Entry *entry = nullptr;
    if (tailOpen) { // the open line, completed: same line number, sequence and time
        entry = &back();
        tailOpen = false;
        ++tailRevision;
    } else {
        entry = &pushEntry();
        entry->sequence = takeSequence();
        entry->timeMs = sinkTime;
        entry->run = run;
        entry->stream = stream == 1 ? OutputStream::Stderr : OutputStream::Stdout;
        const quint64 serial = firstChunk + chunks.size() - 1;
        entry->where = serial << 32 | quint64(start - chunks.back().data.get());
        ++chunks.back().lines;
    }
    entry->length = quint32(length);
    entry->flags = quint8((terminator << TerminatorShift) | (continued ? Continued : 0));
}

void OutputLog::Private::openPlain(int stream, const char *start, qsizetype length)
{
    if (!tailOpen) {
        pushPlain(stream, start, length, 0, false);
        tailOpen = true;
        tailStream = stream;
    }
    back().length = quint32(length);
    ++tailRevision;
}

// Feeds the decoder a line at a time from `p` until it is idle at a line start (returns where)
// or the bytes run out (returns `end`), then mirrors its open line as the last line.
const char *OutputLog::Private::feedDecoder(int stream, const char *p, const char *end)
{
    OutputDecoder &decoder = decoders[stream];
    if (tailOpen && !(back().flags & Decoded)) {
        // The open plain line goes to the decoder, which reads it again from its start.
        Entry &tail = back();
        --chunkOf(tail).lines;
        decodedBytes += memoryCost(pushDecoded(tail));
        releaseChunks();
    }
    withDecoder(stream, [&](OutputDecoder &, OutputLineSink &sink) {
        while (p < end) {
            const void *newline = std::memchr(p, '\n', size_t(end - p));
            const char *next = newline ? static_cast<const char *>(newline) + 1 : end;
            decoder.decode(QByteArrayView(p, next - p), sink);
            p = next;
            if (decoder.isIdle()) {
                decoding[stream] = false;
                break;
            }
        }
    });
    return p;
}

// Runs `call(decoder, sink)` for one stream's decoder with the log as its sink, then mirrors the
// decoder's open line as the last line.
template<typename Call>
void OutputLog::Private::withDecoder(int stream, Call call)
{
    Q_ASSERT(!tailOpen || tailStream == stream);
    OutputDecoder &decoder = decoders[stream];
    sinkCompletesTail = tailOpen;
    call(decoder, *this);
    finishFilling();
    sinkCompletesTail = false;

    if (decoder.hasOpenLine()) {
        OutputLine *tail = nullptr;
        if (tailOpen) {
            tail = &decodedOf(back());
            decodedBytes -= memoryCost(*tail);
        } else {
            trimBytes();
            Entry &entry = pushEntry();
            entry.sequence = takeSequence();
            entry.timeMs = sinkTime;
            entry.run = run;
            entry.stream = sinkStream;
            tail = &pushDecoded(entry);
            tailOpen = true;
            tailStream = stream;
        }
        tail->text = decoder.openText();
        tail->spans = decoder.openSpans();
        tail->byteCount = decoder.bytesPending();
        tail->continued = false;
        decodedBytes += memoryCost(*tail);
        ++tailRevision;
    } else {
        tailOpen = false;
    }
    updateUsed();
}

OutputLine &OutputLog::Private::nextLine()
{
    finishFilling();
    if (sinkCompletesTail) {
        // The open line is complete: same line number, sequence and time, final text.
        sinkCompletesTail = false;
        tailOpen = false;
        ++tailRevision;
        OutputLine &tail = decodedOf(back());
        decodedBytes -= memoryCost(tail);
        filling = &tail;
        return tail;
    }
    updateUsed();
    trimBytes();
    Entry &entry = pushEntry();
    entry.sequence = takeSequence();
    entry.timeMs = sinkTime;
    entry.run = run;
    entry.stream = sinkStream;
    filling = &pushDecoded(entry);
    return *filling;
}

void OutputLog::Private::finishFilling()
{
    if (filling) {
        decodedBytes += memoryCost(*filling);
        filling = nullptr;
    }
}

void OutputLog::Private::closeTail()
{
    if (!tailOpen)
        return;
    if (!(back().flags & Decoded)) {
        // A plain open line is complete as it is.
        tailOpen = false;
        ++tailRevision;
        return;
    }
    startIntake(tailStream, 0);
    withDecoder(tailStream, [](OutputDecoder &decoder, OutputLineSink &sink) { decoder.breakLine(sink); });
}

void OutputLog::Private::pushMessage(QStringView text)
{
    updateUsed();
    trimBytes();
    Entry &entry = pushEntry();
    entry.sequence = reserveSequences(1);
    entry.timeMs = QDateTime::currentMSecsSinceEpoch();
    entry.run = run;
    entry.stream = OutputStream::Message;
    OutputLine &line = pushDecoded(entry);
    line.text = text.toString();
    line.byteCount = text.toUtf8().size() + 1;
    received[2] += line.byteCount;
    decodedBytes += memoryCost(line);
    updateUsed();
}

OutputLog::OutputLog(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
}

OutputLog::~OutputLog() = default;

void OutputLog::setLimits(qsizetype maxLines, qint64 maxBytes)
{
    d->maxLines = std::max<qsizetype>(1, maxLines);
    d->maxBytes = std::max<qint64>(1, maxBytes);
    if (d->spare) { // a spare of the old size is of no use
        d->spare.reset();
        d->chunkBytes -= d->chunkSize;
    }
    const qint64 before = d->droppedLines;
    if (d->keptLines > qint64(d->maxLines))
        d->dropLines(d->keptLines - qint64(d->maxLines));
    d->updateUsed();
    d->trimBytes();
    d->publish();
    if (d->droppedLines != before)
        emit changed();
}

void OutputLog::setTotalMaxBytes(qint64 maxBytes)
{
    totalMax().store(std::max<qint64>(1, maxBytes), std::memory_order_relaxed);
}

qint64 OutputLog::totalMaxBytes()
{
    return totalMax().load(std::memory_order_relaxed);
}

qint64 OutputLog::totalUsedBytes()
{
    return totalUsed().load(std::memory_order_relaxed);
}

qsizetype OutputLog::maxLines() const
{
    return d->maxLines;
}

qint64 OutputLog::maxBytes() const
{
    return d->maxBytes;
}

void OutputLog::beginRun(int run)
{
    endRun();
    d->run = run;
}

void OutputLog::endRun()
{
    const qint64 endBefore = endLineNumber();
    const quint64 revisionBefore = d->tailRevision;
    d->closeTail();
    for (int stream = 0; stream < 2; ++stream) {
        if (!d->decoding[stream])
            continue; // an idle decoder has nothing to finish
        d->startIntake(stream, 0);
        d->withDecoder(stream, [](OutputDecoder &decoder, OutputLineSink &sink) { decoder.finish(sink); });
        d->decoding[stream] = false;
    }
    d->trimBytes();
    d->publish();
    if (endLineNumber() != endBefore || d->tailRevision != revisionBefore)
        emit changed();
}

void OutputLog::appendData(OutputStream stream, QByteArrayView bytes)
{
    if (stream == OutputStream::Message) {
        appendMessage(QString::fromUtf8(bytes));
        return;
    }
    if (bytes.isEmpty())
        return;
    const int index = streamIndex(stream);
    while (!bytes.isEmpty()) {
        qsizetype capacity = 0;
        char *to = d->reserve(std::min<qsizetype>(bytes.size(), 4096), &capacity);
        const qsizetype n = std::min(capacity, bytes.size());
        std::memcpy(to, bytes.data(), size_t(n));
        d->take(index, n);
        bytes = bytes.sliced(n);
    }
    emit changed();
}

char *OutputLog::reserve(OutputStream stream, qsizetype minBytes, qsizetype *capacity)
{
    Q_ASSERT(stream != OutputStream::Message);
    Q_UNUSED(stream);
    return d->reserve(minBytes, capacity);
}

void OutputLog::commit(OutputStream stream, qsizetype bytes)
{
    Q_ASSERT(stream != OutputStream::Message);
    Q_ASSERT(!d->chunks.empty() && bytes <= d->chunks.back().capacity - d->chunks.back().used);
    if (bytes <= 0)
        return;
    d->take(streamIndex(stream), bytes);
    emit changed();
}

void OutputLog::appendMessage(const QString &text)
{
    d->closeTail();
    QStringView rest(text);
    if (rest.endsWith(u'\n'))
        rest.chop(1);
    for (;;) {
        const qsizetype newline = rest.indexOf(u'\n');
        d->pushMessage(rest.first(newline < 0 ? rest.size() : newline));
        if (newline < 0)
            break;
        rest = rest.sliced(newline + 1);
    }
    d->trimBytes();
    d->publish();
    emit changed();
}

void OutputLog::clear()
{
    d->first += d->keptLines;
    d->index = {};
    d->head = 0;
    d->count = 0;
    d->keptLines = 0;
    d->lastHit = 0;
    d->firstChunk += d->chunks.size();
    d->chunks.clear();
    d->spare.reset();
    d->chunkBytes = 0;
    d->firstDecoded += d->decoded.size();
    d->decoded.clear();
    d->decodedBytes = 0;
    d->updateUsed();
    d->publish();
    d->droppedLines = 0;
    d->droppedBytes = 0;
    d->tailOpen = false;
    ++d->tailRevision;
    emit cleared();
}

qint64 OutputLog::firstLineNumber() const
{
    return d->first;
}

qint64 OutputLog::endLineNumber() const
{
    return d->first + d->keptLines;
}

qsizetype OutputLog::lineCount() const
{
    return qsizetype(d->keptLines);
}

const OutputLine &OutputLog::line(qint64 lineNumber) const
{
    static const OutputLine empty;
    if (lineNumber < d->first || lineNumber >= endLineNumber())
        return empty;
    const Private::Entry &entry = d->entryAt(d->entryOf(lineNumber));
    if (entry.flags & Private::Decoded)
        return d->decoded[size_t(entry.where - d->firstDecoded)];

    // What the line is: a plain line's entry, or a line of a segment.
    const char *bytes = d->bytesOf(entry);
    quint64 sequence = entry.sequence;
    quint32 length = entry.length;
    quint8 flags = entry.flags;
    qint64 byteCount = 0;
    if (entry.flags & Private::Segment) {
        const qint64 i = lineNumber - entry.firstLine;
        sequence += quint64(i);
        Private::CachedLine &cached = d->cache[size_t(lineNumber) % Private::CacheSize];
        if (cached.number == lineNumber && cached.sequence == sequence)
            return cached.line; // a segment's lines do not change
        const Private::SegmentLines &lines = d->segmentLines(entry);
        const quint32 start = lines.starts[size_t(i)];
        byteCount = qint64(lines.starts[size_t(i) + 1] - start);
        bytes += start;
        const int terminator = byteCount >= 2 && bytes[byteCount - 2] == '\r' ? 2 : 1;
        length = quint32(byteCount - terminator);
        flags = quint8(terminator << Private::TerminatorShift);
    } else {
        byteCount = entry.byteCount();
    }

    Private::CachedLine &cached = d->cache[size_t(lineNumber) % Private::CacheSize];
    if (cached.number == lineNumber && cached.sequence == sequence
        && cached.length == length && cached.flags == flags)
        return cached.line;
    OutputLine &line = cached.line;
    if (line.text.capacity() > 4 * qsizetype(length) + 256)
        line.text = QString(); // do not keep a long line's buffer for short ones
    line.text = QLatin1StringView(bytes, qsizetype(length));
    line.spans.clear();
    line.timeMs = entry.timeMs;
    line.sequence = sequence;
    line.byteCount = byteCount;
    line.run = entry.run;
    line.stream = entry.stream;
    line.continued = flags & Private::Continued;
    cached.number = lineNumber;
    cached.sequence = sequence;
    cached.length = length;
    cached.flags = flags;
    return line;
}

quint64 OutputLog::lineSequence(qint64 lineNumber) const
{
    if (lineNumber < d->first || lineNumber >= endLineNumber())
        return 0;
    const Private::Entry &entry = d->entryAt(d->entryOf(lineNumber));
    return entry.sequence + quint64(lineNumber - entry.firstLine);
}

quint64 OutputLog::tailRevision() const
{
    return d->tailRevision;
}

int OutputLog::currentRun() const
{
    return d->run;
}

qint64 OutputLog::droppedLines() const
{
    return d->droppedLines;
}

qint64 OutputLog::droppedBytes() const
{
    return d->droppedBytes + d->frontSkipBytes();
}

qint64 OutputLog::bytesReceived(OutputStream stream) const
{
    return d->received[int(stream)];
}

qint64 OutputLog::usedBytes() const
{
    return d->usedBytes;
}

const OutputDecoder &OutputLog::decoder(OutputStream stream) const
{
    return d->decoders[streamIndex(stream)];
}
