#include "outputlog.h"
#include "processmanager.h"
#include "testsupport.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <csignal>

using namespace Qt::StringLiterals;

namespace {

ProcessSpec childSpec(const QStringList &args, const QString &name = QString())
{
    ProcessSpec spec;
    spec.name = name;
    spec.program = TestSupport::childPath();
    spec.args = args;
    return spec;
}

QStringList names(const ProcessManager &manager)
{
    QStringList result;
    for (const ManagedProcess *process : manager.processes())
        result << process->spec().name;
    return result;
}

} // namespace

class tst_ProcessManager final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void defaultNamesNeverReused();
    void explicitNameDoesNotConsumeNumber();
    void defaultNamesAvoidTheWholeBatch();
    void addRemoveSignals();
    void lookup();
    void batchedChanges();
    void processFinished();
    void terminateAllThenAllStopped();
    void terminateAllWithNothingAlive();
    void removeLiveEntryKillsIt();
    void removeWhenStoppedTerminatesFirst();
    void clearRemovesEverything();
    void modifiedOnSpecChange();
    void baseDirectoryReachesEntries();
    void destroyWithLiveChildren();
    void startAllInSlices();
    void startAllDroppedByTerminateAll();
    void terminateAllInSlices();
};

void tst_ProcessManager::initTestCase()
{
    TestSupport::installProcessWarningGuard();
}

void tst_ProcessManager::cleanup()
{
    PD_VERIFY_NO_DESTROYED_WARNING();
}

void tst_ProcessManager::defaultNamesNeverReused()
{
    ProcessManager manager;
    QCOMPARE(manager.peekDefaultName(), u"Process-1"_s);
    QCOMPARE(manager.peekDefaultName(), u"Process-1"_s); // peeking uses nothing up
    ManagedProcess *first = manager.add(childSpec({u"exit"_s, u"0"_s}));
    ManagedProcess *second = manager.add(childSpec({u"exit"_s, u"0"_s}));
    QCOMPARE(first->spec().name, u"Process-1"_s);
    QCOMPARE(second->spec().name, u"Process-2"_s);

    manager.remove(second);
    manager.remove(first);
    QCOMPARE(manager.count(), 0);
    QCOMPARE(manager.peekDefaultName(), u"Process-3"_s);
    QCOMPARE(manager.add(childSpec({}))->spec().name, u"Process-3"_s);
    manager.clear();
    QCOMPARE(manager.add(childSpec({}))->spec().name, u"Process-4"_s);
}

void tst_ProcessManager::explicitNameDoesNotConsumeNumber()
{
    ProcessManager manager;
    QCOMPARE(manager.add(childSpec({}, u"worker"_s))->spec().name, u"worker"_s);
    QCOMPARE(manager.add(childSpec({}))->spec().name, u"Process-1"_s);
    // An explicit name that looks like a default one is skipped, never duplicated.
    QCOMPARE(manager.add(childSpec({}, u"Process-2"_s))->spec().name, u"Process-2"_s);
    QCOMPARE(manager.add(childSpec({}))->spec().name, u"Process-3"_s);
    QCOMPARE(names(manager), (QStringList{u"worker"_s, u"Process-1"_s, u"Process-2"_s, u"Process-3"_s}));
}

// A session file's entries are named together: an unnamed entry before an explicit "Process-1"
// gets another name, and so does one whose default would be taken by an entry of the window.
void tst_ProcessManager::defaultNamesAvoidTheWholeBatch()
{
    ProcessManager manager;
    manager.add(childSpec({}, u"Process-2"_s));
    QSignalSpy added(&manager, &ProcessManager::processAdded);
    const QList<ManagedProcess *> batch = manager.addAll({childSpec({}), childSpec({}, u"Process-1"_s), childSpec({}),
                                                          childSpec({}, u" "_s), childSpec({}, u"Process-4"_s)});
    QCOMPARE(batch.size(), 5);
    QCOMPARE(added.size(), 5);
    QCOMPARE(names(manager), (QStringList{u"Process-2"_s, u"Process-3"_s, u"Process-1"_s, u"Process-5"_s,
                                          u"Process-6"_s, u"Process-4"_s}));
    QCOMPARE(batch.constFirst(), manager.at(1));
    QCOMPARE(manager.peekDefaultName(), u"Process-7"_s); // what the Add dialog proposes next
    QCOMPARE(manager.add(childSpec({}))->spec().name, u"Process-7"_s);
    QVERIFY(manager.addAll({}).isEmpty());
}

