#include "outputdecoder.h"
#include "outputlog.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <cstring>
#include <iterator>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(OutputStream)

namespace {

struct Append
{
    OutputStream stream;
    QByteArray bytes;
};

QStringList texts(const OutputLog &log)
{
    QStringList result;
    for (qint64 n = log.firstLineNumber(); n < log.endLineNumber(); ++n)
        result.append(log.line(n).text);
    return result;
}

// Every byte the log received is in a kept line, a dropped line, or in no line (escapes).
qint64 unaccountedBytes(const OutputLog &log)
{
    qint64 kept = 0;
    for (qint64 n = log.firstLineNumber(); n < log.endLineNumber(); ++n)
        kept += log.line(n).byteCount;
    qint64 received = 0;
    qint64 elsewhere = 0;
    for (OutputStream stream : {OutputStream::Stdout, OutputStream::Stderr}) {
        received += log.bytesReceived(stream);
        elsewhere += log.bytesOutsideLines(stream);
    }
    received += log.bytesReceived(OutputStream::Message);
    return received - kept - log.droppedBytes() - elsewhere;
}

} // namespace

class tst_OutputLog final : public QObject
{
    Q_OBJECT

private slots:
    void plainLinesAsStored();
    void splitting_data();
    void splitting();
    void openLineIsUpdatedInPlace();
    void hasOpenLine();
    void progressBarRewrites();
    void streamsInterleave();
    void bounds_data();
    void bounds();
    void longLineWithoutNewlineStaysBounded();
    void totalBudgetSharedByLogs();
    void defaultLimitsForNewLogs();
    void runs();
    void sequenceOrdersTwoLogs();
    void messages();
    void changedOncePerAppend();
    void clearKeepsNumbering();
    void arrivalTime();
    void linesOfAnotherLog();
    void spansKept();
    void sameAsDecoder_data();
    void sameAsDecoder();
    void reserveAndCommit();
    void lineAcrossChunkBoundary();
    void lineLongerThanChunk();
    void chunksDroppedWithLines();
    void lineCache();
    void segmentPartlyDroppedThenRead_data();
    void segmentPartlyDroppedThenRead();
    void sequenceAcrossSegments();
    void segmentLineAfterManyAppends();
    void segmentsBoundedByBytes();
};

// plainLine() and plainRun(): plain lines as the bytes received (text = bytes, `\r\n` kept in a
// run), nothing for a decoded line; a run stops at `end` and at the end of what was stored together.
void tst_OutputLog::plainLinesAsStored()
{
    OutputLog log;
    log.appendData(OutputStream::Stdout, "one\ntwo\r\nthree\n");
    log.appendData(OutputStream::Stderr, "\x1b[31mred\x1b[0m\nfour\n");
    QCOMPARE(log.lineCount(), qsizetype(5));
    const OutputLog::PlainText two = log.plainLine(1);
    QVERIFY(two.plain);
    QCOMPARE(two.text.toByteArray(), "two"_ba);
    QCOMPARE(two.stream, OutputStream::Stdout);
    QVERIFY(!log.plainLine(3).plain); // decoded (an SGR sequence)
    QVERIFY(!log.plainLine(9).plain); // out of range

    OutputLog::PlainLines run = log.plainRun(0, log.endLineNumber());
    QCOMPARE(run.lines, qint64(3));
    QCOMPARE(run.bytes.toByteArray(), "one\ntwo\r\nthree\n"_ba);
    run = log.plainRun(1, 2);
    QCOMPARE(run.lines, qint64(1));
    QCOMPARE(run.bytes.toByteArray(), "two\r\n"_ba);
    QCOMPARE(log.plainRun(3, log.endLineNumber()).lines, qint64(0));
    const OutputLog::PlainLines four = log.plainRun(4, log.endLineNumber());
    QVERIFY(four.lines == 0 || (four.lines == 1 && four.bytes == "four\n" && four.stream == OutputStream::Stderr));
}

void tst_OutputLog::splitting_data()
{
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<QStringList>("expected"); // the open line last, if any

    QTest::newRow("lines") << QList<QByteArray>{"a\nb\n"} << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("partial line shown") << QList<QByteArray>{"a\nb"} << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("partial line completed")
        << QList<QByteArray>{"a\nb", "c\n", "d"} << QStringList{u"a"_s, u"bc"_s, u"d"_s};
    QTest::newRow("crlf") << QList<QByteArray>{"a\r", "\nb\r\n"} << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("split UTF-8") << QList<QByteArray>{"\xe2", "\x82", "\xac\n"} << QStringList{u"\u20ac"_s};
    QTest::newRow("escapes removed")
        << QList<QByteArray>{"\x1b]0;title\x07x\x1b[2J\n"} << QStringList{u"x"_s};
    QTest::newRow("empty read changes nothing") << QList<QByteArray>{"", "a\n", ""} << QStringList{u"a"_s};
}

void tst_OutputLog::splitting()
{
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(QStringList, expected);
    OutputLog log;
    for (const QByteArray &chunk : chunks)
        log.appendData(OutputStream::Stdout, chunk);
    QCOMPARE(texts(log), expected);
    QCOMPARE(log.firstLineNumber(), 0);
    QCOMPARE(log.endLineNumber(), expected.size());
    QCOMPARE(unaccountedBytes(log), 0);
}

