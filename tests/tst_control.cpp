#include "controlclient.h"
#include "controlprotocol.h"
#include "controlserver.h"
#include "managedprocess.h"
#include "outputlog.h"
#include "processmanager.h"
#include "sessionfile.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstring>
#include <memory>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

// The control socket and `procdeck ctl`, through the real executable (PD_APP_PATH): a headless
// `--serve` instance (or a window) in a runtime folder of the test's own, driven by `procdeck ctl`
// as a user or a script would.
class tst_Control final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void peerRefusalText();
    void parseArguments_data();
    void parseArguments();
    void sinceAndJoinStatus();
    void socketNamesAndFolderFallback();

    void folderAndSocketModes();
    void folderWithOtherPermissionsIsRefused();
    void peerOfAnotherUserIsRefused();
    void listTextAndJson();
    void status();
    void startStopKillRestartSignal();
    void joinExitStatus();
    void logsAndSince();
    void logsFollowSeesNewLines();
    void addAndRemove();
    void quitEndsTheInstance();
    void malformedRequests();
    void malformedCommandLines_data();
    void malformedCommandLines();
    void staleSocket();
    void serveSurvivesSighup();
    void twoInstancesAndSessionChoice();
    void windowServesItsSession();
    void slowFollowerIsBounded();

private:
    using Ctl = TestSupport::CtlResult;

    QProcessEnvironment environment() const;
    QString folder() const;
    QString writeSession(const QList<ProcessSpec> &specs, const QString &name = u"s.json"_s);
    static ProcessSpec child(const QString &name, const QStringList &args);
    // `procdeck --headless FILE --serve`, returned once its socket NAME.sock is there.
    QProcess *serve(const QString &file, const QString &socketName = u"s"_s, const QStringList &extra = {});
    Ctl ctl(const QStringList &arguments, int deadlineMs = 30000) const;
    QJsonArray listJson(const QStringList &session = {}) const;
    static QJsonObject entry(const QJsonArray &entries, const QString &name);
    // One raw exchange on the socket: the hello, then the reply to `request`.
    QJsonObject rawRequest(const QByteArray &request) const;

    std::unique_ptr<QTemporaryDir> m_runtime;
    std::unique_ptr<QTemporaryDir> m_files;
    std::vector<std::unique_ptr<QProcess>> m_instances;
};

void tst_Control::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(PD_APP_PATH)), PD_APP_PATH);
}

void tst_Control::init()
{
    m_runtime = std::make_unique<QTemporaryDir>();
    m_files = std::make_unique<QTemporaryDir>();
    QVERIFY(m_runtime->isValid() && m_files->isValid());
}

void tst_Control::cleanup()
{
    for (auto &process : m_instances)
        TestSupport::endInstance(*process);
    m_instances.clear();
}

QProcessEnvironment tst_Control::environment() const
{
    return TestSupport::instanceEnvironment(m_runtime->path(), m_files->path());
}

QString tst_Control::folder() const
{
    return m_runtime->filePath(u"procdeck"_s);
}

QString tst_Control::writeSession(const QList<ProcessSpec> &specs, const QString &name)
{
    return TestSupport::writeSessionFile(m_files->filePath(name), specs);
}

ProcessSpec tst_Control::child(const QString &name, const QStringList &args)
{
    return TestSupport::childSpec(name, args);
}

QProcess *tst_Control::serve(const QString &file, const QString &socketName, const QStringList &extra)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment());
    process->start(QStringLiteral(PD_APP_PATH), QStringList{u"--headless"_s, file, u"--serve"_s} + extra);
    QProcess *started = process.get();
    m_instances.push_back(std::move(process));
    const QString socket = folder() + u'/' + socketName + u".sock"_s;
    if (!QTest::qWaitFor([&] { return QFile::exists(socket) || started->state() == QProcess::NotRunning; }, 20000))
        qWarning("no socket %s after 20 s", qPrintable(socket));
    return started;
}

tst_Control::Ctl tst_Control::ctl(const QStringList &arguments, int deadlineMs) const
{
    return TestSupport::runCtl(environment(), arguments, deadlineMs);
}

QJsonArray tst_Control::listJson(const QStringList &session) const
{
    const Ctl list = ctl(session + QStringList{u"list"_s, u"--json"_s});
    if (list.exitCode != 0)
        qWarning("ctl list --json: %s", qPrintable(list.err));
    return QJsonDocument::fromJson(list.out.toUtf8()).array();
}

QJsonObject tst_Control::entry(const QJsonArray &entries, const QString &name)
{
    for (const QJsonValue &value : entries) {
        if (value.toObject().value(u"name"_s).toString() == name)
            return value.toObject();
    }
    return {};
}

QJsonObject tst_Control::rawRequest(const QByteArray &request) const
{
    QLocalSocket socket;
    socket.connectToServer(folder() + u"/s.sock"_s);
    if (!socket.waitForConnected(5000))
        return {};
    QList<QJsonObject> messages;
    socket.write(request);
    QDeadlineTimer deadline(10000);
    while (messages.size() < 2 && !deadline.hasExpired()) {
        if (!socket.canReadLine() && !socket.waitForReadyRead(int(deadline.remainingTime())))
            break;
        while (socket.canReadLine())
            messages.append(QJsonDocument::fromJson(socket.readLine()).object());
    }
    return messages.size() == 2 ? messages.at(1) : QJsonObject();
}

// --- In-process: the rules, without a running ProcDeck --------------------------------------

