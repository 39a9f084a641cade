#include "headlessrunner.h"
#include "outputdecoder.h"
#include "sessionfile.h"
#include "testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

// The headless mode, run as a separate process like a user runs it: the real `procdeck`
// executable (PD_APP_PATH).
class tst_Headless final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void outputOrder();
    void firstFailureInStartOrder();
    void signalDeathAndFailedStart();
    void timeout();
    void badFileOrArguments();
    void sigtermTerminatesEveryProcess();
    void sigintExitStatus();
    void daemonHoldsTheRun();
    void openLineIsCompleted();
    void longLineIsCutWithTheWindowsMark();
    void restartPolicies();
    void procfile();
    void examples_data();
    void examples();

    void inProcessPrefixesAndColours();
    void plainLinesInBulk();

private:
    struct Run
    {
        int exitCode = -1;
        QProcess::ExitStatus exitStatus = QProcess::CrashExit;
        QStringList lines;       // stdout
        QString errorOutput;     // stderr
        qint64 elapsedMs = 0;
    };

    // Starts `procdeck ARGS…`.
    static void startProcdeck(QProcess &process, const QStringList &arguments);
    QString writeSession(const QList<ProcessSpec> &specs, const QString &name = u"s.json"_s);
    static ProcessSpec child(const QString &name, const QStringList &args);
    Run run(const QStringList &arguments, int deadlineMs = 30000);
    static QStringList withoutNotes(const QStringList &lines);

    QTemporaryDir m_dir;
};

namespace {

// Gone: no such process (its PID free or reused), or a zombie that nobody reaped yet.
bool isGoneOrZombie(const TestSupport::ProcessIdentity &process)
{
    return TestSupport::isGone(process, TestSupport::Zombies::CountAsGone);
}

// The lines of one entry (its output and notes), in the order they were printed.
QStringList entryLines(const QStringList &lines, const QString &name)
{
    const QRegularExpression own(u"^"_s + QRegularExpression::escape(name) + u"\\s+[|!*] "_s);
    return lines.filter(own);
}

} // namespace

void tst_Headless::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(PD_APP_PATH)), PD_APP_PATH);
}

// procdeck and its entries run as on a freshly installed machine, whatever this one's shell
// set: python3 is the system's (a version manager's shim on PATH can take seconds to start under
// load), and no PYTHON* variable (PYTHONUNBUFFERED would hide what users see) reaches the examples.
void tst_Headless::startProcdeck(QProcess &process, const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PATH"_s, u"/usr/local/bin:/usr/bin:/bin"_s);
    for (const QString &name : environment.keys()) {
        if (name.startsWith(u"PYTHON"_s) || name.startsWith(u"_STDBUF_"_s))
            environment.remove(name);
    }
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(PD_APP_PATH), arguments);
}

QString tst_Headless::writeSession(const QList<ProcessSpec> &specs, const QString &name)
{
    Session session;
    session.processes = specs;
    const QString path = m_dir.filePath(name);
    const SessionFile::SaveResult saved = SessionFile::save(path, SessionFile::toJson(session));
    if (!saved.ok)
        qWarning("%s", qPrintable(saved.error));
    return path;
}

ProcessSpec tst_Headless::child(const QString &name, const QStringList &args)
{
    ProcessSpec spec;
    spec.name = name;
    spec.program = TestSupport::childPath();
    spec.args = args;
    return spec;
}

