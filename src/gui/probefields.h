#pragma once

#include "stackspec.h"

#include <QGroupBox>

class QComboBox;
class QLineEdit;
class QSpinBox;

// The fields of one readiness or liveness check (ProbeSpec) in the Add/Edit dialog: its kind,
// target and timings, each with the session file's meaning and default. The dialog's Checks tab
// has one of each; a target the session file would refuse is refused with its words
// (StackCheck::probeTargetProblem()).
class ProbeFields final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbeFields)

public:
    enum class Role { Readiness, Liveness };

    ProbeFields(Role role, const ProbeSpec &probe, QWidget *parent = nullptr);

    // Writes the fields into `probe` (which keeps its unknown keys); false with `error`.
    bool read(ProbeSpec &probe, QString *error) const;

private:
    void updateFields();
    QList<QWidget *> fields() const; // in the order Tab walks them

    Role m_role;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_target = nullptr;
    QSpinBox *m_initialDelay = nullptr;
    QSpinBox *m_period = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_threshold = nullptr;
};