void tst_Control::peerRefusalText()
{
    QVERIFY(ControlProtocol::peerRefusal(1000u, 1000u).isEmpty());
    QVERIFY(ControlProtocol::peerRefusal(1001u, 1000u).contains(u"refused"_s));
    QVERIFY(ControlProtocol::peerRefusal(0u, 1000u).contains(u"refused"_s)); // not even root
    QVERIFY(ControlProtocol::peerRefusal(std::nullopt, 1000u).contains(u"SO_PEERCRED"_s));
    // The descriptor of a socket pair: the peer is this process's user.
    int fds[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    QCOMPARE(ControlProtocol::peerUid(fds[0]), std::optional<uid_t>(::geteuid()));
    ::close(fds[0]);
    ::close(fds[1]);
    QCOMPARE(ControlProtocol::peerUid(-1), std::nullopt);
}

void tst_Control::parseArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("request"); // the message as compact JSON, or "error"
    QTest::newRow("list") << QStringList{u"list"_s} << uR"({"verb":"list"})"_s;
    QTest::newRow("session") << QStringList{u"--session"_s, u"x"_s, u"list"_s, u"--json"_s} << uR"({"verb":"list"})"_s;
    QTest::newRow("start") << QStringList{u"start"_s, u"a"_s, u"b"_s} << uR"({"names":["a","b"],"verb":"start"})"_s;
    QTest::newRow("signal") << QStringList{u"signal"_s, u"USR1"_s, u"a"_s} << uR"({"names":["a"],"signal":"USR1","verb":"signal"})"_s;
    QTest::newRow("join timeout") << QStringList{u"join"_s, u"--timeout"_s, u"1.5"_s, u"a"_s}
                                  << uR"({"names":["a"],"timeoutMs":1500,"verb":"join"})"_s;
    QTest::newRow("logs -f") << QStringList{u"logs"_s, u"-f"_s, u"a"_s} << uR"({"follow":true,"names":["a"],"verb":"logs"})"_s;
    QTest::newRow("add") << QStringList{u"add"_s, uR"({"program":"x"})"_s} << uR"({"entry":{"program":"x"},"verb":"add"})"_s;
    QTest::newRow("pause") << QStringList{u"pause"_s, u"a"_s} << uR"({"names":["a"],"verb":"pause"})"_s;
    QTest::newRow("input") << QStringList{u"input"_s, u"a"_s, u"hi there"_s} << uR"({"names":["a"],"text":"hi there\n","verb":"input"})"_s;
    QTest::newRow("input eof") << QStringList{u"input"_s, u"--eof"_s, u"a"_s} << uR"({"eof":true,"names":["a"],"verb":"input"})"_s;
    QTest::newRow("scale") << QStringList{u"scale"_s, u"api"_s, u"3"_s} << uR"({"count":3,"names":["api"],"verb":"scale"})"_s;
    QTest::newRow("edit") << QStringList{u"edit"_s, u"a"_s, uR"({"program":"y"})"_s} << uR"({"entry":{"program":"y"},"names":["a"],"verb":"edit"})"_s;
    QTest::newRow("bridge") << QStringList{u"bridge"_s} << uR"({"verb":"bridge"})"_s;
    QTest::newRow("no verb") << QStringList{} << u"error"_s;
    QTest::newRow("unknown verb") << QStringList{u"frob"_s} << u"error"_s;
    QTest::newRow("input without text") << QStringList{u"input"_s, u"a"_s} << u"error"_s;
    QTest::newRow("scale not a number") << QStringList{u"scale"_s, u"a"_s, u"many"_s} << u"error"_s;
    QTest::newRow("bridge with names") << QStringList{u"bridge"_s, u"a"_s} << u"error"_s;
    QTest::newRow("start without names") << QStringList{u"start"_s} << u"error"_s;
    QTest::newRow("signal without names") << QStringList{u"signal"_s, u"TERM"_s} << u"error"_s;
    QTest::newRow("add not JSON") << QStringList{u"add"_s, u"{program"_s} << u"error"_s;
    QTest::newRow("add array") << QStringList{u"add"_s, u"[1]"_s} << u"error"_s;
    QTest::newRow("bad timeout") << QStringList{u"join"_s, u"--timeout"_s, u"soon"_s, u"a"_s} << u"error"_s;
    QTest::newRow("unknown option") << QStringList{u"list"_s, u"--frob"_s} << u"error"_s;
    QTest::newRow("quit with names") << QStringList{u"quit"_s, u"a"_s} << u"error"_s;
}

void tst_Control::parseArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, request);
    const auto parsed = ControlClient::parse(arguments, QDateTime::currentDateTime());
    if (request == u"error"_s) {
        QVERIFY(std::holds_alternative<QString>(parsed));
        return;
    }
    if (const QString *error = std::get_if<QString>(&parsed))
        QFAIL(qPrintable(*error));
    const QJsonObject message = std::get<ControlClient::Request>(parsed).message;
    QCOMPARE(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)), request);
}

