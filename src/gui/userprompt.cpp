#include "userprompt.h"

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