void tst_ProcessManager::addRemoveSignals()
{
    ProcessManager manager;
    QSignalSpy added(&manager, &ProcessManager::processAdded);
    QSignalSpy aboutToBeRemoved(&manager, &ProcessManager::processAboutToBeRemoved);
    QSignalSpy removed(&manager, &ProcessManager::processRemoved);
    QSignalSpy modified(&manager, &ProcessManager::modified);

    manager.add(childSpec({}, u"a"_s));
    ManagedProcess *b = manager.add(childSpec({}, u"b"_s));
    manager.add(childSpec({}, u"c"_s));
    QCOMPARE(added.count(), 3);
    QCOMPARE(added.at(2).first().toInt(), 2);
    QCOMPARE(modified.count(), 3);

    // The entry is still in the list while "about to be removed" is emitted, gone at "removed".
    int countAtAboutToBeRemoved = -1;
    connect(&manager, &ProcessManager::processAboutToBeRemoved, this,
            [&](int) { countAtAboutToBeRemoved = manager.count(); });
    manager.remove(b);
    QCOMPARE(aboutToBeRemoved.count(), 1);
    QCOMPARE(aboutToBeRemoved.first().first().toInt(), 1);
    QCOMPARE(countAtAboutToBeRemoved, 3);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().first().toInt(), 1);
    QCOMPARE(names(manager), (QStringList{u"a"_s, u"c"_s}));
    QCOMPARE(modified.count(), 4);

    manager.remove(nullptr); // not ours: nothing happens
    QCOMPARE(removed.count(), 1);
}

void tst_ProcessManager::lookup()
{
    ProcessManager manager;
    ManagedProcess *a = manager.add(childSpec({}, u"a"_s));
    ManagedProcess *b = manager.add(childSpec({}, u"b"_s));
    QVERIFY(a->id() != b->id());
    QCOMPARE(manager.at(0), a);
    QCOMPARE(manager.at(1), b);
    QCOMPARE(manager.at(2), nullptr);
    QCOMPARE(manager.at(-1), nullptr);
    QCOMPARE(manager.indexOf(b), 1);
    QCOMPARE(manager.byId(b->id()), b);
    QCOMPARE(manager.byId(9999), nullptr);
    const int removedId = a->id();
    manager.remove(a);
    QCOMPARE(manager.byId(removedId), nullptr);
    // Ids are never reused either.
    QVERIFY(manager.add(childSpec({}, u"c"_s))->id() != removedId);
}

