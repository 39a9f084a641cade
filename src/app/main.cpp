#include "mainwindow.h"
#include "managedprocess.h"
#include "processmanager.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ProcDeck"));
    QApplication::setApplicationName(QStringLiteral("ProcDeck"));
    QApplication::setApplicationDisplayName(QStringLiteral("ProcDeck"));
    QApplication::setApplicationVersion(QStringLiteral(PROCDECK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("procdeck"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Launch, watch, join and stop child processes."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption startAll(QStringLiteral("start-all"),
                                      QApplication::translate("main", "Start every entry of FILE."));
    parser.addOption(startAll);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QApplication::translate("main", "A session file (JSON) or a Procfile."),
                                 QStringLiteral("[FILE]"));
    parser.process(app);

    MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty() && window.openFile(files.constFirst()) && parser.isSet(startAll)) {
        for (ManagedProcess *process : window.manager()->processes())
            process->start();
    }
    return QApplication::exec();
}