tst_Headless::Run tst_Headless::run(const QStringList &arguments, int deadlineMs)
{
    Run result;
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    QElapsedTimer clock;
    clock.start();
    startProcdeck(process, arguments);
    if (!finished.wait(deadlineMs)) {
        process.kill();
        finished.wait(5000);
        return result;
    }
    result.elapsedMs = clock.elapsed();
    result.exitCode = process.exitCode();
    result.exitStatus = process.exitStatus();
    result.lines = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    result.errorOutput = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QStringList tst_Headless::withoutNotes(const QStringList &lines)
{
    static const QRegularExpression note(u"^\\S+\\s+\\* "_s);
    QStringList kept;
    for (const QString &line : lines) {
        if (!note.match(line).hasMatch())
            kept.append(line);
    }
    return kept;
}

void tst_Headless::outputOrder()
{
    const QString file = writeSession({
        child(u"alpha"_s, {u"echo"_s, u"one"_s, u"then"_s, u"sleep"_s, u"600"_s, u"then"_s, u"echo"_s, u"four"_s}),
        child(u"b"_s, {u"sleep"_s, u"200"_s, u"then"_s, u"echo"_s, u"two"_s, u"then"_s, u"echo-err"_s, u"three"_s}),
    });
    const Run result = run({u"--headless"_s, file});
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    // Each entry's lines in its own order, stdout with "|" and stderr with "!", names padded. The
    // order between the two entries depends on when their pipes are read: not asserted.
    const QStringList output = withoutNotes(result.lines);
    QCOMPARE(output.size(), 4);
    QCOMPARE(entryLines(output, u"alpha"_s), (QStringList{u"alpha | one"_s, u"alpha | four"_s}));
    QCOMPARE(entryLines(output, u"b"_s), (QStringList{u"b     | two"_s, u"b     ! three"_s}));
    QCOMPARE(result.exitCode, 0);
    // ProcDeck's notes: started and exited for each entry.
    QCOMPARE(result.lines.filter(QRegularExpression(u"^alpha \\* started, PID \\d+$"_s)).size(), 1);
    QVERIFY2(result.lines.contains(u"b     * exited with code 0"_s), qPrintable(result.lines.join(u'\n')));
    QVERIFY(!result.lines.join(u'\n').contains(u'\x1b')); // not a terminal: no colours
}

void tst_Headless::firstFailureInStartOrder()
{
    // fail3 comes first in start order but ends after fail5: it waits until ProcDeck has reaped
    // fail5 (whose PID it reads from a file), so the order of their ends is the programs' own.
    const QString pidFile = m_dir.filePath(u"fail5.pid"_s);
    QFile::remove(pidFile);
    ProcessSpec fail3;
    fail3.name = u"fail3"_s;
    fail3.shell = u"while [ ! -s '%1' ]; do sleep 0.02; done; "
                  "while kill -0 \"$(cat '%1')\" 2>/dev/null; do sleep 0.02; done; exit 3"_s.arg(pidFile);
    ProcessSpec fail5;
    fail5.name = u"fail5"_s;
    fail5.shell = u"echo $$ > '%1.new' && mv '%1.new' '%1'; exit 5"_s.arg(pidFile);
    const QString file = writeSession({child(u"ok"_s, {u"exit"_s, u"0"_s}), fail3, fail5});
    const Run result = run({u"--headless"_s, file});
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 3);
    const qsizetype five = result.lines.indexOf(u"fail5 * exited with code 5"_s);
    const qsizetype three = result.lines.indexOf(u"fail3 * exited with code 3"_s);
    QVERIFY2(five >= 0 && three > five, qPrintable(result.lines.join(u'\n')));
}

void tst_Headless::signalDeathAndFailedStart()
{
    const QString aborted = writeSession({child(u"ok"_s, {u"exit"_s, u"0"_s}), child(u"abort"_s, {u"abort"_s})},
                                         u"abort.json"_s);
    Run result = run({u"--headless"_s, aborted});
    QCOMPARE(result.exitCode, 128 + SIGABRT);

    ProcessSpec missing;
    missing.name = u"missing"_s;
    missing.program = m_dir.filePath(u"no-such-program"_s);
    const QString failed = writeSession({missing, child(u"late"_s, {u"sleep"_s, u"100"_s, u"then"_s, u"exit"_s, u"4"_s})},
                                        u"failed.json"_s);
    result = run({u"--headless"_s, failed});
    QCOMPARE(result.exitCode, HeadlessRunner::FailedStartExitCode);
    QVERIFY2(result.lines.filter(QRegularExpression(u"^missing \\* failed to start: "_s)).size() == 1,
             qPrintable(result.lines.join(u'\n')));
    QVERIFY(result.lines.contains(u"late    * exited with code 4"_s)); // the others still ran
}

void tst_Headless::timeout()
{
    ProcessSpec stubborn = child(u"stubborn"_s, {u"ignore-term"_s, u"60000"_s});
    stubborn.stopTimeoutMs = 300;
    const QString file = writeSession({child(u"sleeper"_s, {u"sleep"_s, u"60000"_s}), stubborn,
                                       child(u"quick"_s, {u"exit"_s, u"0"_s})});
    const Run result = run({u"--headless"_s, file, u"--timeout"_s, u"0.5"_s});
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, HeadlessRunner::TimeoutExitCode);
    QVERIFY2(result.errorOutput.contains(u"procdeck: timeout after 0.5 s: terminating every entry"_s),
             qPrintable(result.errorOutput));
    QVERIFY2(result.lines.contains(u"sleeper  * terminated by SIGTERM, exit -15"_s), qPrintable(result.lines.join(u'\n')));
    QVERIFY2(result.lines.contains(u"stubborn * terminated by SIGKILL, exit -9"_s), qPrintable(result.lines.join(u'\n')));
    QVERIFY(result.lines.contains(u"stubborn | ready"_s));
}