void tst_OutputLog::openLineIsUpdatedInPlace()
{
    OutputLog log;
    log.appendData(OutputStream::Stdout, "first\nabc");
    QCOMPARE(log.lineCount(), 2);
    const quint64 sequence = log.line(1).sequence;
    const quint64 revision = log.tailRevision();

    log.appendData(OutputStream::Stdout, "def");
    QCOMPARE(log.lineCount(), 2);
    QCOMPARE(log.line(1).text, u"abcdef"_s);
    QCOMPARE(log.line(1).sequence, sequence);
    QVERIFY(log.tailRevision() != revision);

    const quint64 revision2 = log.tailRevision();
    log.appendData(OutputStream::Stdout, "\nnext\n");
    QCOMPARE(texts(log), (QStringList{u"first"_s, u"abcdef"_s, u"next"_s}));
    QCOMPARE(log.line(1).sequence, sequence);
    QVERIFY(log.tailRevision() != revision2);
    QVERIFY(log.line(2).sequence > sequence);
    QCOMPARE(unaccountedBytes(log), 0);
}

void tst_OutputLog::progressBarRewrites()
{
    OutputLog log;
    for (int percent = 0; percent <= 100; percent += 10)
        log.appendData(OutputStream::Stdout, QByteArray(QByteArray::number(percent) + "%\r"));
    QCOMPARE(texts(log), QStringList{u"100%"_s});
    log.appendData(OutputStream::Stdout, "\ndone\n");
    QCOMPARE(texts(log), (QStringList{u"100%"_s, u"done"_s}));
    QCOMPARE(unaccountedBytes(log), 0);
}

void tst_OutputLog::streamsInterleave()
{
    OutputLog log;
    log.appendData(OutputStream::Stdout, "Password: ");
    log.appendData(OutputStream::Stderr, "warning\n");
    log.appendData(OutputStream::Stdout, "ok\n");
    log.appendData(OutputStream::Stderr, "\xe2\x82");   // a split character on stderr…
    log.appendData(OutputStream::Stdout, "out\n");       // …does not disturb stdout
    log.appendData(OutputStream::Stderr, "\xac!\n");
    QCOMPARE(texts(log), (QStringList{u"Password: "_s, u"warning"_s, u"ok"_s, u"out"_s, u"\u20ac!"_s}));
    const QList<OutputStream> streams = {OutputStream::Stdout, OutputStream::Stderr,
                                         OutputStream::Stdout, OutputStream::Stdout,
                                         OutputStream::Stderr};
    for (int i = 0; i < streams.size(); ++i)
        QCOMPARE(log.line(i).stream, streams.at(i));
    QCOMPARE(log.bytesReceived(OutputStream::Stdout), 17);
    QCOMPARE(log.bytesReceived(OutputStream::Stderr), 13);
    QCOMPARE(unaccountedBytes(log), 0);
}

void tst_OutputLog::bounds_data()
{
    QTest::addColumn<int>("maxLines");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<int>("lineLength");
    QTest::addColumn<int>("lines");
    QTest::addColumn<int>("perRead");
    QTest::addColumn<int>("expectedKept");

    QTest::newRow("under both bounds") << 100 << qint64(1 << 20) << 10 << 50 << 7 << 50;
    QTest::newRow("line bound") << 10 << qint64(1 << 20) << 10 << 25 << 1 << 10;
    QTest::newRow("line bound, one big read") << 10 << qint64(1 << 20) << 10 << 1000 << 1000 << 10;
    QTest::newRow("default line bound") << int(OutputLog::DefaultMaxLines)
                                        << OutputLog::DefaultMaxBytes << 79 << 150000 << 5000
                                        << int(OutputLog::DefaultMaxLines);
    QTest::newRow("byte bound") << 1000 << qint64(64 * 1024) << 1000 << 200 << 3 << -1;
    QTest::newRow("byte bound, one line kept at least") << 1000 << qint64(1) << 100 << 5 << 1 << 1;
}

void tst_OutputLog::bounds()
{
    QFETCH(int, maxLines);
    QFETCH(qint64, maxBytes);
    QFETCH(int, lineLength);
    QFETCH(int, lines);
    QFETCH(int, perRead);
    QFETCH(int, expectedKept);

    OutputLog log;
    log.setLimits(maxLines, maxBytes);
    QCOMPARE(log.maxLines(), maxLines);
    QCOMPARE(log.maxBytes(), maxBytes);
    QByteArray read;
    for (int i = 0; i < lines; ++i) {
        QByteArray line = QByteArray::number(i).rightJustified(lineLength, '.') + '\n';
        read += line;
        if ((i + 1) % perRead == 0 || i + 1 == lines) {
            log.appendData(OutputStream::Stdout, read);
            read.clear();
        }
    }
    const qint64 kept = log.lineCount();
    if (expectedKept >= 0)
        QCOMPARE(kept, expectedKept);
    QVERIFY(kept >= 1);
    QVERIFY(log.usedBytes() <= maxBytes || kept == 1);
    QCOMPARE(log.endLineNumber(), lines);
    QCOMPARE(log.firstLineNumber(), lines - kept);
    QCOMPARE(log.droppedLines(), lines - kept);
    QCOMPARE(log.droppedBytes(), (lines - kept) * (lineLength + 1));
    // The oldest kept line is the right one.
    QCOMPARE(log.line(log.firstLineNumber()).text.toLatin1(),
             QByteArray::number(lines - kept).rightJustified(lineLength, '.'));
    QCOMPARE(unaccountedBytes(log), 0);
    // Out of range: an empty line, no crash.
    QVERIFY(log.line(log.firstLineNumber() - 1).text.isEmpty());
    QVERIFY(log.line(log.endLineNumber()).text.isEmpty());
}

