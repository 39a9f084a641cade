// Supervision in ManagedProcess: restart policies and their backoff, giving up, the user's stop
// never restarting, restart(), pause/resume, signals to the whole group, unexpected ends.

#include "joinoperation.h"
#include "managedprocess.h"
#include "outputlog.h"
#include "processmanager.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <csignal>

#include <sys/prctl.h>

using namespace Qt::StringLiterals;

namespace {

using TestSupport::letTimePass;
using State = ManagedProcess::State;

ProcessSpec childSpec(const QStringList &args, RestartPolicy policy = RestartPolicy::Never)
{
    ProcessSpec spec;
    spec.name = u"child"_s;
    spec.program = TestSupport::childPath();
    spec.args = args;
    spec.restart = policy;
    return spec;
}

// Short delays so that the tests run in seconds; the shape (doubling, cap, limit) is the same.
ManagedProcess::RestartTiming fastTiming(int firstMs, int maxMs, int maxRestarts = 10, int stableMs = 30000)
{
    ManagedProcess::RestartTiming timing;
    timing.firstDelayMs = firstMs;
    timing.maxDelayMs = maxMs;
    timing.maxRestarts = maxRestarts;
    timing.stableUptimeMs = stableMs;
    return timing;
}

QStringList stdoutLines(const OutputLog *log)
{
    QStringList lines;
    for (qint64 i = log->firstLineNumber(); i < log->endLineNumber(); ++i) {
        const OutputLine &line = log->line(i);
        if (line.stream == OutputStream::Stdout)
            lines << line.text;
    }
    return lines;
}

bool logContains(const OutputLog *log, const QString &text)
{
    for (qint64 i = log->firstLineNumber(); i < log->endLineNumber(); ++i) {
        if (log->line(i).text.contains(text))
            return true;
    }
    return false;
}

// The state letter of /proc/PID/stat ('T' for stopped), or '?' when unreadable.
char procState(qint64 pid)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return '?';
    const QByteArray text = file.readAll();
    const qsizetype paren = text.lastIndexOf(')');
    return paren >= 0 && paren + 2 < text.size() ? text.at(paren + 2) : '?';
}

} // namespace

class tst_Supervision final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void policies_data();
    void policies();
    void backoffDoublesAndGivesUp();
    void backoffDelaysMeasured();
    void stableRunResetsBackoff();
    void userStopNeverRestarts_data();
    void userStopNeverRestarts();
    void stopCancelsPendingRestart_data();
    void stopCancelsPendingRestart();
    void startWhileWaitingStartsAtOnce();
    void managerCancelsPendingRestarts();
    void restartVerb();
    void restartVerbCancelledByKill();
    void pauseStopsProgress();
    void signalsReachWholeGroup();
    void policySetToNeverCancelsPendingRestart();
    void joinOnWaitingEntryReportsLastRun();
};

void tst_Supervision::initTestCase()
{
    TestSupport::installProcessWarningGuard();
    QVERIFY(QFile::exists(TestSupport::childPath()));
    // Orphaned grandchildren become our children and are reaped with the test.
    QCOMPARE(::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), 0);
}

void tst_Supervision::cleanup()
{
    PD_VERIFY_NO_DESTROYED_WARNING();
}

void tst_Supervision::policies_data()
{
    QTest::addColumn<RestartPolicy>("policy");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("signal");         // sent by ProcDeck after the start; 0: none
    QTest::addColumn<State>("endState");
    QTest::addColumn<bool>("unexpected");
    QTest::addColumn<bool>("restarts");

    const QStringList exit0{u"exit"_s, u"0"_s};
    const QStringList exit3{u"exit"_s, u"3"_s};
    const QStringList crash{u"crash"_s};
    const QStringList sleeper{u"sleep"_s, u"30000"_s};
    const QStringList missing{u"--missing--"_s};
    QTest::newRow("never, exit 3") << RestartPolicy::Never << exit3 << 0 << State::Exited << true << false;
    QTest::newRow("on-failure, exit 0") << RestartPolicy::OnFailure << exit0 << 0 << State::Exited << false << false;
    QTest::newRow("on-failure, exit 3") << RestartPolicy::OnFailure << exit3 << 0 << State::Exited << true << true;
    QTest::newRow("on-failure, SIGSEGV") << RestartPolicy::OnFailure << crash << 0 << State::Killed << true << true;
    QTest::newRow("on-failure, failed start") << RestartPolicy::OnFailure << missing << 0 << State::FailedToStart << true << true;
    // A signal ProcDeck sent (the Signal menu) is not a failure; `always` restarts anyway.
    QTest::newRow("on-failure, SIGUSR1 by ProcDeck") << RestartPolicy::OnFailure << sleeper << int(SIGUSR1) << State::Killed << false << false;
    QTest::newRow("always, SIGUSR1 by ProcDeck") << RestartPolicy::Always << sleeper << int(SIGUSR1) << State::Killed << false << true;
    QTest::newRow("always, exit 0") << RestartPolicy::Always << exit0 << 0 << State::Exited << false << true;
}

