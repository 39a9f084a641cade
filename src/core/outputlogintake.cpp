// OutputLog's intake: how the bytes of an append become lines in the store (whole plain lines
// as segments, the rest through the stream's decoder), and the decoder's sink. The public calls
// are in outputlog.cpp.

#include "outputlog_p.h"

#include "logging.h"
#include "visibletext.h"

#include <QDateTime>

#include <algorithm>
#include <atomic>
#include <cstring>

namespace {

// Arrival order across every log of the program, for the All view: `count` consecutive numbers
// with one atomic operation. An append reserves as many as it could possibly use (one per byte,
// plus two) and may leave some unused: sequences are increasing and unique, not dense.
quint64 reserveSequences(quint64 count)
{
    static std::atomic<quint64> next{1};
    return next.fetch_add(count, std::memory_order_relaxed);
}

constexpr qsizetype MaxLine = OutputDecoder::MaxLineLength;
constexpr auto memoryCost = OutputLogStore::memoryCost;

} // namespace

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
    entry.where = whereInLastChunk(start);
    entry.length = quint32(bytes);
    entry.lines = quint32(lines);
    entry.run = lineRun();
    entry.stream = stream == 1 ? OutputStream::Stderr : OutputStream::Stdout;
    entry.flags = Segment;
    ++chunks.back().lines;
    keptLines += lines;
    if (keptLines > qint64(maxLines)) // more lines than the bound in one append
        dropLines(keptLines - qint64(maxLines));
}

quint64 OutputLog::Private::takeSequence()
{
    if (sinkSequence == sinkSequenceEnd) { // not expected: the reservation is an upper bound
        sinkSequence = reserveSequences(1024);
        sinkSequenceEnd = sinkSequence + 1024;
    }
    return sinkSequence++;
}

void OutputLog::Private::startIntake(int stream, qsizetype bytes)
{
    sinkStream = stream == 1 ? OutputStream::Stderr : OutputStream::Stdout;
    sinkTime = givenTime > 0 ? givenTime : QDateTime::currentMSecsSinceEpoch();
    // Each line completed here ends with one of these bytes, except one completed by
    // breakLine/finish; one more for a new open line.
    sinkSequence = reserveSequences(quint64(bytes) + 2);
    sinkSequenceEnd = sinkSequence + quint64(bytes) + 2;
}

// The `bytes` just written at the end of the last chunk belong to `stream`.
void OutputLog::Private::take(int stream, qsizetype bytes, const PlainHint *hint)
{
    Chunk &chunk = chunks.back();
    const char *p = chunk.data + chunk.used;
    chunk.used += bytes;
    if (chunk.block) { // an adopted chunk costs what it holds
        chunkBytes += bytes;
        updateUsed();
    }
    received[stream] += bytes;
    if (tailOpen && tailStream != stream)
        closeTail();
    startIntake(stream, bytes);
    const char *const end = p + bytes;
    if (hint && hint->lines > 0 && !decoding[stream]) {
        takePlainLines(stream, p, end, *hint);
    } else {
        if (decoding[stream])
            p = feedDecoder(stream, p, end);
        if (p < end)
            scanPlain(stream, p, end);
    }
    trimBytes();
    publish();
    if (droppedLines != 0 && !dropReported)
        reportDrops();
}

// A flood's read without looking at its bytes again: the first line completes the open line (or is
// cut), the complete lines after it are one segment, the rest opens the next line.
void OutputLog::Private::takePlainLines(int stream, const char *p, const char *end, const PlainHint &hint)
{
    qint64 lines = hint.lines;
    if (tailOpen || (hint.firstNewline && hint.firstNewline - p > MaxLine)) {
        if (!hint.firstNewline || hint.firstNewline >= hint.lastNewline) {
            scanPlain(stream, p, end); // where the open line ends is not known: the general way
            return;
        }
        scanPlain(stream, p, hint.firstNewline + 1);
        p = hint.firstNewline + 1;
        --lines;
    }
    if (lines > 0) {
        const char *const stop = hint.lastNewline + 1;
        pushSegment(stream, p, stop - p, lines, sinkSequence);
        sinkSequence += quint64(lines);
        p = stop;
    }
    if (p < end)
        scanPlain(stream, p, end);
}

// Once per log (a flood would say it per read): a user who turns procdeck.output on sees that the
// bounds were hit and which, without a message per line.
void OutputLog::Private::reportDrops()
{
    dropReported = true;
    qCDebug(lcOutput, "output bounds reached (%lld lines, %lld bytes; %lld bytes for every log): "
                      "the oldest lines are dropped and counted",
            qint64(maxLines), maxBytes, OutputLogStore::totalMax().load(std::memory_order_relaxed));
}

