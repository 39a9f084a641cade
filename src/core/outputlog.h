#pragma once

#include "outputtypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QString>

#include <memory>

class OutputBlock;
struct OutputScan;

// The bounded output of one entry: lines from both streams and ProcDeck's own messages, in arrival
// order, with the run they belong to. Raw bytes go in; decoded lines come out. Bounded by a line
// count and a byte budget: the oldest lines are dropped first and counted.
//
// Line numbers are absolute: the first line ever appended is 0. The kept lines are
// [firstLineNumber(), endLineNumber()). The last line may still be open (a partial line, or one
// being rewritten by `\r`); tailRevision() changes whenever it changes in place.
//
// Storage: the bytes as read, in large chunks, plus an index. A line of printable ASCII (the bulk
// of a flood) is never decoded at intake: one vector scan finds its end and that it needs nothing
// else. The consecutive plain lines of one append are one index entry (a segment: their bytes, how
// many, the first of their sequence numbers); a line's place in a segment is found only when the
// line is read, and line() converts it then. Only a line with an escape, a control, `\r` or
// non-ASCII bytes goes through the OutputDecoder at intake (and the lines after it, as long as the
// decoder carries state: a colour, a partial character). reserve() and commit() let a reader
// read() straight into the storage; appendBlock() keeps a large read in the reader's own block.
//
// The logging category procdeck.output (debug) says, once per log, when the bounds first drop
// lines and when a line is first cut at the length limit.
class OutputLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutputLog)

