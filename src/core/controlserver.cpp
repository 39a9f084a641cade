#include "controlserver.h"

#include "controlconnection.h"
#include "controlprotocol.h"
#include "logging.h"
#include "managedprocess.h"
#include "processmanager.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

class Msg
{
    Q_DECLARE_TR_FUNCTIONS(ControlServer)
};

// Names "base", "base-2", … tried in turn; a live ProcDeck keeps its name.
constexpr int MaxSuffix = 99;

// The socket file must be this user's alone. Qt's UserAccessOption binds it in a private temporary
// folder, makes it 0700 and moves it into place; make it 0600 (no bit beyond read and write) and
// check that it is. The folder (0700) keeps others out meanwhile.
QString secureSocketFile(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat info = {};
    if (::lstat(native.constData(), &info) != 0)
        return Msg::tr("%1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
    if ((info.st_mode & 0777) != 0600 && ::chmod(native.constData(), 0600) != 0)
        return Msg::tr("cannot make %1 private (chmod 600): %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

} // namespace

ControlServer::ControlServer(ProcessManager *manager, Kind kind, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_kind(kind)
{
}

ControlServer::~ControlServer()
{
    close();
}

bool ControlServer::listen(const QString &sessionPath)
{
    const QString wanted = sessionPath.isEmpty() ? QString() : QFileInfo(sessionPath).absoluteFilePath();
    if (isListening() && wanted == m_sessionPath)
        return true;
    close();
    m_sessionPath = wanted;
    const ControlProtocol::Directory directory = ControlProtocol::ensureDirectory();
    if (!directory.ok()) {
        m_error = directory.error;
        qCWarning(lcApp) << "control socket:" << m_error;
        return false;
    }
    const QString base = ControlProtocol::baseName(m_sessionPath, QCoreApplication::applicationPid());
    auto server = std::make_unique<QLocalServer>();
    server->setSocketOptions(QLocalServer::UserAccessOption);
    for (int n = 1; n <= MaxSuffix; ++n) {
        const QString path = directory.path + u'/' + (n == 1 ? base : base + u'-' + QString::number(n))
            + ControlProtocol::SocketSuffix;
        if (QFileInfo::exists(path) || QFileInfo(path).isSymLink()) {
            if (ControlProtocol::isLive(path))
                continue;
            QFile::remove(path); // stale: its ProcDeck died without removing it
        }
        if (!server->listen(path)) {
            if (server->serverError() == QAbstractSocket::AddressInUseError)
                continue; // another ProcDeck took it meanwhile
            m_error = Msg::tr("cannot listen on %1: %2").arg(path, server->errorString());
            return false;
        }
        if (const QString problem = secureSocketFile(path); !problem.isEmpty()) {
            server->close();
            QFile::remove(path);
            m_error = problem;
            return false;
        }
        m_socketPath = path;
        m_server = std::move(server);
        m_error.clear();
        connect(m_server.get(), &QLocalServer::newConnection, this, &ControlServer::acceptConnections);
        qCDebug(lcApp) << "control socket" << m_socketPath;
        return true;
    }
    m_error = Msg::tr("every name from %1 to %1-%2 is taken in %3").arg(base).arg(MaxSuffix).arg(directory.path);
    return false;
}

void ControlServer::close()
{
    if (!m_server)
        return;
    m_server->close();
    m_server.reset();
    // Only our own socket: a file put there since by someone else is left alone.
    if (!m_socketPath.isEmpty() && !ControlProtocol::isLive(m_socketPath))
        QFile::remove(m_socketPath);
    m_socketPath.clear();
}

bool ControlServer::isListening() const
{
    return m_server && m_server->isListening();
}

QString ControlServer::socketPath() const
{
    return m_socketPath;
}

QString ControlServer::errorString() const
{
    return m_error;
}

void ControlServer::setServing(bool serving)
{
    m_serving = serving;
}

ProcessManager *ControlServer::manager() const
{
    return m_manager;
}

ControlServer::Kind ControlServer::kind() const
{
    return m_kind;
}

QString ControlServer::sessionPath() const
{
    return m_sessionPath;
}

QJsonObject ControlServer::hello() const
{
    return {
        {u"hello"_s, true},
        {u"pid"_s, QCoreApplication::applicationPid()},
        {u"name"_s, QFileInfo(m_socketPath).completeBaseName()},
        {u"session"_s, m_sessionPath},
        {u"mode"_s, m_kind == Kind::Window ? u"window"_s : u"headless"_s},
        {u"serve"_s, m_serving},
        {u"entries"_s, m_manager->count()},
    };
}

QList<ManagedProcess *> ControlServer::resolve(const QStringList &names, QStringList *unknown) const
{
    QList<ManagedProcess *> found;
    for (const QString &name : names) {
        bool matched = false;
        for (ManagedProcess *process : m_manager->processes()) {
            if (process->spec().name == name || (process->replicaIndex() > 0 && process->replicaGroup() == name)) {
                matched = true;
                if (!found.contains(process))
                    found.append(process);
            }
        }
        if (!matched && unknown)
            unknown->append(name);
    }
    // The manager's order, whatever order the names came in.
    std::sort(found.begin(), found.end(), [this](ManagedProcess *a, ManagedProcess *b) {
        return m_manager->indexOf(a) < m_manager->indexOf(b);
    });
    return found;
}

void ControlServer::setFollowQueueLimit(qint64 bytes)
{
    m_followQueueLimit = bytes;
}

qint64 ControlServer::followQueueLimit() const
{
    return m_followQueueLimit;
}

void ControlServer::acceptConnections()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        // Before anything is read: a peer of another user gets one line and is closed.
        const QString refusal = ControlProtocol::peerRefusal(ControlProtocol::peerUid(int(socket->socketDescriptor())),
                                                             ::geteuid());
        if (!refusal.isEmpty()) {
            qCWarning(lcApp) << "control socket:" << refusal;
            socket->write(ControlProtocol::encode({{u"ok"_s, false}, {u"error"_s, refusal}}));
            socket->disconnectFromServer();
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        new ControlConnection(this, socket); // owned by the socket's parent chain: deletes itself
    }
}
