#include "engineclient.h"

#include "controlprotocol.h"

#include <QCoreApplication>
#include <QLocalSocket>
#include <QProcess>
#include <QTimer>

using namespace Qt::StringLiterals;

// The transport is a QIODevice either way: the socket, or ssh's standard input and output. Lines
// are read as they come (readyRead), never waited for; whatever ends the connection ends in one
// failed() with the reason a person can act on.

namespace {

class Msg
{
    Q_DECLARE_TR_FUNCTIONS(EngineClient)
};

// A message longer than this is not a ProcDeck's (a watch's output message is at most 4096 lines).
constexpr qint64 MaxLineBytes = 64 * 1024 * 1024;

} // namespace

EngineClient::EngineClient(QObject *parent) : QObject(parent) {}

EngineClient::~EngineClient()
{
    m_failing = true; // nobody hears about this end
    close();
}

void EngineClient::open(const AttachTarget &target)
{
    close();
    m_target = target;
    m_failing = false;
    // From the event loop: a failure to connect is reported after open() has returned, always.
    QTimer::singleShot(0, this, [this, generation = ++m_generation] {
        if (generation != m_generation || m_failing)
            return;
        if (m_target.kind == AttachTarget::Kind::Local)
            openSocket(m_target.socketPath);
        else
            openSsh(m_target);
    });
}

void EngineClient::openSocket(const QString &path)
{
    auto *socket = new QLocalSocket(this);
    m_device = socket;
    connect(socket, &QLocalSocket::readyRead, this, &EngineClient::readLines);
    connect(socket, &QLocalSocket::errorOccurred, this, [this, socket, path](QLocalSocket::LocalSocketError error) {
        if (error == QLocalSocket::PeerClosedError)
            return fail(m_connected ? Msg::tr("the ProcDeck ended") : Msg::tr("%1 closed the connection").arg(path));
        fail(Msg::tr("cannot connect to %1: %2").arg(path, socket->errorString()));
    });
    connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
        const QPointer<EngineClient> guard(this);
        readLines(); // its last words first
        if (guard && m_device == socket)
            fail(Msg::tr("the ProcDeck ended"));
    });
    socket->connectToServer(path);
}

void EngineClient::openSsh(const AttachTarget &target)
{
    auto *ssh = new QProcess(this);
    m_device = ssh;
    m_ssh = ssh;
    connect(ssh, &QProcess::readyReadStandardOutput, this, &EngineClient::readLines);
    connect(ssh, &QProcess::readyReadStandardError, this, [this, ssh] { readErrors(ssh); });
    connect(ssh, &QProcess::errorOccurred, this, [this, ssh](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(Msg::tr("cannot run %1: %2").arg(ssh->program(), ssh->errorString()));
    });
    connect(ssh, &QProcess::finished, this, [this, ssh](int exitCode, QProcess::ExitStatus status) {
        const QPointer<EngineClient> guard(this);
        readLines(); // its last words first
        if (!guard || m_ssh != ssh)
            return;
        readErrors(ssh);
        if (!m_lastError.isEmpty())
            return fail(m_lastError);
        if (status == QProcess::CrashExit)
            return fail(Msg::tr("%1 crashed").arg(ssh->program()));
        fail(m_connected ? Msg::tr("the connection to %1 ended (exit code %2)").arg(m_target.host).arg(exitCode)
                         : Msg::tr("%1 ended with exit code %2 before ProcDeck answered").arg(ssh->program()).arg(exitCode));
    });
    ssh->setProcessChannelMode(QProcess::SeparateChannels);
    m_lastError.clear();
    ssh->start(target.sshProgram(), target.sshArguments());
}

// ssh's own messages (and the remote command's): the last line says why it failed, e.g. "ssh:
// connect to host x port 22: Connection refused" or "procdeck ctl: no ProcDeck is running".
void EngineClient::readErrors(QProcess *ssh)
{
    const QStringList lines = QString::fromLocal8Bit(ssh->readAllStandardError()).split(u'\n');
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty())
            m_lastError = line.trimmed();
    }
}

void EngineClient::close()
{
    ++m_generation; // an open() not under way yet stays so
    m_connected = false;
    m_handlers.clear();
    m_buffer.clear();
    m_hello = {};
    QIODevice *device = std::exchange(m_device, nullptr);
    QProcess *ssh = std::exchange(m_ssh, nullptr);
    if (device)
        disconnect(device, nullptr, this, nullptr);
    if (ssh) {
        ssh->closeWriteChannel(); // the bridge there ends when its input does
        ssh->kill();              // and ssh here now: nothing waits for it
    } else if (auto *socket = qobject_cast<QLocalSocket *>(device)) {
        socket->abort();
    }
    // Later: this may run inside one of the device's own signals.
    if (device)
        device->deleteLater();
}

bool EngineClient::isConnected() const
{
    return m_connected;
}

AttachTarget EngineClient::target() const
{
    return m_target;
}

QJsonObject EngineClient::hello() const
{
    return m_hello;
}

qint64 EngineClient::send(QJsonObject request, Handler handler)
{
    if (!m_connected || !m_device)
        return -1;
    const qint64 id = m_nextId++;
    request.insert(u"id"_s, id);
    if (handler)
        m_handlers.insert(id, std::move(handler));
    m_device->write(ControlProtocol::encode(std::move(request)));
    return id;
}

void EngineClient::forget(qint64 id)
{
    m_handlers.remove(id);
}

void EngineClient::readLines()
{
    if (!m_device)
        return;
    // The device may go while a handler runs (a failure, the session deleting this client).
    const QPointer<EngineClient> guard(this);
    const QPointer<QIODevice> device(m_device);
    while (guard && device && m_device == device) {
        const QByteArray chunk = m_device->readAll();
        if (chunk.isEmpty())
            return;
        m_buffer.append(chunk);
        qsizetype start = 0;
        for (qsizetype end = m_buffer.indexOf('\n'); end >= 0; end = m_buffer.indexOf('\n', start)) {
            const QByteArray line = m_buffer.mid(start, end - start);
            start = end + 1;
            handleLine(line);
            if (!guard || m_device != device)
                return;
        }
        m_buffer.remove(0, start);
        if (m_buffer.size() > MaxLineBytes)
            return fail(Msg::tr("a malformed message: a line longer than %1 bytes").arg(MaxLineBytes));
    }
}

void EngineClient::handleLine(const QByteArray &line)
{
    if (line.trimmed().isEmpty())
        return;
    QString error;
    const std::optional<QJsonObject> message = ControlProtocol::decode(line, &error);
    if (!message)
        return fail(Msg::tr("a malformed message: %1").arg(error));
    if (!m_connected)
        return handleHello(*message);
    const qint64 id = message->value(u"id"_s).toInteger(-1);
    const auto it = m_handlers.constFind(id);
    if (it == m_handlers.cend())
        return; // a request nobody waits for any more
    const Handler handler = *it; // the handler may forget itself
    handler(*message);
}

void EngineClient::handleHello(const QJsonObject &message)
{
    if (!message.value(u"hello"_s).toBool()) {
        const QString refusal = message.value(u"error"_s).toString();
        return fail(refusal.isEmpty() ? Msg::tr("the other side is not a ProcDeck (it did not say hello)") : refusal);
    }
    if (const QString problem = ControlProtocol::versionError(message); !problem.isEmpty())
        return fail(problem);
    m_hello = message;
    m_connected = true;
    emit connected();
}

void EngineClient::fail(const QString &reason)
{
    if (m_failing)
        return;
    m_failing = true;
    close();
    emit failed(reason);
}
