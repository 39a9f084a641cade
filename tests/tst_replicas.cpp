// Replicas: an entry with `replicas` N runs as N copies (name-1 … name-N) that see their number in
// PROCDECK_REPLICA, are scaled while running, and are saved as one entry.

#include "outputlog.h"
#include "processmanager.h"
#include "sessiondocument.h"
#include "sessionfile.h"
#include "testsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

ProcessSpec childSpec(const QString &name, const QStringList &args, int replicas = 1)
{
    ProcessSpec spec;
    spec.name = name;
    spec.program = TestSupport::childPath();
    spec.args = args;
    spec.replicas = replicas;
    return spec;
}

// Prints its PROCDECK_REPLICA, then stays until stopped.
const QStringList ReplicaThenSleep{u"env"_s, u"PROCDECK_REPLICA"_s, u"then"_s, u"sleep"_s, u"30000"_s};

QStringList names(const ProcessManager &manager)
{
    QStringList result;
    for (const ManagedProcess *process : manager.processes())
        result << process->spec().name;
    return result;
}

QString firstStdoutLine(const ManagedProcess *process)
{
    const OutputLog *log = process->output();
    for (qint64 i = log->firstLineNumber(); i < log->endLineNumber(); ++i) {
        if (log->line(i).stream == OutputStream::Stdout)
            return log->line(i).text;
    }
    return {};
}

} // namespace

class tst_Replicas final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::installProcessWarningGuard(); }

    void expansionNamesAndEnvironment();
    void scaleUpWhileRunning();
    void scaleUpWhileStoppedDoesNotStart();
    void scaleDownWhileRunning();
    void scalePlainEntry();
    void scaleRefusesATakenName();
    void editingACopyEditsTheGroup();
    void saveWritesOneEntry();
};

// N copies named name-1 … name-N, one group; each child sees its own number, a plain entry none,
// and the specs stay clean (the number is not an environment change of the entry).
void tst_Replicas::expansionNamesAndEnvironment()
{
    ProcessManager manager;
    const QStringList printReplica{u"env"_s, u"PROCDECK_REPLICA"_s};
    const QList<ManagedProcess *> added = manager.addAll({childSpec(u"api"_s, printReplica, 3),
                                                          childSpec(u"web"_s, printReplica)});
    QCOMPARE(added.size(), 4);
    QCOMPARE(names(manager), (QStringList{u"api-1"_s, u"api-2"_s, u"api-3"_s, u"web"_s}));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(added.at(i)->replicaGroup(), u"api"_s);
        QCOMPARE(added.at(i)->replicaIndex(), i + 1);
        QCOMPARE(added.at(i)->spec().replicas, 1);
        QVERIFY(added.at(i)->spec().environment.isEmpty());
    }
    QVERIFY(added.at(3)->replicaGroup().isEmpty());
    QCOMPARE(manager.replicas(u"api"_s), added.mid(0, 3));

    QSignalSpy finished(&manager, &ProcessManager::processFinished);
    manager.startAll(added);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 10000);
    QCOMPARE(firstStdoutLine(added.at(0)), u"1"_s);
    QCOMPARE(firstStdoutLine(added.at(1)), u"2"_s);
    QCOMPARE(firstStdoutLine(added.at(2)), u"3"_s);
    QCOMPARE(firstStdoutLine(added.at(3)), u"(unset)"_s);
}