void OutputLog::Private::reportCut()
{
    cutReported = true;
    qCDebug(lcOutput, "a line longer than %lld characters was cut; it goes on in the next line",
            qint64(MaxLine));
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

#ifdef PROCDECK_BYTESCAN_AVX2
void OutputLog::Private::scanLinesAvx2(int stream, const char *p, const char *end)
{
    scanLines<ByteScan::specialMaskAvx2>(stream, p, end);
}
#endif

void OutputLog::Private::scanPlain(int stream, const char *p, const char *end)
{
#ifdef PROCDECK_BYTESCAN_AVX2
    static const bool haveAvx2 = __builtin_cpu_supports("avx2");
    if (haveAvx2) {
        scanLinesAvx2(stream, p, end);
        return;
    }
#endif
    scanLines<ByteScan::specialMask>(stream, p, end);
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
        entry->run = lineRun();
        entry->stream = stream == 1 ? OutputStream::Stderr : OutputStream::Stdout;
        entry->where = whereInLastChunk(start);
        ++chunks.back().lines;
    }
    entry->length = quint32(length);
    entry->flags = quint8((terminator << TerminatorShift) | (continued ? Continued : 0));
    if (Q_UNLIKELY(continued) && !cutReported)
        reportCut();
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
            tail = &pushSinkLine();
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
    filling = &pushSinkLine();
    return *filling;
}

// A new decoded line at the end, of the stream being taken in.
OutputLine &OutputLog::Private::pushSinkLine()
{
    Entry &entry = pushEntry();
    entry.sequence = takeSequence();
    entry.timeMs = sinkTime;
    entry.run = lineRun();
    entry.stream = sinkStream;
    return pushDecoded(entry);
}

void OutputLog::Private::finishFilling()
{
    if (filling) {
        if (Q_UNLIKELY(filling->continued) && !cutReported)
            reportCut();
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
    OutputLine line;
    line.text = text.toString();
    line.byteCount = text.toUtf8().size() + 1;
    pushWholeLine(OutputStream::Message, std::move(line));
}

// A complete line that did not come through the decoder here: a note, or a line decoded already.
void OutputLog::Private::pushWholeLine(OutputStream stream, OutputLine &&whole)
{
    updateUsed();
    trimBytes();
    Entry &entry = pushEntry();
    entry.sequence = reserveSequences(1);
    entry.timeMs = givenTime > 0 ? givenTime : QDateTime::currentMSecsSinceEpoch();
    entry.run = lineRun();
    entry.stream = stream;
    OutputLine &line = pushDecoded(entry);
    line.text = std::move(whole.text);
    line.spans = std::move(whole.spans);
    line.byteCount = whole.byteCount;
    line.continued = whole.continued;
    received[stream == OutputStream::Stderr ? 1 : stream == OutputStream::Message ? 2 : 0] += line.byteCount;
    decodedBytes += memoryCost(line);
    updateUsed();
}

void OutputLog::Private::copyIn(int stream, QByteArrayView bytes)
{
    while (!bytes.isEmpty()) {
        qsizetype capacity = 0;
        char *to = reserve(std::min<qsizetype>(bytes.size(), 4096), &capacity);
        const qsizetype n = std::min(capacity, bytes.size());
        std::memcpy(to, bytes.data(), size_t(n));
        take(stream, n);
        bytes = bytes.sliced(n);
    }
}

void OutputLog::Private::finishDecoders()
{
    for (int stream = 0; stream < 2; ++stream) {
        if (!decoding[stream])
            continue; // an idle decoder has nothing to finish
        startIntake(stream, 0);
        withDecoder(stream, [](OutputDecoder &decoder, OutputLineSink &sink) { decoder.finish(sink); });
        decoding[stream] = false;
    }
}

void OutputLog::appendLine(OutputStream stream, QStringView text, qint64 timeMs, int run, bool continued)
{
    d->givenTime = timeMs;
    d->givenRun = run;
    if (stream == OutputStream::Message) {
        appendMessage(text.toString());
    } else if (!continued) {
        appendData(stream, QByteArray(text.toUtf8() + '\n'));
    } else {
        // A piece of a cut line: decoded on its own (its colours become spans) and kept as one
        // line with the mark, which plain storage has no room for when lines share a segment.
        OutputDecoder decoder;
        std::vector<OutputLine> lines;
        decoder.decode(QByteArray(text.toUtf8() + '\n'), lines);
        d->closeTail();
        for (size_t i = 0; i < lines.size(); ++i) {
            lines[i].continued = i + 1 == lines.size();
            d->pushWholeLine(stream, std::move(lines[i]));
        }
        d->trimBytes();
        d->publish();
        emit changed();
    }
    d->givenTime = 0;
    d->givenRun = 0;
}
