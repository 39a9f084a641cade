#include "childprocess.h"
#include "launchplan.h"
#include "detailspanel.h"
#include "mainwindow.h"
#include "managedprocess.h"
#include "processmanager.h"
#include "outputlog.h"
#include "processspec.h"
#include "processtablemodel.h"
#include "procstats.h"
#include "sessionfile.h"
#include "settings.h"
#include "terminationsignals.h"
#include "testsupport.h"
#include "truststore.h"
#include "userprompt.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>
#include <csignal>

#include <sys/prctl.h>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

// Containment, against real processes: every process an entry starts (children, grandchildren, a
// double-forked setsid() daemon) belongs to the entry until it is gone, and nothing outlives
// ProcDeck however it ends. The trees come from `pd_child contain-tree`, which writes the PID of
// each of its processes to a file; survivors are checked through /proc by PID and start time.
// The ProcDeck cases run the real `procdeck` executable (PD_APP_PATH), as a window (offscreen)
// and headless; the entry-level cases use ManagedProcess (what the window's actions and the
// headless runner call), and the window's Quit runs an in-process MainWindow (its question needs
// an answer, which only the test's UserPrompt can give).
class tst_Containment final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void terminateEndsWholeTree_data();
    void terminateEndsWholeTree();
    void killEndsWholeTree();
    void stoppingUntilLastIsGone();
    void pidIsTheProgram();
    void reaperIsProcdeckReaper();
    void failedStartStillReported_data();
    void failedStartStillReported();
    void holdStartsNothingUntilRelease();
    void holdEndsWithItsLifeline();
    void releaseBeforeHoldingArrives();
    void reaperKilledFromOutside_data();
    void reaperKilledFromOutside();
    void windowQuitEndsTrees();
    void procdeckDeathEndsTrees_data();
    void procdeckDeathEndsTrees();
    void terminationSignalsReported();
    void statsCountDaemons();
    void detailsPanelShowsDaemons();

private:
    struct Tree
    {
        QMap<QString, TestSupport::ProcessIdentity> processes; // by role: program, child, …
        bool allGone() const;
        QString survivors() const;
    };

    ProcessSpec treeSpec(const QString &name, const QString &pidFile, bool ignoreTerm) const;
    static std::optional<Tree> readTree(const QString &pidFile);
    static std::optional<Tree> waitForTree(const QString &pidFile);
    QString writeSession(const QList<ProcessSpec> &specs, bool trusted);
    void startProcdeck(QProcess &procdeck, const QStringList &arguments);
    void stopEndsWholeTree(ManagedProcess &process, const QString &pidFile,
                           ManagedProcess::Result (ManagedProcess::*stop)());
    static LaunchPlan childPlan(const QStringList &arguments);

    QTemporaryDir m_dir;
    int m_fileNumber = 0;
};

namespace {

constexpr int TreeLifeMs = 60000; // what a tree sleeps: far beyond any case, far below a leak's harm
const QStringList Roles = {u"program"_s, u"child"_s, u"grandchild1"_s, u"grandchild2"_s, u"daemon"_s};

// The parent of `pid` from /proc, 0 if it is gone.
qint64 parentOf(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const std::optional<ProcStatFields> fields = ProcStats::parseStat(stat.readAll());
    return fields ? fields->ppid : 0;
}

// Children of this process outside its own process group (what it adopted as a subreaper),
// zombies included, as "PID STATE".
QStringList adoptedChildren()
{
    QStringList result;
    for (const ProcStatFields &child : ProcStats::children(::getpid())) {
        if (child.pgrp != ::getpgrp())
            result.append(u"%1 %2"_s.arg(child.pid).arg(QLatin1Char(child.state)));
    }
    return result;
}

bool gone(const TestSupport::ProcessIdentity &process)
{
    // A zombie counts as gone: it runs no more, and whoever reaps it is not the point here.
    return TestSupport::isGone(process, TestSupport::Zombies::CountAsGone);
}

} // namespace

