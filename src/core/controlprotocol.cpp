#include "controlprotocol.h"

#include "managedprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaEnum>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

class Msg
{
    Q_DECLARE_TR_FUNCTIONS(ControlProtocol)
};

// An enum value as the protocol names it: its key, lower-cased ("waitingfordependencies").
template<typename Enum>
QString enumName(Enum value)
{
    return QString::fromLatin1(QMetaEnum::fromType<Enum>().valueToKey(int(value))).toLower();
}

template<typename Enum>
std::optional<Enum> enumFromName(const QString &name)
{
    const QMetaEnum meta = QMetaEnum::fromType<Enum>();
    for (int i = 0; i < meta.keyCount(); ++i) {
        if (QString::fromLatin1(meta.key(i)).toLower() == name)
            return Enum(meta.value(i));
    }
    return std::nullopt;
}

// The fields an attached window's mirror needs beyond what `ctl list` shows (MirrorState).
void addMirrorFields(QJsonObject &entry, const ManagedProcess *process)
{
    if (const qint64 root = process->treeRootPid(); root > 0 && process->isAlive())
        entry.insert(u"treeRootPid"_s, root);
    if (process->lastRunEnd() != ManagedProcess::State::NotStarted) {
        entry.insert(u"lastRunEnd"_s, enumName(process->lastRunEnd()));
        entry.insert(u"lastRunExitCode"_s, process->lastRunExitCode());
        entry.insert(u"lastRunUnexpected"_s, process->lastRunEndedUnexpectedly());
    }
    entry.insert(u"restartsInRow"_s, process->restartsInRow());
    entry.insert(u"unexpected"_s, process->endedUnexpectedly());
    entry.insert(u"stoppedByUser"_s, process->stoppedByUser());
    if (process->state() == ManagedProcess::State::WaitingForDependencies)
        entry.insert(u"waitingFor"_s, process->waitingFor());
    if (process->state() == ManagedProcess::State::Blocked)
        entry.insert(u"blockedReason"_s, process->blockedReason());
    if (process->nextScheduledStart().isValid())
        entry.insert(u"nextScheduledStart"_s, process->nextScheduledStart().toString(Qt::ISODateWithMs));
    if (const qint64 deadline = process->stopDeadlineRemainingMs(); deadline >= 0)
        entry.insert(u"stopDeadlineMs"_s, deadline);
    if (!process->cgroupUnit().isEmpty())
        entry.insert(u"cgroupUnit"_s, process->cgroupUnit());
    if (process->outOfMemory())
        entry.insert(u"outOfMemory"_s, true);
}

} // namespace

namespace ControlProtocol {

QString directoryPath()
{
    // A variable naming a folder that is not there (a container, `su`) counts as unset.
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QDir::isAbsolutePath(runtime) && QFileInfo(runtime).isDir())
        return QDir::cleanPath(runtime) + u"/procdeck"_s;
    return u"/tmp/procdeck-%1"_s.arg(::getuid());
}

Directory checkDirectory(const QString &path, uid_t ownUid)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat info = {};
    if (::lstat(native.constData(), &info) != 0)
        return {path, Msg::tr("%1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)))};
    if (!S_ISDIR(info.st_mode))
        return {path, Msg::tr("%1 is not a folder: the control socket needs a folder of its own there").arg(path)};
    if (info.st_uid != ownUid)
        return {path, Msg::tr("%1 belongs to user %2, not to you (%3): refusing to put the control socket there")
                          .arg(path).arg(info.st_uid).arg(ownUid)};
    if ((info.st_mode & 0777) != 0700)
        return {path, Msg::tr("%1 has mode %2, not 0700: others could reach the control socket; "
                              "refusing to use it (chmod 700 it, or remove it)")
                          .arg(path, u"0"_s + QString::number(info.st_mode & 0777, 8))};
    return {path, {}};
}

Directory ensureDirectory()
{
    const QString path = directoryPath();
    const QByteArray native = QFile::encodeName(path);
    if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST)
        return {path, Msg::tr("cannot create %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)))};
    // mkdir's mode goes through the umask (it can only take bits away); check what it made, and
    // what was there before, the same way.
    return checkDirectory(path, ::geteuid());
}

QString baseName(const QString &sessionPath, qint64 pid)
{
    if (sessionPath.isEmpty())
        return u"untitled-%1"_s.arg(pid);
    QString name = QFileInfo(sessionPath).fileName();
    for (const QLatin1StringView suffix : {".procdeck.json"_L1, ".json"_L1}) {
        if (name.endsWith(suffix, Qt::CaseInsensitive) && name.size() > suffix.size()) {
            name.chop(suffix.size());
            break;
        }
    }
    for (QChar &c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'.' && c != u'_' && c != u'-')
            c = u'_';
    }
    if (name.startsWith(u'.'))
        name[0] = u'_';
    return name.left(64);
}

bool isLive(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    if (size_t(native.size()) >= sizeof(address.sun_path))
        return false;
    std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return false;
    // A listening socket accepts (or queues: EAGAIN when its backlog is full) at once; a file
    // nobody listens on refuses (ECONNREFUSED).
    const int result = ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address));
    const bool live = result == 0 || errno == EAGAIN || errno == EINPROGRESS;
    ::close(fd);
    return live;
}

