#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "aboutbox.h"
#include "controlserver.h"
#include "detailspanel.h"
#include "joindialog.h"
#include "joinoperation.h"
#include "managedprocess.h"
#include "notifier.h"
#include "outputlog.h"
#include "outputpane.h"
#include "outputview.h"
#include "preferencesdialog.h"
#include "processdelegate.h"
#include "processtableview.h"
#include "processdialog.h"
#include "processfiltermodel.h"
#include "processmanager.h"
#include "processtablemodel.h"
#include "remotesession.h"
#include "procstats.h"
#include "sessiondocument.h"
#include "stackgraphview.h"
#include "settings.h"
#include "signalnames.h"
#include "triggermonitor.h"
#include "userprompt.h"
#include "version.h"
#include "visibletext.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenu>
#include <QLabel>
#include <QPushButton>
#include <QStatusBar>

#include <algorithm>
#include <csignal>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_manager(new ProcessManager(this))
    , m_document(new SessionDocument(m_manager, this))
    , m_notifier(new Notifier(this))
    , m_prompt(new UserPrompt(this))
    , m_session(new SessionController(m_document, m_manager, m_prompt, this))
    , m_limitsReason(tr("Limits need a cgroup, which this system does not offer"))
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon::fromTheme(QLatin1StringView(ProcDeck::applicationId()), QIcon(QStringLiteral(":/icons/procdeck.svg"))));

    m_stats = new ProcStats(this);
    m_model = new ProcessTableModel(m_manager, this);
    m_model->setStats(m_stats);
    m_proxy = new ProcessFilterModel(this);
    m_proxy->setSourceModel(m_model);
    createTable();
    m_outputPane = new OutputPane(m_manager, this);
    m_ui->splitter->addWidget(m_outputPane);
    m_ui->splitter->setStretchFactor(0, 2);
    m_ui->splitter->setStretchFactor(1, 3);

    createDetailsDock();
    createGraphDock();
    createActions();
    createStatusBar();
    createAttachActions();
    readSettings();
    // Tab walks the window's parts: the table, the output, the input line, the filter box
    // (focusNextPrevChild()). The table has the focus first: Ctrl+A, F5 starts every entry.
    setTabOrder(m_ui->processTable, m_outputPane->view());
    setTabOrder(m_outputPane->view(), m_outputPane->inputEdit());
    setTabOrder(m_outputPane->inputEdit(), m_ui->filterEdit);
    m_ui->processTable->setFocus(Qt::OtherFocusReason);

    connectWindow();
    createControlServer();

    updateTitle();
    updateActions();
    updateCounts();
    updateEmptyText();
}

// An attached session that is being deleted later (a lost connection) goes before the manager it
// mirrors into.
MainWindow::~MainWindow()
{
    qDeleteAll(findChildren<RemoteSession *>(Qt::FindDirectChildrenOnly));
}

ProcessManager *MainWindow::manager() const { return m_manager; }
DetailsPanel *MainWindow::detailsPanel() const { return m_details; }
ProcStats *MainWindow::stats() const { return m_stats; }
Notifier *MainWindow::notifier() const { return m_notifier; }
ControlServer *MainWindow::controlServer() const { return m_control; }
SessionDocument *MainWindow::document() const { return m_document; }
UserPrompt *MainWindow::prompt() const { return m_prompt; }
OutputPane *MainWindow::outputPane() const { return m_outputPane; }
QStringList MainWindow::lastJoinReport() const { return m_lastJoinReport; }

// The process table: the model behind the filter, the delegate, the columns (ProcessTableView).
void MainWindow::createTable()
{
    ProcessTableView *table = m_ui->processTable;
    table->setModel(m_proxy);
    table->setItemDelegate(new ProcessDelegate(this));
    table->sortByColumn(-1, Qt::AscendingOrder); // session order until a header is clicked
    table->horizontalHeader()->setSectionsMovable(true);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->applyDefaultWidths();
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    table->enterFrom(m_ui->filterEdit);
    connect(table, &ProcessTableView::columnsChanged, this,
            [this] { Settings().setValue(Settings::Keys::WindowTableColumns, m_ui->processTable->saveColumns()); });
}