bool tst_Containment::Tree::allGone() const
{
    return std::all_of(processes.cbegin(), processes.cend(), gone);
}

QString tst_Containment::Tree::survivors() const
{
    QStringList alive;
    for (auto it = processes.cbegin(); it != processes.cend(); ++it) {
        if (!gone(it.value()))
            alive.append(u"%1 %2"_s.arg(it.key()).arg(it.value().pid));
    }
    return alive.join(u", "_s);
}

void tst_Containment::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true); // the in-process window's settings
    QVERIFY2(QFile::exists(QStringLiteral(PD_APP_PATH)), PD_APP_PATH);
    TestSupport::installProcessWarningGuard();
}

void tst_Containment::cleanup()
{
    PD_VERIFY_NO_DESTROYED_WARNING();
}

ProcessSpec tst_Containment::treeSpec(const QString &name, const QString &pidFile, bool ignoreTerm) const
{
    ProcessSpec spec;
    spec.name = name;
    spec.program = TestSupport::childPath();
    spec.args = {u"contain-tree"_s, pidFile, QString::number(TreeLifeMs)};
    if (ignoreTerm)
        spec.args.append(u"ignore-term"_s);
    spec.stopTimeoutMs = 300;
    return spec;
}

// The tree once the program wrote its line (it writes last), or nullopt before.
std::optional<tst_Containment::Tree> tst_Containment::readTree(const QString &pidFile)
{
    QFile file(pidFile);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    Tree tree;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() == 2)
            tree.processes.insert(QString::fromLatin1(fields[0]), TestSupport::identify(fields[1].toLongLong()));
    }
    if (!tree.processes.contains(u"program"_s))
        return std::nullopt;
    return tree;
}

// nullopt if the tree was not set up within 10 s.
std::optional<tst_Containment::Tree> tst_Containment::waitForTree(const QString &pidFile)
{
    std::optional<Tree> tree;
    if (!QTest::qWaitFor([&] { return (tree = readTree(pidFile)).has_value(); }, 10000))
        return std::nullopt;
    return tree;
}

QString tst_Containment::writeSession(const QList<ProcessSpec> &specs, bool trusted)
{
    Session session;
    session.processes = specs;
    const QString path = m_dir.filePath(u"session%1.json"_s.arg(++m_fileNumber));
    const SessionFile::SaveResult saved = SessionFile::save(path, SessionFile::toJson(session));
    if (!saved.ok)
        qWarning("%s", qPrintable(saved.error));
    if (trusted) {
        // The window's trust question is answered beforehand, in the settings it will read
        // (XDG_CONFIG_HOME points into m_dir, see startProcdeck()).
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            TrustStore store(m_dir.filePath(u"config/%1/%2.conf"_s.arg(Settings::OrganizationName, Settings::ApplicationName)));
            store.approve(path, file.readAll());
        }
    }
    return path;
}

void tst_Containment::startProcdeck(QProcess &procdeck, const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    environment.remove(u"PYTHONUNBUFFERED"_s);
    procdeck.setProcessEnvironment(environment);
    procdeck.setProcessChannelMode(QProcess::MergedChannels);
    procdeck.start(QStringLiteral(PD_APP_PATH), arguments);
    QVERIFY2(procdeck.waitForStarted(10000), qPrintable(procdeck.errorString()));
}

// ---- Stopping an entry ---------------------------------------------------------------------------

// Starts `process`, waits for its tree, stops it with `stop` and checks that every process of the
// tree was already gone when `finished` came.
void tst_Containment::stopEndsWholeTree(ManagedProcess &process, const QString &pidFile,
                                        ManagedProcess::Result (ManagedProcess::*stop)())
{
    bool goneAtFinish = false;
    Tree tree;
    connect(&process, &ManagedProcess::finished, this, [&] { goneAtFinish = tree.allGone(); });
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    const std::optional<Tree> found = waitForTree(pidFile);
    QVERIFY(found);
    tree = *found;
    QVERIFY(!tree.allGone());
    QVERIFY((process.*stop)().ok);
    QVERIFY(finished.wait(5000));
    QVERIFY2(goneAtFinish, qPrintable(tree.survivors()));
}

