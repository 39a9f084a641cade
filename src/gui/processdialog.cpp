#include "processdialog.h"
#include "ui_processdialog.h"

#include "environmenttext.h"
#include "launchplan.h"
#include "logfilefields.h"
#include "probefields.h"
#include "processstackpage.h"
#include "processtriggerspage.h"
#include "shellwords.h"
#include "signalnames.h"
#include "visibletext.h"

#include <QFileDialog>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

ProcessDialog::ProcessDialog(const ProcessSpec &spec, const QString &baseDirectory, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ProcessDialog>())
    , m_original(spec)
    , m_baseDirectory(baseDirectory)
{
    m_ui->setupUi(this);

    for (const QString &name : SignalNames::stopSignalChoices())
        m_ui->signalCombo->addItem(name, SignalNames::fromName(name).value_or(15));
    m_ui->restartCombo->addItem(tr("Never"), static_cast<int>(RestartPolicy::Never));
    m_ui->restartCombo->addItem(tr("On failure"), static_cast<int>(RestartPolicy::OnFailure));
    m_ui->restartCombo->addItem(tr("Always"), static_cast<int>(RestartPolicy::Always));
    // The three ways the output is connected (TerminalMode), the default first.
    m_ui->terminalCombo->addItem(tr("Each line as it is printed"), static_cast<int>(TerminalMode::StdoutTerminal));
    m_ui->terminalCombo->setItemData(0, tr("Standard output is a terminal, so that programs print each line at once; "
                                           "standard error stays apart"), Qt::ToolTipRole);
    m_ui->terminalCombo->addItem(tr("Run in a terminal"), static_cast<int>(TerminalMode::Terminal));
    m_ui->terminalCombo->setItemData(1, tr("For programs that need a terminal: input, Interrupt (Ctrl+C) and the "
                                           "size of the output pane; standard error is merged"), Qt::ToolTipRole);
    m_ui->terminalCombo->addItem(tr("Plain pipes"), static_cast<int>(TerminalMode::Pipes));
    m_ui->terminalCombo->setItemData(2, tr("No terminal at all: many programs then print in blocks, "
                                           "not line by line"), Qt::ToolTipRole);

    m_ui->nameEdit->setText(spec.name);
    m_ui->shellRadio->setChecked(spec.usesShell());
    m_ui->programRadio->setChecked(!spec.usesShell());
    m_ui->programEdit->setText(spec.program);
    m_ui->argsEdit->setText(ShellWords::join(spec.args));
    m_ui->shellEdit->setText(spec.shell);
    m_ui->dirEdit->setText(spec.workingDirectory);
    m_ui->envEdit->setPlainText(EnvironmentText::format(spec.environment));
    const QString signalName = SignalNames::name(spec.stopSignal);
    if (m_ui->signalCombo->findText(signalName) < 0)
        m_ui->signalCombo->addItem(signalName, spec.stopSignal);
    m_ui->signalCombo->setCurrentText(signalName);
    m_ui->graceSpin->setValue(spec.stopTimeoutMs / 1000.0);
    m_ui->restartCombo->setCurrentIndex(m_ui->restartCombo->findData(static_cast<int>(spec.restart)));
    m_ui->autostartCheck->setChecked(spec.autostart);
    m_ui->terminalCombo->setCurrentIndex(m_ui->terminalCombo->findData(static_cast<int>(spec.terminal)));
    m_ui->memorySpin->setRange(0, ProcessLimits::MaxMemoryMB);
    m_ui->cpuSpin->setRange(0, ProcessLimits::MaxCpuPercent);
    m_ui->restartAboveSpin->setRange(0, ProcessLimits::MaxMemoryMB);
    m_ui->memorySpin->setValue(spec.limits.memoryMB);
    m_ui->cpuSpin->setValue(spec.limits.cpuPercent);
    m_ui->restartAboveSpin->setValue(spec.limits.restartAboveMemoryMB);
    // One width for the three, so that they line up under each other.
    int limitWidth = 0;
    for (const QSpinBox *spin : {m_ui->memorySpin, m_ui->cpuSpin, m_ui->restartAboveSpin})
        limitWidth = std::max(limitWidth, spin->sizeHint().width());
    for (QSpinBox *spin : {m_ui->memorySpin, m_ui->cpuSpin, m_ui->restartAboveSpin})
        spin->setMinimumWidth(limitWidth);
    m_ui->limitsReasonLabel->hide();
    createStackTabs(spec);

    QPalette errorPalette = m_ui->errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_ui->errorLabel->setPalette(errorPalette);
    m_ui->errorLabel->hide();

    connect(m_ui->programRadio, &QRadioButton::toggled, this, &ProcessDialog::updateMode);
    connect(m_ui->programBrowse, &QToolButton::clicked, this, &ProcessDialog::browseProgram);
    connect(m_ui->dirBrowse, &QToolButton::clicked, this, &ProcessDialog::browseDirectory);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ProcessDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ProcessDialog::reject);
    updateMode();
    m_ui->nameEdit->setFocus();
}

