#pragma once

#include "procstats.h"

#include <QAbstractTableModel>
#include <QTimer>

class ManagedProcess;
class ProcessManager;

// Rows are the manager's entries. Translates the manager's signals into row inserts, removes and
// one dataChanged per changed row (or one for the whole table). Holds no QtGui types: colours
// and badges come from ProcessDelegate, using StateRole.
class ProcessTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessTableModel)

public:
    // Ready is last: a header state saved before it existed restores with it shown at the end.
    enum Column { Name, Pid, Alive, State, Exit, Started, RunTime, Cpu, Memory, Processes, Restarts, Ready, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // raw value for sorting (numbers, times)
        StateRole,                   // ManagedProcess::State as int
        ProcessIdRole,               // ManagedProcess::id()
        AliveRole,                   // bool
        UnexpectedRole,              // bool: the last run ended with a failure ProcDeck did not cause
        ReadinessRole,               // ManagedProcess::Readiness as int; -1: the run has no readiness check
    };
    Q_ENUM(Role)

    // What an entry's row says about it, in the words of the status bar's counts: the one rule
    // for "failed" (a start that failed, a non-zero exit, a signal ProcDeck did not send, out of
    // memory: endedUnexpectedly()), which the State column and the counts both follow. A Waiting
    // entry counts as its last run ended.
    enum class Outcome { NotStarted, Running, Paused, Ended, Failed };
    Q_ENUM(Outcome)
    static Outcome outcome(const ManagedProcess *process);

    explicit ProcessTableModel(ProcessManager *manager, QObject *parent = nullptr);

    // Resource columns (CPU %, memory, processes of the entry) from this sampler. The model keeps
    // its watched trees equal to the live entries' process trees (rooted at their reapers) and
    // turns each sample into one update of those columns.
    void setStats(ProcStats *stats);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    ManagedProcess *processAt(const QModelIndex &index) const;
    QModelIndex indexOf(const ManagedProcess *process, int column = Name) const;

    // How often the Run time column and the Stopping countdown refresh (default 1000 ms).
    void setTickInterval(int ms);

private:
    QVariant displayValue(const ManagedProcess *process, int column) const;
    std::optional<TreeSample> treeSample(const ManagedProcess *process) const;
    QVariant sortValue(const ManagedProcess *process, int column) const;
    QString toolTip(const ManagedProcess *process, int column) const;
    void onProcessesChanged(const QList<int> &rows);
    void onTick();
    void emitRowsChanged(const QList<int> &rows, int firstColumn, int lastColumn);
    void updateWatchedTrees();
    QList<int> aliveRows() const;
    QList<int> tickingRows() const;
    static bool hasReadinessCheck(const ManagedProcess *process);
    QString readyText(const ManagedProcess *process) const;
    QString readyToolTip(const ManagedProcess *process) const;
    // inFull: with a schedule's next run after the end state, never in its place (the tooltip).
    QString stateText(const ManagedProcess *process, bool inFull = false) const;
    static QString withNextRun(const ManagedProcess *process, const QString &text, bool inFull);

    ProcessManager *m_manager = nullptr;
    ProcStats *m_stats = nullptr;
    QList<qint64> m_watched;
    QTimer m_tick;
    int m_rowCount = 0;
};
