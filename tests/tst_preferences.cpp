// The Preferences dialog in the running window: it opens from its action; OK applies every value
// at once (ProcStats, every OutputLog and the new ones, the output view, the notifier, the grace
// period of entries added afterwards) and saves it, so that a new window starts with it; Cancel
// changes nothing; Restore Defaults fills in the defaults.
#include "mainwindow.h"
#include "managedprocess.h"
#include "notifier.h"
#include "outputlog.h"
#include "outputpane.h"
#include "outputview.h"
#include "preferencesdialog.h"
#include "processdialog.h"
#include "processmanager.h"
#include "procstats.h"
#include "settings.h"
#include "testsupport.h"
#include "windowtestsupport.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using WindowTestSupport::action;

namespace {

constexpr qint64 MiB = 1024 * 1024;

PreferencesDialog *openPreferences(MainWindow &window)
{
    action(window, "actionPreferences")->trigger();
    auto *dialog = window.findChild<PreferencesDialog *>();
    if (dialog && !dialog->isVisible())
        return nullptr;
    return dialog;
}

template <typename T>
T *field(PreferencesDialog *dialog, const char *name)
{
    return dialog->findChild<T *>(QLatin1StringView(name));
}

void press(PreferencesDialog *dialog, QDialogButtonBox::StandardButton which)
{
    dialog->findChild<QDialogButtonBox *>()->button(which)->click();
}

// Every field away from its default.
void changeEverything(PreferencesDialog *dialog)
{
    field<QDoubleSpinBox>(dialog, "graceSpin")->setValue(2.5);
    field<QSpinBox>(dialog, "intervalSpin")->setValue(250);
    field<QSpinBox>(dialog, "maxLinesSpin")->setValue(2000);
    field<QSpinBox>(dialog, "maxMiBSpin")->setValue(4);
    field<QSpinBox>(dialog, "totalMaxMiBSpin")->setValue(64);
    field<QCheckBox>(dialog, "notifyCheck")->setChecked(false);
    field<QCheckBox>(dialog, "timestampsCheck")->setChecked(true);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSize(17);
    dialog->setOutputFont(font);
}

} // namespace

class tst_Preferences final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void opensFromItsAction();
    void okAppliesToTheRunningWindow();
    void okSavesForTheNextWindow();
    void cancelChangesNothing();
    void restoreDefaults();

private:
    QTemporaryDir m_config;
};

