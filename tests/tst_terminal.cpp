#include "managedprocess.h"
#include "outputlog.h"
#include "sessionfile.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Output as it happens (issue 10): by default the program's stdout is a pseudo-terminal, so that
// stdio, Python and Perl flush each line; "terminal": true gives it a whole terminal (input,
// interrupt, size); "terminal": false keeps plain pipes. Input sent to an entry shows in its
// output. Through ManagedProcess and through the real executable's headless mode.
class tst_Terminal final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void lineLatency_data();
    void lineLatency();
    void lineLatencyHeadless();
    void optOutKeepsPipes();
    void defaultTerminalIsStdoutOnly();
    void everyLineArrivesAtExit_data();
    void everyLineArrivesAtExit();
    void terminalMode();
    void closeInputInTerminal();
    void inputIsEchoedAsNote();
    void sessionKey();

private:
    QTemporaryDir m_dir;
};

namespace {

constexpr char PythonPath[] = "/usr/bin/python3";
constexpr char PerlPath[] = "/usr/bin/perl";

// This machine (and many CI images) set PYTHONUNBUFFERED, which would hide a block-buffered
// stdout: the children get none of the variables that change buffering.
QList<EnvironmentChange> withoutBufferingHints()
{
    QList<EnvironmentChange> changes;
    for (const QString &name : {u"PYTHONUNBUFFERED"_s, u"_STDBUF_O"_s, u"_STDBUF_E"_s, u"_STDBUF_I"_s})
        changes.append({name, std::nullopt});
    return changes;
}

ProcessSpec specFor(const QString &program, const QStringList &args, TerminalMode terminal = TerminalMode::StdoutTerminal)
{
    ProcessSpec spec;
    spec.name = u"child"_s;
    spec.program = program;
    spec.args = args;
    spec.environment = withoutBufferingHints();
    spec.terminal = terminal;
    return spec;
}

QList<OutputLine> linesOf(const OutputLog &log)
{
    QList<OutputLine> lines;
    for (qint64 n = log.firstLineNumber(); n < log.endLineNumber(); ++n)
        lines.append(log.line(n));
    return lines;
}

bool hasLine(const OutputLog &log, const QString &text)
{
    for (qint64 n = log.firstLineNumber(); n < log.endLineNumber(); ++n) {
        if (log.line(n).text == text)
            return true;
    }
    return false;
}

qsizetype countLines(const OutputLog &log, const QString &text)
{
    qsizetype count = 0;
    for (qint64 n = log.firstLineNumber(); n < log.endLineNumber(); ++n)
        count += log.line(n).text == text ? 1 : 0;
    return count;
}

QString dump(const OutputLog &log)
{
    QStringList texts;
    for (const OutputLine &line : linesOf(log))
        texts.append(line.text);
    return texts.join(u" | "_s);
}

// Three lines 400 ms apart, never flushed by the program itself.
const QString PythonTicks = u"import time\nfor i in range(1, 4):\n    print('tick %d' % i)\n    time.sleep(0.4)\n"_s;
const QString PerlTicks = u"for my $i (1..3) { print \"tick $i\\n\"; select(undef, undef, undef, 0.4); }"_s;

} // namespace

void tst_Terminal::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(QLatin1StringView(PythonPath)));
    QVERIFY(QFile::exists(QLatin1StringView(PerlPath)));
    TestSupport::installProcessWarningGuard();
}

void tst_Terminal::cleanup()
{
    QCOMPARE(TestSupport::destroyedWhileRunningWarnings(), 0);
}

void tst_Terminal::lineLatency_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("args");
    QTest::newRow("python") << QString::fromLatin1(PythonPath) << QStringList{u"-c"_s, PythonTicks};
    QTest::newRow("c-printf") << TestSupport::childPath() << QStringList{u"stdio-tick"_s, u"400"_s, u"3"_s};
    QTest::newRow("perl") << QString::fromLatin1(PerlPath) << QStringList{u"-e"_s, PerlTicks};
}

