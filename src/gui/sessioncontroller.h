#pragma once

#include "managedprocess.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class ProcessManager;
class QMenu;
class QWidget;
class SessionDocument;
class UserPrompt;

// The File menu: new, open (with the trust question before anything starts), save, save as,
// recent files, Procfile import and export. Talks to the user through UserPrompt and the window's
// status bar (statusMessage); the session itself is SessionDocument's.
class SessionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionController)

public:
    enum class StartEntries { Autostart, All };

    SessionController(SessionDocument *document, ProcessManager *manager, UserPrompt *prompt, QWidget *window);

    // Opens a session file or Procfile; on failure shows why and keeps the open session. Then
    // starts its autostart entries (or all of them, for --start-all) — at once for a file this
    // user trusts, otherwise only after the trust dialog's Run.
    bool openFile(const QString &path, StartEntries which = StartEntries::Autostart);

    void newSession();
    void openSession();
    bool saveSession();
    bool saveSessionAs();
    // Asks about unsaved changes: true when the caller may go on (saved or discarded).
    bool maybeSave();
    void importProcfile();
    void exportProcfile();

    // New or Open is waiting for the running entries to end before it replaces the session.
    bool isReplacing() const;
    // Before the session is replaced (New, Open, a recent file, Attach): asks whether to terminate
    // the entries still running, if any, and calls `replace` once they have all ended (at once
    // when none runs). false when the user cancelled.
    bool replaceWhenStopped(const QString &title, const QString &verb, const std::function<void()> &replace);
    // Called first by replaceWhenStopped(): the window leaves an attached session there (whose
    // entries are not this window's to stop).
    void setBeforeReplace(std::function<void()> beforeReplace);

    // Most recent first, at most 10, remembered across runs; the menu lists them.
    QStringList recentFiles() const;
    void setRecentMenu(QMenu *menu);

signals:
    void statusMessage(const QString &text, int timeoutMs);
    void selectRequested(const QList<ManagedProcess *> &processes);
    void replacingChanged(bool replacing);

private:
    void startOnOpen(StartEntries which);
    bool saveSessionTo(const QString &path);
    QString dialogFolder() const;
    void addRecentFile(const QString &path);
    void updateRecentMenu();

    SessionDocument *m_document = nullptr;
    ProcessManager *m_manager = nullptr;
    UserPrompt *m_prompt = nullptr;
    QWidget *m_window = nullptr;
    QPointer<QMenu> m_recentMenu;
    std::function<void()> m_beforeReplace;
    bool m_replacing = false;
};
