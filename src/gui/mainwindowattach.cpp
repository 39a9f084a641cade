// The window attached to another running ProcDeck (File › Attach…, `procdeck --attach TARGET`):
// a RemoteSession puts the window's manager in mirror mode, so the table, the output, the details
// and the graph show that ProcDeck's entries and every verb is sent there. The rules of the mode:
// - nothing starts by attaching, so no trust question; entries running here end first (as Open);
// - the window's own control socket is closed (the session is served by the other ProcDeck) and
//   listens again after;
// - Save, Save As, Import and Export Procfile are disabled (the session file is the other's, and
//   may be on another machine); New, Open and a recent file detach first, without asking;
// - closing the window detaches without asking; Quit asks whether to stop the entries there too;
// - a lost connection says why in the status bar and leaves an empty untitled session.
#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "attachdialog.h"
#include "controlserver.h"
#include "engineclient.h"
#include "logging.h"
#include "managedprocess.h"
#include "processmanager.h"
#include "remotesession.h"
#include "sessiondocument.h"
#include "userprompt.h"
#include "visibletext.h"

#include <QCloseEvent>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QStatusBar>

using namespace Qt::StringLiterals;

RemoteSession *MainWindow::remoteSession() const { return m_remote; }

void MainWindow::createAttachActions()
{
    connect(m_ui->actionAttach, &QAction::triggered, this, &MainWindow::openAttachDialog);
    connect(m_ui->actionDetach, &QAction::triggered, this, &MainWindow::detach);
    connect(m_ui->actionQuit, &QAction::triggered, this, &MainWindow::quit);
    m_attachLabel = new QLabel(this);
    m_attachLabel->setObjectName(u"attachLabel"_s);
    m_attachLabel->hide();
    statusBar()->insertPermanentWidget(0, m_attachLabel);
    // New, Open, a recent file: an attached session is left first (its entries are not this
    // window's to stop, and detaching loses nothing).
    m_session->setBeforeReplace([this] { detach(); });
    // Mirrors coming and going are the other ProcDeck's session, never unsaved changes here.
    connect(m_document, &SessionDocument::modifiedChanged, this, [this](bool modified) {
        if (modified && m_remote)
            m_document->setModified(false);
    });
}

void MainWindow::openAttachDialog()
{
    if (isHolding())
        return;
    auto *dialog = new AttachDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { attach(dialog->target()); });
    dialog->open();
}

bool MainWindow::attach(const AttachTarget &target)
{
    if (isHolding() || (!m_remote && !m_session->maybeSave()))
        return false;
    return m_session->replaceWhenStopped(tr("Attach"), tr("Terminate and Attach"),
                                         [this, target] { beginAttach(target); });
}

void MainWindow::beginAttach(const AttachTarget &target)
{
    m_document->clear(); // nothing runs here any more (replaceWhenStopped)
    m_control->close();
    m_attachTarget = target;
    auto *client = new EngineClient;
    m_remote = new RemoteSession(client, m_manager, this);
    connect(m_remote, &RemoteSession::attached, this, [this] {
        qCDebug(lcSession) << "attached to" << m_attachTarget.toString() << "with" << m_manager->count() << "entries";
        updateAttachedState();
        showStatus(tr("Attached to %1: closing the window leaves its entries running").arg(attachedName()),
                   StatusTimeoutMs);
    });
    connect(m_remote, &RemoteSession::detached, this, &MainWindow::connectionLost);
    connect(client, &EngineClient::failed, this, &MainWindow::connectionLost);
    connect(m_remote, &RemoteSession::requestFailed, this,
            [this](const QString &message) { showStatus(message, StatusTimeoutMs); });
    for (QAction *action : {m_ui->actionSave, m_ui->actionSaveAs, m_ui->actionImportProcfile, m_ui->actionExportProcfile}) {
        m_attachedToolTips.insert(action, action->toolTip());
        action->setToolTip(tr("Not while attached: the session and its file belong to the ProcDeck attached to"));
    }
    client->open(target);
    showStatus(tr("Attaching to %1…").arg(target.displayName()));
    updateAttachedState();
}

void MainWindow::detach()
{
    if (!m_remote)
        return;
    const QString name = attachedName();
    dropRemote();
    leaveAttachedMode(tr("Detached from %1: its entries keep running there").arg(name));
}

void MainWindow::dropRemote()
{
    RemoteSession *remote = m_remote;
    m_remote = nullptr;
    disconnect(remote, nullptr, this, nullptr);
    disconnect(remote->client(), nullptr, this, nullptr);
    delete remote; // the mirrors go; nothing is stopped there
}

