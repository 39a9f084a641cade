#include "managedprocess.h"
#include "outputlog.h"
#include "processfiltermodel.h"
#include "processmanager.h"
#include "processtablemodel.h"
#include "procstats.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_ProcessTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void rowsFollowTheManager();
    void liveColumns();
    void exitColumn_data();
    void exitColumn();
    void stoppedByTheUser_data();
    void stoppedByTheUser();
    void oneDataChangedPerRow();
    void filterAndSort();
    void resourceColumns();
    void textFromTheFileShownVisibly();

private:
    static ProcessSpec child(const QString &name, const QStringList &args)
    {
        ProcessSpec spec;
        spec.name = name;
        spec.program = TestSupport::childPath();
        spec.args = args;
        return spec;
    }
};

void tst_ProcessTableModel::initTestCase()
{
    TestSupport::installProcessWarningGuard();
}

void tst_ProcessTableModel::cleanup()
{
    PD_VERIFY_NO_DESTROYED_WARNING();
}

void tst_ProcessTableModel::rowsFollowTheManager()
{
    ProcessManager manager;
    ProcessTableModel model(&manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(ProcessTableModel::ColumnCount));
    manager.add(child(QString(), {u"sleep"_s, u"10"_s}));
    ManagedProcess *second = manager.add(child(u"worker"_s, {u"exit"_s, u"0"_s}));
    manager.add(child(QString(), {u"exit"_s, u"0"_s}));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, ProcessTableModel::Name).data().toString(), u"Process-1"_s);
    QCOMPARE(model.index(1, ProcessTableModel::Name).data().toString(), u"worker"_s);
    QCOMPARE(model.index(2, ProcessTableModel::Name).data().toString(), u"Process-2"_s);
    QCOMPARE(model.index(0, ProcessTableModel::State).data().toString(), u"Not started"_s);
    QCOMPARE(model.index(0, ProcessTableModel::Pid).data().toString(), QString());

    manager.remove(second);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, ProcessTableModel::Name).data().toString(), u"Process-2"_s);
    QCOMPARE(model.processAt(model.index(1, 0)), manager.at(1));
}

void tst_ProcessTableModel::liveColumns()
{
    ProcessManager manager;
    ProcessTableModel model(&manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ManagedProcess *process = manager.add(child(u"sleeper"_s, {u"sleep"_s, u"30000"_s}));

    QVERIFY(process->start().ok);
    QTRY_COMPARE(model.index(0, ProcessTableModel::State).data().toString(), u"Running"_s);
    QVERIFY(model.index(0, ProcessTableModel::Pid).data().toLongLong() > 0);
    QCOMPARE(model.index(0, ProcessTableModel::Pid).data().toLongLong(), process->pid());
    QCOMPARE(model.index(0, ProcessTableModel::Alive).data().toString(), u"Yes"_s);
    QVERIFY(!model.index(0, ProcessTableModel::Started).data().toString().isEmpty());
    QVERIFY(model.index(0, ProcessTableModel::Name).data(ProcessTableModel::AliveRole).toBool());

    // The run time ticks without any event from the process.
    model.setTickInterval(50);
    QSignalSpy ticks(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(ticks.wait(2000));

    const qint64 pid = process->pid();
    process->kill();
    QTRY_COMPARE(model.index(0, ProcessTableModel::Alive).data().toString(), u"No"_s);
    // The PID of the finished run is kept.
    QCOMPARE(model.index(0, ProcessTableModel::Pid).data().toLongLong(), pid);
}

void tst_ProcessTableModel::exitColumn_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("exit");
    QTest::addColumn<QString>("state");
    QTest::addColumn<ProcessTableModel::Outcome>("outcome");
    using O = ProcessTableModel::Outcome;
    // "Failed" in the row is what the status bar counts as failed (ProcessTableModel::outcome()).
    QTest::newRow("zero") << QStringList{u"exit"_s, u"0"_s} << u"0"_s << u"Exited"_s << O::Ended;
    QTest::newRow("three") << QStringList{u"exit"_s, u"3"_s} << u"3"_s << u"Failed"_s << O::Failed;
    QTest::newRow("SIGSEGV") << QStringList{u"crash"_s} << u"-11 (SIGSEGV)"_s << u"Failed: killed"_s << O::Failed;
    QTest::newRow("SIGTERM") << QStringList{u"signal"_s, u"15"_s} << u"-15 (SIGTERM)"_s << u"Failed: killed"_s
                             << O::Failed;
}

void tst_ProcessTableModel::exitColumn()
{
    QFETCH(QStringList, args);
    QFETCH(QString, exit);
    QFETCH(QString, state);
    ProcessManager manager;
    ProcessTableModel model(&manager);
    ManagedProcess *process = manager.add(child(u"job"_s, args));
    QSignalSpy finished(process, &ManagedProcess::finished);
    QVERIFY(process->start().ok);
    QVERIFY(finished.wait(10000));
    QTRY_COMPARE(model.index(0, ProcessTableModel::Exit).data().toString(), exit);
    QCOMPARE(model.index(0, ProcessTableModel::State).data().toString(), state);
    QFETCH(ProcessTableModel::Outcome, outcome);
    QCOMPARE(ProcessTableModel::outcome(process), outcome);
}

// A stop by the user is no failure: its stop signal ends Terminated, SIGKILL (Kill, or the end
// of the grace period) Killed.
void tst_ProcessTableModel::stoppedByTheUser_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("kill");
    QTest::addColumn<QString>("state");
    QTest::newRow("terminate") << QStringList{u"sleep"_s, u"30000"_s} << false << u"Terminated"_s;
    QTest::newRow("kill") << QStringList{u"sleep"_s, u"30000"_s} << true << u"Killed"_s;
    QTest::newRow("grace period over") << QStringList{u"ignore-term"_s, u"30000"_s} << false << u"Killed"_s;
}

