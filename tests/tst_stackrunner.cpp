// StackRunner (src/core/stackrunner.h): start order, the waits and their conditions, failure
// propagation, reverse-order stop, restarts while waited on, restartWithDependants(), and the
// headless output of a stack through the real executable (PD_APP_PATH). Specs are built in code;
// real children from tests/helpers/pd_child.

#include "headlessrunner.h"
#include "managedprocess.h"
#include "outputlog.h"
#include "processmanager.h"
#include "processtablemodel.h"
#include "sessionfile.h"
#include "stackrunner.h"
#include "testsupport.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using State = ManagedProcess::State;
using Readiness = ManagedProcess::Readiness;

ProcessSpec childSpec(const QString &name, const QStringList &args, const QList<Dependency> &dependsOn = {})
{
    ProcessSpec spec;
    spec.name = name;
    spec.program = TestSupport::childPath();
    spec.args = args;
    spec.dependsOn = dependsOn;
    return spec;
}

// A readiness check that nobody runs in this test: the test reports it with setReadiness().
ProcessSpec withReadiness(ProcessSpec spec)
{
    spec.readiness.kind = ProbeSpec::Kind::LogLine;
    spec.readiness.target = u"never printed"_s;
    return spec;
}

QStringList notes(const ManagedProcess *process)
{
    QStringList lines;
    const OutputLog *log = process->output();
    for (qint64 n = log->firstLineNumber(); n < log->endLineNumber(); ++n) {
        const OutputLine line = log->line(n);
        if (line.stream == OutputStream::Message)
            lines.append(line.text);
    }
    return lines;
}

// When each entry started, got its stop signal (Stopping) and ended, on one clock.
class Timeline final : public QObject
{
public:
    explicit Timeline(const QList<ManagedProcess *> &processes)
    {
        m_clock.start();
        for (ManagedProcess *process : processes) {
            const QString name = process->spec().name;
            connect(process, &ManagedProcess::started, this, [this, name] {
                m_started[name].append(m_clock.nsecsElapsed());
                m_startOrder.append(name);
            });
            // The end of a run is its state change (`finished` follows it, after anyone who
            // acts on the change: the runner sends the next stop signal there).
            connect(process, &ManagedProcess::stateChanged, this, [this, process, name] {
                if (process->state() == State::Stopping && !m_stopSignal.contains(name))
                    m_stopSignal.insert(name, m_clock.nsecsElapsed());
                if (process->isAlive()) {
                    m_alive.insert(name);
                } else if (m_alive.remove(name)) {
                    m_ended.insert(name, m_clock.nsecsElapsed());
                    m_stopOrder.append(name);
                }
            });
        }
    }
    qint64 stopSignal(const QString &name) const { return m_stopSignal.value(name, -1); }
    qint64 ended(const QString &name) const { return m_ended.value(name, -1); }
    int starts(const QString &name) const { return int(m_started.value(name).size()); }
    QStringList startOrder() const { return m_startOrder; }
    QStringList endOrder() const { return m_stopOrder; }
    void clear()
    {
        m_started.clear();
        m_stopSignal.clear();
        m_ended.clear();
        m_startOrder.clear();
        m_stopOrder.clear();
    }

private:
    QElapsedTimer m_clock;
    QHash<QString, QList<qint64>> m_started;
    QHash<QString, qint64> m_stopSignal;
    QHash<QString, qint64> m_ended;
    QSet<QString> m_alive;
    QStringList m_startOrder;
    QStringList m_stopOrder;
};

// db with a readiness check (which the test reports) and api, which waits for it to be ready.
QList<ManagedProcess *> addReadyPair(ProcessManager *manager)
{
    return manager->addAll({withReadiness(childSpec(u"db"_s, {u"sleep"_s, u"30000"_s})),
                            childSpec(u"api"_s, {u"sleep"_s, u"30000"_s}, {{u"db"_s, DependencyCondition::Ready}})});
}

