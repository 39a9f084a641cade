#include "outputprinter.h"

#include "outputlog.h"
#include "outputmergecursor.h"
#include "visibletext.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <climits>
#include <limits>
#include <iterator>

namespace {

class Msg
{
    Q_DECLARE_TR_FUNCTIONS(OutputPrinter)
};

// ANSI colours for the names, distinct on dark and light terminals.
constexpr const char *NameColours[] = {"36", "33", "32", "35", "34", "96", "93", "92", "95", "94"};

// A prefix per stream (Stdout, Stderr, Message) of one log.
using Prefixes = std::array<QByteArray, 3>;

// One line as "prefix text\n": a plain line's bytes as they are, any other line's text as UTF-8.
void appendLine(QByteArray &out, const OutputLog &log, qint64 lineNumber, const Prefixes &prefixes,
                bool colour)
{
    if (const OutputLog::PlainText plain = log.plainLine(lineNumber); plain.plain) {
        out += prefixes[size_t(plain.stream)];
        out += plain.text;
        if (plain.continued)
            out += OutputLine::ContinuationMark.toUtf8();
        out += '\n';
        return;
    }
    const OutputLine &line = log.line(lineNumber);
    out += prefixes[size_t(line.stream)];
    out += line.text.toUtf8();
    if (line.continued)
        out += OutputLine::ContinuationMark.toUtf8();
    if (colour && line.stream == OutputStream::Message)
        out += "\x1b[0m";
    out += '\n';
}

} // namespace

QString skippedLinesNote(qint64 count)
{
    return Msg::tr("… %n line(s) skipped", nullptr, int(std::min<qint64>(count, INT_MAX)));
}

void OutputPrinter::setColour(bool colour)
{
    m_colour = colour;
}

bool OutputPrinter::colour() const
{
    return m_colour;
}

void OutputPrinter::setMarkSkipped(bool mark)
{
    m_markSkipped = mark;
}

void OutputPrinter::addLog(const OutputLog *log, const QString &name)
{
    if (!log || std::any_of(m_sources.begin(), m_sources.end(), [log](const Source &s) { return s.log == log; }))
        return;
    Source source;
    source.log = log;
    source.name = VisibleText::visible(name);
    source.colour = m_nextColour++ % int(std::size(NameColours));
    source.next = log->firstLineNumber();
    m_sources.push_back(std::move(source));
    pad();
}

void OutputPrinter::removeLog(const OutputLog *log)
{
    m_sources.erase(std::remove_if(m_sources.begin(), m_sources.end(), [log](const Source &s) { return s.log == log; }),
                    m_sources.end());
    if (m_sources.empty())
        m_nextColour = 0; // a new session's names get the first colours again
    pad();
}

bool OutputPrinter::isEmpty() const
{
    return m_sources.empty();
}

void OutputPrinter::skipBefore(const OutputLog *log, qint64 timeMs)
{
    for (Source &source : m_sources) {
        if (source.log != log)
            continue;
        // Arrival times grow along a log: the first line at or after timeMs, by bisection.
        qint64 low = std::max(source.next, log->firstLineNumber());
        qint64 high = log->endLineNumber();
        while (low < high) {
            const qint64 middle = low + (high - low) / 2;
            if (log->line(middle).timeMs < timeMs)
                low = middle + 1;
            else
                high = middle;
        }
        source.next = low;
    }
}

void OutputPrinter::pad()
{
    int width = 0;
    for (const Source &source : m_sources)
        width = std::max(width, int(source.name.size()));
    for (Source &source : m_sources)
        source.paddedName = source.name.leftJustified(width).toUtf8();
}

QByteArray OutputPrinter::prefix(const Source &source, int stream) const
{
    const char *marker = stream == int(OutputStream::Stderr) ? " ! " : stream == int(OutputStream::Message) ? " * " : " | ";
    if (!m_colour)
        return source.paddedName + marker;
    QByteArray text = "\x1b[" + QByteArray(NameColours[source.colour]) + 'm' + source.paddedName + "\x1b[0m";
    if (stream == int(OutputStream::Stderr))
        return text + " \x1b[1;31m!\x1b[0m ";
    if (stream == int(OutputStream::Message))
        return text + " \x1b[2m* ";
    return text + marker;
}

qint64 OutputPrinter::endOf(const Source &source, bool includeOpenLines) const
{
    return source.log->endLineNumber() - (source.log->hasOpenLine() && !includeOpenLines ? 1 : 0);
}

bool OutputPrinter::hasPending(bool includeOpenLines) const
{
    return std::any_of(m_sources.begin(), m_sources.end(), [this, includeOpenLines](const Source &s) {
        return std::max(s.next, s.log->firstLineNumber()) < endOf(s, includeOpenLines);
    });
}

qint64 OutputPrinter::collect(QByteArray &out, bool includeOpenLines, qint64 maxLines)
{
    const size_t count = m_sources.size();
    std::vector<const OutputLog *> logs(count);
    std::vector<qint64> from(count);
    std::vector<qint64> ends(count);
    std::vector<Prefixes> prefixes(count);
    size_t pending = 0;
    size_t only = 0;
    for (size_t i = 0; i < count; ++i) {
        Source &source = m_sources[i];
        logs[i] = source.log;
        for (int stream = 0; stream < 3; ++stream)
            prefixes[i][size_t(stream)] = prefix(source, stream);
        const qint64 first = source.log->firstLineNumber();
        if (source.next < first && m_markSkipped) {
            out += prefixes[i][size_t(OutputStream::Message)];
            out += skippedLinesNote(first - source.next).toUtf8();
            out += m_colour ? "\x1b[0m\n" : "\n";
        }
        source.next = std::max(source.next, first);
        from[i] = source.next;
        ends[i] = std::max(from[i], endOf(source, includeOpenLines));
        if (from[i] < ends[i]) {
            ++pending;
            only = i;
        }
    }
    const qint64 limit = maxLines < 0 ? std::numeric_limits<qint64>::max() : maxLines;
    qint64 written = 0;
    if (pending == 1) {
        // One log has lines to print (a flood, or a quiet session): its order is the merge's, and
        // its stored runs of plain lines go out in bulk.
        const qint64 end = ends[only];
        qint64 n = from[only];
        while (n < end && written < limit) {
            const OutputLog::PlainLines run = logs[only]->plainRun(n, end);
            if (run.lines > 0) {
                appendPlainLines(out, run, prefixes[only][size_t(run.stream)]);
                n += run.lines;
                written += run.lines;
            } else {
                appendLine(out, *logs[only], n++, prefixes[only], m_colour);
                ++written;
            }
        }
        m_sources[only].next = n;
        return written;
    }
    if (pending == 0)
        return 0;
    OutputMergeCursor cursor;
    for (cursor.start(logs, std::move(from), ends); !cursor.atEnd() && written < limit; cursor.advance()) {
        const OutputRow row = cursor.row();
        appendLine(out, *logs[size_t(row.source)], row.line, prefixes[size_t(row.source)], m_colour);
        ++written;
    }
    for (size_t i = 0; i < count; ++i)
        m_sources[i].next = cursor.positions()[i];
    return written;
}