void tst_Supervision::policies()
{
    QFETCH(RestartPolicy, policy);
    QFETCH(QStringList, args);
    QFETCH(int, signal);
    QFETCH(State, endState);
    QFETCH(bool, unexpected);
    QFETCH(bool, restarts);

    ProcessSpec spec = childSpec(args, policy);
    if (args.first() == u"--missing--"_s) {
        spec.program = u"/nonexistent/procdeck-test-program"_s;
        spec.args.clear();
    }
    ManagedProcess process(1, spec);
    process.setRestartTiming(fastTiming(50, 1000));
    QSignalSpy started(&process, &ManagedProcess::started);
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QSignalSpy unexpectedEnd(&process, &ManagedProcess::unexpectedEnd);

    // The state as `finished` arrives: already Waiting when a restart is scheduled.
    QList<State> statesAtFinish;
    connect(&process, &ManagedProcess::finished, this, [&] { statesAtFinish << process.state(); });

    QVERIFY(process.start().ok);
    if (signal != 0) {
        QVERIFY(started.wait(5000));
        QVERIFY(process.sendSignal(signal).ok);
    }
    QVERIFY(finished.wait(5000));
    QCOMPARE(process.lastRunEnd(), endState);
    QCOMPARE(process.endedUnexpectedly(), unexpected);
    QCOMPARE(unexpectedEnd.count(), unexpected ? 1 : 0);
    QCOMPARE(statesAtFinish.first(), restarts ? State::Waiting : endState);

    if (restarts) {
        QCOMPARE(process.state(), State::Waiting);
        QVERIFY(!process.isAlive());
        QVERIFY(!process.isFinished());
        const qint64 remaining = process.nextRestartRemainingMs();
        QVERIFY2(remaining >= 0 && remaining <= 50, qPrintable(QString::number(remaining)));
        // The second run comes by itself.
        QTRY_COMPARE_WITH_TIMEOUT(process.runCount(), 2, 5000);
        QCOMPARE(process.restartCount(), 1);
        QCOMPARE(process.restartsInRow(), 1);
        // Whatever the second run is doing (live, Waiting, a failed start being reported), the
        // user's terminate ends it for good.
        process.terminate();
        QTRY_VERIFY_WITH_TIMEOUT(process.isFinished(), 5000);
    } else {
        QCOMPARE(process.state(), endState);
        QCOMPARE(process.nextRestartRemainingMs(), -1);
        letTimePass(200);
        QCOMPARE(process.runCount(), 1);
        QCOMPARE(process.restartCount(), 0);
        QCOMPARE(process.state(), endState);
    }
    QVERIFY(!process.gaveUp());
}

