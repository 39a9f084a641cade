#include "bytescan.h"
#include "outputblock.h"
#include "outputlog.h"
#include "outputreader.h"

#include <QTest>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// What a reader delivered for one source: the bytes per stream, every call in order (with the
// receiver it went to, for the order across sources), and the end.
struct Calls
{
    std::vector<std::pair<int, QByteArray>> log; // (receiver tag, bytes) of every call, in order
};

class Receiver final : public OutputReceiver
{
public:
    explicit Receiver(int tag, Calls *calls = nullptr, OutputLog *output = nullptr)
        : m_tag(tag)
        , m_calls(calls)
        , m_output(output)
    {
    }

    void receiveOutput(OutputStream stream, QByteArrayView bytes, OutputBlock *, const OutputScan &) override
    {
        QVERIFY(!ended);
        (stream == OutputStream::Stderr ? err : out).append(bytes);
        if (m_calls)
            m_calls->log.emplace_back(m_tag, bytes.toByteArray());
        if (m_output)
            m_output->appendData(stream, bytes);
    }
    void outputEnded() override { ended = true; }

    QByteArray out;
    QByteArray err;
    bool ended = false;

private:
    int m_tag = 0;
    Calls *m_calls = nullptr;
    OutputLog *m_output = nullptr;
};

// A pipe whose read end is non-blocking (what ChildProcess hands over); the write end blocks.
struct Pipe
{
    int read = -1;
    int write = -1;
    Pipe()
    {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) == 0) {
            read = fds[0];
            write = fds[1];
            ::fcntl(read, F_SETFL, ::fcntl(read, F_GETFL) | O_NONBLOCK);
        }
    }
    ~Pipe() { closeWrite(); }
    void closeWrite()
    {
        if (write >= 0)
            ::close(write);
        write = -1;
    }
    bool put(QByteArrayView bytes) const
    {
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(write, bytes.data() + done, size_t(bytes.size() - done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            done += n;
        }
        return true;
    }
};

// `pipe`'s read end as a source's stdout (no stderr).
OutputReader::Id addStdout(OutputReader &reader, const Pipe &pipe, OutputReceiver *receiver)
{
    const int fds[2] = {pipe.read, -1};
    return reader.add(fds, receiver);
}

// A reader with one source: a pipe on its stdout. The reader goes first.
struct OneSource
{
    Receiver receiver{0};
    Pipe pipe;
    OutputReader reader;
    OutputReader::Id id = addStdout(reader, pipe, &receiver);
};

// A pseudo-terminal: the master non-blocking (as ChildProcess hands it over), the slave open.
bool openTerminal(int *master, int *slave)
{
    *master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (*master < 0 || ::grantpt(*master) != 0 || ::unlockpt(*master) != 0)
        return false;
    *slave = ::open(::ptsname(*master), O_RDWR | O_NOCTTY | O_CLOEXEC);
    ::fcntl(*master, F_SETFL, ::fcntl(*master, F_GETFL) | O_NONBLOCK);
    return *slave >= 0;
}

// `count` numbered lines of 80 bytes (79 characters and the newline), from `first`.
QByteArray numberedLines(qint64 first, qint64 count, char tag = 'x')
{
    QByteArray text;
    text.reserve(count * 80);
    for (qint64 i = first; i < first + count; ++i) {
        QByteArray line = QByteArray::number(i).rightJustified(12, '0') + ' ';
        line += QByteArray(79 - line.size(), tag);
        text += line + '\n';
    }
    return text;
}

// Feeds two logs the same reads: one through appendBlock() (large reads kept in the reader's
// blocks), one through appendData() (copied), and keeps every block any read came in.
class TwoLogs final : public OutputReceiver
{
public:
    void receiveOutput(OutputStream stream, QByteArrayView bytes, OutputBlock *block,
                       const OutputScan &scan) override
    {
        adopted.appendBlock(stream, bytes, block, &scan);
        copied.appendData(stream, bytes);
        if (std::none_of(blocks.begin(), blocks.end(),
                         [block](const OutputBlockRef &held) { return held.get() == block; }))
            blocks.emplace_back(block);
    }
    void outputEnded() override { ended = true; }