// The first of `expected` that is not in `lines` after the one before it; empty when all are.
QString missingInOrder(const QStringList &lines, const QStringList &expected)
{
    qsizetype at = 0;
    for (const QString &line : expected) {
        const qsizetype found = lines.indexOf(line, at);
        if (found < 0)
            return line + u"\nin:\n"_s + lines.join(u'\n');
        at = found + 1;
    }
    return {};
}

// Lets every queued decision of the runner happen (its evaluation is one 0 ms timer).
void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

} // namespace

class tst_StackRunner final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void waitingStatesAnswerTheStateQuestions();
    void startedCondition();
    void readyCondition();
    void completedCondition();
    void succeededCondition();
    void replicatedDependencyNeedsAllCopies();
    void transitiveStartOrder();
    void startAllOrder();
    void succeededFailureBlocksDependants();
    void failedToStartBlocks();
    void readinessFailedBlocks();
    void dependencyEndedBeforeStart();
    void stoppingAWaitingEntryCancelsItsWait();
    void reverseOrderStopAll();
    void reverseOrderStopSelection();
    void restartWhileWaitedOn();
    void restartWithDependantsOrder();
    void headlessNotesAndStatus_data();
    void headlessNotesAndStatus();
    void headlessOutput_data();
    void headlessOutput();

private:
    ProcessManager *newManager();
    QString writeSession(const QByteArray &json);

    std::unique_ptr<ProcessManager> m_manager;
    QTemporaryDir m_dir;
};

void tst_StackRunner::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(TestSupport::childPath()));
}

void tst_StackRunner::cleanup()
{
    m_manager.reset(); // kills what is left
}

ProcessManager *tst_StackRunner::newManager()
{
    m_manager = std::make_unique<ProcessManager>();
    return m_manager.get();
}

// The two states of the table in managedprocess.h that a stack adds.
void tst_StackRunner::waitingStatesAnswerTheStateQuestions()
{
    ManagedProcess process(1, childSpec(u"api"_s, {u"sleep"_s, u"30000"_s}));
    QVERIFY(process.waitForDependencies(u"db (ready)"_s).ok);
    QCOMPARE(process.state(), State::WaitingForDependencies);
    QCOMPARE(process.waitingFor(), u"db (ready)"_s);
    QVERIFY(!process.isAlive());
    QVERIFY(!process.isSettled());
    QVERIFY(process.hasPendingWork());
    QVERIFY(process.canStart());
    QVERIFY(process.canTerminate());
    QVERIFY(process.canKill());
    QVERIFY(!process.hasEndedRun());
    QVERIFY(process.terminate().ok); // cancels the wait
    QCOMPARE(process.state(), State::NotStarted);
    QVERIFY(process.waitingFor().isEmpty());

    QVERIFY(process.waitForDependencies(u"db (ready)"_s).ok);
    process.block(u"db failed to start"_s);
    QCOMPARE(process.state(), State::Blocked);
    QCOMPARE(process.blockedReason(), u"db failed to start"_s);
    QVERIFY(process.isSettled());
    QVERIFY(!process.hasPendingWork());
    QVERIFY(!process.isFinished());
    QVERIFY(!process.canTerminate());
    QVERIFY(!process.canKill());
    QVERIFY(process.canStart());
    QVERIFY(notes(&process).contains(u"not started: db failed to start"_s));

    QVERIFY(process.start().ok); // a start by hand goes ahead
    QTRY_COMPARE(process.state(), State::Running);
    QVERIFY(process.blockedReason().isEmpty());
    QVERIFY(!process.waitForDependencies(u"db (ready)"_s).ok); // refused while alive
    QVERIFY(process.kill().ok);
    QTRY_VERIFY(process.isFinished());
}

