// Reading and checking the stack keys of a session's entries (sessionstackkeys.h): `dependsOn`,
// `readiness`, `liveness`, `replicas`, `watch`, `schedule` and `log`.

#include "sessionstackkeys.h"

#include "sessionfileformat.h"
#include "stackcheck.h"

#include <QHash>
#include <QJsonArray>

#include <limits>

using namespace Qt::StringLiterals;

namespace SessionFileFormat {

namespace {

constexpr int MaxReplicas = 100;

constexpr ProbeSpec::Kind ProbeKinds[] = {ProbeSpec::Kind::LogLine, ProbeSpec::Kind::Tcp,
                                          ProbeSpec::Kind::Http, ProbeSpec::Kind::Command};

// The keys of `object` not in `known`, to keep and write back.
QJsonObject unknownKeys(const QJsonObject &object, std::initializer_list<QString> known)
{
    QJsonObject unknown;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (std::find(known.begin(), known.end(), it.key()) == known.end())
            unknown.insert(it.key(), it.value());
    }
    return unknown;
}

// Reads one entry's stack keys; the first problem stops it.
class StackReader final
{
public:
    StackReader(const QJsonObject &object, const QString &at) : m_object(object), m_at(at) {}

    std::optional<KeyProblem> read(ProcessSpec &spec)
    {
        if (readDependsOn(spec) && readProbe(KeyReadiness, spec.readiness)
            && readProbe(KeyLiveness, spec.liveness) && readReplicas(spec) && readWatch(spec.watch)
            && readSchedule(spec.schedule) && readLog(spec.log)) {
            return std::nullopt;
        }
        return m_problem;
    }

private:
    QString key(QLatin1StringView name) const { return m_at + u'.' + name; }
    bool fail(const QString &at, const QString &message)
    {
        m_problem = KeyProblem{at, message};
        return false;
    }
    bool readDependsOn(ProcessSpec &spec);
    bool readProbe(QLatin1StringView name, ProbeSpec &probe);
    bool checkProbeTarget(const QString &at, ProbeSpec::Kind kind, const QString &target);
    bool readReplicas(ProcessSpec &spec);
    bool readWatch(WatchSpec &watch);
    bool readStrings(const QJsonObject &object, const QString &at, QStringList &list);
    bool readSchedule(ScheduleSpec &schedule);
    bool readLog(LogFileSpec &log);
    bool readInteger(const QJsonObject &object, const QString &at, QLatin1StringView name,
                     std::pair<qint64, qint64> range, int &value);

    const QJsonObject &m_object;
    QString m_at;
    std::optional<KeyProblem> m_problem;
};

// An optional whole number from range.first to range.second.
bool StackReader::readInteger(const QJsonObject &object, const QString &at, QLatin1StringView name,
                              std::pair<qint64, qint64> range, int &value)
{
    const QJsonValue json = object.value(name);
    if (json.isUndefined())
        return true;
    const QString here = at + u'.' + name;
    const std::optional<qint64> number = integerValue(json);
    if (!number)
        return fail(here, Msg::tr("must be a whole number"));
    if (*number < range.first || *number > range.second) {
        return fail(here, Msg::tr("%1 is out of range: use %2 to %3")
                              .arg(*number).arg(range.first).arg(range.second));
    }
    value = int(*number);
    return true;
}

// `dependsOn`: {"name": "started" | "ready" | "completed" | "succeeded"}; whether the names exist
// is checked once every entry is read (checkStack()).
bool StackReader::readDependsOn(ProcessSpec &spec)
{
    const QJsonValue value = m_object.value(KeyDependsOn);
    if (value.isUndefined())
        return true;
    if (!value.isObject())
        return fail(key(KeyDependsOn), Msg::tr("must be an object such as {\"db\": \"ready\"}"));
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString at = key(KeyDependsOn) + u'.' + it.key();
        if (it.key().isEmpty())
            return fail(key(KeyDependsOn), Msg::tr("an entry name is empty"));
        const std::optional<DependencyCondition> condition =
            it.value().isString() ? dependencyConditionFromString(it.value().toString()) : std::nullopt;
        if (!condition) {
            return fail(at, Msg::tr("unknown condition %1 (expected \"started\", \"ready\", \"completed\" "
                                    "or \"succeeded\")").arg(quoted(it.value().toString())));
        }
        spec.dependsOn.append({it.key(), *condition});
    }
    return true;
}

