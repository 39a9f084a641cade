#include "engineclient.h"
#include "healthmonitor.h"
#include "joinoperation.h"
#include "managedprocess.h"
#include "outputdecoder.h"
#include "outputlog.h"
#include "processmanager.h"
#include "remotesession.h"
#include "sessionfile.h"
#include "testsupport.h"
#include "triggermonitor.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// The other end of a mirror, for the tests without a ProcDeck: it records the requests.
class RecordingRemote final : public RemoteVerbs
{
public:
    struct Call
    {
        QString verb;
        QStringList names;
        QJsonObject arguments;
    };
    QList<Call> calls;

    ManagedProcess::Result request(const QString &verb, const QStringList &names,
                                   const QJsonObject &arguments) override
    {
        calls.append({verb, names, arguments});
        return ManagedProcess::Result::success();
    }
};

MirrorState runState(ManagedProcess::State state, int runs, qint64 pid)
{
    MirrorState mirror;
    mirror.state = state;
    mirror.runCount = runs;
    mirror.pid = pid;
    mirror.startTime = QDateTime::currentDateTimeUtc();
    if (state != ManagedProcess::State::Running && state != ManagedProcess::State::Starting)
        mirror.lastRunEnd = state == ManagedProcess::State::Waiting ? ManagedProcess::State::Exited : state;
    return mirror;
}

// The process `pid` exists and is not a zombie; its state letter from /proc/PID/stat.
QChar procState(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return u'-';
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close < 0 || close + 2 >= text.size() ? QChar(u'-') : QChar(QLatin1Char(text.at(close + 2)));
}

bool procAlive(qint64 pid)
{
    const QChar state = procState(pid);
    return state != u'-' && state != u'Z' && state != u'X';
}

} // namespace

// Attaching (RemoteSession, EngineClient) and mirror mode (ManagedProcess, ProcessManager):
// mirrors fed states made here, then the real thing, a `procdeck --headless FILE --serve`
// (PD_APP_PATH) in a runtime folder of the test's own, checked through /proc.
class tst_RemoteSession final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void mirrorSignalsFollowTheRuns();
    void mirrorVerbsAreRequests();
    void mirrorManagerForwardsAndSkipsTheStack();
    void connectingNowhereFails();

    void attachShowsEntriesStatesAndSpecs();
    void outputHistoryThenLive();
    void outputKeepsItsColours();
    void cutLinesKeepTheirMark();
    void verbsReachTheRealProcesses();
    void addRemoveEditScale();
    void joinOnMirrorsReportsTheRealExitCode();
    void detachLeavesTheEntriesRunning();
    void instanceQuittingDetaches();
    void sshTransportAndItsFailure();

private:
    QString writeSession(const QList<ProcessSpec> &specs);
    static ProcessSpec child(const QString &name, const QStringList &args);
    // `procdeck --headless FILE --serve`: the path of its socket once it is there.
    QString serve(const QString &file);
    // A RemoteSession on `manager`, attached to the socket (the first entries event shown).
    std::unique_ptr<RemoteSession> attach(ProcessManager *manager, const QString &socketPath);
    static ManagedProcess *byName(const ProcessManager &manager, const QString &name);
    // The standard session: ticker, sleeper, reader (cat), greeter (a line, then sleeps).
    QString standardSession();

    std::unique_ptr<QTemporaryDir> m_runtime;
    std::unique_ptr<QTemporaryDir> m_files;
    std::unique_ptr<QProcess> m_instance;
};

void tst_RemoteSession::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(PD_APP_PATH)), PD_APP_PATH);
}

void tst_RemoteSession::init()
{
    m_runtime = std::make_unique<QTemporaryDir>();
    m_files = std::make_unique<QTemporaryDir>();
    QVERIFY(m_runtime->isValid() && m_files->isValid());
}

void tst_RemoteSession::cleanup()
{
    if (m_instance)
        TestSupport::endInstance(*m_instance);
    m_instance.reset();
}

QString tst_RemoteSession::writeSession(const QList<ProcessSpec> &specs)
{
    return TestSupport::writeSessionFile(m_files->filePath(u"s.json"_s), specs);
}

ProcessSpec tst_RemoteSession::child(const QString &name, const QStringList &args)
{
    return TestSupport::childSpec(name, args);
}

QString tst_RemoteSession::standardSession()
{
    ProcessSpec greeter = child(u"greeter"_s, {u"echo"_s, u"hello-history"_s, u"then"_s, u"sleep"_s, u"600000"_s});
    greeter.workingDirectory = u"."_s;
    // An entry that depends on another: its spec alone names an entry that is not in it.
    greeter.dependsOn = {{u"sleeper"_s, DependencyCondition::Started}};
    return writeSession({child(u"ticker"_s, {u"tick"_s, u"100"_s}), child(u"sleeper"_s, {u"sleep"_s, u"600000"_s}),
                         child(u"reader"_s, {u"cat"_s}), greeter});
}