void tst_Headless::badFileOrArguments()
{
    const QString missing = m_dir.filePath(u"absent.json"_s);
    Run result = run({u"--headless"_s, missing});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.errorOutput.startsWith(u"procdeck: "_s + missing + u": cannot read the file: "_s),
             qPrintable(result.errorOutput));
    QVERIFY(result.lines.isEmpty());

    const QString broken = m_dir.filePath(u"broken.json"_s);
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"procdeck\": 1,\n  \"processes\": [{\"program\": \"x\", \"stopTimeoutMs\": -1}]\n}\n");
    file.close();
    result = run({u"--headless"_s, broken});
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(result.errorOutput, u"procdeck: "_s + broken + u": processes[0].stopTimeoutMs: must be a positive integer\n"_s);

    result = run({u"--headless"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.errorOutput.startsWith(u"procdeck: --headless needs a FILE\n"_s), qPrintable(result.errorOutput));

    result = run({u"--headless"_s, broken, u"--timeout"_s, u"never"_s});
    QCOMPARE(result.exitCode, 2);
}

void tst_Headless::sigtermTerminatesEveryProcess()
{
    const QString file = writeSession({child(u"tree"_s, {u"tree"_s, u"60000"_s}),
                                       child(u"stubborn"_s, {u"ignore-term"_s, u"60000"_s})});
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    startProcdeck(process, {u"--headless"_s, file});

    // "tree | child PID grandchild PID" and "stubborn | ready".
    QByteArray output;
    const QRegularExpression treeLine(u"tree\\s+\\| child (\\d+) grandchild (\\d+)"_s);
    QRegularExpressionMatch match;
    QTRY_VERIFY_WITH_TIMEOUT((output += process.readAllStandardOutput(),
                              (match = treeLine.match(QString::fromUtf8(output))).hasMatch()
                                  && output.contains("stubborn | ready")),
                             20000);
    const TestSupport::ProcessIdentity child = TestSupport::identify(match.captured(1).toLongLong());
    const TestSupport::ProcessIdentity grandchild = TestSupport::identify(match.captured(2).toLongLong());
    QVERIFY(child.pid > 0 && !isGoneOrZombie(child));
    QVERIFY(grandchild.pid > 0 && !isGoneOrZombie(grandchild));

    ::kill(pid_t(process.processId()), SIGTERM);
    // The stubborn entry ignores SIGTERM: ProcDeck waits its grace period (5 s), then kills.
    QVERIFY(finished.wait(30000));
    output += process.readAllStandardOutput();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 128 + SIGTERM);
    QVERIFY2(output.contains("stubborn * terminated by SIGKILL"), output.constData());
    QVERIFY(process.readAllStandardError().contains("procdeck: SIGTERM: terminating every entry"));
    QTRY_VERIFY_WITH_TIMEOUT(isGoneOrZombie(child) && isGoneOrZombie(grandchild), 10000);
}

void tst_Headless::sigintExitStatus()
{
    const QString file = writeSession({child(u"sleeper"_s, {u"echo"_s, u"up"_s, u"then"_s, u"sleep"_s, u"60000"_s})});
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    startProcdeck(process, {u"--headless"_s, file});
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += process.readAllStandardOutput()).contains("sleeper | up"), 20000);
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(finished.wait(20000));
    QCOMPARE(process.exitCode(), 128 + SIGINT);
    output += process.readAllStandardOutput();
    QVERIFY2(output.contains("sleeper * terminated by SIGTERM, exit -15"), output.constData());
}

