#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "stackspec.h"

#include <optional>

// What restarts an entry after its run ends (docs/ARCHITECTURE.md, "The state machine").
enum class RestartPolicy { Never, OnFailure, Always };

// One change to the inherited environment: a value to set, or std::nullopt to remove the variable.
struct EnvironmentChange
{
    QString name;
    std::optional<QString> value;

    friend bool operator==(const EnvironmentChange &a, const EnvironmentChange &b)
    {
        return a.name == b.name && a.value == b.value;
    }
};

// Where the program's standard descriptors go (the session file's `terminal`, README "Output as
// it happens"): by default stdout is a pseudo-terminal (not the controlling one) so that stdio,
// Python, Perl and Ruby flush each line, stderr a pipe; `Terminal` (`"terminal": true`) gives the
// program a pseudo-terminal as stdin, stdout, stderr and controlling terminal; `Pipes`
// (`"terminal": false`) opts out: plain pipes, block-buffered as a pipe makes them.
enum class TerminalMode { StdoutTerminal, Terminal, Pipes };

// Per-entry resource limits (the session file's `limits`), applied through the entry's cgroup
// where the system gives one (docs/ARCHITECTURE.md, "Containment"). 0 means no limit.
struct ProcessLimits
{
    // The largest values a session file or the dialog takes (1 TiB; 1,024 cores).
    static constexpr int MaxMemoryMB = 1024 * 1024;
    static constexpr int MaxCpuPercent = 100 * 1024;

    int memoryMB = 0;             // memory maximum: the kernel's OOM killer acts above it
    int cpuPercent = 0;           // CPU quota, in percent of one core (150: one and a half cores)
    int restartAboveMemoryMB = 0; // restart the entry as soon as its memory goes above this
    // Keys inside the file's `limits` that ProcDeck does not know, kept and written back.
    QJsonObject unknownKeys;

    bool isEmpty() const { return memoryMB == 0 && cpuPercent == 0 && restartAboveMemoryMB == 0; }
    // The restart threshold lies below the memory maximum when both are set (above it the kernel
    // would kill first, and the restart could never act). The session reader and the dialog ask.
    bool restartIsBelowMaximum() const
    {
        return memoryMB == 0 || restartAboveMemoryMB == 0 || restartAboveMemoryMB < memoryMB;
    }

    friend bool operator==(const ProcessLimits &a, const ProcessLimits &b)
    {
        return a.memoryMB == b.memoryMB && a.cpuPercent == b.cpuPercent
            && a.restartAboveMemoryMB == b.restartAboveMemoryMB && a.unknownKeys == b.unknownKeys;
    }
    friend bool operator!=(const ProcessLimits &a, const ProcessLimits &b) { return !(a == b); }
};

// The reusable description of a process entry: what multiprocessing.Process(target, args, name)
// holds. A plain value type; ManagedProcess runs it, SessionFile reads and writes it.
struct ProcessSpec
{
    static constexpr int DefaultStopTimeoutMs = 5000;

    QString name;
    QString program;              // empty when `shell` is used
    QStringList args;             // passed as they are, no shell
    QString shell;                // non-empty: run `/bin/sh -c shell` instead of program/args
    QString workingDirectory;     // as written; relative to the session file's folder
    QList<EnvironmentChange> environment;
    bool autostart = false;
    int stopSignal = 15;          // SIGTERM
    int stopTimeoutMs = DefaultStopTimeoutMs;
    RestartPolicy restart = RestartPolicy::Never;
    TerminalMode terminal = TerminalMode::StdoutTerminal;
    ProcessLimits limits;
    // A stack (stackspec.h): what this entry waits for, its checks, its copies and its triggers.
    QList<Dependency> dependsOn;
    ProbeSpec readiness;
    ProbeSpec liveness;
    int replicas = 1;             // copies named name-1 … name-N; 1: the entry itself
    WatchSpec watch;
    ScheduleSpec schedule;
    LogFileSpec log;

    // Keys ProcDeck does not know, kept from the file and written back on save.
    QJsonObject unknownKeys;

    bool usesShell() const { return !shell.isEmpty(); }
    // Whether any text that reaches the child (name, program, arguments, shell command, working
    // directory, environment names and values) holds a NUL, which the system would cut it at.
    // Such a spec is refused wherever it is made (session files, the Add/Edit dialog).
    bool containsNul() const;

    // The program actually executed and its arguments (`/bin/sh -c …` for shell entries).
    QString executable() const;
    QStringList executableArguments() const;

    // The command as one line for display: program and args quoted like a shell would need.
    QString commandLine() const;

    // `workingDirectory` made absolute against `baseDirectory` (the session file's folder, or the
    // current directory for an unsaved session). Empty when no working directory is set.
    QString resolvedWorkingDirectory(const QString &baseDirectory) const;

    friend bool operator==(const ProcessSpec &a, const ProcessSpec &b);
    friend bool operator!=(const ProcessSpec &a, const ProcessSpec &b) { return !(a == b); }
};

QString restartPolicyToString(RestartPolicy policy);
std::optional<RestartPolicy> restartPolicyFromString(const QString &text);
