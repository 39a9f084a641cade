#pragma once

// The parts of a ProcessSpec that make entries a stack (the session file's `dependsOn`,
// `readiness`, `liveness`, `replicas`, `watch`, `schedule`) and the entry's log file (`log`).
// Plain values, read and written by the session file code and run by the stack code
// (docs/ARCHITECTURE.md, "Stacks").

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What an entry waits for in another before it starts (`dependsOn`: name → condition).
enum class DependencyCondition {
    Started,    // its process exists (Running)
    Ready,      // its readiness check passes (an entry without one: as Started)
    Completed,  // its run ended, with any exit
    Succeeded,  // its run exited 0
};

QString dependencyConditionToString(DependencyCondition condition);
std::optional<DependencyCondition> dependencyConditionFromString(const QString &text);

struct Dependency
{
    QString name;  // another entry's name (a replicated entry: all of its replicas)
    DependencyCondition condition = DependencyCondition::Started;

    friend bool operator==(const Dependency &a, const Dependency &b)
    {
        return a.name == b.name && a.condition == b.condition;
    }
};

// A readiness or liveness check: exactly one kind, with its timing.
struct ProbeSpec
{
    enum class Kind {
        None,     // no check
        LogLine,  // target: a regular expression matched against each output line
        Tcp,      // target: "host:port" accepting a connection
        Http,     // target: a URL answering 2xx
        Command,  // target: a shell command (/bin/sh -c) exiting 0
    };

    static constexpr int DefaultPeriodMs = 1000;
    static constexpr int DefaultTimeoutMs = 1000;
    static constexpr int DefaultFailureThreshold = 3;

    Kind kind = Kind::None;
    QString target;
    int initialDelayMs = 0;       // after the run started, before the first check
    int periodMs = DefaultPeriodMs;
    int timeoutMs = DefaultTimeoutMs;
    int failureThreshold = DefaultFailureThreshold; // failures in a row that count as failed
    QJsonObject unknownKeys;      // keys inside the object ProcDeck does not know, written back

    bool isSet() const { return kind != Kind::None; }

    friend bool operator==(const ProbeSpec &a, const ProbeSpec &b)
    {
        return a.kind == b.kind && a.target == b.target && a.initialDelayMs == b.initialDelayMs
            && a.periodMs == b.periodMs && a.timeoutMs == b.timeoutMs
            && a.failureThreshold == b.failureThreshold && a.unknownKeys == b.unknownKeys;
    }
    friend bool operator!=(const ProbeSpec &a, const ProbeSpec &b) { return !(a == b); }
};

// The JSON key of a probe kind ("logLine", "tcp", "http", "command"); empty for None.
QString probeKindKey(ProbeSpec::Kind kind);

// Restart on change (`watch`): paths and globs relative to the session file's folder.
struct WatchSpec
{
    static constexpr int DefaultDebounceMs = 300;

    QStringList paths;            // files, folders or globs ("src/**/*.py")
    QStringList ignore;           // globs or folder names ending in '/' (".git/", "build/")
    int debounceMs = DefaultDebounceMs;
    QJsonObject unknownKeys;

    bool isSet() const { return !paths.isEmpty(); }

    friend bool operator==(const WatchSpec &a, const WatchSpec &b)
    {
        return a.paths == b.paths && a.ignore == b.ignore && a.debounceMs == b.debounceMs
            && a.unknownKeys == b.unknownKeys;
    }
    friend bool operator!=(const WatchSpec &a, const WatchSpec &b) { return !(a == b); }
};

// Scheduled runs (`schedule`): a five-field cron expression, or `{"everyMs": N}`.
struct ScheduleSpec
{
    QString cron;                 // as written; empty when not a cron schedule
    qint64 everyMs = 0;           // > 0: an interval
    QJsonObject unknownKeys;      // of the object form

    bool isSet() const { return !cron.isEmpty() || everyMs > 0; }

    friend bool operator==(const ScheduleSpec &a, const ScheduleSpec &b)
    {
        return a.cron == b.cron && a.everyMs == b.everyMs && a.unknownKeys == b.unknownKeys;
    }
    friend bool operator!=(const ScheduleSpec &a, const ScheduleSpec &b) { return !(a == b); }
};

// The entry's log file (`log`): a path relative to the session file's folder, rotated at
// maxSizeMB into PATH.1 … PATH.keep.
struct LogFileSpec
{
    static constexpr int DefaultMaxSizeMB = 10;
    static constexpr int DefaultKeep = 5;

    QString path;                 // empty: no log file
    int maxSizeMB = DefaultMaxSizeMB;
    int keep = DefaultKeep;
    QJsonObject unknownKeys;

    bool isSet() const { return !path.isEmpty(); }

    friend bool operator==(const LogFileSpec &a, const LogFileSpec &b)
    {
        return a.path == b.path && a.maxSizeMB == b.maxSizeMB && a.keep == b.keep
            && a.unknownKeys == b.unknownKeys;
    }
    friend bool operator!=(const LogFileSpec &a, const LogFileSpec &b) { return !(a == b); }
};
