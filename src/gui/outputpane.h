#pragma once

#include <QList>
#include <QWidget>

class ManagedProcess;
class ProcessManager;

// The output of the entries: the selected ones, or All interleaved in arrival order. Reads the
// entries' OutputLogs; never a QProcess.
class OutputPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutputPane)

public:
    explicit OutputPane(ProcessManager *manager, QWidget *parent = nullptr);
    ~OutputPane() override;

    // The entries whose output the "Selected" view shows (the table's selection).
    void setSelectedProcesses(const QList<ManagedProcess *> &processes);

    // Plain text of the lines the current view shows, one per line (for tests and Save).
    QString visibleText() const;
};