    // The kept line `n` of `adopted` lies in one of the reader's blocks.
    bool inReaderBlock(qint64 n) const
    {
        const OutputLog::PlainText plain = adopted.plainLine(n);
        return plain.plain && std::any_of(blocks.begin(), blocks.end(), [&](const OutputBlockRef &b) {
                   return plain.text.data() >= b.get()->data()
                          && plain.text.data() + plain.text.size() <= b.get()->data() + b.get()->capacity();
               });
    }

    OutputLog adopted;
    OutputLog copied;
    std::vector<OutputBlockRef> blocks;
    bool ended = false;
};

// Lines that put the adoption's seams to work: plain lines, lines longer than a read and longer
// than the 64 KiB cut, escapes and `\r` (the decoder), UTF-8 cut anywhere by a read.
QByteArray mixedText(qint64 bytes, int seed)
{
    QByteArray text;
    text.reserve(bytes + 300000);
    quint32 state = quint32(seed) * 2654435761u + 1;
    const auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    for (qint64 line = 0; text.size() < bytes; ++line) {
        const quint32 kind = next() % 100;
        QByteArray number = QByteArray::number(line) + ' ';
        if (kind < 80)
            text += number + QByteArray(int(next() % 150), 'a' + char(line % 26)) + '\n';
        else if (kind < 85)
            text += number + "\x1b[1;31mred\x1b[0m and plain\n";
        else if (kind < 90)
            text += number + "10%\r50%\r100%\r\n";
        else if (kind < 95)
            text += number + "Grüße, 进程 终止 \t tab\n";
        else if (kind < 98)
            text += number + QByteArray(int(40000 + next() % 200000), 'L') + '\n';
        else
            text += number + QByteArray(int(next() % 3000), 'p'); // no line end: the next goes on
    }
    return text;
}

} // namespace

class TestOutputReader final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void linesAcrossReads();
    void partialLineAtEnd();
    void bothStreams();
    void pseudoTerminalEio();
    void endedTerminalDoesNotSpin();
    void backPressureBoundsMemory();
    void orderAcrossSources();
    void twoWritersFloodingLoseNothing();
    void finishClosesAHeldPipe();
    void removeStopsDelivery();
    void adoptedLinesMatchCopiedLines_data();
    void adoptedLinesMatchCopiedLines();
    void heldBlocksAreNotOverwritten();
    void plainScanMatchesByteByByte();
    void poolReleasedWhenIdle();
};

void TestOutputReader::initTestCase()
{
    std::signal(SIGPIPE, SIG_IGN);
}

// 4 MiB of 80-byte lines through 128 KiB blocks (reads end anywhere in a line): an OutputLog fed
// with what arrives holds every line whole, in order.
void TestOutputReader::linesAcrossReads()
{
    OutputReader reader(128 * 1024, 4);
    OutputLog log;
    log.setLimits(1000000, 64 * 1024 * 1024);
    Receiver receiver(0, nullptr, &log);
    Pipe pipe;
    addStdout(reader, pipe, &receiver);
    const qint64 lines = 4 * 1024 * 1024 / 80;
    const QByteArray text = numberedLines(0, lines);
    std::thread writer([&] {
        for (qsizetype at = 0; at < text.size(); at += 100000) // odd sizes: lines cut anywhere
            pipe.put(QByteArrayView(text).sliced(at, std::min<qsizetype>(100000, text.size() - at)));
        pipe.closeWrite();
    });
    QTRY_VERIFY_WITH_TIMEOUT(receiver.ended, 20000);
    writer.join();
    QCOMPARE(receiver.out.size(), text.size());
    QVERIFY(receiver.out == text);
    QCOMPARE(log.lineCount(), lines);
    QCOMPARE(log.line(0).text, QString::fromLatin1(text.left(79)));
    QCOMPARE(log.line(lines - 1).text, QString::fromLatin1(text.right(80).left(79)));
}

// A last line without a newline arrives, then the end.
void TestOutputReader::partialLineAtEnd()
{
    OneSource source;
    QVERIFY(source.pipe.put("whole\npart"));
    source.pipe.closeWrite();
    QTRY_VERIFY(source.receiver.ended);
    QCOMPARE(source.receiver.out, "whole\npart"_ba);
}

