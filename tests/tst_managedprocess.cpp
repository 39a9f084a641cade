#include "managedprocess.h"
#include "outputlog.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <memory>

#include <fcntl.h>
#include <pthread.h>

#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

ProcessSpec childSpec(const QStringList &args, const QString &name = u"child"_s)
{
    ProcessSpec spec;
    spec.name = name;
    spec.program = TestSupport::childPath();
    spec.args = args;
    return spec;
}

QStringList logLines(const OutputLog *log, std::optional<OutputStream> stream = std::nullopt)
{
    QStringList lines;
    for (qint64 i = log->firstLineNumber(); i < log->endLineNumber(); ++i) {
        const OutputLine &line = log->line(i);
        if (!stream || line.stream == *stream)
            lines << line.text;
    }
    return lines;
}

bool logContains(const OutputLog *log, const QString &text, std::optional<OutputStream> stream = std::nullopt)
{
    const QStringList lines = logLines(log, stream);
    for (const QString &line : lines) {
        if (line.contains(text))
            return true;
    }
    return false;
}

// True once the process is gone, zombies included. The test process is a child subreaper
// (initTestCase), so an orphaned grandchild becomes our child and we reap it here; otherwise the
// container's init may leave it a zombie for seconds. Only a zombie that still is the same
// process (same start time) is reaped: its PID may have been reused by then.
bool processGone(const TestSupport::ProcessIdentity &process)
{
    const std::optional<TestSupport::ProcessIdentity> now = TestSupport::readIdentity(process.pid);
    if (now && now->startTime == process.startTime && now->state == 'Z') {
        int status = 0;
        ::waitpid(pid_t(process.pid), &status, WNOHANG);
    }
    return TestSupport::isGone(process);
}

// Lets queued events run a few times: for checks that something did NOT happen again.
void drainEvents()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

} // namespace

class tst_ManagedProcess final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void start();
    void failedStart_data();
    void failedStart();
    void exitCodes_data();
    void exitCodes();
    void terminate();
    void terminateEscalatesToKill();
    void groupKillReachesGrandchild_data();
    void groupKillReachesGrandchild();
    void captureBothStreams();
    void captureFlood();
    void customStopSignal();
    void stdinWriteAndClose();
    void doubleStartRefused();
    void restartKeepsRuns();
    void signalsRefusedWhenNotRunning();
    void environmentAndWorkingDirectory();
    void argumentFidelity();
    void childGetsOwnGroupAndCleanSignals();
    void destroyWithLiveChild();
    void childDiesWithParent();
    void stateQueries_data();
    void stateQueries();

private:
    QTemporaryDir m_dir;
};

void tst_ManagedProcess::initTestCase()
{
    TestSupport::installProcessWarningGuard();
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(TestSupport::childPath()));
    // Orphaned grandchildren become our children, so processGone() can reap them (see there).
    QCOMPARE(::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), 0);
}

void tst_ManagedProcess::cleanup()
{
    PD_VERIFY_NO_DESTROYED_WARNING();
}

void tst_ManagedProcess::start()
{
    ManagedProcess process(1, childSpec({u"sleep"_s, u"30000"_s}));
    QCOMPARE(process.state(), ManagedProcess::State::NotStarted);
    QCOMPARE(process.pid(), 0);
    QSignalSpy started(&process, &ManagedProcess::started);
    QSignalSpy finished(&process, &ManagedProcess::finished);

    QVERIFY(process.start().ok);
    QVERIFY(process.isAlive());
    QVERIFY(started.wait(5000));
    QCOMPARE(started.count(), 1);
    const qint64 pid = started.first().first().toLongLong();
    QVERIFY(pid > 0);
    QCOMPARE(process.pid(), pid);
    QCOMPARE(process.state(), ManagedProcess::State::Running);
    QVERIFY(process.startTime().isValid());
    QVERIFY(!process.endTime().isValid());
    QCOMPARE(process.runCount(), 1);
    QCOMPARE(process.stopDeadlineRemainingMs(), -1);
    QVERIFY(logContains(process.output(), u"started, PID %1"_s.arg(pid), OutputStream::Message));
    QCOMPARE(::kill(pid_t(pid), 0), 0);
    QCOMPARE(finished.count(), 0);

    QVERIFY(process.kill().ok);
    QVERIFY(finished.wait(5000));
    QCOMPARE(process.pid(), pid); // kept after exit
    QVERIFY(process.endTime().isValid());
}

