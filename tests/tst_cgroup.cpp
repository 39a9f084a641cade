#include "cgroupsupport.h"
#include "managedprocess.h"
#include "outputlog.h"
#include "processmanager.h"
#include "processspec.h"
#include "processtablemodel.h"
#include "sessionfile.h"
#include "testsupport.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The cgroup path of containment, against real processes and a real systemd user manager: each
// run in its own transient scope (every process of the tree, a setsid() daemon too), Kill through
// cgroup.kill, the memory maximum and the OOM killer shown as such, the CPU quota, a restart when
// the memory goes above a value. Without a systemd user manager on the session bus (CI) those
// cases are skipped with the probe's reason; noCgroupReason runs everywhere and checks what the
// real `procdeck` says and does then.
//
// The entries are started as ProcDeck starts them: held until the reaper is in the scope, so the
// program and everything it forks at once start inside it.
class tst_Cgroup final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void scopePerEntry();
    void killUsesCgroup();
    void memoryMaxOomKill();
    void cpuQuotaApplied();
    void restartAboveMemory();
    void noCgroupReason();

private:
    static ProcessSpec childSpec(const QString &name, const QStringList &childArguments);
    static bool waitForPlacement(ManagedProcess &process);
    static void killAndWait(ManagedProcess &process);
    static QString outputText(const ManagedProcess &process);
    static QStringList treePids(const QString &pidFile);
    static bool unitExists(const QString &unit);
    // The real procdeck, headless, on a session of `spec`: its output (stdout and stderr).
    QString runHeadless(const ProcessSpec &spec, const QString &fileName, const QMap<QString, QString> &environment,
                        int *exitCode);

    QTemporaryDir m_dir;
    CgroupAvailability m_availability;
};

// QSKIP ends the test function it is in: a macro, not a helper.
#define REQUIRE_SCOPES() \
    do { \
        if (!m_availability.scopes) \
            QSKIP(qPrintable(u"no cgroup path here: "_s + m_availability.reason)); \
    } while (false)

void tst_Cgroup::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(PD_APP_PATH)), PD_APP_PATH);
    TestSupport::installProcessWarningGuard();
    m_availability = CgroupSupport::probeNow();
    qInfo("cgroup path: %s", m_availability.scopes ? "a systemd user manager answers" : qPrintable(m_availability.reason));
}

void tst_Cgroup::cleanup()
{
    PD_VERIFY_NO_DESTROYED_WARNING();
}

ProcessSpec tst_Cgroup::childSpec(const QString &name, const QStringList &childArguments)
{
    ProcessSpec spec;
    spec.name = name;
    spec.program = TestSupport::childPath();
    spec.args = childArguments;
    spec.environment.append({u"PYTHONUNBUFFERED"_s, std::nullopt});
    spec.stopTimeoutMs = 300;
    return spec;
}

// The run is in its scope and its program runs.
bool tst_Cgroup::waitForPlacement(ManagedProcess &process)
{
    return QTest::qWaitFor([&] { return !process.cgroupUnit().isEmpty() && process.pid() > 0; }, 5000);
}

void tst_Cgroup::killAndWait(ManagedProcess &process)
{
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.kill().ok);
    QVERIFY(finished.wait(10000));
}

QString tst_Cgroup::outputText(const ManagedProcess &process)
{
    QStringList lines;
    const OutputLog *log = process.output();
    for (qint64 i = log->firstLineNumber(); i < log->endLineNumber(); ++i)
        lines.append(log->line(i).text);
    return lines.join(u'\n');
}

// `pd_child contain-tree`'s file: "role PID" per line, the program's last.
QStringList tst_Cgroup::treePids(const QString &pidFile)
{
    QFile file(pidFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = file.readAll();
    if (!text.contains("program "))
        return {};
    QStringList pids;
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() == 2)
            pids.append(QString::fromLatin1(fields[1]));
    }
    return pids;
}