void tst_StackRunner::startedCondition()
{
    ProcessManager *manager = newManager();
    const QList<ManagedProcess *> entries = manager->addAll(
        {childSpec(u"db"_s, {u"sleep"_s, u"30000"_s}),
         childSpec(u"api"_s, {u"sleep"_s, u"30000"_s}, {{u"db"_s, DependencyCondition::Started}})});
    ManagedProcess *db = entries[0];
    ManagedProcess *api = entries[1];
    Timeline timeline(entries);

    manager->startAll({api}); // Start on api starts db too, first
    QCOMPARE(api->state(), State::WaitingForDependencies);
    QCOMPARE(api->waitingFor(), u"db (started)"_s);
    ProcessTableModel model(manager);
    QCOMPARE(model.index(1, ProcessTableModel::State).data().toString(), u"Waiting for db (started)"_s);
    QVERIFY(model.data(model.index(1, ProcessTableModel::State), Qt::ToolTipRole).toString().contains(u"db (started)"_s));
    QTRY_COMPARE(db->state(), State::Running);
    QTRY_COMPARE(api->state(), State::Running);
    QCOMPARE(timeline.startOrder(), (QStringList{u"db"_s, u"api"_s}));
    QVERIFY(notes(api).contains(u"waiting for db (started)"_s));
}

void tst_StackRunner::readyCondition()
{
    ProcessManager *manager = newManager();
    const QList<ManagedProcess *> entries = addReadyPair(manager);
    ManagedProcess *db = entries[0];
    ManagedProcess *api = entries[1];

    manager->startAll(entries);
    QTRY_COMPARE(db->state(), State::Running);
    QCOMPARE(db->readiness(), Readiness::Pending);
    settle();
    QCOMPARE(api->state(), State::WaitingForDependencies); // started is not ready
    QVERIFY(manager->stack()->dependencyLines(api).join(u'\n').contains(u"db (ready): not yet"_s));

    db->setReadiness(Readiness::Ready);
    QTRY_COMPARE(api->state(), State::Running);
    QVERIFY(notes(db).contains(u"ready"_s));
    QCOMPARE(manager->stack()->dependencyLines(api), QStringList{u"db (ready): met"_s});
}

void tst_StackRunner::completedCondition()
{
    ProcessManager *manager = newManager();
    const QList<ManagedProcess *> entries = manager->addAll(
        {childSpec(u"job"_s, {u"sleep"_s, u"200"_s, u"then"_s, u"exit"_s, u"3"_s}),
         childSpec(u"after"_s, {u"sleep"_s, u"30000"_s}, {{u"job"_s, DependencyCondition::Completed}})});
    ManagedProcess *job = entries[0];
    ManagedProcess *after = entries[1];

    manager->startAll({after});
    QTRY_COMPARE(job->state(), State::Running);
    settle();
    QCOMPARE(after->state(), State::WaitingForDependencies); // running is not completed
    QTRY_COMPARE(after->state(), State::Running);            // any exit completes
    QCOMPARE(job->state(), State::Exited);
    QCOMPARE(job->exitCode(), 3);
}

void tst_StackRunner::succeededCondition()
{
    ProcessManager *manager = newManager();
    const QList<ManagedProcess *> entries = manager->addAll(
        {childSpec(u"migrate"_s, {u"sleep"_s, u"200"_s, u"then"_s, u"exit"_s, u"0"_s}),
         childSpec(u"api"_s, {u"sleep"_s, u"30000"_s}, {{u"migrate"_s, DependencyCondition::Succeeded}})});
    ManagedProcess *migrate = entries[0];
    ManagedProcess *api = entries[1];

    manager->startAll({api});
    QTRY_COMPARE(migrate->state(), State::Running);
    settle();
    QCOMPARE(api->state(), State::WaitingForDependencies);
    QTRY_COMPARE(api->state(), State::Running);
    QCOMPARE(migrate->exitCode(), 0);

    // A later Start on api alone does not run the one-shot that already succeeded again.
    manager->terminate({api});
    QTRY_VERIFY(!api->isAlive());
    manager->startAll({api});
    QTRY_COMPARE(api->state(), State::Running);
    QCOMPARE(migrate->runCount(), 1);
}