void tst_ManagedProcess::failedStart_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("workingDirectory");
    QTest::addColumn<QString>("reason");

    const QString dir = m_dir.path();
    QFile notExecutable(dir + u"/not-executable"_s);
    QVERIFY(notExecutable.open(QIODevice::WriteOnly));
    notExecutable.write("#!/bin/sh\necho never\n");
    notExecutable.close();
    QVERIFY(notExecutable.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));

    QTest::newRow("missing program") << dir + u"/no/such/program"_s << QString()
                                     << u"no such file or directory: "_s + dir + u"/no/such/program"_s;
    QTest::newRow("not executable") << dir + u"/not-executable"_s << QString()
                                    << u"permission denied: "_s + dir + u"/not-executable"_s;
    QTest::newRow("missing working directory") << TestSupport::childPath() << dir + u"/missing-dir"_s
                                               << u"working directory does not exist: "_s + dir + u"/missing-dir"_s;
    QTest::newRow("not in PATH") << u"procdeck-no-such-command"_s << QString()
                                 << u"no such file or directory: procdeck-no-such-command"_s;
    QTest::newRow("directory as program") << dir << QString() << u"is a directory: "_s + dir;

    // Passes every check ProcDeck makes itself; execve fails in the child (ENOEXEC), which
    // QProcess reports as FailedToStart: the other way a run can end without starting.
    QFile garbage(dir + u"/garbage"_s);
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(64, '\x01'));
    garbage.close();
    QVERIFY(garbage.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    // Worded as QProcess worded its own failed exec before the reaper exec'd the program.
    QTest::newRow("exec format error") << dir + u"/garbage"_s << QString() << u"execve: Exec format error"_s;
}

void tst_ManagedProcess::failedStart()
{
    QFETCH(QString, program);
    QFETCH(QString, workingDirectory);
    QFETCH(QString, reason);

    ProcessSpec spec;
    spec.name = u"broken"_s;
    spec.program = program;
    spec.workingDirectory = workingDirectory;
    ManagedProcess process(1, spec);
    QSignalSpy started(&process, &ManagedProcess::started);
    QSignalSpy finished(&process, &ManagedProcess::finished);

    QVERIFY(process.start().ok); // the run happens; it ends at once in FailedToStart
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    drainEvents();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(started.count(), 0);
    QCOMPARE(process.state(), ManagedProcess::State::FailedToStart);
    QVERIFY(!process.isAlive());
    QVERIFY(process.isFinished());
    QCOMPARE(process.exitCode(), 127);
    QVERIFY2(process.failureReason().startsWith(reason), qPrintable(process.failureReason()));
    QVERIFY(logContains(process.output(), u"failed to start: "_s + reason, OutputStream::Message));
    QCOMPARE(process.runCount(), 1);

    // A failed start can be retried, and fails again with its own single finished.
    QVERIFY(process.start().ok);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 5000);
    drainEvents();
    QCOMPARE(finished.count(), 2);
    QCOMPARE(process.runCount(), 2);
}

void tst_ManagedProcess::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<ManagedProcess::State>("state");
    QTest::addColumn<QString>("message");

    QTest::newRow("exit 0") << QStringList{u"exit"_s, u"0"_s} << 0 << ManagedProcess::State::Exited
                            << u"exited with code 0"_s;
    QTest::newRow("exit 3") << QStringList{u"exit"_s, u"3"_s} << 3 << ManagedProcess::State::Exited
                            << u"exited with code 3"_s;
    QTest::newRow("SIGKILL") << QStringList{u"signal"_s, u"9"_s} << -9 << ManagedProcess::State::Killed
                             << u"terminated by SIGKILL, exit -9"_s;
    QTest::newRow("SIGTERM") << QStringList{u"signal"_s, u"15"_s} << -15 << ManagedProcess::State::Killed
                             << u"terminated by SIGTERM, exit -15"_s;
    QTest::newRow("crash") << QStringList{u"crash"_s} << -11 << ManagedProcess::State::Killed
                           << u"terminated by SIGSEGV, exit -11"_s;
    QTest::newRow("abort") << QStringList{u"abort"_s} << -6 << ManagedProcess::State::Killed
                           << u"terminated by SIGABRT, exit -6"_s;
}

