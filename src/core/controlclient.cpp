#include "controlclient.h"

#include "controlprotocol.h"
#include "visibletext.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocalSocket>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

class Msg
{
    Q_DECLARE_TR_FUNCTIONS(ControlClient)
};

constexpr int UsageExit = ControlProtocol::UsageExitCode;
// A ProcDeck answers a request at once (join and logs -f excepted): this long means it is stuck.
constexpr int AnswerTimeoutMs = 10000;
constexpr int HelloTimeoutMs = 3000;

void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

int complain(const QString &message)
{
    std::fflush(stdout);
    const QByteArray text = (u"procdeck ctl: "_s + VisibleText::visible(message) + u'\n').toLocal8Bit();
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    return UsageExit;
}

// One connection to a ProcDeck: its hello, then requests and their messages, line by line.
class Channel final
{
public:
    // Connects and reads the hello; an empty string on success, else why not.
    QString open(const QString &path)
    {
        m_socket.connectToServer(path);
        if (!m_socket.waitForConnected(HelloTimeoutMs))
            return Msg::tr("cannot connect to %1: %2").arg(path, m_socket.errorString());
        const std::optional<QJsonObject> hello = read(HelloTimeoutMs);
        if (!hello)
            return m_error;
        if (!hello->value(u"hello"_s).toBool())
            return hello->value(u"error"_s).toString(Msg::tr("%1 did not say hello").arg(path));
        if (const QString problem = ControlProtocol::versionError(*hello); !problem.isEmpty())
            return problem;
        m_hello = *hello;
        return {};
    }
    const QJsonObject &hello() const { return m_hello; }
    QString error() const { return m_error; }

    void send(QJsonObject message)
    {
        message.insert(u"id"_s, 1);
        m_socket.write(ControlProtocol::encode(std::move(message)));
        m_socket.flush();
    }

    // The next message, waiting at most timeoutMs (-1: forever); nullopt with error() set.
    std::optional<QJsonObject> read(int timeoutMs)
    {
        const QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(timeoutMs));
        while (!m_socket.canReadLine()) {
            if (m_socket.state() != QLocalSocket::ConnectedState && m_socket.bytesAvailable() == 0) {
                m_error = Msg::tr("the ProcDeck closed the connection");
                return std::nullopt;
            }
            if (!m_socket.waitForReadyRead(deadline.isForever() ? -1 : int(std::max<qint64>(1, deadline.remainingTime())))
                && deadline.hasExpired()) {
                m_error = Msg::tr("no answer within %1 s").arg(timeoutMs / 1000);
                return std::nullopt;
            }
        }
        const QByteArray line = m_socket.readLine();
        const std::optional<QJsonObject> message = ControlProtocol::decode(line, &m_error);
        if (!message)
            m_error = Msg::tr("a malformed answer: %1").arg(m_error);
        return message;
    }

    // Waits until the ProcDeck closes the connection (it ended).
    void waitForEnd()
    {
        while (m_socket.state() == QLocalSocket::ConnectedState)
            m_socket.waitForReadyRead(-1) ? void(m_socket.readAll()) : void();
    }

private:
    QLocalSocket m_socket;
    QJsonObject m_hello;
    QString m_error;
};

using ControlClient::Instance;

// The live ProcDecks in the folder, by name; stale sockets are removed on the way.
QList<Instance> instances(const QString &folder)
{
    QList<Instance> found;
    const QStringList names = QDir(folder).entryList({u"*"_s + ControlProtocol::SocketSuffix}, QDir::System | QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const QString path = folder + u'/' + name;
        if (!ControlProtocol::isLive(path)) {
            QFile::remove(path); // its ProcDeck died without removing it
            continue;
        }
        Channel channel;
        if (channel.open(path).isEmpty())
            found.append({path, channel.hello()});
    }
    return found;
}

