#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "aboutbox.h"
#include "detailspanel.h"
#include "joindialog.h"
#include "joinoperation.h"
#include "managedprocess.h"
#include "notifier.h"
#include "outputlog.h"
#include "outputpane.h"
#include "processdelegate.h"
#include "processdialog.h"
#include "processfiltermodel.h"
#include "processmanager.h"
#include "processtablemodel.h"
#include "procstats.h"
#include "sessiondocument.h"
#include "settings.h"
#include "signalnames.h"
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

namespace {

constexpr int StatusTimeoutMs = 8000;

} // namespace

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
    m_stats->setInterval(Settings().value(Settings::Keys::MonitorIntervalMs));
    m_model = new ProcessTableModel(m_manager, this);
    m_model->setStats(m_stats);
    m_proxy = new ProcessFilterModel(this);
    m_proxy->setSourceModel(m_model);
    m_ui->processTable->setModel(m_proxy);
    m_ui->processTable->setItemDelegate(new ProcessDelegate(this));
    m_ui->processTable->sortByColumn(-1, Qt::AscendingOrder); // session order until a header is clicked
    QHeaderView *header = m_ui->processTable->horizontalHeader();
    header->setSectionsMovable(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const std::pair<int, int> widths[] = {
        {ProcessTableModel::Name, 18}, {ProcessTableModel::Pid, 8},      {ProcessTableModel::Alive, 7},
        {ProcessTableModel::State, 21}, {ProcessTableModel::Exit, 13},   {ProcessTableModel::Started, 9},
        {ProcessTableModel::RunTime, 8}, {ProcessTableModel::Cpu, 8},    {ProcessTableModel::Memory, 10},
        {ProcessTableModel::Processes, 6}, {ProcessTableModel::Restarts, 8},
    };
    for (const auto &[column, chars] : widths)
        header->resizeSection(column, charWidth * chars);
    header->setStretchLastSection(false);
    m_ui->processTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);

    m_outputPane = new OutputPane(m_manager, this);
    m_ui->splitter->addWidget(m_outputPane);
    m_ui->splitter->setStretchFactor(0, 2);
    m_ui->splitter->setStretchFactor(1, 3);

    createDetailsDock();
    createActions();
    createStatusBar();
    readSettings();

    connect(m_ui->processTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QList<ManagedProcess *> selection = selectedProcesses();
        m_outputPane->setSelectedProcesses(selection);
        m_details->setProcess(selection.isEmpty() ? nullptr : selection.constFirst());
        updateActions();
    });
    connect(m_ui->processTable, &QTableView::doubleClicked, this, &MainWindow::editProcess);
    connect(m_outputPane, &OutputPane::message, this,
            [this](const QString &text) { showStatus(text, StatusTimeoutMs); });
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
        if (m_quitting)
            close();
    });

    updateTitle();
    updateActions();
    updateCounts();
}

MainWindow::~MainWindow() = default;