void tst_Containment::terminateEndsWholeTree_data()
{
    QTest::addColumn<bool>("headless");
    QTest::newRow("ManagedProcess (the window's Terminate)") << false;
    QTest::newRow("headless (--timeout)") << true;
}

// Terminate: the stop signal to the whole tree, SIGKILL after the grace period to what ignored it
// (the child, one grandchild and the setsid() daemon ignore SIGTERM). The run ends only when the
// last of them is gone.
void tst_Containment::terminateEndsWholeTree()
{
    QFETCH(bool, headless);
    const QString pidFile = m_dir.filePath(u"terminate%1.pids"_s.arg(headless));
    if (headless) {
        const QString session = writeSession({treeSpec(u"tree"_s, pidFile, true)}, false);
        QProcess procdeck;
        QSignalSpy finished(&procdeck, &QProcess::finished);
        startProcdeck(procdeck, {u"--headless"_s, session, u"--timeout"_s, u"2"_s});
        const std::optional<Tree> tree = waitForTree(pidFile);
        QVERIFY(tree);
        QVERIFY(!tree->allGone());
        QVERIFY(finished.wait(15000));
        QCOMPARE(procdeck.exitCode(), 124);
        QVERIFY2(tree->allGone(), qPrintable(tree->survivors()));
        return;
    }
    ManagedProcess process(1, treeSpec(u"tree"_s, pidFile, true));
    stopEndsWholeTree(process, pidFile, &ManagedProcess::terminate);
}

// Kill: SIGKILL to the whole tree, daemon included; the run ends when all are gone.
void tst_Containment::killEndsWholeTree()
{
    const QString pidFile = m_dir.filePath(u"kill.pids"_s);
    ManagedProcess process(1, treeSpec(u"tree"_s, pidFile, false));
    stopEndsWholeTree(process, pidFile, &ManagedProcess::kill);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(process.exitCode(), -SIGKILL);
}

// The program sets up its tree and exits 0: the entry stays Running while the rest lives. On
// Terminate the daemon (and two others) ignore SIGTERM: the entry is Stopping while they live,
// through the grace period, and ends only when SIGKILL took the last one, with the program's
// own status.
void tst_Containment::stoppingUntilLastIsGone()
{
    const QString pidFile = m_dir.filePath(u"stopping.pids"_s);
    ProcessSpec spec = treeSpec(u"tree"_s, pidFile, true);
    spec.args.append(u"program-exits"_s);
    // Long enough that the checks below, made right after Terminate, fall inside it on a busy
    // machine: the daemon must still be alive then, and SIGKILL must end it afterwards.
    spec.stopTimeoutMs = 3000;
    ManagedProcess process(1, spec);
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    const std::optional<Tree> found = waitForTree(pidFile);
    QVERIFY(found);
    const Tree &tree = *found;
    QTRY_VERIFY_WITH_TIMEOUT(gone(tree.processes.value(u"program"_s)), 5000);
    QCOMPARE(process.state(), ManagedProcess::State::Running);
    QVERIFY(finished.isEmpty());

    QVERIFY(process.terminate().ok);
    // grandchild2 does not ignore SIGTERM: once it is gone, the signal has been delivered.
    QTRY_VERIFY_WITH_TIMEOUT(gone(tree.processes.value(u"grandchild2"_s)), 2000);
    QVERIFY(!gone(tree.processes.value(u"daemon"_s)));
    QCOMPARE(process.state(), ManagedProcess::State::Stopping);
    QVERIFY(finished.isEmpty());
    QVERIFY(finished.wait(10000));
    QVERIFY2(tree.allGone(), qPrintable(tree.survivors()));
    QCOMPARE(process.exitCode(), 0);
}