// Also shows that QProcess::exitCode() after a CrashExit is the signal number on Qt 6.4/Linux:
// the Python-style codes below are derived from it.
void tst_ManagedProcess::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(ManagedProcess::State, state);
    QFETCH(QString, message);

    ManagedProcess process(1, childSpec(args));
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QVERIFY(finished.wait(10000));
    drainEvents();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(process.state(), state);
    QCOMPARE(process.exitCode(), exitCode);
    QVERIFY(process.failureReason().isEmpty());
    QVERIFY(logContains(process.output(), message, OutputStream::Message));
}

void tst_ManagedProcess::terminate()
{
    ManagedProcess process(1, childSpec({u"sleep"_s, u"30000"_s}));
    QSignalSpy started(&process, &ManagedProcess::started);
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QVERIFY(started.wait(5000));

    QVERIFY(process.terminate().ok);
    QVERIFY(finished.wait(5000));
    QCOMPARE(process.state(), ManagedProcess::State::Killed);
    QCOMPARE(process.exitCode(), -15);
    QCOMPARE(process.stopDeadlineRemainingMs(), -1);
    QVERIFY(logContains(process.output(), u"terminated by SIGTERM, exit -15"_s, OutputStream::Message));

    // Never signalled again after it was reaped.
    QVERIFY(!process.terminate().ok);
    QVERIFY(!process.kill().ok);
}

void tst_ManagedProcess::terminateEscalatesToKill()
{
    ProcessSpec spec = childSpec({u"ignore-term"_s, u"30000"_s});
    spec.stopTimeoutMs = 300;
    ManagedProcess process(1, spec);
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    // "ready" comes after the child ignored SIGTERM.
    QTRY_VERIFY_WITH_TIMEOUT(logContains(process.output(), u"ready"_s, OutputStream::Stdout), 5000);

    QVERIFY(process.terminate().ok);
    QCOMPARE(process.state(), ManagedProcess::State::Stopping);
    const qint64 remaining = process.stopDeadlineRemainingMs();
    QVERIFY2(remaining >= 0 && remaining <= 300, qPrintable(QString::number(remaining)));
    QVERIFY(process.isAlive());

    QVERIFY(finished.wait(10000));
    QCOMPARE(process.state(), ManagedProcess::State::Killed);
    QCOMPARE(process.exitCode(), -9);
    QVERIFY(logContains(process.output(), u"grace period"_s, OutputStream::Message));
    QVERIFY(logContains(process.output(), u"terminated by SIGKILL, exit -9"_s, OutputStream::Message));
}

void tst_ManagedProcess::groupKillReachesGrandchild_data()
{
    QTest::addColumn<bool>("useTerminate");
    QTest::addColumn<bool>("stubbornGrandchild");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("kill") << false << false << -9;
    QTest::newRow("terminate") << true << false << -15;
    // The child exits on SIGTERM at once, its grandchild ignores it: the group clean-up after
    // the leader's exit must still take the grandchild (long before any grace period ends).
    QTest::newRow("terminate, grandchild ignores SIGTERM") << true << true << -15;
}