QString tst_RemoteSession::serve(const QString &file)
{
    m_instance = std::make_unique<QProcess>();
    m_instance->setProcessEnvironment(TestSupport::instanceEnvironment(m_runtime->path(), m_files->path()));
    m_instance->setStandardOutputFile(QProcess::nullDevice());
    m_instance->start(QStringLiteral(PD_APP_PATH), {u"--headless"_s, file, u"--serve"_s});
    const QString socket = m_runtime->filePath(u"procdeck/s.sock"_s);
    if (!QTest::qWaitFor([&] { return QFile::exists(socket) || m_instance->state() == QProcess::NotRunning; }, 20000))
        qWarning("no socket %s after 20 s", qPrintable(socket));
    return socket;
}

std::unique_ptr<RemoteSession> tst_RemoteSession::attach(ProcessManager *manager, const QString &socketPath)
{
    auto *client = new EngineClient;
    AttachTarget target;
    target.socketPath = socketPath;
    client->open(target);
    auto session = std::make_unique<RemoteSession>(client, manager);
    QSignalSpy attached(session.get(), &RemoteSession::attached);
    QSignalSpy detached(session.get(), &RemoteSession::detached);
    if (!attached.wait(20000))
        qWarning("not attached: %s", detached.isEmpty() ? "no answer" : qPrintable(detached.first().first().toString()));
    return session;
}

ManagedProcess *tst_RemoteSession::byName(const ProcessManager &manager, const QString &name)
{
    for (ManagedProcess *process : manager.processes()) {
        if (process->spec().name == name)
            return process;
    }
    return nullptr;
}

// ---- Mirrors fed by hand ------------------------------------------------------------------------

// `finished` once per run that ended, also for runs that began and ended between two updates;
// `started` once per run; readiness while alive; the run time and the deadlines count here.
void tst_RemoteSession::mirrorSignalsFollowTheRuns()
{
    using State = ManagedProcess::State;
    RecordingRemote remote;
    ManagedProcess process(1, child(u"api"_s, {}));
    process.setRemote(&remote);
    QVERIFY(process.isMirror());
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QSignalSpy started(&process, &ManagedProcess::started);
    QSignalSpy unexpected(&process, &ManagedProcess::unexpectedEnd);
    QSignalSpy readiness(&process, &ManagedProcess::readinessChanged);
    QSignalSpy changed(&process, &ManagedProcess::stateChanged);

    // The baseline at attach: two runs ended there before; nothing is told again here.
    process.applyMirror(runState(State::Exited, 2, 10));
    QCOMPARE(process.state(), State::Exited);
    QCOMPARE(process.runCount(), 2);
    QCOMPARE(finished.size(), 0);
    QVERIFY(!changed.isEmpty());

    MirrorState running = runState(State::Running, 3, 11);
    running.runTimeMs = 5000;
    running.readiness = ManagedProcess::Readiness::Pending;
    running.treeRootPid = 4242;
    process.applyMirror(running);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.first().first().toLongLong(), 11);
    // The run begins in the output with its first line, not with the update.
    QCOMPARE(process.output()->currentRun(), 0);
    process.appendMirrorLine(OutputStream::Message, u"started, PID 11"_s, 1000, 3, false);
    QCOMPARE(process.output()->currentRun(), 3);
    QCOMPARE(process.treeRootPid(), 4242);
    QCOMPARE(readiness.size(), 1); // Pending, as a local start says it
    QVERIFY(process.runTimeMs() >= 5000);
    QTRY_VERIFY(process.runTimeMs() > 5000); // counts on while alive
    running.readiness = ManagedProcess::Readiness::Ready;
    process.applyMirror(running);
    QCOMPARE(readiness.size(), 2);
    QCOMPARE(started.size(), 1); // the same run
    QCOMPARE(finished.size(), 0);

    MirrorState ended = runState(State::Exited, 3, 11);
    ended.exitCode = 3;
    ended.unexpected = true;
    ended.runTimeMs = 7000;
    process.applyMirror(ended);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(unexpected.size(), 1);
    QCOMPARE(process.exitCode(), 3);
    QVERIFY(process.endedUnexpectedly());
    QCOMPARE(process.treeRootPid(), 0);
    QCOMPARE(process.runTimeMs(), 7000); // ended: stands still

    // Two whole runs between two updates: two `finished`.
    process.applyMirror(runState(State::Exited, 5, 13));
    QCOMPARE(finished.size(), 3);
    // A run that ended and the next that began between two updates: the one that ended, with its
    // exit code and its unexpected end as they were when `finished` comes.
    MirrorState rerun = runState(State::Running, 7, 14);
    rerun.lastRunEnd = State::Exited;
    rerun.lastRunExitCode = 4;
    rerun.lastRunUnexpected = true;
    int codeAtFinished = 0;
    bool unexpectedAtFinished = false;
    const QMetaObject::Connection watch = connect(&process, &ManagedProcess::finished, this, [&] {
        codeAtFinished = process.exitCode();
        unexpectedAtFinished = process.endedUnexpectedly();
    });
    process.applyMirror(rerun);
    disconnect(watch);
    QCOMPARE(finished.size(), 4);
    QCOMPARE(codeAtFinished, 4);
    QVERIFY(unexpectedAtFinished);
    QCOMPARE(unexpected.size(), 2);
    QCOMPARE(process.lastRunExitCode(), 4);
    QCOMPARE(process.exitCode(), 0); // the new run's
    QCOMPARE(started.size(), 2);
    QVERIFY(process.isAlive());
    // A late line of run 6, sent after the update that said run 7 began: it stays in run 6,
    // before the line where "This Run" begins.
    const OutputLog *log = process.output();
    process.appendMirrorLine(OutputStream::Stdout, u"last words of run 6"_s, 2000, 6, false);
    const qint64 late = log->endLineNumber() - 1;
    process.appendMirrorLine(OutputStream::Message, u"started, PID 14"_s, 3000, 7, false);
    QCOMPARE(log->currentRun(), 7);
    QCOMPARE(log->currentRunFirstLine(), late + 1);
    QCOMPARE(log->line(late).run, 6);
    QCOMPARE(log->line(late + 1).run, 7);

    MirrorState stopping = runState(State::Stopping, 7, 14);
    stopping.stopDeadlineRemainingMs = 3000;
    process.applyMirror(stopping);
    QVERIFY(process.stopDeadlineRemainingMs() > 0 && process.stopDeadlineRemainingMs() <= 3000);
    MirrorState waiting = runState(State::Waiting, 7, 14);
    waiting.nextRestartRemainingMs = 5000;
    process.applyMirror(waiting);
    QCOMPARE(finished.size(), 5); // a Waiting entry's run has ended too
    QVERIFY(process.nextRestartRemainingMs() > 0 && process.nextRestartRemainingMs() <= 5000);
    QCOMPARE(process.stopDeadlineRemainingMs(), -1);
    QCOMPARE(started.size(), 2);
    QVERIFY(remote.calls.isEmpty());
}

