#include "outputpane.h"

#include "managedprocess.h"
#include "outputlog.h"
#include "outputview.h"
#include "processmanager.h"
#include "settings.h"

#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QSaveFile>
#include <QTextStream>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QAction *makeAction(QObject *parent, const QString &objectName, const QString &text,
                    const QString &toolTip, const QKeySequence &shortcut = {}, bool checkable = false)
{
    auto *action = new QAction(text, parent);
    action->setObjectName(objectName);
    action->setCheckable(checkable);
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        action->setToolTip(u"%1 (%2)"_s.arg(toolTip, shortcut.toString(QKeySequence::NativeText)));
    } else {
        action->setToolTip(toolTip);
    }
    action->setStatusTip(toolTip);
    return action;
}

QToolButton *makeButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    return button;
}

QString names(const QList<ManagedProcess *> &processes)
{
    QStringList list;
    for (const ManagedProcess *process : processes)
        list.append(process->spec().name);
    return list.join(u", "_s);
}

} // namespace

OutputPane::OutputPane(ProcessManager *manager, QWidget *parent)
    : QWidget(parent)
    , m_manager(manager)
{
    m_view = new OutputView(this);
    m_view->setObjectName(u"outputView"_s);

    createActions();
    createToolBar();
    createFindBar();
    createInputBar();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_findBar);
    layout->addWidget(m_view, 1);
    auto *input = new QWidget(this);
    auto *inputLayout = new QHBoxLayout(input);
    inputLayout->setContentsMargins(2, 2, 2, 2);
    inputLayout->setSpacing(2);
    inputLayout->addWidget(m_inputEdit, 3);
    inputLayout->addWidget(makeButton(m_send, input));
    inputLayout->addWidget(makeButton(m_closeInput, input));
    inputLayout->addWidget(makeButton(m_interrupt, input));
    inputLayout->addWidget(m_messageLabel, 2);
    layout->addWidget(input);
    setFocusProxy(m_view);

    m_findTimer.setSingleShot(true);
    m_findTimer.setInterval(150);
    connect(&m_findTimer, &QTimer::timeout, this, &OutputPane::applyFind);
    connect(m_view, &OutputView::matchesChanged, this, &OutputPane::updateFindStatus);
    connect(m_view, &OutputView::rowsChanged, this, &OutputPane::updateDropped);
    connect(m_view, &OutputView::rowsChanged, this, &OutputPane::updateActions);
    connect(m_view, &OutputView::terminalSizeChanged, this, &OutputPane::applyTerminalSize);

    if (m_manager) {
        connect(m_manager, &ProcessManager::processAdded, this, [this] {
            applyTerminalSize();
            if (showsAll())
                updateView();
            else
                updatePlaceholder();
        });
        connect(m_manager, &ProcessManager::processRemoved, this, &OutputPane::updatePlaceholder);
        connect(m_manager, &ProcessManager::processAboutToBeRemoved, this,
                &OutputPane::processAboutToBeRemoved);
        connect(m_manager, &ProcessManager::processesChanged, this, [this] {
            m_view->refreshNames();
            updateActions();
        });
    }
    updateView();
}

OutputPane::~OutputPane() = default;