void tst_ProcessManager::batchedChanges()
{
    ProcessManager manager;
    QList<ManagedProcess *> entries;
    for (int i = 0; i < 5; ++i)
        entries << manager.add(childSpec({u"sleep"_s, u"30000"_s}));
    QSignalSpy changed(&manager, &ProcessManager::processesChanged);

    // Many changes in one event-loop pass: nothing synchronous, then one signal with each
    // changed row once, in order.
    const auto rename = [](ManagedProcess *process, const QString &name) {
        ProcessSpec spec = process->spec();
        spec.name = name;
        process->setSpec(spec);
    };
    rename(entries[3], u"d"_s);
    rename(entries[1], u"b"_s);
    rename(entries[3], u"dd"_s);
    rename(entries[4], u"e"_s);
    entries[2]->setSpec(entries[2]->spec()); // no change: no row
    QCOMPARE(changed.count(), 0);
    QCoreApplication::processEvents();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().value<QList<int>>(), (QList<int>{1, 3, 4}));
    QCoreApplication::processEvents();
    QCOMPARE(changed.count(), 1); // nothing left over

    // A row changed and removed in the same pass is not reported (its row number is stale);
    // rows after it are reported at their new positions.
    changed.clear();
    rename(entries[0], u"a"_s);
    rename(entries[4], u"ee"_s);
    manager.remove(entries[0]);
    QCoreApplication::processEvents();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().value<QList<int>>(), (QList<int>{3}));

    // Process state changes arrive the same way: starting two entries reports their rows.
    changed.clear();
    QVERIFY(entries[1]->start().ok);
    QVERIFY(entries[3]->start().ok);
    QCOMPARE(changed.count(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(entries[1]->state() == ManagedProcess::State::Running
                                 && entries[3]->state() == ManagedProcess::State::Running, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 5000);
    QCOMPARE(changed.first().first().value<QList<int>>(), (QList<int>{0, 2}));
    for (const QList<QVariant> &emission : std::as_const(changed)) {
        for (int row : emission.first().value<QList<int>>())
            QVERIFY(row == 0 || row == 2);
    }
}

void tst_ProcessManager::processFinished()
{
    ProcessManager manager;
    ManagedProcess *process = manager.add(childSpec({u"exit"_s, u"3"_s}));
    QSignalSpy finished(&manager, &ProcessManager::processFinished);
    QVERIFY(process->start().ok);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().value<ManagedProcess *>(), process);
    QCOMPARE(process->exitCode(), 3);
}

void tst_ProcessManager::terminateAllThenAllStopped()
{
    ProcessManager manager;
    ManagedProcess *a = manager.add(childSpec({u"sleep"_s, u"30000"_s}));
    ProcessSpec stubborn = childSpec({u"ignore-term"_s, u"30000"_s});
    stubborn.stopTimeoutMs = 300;
    ManagedProcess *b = manager.add(stubborn);
    ManagedProcess *idle = manager.add(childSpec({u"exit"_s, u"0"_s}));
    QVERIFY(a->start().ok);
    QVERIFY(b->start().ok);
    // b prints "ready" once it ignores SIGTERM.
    QTRY_VERIFY_WITH_TIMEOUT(a->state() == ManagedProcess::State::Running
                                 && b->output()->bytesReceived(OutputStream::Stdout) > 0, 5000);
    QCOMPARE(manager.aliveCount(), 2);

    QSignalSpy allStopped(&manager, &ProcessManager::allStopped);
    manager.terminateAll();
    QCOMPARE(a->state(), ManagedProcess::State::Stopping);
    QVERIFY(allStopped.wait(10000));
    QCOMPARE(allStopped.count(), 1);
    QCOMPARE(manager.aliveCount(), 0);
    QCOMPARE(a->exitCode(), -15);
    QCOMPARE(b->exitCode(), -9); // ignored SIGTERM, killed after the grace period
    QCOMPARE(idle->state(), ManagedProcess::State::NotStarted);

    // Only once per terminateAll(): a later run ending says nothing.
    QVERIFY(a->start().ok);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), ManagedProcess::State::Running, 5000);
    QVERIFY(a->kill().ok);
    QTRY_VERIFY_WITH_TIMEOUT(a->isFinished(), 5000);
    QCoreApplication::processEvents();
    QCOMPARE(allStopped.count(), 1);
}

void tst_ProcessManager::terminateAllWithNothingAlive()
{
    ProcessManager manager;
    manager.add(childSpec({}));
    QSignalSpy allStopped(&manager, &ProcessManager::allStopped);
    manager.terminateAll();
    QCOMPARE(allStopped.count(), 0); // from the event loop, so a caller may connect afterwards
    QTRY_COMPARE_WITH_TIMEOUT(allStopped.count(), 1, 5000);
}

