#include "sessioncontroller.h"

#include "managedprocess.h"
#include "processmanager.h"
#include "sessiondocument.h"
#include "settings.h"
#include "trustdialog.h"
#include "userprompt.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace {

constexpr int StatusTimeoutMs = 8000;
constexpr int MaxRecentFiles = 10;

} // namespace

SessionController::SessionController(SessionDocument *document, ProcessManager *manager, UserPrompt *prompt,
                                     QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_manager(manager)
    , m_prompt(prompt)
    , m_window(window)
{
}

void SessionController::setRecentMenu(QMenu *menu)
{
    m_recentMenu = menu;
    updateRecentMenu();
}

bool SessionController::openFile(const QString &path, StartEntries which)
{
    const SessionDocument::Result result = m_document->load(path);
    if (!result.ok) {
        m_prompt->warning(tr("Could Not Open Session"), result.error,
                          tr("The session that was open is unchanged."));
        emit statusMessage(result.error, StatusTimeoutMs);
        return false;
    }
    emit statusMessage(tr("Opened %1: %n entries", nullptr, m_manager->count())
                                 .arg(QDir::toNativeSeparators(path)),
                             StatusTimeoutMs);
    addRecentFile(path);
    if (m_manager->count() > 0)
        emit selectRequested({m_manager->at(0)});
    startOnOpen(which);
    return true;
}

void SessionController::startOnOpen(StartEntries which)
{
    QList<QPointer<ManagedProcess>> entries;
    for (ManagedProcess *process : m_manager->processes()) {
        if (which == StartEntries::All || process->spec().autostart)
            entries.append(process);
    }
    if (entries.isEmpty())
        return;
    // With what they depend on, in order (ProcessManager::startAll()).
    const auto startThem = [this, entries] {
        QList<ManagedProcess *> toStart;
        for (const QPointer<ManagedProcess> &process : entries) {
            if (process && process->canStart())
                toStart.append(process);
        }
        m_manager->startAll(toStart);
    };
    if (m_document->isTrusted()) {
        startThem();
        return;
    }
    auto *dialog = new TrustDialog(QFileInfo(m_document->filePath()).fileName().isEmpty()
                                       ? tr("This file")
                                       : m_document->filePath(),
                                   m_document->commandsToRun(which == StartEntries::All ? TrustStore::Which::All
                                                                                        : TrustStore::Which::Autostart),
                                   m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, startThem] {
        m_document->approve();
        startThem();
    });
    connect(dialog, &QDialog::rejected, this, [this] {
        emit statusMessage(tr("Nothing was started. Select entries and press Start to run them."),
                                 StatusTimeoutMs);
    });
    dialog->open();
}

void SessionController::newSession()
{
    if (!maybeSave())
        return;
    replaceWhenStopped(tr("New Session"), tr("Terminate and Start New Session"), [this] {
        m_document->clear();
        emit statusMessage(tr("New session"), StatusTimeoutMs);
    });
}

// Before the session is replaced: asks whether to terminate the entries that are still running,
// if any, and replaces it once they have all ended (each one's stop signal, then SIGKILL after
// its grace period, as Stop All). The window holds meanwhile (isReplacing()).
bool SessionController::replaceWhenStopped(const QString &title, const QString &verb,
                                           const std::function<void()> &replace)
{
    if (m_beforeReplace)
        m_beforeReplace();
    const int alive = m_manager->aliveCount();
    if (alive == 0) {
        replace();
        return true;
    }
    const auto answer = m_prompt->question(
        title, tr("%n entries are still running.", nullptr, alive), QMessageBox::Yes | QMessageBox::Cancel,
        QMessageBox::Cancel,
        tr("They are terminated first: each gets its stop signal, then SIGKILL after its grace period."),
        {{QMessageBox::Yes, verb}});
    if (answer != QMessageBox::Yes)
        return false;
    m_replacing = true;
    emit replacingChanged(true);
    emit statusMessage(tr("Stopping %n entries…", nullptr, alive), 0);
    connect(
        m_manager, &ProcessManager::allStopped, this,
        [this, replace] {
            m_replacing = false;
            emit replacingChanged(false);
            replace();
        },
        Qt::SingleShotConnection);
    m_manager->terminateAll();
    return true;
}

void SessionController::setBeforeReplace(std::function<void()> beforeReplace)
{
    m_beforeReplace = std::move(beforeReplace);
}

bool SessionController::isReplacing() const
{
    return m_replacing;
}

void SessionController::openSession()
{
    if (!maybeSave())
        return;
    const QString path = m_prompt->openFileName(
        tr("Open Session"), dialogFolder(), tr("ProcDeck sessions (*.json);;Procfiles (Procfile Procfile.*);;All files (*)"));
    if (path.isEmpty())
        return;
    replaceWhenStopped(tr("Open Session"), tr("Terminate and Open"), [this, path] { openFile(path); });
}

bool SessionController::saveSession()
{
    if (m_document->filePath().isEmpty())
        return saveSessionAs();
    return saveSessionTo(m_document->filePath());
}

bool SessionController::saveSessionAs()
{
    const QString path = m_prompt->saveFileName(tr("Save Session As"), m_document->filePath(),
                                                tr("ProcDeck sessions (*.json)"), QStringLiteral("json"));
    return !path.isEmpty() && saveSessionTo(path);
}