void tst_OutputLog::longLineWithoutNewlineStaysBounded()
{
    OutputLog log;
    const qint64 budget = 2 * 1024 * 1024;
    log.setLimits(OutputLog::DefaultMaxLines, budget);
    const QByteArray read(1024 * 1024, 'x');
    const int reads = 16;
    for (int i = 0; i < reads; ++i) {
        log.appendData(OutputStream::Stdout, read);
        QVERIFY(log.usedBytes() <= budget);
    }
    const qint64 total = qint64(reads) * read.size();
    QCOMPARE(log.bytesReceived(OutputStream::Stdout), total);
    QVERIFY(log.droppedLines() > 0);
    for (qint64 n = log.firstLineNumber(); n + 1 < log.endLineNumber(); ++n) {
        QCOMPARE(log.line(n).text.size(), OutputDecoder::MaxLineLength);
        QVERIFY(log.line(n).continued);
    }
    QCOMPARE(unaccountedBytes(log), 0);
    log.endRun();
    QVERIFY(!log.line(log.endLineNumber() - 1).continued);
    QCOMPARE(log.endLineNumber(), (total + OutputDecoder::MaxLineLength - 1) / OutputDecoder::MaxLineLength);
    QCOMPARE(unaccountedBytes(log), 0);
}

void tst_OutputLog::totalBudgetSharedByLogs()
{
    const qint64 before = OutputLog::totalUsedBytes();
    const qint64 budget = 1024 * 1024;
    OutputLog::setTotalMaxBytes(before + budget);
    const QByteArray lines = QByteArray(99, 'z').append('\n').repeated(2000);
    {
        OutputLog a;
        OutputLog b;
        for (int i = 0; i < 20; ++i) {
            a.appendData(OutputStream::Stdout, lines);
            b.appendData(OutputStream::Stdout, lines);
            QVERIFY(OutputLog::totalUsedBytes() <= before + budget);
        }
        QCOMPARE(OutputLog::totalUsedBytes(), before + a.usedBytes() + b.usedBytes());
        QVERIFY(a.droppedLines() > 0);
        QVERIFY(b.droppedLines() > 0);
        // Both flooding: they share the budget.
        QVERIFY(a.usedBytes() > budget / 4);
        QVERIFY(b.usedBytes() > budget / 4);
        QCOMPARE(unaccountedBytes(a), 0);
        a.clear();
        QCOMPARE(OutputLog::totalUsedBytes(), before + b.usedBytes());
    }
    QCOMPARE(OutputLog::totalUsedBytes(), before);
    OutputLog::setTotalMaxBytes(OutputLog::DefaultTotalMaxBytes);
}

// The Preferences' bounds: the logs made afterwards start with them and keep to them; a log made
// before keeps its own.
void tst_OutputLog::defaultLimitsForNewLogs()
{
    OutputLog before;
    OutputLog::setDefaultLimits(50, 1024 * 1024);
    OutputLog after;
    OutputLog::setDefaultLimits(OutputLog::DefaultMaxLines, OutputLog::DefaultMaxBytes);
    QCOMPARE(before.maxLines(), OutputLog::DefaultMaxLines);
    QCOMPARE(after.maxLines(), 50);
    QCOMPARE(after.maxBytes(), 1024 * 1024);
    after.appendData(OutputStream::Stdout, QByteArray("line\n").repeated(200));
    QCOMPARE(after.lineCount(), 50);
    QCOMPARE(after.droppedLines(), 150);
    QCOMPARE(OutputLog().maxLines(), OutputLog::DefaultMaxLines);
}

void tst_OutputLog::runs()
{
    OutputLog log;
    log.beginRun(1);
    QCOMPARE(log.currentRun(), 1);
    log.appendData(OutputStream::Stdout, "one\npartial");
    log.appendData(OutputStream::Stderr, "\x1b[31mred");
    log.beginRun(2); // completes what the first run left open
    log.appendData(OutputStream::Stdout, "two\n");
    log.appendData(OutputStream::Stderr, "plain\n"); // the style of run 1 does not leak
    log.endRun();
    QCOMPARE(texts(log), (QStringList{u"one"_s, u"partial"_s, u"red"_s, u"two"_s, u"plain"_s}));
    const QList<int> expectedRuns = {1, 1, 1, 2, 2};
    for (int i = 0; i < expectedRuns.size(); ++i)
        QCOMPARE(log.line(i).run, expectedRuns.at(i));
    QCOMPARE(log.line(2).spans.size(), 1);
    QVERIFY(log.line(4).spans.isEmpty());
    QCOMPARE(unaccountedBytes(log), 0);
}

void tst_OutputLog::sequenceOrdersTwoLogs()
{
    OutputLog a;
    OutputLog b;
    QStringList written;
    for (int i = 0; i < 20; ++i) {
        OutputLog &log = (i % 3 == 0) ? b : a;
        const QByteArray text = (i % 3 == 0 ? "b" : "a") + QByteArray::number(i);
        log.appendData(i % 2 ? OutputStream::Stderr : OutputStream::Stdout, QByteArray(text + '\n'));
        written.append(QString::fromLatin1(text));
    }
    a.appendMessage(u"message"_s);
    written.append(u"message"_s);

    // Merging by sequence gives back the order of arrival (the All view).
    QList<std::pair<quint64, QString>> merged;
    for (const OutputLog *log : {&a, &b}) {
        for (qint64 n = log->firstLineNumber(); n < log->endLineNumber(); ++n)
            merged.append({log->line(n).sequence, log->line(n).text});
    }
    std::sort(merged.begin(), merged.end());
    QStringList order;
    for (const auto &entry : merged)
        order.append(entry.second);
    QCOMPARE(order, written);
    // Sequences are unique.
    for (qsizetype i = 1; i < merged.size(); ++i)
        QVERIFY(merged.at(i - 1).first < merged.at(i).first);
}

