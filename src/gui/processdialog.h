#pragma once

#include "processspec.h"

#include <QDialog>

#include <memory>
#include <optional>

class LogFileFields;
class ProbeFields;
class ProcessStackPage;
class ProcessTriggersPage;

namespace Ui {
class ProcessDialog;
}

// Add and Edit: the fields of a ProcessSpec. Refuses invalid input with a message in the dialog
// (OK does not close it), so that nothing invalid reaches start time.
class ProcessDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessDialog)

public:
    // `baseDirectory` resolves a relative working directory and program, as the entry will.
    ProcessDialog(const ProcessSpec &spec, const QString &baseDirectory, QWidget *parent = nullptr);
    ~ProcessDialog() override;

    // The spec the fields describe, or std::nullopt with error() set.
    std::optional<ProcessSpec> spec() const;
    QString error() const;

    void accept() override;

    // Names of the session's other entries: a name among them is refused (names are unique).
    void setTakenNames(const QStringList &names);

    // The session's entries as the file has them and the index of the one being edited (-1 for
    // Add), for the Stack tab's names and its dependency check (ProcessStackPage).
    void setSessionEntries(const QList<ProcessSpec> &entries, qsizetype edited);

    // Whether this system can apply limits (MainWindow::setLimitsAvailability). When it cannot,
    // the limit fields are disabled, `reason` is shown in their group, and the entry's limits are
    // kept as they are on OK. Available until told otherwise.
    void setLimitsAvailability(bool available, const QString &reason);

    // Parses environment lines (EnvironmentText::parse: KEY=VALUE sets, -KEY removes) and words
    // an error for the dialog. Empty `error` on success.
    static QList<EnvironmentChange> parseEnvironment(const QString &text, QString *error);

private:
    void updateMode();
    void browseProgram();
    void browseDirectory();
    std::optional<ProcessSpec> readFields(QString *error) const;
    bool readLimits(ProcessSpec &spec, QString *error) const;
    void createStackTabs(const ProcessSpec &spec);
    bool readStackTabs(ProcessSpec &spec, QString *error) const;

    std::unique_ptr<Ui::ProcessDialog> m_ui;
    ProcessStackPage *m_stackPage = nullptr;
    ProbeFields *m_readiness = nullptr;
    ProbeFields *m_liveness = nullptr;
    ProcessTriggersPage *m_triggersPage = nullptr;
    LogFileFields *m_logFields = nullptr;
    ProcessSpec m_original;
    QString m_baseDirectory;
    QStringList m_takenNames;
    bool m_limitsAvailable = true;
    mutable QString m_error;
};
