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

// Arrival order across every log of the program, for the All view: `count` consecutive numbers,
// taken with one atomic operation per append call.
quint64 reserveSequences(quint64 count)
{
    static std::atomic<quint64> next{1};
    return next.fetch_add(count, std::memory_order_relaxed);
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

struct OutputLog::Private
{
    std::deque<OutputLine> lines;
    qint64 first = 0;
    qsizetype maxLines = DefaultMaxLines;
    qint64 maxBytes = DefaultMaxBytes;
    qint64 usedBytes = 0;
    qint64 droppedLines = 0;
    qint64 droppedBytes = 0;
    qint64 received[3] = {0, 0, 0};
    quint64 tailRevision = 0;
    int run = 0;
    OutputDecoder decoders[2];
    bool tailOpen = false; // the last line is the open line of decoders[tailStream]
    int tailStream = 0;
    std::vector<OutputLine> scratch; // completed lines on their way in; keeps its capacity

    void absorb(int stream);
    void closeTail();
    void pushMessage(QStringView text);
    void trim();
};

// Moves the decoder's completed lines (in `scratch`) into the log and mirrors its open line as
// the last line.
void OutputLog::Private::absorb(int stream)
{
    Q_ASSERT(!tailOpen || tailStream == stream);
    const OutputDecoder &decoder = decoders[stream];
    size_t i = 0;
    if (tailOpen && !scratch.empty()) {
        // The open line is complete now: same line number, sequence and time, final text.
        OutputLine &tail = lines.back();
        OutputLine &done = scratch.front();
        usedBytes -= memoryCost(tail);
        tail.text = std::move(done.text);
        tail.spans = std::move(done.spans);
        tail.byteCount = done.byteCount;
        tail.continued = done.continued;
        usedBytes += memoryCost(tail);
        tailOpen = false;
        ++tailRevision;
        i = 1;
    }

    const bool newTail = decoder.hasOpenLine() && !tailOpen;
    const size_t fresh = scratch.size() - i + (newTail ? 1 : 0);
    if (fresh > 0) {
        quint64 sequence = reserveSequences(fresh);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto outputStream = stream == 1 ? OutputStream::Stderr : OutputStream::Stdout;
        for (; i < scratch.size(); ++i) {
            OutputLine &line = scratch[i];
            line.timeMs = now;
            line.sequence = sequence++;
            line.run = run;
            line.stream = outputStream;
            usedBytes += memoryCost(line);
            lines.push_back(std::move(line));
        }
        if (newTail) {
            OutputLine &line = lines.emplace_back();
            line.text = decoder.openText();
            line.spans = decoder.openSpans();
            line.byteCount = decoder.bytesPending();
            line.timeMs = now;
            line.sequence = sequence;
            line.run = run;
            line.stream = outputStream;
            usedBytes += memoryCost(line);
            tailOpen = true;
            tailStream = stream;
            ++tailRevision;
        }
    } else if (tailOpen) {
        OutputLine &tail = lines.back();
        usedBytes -= memoryCost(tail);
        tail.text = decoder.openText();
        tail.spans = decoder.openSpans();
        tail.byteCount = decoder.bytesPending();
        usedBytes += memoryCost(tail);
        ++tailRevision;
    }
    scratch.clear();
    trim();
}

void OutputLog::Private::closeTail()
{
    if (!tailOpen)
        return;
    decoders[tailStream].breakLine(scratch);
    absorb(tailStream);
}

void OutputLog::Private::pushMessage(QStringView text)
{
    OutputLine &line = lines.emplace_back();
    line.text = text.toString();
    line.byteCount = text.toUtf8().size() + 1;
    line.timeMs = QDateTime::currentMSecsSinceEpoch();
    line.sequence = reserveSequences(1);
    line.run = run;
    line.stream = OutputStream::Message;
    received[2] += line.byteCount;
    usedBytes += memoryCost(line);
}

void OutputLog::Private::trim()
{
    // The last line is always kept (maxLines >= 1), so an open line is never dropped.
    while (qsizetype(lines.size()) > maxLines || (usedBytes > maxBytes && lines.size() > 1)) {
        const OutputLine &line = lines.front();
        usedBytes -= memoryCost(line);
        droppedBytes += line.byteCount;
        ++droppedLines;
        ++first;
        lines.pop_front();
    }
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
    d->trim();
    if (d->droppedLines != before)
        emit changed();
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
        d->decoders[stream].finish(d->scratch);
        d->absorb(stream);
    }
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
    d->decoders[index].decode(bytes, d->scratch);
    d->absorb(index);
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
    d->trim();
    emit changed();
}

void OutputLog::clear()
{
    d->first += qint64(d->lines.size());
    d->lines.clear();
    d->usedBytes = 0;
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
    return d->first + qint64(d->lines.size());
}

qsizetype OutputLog::lineCount() const
{
    return qsizetype(d->lines.size());
}

const OutputLine &OutputLog::line(qint64 lineNumber) const
{
    static const OutputLine empty;
    if (lineNumber < d->first || lineNumber >= endLineNumber())
        return empty;
    return d->lines[size_t(lineNumber - d->first)];
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