void tst_Headless::daemonHoldsTheRun()
{
    // The entry's shell exits at once and leaves a background sleeper behind, even in a new
    // session: the sleeper still belongs to the entry, which ends only when the sleeper does.
    ProcessSpec spec;
    spec.name = u"daemon"_s;
    // It prints the sleeper's PID and start time (/proc/PID/stat field 22), so that the check
    // below cannot mistake a newer process with the same PID for it.
    spec.shell = u"setsid sleep 1.5 </dev/null >/dev/null 2>&1 & "
                 "echo \"left $! $(cut -d' ' -f22 /proc/$!/stat)\""_s;
    QElapsedTimer elapsed;
    elapsed.start();
    const Run result = run({u"--headless"_s, writeSession({spec})});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(elapsed.elapsed() >= 1400, qPrintable(QString::number(elapsed.elapsed())));
    const QStringList left = result.lines.filter(u"daemon | left "_s);
    QCOMPARE(left.size(), 1);
    TestSupport::ProcessIdentity sleeper;
    sleeper.pid = left.first().section(u' ', -2, -2).toLongLong();
    sleeper.startTime = left.first().section(u' ', -1).toULongLong();
    QVERIFY2(sleeper.pid > 0 && sleeper.startTime > 0, qPrintable(left.first()));
    QVERIFY(isGoneOrZombie(sleeper));
    // Nothing was left for the final sweep.
    QVERIFY2(!result.errorOutput.contains(u"left behind"_s), qPrintable(result.errorOutput));
}

void tst_Headless::openLineIsCompleted()
{
    // A line is printed whole when its newline arrives, however long the writer paused in it; a
    // line rewritten by `\r` once, with its final text; the last line without a newline when the
    // run ends. (The old runner printed "abc" after 30 ms of quiet and "def" as a line of its own,
    // and every state of the progress line.)
    ProcessSpec spec;
    spec.name = u"partial"_s;
    spec.shell = u"printf abc; sleep 0.4; printf 'def\\n'; printf 'step 1'; sleep 0.2; "
                 "printf '\\rstep 2'; sleep 0.2; printf '\\rdone\\n'; printf 'last without newline'"_s;
    const Run result = run({u"--headless"_s, writeSession({spec})});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(withoutNotes(result.lines),
             QStringList({u"partial | abcdef"_s, u"partial | done"_s, u"partial | last without newline"_s}));
}

void tst_Headless::longLineIsCutWithTheWindowsMark()
{
    // A line longer than the limit is printed in pieces as soon as each is cut; every piece but
    // the last ends with the mark the window shows.
    const qsizetype length = OutputDecoder::MaxLineLength + 1000;
    const Run result = run({u"--headless"_s,
                            writeSession({child(u"big"_s, {u"flood"_s, QString::number(length + 1),
                                                            QString::number(length + 1)})})});
    QCOMPARE(result.exitCode, 0);
    const QStringList lines = withoutNotes(result.lines);
    QCOMPARE(lines.size(), 2);
    QString expected;
    for (qsizetype i = 0; i < length; ++i)
        expected += QChar(char16_t(u'a' + i % 26));
    QCOMPARE(lines[0], u"big | "_s + expected.left(OutputDecoder::MaxLineLength) + OutputLine::ContinuationMark);
    QCOMPARE(lines[1], u"big | "_s + expected.mid(OutputDecoder::MaxLineLength));
}

void tst_Headless::restartPolicies()
{
    // "flaky" fails its first run and succeeds after the restart (on-failure, 1 s later): its
    // last run counts. "again" restarts after every run until the timeout ends the session.
    const QString marker = m_dir.filePath(u"flaky-ran-%1"_s.arg(QLatin1StringView(QTest::currentDataTag())));
    QFile::remove(marker);
    ProcessSpec flaky;
    flaky.name = u"flaky"_s;
    flaky.shell = u"if [ -e '%1' ]; then echo second run; else touch '%1'; echo first run; exit 3; fi"_s.arg(marker);
    flaky.restart = RestartPolicy::OnFailure;
    const Run passed = run({u"--headless"_s, writeSession({flaky}, u"flaky.json"_s)});
    QCOMPARE(withoutNotes(passed.lines), (QStringList{u"flaky | first run"_s, u"flaky | second run"_s}));
    QVERIFY(passed.lines.contains(u"flaky * exited with code 3"_s));
    QCOMPARE(passed.exitCode, 0);

    ProcessSpec again = child(u"again"_s, {u"echo"_s, u"run"_s});
    again.restart = RestartPolicy::Always;
    const Run timedOut = run({u"--headless"_s, writeSession({again}, u"always.json"_s), u"--timeout"_s, u"2.5"_s});
    QCOMPARE(timedOut.exitCode, HeadlessRunner::TimeoutExitCode);
    QVERIFY2(withoutNotes(timedOut.lines).count(u"again | run"_s) >= 2, qPrintable(timedOut.lines.join(u'\n')));
    QVERIFY2(timedOut.elapsedMs < 15000, qPrintable(QString::number(timedOut.elapsedMs)));
}