// The PID an entry shows is the program's (not its reaper's), and it leads its own group.
void tst_Containment::pidIsTheProgram()
{
    const QString pidFile = m_dir.filePath(u"pid.pids"_s);
    ManagedProcess process(1, treeSpec(u"tree"_s, pidFile, false));
    QSignalSpy started(&process, &ManagedProcess::started);
    QVERIFY(process.start().ok);
    const std::optional<Tree> tree = waitForTree(pidFile);
    QVERIFY(tree);
    QTRY_VERIFY(!started.isEmpty());
    QCOMPARE(process.pid(), tree->processes.value(u"program"_s).pid);
    QCOMPARE(::getpgid(pid_t(process.pid())), pid_t(process.pid()));
    QVERIFY(process.kill().ok);
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(finished.wait(5000));
}

// The reaper is the small Qt-free procdeck-reaper (found in the build tree here), the program its
// child.
void tst_Containment::reaperIsProcdeckReaper()
{
    const QString reaper = ChildProcess::reaperExecutable();
    QCOMPARE(QFileInfo(reaper).fileName(), u"procdeck-reaper"_s);
    const QString pidFile = m_dir.filePath(u"reaper.pids"_s);
    ManagedProcess process(1, treeSpec(u"tree"_s, pidFile, false));
    QSignalSpy started(&process, &ManagedProcess::started);
    QVERIFY(process.start().ok);
    QVERIFY(waitForTree(pidFile));
    QTRY_VERIFY(!started.isEmpty());
    const qint64 reaperPid = process.treeRootPid();
    QVERIFY(reaperPid > 0);
    QVERIFY(reaperPid != process.pid());
    QCOMPARE(parentOf(process.pid()), reaperPid);
    const QString exe = QFileInfo(u"/proc/%1/exe"_s.arg(reaperPid)).symLinkTarget();
    QCOMPARE(QFileInfo(exe).canonicalFilePath(), QFileInfo(reaper).canonicalFilePath());
    QVERIFY(process.kill().ok);
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(finished.wait(5000));
}

// The program's failed exec still reaches QProcess (through the reaper) as a failed start, with
// QProcess's own reason.
void tst_Containment::failedStartStillReported_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing") << u"/nonexistent/program"_s << u"No such file or directory"_s;
    QTest::newRow("not executable") << QStringLiteral(PD_SOURCE_DIR "/README.md") << u"Permission denied"_s;
    // Executable, but neither a binary nor a script: only execve() itself can tell.
    const QString badFormat = m_dir.filePath(u"bad-format"_s);
    QFile file(badFormat);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\x01\x02 not a program\n");
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QTest::newRow("bad format") << badFormat << u"Exec format error"_s;
}

void tst_Containment::failedStartStillReported()
{
    QFETCH(QString, program);
    QFETCH(QString, reason);
    ProcessSpec spec;
    spec.name = u"broken"_s;
    spec.program = program;
    ManagedProcess process(1, spec);
    QSignalSpy finished(&process, &ManagedProcess::finished);
    process.start();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 5000);
    QCOMPARE(process.state(), ManagedProcess::State::FailedToStart);
    QVERIFY2(process.failureReason().contains(reason, Qt::CaseInsensitive), qPrintable(process.failureReason()));
}

LaunchPlan tst_Containment::childPlan(const QStringList &arguments)
{
    LaunchPlan plan;
    plan.program = TestSupport::childPath();
    plan.arguments = arguments;
    plan.workingDirectory = QDir::tempPath();
    plan.environment = QProcessEnvironment::systemEnvironment();
    plan.environment.remove(u"PYTHONUNBUFFERED"_s);
    return plan;
}

// One ChildProcess with a spy on each of its signals.
struct HeldRun
{
    OutputLog log;
    ChildProcess child{&log};
    QSignalSpy holding{&child, &ChildProcess::holding};
    QSignalSpy started{&child, &ChildProcess::started};
    QSignalSpy exited{&child, &ChildProcess::exited};
};

