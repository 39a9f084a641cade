#include "commandline.h"
#include "headlessrunner.h"
#include "version.h"
#include "visibletext.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

class Msg
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

// A day is far more than any CI job; the limit keeps the milliseconds well inside qint64.
constexpr double MaxTimeoutSeconds = 7 * 24 * 3600.0;

CommandLine failure(QString message)
{
    CommandLine result;
    result.mode = CommandLine::Mode::Error;
    result.error = std::move(message);
    return result;
}

// The options QGuiApplication and QApplication (Qt 6.4) take out of argv themselves, by name
// without the dash, and whether a value follows. A window gets argv whole (main.cpp), so Qt
// applies them; headless, --help and --version ignore them. Qt also accepts "--name" for "-name",
// and "-style=Fusion", "-stylesheet=FILE" and "-qmljsdebugger=…" (QApplication's own forms).
struct ToolkitOption
{
    QLatin1StringView name;
    bool takesValue;
};
constexpr ToolkitOption ToolkitOptions[] = {
    // QGuiApplication: the platform plugin and its windows.
    {"platform"_L1, true}, {"platformpluginpath"_L1, true}, {"platformtheme"_L1, true},
    {"plugin"_L1, true}, {"qwindowgeometry"_L1, true}, {"qwindowtitle"_L1, true},
    {"qwindowicon"_L1, true}, {"session"_L1, true}, {"reverse"_L1, false}, {"testability"_L1, false},
    // The X11 (xcb) plugin's traditional names.
    {"display"_L1, true}, {"geometry"_L1, true}, {"title"_L1, true}, {"icon"_L1, true},
    {"name"_L1, true}, {"nograb"_L1, false}, {"dograb"_L1, false}, {"sync"_L1, false},
    // QApplication: widgets.
    {"style"_L1, true}, {"stylesheet"_L1, true}, {"widgetcount"_L1, false},
};
constexpr QLatin1StringView ToolkitOptionsWithEquals[] = {"style="_L1, "stylesheet="_L1, "qmljsdebugger="_L1};

// How many arguments from arguments[i] on are one toolkit option (0: none, 1, or 2 with its value).
qsizetype toolkitOptionLength(const QStringList &arguments, qsizetype i)
{
    QStringView argument = arguments.at(i);
    if (!argument.startsWith(u'-') || argument == u"-"_s || argument == u"--"_s)
        return 0;
    argument = argument.sliced(argument.startsWith(u"--"_s) ? 2 : 1);
    for (const QLatin1StringView prefix : ToolkitOptionsWithEquals) {
        if (argument.startsWith(prefix))
            return 1;
    }
    for (const ToolkitOption &option : ToolkitOptions) {
        if (argument == option.name)
            return option.takesValue ? std::min<qsizetype>(2, arguments.size() - i) : 1;
    }
    return 0;
}

// The arguments without Qt's own options, up to "--" (after it, everything is a FILE).
QStringList withoutToolkitOptions(const QStringList &arguments)
{
    QStringList kept;
    qsizetype i = 0;
    while (i < arguments.size()) {
        if (arguments.at(i) == u"--"_s) {
            kept += arguments.mid(i);
            break;
        }
        const qsizetype length = i == 0 ? 0 : toolkitOptionLength(arguments, i);
        if (length == 0)
            kept.append(arguments.at(i));
        i += std::max<qsizetype>(1, length);
    }
    return kept;
}

// `--attach TARGET`: the window only, and no FILE (the session is the attached ProcDeck's).
CommandLine attachCommandLine(const QString &target, const QStringList &files, bool otherMode)
{
    if (target.trimmed().isEmpty())
        return failure(Msg::tr("--attach needs a TARGET: ssh://[user@]host[:port][/session], or a ProcDeck "
                               "here as 'procdeck ctl instances' names it"));
    if (otherMode)
        return failure(Msg::tr("--attach cannot be used with --headless, --start-all, --serve or --timeout"));
    if (!files.isEmpty())
        return failure(Msg::tr("--attach takes no FILE: the session is the attached ProcDeck's"));
    CommandLine result;
    result.mode = CommandLine::Mode::Attach;
    result.attachTarget = target;
    return result;
}

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

CommandLine CommandLine::parse(int argc, const char *const *argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return parse(arguments);
}

