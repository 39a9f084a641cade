// The triggers of issue 12 (TriggerMonitor): scheduled runs — an interval starting a real child
// again and again, no second start while a run is going, a one-minute cron fired through an
// injected clock, a clock that jumps back — and restart on change (FileWatcher) — a burst of ten
// files restarting once, ignored folders, a folder made after the start, a stopped entry left
// alone, and the message when the watch limit is reached (lowered in the test, not the system's).

#include "filewatcher.h"
#include "managedprocess.h"
#include "outputlog.h"
#include "processmanager.h"
#include "processtablemodel.h"
#include "testsupport.h"
#include "triggermonitor.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using State = ManagedProcess::State;

ProcessSpec childSpec(const QStringList &args)
{
    ProcessSpec spec;
    spec.name = u"child"_s;
    spec.program = TestSupport::childPath();
    spec.args = args;
    return spec;
}

bool logContains(const OutputLog *log, const QString &text)
{
    for (qint64 i = log->firstLineNumber(); i < log->endLineNumber(); ++i) {
        if (log->line(i).text.contains(text))
            return true;
    }
    return false;
}

bool writeFile(const QString &path, const QByteArray &bytes = "x\n")
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestTriggers final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void intervalStartsRepeatedly();
    void noSecondStartWhileRunning();
    void cronMinuteWithInjectedClock();
    void clockJumpingBack();
    void userStopDisarms();

    void patterns_data();
    void patterns();
    void burstRestartsOnce();
    void ignoredFolderDoesNotRestart();
    void newSubfolderIsWatched();
    void dependantsRestartInOrder();
    void notRunningIsNotStarted();
    void watchLimitMessage();

private:
    // With the schedules' clock at *now: an entry with the cron schedule, started (which arms it)
    // and ended; null if it did not end within 10 s.
    ManagedProcess *runOnceWithClock(QDateTime *now, const QStringList &args, const QString &cron);
    // Starts the entry and waits for its watcher's walk to be over.
    void startWatched(ManagedProcess *process);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProcessManager> m_manager;
};

void TestTriggers::initTestCase()
{
    TestSupport::installProcessWarningGuard();
}

void TestTriggers::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_manager = std::make_unique<ProcessManager>();
    m_manager->setBaseDirectory(m_dir->path());
}

void TestTriggers::cleanup()
{
    m_manager.reset(); // kills what still runs
    m_dir.reset();
    QCOMPARE(TestSupport::destroyedWhileRunningWarnings(), 0);
}

ManagedProcess *TestTriggers::runOnceWithClock(QDateTime *now, const QStringList &args, const QString &cron)
{
    m_manager->triggers()->setClock([now] { return *now; });
    ProcessSpec spec = childSpec(args);
    spec.schedule.cron = cron;
    ManagedProcess *process = m_manager->add(spec);
    if (!process->start().ok || !QTest::qWaitFor([process] { return process->isFinished(); }, 10000))
        return nullptr;
    return process;
}