void tst_OutputLog::messages()
{
    OutputLog log;
    log.beginRun(1);
    log.appendData(OutputStream::Stdout, "no newline yet");
    log.appendMessage(u"started, PID 123"_s);
    log.appendMessage(u"two\nlines\n"_s);
    log.appendData(OutputStream::Stdout, " and more\n");
    QCOMPARE(texts(log), (QStringList{u"no newline yet"_s, u"started, PID 123"_s, u"two"_s,
                                      u"lines"_s, u" and more"_s}));
    QCOMPARE(log.line(0).stream, OutputStream::Stdout);
    QCOMPARE(log.line(1).stream, OutputStream::Message);
    QCOMPARE(log.line(3).stream, OutputStream::Message);
    QCOMPARE(log.line(4).stream, OutputStream::Stdout);
    QCOMPARE(log.line(1).run, 1);
    QVERIFY(log.line(1).sequence > log.line(0).sequence);
    QVERIFY(log.bytesReceived(OutputStream::Message) > 0);
    QCOMPARE(unaccountedBytes(log), 0);
}

void tst_OutputLog::changedOncePerAppend()
{
    OutputLog log;
    QSignalSpy changed(&log, &OutputLog::changed);
    log.appendData(OutputStream::Stdout, QByteArray("line\n").repeated(1000));
    QCOMPARE(changed.count(), 1);
    log.appendData(OutputStream::Stderr, "partial");
    QCOMPARE(changed.count(), 2);
    log.appendMessage(u"x\ny"_s);
    QCOMPARE(changed.count(), 3);
    log.endRun(); // nothing left open: no signal
    QCOMPARE(changed.count(), 3);
    log.appendData(OutputStream::Stdout, "open");
    log.endRun(); // completes the open line in place
    QCOMPARE(changed.count(), 5);
}

void tst_OutputLog::clearKeepsNumbering()
{
    OutputLog log;
    log.setLimits(5, OutputLog::DefaultMaxBytes);
    log.appendData(OutputStream::Stdout, QByteArray("x\n").repeated(8));
    QCOMPARE(log.droppedLines(), 3);
    QSignalSpy cleared(&log, &OutputLog::cleared);
    log.clear();
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(log.lineCount(), 0);
    QCOMPARE(log.firstLineNumber(), 8);
    QCOMPARE(log.endLineNumber(), 8);
    QCOMPARE(log.droppedLines(), 0);
    QCOMPARE(log.droppedBytes(), 0);
    QCOMPARE(log.usedBytes(), 0);
    log.appendData(OutputStream::Stdout, "y\n");
    QCOMPARE(texts(log), QStringList{u"y"_s});
    QCOMPARE(log.firstLineNumber(), 8);
}

void tst_OutputLog::arrivalTime()
{
    OutputLog log;
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    log.appendData(OutputStream::Stdout, "a\nb\n");
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    for (qint64 n = 0; n < 2; ++n) {
        QVERIFY(log.line(n).timeMs >= before);
        QVERIFY(log.line(n).timeMs <= after);
    }
}

// appendLine(): a line as another log holds it keeps its time, its run (a late line of an earlier
// run is not the current run's) and its cut mark, plain or with colours; the run's own lines and
// ProcDeck's notes go on as before.
void tst_OutputLog::linesOfAnotherLog()
{
    OutputLog log;
    log.beginRun(1);
    log.beginRun(2);
    log.appendLine(OutputStream::Stdout, u"late"_s, 1000, 1);
    log.appendLine(OutputStream::Stdout, u"piece"_s, 2000, 2, true);
    log.appendLine(OutputStream::Stdout, u"end"_s, 2000, 2);
    log.appendLine(OutputStream::Stderr, u"\x1b[31mred piece\x1b[0m"_s, 3000, 2, true);
    log.appendLine(OutputStream::Stderr, u"rest"_s, 3000, 0);
    log.appendLine(OutputStream::Message, u"note"_s, 4000, 1);
    log.appendData(OutputStream::Stdout, "now\n");
    const qint64 first = log.firstLineNumber();
    QCOMPARE(log.endLineNumber() - first, 7);
    struct Expected
    {
        QString text;
        qint64 timeMs;
        int run;
        bool continued;
    };
    const Expected expected[] = {{u"late"_s, 1000, 1, false},     {u"piece"_s, 2000, 2, true},
                                 {u"end"_s, 2000, 2, false},      {u"red piece"_s, 3000, 2, true},
                                 {u"rest"_s, 3000, 2, false},     {u"note"_s, 4000, 1, false}};
    for (qint64 i = 0; i < qint64(std::size(expected)); ++i) {
        const OutputLine line = log.line(first + i);
        QCOMPARE(line.text, expected[i].text);
        QCOMPARE(line.timeMs, expected[i].timeMs);
        QCOMPARE(line.run, expected[i].run);
        QCOMPARE(line.continued, expected[i].continued);
    }
    QVERIFY(!log.line(first + 3).spans.isEmpty()); // its colour kept
    const OutputLine now = log.line(first + 6);
    QCOMPARE(now.run, 2);
    QVERIFY(!now.continued);
    QVERIFY(now.timeMs > 4000);
}