// The folder of the sockets when it may be used; empty with `error` set when not.
QString usableFolder(QString *error)
{
    const QString folder = ControlProtocol::directoryPath();
    if (!QFileInfo::exists(folder)) {
        *error = Msg::tr("no ProcDeck is running (no folder %1)").arg(folder);
        return {};
    }
    if (const ControlProtocol::Directory directory = ControlProtocol::checkDirectory(folder, ::geteuid()); !directory.ok()) {
        *error = directory.error;
        return {};
    }
    return folder;
}

// findInstance() in `folder`; `listed` gets the instances it listed (to show them when several run).
QString findIn(const QString &folder, const QString &session, QList<Instance> *listed, QString *error)
{
    if (!session.isEmpty()) {
        const QString path = folder + u'/' + session + ControlProtocol::SocketSuffix;
        if (!session.contains(u'/') && QFileInfo::exists(path)) {
            if (ControlProtocol::isLive(path))
                return path;
            QFile::remove(path);
            *error = Msg::tr("the ProcDeck of %1 is not running any more (its stale socket was removed)").arg(session);
            return {};
        }
        const QString file = QFileInfo(session).absoluteFilePath();
        *listed = instances(folder);
        for (const Instance &instance : std::as_const(*listed)) {
            if (instance.hello.value(u"session"_s).toString() == file)
                return instance.socketPath;
        }
        *error = Msg::tr("no running ProcDeck is called %1 or has that session file ('procdeck ctl instances' lists them)").arg(session);
        return {};
    }
    *listed = instances(folder);
    if (listed->size() == 1)
        return listed->first().socketPath;
    if (listed->isEmpty())
        *error = Msg::tr("no ProcDeck is running (no control socket in %1)").arg(folder);
    else
        *error = Msg::tr("%n ProcDecks are running: choose one with --session NAME", nullptr, int(listed->size()));
    return {};
}

QString instanceLine(const QJsonObject &hello)
{
    const QString session = hello.value(u"session"_s).toString();
    return u"%1\t%2\t%3\t%4\t%5"_s.arg(hello.value(u"name"_s).toString())
        .arg(hello.value(u"pid"_s).toInteger())
        .arg(hello.value(u"mode"_s).toString() + (hello.value(u"serve"_s).toBool() ? u" (serve)"_s : QString()))
        .arg(hello.value(u"entries"_s).toInt())
        .arg(session.isEmpty() ? Msg::tr("(unsaved)") : session);
}

// Columns separated by tabs become aligned with two spaces between them.
QByteArray alignColumns(const QStringList &rows)
{
    QList<QStringList> cells;
    QList<qsizetype> widths;
    for (const QString &row : rows) {
        cells.append(row.split(u'\t'));
        for (qsizetype i = 0; i < cells.last().size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], cells.last().at(i).size());
        }
    }
    QString text;
    for (const QStringList &row : cells) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths[i] + 2) : row.at(i);
        text += VisibleText::visible(line) + u'\n';
    }
    return text.toLocal8Bit();
}

QString duration(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 60)
        return u"%1s"_s.arg(double(ms) / 1000.0, 0, 'f', 1);
    if (s < 3600)
        return u"%1m%2s"_s.arg(s / 60).arg(int(s % 60), 2, 10, QChar(u'0'));
    if (s < 86400)
        return u"%1h%2m"_s.arg(s / 3600).arg(int(s / 60 % 60), 2, 10, QChar(u'0'));
    return u"%1d%2h"_s.arg(s / 86400).arg(int(s / 3600 % 24), 2, 10, QChar(u'0'));
}

