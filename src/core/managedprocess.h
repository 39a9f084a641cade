#pragma once

#include "processspec.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <memory>

class OutputLog;

// The life of one process entry: DESIGN.md's states, one child at a time, in its own process
// group. Never blocks: start, terminate and kill return at once, and `finished` arrives exactly
// once per run, also when the program could not be started.
class ManagedProcess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManagedProcess)

public:
    enum class State {
        NotStarted,
        Starting,
        Running,
        Stopping,       // terminate() sent the stop signal; SIGKILL follows after the grace period
        Exited,         // normal exit, exitCode() >= 0
        Killed,         // death by signal, exitCode() == -signal
        FailedToStart,  // failureReason() says why
    };
    Q_ENUM(State)

    struct Result
    {
        bool ok = true;
        QString error;
        static Result success() { return {}; }
        static Result failure(QString message) { return {false, std::move(message)}; }
    };

    explicit ManagedProcess(int id, ProcessSpec spec, QObject *parent = nullptr);
    ~ManagedProcess() override; // kills a live child's group with SIGKILL and reaps it; no warning

    int id() const;                         // stable within a session, never reused
    const ProcessSpec &spec() const;
    void setSpec(ProcessSpec spec);         // takes effect at the next start
    void setBaseDirectory(const QString &directory); // for a relative workingDirectory

    State state() const;
    bool isAlive() const;                   // Starting, Running or Stopping
    bool isFinished() const;                // Exited, Killed or FailedToStart
    qint64 pid() const;                     // the last run's PID, kept after exit; 0 before
    QDateTime startTime() const;
    QDateTime endTime() const;
    qint64 runTimeMs() const;               // up to now while alive, else start to end
    int exitCode() const;                   // Python style: N, or -N for signal N; 127 after a
                                            // failed start (as a shell reports it)
    QString failureReason() const;
    int runCount() const;                   // runs started (including failed starts)
    qint64 stopDeadlineRemainingMs() const; // in Stopping: ms until SIGKILL; else -1

    OutputLog *output() const;

    // Refused (Result::failure) only while alive. A program that cannot be started is a run that
    // ends in FailedToStart with its one `finished`, reported from the event loop.
    Result start();
    Result terminate();    // stop signal + SIGCONT to the group, SIGKILL after the grace period
    Result kill();         // SIGKILL to the group now
    Result sendSignal(int signal); // to the group
    Result writeInput(const QByteArray &data);
    Result closeInput();

signals:
    void stateChanged(); // any field shown in the row changed
    void specChanged();  // setSpec() changed the spec (also followed by stateChanged)
    void started(qint64 pid);
    void finished(); // exactly once per run, also after a failed start; see state(), exitCode()

private:
    struct Private;
    std::unique_ptr<Private> d;
};
