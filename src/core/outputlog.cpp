#include "outputlog.h"

#include "outputlog_p.h"
#include "visibletext.h"

#include <algorithm>
#include <cstring>

namespace {

// A read at least this large is kept in the reader's block (adopted) rather than copied: a
// flood's reads are 256 KiB; the lines of a program that prints now and then are copied, so that
// a few kept lines never hold a large block.
constexpr qsizetype AdoptMinimum = 16 * 1024;

} // namespace

OutputLog::OutputLog(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->maxLines = OutputLogStore::defaultMaxLines().load(std::memory_order_relaxed);
    d->maxBytes = OutputLogStore::defaultMaxBytes().load(std::memory_order_relaxed);
}

OutputLog::~OutputLog() = default;

void OutputLog::setLimits(qsizetype maxLines, qint64 maxBytes)
{
    d->maxLines = std::max<qsizetype>(1, maxLines);
    d->maxBytes = std::max<qint64>(1, maxBytes);
    d->dropSpare(); // a spare of the old size is of no use
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
    OutputLogStore::totalMax().store(std::max<qint64>(1, maxBytes), std::memory_order_relaxed);
}

void OutputLog::setDefaultLimits(qsizetype maxLines, qint64 maxBytes)
{
    OutputLogStore::defaultMaxLines().store(std::max<qsizetype>(1, maxLines), std::memory_order_relaxed);
    OutputLogStore::defaultMaxBytes().store(std::max<qint64>(1, maxBytes), std::memory_order_relaxed);
}

qint64 OutputLog::totalUsedBytes()
{
    return OutputLogStore::totalUsed().load(std::memory_order_relaxed);
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
    d->runFirstLine = endLineNumber();
}

void OutputLog::endRun()
{
    const qint64 endBefore = endLineNumber();
    const quint64 revisionBefore = d->tailRevision;
    d->closeTail();
    d->finishDecoders();
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
    d->copyIn(Private::streamIndex(stream), bytes);
    emit changed();
}


void OutputLog::appendBlock(OutputStream stream, QByteArrayView bytes, OutputBlock *block, const OutputScan *scan)
{
    if (!block || stream == OutputStream::Message || bytes.size() < AdoptMinimum) {
        appendData(stream, bytes);
        return;
    }
    const int index = Private::streamIndex(stream);
    Private &s = *d;
    const char *p = bytes.data();
    const char *const end = p + bytes.size();
    Private::PlainHint hint;
    const bool plain = scan && scan->plain && scan->newlines > 0;
    if (plain)
        hint = {scan->newlines, p + scan->first, p + scan->last};
    const bool follows = !s.chunks.empty() && s.chunks.back().block.get() == block
                         && s.chunks.back().data + s.chunks.back().used == p;
    if (!follows) {
        if (s.tailOpen && s.tailStream == index && !(s.back().flags & OutputLogStore::Decoded)) {
            // The open plain line stays in one piece: its rest, up to its end, is copied after it.
            const void *newline = plain ? hint.firstNewline : std::memchr(p, '\n', size_t(end - p));
            const char *rest = newline ? static_cast<const char *>(newline) + 1 : end;
            s.copyIn(index, QByteArrayView(p, rest - p));
            p = rest;
            hint = {hint.lines - 1, nullptr, hint.lastNewline}; // the next line is whole, and short
        }
        if (p < end)
            s.adopt(block, p - block->data());
    }
    if (p < end)
        s.take(index, end - p, plain ? &hint : nullptr);
    emit changed();
}

char *OutputLog::reserve([[maybe_unused]] OutputStream stream, qsizetype minBytes, qsizetype *capacity)
{
    Q_ASSERT(stream != OutputStream::Message);
    return d->reserve(minBytes, capacity);
}

void OutputLog::commit(OutputStream stream, qsizetype bytes)
{
    Q_ASSERT(stream != OutputStream::Message);
    Q_ASSERT(!d->chunks.empty() && bytes <= d->chunks.back().capacity - d->chunks.back().used);
    if (bytes <= 0)
        return;
    d->take(Private::streamIndex(stream), bytes);
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
        // Notes quote entry names, programs and paths from the session file: shown, never acted on.
        d->pushMessage(VisibleText::visible(rest.first(newline < 0 ? rest.size() : newline), VisibleText::Tabs::Keep));
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
    d->clearLines();
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
    return d->readLine(lineNumber);
}

OutputLog::PlainText OutputLog::plainLine(qint64 lineNumber) const
{
    OutputLogStore::PlainLine found;
    if (!d->findPlain(lineNumber, &found))
        return {};
    return {QByteArrayView(found.bytes, qsizetype(found.length)), found.entry->stream,
            bool(found.flags & OutputLogStore::Continued), true, found.entry->timeMs,
            found.entry->run};
}

OutputLog::PlainLines OutputLog::plainRun(qint64 lineNumber, qint64 end) const
{
    OutputLogStore::PlainLine found;
    qint64 lines = 0;
    const char *stop = d->findPlainRun(lineNumber, end, &found, &lines);
    if (lines == 0)
        return {};
    return {QByteArrayView(found.bytes, stop - found.bytes), lines, found.entry->stream,
            found.entry->timeMs, found.entry->run};
}

quint64 OutputLog::lineSequence(qint64 lineNumber) const
{
    return d->lineSequence(lineNumber);
}

quint64 OutputLog::tailRevision() const
{
    return d->tailRevision;
}

bool OutputLog::hasOpenLine() const
{
    return d->tailOpen;
}

int OutputLog::currentRun() const
{
    return d->run;
}

qint64 OutputLog::currentRunFirstLine() const
{
    return d->runFirstLine;
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

qint64 OutputLog::bytesOutsideLines(OutputStream stream) const
{
    if (stream == OutputStream::Message)
        return 0;
    const OutputDecoder &decoder = d->decoders[Private::streamIndex(stream)];
    // Escapes with no line to go to, and those waiting for one (no open line yet).
    return decoder.bytesDiscarded() + (decoder.hasOpenLine() ? 0 : decoder.bytesPending());
}

void appendPlainLines(QByteArray &out, const OutputLog::PlainLines &run, QByteArrayView prefix)
{
    const qsizetype at = out.size();
    out.resize(at + run.bytes.size() + run.lines * prefix.size()); // at most
    char *to = out.data() + at;
    const char *p = run.bytes.data();
    const char *const end = p + run.bytes.size();
    while (p < end) {
        const char *newline = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        qsizetype length = newline - p;
        if (length > 0 && p[length - 1] == '\r')
            --length;
        std::memcpy(to, prefix.data(), size_t(prefix.size()));
        to += prefix.size();
        std::memcpy(to, p, size_t(length));
        to += length;
        *to++ = '\n';
        p = newline + 1;
    }
    out.resize(to - out.constData());
}
