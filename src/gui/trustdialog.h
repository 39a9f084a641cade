#pragma once

#include "truststore.h"

#include <QDialog>

class QTreeWidget;

// Before a session file that this user has not saved or approved starts anything: lists each
// command that would run (program, arguments, working directory, environment changes), with Run
// and Don't Run. Don't Run is the default button.
class TrustDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrustDialog)

public:
    TrustDialog(const QString &filePath, const QList<CommandPreview> &commands, QWidget *parent = nullptr);

    // The commands as the dialog lists them, one line each (for tests and screen readers).
    QStringList listedCommands() const;

private:
    QTreeWidget *m_list = nullptr;
};
