#include "joindialog.h"
#include "ui_joindialog.h"

#include <QLocale>

JoinDialog::JoinDialog(int entryCount, const QString &lastTimeout, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::JoinDialog>())
{
    m_ui->setupUi(this);
    m_ui->introLabel->setText(tr("Wait for the %n selected entries to end, at most for the "
                                 "timeout. The window stays usable while it waits.",
                                 nullptr, entryCount));
    m_ui->timeoutEdit->setText(lastTimeout);
    m_ui->timeoutEdit->selectAll();
    m_ui->errorLabel->hide();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &JoinDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &JoinDialog::reject);
}

JoinDialog::~JoinDialog() = default;

std::optional<qint64> JoinDialog::timeoutMs() const
{
    const QString text = m_ui->timeoutEdit->text().trimmed();
    if (text.isEmpty())
        return -1;
    bool ok = false;
    double seconds = QLocale().toDouble(text, &ok);
    if (!ok)
        seconds = text.toDouble(&ok); // "0.3" also where the locale writes "0,3"
    if (!ok || seconds < 0 || seconds > 1e9)
        return std::nullopt;
    return qRound64(seconds * 1000);
}

QString JoinDialog::timeoutText() const
{
    return m_ui->timeoutEdit->text().trimmed();
}

void JoinDialog::setTimeoutText(const QString &text)
{
    m_ui->timeoutEdit->setText(text);
}

void JoinDialog::accept()
{
    if (!timeoutMs()) {
        m_ui->errorLabel->setText(tr("Enter the timeout as a number of seconds, such as 0.5 or 10, "
                                     "or leave it empty to wait until they exit."));
        m_ui->errorLabel->show();
        return;
    }
    QDialog::accept();
}
