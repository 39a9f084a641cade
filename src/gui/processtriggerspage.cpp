#include "processtriggerspage.h"

#include "cronschedule.h"
#include "dialogfields.h"
#include "stackcheck.h"
#include "visibletext.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace {

constexpr int ListHeight = 64; // about three lines: paths are few
constexpr qint64 DefaultEveryMs = 60000; // what the interval field proposes

// The non-blank lines of `text`, trimmed.
QStringList lines(const QString &text)
{
    QStringList result;
    for (const QString &line : text.split(u'\n')) {
        if (!line.trimmed().isEmpty())
            result.append(line.trimmed());
    }
    return result;
}

QPlainTextEdit *listEdit(const QStringList &items, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(items.join(u'\n'), parent);
    edit->setAccessibleName(accessibleName);
    edit->setTabChangesFocus(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setMaximumHeight(ListHeight);
    return edit;
}

} // namespace

ProcessTriggersPage::ProcessTriggersPage(const WatchSpec &watch, const ScheduleSpec &schedule, QWidget *parent)
    : QWidget(parent)
    , m_originalEveryMs(schedule.everyMs)
{
    m_layout = new QVBoxLayout(this);
    m_layout->addWidget(createWatchGroup(watch));
    m_layout->addWidget(createScheduleGroup(schedule));
    m_layout->addStretch();
}

void ProcessTriggersPage::addGroup(QWidget *group)
{
    m_layout->insertWidget(m_layout->count() - 1, group); // above the stretch
}

QWidget *ProcessTriggersPage::createWatchGroup(const WatchSpec &watch)
{
    auto *group = new QGroupBox(tr("Restart on change"), this);
    auto *form = new QFormLayout(group);
    m_watchPaths = listEdit(watch.paths, tr("Paths to watch"), group);
    m_watchPaths->setObjectName(QStringLiteral("watchPaths"));
    m_watchPaths->setPlaceholderText(tr("src/**/*.py\nconfig/"));
    m_watchPaths->setToolTip(tr("Files, folders or globs, one per line, relative to the session file's folder. "
                                "A change restarts the entry, and the entries that depend on it follow."));
    m_watchIgnore = listEdit(watch.ignore, tr("Paths to ignore"), group);
    m_watchIgnore->setObjectName(QStringLiteral("watchIgnore"));
    m_watchIgnore->setPlaceholderText(tr(".git/\nbuild/"));
    m_watchIgnore->setToolTip(tr("Globs, or folder names ending in /, whose changes do not count; one per line"));
    m_debounce = DialogFields::millisecondsSpin(watch.debounceMs, 0, tr("Debounce"), group);
    m_debounce->setObjectName(QStringLiteral("watchDebounce"));
    m_debounce->setToolTip(tr("Changes this close together are one burst: the entry restarts once, after the last"));
    form->addRow(tr("&Watch:"), m_watchPaths);
    form->addRow(tr("I&gnore:"), m_watchIgnore);
    DialogFields::addNarrowRow(form, tr("&Debounce:"), m_debounce);
    return group;
}

QWidget *ProcessTriggersPage::createScheduleGroup(const ScheduleSpec &schedule)
{
    auto *group = new QGroupBox(tr("Schedule"), this);
    auto *form = new QFormLayout(group);
    m_scheduleKind = new QComboBox(group);
    m_scheduleKind->setObjectName(QStringLiteral("scheduleKind"));
    m_scheduleKind->setAccessibleName(tr("Schedule"));
    m_scheduleKind->setToolTip(tr("Starts the entry at these times; never a second time while a run is still going"));
    m_scheduleKind->addItem(tr("Not scheduled"), static_cast<int>(ScheduleKind::None));
    m_scheduleKind->addItem(tr("At the times of a cron expression"), static_cast<int>(ScheduleKind::Cron));
    m_scheduleKind->addItem(tr("At an interval"), static_cast<int>(ScheduleKind::Interval));
    const ScheduleKind kind = !schedule.cron.isEmpty() ? ScheduleKind::Cron
                              : schedule.everyMs > 0   ? ScheduleKind::Interval
                                                       : ScheduleKind::None;
    m_scheduleKind->setCurrentIndex(m_scheduleKind->findData(static_cast<int>(kind)));
    m_cron = new QLineEdit(schedule.cron, group);
    m_cron->setObjectName(QStringLiteral("scheduleCron"));
    m_cron->setAccessibleName(tr("Cron expression"));
    m_cron->setPlaceholderText(tr("*/5 * * * *"));
    m_cron->setToolTip(tr("Five fields, as cron reads them: minute hour day month weekday. "
                          "*/5 * * * * is every five minutes; 0 3 * * mon-fri is 3:00 on weekdays."));
    m_cronHint = new QLabel(group);
    m_cronHint->setObjectName(QStringLiteral("scheduleCronHint"));
    m_cronHint->setTextFormat(Qt::PlainText);
    m_cronHint->setWordWrap(true);
    m_interval = new QSpinBox(group);
    m_interval->setObjectName(QStringLiteral("scheduleInterval"));
    m_interval->setAccessibleName(tr("Interval"));
    m_interval->setToolTip(tr("The time from one start to the next, at least %1 ms").arg(StackCheck::MinEveryMs));
    m_interval->setRange(1, std::numeric_limits<int>::max());
    m_interval->setSuffix(tr(" ms"));
    m_interval->setSingleStep(1000);
    const qint64 everyMs = schedule.everyMs > 0 ? schedule.everyMs : DefaultEveryMs;
    m_interval->setValue(int(std::min<qint64>(everyMs, std::numeric_limits<int>::max())));
    form->addRow(tr("&Run:"), m_scheduleKind);
    form->addRow(tr("&Cron expression:"), m_cron);
    form->addRow(QString(), m_cronHint);
    DialogFields::addNarrowRow(form, tr("&Every:"), m_interval);
    connect(m_scheduleKind, &QComboBox::currentIndexChanged, this, &ProcessTriggersPage::updateScheduleFields);
    connect(m_cron, &QLineEdit::textChanged, this, &ProcessTriggersPage::updateCronHint);
    updateScheduleFields();
    return group;
}