// What the window follows: the selection, the entries, the session, the status bar.
void MainWindow::connectWindow()
{
    connect(m_ui->processTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QList<ManagedProcess *> selection = selectedProcesses();
        m_outputPane->setSelectedProcesses(selection);
        m_details->setProcess(selection.isEmpty() ? nullptr : selection.constFirst());
        updateActions();
    });
    connect(m_ui->processTable, &QTableView::doubleClicked, this, &MainWindow::editProcess);
    connect(m_outputPane, &OutputPane::message, this,
            [this](const QString &text) { showStatus(text, StatusTimeoutMs); });
    connect(m_manager, &ProcessManager::processAboutToBeRemoved, this,
            [this](int row) { clearStatusAbout(m_manager->at(row)); });
    // A watch that could not be set up in full (the inotify limit) says so here and in the output.
    connect(m_manager->triggers(), &TriggerMonitor::warningRaised, this,
            [this](ManagedProcess *process, const QString &text) {
                showStatus(tr("%1: %2").arg(VisibleText::visible(process->spec().name), text), 0, {process});
            });
    connect(statusBar(), &QStatusBar::messageChanged, this, [this](const QString &text) {
        if (text.isEmpty()) {
            m_statusEntries.clear();
            m_statusAboutSession = false;
        }
    });
    connect(m_document, &SessionDocument::filePathChanged, this, [this] {
        if (m_statusAboutSession && m_statusSession != m_document->filePath())
            statusBar()->clearMessage();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyText);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateEmptyText);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyText);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, &MainWindow::updateEmptyText);
    connect(m_session, &SessionController::replacingChanged, this, &MainWindow::updateActions);
    connect(m_manager, &ProcessManager::processesChanged, this, [this] {
        updateActions();
        updateCounts();
    });
    connect(m_manager, &ProcessManager::processAdded, this, &MainWindow::updateCounts);
    connect(m_manager, &ProcessManager::processAdded, this,
            [this](int row) { watchForUnexpectedEnds(m_manager->at(row)); });
    connect(m_manager, &ProcessManager::processRemoved, this, &MainWindow::updateCounts);
    connect(m_document, &SessionDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &SessionDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_manager, &ProcessManager::allStopped, this, [this] {
        if (m_quitting && m_remote)
            closeWhenAttachedQuit();
        else if (m_quitting)
            close();
    });
}