QString tst_Cgroup::runHeadless(const ProcessSpec &spec, const QString &fileName,
                                const QMap<QString, QString> &environment, int *exitCode)
{
    Session session;
    session.processes = {spec};
    const QString path = m_dir.filePath(fileName);
    if (!SessionFile::save(path, SessionFile::toJson(session)).ok)
        return u"cannot write "_s + path;
    QProcess procdeck;
    QProcessEnvironment variables = QProcessEnvironment::systemEnvironment();
    variables.remove(u"PYTHONUNBUFFERED"_s);
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        variables.insert(it.key(), it.value());
    procdeck.setProcessEnvironment(variables);
    procdeck.setProcessChannelMode(QProcess::MergedChannels);
    QSignalSpy finished(&procdeck, &QProcess::finished);
    procdeck.start(QStringLiteral(PD_APP_PATH), {u"--headless"_s, path, u"--timeout"_s, u"20"_s});
    if (!finished.wait(30000)) {
        procdeck.kill();
        procdeck.waitForFinished(5000);
        return u"procdeck did not end within 30 s"_s;
    }
    *exitCode = procdeck.exitCode();
    return QString::fromUtf8(procdeck.readAll());
}

bool tst_Cgroup::unitExists(const QString &unit)
{
    QDBusMessage call = QDBusMessage::createMethodCall(u"org.freedesktop.systemd1"_s, u"/org/freedesktop/systemd1"_s,
                                                       u"org.freedesktop.systemd1.Manager"_s, u"GetUnit"_s);
    call << unit;
    return QDBusConnection::sessionBus().call(call, QDBus::Block, 2000).type() == QDBusMessage::ReplyMessage;
}

// Every process of a tree (children, grandchildren, a double-forked setsid() daemon) is in the
// run's scope, in the v2 hierarchy and in the v1 memory one where there is one.
void tst_Cgroup::scopePerEntry()
{
    REQUIRE_SCOPES();
    const QString pidFile = m_dir.filePath(u"scope.pids"_s);
    ManagedProcess process(1, childSpec(u"scope tree"_s, {u"contain-tree"_s, pidFile, u"60000"_s}));
    QVERIFY(process.start().ok);
    QVERIFY2(waitForPlacement(process), qPrintable(outputText(process)));
    const QString unit = process.cgroupUnit();
    QVERIFY2(unit.startsWith(u"procdeck-scope\\x20tree-"_s) && unit.endsWith(u".scope"_s), qPrintable(unit));

    QStringList pids;
    QVERIFY(QTest::qWaitFor([&] { return (pids = treePids(pidFile)).size() == 5; }, 10000));
    pids.append(QString::number(process.treeRootPid())); // the reaper
    for (const QString &pid : std::as_const(pids)) {
        QFile cgroup(u"/proc/%1/cgroup"_s.arg(pid));
        QVERIFY2(cgroup.open(QIODevice::ReadOnly), qPrintable(pid));
        const QList<CgroupMembership> memberships = CgroupRules::parseProcCgroup(cgroup.readAll());
        for (const CgroupMembership &membership : memberships) {
            const bool relevant = membership.hierarchyId == 0 || membership.controllers.contains(u"memory"_s);
            QVERIFY2(!relevant || membership.path.endsWith(u'/' + unit),
                     qPrintable(u"PID %1 is in %2, not %3"_s.arg(pid, membership.path, unit)));
        }
    }
    killAndWait(process);
}

