#include "userprompt.h"

#include <QFileDialog>

UserPrompt::UserPrompt(QWidget *parent)
    : QObject(parent)
    , m_parent(parent)
{
}

void UserPrompt::setNextAnswer(QMessageBox::StandardButton answer)
{
    m_answers.enqueue(answer);
}

QString UserPrompt::lastText() const
{
    return m_lastText;
}

QMessageBox::StandardButton UserPrompt::question(const QString &title, const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton,
                                                 const QString &informativeText)
{
    m_lastText = text;
    emit asked(text);
    if (!m_answers.isEmpty())
        return m_answers.dequeue();

    QMessageBox box(QMessageBox::Question, title, text, buttons, m_parent);
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(informativeText);
    box.setDefaultButton(defaultButton);
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

void UserPrompt::warning(const QString &title, const QString &text, const QString &informativeText)
{
    m_lastText = text;
    emit asked(text);
    // Window-modal and non-blocking: the event loop (and every live entry) keeps running.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(informativeText);
    box->setObjectName(QStringLiteral("warningBox"));
    box->open();
}

void UserPrompt::setNextFileName(const QString &path)
{
    m_fileNames.enqueue(path);
}

QString UserPrompt::openFileName(const QString &title, const QString &directory, const QString &filter)
{
    if (!m_fileNames.isEmpty())
        return m_fileNames.dequeue();
    return QFileDialog::getOpenFileName(m_parent, title, directory, filter);
}

QString UserPrompt::saveFileName(const QString &title, const QString &path, const QString &filter,
                                 const QString &defaultSuffix)
{
    if (!m_fileNames.isEmpty())
        return m_fileNames.dequeue();
    QFileDialog dialog(m_parent, title);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilter(filter);
    dialog.setDefaultSuffix(defaultSuffix);
    if (!path.isEmpty())
        dialog.selectFile(path);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    return dialog.selectedFiles().constFirst();
}
