#include "attachtarget.h"
#include "controlserver.h"
#include "processmanager.h"
#include "sessionfile.h"
#include "shellwords.h"
#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

// AttachTarget: the addresses File › Attach and `--attach` take, what is refused and in which
// words, and the ssh command line that reaches the other machine.
class tst_AttachTarget : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void parseSsh_data();
    void parseSsh();
    void refusals_data();
    void refusals();
    void roundTrip_data();
    void roundTrip();
    void displayName_data();
    void displayName();
    void sshCommandLine();
    void sshDefaults();
    void remoteCommandQuotesTheSession_data();
    void remoteCommandQuotesTheSession();
    void remoteCommandFromEnvironment();
    void localSocketPath();
    void localSocketName();
    void localStaleSocket();
    void localSessionFileOrTheOnlyOne();

private:
    static AttachTarget parsed(const QString &text);
    static QString errorOf(const std::variant<AttachTarget, QString> &result);

    QTemporaryDir m_runtime;
};

void tst_AttachTarget::initTestCase()
{
    QVERIFY(m_runtime.isValid());
    // The control sockets of this test only.
    qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
    qunsetenv("PROCDECK_REMOTE_COMMAND");
}

void tst_AttachTarget::cleanup()
{
    qunsetenv("PROCDECK_REMOTE_COMMAND");
}

AttachTarget tst_AttachTarget::parsed(const QString &text)
{
    const auto result = AttachTarget::parse(text);
    if (const QString *error = std::get_if<QString>(&result))
        qWarning("%s: %s", qPrintable(text), qPrintable(*error));
    return std::holds_alternative<AttachTarget>(result) ? std::get<AttachTarget>(result) : AttachTarget();
}

QString tst_AttachTarget::errorOf(const std::variant<AttachTarget, QString> &result)
{
    const QString *error = std::get_if<QString>(&result);
    return error ? *error : QString();
}

void tst_AttachTarget::parseSsh_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("session");

    QTest::newRow("host") << u"ssh://build1"_s << QString() << u"build1"_s << 0 << QString();
    QTest::newRow("user") << u"ssh://me@build1"_s << u"me"_s << u"build1"_s << 0 << QString();
    QTest::newRow("port") << u"ssh://me@build1:2222"_s << u"me"_s << u"build1"_s << 2222 << QString();
    QTest::newRow("session") << u"ssh://build1/stack"_s << QString() << u"build1"_s << 0 << u"stack"_s;
    QTest::newRow("everything") << u"ssh://deploy@edge-1.example.org:22/web"_s << u"deploy"_s
                                << u"edge-1.example.org"_s << 22 << u"web"_s;
    QTest::newRow("trailing slash") << u"ssh://build1/"_s << QString() << u"build1"_s << 0 << QString();
    QTest::newRow("session file") << u"ssh://build1/work/stack.json"_s << QString() << u"build1"_s << 0
                                  << u"work/stack.json"_s;
    QTest::newRow("absolute session file") << u"ssh://build1//srv/stack.json"_s << QString() << u"build1"_s
                                           << 0 << u"/srv/stack.json"_s;
    QTest::newRow("ipv6") << u"ssh://[::1]"_s << QString() << u"::1"_s << 0 << QString();
    QTest::newRow("ipv6 everything") << u"ssh://me@[fe80::1%25eth0]:2222/stack"_s << u"me"_s
                                     << u"fe80::1%eth0"_s << 2222 << u"stack"_s;
    QTest::newRow("ipv4") << u"ssh://127.0.0.1:65535"_s << QString() << u"127.0.0.1"_s << 65535 << QString();
    QTest::newRow("encoded user and session") << u"ssh://me%40corp@host/my%20stack"_s << u"me@corp"_s
                                              << u"host"_s << 0 << u"my stack"_s;
    QTest::newRow("scheme in capitals, spaces around") << u"  SSH://host/s  "_s << QString() << u"host"_s
                                                       << 0 << u"s"_s;
}