void tst_ProcessManager::removeLiveEntryKillsIt()
{
    ProcessManager manager;
    ManagedProcess *process = manager.add(childSpec({u"sleep"_s, u"30000"_s}));
    QVERIFY(process->start().ok);
    QTRY_COMPARE_WITH_TIMEOUT(process->state(), ManagedProcess::State::Running, 5000);
    const TestSupport::ProcessIdentity child = TestSupport::identify(process->pid());
    QVERIFY(child.pid > 0);
    QPointer<ManagedProcess> guard(process);
    QSignalSpy managerFinished(&manager, &ProcessManager::processFinished);

    manager.remove(process);
    QCOMPARE(manager.count(), 0);
    // Killed and reaped in the background, then deleted.
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), 5000);
    QVERIFY(TestSupport::isGone(child)); // reaped, not a zombie
    QCOMPARE(managerFinished.count(), 0); // a removed entry is not reported any more
}

// The gentle removal: the stop signal and the grace period first, the row stays meanwhile.
void tst_ProcessManager::removeWhenStoppedTerminatesFirst()
{
    ProcessManager manager;
    ManagedProcess *idle = manager.add(childSpec({u"exit"_s, u"0"_s}));
    ProcessSpec stubbornSpec = childSpec({u"ignore-term"_s, u"30000"_s});
    stubbornSpec.stopTimeoutMs = 300;
    ManagedProcess *stubborn = manager.add(stubbornSpec);
    QVERIFY(stubborn->start().ok);
    QTRY_COMPARE_WITH_TIMEOUT(stubborn->output()->endLineNumber() > 1, true, 5000); // "ready"
    QPointer<ManagedProcess> guard(stubborn);

    manager.removeWhenStopped(idle); // not running: removed at once
    QCOMPARE(manager.count(), 1);

    int exitCode = 0;
    connect(stubborn, &ManagedProcess::finished, this, [&exitCode, stubborn] { exitCode = stubborn->exitCode(); });
    manager.removeWhenStopped(stubborn);
    QCOMPARE(manager.count(), 1); // still listed while it stops
    QCOMPARE(stubborn->state(), ManagedProcess::State::Stopping);
    QTRY_COMPARE_WITH_TIMEOUT(manager.count(), 0, 5000);
    QCOMPARE(exitCode, -9); // it ignored SIGTERM: SIGKILL after the grace period
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), 5000);
}

void tst_ProcessManager::clearRemovesEverything()
{
    ProcessManager manager;
    ManagedProcess *live = manager.add(childSpec({u"sleep"_s, u"30000"_s}));
    manager.add(childSpec({}));
    manager.add(childSpec({}));
    QVERIFY(live->start().ok);
    QPointer<ManagedProcess> guard(live);
    QSignalSpy removed(&manager, &ProcessManager::processRemoved);
    manager.clear();
    QCOMPARE(manager.count(), 0);
    QCOMPARE(removed.count(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), 5000);
}

void tst_ProcessManager::modifiedOnSpecChange()
{
    ProcessManager manager;
    ManagedProcess *process = manager.add(childSpec({}, u"a"_s));
    QSignalSpy modified(&manager, &ProcessManager::modified);
    ProcessSpec spec = process->spec();
    process->setSpec(spec); // unchanged
    QCOMPARE(modified.count(), 0);
    spec.args = QStringList{u"exit"_s, u"1"_s};
    process->setSpec(spec);
    QCOMPARE(modified.count(), 1);
}

void tst_ProcessManager::baseDirectoryReachesEntries()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ProcessManager manager;
    ManagedProcess *before = manager.add(childSpec({u"pwd"_s}));
    manager.setBaseDirectory(dir.path());
    QCOMPARE(manager.baseDirectory(), dir.path());
    ProcessSpec spec = childSpec({u"pwd"_s});
    spec.workingDirectory = u"."_s;
    ManagedProcess *after = manager.add(spec);
    ProcessSpec beforeSpec = before->spec();
    beforeSpec.workingDirectory = u"."_s;
    before->setSpec(beforeSpec);

    QSignalSpy finished(&manager, &ProcessManager::processFinished);
    QVERIFY(before->start().ok);
    QVERIFY(after->start().ok);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 5000);
    QCOMPARE(before->exitCode(), 0);
    QCOMPARE(after->exitCode(), 0);
}

