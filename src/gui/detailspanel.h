#pragma once

#include <QPointer>
#include <QWidget>

class ManagedProcess;
struct ProcessLimits;
class ProcStats;
class ProcessManager;
class QLabel;
class QTreeWidget;
class Sparkline;
class StatsHistory;

// The selected entry in full: its command, working directory, environment changes, limits, PID and
// process group, start and end times, runs and last exit, and its processes as a live tree (PID,
// command, CPU %, memory) from ProcStats, and its tree's CPU and memory over the last minutes as two
// charts (a StatsHistory of every entry, kept here; an entry that ended shows its last run greyed).
class DetailsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPanel)

public:
    DetailsPanel(ProcessManager *manager, ProcStats *stats, QWidget *parent = nullptr);

    void setProcess(ManagedProcess *process);
    ManagedProcess *process() const;

    // The tree as shown, one line per process, indented by depth: "  123 sleep 30" (for tests).
    QStringList treeLines() const;
    // The charts of the selected entry's CPU % and memory (bytes), for tests.
    const Sparkline *cpuChart() const;
    const Sparkline *memoryChart() const;

    // The Limits row: "Memory maximum 512 MB · CPU quota 50 % · restart above 400 MB", the limits
    // that are set (no-break spaces inside each); empty (and the row hidden) when none is.
    static QString limitsText(const ProcessLimits &limits);

private:
    void refresh();
    void refreshTree();
    void refreshDependencies(const ManagedProcess *p);
    void refreshCharts();
    void addCharts(class QVBoxLayout *layout);
    QLabel *addField(const QString &label);

    ProcessManager *m_manager = nullptr;
    ProcStats *m_stats = nullptr;
    QPointer<ManagedProcess> m_process;
    QLabel *m_title = nullptr;
    QLabel *m_command = nullptr;
    QLabel *m_directory = nullptr;
    QLabel *m_environment = nullptr;
    QLabel *m_limits = nullptr;
    QLabel *m_pid = nullptr;
    QLabel *m_started = nullptr;
    QLabel *m_ended = nullptr;
    QLabel *m_runs = nullptr;
    QLabel *m_exit = nullptr;
    QLabel *m_cgroup = nullptr; // the run's systemd scope, when it has one
    QLabel *m_nextRun = nullptr; // a scheduled entry's next start (TriggerMonitor)
    QLabel *m_pending = nullptr; // an edit made while it runs, applied at the next start
    QLabel *m_dependencies = nullptr; // its dependsOn, each met or not (StackRunner)
    QTreeWidget *m_tree = nullptr;
    StatsHistory *m_history = nullptr;
    QLabel *m_cpuTitle = nullptr;
    QLabel *m_memoryTitle = nullptr;
    Sparkline *m_cpuChart = nullptr;
    Sparkline *m_memoryChart = nullptr;
    class QFormLayout *m_form = nullptr;
};