void MainWindow::createActions()
{
    struct ActionSetup
    {
        QAction *action;
        const char *theme;
        const char *fallback;
        void (MainWindow::*slot)();
    };
    const ActionSetup setups[] = {
        {m_ui->actionNew, "document-new", "new", nullptr},
        {m_ui->actionOpen, "document-open", "open", nullptr},
        {m_ui->actionSave, "document-save", "save", nullptr},
        {m_ui->actionSaveAs, "document-save-as", "save", nullptr},
        {m_ui->actionQuit, "application-exit", nullptr, nullptr},
        {m_ui->actionAttach, "network-connect", nullptr, nullptr},
        {m_ui->actionDetach, "network-disconnect", nullptr, nullptr},
        {m_ui->actionAdd, "list-add", "add", &MainWindow::addProcess},
        {m_ui->actionEdit, "document-edit", "edit", &MainWindow::editProcess},
        {m_ui->actionDuplicate, "edit-copy", "duplicate", &MainWindow::duplicateProcesses},
        {m_ui->actionScale, "zoom-in", nullptr, &MainWindow::scaleProcess},
        {m_ui->actionRemove, "list-remove", "remove", &MainWindow::removeProcesses},
        {m_ui->actionStart, "media-playback-start", "start", &MainWindow::startProcesses},
        {m_ui->actionJoin, "appointment-soon", "join", &MainWindow::joinProcesses},
        {m_ui->actionTerminate, "process-stop", "terminate", &MainWindow::terminateProcesses},
        {m_ui->actionKill, "process-kill", "kill", &MainWindow::killProcesses},
        {m_ui->actionRestart, "view-refresh", "restart", &MainWindow::restartProcesses},
        {m_ui->actionPause, "media-playback-pause", nullptr, &MainWindow::pauseProcesses},
        {m_ui->actionResume, "media-playback-start", nullptr, &MainWindow::resumeProcesses},
        {m_ui->actionStartAll, "media-seek-forward", "start", &MainWindow::startAllProcesses},
        {m_ui->actionStopAll, "process-stop", "terminate", &MainWindow::stopAllProcesses},
        {m_ui->actionClearFinished, "edit-clear-all", "remove", &MainWindow::clearFinished},
        {m_ui->actionAbout, "help-about", nullptr, &MainWindow::about},
    };
    for (const ActionSetup &setup : setups) {
        // Our own icons where the desktop has no theme (and for a consistent toolbar).
        const QIcon fallback = setup.fallback
            ? QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(setup.fallback)))
            : QIcon();
        setup.action->setIcon(QIcon::fromTheme(QLatin1String(setup.theme), fallback));
        if (setup.slot)
            connect(setup.action, &QAction::triggered, this, setup.slot);
    }
    connect(m_ui->actionNew, &QAction::triggered, m_session, &SessionController::newSession);
    connect(m_ui->actionOpen, &QAction::triggered, m_session, &SessionController::openSession);
    connect(m_ui->actionSave, &QAction::triggered, m_session, &SessionController::saveSession);
    connect(m_ui->actionSaveAs, &QAction::triggered, m_session, &SessionController::saveSessionAs);
    connect(m_session, &SessionController::statusMessage, this, &MainWindow::showSessionStatus);
    connect(m_session, &SessionController::selectRequested, this, &MainWindow::selectProcesses);
    connect(m_ui->actionSelectAll, &QAction::triggered, m_ui->processTable, &QTableView::selectAll);
    const std::pair<QAction *, int> signalActions[] = {
        {m_ui->actionSignalInt, SIGINT},   {m_ui->actionSignalHup, SIGHUP},
        {m_ui->actionSignalUsr1, SIGUSR1}, {m_ui->actionSignalUsr2, SIGUSR2},
        {m_ui->actionSignalTerm, SIGTERM}, {m_ui->actionSignalKill, SIGKILL},
    };
    for (const auto &[action, signal] : signalActions)
        connect(action, &QAction::triggered, this, [this, signal = signal] { signalProcesses(signal); });
    connect(m_ui->actionNotify, &QAction::toggled, m_notifier, &Notifier::setEnabled);
    // QKeySequence::Preferences has no key on Linux: Ctrl+, as elsewhere.
    m_ui->actionPreferences->setShortcuts(QKeySequence::keyBindings(QKeySequence::Preferences)
                                          << QKeySequence(Qt::CTRL | Qt::Key_Comma));
    connect(m_ui->actionPreferences, &QAction::triggered, this, &MainWindow::showPreferences);
    connect(m_ui->actionImportProcfile, &QAction::triggered, m_session, &SessionController::importProcfile);
    connect(m_ui->actionExportProcfile, &QAction::triggered, m_session, &SessionController::exportProcfile);
    addAction(m_ui->actionFilter);
    connect(m_ui->actionFilter, &QAction::triggered, this, [this] {
        m_ui->filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_ui->filterEdit->selectAll();
    });
    connect(m_ui->filterEdit, &QLineEdit::textChanged, m_proxy, &ProcessFilterModel::setFilterText);
    m_session->setRecentMenu(m_ui->menuRecent);
    m_ui->actionRemove->setShortcuts({QKeySequence::Delete});
    createMenus();
    addShortcutsToToolTips();
}

// Every tooltip ends with its action's shortcut, so the toolbar teaches the keyboard.
void MainWindow::addShortcutsToToolTips()
{
    for (QAction *action : findChildren<QAction *>()) {
        const QKeySequence shortcut = action->shortcut();
        if (shortcut.isEmpty() || action->toolTip().isEmpty())
            continue;
        const QString keys = shortcut.toString(QKeySequence::NativeText);
        if (!action->toolTip().endsWith(u'(' + keys + u')'))
            action->setToolTip(tr("%1 (%2)", "tooltip (shortcut)").arg(action->toolTip(), keys));
    }
}

