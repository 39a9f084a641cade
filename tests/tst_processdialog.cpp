// The Add/Edit dialog's Checks and Triggers tabs (liveness, watch, schedule, log): every session
// key round-trips through the fields, unknown keys inside each object are kept, and what the
// session file would refuse is refused with the session file's words.

#include "processdialog.h"
#include "sessionfile.h"
#include "testsupport.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_ProcessDialog final : public QObject
{
    Q_OBJECT

private slots:
    void livenessRoundTrips();
    void watchRoundTrips();
    void scheduleRoundTrips_data();
    void scheduleRoundTrips();
    void logRoundTrips();
    void refusesWithTheReadersWords_data();
    void refusesWithTheReadersWords();
    void cronHintReadsLikeTheScheduler();
    void fieldsHaveTooltipsAndTabOrder();
    void tabsFitTheDialog();
};

namespace {

ProcessSpec entry()
{
    ProcessSpec spec;
    spec.name = u"api"_s;
    spec.program = TestSupport::childPath();
    return spec;
}

// The spec the dialog gives back after OK, untouched (an empty spec when it refused).
ProcessSpec throughDialog(const ProcessSpec &spec)
{
    ProcessDialog dialog(spec, QString());
    dialog.show();
    dialog.accept();
    if (dialog.result() != QDialog::Accepted) {
        qWarning() << "refused:" << dialog.error();
        return ProcessSpec();
    }
    return *dialog.spec();
}

template<typename T>
T *field(QObject &parent, const QString &name)
{
    T *found = parent.findChild<T *>(name);
    if (!found)
        qFatal("no field %s", qPrintable(name));
    return found;
}

void choose(QComboBox *combo, int data)
{
    combo->setCurrentIndex(combo->findData(data));
}

// What the session file reader says about an entry with `keys` (after "processes[0].KEY: ").
QString readerMessage(const QJsonObject &keys)
{
    QJsonObject process = keys;
    process.insert(u"name"_s, u"api"_s);
    process.insert(u"program"_s, TestSupport::childPath());
    const QJsonObject session{{u"procdeck"_s, 1}, {u"processes"_s, QJsonArray{process}}};
    const SessionFile::LoadResult loaded = SessionFile::parseJson(QJsonDocument(session).toJson(), u"s.json"_s);
    if (loaded.ok())
        return u"(accepted)"_s;
    const qsizetype at = loaded.error.indexOf(u"processes[0]"_s);
    return loaded.error.mid(loaded.error.indexOf(u": "_s, at) + 2);
}

} // namespace

// Readiness and liveness are one widget twice: each round-trips, unknown keys included, and the
// liveness fields edit the liveness check only.
void tst_ProcessDialog::livenessRoundTrips()
{
    ProcessSpec spec = entry();
    spec.readiness = {ProbeSpec::Kind::Http, u"http://localhost:8080/health"_s, 500, 250, 2000, 5, {{u"x"_s, 1}}};
    spec.liveness = {ProbeSpec::Kind::LogLine, u"heartbeat \\d+"_s, 1000, 5000, 1000, 2, {{u"note"_s, u"keep"_s}}};
    QCOMPARE(throughDialog(spec), spec);

    ProcessDialog dialog(spec, QString());
    auto *liveness = field<QWidget>(dialog, u"livenessFields"_s);
    choose(field<QComboBox>(*liveness, u"probeKind"_s), static_cast<int>(ProbeSpec::Kind::Tcp));
    field<QLineEdit>(*liveness, u"probeTarget"_s)->setText(u"localhost:5432"_s);
    field<QSpinBox>(*liveness, u"probePeriod"_s)->setValue(2500);
    const std::optional<ProcessSpec> edited = dialog.spec();
    QVERIFY2(edited, qPrintable(dialog.error()));
    QCOMPARE(edited->readiness, spec.readiness);
    const ProbeSpec expected{ProbeSpec::Kind::Tcp, u"localhost:5432"_s, 1000, 2500, 1000, 2, {{u"note"_s, u"keep"_s}}};
    QCOMPARE(edited->liveness, expected);

    choose(field<QComboBox>(*liveness, u"probeKind"_s), static_cast<int>(ProbeSpec::Kind::None));
    QVERIFY(!field<QLineEdit>(*liveness, u"probeTarget"_s)->isEnabled());
    QVERIFY(!dialog.spec()->liveness.isSet());
}