// stdout and stderr of one source; the end only when both ended.
void TestOutputReader::bothStreams()
{
    OutputReader reader;
    Receiver receiver(0);
    Pipe out;
    Pipe err;
    const int fds[2] = {out.read, err.read};
    reader.add(fds, &receiver);
    QVERIFY(out.put("to stdout\n"));
    QVERIFY(err.put("to stderr\n"));
    out.closeWrite();
    QTRY_COMPARE(receiver.out, "to stdout\n"_ba);
    QTRY_COMPARE(receiver.err, "to stderr\n"_ba);
    QTest::qWait(50);
    QVERIFY(!receiver.ended); // stderr is still open
    err.closeWrite();
    QTRY_VERIFY(receiver.ended);
}

// A pseudo-terminal master whose slave side is closed reads EIO, not 0: it means the end too.
void TestOutputReader::pseudoTerminalEio()
{
    int master = -1;
    int slave = -1;
    QVERIFY(openTerminal(&master, &slave));
    QCOMPARE(::write(slave, "from the terminal\n", 18), ssize_t(18));
    ::close(slave);
    OutputReader reader;
    Receiver receiver(0);
    const int fds[2] = {master, -1};
    reader.add(fds, &receiver);
    QTRY_VERIFY(receiver.ended);
    QCOMPARE(receiver.out, "from the terminal\r\n"_ba); // the terminal's ONLCR
}

// A pseudo-terminal master that is still open elsewhere after the reader is done with it (as
// ChildProcess keeps one for the window size and input) is out of the reader's epoll set: a
// hung-up master, level-triggered, would wake the I/O thread again and again.
void TestOutputReader::endedTerminalDoesNotSpin()
{
    int master = -1;
    int slave = -1;
    QVERIFY(openTerminal(&master, &slave));
    ::close(slave);
    const int kept = ::fcntl(master, F_DUPFD_CLOEXEC, 3); // the copy someone else keeps
    OutputReader reader;
    Receiver ended(0);
    const int fds[2] = {master, -1};
    reader.add(fds, &ended);
    QTRY_VERIFY(ended.ended);
    // Then a pipe's line goes through: a few wake-ups, not thousands.
    const quint64 before = reader.wakeUps();
    Receiver receiver(1);
    Pipe pipe;
    addStdout(reader, pipe, &receiver);
    QVERIFY(pipe.put("line\n"));
    QTRY_COMPARE(receiver.out, "line\n"_ba);
    const quint64 wakeUps = reader.wakeUps() - before;
    QVERIFY2(wakeUps <= 10, QByteArray::number(wakeUps).constData());
    ::close(kept);
}

// While nothing is delivered (no event loop), the reader holds at most its blocks and stops
// reading: the writer blocks on the full pipe. Then everything arrives, in order.
void TestOutputReader::backPressureBoundsMemory()
{
    const qsizetype blockSize = 128 * 1024;
    const int maxBlocks = 2;
    OutputReader reader(blockSize, maxBlocks);
    Receiver receiver(0);
    Pipe pipe;
    ::fcntl(pipe.write, F_SETFL, ::fcntl(pipe.write, F_GETFL) | O_NONBLOCK);
    const int pipeSize = ::fcntl(pipe.read, F_GETPIPE_SZ);
    addStdout(reader, pipe, &receiver);
    const QByteArray text = numberedLines(0, 64 * 1024 * 1024 / 80);
    qsizetype written = 0;
    for (int round = 0; round < 50 && written < text.size(); ++round) {
        for (;;) {
            const ssize_t n = ::write(pipe.write, text.constData() + written,
                                      size_t(std::min<qsizetype>(65536, text.size() - written)));
            if (n <= 0)
                break;
            written += n;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5)); // the I/O thread reads meanwhile
        QVERIFY(reader.bytesInFlight() <= blockSize * maxBlocks);
    }
    // Stopped: what is written is the pipe plus the blocks, not the 64 MiB.
    QVERIFY2(written <= pipeSize + blockSize * maxBlocks, QByteArray::number(written).constData());
    QVERIFY(written < text.size());
    ::fcntl(pipe.write, F_SETFL, ::fcntl(pipe.write, F_GETFL) & ~O_NONBLOCK);
    std::thread writer([&] {
        pipe.put(QByteArrayView(text).sliced(written));
        pipe.closeWrite();
    });
    QTRY_VERIFY_WITH_TIMEOUT(receiver.ended, 30000);
    writer.join();
    QVERIFY(receiver.out == text);
}

