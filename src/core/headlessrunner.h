#pragma once

#include "commandline.h"
#include "outputprinter.h"
#include "sessionfile.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

class ManagedProcess;
class ProcessManager;
class QIODevice;
class TerminationSignals;

// `procdeck --headless FILE [--timeout SECONDS]`: the session without a window. Starts every entry
// (autostart or not: running the command is the user's explicit request, so no trust question),
// prints their output and joins them all.
//
// Output, on stdout, in arrival order across entries, names padded to align:
//     name | text      a line the entry wrote on stdout
//     name ! text      a line the entry wrote on stderr
//     name * text      ProcDeck's own note about the entry (started, PID; exited with code N;
//                      terminate: SIGTERM to the process tree of PID N; failed to start:
//                      REASON)
// With colours (a colour per name, `!` in red, notes dimmed) only when stdout is a terminal and
// NO_COLOR is unset.
//
// Lines are printed whole, never split because a writer paused in the middle of one: a line goes
// out when its newline arrives, when the entry's run ends (its last, unterminated line), or when
// it is cut at the length limit (OutputLine::continued; the cut is marked with
// OutputLine::ContinuationMark, as in the window). A line rewritten by `\r` is printed once, with
// its final text. Lines of different entries interleave only at line boundaries.
// Order across entries: the order in which lines were COMPLETED (their ends arrived), to the
// resolution of one read from a pipe; lines completed by the same read keep the order in which
// they began (the OutputMergeCursor's). So a line that stays open for a while (a prompt, a slow
// writer) comes after the other entries' lines that ended meanwhile, and no entry holds back
// another. Within one entry the order is always the order of its log.
// The runner's own messages (bad file, timeout, signal) go to stderr as "procdeck: …".
//
// Restart policies apply: an entry Waiting for its restart is not finished, so `always` entries
// run until --timeout or a signal; the exit status counts each entry's last run.
//
// Ending: when every entry has finished. --timeout, SIGINT, SIGTERM or SIGHUP terminate every live
// entry (its stop signal, SIGKILL after its grace period, to its whole tree) and end when all are
// gone; a second signal kills them at once. Before returning, any process left behind (re-parented
// to ProcDeck if an entry's reaper was killed from outside) is killed: nothing of the session
// outlives ProcDeck.
//
// Stacks: entries start in dependency order (ProcessManager::startAll, StackRunner), and the
// waits, readiness and refusals are notes ("api * waiting for db (ready)", "db * ready",
// "web * not started: api failed its readiness check"); --timeout and signals stop them in
// reverse dependency order.
// Control (docs/control-protocol.md): exec() serves the control socket (ControlServer) while it
// runs, so `procdeck ctl` can list, start, stop, join, follow and add entries; entries added or
// removed that way are printed, or no longer, as the others. With --serve the run does not end
// when the entries have: it ends on `procdeck ctl quit` (every entry stopped, then the exit
// status below from the entries' last runs), SIGINT or SIGTERM; SIGHUP is ignored (a closed
// terminal does not end a served session).
//
// Exit status: 0 when every entry exited 0; otherwise the first non-zero status in start order
// (N; 128+N for death by signal N; 127 for a failed start; 3 for an entry not started because a
// dependency failed); 124 after --timeout; 128+N when
// ProcDeck itself got signal N (130 for Ctrl-C); 2 when the file cannot be loaded.
class HeadlessRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadlessRunner)

public:
    static constexpr int TimeoutExitCode = 124;
    static constexpr int FailedStartExitCode = 127;
    static constexpr int BlockedExitCode = 3; // not started: a dependency failed
    static constexpr int BadFileExitCode = 2;

    // The whole headless run for main(): loads commandLine.file, runs, returns the exit status.
    // Needs only a QCoreApplication (created by the caller); runs its own event loop. Messages
    // about a bad file go to stderr. Call once per process (it handles SIGINT/SIGTERM while running).
    static int exec(const CommandLine &commandLine);

    explicit HeadlessRunner(QObject *parent = nullptr);
    ~HeadlessRunner() override;

    // Where output and messages go (default: stdout and stderr). For tests.
    void setOutputDevice(QIODevice *device);
    void setErrorDevice(QIODevice *device);
    void setColour(bool colour); // default: stdout is a terminal and NO_COLOR is not set
    // Whether SIGINT and SIGTERM are caught while running (default true; at most one runner at a time).
    void setHandleSignals(bool handle);

    // Loads the session (JSON or Procfile); false with the message written to the error device.
    bool load(const QString &path);
    void setSession(const Session &session, const QString &baseDirectory);
    // Starts every entry; finished(status) follows (also with no entries at all, from the event loop).
    void start(qint64 timeoutMs = -1);
    // As --timeout or SIGTERM would: terminate all, end with `status`.
    void stop(int status);
    // `procdeck ctl quit`: terminate all, end with the entries' exit status.
    void quit();
    // --serve: keep running after every entry has settled, until quit() or a signal.
    void setServe(bool serve);

    ProcessManager *manager() const;

signals:
    void finished(int exitStatus);

private:
    struct Entry;

    void track(ManagedProcess *process);
    void onProcessAdded(int row);
    void onProcessAboutToBeRemoved(int row);
    void flushOutput(bool includeOpenLines = false);
    void onProcessFinished();
    void onSignal(int signal);
    void finish();
    void killLeftovers();
    int exitStatus() const;
    void writeError(const QString &message);

    std::unique_ptr<ProcessManager> m_manager;
    std::vector<std::unique_ptr<Entry>> m_entries;
    QIODevice *m_output = nullptr;
    OutputPrinter m_printer;
    QByteArray m_buffer; // flushOutput()'s, kept between flushes
    QIODevice *m_error = nullptr;
    std::unique_ptr<QIODevice> m_stdout;
    std::unique_ptr<QIODevice> m_stderr;
    QTimer m_timeoutTimer;
    std::unique_ptr<TerminationSignals> m_signals; // SIGINT, SIGTERM, SIGHUP while running
    int m_stopStatus = -1;   // set by timeout / signal / stop(): the status to end with
    int m_signalsSeen = 0;
    bool m_handleSignals = true;
    bool m_running = false;
    bool m_finished = false;
    bool m_serve = false;
    bool m_quitting = false;
};