void tst_ManagedProcess::groupKillReachesGrandchild()
{
    QFETCH(bool, useTerminate);
    QFETCH(bool, stubbornGrandchild);
    QFETCH(int, exitCode);

    QStringList args{u"tree"_s, u"30000"_s};
    if (stubbornGrandchild)
        args << u"ignore-term"_s;
    ProcessSpec spec = childSpec(args);
    spec.stopTimeoutMs = 60000;
    ManagedProcess process(1, spec);
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(logContains(process.output(), u"grandchild"_s, OutputStream::Stdout), 5000);

    static const QRegularExpression pattern(u"^child (\\d+) grandchild (\\d+)$"_s);
    const QStringList lines = logLines(process.output(), OutputStream::Stdout);
    QCOMPARE(lines.size(), 1);
    const QRegularExpressionMatch match = pattern.match(lines.first());
    QVERIFY2(match.hasMatch(), qPrintable(lines.first()));
    QCOMPARE(match.captured(1).toLongLong(), process.pid());
    const pid_t grandchild = pid_t(match.captured(2).toLongLong());
    const TestSupport::ProcessIdentity grandchildIdentity = TestSupport::identify(grandchild);
    QCOMPARE(grandchildIdentity.pid, qint64(grandchild)); // alive
    QCOMPARE(::getpgid(grandchild), pid_t(process.pid()));

    QVERIFY(useTerminate ? process.terminate().ok : process.kill().ok);
    QVERIFY(finished.wait(5000));
    QCOMPARE(process.exitCode(), exitCode);
    QTRY_VERIFY_WITH_TIMEOUT(processGone(grandchildIdentity), 5000);
}

void tst_ManagedProcess::captureBothStreams()
{
    ManagedProcess process(1, childSpec({u"lines"_s, u"3"_s, u"both"_s}));
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QVERIFY(finished.wait(5000));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(logLines(process.output(), OutputStream::Stdout), (QStringList{u"out 1"_s, u"out 2"_s, u"out 3"_s}));
    QCOMPARE(logLines(process.output(), OutputStream::Stderr), (QStringList{u"err 1"_s, u"err 2"_s, u"err 3"_s}));
    QCOMPARE(process.output()->bytesReceived(OutputStream::Stdout), 18);
    QCOMPARE(process.output()->bytesReceived(OutputStream::Stderr), 18);
}

void tst_ManagedProcess::captureFlood()
{
    // 8 MiB as fast as the child can write: nothing lost, nothing duplicated, split into lines.
    const qint64 bytes = 8 * 1024 * 1024;
    ManagedProcess process(1, childSpec({u"flood"_s, QString::number(bytes), u"80"_s}));
    process.output()->setLimits(1000000, 64 * 1024 * 1024);
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QVERIFY(finished.wait(60000));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(process.output()->bytesReceived(OutputStream::Stdout), bytes);
    const QStringList lines = logLines(process.output(), OutputStream::Stdout);
    QCOMPARE(lines.size(), (bytes + 79) / 80);
    QCOMPARE(lines.first().size(), 79);
    QCOMPARE(lines.first(), lines.at(lines.size() / 2));
}

void tst_ManagedProcess::customStopSignal()
{
    ProcessSpec spec = childSpec({u"sleep"_s, u"30000"_s});
    spec.stopSignal = SIGINT;
    ManagedProcess process(1, spec);
    QSignalSpy started(&process, &ManagedProcess::started);
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QVERIFY(started.wait(5000));

    // A stopped child still acts on the stop signal: terminate() sends SIGCONT with it.
    QVERIFY(process.sendSignal(SIGSTOP).ok);
    QVERIFY(process.terminate().ok);
    QVERIFY(process.terminate().ok); // a second terminate changes nothing
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(process.exitCode(), -2);
    QVERIFY(logContains(process.output(), u"terminate: SIGINT to the process tree of PID"_s, OutputStream::Message));
    QVERIFY(logContains(process.output(), u"terminated by SIGINT, exit -2"_s, OutputStream::Message));
}

void tst_ManagedProcess::stdinWriteAndClose()
{
    ManagedProcess process(1, childSpec({u"cat"_s}));
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QVERIFY(process.writeInput("hello\n").ok);
    QVERIFY(process.writeInput("second line\n").ok);
    QTRY_VERIFY_WITH_TIMEOUT(logContains(process.output(), u"second line"_s, OutputStream::Stdout), 5000);
    QCOMPARE(finished.count(), 0); // cat waits for more until stdin closes
    QVERIFY(process.closeInput().ok);
    QVERIFY(finished.wait(5000));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(logLines(process.output(), OutputStream::Stdout), (QStringList{u"hello"_s, u"second line"_s}));
    QVERIFY(!process.writeInput("late\n").ok);
}