void tst_StackRunner::replicatedDependencyNeedsAllCopies()
{
    ProcessManager *manager = newManager();
    const QList<ManagedProcess *> entries = manager->addAll(
        {withReadiness(childSpec(u"api-1"_s, {u"sleep"_s, u"30000"_s})),
         withReadiness(childSpec(u"api-2"_s, {u"sleep"_s, u"30000"_s})),
         childSpec(u"web"_s, {u"sleep"_s, u"30000"_s}, {{u"api"_s, DependencyCondition::Ready}})});
    entries[0]->setReplica(u"api"_s, 1);
    entries[1]->setReplica(u"api"_s, 2);
    ManagedProcess *web = entries[2];

    manager->startAll({web}); // both copies start with it
    QTRY_COMPARE(entries[0]->state(), State::Running);
    QTRY_COMPARE(entries[1]->state(), State::Running);
    QCOMPARE(manager->stack()->dependencies(web), (QList<ManagedProcess *>{entries[0], entries[1]}));
    entries[0]->setReadiness(Readiness::Ready);
    settle();
    QCOMPARE(web->state(), State::WaitingForDependencies); // one copy is not enough
    entries[1]->setReadiness(Readiness::Ready);
    QTRY_COMPARE(web->state(), State::Running);
}

void tst_StackRunner::transitiveStartOrder()
{
    ProcessManager *manager = newManager();
    const QList<ManagedProcess *> entries = manager->addAll(
        {childSpec(u"web"_s, {u"sleep"_s, u"30000"_s}, {{u"api"_s, DependencyCondition::Started}}),
         childSpec(u"api"_s, {u"sleep"_s, u"30000"_s}, {{u"db"_s, DependencyCondition::Started}}),
         childSpec(u"db"_s, {u"sleep"_s, u"30000"_s}),
         childSpec(u"other"_s, {u"sleep"_s, u"30000"_s})});
    Timeline timeline(entries);

    QCOMPARE(manager->stack()->withDependencies({entries[0]}), (QList<ManagedProcess *>{entries[2], entries[1], entries[0]}));
    manager->startAll({entries[0]});
    QTRY_COMPARE(entries[0]->state(), State::Running);
    QCOMPARE(timeline.startOrder(), (QStringList{u"db"_s, u"api"_s, u"web"_s}));
    QCOMPARE(entries[3]->state(), State::NotStarted); // not a dependency: not started
}

void tst_StackRunner::startAllOrder()
{
    ProcessManager *manager = newManager();
    const QList<ManagedProcess *> entries = manager->addAll(
        {childSpec(u"web"_s, {u"sleep"_s, u"30000"_s}, {{u"api"_s, DependencyCondition::Started}}),
         childSpec(u"api"_s, {u"sleep"_s, u"30000"_s},
                   {{u"db"_s, DependencyCondition::Started}, {u"migrate"_s, DependencyCondition::Succeeded}}),
         childSpec(u"migrate"_s, {u"sleep"_s, u"100"_s, u"then"_s, u"exit"_s, u"0"_s}, {{u"db"_s, DependencyCondition::Started}}),
         childSpec(u"db"_s, {u"sleep"_s, u"30000"_s})});
    Timeline timeline(entries);

    manager->startAll(manager->processes());
    QTRY_COMPARE(entries[0]->state(), State::Running);
    QCOMPARE(timeline.startOrder(), (QStringList{u"db"_s, u"migrate"_s, u"api"_s, u"web"_s}));
    QCOMPARE(timeline.starts(u"api"_s), 1);
}

