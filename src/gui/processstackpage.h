#pragma once

#include "processspec.h"

#include <QWidget>

class QComboBox;
class QPushButton;
class QSpinBox;
class QTableWidget;

// The Add/Edit dialog's "Stack" tab: what the entry depends on (another entry's name and a
// condition per row) and its replicas. The names offered are the session's other entries'; a
// self-dependency or a cycle is refused with the session file's words (StackCheck).
class ProcessStackPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessStackPage)

public:
    explicit ProcessStackPage(const ProcessSpec &spec, QWidget *parent = nullptr);

    // The session's entries as the file has them (ProcessManager::entrySpecs()) and which of them
    // is being edited (-1: a new entry, added at the end). The other entries' names are offered.
    void setSessionEntries(const QList<ProcessSpec> &entries, qsizetype edited);

    // Writes the fields into `spec` (its name already set from the dialog); false with `error`.
    bool read(ProcessSpec &spec, QString *error) const;

private:
    void addDependencyRow(const Dependency &dependency);
    void addDependency();
    void removeDependency();
    QStringList otherNames() const;

    QTableWidget *m_dependencies = nullptr;
    QPushButton *m_removeDependency = nullptr;
    QSpinBox *m_replicas = nullptr;
    QList<ProcessSpec> m_entries;
    qsizetype m_edited = -1;
};