void tst_Headless::procfile()
{
    QDir dir(m_dir.filePath(u"procfile"_s));
    QVERIFY(dir.mkpath(u"."_s));
    QFile procfile(dir.filePath(u"Procfile"_s));
    QVERIFY(procfile.open(QIODevice::WriteOnly));
    procfile.write("# two services\nweb: echo \"$GREETING from $(basename \"$PWD\")\"\nfail: exit 9\n");
    procfile.close();
    QFile env(dir.filePath(u".env"_s));
    QVERIFY(env.open(QIODevice::WriteOnly));
    env.write("export GREETING='hello there'\n");
    env.close();

    const Run result = run({u"--headless"_s, procfile.fileName()});
    QCOMPARE(result.exitCode, 9);
    QCOMPARE(withoutNotes(result.lines), QStringList{u"web  | hello there from procfile"_s});
}

void tst_Headless::examples_data()
{
    // The shipped examples (examples/README.md), run by procdeck: the expected lines (regular
    // expressions, whole line, starting with the entry's name) must appear, those of one entry in
    // this order; other lines may come between them.
    QTest::addColumn<QString>("example");
    QTest::addColumn<QString>("timeout");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("expected");

    // The timeouts leave the Python examples a few seconds: on a loaded machine python3 alone can
    // take over a second to print its first line.
    const int timedOut = HeadlessRunner::TimeoutExitCode;
    QTest::newRow("demo") << u"demo.json"_s << u"5"_s << timedOut
                          << QStringList{u"quick    \\| hello from a quick job; \\$\\(not run\\) \\* reach the child as they are"_s,
                                         u"stubborn \\| ignoring SIGTERM: Terminate waits 3 s, then kills"_s,
                                         u"chatty   \\| tick 1 of 200"_s, u"chatty   \\| tick 3 of 200"_s,
                                         u"chatty   ! warning: 3 is a multiple of three"_s,
                                         u"sleeper  \\* terminated by SIGTERM, exit -15"_s,
                                         u"stubborn \\* terminated by SIGKILL, exit -9"_s};
    QTest::newRow("01 child prints")
        << u"01-child-prints.json"_s << QString() << 0
        << QStringList{u"Process-1 \\* started, PID (\\d+)"_s, u"Process-1 \\| hello from the child process, pid \\d+"_s,
                       u"Process-1 \\| the child is done"_s, u"Process-1 \\* exited with code 0"_s};
    QTest::newRow("02 args and kwargs")
        << u"02-args-kwargs.json"_s << QString() << 0
        << QStringList{u"kwargs-as-arguments   \\| Good morning, Alice! \\(1/3\\)"_s,
                       u"kwargs-as-arguments   \\| Good morning, Alice! \\(3/3\\)"_s,
                       u"kwargs-as-arguments   \\* exited with code 0"_s};
    QTest::newRow("02 kwargs as environment")
        << u"02-args-kwargs.json"_s << QString() << 0
        << QStringList{u"kwargs-as-environment \\| Good evening, Bob! \\(1/2\\)"_s,
                       u"kwargs-as-environment \\| Good evening, Bob! \\(2/2\\)"_s};
    QTest::newRow("03 join") << u"03-join.json"_s << QString() << 0
                             << QStringList{u"worker \\| worker: working for 3 s"_s, u"worker \\| worker: done"_s,
                                            u"worker \\* exited with code 0"_s};
    QTest::newRow("04 join timeout, 3 s of 5") << u"04-join-timeout.json"_s << u"3"_s << timedOut
                                               << QStringList{u"worker \\| worker: working for 5 s"_s,
                                                              u"worker \\* terminated by SIGTERM, exit -15"_s};
    QTest::newRow("05 clock") << u"05-clock.json"_s << u"4"_s << timedOut
                              << QStringList{u"clock \\| clock: pid \\d+"_s, u"clock \\| The time is \\d\\d:\\d\\d:\\d\\d"_s,
                                             u"clock \\| The time is \\d\\d:\\d\\d:\\d\\d"_s,
                                             u"clock \\* terminated by SIGTERM, exit -15"_s};
    QTest::newRow("06 three workers") << u"06-three-workers.json"_s << QString() << 0
                                      << QStringList{u"worker-2s \\| worker-2s: done"_s, u"worker-3s \\| worker-3s: done"_s,
                                                     u"worker-4s \\| worker-4s: done"_s, u"worker-4s \\* exited with code 0"_s};
    QTest::newRow("07 terminate") << u"07-terminate.json"_s << u"3"_s << timedOut
                                  << QStringList{u"long-task \\| step 1"_s, u"long-task \\| step 2"_s,
                                                 u"long-task \\* terminate: SIGTERM to the process tree of PID \\d+"_s,
                                                 u"long-task \\* terminated by SIGTERM, exit -15"_s};
    // A terminal: the banner (Python writes it to stderr, which is the terminal) as output.
    QTest::newRow("08 terminal") << u"08-terminal.json"_s << u"3"_s << timedOut
                                 << QStringList{u"repl \\| Python 3\\..*"_s,
                                                u"repl \\* terminated by SIGTERM, exit -15"_s};
}