CommandLine CommandLine::parse(const QStringList &arguments)
{
    // `ctl` first, before Qt's options are skipped: its words are its own (`--session` is one
    // of Qt's option names too).
    if (arguments.size() >= 2 && arguments.at(1) == u"ctl"_s) {
        CommandLine result;
        result.mode = Mode::Control;
        result.controlArguments = arguments.mid(2);
        return result;
    }
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{u"h"_s, u"help"_s});
    const QCommandLineOption version(u"version"_s);
    const QCommandLineOption startAll(u"start-all"_s);
    const QCommandLineOption headless(u"headless"_s);
    const QCommandLineOption timeout(u"timeout"_s, QString(), u"SECONDS"_s);
    const QCommandLineOption serve(u"serve"_s);
    const QCommandLineOption attach(u"attach"_s, QString(), u"TARGET"_s);
    parser.addOptions({help, version, startAll, headless, timeout, serve, attach});

    if (!parser.parse(arguments.isEmpty() ? QStringList{u"procdeck"_s} : withoutToolkitOptions(arguments)))
        return failure(parser.errorText());
    if (parser.isSet(help))
        return {Mode::Help, {}, {}, {}, {}, {}, {}};
    if (parser.isSet(version))
        return {Mode::Version, {}, {}, {}, {}, {}, {}};

    const QStringList files = parser.positionalArguments();
    if (files.size() > 1)
        return failure(Msg::tr("too many arguments: one FILE at most (got %1)").arg(files.size()));
    if (parser.isSet(headless) && parser.isSet(startAll))
        return failure(Msg::tr("--headless and --start-all cannot be used together"));

    if (parser.isSet(attach))
        return attachCommandLine(parser.values(attach).constLast(), files, parser.isSet(headless) || parser.isSet(startAll)
                                     || parser.isSet(serve) || parser.isSet(timeout));

    CommandLine result;
    result.file = files.value(0);
    if (parser.isSet(headless))
        result.mode = Mode::Headless;
    else if (parser.isSet(startAll))
        result.mode = Mode::StartAll;

    if (result.mode != Mode::Window && result.file.isEmpty())
        return failure(Msg::tr("%1 needs a FILE").arg(result.mode == Mode::Headless ? u"--headless"_s : u"--start-all"_s));

    if (parser.isSet(serve)) {
        if (result.mode != Mode::Headless)
            return failure(Msg::tr("--serve applies only with --headless"));
        result.serve = true;
    }
    if (parser.isSet(timeout)) {
        if (result.mode != Mode::Headless)
            return failure(Msg::tr("--timeout applies only with --headless"));
        const QString text = parser.values(timeout).constLast();
        bool ok = false;
        const double seconds = text.toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds <= 0 || seconds > MaxTimeoutSeconds)
            return failure(Msg::tr("--timeout: \"%1\" is not a positive number of seconds").arg(text));
        result.timeoutMs = std::max<qint64>(1, qint64(std::llround(seconds * 1000.0)));
    }
    return result;
}

static_assert(CommandLine::BadUsageExitCode == HeadlessRunner::BadFileExitCode, "the help says one status for both");

QString CommandLine::helpText()
{
    return Msg::tr(
        "Usage:\n"
        "  procdeck [FILE]                  open a session file (JSON) or a Procfile in the window\n"
        "  procdeck --start-all FILE        open it and start every entry (asks first if the file\n"
        "                                   is not trusted)\n"
        "  procdeck --headless FILE [--timeout SECONDS] [--serve]\n"
        "                                   no window: start every entry and join them all;\n"
        "                                   --serve: keep serving until 'procdeck ctl quit'\n"
        "  procdeck ctl [--session NAME] VERB [ARGS]\n"
        "                                   drive a running ProcDeck ('procdeck ctl help')\n"
        "  procdeck --attach TARGET         the window, showing a running ProcDeck (its entries\n"
        "                                   keep running when the window closes); TARGET is\n"
        "                                   ssh://[user@]host[:port][/session] for one on another\n"
        "                                   machine, or a name from 'procdeck ctl instances', a\n"
        "                                   socket's path or a session file for one here\n"
        "  procdeck --version | --help\n"
        "\n"
        "Headless output, one line per output line of an entry:\n"
        "  name | text      a line the entry wrote on stdout\n"
        "  name ! text      a line the entry wrote on stderr\n"
        "  name * text      ProcDeck's note about the entry (started, exited, terminate, ...)\n"
        "Colours only when stdout is a terminal (and NO_COLOR is not set). On --timeout, Ctrl-C\n"
        "or SIGTERM every entry is terminated (its stop signal, then SIGKILL after its grace\n"
        "period); a second Ctrl-C kills at once.\n")
        + u'\n'
        // The statuses from HeadlessRunner's constants, so that the help cannot list other ones.
        + Msg::tr("Exit status (headless): 0 when every entry exited 0; otherwise the first non-zero exit\n"
                  "status in start order (128+N for death by signal N, %1 for a failed start, %2 for an\n"
                  "entry not started because a dependency failed); %3 on timeout; 128+N when ProcDeck was\n"
                  "stopped by signal N; %4 for a bad file or arguments.\n")
              .arg(HeadlessRunner::FailedStartExitCode)
              .arg(HeadlessRunner::BlockedExitCode)
              .arg(HeadlessRunner::TimeoutExitCode)
              .arg(HeadlessRunner::BadFileExitCode)
        + u'\n'
        + Msg::tr("Qt's own options apply to the window: -style STYLE, -stylesheet FILE, -platform NAME,\n"
                  "-reverse (right to left), -qwindowgeometry WxH+X+Y and the others Qt documents.\n");
}

QString CommandLine::versionText()
{
    return u"procdeck "_s + QLatin1StringView(ProcDeck::version()) + u'\n';
}

std::optional<int> CommandLine::printInformation() const
{
    switch (mode) {
    case Mode::Help:
        print(stdout, helpText());
        return 0;
    case Mode::Version:
        print(stdout, versionText());
        return 0;
    case Mode::Error:
        print(stderr, u"procdeck: "_s + VisibleText::visible(error) + u'\n' + Msg::tr("Try 'procdeck --help'.") + u'\n');
        return BadUsageExitCode;
    case Mode::Window:
    case Mode::StartAll:
    case Mode::Headless:
    case Mode::Control:
    case Mode::Attach:
        break;
    }
    return std::nullopt;
}
