#pragma once

// Small utilities shared by the tests.

#include "processspec.h"
#include "procstats.h"
#include "sessionfile.h"

#include <QByteArray>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QFile>
#include <QSignalSpy>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QTimer>
#include <QtGlobal>

#include <atomic>
#include <optional>

namespace TestSupport {

// The helper child program (tests/helpers/pd_child.cpp).
inline QString childPath()
{
    return QStringLiteral(PD_CHILD_PATH);
}

// An entry that runs the helper child with `args`, with a short grace period (2 s).
inline ProcessSpec childSpec(const QString &name, const QStringList &args)
{
    ProcessSpec spec;
    spec.name = name;
    spec.program = childPath();
    spec.args = args;
    spec.stopTimeoutMs = 2000;
    return spec;
}

// Writes a session file of `specs` at `path` (its folder made when missing); returns `path`.
inline QString writeSessionFile(const QString &path, const QList<ProcessSpec> &specs)
{
    Session session;
    session.processes = specs;
    QDir().mkpath(QFileInfo(path).absolutePath());
    const SessionFile::SaveResult saved = SessionFile::save(path, SessionFile::toJson(session));
    if (!saved.ok)
        qWarning("%s", qPrintable(saved.error));
    return path;
}

#ifdef PD_APP_PATH
// One `procdeck ctl ARGUMENTS` run of the built executable in `environment`: its exit status (-1
// for a crash or when it did not end within `deadlineMs`), its output and its messages.
struct CtlResult
{
    int exitCode = -1;
    QString out;
    QString err;
};
inline CtlResult runCtl(const QProcessEnvironment &environment, const QStringList &arguments, int deadlineMs = 30000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(PD_APP_PATH), QStringList{QStringLiteral("ctl")} + arguments);
    CtlResult result;
    if (!process.waitForFinished(deadlineMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.err = QStringLiteral("(ctl did not end within the deadline)");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}
#endif

// The environment of a `procdeck` instance a test starts (headless, a window, `ctl`): the control
// sockets in `runtimeDir`, home and settings in `filesDir`, offscreen, no colours.
inline QProcessEnvironment instanceEnvironment(const QString &runtimeDir, const QString &filesDir)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir);
    environment.insert(QStringLiteral("HOME"), filesDir);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir(filesDir).filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
    return environment;
}

// Ends a `procdeck` instance a test started (a headless one, a window), if it still runs: killed,
// and the reapers' lifelines end its entries with it.
inline void endInstance(QProcess &instance)
{
    if (instance.state() != QProcess::NotRunning) {
        instance.kill();
        instance.waitForFinished(10000);
    }
}

namespace Detail {
inline QtMessageHandler &previousHandler()
{
    static QtMessageHandler handler = nullptr;
    return handler;
}
inline std::atomic<int> &destroyedWarnings()
{
    static std::atomic<int> count{0};
    return count;
}
inline void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QLatin1StringView("Destroyed while process"))) {
        ++destroyedWarnings();
        // Not QFAIL here: the message may come from a destructor outside any test function.
        // checkNoDestroyedWarning() (or cleanup()) turns the count into a failure.
    }
    if (QtMessageHandler previous = previousHandler())
        previous(type, context, message);
}
} // namespace Detail

// Call in initTestCase(): counts "QProcess: Destroyed while process … is still running".
inline void installProcessWarningGuard()
{
    Detail::previousHandler() = qInstallMessageHandler(&Detail::messageHandler);
}

inline int destroyedWhileRunningWarnings()
{
    return Detail::destroyedWarnings().load();
}

// A process as the test saw it alive: its PID and its start time (/proc/PID/stat field 22, clock
// ticks after boot). Once it has ended and was reaped, its PID may name another process: asking
// about the PID alone (kill(pid, 0)) would then be wrong; asking about PID and start time is not.
struct ProcessIdentity
{
    qint64 pid = 0;
    quint64 startTime = 0;
    char state = '?';
};

// The process's current identity from /proc, or nullopt when no process has that PID.
inline std::optional<ProcessIdentity> readIdentity(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return std::nullopt;
    const std::optional<ProcStatFields> fields = ProcStats::parseStat(stat.readAll());
    if (!fields)
        return std::nullopt;
    return ProcessIdentity{fields->pid, fields->startTime, fields->state};
}

// Call while the process certainly lives; QVERIFY(identity.pid > 0) if unsure.
inline ProcessIdentity identify(qint64 pid)
{
    return readIdentity(pid).value_or(ProcessIdentity{});
}

enum class Zombies { CountAsAlive, CountAsGone };

// True once the process `identity` names exists no more: its PID is free, or belongs to a newer
// process. A zombie (ended, not reaped yet) counts as `zombies` says.
inline bool isGone(const ProcessIdentity &identity, Zombies zombies = Zombies::CountAsAlive)
{
    const std::optional<ProcessIdentity> now = readIdentity(identity.pid);
    if (!now || now->startTime != identity.startTime)
        return true;
    return zombies == Zombies::CountAsGone && (now->state == 'Z' || now->state == 'X');
}

// Waits for a timer of `ms` without relying on it for the result: for checks that something
// did NOT happen meanwhile.
inline void letTimePass(int ms)
{
    QTimer timer;
    timer.setSingleShot(true);
    QSignalSpy spy(&timer, &QTimer::timeout);
    timer.start(ms);
    QVERIFY(spy.wait(ms + 10000));
}

} // namespace TestSupport

// In cleanup() (runs after every test function): fail the test that caused the warning.
#define PD_VERIFY_NO_DESTROYED_WARNING()                                                          \
    QVERIFY2(TestSupport::destroyedWhileRunningWarnings() == 0,                                   \
             "QProcess warned: Destroyed while process is still running")