void tst_AttachTarget::parseSsh()
{
    QFETCH(QString, text);
    QFETCH(QString, user);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, session);

    const auto result = AttachTarget::parse(text);
    QVERIFY2(std::holds_alternative<AttachTarget>(result), qPrintable(errorOf(result)));
    const AttachTarget target = std::get<AttachTarget>(result);
    QCOMPARE(target.kind, AttachTarget::Kind::Ssh);
    QCOMPARE(target.user, user);
    QCOMPARE(target.host, host);
    QCOMPARE(target.port, port);
    QCOMPARE(target.session, session);
    QVERIFY(target.socketPath.isEmpty());
}

void tst_AttachTarget::refusals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("words"); // what the message must say

    QTest::newRow("another scheme") << u"http://host/stack"_s << u"only ssh:// reaches another machine"_s;
    QTest::newRow("sftp") << u"sftp://me@host"_s << u"“sftp://” cannot be attached to"_s;
    QTest::newRow("no host") << u"ssh://"_s << u"names no host"_s;
    QTest::newRow("user, no host") << u"ssh://me@"_s << u"names no host"_s;
    QTest::newRow("session, no host") << u"ssh:///stack"_s << u"names no host"_s;
    QTest::newRow("port, no host") << u"ssh://:22"_s << u"names no host"_s;
    QTest::newRow("port not a number") << u"ssh://host:ssh"_s << u"“ssh” is not a port"_s;
    QTest::newRow("port zero") << u"ssh://host:0"_s << u"“0” is not a port"_s;
    QTest::newRow("port too big") << u"ssh://host:65536"_s << u"from 1 to 65535"_s;
    QTest::newRow("port signed") << u"ssh://host:+22"_s << u"“+22” is not a port"_s;
    QTest::newRow("port missing") << u"ssh://host:/stack"_s << u"port after “:” is missing"_s;
    QTest::newRow("ipv6 port bad") << u"ssh://[::1]:x"_s << u"“x” is not a port"_s;
    QTest::newRow("ipv6 without brackets") << u"ssh://::1"_s << u"in brackets"_s;
    QTest::newRow("ipv6 unclosed") << u"ssh://[::1"_s << u"no closing “]”"_s;
    QTest::newRow("ipv6 junk after") << u"ssh://[::1]22"_s << u"neither a port nor a session"_s;
    QTest::newRow("password") << u"ssh://me:secret@host"_s << u"password does not belong"_s;
    QTest::newRow("empty user") << u"ssh://@host"_s << u"user name before “@” is empty"_s;
    QTest::newRow("host as an option") << u"ssh://-oProxyCommand=id"_s << u"is not a host name"_s;
    QTest::newRow("user as an option") << u"ssh://-oProxyCommand=x@host"_s << u"is not a user name"_s;
    QTest::newRow("space in host") << u"ssh://a b"_s << u"is not a host name"_s;
    QTest::newRow("line break in session") << u"ssh://host/a%0Ab"_s << u"line break"_s;
}

void tst_AttachTarget::refusals()
{
    QFETCH(QString, text);
    QFETCH(QString, words);

    const auto result = AttachTarget::parse(text);
    QVERIFY(std::holds_alternative<QString>(result));
    const QString error = std::get<QString>(result);
    QVERIFY2(error.contains(words), qPrintable(error));
}

void tst_AttachTarget::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("host") << u"ssh://host"_s << u"ssh://host"_s;
    QTest::newRow("everything") << u"ssh://me@host:2222/stack"_s << u"ssh://me@host:2222/stack"_s;
    QTest::newRow("ipv6") << u"ssh://me@[::1]:2222/stack"_s << u"ssh://me@[::1]:2222/stack"_s;
    QTest::newRow("ipv6 zone") << u"ssh://[fe80::1%25eth0]"_s << u"ssh://[fe80::1%25eth0]"_s;
    QTest::newRow("trailing slash dropped") << u"ssh://host/"_s << u"ssh://host"_s;
    QTest::newRow("capitals") << u"SSH://host"_s << u"ssh://host"_s;
    QTest::newRow("encoded") << u"ssh://me%40corp@host/dir/my%20stack.json"_s
                             << u"ssh://me%40corp@host/dir/my%20stack.json"_s;
    QTest::newRow("absolute session file") << u"ssh://host//srv/stack.json"_s << u"ssh://host//srv/stack.json"_s;
}