ProcessDialog::~ProcessDialog() = default;

void ProcessDialog::updateMode()
{
    const bool program = m_ui->programRadio->isChecked();
    for (QWidget *w : {static_cast<QWidget *>(m_ui->programLabel), static_cast<QWidget *>(m_ui->programEdit),
                       static_cast<QWidget *>(m_ui->programBrowse), static_cast<QWidget *>(m_ui->argsLabel),
                       static_cast<QWidget *>(m_ui->argsEdit)})
        w->setVisible(program);
    m_ui->shellLabel->setVisible(!program);
    m_ui->shellEdit->setVisible(!program);
}

void ProcessDialog::browseProgram()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose Program"), m_baseDirectory);
    if (!file.isEmpty())
        m_ui->programEdit->setText(file);
}

void ProcessDialog::browseDirectory()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose Working Directory"),
                                                          m_baseDirectory);
    if (!dir.isEmpty())
        m_ui->dirEdit->setText(dir);
}

QList<EnvironmentChange> ProcessDialog::parseEnvironment(const QString &text, QString *error)
{
    const EnvironmentText::ParseResult result = EnvironmentText::parse(text);
    switch (result.error) {
    case EnvironmentText::ParseResult::Error::None:
        error->clear();
        return result.changes;
    case EnvironmentText::ParseResult::Error::MissingEquals:
        *error = tr("Environment line %1: write KEY=VALUE to set a variable or -KEY to remove it").arg(result.errorLine);
        break;
    case EnvironmentText::ParseResult::Error::InvalidName:
        *error = tr("Environment line %1: \"%2\" is not a valid variable name").arg(result.errorLine).arg(result.invalidName);
        break;
    }
    return {};
}

std::optional<ProcessSpec> ProcessDialog::readFields(QString *error) const
{
    ProcessSpec spec = m_original;
    spec.name = m_ui->nameEdit->text().trimmed();
    spec.workingDirectory = m_ui->dirEdit->text().trimmed();

    if (m_ui->shellRadio->isChecked()) {
        spec.shell = m_ui->shellEdit->text().trimmed();
        spec.program.clear();
        spec.args.clear();
        if (spec.shell.isEmpty()) {
            *error = tr("Enter the shell command to run.");
            return std::nullopt;
        }
    } else {
        spec.shell.clear();
        spec.program = m_ui->programEdit->text().trimmed();
        if (spec.program.isEmpty()) {
            *error = tr("Enter the program to run.");
            return std::nullopt;
        }
        const ShellWords::SplitResult split = ShellWords::split(m_ui->argsEdit->text());
        if (!split.ok()) {
            *error = tr("Arguments: %1").arg(split.error);
            return std::nullopt;
        }
        spec.args = split.words;
    }

    QString envError;
    spec.environment = parseEnvironment(m_ui->envEdit->toPlainText(), &envError);
    if (!envError.isEmpty()) {
        *error = envError;
        return std::nullopt;
    }
    if (spec.containsNul()) {
        *error = tr("A field contains a NUL character, which would cut the text short when it runs.");
        return std::nullopt;
    }
    if (m_takenNames.contains(spec.name)) {
        *error = tr("Another entry is already called \"%1\": names must be unique.").arg(spec.name);
        return std::nullopt;
    }
    spec.stopSignal = m_ui->signalCombo->currentData().toInt();
    spec.stopTimeoutMs = qRound(m_ui->graceSpin->value() * 1000);
    spec.restart = static_cast<RestartPolicy>(m_ui->restartCombo->currentData().toInt());
    spec.autostart = m_ui->autostartCheck->isChecked();
    spec.terminal = static_cast<TerminalMode>(m_ui->terminalCombo->currentData().toInt());
    if (!readLimits(spec, error) || !readStackTabs(spec, error))
        return std::nullopt;

    // Exactly the check a start makes (working directory, program in the entry's own PATH), so
    // that the dialog accepts what will run and refuses what would fail.
    const LaunchResolution launch = resolveLaunch(spec, m_baseDirectory);
    if (!launch.ok()) {
        *error = tr("This entry would fail to start: %1").arg(launch.problem);
        return std::nullopt;
    }
    error->clear();
    return spec;
}