void tst_StackRunner::succeededFailureBlocksDependants()
{
    ProcessManager *manager = newManager();
    const QList<ManagedProcess *> entries = manager->addAll(
        {childSpec(u"migrate"_s, {u"exit"_s, u"1"_s}),
         childSpec(u"api"_s, {u"sleep"_s, u"30000"_s}, {{u"migrate"_s, DependencyCondition::Succeeded}}),
         childSpec(u"web"_s, {u"sleep"_s, u"30000"_s}, {{u"api"_s, DependencyCondition::Started}})});
    ManagedProcess *api = entries[1];
    ManagedProcess *web = entries[2];

    manager->startAll(entries);
    QTRY_COMPARE(api->state(), State::Blocked);
    QCOMPARE(api->blockedReason(), u"migrate exited with 1"_s);
    QVERIFY(api->isSettled());
    QCOMPARE(api->runCount(), 0);
    QVERIFY(notes(api).contains(u"not started: migrate exited with 1"_s));
    QTRY_COMPARE(web->state(), State::Blocked);
    QCOMPARE(web->blockedReason(), u"api was not started"_s);
    ProcessTableModel model(manager);
    QCOMPARE(model.index(1, ProcessTableModel::State).data().toString(), u"Not started: migrate exited with 1"_s);
    QCOMPARE(ProcessTableModel::outcome(api), ProcessTableModel::Outcome::Failed);
}

void tst_StackRunner::failedToStartBlocks()
{
    ProcessManager *manager = newManager();
    ProcessSpec broken = childSpec(u"db"_s, {});
    broken.program = m_dir.filePath(u"no-such-program"_s);
    const QList<ManagedProcess *> entries = manager->addAll(
        {broken, childSpec(u"api"_s, {u"sleep"_s, u"30000"_s}, {{u"db"_s, DependencyCondition::Started}})});

    manager->startAll({entries[1]});
    QTRY_COMPARE(entries[1]->state(), State::Blocked);
    QCOMPARE(entries[0]->state(), State::FailedToStart);
    QCOMPARE(entries[1]->blockedReason(), u"db failed to start"_s);
}

void tst_StackRunner::readinessFailedBlocks()
{
    ProcessManager *manager = newManager();
    const QList<ManagedProcess *> entries = manager->addAll(
        {withReadiness(childSpec(u"api"_s, {u"sleep"_s, u"30000"_s})),
         childSpec(u"web"_s, {u"sleep"_s, u"30000"_s}, {{u"api"_s, DependencyCondition::Ready}})});

    manager->startAll(entries);
    QTRY_COMPARE(entries[0]->state(), State::Running);
    entries[0]->setReadiness(Readiness::Failed, u"connection refused"_s);
    QTRY_COMPARE(entries[1]->state(), State::Blocked);
    QCOMPARE(entries[1]->blockedReason(), u"api failed its readiness check"_s);
    QVERIFY(notes(entries[0]).contains(u"readiness check failed: connection refused"_s));
}

void tst_StackRunner::dependencyEndedBeforeStart()
{
    ProcessManager *manager = newManager();
    const QList<ManagedProcess *> entries = manager->addAll(
        {withReadiness(childSpec(u"db"_s, {u"sleep"_s, u"100"_s, u"then"_s, u"exit"_s, u"0"_s})),
         childSpec(u"api"_s, {u"sleep"_s, u"30000"_s}, {{u"db"_s, DependencyCondition::Ready}})});

    manager->startAll(entries);
    QTRY_COMPARE(entries[1]->state(), State::Blocked);
    QCOMPARE(entries[1]->blockedReason(), u"db ended"_s);
}

void tst_StackRunner::stoppingAWaitingEntryCancelsItsWait()
{
    ProcessManager *manager = newManager();
    const QList<ManagedProcess *> entries = addReadyPair(manager);
    ManagedProcess *db = entries[0];
    ManagedProcess *api = entries[1];

    manager->startAll(entries);
    QTRY_COMPARE(db->state(), State::Running);
    QCOMPARE(api->state(), State::WaitingForDependencies);
    QVERIFY(api->canTerminate());
    manager->terminate({api});
    QCOMPARE(api->state(), State::NotStarted);
    db->setReadiness(Readiness::Ready);
    settle();
    QCOMPARE(api->state(), State::NotStarted); // the cancelled wait never starts it
    QCOMPARE(api->runCount(), 0);
}

