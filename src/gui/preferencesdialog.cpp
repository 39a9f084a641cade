#include "preferencesdialog.h"

#include "outputlog.h"
#include "processspec.h"
#include "settings.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFontDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

using Keys = Settings::Keys;
constexpr qint64 MiB = 1024 * 1024;

// The settings' defaults are the core's own.
static_assert(ProcessSpec::DefaultStopTimeoutMs == 5000);
static_assert(OutputLog::DefaultMaxLines == 100000);
static_assert(OutputLog::DefaultMaxBytes == 32 * MiB);
static_assert(OutputLog::DefaultTotalMaxBytes == 128 * MiB);

QFont defaultOutputFont()
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

QSpinBox *makeSpin(const QString &name, int minimum, int maximum, int step, const QString &suffix)
{
    auto *spin = new QSpinBox;
    spin->setObjectName(name);
    spin->setRange(minimum, maximum);
    spin->setSingleStep(step);
    spin->setSuffix(suffix);
    spin->setGroupSeparatorShown(true);
    spin->setAlignment(Qt::AlignRight);
    return spin;
}

} // namespace

Preferences Preferences::defaults()
{
    Preferences p;
    p.defaultGraceMs = Keys::DefaultGraceMs.defaultValue;
    p.sampleIntervalMs = Keys::MonitorIntervalMs.defaultValue;
    p.maxLines = Keys::OutputMaxLines.defaultValue;
    p.maxMiB = Keys::OutputMaxMiB.defaultValue;
    p.totalMaxMiB = Keys::OutputTotalMaxMiB.defaultValue;
    p.notify = Keys::NotifyUnexpectedEnds.defaultValue;
    p.timestamps = Keys::OutputTimestamps.defaultValue;
    p.outputFont = defaultOutputFont();
    return p;
}

Preferences Preferences::read(const Settings &settings)
{
    Preferences p;
    p.defaultGraceMs = settings.value(Keys::DefaultGraceMs);
    p.sampleIntervalMs = settings.value(Keys::MonitorIntervalMs);
    p.maxLines = settings.value(Keys::OutputMaxLines);
    p.maxMiB = settings.value(Keys::OutputMaxMiB);
    p.totalMaxMiB = settings.value(Keys::OutputTotalMaxMiB);
    p.notify = settings.value(Keys::NotifyUnexpectedEnds);
    p.timestamps = settings.value(Keys::OutputTimestamps);
    const QString font = settings.value(Keys::OutputFont);
    if (font.isEmpty() || !p.outputFont.fromString(font))
        p.outputFont = defaultOutputFont();
    return p;
}

void Preferences::write(Settings &settings) const
{
    settings.setValue(Keys::DefaultGraceMs, defaultGraceMs);
    settings.setValue(Keys::MonitorIntervalMs, sampleIntervalMs);
    settings.setValue(Keys::OutputMaxLines, maxLines);
    settings.setValue(Keys::OutputMaxMiB, maxMiB);
    settings.setValue(Keys::OutputTotalMaxMiB, totalMaxMiB);
    settings.setValue(Keys::NotifyUnexpectedEnds, notify);
    settings.setValue(Keys::OutputTimestamps, timestamps);
    // The system's font is kept as "", so that the output follows it when it changes.
    settings.setValue(Keys::OutputFont, outputFont == defaultOutputFont() ? QString() : outputFont.toString());
}

bool operator==(const Preferences &a, const Preferences &b)
{
    return a.defaultGraceMs == b.defaultGraceMs && a.sampleIntervalMs == b.sampleIntervalMs
        && a.maxLines == b.maxLines && a.maxMiB == b.maxMiB && a.totalMaxMiB == b.totalMaxMiB
        && a.notify == b.notify && a.timestamps == b.timestamps && a.outputFont == b.outputFont;
}

PreferencesDialog::PreferencesDialog(const Preferences &current, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Preferences"));
    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setPreferences(Preferences::defaults()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createProcessGroup());
    layout->addWidget(createOutputGroup());
    layout->addStretch();
    layout->addWidget(buttons);
    setPreferences(current);
}

PreferencesDialog::~PreferencesDialog() = default;

