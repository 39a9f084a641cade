#pragma once

#include "managedprocess.h"

#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class OutputView;
class ProcessManager;
class QAction;
class QLabel;
class QLineEdit;
class QToolBar;
class QToolButton;

// The output of the entries: the selected ones, or All interleaved in arrival order. Reads the
// entries' OutputLogs (through OutputView); never a QProcess. Holds the pane's own controls: the
// view switch, timestamps, wrap, the find bar with its filter, clear, save, and the line that
// sends input to the selected entry's stdin (or its terminal), with Interrupt for an entry that
// runs in a terminal. Every entry's terminal gets the view's size in characters.
class OutputPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutputPane)

public:
    explicit OutputPane(ProcessManager *manager, QWidget *parent = nullptr);
    ~OutputPane() override;

    // The entries whose output the "Selected" view shows (the table's selection).
    void setSelectedProcesses(const QList<ManagedProcess *> &processes);
    QList<ManagedProcess *> selectedProcesses() const;

    // Plain text of the lines the current view shows, one per line (for tests and Save).
    QString visibleText() const;

    OutputView *view() const { return m_view; }
    QLineEdit *inputEdit() const { return m_inputEdit; }

    // actions() holds the pane's actions for the window's View menu (object names
    // actionShowSelected, actionShowAll, actionToggleTimestamps, actionToggleWrap, actionCurrentRunOnly, actionFind,
    // actionFindNext, actionFindPrevious, actionClearOutput, actionSaveOutput).

    void setShowAll(bool all);
    bool showsAll() const;

    // Find bar: the same as typing into it and toggling its options.
    void setFindText(const QString &text);
    void setFindOptions(bool caseSensitive, bool regularExpression);
    void setFilterEnabled(bool enabled);

    // Saves the current view as plain text (atomically). On failure returns false and sets *error.
    bool saveOutputTo(const QString &path, bool withTimestamps, QString *error = nullptr);

    // Writes text + "\n" to the stdin of each selected running entry; reports through message().
    bool sendInput(const QString &text);
    // Closes the stdin of each selected running entry.
    bool closeInput();
    // The terminal's interrupt character (Ctrl+C) to each selected entry running in a terminal
    // (actionInterrupt; Ctrl+C in the input line when no text is selected there).
    bool interrupt();

signals:
    // A short note for the status bar ("input not sent: Process-1 is not running").
    void message(const QString &text);

private:
    void createActions();
    void createToolBar();
    void createFindBar();
    void createInputBar();
    void updateView();
    void updatePlaceholder();
    void updateActions();
    void updateFindStatus();
    void updateDropped();
    void applyFind();
    void showFindBar();
    void saveOutput();
    void clearOutput();
    void sendInputLine();
    void applyTerminalSize();
    QList<ManagedProcess *> applyToSelected(bool (ManagedProcess::*can)() const, ManagedProcess::Result (ManagedProcess::*act)(),
                                            const QString &failure, QList<ManagedProcess *> *skipped = nullptr);
    void report(const QString &text);
    void processAboutToBeRemoved(int row);
    bool eventFilter(QObject *watched, QEvent *event) override;

    QPointer<ProcessManager> m_manager;
    QList<QPointer<ManagedProcess>> m_selected;
    OutputView *m_view = nullptr;
    QToolBar *m_toolBar = nullptr;
    QWidget *m_findBar = nullptr;
    QLineEdit *m_findEdit = nullptr;
    QLabel *m_findStatus = nullptr;
    QLabel *m_droppedLabel = nullptr;
    QLineEdit *m_inputEdit = nullptr;
    QLabel *m_messageLabel = nullptr;
    QTimer m_findTimer;
    QStringList m_inputHistory; // lines sent, oldest first (Up/Down in the input line)
    int m_historyIndex = 0;

    QAction *m_showSelected = nullptr;
    QAction *m_showAll = nullptr;
    QAction *m_timestamps = nullptr;
    QAction *m_wrap = nullptr;
    QAction *m_currentRun = nullptr;
    QAction *m_find = nullptr;
    QAction *m_findNext = nullptr;
    QAction *m_findPrevious = nullptr;
    QAction *m_caseSensitive = nullptr;
    QAction *m_regex = nullptr;
    QAction *m_filter = nullptr;
    QAction *m_clear = nullptr;
    QAction *m_save = nullptr;
    QAction *m_send = nullptr;
    QAction *m_closeInput = nullptr;
    QAction *m_interrupt = nullptr;
};
