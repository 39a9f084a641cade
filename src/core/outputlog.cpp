#include "outputlog.h"

#include "outputdecoder.h"

#include <QDateTime>
#include <QStringDecoder>

#include <algorithm>
#include <atomic>

bool operator==(const OutputSpan &a, const OutputSpan &b)
{
    return a.start == b.start && a.length == b.length && a.foreground == b.foreground
        && a.background == b.background && a.bold == b.bold && a.italic == b.italic
        && a.underline == b.underline && a.inverse == b.inverse;
}

namespace {

// Arrival order across every log of the program (the All view interleaves by it).
quint64 nextSequence()
{
    static std::atomic<quint64> counter{0};
    return ++counter;
}

qint64 lineCost(const OutputLine &line)
{
    return qint64(line.text.size()) * qint64(sizeof(QChar)) + qint64(sizeof(OutputLine));
}

struct StreamState
{
    QStringDecoder decoder{QStringDecoder::Utf8};
    bool crPending = false;
};

} // namespace

struct OutputLog::Private
{
    std::deque<OutputLine> lines;
    qint64 first = 0;
    qsizetype maxLines = DefaultMaxLines;
    qint64 maxBytes = DefaultMaxBytes;
    qint64 bytes = 0;
    qint64 droppedLines = 0;
    qint64 droppedBytes = 0;
    qint64 received[3] = {0, 0, 0};
    quint64 tailRevision = 0;
    int run = 0;
    StreamState streams[2];
    int openStream = -1; // the stream whose partial line is the last line, or -1

    void closeOpenLine()
    {
        if (openStream >= 0)
            streams[openStream].crPending = false;
        openStream = -1;
    }

    OutputLine &newLine(OutputStream stream)
    {
        OutputLine line;
        line.timeMs = QDateTime::currentMSecsSinceEpoch();
        line.sequence = nextSequence();
        line.run = run;
        line.stream = stream;
        lines.push_back(std::move(line));
        bytes += lineCost(lines.back());
        return lines.back();
    }

    void appendText(OutputLine &line, QStringView text)
    {
        bytes -= lineCost(line);
        line.text.append(text);
        bytes += lineCost(line);
    }

    void trim()
    {
        while (!lines.empty()
               && (qsizetype(lines.size()) > maxLines || (bytes > maxBytes && lines.size() > 1))) {
            const qint64 cost = lineCost(lines.front());
            bytes -= cost;
            droppedBytes += cost;
            ++droppedLines;
            ++first;
            lines.pop_front();
        }
    }
};

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
    d->trim();
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
    d->closeOpenLine();
    for (StreamState &s : d->streams) {
        s.decoder.resetState();
        s.crPending = false;
    }
}

void OutputLog::appendData(OutputStream stream, QByteArrayView bytes)
{
    if (stream == OutputStream::Message) {
        appendMessage(QString::fromUtf8(bytes));
        return;
    }
    const int index = stream == OutputStream::Stderr ? 1 : 0;
    d->received[index] += bytes.size();
    StreamState &state = d->streams[index];
    const QString text = state.decoder(bytes);
    if (text.isEmpty())
        return;

    if (d->openStream != index)
        d->closeOpenLine();
    bool tailChanged = false;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const QChar c = text.at(pos);
        if (state.crPending) {
            state.crPending = false;
            if (c == u'\n') {
                d->openStream = -1;
                ++pos;
                continue;
            }
            // A bare \r: the current line is rewritten.
            if (d->openStream == index) {
                OutputLine &line = d->lines.back();
                d->bytes -= lineCost(line);
                line.text.clear();
                d->bytes += lineCost(line);
                tailChanged = true;
            }
        }
        qsizetype end = pos;
        while (end < text.size() && text.at(end) != u'\n' && text.at(end) != u'\r')
            ++end;
        if (end > pos || d->openStream != index) {
            if (d->openStream != index) {
                d->newLine(stream);
                d->openStream = index;
            } else {
                tailChanged = true;
            }
            d->appendText(d->lines.back(), QStringView(text).mid(pos, end - pos));
        }
        if (end < text.size()) {
            if (text.at(end) == u'\n')
                d->openStream = -1;
            else
                state.crPending = true;
            ++end;
        }
        pos = end;
    }
    if (tailChanged)
        ++d->tailRevision;
    d->trim();
    emit changed();
}

void OutputLog::appendMessage(const QString &text)
{
    d->closeOpenLine();
    d->received[2] += text.toUtf8().size();
    d->appendText(d->newLine(OutputStream::Message), text);
    d->trim();
    emit changed();
}

void OutputLog::clear()
{
    d->lines.clear();
    d->first = 0;
    d->bytes = 0;
    d->droppedLines = 0;
    d->droppedBytes = 0;
    d->closeOpenLine();
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