// Each line is in the output before the next one is printed (400 ms later): at least 200 ms
// between "tick 1" and "tick 2", and "tick 3" not there yet. With a pipe all three came together
// at the exit.
void tst_Terminal::lineLatency()
{
    QFETCH(QString, program);
    QFETCH(QStringList, args);
    ManagedProcess process(1, specFor(program, args));
    QVERIFY(process.start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(*process.output(), u"tick 1"_s), 5000);
    QVERIFY2(!hasLine(*process.output(), u"tick 2"_s), qPrintable(dump(*process.output())));
    QVERIFY(process.isAlive());
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(*process.output(), u"tick 2"_s), 5000);
    QVERIFY2(clock.elapsed() >= 200, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!hasLine(*process.output(), u"tick 3"_s));
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(process.exitCode(), 0);
}

// The same through `procdeck --headless`: a Python line is printed by ProcDeck while the program
// still sleeps after it.
void tst_Terminal::lineLatencyHeadless()
{
    ProcessSpec spec = specFor(QString::fromLatin1(PythonPath), {u"-c"_s, PythonTicks});
    spec.name = u"py"_s;
    Session session;
    session.processes = {spec};
    const QString path = m_dir.filePath(u"latency.json"_s);
    QVERIFY(SessionFile::save(path, SessionFile::toJson(session)).ok);

    QProcess app;
    app.setProcessChannelMode(QProcess::SeparateChannels);
    app.start(QStringLiteral(PD_APP_PATH), {u"--headless"_s, path});
    const auto stop = qScopeGuard([&app] {
        app.kill(); // a failed check: not left running
        app.waitForFinished(5000);
    });
    QByteArray seen;
    const auto waitFor = [&](const QByteArray &text) {
        QElapsedTimer limit;
        limit.start();
        while (!seen.contains(text) && limit.elapsed() < 5000) {
            app.waitForReadyRead(20);
            seen += app.readAllStandardOutput();
        }
        return seen.contains(text);
    };
    QVERIFY2(waitFor("py | tick 1\n"), seen.constData());
    QVERIFY2(!seen.contains("tick 2"), seen.constData());
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(waitFor("py | tick 2\n"), seen.constData());
    QVERIFY2(clock.elapsed() >= 200, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!seen.contains("tick 3"));
    QVERIFY(app.waitForFinished(5000));
    QCOMPARE(app.exitCode(), 0);
}

// "terminal": false: plain pipes, as before; a C program's printf output then comes at its exit,
// all at once (what the default fixes).
void tst_Terminal::optOutKeepsPipes()
{
    ManagedProcess process(1, specFor(TestSupport::childPath(), {u"stdio-tick"_s, u"300"_s, u"3"_s},
                                      TerminalMode::Pipes));
    QVERIFY(process.start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(*process.output(), u"tick 1"_s), 5000);
    QVERIFY(hasLine(*process.output(), u"tick 3"_s));
}

// By default: stdout a terminal (TERM=dumb, no "\r\n": the bytes as written), stdin and stderr
// not; stderr still apart.
void tst_Terminal::defaultTerminalIsStdoutOnly()
{
    const QString script = u"import os, sys, termios\n"
                           "print('tty', int(os.isatty(0)), int(os.isatty(1)), int(os.isatty(2)), os.environ.get('TERM'))\n"
                           "print('opost', termios.tcgetattr(1)[1] & termios.OPOST)\n"
                           "print('size', os.get_terminal_size(1).columns)\n"
                           "print('to stderr', file=sys.stderr)\n"_s;
    ManagedProcess process(1, specFor(QString::fromLatin1(PythonPath), {u"-c"_s, script}));
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QVERIFY(finished.wait(5000));
    const OutputLog &log = *process.output();
    QVERIFY2(hasLine(log, u"tty 0 1 0 dumb"_s), qPrintable(dump(log)));
    QVERIFY2(hasLine(log, u"opost 0"_s), qPrintable(dump(log)));
    QVERIFY2(hasLine(log, u"size 80"_s), qPrintable(dump(log)));
    for (const OutputLine &line : linesOf(log)) {
        if (line.text == u"to stderr")
            QCOMPARE(line.stream, OutputStream::Stderr);
    }
    QVERIFY(hasLine(log, u"to stderr"_s));

    // Byte for byte: "line 1\nline 2\nline 3\n" is 21 bytes ("\r\n" would make it 24).
    ManagedProcess lines(2, specFor(TestSupport::childPath(), {u"lines"_s, u"3"_s}));
    QSignalSpy linesFinished(&lines, &ManagedProcess::finished);
    QVERIFY(lines.start().ok);
    QVERIFY(linesFinished.wait(5000));
    QCOMPARE(lines.output()->bytesReceived(OutputStream::Stdout), 21);
}

