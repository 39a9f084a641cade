#pragma once

#include "outputreader.h"

#include <QObject>
#include <QString>

#include <memory>

class OutputLog;
class PseudoTerminal;
struct LaunchPlan;
class QProcess;
class QSocketNotifier;
class QTimer;

// One run of one program, the operating-system side of ManagedProcess: the fork (through QProcess
// and a child modifier), the entry's reaper that holds the program's whole tree (childreaper.h),
// the stdout/stderr pipes (read on the I/O thread, OutputReader, and handed to an OutputLog on this
// object's thread), reaping, the drain of the pipes after the tree is gone, and the signals sent to
// the tree. It keeps no state machine and no policy: it reports what happened and does what it is
// told.
//
// Per start(): `started` then `reaped` then `exited`, or `failedToStart` alone (with a hold,
// `holding` comes first). Nothing is reported from inside start() except what QProcess itself
// reports synchronously.
class ChildProcess final : public QObject, private OutputReceiver
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChildProcess)

public:
    // The child's output goes to `output` (not owned; it must outlive this object).
    explicit ChildProcess(OutputLog *output, QObject *parent = nullptr);
    // A tree not gone yet: SIGKILL to all of it, then the reaper reaped (bounded wait); no warning.
    ~ChildProcess() override;

    // Starts the entry's reaper, which forks and executes `plan` (program already resolved, see
    // resolveLaunch()). Returns an error message when nothing could be started (no pipe, no
    // procdeck-reaper): then nothing is reported by signal. With `hold`, the reaper starts, reports
    // `holding` and forks the program only on release() (deleting this object meanwhile, or a
    // stop signal, ends the reaper without starting anything).
    QString start(const LaunchPlan &plan, bool hold = false);
    void release(); // a held reaper starts the program

    qint64 pid() const;              // the program's PID (also its process group's ID); 0 before it runs
    // The procdeck-reaper executable QProcess starts for each run: next to the running executable,
    // else the installed libexec path, else the build tree's; decided once. Empty if none exists:
    // then start() fails with a message.
    static QString reaperExecutable();
    qint64 reaperPid() const;        // the reaper's (QProcess's child): the root of the whole tree
    bool isRunning() const;          // forked and the tree not gone yet: may be signalled
    // To the program's group and every other descendant (setsid() daemons too), through the
    // reaper; false when the tree is gone or the reaper could not be told.
    bool signalTree(int signal);
    // After terminate or kill: when the program ends, SIGKILL whatever is left of its tree (a
    // program that already ended leaves its tree to the grace period).
    void killTreeWithProgram();

    // In a terminal (TerminalMode::Terminal) input goes to the terminal, which echoes it itself,
    // and closing it sends the end of file character; else to the stdin pipe.
    QString writeInput(const QByteArray &data); // an error message, or empty
    bool closeInput();

    // The program's pseudo-terminal (plan.terminal other than Pipes), while it runs.
    bool hasTerminal() const;        // a full terminal: stdin, stdout, stderr, controlling
    // The terminal's size (also before start(): the next start uses it); false without one.
    bool setTerminalSize(int columns, int rows);
    // The terminal's interrupt character (as Ctrl+C typed in it): an error message, or empty.
    QString interrupt();

signals:
    void holding(qint64 reaperPid); // start(plan, true): the reaper runs and waits for release()
    void started(qint64 pid);   // the program runs; its output is read from now on
    void reaped();              // the last process of the tree is gone; `exited` follows once the pipes drained
    void exited(int status);    // N for exit code N, -N for death by signal N
    void failedToStart(const QString &reason);

private:
    bool openPipes(int writeEnds[2], QString *error);
    QString failureReason() const;
    bool openReaperSocket(int *reaperFd, QString *error);
    void readReports();
    bool handleReport(int kind, int value);
    void handleProgramStarted(qint64 pid);
    void handleStartFailed(int error);
    void endReaperOrphans();
    bool sendToReaper(int kind, int value);
    void closeReaperSocket();
    void receiveOutput(OutputStream stream, QByteArrayView bytes, OutputBlock *block,
                       const OutputScan &scan) override;
    void outputEnded() override;
    void drainPipes();
    void closePipes();
    void handleFinished(int code, bool crashed);
    void handleFailedToStart();
    void failStart(const QString &reason);
    void finishExit();
    QString openTerminal(const LaunchPlan &plan, int writeEnds[2]);

    OutputLog *m_output = nullptr;
    QProcess *m_process = nullptr;   // child QObject; null before start()
    qint64 m_pid = 0;                // the program's
    qint64 m_reaperPid = 0;
    int m_reaperFd = -1;             // our end of the reaper's socket (the lifeline), -1 when closed
    QSocketNotifier *m_reportNotifier = nullptr; // the reaper's reports on m_reaperFd
    bool m_holding = false;          // started with a hold and not released yet (release() may
                                     // come before the reaper's "holding": the socket keeps "go")
    bool m_programEnded = false;     // the reaper reported the program's status
    bool m_ended = false;            // reaped, or failed to start

    // The output pipes' read ends (0: stdout, 1: stderr) until the program runs, -1 when closed or
    // handed to the OutputReader (then m_readerId is set until the reader says they ended).
    int m_pipeFds[2] = {-1, -1};
    OutputReader::Id m_readerId = 0;
    // The run's pseudo-terminal (its master also read as m_pipeFds[0]); null with plain pipes.
    std::unique_ptr<PseudoTerminal> m_terminal;
    bool m_fullTerminal = false;
    int m_terminalColumns = 0;       // 0: the PseudoTerminal default
    int m_terminalRows = 0;
    QTimer *m_drainTimer = nullptr; // after the leader's exit (ExitDrainMs)
    bool m_exitPending = false;      // reaped; the pipes are being drained
    int m_exitStatus = 0;
};