// `readiness` / `liveness`: exactly one of logLine, tcp, http, command, and the timings.
bool StackReader::readProbe(QLatin1StringView name, ProbeSpec &probe)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined())
        return true;
    const QString at = key(name);
    const QString kinds = Msg::tr("one of \"logLine\", \"tcp\", \"http\" or \"command\"");
    if (!value.isObject())
        return fail(at, Msg::tr("must be an object with %1").arg(kinds));
    const QJsonObject object = value.toObject();
    for (const ProbeSpec::Kind kind : ProbeKinds) {
        const QJsonValue target = object.value(probeKindKey(kind));
        if (target.isUndefined())
            continue;
        if (probe.isSet()) {
            return fail(at, Msg::tr("has both %1 and %2; use one of them")
                                .arg(quoted(probeKindKey(probe.kind)), quoted(probeKindKey(kind))));
        }
        const QString here = at + u'.' + probeKindKey(kind);
        if (!target.isString() || target.toString().trimmed().isEmpty())
            return fail(here, Msg::tr("must be a non-empty string"));
        if (!checkProbeTarget(here, kind, target.toString()))
            return false;
        probe.kind = kind;
        probe.target = target.toString();
    }
    if (!probe.isSet())
        return fail(at, Msg::tr("needs %1").arg(kinds));
    const int maxInt = std::numeric_limits<int>::max();
    if (!readInteger(object, at, KeyInitialDelayMs, {0, maxInt}, probe.initialDelayMs)
        || !readInteger(object, at, KeyPeriodMs, {1, maxInt}, probe.periodMs)
        || !readInteger(object, at, KeyTimeoutMs, {1, maxInt}, probe.timeoutMs)
        || !readInteger(object, at, KeyFailureThreshold, {1, maxInt}, probe.failureThreshold)) {
        return false;
    }
    probe.unknownKeys = unknownKeys(object, {u"logLine"_s, u"tcp"_s, u"http"_s, u"command"_s, KeyInitialDelayMs,
                                             KeyPeriodMs, KeyTimeoutMs, KeyFailureThreshold});
    return true;
}

bool StackReader::checkProbeTarget(const QString &at, ProbeSpec::Kind kind, const QString &target)
{
    if (target.contains(QChar(u'\0')))
        return fail(at, Msg::tr("contains a NUL byte"));
    if (const std::optional<QString> problem = StackCheck::probeTargetProblem(kind, target))
        return fail(at, *problem);
    return true;
}

bool StackReader::readReplicas(ProcessSpec &spec)
{
    return readInteger(m_object, m_at, KeyReplicas, {1, MaxReplicas}, spec.replicas);
}

// An optional array of non-empty strings.
bool StackReader::readStrings(const QJsonObject &object, const QString &at, QStringList &list)
{
    const QJsonValue value = object.value(at.mid(at.lastIndexOf(u'.') + 1));
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return fail(at, Msg::tr("must be an array of strings"));
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString() || array.at(i).toString().isEmpty())
            return fail(at + u'[' + QString::number(i) + u']', Msg::tr("must be a non-empty string"));
        list.append(array.at(i).toString());
    }
    return true;
}

// `watch`: {"paths": [..] (at least one), "ignore": [..], "debounceMs": N}.
bool StackReader::readWatch(WatchSpec &watch)
{
    const QJsonValue value = m_object.value(KeyWatch);
    if (value.isUndefined())
        return true;
    const QString at = key(KeyWatch);
    if (!value.isObject())
        return fail(at, Msg::tr("must be an object such as {\"paths\": [\"src/\"]}"));
    const QJsonObject object = value.toObject();
    if (!readStrings(object, at + u'.' + KeyPaths, watch.paths)
        || !readStrings(object, at + u'.' + KeyIgnore, watch.ignore)
        || !readInteger(object, at, KeyDebounceMs, {0, std::numeric_limits<int>::max()}, watch.debounceMs)) {
        return false;
    }
    if (const std::optional<QString> problem = StackCheck::watchPathsProblem(watch.paths))
        return fail(at + u'.' + KeyPaths, *problem);
    watch.unknownKeys = unknownKeys(object, {KeyPaths, KeyIgnore, KeyDebounceMs});
    return true;
}