void tst_RemoteSession::mirrorVerbsAreRequests()
{
    RecordingRemote remote;
    ManagedProcess process(1, child(u"api"_s, {}));
    process.setRemote(&remote);
    process.applyMirror(runState(ManagedProcess::State::Running, 1, 10));
    QVERIFY(process.start().ok);
    QVERIFY(process.terminate().ok);
    QVERIFY(process.kill().ok);
    QVERIFY(process.restart().ok);
    QVERIFY(process.sendSignal(SIGUSR1).ok);
    QVERIFY(process.pause().ok);
    QVERIFY(process.resume().ok);
    QVERIFY(process.writeInput("hi\n").ok);
    QVERIFY(process.closeInput().ok);
    QVERIFY(process.interrupt().ok);
    QVERIFY(!process.failRun().ok);
    QVERIFY(!process.waitForDependencies(u"db"_s).ok);
    const QStringList verbs{u"start"_s, u"stop"_s, u"kill"_s, u"restart"_s, u"signal"_s, u"pause"_s,
                            u"resume"_s, u"input"_s, u"input"_s, u"interrupt"_s};
    QCOMPARE(remote.calls.size(), verbs.size());
    for (int i = 0; i < verbs.size(); ++i) {
        QCOMPARE(remote.calls.at(i).verb, verbs.at(i));
        QCOMPARE(remote.calls.at(i).names, QStringList{u"api"_s});
    }
    QCOMPARE(remote.calls.at(4).arguments.value(u"signal"_s).toString(), u"SIGUSR1"_s);
    QCOMPARE(remote.calls.at(7).arguments.value(u"text"_s).toString(), u"hi\n"_s);
    QCOMPARE(remote.calls.at(8).arguments.value(u"eof"_s).toBool(), true);
    QCOMPARE(process.state(), ManagedProcess::State::Running); // nothing changes until the other says so
}