// The table's context menu (the verbs and the entry actions) and the View menu.
void MainWindow::createMenus()
{
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_ui->processTable->addActions({m_ui->actionStart, m_ui->actionJoin, m_ui->actionTerminate,
                                    m_ui->actionKill, m_ui->actionRestart, separator});
    auto *separator2 = new QAction(this);
    separator2->setSeparator(true);
    m_ui->processTable->addActions({m_ui->actionPause, m_ui->actionResume, m_ui->menuSignal->menuAction(),
                                    separator2, m_ui->actionEdit, m_ui->actionDuplicate, m_ui->actionScale,
                                    m_ui->actionRemove});

    m_ui->menuView->insertAction(m_ui->menuView->actions().value(0), m_ui->mainToolBar->toggleViewAction());
    m_ui->menuView->addSeparator();
    m_ui->menuView->addAction(m_ui->actionNotify);
    const QList<QAction *> paneActions = m_outputPane->actions();
    if (!paneActions.isEmpty()) {
        m_ui->menuView->addSeparator();
        m_ui->menuView->addActions(paneActions);
    }
}

void MainWindow::createDetailsDock()
{
    m_details = new DetailsPanel(m_manager, m_stats, this);
    auto *dock = new QDockWidget(tr("Details"), this);
    dock->setObjectName(QStringLiteral("detailsDock"));
    dock->setWidget(m_details);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                      | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    fitDetailsDock();
    QAction *toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("actionShowDetails"));
    toggle->setShortcut(QKeySequence(QStringLiteral("Ctrl+I")));
    toggle->setStatusTip(tr("Show the selected entry's command, times and process tree"));
    m_ui->menuView->addAction(toggle);
}

// Until its width is set by hand or by a saved layout, the details dock takes a share of the
// window, so that a wide window shows the Processes tree's columns; at least 230 px, which leaves
// the table room for its columns at 1024 px.
void MainWindow::fitDetailsDock()
{
    constexpr int MinimumWidth = 230;
    auto *dock = m_details ? qobject_cast<QDockWidget *>(m_details->parentWidget()) : nullptr;
    if (!dock || dock->isFloating() || m_detailsShareWidth < 0)
        return;
    if (m_detailsShareWidth > 0 && dock->isVisible() && qAbs(dock->width() - m_detailsShareWidth) > 4) {
        m_detailsShareWidth = -1; // its separator was moved: the width is the user's
        return;
    }
    m_detailsShareWidth = std::max(MinimumWidth, width() * 2 / 9);
    resizeDocks({dock}, {m_detailsShareWidth}, Qt::Horizontal);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    fitDetailsDock();
}

bool MainWindow::focusNextPrevChild(bool next)
{
    const QList<QWidget *> parts = {m_ui->processTable, m_graph, m_outputPane->view(), m_outputPane->inputEdit(),
                                    m_ui->filterEdit};
    const qsizetype current = parts.indexOf(focusWidget());
    if (current < 0)
        return QMainWindow::focusNextPrevChild(next);
    for (qsizetype step = 1; step < parts.size(); ++step) {
        QWidget *part = parts.at((current + (next ? step : parts.size() - step)) % parts.size());
        if (part->isEnabled() && part->isVisible()) {
            part->setFocus(next ? Qt::TabFocusReason : Qt::BacktabFocusReason);
            return true;
        }
    }
    return true;
}

// Status messages quote names and errors from session files: shown with their control characters
// visible (VisibleText).
void MainWindow::showStatus(const QString &text, int timeoutMs, const QList<ManagedProcess *> &about)
{
    statusBar()->showMessage(VisibleText::visible(text), timeoutMs);
    m_statusAboutSession = false;
    m_statusEntries.clear();
    for (const ManagedProcess *process : about)
        m_statusEntries.append(process->id());
}

void MainWindow::showSessionStatus(const QString &text, int timeoutMs)
{
    showStatus(text, timeoutMs);
    m_statusAboutSession = true;
    m_statusSession = m_document->filePath();
}

// A message about an entry that is gone would read as if it were still there.
void MainWindow::clearStatusAbout(const ManagedProcess *gone)
{
    if (m_statusEntries.contains(gone->id()))
        statusBar()->clearMessage();
}

