#include "joinoperation.h"
#include "managedprocess.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

ProcessSpec childSpec(const QStringList &args, const QString &name)
{
    ProcessSpec spec;
    spec.name = name;
    spec.program = TestSupport::childPath();
    spec.args = args;
    return spec;
}

QList<JoinOperation::Outcome> outcomesOf(const QSignalSpy &done)
{
    return done.first().first().value<QList<JoinOperation::Outcome>>();
}

} // namespace

class tst_JoinOperation final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void describe_data();
    void describe();
    void timeoutStillAlive();
    void success();
    void mixed();
    void noLimit();
    void alreadyFinished();
    void cancel();
    void removedEntry();
};

void tst_JoinOperation::initTestCase()
{
    TestSupport::installProcessWarningGuard();
}

void tst_JoinOperation::cleanup()
{
    PD_VERIFY_NO_DESTROYED_WARNING();
}

void tst_JoinOperation::describe_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("exited");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<qint64>("waitedMs");
    QTest::addColumn<QString>("expected");
    QTest::newRow("still alive") << u"worker"_s << false << 0 << qint64(300) << u"worker: still alive after 0.3 s"_s;
    QTest::newRow("exited 0") << u"worker"_s << true << 0 << qint64(1234) << u"worker: exited with 0 after 1.2 s"_s;
    QTest::newRow("exited 3") << u"job"_s << true << 3 << qint64(50) << u"job: exited with 3 after 0.1 s"_s;
    QTest::newRow("signal") << u"job"_s << true << -15 << qint64(0) << u"job: exited with -15 (SIGTERM) after 0.0 s"_s;
    QTest::newRow("no name") << QString() << false << 0 << qint64(2000) << u"still alive after 2.0 s"_s;
}

void tst_JoinOperation::describe()
{
    QFETCH(QString, name);
    QFETCH(bool, exited);
    QFETCH(int, exitCode);
    QFETCH(qint64, waitedMs);
    QFETCH(QString, expected);
    JoinOperation::Outcome outcome;
    outcome.name = name;
    outcome.exited = exited;
    outcome.exitCode = exitCode;
    outcome.waitedMs = waitedMs;
    QCOMPARE(outcome.describe(), expected);
}

void tst_JoinOperation::timeoutStillAlive()
{
    ManagedProcess sleeper(1, childSpec({u"sleep"_s, u"30000"_s}, u"sleeper"_s));
    QVERIFY(sleeper.start().ok);
    JoinOperation join({&sleeper}, 300);
    QSignalSpy done(&join, &JoinOperation::done);
    join.start();
    QVERIFY(join.isRunning());
    QCOMPARE(done.count(), 0); // never inside start()
    QVERIFY(done.wait(10000));
    QCOMPARE(done.count(), 1);
    QVERIFY(!join.isRunning());
    const QList<JoinOperation::Outcome> outcomes = outcomesOf(done);
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.first().name, u"sleeper"_s);
    QCOMPARE(outcomes.first().processId, 1);
    QVERIFY(!outcomes.first().exited);
    QVERIFY(outcomes.first().waitedMs >= 300);
    QVERIFY2(outcomes.first().describe().startsWith(u"sleeper: still alive after "_s),
             qPrintable(outcomes.first().describe()));
    QVERIFY(sleeper.isAlive()); // join does not stop anything
    QVERIFY(sleeper.kill().ok);
}

void tst_JoinOperation::success()
{
    ManagedProcess quick(7, childSpec({u"sleep"_s, u"100"_s}, u"quick"_s));
    QVERIFY(quick.start().ok);
    JoinOperation join({&quick}, 10000);
    QSignalSpy done(&join, &JoinOperation::done);
    QSignalSpy progress(&join, &JoinOperation::progress);
    join.start();
    QVERIFY(done.wait(10000));
    const JoinOperation::Outcome outcome = outcomesOf(done).first();
    QVERIFY(outcome.exited);
    QCOMPARE(outcome.exitCode, 0);
    QCOMPARE(outcome.processId, 7);
    QVERIFY(outcome.waitedMs < 10000); // ended by the exit, not the deadline
    QVERIFY2(outcome.describe().startsWith(u"quick: exited with 0 after "_s), qPrintable(outcome.describe()));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toInt(), 1);
    QCOMPARE(progress.last().at(1).toInt(), 1);
    QCOMPARE(join.outcomes().first().exited, true);
}