// Kill: every process of the tree is gone when the run ends; a process of the scope that the reaper
// cannot see is ended through cgroup.kill when the reaper is gone; systemd collects the scope.
void tst_Cgroup::killUsesCgroup()
{
    REQUIRE_SCOPES();
    const QString pidFile = m_dir.filePath(u"kill.pids"_s);
    ManagedProcess process(1, childSpec(u"kill"_s, {u"contain-tree"_s, pidFile, u"60000"_s, u"ignore-term"_s}));
    QVERIFY(process.start().ok);
    QVERIFY(waitForPlacement(process));
    const QString unit = process.cgroupUnit();
    QStringList pids;
    QVERIFY(QTest::qWaitFor([&] { return (pids = treePids(pidFile)).size() == 5; }, 10000));
    QList<TestSupport::ProcessIdentity> tree;
    for (const QString &pid : std::as_const(pids))
        tree.append(TestSupport::identify(pid.toLongLong()));
    QVERIFY(unitExists(unit));
    // A process of the scope that is no descendant of the reaper: only cgroup.kill reaches it.
    QProcess stranger;
    stranger.start(u"/bin/sleep"_s, {u"60"_s});
    QVERIFY(stranger.waitForStarted(5000));
    QFile procs(CgroupRules::directoriesOfProcess(process.treeRootPid()).unified + u"/cgroup.procs"_s);
    const bool moved = procs.open(QIODevice::WriteOnly) && procs.write(QByteArray::number(stranger.processId())) > 0;
    procs.close();

    killAndWait(process);
    for (const TestSupport::ProcessIdentity &member : std::as_const(tree))
        QVERIFY2(TestSupport::isGone(member, TestSupport::Zombies::CountAsGone), qPrintable(QString::number(member.pid)));
    if (moved) {
        // waitForFinished() is false for a process already seen finished: ask for the state first.
        QVERIFY(stranger.state() == QProcess::NotRunning || stranger.waitForFinished(5000));
        QCOMPARE(stranger.exitStatus(), QProcess::CrashExit); // killed, not ended by itself
        QVERIFY2(outputText(process).contains(u"killed (cgroup.kill)"_s), qPrintable(outputText(process)));
    } else {
        qInfo("could not move a process into the scope here (%s): cgroup.kill checked through the tree only",
              qPrintable(procs.errorString()));
        stranger.kill();
        stranger.waitForFinished(5000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!unitExists(unit), 10000);
}

// A program that keeps allocating under memoryMB 32 is killed by the kernel, and the row and the
// output say out of memory.
void tst_Cgroup::memoryMaxOomKill()
{
    REQUIRE_SCOPES();
    ProcessManager manager;
    ProcessTableModel model(&manager);
    ProcessSpec spec = childSpec(u"hungry"_s, {u"alloc"_s, u"4"_s, u"64"_s, u"10"_s});
    spec.limits.memoryMB = 32;
    ManagedProcess *process = manager.add(spec);
    QSignalSpy finished(process, &ManagedProcess::finished);
    QVERIFY(process->start().ok);
    QVERIFY(waitForPlacement(*process));
    QVERIFY2(finished.wait(20000), qPrintable(outputText(*process)));
    QCOMPARE(process->state(), ManagedProcess::State::Killed);
    QCOMPARE(process->exitCode(), -9);
    QVERIFY(process->outOfMemory());
    QVERIFY2(outputText(*process).contains(u"killed by the kernel: out of memory (memory maximum 32 MB)"_s),
             qPrintable(outputText(*process)));
    const int row = manager.indexOf(process);
    QCOMPARE(model.index(row, ProcessTableModel::Exit).data().toString(), u"-9 (out of memory)"_s);
    QCOMPARE(model.index(row, ProcessTableModel::State).data().toString(), u"Failed: out of memory"_s);

    // The real procdeck, headless, prints the note too.
    ProcessSpec direct;
    direct.name = u"hungry"_s;
    direct.program = TestSupport::childPath();
    direct.args = {u"alloc"_s, u"4"_s, u"64"_s, u"20"_s};
    direct.limits.memoryMB = 32;
    int exitCode = -1;
    const QString output = runHeadless(direct, u"oom.json"_s, {}, &exitCode);
    QCOMPARE(exitCode, 128 + 9);
    QVERIFY2(output.contains(u"hungry * killed by the kernel: out of memory (memory maximum 32 MB)"_s), qPrintable(output));
}

// cpuPercent 20 is the scope's quota: 20 ms per 100 ms (v1 cpu.cfs_quota_us, v2 cpu.max).
void tst_Cgroup::cpuQuotaApplied()
{
    REQUIRE_SCOPES();
    ProcessSpec spec = childSpec(u"quota"_s, {u"sleep"_s, u"60000"_s});
    spec.limits.cpuPercent = 20;
    ManagedProcess process(1, spec);
    QVERIFY(process.start().ok);
    QVERIFY(waitForPlacement(process));
    const CgroupDirectories directories = CgroupRules::directoriesOfProcess(process.treeRootPid());
    double share = 0;
    if (QFile max(directories.unified + u"/cpu.max"_s); max.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> fields = max.readAll().simplified().split(' ');
        QCOMPARE(fields.size(), 2);
        share = fields[0].toDouble() / fields[1].toDouble();
    } else {
        QFile quota(directories.cpuV1 + u"/cpu.cfs_quota_us"_s);
        QFile period(directories.cpuV1 + u"/cpu.cfs_period_us"_s);
        QVERIFY2(quota.open(QIODevice::ReadOnly) && period.open(QIODevice::ReadOnly), qPrintable(directories.cpuV1));
        share = quota.readAll().trimmed().toDouble() / period.readAll().trimmed().toDouble();
    }
    QCOMPARE(share, 0.2);
    killAndWait(process);
}

// Memory above restartAboveMemoryMB restarts the entry at once (a kernel notification), counted
// as a restart, with a note.
void tst_Cgroup::restartAboveMemory()
{
    REQUIRE_SCOPES();
    ProcessSpec spec = childSpec(u"grows"_s, {u"alloc"_s, u"4"_s, u"16"_s, u"20"_s});
    spec.limits.restartAboveMemoryMB = 16;
    ManagedProcess process(1, spec);
    QVERIFY(process.start().ok);
    QVERIFY(waitForPlacement(process));
    QTRY_VERIFY2_WITH_TIMEOUT(process.restartCount() >= 1, qPrintable(outputText(process)), 15000);
    QVERIFY2(outputText(process).contains(u"memory went above 16 MB: restarting"_s), qPrintable(outputText(process)));
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), ManagedProcess::State::Running, 10000); // started again
    killAndWait(process);
}

