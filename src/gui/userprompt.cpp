#include "userprompt.h"

#include "visibletext.h"

#include <QAbstractButton>
#include <QFileDialog>
#include <QLabel>

namespace {

// Messages quote names, paths and errors from session files: plain text with control characters
// visible (VisibleText), in the informative text too (QMessageBox::setTextFormat sets only the
// main label's format).
void setPlainTexts(QMessageBox &box, const QString &text, const QString &informativeText)
{
    box.setTextFormat(Qt::PlainText);
    box.setText(VisibleText::visibleLines(text));
    box.setInformativeText(VisibleText::visibleLines(informativeText));
    if (auto *label = box.findChild<QLabel *>(QStringLiteral("qt_msgbox_informativelabel")))
        label->setTextFormat(Qt::PlainText);
}

} // namespace

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

UserPrompt::ButtonTexts UserPrompt::lastButtonTexts() const
{
    return m_lastButtonTexts;
}

QMessageBox::StandardButton UserPrompt::question(const QString &title, const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton,
                                                 const QString &informativeText,
                                                 const ButtonTexts &buttonTexts)
{
    m_lastText = text;
    m_lastButtonTexts = buttonTexts;
    emit asked(text);
    if (!m_answers.isEmpty())
        return m_answers.dequeue();

    QMessageBox box(QMessageBox::Question, title, QString(), buttons, m_parent);
    setPlainTexts(box, text, informativeText);
    for (auto it = buttonTexts.cbegin(); it != buttonTexts.cend(); ++it) {
        if (QAbstractButton *button = box.button(it.key()))
            button->setText(it.value());
    }
    box.setDefaultButton(defaultButton);
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

void UserPrompt::warning(const QString &title, const QString &text, const QString &informativeText)
{
    m_lastText = text;
    emit asked(text);
    // Window-modal and non-blocking: the event loop (and every live entry) keeps running.
    auto *box = new QMessageBox(QMessageBox::Warning, title, QString(), QMessageBox::Ok, m_parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    setPlainTexts(*box, text, informativeText);
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
