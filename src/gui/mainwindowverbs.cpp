// MainWindow's verbs: the entry actions (Add, Edit, Duplicate, Remove) and the Process verbs on
// the selection and on the whole session (Start, Join, Terminate, Kill, Restart, Pause, Resume,
// Send Signal; Start All, Stop All, Clear Finished). Each asks the core and reports in the status
// bar; the window's set-up, settings and quitting are in mainwindow.cpp.
#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "joindialog.h"
#include "joinoperation.h"
#include "managedprocess.h"
#include "notifier.h"
#include "outputlog.h"
#include "processdialog.h"
#include "processmanager.h"
#include "sessiondocument.h"
#include "settings.h"
#include "signalnames.h"
#include "userprompt.h"
#include "visibletext.h"

#include <QInputDialog>
#include <QLabel>
#include <QPushButton>

#include <algorithm>

using namespace Qt::StringLiterals;

// --- Entries --------------------------------------------------------------------------------

// The names of the session's entries except `except`'s (the Add/Edit dialog refuses them): the
// copies' names and their group's; `except`'s whole group is left out.
QStringList MainWindow::entryNames(const ManagedProcess *except) const
{
    QStringList names;
    const QString exceptGroup = except ? except->replicaGroup() : QString();
    for (const ManagedProcess *process : m_manager->processes()) {
        if (process == except || (!exceptGroup.isEmpty() && process->replicaGroup() == exceptGroup))
            continue;
        names.append(process->spec().name);
        if (!process->replicaGroup().isEmpty() && !names.contains(process->replicaGroup()))
            names.append(process->replicaGroup());
    }
    return names;
}

// Where `process`'s entry is among ProcessManager::entrySpecs() (a group counts once).
namespace {
qsizetype entryIndex(const ProcessManager *manager, const ManagedProcess *process)
{
    const QList<ProcessSpec> entries = manager->entrySpecs();
    const QString name = manager->entrySpec(process).name;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries.at(i).name == name)
            return i;
    }
    return -1;
}
} // namespace

void MainWindow::addProcess()
{
    if (isHolding())
        return;
    ProcessSpec spec;
    spec.name = m_manager->peekDefaultName();
    spec.stopTimeoutMs = Settings().value(Settings::Keys::DefaultGraceMs); // the Preferences
    auto *dialog = new ProcessDialog(spec, m_manager->baseDirectory(), this);
    dialog->setTakenNames(entryNames(nullptr));
    dialog->setSessionEntries(m_manager->entrySpecs(), -1);
    dialog->setWindowTitle(tr("Add Entry"));
    dialog->setLimitsAvailability(m_limitsAvailable, m_limitsReason);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        ManagedProcess *process = m_manager->add(*dialog->spec());
        if (!process) { // attached: the entry appears when the other ProcDeck has added it
            showStatus(tr("Adding %1 there…").arg(dialog->spec()->name), StatusTimeoutMs);
            return;
        }
        selectProcesses({process});
        showStatus(tr("Added %1").arg(process->spec().name), StatusTimeoutMs, {process});
    });
    dialog->open();
}

void MainWindow::editProcess()
{
    const QList<ManagedProcess *> selection = selectedProcesses();
    if (selection.size() != 1)
        return;
    QPointer<ManagedProcess> process = selection.constFirst();
    const ProcessSpec entry = m_manager->entrySpec(process); // a copy: its group's entry
    auto *dialog = new ProcessDialog(entry, m_manager->baseDirectory(), this);
    dialog->setTakenNames(entryNames(process));
    dialog->setSessionEntries(m_manager->entrySpecs(), entryIndex(m_manager, process));
    dialog->setWindowTitle(process->isAlive()
                               ? tr("Edit %1 — running: changes apply at its next start")
                                     .arg(VisibleText::visible(entry.name))
                               : tr("Edit %1").arg(VisibleText::visible(entry.name)));
    dialog->setLimitsAvailability(m_limitsAvailable, m_limitsReason);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, process] {
        if (!process) // removed while the dialog was open
            return;
        const std::optional<ProcessSpec> spec = dialog->spec();
        if (!spec || *spec == m_manager->entrySpec(process))
            return;
        const ManagedProcess::Result result = m_manager->setEntrySpec(process, *spec);
        m_document->setModified(true);
        if (!result.ok) {
            showStatus(tr("Not scaled: %1").arg(result.error), StatusTimeoutMs, {process});
            return;
        }
        if (process->isAlive())
            showStatus(tr("%1 changed: the changes apply at its next start (Restart, Ctrl+R); the details "
                          "show what runs until then").arg(spec->name),
                       StatusTimeoutMs, {process});
    });
    dialog->open();
}

void MainWindow::duplicateProcesses()
{
    if (isHolding())
        return;
    QList<ManagedProcess *> copies;
    for (const ManagedProcess *process : selectedProcesses()) {
        ProcessSpec spec = process->spec();
        spec.name.clear(); // a copy gets the next default name, as a new Process() would
        if (ManagedProcess *copy = m_manager->add(spec)) // attached: added there, shown when it is
            copies.append(copy);
    }
    selectProcesses(copies);
}