// With a session bus that is not there: the real procdeck says why it has no cgroup path and
// that limits are not available, and the entry still runs (and, with limits, says they were not
// applied).
void tst_Cgroup::noCgroupReason()
{
    ProcessSpec spec;
    spec.name = u"plain"_s;
    spec.program = TestSupport::childPath();
    spec.args = {u"echo"_s, u"ran"_s};
    spec.limits.memoryMB = 64;
    int exitCode = -1;
    const QString output = runHeadless(spec, u"nobus.json"_s,
                                       {{u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + m_dir.filePath(u"no-bus"_s)},
                                        {u"XDG_RUNTIME_DIR"_s, m_dir.filePath(u"no-runtime"_s)},
                                        {u"QT_LOGGING_RULES"_s, u"procdeck.process.info=true"_s}},
                                       &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY2(output.contains(u"plain | ran"_s), qPrintable(output));
    QVERIFY2(output.contains(u"no systemd user session: the D-Bus session bus does not answer"_s), qPrintable(output));
    QVERIFY2(output.contains(u"limits not available: limits need a cgroup per entry"_s), qPrintable(output));
    QVERIFY2(output.contains(u"plain * limits not applied: limits need a cgroup per entry"_s), qPrintable(output));

    // Where this test itself has no cgroup path (CI), the same entry in process says it too.
    if (m_availability.scopes)
        return;
    QVERIFY(!m_availability.limits);
    ManagedProcess process(1, spec);
    QSignalSpy ended(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QVERIFY(ended.wait(10000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(outputText(process).contains(u"limits not applied: limits need a cgroup per entry: "_s + m_availability.reason),
             qPrintable(outputText(process)));
}

QTEST_GUILESS_MAIN(tst_Cgroup)
#include "tst_cgroup.moc"