// Scaling up a running group: the new copies come right after the group's rows and start.
void tst_Replicas::scaleUpWhileRunning()
{
    ProcessManager manager;
    const QList<ManagedProcess *> added = manager.addAll({childSpec(u"api"_s, ReplicaThenSleep, 2),
                                                          childSpec(u"web"_s, {u"sleep"_s, u"30000"_s})});
    QVERIFY(added.at(0)->start().ok);
    QTRY_COMPARE_WITH_TIMEOUT(firstStdoutLine(added.at(0)), u"1"_s, 5000);
    QSignalSpy modified(&manager, &ProcessManager::modified);

    QVERIFY(manager.setReplicas(u"api"_s, 4).ok);
    QCOMPARE(names(manager), (QStringList{u"api-1"_s, u"api-2"_s, u"api-3"_s, u"api-4"_s, u"web"_s}));
    QCOMPARE(modified.size(), 1);
    const QList<ManagedProcess *> copies = manager.replicas(u"api"_s);
    QCOMPARE(copies.size(), 4);
    QCOMPARE(copies.at(3)->replicaIndex(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(firstStdoutLine(copies.at(2)), u"3"_s, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(firstStdoutLine(copies.at(3)), u"4"_s, 5000);
    QVERIFY(!copies.at(1)->isAlive()); // it was not running: scaling does not start the others
    QVERIFY(!manager.at(4)->isAlive());
    manager.terminateAll();
    QSignalSpy stopped(&manager, &ProcessManager::allStopped);
    QVERIFY(stopped.wait(10000));
}

void tst_Replicas::scaleUpWhileStoppedDoesNotStart()
{
    ProcessManager manager;
    manager.add(childSpec(u"api"_s, ReplicaThenSleep, 2));
    QVERIFY(manager.setReplicas(u"api"_s, 3).ok);
    QCOMPARE(manager.count(), 3);
    QTest::qWait(0);
    for (const ManagedProcess *process : manager.processes())
        QCOMPARE(process->state(), ManagedProcess::State::NotStarted);
}

// Scaling down: the highest-numbered copies are stopped, then removed; the rest keep running.
void tst_Replicas::scaleDownWhileRunning()
{
    ProcessManager manager;
    const QList<ManagedProcess *> added = manager.addAll({childSpec(u"api"_s, ReplicaThenSleep, 3)});
    manager.startAll(added);
    for (const ManagedProcess *process : added)
        QTRY_VERIFY_WITH_TIMEOUT(!firstStdoutLine(process).isEmpty(), 5000);

    QVERIFY(manager.setReplicas(u"api"_s, 1).ok);
    QCOMPARE(added.at(1)->state(), ManagedProcess::State::Stopping);
    QCOMPARE(added.at(2)->state(), ManagedProcess::State::Stopping);
    QTRY_COMPARE_WITH_TIMEOUT(names(manager), QStringList{u"api-1"_s}, 10000);
    QVERIFY(manager.at(0)->isAlive());
    QCOMPARE(manager.entrySpecs().constFirst().replicas, 1);
    QCOMPARE(manager.entrySpecs().constFirst().name, u"api"_s);
    manager.terminateAll();
    QSignalSpy stopped(&manager, &ProcessManager::allStopped);
    QVERIFY(stopped.wait(10000));
}

// A plain entry scaled up becomes a group: NAME-1 and the new copies.
void tst_Replicas::scalePlainEntry()
{
    ProcessManager manager;
    ManagedProcess *web = manager.add(childSpec(u"web"_s, ReplicaThenSleep));
    QVERIFY(manager.setReplicas(u"web"_s, 2).ok);
    QCOMPARE(names(manager), (QStringList{u"web-1"_s, u"web-2"_s}));
    QCOMPARE(web->replicaGroup(), u"web"_s);
    QCOMPARE(web->replicaIndex(), 1);
    QCOMPARE(manager.entrySpecs().size(), 1);
    QCOMPARE(manager.entrySpecs().constFirst().replicas, 2);
    QVERIFY(!manager.setReplicas(u"nothing"_s, 2).ok);
}

void tst_Replicas::scaleRefusesATakenName()
{
    ProcessManager manager;
    manager.addAll({childSpec(u"api"_s, {}, 2), childSpec(u"api-3"_s, {})});
    const ManagedProcess::Result result = manager.setReplicas(u"api"_s, 3);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(u"api-3"_s), qPrintable(result.error));
    QCOMPARE(manager.count(), 3);
}

// The Add/Edit dialog's spec, given to a copy: every copy gets it under its own name, the group
// is renamed and scaled.
void tst_Replicas::editingACopyEditsTheGroup()
{
    ProcessManager manager;
    const QList<ManagedProcess *> added = manager.addAll({childSpec(u"api"_s, {u"a"_s}, 3)});
    ProcessSpec edited = manager.entrySpec(added.at(1));
    QCOMPARE(edited.name, u"api"_s);
    QCOMPARE(edited.replicas, 3);
    edited.name = u"svc"_s;
    edited.args = QStringList{u"b"_s};
    edited.replicas = 2;
    QVERIFY(manager.setEntrySpec(added.at(1), edited).ok);
    QTRY_COMPARE_WITH_TIMEOUT(names(manager), (QStringList{u"svc-1"_s, u"svc-2"_s}), 5000);
    QCOMPARE(manager.at(1)->spec().args, QStringList{u"b"_s});
    QCOMPARE(manager.at(1)->replicaGroup(), u"svc"_s);
    QCOMPARE(manager.entrySpecs(), QList<ProcessSpec>{edited});
}

// A session with a replicated entry is saved as one entry with its `replicas`: unchanged, the
// very bytes; scaled, the new count.
void tst_Replicas::saveWritesOneEntry()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"s.json"_s);
    const QByteArray json = R"({"procdeck": 1, "processes": [
        {"name": "api", "program": "x", "replicas": 3, "dependsOn": {"db": "ready"}},
        {"name": "db", "program": "y"}]})";
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();

    ProcessManager manager;
    SessionDocument document(&manager);
    QVERIFY(document.load(path).ok);
    QCOMPARE(manager.count(), 4);
    QCOMPARE(document.session().processes.size(), 2);
    QCOMPARE(SessionFile::toJson(document.session()), json);

    QVERIFY(manager.setReplicas(u"api"_s, 2).ok);
    QTRY_COMPARE_WITH_TIMEOUT(manager.count(), 3, 5000);
    const QByteArray written = SessionFile::toJson(document.session());
    QVERIFY2(written.contains("\"replicas\": 2"), written.constData());
    QVERIFY2(!written.contains("api-"), written.constData());
    QVERIFY2(!written.contains("PROCDECK_REPLICA"), written.constData());
    const Session reread = SessionFile::parseJson(written, u"s.json"_s).session.value_or(Session());
    QCOMPARE(reread.processes.size(), 2);
    QCOMPARE(reread.processes.at(0).replicas, 2);
}

QTEST_GUILESS_MAIN(tst_Replicas)
#include "tst_replicas.moc"