void OutputPane::createActions()
{
    m_showSelected = makeAction(this, u"actionShowSelected"_s, tr("Selected", "output view"),
                                tr("Show the output of the entries selected in the table"),
                                QKeySequence(u"Ctrl+Shift+E"_s), true);
    m_showAll = makeAction(this, u"actionShowAll"_s, tr("All", "output view"),
                           tr("Show the output of every entry, interleaved in arrival order"),
                           QKeySequence(u"Ctrl+Shift+A"_s), true);
    auto *views = new QActionGroup(this);
    views->addAction(m_showSelected);
    views->addAction(m_showAll);
    m_showSelected->setChecked(true);
    connect(m_showAll, &QAction::toggled, this, &OutputPane::updateView);

    m_timestamps = makeAction(this, u"actionToggleTimestamps"_s, tr("Timestamps"),
                              tr("Show the arrival time of each line"),
                              QKeySequence(u"Ctrl+Shift+T"_s), true);
    connect(m_timestamps, &QAction::toggled, m_view, &OutputView::setTimestampsVisible);
    m_wrap = makeAction(this, u"actionToggleWrap"_s, tr("Wrap"), tr("Wrap long lines"),
                        QKeySequence(u"Alt+Z"_s), true);
    m_wrap->setChecked(m_view->wrapEnabled());
    connect(m_wrap, &QAction::toggled, m_view, &OutputView::setWrapEnabled);
    // Remembered at once, as the table's columns are.
    m_currentRun = makeAction(this, u"actionCurrentRunOnly"_s, tr("This Run"),
                              tr("Show only the lines of each entry's current run, not its earlier runs"),
                              {}, true);
    m_currentRun->setChecked(Settings().value(Settings::Keys::OutputCurrentRunOnly));
    m_view->setCurrentRunOnly(m_currentRun->isChecked());
    connect(m_currentRun, &QAction::toggled, this, [this](bool only) {
        m_view->setCurrentRunOnly(only);
        Settings().setValue(Settings::Keys::OutputCurrentRunOnly, only);
    });

    m_find = makeAction(this, u"actionFind"_s, tr("Find…"), tr("Find text in the output"),
                        QKeySequence::Find);
    m_find->setIcon(QIcon::fromTheme(u"edit-find"_s));
    connect(m_find, &QAction::triggered, this, &OutputPane::showFindBar);
    m_findNext = makeAction(this, u"actionFindNext"_s, tr("Find Next"), tr("Go to the next match"),
                            QKeySequence::FindNext);
    connect(m_findNext, &QAction::triggered, this, [this] {
        if (!m_findBar->isVisible() && !m_findEdit->text().isEmpty())
            m_findBar->show(); // F3 brings back the last search
        applyFind();
        m_view->findNext();
    });
    m_findPrevious = makeAction(this, u"actionFindPrevious"_s, tr("Find Previous"),
                                tr("Go to the previous match"), QKeySequence::FindPrevious);
    connect(m_findPrevious, &QAction::triggered, this, [this] {
        if (!m_findBar->isVisible() && !m_findEdit->text().isEmpty())
            m_findBar->show();
        applyFind();
        m_view->findPrevious();
    });
    m_caseSensitive = makeAction(this, u"actionFindCaseSensitive"_s, tr("Aa", "match case"),
                                 tr("Match case"), {}, true);
    m_regex = makeAction(this, u"actionFindRegularExpression"_s, tr(".*", "regular expression"),
                         tr("Use a regular expression"), {}, true);
    m_filter = makeAction(this, u"actionFilterOutput"_s, tr("Filter"),
                          tr("Show only the lines that match"), {}, true);
    for (QAction *option : {m_caseSensitive, m_regex, m_filter})
        connect(option, &QAction::toggled, this, &OutputPane::applyFind);

    m_clear = makeAction(this, u"actionClearOutput"_s, tr("Clear"),
                         tr("Clear the output of the selected entries"), QKeySequence(u"Ctrl+Shift+X"_s));
    m_clear->setIcon(QIcon::fromTheme(u"edit-clear"_s));
    connect(m_clear, &QAction::triggered, this, &OutputPane::clearOutput);
    m_save = makeAction(this, u"actionSaveOutput"_s, tr("Save Output…"),
                        tr("Save the output shown to a text file"), QKeySequence(u"Ctrl+Alt+S"_s));
    m_save->setIcon(QIcon::fromTheme(u"document-save-as"_s));
    connect(m_save, &QAction::triggered, this, &OutputPane::saveOutput);

    m_send = makeAction(this, u"actionSendInput"_s, tr("Send"),
                        tr("Send the line to the selected entry's standard input"));
    connect(m_send, &QAction::triggered, this, &OutputPane::sendInputLine);
    m_closeInput = makeAction(this, u"actionCloseInput"_s, tr("Close stdin"),
                              tr("Close the selected entry's standard input (end of file)"),
                              QKeySequence(u"Ctrl+D"_s));
    // Ctrl+D only from the input line (see eventFilter): elsewhere it must not close anything.
    m_closeInput->setShortcutContext(Qt::WidgetShortcut);
    connect(m_closeInput, &QAction::triggered, this, &OutputPane::closeInput);
    m_interrupt = makeAction(this, u"actionInterrupt"_s, tr("Interrupt"),
                             tr("Send the interrupt character (Ctrl+C) to the selected entry's terminal"),
                             QKeySequence(u"Ctrl+C"_s));
    // Ctrl+C only from the input line, and only with no text selected there (see eventFilter):
    // elsewhere it copies.
    m_interrupt->setShortcutContext(Qt::WidgetShortcut);
    connect(m_interrupt, &QAction::triggered, this, &OutputPane::interrupt);

    addActions({m_showSelected, m_showAll, m_timestamps, m_wrap, m_currentRun, m_find, m_findNext,
                m_findPrevious, m_clear, m_save});
    m_view->setContextActions({m_timestamps, m_wrap, m_find, m_clear, m_save});
}