void tst_OutputLog::spansKept()
{
    OutputLog log;
    log.appendData(OutputStream::Stderr, "\x1b[1;31merror:\x1b[0m details\n");
    QCOMPARE(log.line(0).text, u"error: details"_s);
    QCOMPARE(log.line(0).spans.size(), 1);
    const OutputSpan span = log.line(0).spans.first();
    QCOMPARE(span.start, 0);
    QCOMPARE(span.length, 6);
    QCOMPARE(span.foreground, 1);
    QVERIFY(span.bold);
}

// The log reads plain lines without the decoder; whatever the mix and however the bytes are cut
// into reads, the lines must be exactly what the decoder alone makes of the same bytes.
void tst_OutputLog::sameAsDecoder_data()
{
    QTest::addColumn<QByteArray>("input");

    QTest::newRow("plain") << QByteArray("one\ntwo\nthree\n");
    QTest::newRow("plain, open line") << QByteArray("one\ntwo\nthr");
    QTest::newRow("plain and special interleaved")
        << QByteArray("plain\n\x1b[31mred\x1b[0m\nplain again\ncaf\xc3\xa9\nback\n\x01ctl\nend");
    QTest::newRow("colour carries over newlines")
        << QByteArray("a\n\x1b[32mgreen\nstill green\n\x1b[0mplain\nplain\n");
    QTest::newRow("UTF-8 across lines") << QByteArray("x\xe2\x82\nplain\n\xac\xe2\x82\xac\n");
    QTest::newRow("crlf and bare cr")
        << QByteArray("dos\r\nline\r\n10%\r20%\r100%\ndone\r\n\r\nx\r");
    QTest::newRow("tabs stay plain") << QByteArray("a\tb\n\tc\t\nd\n");
    QTest::newRow("escape at line start, then plain") << QByteArray("\x1b]0;title\x07\nplain\n");
    QTest::newRow("empty lines") << QByteArray("\n\n\na\n\n");
    QTest::newRow("long plain line cut") << QByteArray(OutputDecoder::MaxLineLength * 2 + 5, 'p').append("\nshort\n");
    QTest::newRow("long line exactly the limit")
        << QByteArray(OutputDecoder::MaxLineLength, 'q').append('\n').append(QByteArray(OutputDecoder::MaxLineLength, 'r'));
    QTest::newRow("long line one over the limit")
        << QByteArray(OutputDecoder::MaxLineLength + 1, 'o').append('\n');
    QTest::newRow("long line turning special")
        << QByteArray(OutputDecoder::MaxLineLength - 3, 's').append("\xc3\xa9tail\nplain\n");
}

void tst_OutputLog::sameAsDecoder()
{
    QFETCH(QByteArray, input);
    OutputDecoder reference;
    std::vector<OutputLine> expected;
    reference.decode(input, expected);
    if (reference.hasOpenLine()) {
        OutputLine open;
        open.text = reference.openText();
        open.spans = reference.openSpans();
        open.byteCount = reference.bytesPending();
        expected.push_back(open);
    }

    // One read, two reads cut at every position (sampled for long inputs), and one byte at a time.
    QList<QList<qsizetype>> cuts{{}};
    const qsizetype step = input.size() > 300 ? 97 : 1;
    for (qsizetype i = 1; i < input.size(); i += step)
        cuts.append(QList<qsizetype>{i});
    if (input.size() <= 300) {
        QList<qsizetype> everyByte;
        for (qsizetype i = 1; i < input.size(); ++i)
            everyByte.append(i);
        cuts.append(everyByte);
    }
    for (const QList<qsizetype> &cut : std::as_const(cuts)) {
        OutputLog log;
        qsizetype from = 0;
        for (qsizetype to : cut) {
            log.appendData(OutputStream::Stdout, input.mid(from, to - from));
            from = to;
        }
        log.appendData(OutputStream::Stdout, input.mid(from));
        const QByteArray where = QByteArray("cut at ") + QByteArray::number(cut.size() == 1 ? cut.first() : cut.size());
        QVERIFY2(log.lineCount() == qsizetype(expected.size()), where.constData());
        for (size_t i = 0; i < expected.size(); ++i) {
            const OutputLine &line = log.line(qint64(i));
            const QByteArray at = where + " line " + QByteArray::number(qulonglong(i));
            QVERIFY2(line.text == expected[i].text, at.constData());
            QVERIFY2(line.spans == expected[i].spans, at.constData());
            QVERIFY2(line.byteCount == expected[i].byteCount, at.constData());
            QVERIFY2(line.continued == expected[i].continued, at.constData());
            QCOMPARE(line.stream, OutputStream::Stdout);
            QCOMPARE(log.lineSequence(qint64(i)), line.sequence);
        }
        QCOMPARE(unaccountedBytes(log), 0);
    }
}

