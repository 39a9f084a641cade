#pragma once

#include "attachtarget.h"

#include <QDialog>

#include <memory>

namespace Ui {
class AttachDialog;
}
class QPushButton;
class QTreeWidgetItem;

// File › Attach…: the ProcDecks running on this machine (ControlClient::runningInstances(), this
// window's own left out) with their name, mode, entries, session file and PID, and a field for
// another target (ssh://[user@]host[:port][/session], or a name or session file here), read by
// AttachTarget::parse with its error shown under the field. Attach (or a double-click) accepts;
// target() is then where to attach. The list is read on a thread of its own (each socket is asked
// for its hello), so the window never waits for a slow peer; instancesListed() says it is there.
class AttachDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttachDialog)

public:
    explicit AttachDialog(QWidget *parent = nullptr);
    ~AttachDialog() override;

    AttachTarget target() const;
    // Reads the list again (the Refresh button).
    void refresh();
    void accept() override;

signals:
    void instancesListed(int count);

private:
    struct Listed
    {
        QString socketPath;
        QString name;
        QString mode;
        int entries = 0;
        QString session;
        qint64 pid = 0;
    };
    void showInstances(const QList<Listed> &instances);
    void updateButtons();
    bool acceptItem(QTreeWidgetItem *item);

    std::unique_ptr<Ui::AttachDialog> m_ui;
    QPushButton *m_attach = nullptr;
    QPushButton *m_refresh = nullptr;
    AttachTarget m_target;
    int m_generation = 0; // a refresh's answer is shown only if no later refresh was asked for
};
