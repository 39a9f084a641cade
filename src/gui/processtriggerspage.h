#pragma once

#include "stackspec.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QVBoxLayout;

// The Add/Edit dialog's "Triggers" tab: what starts the entry besides Start: restart on change
// (`watch`: paths, ignores, debounce) and scheduled runs (`schedule`: a cron expression or an
// interval). Refuses what the session file would refuse, with its words (StackCheck).
class ProcessTriggersPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessTriggersPage)

public:
    ProcessTriggersPage(const WatchSpec &watch, const ScheduleSpec &schedule, QWidget *parent = nullptr);

    // Writes the fields into `watch` and `schedule` (which keep their unknown keys); false with
    // `error`.
    bool read(WatchSpec &watch, ScheduleSpec &schedule, QString *error) const;

    // Adds `group` under the triggers' groups (the dialog puts the log file there).
    void addGroup(QWidget *group);

private:
    enum class ScheduleKind { None, Cron, Interval };

    QWidget *createWatchGroup(const WatchSpec &watch);
    QWidget *createScheduleGroup(const ScheduleSpec &schedule);
    void updateScheduleFields();
    void updateCronHint();
    bool readWatch(WatchSpec &watch, QString *error) const;
    bool readSchedule(ScheduleSpec &schedule, QString *error) const;

    QPlainTextEdit *m_watchPaths = nullptr;
    QPlainTextEdit *m_watchIgnore = nullptr;
    QSpinBox *m_debounce = nullptr;
    QComboBox *m_scheduleKind = nullptr;
    QLineEdit *m_cron = nullptr;
    QLabel *m_cronHint = nullptr;
    QSpinBox *m_interval = nullptr;
    QVBoxLayout *m_layout = nullptr;
    qint64 m_originalEveryMs = 0; // beyond the field's range: kept while the field shows its maximum
};
