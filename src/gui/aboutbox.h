#pragma once

#include <QCoreApplication>
#include <QString>

class QMessageBox;
class QWidget;

// Help › About: ProcDeck's version, its licence (GPL-3.0-or-later, with a link to the text) and
// the Qt version it was built with and runs on. Shown window-modal without blocking, so that a
// window test can read it (object name "aboutBox") and close it.
class AboutBox final
{
    Q_DECLARE_TR_FUNCTIONS(AboutBox)

public:
    AboutBox() = delete;

    // The box's rich text.
    static QString text();
    // Opens the box over `parent`; it deletes itself when closed.
    static QMessageBox *open(QWidget *parent);
};
