#pragma once

#include "outputblock.h"
#include "outputlog.h"
#include "outputtypes.h"

#include <array>
#include <atomic>
#include <deque>
#include <memory>
#include <vector>

// The storage of one OutputLog (private to it: only outputlog.cpp and outputlogstore.cpp include
// this header). Three stores, dropped from the front in step:
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
//   A chunk is either the log's own (written by reserve()/commit() and the copying intake) or an
//   ADOPTED block of the OutputReader's (OutputBlock): a large read is kept where the kernel put
//   it, from the read's first byte on, and later reads of the same stream that follow it in the
//   block extend the chunk. The log never writes into an adopted chunk; it costs the bytes the log
//   keeps in it.
// - `decoded`: OutputLines for messages and the lines the decoder made (escapes, controls,
//   non-ASCII, `\r`), and for the decoder's open line.
//
// The store keeps the bounds (lines, bytes, the budget of every log together) and reads lines
// back; what goes in, and how bytes become entries, is OutputLog's intake.
struct OutputLogStore
{

    static constexpr qsizetype MaxChunkSize = 1024 * 1024;
    static constexpr qsizetype MinChunkSize = 4096;

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
        char *data = nullptr;           // owned's, or the adopted block's
        std::unique_ptr<char[]> owned;  // the log's own chunk
        OutputBlockRef block;           // an adopted block (the reader writes after `used` only)
        qsizetype capacity = 0;
        qsizetype used = 0;
        qsizetype start = 0;  // adopted: the first byte of the block that is the log's
        qint64 lines = 0; // kept plain entries (lines and segments) in it

        qint64 cost() const { return block ? qint64(used - start) : qint64(capacity); }
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

    OutputLogStore() = default;
    ~OutputLogStore();
    Q_DISABLE_COPY_MOVE(OutputLogStore)

    // The memory of every log together, and its budget.
    static std::atomic<qint64> &totalUsed();
    static std::atomic<qint64> &totalMax();
    // The bounds a new log starts with (OutputLog::setDefaultLimits()).
    static std::atomic<qsizetype> &defaultMaxLines();
    static std::atomic<qint64> &defaultMaxBytes();
    // What a decoded line costs in memory, roughly as the allocator sees it.
    static qint64 memoryCost(const OutputLine &line);

    Entry &entryAt(size_t i) { return index[(head + i) & (index.size() - 1)]; }
    const Entry &entryAt(size_t i) const { return index[(head + i) & (index.size() - 1)]; }
    Entry &back() { return entryAt(count - 1); }
    Chunk &chunkOf(const Entry &e) { return chunks[size_t((e.where >> 32) - firstChunk)]; }
    const char *bytesOf(const Entry &e) const
    {
        return chunks[size_t((e.where >> 32) - firstChunk)].data + (e.where & 0xFFFFFFFFu);
    }
    // Where `p` (in the last chunk) is, as an entry's `where`.
    quint64 whereInLastChunk(const char *p) const
    {
        return quint64(firstChunk + chunks.size() - 1) << 32 | quint64(p - chunks.back().data);
    }
    OutputLine &decodedOf(const Entry &e) { return decoded[size_t(e.where - firstDecoded)]; }

    void updateUsed() { usedBytes = chunkBytes + qint64(index.size() * sizeof(Entry)) + decodedBytes; }
    // What this log may use now: its own budget, or what the other logs leave of the total.
    qint64 budget() const;

    // An entry of one line at the end (dropping the oldest line when at the line bound).
    Entry &pushEntry();
    // A new slot at the end of the ring, its lines not counted yet.
    Entry &pushSlot();
    OutputLine &pushDecoded(Entry &entry);
    void dropLines(qint64 lines);
    // Drops what is left of the oldest entry, keeping at least `keep` lines in the log.
    void dropFrontEntry(qint64 keep);
    // Drops the oldest lines until the log is within its bytes and the total budget.
    void trimBytes();
    void dropSpare();
    // Front chunks no kept line refers to go; the last chunk is the one being written.
    void releaseChunks();
    // Makes usedBytes count in totalUsed().
    void publish();
    char *reserve(qsizetype minBytes, qsizetype *capacity);
    // The bytes from `offset` of the reader's `block` are the next ones: a new last chunk that the
    // log does not own (take() then takes them in).
    void adopt(OutputBlock *block, qsizetype offset);
    // Drops every kept line; line numbers go on.
    void clearLines();

    // A plain line in place: its bytes (`length` of text, then its terminator), as readLine() and
    // OutputLog::plainLine() see it.
    struct PlainLine
    {
        const Entry *entry = nullptr;
        const char *bytes = nullptr;
        quint64 sequence = 0;
        quint32 length = 0;
        quint8 flags = 0;
        qint64 byteCount = 0;
    };
    bool findPlain(qint64 lineNumber, PlainLine *plain);
    // The segment's lines from `lineNumber` up to `end`: `*plain` is the first, the return value
    // the end of the last one's terminator, `*lines` how many (0 if the line is not in a segment).
    const char *findPlainRun(qint64 lineNumber, qint64 end, PlainLine *plain, qint64 *lines);
    const OutputLine &readLine(qint64 lineNumber);
    quint64 lineSequence(qint64 lineNumber);
    // The bytes of the lines of the oldest entry that are dropped while the entry is kept.
    qint64 frontSkipBytes();

    std::vector<Entry> index; // ring, capacity a power of two
    size_t head = 0;          // slot of the first kept line's entry
    size_t count = 0;         // kept entries
    qint64 keptLines = 0;     // kept lines
    qint64 first = 0;         // the first kept line's number
    size_t lastHit = 0;       // entry of the last line looked up

    std::deque<Chunk> chunks;
    quint64 firstChunk = 0;   // serial of chunks.front()
    std::unique_ptr<char[]> spare; // a free chunk of chunkSize bytes
    qsizetype chunkSize = MaxChunkSize;
    qint64 chunkBytes = 0;    // chunks and spare

    std::deque<OutputLine> decoded;
    quint64 firstDecoded = 0; // serial of decoded.front()
    qint64 decodedBytes = 0;

    qsizetype maxLines = OutputLog::DefaultMaxLines;
    qint64 maxBytes = OutputLog::DefaultMaxBytes;
    qint64 usedBytes = 0;
    qint64 publishedBytes = 0; // usedBytes as counted in totalUsed()
    qint64 droppedLines = 0;
    qint64 droppedBytes = 0;
    bool tailOpen = false;     // the last line is open (its entry may still change)

private:
    size_t entryOf(qint64 lineNumber);
    const SegmentLines &segmentLines(const Entry &entry);
    void newChunk(qsizetype minBytes);

    std::array<CachedLine, CacheSize> m_cache;
    std::array<SegmentLines, SegmentCacheSize> m_segmentCache;
    size_t m_segmentCacheNext = 0;
    // The bytes of the first lines of the oldest segment that are dropped, found when asked for:
    // for the segment starting at m_skipFirstLine, m_skipLinesDone lines take m_skipBytesDone bytes.
    qint64 m_skipFirstLine = -1;
    qint64 m_skipLinesDone = 0;
    qint64 m_skipBytesDone = 0;
};