void tst_Control::sinceAndJoinStatus()
{
    const QDateTime now = QDateTime::fromString(u"2026-01-02T10:00:00Z"_s, Qt::ISODate);
    QCOMPARE(ControlClient::parseSince(u"30"_s, now), now.toMSecsSinceEpoch() - 30000);
    QCOMPARE(ControlClient::parseSince(u"5m"_s, now), now.toMSecsSinceEpoch() - 300000);
    QCOMPARE(ControlClient::parseSince(u"2h"_s, now), now.toMSecsSinceEpoch() - 7200000);
    QCOMPARE(ControlClient::parseSince(u"2026-01-02T09:00:00Z"_s, now), now.toMSecsSinceEpoch() - 3600000);
    QCOMPARE(ControlClient::parseSince(u"yesterday"_s, now), std::nullopt);

    const auto outcome = [](bool exited, int code) { return QJsonObject{{u"exited"_s, exited}, {u"exitCode"_s, code}}; };
    QCOMPARE(ControlClient::joinExitStatus({outcome(true, 0), outcome(true, 0)}), 0);
    QCOMPARE(ControlClient::joinExitStatus({outcome(true, 0), outcome(true, 3), outcome(true, 4)}), 3);
    QCOMPARE(ControlClient::joinExitStatus({outcome(true, -9)}), 137);
    QCOMPARE(ControlClient::joinExitStatus({outcome(true, 3), outcome(false, 0)}), 124);
}

void tst_Control::socketNamesAndFolderFallback()
{
    QCOMPARE(ControlProtocol::baseName(u"/x/stack.json"_s, 7), u"stack"_s);
    QCOMPARE(ControlProtocol::baseName(u"/x/stack.procdeck.json"_s, 7), u"stack"_s);
    QCOMPARE(ControlProtocol::baseName(u"/x/Procfile"_s, 7), u"Procfile"_s);
    QCOMPARE(ControlProtocol::baseName(u"/x/my app;1.json"_s, 7), u"my_app_1"_s);
    QCOMPARE(ControlProtocol::baseName(QString(), 42), u"untitled-42"_s);
    const QByteArray saved = qgetenv("XDG_RUNTIME_DIR");
    qunsetenv("XDG_RUNTIME_DIR");
    QCOMPARE(ControlProtocol::directoryPath(), u"/tmp/procdeck-%1"_s.arg(::getuid()));
    qputenv("XDG_RUNTIME_DIR", m_runtime->filePath(u"missing"_s).toUtf8()); // names no folder
    QCOMPARE(ControlProtocol::directoryPath(), u"/tmp/procdeck-%1"_s.arg(::getuid()));
    qputenv("XDG_RUNTIME_DIR", m_runtime->path().toUtf8());
    QCOMPARE(ControlProtocol::directoryPath(), m_runtime->filePath(u"procdeck"_s));
    if (saved.isNull())
        qunsetenv("XDG_RUNTIME_DIR");
    else
        qputenv("XDG_RUNTIME_DIR", saved);
}

// --- A live instance ------------------------------------------------------------------------

void tst_Control::folderAndSocketModes()
{
    const QString file = writeSession({child(u"a"_s, {u"sleep"_s, u"60000"_s})});
    QProcess *instance = serve(file);
    QVERIFY(instance->state() != QProcess::NotRunning);
    struct stat info = {};
    QCOMPARE(::stat(QFile::encodeName(folder()).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, 0700u);
    // The socket appears (0700, from Qt) a moment before ProcDeck makes it 0600.
    const QByteArray socket = QFile::encodeName(folder() + u"/s.sock"_s);
    QTRY_VERIFY_WITH_TIMEOUT(::stat(socket.constData(), &info) == 0 && (info.st_mode & 0777) == 0600u, 10000);
    QVERIFY(S_ISSOCK(info.st_mode));
    QCOMPARE(info.st_uid, ::geteuid());
}

void tst_Control::folderWithOtherPermissionsIsRefused()
{
    QVERIFY(QDir().mkpath(folder()));
    QVERIFY(QFile::setPermissions(folder(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));
    const QString file = writeSession({child(u"a"_s, {u"exit"_s, u"0"_s})});
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(PD_APP_PATH), {u"--headless"_s, file, u"--serve"_s});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 2);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains(u"not 0700"_s), qPrintable(error));
    // The client refuses the folder as well.
    const Ctl list = ctl({u"list"_s});
    QCOMPARE(list.exitCode, 2);
    QVERIFY2(list.err.contains(u"not 0700"_s), qPrintable(list.err));
}

void tst_Control::peerOfAnotherUserIsRefused()
{
    if (::geteuid() != 0)
        QSKIP("needs root, to connect as another user (the unit test peerRefusalText covers the rule)");
    const QString file = writeSession({child(u"a"_s, {u"sleep"_s, u"60000"_s})});
    serve(file);
    // The socket file appears before the server has made it 0600 (it is bound elsewhere and moved
    // into place): a request that is answered says the server is done with it, so that its chmod
    // cannot undo the one below.
    QCOMPARE(ctl({u"list"_s}).exitCode, 0);
    // Let the other user reach the socket at all, so that SO_PEERCRED is what refuses it.
    for (const QString &path : {m_runtime->path(), folder()})
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0711), 0);
    const QByteArray socketPath = QFile::encodeName(folder() + u"/s.sock"_s);
    QCOMPARE(::chmod(socketPath.constData(), 0666), 0);
    int pipeFds[2];
    QCOMPARE(::pipe(pipeFds), 0);
    const pid_t pid = ::fork();
    if (pid == 0) { // raw system calls only from here
        ::close(pipeFds[0]);
        if (::setgid(65534) != 0 || ::setuid(65534) != 0)
            ::_exit(3);
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, socketPath.constData(), size_t(socketPath.size()));
        if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0)
            ::_exit(4);
        // The server may have closed already: no SIGPIPE, the refusal is read below all the same.
        const char request[] = "{\"procdeck-ctl\":1,\"id\":1,\"verb\":\"list\"}\n";
        (void)!::send(fd, request, sizeof(request) - 1, MSG_NOSIGNAL);
        char buffer[1024];
        ssize_t n;
        while ((n = ::read(fd, buffer, sizeof(buffer))) > 0)
            (void)!::write(pipeFds[1], buffer, size_t(n));
        ::_exit(0);
    }
    ::close(pipeFds[1]);
    QByteArray received;
    pollfd poll = {pipeFds[0], POLLIN, 0};
    while (::poll(&poll, 1, 10000) > 0) {
        char buffer[1024];
        const ssize_t n = ::read(pipeFds[0], buffer, sizeof(buffer));
        if (n <= 0)
            break;
        received.append(buffer, n);
    }
    ::close(pipeFds[0]);
    int status = 0;
    QCOMPARE(::waitpid(pid, &status, 0), pid);
    QCOMPARE(WEXITSTATUS(status), 0);
    // One line, the refusal, and no hello and no entries: closed before anything was read.
    QVERIFY2(received.contains("user 65534 may not control"), received.constData());
    QVERIFY(!received.contains("hello"));
    QVERIFY(!received.contains("entries"));
    QCOMPARE(received.count('\n'), 1);
    // This user is still served (once the folder is private again: the client checks it too).
    QCOMPARE(::chmod(QFile::encodeName(folder()).constData(), 0700), 0);
    QCOMPARE(ctl({u"list"_s}).exitCode, 0);
}