void ProcessTriggersPage::updateScheduleFields()
{
    const auto kind = static_cast<ScheduleKind>(m_scheduleKind->currentData().toInt());
    m_cron->setEnabled(kind == ScheduleKind::Cron);
    m_interval->setEnabled(kind == ScheduleKind::Interval);
    updateCronHint();
}

// The next time the expression comes, by the scheduler's own reading; or why it is refused.
void ProcessTriggersPage::updateCronHint()
{
    const QString text = m_cron->text().trimmed();
    if (!m_cron->isEnabled() || text.isEmpty()) {
        m_cronHint->clear();
        return;
    }
    if (const std::optional<QString> problem = StackCheck::cronProblem(text)) {
        m_cronHint->setText(VisibleText::visible(*problem));
        return;
    }
    const QDateTime next = CronSchedule::parse(text).schedule->nextAfter(QDateTime::currentDateTime());
    m_cronHint->setText(tr("Next run: %1").arg(QLocale().toString(next, QLocale::ShortFormat)));
}

bool ProcessTriggersPage::readWatch(WatchSpec &watch, QString *error) const
{
    const QStringList paths = lines(m_watchPaths->toPlainText());
    const QStringList ignore = lines(m_watchIgnore->toPlainText());
    if (paths.isEmpty() && ignore.isEmpty() && m_debounce->value() == WatchSpec::DefaultDebounceMs) {
        watch = WatchSpec();
        return true;
    }
    if (const std::optional<QString> problem = StackCheck::watchPathsProblem(paths)) {
        *error = tr("Restart on change: %1").arg(*problem);
        return false;
    }
    watch.paths = paths;
    watch.ignore = ignore;
    watch.debounceMs = m_debounce->value();
    return true;
}

bool ProcessTriggersPage::readSchedule(ScheduleSpec &schedule, QString *error) const
{
    switch (static_cast<ScheduleKind>(m_scheduleKind->currentData().toInt())) {
    case ScheduleKind::None:
        schedule = ScheduleSpec();
        return true;
    case ScheduleKind::Cron:
        if (const std::optional<QString> problem = StackCheck::cronProblem(m_cron->text().trimmed())) {
            *error = tr("Schedule: %1").arg(*problem);
            return false;
        }
        schedule.cron = m_cron->text().trimmed();
        schedule.everyMs = 0;
        schedule.unknownKeys = QJsonObject(); // the string form has no object to keep them in
        return true;
    case ScheduleKind::Interval: {
        const bool unchanged = m_originalEveryMs > m_interval->maximum() && m_interval->value() == m_interval->maximum();
        const qint64 everyMs = unchanged ? m_originalEveryMs : m_interval->value();
        if (const std::optional<QString> problem = StackCheck::intervalProblem(everyMs)) {
            *error = tr("Schedule interval: %1").arg(*problem);
            return false;
        }
        schedule.cron.clear();
        schedule.everyMs = everyMs;
        return true;
    }
    }
    return true;
}

bool ProcessTriggersPage::read(WatchSpec &watch, ScheduleSpec &schedule, QString *error) const
{
    return readWatch(watch, error) && readSchedule(schedule, error);
}