void tst_OutputLog::reserveAndCommit()
{
    OutputLog log;
    QSignalSpy changed(&log, &OutputLog::changed);
    qsizetype capacity = 0;
    char *to = log.reserve(OutputStream::Stdout, 100, &capacity);
    QVERIFY(to);
    QVERIFY(capacity >= 100);
    log.commit(OutputStream::Stdout, 0); // nothing read: nothing changes
    QCOMPARE(changed.count(), 0);
    QCOMPARE(log.lineCount(), 0);

    const QByteArray first("one\ntw");
    to = log.reserve(OutputStream::Stdout, 100, &capacity);
    std::memcpy(to, first.constData(), size_t(first.size()));
    log.commit(OutputStream::Stdout, first.size());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(texts(log), (QStringList{u"one"_s, u"tw"_s}));

    const QByteArray err("err\n");
    to = log.reserve(OutputStream::Stderr, 100, &capacity);
    std::memcpy(to, err.constData(), size_t(err.size()));
    log.commit(OutputStream::Stderr, err.size()); // completes stdout's open line first
    const QByteArray rest("o\n");
    to = log.reserve(OutputStream::Stdout, 100, &capacity);
    std::memcpy(to, rest.constData(), size_t(rest.size()));
    log.commit(OutputStream::Stdout, rest.size());
    QCOMPARE(changed.count(), 3);
    QCOMPARE(texts(log), (QStringList{u"one"_s, u"tw"_s, u"err"_s, u"o"_s}));
    QCOMPARE(log.line(2).stream, OutputStream::Stderr);
    QCOMPARE(log.bytesReceived(OutputStream::Stdout), 8);
    QCOMPARE(log.bytesReceived(OutputStream::Stderr), 4);
    QCOMPARE(unaccountedBytes(log), 0);
}

namespace {

// Writes `bytes` through reserve/commit in reads of at most `readSize`.
void commitInReads(OutputLog &log, const QByteArray &bytes, qsizetype readSize)
{
    qsizetype at = 0;
    while (at < bytes.size()) {
        qsizetype capacity = 0;
        char *to = log.reserve(OutputStream::Stdout, 1, &capacity);
        const qsizetype n = std::min({capacity, readSize, bytes.size() - at});
        std::memcpy(to, bytes.constData() + at, size_t(n));
        log.commit(OutputStream::Stdout, n);
        at += n;
    }
}

} // namespace

void tst_OutputLog::lineAcrossChunkBoundary()
{
    // A 64 KiB budget makes 4 KiB chunks: 300-byte lines in 1000-byte reads keep crossing them.
    OutputLog log;
    log.setLimits(1000, 64 * 1024);
    QByteArray input;
    QStringList expected;
    for (int i = 0; i < 40; ++i) {
        const QByteArray line = QByteArray::number(i).rightJustified(299, i % 7 == 3 ? '\t' : '-');
        input += line + '\n';
        expected.append(QString::fromLatin1(line));
    }
    // A special line in the middle of the stream, crossing a boundary too.
    input += QByteArray(3000, 'a') + "\x1b[1mbold\x1b[0m\n";
    expected.append(QString(3000, u'a') + u"bold"_s);
    commitInReads(log, input, 1000);
    QCOMPARE(texts(log), expected);
    QCOMPARE(log.line(40).spans.size(), 1);
    QCOMPARE(log.droppedLines(), 0);
    QCOMPARE(unaccountedBytes(log), 0);
}

void tst_OutputLog::lineLongerThanChunk()
{
    OutputLog log;
    log.setLimits(1000, 64 * 1024); // 4 KiB chunks
    QByteArray line;
    for (int i = 0; line.size() < 20000; ++i)
        line += QByteArray::number(i) + ' ';
    commitInReads(log, line, 1500);
    QCOMPARE(log.lineCount(), 1); // still open, in one piece
    QCOMPARE(log.line(0).text, QString::fromLatin1(line));
    commitInReads(log, "\nnext\n", 1500);
    QCOMPARE(texts(log), (QStringList{QString::fromLatin1(line), u"next"_s}));
    QCOMPARE(log.line(0).byteCount, line.size() + 1);
    QVERIFY(!log.line(0).continued);
    QCOMPARE(unaccountedBytes(log), 0);
}

void tst_OutputLog::chunksDroppedWithLines()
{
    OutputLog log;
    log.setLimits(100, 1024 * 1024); // 64 KiB chunks, 100 lines
    const QByteArray line = QByteArray(79, 'x') + '\n';
    qint64 peak = 0;
    const int lines = 20000; // about 25 chunks' worth
    for (int i = 0; i < lines / 100; ++i) {
        commitInReads(log, line.repeated(100), 4096);
        peak = std::max(peak, log.usedBytes());
    }
    QCOMPARE(log.lineCount(), 100);
    QCOMPARE(log.droppedLines(), lines - 100);
    QCOMPARE(log.droppedBytes(), qint64(lines - 100) * line.size());
    // 100 lines live in at most two chunks; with the spare and the index, three chunks at most.
    QVERIFY2(peak <= 3 * 64 * 1024 + 16 * 1024, QByteArray::number(peak));
    QCOMPARE(log.line(log.firstLineNumber()).text, QString(79, u'x'));
    QCOMPARE(unaccountedBytes(log), 0);
}

void tst_OutputLog::lineCache()
{
    OutputLog log;
    log.appendData(OutputStream::Stdout, "first\n");
    const OutputLine &first = log.line(0);
    QCOMPARE(first.text, u"first"_s);
    QByteArray many;
    for (int i = 1; i < 1000; ++i)
        many += "line " + QByteArray::number(i) + '\n';
    log.appendData(OutputStream::Stdout, many);
    for (qint64 n = 1; n < 1000; ++n)
        QCOMPARE(log.line(n).text, u"line "_s + QString::number(n)); // fills the cache many times
    QCOMPARE(log.line(0).text, u"first"_s);
    // The open line grows: line() follows it.
    log.appendData(OutputStream::Stdout, "open");
    QCOMPARE(log.line(1000).text, u"open"_s);
    log.appendData(OutputStream::Stdout, " more");
    QCOMPARE(log.line(1000).text, u"open more"_s);
    log.appendData(OutputStream::Stdout, "\n");
    QCOMPARE(log.line(1000).text, u"open more"_s);
    QCOMPARE(log.line(1000).byteCount, 10);
}

