#include "processmanager.h"
#include "managedprocess.h"
#include "procstats.h"
#include "statshistory.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

TreeSample sample(double cpu, qint64 rss)
{
    TreeSample s;
    s.cpuPercent = cpu;
    s.rssBytes = rss;
    s.processCount = 1;
    return s;
}

QList<double> cpuOf(const QList<StatsHistory::Point> &points)
{
    QList<double> cpu;
    for (const StatsHistory::Point &point : points)
        cpu.append(point.cpuPercent);
    return cpu;
}

} // namespace

class tst_StatsHistory final : public QObject
{
    Q_OBJECT

private slots:
    void oldestFirst();
    void boundedToCapacity();
    void perEntry();
    void newRunStartsAfresh();
    void forgottenOnRemove();
    void spanFollowsInterval();
    void recordsRunningEntryFromSamples();
};

void tst_StatsHistory::oldestFirst()
{
    StatsHistory history(nullptr, nullptr, nullptr, 5);
    QVERIFY(history.points(1).isEmpty());
    history.record(1, 1, sample(10, 100));
    history.record(1, 1, sample(20, 200));
    history.record(1, 1, sample(30, 300));
    QCOMPARE(cpuOf(history.points(1)), (QList<double>{10, 20, 30}));
    QCOMPARE(history.points(1).constLast().rssBytes, 300);
}

void tst_StatsHistory::boundedToCapacity()
{
    StatsHistory history(nullptr, nullptr, nullptr, 4);
    for (int i = 1; i <= 11; ++i)
        history.record(7, 1, sample(i, i));
    // The newest four, still oldest first, across the ring's wrap.
    QCOMPARE(cpuOf(history.points(7)), (QList<double>{8, 9, 10, 11}));
    QCOMPARE(history.capacity(), 4);
}

void tst_StatsHistory::perEntry()
{
    StatsHistory history(nullptr, nullptr, nullptr, 3);
    history.record(1, 1, sample(1, 0));
    history.record(2, 1, sample(50, 0));
    history.record(1, 1, sample(2, 0));
    QCOMPARE(cpuOf(history.points(1)), (QList<double>{1, 2}));
    QCOMPARE(cpuOf(history.points(2)), (QList<double>{50}));
    QCOMPARE(history.entryCount(), 2);
    history.forget(1);
    QVERIFY(history.points(1).isEmpty());
    QCOMPARE(cpuOf(history.points(2)), (QList<double>{50}));
}

void tst_StatsHistory::newRunStartsAfresh()
{
    StatsHistory history(nullptr, nullptr, nullptr, 3);
    history.record(1, 1, sample(1, 0));
    history.record(1, 1, sample(2, 0));
    history.record(1, 2, sample(9, 0));
    QCOMPARE(cpuOf(history.points(1)), (QList<double>{9}));
}

void tst_StatsHistory::forgottenOnRemove()
{
    ProcessManager manager;
    ProcessSpec spec;
    spec.program = TestSupport::childPath();
    spec.args = {u"sleep"_s, u"10"_s};
    ManagedProcess *kept = manager.add(spec);
    ManagedProcess *removed = manager.add(spec);
    StatsHistory history(&manager, nullptr);
    history.record(kept->id(), 1, sample(1, 0));
    history.record(removed->id(), 1, sample(2, 0));
    manager.remove(removed);
    QCOMPARE(history.entryCount(), 1);
    QVERIFY(history.points(removed->id()).isEmpty());
    QCOMPARE(cpuOf(history.points(kept->id())), (QList<double>{1}));
}

void tst_StatsHistory::spanFollowsInterval()
{
    ProcStats stats;
    StatsHistory history(nullptr, &stats);
    QCOMPARE(history.spanMs(), qint64(StatsHistory::DefaultCapacity) * 1000);
    stats.setInterval(100);
    QCOMPARE(history.spanMs(), qint64(StatsHistory::DefaultCapacity) * 100);
}

// Driven by the sampler: a running entry gains a point per sample, under its id.
void tst_StatsHistory::recordsRunningEntryFromSamples()
{
    ProcessManager manager;
    ProcStats stats;
    stats.setInterval(50);
    StatsHistory history(&manager, &stats);
    ProcessSpec spec;
    spec.program = TestSupport::childPath();
    spec.args = {u"sleep"_s, u"30000"_s};
    ManagedProcess *process = manager.add(spec);
    ManagedProcess *idle = manager.add(spec);
    process->start();
    QTRY_COMPARE(process->state(), ManagedProcess::State::Running);
    stats.setWatchedTrees({process->treeRootPid()});
    QTRY_VERIFY(history.points(process->id()).size() >= 2);
    QVERIFY(history.points(process->id()).constLast().rssBytes > 0);
    QVERIFY(history.points(idle->id()).isEmpty());
    process->kill();
    QTRY_VERIFY(process->isFinished());
    const qsizetype kept = history.points(process->id()).size();
    QVERIFY(kept >= 2); // the last run stays after its end
}

QTEST_GUILESS_MAIN(tst_StatsHistory)
#include "tst_statshistory.moc"