void tst_ProcessTableModel::stoppedByTheUser()
{
    QFETCH(QStringList, args);
    QFETCH(bool, kill);
    QFETCH(QString, state);
    ProcessManager manager;
    ProcessTableModel model(&manager);
    ProcessSpec spec = child(u"job"_s, args);
    spec.stopTimeoutMs = 300;
    ManagedProcess *process = manager.add(spec);
    QVERIFY(process->start().ok);
    QTRY_VERIFY(process->state() == ManagedProcess::State::Running);
    if (args.constFirst() == u"ignore-term")
        QTRY_VERIFY(process->output()->endLineNumber() > 1); // "ready": SIGTERM is ignored now
    QSignalSpy finished(process, &ManagedProcess::finished);
    QVERIFY(kill ? process->kill().ok : process->terminate().ok);
    QVERIFY(finished.wait(10000));
    QCOMPARE(model.index(0, ProcessTableModel::State).data().toString(), state);
    QCOMPARE(ProcessTableModel::outcome(process), ProcessTableModel::Outcome::Ended);
}

// Each change to an entry is one dataChanged covering its whole row, never one per cell.
void tst_ProcessTableModel::oneDataChangedPerRow()
{
    ProcessManager manager;
    ProcessTableModel model(&manager);
    for (int i = 0; i < 6; ++i)
        manager.add(child(QString(), {u"sleep"_s, u"30000"_s}));
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    ManagedProcess *process = manager.at(2);
    QVERIFY(process->start().ok);
    QTRY_COMPARE(process->state(), ManagedProcess::State::Running);
    QTRY_VERIFY(!changes.isEmpty());
    for (const QList<QVariant> &change : std::as_const(changes)) {
        const QModelIndex topLeft = change.at(0).toModelIndex();
        const QModelIndex bottomRight = change.at(1).toModelIndex();
        const bool wholeTable = topLeft.row() == 0 && bottomRight.row() == model.rowCount() - 1;
        QVERIFY2(topLeft.row() == bottomRight.row() || wholeTable, "a dataChanged spans some rows");
        QVERIFY2(topLeft.row() == 2 || wholeTable, "a dataChanged names a row that did not change");
        if (change.at(2).value<QList<int>>().isEmpty() && topLeft.column() == 0)
            QCOMPARE(bottomRight.column(), ProcessTableModel::ColumnCount - 1);
    }
    process->kill();
    QSignalSpy finished(process, &ManagedProcess::finished);
    QVERIFY(finished.wait(5000));
}