void OutputPane::createToolBar()
{
    m_toolBar = new QToolBar(tr("Output"), this);
    m_toolBar->setObjectName(u"outputToolBar"_s);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_showSelected);
    m_toolBar->addAction(m_showAll);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_timestamps);
    m_toolBar->addAction(m_wrap);
    m_toolBar->addAction(m_currentRun);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_find);
    m_toolBar->addAction(m_clear);
    m_toolBar->addAction(m_save);
    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_droppedLabel = new QLabel(m_toolBar);
    m_droppedLabel->setObjectName(u"droppedLabel"_s);
    m_droppedLabel->setContentsMargins(4, 0, 4, 0);
    m_toolBar->addWidget(m_droppedLabel);
}

void OutputPane::createFindBar()
{
    m_findBar = new QWidget(this);
    m_findBar->setObjectName(u"findBar"_s);
    auto *layout = new QHBoxLayout(m_findBar);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    m_findEdit = new QLineEdit(m_findBar);
    m_findEdit->setObjectName(u"findEdit"_s);
    m_findEdit->setPlaceholderText(tr("Find in output"));
    m_findEdit->setAccessibleName(tr("Find in output"));
    m_findEdit->setClearButtonEnabled(true);
    m_findEdit->installEventFilter(this);
    connect(m_findEdit, &QLineEdit::textChanged, this, [this] { m_findTimer.start(); });
    layout->addWidget(m_findEdit, 1);
    auto *previous = makeButton(m_findPrevious, m_findBar);
    previous->setArrowType(Qt::UpArrow);
    auto *next = makeButton(m_findNext, m_findBar);
    next->setArrowType(Qt::DownArrow);
    layout->addWidget(previous);
    layout->addWidget(next);
    m_findStatus = new QLabel(m_findBar);
    m_findStatus->setObjectName(u"findStatus"_s);
    m_findStatus->setMinimumWidth(m_findStatus->fontMetrics().horizontalAdvance(u"0000 of 00000"_s));
    layout->addWidget(m_findStatus);
    layout->addWidget(makeButton(m_caseSensitive, m_findBar));
    layout->addWidget(makeButton(m_regex, m_findBar));
    layout->addWidget(makeButton(m_filter, m_findBar));
    auto *close = new QToolButton(m_findBar);
    close->setAutoRaise(true);
    close->setText(u"\u2715"_s);
    close->setToolTip(tr("Close the find bar (Esc)"));
    close->setAccessibleName(tr("Close find bar"));
    connect(close, &QToolButton::clicked, this, [this] {
        m_findBar->hide();
        applyFind();
        m_view->setFocus();
    });
    layout->addWidget(close);
    m_findBar->hide();
}