void tst_Terminal::everyLineArrivesAtExit_data()
{
    QTest::addColumn<TerminalMode>("mode");
    QTest::newRow("stdout terminal") << TerminalMode::StdoutTerminal;
    QTest::newRow("terminal") << TerminalMode::Terminal;
}

// A program that prints 10,000 lines and exits at once: every line is read from the terminal
// before its end (a read after the last close fails with EIO only once it is empty).
void tst_Terminal::everyLineArrivesAtExit()
{
    QFETCH(TerminalMode, mode);
    ManagedProcess process(1, specFor(TestSupport::childPath(), {u"lines"_s, u"10000"_s}, mode));
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QVERIFY(finished.wait(10000));
    qsizetype count = 0;
    QString last;
    for (const OutputLine &line : linesOf(*process.output())) {
        if (line.stream == OutputStream::Stdout) {
            ++count;
            last = line.text;
        }
    }
    QCOMPARE(count, 10000);
    QCOMPARE(last, u"line 10000"_s);
}

// "terminal": true: the program has a terminal on 0-2 as its controlling terminal, of the size
// set (and resized), stderr merged into it; input goes to the terminal, which echoes it (once:
// no note besides), and interrupt() is Ctrl+C.
void tst_Terminal::terminalMode()
{
    const QString script =
        u"import os, signal, sys, time\n"
        "print('tty', int(os.isatty(0)), int(os.isatty(1)), int(os.isatty(2)), os.environ.get('TERM'))\n"
        "os.close(os.open('/dev/tty', os.O_RDWR)); print('ctty ok')\n"
        "print('to stderr', file=sys.stderr)\n"
        "size = lambda: '%d %d' % tuple(os.get_terminal_size(1))\n"
        "signal.signal(signal.SIGWINCH, lambda *a: print('resized', size(), flush=True))\n"
        "print('size', size(), flush=True)\n"
        "print('got', sys.stdin.readline().strip(), flush=True)\n"
        "try:\n"
        "    time.sleep(30)\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted', flush=True)\n"
        "    sys.exit(3)\n"_s;
    ManagedProcess process(1, specFor(QString::fromLatin1(PythonPath), {u"-c"_s, script}, TerminalMode::Terminal));
    process.setTerminalSize(100, 30);
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(!process.canInterrupt());
    QVERIFY(process.start().ok);
    const OutputLog &log = *process.output();
    QTRY_VERIFY2_WITH_TIMEOUT(hasLine(log, u"size 100 30"_s), qPrintable(dump(log)), 5000);
    QVERIFY2(hasLine(log, u"tty 1 1 1 xterm-256color"_s), qPrintable(dump(log)));
    QVERIFY(hasLine(log, u"ctty ok"_s));
    for (const OutputLine &line : linesOf(log)) {
        if (line.text == u"to stderr")
            QCOMPARE(line.stream, OutputStream::Stdout); // one terminal, one stream
    }

    process.setTerminalSize(120, 40);
    QTRY_VERIFY2_WITH_TIMEOUT(hasLine(log, u"resized 120 40"_s), qPrintable(dump(log)), 5000);

    QVERIFY(process.writeInput("hello\n").ok);
    QTRY_VERIFY2_WITH_TIMEOUT(hasLine(log, u"got hello"_s), qPrintable(dump(log)), 5000);
    QCOMPARE(countLines(log, u"hello"_s), 1); // the terminal's echo
    QCOMPARE(countLines(log, u"input: hello"_s), 0);

    QVERIFY(process.canInterrupt());
    QVERIFY(process.interrupt().ok);
    QVERIFY(finished.wait(5000));
    QVERIFY2(hasLine(log, u"^Cinterrupted"_s), qPrintable(dump(log))); // the terminal echoes ^C
    QCOMPARE(process.exitCode(), 3);
    QVERIFY(!process.canInterrupt());
}

