#pragma once

// The rules of a stack's dependency graph, shared by the session file (at load) and the Add/Edit
// dialog: every `dependsOn` names another entry of the session (a replicated entry by its group
// name, "api" for api-1 … api-N, or one copy's name), never the entry itself, and the graph has no
// cycle. A cycle is reported at the entry whose dependency closes it, found by a depth-first
// search in the order of the entries and of their dependencies, as the path of names from that
// entry round to it again: "web → api → web".

#include "processspec.h"

#include <QList>
#include <QString>

#include <optional>

namespace StackCheck {

struct Problem
{
    qsizetype entry = -1;  // the index of the entry whose `dependsOn` is wrong
    QString message;       // "\"dbx\" is not an entry of this session", "web → api → web"
    bool cycle = false;    // the message is the path of a cycle
};

std::optional<Problem> dependencyProblem(const QList<ProcessSpec> &entries);

// What is wrong with a readiness or liveness check's target, or nothing: a logLine must be a
// valid regular expression, a tcp target "host:port" with a port from 1 to 65535, an http target
// an http:// or https:// URL with a host.
std::optional<QString> probeTargetProblem(ProbeSpec::Kind kind, const QString &target);

// The names a replicated entry's copies get: "api-1" … "api-N"; the name itself for replicas 1.
QStringList copyNames(const ProcessSpec &spec);

} // namespace StackCheck