QWidget *PreferencesDialog::createProcessGroup()
{
    auto *group = new QGroupBox(tr("Processes"));
    auto *form = new QFormLayout(group);
    m_grace = new QDoubleSpinBox;
    m_grace->setObjectName(u"graceSpin"_s);
    m_grace->setRange(0.1, 3600);
    m_grace->setDecimals(1);
    m_grace->setSuffix(tr(" s", "seconds"));
    m_grace->setAlignment(Qt::AlignRight);
    m_grace->setToolTip(tr("How long Terminate waits after the stop signal before it sends SIGKILL. "
                           "For entries added from now on; an existing entry keeps its own (Edit it "
                           "to change that)."));
    form->addRow(tr("Default &grace period:"), m_grace);
    m_interval = makeSpin(u"intervalSpin"_s, 100, 60000, 100, tr(" ms", "milliseconds"));
    m_interval->setToolTip(tr("How often the CPU, memory and process columns are measured"));
    form->addRow(tr("&Sampling interval:"), m_interval);
    m_notify = new QCheckBox(tr("&Notify when entries fail"));
    m_notify->setObjectName(u"notifyCheck"_s);
    m_notify->setToolTip(tr("A desktop notification when an entry exits with an error or is killed by "
                            "a signal ProcDeck did not send"));
    form->addRow(m_notify);
    return group;
}

QWidget *PreferencesDialog::createOutputGroup()
{
    auto *group = new QGroupBox(tr("Output"));
    auto *form = new QFormLayout(group);
    m_maxLines = makeSpin(u"maxLinesSpin"_s, 1000, 10000000, 10000, tr(" lines"));
    m_maxLines->setToolTip(tr("Each entry keeps at most this many of its newest lines"));
    form->addRow(tr("&Lines per entry:"), m_maxLines);
    m_maxMiB = makeSpin(u"maxMiBSpin"_s, 1, 4096, 8, tr(" MiB", "mebibytes"));
    m_maxMiB->setToolTip(tr("Each entry keeps at most this much memory of output"));
    form->addRow(tr("&Memory per entry:"), m_maxMiB);
    m_totalMiB = makeSpin(u"totalMaxMiBSpin"_s, 8, 65536, 32, tr(" MiB", "mebibytes"));
    m_totalMiB->setToolTip(tr("Every entry's output together: over this, an entry that prints drops "
                              "its oldest lines"));
    form->addRow(tr("Memory for &all entries:"), m_totalMiB);
    m_timestamps = new QCheckBox(tr("Show &timestamps"));
    m_timestamps->setObjectName(u"timestampsCheck"_s);
    form->addRow(m_timestamps);
    m_fontButton = new QPushButton;
    m_fontButton->setObjectName(u"fontButton"_s);
    m_fontButton->setToolTip(tr("The font of the output pane"));
    connect(m_fontButton, &QPushButton::clicked, this, &PreferencesDialog::chooseFont);
    form->addRow(tr("&Font:"), m_fontButton);
    return group;
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.defaultGraceMs = qRound(m_grace->value() * 1000);
    p.sampleIntervalMs = m_interval->value();
    p.maxLines = m_maxLines->value();
    p.maxMiB = m_maxMiB->value();
    p.totalMaxMiB = m_totalMiB->value();
    p.notify = m_notify->isChecked();
    p.timestamps = m_timestamps->isChecked();
    p.outputFont = m_font;
    return p;
}

void PreferencesDialog::setPreferences(const Preferences &preferences)
{
    m_grace->setValue(preferences.defaultGraceMs / 1000.0);
    m_interval->setValue(preferences.sampleIntervalMs);
    m_maxLines->setValue(preferences.maxLines);
    m_maxMiB->setValue(preferences.maxMiB);
    m_totalMiB->setValue(preferences.totalMaxMiB);
    m_notify->setChecked(preferences.notify);
    m_timestamps->setChecked(preferences.timestamps);
    setOutputFont(preferences.outputFont);
}

void PreferencesDialog::setOutputFont(const QFont &font)
{
    m_font = font;
    m_fontButton->setText(tr("%1, %2 pt", "font family, size").arg(font.family()).arg(font.pointSizeF()));
    QFont shown = font;
    shown.setPointSizeF(this->font().pointSizeF()); // the button keeps its height
    m_fontButton->setFont(shown);
}

void PreferencesDialog::chooseFont()
{
    bool ok = false;
    const QFont font = QFontDialog::getFont(&ok, m_font, this, tr("Output Font"), QFontDialog::MonospacedFonts);
    if (ok)
        setOutputFont(font);
}