void tst_ProcessTableModel::filterAndSort()
{
    ProcessManager manager;
    ProcessTableModel model(&manager);
    ProcessFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    manager.add(child(u"web"_s, {u"sleep"_s, u"100"_s}));
    manager.add(child(u"worker-b"_s, {u"exit"_s, u"0"_s}));
    manager.add(child(u"worker-a"_s, {u"exit"_s, u"0"_s}));

    proxy.setFilterText(u"WORKER"_s);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.sort(ProcessTableModel::Name, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), u"worker-a"_s);
    QCOMPARE(proxy.index(1, 0).data().toString(), u"worker-b"_s);
    proxy.setFilterText(u"not started"_s); // the state text matches too
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), 3);
    proxy.sort(ProcessTableModel::Name, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), u"worker-b"_s);
    QCOMPARE(proxy.index(2, 0).data().toString(), u"web"_s);
}

// CPU, memory and the count of the entry's processes (its reaper's descendants: the program and
// its child here) come from one ProcStats pass per tick.
void tst_ProcessTableModel::resourceColumns()
{
    ProcessManager manager;
    ProcessTableModel model(&manager);
    ProcStats stats;
    stats.setInterval(100);
    model.setStats(&stats);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ManagedProcess *tree = manager.add(child(u"tree"_s, {u"tree"_s, u"30000"_s}));
    manager.add(child(u"idle"_s, {u"exit"_s, u"0"_s}));
    QVERIFY(tree->start().ok);
    QTRY_VERIFY(tree->treeRootPid() > 0);
    QTRY_COMPARE(stats.watchedTrees(), QList<qint64>{tree->treeRootPid()});
    QTRY_COMPARE(model.index(0, ProcessTableModel::Processes).data().toString(), u"2"_s);
    QVERIFY(model.index(0, ProcessTableModel::Memory).data().toString().contains(u"B"_s));
    QVERIFY(model.index(0, ProcessTableModel::Memory).data(ProcessTableModel::SortRole).toLongLong() > 0);
    QTRY_VERIFY(model.index(0, ProcessTableModel::Cpu).data().toString().endsWith(u" %"_s));
    QCOMPARE(model.index(1, ProcessTableModel::Cpu).data().toString(), QString()); // not running

    // One sample is one update of the resource columns, for the live row only.
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    stats.sampleNow();
    QCOMPARE(changes.size(), 1);
    const QModelIndex topLeft = changes.constFirst().at(0).toModelIndex();
    QCOMPARE(topLeft.column(), int(ProcessTableModel::Cpu));

    tree->kill();
    QTRY_VERIFY(stats.watchedTrees().isEmpty());
    QCOMPARE(model.index(0, ProcessTableModel::Processes).data().toString(), QString());
}

// Names, commands and failure reasons quote the session file: display and tool tips show their
// control characters (VisibleText); sorting still uses the raw name.
void tst_ProcessTableModel::textFromTheFileShownVisibly()
{
    ProcessManager manager;
    ProcessTableModel model(&manager);
    ProcessSpec spec;
    spec.name = u"a\x1b]0;t\x07\u202e"_s;
    spec.program = u"./missing\x1b[2J"_s;
    ManagedProcess *process = manager.add(spec);
    process->start(); // the program is missing: FailedToStart, now or from the event loop
    QTRY_COMPARE(process->state(), ManagedProcess::State::FailedToStart);
    const QModelIndex name = model.index(0, ProcessTableModel::Name);
    QCOMPARE(name.data().toString(), u"a\u241b]0;t\u2407\ufffd"_s);
    QCOMPARE(name.data(ProcessTableModel::SortRole).toString(), spec.name);
    QVERIFY(name.data(Qt::ToolTipRole).toString().contains(u"missing\u241b[2J"_s));
    const QModelIndex state = model.index(0, ProcessTableModel::State);
    for (const QString &text : {state.data().toString(), state.data(Qt::ToolTipRole).toString()}) {
        QVERIFY2(text.contains(u"\u241b[2J"_s), qPrintable(text));
        QVERIFY(!text.contains(u'\x1b'));
    }
}

QTEST_GUILESS_MAIN(tst_ProcessTableModel)
#include "tst_processtablemodel.moc"