std::optional<uid_t> peerUid(int socketDescriptor)
{
    ucred credentials = {};
    socklen_t length = sizeof(credentials);
    if (socketDescriptor < 0 || ::getsockopt(socketDescriptor, SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0)
        return std::nullopt;
    return credentials.uid;
}

QString peerRefusal(std::optional<uid_t> peer, uid_t ownUid)
{
    if (!peer)
        return Msg::tr("cannot tell which user is connecting (SO_PEERCRED): refused");
    if (*peer != ownUid)
        return Msg::tr("user %1 may not control a ProcDeck of user %2: refused").arg(*peer).arg(ownUid);
    return {};
}

QByteArray encode(QJsonObject message)
{
    message.insert(VersionKey, Version);
    return QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<QJsonObject> decode(const QByteArray &line, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = Msg::tr("not JSON (%1 at offset %2)").arg(parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = Msg::tr("not a JSON object");
        return std::nullopt;
    }
    return document.object();
}

QString versionError(const QJsonObject &message)
{
    const QJsonValue version = message.value(VersionKey);
    if (version.isUndefined())
        return Msg::tr("no \"%1\" version key").arg(VersionKey);
    if (version.toInt(-1) != Version)
        return Msg::tr("protocol version %1 is not spoken here (this ProcDeck speaks %2)")
            .arg(QString::fromUtf8(QJsonDocument(QJsonArray{version}).toJson(QJsonDocument::Compact)).mid(1).chopped(1))
            .arg(Version);
    return {};
}

QJsonObject describeEntry(const ManagedProcess *process)
{
    QJsonObject entry{
        {u"name"_s, process->spec().name},
        {u"id"_s, process->id()},
        {u"state"_s, stateName(process->state())},
        {u"alive"_s, process->isAlive()},
        {u"pid"_s, process->pid()},
        {u"runs"_s, process->runCount()},
        {u"restarts"_s, process->restartCount()},
        {u"gaveUp"_s, process->gaveUp()},
        {u"readiness"_s, readinessName(process->readiness())},
    };
    if (process->hasEndedRun())
        entry.insert(u"exitCode"_s, process->exitCode());
    if (process->runCount() > 0)
        entry.insert(u"runTimeMs"_s, process->runTimeMs());
    if (process->startTime().isValid())
        entry.insert(u"startTime"_s, process->startTime().toString(Qt::ISODateWithMs));
    if (process->endTime().isValid() && !process->isAlive())
        entry.insert(u"endTime"_s, process->endTime().toString(Qt::ISODateWithMs));
    if (!process->failureReason().isEmpty())
        entry.insert(u"failureReason"_s, process->failureReason());
    if (!process->readinessDetail().isEmpty())
        entry.insert(u"readinessDetail"_s, process->readinessDetail());
    if (process->nextRestartRemainingMs() >= 0)
        entry.insert(u"nextRestartMs"_s, process->nextRestartRemainingMs());
    if (process->replicaIndex() > 0) {
        entry.insert(u"replicaGroup"_s, process->replicaGroup());
        entry.insert(u"replica"_s, process->replicaIndex());
    }
    addMirrorFields(entry, process);
    return entry;
}

QString stateName(ManagedProcess::State state)
{
    return enumName(state);
}

std::optional<ManagedProcess::State> stateFromName(const QString &name)
{
    return enumFromName<ManagedProcess::State>(name);
}

QString readinessName(ManagedProcess::Readiness readiness)
{
    return enumName(readiness);
}

std::optional<ManagedProcess::Readiness> readinessFromName(const QString &name)
{
    return enumFromName<ManagedProcess::Readiness>(name);
}

} // namespace ControlProtocol