// The manager's verbs go as requests; no stack, trigger or health check acts on a mirror.
void tst_RemoteSession::mirrorManagerForwardsAndSkipsTheStack()
{
    RecordingRemote remote;
    ProcessManager manager;
    manager.setRemote(&remote);
    QVERIFY(manager.isMirror());
    ProcessSpec db = child(u"db"_s, {});
    db.readiness.kind = ProbeSpec::Kind::Command; // a check that would run here if it were not a mirror
    db.readiness.target = u"true"_s;
    ProcessSpec api = child(u"api"_s, {});
    api.dependsOn = {Dependency{u"db"_s}};
    api.schedule.everyMs = 1000;
    ManagedProcess *first = manager.addMirror(0, api, QString(), 0);
    ManagedProcess *second = manager.addMirror(0, db, QString(), 0);
    QCOMPARE(manager.at(0), second);
    QVERIFY(first->isMirror() && second->isMirror());
    QVERIFY(!HealthMonitor::check(second, HealthCheck::Role::Readiness));
    first->applyMirror(runState(ManagedProcess::State::NotStarted, 0, 0));
    first->applyMirror(runState(ManagedProcess::State::Running, 1, 10));
    QVERIFY(!manager.triggers()->isArmed(first));

    manager.startAll({first, second});
    QCOMPARE(remote.calls.size(), 1);
    QCOMPARE(remote.calls.last().verb, u"start"_s);
    QCOMPARE(remote.calls.last().names, (QStringList{u"db"_s, u"api"_s})); // the session's order
    QCOMPARE(manager.pendingStarts(), 0);

    QCOMPARE(manager.aliveCount(), 1);
    QSignalSpy allStopped(&manager, &ProcessManager::allStopped);
    manager.terminateAll();
    QCOMPARE(remote.calls.last().verb, u"stop"_s);
    QCOMPARE(remote.calls.last().names, QStringList{u"api"_s}); // only what has something to stop
    QTest::qWait(50);
    QCOMPARE(allStopped.size(), 0);
    first->applyMirror(runState(ManagedProcess::State::Killed, 1, 10));
    QTRY_COMPARE(allStopped.size(), 1);

    manager.remove(first);
    QCOMPARE(remote.calls.last().verb, u"remove"_s);
    QCOMPARE(manager.count(), 2); // until the other says it is gone
    QVERIFY(manager.add(child(u"new"_s, {u"sleep"_s, u"1"_s})) == nullptr);
    QCOMPARE(remote.calls.last().verb, u"add"_s);
    QCOMPARE(remote.calls.last().arguments.value(u"entry"_s).toObject().value(u"name"_s).toString(), u"new"_s);
    QVERIFY(manager.setEntrySpec(second, child(u"db"_s, {u"sleep"_s, u"5"_s})).ok);
    QCOMPARE(remote.calls.last().verb, u"edit"_s);
    QCOMPARE(remote.calls.last().names, QStringList{u"db"_s});
    QVERIFY(manager.setReplicas(u"db"_s, 3).ok);
    QCOMPARE(remote.calls.last().verb, u"scale"_s);
    QCOMPARE(remote.calls.last().arguments.value(u"count"_s).toInt(), 3);
    QCOMPARE(manager.count(), 2);

    manager.moveMirror(second, 1);
    QCOMPARE(manager.at(1), second);
    const qsizetype requests = remote.calls.size();
    manager.clear(); // dropped here, nothing sent
    QCOMPARE(manager.count(), 0);
    QCOMPARE(remote.calls.size(), requests);
    manager.setRemote(nullptr);
    QVERIFY(!manager.isMirror());
}

void tst_RemoteSession::connectingNowhereFails()
{
    ProcessManager manager;
    auto *client = new EngineClient;
    AttachTarget target;
    target.socketPath = m_runtime->filePath(u"none.sock"_s);
    client->open(target);
    RemoteSession session(client, &manager);
    QSignalSpy detached(&session, &RemoteSession::detached);
    QVERIFY(detached.wait(10000));
    QVERIFY2(detached.first().first().toString().contains(u"none.sock"_s), qPrintable(detached.first().first().toString()));
    QVERIFY(!session.isAttached());
    QVERIFY(!client->isConnected());
}

// ---- Against a real `procdeck --headless FILE --serve` ------------------------------------------