// Close stdin in a terminal is the end of file character (Ctrl+D) at the start of a line: `cat`
// reading the terminal ends, exit 0.
void tst_Terminal::closeInputInTerminal()
{
    ManagedProcess process(1, specFor(TestSupport::childPath(), {u"cat"_s}, TerminalMode::Terminal));
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QTRY_VERIFY(process.state() == ManagedProcess::State::Running);
    QVERIFY(process.writeInput("one\n").ok);
    QTRY_COMPARE_WITH_TIMEOUT(countLines(*process.output(), u"one"_s), 2, 5000); // echo, then cat
    QVERIFY(process.closeInput().ok);
    QVERIFY(finished.wait(5000));
    QCOMPARE(process.exitCode(), 0);
}

// Input sent to an entry without a terminal is a note in its output, before what the program
// answers: the output reads as the conversation.
void tst_Terminal::inputIsEchoedAsNote()
{
    ManagedProcess process(1, specFor(TestSupport::childPath(), {u"cat"_s}));
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QTRY_VERIFY(process.state() == ManagedProcess::State::Running);
    QVERIFY(!process.canInterrupt());
    QVERIFY(process.writeInput("hello\nworld\n").ok);
    QTRY_VERIFY2_WITH_TIMEOUT(hasLine(*process.output(), u"world"_s), qPrintable(dump(*process.output())), 5000);
    QVERIFY(process.closeInput().ok);
    QVERIFY(finished.wait(5000));
    QStringList conversation;
    for (const OutputLine &line : linesOf(*process.output())) {
        if (line.text.contains(u"hello") || line.text.contains(u"world"))
            conversation.append((line.stream == OutputStream::Message ? u"* "_s : u""_s) + line.text);
    }
    QCOMPARE(conversation, (QStringList{u"* input: hello"_s, u"* input: world"_s, u"hello"_s, u"world"_s}));
}

// The session key: absent is the default and is not written; true and false are read and written
// back; anything else is refused.
void tst_Terminal::sessionKey()
{
    const QByteArray json = R"({"procdeck": 1, "processes": [
        {"name": "a", "program": "x"},
        {"name": "b", "program": "x", "terminal": true},
        {"name": "c", "program": "x", "terminal": false}]})";
    const SessionFile::LoadResult loaded = SessionFile::parseJson(json, u"s.json"_s);
    QVERIFY(loaded.session);
    QCOMPARE(loaded.session->processes.at(0).terminal, TerminalMode::StdoutTerminal);
    QCOMPARE(loaded.session->processes.at(1).terminal, TerminalMode::Terminal);
    QCOMPARE(loaded.session->processes.at(2).terminal, TerminalMode::Pipes);
    const QByteArray written = SessionFile::toJson(*loaded.session);
    QCOMPARE(written.count("\"terminal\""), 2);
    QVERIFY(written.contains("\"terminal\": true"));
    QVERIFY(written.contains("\"terminal\": false"));
    QCOMPARE(SessionFile::parseJson(written, u"s.json"_s).session->processes, loaded.session->processes);

    const SessionFile::LoadResult refused
        = SessionFile::parseJson(R"({"procdeck": 1, "processes": [{"program": "x", "terminal": 1}]})", u"s.json"_s);
    QVERIFY(!refused.session);
}

QTEST_GUILESS_MAIN(tst_Terminal)
#include "tst_terminal.moc"