void tst_Preferences::initTestCase()
{
    QVERIFY(m_config.isValid());
    // Test mode files settings under $HOME/.qttest whatever XDG_CONFIG_HOME says, and CTest runs
    // the window tests side by side: a home of this test's own, so that what it saves or clears
    // (the whole store, trust records included) never reaches another test's window.
    qputenv("HOME", QFile::encodeName(m_config.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
}

void tst_Preferences::init()
{
    Settings settings;
    settings.store().clear();
    OutputLog::setDefaultLimits(OutputLog::DefaultMaxLines, OutputLog::DefaultMaxBytes);
    OutputLog::setTotalMaxBytes(OutputLog::DefaultTotalMaxBytes);
}

void tst_Preferences::opensFromItsAction()
{
    MainWindow window;
    QAction *preferences = action(window, "actionPreferences");
    QVERIFY(preferences);
    QVERIFY(!preferences->statusTip().isEmpty());
    QVERIFY(preferences->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    const QList<QMenu *> menus = window.findChildren<QMenu *>();
    QVERIFY(std::any_of(menus.begin(), menus.end(), [&](QMenu *menu) { return menu->actions().contains(preferences); }));

    PreferencesDialog *dialog = openPreferences(window);
    QVERIFY(dialog);
    // It shows the values in force.
    QCOMPARE(field<QSpinBox>(dialog, "intervalSpin")->value(), window.stats()->interval());
    QCOMPARE(field<QSpinBox>(dialog, "maxLinesSpin")->value(), int(OutputLog::DefaultMaxLines));
    QCOMPARE(field<QDoubleSpinBox>(dialog, "graceSpin")->value(), ProcessSpec::DefaultStopTimeoutMs / 1000.0);
    QCOMPARE(field<QCheckBox>(dialog, "notifyCheck")->isChecked(), window.notifier()->isEnabled());
    QCOMPARE(dialog->preferences().outputFont, window.outputPane()->view()->font());
    QVERIFY(!field<QDoubleSpinBox>(dialog, "graceSpin")->toolTip().isEmpty());
}

void tst_Preferences::okAppliesToTheRunningWindow()
{
    MainWindow window;
    ManagedProcess *before = WindowTestSupport::addChild(window, u"before"_s, {u"sleep"_s, u"30000"_s});
    PreferencesDialog *dialog = openPreferences(window);
    QVERIFY(dialog);
    changeEverything(dialog);
    press(dialog, QDialogButtonBox::Ok);

    QCOMPARE(window.stats()->interval(), 250);
    QCOMPARE(before->output()->maxLines(), 2000);
    QCOMPARE(before->output()->maxBytes(), 4 * MiB);
    QCOMPARE(window.outputPane()->view()->font().pointSize(), 17);
    QVERIFY(window.outputPane()->view()->timestampsVisible());
    QVERIFY(!window.notifier()->isEnabled());
    QVERIFY(!action(window, "actionNotify")->isChecked());
    // An entry added afterwards: the new bounds, and the Add dialog proposes the new grace period.
    ManagedProcess *after = WindowTestSupport::addChild(window, u"after"_s, {u"sleep"_s, u"30000"_s});
    QCOMPARE(after->output()->maxLines(), 2000);
    action(window, "actionAdd")->trigger();
    auto *add = window.findChild<ProcessDialog *>();
    QVERIFY(add);
    QCOMPARE(add->findChild<QDoubleSpinBox *>(u"graceSpin"_s)->value(), 2.5);
    // The entries there before keep their own grace period.
    QCOMPARE(before->spec().stopTimeoutMs, ProcessSpec::DefaultStopTimeoutMs);
}

void tst_Preferences::okSavesForTheNextWindow()
{
    {
        MainWindow window;
        PreferencesDialog *dialog = openPreferences(window);
        QVERIFY(dialog);
        changeEverything(dialog);
        press(dialog, QDialogButtonBox::Ok);
    }
    OutputLog::setDefaultLimits(OutputLog::DefaultMaxLines, OutputLog::DefaultMaxBytes);
    MainWindow window;
    QCOMPARE(window.stats()->interval(), 250);
    QCOMPARE(window.outputPane()->view()->font().pointSize(), 17);
    QVERIFY(window.outputPane()->view()->timestampsVisible());
    QVERIFY(!window.notifier()->isEnabled());
    QCOMPARE(WindowTestSupport::addChild(window, u"new"_s, {u"sleep"_s, u"30000"_s})->output()->maxLines(), 2000);
    PreferencesDialog *dialog = openPreferences(window);
    QVERIFY(dialog);
    QCOMPARE(field<QDoubleSpinBox>(dialog, "graceSpin")->value(), 2.5);
    QCOMPARE(field<QSpinBox>(dialog, "maxMiBSpin")->value(), 4);
    QCOMPARE(field<QSpinBox>(dialog, "totalMaxMiBSpin")->value(), 64);
}

void tst_Preferences::cancelChangesNothing()
{
    MainWindow window;
    ManagedProcess *process = WindowTestSupport::addChild(window, u"entry"_s, {u"sleep"_s, u"30000"_s});
    const QFont font = window.outputPane()->view()->font();
    PreferencesDialog *dialog = openPreferences(window);
    QVERIFY(dialog);
    changeEverything(dialog);
    press(dialog, QDialogButtonBox::Cancel);

    QCOMPARE(window.stats()->interval(), 1000);
    QCOMPARE(process->output()->maxLines(), OutputLog::DefaultMaxLines);
    QCOMPARE(window.outputPane()->view()->font(), font);
    QVERIFY(!window.outputPane()->view()->timestampsVisible());
    QVERIFY(window.notifier()->isEnabled());
    QCOMPARE(Preferences::read(Settings()), Preferences::defaults());
}

void tst_Preferences::restoreDefaults()
{
    {
        Preferences changed = Preferences::defaults();
        changed.sampleIntervalMs = 3000;
        changed.maxLines = 5000;
        changed.timestamps = true;
        Settings settings;
        changed.write(settings);
    }
    MainWindow window;
    QCOMPARE(window.stats()->interval(), 3000);
    PreferencesDialog *dialog = openPreferences(window);
    QVERIFY(dialog);
    QCOMPARE(field<QSpinBox>(dialog, "maxLinesSpin")->value(), 5000);
    press(dialog, QDialogButtonBox::RestoreDefaults);
    QVERIFY(dialog->isVisible()); // the form is filled in; OK keeps it
    QCOMPARE(dialog->preferences(), Preferences::defaults());
    QCOMPARE(field<QSpinBox>(dialog, "intervalSpin")->value(), 1000);
    press(dialog, QDialogButtonBox::Ok);

    QCOMPARE(window.stats()->interval(), 1000);
    QVERIFY(!window.outputPane()->view()->timestampsVisible());
    QCOMPARE(WindowTestSupport::addChild(window, u"new"_s, {u"sleep"_s, u"30000"_s})->output()->maxLines(),
             OutputLog::DefaultMaxLines);
    QCOMPARE(Preferences::read(Settings()), Preferences::defaults());
}

QTEST_MAIN(tst_Preferences)
#include "tst_preferences.moc"