// Reads of different sources are delivered in the order they were read.
void TestOutputReader::orderAcrossSources()
{
    OutputReader reader;
    Calls calls;
    Receiver a(1, &calls);
    Receiver b(2, &calls);
    Pipe pipeA;
    Pipe pipeB;
    addStdout(reader, pipeA, &a);
    addStdout(reader, pipeB, &b);
    // No event loop between the writes: the I/O thread reads each before the next is written.
    const auto settle = [] { std::this_thread::sleep_for(std::chrono::milliseconds(30)); };
    QVERIFY(pipeA.put("a1\n"));
    settle();
    QVERIFY(pipeB.put("b1\n"));
    settle();
    QVERIFY(pipeA.put("a2\n"));
    settle();
    QVERIFY(pipeB.put("b2\n"));
    settle();
    QTRY_COMPARE(calls.log.size(), size_t(4));
    const std::vector<std::pair<int, QByteArray>> expected = {
        {1, "a1\n"_ba}, {2, "b1\n"_ba}, {1, "a2\n"_ba}, {2, "b2\n"_ba}};
    QVERIFY(calls.log == expected);
}

// Two writers flooding at once (16 MiB each): every byte of each, in its order, both ends.
void TestOutputReader::twoWritersFloodingLoseNothing()
{
    OutputReader reader(256 * 1024, 4);
    OutputLog logA;
    OutputLog logB;
    Receiver a(1, nullptr, &logA);
    Receiver b(2, nullptr, &logB);
    Pipe pipeA;
    Pipe pipeB;
    addStdout(reader, pipeA, &a);
    addStdout(reader, pipeB, &b);
    const qint64 lines = 16 * 1024 * 1024 / 80;
    const QByteArray textA = numberedLines(0, lines, 'a');
    const QByteArray textB = numberedLines(0, lines, 'b');
    std::thread writerA([&] {
        pipeA.put(textA);
        pipeA.closeWrite();
    });
    std::thread writerB([&] {
        pipeB.put(textB);
        pipeB.closeWrite();
    });
    QTRY_VERIFY_WITH_TIMEOUT(a.ended && b.ended, 60000);
    writerA.join();
    writerB.join();
    QVERIFY(a.out == textA);
    QVERIFY(b.out == textB);
    QCOMPARE(logA.lineCount() + logA.droppedLines(), lines);
    QCOMPARE(logB.lineCount() + logB.droppedLines(), lines);
    QVERIFY(a.err.isEmpty() && b.err.isEmpty());
}

// finish(): what the pipe holds is delivered, then the end, although a writer still holds it.
void TestOutputReader::finishClosesAHeldPipe()
{
    OneSource source;
    QVERIFY(source.pipe.put("held\n"));
    QTest::qWait(30);
    QVERIFY(!source.receiver.ended);
    source.reader.finish(source.id);
    QTRY_VERIFY(source.receiver.ended);
    QCOMPARE(source.receiver.out, "held\n"_ba);
    // The read end is closed: the writer sees it.
    QTRY_VERIFY(::write(source.pipe.write, "x", 1) < 0 && errno == EPIPE);
}

// remove(): nothing more is delivered, and the read end is closed.
void TestOutputReader::removeStopsDelivery()
{
    OneSource source;
    QVERIFY(source.pipe.put("one\n"));
    QTRY_COMPARE(source.receiver.out, "one\n"_ba);
    source.reader.remove(source.id);
    QTRY_VERIFY(::write(source.pipe.write, "x", 1) < 0 && errno == EPIPE);
    QTest::qWait(30);
    QCOMPARE(source.receiver.out, "one\n"_ba);
    QVERIFY(!source.receiver.ended);
}

