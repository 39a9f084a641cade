#include "outputlog.h"

#include "outputdecoder.h"

#include <QDateTime>

#include <algorithm>
#include <atomic>


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

// What a kept line costs in memory, roughly as the allocator sees it: the deque slot, the UTF-16
// buffer with its header, the span list.
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

} // namespace

// The kept lines live in a ring of slots. At the line bound, the slot of the line dropped is the
// slot of the line added, and the decoder overwrites its text in place: a flood of ordinary
// lines costs no allocation per line. Lines dropped for the byte budget release their buffers.
struct OutputLog::Private final : public OutputLineSink
{
    std::vector<OutputLine> ring;
    size_t head = 0;  // slot of firstLineNumber()
    size_t count = 0; // kept lines
    qint64 first = 0;
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
    bool tailOpen = false; // the last line is the open line of decoders[tailStream]
    int tailStream = 0;

    // While a decoder writes into the log
    OutputStream sinkStream = OutputStream::Stdout;
    qint64 sinkTime = 0;
    quint64 sinkSequence = 0;    // next reserved sequence number
    quint64 sinkSequenceEnd = 0;
    bool sinkCompletesTail = false; // the next line is the open tail, completed
    OutputLine *filling = nullptr;  // handed out, its cost not yet counted

    size_t slot(size_t index) const
    {
        const size_t at = head + index;
        return at < ring.size() ? at : at - ring.size();
    }
    OutputLine &back() { return ring[slot(count - 1)]; }

    OutputLine &nextLine() override;
    quint64 takeSequence();
    OutputLine &pushSlot();
    void finishFilling();
    void dropFront(bool recycle);
    void trimBytes();
    void publish();
    ~Private() { totalUsed().fetch_sub(publishedBytes, std::memory_order_relaxed); }
    template<typename Call>
    void feed(int stream, qsizetype bytes, Call call);
    void closeTail();
    void pushMessage(QStringView text);
};

OutputLine &OutputLog::Private::nextLine()
{
    finishFilling();
    if (sinkCompletesTail) {
        // The open line is complete: same line number, sequence and time, final text.
        sinkCompletesTail = false;
        tailOpen = false;
        ++tailRevision;
        OutputLine &tail = back();
        usedBytes -= memoryCost(tail);
        filling = &tail;
        return tail;
    }
    trimBytes();
    OutputLine &line = pushSlot();
    line.sequence = takeSequence();
    line.timeMs = sinkTime;
    line.run = run;
    line.stream = sinkStream;
    filling = &line;
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

// A slot for a new last line. At the line bound it is the slot of the line dropped, with its
// buffers, for the caller to overwrite.
OutputLine &OutputLog::Private::pushSlot()
{
    while (count >= size_t(maxLines))
        dropFront(true);
    if (count == ring.size()) {
        if (head != 0) {
            std::rotate(ring.begin(), ring.begin() + qsizetype(head), ring.end());
            head = 0;
        }
        ring.emplace_back();
    }
    ++count;
    return back();
}

void OutputLog::Private::finishFilling()
{
    if (filling) {
        usedBytes += memoryCost(*filling);
        filling = nullptr;
    }
}

void OutputLog::Private::dropFront(bool recycle)
{
    OutputLine &line = ring[head];
    usedBytes -= memoryCost(line);
    droppedBytes += line.byteCount;
    ++droppedLines;
    ++first;
    if (!recycle) {
        line.text = QString();
        line.spans = QList<OutputSpan>();
    }
    head = slot(1);
    --count;
}

void OutputLog::Private::trimBytes()
{
    // The last line is always kept, so an open line is never dropped.
    const qint64 othersAndPublished = totalUsed().load(std::memory_order_relaxed) - publishedBytes;
    const qint64 total = totalMax().load(std::memory_order_relaxed);
    while (count > 1 && (usedBytes > maxBytes || othersAndPublished + usedBytes > total))
        dropFront(false);
}

void OutputLog::Private::publish()
{
    totalUsed().fetch_add(usedBytes - publishedBytes, std::memory_order_relaxed);
    publishedBytes = usedBytes;
}

// Runs `call(decoder, sink)` for one stream's decoder with the log as its sink, then mirrors the
// decoder's open line as the last line.
template<typename Call>
void OutputLog::Private::feed(int stream, qsizetype bytes, Call call)
{
    Q_ASSERT(!tailOpen || tailStream == stream);
    sinkStream = stream == 1 ? OutputStream::Stderr : OutputStream::Stdout;
    sinkTime = QDateTime::currentMSecsSinceEpoch();
    // Each line completed here ends with a byte of this call, except one completed by
    // breakLine/finish; one more for a new open line.
    sinkSequence = reserveSequences(quint64(bytes) + 2);
    sinkSequenceEnd = sinkSequence + quint64(bytes) + 2;
    sinkCompletesTail = tailOpen;
    OutputDecoder &decoder = decoders[stream];
    call(decoder, *this);
    finishFilling();
    sinkCompletesTail = false;

    if (decoder.hasOpenLine()) {
        OutputLine *tail = nullptr;
        if (tailOpen) {
            tail = &back();
            usedBytes -= memoryCost(*tail);
        } else {
            trimBytes();
            tail = &pushSlot();
            tail->sequence = takeSequence();
            tail->timeMs = sinkTime;
            tail->run = run;
            tail->stream = sinkStream;
            tailOpen = true;
            tailStream = stream;
        }
        tail->text = decoder.openText();
        tail->spans = decoder.openSpans();
        tail->byteCount = decoder.bytesPending();
        tail->continued = false;
        usedBytes += memoryCost(*tail);
        ++tailRevision;
    } else {
        tailOpen = false;
    }
    trimBytes();
    publish();
}

void OutputLog::Private::closeTail()
{
    if (tailOpen)
        feed(tailStream, 0, [](OutputDecoder &decoder, OutputLineSink &sink) { decoder.breakLine(sink); });
}

void OutputLog::Private::pushMessage(QStringView text)
{
    trimBytes();
    OutputLine &line = pushSlot();
    line.text = text.toString();
    line.spans = QList<OutputSpan>();
    line.byteCount = text.toUtf8().size() + 1;
    line.continued = false;
    line.timeMs = QDateTime::currentMSecsSinceEpoch();
    line.sequence = reserveSequences(1);
    line.run = run;
    line.stream = OutputStream::Message;
    received[2] += line.byteCount;
    usedBytes += memoryCost(line);
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
    const qint64 before = d->droppedLines;
    while (d->count > size_t(d->maxLines))
        d->dropFront(false);
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
    for (int stream = 0; stream < 2; ++stream)
        d->feed(stream, 0, [](OutputDecoder &decoder, OutputLineSink &sink) { decoder.finish(sink); });
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
    d->received[index] += bytes.size();
    if (d->tailOpen && d->tailStream != index)
        d->closeTail();
    d->feed(index, bytes.size(), [bytes](OutputDecoder &decoder, OutputLineSink &sink) { decoder.decode(bytes, sink); });
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
    d->first += qint64(d->count);
    d->ring.clear();
    d->head = 0;
    d->count = 0;
    d->usedBytes = 0;
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
    return d->first + qint64(d->count);
}

qsizetype OutputLog::lineCount() const
{
    return qsizetype(d->count);
}

const OutputLine &OutputLog::line(qint64 lineNumber) const
{
    static const OutputLine empty;
    if (lineNumber < d->first || lineNumber >= endLineNumber())
        return empty;
    return d->ring[d->slot(size_t(lineNumber - d->first))];
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
    return d->droppedBytes;
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
