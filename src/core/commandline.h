#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// The command line of docs/ARCHITECTURE.md, parsed before any QCoreApplication exists (main()
// needs it to choose between a window and headless mode):
//
//   procdeck [FILE]                  open a session file or a Procfile in the window
//   procdeck --start-all FILE        open it and start every entry
//   procdeck --headless FILE [--timeout SECONDS] [--serve]
//   procdeck ctl [--session NAME] VERB [ARGS]   (ControlClient parses what follows "ctl")
//   procdeck --attach TARGET         the window, attached to a running ProcDeck (AttachTarget)
//   procdeck --version | --help
//
// Qt's own options (-style, -stylesheet, -platform, -reverse, …: the list in commandline.cpp)
// are skipped here, wherever they stand before "--": main() hands argv whole to QApplication,
// which applies them and takes them out; headless, --help and --version ignore them.
//
// Typical use in main():
//   const CommandLine commandLine = CommandLine::parse(argc, argv);
//   if (const std::optional<int> status = commandLine.printInformation())
//       return *status;                       // --help, --version, or bad arguments (2)
//   if (commandLine.mode == CommandLine::Mode::Headless) {
//       QCoreApplication app(argc, argv);
//       return HeadlessRunner::exec(commandLine);
//   }
//   … window; commandLine.file, commandLine.mode == Mode::StartAll
struct CommandLine
{
    enum class Mode {
        Window,   // `procdeck` or `procdeck FILE`
        StartAll, // `procdeck --start-all FILE`
        Headless, // `procdeck --headless FILE [--timeout SECONDS] [--serve]`
        Control,  // `procdeck ctl …`: `controlArguments` are the words after "ctl", as given
        Attach,   // `procdeck --attach TARGET`: `attachTarget` as given (AttachTarget::parse reads it)
        Help,
        Version,
        Error,    // bad arguments: `error` says why; exit status BadUsageExitCode
    };

    static constexpr int BadUsageExitCode = 2;

    Mode mode = Mode::Window;
    QString file;                  // empty: no file (Window only)
    std::optional<qint64> timeoutMs; // --timeout, Headless only
    bool serve = false;            // --serve, Headless only
    QStringList controlArguments;  // Mode::Control
    QString attachTarget;          // Mode::Attach: ssh://[user@]host[:port][/session], a socket name or a session file
    QString error;                 // Mode::Error: one line, e.g. "--timeout: \"x\" is not a number of seconds"

    // `arguments` as QCoreApplication::arguments() gives them: the program name first.
    static CommandLine parse(const QStringList &arguments);
    static CommandLine parse(int argc, const char *const *argv);

    // Usage text for --help, and "procdeck VERSION" for --version.
    static QString helpText();
    static QString versionText();

    // For Help and Version: prints the text on stdout and returns 0. For Error: prints
    // "procdeck: ERROR" and a hint to --help on stderr and returns 2. Otherwise std::nullopt.
    std::optional<int> printInformation() const;
};