void tst_AttachTarget::roundTrip()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);

    const AttachTarget target = parsed(text);
    QCOMPARE(target.toString(), canonical);
    const AttachTarget again = parsed(target.toString());
    QCOMPARE(again.user, target.user);
    QCOMPARE(again.host, target.host);
    QCOMPARE(again.port, target.port);
    QCOMPARE(again.session, target.session);
}

void tst_AttachTarget::displayName_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");

    QTest::newRow("host only") << u"ssh://me@build1:2222"_s << u"build1"_s;
    QTest::newRow("socket name") << u"ssh://build1/stack"_s << u"stack on build1"_s;
    QTest::newRow("session file") << u"ssh://build1/work/web.procdeck.json"_s << u"web on build1"_s;
    QTest::newRow("ipv6") << u"ssh://[::1]/stack"_s << u"stack on ::1"_s;
}

void tst_AttachTarget::displayName()
{
    QFETCH(QString, text);
    QFETCH(QString, name);
    QCOMPARE(parsed(text).displayName(), name);
}

// The whole command line for one target: the options a long-lived bridge wants, the
// destination after "--", and the remote command as one word for the remote shell.
void tst_AttachTarget::sshCommandLine()
{
    const AttachTarget target = parsed(u"ssh://deploy@[::1]:2222/web"_s);
    QCOMPARE(target.sshProgram(), u"ssh"_s);
    const QStringList expected{u"-T"_s, u"-e"_s, u"none"_s, u"-x"_s, u"-a"_s,
                               u"-o"_s, u"ServerAliveInterval=15"_s, u"-o"_s, u"ServerAliveCountMax=3"_s,
                               u"-o"_s, u"ConnectTimeout=30"_s, u"-p"_s, u"2222"_s,
                               u"--"_s, u"deploy@::1"_s, u"procdeck ctl --session web bridge"_s};
    QCOMPARE(target.sshArguments(), expected);
}

// Without user, port or session: ssh's own defaults (~/.ssh/config), and `ctl bridge` finds the
// only ProcDeck running there. Never BatchMode: ssh may ask for a passphrase.
void tst_AttachTarget::sshDefaults()
{
    const QStringList arguments = parsed(u"ssh://build1"_s).sshArguments();
    QVERIFY(!arguments.contains(u"-p"_s));
    QCOMPARE(arguments.mid(arguments.size() - 3), (QStringList{u"--"_s, u"build1"_s, u"procdeck ctl bridge"_s}));
    for (const QString &argument : arguments)
        QVERIFY2(!argument.contains(u"BatchMode"_s, Qt::CaseInsensitive), qPrintable(argument));
}

void tst_AttachTarget::remoteCommandQuotesTheSession_data()
{
    QTest::addColumn<QString>("session");

    QTest::newRow("space") << u"my stack"_s;
    QTest::newRow("quote") << u"it's.json"_s;
    QTest::newRow("shell characters") << u"a;rm -rf x $(id) `id` *"_s;
    QTest::newRow("option-like") << u"-x"_s;
    QTest::newRow("unicode") << u"grüß/日本.json"_s;
}

// What the remote shell splits the command into: the session arrives as one word, untouched.
void tst_AttachTarget::remoteCommandQuotesTheSession()
{
    QFETCH(QString, session);

    AttachTarget target;
    target.kind = AttachTarget::Kind::Ssh;
    target.host = u"host"_s;
    target.session = session;
    const ShellWords::SplitResult words = ShellWords::split(target.sshArguments().constLast());
    QVERIFY(words.ok());
    QCOMPARE(words.words, (QStringList{u"procdeck"_s, u"ctl"_s, u"--session"_s, session, u"bridge"_s}));
}

// PROCDECK_REMOTE_COMMAND is shell text for the other side: a ProcDeck off the remote PATH, or
// one with an environment of its own.
void tst_AttachTarget::remoteCommandFromEnvironment()
{
    qputenv("PROCDECK_REMOTE_COMMAND", "env XDG_RUNTIME_DIR=/tmp/r /opt/procdeck/bin/procdeck");
    QCOMPARE(parsed(u"ssh://host/s"_s).sshArguments().constLast(),
             u"env XDG_RUNTIME_DIR=/tmp/r /opt/procdeck/bin/procdeck ctl --session s bridge"_s);
    qputenv("PROCDECK_REMOTE_COMMAND", "   ");
    QCOMPARE(parsed(u"ssh://host"_s).sshArguments().constLast(), u"procdeck ctl bridge"_s);
}