void tst_StackRunner::reverseOrderStopAll()
{
    ProcessManager *manager = newManager();
    // Entries that ignore SIGTERM: each ends only at the end of its grace period (SIGKILL).
    ProcessSpec db = childSpec(u"db"_s, {u"ignore-term"_s, u"30000"_s});
    ProcessSpec api = childSpec(u"api"_s, {u"ignore-term"_s, u"30000"_s}, {{u"db"_s, DependencyCondition::Started}});
    ProcessSpec web = childSpec(u"web"_s, {u"ignore-term"_s, u"30000"_s}, {{u"api"_s, DependencyCondition::Started}});
    for (ProcessSpec *spec : {&db, &api, &web})
        spec->stopTimeoutMs = 300;
    const QList<ManagedProcess *> entries = manager->addAll({db, api, web});
    Timeline timeline(entries);
    manager->startAll(entries);
    QTRY_COMPARE(entries[2]->state(), State::Running);

    QSignalSpy allStopped(manager, &ProcessManager::allStopped);
    manager->terminateAll();
    QCOMPARE(entries[2]->state(), State::Stopping);
    QCOMPARE(entries[0]->state(), State::Running); // held until its dependants have ended
    QCOMPARE(manager->stack()->heldStops(), 2);
    QVERIFY(allStopped.wait(15000));
    QCOMPARE(timeline.endOrder(), (QStringList{u"web"_s, u"api"_s, u"db"_s}));
    // Each dependant ended before its dependency got its stop signal; each had its grace period.
    QVERIFY(timeline.ended(u"web"_s) <= timeline.stopSignal(u"api"_s));
    QVERIFY(timeline.ended(u"api"_s) <= timeline.stopSignal(u"db"_s));
    for (ManagedProcess *process : entries)
        QVERIFY(notes(process).join(u'\n').contains(u"grace period"_s));
}

void tst_StackRunner::reverseOrderStopSelection()
{
    ProcessManager *manager = newManager();
    ProcessSpec api = childSpec(u"api"_s, {u"ignore-term"_s, u"30000"_s}, {{u"db"_s, DependencyCondition::Started}});
    api.stopTimeoutMs = 300;
    const QList<ManagedProcess *> entries = manager->addAll(
        {childSpec(u"db"_s, {u"sleep"_s, u"30000"_s}), api, childSpec(u"cache"_s, {u"sleep"_s, u"30000"_s})});
    Timeline timeline(entries);
    manager->startAll(entries);
    QTRY_COMPARE(entries[1]->state(), State::Running);
    QTRY_COMPARE(entries[2]->state(), State::Running);

    manager->terminate({entries[0], entries[1]});
    QCOMPARE(entries[0]->state(), State::Running);
    QTRY_VERIFY(!entries[0]->isAlive());
    QVERIFY(timeline.ended(u"api"_s) <= timeline.stopSignal(u"db"_s));
    QCOMPARE(entries[2]->state(), State::Running); // not selected: untouched

    // A Kill is never held back.
    manager->startAll({entries[1]});
    QTRY_COMPARE(entries[1]->state(), State::Running);
    QVERIFY(entries[0]->kill().ok);
    QTRY_VERIFY(!entries[0]->isAlive());
    QVERIFY(entries[1]->isAlive());
}