namespace {

// Line i of a flood: its text varies in length; every seventh ends with \r\n, every fifth has a tab.
QByteArray floodText(int i)
{
    QByteArray text = "line " + QByteArray::number(i) + ' ' + QByteArray(i % 37, char('a' + i % 26));
    if (i % 5 == 0)
        text += "\tx";
    return text;
}

QByteArray floodLine(int i)
{
    return floodText(i) + (i % 7 == 0 ? "\r\n" : "\n");
}

} // namespace

void tst_OutputLog::segmentPartlyDroppedThenRead_data()
{
    QTest::addColumn<int>("maxLines");
    QTest::addColumn<int>("perRead");
    QTest::addColumn<int>("lines");
    QTest::addColumn<bool>("askDroppedOnTheWay");

    QTest::newRow("bound inside a read") << 250 << 1000 << 3000 << false;
    QTest::newRow("bound inside a read, drops asked") << 250 << 1000 << 3000 << true;
    QTest::newRow("reads smaller than the bound") << 1000 << 333 << 5000 << true;
    QTest::newRow("one line kept") << 1 << 100 << 1000 << true;
    QTest::newRow("one read beyond the bound") << 100 << 5000 << 5000 << false;
}

// Appends of many plain lines are kept as segments; the line bound drops their first lines. Every
// kept line reads back whole, in any order, and the drop counts are exact.
void tst_OutputLog::segmentPartlyDroppedThenRead()
{
    QFETCH(int, maxLines);
    QFETCH(int, perRead);
    QFETCH(int, lines);
    QFETCH(bool, askDroppedOnTheWay);

    OutputLog log;
    log.setLimits(maxLines, OutputLog::DefaultMaxBytes);
    QByteArray read;
    qint64 written = 0;
    for (int i = 0; i < lines; ++i) {
        read += floodLine(i);
        if ((i + 1) % perRead == 0 || i + 1 == lines) {
            log.appendData(OutputStream::Stdout, read);
            written += read.size();
            read.clear();
            if (askDroppedOnTheWay) {
                qint64 dropped = 0;
                for (qint64 n = 0; n < log.firstLineNumber(); ++n)
                    dropped += floodLine(int(n)).size();
                QCOMPARE(log.droppedBytes(), dropped);
                QCOMPARE(unaccountedBytes(log), 0);
            }
        }
    }
    const qint64 kept = std::min(lines, maxLines);
    QCOMPARE(log.lineCount(), kept);
    QCOMPARE(log.firstLineNumber(), lines - kept);
    QCOMPARE(log.droppedLines(), lines - kept);
    qint64 droppedBytes = 0;
    for (int i = 0; i < lines - kept; ++i)
        droppedBytes += floodLine(i).size();
    QCOMPARE(log.droppedBytes(), droppedBytes);
    QCOMPARE(log.bytesReceived(OutputStream::Stdout), written);
    // Backwards, then with strides, then in order.
    for (qint64 n = log.endLineNumber() - 1; n >= log.firstLineNumber(); --n)
        QCOMPARE(log.line(n).text.toLatin1(), floodText(int(n)));
    for (qint64 n = log.firstLineNumber(); n < log.endLineNumber(); n += 97)
        QCOMPARE(log.line(n).byteCount, floodLine(int(n)).size());
    for (qint64 n = log.firstLineNumber(); n < log.endLineNumber(); ++n) {
        const OutputLine &line = log.line(n);
        QCOMPARE(line.text.toLatin1(), floodText(int(n)));
        QCOMPARE(line.byteCount, floodLine(int(n)).size());
        QCOMPARE(line.stream, OutputStream::Stdout);
        QVERIFY(!line.continued);
        QCOMPARE(line.sequence, log.lineSequence(n));
    }
    QCOMPARE(unaccountedBytes(log), 0);
    // More lines after a read: the oldest segment is dropped further, and what is kept is right.
    log.appendData(OutputStream::Stdout, QByteArray(floodLine(lines) + floodLine(lines + 1)));
    QCOMPARE(log.endLineNumber(), lines + 2);
    QCOMPARE(log.line(log.firstLineNumber()).text.toLatin1(), floodText(int(log.firstLineNumber())));
    QCOMPARE(log.line(lines + 1).text.toLatin1(), floodText(lines + 1));
    QCOMPARE(unaccountedBytes(log), 0);
}

