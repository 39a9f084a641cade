#include "detailspanel.h"
#include "mainwindow.h"
#include "managedprocess.h"
#include "processmanager.h"
#include "procstats.h"
#include "sparkline.h"
#include "windowtestsupport.h"

#include <QAction>
#include <QTest>

using namespace Qt::StringLiterals;
using WindowTestSupport::action;

class tst_Sparkline final : public QObject
{
    Q_OBJECT

private slots:
    void currentAndMaximum();
    void describesValues();
    void placeholderWithoutValues();
    void paintsInBothStates();
    void detailsPanelChartsBurningEntry();
};

void tst_Sparkline::currentAndMaximum()
{
    Sparkline chart;
    QCOMPARE(chart.maximum(), 0.0);
    QCOMPARE(chart.current(), 0.0);
    chart.setValues({1, 7, 3}, 10);
    QCOMPARE(chart.maximum(), 7.0);
    QCOMPARE(chart.current(), 3.0);
    QCOMPARE(chart.values(), (QList<double>{1, 7, 3}));
    QVERIFY(chart.sizeHint().width() >= 200);
    QVERIFY(chart.sizeHint().height() >= 40);
}

void tst_Sparkline::describesValues()
{
    Sparkline chart;
    chart.setFormatter([](double value) -> QString { return QString::number(value) + u" %"_s; });
    chart.setValues({5, 40, 12.5}, 300);
    QCOMPARE(chart.accessibleDescription(), u"Now 12.5 %, maximum 40 %"_s);
    chart.setInactive(true);
    QVERIFY(chart.isInactive());
    QCOMPARE(chart.accessibleDescription(), u"Last run: 12.5 % at its end, maximum 40 %"_s);
}

void tst_Sparkline::placeholderWithoutValues()
{
    Sparkline chart;
    chart.setValues({1, 2}, 5);
    chart.setPlaceholder(u"not running"_s);
    chart.setValues({}, 5);
    QCOMPARE(chart.accessibleDescription(), u"not running"_s);
}

// Paints a chart, a greyed one and an empty one without trouble, and the line is drawn.
void tst_Sparkline::paintsInBothStates()
{
    Sparkline chart;
    chart.resize(chart.sizeHint());
    chart.setValues({0, 10, 5, 10}, 4);
    const QImage active = chart.grab().toImage();
    chart.setInactive(true);
    const QImage inactive = chart.grab().toImage();
    QVERIFY(active != inactive); // greyed looks different
    chart.setValues({}, 4);
    QVERIFY(!chart.grab().isNull());
}

// A running entry that burns CPU: its charts in the details panel fill with its own figures, and
// keep them greyed when it ends.
void tst_Sparkline::detailsPanelChartsBurningEntry()
{
    MainWindow window;
    window.stats()->setInterval(100);
    ProcessSpec spec;
    spec.name = u"burner"_s;
    spec.program = QStringLiteral(PD_BURN_PATH);
    spec.args = {u"burn"_s, u"60000"_s};
    ManagedProcess *process = window.manager()->add(spec);
    window.selectProcesses({process});
    const DetailsPanel *panel = window.detailsPanel();
    QCOMPARE(panel->cpuChart()->accessibleDescription(), u"not running"_s);
    action(window, "actionStart")->trigger();
    QTRY_COMPARE(process->state(), ManagedProcess::State::Running);
    QTRY_VERIFY(panel->cpuChart()->values().size() >= 2 && panel->cpuChart()->maximum() > 0);
    QVERIFY(panel->memoryChart()->values().size() >= 2);
    QVERIFY(panel->memoryChart()->maximum() > 0);
    QVERIFY(!panel->cpuChart()->isInactive());
    QCOMPARE(panel->cpuChart()->accessibleName(), u"CPU, last 30 s"_s); // 300 samples at 100 ms
    QVERIFY2(panel->cpuChart()->accessibleDescription().startsWith(u"Now "_s),
             qPrintable(panel->cpuChart()->accessibleDescription()));
    process->kill();
    QTRY_VERIFY(process->isFinished());
    QVERIFY(panel->cpuChart()->isInactive());
    QVERIFY(panel->cpuChart()->values().size() >= 2); // the last run, greyed
}

QTEST_MAIN(tst_Sparkline)
#include "tst_sparkline.moc"