void tst_ManagedProcess::doubleStartRefused()
{
    ManagedProcess process(1, childSpec({u"sleep"_s, u"30000"_s}, u"sleeper"_s));
    QSignalSpy started(&process, &ManagedProcess::started);
    QVERIFY(process.start().ok);
    const ManagedProcess::Result second = process.start();
    QVERIFY(!second.ok);
    QVERIFY2(second.error.contains(u"already running"_s), qPrintable(second.error));
    QVERIFY(started.wait(5000));
    const ManagedProcess::Result third = process.start();
    QVERIFY(!third.ok);
    QVERIFY2(third.error.contains(u"PID %1"_s.arg(process.pid())), qPrintable(third.error));
    QCOMPARE(process.runCount(), 1);
    QCOMPARE(started.count(), 1);
}

void tst_ManagedProcess::restartKeepsRuns()
{
    ManagedProcess process(1, childSpec({u"echo"_s, u"hi"_s}));
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QVERIFY(finished.wait(5000));
    const qint64 firstPid = process.pid();
    QVERIFY(process.start().ok);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 2);
    QCOMPARE(process.runCount(), 2);
    QVERIFY(process.pid() != firstPid);

    QList<int> runs;
    for (qint64 i = process.output()->firstLineNumber(); i < process.output()->endLineNumber(); ++i) {
        const OutputLine &line = process.output()->line(i);
        if (line.stream == OutputStream::Stdout)
            runs << line.run;
    }
    QCOMPARE(runs, (QList<int>{1, 2}));
}

void tst_ManagedProcess::signalsRefusedWhenNotRunning()
{
    ManagedProcess process(1, childSpec({u"exit"_s, u"0"_s}));
    QVERIFY(!process.terminate().ok);
    QVERIFY(!process.kill().ok);
    QVERIFY(!process.sendSignal(SIGUSR1).ok);
    QVERIFY(!process.writeInput("x").ok);
    QVERIFY(!process.closeInput().ok);
}

void tst_ManagedProcess::environmentAndWorkingDirectory()
{
    qputenv("PD_TEST_REMOVED", "present");
    ProcessSpec spec = childSpec({u"env"_s, u"PD_TEST_SET"_s, u"then"_s, u"env"_s, u"PD_TEST_REMOVED"_s,
                                  u"then"_s, u"pwd"_s});
    spec.environment = {{u"PD_TEST_SET"_s, u"12 x"_s}, {u"PD_TEST_REMOVED"_s, std::nullopt}};
    QVERIFY(QDir(m_dir.path()).mkpath(u"work"_s));
    spec.workingDirectory = u"work"_s; // relative to the base directory
    ManagedProcess process(1, spec);
    process.setBaseDirectory(m_dir.path());
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QVERIFY(finished.wait(5000));
    qunsetenv("PD_TEST_REMOVED");
    QCOMPARE(process.exitCode(), 0);
    const QString workDir = QFileInfo(m_dir.path() + u"/work"_s).canonicalFilePath();
    QCOMPARE(logLines(process.output(), OutputStream::Stdout), (QStringList{u"12 x"_s, u"(unset)"_s, workDir}));
}

void tst_ManagedProcess::argumentFidelity()
{
    const QStringList args{u"plain"_s, u"two words"_s, u"'quotes' \"double\""_s, u"$HOME"_s, u"*"_s,
                           u"ünïcödé"_s, u"back\\slash"_s, u"semi;colon | pipe"_s};
    ManagedProcess process(1, childSpec(QStringList{u"args"_s} + args));
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QVERIFY(finished.wait(5000));
    QCOMPARE(logLines(process.output(), OutputStream::Stdout), args);
}

