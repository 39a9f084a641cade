#include "logfilefields.h"

#include "dialogfields.h"
#include "stackcheck.h"

#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

LogFileFields::LogFileFields(const LogFileSpec &log, const QString &baseDirectory, QWidget *parent)
    : QGroupBox(tr("Log file"), parent)
    , m_baseDirectory(baseDirectory)
{
    setObjectName(QStringLiteral("logFileFields"));
    auto *form = new QFormLayout(this);
    m_path = new QLineEdit(log.path, this);
    m_path->setObjectName(QStringLiteral("logPath"));
    m_path->setAccessibleName(tr("Log file"));
    m_path->setPlaceholderText(tr("none; such as logs/api.log"));
    m_path->setToolTip(tr("The entry's output is also written to this file, each line with its time, so that it "
                          "outlives the window. Relative to the session file's folder; a missing folder is "
                          "created; a copy of a replicated entry writes NAME-2.log."));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("logBrowse"));
    browse->setToolTip(tr("Choose the log file"));
    m_maxSize = new QSpinBox(this);
    m_maxSize->setObjectName(QStringLiteral("logMaxSize"));
    m_maxSize->setAccessibleName(tr("Rotate at"));
    m_maxSize->setRange(1, StackCheck::MaxLogSizeMB);
    m_maxSize->setSuffix(tr(" MB"));
    m_maxSize->setValue(log.maxSizeMB);
    m_maxSize->setToolTip(tr("At this size the file is renamed to FILE.1 (older ones move up one) and a new "
                             "one begun, between two lines"));
    m_keep = new QSpinBox(this);
    m_keep->setObjectName(QStringLiteral("logKeep"));
    m_keep->setAccessibleName(tr("Rotated files kept"));
    m_keep->setRange(0, StackCheck::MaxLogKeep);
    m_keep->setValue(log.keep);
    m_keep->setToolTip(tr("How many rotated files (FILE.1 … FILE.N) are kept; the oldest is deleted"));

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path);
    pathRow->addWidget(browse);
    auto *pathLabel = new QLabel(tr("&File:"), this);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);
    DialogFields::addNarrowRow(form, tr("Rotate &at:"), m_maxSize);
    DialogFields::addNarrowRow(form, tr("Files &kept:"), m_keep);
    connect(browse, &QPushButton::clicked, this, &LogFileFields::browse);
}

void LogFileFields::browse()
{
    const QDir base(m_baseDirectory.isEmpty() ? QDir::currentPath() : m_baseDirectory);
    const QString start = m_path->text().trimmed().isEmpty() ? base.path() : base.absoluteFilePath(m_path->text().trimmed());
    const QString file = QFileDialog::getSaveFileName(this, tr("Choose Log File"), start, QString(), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (file.isEmpty())
        return;
    // Inside the session's folder: relative, so that the session can move with it.
    const QString relative = base.relativeFilePath(file);
    m_path->setText(relative.startsWith(QLatin1String("..")) ? file : relative);
}

bool LogFileFields::read(LogFileSpec &log, QString *error) const
{
    const QString path = m_path->text().trimmed();
    const bool sizesSet = m_maxSize->value() != LogFileSpec::DefaultMaxSizeMB || m_keep->value() != LogFileSpec::DefaultKeep;
    if (path.isEmpty() && !sizesSet) {
        log = LogFileSpec();
        return true;
    }
    if (const std::optional<QString> problem = StackCheck::logPathProblem(path)) {
        *error = tr("Log file path: %1").arg(*problem);
        return false;
    }
    log.path = path;
    log.maxSizeMB = m_maxSize->value();
    log.keep = m_keep->value();
    return true;
}
