#pragma once

// Internal to the session file code: the stack keys of an entry (`dependsOn`, `readiness`,
// `liveness`, `replicas`, `watch`, `schedule`, `log`; stackspec.h), read and checked in
// sessionstackreader.cpp and written in sessionjsonwriter.cpp. Not for other callers: use
// sessionfile.h.

#include "processspec.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace SessionFileFormat {

// The keys inside the stack keys' objects (a probe's kind is probeKindKey()).
inline constexpr QLatin1StringView KeyInitialDelayMs("initialDelayMs");
inline constexpr QLatin1StringView KeyPeriodMs("periodMs");
inline constexpr QLatin1StringView KeyTimeoutMs("timeoutMs");
inline constexpr QLatin1StringView KeyFailureThreshold("failureThreshold");
inline constexpr QLatin1StringView KeyPaths("paths");
inline constexpr QLatin1StringView KeyIgnore("ignore");
inline constexpr QLatin1StringView KeyDebounceMs("debounceMs");
inline constexpr QLatin1StringView KeyEveryMs("everyMs");
inline constexpr QLatin1StringView KeyPath("path");
inline constexpr QLatin1StringView KeyMaxSizeMB("maxSizeMB");
inline constexpr QLatin1StringView KeyKeep("keep");

// A problem with a key: where ("processes[2].readiness.tcp") and what.
struct KeyProblem
{
    QString at;
    QString message;
};

// Reads the stack keys of the entry `object` (at "processes[N]") into `spec`; the first problem.
std::optional<KeyProblem> readStackKeys(const QJsonObject &object, const QString &at, ProcessSpec &spec);

// The checks across entries, once all are read: the names of replicas' copies against the other
// entries' names, then every `dependsOn` (StackCheck::dependencyProblem()).
std::optional<KeyProblem> checkStack(const QList<ProcessSpec> &processes);

// The stack keys that differ from their defaults, in the written order, for an entry's members.
QList<std::pair<QString, QJsonValue>> stackMembers(const ProcessSpec &spec);

} // namespace SessionFileFormat