ProcessManager *MainWindow::manager() const { return m_manager; }
DetailsPanel *MainWindow::detailsPanel() const { return m_details; }
ProcStats *MainWindow::stats() const { return m_stats; }
Notifier *MainWindow::notifier() const { return m_notifier; }
SessionDocument *MainWindow::document() const { return m_document; }
UserPrompt *MainWindow::prompt() const { return m_prompt; }
OutputPane *MainWindow::outputPane() const { return m_outputPane; }
QStringList MainWindow::lastJoinReport() const { return m_lastJoinReport; }

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
        {m_ui->actionAdd, "list-add", "add", &MainWindow::addProcess},
        {m_ui->actionEdit, "document-edit", "edit", &MainWindow::editProcess},
        {m_ui->actionDuplicate, "edit-copy", "duplicate", &MainWindow::duplicateProcesses},
        {m_ui->actionRemove, "list-remove", "remove", &MainWindow::removeProcesses},
        {m_ui->actionStart, "media-playback-start", "start", &MainWindow::startProcesses},
        {m_ui->actionJoin, "appointment-soon", "join", &MainWindow::joinProcesses},
        {m_ui->actionTerminate, "process-stop", "terminate", &MainWindow::terminateProcesses},
        {m_ui->actionKill, "process-kill", "kill", &MainWindow::killProcesses},
        {m_ui->actionRestart, "view-refresh", "restart", &MainWindow::restartProcesses},
        {m_ui->actionPause, "media-playback-pause", nullptr, &MainWindow::pauseProcesses},
        {m_ui->actionResume, "media-playback-start", nullptr, &MainWindow::resumeProcesses},
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
    connect(m_session, &SessionController::statusMessage, this, &MainWindow::showStatus);
    connect(m_session, &SessionController::selectRequested, this, &MainWindow::selectProcesses);
    connect(m_ui->actionQuit, &QAction::triggered, this, &MainWindow::close);
    connect(m_ui->actionSelectAll, &QAction::triggered, m_ui->processTable, &QTableView::selectAll);
    const std::pair<QAction *, int> signalActions[] = {
        {m_ui->actionSignalInt, SIGINT},   {m_ui->actionSignalHup, SIGHUP},
        {m_ui->actionSignalUsr1, SIGUSR1}, {m_ui->actionSignalUsr2, SIGUSR2},
        {m_ui->actionSignalTerm, SIGTERM}, {m_ui->actionSignalKill, SIGKILL},
    };
    for (const auto &[action, signal] : signalActions)
        connect(action, &QAction::triggered, this, [this, signal = signal] { signalProcesses(signal); });
    connect(m_ui->actionNotify, &QAction::toggled, m_notifier, &Notifier::setEnabled);
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
                                    separator2, m_ui->actionEdit, m_ui->actionDuplicate, m_ui->actionRemove});

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
    resizeDocks({dock}, {340}, Qt::Horizontal);
    QAction *toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("actionShowDetails"));
    toggle->setShortcut(QKeySequence(QStringLiteral("Ctrl+I")));
    toggle->setStatusTip(tr("Show the selected entry's command, times and process tree"));
    m_ui->menuView->addAction(toggle);
}

// Status messages quote names and errors from session files: shown with their control characters
// visible (VisibleText).
void MainWindow::showStatus(const QString &text, int timeoutMs)
{
    statusBar()->showMessage(VisibleText::visible(text), timeoutMs);
}

void MainWindow::createStatusBar()
{
    m_joinLabel = new QLabel(this);
    m_joinCancel = new QPushButton(tr("Cancel Join"), this);
    m_joinCancel->setObjectName(QStringLiteral("joinCancelButton"));
    connect(m_joinCancel, &QPushButton::clicked, this, &MainWindow::cancelJoin);
    m_joinLabel->hide();
    m_joinCancel->hide();
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    statusBar()->addPermanentWidget(m_joinLabel);
    statusBar()->addPermanentWidget(m_joinCancel);
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
    restoreState(s.value(Keys::WindowState));
    const QByteArray splitter = s.value(Keys::WindowSplitter);
    if (splitter.isEmpty())
        m_ui->splitter->setSizes({300, 400});
    else
        m_ui->splitter->restoreState(splitter);
    const QByteArray header = s.value(Keys::WindowTableHeader);
    if (!header.isEmpty())
        m_ui->processTable->horizontalHeader()->restoreState(header);
    m_lastJoinTimeout = s.value(Keys::LastJoinTimeout);
    m_ui->actionNotify->setChecked(s.value(Keys::NotifyUnexpectedEnds));
    m_notifier->setEnabled(m_ui->actionNotify->isChecked());
}