void TestTriggers::startWatched(ManagedProcess *process)
{
    QVERIFY(process->start().ok);
    TriggerMonitor *monitor = m_manager->triggers();
    QTRY_VERIFY_WITH_TIMEOUT(monitor->watcher(process) && monitor->watcher(process)->isReady(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(process->state(), State::Running, 10000);
}

// everyMs 1000: the start by the user arms it, and the schedule starts it twice more.
void TestTriggers::intervalStartsRepeatedly()
{
    ProcessSpec spec = childSpec({u"exit"_s, u"0"_s});
    spec.schedule.everyMs = 1000;
    ManagedProcess *process = m_manager->add(spec);
    QSignalSpy scheduled(m_manager->triggers(), &TriggerMonitor::scheduledStart);
    QVERIFY(process->start().ok);
    QTRY_VERIFY(m_manager->triggers()->isArmed(process));
    QVERIFY(process->nextScheduledStart().isValid());
    QTRY_VERIFY_WITH_TIMEOUT(scheduled.count() >= 2, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(process->runCount() >= 3, 15000);
    QVERIFY(logContains(process->output(), u"scheduled run ("_s));
    QVERIFY(process->nextScheduledStart() > QDateTime::currentDateTime().addMSecs(-1000));
}

// A child that runs 1.5 s on a 300 ms interval: the due times meanwhile are skipped with a note,
// never a second run; the first due time after its end starts it again.
void TestTriggers::noSecondStartWhileRunning()
{
    ProcessSpec spec = childSpec({u"sleep"_s, u"1500"_s});
    spec.schedule.everyMs = 300;
    ManagedProcess *process = m_manager->add(spec);
    QSignalSpy skipped(m_manager->triggers(), &TriggerMonitor::scheduledRunSkipped);
    QSignalSpy started(process, &ManagedProcess::started);
    QVERIFY(process->start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(skipped.count() >= 2, 10000);
    QCOMPARE(process->runCount(), 1);
    QVERIFY(process->isAlive());
    QVERIFY(logContains(process->output(), u"skipped the "_s));
    QVERIFY(logContains(process->output(), u" run is still going"_s));
    QTRY_VERIFY_WITH_TIMEOUT(started.count() >= 2, 10000);
    QCOMPARE(process->runCount(), 2);
}

// "* * * * *" with the clock in the test's hands: armed at 10:00:30, due at 10:01; nothing before,
// a real start at 10:01, then due at 10:02 (and the row says so); a run still going at 10:02 is
// skipped with the times in the note.
void TestTriggers::cronMinuteWithInjectedClock()
{
    const QDate today = QDate::currentDate();
    QDateTime now(today, QTime(10, 0, 30));
    TriggerMonitor *monitor = m_manager->triggers();
    QSignalSpy scheduled(monitor, &TriggerMonitor::scheduledStart);
    ManagedProcess *process = runOnceWithClock(&now, {u"sleep"_s, u"1500"_s}, u"* * * * *"_s);
    QVERIFY(process);
    ProcessTableModel model(m_manager.get());
    QCOMPARE(process->nextScheduledStart(), QDateTime(today, QTime(10, 1)));
    const QModelIndex state = model.index(0, ProcessTableModel::State);
    QCOMPARE(state.data().toString(), u"Next run 10:01"_s);
    QCOMPARE(state.data(Qt::ToolTipRole).toString(), u"Exited · next run 10:01"_s);

    now = QDateTime(today, QTime(10, 0, 59));
    monitor->checkSchedules();
    QCOMPARE(scheduled.count(), 0);

    now = QDateTime(today, QTime(10, 1, 0));
    QSignalSpy started(process, &ManagedProcess::started);
    monitor->checkSchedules();
    QCOMPARE(scheduled.count(), 1);
    QVERIFY(started.wait(10000));
    QCOMPARE(process->runCount(), 2);
    QCOMPARE(process->nextScheduledStart(), QDateTime(today, QTime(10, 2)));
    QVERIFY(logContains(process->output(), u"scheduled run (10:01)"_s));
    QCOMPARE(model.index(0, ProcessTableModel::State).data(Qt::ToolTipRole).toString(),
             u"Scheduled: next run 10:02"_s);

    // Still running when 10:02 comes (the child sleeps 1.5 s; the clock is ours).
    now = QDateTime(today, QTime(10, 2, 0));
    monitor->checkSchedules();
    QCOMPARE(scheduled.count(), 1);
    QVERIFY(logContains(process->output(), u"skipped the 10:02 run: the "_s));
    QCOMPARE(process->nextScheduledStart(), QDateTime(today, QTime(10, 3)));
    QTRY_VERIFY_WITH_TIMEOUT(process->isFinished(), 10000);
    QCOMPARE(process->runCount(), 2);
}

// The wall clock goes back an hour: the next due time is counted from the new "now", not an hour
// and more away.
void TestTriggers::clockJumpingBack()
{
    const QDate today = QDate::currentDate();
    QDateTime now(today, QTime(10, 0, 30));
    TriggerMonitor *monitor = m_manager->triggers();
    ManagedProcess *process = runOnceWithClock(&now, {u"exit"_s, u"0"_s}, u"*/5 * * * *"_s);
    QVERIFY(process);
    QCOMPARE(process->nextScheduledStart(), QDateTime(today, QTime(10, 5)));
    now = QDateTime(today, QTime(9, 1, 0));
    monitor->checkSchedules();
    QCOMPARE(process->nextScheduledStart(), QDateTime(today, QTime(9, 5)));
    QCOMPARE(process->runCount(), 1);
}

// Stop by the user ends the schedule: no next run, nothing armed.
void TestTriggers::userStopDisarms()
{
    ProcessSpec spec = childSpec({u"sleep"_s, u"60000"_s});
    spec.schedule.cron = u"@hourly"_s;
    ManagedProcess *process = m_manager->add(spec);
    QVERIFY(process->start().ok);
    QTRY_VERIFY(m_manager->triggers()->isArmed(process));
    QVERIFY(process->terminate().ok);
    QTRY_VERIFY(process->isFinished());
    QVERIFY(!m_manager->triggers()->isArmed(process));
    QVERIFY(!process->nextScheduledStart().isValid());
}

void TestTriggers::patterns_data()
{
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QStringList>("ignore");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("restarts");

    const QStringList none;
    QTest::newRow("** any depth") << QStringList{u"src/**/*.py"_s} << none << u"src/a/b/c.py"_s << true;
    QTest::newRow("** zero depth") << QStringList{u"src/**/*.py"_s} << none << u"src/c.py"_s << true;
    QTest::newRow("** other suffix") << QStringList{u"src/**/*.py"_s} << none << u"src/c.txt"_s << false;
    QTest::newRow("** other folder") << QStringList{u"src/**/*.py"_s} << none << u"lib/c.py"_s << false;
    QTest::newRow("* stays in its folder") << QStringList{u"*.json"_s} << none << u"conf/a.json"_s << false;
    QTest::newRow("* at the top") << QStringList{u"*.json"_s} << none << u"a.json"_s << true;
    QTest::newRow("plain folder") << QStringList{u"./config"_s} << none << u"config/x/y.yaml"_s << true;
    QTest::newRow("plain file") << QStringList{u"app.py"_s} << none << u"app.py"_s << true;
    QTest::newRow("plain file, not its neighbour") << QStringList{u"app.py"_s} << none << u"app.pyc"_s << false;
    QTest::newRow("folder glob") << QStringList{u"src/*"_s} << none << u"src/a/b.py"_s << true;
    QTest::newRow("ignored folder name") << QStringList{u"."_s} << QStringList{u"build/"_s} << u"a/build/x.o"_s << false;
    QTest::newRow("folder name, not a file") << QStringList{u"."_s} << QStringList{u"build/"_s} << u"a/build"_s << true;
    QTest::newRow("ignored folder path") << QStringList{u"."_s} << QStringList{u"src/gen/"_s} << u"src/gen/x.c"_s << false;
    QTest::newRow("other gen") << QStringList{u"."_s} << QStringList{u"src/gen/"_s} << u"lib/gen/x.c"_s << true;
    QTest::newRow("ignored name glob") << QStringList{u"."_s} << QStringList{u"*.pyc"_s} << u"a/b.pyc"_s << false;
    QTest::newRow("ignored path glob") << QStringList{u"."_s} << QStringList{u"docs/*.tmp"_s} << u"docs/a.tmp"_s << false;
    QTest::newRow("default: .git") << QStringList{u"."_s} << none << u".git/index"_s << false;
    QTest::newRow("default: node_modules") << QStringList{u"."_s} << none << u"web/node_modules/a/b.js"_s << false;
    QTest::newRow("default: swap file") << QStringList{u"."_s} << none << u"src/.app.py.swp"_s << false;
}

void TestTriggers::patterns()
{
    QFETCH(QStringList, paths);
    QFETCH(QStringList, ignore);
    QFETCH(QString, path);
    QFETCH(bool, restarts);
    WatchSpec spec;
    spec.paths = paths;
    spec.ignore = ignore;
    const FileWatcher watcher(m_dir->path(), spec);
    QCOMPARE(watcher.matches(path) && !watcher.isIgnored(path, false), restarts);
}

// Ten files written in a burst: one changed() with all ten, one restart, one note naming the
// first and the count. Then one more file: exactly one more (nothing else came between).
void TestTriggers::burstRestartsOnce()
{
    ProcessSpec spec = childSpec({u"sleep"_s, u"60000"_s});
    spec.watch.paths = {u"src"_s};
    spec.watch.debounceMs = 300;
    QDir(m_dir->path()).mkpath(u"src/deep"_s);
    ManagedProcess *process = m_manager->add(spec);
    startWatched(process);
    QSignalSpy changed(m_manager->triggers(), &TriggerMonitor::changed);
    QSignalSpy started(process, &ManagedProcess::started);
    for (int i = 0; i < 10; ++i)
        QVERIFY(writeFile(m_dir->filePath(u"src/deep/f%1.txt"_s.arg(i))));
    QVERIFY(changed.wait(10000));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(1).toStringList().size(), 10);
    QVERIFY(logContains(process->output(), u"restarting: src/deep/f0.txt changed (10 file"_s));
    QVERIFY(started.wait(10000));
    QCOMPARE(process->runCount(), 2);
    QTRY_COMPARE(process->state(), State::Running);

    QVERIFY(writeFile(m_dir->filePath(u"src/one.txt"_s)));
    QVERIFY(changed.wait(10000));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(1).at(1).toStringList(), QStringList{u"src/one.txt"_s});
    QVERIFY(logContains(process->output(), u"restarting: src/one.txt changed"_s));
    QTRY_COMPARE(process->runCount(), 3);
}

// Writes in build/ (ignored by the spec) and .git/ (always) come before one in src/: the one
// change reported is src's alone.
void TestTriggers::ignoredFolderDoesNotRestart()
{
    ProcessSpec spec = childSpec({u"sleep"_s, u"60000"_s});
    spec.watch.paths = {u"."_s};
    spec.watch.ignore = {u"build/"_s};
    spec.watch.debounceMs = 300;
    QDir dir(m_dir->path());
    QVERIFY(dir.mkpath(u"build/obj"_s) && dir.mkpath(u".git"_s) && dir.mkpath(u"src"_s));
    ManagedProcess *process = m_manager->add(spec);
    startWatched(process);
    QSignalSpy changed(m_manager->triggers(), &TriggerMonitor::changed);
    QVERIFY(writeFile(m_dir->filePath(u"build/obj/a.o"_s)));
    QVERIFY(writeFile(m_dir->filePath(u"build/b.o"_s)));
    QVERIFY(writeFile(m_dir->filePath(u".git/index"_s)));
    QVERIFY(writeFile(m_dir->filePath(u"src/main.c"_s)));
    QVERIFY(changed.wait(10000));
    QCOMPARE(changed.at(0).at(1).toStringList(), QStringList{u"src/main.c"_s});
    // build/ was never entered: its folders have no watch.
    QCOMPARE(m_manager->triggers()->watcher(process)->watchedFolderCount(), 2); // "." and src
}

// A change restarts the watched entry and the running entry that needs it ready, in order
// (StackRunner::restartWithDependants): api stops first, then db; db starts again, then api once
// db is ready. An entry that does not depend on db keeps its run.
void TestTriggers::dependantsRestartInOrder()
{
    ProcessSpec db = childSpec({u"sleep"_s, u"60000"_s});
    db.name = u"db"_s;
    db.watch.paths = {u"src"_s};
    db.watch.debounceMs = 200;
    ProcessSpec api = childSpec({u"sleep"_s, u"60000"_s});
    api.name = u"api"_s;
    api.dependsOn = {{u"db"_s, DependencyCondition::Ready}};
    ProcessSpec other = childSpec({u"sleep"_s, u"60000"_s});
    other.name = u"other"_s;
    QVERIFY(QDir(m_dir->path()).mkpath(u"src"_s));
    const QList<ManagedProcess *> entries = m_manager->addAll({db, api, other});
    ManagedProcess *dbEntry = entries.at(0);
    ManagedProcess *apiEntry = entries.at(1);
    ManagedProcess *otherEntry = entries.at(2);
    m_manager->startAll(entries);
    TriggerMonitor *monitor = m_manager->triggers();
    QTRY_VERIFY_WITH_TIMEOUT(monitor->watcher(dbEntry) && monitor->watcher(dbEntry)->isReady(), 10000);
    for (ManagedProcess *entry : entries)
        QTRY_COMPARE_WITH_TIMEOUT(entry->state(), State::Running, 10000);

    // The order of events: api's run ends before db's, db starts before api.
    QStringList events;
    for (ManagedProcess *entry : entries) {
        connect(entry, &ManagedProcess::finished, this, [&events, entry] { events << entry->spec().name + u" ended"_s; });
        connect(entry, &ManagedProcess::started, this, [&events, entry] { events << entry->spec().name + u" started"_s; });
    }
    QVERIFY(writeFile(m_dir->filePath(u"src/schema.sql"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(apiEntry->runCount(), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(apiEntry->state(), State::Running, 10000);
    QCOMPARE(dbEntry->runCount(), 2);
    QCOMPARE(otherEntry->runCount(), 1);
    QCOMPARE(events, (QStringList{u"api ended"_s, u"db ended"_s, u"db started"_s, u"api started"_s}));
    QVERIFY(logContains(dbEntry->output(), u"restarting: src/schema.sql changed"_s));
}

// A folder made after the start is watched: a file written in it later is seen.
void TestTriggers::newSubfolderIsWatched()
{
    ProcessSpec spec = childSpec({u"sleep"_s, u"60000"_s});
    spec.watch.paths = {u"**/*.txt"_s};
    spec.watch.debounceMs = 100;
    ManagedProcess *process = m_manager->add(spec);
    startWatched(process);
    FileWatcher *watcher = m_manager->triggers()->watcher(process);
    QCOMPARE(watcher->watchedFolderCount(), 1);
    QSignalSpy changed(m_manager->triggers(), &TriggerMonitor::changed);
    QVERIFY(QDir(m_dir->path()).mkpath(u"new/deeper"_s));
    QTRY_COMPARE(watcher->watchedFolderCount(), 3);
    QVERIFY(writeFile(m_dir->filePath(u"new/deeper/file.txt"_s)));
    QVERIFY(changed.wait(10000));
    QCOMPARE(changed.at(0).at(1).toStringList(), QStringList{u"new/deeper/file.txt"_s});
}

// An entry that has ended is not started by a change: the watcher sees it, the entry stays.
void TestTriggers::notRunningIsNotStarted()
{
    ProcessSpec spec = childSpec({u"exit"_s, u"0"_s});
    spec.watch.paths = {u"."_s};
    spec.watch.debounceMs = 50;
    ManagedProcess *process = m_manager->add(spec);
    QVERIFY(process->start().ok);
    TriggerMonitor *monitor = m_manager->triggers();
    QTRY_VERIFY_WITH_TIMEOUT(monitor->watcher(process) && monitor->watcher(process)->isReady(), 10000);
    QTRY_VERIFY(process->isFinished());
    QSignalSpy seen(monitor->watcher(process), &FileWatcher::changed);
    QSignalSpy changed(monitor, &TriggerMonitor::changed);
    QVERIFY(writeFile(m_dir->filePath(u"a.txt"_s)));
    QVERIFY(seen.wait(10000));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(process->runCount(), 1);
    QVERIFY(process->isFinished());
}

// Six folders and a limit of three: a warning with the numbers and the sysctl, in the output
// and from the monitor; the three that have a watch still work.
void TestTriggers::watchLimitMessage()
{
    QDir dir(m_dir->path());
    for (const QString &folder : {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s})
        QVERIFY(dir.mkpath(folder));
    m_manager->triggers()->setWatchLimit(3);
    ProcessSpec spec = childSpec({u"sleep"_s, u"60000"_s});
    spec.watch.paths = {u"."_s};
    ManagedProcess *process = m_manager->add(spec);
    QSignalSpy warnings(m_manager->triggers(), &TriggerMonitor::warningRaised);
    startWatched(process);
    QTRY_COMPARE(warnings.count(), 1);
    const QString text = warnings.at(0).at(1).toString();
    // "folders" with the English plural forms the program loads; "folder(s)" without, as here.
    QVERIFY2(text.startsWith(u"cannot watch 6 folder"_s), qPrintable(text));
    QVERIFY2(text.contains(u": the system allows 3 inotify watches (fs.inotify.max_user_watches)"_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"3 are watched"_s), qPrintable(text));
    QVERIFY2(text.contains(u"sysctl fs.inotify.max_user_watches="_s), qPrintable(text));
    QVERIFY(logContains(process->output(), u"cannot watch 6 folder"_s));
    QCOMPARE(m_manager->triggers()->warning(process), text);
    QCOMPARE(m_manager->triggers()->watcher(process)->watchedFolderCount(), 3);
}

QTEST_GUILESS_MAIN(TestTriggers)

#include "tst_triggers.moc"