// A control socket given by its path, wherever it is and whatever its name.
void tst_AttachTarget::localSocketPath()
{
    ProcessManager manager;
    ControlServer server(&manager, ControlServer::Kind::Headless);
    QVERIFY2(server.listen(m_runtime.filePath(u"files/stack.json"_s)), qPrintable(server.errorString()));

    const auto result = AttachTarget::parse(server.socketPath());
    QVERIFY2(std::holds_alternative<AttachTarget>(result), qPrintable(errorOf(result)));
    const AttachTarget target = std::get<AttachTarget>(result);
    QCOMPARE(target.kind, AttachTarget::Kind::Local);
    QCOMPARE(target.socketPath, server.socketPath());
    QCOMPARE(target.toString(), server.socketPath());
    QCOMPARE(target.displayName(), u"stack"_s);
}

// The name `procdeck ctl instances` shows.
void tst_AttachTarget::localSocketName()
{
    ProcessManager manager;
    ControlServer server(&manager, ControlServer::Kind::Headless);
    QVERIFY2(server.listen(m_runtime.filePath(u"files/web.json"_s)), qPrintable(server.errorString()));

    const AttachTarget target = parsed(u"web"_s);
    QCOMPARE(target.kind, AttachTarget::Kind::Local);
    QCOMPARE(target.socketPath, server.socketPath());
    QCOMPARE(target.displayName(), u"web"_s);
    server.close();
    QVERIFY(std::holds_alternative<QString>(AttachTarget::parse(u"web"_s)));
}

// A socket file nobody listens on: its ProcDeck is gone.
void tst_AttachTarget::localStaleSocket()
{
    const QString path = m_runtime.filePath(u"stale.sock"_s);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray native = QFile::encodeName(path);
    qstrncpy(address.sun_path, native.constData(), sizeof address.sun_path);
    QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
    ::close(fd); // bound, never listening

    const auto result = AttachTarget::parse(path);
    QVERIFY(std::holds_alternative<QString>(result));
    QVERIFY2(std::get<QString>(result).contains(u"not running any more"_s), qPrintable(errorOf(result)));
}

// A session file that a running ProcDeck has open, and no name at all when only one runs: found
// through the hello of each ProcDeck, so the one asked is another process (PD_APP_PATH).
void tst_AttachTarget::localSessionFileOrTheOnlyOne()
{
    Session session;
    session.processes = {TestSupport::childSpec(u"sleeper"_s, {u"sleep"_s, u"600000"_s})};
    const QString file = m_runtime.filePath(u"deck.json"_s);
    QVERIFY(SessionFile::save(file, SessionFile::toJson(session)).ok);
    QProcess instance;
    instance.setStandardOutputFile(QProcess::nullDevice());
    instance.start(QStringLiteral(PD_APP_PATH), {u"--headless"_s, file, u"--serve"_s});
    const QString socket = m_runtime.filePath(u"procdeck/deck.sock"_s);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket) || instance.state() == QProcess::NotRunning, 20000);

    for (const QString &text : {file, QString(), u"deck"_s}) {
        const AttachTarget target = parsed(text);
        QCOMPARE(target.kind, AttachTarget::Kind::Local);
        QCOMPARE(target.socketPath, socket);
        QCOMPARE(target.displayName(), u"deck"_s);
    }
    const QString unknown = errorOf(AttachTarget::parse(u"nothing-runs-here"_s));
    QVERIFY2(unknown.contains(u"no running ProcDeck is called nothing-runs-here"_s), qPrintable(unknown));

    instance.terminate();
    QVERIFY(instance.waitForFinished(20000));
    const QString none = errorOf(AttachTarget::parse(QString()));
    QVERIFY2(none.contains(u"no ProcDeck is running"_s), qPrintable(none));
}

QTEST_GUILESS_MAIN(tst_AttachTarget)
#include "tst_attachtarget.moc"