void MainWindow::createStatusBar()
{
    m_joinLabel = new QLabel(this);
    m_joinCancel = new QPushButton(tr("Cancel Join"), this);
    m_joinCancel->setObjectName(QStringLiteral("joinCancelButton"));
    connect(m_joinCancel, &QPushButton::clicked, this, &MainWindow::cancelJoin);
    m_joinLabel->hide();
    m_joinCancel->hide();
    m_killNow = new QPushButton(tr("Kill Now"), this);
    m_killNow->setObjectName(QStringLiteral("killNowButton"));
    m_killNow->setToolTip(tr("Stop waiting for the grace periods: SIGKILL to every entry that is still running, then quit"));
    connect(m_killNow, &QPushButton::clicked, this, [this] { quitWhenStopped(true); });
    m_killNow->hide();
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    statusBar()->addPermanentWidget(m_joinLabel);
    statusBar()->addPermanentWidget(m_joinCancel);
    statusBar()->addPermanentWidget(m_killNow);
    statusBar()->addPermanentWidget(m_countsLabel);
    statusBar()->showMessage(tr("Ready"), 2000);
}

void MainWindow::readSettings()
{
    using Keys = Settings::Keys;
    const Settings s;
    const QByteArray geometry = s.value(Keys::WindowGeometry);
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    if (restoreState(s.value(Keys::WindowState)))
        m_detailsShareWidth = -1; // the dock's width as it was left
    const QByteArray splitter = s.value(Keys::WindowSplitter);
    if (splitter.isEmpty())
        m_ui->splitter->setSizes({300, 400});
    else
        m_ui->splitter->restoreState(splitter);
    m_ui->processTable->restoreColumns(s.value(Keys::WindowTableColumns));
    m_lastJoinTimeout = s.value(Keys::LastJoinTimeout);
    applyPreferences(Preferences::read(s));
    m_notifier->setEnabled(m_ui->actionNotify->isChecked());
}

void MainWindow::writeSettings() const
{
    using Keys = Settings::Keys;
    Settings s;
    s.setValue(Keys::WindowGeometry, saveGeometry());
    s.setValue(Keys::WindowState, saveState());
    s.setValue(Keys::WindowSplitter, m_ui->splitter->saveState());
    s.setValue(Keys::WindowTableColumns, m_ui->processTable->saveColumns());
    s.setValue(Keys::LastJoinTimeout, m_lastJoinTimeout);
    s.setValue(Keys::NotifyUnexpectedEnds, m_ui->actionNotify->isChecked());
    s.setValue(Keys::OutputTimestamps, m_outputPane->view()->timestampsVisible());
}

QList<ManagedProcess *> MainWindow::selectedProcesses() const
{
    // From the selection's ranges: selectedRows() tests every row against every range, which is
    // quadratic in the size of the selection (1,000 selected entries: a million tests per call).
    QList<int> rows;
    const QItemSelection selection = m_ui->processTable->selectionModel()->selection();
    for (const QItemSelectionRange &range : selection) {
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows.append(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
    }
    std::sort(rows.begin(), rows.end()); // session order, whatever the sorting of the view
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QList<ManagedProcess *> processes;
    processes.reserve(rows.size());
    for (int row : std::as_const(rows)) {
        if (row >= 0 && row < m_manager->count())
            processes.append(m_manager->at(row));
    }
    return processes;
}

void MainWindow::selectProcesses(const QList<ManagedProcess *> &processes)
{
    // Adjacent rows as one range each: a selection of many single rows is slow to work with.
    QList<int> rows;
    rows.reserve(processes.size());
    for (ManagedProcess *process : processes) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(process));
        if (index.isValid())
            rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end());
    QItemSelection selection;
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) <= rows.at(j) + 1)
            ++j;
        selection.select(m_proxy->index(rows.at(i), 0), m_proxy->index(rows.at(j), ProcessTableModel::ColumnCount - 1));
        i = j + 1;
    }
    QItemSelectionModel *model = m_ui->processTable->selectionModel();
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (!selection.isEmpty())
        model->setCurrentIndex(selection.constFirst().topLeft(), QItemSelectionModel::NoUpdate);
}