QByteArray entryTable(const QJsonArray &entries)
{
    QStringList rows{Msg::tr("NAME\tSTATE\tPID\tEXIT\tUPTIME\tRESTARTS")};
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        const qint64 pid = entry.value(u"pid"_s).toInteger();
        const QJsonValue exit = entry.value(u"exitCode"_s);
        const QJsonValue uptime = entry.value(u"runTimeMs"_s);
        QString state = entry.value(u"state"_s).toString();
        if (entry.value(u"gaveUp"_s).toBool())
            state += Msg::tr(" (gave up)");
        rows.append(u"%1\t%2\t%3\t%4\t%5\t%6"_s.arg(entry.value(u"name"_s).toString(), state,
                                                   pid > 0 ? QString::number(pid) : u"-"_s,
                                                   exit.isUndefined() ? u"-"_s : QString::number(exit.toInt()),
                                                   uptime.isUndefined() || !entry.value(u"alive"_s).toBool()
                                                       ? u"-"_s : duration(uptime.toInteger()))
                        .arg(entry.value(u"restarts"_s).toInt()));
    }
    return alignColumns(rows);
}

QByteArray statusText(const QJsonObject &reply)
{
    const QJsonArray entries = reply.value(u"entries"_s).toArray();
    QMap<QString, int> byState;
    for (const QJsonValue &value : entries)
        ++byState[value.toObject().value(u"state"_s).toString()];
    QStringList parts;
    for (auto it = byState.cbegin(); it != byState.cend(); ++it)
        parts.append(u"%1 %2"_s.arg(it.value()).arg(it.key()));
    const QString session = reply.value(u"session"_s).toString();
    const QString about = Msg::tr("%1: %2, PID %3, %4").arg(reply.value(u"name"_s).toString(), reply.value(u"mode"_s).toString())
                              .arg(reply.value(u"pid"_s).toInteger()).arg(session.isEmpty() ? Msg::tr("unsaved session") : session);
    const QString counts = Msg::tr("%n entries", nullptr, int(entries.size()))
        + (parts.isEmpty() ? QString() : u": "_s + parts.join(u", "_s));
    return (VisibleText::visible(about) + u'\n' + VisibleText::visible(counts) + u'\n').toLocal8Bit();
}

// The instance to talk to: --session's, or the only one running; with several, the table of them.
std::variant<QString, int> chooseInstance(const QString &folder, const QString &session)
{
    QList<Instance> listed;
    QString error;
    const QString path = findIn(folder, session, &listed, &error);
    if (!path.isEmpty())
        return path;
    complain(error);
    if (session.isEmpty() && listed.size() > 1) {
        QStringList rows;
        for (const Instance &instance : std::as_const(listed))
            rows.append(instanceLine(instance.hello));
        const QByteArray table = alignColumns(rows);
        std::fwrite(table.constData(), 1, size_t(table.size()), stderr);
    }
    return UsageExit;
}

int actResults(const QJsonObject &reply)
{
    int status = 0;
    for (const QJsonValue &value : reply.value(u"results"_s).toArray()) {
        const QJsonObject result = value.toObject();
        if (!result.value(u"ok"_s).toBool()) {
            complain(result.value(u"error"_s).toString()); // it names the entry

            status = 1;
        }
    }
    return status;
}

int printReply(const ControlClient::Request &request, const QJsonObject &reply)
{
    const QString &verb = request.verb;
    if (verb == u"list"_s) {
        const QJsonArray entries = reply.value(u"entries"_s).toArray();
        writeOut(request.json ? QJsonDocument(entries).toJson(QJsonDocument::Indented) : entryTable(entries));
    } else if (verb == u"status"_s) {
        writeOut(statusText(reply));
    } else if (verb == u"join"_s) {
        const QJsonArray outcomes = reply.value(u"outcomes"_s).toArray();
        for (const QJsonValue &outcome : outcomes)
            writeOut(VisibleText::visible(outcome.toObject().value(u"text"_s).toString()).toLocal8Bit() + '\n');
        return ControlClient::joinExitStatus(outcomes);
    } else if (verb == u"add"_s) {
        writeOut(Msg::tr("added %1\n").arg(VisibleText::visible(reply.value(u"name"_s).toString())).toLocal8Bit());
    } else if (verb == u"edit"_s) {
        writeOut(Msg::tr("changed %1\n").arg(VisibleText::visible(reply.value(u"name"_s).toString())).toLocal8Bit());
    } else if (verb == u"scale"_s) {
        QStringList names;
        for (const QJsonValue &name : reply.value(u"names"_s).toArray())
            names.append(VisibleText::visible(name.toString()));
        writeOut((names.join(u' ') + u'\n').toLocal8Bit());
    } else if (reply.contains(u"results"_s)) {
        return actResults(reply);
    }
    return 0;
}