// process-compose #530: restarting an entry that others wait on must not wedge them or start them
// twice.
void tst_StackRunner::restartWhileWaitedOn()
{
    ProcessManager *manager = newManager();
    const QList<ManagedProcess *> entries = addReadyPair(manager);
    ManagedProcess *db = entries[0];
    ManagedProcess *api = entries[1];
    Timeline timeline(entries);

    manager->startAll(entries);
    QTRY_COMPARE(db->state(), State::Running);
    QVERIFY(db->restart().ok);
    QTRY_COMPARE(db->runCount(), 2);
    QTRY_COMPARE(db->state(), State::Running);
    settle();
    QCOMPARE(api->state(), State::WaitingForDependencies); // the new run is not ready yet
    db->setReadiness(Readiness::Ready);
    QTRY_COMPARE(api->state(), State::Running);
    // Restarted again while ready: a running dependant is left alone, nothing starts twice.
    QVERIFY(db->restart().ok);
    QTRY_COMPARE(db->runCount(), 3);
    QTRY_COMPARE(db->state(), State::Running);
    db->setReadiness(Readiness::Ready);
    settle();
    QCOMPARE(timeline.starts(u"api"_s), 1);
    QCOMPARE(api->runCount(), 1);
}

void tst_StackRunner::restartWithDependantsOrder()
{
    ProcessManager *manager = newManager();
    const QList<ManagedProcess *> entries = manager->addAll(
        {withReadiness(childSpec(u"db"_s, {u"sleep"_s, u"30000"_s})),
         childSpec(u"api"_s, {u"sleep"_s, u"30000"_s}, {{u"db"_s, DependencyCondition::Ready}}),
         childSpec(u"web"_s, {u"sleep"_s, u"30000"_s}, {{u"api"_s, DependencyCondition::Started}}),
         childSpec(u"report"_s, {u"exit"_s, u"0"_s}, {{u"db"_s, DependencyCondition::Completed}}),
         childSpec(u"other"_s, {u"sleep"_s, u"30000"_s})});
    ManagedProcess *db = entries[0];
    Timeline timeline(entries);
    manager->startAll({entries[1], entries[2], entries[4]});
    QTRY_COMPARE(db->state(), State::Running);
    db->setReadiness(Readiness::Ready);
    QTRY_COMPARE(entries[2]->state(), State::Running);
    timeline.clear();

    manager->stack()->restartWithDependants(db);
    QTRY_COMPARE(db->runCount(), 2);
    QTRY_COMPARE(db->state(), State::Running);
    settle();
    QCOMPARE(entries[1]->state(), State::WaitingForDependencies);
    QCOMPARE(timeline.endOrder(), (QStringList{u"web"_s, u"api"_s, u"db"_s}));
    db->setReadiness(Readiness::Ready);
    QTRY_COMPARE(entries[2]->state(), State::Running);
    QCOMPARE(timeline.startOrder(), (QStringList{u"db"_s, u"api"_s, u"web"_s}));
    QCOMPARE(entries[1]->runCount(), 2);
    QCOMPARE(entries[2]->runCount(), 2);
    QCOMPARE(entries[3]->runCount(), 0); // `completed` does not need it running
    QCOMPARE(entries[4]->runCount(), 1); // unrelated
}

// The headless runner with specs made in code (the session reader's dependsOn comes separately):
// its notes, in order, and its exit status.
void tst_StackRunner::headlessNotesAndStatus_data()
{
    QTest::addColumn<bool>("migrateFails");
    QTest::addColumn<int>("exitStatus");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("waits, then runs")
        << false << 0
        << QStringList{u"web     * waiting for migrate (succeeded)"_s, u"migrate * exited with code 0"_s,
                       u"web     | web up"_s};
    QTest::newRow("not started")
        << true << HeadlessRunner::BlockedExitCode
        << QStringList{u"web     * waiting for migrate (succeeded)"_s, u"migrate * exited with code 1"_s,
                       u"web     * not started: migrate exited with 1"_s};
}