// A held start: the reaper runs and says so, /proc shows it without a child and nothing is
// `started`; release() forks the program under it, and only then `started` comes.
void tst_Containment::holdStartsNothingUntilRelease()
{
    HeldRun run;
    QCOMPARE(run.child.start(childPlan({u"sleep"_s, u"60000"_s}), true), QString());
    QVERIFY(run.holding.wait(5000));
    const qint64 reaperPid = run.holding.at(0).at(0).toLongLong();
    QCOMPARE(reaperPid, run.child.reaperPid());
    QCOMPARE(parentOf(reaperPid), qint64(::getpid()));
    QVERIFY(ProcStats::children(reaperPid).isEmpty());
    QVERIFY(run.started.isEmpty());
    QCOMPARE(run.child.pid(), 0);

    run.child.release();
    QVERIFY(run.started.wait(5000));
    const qint64 program = run.started.at(0).at(0).toLongLong();
    QCOMPARE(program, run.child.pid());
    QCOMPARE(parentOf(program), reaperPid);
    QCOMPARE(QFileInfo(u"/proc/%1/exe"_s.arg(program)).canonicalFilePath(),
             QFileInfo(TestSupport::childPath()).canonicalFilePath());
    QVERIFY(run.child.signalTree(SIGKILL));
    QVERIFY(run.exited.wait(5000));
    QCOMPARE(run.exited.at(0).at(0).toInt(), -SIGKILL);
}

// Let go while holding (the object deleted, as when ProcDeck drops the entry or dies): the
// reaper ends without starting anything.
void tst_Containment::holdEndsWithItsLifeline()
{
    OutputLog log;
    auto child = std::make_unique<ChildProcess>(&log);
    QSignalSpy holding(child.get(), &ChildProcess::holding);
    QSignalSpy started(child.get(), &ChildProcess::started);
    const QString pidFile = m_dir.filePath(u"held.pids"_s);
    QCOMPARE(child->start(childPlan({u"contain-tree"_s, pidFile, QString::number(TreeLifeMs)}), true), QString());
    QVERIFY(holding.wait(5000));
    const TestSupport::ProcessIdentity reaper = TestSupport::identify(child->reaperPid());
    child.reset();
    QTRY_VERIFY_WITH_TIMEOUT(TestSupport::isGone(reaper), 2000);
    QVERIFY(started.isEmpty());
    QVERIFY(!QFile::exists(pidFile)); // the tree never ran
}

// release() right after start(), before the reaper's "holding" was read: the "go" waits in the
// socket, and the program starts.
void tst_Containment::releaseBeforeHoldingArrives()
{
    HeldRun run;
    QCOMPARE(run.child.start(childPlan({u"exit"_s, u"3"_s}), true), QString());
    run.child.release();
    QVERIFY(run.exited.wait(5000));
    QCOMPARE(run.exited.at(0).at(0).toInt(), 3);
    QCOMPARE(run.holding.size(), 1);
    QCOMPARE(run.started.size(), 1);
}

void tst_Containment::reaperKilledFromOutside_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("ManagedProcess (in process)") << u"entry"_s;
    QTest::newRow("window (procdeck)") << u"window"_s;
    QTest::newRow("headless (procdeck)") << u"headless"_s;
}

