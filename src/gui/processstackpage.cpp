#include "processstackpage.h"

#include "dialogfields.h"
#include "processmanager.h"
#include "stackcheck.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

enum DependencyColumn { NameColumn, ConditionColumn };

} // namespace

ProcessStackPage::ProcessStackPage(const ProcessSpec &spec, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);

    auto *dependsGroup = new QGroupBox(tr("Depends on"), this);
    auto *dependsLayout = new QVBoxLayout(dependsGroup);
    auto *dependsHint = new QLabel(tr("Started after these entries reach their condition; stopped before them."), dependsGroup);
    dependsHint->setWordWrap(true);
    dependsLayout->addWidget(dependsHint);
    m_dependencies = new QTableWidget(0, 2, dependsGroup);
    m_dependencies->setObjectName(QStringLiteral("dependencyTable"));
    m_dependencies->setAccessibleName(tr("Dependencies"));
    m_dependencies->setHorizontalHeaderLabels({tr("Entry"), tr("Condition")});
    m_dependencies->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_dependencies->verticalHeader()->hide();
    m_dependencies->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_dependencies->setSelectionMode(QAbstractItemView::SingleSelection);
    m_dependencies->setMinimumHeight(120);
    dependsLayout->addWidget(m_dependencies);
    auto *buttons = new QHBoxLayout;
    auto *addDependency = new QPushButton(tr("&Add Dependency"), dependsGroup);
    addDependency->setObjectName(QStringLiteral("addDependency"));
    m_removeDependency = new QPushButton(tr("Re&move"), dependsGroup);
    m_removeDependency->setObjectName(QStringLiteral("removeDependency"));
    buttons->addWidget(addDependency);
    buttons->addWidget(m_removeDependency);
    buttons->addStretch();
    dependsLayout->addLayout(buttons);
    layout->addWidget(dependsGroup);

    auto *replicasLayout = new QFormLayout;
    m_replicas = new QSpinBox(this);
    m_replicas->setObjectName(QStringLiteral("replicasSpin"));
    m_replicas->setRange(1, ProcessManager::MaxReplicas);
    m_replicas->setValue(spec.replicas);
    m_replicas->setAccessibleName(tr("Replicas"));
    m_replicas->setToolTip(tr("Runs this many copies, NAME-1 … NAME-N; each sees its number in PROCDECK_REPLICA"));
    DialogFields::addNarrowRow(replicasLayout, tr("&Replicas:"), m_replicas);
    layout->addLayout(replicasLayout);
    layout->addStretch();

    for (const Dependency &dependency : spec.dependsOn)
        addDependencyRow(dependency);
    connect(addDependency, &QPushButton::clicked, this, &ProcessStackPage::addDependency);
    connect(m_removeDependency, &QPushButton::clicked, this, &ProcessStackPage::removeDependency);
    connect(m_dependencies, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removeDependency->setEnabled(m_dependencies->currentRow() >= 0); });
    m_removeDependency->setEnabled(false);
}

void ProcessStackPage::setSessionEntries(const QList<ProcessSpec> &entries, qsizetype edited)
{
    m_entries = entries;
    m_edited = edited;
    const QStringList names = otherNames();
    for (int row = 0; row < m_dependencies->rowCount(); ++row) {
        auto *combo = static_cast<QComboBox *>(m_dependencies->cellWidget(row, NameColumn));
        const QString current = combo->currentText();
        combo->clear();
        combo->addItems(names);
        if (combo->findText(current) < 0)
            combo->addItem(current); // a name that is not there (any more): shown, refused on OK
        combo->setCurrentText(current);
    }
}

QStringList ProcessStackPage::otherNames() const
{
    QStringList names;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (i != m_edited)
            names.append(m_entries.at(i).name);
    }
    return names;
}

void ProcessStackPage::addDependencyRow(const Dependency &dependency)
{
    const int row = m_dependencies->rowCount();
    m_dependencies->insertRow(row);
    auto *name = new QComboBox(m_dependencies);
    name->setAccessibleName(tr("Entry"));
    name->addItems(otherNames());
    if (name->findText(dependency.name) < 0 && !dependency.name.isEmpty())
        name->addItem(dependency.name);
    if (!dependency.name.isEmpty())
        name->setCurrentText(dependency.name);
    m_dependencies->setCellWidget(row, NameColumn, name);
    auto *condition = new QComboBox(m_dependencies);
    condition->setAccessibleName(tr("Condition"));
    condition->addItem(tr("started"), static_cast<int>(DependencyCondition::Started));
    condition->addItem(tr("ready"), static_cast<int>(DependencyCondition::Ready));
    condition->addItem(tr("completed"), static_cast<int>(DependencyCondition::Completed));
    condition->addItem(tr("succeeded (exit 0)"), static_cast<int>(DependencyCondition::Succeeded));
    condition->setCurrentIndex(condition->findData(static_cast<int>(dependency.condition)));
    m_dependencies->setCellWidget(row, ConditionColumn, condition);
}

void ProcessStackPage::addDependency()
{
    addDependencyRow({QString(), DependencyCondition::Ready});
    m_dependencies->setCurrentCell(m_dependencies->rowCount() - 1, NameColumn);
}

void ProcessStackPage::removeDependency()
{
    const int row = m_dependencies->currentRow();
    if (row >= 0)
        m_dependencies->removeRow(row);
}

bool ProcessStackPage::read(ProcessSpec &spec, QString *error) const
{
    spec.dependsOn.clear();
    for (int row = 0; row < m_dependencies->rowCount(); ++row) {
        const auto *name = static_cast<QComboBox *>(m_dependencies->cellWidget(row, NameColumn));
        const auto *condition = static_cast<QComboBox *>(m_dependencies->cellWidget(row, ConditionColumn));
        if (name->currentText().isEmpty())
            continue; // a row left without a name (no other entries): nothing to wait for
        spec.dependsOn.append({name->currentText(), static_cast<DependencyCondition>(condition->currentData().toInt())});
    }
    spec.replicas = m_replicas->value();

    QList<ProcessSpec> entries = m_entries;
    if (m_edited >= 0 && m_edited < entries.size())
        entries[m_edited] = spec;
    else
        entries.append(spec);
    if (const std::optional<StackCheck::Problem> problem = StackCheck::dependencyProblem(entries)) {
        const QString &entry = entries.at(problem->entry).name;
        *error = entry == spec.name || problem->cycle ? tr("Depends on: %1").arg(problem->message)
                                    : tr("%1 depends on it: %2").arg(entry, problem->message);
        return false;
    }
    return true;
}