void MainWindow::writeSettings() const
{
    using Keys = Settings::Keys;
    Settings s;
    s.setValue(Keys::WindowGeometry, saveGeometry());
    s.setValue(Keys::WindowState, saveState());
    s.setValue(Keys::WindowSplitter, m_ui->splitter->saveState());
    s.setValue(Keys::WindowTableHeader, m_ui->processTable->horizontalHeader()->saveState());
    s.setValue(Keys::LastJoinTimeout, m_lastJoinTimeout);
    s.setValue(Keys::NotifyUnexpectedEnds, m_ui->actionNotify->isChecked());
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
    const auto any = [&selection](bool (ManagedProcess::*question)() const) {
        return std::any_of(selection.begin(), selection.end(),
                           [question](const ManagedProcess *p) { return (p->*question)(); });
    };
    const bool anyAlive = any(&ManagedProcess::isAlive);
    m_ui->actionStart->setEnabled(any(&ManagedProcess::canStart));
    m_ui->actionJoin->setEnabled(any(&ManagedProcess::hasPendingWork) && !m_join);
    m_ui->actionTerminate->setEnabled(any(&ManagedProcess::canTerminate));
    m_ui->actionKill->setEnabled(any(&ManagedProcess::canKill));
    m_ui->actionRestart->setEnabled(!selection.isEmpty());
    m_ui->actionPause->setEnabled(any(&ManagedProcess::canPause));
    m_ui->actionResume->setEnabled(any(&ManagedProcess::canResume));
    m_ui->menuSignal->setEnabled(anyAlive);
    m_ui->actionEdit->setEnabled(selection.size() == 1);
    m_ui->actionDuplicate->setEnabled(!selection.isEmpty());
    m_ui->actionRemove->setEnabled(!selection.isEmpty());
    m_ui->actionSelectAll->setEnabled(m_manager->count() > 0);
}

void MainWindow::updateTitle()
{
    const QString path = m_document->filePath();
    setWindowFilePath(path.isEmpty() ? tr("Untitled") : path);
    setWindowTitle(QStringLiteral("%1[*] — %2")
                       .arg(path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName(), tr("ProcDeck")));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateCounts()
{
    int running = 0, paused = 0, exited = 0, failed = 0;
    for (const ManagedProcess *process : m_manager->processes()) {
        if (process->state() == ManagedProcess::State::Paused)
            ++paused;
        else if (process->isAlive())
            ++running;
        else if (process->state() == ManagedProcess::State::FailedToStart || process->endedUnexpectedly())
            ++failed;
        else if (process->hasEndedRun())
            ++exited;
    }
    m_countsLabel->setText(tr("%1 running · %2 paused · %3 exited · %4 failed").arg(running).arg(paused).arg(exited).arg(failed));
    m_countsLabel->setToolTip(tr("%n entries in this session", nullptr, m_manager->count()));
}

void MainWindow::reportProblems(const QStringList &problems)
{
    if (!problems.isEmpty())
        showStatus(problems.join(QLatin1String(" · ")), StatusTimeoutMs);
}

// --- Entries --------------------------------------------------------------------------------

// The names of the session's entries except `except`'s (the Add/Edit dialog refuses them).
QStringList MainWindow::entryNames(const ManagedProcess *except) const
{
    QStringList names;
    for (const ManagedProcess *process : m_manager->processes()) {
        if (process != except)
            names.append(process->spec().name);
    }
    return names;
}

void MainWindow::addProcess()
{
    ProcessSpec spec;
    spec.name = m_manager->peekDefaultName();
    auto *dialog = new ProcessDialog(spec, m_manager->baseDirectory(), this);
    dialog->setTakenNames(entryNames(nullptr));
    dialog->setWindowTitle(tr("Add Process"));
    dialog->setLimitsAvailability(m_limitsAvailable, m_limitsReason);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        ManagedProcess *process = m_manager->add(*dialog->spec());
        selectProcesses({process});
        showStatus(tr("Added %1").arg(process->spec().name), StatusTimeoutMs);
    });
    dialog->open();
}