void tst_RemoteSession::attachShowsEntriesStatesAndSpecs()
{
    const QString file = standardSession();
    const QString socket = serve(file);
    ProcessManager manager;
    const std::unique_ptr<RemoteSession> session = attach(&manager, socket);
    QVERIFY(session->isAttached());
    QCOMPARE(session->sessionPath(), QFileInfo(file).absoluteFilePath());
    QCOMPARE(manager.baseDirectory(), QFileInfo(file).absolutePath());
    QCOMPARE(manager.count(), 4);
    const QStringList names{u"ticker"_s, u"sleeper"_s, u"reader"_s, u"greeter"_s};
    for (int row = 0; row < names.size(); ++row)
        QCOMPARE(manager.at(row)->spec().name, names.at(row));
    ManagedProcess *sleeper = byName(manager, u"sleeper"_s);
    QTRY_COMPARE(sleeper->state(), ManagedProcess::State::Running);
    QVERIFY(procAlive(sleeper->pid()));
    QVERIFY(sleeper->treeRootPid() > 0); // on this machine: /proc can be read
    QCOMPARE(sleeper->spec().program, TestSupport::childPath());
    QCOMPARE(sleeper->spec().args, (QStringList{u"sleep"_s, u"600000"_s}));
    QCOMPARE(sleeper->spec().stopTimeoutMs, 2000);
    const ProcessSpec &greeter = byName(manager, u"greeter"_s)->spec();
    QCOMPARE(greeter.workingDirectory, u"."_s);
    QCOMPARE(greeter.program, TestSupport::childPath());
    QCOMPARE(greeter.dependsOn, (QList<Dependency>{{u"sleeper"_s, DependencyCondition::Started}}));
    QVERIFY(sleeper->runTimeMs() >= 0);
}

void tst_RemoteSession::outputHistoryThenLive()
{
    const QString socket = serve(standardSession());
    ProcessManager manager;
    auto contains = [](const OutputLog *log, const QString &text, OutputStream stream) {
        for (qint64 i = log->firstLineNumber(); i < log->endLineNumber(); ++i) {
            if (log->line(i).text == text && log->line(i).stream == stream)
                return true;
        }
        return false;
    };
    // A first attach waits until the lines are there; the second one gets them as history.
    std::unique_ptr<RemoteSession> session = attach(&manager, socket);
    QTRY_VERIFY(byName(manager, u"greeter"_s)
                && contains(byName(manager, u"greeter"_s)->output(), u"hello-history"_s, OutputStream::Stdout)
                && contains(byName(manager, u"ticker"_s)->output(), u"tick 3"_s, OutputStream::Stdout));
    session.reset();
    const qint64 attachedAt = QDateTime::currentMSecsSinceEpoch();
    session = attach(&manager, socket);
    QVERIFY(session->isAttached());
    ManagedProcess *greeter = byName(manager, u"greeter"_s);
    ManagedProcess *ticker = byName(manager, u"ticker"_s);
    QVERIFY(greeter && ticker);
    QTRY_VERIFY(contains(greeter->output(), u"hello-history"_s, OutputStream::Stdout));
    QTRY_VERIFY(contains(ticker->output(), u"tick 1"_s, OutputStream::Stdout)); // history
    const OutputLog *log = ticker->output();
    // The lines keep their run and their time there, not the attach's.
    QCOMPARE(log->line(log->firstLineNumber()).run, 1);
    QVERIFY(log->line(log->firstLineNumber()).timeMs < attachedAt);
    // ProcDeck's notes come as notes.
    bool note = false;
    for (qint64 i = log->firstLineNumber(); i < log->endLineNumber(); ++i)
        note = note || (log->line(i).stream == OutputStream::Message && log->line(i).text.startsWith(u"started"_s));
    QVERIFY(note);
    // Live: lines printed after the attach arrive, in order.
    const int seen = int(log->endLineNumber());
    QTRY_VERIFY(log->endLineNumber() > seen + 3);
    QString last;
    for (qint64 i = log->firstLineNumber(); i < log->endLineNumber(); ++i) {
        const QString text = log->line(i).text;
        if (!text.startsWith(u"tick "_s))
            continue;
        if (!last.isEmpty())
            QCOMPARE(text.mid(5).toInt(), last.mid(5).toInt() + 1);
        last = text;
    }
}

// A line longer than the length limit, cut there into pieces, arrives as the same pieces, each but
// the last marked as going on in the next (the pane's continuation mark).
void tst_RemoteSession::cutLinesKeepTheirMark()
{
    constexpr qsizetype length = 3 * OutputDecoder::MaxLineLength + 100;
    const QString socket = serve(writeSession({child(u"wide"_s, {u"flood"_s, QString::number(length + 1),
                                                                QString::number(length + 1)})}));
    ProcessManager manager;
    const std::unique_ptr<RemoteSession> session = attach(&manager, socket);
    QVERIFY(session->isAttached());
    QList<OutputLine> pieces;
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        pieces.clear();
        qsizetype total = 0;
        const OutputLog *log = manager.at(0)->output();
        for (qint64 i = log->firstLineNumber(); i < log->endLineNumber(); ++i) {
            if (log->line(i).stream == OutputStream::Stdout) {
                pieces.append(log->line(i));
                total += log->line(i).text.size();
            }
        }
        return total == length;
    }(), 20000);
    QCOMPARE(pieces.size(), 4);
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        QCOMPARE(pieces.at(i).text.size(), i + 1 < pieces.size() ? OutputDecoder::MaxLineLength : 100);
        QCOMPARE(pieces.at(i).continued, i + 1 < pieces.size());
    }
}