public:
    static constexpr qsizetype DefaultMaxLines = 100000;
    // Memory for the kept lines (see usedBytes()). 100,000 lines of 80 characters take about
    // 9 MiB (8 MiB of bytes in 1 MiB chunks and a spare; a flood's index is one entry per read,
    // a line that arrives alone costs a 48-byte entry), so the line count bounds a flood of
    // ordinary lines and this budget bounds long ones (a 1 GB line is kept as its last ~500
    // pieces of 64 KiB); one flooding entry plus the window stays well under 250 MiB.
    static constexpr qint64 DefaultMaxBytes = 32 * 1024 * 1024;
    // Every log of the program together: a log that adds lines while the total is over this
    // budget drops its own oldest lines (so 20 entries flooding at once keep about 6 MiB each).
    static constexpr qint64 DefaultTotalMaxBytes = 128 * 1024 * 1024;

    explicit OutputLog(QObject *parent = nullptr);
    ~OutputLog() override;

    void setLimits(qsizetype maxLines, qint64 maxBytes);
    static void setTotalMaxBytes(qint64 maxBytes); // takes effect as logs add lines
    // The bounds of the logs made after this call (the Preferences; setLimits() for the others).
    static void setDefaultLimits(qsizetype maxLines, qint64 maxBytes);
    static qint64 totalUsedBytes();
    qsizetype maxLines() const;
    qint64 maxBytes() const;

    // A new run starts (restart): partial lines of the previous run are completed.
    void beginRun(int run);
    // The run ended: partial lines are completed.
    void endRun();

    // Bytes as read from the child's stdout or stderr (Message: decoded as UTF-8 and shown as a
    // message). A partial line of another stream that is open at the end is completed first, so
    // the open line is always the last one.
    void appendData(OutputStream stream, QByteArrayView bytes);
    // appendData() of bytes that lie in a reader's `block` (OutputReader): a large read is kept
    // where it is, without a copy (the log holds a reference to the block); a small one is copied.
    // `scan` (optional) is what the reader found in them (OutputScan): a flood's lines are then
    // taken without reading the bytes again.
    void appendBlock(OutputStream stream, QByteArrayView bytes, OutputBlock *block,
                     const OutputScan *scan = nullptr);
    // Zero-copy intake: room for at least `minBytes` (capped at a chunk, 1 MiB by default) of the
    // stream's next bytes in the log's own storage; `*capacity` is set to how many bytes may be
    // written there. commit() says how many were written (0 to abandon) and must follow before any
    // other call on the log. commit(stream, n) is appendData(stream, those n bytes) without the
    // copy; a commit of 0 bytes changes nothing and emits nothing.
    char *reserve(OutputStream stream, qsizetype minBytes, qsizetype *capacity);
    void commit(OutputStream stream, qsizetype bytes);
    // One line per `\n`-separated part.
    void appendMessage(const QString &text);
    // One complete line as another ProcDeck's log holds it (a mirror of an attached session): its
    // stream, its text (decoded there, without the newline), its own time there (ms since the
    // epoch) and run (0: the current one), which the line keeps here, and whether it is a piece of
    // a line cut at the length limit that goes on in the next line.
    void appendLine(OutputStream stream, QStringView text, qint64 timeMs, int run = 0, bool continued = false);
    // Drops the kept lines and the drop counts; line numbers go on from endLineNumber().
    void clear();

    qint64 firstLineNumber() const;
    qint64 endLineNumber() const;
    qsizetype lineCount() const;
    // Absolute line number in [firstLineNumber(), endLineNumber()); out of range, an empty line.
    // A plain line is decoded on demand into a cache of 128 slots (by line number modulo 128): the
    // reference stays valid until the log changes or a line 128·k numbers away is read, so any 128
    // consecutive lines can be held at once; a line read again is not converted again.
    const OutputLine &line(qint64 lineNumber) const;
    // A plain line (printable ASCII and tabs, the bulk of a flood) as the bytes it was received
    // as, which are exactly its text: valid until the log changes. `plain` is false for any other
    // line (decoded, a message, out of range): read it with line(). For writers that want bytes
    // (the headless runner), without converting each line to a QString and back.
    struct PlainText
    {
        QByteArrayView text;
        OutputStream stream = OutputStream::Stdout;
        bool continued = false;
        bool plain = false;
        qint64 timeMs = 0;  // as OutputLine::timeMs and run
        int run = 0;
    };
    PlainText plainLine(qint64 lineNumber) const;
    // Consecutive plain lines from `lineNumber` (before `end`) stored together: their bytes, each
    // line with its `\n` or `\r\n`, and how many. `lines` 0: the line is not one of those (read
    // it with plainLine() or line()). Valid until the log changes. For bulk writers (headless).
    struct PlainLines
    {
        QByteArrayView bytes;
        qint64 lines = 0;
        OutputStream stream = OutputStream::Stdout;
        qint64 timeMs = 0;  // every line of a run arrived together: one time and one run
        int run = 0;
    };
    PlainLines plainRun(qint64 lineNumber, qint64 end) const;
    // The line's sequence number without decoding it (0 out of range): for indexing a flood.
    quint64 lineSequence(qint64 lineNumber) const;
    quint64 tailRevision() const;
    // The last line is still open: no line end yet (a partial line, or one being rewritten by `\r`).
    bool hasOpenLine() const;

    int currentRun() const;
    // The number of the first line of the current run (beginRun()'s endLineNumber(); 0 before the
    // first run). Lower than firstLineNumber() when the bounds dropped its first lines. The lines
    // from here on are the run's (OutputLine::run), for a view of "this run only".
    qint64 currentRunFirstLine() const;

    qint64 droppedLines() const;
    qint64 droppedBytes() const;     // bytes the child wrote for the dropped lines
    qint64 bytesReceived(OutputStream stream) const;
    // Memory of the kept lines: byte chunks (a spare included), index, decoded lines. Bounded by
    // maxBytes() unless a single line is kept.
    qint64 usedBytes() const;
    // Bytes of Stdout or Stderr received but in no line, kept or dropped: escape sequences that
    // had no line to belong to, or wait for one. With the kept lines' byteCount and
    // droppedBytes(), every byte received is counted once.
    qint64 bytesOutsideLines(OutputStream stream) const;

signals:
    // New lines, or the open last line changed. Emitted once per append call: receivers that
    // render should only mark themselves dirty and flush on a timer.
    void changed();
    void cleared();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Whole plain lines stored together (OutputLog::plainRun()) appended to `out`, each as
// "prefix text\n" (a `\r\n` becomes `\n`, as line() would have it): for OutputPrinter (headless
// output, `ctl logs`) and the log files.
void appendPlainLines(QByteArray &out, const OutputLog::PlainLines &run, QByteArrayView prefix);
