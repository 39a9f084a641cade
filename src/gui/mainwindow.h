#pragma once

#include "attachtarget.h"
#include "sessioncontroller.h"

#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QPointer>

#include <memory>

namespace Ui {
class MainWindow;
}

class ControlServer;
class DetailsPanel;
class JoinOperation;
class Notifier;
struct Preferences;
class ProcStats;
class ManagedProcess;
class OutputPane;
class ProcessFilterModel;
class ProcessManager;
class ProcessTableModel;
class QAction;
class QLabel;
class RemoteSession;
class QPushButton;
class SessionDocument;
class StackGraphView;
class UserPrompt;

// The window: the process table, the output pane, the actions on the selection, and the session
// file. Each slot hands one request to the core; the window only asks, shows and reports.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ProcessManager *manager() const;
    SessionDocument *document() const;
    UserPrompt *prompt() const;
    OutputPane *outputPane() const;
    DetailsPanel *detailsPanel() const;
    StackGraphView *graphView() const;
    ProcStats *stats() const;
    Notifier *notifier() const;
    ControlServer *controlServer() const;

    using StartEntries = SessionController::StartEntries;
    // SessionController::openFile: opens FILE, then starts what it asks to start if trusted.
    bool openFile(const QString &path, StartEntries which = StartEntries::Autostart);
    QList<ManagedProcess *> selectedProcesses() const;
    void selectProcesses(const QList<ManagedProcess *> &processes);

    // Attach (mainwindowattach.cpp): shows another running ProcDeck's session through this
    // window's manager (RemoteSession), as Open would show a file: unsaved changes are asked about
    // first, and entries running here must end first (asked, as for Open). Nothing is started by
    // attaching, so no trust question. false when the user cancelled or the window is holding;
    // otherwise the connection is under way (the status bar says when it is there, or why not).
    bool attach(const AttachTarget &target);
    // Leaves the attached session: the mirrors go, the entries there keep running; the window is
    // an empty untitled session with its own control socket again. Nothing when not attached.
    void detach();
    RemoteSession *remoteSession() const; // nullptr when not attached

    // Most recent first, at most 10, remembered across runs.
    QStringList recentFiles() const;

    // The last join's report, one line per entry (for the status bar and tests).
    QStringList lastJoinReport() const;

    // Whether the system can apply per-entry limits, and if not why: every Add/Edit dialog opened
    // after this call gets it (ProcessDialog::setLimitsAvailability). Not available until set.
    void setLimitsAvailability(bool available, const QString &reason);

signals:
    void joinFinished();

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    // Tab and Shift+Tab walk the window's parts: the table, the graph (when shown), the output, the input line and
    // the filter box (skipping a disabled one), whatever else could take the focus.
    bool focusNextPrevChild(bool next) override;

private:
    static constexpr int StatusTimeoutMs = 8000;

    void createTable();
    void connectWindow();
    void createActions();
    void addShortcutsToToolTips();
    void createMenus();
    void createDetailsDock();
    void fitDetailsDock();
    void createGraphDock(); // mainwindowgraph.cpp
    void createStatusBar();
    void createControlServer();
    void quitFromControl();
    // A status message, cleared early when an entry in `about` is removed.
    void showStatus(const QString &text, int timeoutMs = 0, const QList<ManagedProcess *> &about = {});
    // A message about the session (SessionController's): cleared when another session opens.
    void showSessionStatus(const QString &text, int timeoutMs);
    void clearStatusAbout(const ManagedProcess *gone);
    void readSettings();
    void writeSettings() const;
    void updateActions();
    void updateTitle();
    void updateCounts();
    void updateEmptyText();
    bool isHolding() const; // quitting, or New/Open waiting for the entries to end
    void reportProblems(const QStringList &problems, const QList<ManagedProcess *> &about);

    QStringList entryNames(const ManagedProcess *except) const;
    void addProcess();
    void editProcess();
    void duplicateProcesses();
    void scaleProcess();
    void removeProcesses();
    void startProcesses();
    void joinProcesses();
    void startJoin(const QList<ManagedProcess *> &processes, qint64 timeoutMs);
    void cancelJoin();
    void terminateProcesses();
    void killProcesses();
    void restartProcesses();
    void pauseProcesses();
    void resumeProcesses();
    void signalProcesses(int signal);
    void startEntries(const QList<ManagedProcess *> &entries);
    void startAllProcesses();
    void stopAllProcesses();
    void clearFinished();
    void quitWhenStopped(bool kill);
    void watchForUnexpectedEnds(ManagedProcess *process);

    // mainwindowattach.cpp
    void createAttachActions();
    void openAttachDialog();
    void beginAttach(const AttachTarget &target);
    void connectionLost(const QString &reason);
    void dropRemote(); // deletes the RemoteSession without touching the window
    void leaveAttachedMode(const QString &status);
    void updateAttachedState();
    QString attachedName() const;
    void quit();
    bool closeAttached(QCloseEvent *event);
    void closeWhenAttachedQuit();

    void about();
    void showPreferences();
    void applyPreferences(const Preferences &preferences);

    std::unique_ptr<Ui::MainWindow> m_ui;
    ProcessManager *m_manager = nullptr;
    SessionDocument *m_document = nullptr;
    ProcessTableModel *m_model = nullptr;
    ProcessFilterModel *m_proxy = nullptr;
    OutputPane *m_outputPane = nullptr;
    ProcStats *m_stats = nullptr;
    DetailsPanel *m_details = nullptr;
    int m_detailsShareWidth = 0; // the details dock's width as a share of the window; -1: its own
    StackGraphView *m_graph = nullptr;
    Notifier *m_notifier = nullptr;
    UserPrompt *m_prompt = nullptr;
    SessionController *m_session = nullptr;
    ControlServer *m_control = nullptr;
    RemoteSession *m_remote = nullptr;
    AttachTarget m_attachTarget;
    QLabel *m_attachLabel = nullptr;
    QHash<QAction *, QString> m_attachedToolTips; // while attached: the tooltips the disabled File actions had
    QLabel *m_countsLabel = nullptr;
    QLabel *m_joinLabel = nullptr;
    QPushButton *m_joinCancel = nullptr;
    QPushButton *m_killNow = nullptr; // while quitting: stop waiting for the grace periods
    QPointer<JoinOperation> m_join;
    QStringList m_lastJoinReport;
    QString m_lastJoinTimeout;
    bool m_quitting = false;
    QList<int> m_statusEntries;  // the ids of the entries the status message is about
    QString m_statusSession;     // the session the status message is about, if it is
    bool m_statusAboutSession = false;
    bool m_limitsAvailable = false;
    QString m_limitsReason;
};
