#include "remotesession.h"

#include "engineclient.h"
#include "managedprocess.h"
#include "outputlog.h"
#include "processmanager.h"
#include "sessionfile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

// The `watch` stream (docs/control-protocol.md) turned into mirrors: an `entries` event adds,
// removes, orders and updates them (matched by the other's numeric id), `output` events fill their
// logs, history first; every verb goes back as one request, whose refusals come back as
// requestFailed().

namespace {

class Msg
{
    Q_DECLARE_TR_FUNCTIONS(RemoteSession)
};

// An entry object of the watch (`spec`) read as `add` reads one: by the session file's reader.
std::optional<ProcessSpec> specOf(const QJsonObject &entry)
{
    // The entry alone: what it depends on is the other ProcDeck's session, checked there.
    return SessionFile::parseEntry(entry, u"entry"_s).spec;
}

OutputStream streamOf(const QString &name)
{
    if (name == u"out"_s)
        return OutputStream::Stdout;
    if (name == u"err"_s)
        return OutputStream::Stderr;
    return OutputStream::Message;
}

} // namespace

RemoteSession::RemoteSession(EngineClient *client, ProcessManager *manager, QObject *parent)
    : QObject(parent), m_client(client), m_manager(manager)
{
    client->setParent(this);
    manager->setRemote(this);
    connect(client, &EngineClient::connected, this, &RemoteSession::watch);
    connect(client, &EngineClient::failed, this, &RemoteSession::lose);
    if (client->isConnected())
        watch();
}

RemoteSession::~RemoteSession()
{
    disconnect(m_client, nullptr, this, nullptr);
    dropMirrors();
    m_manager->setRemote(nullptr);
    delete m_client; // closes the connection: the other ProcDeck goes on
}

EngineClient *RemoteSession::client() const
{
    return m_client;
}

ProcessManager *RemoteSession::manager() const
{
    return m_manager;
}

bool RemoteSession::isAttached() const
{
    return m_attached;
}

QString RemoteSession::sessionPath() const
{
    return m_client->hello().value(u"session"_s).toString();
}

ManagedProcess::Result RemoteSession::request(const QString &verb, const QStringList &names, const QJsonObject &arguments)
{
    QJsonObject message = arguments;
    message.insert(u"verb"_s, verb);
    if (!names.isEmpty())
        message.insert(u"names"_s, QJsonArray::fromStringList(names));
    const qint64 id = m_client->send(message, [this](const QJsonObject &reply) { onReply(reply); });
    if (id < 0)
        return ManagedProcess::Result::failure(Msg::tr("not connected to the attached ProcDeck"));
    return ManagedProcess::Result::success();
}

// A request's one reply: refusals, as a whole or entry by entry, go to the status bar.
void RemoteSession::onReply(const QJsonObject &reply)
{
    m_client->forget(reply.value(u"id"_s).toInteger());
    if (!reply.value(u"ok"_s).toBool(true)) {
        emit requestFailed(reply.value(u"error"_s).toString());
        return;
    }
    const QJsonArray results = reply.value(u"results"_s).toArray();
    for (const QJsonValue &result : results) {
        if (!result.toObject().value(u"ok"_s).toBool(true))
            emit requestFailed(result.toObject().value(u"error"_s).toString());
    }
}

void RemoteSession::watch()
{
    m_watchId = m_client->send({{u"verb"_s, u"watch"_s}}, [this](const QJsonObject &message) { onWatch(message); });
}

void RemoteSession::onWatch(const QJsonObject &message)
{
    const QString event = message.value(u"event"_s).toString();
    if (event == u"entries"_s)
        return applyEntries(message);
    if (event == u"output"_s)
        return applyOutput(message);
    if (event == u"cleared"_s) {
        if (ManagedProcess *mirror = m_mirrors.value(message.value(u"entry"_s).toInteger()))
            mirror->output()->clear();
        return;
    }
    if (!message.value(u"ok"_s).toBool(true)) {
        // Refused (a ProcDeck too old to watch) or ended: no session to show.
        const QString reason = message.value(u"error"_s).toString();
        m_client->close();
        lose(reason);
    }
}