// The connection ended (the other ProcDeck quit, ssh lost the link) or never came: emitted by the
// session (or its client) itself, so it is deleted once its signal has returned.
void MainWindow::connectionLost(const QString &reason)
{
    if (!m_remote)
        return;
    const QString name = attachedName();
    RemoteSession *remote = m_remote;
    m_remote = nullptr;
    disconnect(remote, nullptr, this, nullptr);
    disconnect(remote->client(), nullptr, this, nullptr);
    connect(remote, &QObject::destroyed, this, [this, name, reason] {
        if (m_quitting) {
            close(); // Stop Them and Quit: nothing is left to wait for
            return;
        }
        leaveAttachedMode(tr("Connection to %1 lost: %2").arg(name, reason));
    });
    remote->deleteLater();
}

// Back to an empty untitled session of this window's own, serving its own control socket.
void MainWindow::leaveAttachedMode(const QString &status)
{
    m_document->clear();
    for (auto it = m_attachedToolTips.cbegin(); it != m_attachedToolTips.cend(); ++it)
        it.key()->setToolTip(it.value());
    m_attachedToolTips.clear();
    if (!m_control->listen(m_document->filePath()))
        showStatus(tr("No control socket for procdeck ctl: %1").arg(m_control->errorString()), StatusTimeoutMs);
    updateAttachedState();
    showStatus(status);
}

// The title, the status bar's mark and the File actions follow the mode.
void MainWindow::updateAttachedState()
{
    const bool attached = m_remote != nullptr;
    if (attached) {
        const QJsonObject hello = m_remote->client()->hello();
        m_attachLabel->setText(hello.isEmpty()
                                   ? tr("Attaching to %1…").arg(attachedName())
                                   : tr("Attached to %1 (%2, PID %3)")
                                         .arg(attachedName(),
                                              hello.value(u"mode"_s).toString() == u"headless"_s ? tr("headless")
                                                                                                  : tr("window"))
                                         .arg(hello.value(u"pid"_s).toInteger()));
        m_attachLabel->setToolTip(tr("This window shows a session run by another ProcDeck (%1). Closing the "
                                     "window or File › Detach leaves its entries running.")
                                      .arg(VisibleText::visible(m_attachTarget.toString())));
    }
    m_attachLabel->setVisible(attached);
    updateTitle();
    updateActions();
    updateEmptyText();
}

// The attached ProcDeck's name as its hello gives it ("stack"), "stack on host" over SSH; the
// target's own words until the hello is there.
QString MainWindow::attachedName() const
{
    const QString name = m_remote ? m_remote->client()->hello().value(u"name"_s).toString() : QString();
    if (name.isEmpty())
        return VisibleText::visible(m_attachTarget.displayName());
    if (m_attachTarget.kind == AttachTarget::Kind::Ssh)
        return VisibleText::visible(tr("%1 on %2", "attached session on a host").arg(name, m_attachTarget.host));
    return VisibleText::visible(name);
}

// File › Quit. Attached, with entries alive there: whether to stop them too. Stop Them and Quit
// sends stop to every entry and quits when the mirrors report none alive (as the window's own
// Terminate and Quit: the user sees them end, and a second Quit or Kill Now kills them there);
// Leave Them Running detaches and quits at once.
void MainWindow::quit()
{
    if (!m_remote || m_quitting || m_manager->aliveCount() == 0) {
        close();
        return;
    }
    const QString name = attachedName();
    const auto answer = m_prompt->question(
        tr("Quit ProcDeck"), tr("Stop the entries of %1 too?").arg(name),
        QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::Cancel,
        tr("%n entries are running in %1, another ProcDeck. Left running, they go on without this "
           "window (attach again to see them); stopped, each gets its stop signal, then SIGKILL after "
           "its grace period, and ProcDeck quits when they have ended.",
           nullptr, m_manager->aliveCount()).arg(name),
        {{QMessageBox::Yes, tr("Stop Them and Quit")}, {QMessageBox::No, tr("Leave Them Running")}});
    if (answer == QMessageBox::Yes)
        quitWhenStopped(false);
    else if (answer == QMessageBox::No)
        close();
}

// Stop Them and Quit, once the mirrors report none alive. That news comes inside the connection's
// own signal, and closing deletes the connection: the window closes from the event loop instead.
void MainWindow::closeWhenAttachedQuit()
{
    QMetaObject::invokeMethod(this, [this] { close(); }, Qt::QueuedConnection);
}

// closeEvent() while attached: true when it has handled the event. Closing detaches without
// asking; while Stop Them and Quit waits, a second close kills what is left there.
bool MainWindow::closeAttached(QCloseEvent *event)
{
    if (!m_remote)
        return false;
    if (m_quitting && m_manager->aliveCount() > 0) {
        quitWhenStopped(true);
        event->ignore();
        return true;
    }
    dropRemote();
    writeSettings();
    event->accept();
    return true;
}