QTEST_GUILESS_MAIN(TestOutputReader)
void TestOutputReader::adoptedLinesMatchCopiedLines_data()
{
    QTest::addColumn<QByteArray>("out");
    QTest::addColumn<QByteArray>("err");
    QTest::addColumn<int>("maxLines");
    QTest::newRow("flood of 80-byte lines") << numberedLines(0, 400000) << QByteArray() << 1000000;
    QTest::newRow("mixed, both streams") << mixedText(24 << 20, 1) << mixedText(4 << 20, 2) << 1000000;
    QTest::newRow("mixed, lines dropped") << mixedText(24 << 20, 3) << numberedLines(0, 20000) << 5000;
}

// What a log keeps of a read it adopts is exactly what it keeps of the same bytes copied: every
// line's text, stream, length and cut, across reads, blocks, both streams and the bounds. And a
// flood's lines are kept in the reader's blocks, where the kernel put them.
void TestOutputReader::adoptedLinesMatchCopiedLines()
{
    QFETCH(QByteArray, out);
    QFETCH(QByteArray, err);
    QFETCH(int, maxLines);
    TwoLogs logs;
    logs.adopted.setLimits(maxLines, 256 << 20);
    logs.copied.setLimits(maxLines, 256 << 20);
    Pipe outPipe;
    Pipe errPipe;
    {
        OutputReader reader;
        const int fds[2] = {outPipe.read, errPipe.read};
        reader.add(fds, &logs);
        std::thread outWriter([&] {
            outPipe.put(out);
            outPipe.closeWrite();
        });
        std::thread errWriter([&] {
            errPipe.put(err);
            errPipe.closeWrite();
        });
        QTRY_VERIFY_WITH_TIMEOUT(logs.ended, 60000);
        outWriter.join();
        errWriter.join();
    }
    logs.adopted.endRun();
    logs.copied.endRun();
    const OutputLog &a = logs.adopted;
    const OutputLog &c = logs.copied;
    QCOMPARE(a.bytesReceived(OutputStream::Stdout), out.size());
    QCOMPARE(a.bytesReceived(OutputStream::Stderr), err.size());
    QCOMPARE(a.firstLineNumber(), c.firstLineNumber());
    QCOMPARE(a.endLineNumber(), c.endLineNumber());
    QCOMPARE(a.droppedLines(), c.droppedLines());
    QCOMPARE(a.droppedBytes(), c.droppedBytes());
    qint64 inBlocks = 0;
    for (qint64 n = a.firstLineNumber(); n < a.endLineNumber(); ++n) {
        const OutputLine &kept = a.line(n);
        const OutputLine &expected = c.line(n);
        if (kept.text != expected.text || kept.stream != expected.stream
            || kept.byteCount != expected.byteCount || kept.continued != expected.continued
            || kept.spans.size() != expected.spans.size())
            QFAIL(qPrintable(u"line %1 differs: \"%2\" against \"%3\""_s.arg(n).arg(kept.text.left(80),
                                                                               expected.text.left(80))));
        inBlocks += logs.inReaderBlock(n) ? 1 : 0;
    }
    // Most of a flood arrives in 256 KiB reads and stays where it was read.
    QVERIFY2(inBlocks > a.lineCount() / 2, qPrintable(u"%1 of %2"_s.arg(inBlocks).arg(a.lineCount())));
}

// A receiver may keep a block and read its bytes after the delivery: the reader writes after
// them, never over them, however much comes next (here 64 MiB through 128 KiB blocks).
void TestOutputReader::heldBlocksAreNotOverwritten()
{
    struct Holder final : OutputReceiver
    {
        void receiveOutput(OutputStream, QByteArrayView bytes, OutputBlock *block, const OutputScan &) override
        {
            held.emplace_back(OutputBlockRef(block), bytes);
        }
        void outputEnded() override { ended = true; }
        std::vector<std::pair<OutputBlockRef, QByteArrayView>> held;
        bool ended = false;
    } holder;
    const QByteArray text = numberedLines(0, (64 << 20) / 80);
    Pipe pipe;
    {
        OutputReader reader(128 * 1024, 4);
        addStdout(reader, pipe, &holder);
        std::thread writer([&] {
            pipe.put(text);
            pipe.closeWrite();
        });
        QTRY_VERIFY_WITH_TIMEOUT(holder.ended, 60000);
        writer.join();
    }
    QByteArray joined;
    joined.reserve(text.size());
    for (const auto &[block, bytes] : holder.held)
        joined += bytes;
    QVERIFY(joined == text);
}