// Scale…: how many copies of the selected replicated entry run (ProcessManager::setReplicas()).
void MainWindow::scaleProcess()
{
    const QList<ManagedProcess *> selection = selectedProcesses();
    if (isHolding() || selection.size() != 1 || selection.constFirst()->replicaGroup().isEmpty())
        return;
    const QString group = selection.constFirst()->replicaGroup();
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"scaleDialog"_s);
    dialog->setWindowTitle(tr("Scale %1").arg(VisibleText::visible(group)));
    dialog->setLabelText(tr("Copies of %1 to run (%1-1 … %1-N); new copies start at once when the others "
                            "are running, removed ones are stopped first:").arg(VisibleText::visible(group)));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(1, ProcessManager::MaxReplicas);
    dialog->setIntValue(int(m_manager->replicas(group).size()));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::intValueSelected, this, [this, group](int count) {
        const ManagedProcess::Result result = m_manager->setReplicas(group, count);
        showStatus(result.ok ? tr("%1 scaled to %n copies", nullptr, count).arg(group)
                             : tr("Not scaled: %1").arg(result.error),
                   StatusTimeoutMs, m_manager->replicas(group));
    });
    dialog->open();
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
            tr("They are terminated first (each one's stop signal, then SIGKILL after its grace period) "
               "and removed when they have ended."),
            {{QMessageBox::Yes, tr("Terminate and Remove")}});
        if (answer != QMessageBox::Yes)
            return;
    }
    for (ManagedProcess *process : selection)
        m_manager->removeWhenStopped(process);
}

// --- The Process verbs ----------------------------------------------------------------------

void MainWindow::startProcesses()
{
    if (isHolding())
        return;
    QStringList problems;
    QList<ManagedProcess *> toStart;
    QList<ManagedProcess *> running;
    for (ManagedProcess *process : selectedProcesses()) {
        if (!process->canStart()) {
            problems.append(tr("%1 is already running (PID %2): an entry's process is started once")
                                .arg(process->spec().name)
                                .arg(process->pid()));
            running.append(process);
        } else {
            toStart.append(process);
        }
    }
    startEntries(toStart);
    reportProblems(problems, running);
}

// Spread over the event loop, so that starting a thousand entries never freezes the window; the
// status bar says what is starting (a Failed to start shows in its row).
void MainWindow::startEntries(const QList<ManagedProcess *> &entries)
{
    if (entries.isEmpty())
        return;
    m_manager->startAll(entries);
    showStatus(entries.size() == 1 ? tr("Starting %1").arg(entries.constFirst()->spec().name)
                                   : tr("Starting %n entries", nullptr, int(entries.size())),
               StatusTimeoutMs, entries);
}

void MainWindow::startAllProcesses()
{
    if (isHolding())
        return;
    QList<ManagedProcess *> toStart;
    for (ManagedProcess *process : m_manager->processes()) {
        if (process->canStart())
            toStart.append(process);
    }
    startEntries(toStart);
}

void MainWindow::stopAllProcesses()
{
    QList<ManagedProcess *> live;
    for (ManagedProcess *process : m_manager->processes()) {
        if (process->canTerminate())
            live.append(process);
    }
    if (live.isEmpty())
        return;
    m_manager->terminateAll();
    showStatus(tr("Terminating %n entries", nullptr, int(live.size())), StatusTimeoutMs, live);
}

// Removes the entries that have ended and have nothing more to do (not restarting).
void MainWindow::clearFinished()
{
    int removed = 0;
    for (ManagedProcess *process : m_manager->processes()) {
        if (process->isFinished()) {
            m_manager->remove(process);
            ++removed;
        }
    }
    if (removed > 0)
        showStatus(tr("Removed %n finished entries", nullptr, removed), StatusTimeoutMs);
}

// In reverse dependency order among the selection (ProcessManager::terminate()).
void MainWindow::terminateProcesses()
{
    m_manager->terminate(selectedProcesses());
}

void MainWindow::killProcesses()
{
    for (ManagedProcess *process : selectedProcesses())
        process->kill();
}

void MainWindow::restartProcesses()
{
    if (isHolding())
        return;
    // An entry that is not running starts as Start would: after what it depends on.
    QList<ManagedProcess *> toStart;
    for (ManagedProcess *process : selectedProcesses()) {
        if (process->isAlive())
            process->restart();
        else
            toStart.append(process);
    }
    m_manager->startAll(toStart);
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
    QList<ManagedProcess *> signalled;
    for (ManagedProcess *process : selectedProcesses()) {
        if (process->isAlive() && process->sendSignal(signal).ok) {
            sent.append(process->spec().name);
            signalled.append(process);
        }
    }
    if (!sent.isEmpty())
        showStatus(tr("%1 sent to %2").arg(SignalNames::name(signal), sent.join(u", "_s)), StatusTimeoutMs,
                   signalled);
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
    m_joinLabel->setText(timeoutMs < 0 ? tr("Joining %n entries…", nullptr, int(processes.size()))
                                       : tr("Joining %n entries, at most %1 s…", nullptr, int(processes.size()))
                                             .arg(timeoutMs / 1000.0));
    m_joinLabel->show();
    m_joinCancel->show();
    connect(m_join, &JoinOperation::done, this, [this](const QList<JoinOperation::Outcome> &outcomes) {
        m_lastJoinReport.clear();
        QList<ManagedProcess *> joined;
        for (const JoinOperation::Outcome &outcome : outcomes) {
            const QString line = outcome.describe();
            m_lastJoinReport.append(line);
            if (ManagedProcess *process = m_manager->byId(outcome.processId)) {
                process->output()->appendMessage(tr("join: %1").arg(line));
                joined.append(process);
            }
        }
        showStatus(m_lastJoinReport.join(u" · "_s), 0, joined);
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
