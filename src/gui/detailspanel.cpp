#include "detailspanel.h"

#include "environmenttext.h"
#include "launchplan.h"
#include "managedprocess.h"
#include "processmanager.h"
#include "stackrunner.h"
#include "procstats.h"
#include "shellwords.h"
#include "sparkline.h"
#include "statshistory.h"
#include "visibletext.h"
#include "signalnames.h"

#include <QDir>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

QString dash()
{
    return QStringLiteral("—");
}

} // namespace

DetailsPanel::DetailsPanel(ProcessManager *manager, ProcStats *stats, QWidget *parent)
    : QWidget(parent)
    , m_manager(manager)
    , m_stats(stats)
{
    setAccessibleName(tr("Details"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    layout->addWidget(m_title);

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setLabelAlignment(Qt::AlignLeft);
    layout->addLayout(m_form);
    m_command = addField(tr("Command:"));
    m_directory = addField(tr("Directory:"));
    m_environment = addField(tr("Environment:"));
    m_limits = addField(tr("Limits:"));
    m_pid = addField(tr("PID, group:"));
    m_started = addField(tr("Started:"));
    m_ended = addField(tr("Ended:"));
    m_runs = addField(tr("Runs:"));
    m_exit = addField(tr("Last exit:"));
    m_cgroup = addField(tr("Cgroup:"));
    m_nextRun = addField(tr("Next run:"));
    m_pending = addField(tr("Pending:"));
    m_form->setRowVisible(m_pending, false);
    m_dependencies = addField(tr("Depends on:"));
    m_form->setRowVisible(m_dependencies, false);
    addCharts(layout);

    auto *treeLabel = new QLabel(tr("Processes"), this);
    treeLabel->setFont(titleFont);
    layout->addSpacing(6);
    layout->addWidget(treeLabel);
    m_tree = new QTreeWidget(this);
    m_tree->setAccessibleName(tr("Process tree"));
    m_tree->setHeaderLabels({tr("PID"), tr("Command"), tr("CPU"), tr("Memory")});
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    layout->addWidget(m_tree, 1);

    if (m_stats)
        connect(m_stats, &ProcStats::sampled, this, &DetailsPanel::refreshTree);
    connect(m_history, &StatsHistory::updated, this, &DetailsPanel::refreshCharts);
    refresh();
}

// Two charts under the fields, each under a title with the span it covers.
void DetailsPanel::addCharts(QVBoxLayout *layout)
{
    m_history = new StatsHistory(m_manager, m_stats, this);
    const QLocale locale;
    m_cpuTitle = new QLabel(this);
    m_cpuChart = new Sparkline(this);
    m_cpuChart->setObjectName(QStringLiteral("cpuChart"));
    m_cpuChart->setFormatter([locale](double value) -> QString {
        return locale.toString(value, 'f', 1) + QStringLiteral(" %");
    });
    m_memoryTitle = new QLabel(this);
    m_memoryChart = new Sparkline(this);
    m_memoryChart->setObjectName(QStringLiteral("memoryChart"));
    m_memoryChart->setFormatter([locale](double value) -> QString {
        return locale.formattedDataSize(qint64(value), 1, QLocale::DataSizeTraditionalFormat);
    });
    layout->addSpacing(6);
    layout->addWidget(m_cpuTitle);
    layout->addWidget(m_cpuChart);
    layout->addWidget(m_memoryTitle);
    layout->addWidget(m_memoryChart);
}

void DetailsPanel::refreshCharts()
{
    const qint64 spanSeconds = m_history->spanMs() / 1000;
    const QString span = spanSeconds >= 120 ? tr("last %1 min").arg(spanSeconds / 60) : tr("last %1 s").arg(spanSeconds);
    m_cpuTitle->setText(tr("CPU, %1").arg(span));
    m_memoryTitle->setText(tr("Memory, %1").arg(span));
    m_cpuChart->setAccessibleName(m_cpuTitle->text());
    m_memoryChart->setAccessibleName(m_memoryTitle->text());

    const QList<StatsHistory::Point> points = m_process ? m_history->points(m_process->id()) : QList<StatsHistory::Point>();
    QList<double> cpu;
    QList<double> memory;
    cpu.reserve(points.size());
    memory.reserve(points.size());
    for (const StatsHistory::Point &point : points) {
        cpu.append(point.cpuPercent);
        memory.append(double(point.rssBytes));
    }
    const bool inactive = !m_process || !m_process->isAlive();
    const QString placeholder = !m_process ? QString() : inactive ? tr("not running") : tr("waiting for a sample");
    for (Sparkline *chart : {m_cpuChart, m_memoryChart}) {
        chart->setInactive(inactive);
        chart->setPlaceholder(placeholder);
    }
    m_cpuChart->setValues(cpu, m_history->capacity());
    m_memoryChart->setValues(memory, m_history->capacity());
}

const Sparkline *DetailsPanel::cpuChart() const
{
    return m_cpuChart;
}

const Sparkline *DetailsPanel::memoryChart() const
{
    return m_memoryChart;
}

QLabel *DetailsPanel::addField(const QString &label)
{
    auto *value = new QLabel(this);
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setWordWrap(true);
    value->setMinimumWidth(80);
    value->setAccessibleName(label);
    m_form->addRow(label, value);
    return value;
}

void DetailsPanel::setProcess(ManagedProcess *process)
{
    if (m_process == process)
        return;
    if (m_process)
        disconnect(m_process, nullptr, this, nullptr);
    m_process = process;
    if (process)
        connect(process, &ManagedProcess::stateChanged, this, &DetailsPanel::refresh);
    refresh();
}

ManagedProcess *DetailsPanel::process() const
{
    return m_process;
}

void DetailsPanel::refresh()
{
    const ManagedProcess *p = m_process;
    if (!p) {
        m_title->setText(tr("No entry selected"));
        for (QLabel *label : {m_command, m_directory, m_environment, m_limits, m_pid, m_started, m_ended,
                              m_runs, m_exit, m_cgroup, m_nextRun, m_pending, m_dependencies})
            label->clear();
        m_form->setRowVisible(m_limits, false);
        m_form->setRowVisible(m_nextRun, false);
        m_form->setRowVisible(m_pending, false);
        m_form->setRowVisible(m_dependencies, false);
        m_tree->clear();
        refreshCharts();
        return;
    }
    // While it runs, what runs: an edit applies at the next start, and the Pending row says so.
    const ProcessSpec &spec = p->isAlive() ? p->runSpec() : p->spec();
    m_pending->setText(spec == p->spec() ? QString()
                                         : tr("Edited: the new settings apply at the next start (Restart, Ctrl+R)"));
    m_form->setRowVisible(m_pending, !m_pending->text().isEmpty());
    // Text from the session file is shown with its control characters visible (VisibleText).
    m_title->setText(VisibleText::visible(spec.name));
    // What a start executes, where (the same resolution as the start itself).
    const LaunchResolution launch = resolveLaunch(spec, m_manager->baseDirectory());
    QString command = spec.usesShell() ? tr("sh -c %1").arg(spec.shell)
                                       : ShellWords::join(QStringList{launch.plan.program} + launch.plan.arguments);
    if (!launch.ok())
        command = tr("%1 (cannot start: %2)").arg(spec.commandLine(), launch.problem);
    m_command->setText(VisibleText::visible(command));
    m_directory->setText(VisibleText::visible(QDir::toNativeSeparators(launch.plan.workingDirectory)));
    const QString environment = EnvironmentText::format(spec.environment);
    m_environment->setText(environment.isEmpty() ? tr("inherited unchanged") : VisibleText::visibleLines(environment));
    m_limits->setText(limitsText(spec.limits));
    m_form->setRowVisible(m_limits, !m_limits->text().isEmpty());
    m_pid->setText(p->pid() > 0 ? tr("%1, group %1%2").arg(p->pid()).arg(p->isAlive() ? QString() : tr(" (ended)"))
                                : dash());
    const QLocale locale;
    m_started->setText(p->startTime().isValid() ? locale.toString(p->startTime(), QLocale::ShortFormat) : dash());
    m_ended->setText(p->endTime().isValid() && !p->isAlive() ? locale.toString(p->endTime(), QLocale::ShortFormat)
                                                             : dash());
    m_runs->setText(QString::number(p->runCount()));
    if (p->state() == ManagedProcess::State::FailedToStart)
        m_exit->setText(tr("failed to start: %1").arg(p->failureReason()));
    else if (p->isFinished() && p->outOfMemory())
        m_exit->setText(tr("%1 (out of memory)").arg(p->exitCode()));
    else if (p->isFinished())
        m_exit->setText(SignalNames::formatExitCode(p->exitCode()));
    else if (p->lastRunEnd() != ManagedProcess::State::NotStarted) // waiting to restart, or running again
        m_exit->setText(tr("%1, run %2")
                            .arg(p->lastRunEnd() == ManagedProcess::State::FailedToStart
                                     ? tr("failed to start")
                                     : SignalNames::formatExitCode(p->lastRunExitCode()))
                            .arg(p->runCount() - (p->isAlive() ? 1 : 0)));
    else
        m_exit->setText(dash());
    m_cgroup->setText(p->cgroupUnit().isEmpty() ? dash() : VisibleText::visible(p->cgroupUnit()));
    refreshDependencies(p);
    m_nextRun->setText(p->nextScheduledStart().isValid() ? locale.toString(p->nextScheduledStart(), QLocale::ShortFormat)
                                                         : QString());
    m_form->setRowVisible(m_nextRun, !m_nextRun->text().isEmpty());
    refreshTree();
    refreshCharts();
}

// Each dependency and whether it is met; first what the entry waits for, or why it did not start.
void DetailsPanel::refreshDependencies(const ManagedProcess *p)
{
    QStringList lines = m_manager->stack()->dependencyLines(p);
    if (p->state() == ManagedProcess::State::WaitingForDependencies)
        lines.prepend(tr("waiting for %1").arg(p->waitingFor()));
    else if (p->state() == ManagedProcess::State::Blocked)
        lines.prepend(tr("not started: %1").arg(p->blockedReason()));
    m_dependencies->setText(VisibleText::visibleLines(lines.join(u'\n')));
    m_form->setRowVisible(m_dependencies, !lines.isEmpty());
}

void DetailsPanel::refreshTree()
{
    m_tree->clear();
    if (!m_process || !m_stats || !m_process->isAlive() || m_process->treeRootPid() <= 0)
        return;
    // Under the entry's reaper, which is left out: the program and any daemon it left are roots.
    const qint64 reaper = m_process->treeRootPid();
    QList<ProcessSample> samples = m_stats->tree(reaper);
    if (!samples.isEmpty() && samples.constFirst().pid == reaper)
        samples.removeFirst();
    for (ProcessSample &sample : samples)
        --sample.depth;
    QList<QTreeWidgetItem *> parents; // by depth
    const QLocale locale;
    for (const ProcessSample &sample : samples) {
        QTreeWidgetItem *item = sample.depth == 0 || parents.size() < sample.depth
            ? new QTreeWidgetItem(m_tree)
            : new QTreeWidgetItem(parents.at(sample.depth - 1));
        item->setText(0, QString::number(sample.pid));
        item->setText(1, sample.command);
        item->setToolTip(1, sample.command);
        item->setText(2, sample.cpuKnown ? locale.toString(sample.cpuPercent, 'f', 1) + QStringLiteral(" %") : QString());
        item->setText(3, locale.formattedDataSize(sample.rssBytes, 1, QLocale::DataSizeTraditionalFormat));
        for (int column : {0, 2, 3})
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        parents.resize(sample.depth + 1);
        parents[sample.depth] = item;
    }
    m_tree->expandAll();
}

QString DetailsPanel::limitsText(const ProcessLimits &limits)
{
    QStringList parts;
    if (limits.memoryMB > 0)
        parts.append(tr("Memory maximum %1 MB").arg(limits.memoryMB));
    if (limits.cpuPercent > 0)
        parts.append(tr("CPU quota %1 %").arg(limits.cpuPercent));
    if (limits.restartAboveMemoryMB > 0)
        parts.append(tr("restart above %1 MB").arg(limits.restartAboveMemoryMB));
    for (QString &part : parts)
        part.replace(u' ', QChar::Nbsp); // a narrow panel wraps between the limits, not inside one
    QString text = parts.join(QStringLiteral(" · "));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper(); // "Restart above …" when it comes first
    return text;
}

QStringList DetailsPanel::treeLines() const
{
    QStringList lines;
    std::function<void(const QTreeWidgetItem *, int)> walk = [&](const QTreeWidgetItem *item, int depth) {
        lines.append(QString(depth * 2, QLatin1Char(' ')) + item->text(0) + QLatin1Char(' ') + item->text(1));
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i), depth + 1);
    };
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        walk(m_tree->topLevelItem(i), 0);
    return lines;
}