void tst_Supervision::backoffDoublesAndGivesUp()
{
    // The schedule as the policy sets it, read right at each `finished`: 10, 20, 40, then the
    // cap of 80 ms; after the 10th restart in a row it gives up.
    ManagedProcess process(1, childSpec({u"exit"_s, u"1"_s}, RestartPolicy::OnFailure));
    process.setRestartTiming(fastTiming(10, 80));
    QList<qint64> scheduled;
    connect(&process, &ManagedProcess::finished, this, [&] { scheduled << process.nextRestartRemainingMs(); });
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QSignalSpy unexpectedEnd(&process, &ManagedProcess::unexpectedEnd);

    QVERIFY(process.start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(process.gaveUp(), 20000);
    QCOMPARE(finished.count(), 11);  // the user's start and 10 restarts
    QCOMPARE(unexpectedEnd.count(), 11);
    QCOMPARE(process.runCount(), 11);
    QCOMPARE(process.restartCount(), 10);
    QCOMPARE(process.restartsInRow(), 10);
    QCOMPARE(process.state(), State::Exited);
    QCOMPARE(process.lastRunEnd(), State::Exited);
    QCOMPARE(process.exitCode(), 1);
    QCOMPARE(process.nextRestartRemainingMs(), -1);
    QVERIFY(logContains(process.output(), u"gave up after 10 restarts"_s));

    const QList<qint64> expected{10, 20, 40, 80, 80, 80, 80, 80, 80, 80, -1};
    QCOMPARE(scheduled.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        // QDeadlineTimer rounds down to whole ms; a loaded machine may take a few ms to report.
        const bool ok = expected.at(i) < 0 ? scheduled.at(i) == -1
                                           : scheduled.at(i) <= expected.at(i) && scheduled.at(i) >= expected.at(i) / 2;
        QVERIFY2(ok, qPrintable(u"restart %1: scheduled in %2 ms, expected %3"_s.arg(i + 1).arg(scheduled.at(i)).arg(expected.at(i))));
    }

    // Nothing more comes by itself.
    letTimePass(300);
    QCOMPARE(process.runCount(), 11);

    // The user's start begins a fresh count.
    QVERIFY(process.start().ok);
    QVERIFY(!process.gaveUp());
    QCOMPARE(process.restartsInRow(), 0);
    QVERIFY(finished.wait(5000));
    QCOMPARE(process.state(), State::Waiting);
    QVERIFY(process.kill().ok); // cancels it
    QCOMPARE(process.state(), State::Exited);
}

void tst_Supervision::backoffDelaysMeasured()
{
    // The gaps between the end of a run and the start of the next, measured: each at least its
    // delay (a precise timer never fires early), and each gap at least 1.5× the one before.
    ManagedProcess process(1, childSpec({u"exit"_s, u"1"_s}, RestartPolicy::OnFailure));
    process.setRestartTiming(fastTiming(200, 30000, 3));
    QElapsedTimer clock;
    clock.start();
    qint64 lastEnd = -1;
    QList<qint64> gaps;
    connect(&process, &ManagedProcess::finished, this, [&] { lastEnd = clock.elapsed(); });
    connect(&process, &ManagedProcess::stateChanged, this, [&] {
        if (process.state() == State::Starting && lastEnd >= 0) {
            gaps << clock.elapsed() - lastEnd;
            lastEnd = -1;
        }
    });

    QVERIFY(process.start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(process.gaveUp(), 20000);
    QCOMPARE(process.runCount(), 4);
    QCOMPARE(gaps.size(), 3);
    qInfo() << "gaps between runs (ms):" << gaps;
    QVERIFY2(gaps.at(0) >= 195, qPrintable(QString::number(gaps.at(0))));
    QVERIFY2(gaps.at(1) >= 395, qPrintable(QString::number(gaps.at(1))));
    QVERIFY2(gaps.at(2) >= 795, qPrintable(QString::number(gaps.at(2))));
    QVERIFY2(gaps.at(1) * 2 >= gaps.at(0) * 3, "second gap under 1.5 × the first");
    QVERIFY2(gaps.at(2) * 2 >= gaps.at(1) * 3, "third gap under 1.5 × the second");
}

void tst_Supervision::stableRunResetsBackoff()
{
    // Runs of 1.2 s with a 1 s stability threshold: every restart is again the first in a row
    // (delay 100 ms, never 200).
    ManagedProcess process(1, childSpec({u"sleep"_s, u"1200"_s, u"then"_s, u"exit"_s, u"1"_s}, RestartPolicy::OnFailure));
    process.setRestartTiming(fastTiming(100, 30000, 10, 1000));
    QList<qint64> scheduled;
    QList<int> inRow;
    connect(&process, &ManagedProcess::finished, this, [&] {
        scheduled << process.nextRestartRemainingMs();
        inRow << process.restartsInRow();
    });
    QVERIFY(process.start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(scheduled.size() >= 2, 15000);
    QVERIFY(process.kill().ok);
    QTRY_VERIFY_WITH_TIMEOUT(process.isFinished(), 5000);
    QCOMPARE(inRow.mid(0, 2), (QList<int>{0, 0}));
    for (qint64 delay : std::as_const(scheduled))
        QVERIFY2(delay >= 0 && delay <= 100, qPrintable(QString::number(delay)));
    QVERIFY(process.restartCount() >= 1);
}

void tst_Supervision::userStopNeverRestarts_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("terminate") << u"terminate"_s;
    QTest::newRow("kill") << u"kill"_s;
    QTest::newRow("stop signal") << u"stop signal"_s;
    QTest::newRow("SIGKILL") << u"SIGKILL"_s;
    QTest::newRow("terminate while starting") << u"early"_s;
}

void tst_Supervision::userStopNeverRestarts()
{
    QFETCH(QString, how);
    ProcessSpec spec = childSpec({u"sleep"_s, u"30000"_s}, RestartPolicy::Always);
    spec.stopSignal = SIGINT;
    ManagedProcess process(1, spec);
    process.setRestartTiming(fastTiming(10, 10));
    QSignalSpy started(&process, &ManagedProcess::started);
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QSignalSpy unexpectedEnd(&process, &ManagedProcess::unexpectedEnd);
    QVERIFY(process.start().ok);
    if (how != u"early"_s)
        QVERIFY(started.wait(5000));

    if (how == u"terminate"_s || how == u"early"_s)
        QVERIFY(process.terminate().ok);
    else if (how == u"kill"_s)
        QVERIFY(process.kill().ok);
    else if (how == u"stop signal"_s)
        QVERIFY(process.sendSignal(SIGINT).ok);
    else
        QVERIFY(process.sendSignal(SIGKILL).ok);

    QVERIFY(finished.wait(5000));
    QCOMPARE(process.state(), State::Killed);
    QVERIFY(!process.endedUnexpectedly());
    QCOMPARE(unexpectedEnd.count(), 0);
    letTimePass(200);
    QCOMPARE(process.runCount(), 1);
    QCOMPARE(process.restartCount(), 0);
    QCOMPARE(process.state(), State::Killed);
}

void tst_Supervision::stopCancelsPendingRestart_data()
{
    QTest::addColumn<bool>("useKill");
    QTest::newRow("terminate") << false;
    QTest::newRow("kill") << true;
}

void tst_Supervision::stopCancelsPendingRestart()
{
    QFETCH(bool, useKill);
    ManagedProcess process(1, childSpec({u"exit"_s, u"4"_s}, RestartPolicy::Always));
    process.setRestartTiming(fastTiming(300, 300));
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QSignalSpy stateChanged(&process, &ManagedProcess::stateChanged);
    QVERIFY(process.start().ok);
    QVERIFY(finished.wait(5000));
    QCOMPARE(process.state(), State::Waiting);
    QVERIFY(process.nextRestartRemainingMs() > 0);

    stateChanged.clear();
    QVERIFY(useKill ? process.kill().ok : process.terminate().ok);
    QCOMPARE(process.state(), State::Exited); // as the run ended
    QCOMPARE(process.exitCode(), 4);
    QCOMPARE(process.nextRestartRemainingMs(), -1);
    QCOMPARE(stateChanged.count(), 1);
    QVERIFY(logContains(process.output(), u"pending restart cancelled"_s));
    QCOMPARE(finished.count(), 1); // no extra end: the run had already ended

    letTimePass(600);
    QCOMPARE(process.runCount(), 1);
    QCOMPARE(process.state(), State::Exited);
    // Nothing left to stop now.
    QVERIFY(!process.terminate().ok);
}

void tst_Supervision::startWhileWaitingStartsAtOnce()
{
    ManagedProcess process(1, childSpec({u"exit"_s, u"1"_s}, RestartPolicy::OnFailure));
    process.setRestartTiming(fastTiming(10, 60000));
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    // Let the policy restart a few times, until a long delay is pending.
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == State::Waiting && process.nextRestartRemainingMs() > 1000, 10000);
    const int runs = process.runCount();
    QVERIFY(process.restartsInRow() > 0);

    QVERIFY(process.start().ok);
    QCOMPARE(process.runCount(), runs + 1);
    QCOMPARE(process.restartsInRow(), 0);
    QVERIFY(process.isAlive());
    // The fresh count: the next delay is the first again.
    QVERIFY(finished.wait(5000));
    QCOMPARE(process.state(), State::Waiting);
    QVERIFY(process.nextRestartRemainingMs() <= 10);
    QVERIFY(process.kill().ok);
}

void tst_Supervision::managerCancelsPendingRestarts()
{
    ProcessManager manager;
    manager.setRestartTiming(fastTiming(300, 300));
    ManagedProcess *waiting = manager.add(childSpec({u"exit"_s, u"1"_s}, RestartPolicy::Always));
    ManagedProcess *removed = manager.add(childSpec({u"exit"_s, u"1"_s}, RestartPolicy::Always));
    ManagedProcess *running = manager.add(childSpec({u"sleep"_s, u"30000"_s}, RestartPolicy::Always));
    QCOMPARE(waiting->restartTiming().firstDelayMs, 300);
    QVERIFY(waiting->start().ok);
    QVERIFY(removed->start().ok);
    QVERIFY(running->start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(waiting->state() == State::Waiting && removed->state() == State::Waiting, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(running->state(), State::Running, 5000);

    // A removed entry does not come back to life before its deferred delete.
    QSignalSpy removedStarted(removed, &ManagedProcess::started);
    manager.remove(removed);
    QCOMPARE(removed->state(), State::Exited);

    QSignalSpy allStopped(&manager, &ProcessManager::allStopped);
    manager.terminateAll();
    QCOMPARE(waiting->state(), State::Exited);
    QVERIFY(allStopped.wait(5000));
    QCOMPARE(running->state(), State::Killed);
    letTimePass(600);
    QCOMPARE(waiting->runCount(), 1);
    QCOMPARE(running->runCount(), 1);
    QCOMPARE(removedStarted.count(), 0);
}

void tst_Supervision::restartVerb()
{
    ManagedProcess process(1, childSpec({u"sleep"_s, u"30000"_s}));
    QSignalSpy started(&process, &ManagedProcess::started);
    QSignalSpy finished(&process, &ManagedProcess::finished);

    // Not alive: a plain start.
    QVERIFY(process.restart().ok);
    QVERIFY(started.wait(5000));
    const qint64 firstPid = process.pid();

    // Alive: terminate, then start again as soon as the run ends.
    QVERIFY(process.restart().ok);
    QCOMPARE(process.state(), State::Stopping);
    QVERIFY(process.restart().ok); // asking again changes nothing
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(process.lastRunEnd(), State::Killed);
    QCOMPARE(process.exitCode(), -15);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), State::Running, 5000);
    QVERIFY(process.pid() != firstPid);
    QCOMPARE(process.runCount(), 2);
    QCOMPARE(process.restartCount(), 0); // the user's, not the policy's
    QVERIFY(!process.endedUnexpectedly());

    QVERIFY(process.kill().ok);
    QVERIFY(finished.wait(5000));
    letTimePass(100);
    QCOMPARE(process.runCount(), 2);
}

void tst_Supervision::restartVerbCancelledByKill()
{
    ProcessSpec spec = childSpec({u"ignore-term"_s, u"30000"_s});
    spec.stopTimeoutMs = 60000;
    ManagedProcess process(1, spec);
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(stdoutLines(process.output()).contains(u"ready"_s), 5000);
    QVERIFY(process.restart().ok);
    QCOMPARE(process.state(), State::Stopping);
    // Kill before the run ended: the user wants it stopped, not restarted.
    QVERIFY(process.kill().ok);
    QVERIFY(finished.wait(5000));
    QCOMPARE(process.state(), State::Killed);
    letTimePass(200);
    QCOMPARE(process.runCount(), 1);
}

void tst_Supervision::pauseStopsProgress()
{
    ManagedProcess process(1, childSpec({u"tick"_s, u"50"_s}));
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(stdoutLines(process.output()).size() >= 3, 5000);

    QVERIFY(process.pause().ok);
    QCOMPARE(process.state(), State::Paused);
    QVERIFY(process.isAlive());
    QTRY_COMPARE_WITH_TIMEOUT(procState(process.pid()), 'T', 5000);
    // A tick written just before the stop may still be on its way through the pipe.
    letTimePass(100);
    const qsizetype paused = stdoutLines(process.output()).size();
    letTimePass(300);
    QCOMPARE(stdoutLines(process.output()).size(), paused); // six ticks' time, none came

    QVERIFY(process.resume().ok);
    QCOMPARE(process.state(), State::Running);
    QTRY_VERIFY_WITH_TIMEOUT(stdoutLines(process.output()).size() > paused, 5000);

    // Paused again, terminate still ends it (it sends SIGCONT with the stop signal).
    QVERIFY(process.sendSignal(SIGSTOP).ok);
    QCOMPARE(process.state(), State::Paused);
    QVERIFY(process.terminate().ok);
    QCOMPARE(process.state(), State::Stopping);
    QVERIFY(finished.wait(5000));
    QCOMPARE(process.exitCode(), -15);
    QVERIFY(!process.pause().ok);
    QVERIFY(!process.resume().ok);
}

void tst_Supervision::signalsReachWholeGroup()
{
    ManagedProcess process(1, childSpec({u"usr1-tree"_s, u"30000"_s}));
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(!stdoutLines(process.output()).isEmpty(), 5000);
    static const QRegularExpression pattern(u"^ready child (\\d+) grandchild (\\d+)$"_s);
    const QRegularExpressionMatch match = pattern.match(stdoutLines(process.output()).first());
    QVERIFY2(match.hasMatch(), qPrintable(stdoutLines(process.output()).first()));
    const qint64 child = match.captured(1).toLongLong();
    const qint64 grandchild = match.captured(2).toLongLong();
    QCOMPARE(child, process.pid());

    QVERIFY(process.sendSignal(SIGUSR1).ok);
    QTRY_VERIFY_WITH_TIMEOUT(stdoutLines(process.output()).contains(u"SIGUSR1 in child %1"_s.arg(child)), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(stdoutLines(process.output()).contains(u"SIGUSR1 in grandchild %1"_s.arg(grandchild)), 5000);
    QCOMPARE(process.state(), State::Running);

    // Pause and resume reach the grandchild too.
    QVERIFY(process.pause().ok);
    QTRY_COMPARE_WITH_TIMEOUT(procState(child), 'T', 5000);
    QTRY_COMPARE_WITH_TIMEOUT(procState(grandchild), 'T', 5000);
    QVERIFY(process.resume().ok);
    QTRY_VERIFY_WITH_TIMEOUT(procState(child) != 'T', 5000);
    QTRY_VERIFY_WITH_TIMEOUT(procState(grandchild) != 'T', 5000);

    QVERIFY(process.terminate().ok);
    QVERIFY(finished.wait(5000));
    QVERIFY(!process.endedUnexpectedly());
}

void tst_Supervision::policySetToNeverCancelsPendingRestart()
{
    ManagedProcess process(1, childSpec({u"exit"_s, u"2"_s}, RestartPolicy::OnFailure));
    process.setRestartTiming(fastTiming(300, 300));
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QVERIFY(finished.wait(5000));
    QCOMPARE(process.state(), State::Waiting);

    ProcessSpec spec = process.spec();
    spec.restart = RestartPolicy::Never;
    process.setSpec(spec);
    QCOMPARE(process.state(), State::Exited);
    letTimePass(600);
    QCOMPARE(process.runCount(), 1);
}

void tst_Supervision::joinOnWaitingEntryReportsLastRun()
{
    // join() on an entry waiting for its restart returns at once with the ended run's code, as
    // Python's join() returns once the process has terminated.
    ManagedProcess process(1, childSpec({u"exit"_s, u"5"_s}, RestartPolicy::Always));
    process.setRestartTiming(fastTiming(60000, 60000));
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QVERIFY(finished.wait(5000));
    QCOMPARE(process.state(), State::Waiting);

    JoinOperation join({&process}, 5000);
    QSignalSpy done(&join, &JoinOperation::done);
    join.start();
    QVERIFY(done.wait(5000));
    const QList<JoinOperation::Outcome> outcomes = join.outcomes();
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.first().exited);
    QCOMPARE(outcomes.first().exitCode, 5);
    QVERIFY(process.kill().ok);
}

QTEST_GUILESS_MAIN(tst_Supervision)

#include "tst_supervision.moc"
