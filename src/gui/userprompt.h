#pragma once

#include <QMap>
#include <QMessageBox>
#include <QObject>
#include <QQueue>
#include <QString>

// The window's questions and warnings. A thin wrapper over QMessageBox that a test can preset
// with setNextAnswer(), so that no modal box blocks a headless test run.
class UserPrompt final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserPrompt)

public:
    explicit UserPrompt(QWidget *parent);

    // Answers the next question() without showing it (first in, first out).
    void setNextAnswer(QMessageBox::StandardButton answer);
    // Answers the next openFileName()/saveFileName() without showing a file dialog.
    void setNextFileName(const QString &path);
    // The text of the last question or message, shown or answered (for tests).
    QString lastText() const;

    // The buttons' texts name the verb ("Terminate and Quit", not "Yes"): buttonTexts gives them
    // for the standard buttons that need one.
    using ButtonTexts = QMap<QMessageBox::StandardButton, QString>;
    QMessageBox::StandardButton question(const QString &title, const QString &text,
                                         QMessageBox::StandardButtons buttons,
                                         QMessageBox::StandardButton defaultButton,
                                         const QString &informativeText = {},
                                         const ButtonTexts &buttonTexts = {});
    // The button texts of the last question (for tests).
    ButtonTexts lastButtonTexts() const;
    // File dialogs; an empty string when the user cancels.
    QString openFileName(const QString &title, const QString &directory, const QString &filter);
    QString saveFileName(const QString &title, const QString &path, const QString &filter,
                         const QString &defaultSuffix);

    // Shown window-modal without blocking (QMessageBox::open()).
    void warning(const QString &title, const QString &text, const QString &informativeText = {});

signals:
    void asked(const QString &text);

private:
    QWidget *m_parent = nullptr;
    QQueue<QMessageBox::StandardButton> m_answers;
    QQueue<QString> m_fileNames;
    QString m_lastText;
    ButtonTexts m_lastButtonTexts;
};