void tst_ManagedProcess::childGetsOwnGroupAndCleanSignals()
{
    // Give the parent a dirty signal state; the child must not inherit it.
    sigset_t block, previousMask;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    QCOMPARE(::pthread_sigmask(SIG_BLOCK, &block, &previousMask), 0);
    struct sigaction ignore{}, previousInt{};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    QCOMPARE(::sigaction(SIGINT, &ignore, &previousInt), 0);

    // A descriptor left inheritable by mistake reaches the reaper; the program must not get it.
    const int stray = ::open("/dev/null", O_RDONLY);
    QVERIFY(stray > 2);

    ManagedProcess process(1, childSpec({u"pgid"_s, u"then"_s, u"sigmask"_s, u"then"_s, u"fds"_s,
                                         u"then"_s, u"pdeathsig"_s}));
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QVERIFY(finished.wait(5000));
    ::sigaction(SIGINT, &previousInt, nullptr);
    ::pthread_sigmask(SIG_SETMASK, &previousMask, nullptr);
    ::close(stray);

    QCOMPARE(logLines(process.output(), OutputStream::Stdout),
             (QStringList{u"pid %1 pgid %1"_s.arg(process.pid()), u"blocked 0 ignored 0"_s,
                          u"fds 0 1 2"_s, u"pdeathsig %1"_s.arg(SIGKILL)}));
}