void OutputPane::createInputBar()
{
    m_inputEdit = new QLineEdit(this);
    m_inputEdit->setObjectName(u"inputEdit"_s);
    m_inputEdit->setPlaceholderText(tr("Input for the selected entry (Enter sends a line, Ctrl+D closes stdin)"));
    m_inputEdit->setAccessibleName(tr("Standard input"));
    m_inputEdit->installEventFilter(this);
    m_inputEdit->addAction(m_closeInput);
    connect(m_inputEdit, &QLineEdit::returnPressed, this, &OutputPane::sendInputLine);
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(u"inputMessage"_s);
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

bool OutputPane::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_inputEdit && key->key() == Qt::Key_D && key->modifiers() == Qt::ControlModifier) {
        // QLineEdit would take Ctrl+D as "delete the next character" on X11.
        if (event->type() == QEvent::KeyPress)
            closeInput();
        event->accept();
        return true;
    }
    if (watched == m_inputEdit && key->key() == Qt::Key_C && key->modifiers() == Qt::ControlModifier
        && !m_inputEdit->hasSelectedText() && m_interrupt->isEnabled()) {
        if (event->type() == QEvent::KeyPress)
            interrupt();
        event->accept();
        return true;
    }
    if (watched == m_inputEdit && event->type() == QEvent::KeyPress
        && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down) && !m_inputHistory.isEmpty()) {
        // The lines sent before, as in a shell.
        const int step = key->key() == Qt::Key_Up ? -1 : 1;
        m_historyIndex = std::clamp(m_historyIndex + step, 0, int(m_inputHistory.size()));
        m_inputEdit->setText(m_historyIndex < m_inputHistory.size() ? m_inputHistory.at(m_historyIndex) : QString());
        return true;
    }
    if (watched == m_findEdit && event->type() == QEvent::KeyPress) {
        if (key->key() == Qt::Key_Escape) {
            m_findBar->hide();
            applyFind();
            m_view->setFocus();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            applyFind();
            if (key->modifiers() & Qt::ShiftModifier)
                m_view->findPrevious();
            else
                m_view->findNext();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

// --- Which entries ---------------------------------------------------------------------------

void OutputPane::setSelectedProcesses(const QList<ManagedProcess *> &processes)
{
    m_selected.clear();
    for (ManagedProcess *process : processes)
        m_selected.append(process);
    if (!showsAll())
        updateView();
    updateActions();
}

QList<ManagedProcess *> OutputPane::selectedProcesses() const
{
    QList<ManagedProcess *> result;
    for (const QPointer<ManagedProcess> &process : m_selected) {
        if (process)
            result.append(process);
    }
    return result;
}

void OutputPane::setShowAll(bool all)
{
    (all ? m_showAll : m_showSelected)->setChecked(true);
}

bool OutputPane::showsAll() const
{
    return m_showAll->isChecked();
}

void OutputPane::updateView()
{
    if (showsAll()) {
        m_view->setProcesses(m_manager ? m_manager->processes() : QList<ManagedProcess *>(), true);
    } else {
        const QList<ManagedProcess *> selected = selectedProcesses();
        m_view->setProcesses(selected, selected.size() > 1);
    }
    updatePlaceholder();
    updateDropped();
    updateActions();
}

// What the empty pane says (the view itself says "No output yet" for entries that printed nothing).
void OutputPane::updatePlaceholder()
{
    if (!m_manager || m_manager->count() == 0)
        m_view->setPlaceholderText(tr("No entries yet: the output of each entry shows here once it runs."));
    else if (!showsAll())
        m_view->setPlaceholderText(tr("Select an entry in the table to see its output, or All (Ctrl+Shift+A) "
                                      "for every entry's."));
}

void OutputPane::processAboutToBeRemoved(int row)
{
    ManagedProcess *gone = m_manager->at(row);
    m_selected.removeAll(gone);
    QList<ManagedProcess *> shown = m_view->processes();
    if (shown.removeAll(gone) > 0)
        m_view->setProcesses(shown, showsAll() || shown.size() > 1);
    updateActions();
}

QString OutputPane::visibleText() const
{
    m_view->flush();
    QStringList lines;
    lines.reserve(m_view->rowCount());
    for (int row = 0; row < m_view->rowCount(); ++row)
        lines.append(m_view->rowText(row));
    return lines.join(u'\n');
}

void OutputPane::updateActions()
{
    const QList<ManagedProcess *> selected = selectedProcesses();
    const bool anyAlive = std::any_of(selected.cbegin(), selected.cend(),
                                      [](const ManagedProcess *p) { return p->canTakeInput(); });
    m_clear->setEnabled(!selected.isEmpty());
    m_save->setEnabled(m_view->rowCount() > 0);
    m_send->setEnabled(!selected.isEmpty());
    m_closeInput->setEnabled(anyAlive);
    m_interrupt->setEnabled(std::any_of(selected.cbegin(), selected.cend(),
                                        [](const ManagedProcess *p) { return p->canInterrupt(); }));
    m_inputEdit->setEnabled(!selected.isEmpty());
}

void OutputPane::updateDropped()
{
    qint64 dropped = 0;
    qint64 droppedBytes = 0;
    for (const ManagedProcess *process : m_view->processes()) {
        dropped += process->output()->droppedLines();
        droppedBytes += process->output()->droppedBytes();
    }
    m_droppedLabel->setText(dropped > 0 ? tr("%n earlier line(s) dropped", nullptr, int(std::min<qint64>(dropped, INT_MAX)))
                                        : QString());
    m_droppedLabel->setToolTip(dropped > 0 ? tr("The oldest %1 lines (%2) were dropped to keep the memory used bounded.")
                                                 .arg(QLocale().toString(dropped), QLocale().formattedDataSize(droppedBytes))
                                           : QString());
}

// --- Find --------------------------------------------------------------------------------------

void OutputPane::showFindBar()
{
    m_findBar->show();
    m_findEdit->setFocus();
    m_findEdit->selectAll();
    applyFind();
}

void OutputPane::setFindText(const QString &text)
{
    m_findBar->show();
    m_findEdit->setText(text);
    applyFind();
}

void OutputPane::setFindOptions(bool caseSensitive, bool regularExpression)
{
    m_caseSensitive->setChecked(caseSensitive);
    m_regex->setChecked(regularExpression);
    applyFind();
}

void OutputPane::setFilterEnabled(bool enabled)
{
    m_filter->setChecked(enabled);
    applyFind();
}

void OutputPane::applyFind()
{
    m_findTimer.stop();
    const bool active = m_findBar->isVisibleTo(this);
    m_view->setFindPattern(active ? m_findEdit->text() : QString(),
                           m_caseSensitive->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive,
                           m_regex->isChecked());
    m_view->setFilterEnabled(active && m_filter->isChecked());
    updateFindStatus();
}

void OutputPane::updateFindStatus()
{
    QString status;
    if (!m_view->isFindPatternValid()) {
        status = tr("Invalid expression");
        QPalette invalid = palette();
        invalid.setColor(QPalette::Base, OutputStyle::blend(invalid.color(QPalette::Base), Qt::red, 0.25));
        m_findEdit->setPalette(invalid);
    } else {
        m_findEdit->setPalette(QPalette()); // inherit again
        if (!m_view->findPattern().isEmpty()) {
            const int count = m_view->matchCount();
            const int current = m_view->currentMatch();
            if (count == 0)
                status = tr("No matches");
            else if (current >= 0)
                status = tr("%1 of %2").arg(current + 1).arg(count);
            else
                status = tr("%n match(es)", nullptr, count);
        }
    }
    m_findStatus->setText(status);
}

// --- Clear, save, input ---------------------------------------------------------------------------

void OutputPane::clearOutput()
{
    for (ManagedProcess *process : selectedProcesses())
        process->output()->clear();
}

void OutputPane::saveOutput()
{
    const QString plain = tr("Text file (*.txt *.log)");
    const QString stamped = tr("Text file with timestamps (*.txt *.log)");
    QString filter = m_timestamps->isChecked() ? stamped : plain;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Output"), tr("output.txt"),
                                                      plain + u";;"_s + stamped, &filter);
    if (path.isEmpty())
        return;
    QString error;
    if (saveOutputTo(path, filter == stamped, &error))
        report(tr("Saved the output to %1.").arg(QDir::toNativeSeparators(path)));
    else
        QMessageBox::warning(this, tr("Save Output"),
                             tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), error));
}

