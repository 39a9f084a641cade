// Writing the stack keys of an entry (sessionstackkeys.h): only what differs from the defaults;
// the keys inside each object sorted by name, the unknown ones kept from the file among them.

#include "sessionstackkeys.h"

#include "sessionfileformat.h"

#include <QJsonArray>

namespace SessionFileFormat {

namespace {

QJsonObject probeObject(const ProbeSpec &probe)
{
    QJsonObject object = probe.unknownKeys;
    object.insert(probeKindKey(probe.kind), probe.target);
    if (probe.initialDelayMs != 0)
        object.insert(KeyInitialDelayMs, probe.initialDelayMs);
    if (probe.periodMs != ProbeSpec::DefaultPeriodMs)
        object.insert(KeyPeriodMs, probe.periodMs);
    if (probe.timeoutMs != ProbeSpec::DefaultTimeoutMs)
        object.insert(KeyTimeoutMs, probe.timeoutMs);
    if (probe.failureThreshold != ProbeSpec::DefaultFailureThreshold)
        object.insert(KeyFailureThreshold, probe.failureThreshold);
    return object;
}

QJsonObject watchObject(const WatchSpec &watch)
{
    QJsonObject object = watch.unknownKeys;
    object.insert(KeyPaths, QJsonArray::fromStringList(watch.paths));
    if (!watch.ignore.isEmpty())
        object.insert(KeyIgnore, QJsonArray::fromStringList(watch.ignore));
    if (watch.debounceMs != WatchSpec::DefaultDebounceMs)
        object.insert(KeyDebounceMs, watch.debounceMs);
    return object;
}

QJsonValue scheduleValue(const ScheduleSpec &schedule)
{
    if (!schedule.cron.isEmpty())
        return schedule.cron;
    QJsonObject object = schedule.unknownKeys;
    object.insert(KeyEveryMs, schedule.everyMs);
    return object;
}

QJsonObject logObject(const LogFileSpec &log)
{
    QJsonObject object = log.unknownKeys;
    object.insert(KeyPath, log.path);
    if (log.maxSizeMB != LogFileSpec::DefaultMaxSizeMB)
        object.insert(KeyMaxSizeMB, log.maxSizeMB);
    if (log.keep != LogFileSpec::DefaultKeep)
        object.insert(KeyKeep, log.keep);
    return object;
}

} // namespace

QList<std::pair<QString, QJsonValue>> stackMembers(const ProcessSpec &spec)
{
    QList<std::pair<QString, QJsonValue>> members;
    if (!spec.dependsOn.isEmpty()) {
        QJsonObject dependsOn;
        for (const Dependency &dependency : spec.dependsOn)
            dependsOn.insert(dependency.name, dependencyConditionToString(dependency.condition));
        members.append({KeyDependsOn, dependsOn});
    }
    if (spec.readiness.isSet())
        members.append({KeyReadiness, probeObject(spec.readiness)});
    if (spec.liveness.isSet())
        members.append({KeyLiveness, probeObject(spec.liveness)});
    if (spec.replicas != 1)
        members.append({KeyReplicas, spec.replicas});
    if (spec.watch.isSet())
        members.append({KeyWatch, watchObject(spec.watch)});
    if (spec.schedule.isSet())
        members.append({KeySchedule, scheduleValue(spec.schedule)});
    if (spec.log.isSet())
        members.append({KeyLog, logObject(spec.log)});
    return members;
}

} // namespace SessionFileFormat
