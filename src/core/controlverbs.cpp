// ControlConnection's verbs for an attached window beyond the toolbar's (docs/control-protocol.md):
// input, edit, scale; and the entry object an add or an edit brings.
#include "controlconnection.h"

#include "controlserver.h"
#include "managedprocess.h"
#include "processmanager.h"
#include "sessionfile.h"
#include "sessionfileformat.h"
#include "stackcheck.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

class Msg
{
    Q_DECLARE_TR_FUNCTIONS(ControlConnection)
};

QString quoted(const QString &name)
{
    return u'"' + name + u'"';
}

} // namespace

QString ControlConnection::oneName(const QJsonValue &id, const QJsonObject &request, const QString &refusal)
{
    const QJsonArray names = request.value(u"names"_s).toArray();
    if (names.size() != 1 || names.first().toString().isEmpty()) {
        fail(id, refusal);
        return {};
    }
    return names.first().toString();
}

std::optional<ProcessSpec> ControlConnection::entrySpec(const QJsonValue &id, const QJsonObject &request)
{
    const QString verb = request.value(u"verb"_s).toString();
    const QJsonValue entry = request.value(u"entry"_s);
    if (!entry.isObject()) {
        fail(id, Msg::tr("%1: \"entry\" must be one entry's JSON object").arg(verb));
        return std::nullopt;
    }
    // The session file's reader decides what an entry may be, with its own messages; what it
    // depends on is checked against this session (stackProblem()).
    SessionFile::EntryResult parsed = SessionFile::parseEntry(entry.toObject(), u"entry"_s);
    if (!parsed.spec)
        fail(id, parsed.error);
    return std::move(parsed.spec);
}

// The session's entries as they would be with `spec` in place of the entry `replaced` (the
// session file's name of an entry or group; empty: `spec` is added): a `dependsOn` naming no
// entry, or a cycle, refuses the request with StackCheck's words.
bool ControlConnection::refuseStackProblem(const QJsonValue &id, const ProcessSpec &spec, const QString &replaced)
{
    QList<ProcessSpec> entries = m_server->manager()->entrySpecs();
    const auto it = std::find_if(entries.begin(), entries.end(),
                                 [&](const ProcessSpec &entry) { return !replaced.isEmpty() && entry.name == replaced; });
    if (it != entries.end())
        *it = spec;
    else
        entries.append(spec);
    const std::optional<StackCheck::Problem> problem = StackCheck::dependencyProblem(entries);
    if (!problem)
        return false;
    fail(id, u"entry: processes[0]."_s + SessionFileFormat::KeyDependsOn + u": "_s + problem->message);
    return true;
}

// input: text to one entry's standard input (as UTF-8, exactly as given), or the end of it.
void ControlConnection::input(const QJsonValue &id, const QJsonObject &request)
{
    const QString name = oneName(id, request, Msg::tr("input: name exactly one entry"));
    if (name.isEmpty())
        return;
    const auto processes = entries(id, request, false);
    if (!processes)
        return;
    if (processes->size() != 1)
        return fail(id, Msg::tr("input: %1 is a group of %n entries: name one of them", nullptr, int(processes->size()))
                            .arg(quoted(name)));
    ManagedProcess *process = processes->constFirst();
    const QJsonValue text = request.value(u"text"_s);
    ManagedProcess::Result result;
    if (request.value(u"eof"_s).toBool())
        result = process->closeInput();
    else if (text.isString())
        result = process->writeInput(text.toString().toUtf8());
    else
        return fail(id, Msg::tr("input: give \"text\" (a string) or \"eof\": true"));
    QJsonObject row{{u"name"_s, process->spec().name}, {u"ok"_s, result.ok}};
    if (!result.ok)
        row.insert(u"error"_s, result.error);
    send(id, {{u"ok"_s, true}, {u"results"_s, QJsonArray{row}}});
}

// edit: an entry's (or a whole group's) spec, as the Edit dialog changes it.
void ControlConnection::edit(const QJsonValue &id, const QJsonObject &request)
{
    const QString name = oneName(id, request, Msg::tr("edit: name exactly one entry or group"));
    if (name.isEmpty())
        return;
    const auto processes = entries(id, request, false);
    if (!processes)
        return;
    std::optional<ProcessSpec> spec = entrySpec(id, request);
    if (!spec)
        return;
    ProcessManager *manager = m_server->manager();
    ManagedProcess *process = processes->constFirst();
    const QString group = process->replicaGroup();
    if (spec->name.isEmpty())
        spec->name = manager->entrySpec(process).name;
    // The new name (or its copies' names) may be no other entry's.
    QStringList wanted{spec->name};
    if (!group.isEmpty() || spec->replicas > 1) {
        wanted.clear();
        const int copies = std::max(spec->replicas, int(manager->replicas(group).size()));
        for (int i = 1; i <= copies; ++i)
            wanted.append(spec->name + u'-' + QString::number(i));
    }
    for (ManagedProcess *other : manager->processes()) {
        const bool same = other == process || (!group.isEmpty() && other->replicaGroup() == group);
        if (!same && wanted.contains(other->spec().name))
            return fail(id, Msg::tr("an entry named %1 exists already").arg(quoted(other->spec().name)));
    }
    if (refuseStackProblem(id, *spec, manager->entrySpec(process).name))
        return;
    const ManagedProcess::Result result = manager->setEntrySpec(process, std::move(*spec));
    if (!result.ok)
        return fail(id, result.error);
    send(id, {{u"ok"_s, true}, {u"name"_s, manager->entrySpec(process).name}});
}

// scale: the number of copies of a group (or of a plain entry, which becomes NAME-1).
void ControlConnection::scale(const QJsonValue &id, const QJsonObject &request)
{
    const QString name = oneName(id, request, Msg::tr("scale: name exactly one group or entry"));
    if (name.isEmpty())
        return;
    const QJsonValue count = request.value(u"count"_s);
    const double number = count.toDouble(-1);
    if (!count.isDouble() || number != double(qint64(number)) || number < 1 || number > ProcessManager::MaxReplicas)
        return fail(id, Msg::tr("scale: \"count\" must be a whole number from 1 to %1").arg(ProcessManager::MaxReplicas));
    if (!entries(id, request, false))
        return;
    ProcessManager *manager = m_server->manager();
    const ManagedProcess::Result result = manager->setReplicas(name, int(number));
    if (!result.ok)
        return fail(id, result.error);
    QJsonArray names;
    for (const ManagedProcess *copy : manager->replicas(name)) {
        if (copy->replicaIndex() <= int(number))
            names.append(copy->spec().name);
    }
    if (names.isEmpty())
        names.append(name);
    send(id, {{u"ok"_s, true}, {u"names"_s, names}});
}