void MainWindow::editProcess()
{
    const QList<ManagedProcess *> selection = selectedProcesses();
    if (selection.size() != 1)
        return;
    QPointer<ManagedProcess> process = selection.constFirst();
    auto *dialog = new ProcessDialog(process->spec(), m_manager->baseDirectory(), this);
    dialog->setTakenNames(entryNames(process));
    dialog->setWindowTitle(tr("Edit %1").arg(VisibleText::visible(process->spec().name)));
    dialog->setLimitsAvailability(m_limitsAvailable, m_limitsReason);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, process] {
        if (!process) // removed while the dialog was open
            return;
        const std::optional<ProcessSpec> spec = dialog->spec();
        if (!spec || *spec == process->spec())
            return;
        process->setSpec(*spec);
        m_document->setModified(true);
        if (process->isAlive())
            showStatus(tr("%1 changed: the changes apply at its next start").arg(spec->name),
                                     StatusTimeoutMs);
    });
    dialog->open();
}

void MainWindow::duplicateProcesses()
{
    QList<ManagedProcess *> copies;
    for (const ManagedProcess *process : selectedProcesses()) {
        ProcessSpec spec = process->spec();
        spec.name.clear(); // a copy gets the next default name, as a new Process() would
        copies.append(m_manager->add(spec));
    }
    selectProcesses(copies);
}

void MainWindow::removeProcesses()
{
    const QList<ManagedProcess *> selection = selectedProcesses();
    if (selection.isEmpty())
        return;
    const qsizetype alive = std::count_if(selection.begin(), selection.end(),
                                          [](const ManagedProcess *p) { return p->isAlive(); });
    if (alive > 0) {
        const auto answer = m_prompt->question(
            tr("Remove Running Entries"),
            tr("%n of the selected entries are still running.", nullptr, int(alive)),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel,
            tr("Terminate them and remove them when they have exited?"));
        if (answer != QMessageBox::Yes)
            return;
    }
    for (ManagedProcess *process : selection)
        m_manager->removeWhenStopped(process);
}

// --- The Process verbs ----------------------------------------------------------------------

void MainWindow::startProcesses()
{
    QStringList problems;
    QList<ManagedProcess *> toStart;
    for (ManagedProcess *process : selectedProcesses()) {
        if (!process->canStart())
            problems.append(tr("%1 is already running (PID %2): a process is started once")
                                .arg(process->spec().name)
                                .arg(process->pid()));
        else
            toStart.append(process);
    }
    // Spread over the event loop, so that starting a thousand entries never freezes the window.
    m_manager->startAll(toStart);
    reportProblems(problems);
}

void MainWindow::terminateProcesses()
{
    for (ManagedProcess *process : selectedProcesses())
        process->terminate();
}

void MainWindow::killProcesses()
{
    for (ManagedProcess *process : selectedProcesses())
        process->kill();
}

void MainWindow::restartProcesses()
{
    for (ManagedProcess *process : selectedProcesses())
        process->restart();
}

void MainWindow::pauseProcesses()
{
    for (ManagedProcess *process : selectedProcesses()) {
        if (process->canPause())
            process->pause();
    }
}

void MainWindow::resumeProcesses()
{
    for (ManagedProcess *process : selectedProcesses()) {
        if (process->canResume())
            process->resume();
    }
}

void MainWindow::signalProcesses(int signal)
{
    QStringList sent;
    for (ManagedProcess *process : selectedProcesses()) {
        if (process->isAlive() && process->sendSignal(signal).ok)
            sent.append(process->spec().name);
    }
    if (!sent.isEmpty())
        showStatus(tr("%1 sent to %2").arg(SignalNames::name(signal), sent.join(QLatin1String(", "))),
                                 StatusTimeoutMs);
}