// Someone SIGKILLs an entry's procdeck-reaper: its program dies with it (PR_SET_PDEATHSIG), the
// rest of the tree comes to ProcDeck, which kills and reaps it within 2 s and reports the entry
// ended, saying why.
void tst_Containment::reaperKilledFromOutside()
{
    QFETCH(QString, mode);
    const QString pidFile = m_dir.filePath(u"outside-%1.pids"_s.arg(mode));
    const ProcessSpec spec = treeSpec(u"tree"_s, pidFile, true);
    std::unique_ptr<ManagedProcess> entry;
    QProcess procdeck;
    QSignalSpy finished(&procdeck, &QProcess::finished);
    if (mode == u"entry"_s) {
        QCOMPARE(::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), 0); // as procdeck's main() does
        entry = std::make_unique<ManagedProcess>(1, spec);
        QVERIFY(entry->start().ok);
    } else {
        const bool window = mode == u"window"_s;
        startProcdeck(procdeck, {window ? u"--start-all"_s : u"--headless"_s, writeSession({spec}, window)});
    }
    const std::optional<Tree> found = waitForTree(pidFile);
    QVERIFY(found);
    const Tree &tree = *found;
    const qint64 reaper = parentOf(tree.processes.value(u"program"_s).pid);
    QVERIFY(reaper > 0);
    QCOMPARE(QFileInfo(QFileInfo(u"/proc/%1/exe"_s.arg(reaper)).symLinkTarget()).fileName(), u"procdeck-reaper"_s);

    QCOMPARE(::kill(pid_t(reaper), SIGKILL), 0);
    QTRY_VERIFY2_WITH_TIMEOUT(tree.allGone(), qPrintable(tree.survivors()), 2000);

    if (mode == u"entry"_s) {
        QTRY_COMPARE_WITH_TIMEOUT(entry->state(), ManagedProcess::State::Killed, 2000);
        QCOMPARE(entry->exitCode(), -SIGKILL);
        QStringList notes;
        for (qint64 i = entry->output()->firstLineNumber(); i < entry->output()->endLineNumber(); ++i)
            notes.append(entry->output()->line(i).text);
        QVERIFY2(notes.join(u'\n').contains(u"killed from outside"_s), qPrintable(notes.join(u'\n')));
        QTRY_VERIFY2_WITH_TIMEOUT(adoptedChildren().isEmpty(), qPrintable(adoptedChildren().join(u", "_s)), 2000);
        return;
    }
    if (mode == u"headless"_s) {
        const bool ended = !finished.isEmpty() || finished.wait(10000); // may have come meanwhile
        const QByteArray output = procdeck.readAll();
        QVERIFY2(ended, output.constData());
        QCOMPARE(procdeck.exitCode(), 128 + SIGKILL);
        QVERIFY2(output.contains("killed from outside"), output.constData());
        return;
    }
    // The window keeps running; no zombie of the tree stays under it.
    QCOMPARE(procdeck.state(), QProcess::Running);
    QTRY_VERIFY_WITH_TIMEOUT(ProcStats::children(procdeck.processId()).isEmpty(), 2000);
    procdeck.kill();
    QVERIFY(finished.wait(5000));
}

// ---- ProcDeck's end ------------------------------------------------------------------------------

// The window's Quit, its question answered Yes: Terminate for every entry, and the window closes
// only once the last process of every tree is gone, daemons included.
void tst_Containment::windowQuitEndsTrees()
{
    MainWindow window;
    window.show();
    const QString pidFiles[2] = {m_dir.filePath(u"quit-a.pids"_s), m_dir.filePath(u"quit-b.pids"_s)};
    ManagedProcess *entries[2] = {window.manager()->add(treeSpec(u"a"_s, pidFiles[0], true)),
                                  window.manager()->add(treeSpec(u"b"_s, pidFiles[1], false))};
    for (ManagedProcess *entry : entries)
        QVERIFY(entry->start().ok);
    const std::optional<Tree> found[2] = {waitForTree(pidFiles[0]), waitForTree(pidFiles[1])};
    QVERIFY(found[0] && found[1]);

    window.prompt()->setNextAnswer(QMessageBox::Discard); // unsaved session
    window.prompt()->setNextAnswer(QMessageBox::Yes);     // terminate the live entries
    QVERIFY(!window.close()); // not at once: after the processes have exited
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 10000);
    QVERIFY2(found[0]->allGone() && found[1]->allGone(),
             qPrintable(found[0]->survivors() + u"; "_s + found[1]->survivors()));
}