bool OutputPane::saveOutputTo(const QString &path, bool withTimestamps, QString *error)
{
    m_view->flush();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QTextStream out(&file);
    m_view->writePlainText(out, withTimestamps);
    out.flush();
    if (out.status() != QTextStream::Ok) {
        file.cancelWriting();
        if (error)
            *error = file.errorString();
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void OutputPane::sendInputLine()
{
    const QString text = m_inputEdit->text();
    if (!sendInput(text))
        return;
    if (!text.isEmpty() && (m_inputHistory.isEmpty() || m_inputHistory.constLast() != text))
        m_inputHistory.append(text);
    if (m_inputHistory.size() > 100)
        m_inputHistory.removeFirst();
    m_historyIndex = int(m_inputHistory.size());
    m_inputEdit->clear();
}

bool OutputPane::sendInput(const QString &text)
{
    const QList<ManagedProcess *> selected = selectedProcesses();
    if (selected.isEmpty()) {
        report(tr("Select a running entry to send input to it."));
        return false;
    }
    QList<ManagedProcess *> notRunning;
    bool sent = false;
    const QByteArray data = (text + u'\n').toUtf8();
    for (ManagedProcess *process : selected) {
        if (!process->canTakeInput()) {
            notRunning.append(process);
            continue;
        }
        const ManagedProcess::Result result = process->writeInput(data);
        if (result.ok)
            sent = true;
        else
            report(tr("Input not sent to %1: %2").arg(process->spec().name, result.error));
    }
    if (!notRunning.isEmpty()) {
        report(notRunning.size() == 1
                   ? tr("Input not sent: %1 is not running.").arg(names(notRunning))
                   : tr("Input not sent: %1 are not running.").arg(names(notRunning)));
    } else if (sent) {
        m_messageLabel->clear();
    }
    return sent;
}

bool OutputPane::closeInput()
{
    const QList<ManagedProcess *> selected = selectedProcesses();
    QList<ManagedProcess *> notRunning;
    const QList<ManagedProcess *> closed = applyToSelected(&ManagedProcess::canTakeInput, &ManagedProcess::closeInput,
                                                           tr("Could not close the input of %1: %2"), &notRunning);
    if (!closed.isEmpty())
        report(tr("Closed the standard input of %1.").arg(names(closed)));
    else if (!notRunning.isEmpty())
        report(notRunning.size() == 1 ? tr("%1 is not running.").arg(names(notRunning))
                                      : tr("%1 are not running.").arg(names(notRunning)));
    else if (selected.isEmpty())
        report(tr("Select a running entry to close its input."));
    return !closed.isEmpty();
}

bool OutputPane::interrupt()
{
    const QList<ManagedProcess *> interrupted = applyToSelected(&ManagedProcess::canInterrupt, &ManagedProcess::interrupt,
                                                                tr("Could not interrupt %1: %2"));
    if (!interrupted.isEmpty())
        report(tr("Interrupted %1.").arg(names(interrupted)));
    else if (!m_interrupt->isEnabled())
        report(tr("Select an entry that runs in a terminal to interrupt it."));
    return !interrupted.isEmpty();
}

// `act` on each selected entry for which `can` holds; returns those it worked for, reports each
// failure with `failure` (%1 the name, %2 the error) and collects the entries skipped in `skipped`.
QList<ManagedProcess *> OutputPane::applyToSelected(bool (ManagedProcess::*can)() const,
                                                    ManagedProcess::Result (ManagedProcess::*act)(),
                                                    const QString &failure, QList<ManagedProcess *> *skipped)
{
    QList<ManagedProcess *> done;
    for (ManagedProcess *process : selectedProcesses()) {
        if (!(process->*can)()) {
            if (skipped)
                skipped->append(process);
            continue;
        }
        const ManagedProcess::Result result = (process->*act)();
        if (result.ok)
            done.append(process);
        else
            report(failure.arg(process->spec().name, result.error));
    }
    return done;
}

// Every entry's terminal is as wide as the view (its next run's too).
void OutputPane::applyTerminalSize()
{
    if (!m_manager)
        return;
    const QSize size = m_view->terminalSize();
    for (ManagedProcess *process : m_manager->processes())
        process->setTerminalSize(size.width(), size.height());
}

void OutputPane::report(const QString &text)
{
    m_messageLabel->setText(text);
    m_messageLabel->setToolTip(text);
    emit message(text);
}