void tst_Control::listTextAndJson()
{
    const QString file = writeSession({child(u"sleeper"_s, {u"sleep"_s, u"60000"_s}), child(u"done"_s, {u"exit"_s, u"3"_s})});
    serve(file);
    QTRY_COMPARE_WITH_TIMEOUT(entry(listJson(), u"done"_s).value(u"state"_s).toString(), u"exited"_s, 20000);
    const QJsonArray entries = listJson();
    QCOMPARE(entries.size(), 2);
    const QJsonObject sleeper = entry(entries, u"sleeper"_s);
    QCOMPARE(sleeper.value(u"state"_s).toString(), u"running"_s);
    QVERIFY(sleeper.value(u"alive"_s).toBool());
    QVERIFY(sleeper.value(u"pid"_s).toInteger() > 0);
    QVERIFY(!sleeper.contains(u"exitCode"_s));
    QCOMPARE(entry(entries, u"done"_s).value(u"exitCode"_s).toInt(), 3);

    const Ctl list = ctl({u"list"_s});
    QCOMPARE(list.exitCode, 0);
    const QStringList lines = list.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith(u"NAME"_s));
    QVERIFY(lines.at(0).contains(u"RESTARTS"_s));
    QVERIFY(lines.at(1).startsWith(u"sleeper  running"_s));
    QVERIFY(lines.at(1).contains(QString::number(sleeper.value(u"pid"_s).toInteger())));
    QVERIFY(lines.at(2).startsWith(u"done     exited"_s));
    // Columns line up: STATE starts at the same place in every line.
    QCOMPARE(lines.at(1).indexOf(u"running"_s), lines.at(0).indexOf(u"STATE"_s));
    // Names: only those asked for.
    QCOMPARE(listJson({}).size(), 2);
    const Ctl one = ctl({u"list"_s, u"--json"_s, u"done"_s});
    QCOMPARE(QJsonDocument::fromJson(one.out.toUtf8()).array().size(), 1);
}

void tst_Control::status()
{
    const QString file = writeSession({child(u"a"_s, {u"sleep"_s, u"60000"_s}), child(u"b"_s, {u"sleep"_s, u"60000"_s}),
                                       child(u"c"_s, {u"exit"_s, u"0"_s})});
    QProcess *instance = serve(file);
    QTRY_COMPARE_WITH_TIMEOUT(entry(listJson(), u"c"_s).value(u"state"_s).toString(), u"exited"_s, 20000);
    const Ctl status = ctl({u"status"_s});
    QCOMPARE(status.exitCode, 0);
    const QStringList lines = status.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0), u"s: headless, PID %1, %2"_s.arg(instance->processId()).arg(QFileInfo(file).absoluteFilePath()));
    QCOMPARE(lines.at(1), u"3 entries: 1 exited, 2 running"_s);
}