void tst_Containment::procdeckDeathEndsTrees_data()
{
    QTest::addColumn<bool>("headless");
    QTest::addColumn<int>("signal"); // 0: ProcDeck ends on its own (headless --timeout)
    const QList<std::pair<const char *, int>> deaths = {
        {"SIGTERM", SIGTERM}, {"SIGINT", SIGINT}, {"SIGHUP", SIGHUP},
        {"SIGKILL", SIGKILL}, {"SIGSEGV", SIGSEGV}, {"SIGABRT", SIGABRT}};
    QTest::newRow("headless quit") << true << 0;
    for (const auto &[name, number] : deaths) {
        QTest::addRow("window %s", name) << false << number;
        QTest::addRow("headless %s", name) << true << number;
    }
}

// Two entries, each a whole tree (one ignores SIGTERM): when ProcDeck ends, by its own quit, a
// signal it handles, SIGKILL or a crash, every process of both trees is gone within 2 s.
void tst_Containment::procdeckDeathEndsTrees()
{
    QFETCH(bool, headless);
    QFETCH(int, signal);
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
    const QString pidFiles[2] = {m_dir.filePath(tag + u"-a.pids"_s), m_dir.filePath(tag + u"-b.pids"_s)};
    const QString session = writeSession({treeSpec(u"a"_s, pidFiles[0], true), treeSpec(u"b"_s, pidFiles[1], false)},
                                         !headless);
    QStringList arguments = {headless ? u"--headless"_s : u"--start-all"_s, session};
    if (signal == 0)
        arguments += {u"--timeout"_s, u"2"_s};

    QProcess procdeck;
    QSignalSpy finished(&procdeck, &QProcess::finished);
    startProcdeck(procdeck, arguments);
    const std::optional<Tree> found[2] = {waitForTree(pidFiles[0]), waitForTree(pidFiles[1])};
    QVERIFY2(found[0] && found[1], procdeck.readAll().constData());
    const Tree trees[2] = {*found[0], *found[1]};
    QVERIFY(!trees[0].allGone() && !trees[1].allGone());
    if (signal != 0)
        QCOMPARE(::kill(pid_t(procdeck.processId()), signal), 0);
    QVERIFY2(finished.wait(15000), procdeck.readAll().constData());

    QElapsedTimer sinceDeath;
    sinceDeath.start();
    QTRY_VERIFY2_WITH_TIMEOUT(trees[0].allGone() && trees[1].allGone(),
                              qPrintable(trees[0].survivors() + u"; "_s + trees[1].survivors()), 2000);
    qDebug("all gone %lld ms after ProcDeck", qint64(sinceDeath.elapsed()));
}

// SIGINT, SIGTERM and SIGHUP come out as received(N) on the event loop; SIGPIPE is ignored
// meanwhile; the previous dispositions are back afterwards.
void tst_Containment::terminationSignalsReported()
{
    struct sigaction before = {};
    QCOMPARE(::sigaction(SIGHUP, nullptr, &before), 0);
    {
        TerminationSignals signalsSeen;
        QVERIFY(signalsSeen.isActive());
        TerminationSignals second;
        QVERIFY(!second.isActive()); // one at a time
        QSignalSpy received(&signalsSeen, &TerminationSignals::received);
        for (int signal : {SIGHUP, SIGINT, SIGTERM, SIGPIPE})
            QCOMPARE(::kill(::getpid(), signal), 0);
        QTRY_COMPARE(received.size(), 3);
        QList<int> numbers;
        for (const QList<QVariant> &arguments : received)
            numbers.append(arguments.at(0).toInt());
        std::sort(numbers.begin(), numbers.end());
        QList<int> expected = {SIGHUP, SIGINT, SIGTERM};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(numbers, expected);
    }
    struct sigaction after = {};
    QCOMPARE(::sigaction(SIGHUP, nullptr, &after), 0);
    QVERIFY(after.sa_handler == before.sa_handler);
}

// ---- Figures ---------------------------------------------------------------------------------------