void MainWindow::updateActions()
{
    const QList<ManagedProcess *> selection = selectedProcesses();
    const auto any = [](const QList<ManagedProcess *> &processes, bool (ManagedProcess::*question)() const) {
        return std::any_of(processes.begin(), processes.end(),
                           [question](const ManagedProcess *p) { return (p->*question)(); });
    };
    // While quitting (or replacing the session) nothing new starts: the window is on its way out.
    const bool holding = isHolding();
    const QList<ManagedProcess *> all = m_manager->processes();
    m_ui->actionStart->setEnabled(!holding && any(selection, &ManagedProcess::canStart));
    m_ui->actionJoin->setEnabled(any(selection, &ManagedProcess::hasPendingWork) && !m_join);
    m_ui->actionTerminate->setEnabled(any(selection, &ManagedProcess::canTerminate));
    m_ui->actionKill->setEnabled(any(selection, &ManagedProcess::canKill));
    m_ui->actionRestart->setEnabled(!holding && !selection.isEmpty());
    m_ui->actionPause->setEnabled(any(selection, &ManagedProcess::canPause));
    m_ui->actionResume->setEnabled(any(selection, &ManagedProcess::canResume));
    m_ui->menuSignal->setEnabled(any(selection, &ManagedProcess::isAlive));
    m_ui->actionEdit->setEnabled(selection.size() == 1);
    m_ui->actionDuplicate->setEnabled(!holding && !selection.isEmpty());
    m_ui->actionScale->setEnabled(!holding && selection.size() == 1
                                  && !selection.constFirst()->replicaGroup().isEmpty());
    m_ui->actionRemove->setEnabled(!selection.isEmpty());
    m_ui->actionSelectAll->setEnabled(m_manager->count() > 0);
    m_ui->actionStartAll->setEnabled(!holding && any(all, &ManagedProcess::canStart));
    m_ui->actionStopAll->setEnabled(any(all, &ManagedProcess::canTerminate));
    m_ui->actionClearFinished->setEnabled(any(all, &ManagedProcess::isFinished));
    for (QAction *action : {m_ui->actionAdd, m_ui->actionOpen, m_ui->actionNew, m_ui->actionAttach})
        action->setEnabled(!holding);
    // Attached, the session file is the other ProcDeck's (mainwindowattach.cpp).
    for (QAction *action : {m_ui->actionSave, m_ui->actionSaveAs, m_ui->actionImportProcfile, m_ui->actionExportProcfile})
        action->setEnabled(!m_remote && (action != m_ui->actionImportProcfile || !holding));
    m_ui->actionDetach->setEnabled(m_remote != nullptr && !m_quitting);
    m_ui->menuRecent->setEnabled(!holding && !m_session->recentFiles().isEmpty());
}

bool MainWindow::isHolding() const
{
    return m_quitting || m_session->isReplacing();
}