void tst_ProcessDialog::watchRoundTrips()
{
    ProcessSpec spec = entry();
    spec.watch = {{u"src/**/*.py"_s, u"config/"_s}, {u".git/"_s, u"build/"_s}, 750, {{u"future"_s, true}}};
    QCOMPARE(throughDialog(spec), spec);

    ProcessDialog dialog(spec, QString());
    field<QPlainTextEdit>(dialog, u"watchPaths"_s)->setPlainText(u"  web/  \n\n*.toml\n"_s);
    field<QPlainTextEdit>(dialog, u"watchIgnore"_s)->setPlainText(QString());
    std::optional<ProcessSpec> edited = dialog.spec();
    QVERIFY2(edited, qPrintable(dialog.error()));
    const WatchSpec expected{{u"web/"_s, u"*.toml"_s}, {}, 750, {{u"future"_s, true}}};
    QCOMPARE(edited->watch, expected);

    // No paths, no ignores, the default debounce: no watch.
    field<QPlainTextEdit>(dialog, u"watchPaths"_s)->setPlainText(QString());
    field<QSpinBox>(dialog, u"watchDebounce"_s)->setValue(WatchSpec::DefaultDebounceMs);
    edited = dialog.spec();
    QVERIFY2(edited, qPrintable(dialog.error()));
    QVERIFY(!edited->watch.isSet());
    QCOMPARE(edited->watch, WatchSpec());
}

void tst_ProcessDialog::scheduleRoundTrips_data()
{
    QTest::addColumn<ScheduleSpec>("schedule");
    QTest::newRow("cron") << ScheduleSpec{u"*/5 9-17 * * mon-fri"_s, 0, {}};
    QTest::newRow("interval") << ScheduleSpec{QString(), 90000, {{u"jitterMs"_s, 10}}};
    QTest::newRow("interval beyond the field") << ScheduleSpec{QString(), 40LL * 24 * 3600 * 1000, {}};
    QTest::newRow("none") << ScheduleSpec{};
}

void tst_ProcessDialog::scheduleRoundTrips()
{
    QFETCH(ScheduleSpec, schedule);
    ProcessSpec spec = entry();
    spec.schedule = schedule;
    QCOMPARE(throughDialog(spec), spec);

    ProcessDialog dialog(spec, QString());
    auto *kind = field<QComboBox>(dialog, u"scheduleKind"_s);
    kind->setCurrentIndex(1); // a cron expression
    field<QLineEdit>(dialog, u"scheduleCron"_s)->setText(u" 0 3 * * * "_s);
    std::optional<ProcessSpec> edited = dialog.spec();
    QVERIFY2(edited, qPrintable(dialog.error()));
    QCOMPARE(edited->schedule, (ScheduleSpec{u"0 3 * * *"_s, 0, {}}));
    kind->setCurrentIndex(2); // an interval
    field<QSpinBox>(dialog, u"scheduleInterval"_s)->setValue(60000);
    edited = dialog.spec();
    QVERIFY2(edited, qPrintable(dialog.error()));
    QCOMPARE(edited->schedule.cron, QString());
    QCOMPARE(edited->schedule.everyMs, qint64(60000));
    QCOMPARE(edited->schedule.unknownKeys, schedule.unknownKeys);
    kind->setCurrentIndex(0);
    QVERIFY(!field<QLineEdit>(dialog, u"scheduleCron"_s)->isEnabled());
    QVERIFY(!field<QSpinBox>(dialog, u"scheduleInterval"_s)->isEnabled());
    QCOMPARE(dialog.spec()->schedule, ScheduleSpec());
}