void tst_StackRunner::headlessNotesAndStatus()
{
    QFETCH(bool, migrateFails);
    QFETCH(int, exitStatus);
    QFETCH(QStringList, expected);
    Session session;
    session.processes = {
        childSpec(u"web"_s, {u"echo"_s, u"web up"_s}, {{u"migrate"_s, DependencyCondition::Succeeded}}),
        childSpec(u"migrate"_s, {u"sleep"_s, u"100"_s, u"then"_s, u"exit"_s, migrateFails ? u"1"_s : u"0"_s})};
    HeadlessRunner runner;
    QBuffer output;
    QBuffer errors;
    output.open(QIODevice::WriteOnly);
    errors.open(QIODevice::WriteOnly);
    runner.setOutputDevice(&output);
    runner.setErrorDevice(&errors);
    runner.setColour(false);
    runner.setHandleSignals(false);
    runner.setSession(session, m_dir.path());
    QSignalSpy finished(&runner, &HeadlessRunner::finished);
    runner.start(30000);
    QVERIFY(finished.wait(20000));
    const QStringList lines = QString::fromUtf8(output.data()).split(u'\n');
    const QString missing = missingInOrder(lines, expected);
    QVERIFY2(missing.isEmpty(), qPrintable(u"missing or out of order: "_s + missing));
    QCOMPARE(finished.constFirst().constFirst().toInt(), exitStatus);
}

QString tst_StackRunner::writeSession(const QByteArray &json)
{
    static int count = 0;
    const QString path = m_dir.filePath(u"stack-%1.json"_s.arg(++count));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
        return {};
    return path;
}

void tst_StackRunner::headlessOutput_data()
{
    QTest::addColumn<QByteArray>("processes");
    QTest::addColumn<int>("exitStatus");
    QTest::addColumn<QStringList>("expected"); // lines expected in the output, in this order

    const QByteArray child = QByteArray(PD_CHILD_PATH);
    QTest::newRow("waits, then runs")
        << (R"([
            {"name": "web", "program": ")" + child + R"(", "args": ["echo", "web up"],
             "dependsOn": {"migrate": "succeeded"}},
            {"name": "migrate", "program": ")" + child + R"(", "args": ["sleep", "100", "then", "exit", "0"]}
           ])")
        << 0
        << QStringList{u"web     * waiting for migrate (succeeded)"_s, u"migrate * exited with code 0"_s,
                       u"web     | web up"_s};
    QTest::newRow("not started")
        << (R"([
            {"name": "web", "program": ")" + child + R"(", "args": ["echo", "web up"],
             "dependsOn": {"migrate": "succeeded"}},
            {"name": "migrate", "program": ")" + child + R"(", "args": ["exit", "1"]}
           ])")
        << 3
        << QStringList{u"web     * waiting for migrate (succeeded)"_s, u"migrate * exited with code 1"_s,
                       u"web     * not started: migrate exited with 1"_s};
}

void tst_StackRunner::headlessOutput()
{
    QFETCH(QByteArray, processes);
    QFETCH(int, exitStatus);
    QFETCH(QStringList, expected);
    const QString path = writeSession(R"({"procdeck": 1, "processes": )" + processes + "}\n");
    QVERIFY(!path.isEmpty());
    const SessionFile::LoadResult loaded = SessionFile::load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QVERIFY(!loaded.session->processes.constFirst().dependsOn.isEmpty());

    QProcess procdeck;
    procdeck.start(QStringLiteral(PD_APP_PATH), {u"--headless"_s, path, u"--timeout"_s, u"30"_s});
    QVERIFY(procdeck.waitForFinished(40000));
    const QStringList lines = QString::fromUtf8(procdeck.readAllStandardOutput()).split(u'\n');
    const QString missing = missingInOrder(lines, expected);
    QVERIFY2(missing.isEmpty(), qPrintable(u"missing or out of order: "_s + missing));
    QCOMPARE(procdeck.exitCode(), exitStatus);
}

QTEST_GUILESS_MAIN(tst_StackRunner)
#include "tst_stackrunner.moc"