void MainWindow::updateTitle()
{
    if (m_remote) {
        setWindowFilePath({});
        setWindowTitle(tr("%1 — attached — %2").arg(attachedName(), tr("ProcDeck")));
        setWindowModified(false);
        return;
    }
    const QString path = m_document->filePath();
    setWindowFilePath(path.isEmpty() ? tr("Untitled") : path);
    setWindowTitle(QStringLiteral("%1[*] — %2")
                       .arg(path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName(), tr("ProcDeck")));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateCounts()
{
    int counts[4] = {};
    for (const ManagedProcess *process : m_manager->processes()) {
        switch (ProcessTableModel::outcome(process)) {
        case ProcessTableModel::Outcome::Running: ++counts[0]; break;
        case ProcessTableModel::Outcome::Paused: ++counts[1]; break;
        case ProcessTableModel::Outcome::Ended: ++counts[2]; break;
        case ProcessTableModel::Outcome::Failed: ++counts[3]; break;
        case ProcessTableModel::Outcome::NotStarted: break;
        }
    }
    m_countsLabel->setText(tr("%1 running · %2 paused · %3 ended · %4 failed")
                               .arg(counts[0]).arg(counts[1]).arg(counts[2]).arg(counts[3]));
    m_countsLabel->setToolTip(tr("%n entries in this session", nullptr, m_manager->count()) + u'\n'
                              + tr("Failed: the rows whose State says so (a start that failed, a non-zero exit, "
                                   "a signal ProcDeck did not send, out of memory)"));
}

// The hint in the empty table: how to add the first command, or that the filter hides them all.
void MainWindow::updateEmptyText()
{
    const QString filter = m_ui->filterEdit->text();
    if (m_remote && m_manager->count() == 0)
        m_ui->processTable->setEmptyText(m_remote->isAttached()
                                             ? tr("%1 has no entries — Add… (Ctrl+N) adds one there").arg(attachedName())
                                             : tr("Attaching to %1…").arg(attachedName()));
    else if (m_manager->count() == 0)
        m_ui->processTable->setEmptyText(tr("No commands yet — Add… (Ctrl+N) or Open… (Ctrl+O)"));
    else if (!filter.isEmpty())
        m_ui->processTable->setEmptyText(tr("No entry matches “%1”")
                                             .arg(VisibleText::visible(filter)));
    else
        m_ui->processTable->setEmptyText({});
}

void MainWindow::reportProblems(const QStringList &problems, const QList<ManagedProcess *> &about)
{
    if (!problems.isEmpty())
        showStatus(problems.join(u" · "_s), StatusTimeoutMs, about);
}

// --- Session files --------------------------------------------------------------------------

bool MainWindow::openFile(const QString &path, StartEntries which)
{
    detach(); // an attached session is left first, as by File › Open
    return m_session->openFile(path, which);
}

void MainWindow::setLimitsAvailability(bool available, const QString &reason)
{
    m_limitsAvailable = available;
    m_limitsReason = reason;
}

QStringList MainWindow::recentFiles() const
{
    return m_session->recentFiles();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (closeAttached(event))
        return;
    if (m_quitting) {
        if (m_manager->aliveCount() == 0) {
            writeSettings();
            event->accept();
            return;
        }
        quitWhenStopped(true); // a second Quit while the grace periods run: stop waiting
        event->ignore();
        return;
    }
    if (!m_session->maybeSave()) {
        event->ignore();
        return;
    }
    const int alive = m_manager->aliveCount();
    if (alive > 0) {
        const auto answer = m_prompt->question(
            tr("Quit ProcDeck"), tr("%n entries are still running.", nullptr, alive),
            QMessageBox::Yes | QMessageBox::Abort | QMessageBox::Cancel, QMessageBox::Cancel,
            tr("Terminate them (each one's stop signal, then SIGKILL after its grace period) and quit "
               "when they have ended, or kill them now and quit?"),
            {{QMessageBox::Yes, tr("Terminate and Quit")}, {QMessageBox::Abort, tr("Kill Now and Quit")}});
        if (answer == QMessageBox::Yes || answer == QMessageBox::Abort)
            quitWhenStopped(answer == QMessageBox::Abort);
        event->ignore(); // closed again by allStopped
        return;
    }
    writeSettings();
    event->accept();
}

// Quit once every entry has ended: terminated (grace periods apply) or killed now. The window
// holds meanwhile: nothing starts, no session opens (updateActions()).
void MainWindow::quitWhenStopped(bool kill)
{
    const int alive = m_manager->aliveCount();
    if (!m_quitting) {
        m_quitting = true;
        m_manager->terminateAll(); // allStopped closes the window
        updateActions();
    }
    if (kill) {
        for (ManagedProcess *process : m_manager->processes()) {
            if (process->isAlive())
                process->kill();
        }
        m_killNow->hide();
        showStatus(tr("Killing %n entries before quitting…", nullptr, alive));
        return;
    }
    m_killNow->show();
    showStatus(tr("Stopping %n entries before quitting… (Quit again or Kill Now to kill them)", nullptr, alive));
}

// The control socket (ControlServer): `procdeck ctl` drives this window's entries. Its name
// follows the session file (an unsaved window is untitled-PID).
void MainWindow::createControlServer()
{
    m_control = new ControlServer(m_manager, ControlServer::Kind::Window, this);
    const auto listen = [this] {
        if (!m_control->listen(m_document->filePath()))
            showStatus(tr("No control socket for procdeck ctl: %1").arg(m_control->errorString()), StatusTimeoutMs);
    };
    listen();
    connect(m_document, &SessionDocument::filePathChanged, m_control, listen);
    connect(m_control, &ControlServer::quitRequested, this, &MainWindow::quitFromControl);
}

// `procdeck ctl quit`: as Quit's "Terminate and Quit", without asking anything (a script must not
// wait on a dialog nobody sees); unsaved changes to the session are not saved.
void MainWindow::quitFromControl()
{
    if (m_manager->aliveCount() > 0) {
        quitWhenStopped(false); // allStopped closes the window
        return;
    }
    m_quitting = true;
    close();
}

void MainWindow::about()
{
    AboutBox::open(this);
}