bool SessionController::saveSessionTo(const QString &path)
{
    const SessionDocument::Result result = m_document->save(path);
    if (!result.ok) {
        m_prompt->warning(tr("Could Not Save Session"), result.error);
        return false;
    }
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_document->filePath())), StatusTimeoutMs);
    addRecentFile(m_document->filePath());
    return true;
}

bool SessionController::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = m_prompt->question(
        tr("Unsaved Changes"), tr("The session has unsaved changes."),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save,
        tr("Save them before going on?"));
    if (answer == QMessageBox::Save)
        return saveSession();
    return answer == QMessageBox::Discard;
}

void SessionController::importProcfile()
{
    const QString path = m_prompt->openFileName(tr("Import Procfile"), dialogFolder(), tr("Procfiles (Procfile Procfile.*);;All files (*)"));
    if (path.isEmpty())
        return;
    const SessionFile::LoadResult loaded = SessionFile::load(path);
    if (!loaded.ok()) {
        m_prompt->warning(tr("Could Not Import Procfile"), loaded.error, tr("The session is unchanged."));
        return;
    }
    // A Procfile's commands run in its folder (its entries' "."), wherever this session's file
    // lives: relative to the Procfile, made absolute when the session's folder is another.
    const QString folder = QFileInfo(path).absolutePath();
    const QString base = m_manager->baseDirectory().isEmpty() ? QDir::currentPath() : m_manager->baseDirectory();
    QList<ProcessSpec> specs = loaded.session->processes;
    for (ProcessSpec &spec : specs) {
        if (QDir(folder) != QDir(base))
            spec.workingDirectory = QDir::cleanPath(QDir(folder).absoluteFilePath(spec.workingDirectory));
    }
    m_document->addDotEnv(loaded.session->dotEnv);
    const QList<ManagedProcess *> added = m_manager->addAll(specs);
    emit selectRequested(added);
    emit statusMessage(tr("Imported %n entries from %1", nullptr, int(added.size()))
                                 .arg(QDir::toNativeSeparators(path)),
                             StatusTimeoutMs);
}

void SessionController::exportProcfile()
{
    const QString path = m_prompt->saveFileName(tr("Export Procfile"), QDir(dialogFolder()).filePath(QStringLiteral("Procfile")), tr("Procfiles (Procfile Procfile.*);;All files (*)"), QString());
    if (path.isEmpty())
        return;
    const Session session = m_document->session();
    const SessionFile::SaveResult saved = SessionFile::save(path, SessionFile::toProcfile(session));
    if (!saved.ok) {
        m_prompt->warning(tr("Could Not Export Procfile"), saved.error);
        return;
    }
    // The values from a `.env` go to the `.env` beside the exported Procfile, never into it.
    const QString dotEnvPath = QFileInfo(path).dir().filePath(u".env"_s);
    QFile existing(dotEnvPath);
    const QByteArray current = existing.open(QIODevice::ReadOnly) ? existing.readAll() : QByteArray();
    const QByteArray dotEnv = SessionFile::toDotEnv(session, current);
    if (!dotEnv.isEmpty()) {
        const SessionFile::SaveResult savedEnv = SessionFile::save(dotEnvPath, dotEnv);
        if (!savedEnv.ok) {
            m_prompt->warning(tr("Could Not Export Procfile"), savedEnv.error,
                              tr("The Procfile was written without the values of its .env."));
            return;
        }
        emit statusMessage(tr("Exported %1 and its .env").arg(QDir::toNativeSeparators(path)), StatusTimeoutMs);
        return;
    }
    emit statusMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), StatusTimeoutMs);
}

// Where file dialogs open: the session file's folder, else the current directory.
QString SessionController::dialogFolder() const
{
    return m_document->filePath().isEmpty() ? QDir::currentPath() : QFileInfo(m_document->filePath()).absolutePath();
}

QStringList SessionController::recentFiles() const
{
    return Settings().value(Settings::Keys::RecentFiles);
}

void SessionController::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > MaxRecentFiles)
        files.removeLast();
    Settings().setValue(Settings::Keys::RecentFiles, files);
    updateRecentMenu();
}

void SessionController::updateRecentMenu()
{
    QMenu *menu = m_recentMenu;
    if (!menu)
        return;
    menu->clear();
    const QStringList files = recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString &file = files.at(i);
        // Numbered for the keyboard (&1 … &9, then 1&0), with the folder to tell equal names apart.
        const QString number = i < 9 ? QStringLiteral("&%1").arg(i + 1) : QStringLiteral("1&0");
        QAction *action = menu->addAction(QStringLiteral("%1 %2  —  %3")
                                              .arg(number, QFileInfo(file).fileName(),
                                                   QDir::toNativeSeparators(QFileInfo(file).absolutePath())));
        action->setData(file);
        connect(action, &QAction::triggered, this, [this, file] {
            if (maybeSave())
                replaceWhenStopped(tr("Open Session"), tr("Terminate and Open"), [this, file] { openFile(file); });
        });
    }
    if (!files.isEmpty()) {
        menu->addSeparator();
        menu->addAction(tr("&Clear Recent Files"), this, [this] {
            Settings().remove(Settings::Keys::RecentFiles);
            updateRecentMenu();
        });
    }
    menu->setEnabled(!files.isEmpty());
}