// A line with colours arrives with them: the same text and the same spans as there.
void tst_RemoteSession::outputKeepsItsColours()
{
    const QString socket = serve(writeSession({child(u"painter"_s, {u"echo"_s,
        u"\x1b[1;31mred\x1b[0m plain \x1b[4;38;2;1;2;3mrgb\x1b[0m \x1b[38;5;208;44mpalette\x1b[0m"_s,
        u"then"_s, u"sleep"_s, u"600000"_s})}));
    ProcessManager manager;
    const std::unique_ptr<RemoteSession> session = attach(&manager, socket);
    QVERIFY(session->isAttached());
    const OutputLine *painted = nullptr;
    QTRY_VERIFY([&] {
        const OutputLog *log = manager.at(0)->output();
        for (qint64 i = log->firstLineNumber(); i < log->endLineNumber() && !painted; ++i) {
            if (log->line(i).text == u"red plain rgb palette"_s)
                painted = &log->line(i);
        }
        return painted != nullptr;
    }());
    const QList<OutputSpan> spans = painted->spans;
    auto spanAt = [&](int start) -> OutputSpan {
        for (const OutputSpan &span : spans) {
            if (span.start == start)
                return span;
        }
        return {};
    };
    const OutputSpan red = spanAt(0);
    QCOMPARE(red.length, 3);
    QVERIFY(red.bold);
    QCOMPARE(red.foreground, qint16(1));
    const OutputSpan rgb = spanAt(10);
    QCOMPARE(rgb.length, 3);
    QVERIFY(rgb.underline && !rgb.bold);
    QCOMPARE(rgb.foregroundRgb, quint32(0x010203) | OutputSpan::RgbValid);
    const OutputSpan palette = spanAt(14);
    QCOMPARE(palette.length, 7);
    QCOMPARE(palette.foreground, qint16(208));
    QCOMPARE(palette.background, qint16(4));
    QCOMPARE(spanAt(3).length, 0); // " plain " has the default style: no span of its own
}

void tst_RemoteSession::verbsReachTheRealProcesses()
{
    const QString socket = serve(standardSession());
    ProcessManager manager;
    const std::unique_ptr<RemoteSession> session = attach(&manager, socket);
    QSignalSpy refused(session.get(), &RemoteSession::requestFailed);
    ManagedProcess *sleeper = byName(manager, u"sleeper"_s);
    QTRY_COMPARE(sleeper->state(), ManagedProcess::State::Running);
    const qint64 firstPid = sleeper->pid();

    // pause / resume: the real process stops and continues.
    QVERIFY(sleeper->pause().ok);
    QTRY_COMPARE(sleeper->state(), ManagedProcess::State::Paused);
    QCOMPARE(procState(firstPid), u'T');
    QVERIFY(sleeper->resume().ok);
    QTRY_COMPARE(sleeper->state(), ManagedProcess::State::Running);
    QTRY_VERIFY(procState(firstPid) != u'T');

    // stop (terminate), then start: a new process.
    QSignalSpy finished(sleeper, &ManagedProcess::finished);
    manager.terminate({sleeper});
    QTRY_COMPARE(sleeper->state(), ManagedProcess::State::Killed);
    QCOMPARE(finished.size(), 1);
    QVERIFY(sleeper->stoppedByUser());
    QTRY_VERIFY(!procAlive(firstPid));
    manager.startAll({sleeper});
    QTRY_COMPARE(sleeper->state(), ManagedProcess::State::Running);
    const qint64 secondPid = sleeper->pid();
    QVERIFY(secondPid != firstPid && procAlive(secondPid));

    // restart: another process again.
    QVERIFY(sleeper->restart().ok);
    QTRY_VERIFY(sleeper->pid() != secondPid && sleeper->state() == ManagedProcess::State::Running);
    QTRY_VERIFY(!procAlive(secondPid));
    QVERIFY(procAlive(sleeper->pid()));
    QCOMPARE(finished.size(), 2);

    // signal: SIGKILL by name ends it as Killed by -9; kill: the same verb.
    QVERIFY(sleeper->sendSignal(SIGKILL).ok);
    QTRY_COMPARE(sleeper->state(), ManagedProcess::State::Killed);
    QCOMPARE(sleeper->exitCode(), -SIGKILL);
    QVERIFY(sleeper->start().ok);
    QTRY_COMPARE(sleeper->state(), ManagedProcess::State::Running);
    const qint64 thirdPid = sleeper->pid();
    QVERIFY(sleeper->kill().ok);
    QTRY_COMPARE(sleeper->state(), ManagedProcess::State::Killed);
    QTRY_VERIFY(!procAlive(thirdPid));

    // input: a line to cat comes back as its output; eof ends it.
    ManagedProcess *reader = byName(manager, u"reader"_s);
    QTRY_COMPARE(reader->state(), ManagedProcess::State::Running);
    QVERIFY(reader->writeInput("echo-me\n").ok);
    auto hasLine = [reader](const QString &text) {
        const OutputLog *log = reader->output();
        for (qint64 i = log->firstLineNumber(); i < log->endLineNumber(); ++i) {
            if (log->line(i).text == text && log->line(i).stream == OutputStream::Stdout)
                return true;
        }
        return false;
    };
    QTRY_VERIFY(hasLine(u"echo-me"_s));
    QVERIFY(reader->closeInput().ok);
    QTRY_COMPARE(reader->state(), ManagedProcess::State::Exited);
    QCOMPARE(reader->exitCode(), 0);

    // A refusal comes back as a message: starting what runs.
    ManagedProcess *ticker = byName(manager, u"ticker"_s);
    QVERIFY(ticker->start().ok); // sent
    QTRY_COMPARE(refused.size(), 1);
    QVERIFY2(refused.first().first().toString().contains(u"ticker"_s), qPrintable(refused.first().first().toString()));
}

