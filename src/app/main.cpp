#include "commandline.h"
#include "headlessrunner.h"
#include "mainwindow.h"
#include "settings.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

namespace {

struct Translators
{
    QTranslator plurals; // English singulars for %n messages, under any language without its own
    QTranslator qt;
    QTranslator own;
};

// English plural forms first (searched last), then Qt's own strings (dialog buttons, file
// dialogs) in the user's language, then ProcDeck's (searched first).
void installTranslations(QCoreApplication &app, Translators &translators)
{
    if (translators.plurals.load(QStringLiteral(":/i18n/procdeck_en.qm")))
        app.installTranslator(&translators.plurals);
    if (translators.qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(&translators.qt);
    if (QLocale().language() != QLocale::English
        && translators.own.load(QLocale(), QStringLiteral("procdeck"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(&translators.own);
}

} // namespace

int main(int argc, char *argv[])
{
    // The command line decides between a window and a terminal run before any application object
    // exists: a headless run must not need a display.
    const CommandLine commandLine = CommandLine::parse(argc, argv);
    if (const std::optional<int> status = commandLine.printInformation())
        return *status;

    Translators translators;
    if (commandLine.mode == CommandLine::Mode::Headless) {
        QCoreApplication app(argc, argv);
        Settings::setApplicationIdentity();
        installTranslations(app, translators);
        return HeadlessRunner::exec(commandLine);
    }

    QApplication app(argc, argv);
    Settings::setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("ProcDeck"));
    QApplication::setDesktopFileName(QStringLiteral("procdeck"));
    installTranslations(app, translators);

    MainWindow window;
    window.show();
    if (!commandLine.file.isEmpty()) {
        const auto which = commandLine.mode == CommandLine::Mode::StartAll ? MainWindow::StartEntries::All
                                                                           : MainWindow::StartEntries::Autostart;
        // Once the window is up, so that a message or the trust question has a parent on screen.
        QTimer::singleShot(0, &window, [&window, file = commandLine.file, which] { window.openFile(file, which); });
    }
    return QApplication::exec();
}