namespace {

// scanPlainLines() the slow way: byte by byte.
ByteScan::PlainLines plainLinesByteByByte(const char *p, qsizetype size, qsizetype maxLine)
{
    ByteScan::PlainLines result;
    for (qsizetype i = 0; i < size; ++i) {
        if (p[i] == '\n') {
            if (result.last >= 0 && i - result.last > maxLine)
                return {};
            if (result.first < 0)
                result.first = i;
            result.last = i;
            ++result.newlines;
        } else if (p[i] != '\t' && ByteScan::isSpecial(p[i])) {
            return {};
        }
    }
    result.plain = true;
    return result;
}

} // namespace

// The reader's scan of a read (what a log then takes without reading the bytes again) agrees with
// a byte-by-byte reading on plain lines, tabs, every kind of byte that needs the decoder at every
// place in a 64-byte block, long lines around the limit, and reads of every length.
void TestOutputReader::plainScanMatchesByteByByte()
{
    constexpr qsizetype maxLine = 300;
    quint32 state = 12345;
    const auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    const char odd[] = {'\r', '\x1b', '\x7f', '\x01', char(0xc3), char(0x80), '\0'};
    for (int round = 0; round < 3000; ++round) {
        QByteArray text;
        const int size = int(next() % 1500);
        while (text.size() < size) {
            const quint32 kind = next() % 20;
            if (kind == 0)
                text += QByteArray(int(maxLine - 2 + next() % 5), 'x') + '\n'; // at the limit
            else if (kind == 1)
                text += '\t';
            else
                text += QByteArray(int(next() % 90), char('a' + next() % 26)) + '\n';
        }
        if (round % 3 == 0 && !text.isEmpty())
            text[int(next() % quint32(text.size()))] = odd[next() % sizeof odd];
        const qsizetype from = qsizetype(next() % 8); // reads start anywhere
        const char *p = text.constData() + std::min<qsizetype>(from, text.size());
        const qsizetype length = text.size() - (p - text.constData());
        const ByteScan::PlainLines expected = plainLinesByteByByte(p, length, maxLine);
        std::vector<ByteScan::PlainLines> found = {ByteScan::scanPlainLines(p, length, maxLine)};
#ifdef PROCDECK_BYTESCAN_AVX2
        if (__builtin_cpu_supports("avx2"))
            found.push_back(ByteScan::scanPlainLinesAvx2(p, length, maxLine));
#endif
        for (const ByteScan::PlainLines &lines : found) {
            if (expected.plain && !lines.plain) {
                // Allowed only as "not sure": a stretch of half a line's limit without a `\n`.
                const QByteArray read(p, length);
                bool longStretch = false;
                for (const QByteArray &line : read.split('\n'))
                    longStretch = longStretch || line.size() >= maxLine / 2 - 32;
                QVERIFY2(longStretch, read.constData());
                continue;
            }
            QCOMPARE(lines.plain, expected.plain);
            if (!expected.plain)
                continue;
            QCOMPARE(lines.newlines, expected.newlines);
            QCOMPARE(lines.first, expected.first);
            QCOMPARE(lines.last, expected.last);
        }
    }
}

// A flood's blocks come back to the pool as a log lets them go, and an idle reader gives them back
// to the system: memory after a flood is what the logs keep.
void TestOutputReader::poolReleasedWhenIdle()
{
    TwoLogs logs;
    Pipe pipe;
    OutputReader reader;
    const int fds[2] = {pipe.read, -1};
    reader.add(fds, &logs);
    std::thread writer([&] {
        pipe.put(numberedLines(0, (24 << 20) / 80));
        pipe.closeWrite();
    });
    QTRY_VERIFY_WITH_TIMEOUT(logs.ended, 30000);
    writer.join();
    logs.blocks.clear();
    logs.adopted.clear(); // its largest blocks go to the pool
    QVERIFY(OutputBlock::pooledBlocks() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(OutputBlock::pooledBlocks(), 0, 10000);
}

#include "tst_outputreader.moc"