void RemoteSession::applyEntries(const QJsonObject &message)
{
    const QString base = message.value(u"baseDirectory"_s).toString();
    if (m_manager->baseDirectory() != base)
        m_manager->setBaseDirectory(base);
    const QJsonArray entries = message.value(u"entries"_s).toArray();
    QSet<qint64> listed;
    for (const QJsonValue &value : entries)
        listed.insert(value.toObject().value(u"id"_s).toInteger());
    // Gone there: dropped here first, so that the rows below can be placed by their index.
    for (auto it = m_mirrors.begin(); it != m_mirrors.end();) {
        if (listed.contains(it.key())) {
            ++it;
            continue;
        }
        m_manager->removeMirror(it.value());
        m_specs.remove(it.key());
        it = m_mirrors.erase(it);
    }
    const bool local = m_client->target().kind == AttachTarget::Kind::Local;
    for (int row = 0; row < entries.size(); ++row)
        applyEntry(row, entries.at(row).toObject(), local);
    if (!m_attached) {
        m_attached = true;
        emit attached();
    }
}

// One entry of an `entries` event, at `row`: added, moved, its spec and its state updated.
void RemoteSession::applyEntry(int row, const QJsonObject &entry, bool local)
{
    const qint64 id = entry.value(u"id"_s).toInteger();
    const std::optional<MirrorState> state = MirrorState::fromJson(entry, local);
    const QString group = entry.value(u"replicaGroup"_s).toString();
    const int replica = entry.value(u"replica"_s).toInt();
    ManagedProcess *mirror = m_mirrors.value(id);
    // Every event carries every spec: read again only when it changed there (an edit).
    const QJsonObject specObject = entry.value(u"spec"_s).toObject();
    std::optional<ProcessSpec> spec;
    if (!mirror || m_specs.value(id) != specObject) {
        m_specs.insert(id, specObject);
        spec = specOf(specObject);
        if (!spec) {
            spec = ProcessSpec();
            spec->name = entry.value(u"name"_s).toString();
        }
    }
    if (!mirror) {
        mirror = m_manager->addMirror(row, std::move(*spec), group, replica);
        m_mirrors.insert(id, mirror);
        // Added there after the attach: its runs are news here, from the first on.
        if (m_attached)
            mirror->applyMirror(MirrorState());
    } else {
        if (m_manager->indexOf(mirror) != row)
            m_manager->moveMirror(mirror, row);
        mirror->setReplica(group, replica);
        if (spec)
            mirror->setSpec(std::move(*spec));
    }
    if (state)
        mirror->applyMirror(*state);
}

// Lines of one entry: each with its stream, run, time and cut mark as the other ProcDeck kept them.
void RemoteSession::applyOutput(const QJsonObject &message)
{
    ManagedProcess *mirror = m_mirrors.value(message.value(u"entry"_s).toInteger());
    if (!mirror)
        return;
    const QJsonArray lines = message.value(u"lines"_s).toArray();
    for (const QJsonValue &value : lines) {
        const QJsonObject line = value.toObject();
        // `ansi`, when there: the text with its colours as escape sequences, which the log decodes.
        const QJsonValue text = line.contains(u"ansi"_s) ? line.value(u"ansi"_s) : line.value(u"text"_s);
        mirror->appendMirrorLine(streamOf(line.value(u"stream"_s).toString()), text.toString(),
                                 line.value(u"timeMs"_s).toInteger(), line.value(u"run"_s).toInt(),
                                 line.value(u"continued"_s).toBool());
    }
}

void RemoteSession::dropMirrors()
{
    m_mirrors.clear();
    m_specs.clear();
    m_manager->clear(); // mirror mode: dropped here, nothing is sent
}

void RemoteSession::lose(const QString &reason)
{
    dropMirrors();
    m_attached = false;
    emit detached(reason);
}