void tst_Control::startStopKillRestartSignal()
{
    const QString file = writeSession({child(u"a"_s, {u"sleep"_s, u"60000"_s}), child(u"u"_s, {u"usr1-tree"_s, u"60000"_s})});
    serve(file);
    QTRY_COMPARE_WITH_TIMEOUT(entry(listJson(), u"a"_s).value(u"state"_s).toString(), u"running"_s, 20000);
    const qint64 firstPid = entry(listJson(), u"a"_s).value(u"pid"_s).toInteger();

    const Ctl again = ctl({u"start"_s, u"a"_s});
    QCOMPARE(again.exitCode, 1); // refused by the entry: it runs
    QVERIFY2(again.err.contains(u"procdeck ctl: a is already running"_s), qPrintable(again.err));

    QCOMPARE(ctl({u"stop"_s, u"a"_s}).exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(entry(listJson(), u"a"_s).value(u"exitCode"_s).toInt(), -SIGTERM, 20000);
    QCOMPARE(ctl({u"start"_s, u"a"_s}).exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(entry(listJson(), u"a"_s).value(u"state"_s).toString(), u"running"_s, 20000);
    QCOMPARE(ctl({u"kill"_s, u"a"_s}).exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(entry(listJson(), u"a"_s).value(u"exitCode"_s).toInt(), -SIGKILL, 20000);
    QCOMPARE(ctl({u"restart"_s, u"a"_s}).exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(entry(listJson(), u"a"_s).value(u"state"_s).toString(), u"running"_s, 20000);
    QVERIFY(entry(listJson(), u"a"_s).value(u"pid"_s).toInteger() != firstPid);
    QCOMPARE(entry(listJson(), u"a"_s).value(u"runs"_s).toInt(), 3);

    QTRY_VERIFY_WITH_TIMEOUT(ctl({u"logs"_s, u"u"_s}).out.contains(u"ready child"_s), 20000);
    QCOMPARE(ctl({u"signal"_s, u"SIGUSR1"_s, u"u"_s}).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(ctl({u"logs"_s, u"u"_s}).out.contains(u"u | SIGUSR1 in grandchild"_s), 20000);
    const Ctl badSignal = ctl({u"signal"_s, u"SIGNOPE"_s, u"u"_s});
    QCOMPARE(badSignal.exitCode, 2);
    QVERIFY2(badSignal.err.contains(u"no signal named \"SIGNOPE\""_s), qPrintable(badSignal.err));
    const Ctl unknown = ctl({u"stop"_s, u"a"_s, u"nosuch"_s});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains(u"no entry named \"nosuch\""_s), qPrintable(unknown.err));
    QCOMPARE(entry(listJson(), u"a"_s).value(u"state"_s).toString(), u"running"_s); // nothing done
}

void tst_Control::joinExitStatus()
{
    const QString file = writeSession({child(u"ok"_s, {u"sleep"_s, u"300"_s}), child(u"three"_s, {u"exit"_s, u"3"_s}),
                                       child(u"crash"_s, {u"crash"_s}), child(u"long"_s, {u"sleep"_s, u"60000"_s})});
    serve(file);
    const Ctl ok = ctl({u"join"_s, u"ok"_s});
    QCOMPARE(ok.exitCode, 0);
    QVERIFY2(ok.out.startsWith(u"ok: exited with 0 after "_s), qPrintable(ok.out));
    QCOMPARE(ctl({u"join"_s, u"ok"_s, u"three"_s}).exitCode, 3);
    QCOMPARE(ctl({u"join"_s, u"crash"_s}).exitCode, 128 + SIGSEGV);
    const Ctl timeout = ctl({u"join"_s, u"--timeout"_s, u"0.3"_s, u"long"_s, u"ok"_s});
    QCOMPARE(timeout.exitCode, 124);
    QVERIFY2(timeout.out.contains(u"long: still alive after"_s), qPrintable(timeout.out));
    // A join waits for the end: a stop from another client ends it.
    QProcess join;
    join.setProcessEnvironment(environment());
    join.start(QStringLiteral(PD_APP_PATH), {u"ctl"_s, u"join"_s, u"long"_s});
    QVERIFY(join.waitForStarted());
    QVERIFY(!join.waitForFinished(500)); // still joined
    QCOMPARE(ctl({u"stop"_s, u"long"_s}).exitCode, 0);
    QVERIFY(join.waitForFinished(20000));
    QCOMPARE(join.exitCode(), 128 + SIGTERM);
}

void tst_Control::logsAndSince()
{
    const QString file = writeSession({child(u"alpha"_s, {u"echo"_s, u"hello"_s}), child(u"b"_s, {u"echo-err"_s, u"oops"_s})});
    serve(file);
    QTRY_COMPARE_WITH_TIMEOUT(entry(listJson(), u"b"_s).value(u"state"_s).toString(), u"exited"_s, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(entry(listJson(), u"alpha"_s).value(u"state"_s).toString(), u"exited"_s, 20000);
    const Ctl logs = ctl({u"logs"_s});
    QCOMPARE(logs.exitCode, 0);
    QVERIFY2(logs.out.contains(u"alpha | hello\n"_s), qPrintable(logs.out));
    QVERIFY2(logs.out.contains(u"b     ! oops\n"_s), qPrintable(logs.out));
    QVERIFY2(logs.out.contains(u"alpha * "_s), qPrintable(logs.out)); // ProcDeck's notes, as headless
    const Ctl one = ctl({u"logs"_s, u"b"_s});
    QVERIFY(!one.out.contains(u"alpha"_s));
    QVERIFY2(one.out.contains(u"b ! oops\n"_s), qPrintable(one.out));
    const Ctl future = ctl({u"logs"_s, u"--since"_s, QDateTime::currentDateTime().addSecs(3600).toString(Qt::ISODate)});
    QCOMPARE(future.exitCode, 0);
    QCOMPARE(future.out, QString());
    QVERIFY(ctl({u"logs"_s, u"--since"_s, u"1h"_s}).out.contains(u"alpha | hello"_s));
}

void tst_Control::logsFollowSeesNewLines()
{
    const QString file = writeSession({child(u"ticker"_s, {u"tick"_s, u"100"_s})});
    serve(file);
    QProcess follow;
    follow.setProcessEnvironment(environment());
    follow.start(QStringLiteral(PD_APP_PATH), {u"ctl"_s, u"logs"_s, u"-f"_s, u"ticker"_s});
    QByteArray seen;
    QTRY_VERIFY_WITH_TIMEOUT((seen += follow.readAllStandardOutput()).contains("ticker | tick 1\n"), 20000);
    // Lines that did not exist when the client asked arrive: beyond the count at the start.
    const int countAtStart = entry(listJson(), u"ticker"_s).value(u"alive"_s).toBool() ? int(seen.count('\n')) : 0;
    QTRY_VERIFY_WITH_TIMEOUT((seen += follow.readAllStandardOutput()).count("ticker | tick") > countAtStart + 5, 20000);
    QCOMPARE(follow.state(), QProcess::Running);
    follow.kill();
    QVERIFY(follow.waitForFinished(5000));
    QCOMPARE(ctl({u"list"_s}).exitCode, 0); // the server took the disconnect in its stride
}

void tst_Control::addAndRemove()
{
    const QString file = writeSession({child(u"a"_s, {u"sleep"_s, u"60000"_s})});
    serve(file);
    const QJsonObject added{{u"name"_s, u"extra"_s}, {u"program"_s, TestSupport::childPath()},
                            {u"args"_s, QJsonArray{u"echo"_s, u"added"_s}}};
    const Ctl add = ctl({u"add"_s, QString::fromUtf8(QJsonDocument(added).toJson(QJsonDocument::Compact))});
    QCOMPARE(add.exitCode, 0);
    QCOMPARE(add.out, u"added extra\n"_s);
    QCOMPARE(entry(listJson(), u"extra"_s).value(u"state"_s).toString(), u"notstarted"_s);
    QCOMPARE(ctl({u"start"_s, u"extra"_s}).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(ctl({u"logs"_s, u"extra"_s}).out.contains(u"extra | added"_s), 20000);

    const Ctl duplicate = ctl({u"add"_s, QString::fromUtf8(QJsonDocument(added).toJson(QJsonDocument::Compact))});
    QCOMPARE(duplicate.exitCode, 2);
    QVERIFY2(duplicate.err.contains(u"an entry named \"extra\" exists already"_s), qPrintable(duplicate.err));
    // The session file's reader judges the entry, with its own words.
    const Ctl invalid = ctl({u"add"_s, uR"({"name":"x","program":"p","stopTimeoutMs":-1})"_s});
    QCOMPARE(invalid.exitCode, 2);
    QVERIFY2(invalid.err.contains(u"processes[0].stopTimeoutMs"_s), qPrintable(invalid.err));
    QVERIFY(entry(listJson(), u"x"_s).isEmpty());
    // What an entry depends on is checked against the session it joins.
    const Ctl dependant = ctl({u"add"_s, uR"({"name":"after","program":"p","dependsOn":{"a":"started"}})"_s});
    QVERIFY2(dependant.exitCode == 0, qPrintable(dependant.err));
    const Ctl unknownDependency = ctl({u"add"_s, uR"({"name":"y","program":"p","dependsOn":{"nosuch":"started"}})"_s});
    QCOMPARE(unknownDependency.exitCode, 2);
    QVERIFY2(unknownDependency.err.contains(u"processes[0].dependsOn: \"nosuch\""_s), qPrintable(unknownDependency.err));
    const Ctl cycle = ctl({u"edit"_s, u"a"_s, uR"({"name":"a","program":"p","dependsOn":{"after":"started"}})"_s});
    QCOMPARE(cycle.exitCode, 2);
    QVERIFY2(cycle.err.contains(u"after → a → after"_s), qPrintable(cycle.err));

    QCOMPARE(ctl({u"remove"_s, u"a"_s, u"extra"_s, u"after"_s}).exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(listJson().size(), 0, 20000);
    QCOMPARE(ctl({u"remove"_s, u"a"_s}).exitCode, 2);
}

void tst_Control::quitEndsTheInstance()
{
    const QString file = writeSession({child(u"a"_s, {u"sleep"_s, u"60000"_s}), child(u"b"_s, {u"exit"_s, u"0"_s})});
    QProcess *instance = serve(file);
    QTRY_COMPARE_WITH_TIMEOUT(entry(listJson(), u"b"_s).value(u"state"_s).toString(), u"exited"_s, 20000);
    QSignalSpy finished(instance, &QProcess::finished);
    const Ctl quit = ctl({u"quit"_s});
    QCOMPARE(quit.exitCode, 0);
    // ctl quit returns once the instance has ended.
    QVERIFY(finished.count() == 1 || finished.wait(20000));
    QCOMPARE(instance->exitStatus(), QProcess::NormalExit);
    QCOMPARE(instance->exitCode(), 128 + SIGTERM); // headless status: `a` ended by its stop signal
    QVERIFY(!QFile::exists(folder() + u"/s.sock"_s));
    const Ctl none = ctl({u"list"_s});
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains(u"no ProcDeck is running"_s), qPrintable(none.err));
}

void tst_Control::malformedRequests()
{
    serve(writeSession({child(u"a"_s, {u"sleep"_s, u"60000"_s})}));
    const auto errorOf = [](const QJsonObject &reply) {
        return reply.value(u"ok"_s).toBool(true) ? QString() : reply.value(u"error"_s).toString();
    };
    QVERIFY2(errorOf(rawRequest("this is not json\n")).startsWith(u"not JSON"_s), "not JSON");
    QVERIFY(errorOf(rawRequest("[1,2]\n")).contains(u"not a JSON object"_s));
    QVERIFY(errorOf(rawRequest(R"({"procdeck-ctl":2,"id":1,"verb":"list"})" "\n")).contains(u"version 2"_s));
    QVERIFY(errorOf(rawRequest(R"({"id":1,"verb":"list"})" "\n")).contains(u"version"_s));
    QVERIFY(errorOf(rawRequest(R"({"procdeck-ctl":1,"id":1,"verb":"frob"})" "\n")).contains(u"unknown verb \"frob\""_s));
    QVERIFY(errorOf(rawRequest(R"({"procdeck-ctl":1,"id":1})" "\n")).contains(u"no \"verb\""_s));
    QVERIFY(errorOf(rawRequest(R"({"procdeck-ctl":1,"id":1,"verb":"start"})" "\n")).contains(u"give one NAME"_s));
    QVERIFY(errorOf(rawRequest(R"({"procdeck-ctl":1,"id":1,"verb":"add","entry":3})" "\n")).contains(u"\"entry\""_s));
    QVERIFY(errorOf(rawRequest(R"({"procdeck-ctl":1,"id":1,"verb":"join","names":["a"],"timeoutMs":"x"})" "\n"))
                .contains(u"timeoutMs"_s));
    const QJsonObject reply = rawRequest(R"({"procdeck-ctl":1,"id":"seven","verb":"list"})" "\n");
    QCOMPARE(reply.value(u"id"_s).toString(), u"seven"_s);
    QVERIFY(reply.value(u"ok"_s).toBool());
}

void tst_Control::malformedCommandLines_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no verb") << QStringList{} << u"no VERB"_s;
    QTest::newRow("unknown verb") << QStringList{u"frob"_s} << u"unknown verb \"frob\""_s;
    QTest::newRow("no names") << QStringList{u"stop"_s} << u"needs a NAME"_s;
    QTest::newRow("bad JSON") << QStringList{u"add"_s, u"{"_s} << u"not JSON"_s;
    QTest::newRow("unknown entry") << QStringList{u"start"_s, u"nosuch"_s} << u"no entry named \"nosuch\""_s;
    QTest::newRow("unknown instance") << QStringList{u"--session"_s, u"other"_s, u"list"_s} << u"no running ProcDeck is called other"_s;
}

void tst_Control::malformedCommandLines()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    serve(writeSession({child(u"a"_s, {u"sleep"_s, u"60000"_s})}));
    const Ctl result = ctl(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY2(result.err.startsWith(u"procdeck ctl: "_s), qPrintable(result.err));
}

// A socket file that nobody listens on: what a ProcDeck killed with SIGKILL leaves.
void tst_Control::staleSocket()
{
    QVERIFY(QDir().mkpath(folder()));
    QVERIFY(QFile::setPermissions(folder(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const auto makeStale = [this](const QString &name) {
        const QByteArray path = QFile::encodeName(folder() + u'/' + name + u".sock"_s);
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
        const bool bound = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0;
        ::close(fd); // bound, never listened on: connect is refused
        return bound;
    };
    QVERIFY(makeStale(u"dead"_s));
    const Ctl dead = ctl({u"--session"_s, u"dead"_s, u"list"_s});
    QCOMPARE(dead.exitCode, 2);
    QVERIFY2(dead.err.contains(u"not running any more"_s), qPrintable(dead.err));
    QVERIFY(!QFile::exists(folder() + u"/dead.sock"_s));

    QVERIFY(makeStale(u"gone"_s));
    QCOMPARE(ctl({u"instances"_s}).exitCode, 0);
    QVERIFY(!QFile::exists(folder() + u"/gone.sock"_s)); // cleaned up by `instances`

    // A new ProcDeck takes a stale socket's name instead of "s-2".
    QVERIFY(makeStale(u"s"_s));
    QProcess *instance = serve(writeSession({child(u"a"_s, {u"sleep"_s, u"60000"_s})}));
    QTRY_VERIFY_WITH_TIMEOUT(ControlProtocol::isLive(folder() + u"/s.sock"_s), 20000);
    QVERIFY(!QFile::exists(folder() + u"/s-2.sock"_s));
    QCOMPARE(ctl({u"status"_s}).out.section(u',', 1, 1), u" PID %1"_s.arg(instance->processId()));
}

void tst_Control::serveSurvivesSighup()
{
    QProcess *instance = serve(writeSession({child(u"a"_s, {u"exit"_s, u"0"_s})}));
    QTRY_COMPARE_WITH_TIMEOUT(entry(listJson(), u"a"_s).value(u"state"_s).toString(), u"exited"_s, 20000);
    // Every entry has ended, and the instance still serves.
    QCOMPARE(instance->state(), QProcess::Running);
    QCOMPARE(::kill(pid_t(instance->processId()), SIGHUP), 0);
    QByteArray errors;
    QTRY_VERIFY2_WITH_TIMEOUT((errors += instance->readAllStandardError()).contains("SIGHUP ignored"), errors.constData(), 20000);
    QCOMPARE(instance->state(), QProcess::Running);
    QCOMPARE(ctl({u"list"_s}).exitCode, 0);
    // SIGTERM still ends it.
    QSignalSpy finished(instance, &QProcess::finished);
    QCOMPARE(::kill(pid_t(instance->processId()), SIGTERM), 0);
    QVERIFY(finished.wait(20000));
    QCOMPARE(instance->exitCode(), 128 + SIGTERM);
    QVERIFY(!QFile::exists(folder() + u"/s.sock"_s));
}

void tst_Control::twoInstancesAndSessionChoice()
{
    const QString first = writeSession({child(u"one"_s, {u"sleep"_s, u"60000"_s})}, u"a/s.json"_s);
    const QString second = writeSession({child(u"two"_s, {u"sleep"_s, u"60000"_s})}, u"b/s.json"_s);
    serve(first, u"s"_s);
    serve(second, u"s-2"_s);
    const Ctl ambiguous = ctl({u"list"_s});
    QCOMPARE(ambiguous.exitCode, 2);
    QVERIFY2(ambiguous.err.contains(u"2 ProcDecks are running"_s), qPrintable(ambiguous.err));
    QVERIFY2(ambiguous.err.contains(second), qPrintable(ambiguous.err));
    const Ctl instances = ctl({u"instances"_s});
    QCOMPARE(instances.out.split(u'\n', Qt::SkipEmptyParts).size(), 3);
    QVERIFY(instances.out.contains(u"s-2"_s));
    QVERIFY(instances.out.contains(u"headless (serve)"_s));
    QCOMPARE(entry(listJson({u"--session"_s, u"s-2"_s}), u"two"_s).value(u"state"_s).toString(), u"running"_s);
    QCOMPARE(entry(listJson({u"--session"_s, u"s"_s}), u"one"_s).value(u"state"_s).toString(), u"running"_s);
    QCOMPARE(entry(listJson({u"--session"_s, second}), u"two"_s).value(u"state"_s).toString(), u"running"_s);
    QCOMPARE(listJson({u"--session"_s, second}).size(), 1);
}

// The window serves its session too: its name follows the file, `ctl quit` closes it.
void tst_Control::windowServesItsSession()
{
    const QString file = writeSession({child(u"w1"_s, {u"sleep"_s, u"60000"_s}), child(u"w2"_s, {u"exit"_s, u"0"_s})},
                                      u"deck.json"_s);
    auto window = std::make_unique<QProcess>();
    window->setProcessEnvironment(environment());
    window->start(QStringLiteral(PD_APP_PATH), {file});
    QProcess *started = window.get();
    m_instances.push_back(std::move(window));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(folder() + u"/deck.sock"_s), 20000);
    const QJsonArray entries = listJson();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entry(entries, u"w1"_s).value(u"state"_s).toString(), u"notstarted"_s);
    QVERIFY(ctl({u"instances"_s}).out.contains(u"window"_s));
    QCOMPARE(ctl({u"start"_s, u"w1"_s}).exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(entry(listJson(), u"w1"_s).value(u"state"_s).toString(), u"running"_s, 20000);
    QSignalSpy finished(started, &QProcess::finished);
    QCOMPARE(ctl({u"quit"_s}).exitCode, 0); // no dialog: it would never be answered here
    QVERIFY(finished.count() == 1 || finished.wait(20000));
    QVERIFY(!QFile::exists(folder() + u"/deck.sock"_s));
}

// In process: a `logs -f` client that does not read holds the server to its queue limit; the
// lines the entry's log dropped meanwhile are reported skipped, none is sent twice, and the last
// one arrives.
void tst_Control::slowFollowerIsBounded()
{
    const QByteArray saved = qgetenv("XDG_RUNTIME_DIR");
    qputenv("XDG_RUNTIME_DIR", m_runtime->path().toUtf8());
    ProcessManager manager;
    ControlServer server(&manager, ControlServer::Kind::Headless);
    constexpr qint64 limit = 64 * 1024;
    server.setFollowQueueLimit(limit);
    QVERIFY2(server.listen(m_files->filePath(u"slow.json"_s)), qPrintable(server.errorString()));
    qputenv("XDG_RUNTIME_DIR", saved);
    constexpr int total = 200000;
    ManagedProcess *flood = manager.add(child(u"flood"_s, {u"lines"_s, QString::number(total)}));
    flood->output()->setLimits(2000, 1 << 20); // a small log: it drops lines while the client sleeps

    QLocalSocket client;
    client.connectToServer(server.socketPath());
    QTRY_VERIFY_WITH_TIMEOUT(client.canReadLine(), 10000); // the hello
    client.readLine();
    client.write(R"({"procdeck-ctl":1,"id":1,"verb":"logs","names":["flood"],"follow":true})" "\n");
    QTRY_COMPARE_WITH_TIMEOUT(server.findChildren<QLocalSocket *>().size(), 1, 10000);
    QLocalSocket *served = server.findChildren<QLocalSocket *>().constFirst();
    // The client's socket takes no more from the system than this while the test does not read
    // (unlimited, Qt would read everything into it whenever the event loop runs).
    client.setReadBufferSize(4096);
    qint64 mostQueued = 0;
    const auto watch = [&] { mostQueued = std::max(mostQueued, served->bytesToWrite()); };
    connect(flood->output(), &OutputLog::changed, served, watch);
    QVERIFY(flood->start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(flood->isFinished(), 60000);
    // Bounded: the limit plus one message of at most 4096 lines ("flood | line 199999" each).
    QVERIFY2(mostQueued <= limit + 4096 * 32, qPrintable(QString::number(mostQueued)));
    QVERIFY2(mostQueued >= limit, "the client did not read: the server's queue filled up to the limit");
    client.setReadBufferSize(0);

    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += client.readAll()).contains("exited with code 0"), 30000);
    qint64 lines = 0;
    qint64 skipped = 0;
    qint64 last = -1;
    bool ordered = true;
    for (const QByteArray &message : received.split('\n')) {
        const QString text = QJsonDocument::fromJson(message).object().value(u"text"_s).toString();
        for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
            if (line.startsWith(u"flood | line "_s)) {
                const qint64 number = line.mid(13).toLongLong();
                ordered = ordered && number > last;
                last = number;
                ++lines;
            } else if (line.contains(u"skipped"_s)) {
                skipped += line.section(u' ', 3, 3).toLongLong();
            }
        }
    }
    QVERIFY(ordered);
    QCOMPARE(last, qint64(total));
    QVERIFY2(skipped > 0, "the client slept through a flood bigger than the log: lines were skipped");
    QVERIFY2(lines + skipped >= total && lines + skipped <= total + 3, qPrintable(u"%1 + %2"_s.arg(lines).arg(skipped)));
}

QTEST_GUILESS_MAIN(tst_Control)
#include "tst_control.moc"
