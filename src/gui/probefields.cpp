#include "probefields.h"

#include "dialogfields.h"
#include "stackcheck.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

using DialogFields::addNarrowRow;
using DialogFields::millisecondsSpin;

namespace {

constexpr int MaxFailureThreshold = 1000;

} // namespace

ProbeFields::ProbeFields(Role role, const ProbeSpec &probe, QWidget *parent)
    : QGroupBox(parent)
    , m_role(role)
{
    const bool readiness = role == Role::Readiness;
    setTitle(readiness ? tr("Readiness check") : tr("Liveness check"));
    setObjectName(readiness ? QStringLiteral("readinessFields") : QStringLiteral("livenessFields"));
    auto *form = new QFormLayout(this);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("probeKind"));
    m_kind->setAccessibleName(title());
    m_kind->addItem(readiness ? tr("None: ready once started") : tr("None", "liveness check"),
                    static_cast<int>(ProbeSpec::Kind::None));
    m_kind->addItem(tr("Output line matches"), static_cast<int>(ProbeSpec::Kind::LogLine));
    m_kind->addItem(tr("TCP port accepts connections"), static_cast<int>(ProbeSpec::Kind::Tcp));
    m_kind->addItem(tr("HTTP URL answers 2xx"), static_cast<int>(ProbeSpec::Kind::Http));
    m_kind->addItem(tr("Command exits 0"), static_cast<int>(ProbeSpec::Kind::Command));
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(probe.kind)));
    m_kind->setToolTip(readiness
                           ? tr("When the entry counts as ready: the entries that depend on it being ready wait for "
                                "this check to pass")
                           : tr("Whether the entry still works: when this check fails as often in a row as set below, "
                                "the run ends as failed and the restart policy decides what follows"));
    m_target = new QLineEdit(probe.target, this);
    m_target->setObjectName(QStringLiteral("probeTarget"));
    m_target->setAccessibleName(tr("What to check"));
    m_target->setToolTip(tr("A regular expression matched against each output line, host:port, an http:// URL "
                            "or a shell command, by the kind of check"));
    m_initialDelay = millisecondsSpin(probe.initialDelayMs, 0, tr("Initial delay"), this);
    m_initialDelay->setObjectName(QStringLiteral("probeInitialDelay"));
    m_initialDelay->setToolTip(tr("How long after the run starts the first check is made"));
    m_period = millisecondsSpin(probe.periodMs, 1, tr("Period"), this);
    m_period->setObjectName(QStringLiteral("probePeriod"));
    m_period->setToolTip(readiness ? tr("The time between two checks")
                                   : tr("The time between two checks; an output line check wants a matching "
                                        "line in every period"));
    m_timeout = millisecondsSpin(probe.timeoutMs, 1, tr("Timeout"), this);
    m_timeout->setObjectName(QStringLiteral("probeTimeout"));
    m_timeout->setToolTip(tr("How long one attempt may take before it counts as a failure"));
    m_threshold = new QSpinBox(this);
    m_threshold->setObjectName(QStringLiteral("probeThreshold"));
    m_threshold->setRange(1, MaxFailureThreshold);
    m_threshold->setValue(probe.failureThreshold);
    m_threshold->setAccessibleName(tr("Failure threshold"));
    m_threshold->setToolTip(tr("How many failed checks in a row count as failed"));

    // Each group its own mnemonics: both are on one tab.
    form->addRow(readiness ? tr("&Check:") : tr("C&heck:"), m_kind);
    form->addRow(readiness ? tr("&Target:") : tr("T&arget:"), m_target);
    addNarrowRow(form, readiness ? tr("Initial &delay:") : tr("I&nitial delay:"), m_initialDelay);
    addNarrowRow(form, readiness ? tr("&Period:") : tr("Peri&od:"), m_period);
    addNarrowRow(form, readiness ? tr("T&imeout:") : tr("Tim&eout:"), m_timeout);
    addNarrowRow(form, readiness ? tr("&Failures in a row:") : tr("Fai&lures in a row:"), m_threshold);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProbeFields::updateFields);
    updateFields();
}

QList<QWidget *> ProbeFields::fields() const
{
    return {m_kind, m_target, m_initialDelay, m_period, m_timeout, m_threshold};
}

void ProbeFields::updateFields()
{
    const auto kind = static_cast<ProbeSpec::Kind>(m_kind->currentData().toInt());
    const QList<QWidget *> all = fields();
    for (qsizetype i = 1; i < all.size(); ++i)
        all.at(i)->setEnabled(kind != ProbeSpec::Kind::None);
    switch (kind) {
    case ProbeSpec::Kind::LogLine:
        m_target->setPlaceholderText(tr("a regular expression, such as listening on port \\d+"));
        break;
    case ProbeSpec::Kind::Tcp:
        m_target->setPlaceholderText(tr("host:port, such as localhost:5432"));
        break;
    case ProbeSpec::Kind::Http:
        m_target->setPlaceholderText(tr("a URL, such as http://localhost:8080/health"));
        break;
    case ProbeSpec::Kind::Command:
        m_target->setPlaceholderText(tr("a shell command, such as pg_isready"));
        break;
    case ProbeSpec::Kind::None:
        m_target->setPlaceholderText(QString());
        break;
    }
}

bool ProbeFields::read(ProbeSpec &probe, QString *error) const
{
    const auto kind = static_cast<ProbeSpec::Kind>(m_kind->currentData().toInt());
    if (kind == ProbeSpec::Kind::None) {
        probe = ProbeSpec();
        return true;
    }
    const QString what = m_role == Role::Readiness ? tr("Readiness check: %1") : tr("Liveness check: %1");
    const QString target = m_target->text().trimmed();
    if (target.isEmpty()) {
        *error = what.arg(tr("enter what to check."));
        return false;
    }
    if (const std::optional<QString> problem = StackCheck::probeTargetProblem(kind, target)) {
        *error = what.arg(*problem);
        return false;
    }
    probe.kind = kind;
    probe.target = target;
    probe.initialDelayMs = m_initialDelay->value();
    probe.periodMs = m_period->value();
    probe.timeoutMs = m_timeout->value();
    probe.failureThreshold = m_threshold->value();
    return true;
}