void tst_JoinOperation::mixed()
{
    ManagedProcess quick(1, childSpec({u"exit"_s, u"3"_s}, u"quick"_s));
    ManagedProcess sleeper(2, childSpec({u"sleep"_s, u"30000"_s}, u"sleeper"_s));
    QVERIFY(quick.start().ok);
    QVERIFY(sleeper.start().ok);
    // Long enough for "quick" to start and end on a loaded machine, a start held while it is placed
    // in a cgroup included; "sleeper" outlives it whatever the load.
    JoinOperation join({&quick, &sleeper}, 3000);
    QSignalSpy done(&join, &JoinOperation::done);
    join.start();
    QVERIFY(done.wait(15000));
    const QList<JoinOperation::Outcome> outcomes = outcomesOf(done);
    QCOMPARE(outcomes.size(), 2);
    QVERIFY(outcomes.at(0).exited);
    QCOMPARE(outcomes.at(0).exitCode, 3);
    QVERIFY(!outcomes.at(1).exited);
    QVERIFY(outcomes.at(1).describe().startsWith(u"sleeper: still alive after "_s));
    QVERIFY(sleeper.kill().ok);
}

void tst_JoinOperation::noLimit()
{
    ManagedProcess process(1, childSpec({u"sleep"_s, u"200"_s, u"then"_s, u"exit"_s, u"4"_s}, u"p"_s));
    QVERIFY(process.start().ok);
    JoinOperation join({&process}, -1);
    QSignalSpy done(&join, &JoinOperation::done);
    join.start();
    QVERIFY(done.wait(10000));
    QCOMPARE(outcomesOf(done).first().exitCode, 4);
    QVERIFY(outcomesOf(done).first().exited);
}

void tst_JoinOperation::alreadyFinished()
{
    ManagedProcess process(1, childSpec({u"exit"_s, u"0"_s}, u"done"_s));
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QVERIFY(finished.wait(5000));
    ManagedProcess never(2, childSpec({}, u"never"_s));

    JoinOperation join({&process, &never}, 0);
    QSignalSpy done(&join, &JoinOperation::done);
    join.start();
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 5000);
    const QList<JoinOperation::Outcome> outcomes = outcomesOf(done);
    QVERIFY(outcomes.at(0).exited);
    QCOMPARE(outcomes.at(0).waitedMs, 0);
    QCOMPARE(outcomes.at(0).describe(), u"done: exited with 0 after 0.0 s"_s);
    QVERIFY(!outcomes.at(1).exited);
}

void tst_JoinOperation::cancel()
{
    ManagedProcess sleeper(1, childSpec({u"sleep"_s, u"30000"_s}, u"sleeper"_s));
    QVERIFY(sleeper.start().ok);
    JoinOperation join({&sleeper}, -1);
    QSignalSpy done(&join, &JoinOperation::done);
    join.start();
    join.cancel();
    QCOMPARE(done.count(), 1);
    QVERIFY(!join.isRunning());
    QVERIFY(!outcomesOf(done).first().exited);
    // A finish after the cancel is not reported again.
    QSignalSpy finished(&sleeper, &ManagedProcess::finished);
    QVERIFY(sleeper.kill().ok);
    QVERIFY(finished.wait(5000));
    QCoreApplication::processEvents();
    QCOMPARE(done.count(), 1);
}

void tst_JoinOperation::removedEntry()
{
    auto process = std::make_unique<ManagedProcess>(5, childSpec({u"sleep"_s, u"30000"_s}, u"gone"_s));
    QVERIFY(process->start().ok);
    QTRY_COMPARE_WITH_TIMEOUT(process->state(), ManagedProcess::State::Running, 5000);
    JoinOperation join({process.get()}, -1);
    QSignalSpy done(&join, &JoinOperation::done);
    join.start();
    process.reset(); // the entry is removed while being joined
    QVERIFY(done.wait(5000));
    const JoinOperation::Outcome outcome = outcomesOf(done).first();
    QVERIFY(!outcome.exited);
    QCOMPARE(outcome.name, u"gone"_s);
    QCOMPARE(outcome.processId, 5);
}

QTEST_GUILESS_MAIN(tst_JoinOperation)
#include "tst_joinoperation.moc"