void tst_Headless::examples()
{
    QFETCH(QString, example);
    QFETCH(QString, timeout);
    QFETCH(int, exitCode);
    QFETCH(QStringList, expected);
    QStringList arguments{u"--headless"_s, QStringLiteral(PD_SOURCE_DIR "/examples/") + example};
    if (!timeout.isEmpty())
        arguments << u"--timeout"_s << timeout;
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    // In order within each entry (a pattern starts with its entry's name); lines of different
    // entries come in the order their pipes were read, which the test does not assume.
    QHash<QString, qsizetype> next; // per entry: the first line not matched yet
    for (const QString &pattern : expected) {
        const QRegularExpression line(QRegularExpression::anchoredPattern(pattern));
        QVERIFY(line.isValid());
        const QString entry = pattern.section(u' ', 0, 0);
        qsizetype &at = next[entry];
        while (at < result.lines.size()
               && !(result.lines.at(at).startsWith(entry + u' ') && line.match(result.lines.at(at)).hasMatch()))
            ++at;
        QVERIFY2(at < result.lines.size(),
                 qPrintable(u"missing or out of order: "_s + pattern + u"\n--- output:\n"_s + result.lines.join(u'\n')));
        ++at;
    }
}

void tst_Headless::inProcessPrefixesAndColours()
{
    ProcessSpec spec = child(u"c"_s, {u"echo"_s, u"out"_s, u"then"_s, u"echo-err"_s, u"err"_s});
    Session session;
    session.processes = {spec};
    QBuffer output;
    output.open(QIODevice::WriteOnly);
    QBuffer errors;
    errors.open(QIODevice::WriteOnly);
    HeadlessRunner runner;
    runner.setOutputDevice(&output);
    runner.setErrorDevice(&errors);
    runner.setColour(true);
    runner.setHandleSignals(false);
    runner.setSession(session, m_dir.path());
    QSignalSpy finished(&runner, &HeadlessRunner::finished);
    runner.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toInt(), 0);
    const QByteArray text = output.data();
    QVERIFY2(text.contains("\x1b[36mc\x1b[0m | out\n"), text.constData());
    QVERIFY2(text.contains("\x1b[36mc\x1b[0m \x1b[1;31m!\x1b[0m err\n"), text.constData());
    QVERIFY2(text.contains("\x1b[36mc\x1b[0m \x1b[2m* exited with code 0\x1b[0m\n"), text.constData());
    QVERIFY(errors.data().isEmpty());
}

// One entry alone has lines to print: its stored plain lines go out in bulk (HeadlessRunner's
// plainRun path), each with its prefix, whole, in order; a CRLF line without its `\r`, as the
// window shows it.
void tst_Headless::plainLinesInBulk()
{
    ProcessSpec spec;
    spec.name = u"bulk"_s;
    spec.program = u"/bin/sh"_s;
    spec.args = {u"-c"_s, u"printf 'one\\r\\ntwo\\tcols\\n'; i=0; while [ $i -lt 3000 ]; do echo line$i; i=$((i+1)); done"_s};
    const Run result = run({u"--headless"_s, writeSession({spec})});
    QCOMPARE(result.exitCode, 0);
    const QStringList lines = withoutNotes(result.lines);
    QCOMPARE(lines.size(), 3002);
    QCOMPARE(lines.at(0), u"bulk | one"_s);
    QCOMPARE(lines.at(1), u"bulk | two\tcols"_s);
    for (int i = 0; i < 3000; ++i)
        QCOMPARE(lines.at(i + 2), u"bulk | line"_s + QString::number(i));
}

QTEST_GUILESS_MAIN(tst_Headless)
#include "tst_headless.moc"
