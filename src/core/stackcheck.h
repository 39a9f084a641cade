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
#include <QStringList>

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

// The checks of `schedule`, `watch` and `log` that the session reader makes and the Add/Edit
// dialog makes too, each as the message the reader gives after the key's path, and their bounds.
inline constexpr qint64 MinEveryMs = 1000;     // a `schedule`'s everyMs
inline constexpr int MaxLogSizeMB = 10240;     // a `log`'s maxSizeMB (from 1)
inline constexpr int MaxLogKeep = 100;         // a `log`'s keep (from 0)
// A cron schedule: five fields (minute hour day month weekday), each `*`, numbers or names (jan–dec,
// sun–sat) with `,`, `-` and `/`, whose values CronSchedule::parse() accepts.
std::optional<QString> cronProblem(const QString &text);
// An interval schedule's `everyMs`: at least MinEveryMs.
std::optional<QString> intervalProblem(qint64 everyMs);
// A watch's `paths`: at least one (the reader checks each is a non-empty string).
std::optional<QString> watchPathsProblem(const QStringList &paths);
// A log file's `path`: not empty or blank, no NUL.
std::optional<QString> logPathProblem(const QString &path);

// The names a replicated entry's copies get: "api-1" … "api-N"; the name itself for replicas 1.
QStringList copyNames(const ProcessSpec &spec);

} // namespace StackCheck