// `schedule`: a cron expression, or {"everyMs": N} with N at least a second.
bool StackReader::readSchedule(ScheduleSpec &schedule)
{
    const QJsonValue value = m_object.value(KeySchedule);
    if (value.isUndefined())
        return true;
    const QString at = key(KeySchedule);
    if (value.isString()) {
        if (const std::optional<QString> problem = StackCheck::cronProblem(value.toString()))
            return fail(at, *problem);
        schedule.cron = value.toString();
        return true;
    }
    if (!value.isObject())
        return fail(at, Msg::tr("must be a cron expression such as \"*/5 * * * *\" or {\"everyMs\": 60000}"));
    const QJsonObject object = value.toObject();
    const QJsonValue every = object.value(KeyEveryMs);
    const std::optional<qint64> ms = integerValue(every);
    const std::optional<QString> problem = StackCheck::intervalProblem(ms.value_or(0));
    if (problem)
        return fail(at + u'.' + KeyEveryMs, *problem);
    schedule.everyMs = *ms;
    schedule.unknownKeys = unknownKeys(object, {KeyEveryMs});
    return true;
}

// `log`: {"path": "logs/api.log", "maxSizeMB": 1–10240, "keep": 0–100}.
bool StackReader::readLog(LogFileSpec &log)
{
    const QJsonValue value = m_object.value(KeyLog);
    if (value.isUndefined())
        return true;
    const QString at = key(KeyLog);
    if (!value.isObject())
        return fail(at, Msg::tr("must be an object such as {\"path\": \"logs/api.log\"}"));
    const QJsonObject object = value.toObject();
    const QJsonValue path = object.value(KeyPath);
    if (const std::optional<QString> problem = StackCheck::logPathProblem(path.toString()))
        return fail(at + u'.' + KeyPath, *problem);
    log.path = path.toString();
    if (!readInteger(object, at, KeyMaxSizeMB, {1, StackCheck::MaxLogSizeMB}, log.maxSizeMB)
        || !readInteger(object, at, KeyKeep, {0, StackCheck::MaxLogKeep}, log.keep)) {
        return false;
    }
    log.unknownKeys = unknownKeys(object, {KeyPath, KeyMaxSizeMB, KeyKeep});
    return true;
}

} // namespace

std::optional<KeyProblem> readStackKeys(const QJsonObject &object, const QString &at, ProcessSpec &spec)
{
    return StackReader(object, at).read(spec);
}

std::optional<KeyProblem> checkStack(const QList<ProcessSpec> &processes)
{
    const auto entryAt = [](qsizetype i) -> QString { return KeyProcesses + u'[' + QString::number(i) + u']'; };
    QHash<QString, qsizetype> names;
    for (qsizetype i = 0; i < processes.size(); ++i)
        names.insert(processes.at(i).name, i);
    for (qsizetype i = 0; i < processes.size(); ++i) {
        if (processes.at(i).replicas <= 1)
            continue;
        for (const QString &copy : StackCheck::copyNames(processes.at(i))) {
            const qsizetype other = names.value(copy, -1);
            if (other >= 0) {
                return KeyProblem{entryAt(other) + u'.' + KeyName,
                                  Msg::tr("%1 is already the name of a copy of %2 (replicas %3)")
                                      .arg(quoted(copy), entryAt(i)).arg(processes.at(i).replicas)};
            }
        }
    }
    if (const std::optional<StackCheck::Problem> problem = StackCheck::dependencyProblem(processes))
        return KeyProblem{entryAt(problem->entry) + u'.' + KeyDependsOn, problem->message};
    return std::nullopt;
}

} // namespace SessionFileFormat