// A run that ends with a failure ProcDeck did not cause: the row is marked (ProcessDelegate) and,
// where the desktop offers it, a notification says so.
void MainWindow::watchForUnexpectedEnds(ManagedProcess *process)
{
    connect(process, &ManagedProcess::unexpectedEnd, this, [this, process] {
        const QString how = process->state() == ManagedProcess::State::FailedToStart
                                || process->lastRunEnd() == ManagedProcess::State::FailedToStart
            ? tr("failed to start: %1").arg(process->failureReason())
            : tr("exited with %1").arg(SignalNames::formatExitCode(process->exitCode()));
        QString body = how;
        if (process->state() == ManagedProcess::State::Waiting)
            body += QLatin1Char('\n') + tr("Restarting in %n s.", nullptr, int((process->nextRestartRemainingMs() + 999) / 1000));
        m_notifier->notify(tr("%1 ended unexpectedly").arg(process->spec().name), body);
    });
}

void MainWindow::joinProcesses()
{
    const QList<ManagedProcess *> selection = selectedProcesses();
    if (selection.isEmpty() || m_join)
        return;
    auto *dialog = new JoinDialog(int(selection.size()), m_lastJoinTimeout, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QList<QPointer<ManagedProcess>> targets;
    for (ManagedProcess *process : selection)
        targets.append(process);
    connect(dialog, &QDialog::accepted, this, [this, dialog, targets] {
        m_lastJoinTimeout = dialog->timeoutText();
        QList<ManagedProcess *> processes;
        for (const QPointer<ManagedProcess> &p : targets) {
            if (p)
                processes.append(p);
        }
        startJoin(processes, dialog->timeoutMs().value_or(-1));
    });
    dialog->open();
}

void MainWindow::startJoin(const QList<ManagedProcess *> &processes, qint64 timeoutMs)
{
    if (processes.isEmpty())
        return;
    m_join = new JoinOperation(processes, timeoutMs, this);
    m_joinLabel->setText(timeoutMs < 0 ? tr("Joining %n process(es)…", nullptr, int(processes.size()))
                                       : tr("Joining %n process(es), at most %1 s…", nullptr, int(processes.size()))
                                             .arg(timeoutMs / 1000.0));
    m_joinLabel->show();
    m_joinCancel->show();
    connect(m_join, &JoinOperation::done, this, [this](const QList<JoinOperation::Outcome> &outcomes) {
        m_lastJoinReport.clear();
        for (const JoinOperation::Outcome &outcome : outcomes) {
            const QString line = outcome.describe();
            m_lastJoinReport.append(line);
            if (ManagedProcess *process = m_manager->byId(outcome.processId))
                process->output()->appendMessage(tr("join: %1").arg(line));
        }
        showStatus(m_lastJoinReport.join(QLatin1String(" · ")), 0);
        m_joinLabel->hide();
        m_joinCancel->hide();
        m_join->deleteLater();
        m_join = nullptr;
        updateActions();
        emit joinFinished();
    });
    m_join->start();
    updateActions();
}

void MainWindow::cancelJoin()
{
    if (m_join)
        m_join->cancel();
}

// --- Session files --------------------------------------------------------------------------

bool MainWindow::openFile(const QString &path, StartEntries which)
{
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
    if (m_quitting) {
        if (m_manager->aliveCount() == 0) {
            writeSettings();
            event->accept();
            return;
        }
        // A second close while the grace periods run: stop waiting.
        for (ManagedProcess *process : m_manager->processes()) {
            if (process->isAlive())
                process->kill();
        }
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
            tr("Quit ProcDeck"), tr("%n process(es) are still running.", nullptr, alive),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel,
            tr("Terminate them and quit when they have exited?"));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_quitting = true;
        showStatus(tr("Stopping %n process(es) before quitting…", nullptr, alive));
        m_manager->terminateAll();
        event->ignore(); // closed again by allStopped
        return;
    }
    writeSettings();
    event->accept();
}

void MainWindow::about()
{
    AboutBox::open(this);
}