// The tabs of the stack keys (stackspec.h): Stack (dependencies, replicas), Checks (readiness and
// liveness), Triggers (restart on change, schedule) and the log file.
void ProcessDialog::createStackTabs(const ProcessSpec &spec)
{
    m_stackPage = new ProcessStackPage(spec, this);
    m_ui->tabs->addTab(m_stackPage, tr("Stack"));
    auto *checks = new QWidget(this);
    checks->setObjectName(QStringLiteral("checksTab"));
    auto *checksLayout = new QVBoxLayout(checks);
    m_readiness = new ProbeFields(ProbeFields::Role::Readiness, spec.readiness, checks);
    m_liveness = new ProbeFields(ProbeFields::Role::Liveness, spec.liveness, checks);
    checksLayout->addWidget(m_readiness);
    checksLayout->addWidget(m_liveness);
    checksLayout->addStretch();
    m_ui->tabs->addTab(checks, tr("Checks"));
    m_triggersPage = new ProcessTriggersPage(spec.watch, spec.schedule, this);
    m_triggersPage->setObjectName(QStringLiteral("triggersTab"));
    m_ui->tabs->addTab(m_triggersPage, tr("Triggers"));
    m_logFields = new LogFileFields(spec.log, m_baseDirectory, m_triggersPage);
    m_triggersPage->addGroup(m_logFields);
}

bool ProcessDialog::readStackTabs(ProcessSpec &spec, QString *error) const
{
    return m_stackPage->read(spec, error) && m_readiness->read(spec.readiness, error)
        && m_liveness->read(spec.liveness, error) && m_triggersPage->read(spec.watch, spec.schedule, error)
        && m_logFields->read(spec.log, error);
}

// The limit fields, when this system can apply limits; otherwise the entry keeps what it had (the
// fields are disabled and only show it). 0 is "No limit" in the fields and in ProcessLimits.
bool ProcessDialog::readLimits(ProcessSpec &spec, QString *error) const
{
    if (!m_limitsAvailable)
        return true;
    spec.limits.memoryMB = m_ui->memorySpin->value();
    spec.limits.cpuPercent = m_ui->cpuSpin->value();
    spec.limits.restartAboveMemoryMB = m_ui->restartAboveSpin->value();
    if (!spec.limits.restartIsBelowMaximum()) {
        *error = tr("Restart when memory exceeds: %1 MB is not below the memory maximum of %2 MB.")
                     .arg(spec.limits.restartAboveMemoryMB)
                     .arg(spec.limits.memoryMB);
        return false;
    }
    return true;
}

std::optional<ProcessSpec> ProcessDialog::spec() const
{
    return readFields(&m_error);
}

QString ProcessDialog::error() const
{
    return m_error;
}

void ProcessDialog::setTakenNames(const QStringList &names)
{
    m_takenNames = names;
}

void ProcessDialog::setSessionEntries(const QList<ProcessSpec> &entries, qsizetype edited)
{
    m_stackPage->setSessionEntries(entries, edited);
}

void ProcessDialog::setLimitsAvailability(bool available, const QString &reason)
{
    m_limitsAvailable = available;
    for (QWidget *w : {static_cast<QWidget *>(m_ui->memoryLabel), static_cast<QWidget *>(m_ui->memorySpin),
                       static_cast<QWidget *>(m_ui->cpuLabel), static_cast<QWidget *>(m_ui->cpuSpin),
                       static_cast<QWidget *>(m_ui->restartAboveLabel), static_cast<QWidget *>(m_ui->restartAboveSpin)})
        w->setEnabled(available);
    // The reason is also a clause in the entry's output ("limits not applied: …"): a sentence here.
    QString sentence = VisibleText::visible(reason);
    if (!sentence.isEmpty())
        sentence[0] = sentence.at(0).toUpper();
    m_ui->limitsReasonLabel->setText(sentence);
    m_ui->limitsReasonLabel->setVisible(!available && !reason.isEmpty());
}

void ProcessDialog::accept()
{
    if (!readFields(&m_error)) {
        m_ui->errorLabel->setText(m_error);
        m_ui->errorLabel->show();
        return;
    }
    QDialog::accept();
}