void tst_RemoteSession::addRemoveEditScale()
{
    const QString socket = serve(standardSession());
    ProcessManager manager;
    const std::unique_ptr<RemoteSession> session = attach(&manager, socket);
    QSignalSpy refused(session.get(), &RemoteSession::requestFailed);

    // add: the entry appears when the other has added it; start it there.
    QVERIFY(manager.add(child(u"extra"_s, {u"sleep"_s, u"600000"_s})) == nullptr);
    QTRY_VERIFY(byName(manager, u"extra"_s));
    ManagedProcess *extra = byName(manager, u"extra"_s);
    QCOMPARE(manager.indexOf(extra), 4);
    QVERIFY(extra->start().ok);
    QTRY_COMPARE(extra->state(), ManagedProcess::State::Running);
    const qint64 extraPid = extra->pid();
    QVERIFY(procAlive(extraPid));

    // edit: the spec there changes, and so does the mirror's.
    ProcessSpec edited = extra->spec();
    edited.args = {u"sleep"_s, u"500000"_s};
    QVERIFY(manager.setEntrySpec(extra, edited).ok);
    QTRY_COMPARE(extra->spec().args, (QStringList{u"sleep"_s, u"500000"_s}));

    // scale: three copies there, three mirrors here, started as the group runs.
    QVERIFY(manager.setReplicas(u"extra"_s, 3).ok);
    QTRY_COMPARE(manager.replicas(u"extra"_s).size(), 3);
    QCOMPARE(manager.replicas(u"extra"_s).first(), extra); // the same entry, renamed extra-1
    QCOMPARE(extra->spec().name, u"extra-1"_s);
    QTRY_VERIFY(procAlive(manager.replicas(u"extra"_s).last()->pid()));
    QVERIFY(manager.setReplicas(u"extra"_s, 1).ok);
    QTRY_COMPARE(manager.replicas(u"extra"_s).size(), 1);

    // remove: terminated there and gone here.
    manager.removeWhenStopped(extra);
    QTRY_VERIFY(!byName(manager, u"extra-1"_s));
    QTRY_VERIFY(!procAlive(extraPid));
    QCOMPARE(manager.count(), 4);
    QCOMPARE(refused.size(), 0);
}

void tst_RemoteSession::joinOnMirrorsReportsTheRealExitCode()
{
    const QString socket = serve(writeSession({child(u"short"_s, {u"sleep"_s, u"1500"_s, u"then"_s, u"exit"_s, u"3"_s})}));
    ProcessManager manager;
    const std::unique_ptr<RemoteSession> session = attach(&manager, socket);
    ManagedProcess *entry = byName(manager, u"short"_s);
    QTRY_VERIFY_WITH_TIMEOUT(entry->state() == ManagedProcess::State::Exited, 20000);
    QVERIFY(entry->start().ok);
    QTRY_VERIFY(entry->isAlive());
    JoinOperation join({entry}, -1);
    QSignalSpy done(&join, &JoinOperation::done);
    join.start();
    QVERIFY(done.wait(20000));
    const QList<JoinOperation::Outcome> outcomes = join.outcomes();
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.first().exited);
    QCOMPARE(outcomes.first().exitCode, 3);
}