void tst_ProcessDialog::logRoundTrips()
{
    ProcessSpec spec = entry();
    spec.log = {u"logs/api.log"_s, 20, 3, {{u"compress"_s, true}}};
    QCOMPARE(throughDialog(spec), spec);

    ProcessDialog dialog(spec, QString());
    QVERIFY(dialog.findChild<QPushButton *>(u"logBrowse"_s));
    field<QLineEdit>(dialog, u"logPath"_s)->setText(u"out/api.log"_s);
    field<QSpinBox>(dialog, u"logKeep"_s)->setValue(0);
    std::optional<ProcessSpec> edited = dialog.spec();
    QVERIFY2(edited, qPrintable(dialog.error()));
    QCOMPARE(edited->log, (LogFileSpec{u"out/api.log"_s, 20, 0, {{u"compress"_s, true}}}));

    // No path and the default sizes: no log file.
    field<QLineEdit>(dialog, u"logPath"_s)->clear();
    field<QSpinBox>(dialog, u"logMaxSize"_s)->setValue(LogFileSpec::DefaultMaxSizeMB);
    field<QSpinBox>(dialog, u"logKeep"_s)->setValue(LogFileSpec::DefaultKeep);
    edited = dialog.spec();
    QVERIFY2(edited, qPrintable(dialog.error()));
    QCOMPARE(edited->log, LogFileSpec());
}

// Each row: a field set in the dialog, the same value in a session file, and the dialog's words
// before the reader's message.
void tst_ProcessDialog::refusesWithTheReadersWords_data()
{
    QTest::addColumn<QString>("fieldName");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QJsonObject>("keys");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("cron out of range") << u"scheduleCron"_s << u"61 * * * *"_s
                                       << QJsonObject{{u"schedule"_s, u"61 * * * *"_s}} << u"Schedule: "_s;
    QTest::newRow("cron of three fields") << u"scheduleCron"_s << u"* * *"_s
                                          << QJsonObject{{u"schedule"_s, u"* * *"_s}} << u"Schedule: "_s;
    QTest::newRow("cron with a bad field") << u"scheduleCron"_s << u"* * * foo *"_s
                                           << QJsonObject{{u"schedule"_s, u"* * * foo *"_s}} << u"Schedule: "_s;
    QTest::newRow("cron day that never comes") << u"scheduleCron"_s << u"0 0 31 feb *"_s
                                               << QJsonObject{{u"schedule"_s, u"0 0 31 feb *"_s}} << u"Schedule: "_s;
    QTest::newRow("interval too short") << u"scheduleInterval"_s << u"500"_s
                                        << QJsonObject{{u"schedule"_s, QJsonObject{{u"everyMs"_s, 500}}}}
                                        << u"Schedule interval: "_s;
    QTest::newRow("log size without a path") << u"logMaxSize"_s << u"20"_s
                                             << QJsonObject{{u"log"_s, QJsonObject{{u"maxSizeMB"_s, 20}}}}
                                             << u"Log file path: "_s;
    QTest::newRow("log keep without a path") << u"logKeep"_s << u"2"_s
                                             << QJsonObject{{u"log"_s, QJsonObject{{u"keep"_s, 2}}}}
                                             << u"Log file path: "_s;
    QTest::newRow("ignores without paths") << u"watchIgnore"_s << u".git/"_s
                                           << QJsonObject{{u"watch"_s, QJsonObject{{u"ignore"_s, QJsonArray{u".git/"_s}}}}}
                                           << u"Restart on change: "_s;
    QTest::newRow("liveness port") << u"livenessTarget"_s << u"localhost:0"_s
                                   << QJsonObject{{u"liveness"_s, QJsonObject{{u"tcp"_s, u"localhost:0"_s}}}}
                                   << u"Liveness check: "_s;
    QTest::newRow("liveness regular expression") << u"livenessPattern"_s << u"(unclosed"_s
                                                 << QJsonObject{{u"liveness"_s, QJsonObject{{u"logLine"_s, u"(unclosed"_s}}}}
                                                 << u"Liveness check: "_s;
}

