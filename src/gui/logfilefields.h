#pragma once

#include "stackspec.h"

#include <QGroupBox>

class QLineEdit;
class QSpinBox;

// The Add/Edit dialog's fields of the entry's log file (`log`, LogFileSpec): its path (with a
// Browse… button), the size at which it is rotated and how many rotated files are kept. An empty
// path is no log file; sizes set without a path are refused with the session file's words.
class LogFileFields final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFileFields)

public:
    // `baseDirectory`: the session file's folder, which a relative path is taken against.
    LogFileFields(const LogFileSpec &log, const QString &baseDirectory, QWidget *parent = nullptr);

    // Writes the fields into `log` (which keeps its unknown keys); false with `error`.
    bool read(LogFileSpec &log, QString *error) const;

private:
    void browse();

    QString m_baseDirectory;
    QLineEdit *m_path = nullptr;
    QSpinBox *m_maxSize = nullptr;
    QSpinBox *m_keep = nullptr;
};