void tst_ProcessManager::destroyWithLiveChildren()
{
    auto manager = std::make_unique<ProcessManager>();
    QList<TestSupport::ProcessIdentity> children;
    for (int i = 0; i < 3; ++i) {
        ManagedProcess *process = manager->add(childSpec({u"sleep"_s, u"30000"_s}));
        QVERIFY(process->start().ok);
        QTRY_COMPARE_WITH_TIMEOUT(process->state(), ManagedProcess::State::Running, 5000);
        children << TestSupport::identify(process->pid());
        QVERIFY(children.last().pid > 0);
    }
    manager.reset();
    for (const TestSupport::ProcessIdentity &child : std::as_const(children))
        QVERIFY(TestSupport::isGone(child)); // killed and reaped by the destructor
    QCOMPARE(TestSupport::destroyedWhileRunningWarnings(), 0);
}

void tst_ProcessManager::startAllInSlices()
{
    ProcessManager manager;
    QList<ManagedProcess *> entries;
    for (int i = 0; i < 30; ++i)
        entries << manager.add(childSpec({u"sleep"_s, u"30000"_s}));
    ManagedProcess *removed = entries.takeLast();
    ManagedProcess *startedByHand = entries.constLast();

    manager.startAll(manager.processes());
    // Nothing starts inside the call: the slices run from the event loop.
    QCOMPARE(manager.pendingStarts(), 30);
    QCOMPARE(manager.aliveCount(), 0);
    QVERIFY(startedByHand->start().ok); // skipped when its turn comes, not started twice
    manager.remove(removed);             // skipped too

    QTRY_COMPARE_WITH_TIMEOUT(manager.pendingStarts(), 0, 10000);
    QCOMPARE(manager.aliveCount(), 29);
    QCOMPARE(startedByHand->runCount(), 1);
    QSignalSpy allStopped(&manager, &ProcessManager::allStopped);
    manager.terminateAll();
    QVERIFY(allStopped.wait(10000));
}

void tst_ProcessManager::startAllDroppedByTerminateAll()
{
    ProcessManager manager;
    for (int i = 0; i < 5; ++i)
        manager.add(childSpec({u"sleep"_s, u"30000"_s}));
    manager.startAll(manager.processes());
    QSignalSpy allStopped(&manager, &ProcessManager::allStopped);
    manager.terminateAll();
    QCOMPARE(manager.pendingStarts(), 0);
    QVERIFY(allStopped.wait(5000));
    for (int i = 0; i < 5; ++i) // lets a wrongly pending slice run, if there were one
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    for (const ManagedProcess *process : manager.processes())
        QCOMPARE(process->state(), ManagedProcess::State::NotStarted);
}

void tst_ProcessManager::terminateAllInSlices()
{
    // 150 entries with `always`: terminating them may take more than one slice (it does on a
    // slow machine). Either way every entry ends, none restarts, and allStopped comes once, from
    // the event loop, after the last.
    ProcessManager manager;
    ManagedProcess::RestartTiming timing;
    timing.firstDelayMs = 0; // a policy restart would come at once
    manager.setRestartTiming(timing);
    for (int i = 0; i < 150; ++i) {
        ProcessSpec spec = childSpec({u"sleep"_s, u"30000"_s});
        spec.restart = RestartPolicy::Always;
        manager.add(spec);
    }
    manager.startAll(manager.processes());
    QTRY_COMPARE_WITH_TIMEOUT(manager.aliveCount(), 150, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(manager.processes().cbegin(), manager.processes().cend(),
                                         [](const ManagedProcess *p) { return p->pid() > 0; }),
                             30000);

    QSignalSpy allStopped(&manager, &ProcessManager::allStopped);
    manager.terminateAll();
    QCOMPARE(allStopped.count(), 0);
    QVERIFY(allStopped.wait(30000));
    QCOMPARE(manager.aliveCount(), 0);
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QCOMPARE(allStopped.count(), 1);
    for (const ManagedProcess *process : manager.processes()) {
        QCOMPARE(process->state(), ManagedProcess::State::Killed);
        QCOMPARE(process->runCount(), 1);
    }
}

QTEST_GUILESS_MAIN(tst_ProcessManager)
#include "tst_processmanager.moc"
