#include "attachtarget.h"
#include "cgroupsupport.h"
#include "commandline.h"
#include "controlclient.h"
#include "headlessrunner.h"
#include "logging.h"
#include "mainwindow.h"
#include "settings.h"
#include "terminationsignals.h"
#include "version.h"
#include "visibletext.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QStyle>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

#include <sys/prctl.h>

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
    if (commandLine.mode == CommandLine::Mode::Control) {
        QCoreApplication app(argc, argv);
        installTranslations(app, translators);
        return ControlClient::exec(commandLine.controlArguments);
    }
    // Containment (docs/ARCHITECTURE.md): every entry's tree lives under its own reaper, which
    // kills it when ProcDeck ends in any way. Should a reaper be killed from outside, what it
    // held is re-parented to ProcDeck rather than to init.
    ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);

    if (commandLine.mode == CommandLine::Mode::Headless) {
        QCoreApplication app(argc, argv);
        Settings::setApplicationIdentity();
        installTranslations(app, translators);
        return HeadlessRunner::exec(commandLine);
    }

    // Qt's own options (-style, -stylesheet, -platform, -reverse, …; CommandLine skipped them)
    // are applied and taken out of argv here.
    QApplication app(argc, argv);
    Settings::setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("ProcDeck"));
    QApplication::setDesktopFileName(QLatin1StringView(ProcDeck::applicationId()));
    installTranslations(app, translators);

    // --attach TARGET: read before the window opens, so that a target naming nothing is a usage
    // error on the terminal it was typed in; reaching it is the window's (its status bar says why not).
    std::optional<AttachTarget> attachTarget;
    if (commandLine.mode == CommandLine::Mode::Attach) {
        std::variant<AttachTarget, QString> parsed = AttachTarget::parse(commandLine.attachTarget);
        if (const QString *error = std::get_if<QString>(&parsed)) {
            std::fprintf(stderr, "procdeck: --attach: %s\n", qPrintable(VisibleText::visible(*error)));
            return CommandLine::BadUsageExitCode;
        }
        attachTarget = std::get<AttachTarget>(std::move(parsed));
    }

    MainWindow window;
    // SIGINT, SIGTERM, SIGHUP: a clean exit, as from the Quit action; the entries' trees are
    // killed as their ChildProcess objects go (and by their reapers' lifelines in any case).
    TerminationSignals terminationSignals;
    QObject::connect(&terminationSignals, &TerminationSignals::received, &app,
                     [](int signal) { QCoreApplication::exit(128 + signal); });
    // The dialog's limits follow the cgroup probe, which answers later (the window opens at once).
    CgroupSupport *cgroups = CgroupSupport::instance();
    const auto showLimits = [&window, cgroups] {
        const CgroupAvailability availability = cgroups->availability();
        window.setLimitsAvailability(availability.limits, availability.probed ? availability.limitsReason
                                     : QCoreApplication::translate("main", "still checking whether this system gives each entry a cgroup"));
    };
    showLimits();
    QObject::connect(cgroups, &CgroupSupport::availabilityChanged, &window, showLimits);
    window.show();
    qCDebug(lcApp) << "window shown: style" << QApplication::style()->name() << "layout direction"
                   << QGuiApplication::layoutDirection() << "style sheet" << !app.styleSheet().isEmpty();
    if (attachTarget) {
        QTimer::singleShot(0, &window, [&window, target = *attachTarget] { window.attach(target); });
    } else if (!commandLine.file.isEmpty()) {
        const auto which = commandLine.mode == CommandLine::Mode::StartAll ? MainWindow::StartEntries::All
                                                                           : MainWindow::StartEntries::Autostart;
        // Once the window is up, so that a message or the trust question has a parent on screen.
        QTimer::singleShot(0, &window, [&window, file = commandLine.file, which] { window.openFile(file, which); });
    }
    return QApplication::exec();
}