// lineSequence() of a line in a segment is its own: increasing within and across appends, the
// same as line().sequence, and ordering the lines of two logs by arrival.
void tst_OutputLog::sequenceAcrossSegments()
{
    OutputLog a;
    OutputLog b;
    a.setLimits(500, OutputLog::DefaultMaxBytes);
    QList<std::pair<quint64, QByteArray>> merged;
    int next = 0;
    struct Written
    {
        const OutputLog *log;
        qint64 number;
        QByteArray text;
    };
    QList<Written> written;
    qint64 numbers[2] = {0, 0};
    for (int round = 0; round < 40; ++round) {
        const int which = round % 3 == 0 ? 1 : 0;
        OutputLog &log = which ? b : a;
        QByteArray read;
        for (int i = 0; i < 10 + round; ++i) {
            read += floodLine(next);
            written.append({&log, numbers[which]++, floodText(next)});
            ++next;
        }
        if (round % 4 == 1) { // a line that needs the decoder between segments
            read += "\x1b[31mred\x1b[0m\n";
            written.append({&log, numbers[which]++, "red"});
        }
        log.appendData(round % 2 ? OutputStream::Stderr : OutputStream::Stdout, read);
    }
    for (const OutputLog *log : {&a, &b}) {
        quint64 previous = 0;
        for (qint64 n = log->firstLineNumber(); n < log->endLineNumber(); ++n) {
            const quint64 sequence = log->lineSequence(n);
            QVERIFY(sequence > previous);
            QCOMPARE(log->line(n).sequence, sequence);
            previous = sequence;
            merged.append({sequence, log->line(n).text.toLatin1()});
        }
        QCOMPARE(log->lineSequence(log->firstLineNumber() - 1), quint64(0));
        QCOMPARE(log->lineSequence(log->endLineNumber()), quint64(0));
    }
    QVERIFY(a.droppedLines() > 0);
    std::sort(merged.begin(), merged.end());
    QList<QByteArray> order;
    for (const auto &entry : merged)
        order.append(entry.second);
    QList<QByteArray> expected;
    for (const Written &line : written) {
        if (line.number >= line.log->firstLineNumber())
            expected.append(line.text);
    }
    QCOMPARE(order, expected);
}

// After thousands of appends (the bound dropping segments all along, the chunks recycled), any
// line reads back right, also after the log was cleared.
void tst_OutputLog::segmentLineAfterManyAppends()
{
    OutputLog log;
    log.setLimits(10000, 4 * 1024 * 1024);
    int next = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray read;
        for (int i = 0; i < 1 + round % 50; ++i)
            read += floodLine(next++);
        commitInReads(log, read, 1500); // segments end inside lines: open lines between reads
    }
    QCOMPARE(log.endLineNumber(), next);
    QCOMPARE(log.lineCount(), 10000);
    for (qint64 n = log.firstLineNumber(); n < log.endLineNumber(); n += 7)
        QCOMPARE(log.line(n).text.toLatin1(), floodText(int(n)));
    QCOMPARE(log.line(next - 1).text.toLatin1(), floodText(next - 1));
    QCOMPARE(unaccountedBytes(log), 0);

    log.clear();
    QCOMPARE(log.droppedBytes(), 0);
    QByteArray read;
    for (int i = next; i < next + 100; ++i)
        read += floodLine(i);
    log.appendData(OutputStream::Stdout, read);
    QCOMPARE(log.firstLineNumber(), next);
    for (qint64 n = log.firstLineNumber(); n < log.endLineNumber(); ++n)
        QCOMPARE(log.line(n).text.toLatin1(), floodText(int(n)));
}

// Segments are dropped by the byte budget as lines were: memory stays under it however much
// arrives, in large reads as in small ones.
void tst_OutputLog::segmentsBoundedByBytes()
{
    const qint64 budget = 2 * 1024 * 1024;
    OutputLog log;
    log.setLimits(OutputLog::DefaultMaxLines, budget);
    QByteArray block;
    int next = 0;
    while (block.size() < 256 * 1024)
        block += floodLine(next++);
    for (int round = 0; round < 100; ++round) {
        commitInReads(log, block, round % 2 ? 256 * 1024 : 4096);
        QVERIFY2(log.usedBytes() <= budget, QByteArray::number(log.usedBytes()));
    }
    QVERIFY(log.droppedLines() > 0);
    QVERIFY(log.lineCount() < OutputLog::DefaultMaxLines);
    QCOMPARE(unaccountedBytes(log), 0);
    const qint64 last = log.endLineNumber() - 1;
    QCOMPARE(log.line(last).text.toLatin1(), floodText(next - 1));
}

void tst_OutputLog::hasOpenLine()
{
    // Whether the last line still waits for its end: what the headless runner prints by.
    OutputLog log;
    QVERIFY(!log.hasOpenLine());
    log.appendData(OutputStream::Stdout, "abc");
    QVERIFY(log.hasOpenLine());
    log.appendData(OutputStream::Stdout, "def\n");
    QVERIFY(!log.hasOpenLine());
    log.appendData(OutputStream::Stdout, "step 1\rstep 2");
    QVERIFY(log.hasOpenLine());
    log.appendData(OutputStream::Stdout, "\rdone\n");
    QVERIFY(!log.hasOpenLine());
    QCOMPARE(log.line(log.endLineNumber() - 1).text, u"done"_s);
    // A piece cut at the length limit is complete; the rest is open.
    log.appendData(OutputStream::Stdout, QByteArray(OutputDecoder::MaxLineLength + 10, 'x'));
    QVERIFY(log.hasOpenLine());
    QVERIFY(log.line(log.endLineNumber() - 2).continued);
    QVERIFY(!log.line(log.endLineNumber() - 1).continued);
    log.endRun();
    QVERIFY(!log.hasOpenLine());
    log.appendData(OutputStream::Stdout, "partial");
    log.appendMessage(u"a note"_s);
    QVERIFY(!log.hasOpenLine());
}

QTEST_GUILESS_MAIN(tst_OutputLog)
#include "tst_outputlog.moc"