void tst_ProcessDialog::refusesWithTheReadersWords()
{
    QFETCH(QString, fieldName);
    QFETCH(QString, value);
    QFETCH(QJsonObject, keys);
    QFETCH(QString, prefix);
    const QString expected = readerMessage(keys);
    QVERIFY2(expected != u"(accepted)"_s, "the session file accepts it");

    ProcessDialog dialog(entry(), QString());
    dialog.show();
    if (fieldName == u"scheduleCron"_s) {
        field<QComboBox>(dialog, u"scheduleKind"_s)->setCurrentIndex(1);
        field<QLineEdit>(dialog, fieldName)->setText(value);
    } else if (fieldName == u"scheduleInterval"_s) {
        field<QComboBox>(dialog, u"scheduleKind"_s)->setCurrentIndex(2);
        field<QSpinBox>(dialog, fieldName)->setValue(value.toInt());
    } else if (fieldName.startsWith(u"log"_s)) {
        field<QSpinBox>(dialog, fieldName)->setValue(value.toInt());
    } else if (fieldName == u"watchIgnore"_s) {
        field<QPlainTextEdit>(dialog, fieldName)->setPlainText(value);
    } else {
        auto *liveness = field<QWidget>(dialog, u"livenessFields"_s);
        const ProbeSpec::Kind kind = fieldName == u"livenessTarget"_s ? ProbeSpec::Kind::Tcp : ProbeSpec::Kind::LogLine;
        choose(field<QComboBox>(*liveness, u"probeKind"_s), static_cast<int>(kind));
        field<QLineEdit>(*liveness, u"probeTarget"_s)->setText(value);
    }
    dialog.accept();
    QVERIFY2(dialog.isVisible(), "the dialog accepted it");
    QCOMPARE(dialog.error(), prefix + expected);
}

// The hint under the cron field: the next time by the scheduler's own reading, or the problem.
void tst_ProcessDialog::cronHintReadsLikeTheScheduler()
{
    ProcessDialog dialog(entry(), QString());
    field<QComboBox>(dialog, u"scheduleKind"_s)->setCurrentIndex(1);
    auto *cron = field<QLineEdit>(dialog, u"scheduleCron"_s);
    auto *hint = field<QLabel>(dialog, u"scheduleCronHint"_s);
    cron->setText(u"0 0 31 feb *"_s);
    QCOMPARE(hint->text(), readerMessage({{u"schedule"_s, u"0 0 31 feb *"_s}}));
    cron->setText(u"*/5 * * * *"_s);
    QVERIFY2(hint->text().startsWith(u"Next run: "_s), qPrintable(hint->text()));
}

// Every field of the new tabs explains itself, and Tab walks them top to bottom.
void tst_ProcessDialog::fieldsHaveTooltipsAndTabOrder()
{
    ProcessDialog dialog(entry(), QString());
    dialog.show();
    for (const QString &tab : {u"checksTab"_s, u"triggersTab"_s}) {
        auto *page = field<QWidget>(dialog, tab);
        for (QWidget *widget : page->findChildren<QWidget *>()) {
            const bool isField = qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
                || qobject_cast<QPlainTextEdit *>(widget) || qobject_cast<QPushButton *>(widget)
                || (qobject_cast<QLineEdit *>(widget) && !qobject_cast<QAbstractSpinBox *>(widget->parentWidget()));
            if (isField)
                QVERIFY2(!widget->toolTip().isEmpty(), qPrintable(tab + u": "_s + widget->objectName()));
        }
    }
    const QStringList order{u"watchPaths"_s, u"watchIgnore"_s, u"watchDebounce"_s, u"scheduleKind"_s,
                            u"scheduleCron"_s, u"scheduleInterval"_s, u"logPath"_s, u"logBrowse"_s,
                            u"logMaxSize"_s, u"logKeep"_s};
    QStringList walked;
    QWidget *widget = field<QWidget>(dialog, order.first());
    for (int i = 0; i < 200 && walked.size() < order.size(); ++i, widget = widget->nextInFocusChain()) {
        if (order.contains(widget->objectName()) && !walked.contains(widget->objectName()))
            walked.append(widget->objectName());
    }
    QCOMPARE(walked, order);
}

// Each tab's fields fit the dialog at the size it opens with.
void tst_ProcessDialog::tabsFitTheDialog()
{
    ProcessDialog dialog(entry(), QString());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *tabs = field<QTabWidget>(dialog, u"tabs"_s);
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QWidget *page = tabs->widget(i);
        QVERIFY2(page->minimumSizeHint().height() <= page->height(),
                 qPrintable(u"%1: %2 > %3"_s.arg(tabs->tabText(i)).arg(page->minimumSizeHint().height()).arg(page->height())));
        QVERIFY2(page->minimumSizeHint().width() <= page->width(), qPrintable(tabs->tabText(i)));
    }
}

QTEST_MAIN(tst_ProcessDialog)
#include "tst_processdialog.moc"