// Sends the request and prints what comes back: text messages (logs) as they arrive, then the reply.
int converse(Channel &channel, const ControlClient::Request &request)
{
    channel.send(request.message);
    const bool waits = request.verb == u"join"_s || request.verb == u"logs"_s;
    for (;;) {
        const std::optional<QJsonObject> message = channel.read(waits ? -1 : AnswerTimeoutMs);
        if (!message) {
            if (request.verb == u"logs"_s && request.message.value(u"follow"_s).toBool())
                return 0; // the followed ProcDeck ended
            return complain(channel.error());
        }
        if (message->contains(u"text"_s)) {
            writeOut(message->value(u"text"_s).toString().toUtf8());
            std::fflush(stdout);
            continue;
        }
        if (!message->value(u"ok"_s).toBool())
            return complain(message->value(u"error"_s).toString(Msg::tr("the request was refused")));
        const int status = printReply(request, *message);
        if (request.verb == u"quit"_s)
            channel.waitForEnd();
        return status;
    }
}

} // namespace

namespace ControlClient {

int exec(const QStringList &arguments)
{
    const auto parsed = parse(arguments, QDateTime::currentDateTime());
    if (const QString *error = std::get_if<QString>(&parsed)) {
        complain(*error);
        const QByteArray hint = (Msg::tr("Try 'procdeck ctl help'.") + u'\n').toLocal8Bit();
        std::fwrite(hint.constData(), 1, size_t(hint.size()), stderr);
        return UsageExit;
    }
    const Request &request = std::get<Request>(parsed);
    if (request.verb == u"help"_s) {
        writeOut(helpText().toLocal8Bit());
        return 0;
    }
    QString problem;
    const QString folder = usableFolder(&problem);
    if (folder.isEmpty())
        return complain(problem);
    if (request.verb == u"instances"_s) {
        QStringList rows{Msg::tr("NAME\tPID\tMODE\tENTRIES\tSESSION")};
        for (const Instance &instance : instances(folder))
            rows.append(instanceLine(instance.hello));
        writeOut(alignColumns(rows));
        return 0;
    }
    const auto chosen = chooseInstance(folder, request.session);
    if (const int *status = std::get_if<int>(&chosen))
        return *status;
    if (request.verb == u"bridge"_s) {
        if (bridge(std::get<QString>(chosen), &problem) != 0)
            return complain(Msg::tr("cannot connect to %1: %2").arg(std::get<QString>(chosen), problem));
        return 0;
    }
    Channel channel;
    if (problem = channel.open(std::get<QString>(chosen)); !problem.isEmpty())
        return complain(problem);
    return converse(channel, request);
}

QList<Instance> runningInstances()
{
    QString error;
    const QString folder = usableFolder(&error);
    return folder.isEmpty() ? QList<Instance>() : instances(folder);
}

QString findInstance(const QString &session, QString *error)
{
    QString problem;
    const QString folder = usableFolder(&problem);
    QList<Instance> listed;
    const QString path = folder.isEmpty() ? QString() : findIn(folder, session, &listed, &problem);
    if (error)
        *error = problem;
    return path;
}

int joinExitStatus(const QJsonArray &outcomes)
{
    int status = 0;
    for (const QJsonValue &value : outcomes) {
        const QJsonObject outcome = value.toObject();
        if (!outcome.value(u"exited"_s).toBool())
            return 124; // as headless mode's --timeout
        const int code = outcome.value(u"exitCode"_s).toInt();
        if (status == 0 && code != 0)
            status = code < 0 ? 128 - code : code;
    }
    return status;
}

} // namespace ControlClient