void tst_RemoteSession::detachLeavesTheEntriesRunning()
{
    const QString socket = serve(standardSession());
    ProcessManager manager;
    std::unique_ptr<RemoteSession> session = attach(&manager, socket);
    ManagedProcess *sleeper = byName(manager, u"sleeper"_s);
    QTRY_COMPARE(sleeper->state(), ManagedProcess::State::Running);
    const qint64 pid = sleeper->pid();
    session.reset();
    QCOMPARE(manager.count(), 0);
    QVERIFY(!manager.isMirror());
    QVERIFY(procAlive(pid));
    QCOMPARE(m_instance->state(), QProcess::Running);
    // Attaching again finds the same process, still running there.
    session = attach(&manager, socket);
    QVERIFY(byName(manager, u"sleeper"_s));
    QCOMPARE(byName(manager, u"sleeper"_s)->pid(), pid);
    QCOMPARE(byName(manager, u"sleeper"_s)->state(), ManagedProcess::State::Running);
    QVERIFY(procAlive(pid));
}

void tst_RemoteSession::instanceQuittingDetaches()
{
    const QString socket = serve(standardSession());
    ProcessManager manager;
    const std::unique_ptr<RemoteSession> session = attach(&manager, socket);
    QSignalSpy detached(session.get(), &RemoteSession::detached);
    QCOMPARE(manager.count(), 4);
    m_instance->terminate(); // SIGTERM: headless stops its entries and ends
    QVERIFY(detached.wait(20000));
    QVERIFY(!detached.first().first().toString().isEmpty());
    QCOMPARE(manager.count(), 0);
    QVERIFY(!session->isAttached());
}

// Over ssh's standard input and output (AttachTarget::sshProgram()): a stand-in `ssh` first on
// PATH runs the remote command here, as sshd would there, or fails as ssh does for a host that
// refuses; the reason is ssh's own last line.
void tst_RemoteSession::sshTransportAndItsFailure()
{
    const QString socket = serve(standardSession());
    const QString bin = m_files->filePath(u"bin"_s);
    QVERIFY(QDir().mkpath(bin));
    QFile ssh(bin + u"/ssh"_s);
    QVERIFY(ssh.open(QIODevice::WriteOnly));
    ssh.write("#!/bin/sh\n"
              "while [ \"$1\" != -- ]; do shift; done\n"
              "shift; host=$1; shift\n"
              "if [ \"$host\" = refusing ]; then\n"
              "  echo 'ssh: connect to host refusing port 22: Connection refused' >&2; exit 255\n"
              "fi\n"
              "exec /bin/sh -c \"$*\"\n");
    ssh.close();
    QVERIFY(ssh.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    const QByteArray path = qgetenv("PATH");
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    qputenv("PATH", QFile::encodeName(bin) + ':' + path);
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime->path()));
    qputenv("PROCDECK_REMOTE_COMMAND", QByteArray("'" PD_APP_PATH "'"));
    const auto restore = qScopeGuard([&] {
        qputenv("PATH", path);
        if (runtime.isNull())
            qunsetenv("XDG_RUNTIME_DIR");
        else
            qputenv("XDG_RUNTIME_DIR", runtime);
        qunsetenv("PROCDECK_REMOTE_COMMAND");
    });

    ProcessManager manager;
    AttachTarget target;
    target.kind = AttachTarget::Kind::Ssh;
    target.host = u"elsewhere"_s;
    target.session = u"s"_s;
    {
        auto *client = new EngineClient;
        client->open(target);
        RemoteSession session(client, &manager);
        QSignalSpy attached(&session, &RemoteSession::attached);
        QVERIFY(attached.wait(20000));
        QCOMPARE(manager.count(), 4);
        ManagedProcess *sleeper = byName(manager, u"sleeper"_s);
        QTRY_COMPARE(sleeper->state(), ManagedProcess::State::Running);
        QVERIFY(procAlive(sleeper->pid()));
        QCOMPARE(sleeper->treeRootPid(), 0); // not this machine's, as far as the mirror knows
        const qint64 pid = sleeper->pid();
        QVERIFY(sleeper->kill().ok);
        QTRY_COMPARE(sleeper->state(), ManagedProcess::State::Killed);
        QTRY_VERIFY(!procAlive(pid));
        QCOMPARE(m_instance->state(), QProcess::Running);
    }
    QCOMPARE(manager.count(), 0);

    target.host = u"refusing"_s;
    auto *client = new EngineClient;
    client->open(target);
    RemoteSession session(client, &manager);
    QSignalSpy detached(&session, &RemoteSession::detached);
    QVERIFY(detached.wait(20000));
    QCOMPARE(detached.first().first().toString(), u"ssh: connect to host refusing port 22: Connection refused"_s);
    QCOMPARE(manager.count(), 0);
}

QTEST_GUILESS_MAIN(tst_RemoteSession)
#include "tst_remotesession.moc"