void tst_ManagedProcess::destroyWithLiveChild()
{
    auto process = std::make_unique<ManagedProcess>(1, childSpec({u"tree"_s, u"30000"_s}));
    QSignalSpy started(process.get(), &ManagedProcess::started);
    QVERIFY(process->start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(logContains(process->output(), u"grandchild"_s, OutputStream::Stdout), 5000);
    static const QRegularExpression pattern(u"grandchild (\\d+)$"_s);
    const pid_t grandchild = pid_t(pattern.match(logLines(process->output(), OutputStream::Stdout).first())
                                       .captured(1).toLongLong());
    QVERIFY(grandchild > 0);
    const TestSupport::ProcessIdentity grandchildIdentity = TestSupport::identify(grandchild);
    QCOMPARE(grandchildIdentity.pid, qint64(grandchild)); // alive
    const TestSupport::ProcessIdentity child = TestSupport::identify(process->pid());
    QVERIFY(child.pid > 0);

    process.reset();
    // Reaped by the destructor: the PID is gone at once, not a zombie.
    QVERIFY(TestSupport::isGone(child));
    QTRY_VERIFY_WITH_TIMEOUT(processGone(grandchildIdentity), 5000);
    QCOMPARE(TestSupport::destroyedWhileRunningWarnings(), 0);
}

// The parent of a ManagedProcess child dies without any clean-up (SIGKILL): PR_SET_PDEATHSIG
// must take the child with it. The parent is this test program itself, run in a helper mode.
void tst_ManagedProcess::childDiesWithParent()
{
    QProcess helper;
    helper.setProgram(QCoreApplication::applicationFilePath());
    helper.setArguments({u"--pdeathsig-helper"_s});
    helper.start();
    QVERIFY(helper.waitForStarted(5000));
    QVERIFY(helper.waitForFinished(10000));
    QCOMPARE(helper.exitStatus(), QProcess::CrashExit);
    QCOMPARE(helper.exitCode(), int(SIGKILL));
    const QByteArray pidText = helper.readAllStandardOutput().trimmed();
    const pid_t child = pid_t(pidText.toLongLong());
    QVERIFY2(child > 0, pidText.constData());
    // The program is its reaper's child: the reaper saw the helper die (its lifeline closed) and
    // killed and reaped it, possibly before this line. Either it is gone already (no identity:
    // its PID is free or held by a newer process with another start time) or it goes within 5 s.
    const TestSupport::ProcessIdentity identity = TestSupport::identify(child);
    if (identity.pid == qint64(child))
        QTRY_VERIFY_WITH_TIMEOUT(processGone(identity), 5000);
}

// Helper mode for childDiesWithParent(): start a long sleeper, print its PID, die by SIGKILL.
static int pdeathsigHelper(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    ManagedProcess process(1, childSpec({u"sleep"_s, u"30000"_s}));
    QObject::connect(&process, &ManagedProcess::started, &app, [](qint64 pid) {
        const QByteArray line = QByteArray::number(pid) + '\n';
        if (::write(STDOUT_FILENO, line.constData(), size_t(line.size())) < 0)
            ::_exit(3);
        ::raise(SIGKILL);
    });
    QTimer::singleShot(5000, &app, [] { ::_exit(4); });
    if (!process.start().ok)
        return 2;
    return app.exec();
}

// The named state questions (see the table in managedprocess.h), for every state, each reached
// for real. A new state gets a row here.
void tst_ManagedProcess::stateQueries_data()
{
    using S = ManagedProcess::State;
    QTest::addColumn<S>("state");
    // isAlive canStart canTerminate canKill canPause canResume | canTakeInput isSettled
    // hasPendingWork hasEndedRun isFinished
    QTest::addColumn<QString>("answers");
    QTest::newRow("NotStarted") << S::NotStarted << u"-s----|-S---"_s;
    QTest::newRow("Starting") << S::Starting << u"a-tk--|i-p--"_s;
    QTest::newRow("Running") << S::Running << u"a-tkP-|i-p--"_s;
    QTest::newRow("Paused") << S::Paused << u"a-tk-R|i-p--"_s;
    QTest::newRow("Stopping") << S::Stopping << u"a--k--|i-p--"_s;
    QTest::newRow("Exited") << S::Exited << u"-s----|-S-ef"_s;
    QTest::newRow("Killed") << S::Killed << u"-s----|-S-ef"_s;
    QTest::newRow("FailedToStart") << S::FailedToStart << u"-s----|-S-ef"_s;
    QTest::newRow("Waiting") << S::Waiting << u"-stk--|--pe-"_s;
}

void tst_ManagedProcess::stateQueries()
{
    using S = ManagedProcess::State;
    QFETCH(S, state);
    QFETCH(QString, answers);

    ProcessSpec spec = childSpec({u"ignore-term"_s, u"30000"_s});
    if (state == S::Exited)
        spec = childSpec({u"exit"_s, u"0"_s});
    else if (state == S::Killed)
        spec = childSpec({u"signal"_s, u"9"_s});
    else if (state == S::FailedToStart)
        spec.program = u"/nonexistent/procdeck-program"_s;
    else if (state == S::Waiting)
        spec = childSpec({u"exit"_s, u"1"_s});
    if (state == S::Waiting)
        spec.restart = RestartPolicy::Always;
    spec.stopTimeoutMs = 30000;
    ManagedProcess process(1, spec);
    process.setRestartTiming({60000, 60000, 60000, 10});
    if (state != S::NotStarted)
        QVERIFY(process.start().ok);
    if (state == S::Running || state == S::Paused || state == S::Stopping)
        QTRY_COMPARE_WITH_TIMEOUT(process.state(), S::Running, 10000);
    if (state == S::Paused)
        QVERIFY(process.pause().ok);
    if (state == S::Stopping)
        QVERIFY(process.terminate().ok);
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), state, 10000);

    const auto mark = [](bool yes, char16_t letter) { return yes ? QChar(letter) : QChar(u'-'); };
    QString actual;
    actual += mark(process.isAlive(), u'a');
    actual += mark(process.canStart(), u's');
    actual += mark(process.canTerminate(), u't');
    actual += mark(process.canKill(), u'k');
    actual += mark(process.canPause(), u'P');
    actual += mark(process.canResume(), u'R');
    actual += u'|';
    actual += mark(process.canTakeInput(), u'i');
    actual += mark(process.isSettled(), u'S');
    actual += mark(process.hasPendingWork(), u'p');
    actual += mark(process.hasEndedRun(), u'e');
    actual += mark(process.isFinished(), u'f');
    QCOMPARE(actual, answers);
    QCOMPARE(process.hasPendingWork(), !process.isSettled());

    if (process.isAlive()) {
        QSignalSpy finished(&process, &ManagedProcess::finished);
        QVERIFY(process.kill().ok);
        QVERIFY(finished.wait(10000));
    }
}


int main(int argc, char *argv[])
{
    if (argc > 1 && qstrcmp(argv[1], "--pdeathsig-helper") == 0)
        return pdeathsigHelper(argc, argv);
    QCoreApplication app(argc, argv);
    tst_ManagedProcess test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_managedprocess.moc"