// The table's Procs and Memory count the entry's whole tree: the program, its child and
// grandchildren, and the double-forked setsid() daemon, which lives outside the program's group
// and family (re-parented to the reaper) and holds most of the memory. The reaper, ProcDeck's
// own, is not counted. Through the window's real model and sampler, against real processes.
void tst_Containment::statsCountDaemons()
{
    constexpr int DaemonMib = 48; // the rest of the tree is a few MiB: the sum without it is less
    const QString pidFile = m_dir.filePath(u"stats.pids"_s);
    ProcessSpec spec = treeSpec(u"tree"_s, pidFile, false);
    spec.args << u"daemon-mib"_s << QString::number(DaemonMib);
    ProcessManager manager;
    ProcessTableModel model(&manager);
    ProcStats stats;
    stats.setInterval(100);
    model.setStats(&stats);
    ManagedProcess *process = manager.add(spec);
    QSignalSpy finished(process, &ManagedProcess::finished);
    QVERIFY(process->start().ok);
    const std::optional<Tree> tree = waitForTree(pidFile);
    QVERIFY(tree);
    const qint64 daemon = tree->processes.value(u"daemon"_s).pid;
    // What makes the case: the daemon is in a session and group of its own, its parent the reaper.
    QFile statFile(u"/proc/%1/stat"_s.arg(daemon));
    QVERIFY(statFile.open(QIODevice::ReadOnly));
    const std::optional<ProcStatFields> fields = ProcStats::parseStat(statFile.readAll());
    QVERIFY(fields);
    QVERIFY(fields->pgrp != process->pid());
    QCOMPARE(fields->ppid, process->treeRootPid());

    const QModelIndex procs = model.index(0, ProcessTableModel::Processes);
    const QModelIndex memory = model.index(0, ProcessTableModel::Memory);
    // program, child, grandchild1, grandchild2, daemon: five, the reaper left out.
    QTRY_COMPARE_WITH_TIMEOUT(procs.data(ProcessTableModel::SortRole).toInt(), int(tree->processes.size()), 10000);
    QCOMPARE(tree->processes.size(), 5);
    QTRY_VERIFY2_WITH_TIMEOUT(memory.data(ProcessTableModel::SortRole).toLongLong() >= qint64(DaemonMib) << 20,
                              qPrintable(memory.data().toString()), 10000);
    QVERIFY(!tree->allGone());

    QVERIFY(process->kill().ok);
    QVERIFY(finished.wait(5000));
    QVERIFY2(tree->allGone(), qPrintable(tree->survivors()));
    QCOMPARE(procs.data().toString(), QString()); // no figures for an entry that is not alive
}

// The details panel's tree lists every process of the entry, the double-forked setsid() daemon
// (outside the program's group and session, a child of the reaper) included.
void tst_Containment::detailsPanelShowsDaemons()
{
    MainWindow window;
    window.stats()->setInterval(100);
    const QString pidFile = m_dir.filePath(u"details.pids"_s);
    ManagedProcess *process = window.manager()->add(treeSpec(u"tree"_s, pidFile, false));
    window.selectProcesses({process});
    QVERIFY(process->start().ok);
    const std::optional<Tree> tree = waitForTree(pidFile);
    QVERIFY(tree);
    QCOMPARE(tree->processes.size(), 5);
    QCOMPARE(window.detailsPanel()->process(), process);
    const auto listed = [&](qint64 pid) {
        const QString prefix = QString::number(pid) + u' ';
        const QStringList lines = window.detailsPanel()->treeLines();
        return std::any_of(lines.cbegin(), lines.cend(),
                           [&](const QString &line) { return line.trimmed().startsWith(prefix); });
    };
    for (const QString &role : Roles)
        QTRY_VERIFY2(listed(tree->processes.value(role).pid),
                     qPrintable(role + u" not in: "_s + window.detailsPanel()->treeLines().join(u" | "_s)));
    QVERIFY(process->kill().ok);
    QTRY_VERIFY_WITH_TIMEOUT(tree->allGone(), 5000);
    QTRY_VERIFY(window.detailsPanel()->treeLines().isEmpty());
}

QTEST_MAIN(tst_Containment)
#include "tst_containment.moc"
