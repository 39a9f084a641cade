// MainWindow and the Preferences: Settings > Preferences… opens the dialog; its values are saved
// and applied to the running window at once (and at start-up, from readSettings()).
#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "managedprocess.h"
#include "outputlog.h"
#include "outputpane.h"
#include "outputview.h"
#include "preferencesdialog.h"
#include "processmanager.h"
#include "procstats.h"
#include "settings.h"

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MiB = 1024 * 1024;

} // namespace

void MainWindow::showPreferences()
{
    Preferences current = Preferences::read(Settings());
    current.notify = m_ui->actionNotify->isChecked(); // the menus may have changed these since
    current.timestamps = m_outputPane->view()->timestampsVisible();
    auto *dialog = new PreferencesDialog(current, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Preferences chosen = dialog->preferences();
        Settings settings;
        chosen.write(settings);
        applyPreferences(chosen);
    });
    dialog->open();
}

// The sampling interval, the output's bounds (every log now, and the ones made later), the
// notifications, the output's timestamps and font. The default grace period is read when an entry
// is added (addProcess()).
void MainWindow::applyPreferences(const Preferences &preferences)
{
    m_stats->setInterval(preferences.sampleIntervalMs);
    const qint64 maxBytes = preferences.maxMiB * MiB;
    OutputLog::setDefaultLimits(preferences.maxLines, maxBytes);
    OutputLog::setTotalMaxBytes(preferences.totalMaxMiB * MiB);
    for (ManagedProcess *process : m_manager->processes())
        process->output()->setLimits(preferences.maxLines, maxBytes);
    m_ui->actionNotify->setChecked(preferences.notify);
    // Through the pane's toggle, which keeps its check mark.
    m_outputPane->findChild<QAction *>(u"actionToggleTimestamps"_s)->setChecked(preferences.timestamps);
    m_outputPane->view()->setFont(preferences.outputFont);
}
