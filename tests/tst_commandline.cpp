#include "commandline.h"

#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(CommandLine::Mode)

class tst_CommandLine final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void argv();
    void serveAndControl();
    void attach();
    void helpMentionsEveryMode();
    void helpListsEveryExitStatus();
};

void tst_CommandLine::parse_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<CommandLine::Mode>("mode");
    QTest::addColumn<QString>("file");
    QTest::addColumn<qint64>("timeoutMs"); // -1: none

    using Mode = CommandLine::Mode;
    QTest::newRow("nothing") << QStringList{} << Mode::Window << QString() << qint64(-1);
    QTest::newRow("file") << QStringList{u"s.json"_s} << Mode::Window << u"s.json"_s << qint64(-1);
    QTest::newRow("file after --") << QStringList{u"--"_s, u"-odd.json"_s} << Mode::Window << u"-odd.json"_s << qint64(-1);
    QTest::newRow("start-all") << QStringList{u"--start-all"_s, u"Procfile"_s} << Mode::StartAll << u"Procfile"_s << qint64(-1);
    QTest::newRow("headless") << QStringList{u"--headless"_s, u"s.json"_s} << Mode::Headless << u"s.json"_s << qint64(-1);
    QTest::newRow("headless timeout") << QStringList{u"--headless"_s, u"s.json"_s, u"--timeout"_s, u"3"_s}
                                      << Mode::Headless << u"s.json"_s << qint64(3000);
    QTest::newRow("timeout first, fraction") << QStringList{u"--timeout=0.25"_s, u"s.json"_s, u"--headless"_s}
                                             << Mode::Headless << u"s.json"_s << qint64(250);
    QTest::newRow("help") << QStringList{u"--help"_s} << Mode::Help << QString() << qint64(-1);
    QTest::newRow("-h") << QStringList{u"-h"_s} << Mode::Help << QString() << qint64(-1);
    QTest::newRow("help wins") << QStringList{u"--headless"_s, u"--help"_s} << Mode::Help << QString() << qint64(-1);
    QTest::newRow("version") << QStringList{u"--version"_s} << Mode::Version << QString() << qint64(-1);
    // Qt's own options are QApplication's (main.cpp hands it argv): skipped, values included.
    QTest::newRow("qt options, window")
        << QStringList{u"-style"_s, u"Fusion"_s, u"-reverse"_s, u"-platform"_s, u"offscreen"_s,
                       u"-stylesheet"_s, u"look.qss"_s, u"s.json"_s}
        << Mode::Window << u"s.json"_s << qint64(-1);
    QTest::newRow("qt options, = and -- forms")
        << QStringList{u"-style=Fusion"_s, u"--platform"_s, u"offscreen"_s, u"--start-all"_s, u"s.json"_s,
                       u"-qwindowgeometry"_s, u"800x600+0+0"_s}
        << Mode::StartAll << u"s.json"_s << qint64(-1);
    QTest::newRow("qt options, headless")
        << QStringList{u"--headless"_s, u"-platform"_s, u"offscreen"_s, u"s.json"_s, u"--timeout"_s, u"2"_s}
        << Mode::Headless << u"s.json"_s << qint64(2000);
    QTest::newRow("qt options, version") << QStringList{u"-reverse"_s, u"--version"_s} << Mode::Version << QString() << qint64(-1);
    QTest::newRow("qt option without its value") << QStringList{u"-style"_s} << Mode::Window << QString() << qint64(-1);
    QTest::newRow("qt option's name after --") << QStringList{u"--"_s, u"-reverse"_s} << Mode::Window << u"-reverse"_s << qint64(-1);
}

void tst_CommandLine::parse()
{
    QFETCH(QStringList, arguments);
    QFETCH(CommandLine::Mode, mode);
    QFETCH(QString, file);
    QFETCH(qint64, timeoutMs);
    const CommandLine result = CommandLine::parse(QStringList{u"procdeck"_s} + arguments);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.mode, mode);
    QCOMPARE(result.file, file);
    QCOMPARE(result.timeoutMs.value_or(-1), timeoutMs);
}

void tst_CommandLine::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << u"Unknown option 'frobnicate'."_s;
    QTest::newRow("unknown single-dash option") << QStringList{u"-frobnicate"_s} << u"Unknown option 'frobnicate'."_s;
    QTest::newRow("two files") << QStringList{u"a.json"_s, u"b.json"_s} << u"too many arguments: one FILE at most (got 2)"_s;
    QTest::newRow("headless without file") << QStringList{u"--headless"_s} << u"--headless needs a FILE"_s;
    QTest::newRow("start-all without file") << QStringList{u"--start-all"_s} << u"--start-all needs a FILE"_s;
    QTest::newRow("both modes") << QStringList{u"--headless"_s, u"--start-all"_s, u"f"_s}
                                << u"--headless and --start-all cannot be used together"_s;
    QTest::newRow("timeout without headless") << QStringList{u"--timeout"_s, u"3"_s, u"f"_s}
                                              << u"--timeout applies only with --headless"_s;
    QTest::newRow("timeout not a number") << QStringList{u"--headless"_s, u"f"_s, u"--timeout"_s, u"soon"_s}
                                          << u"--timeout: \"soon\" is not a positive number of seconds"_s;
    QTest::newRow("timeout zero") << QStringList{u"--headless"_s, u"f"_s, u"--timeout"_s, u"0"_s}
                                  << u"--timeout: \"0\" is not a positive number of seconds"_s;
    QTest::newRow("timeout negative") << QStringList{u"--headless"_s, u"f"_s, u"--timeout=-1"_s}
                                      << u"--timeout: \"-1\" is not a positive number of seconds"_s;
    QTest::newRow("timeout missing value") << QStringList{u"--headless"_s, u"f"_s, u"--timeout"_s}
                                           << u"Missing value after '--timeout'."_s;
    QTest::newRow("serve without headless") << QStringList{u"--serve"_s, u"f"_s} << u"--serve applies only with --headless"_s;
    QTest::newRow("attach without target") << QStringList{u"--attach"_s} << u"Missing value after '--attach'."_s;
    QTest::newRow("attach with a file") << QStringList{u"--attach"_s, u"stack"_s, u"s.json"_s}
                                        << u"--attach takes no FILE: the session is the attached ProcDeck's"_s;
    QTest::newRow("attach headless") << QStringList{u"--headless"_s, u"s.json"_s, u"--attach"_s, u"stack"_s}
                                     << u"--attach cannot be used with --headless, --start-all, --serve or --timeout"_s;
}

void tst_CommandLine::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    const CommandLine result = CommandLine::parse(QStringList{u"procdeck"_s} + arguments);
    QCOMPARE(result.mode, CommandLine::Mode::Error);
    QCOMPARE(result.error, error);
}

void tst_CommandLine::argv()
{
    const char *argv[] = {"procdeck", "--headless", "caf\xc3\xa9.json", "--timeout", "1.5"};
    const CommandLine result = CommandLine::parse(5, argv);
    QCOMPARE(result.mode, CommandLine::Mode::Headless);
    QCOMPARE(result.file, u"caf\u00e9.json"_s);
    QCOMPARE(result.timeoutMs.value_or(-1), qint64(1500));
}

// `--serve` with --headless; `ctl` hands every word after it to the client untouched, Qt's option
// names (`-session`, `-style`) included.
void tst_CommandLine::serveAndControl()
{
    const CommandLine serve = CommandLine::parse({u"procdeck"_s, u"--headless"_s, u"s.json"_s, u"--serve"_s});
    QCOMPARE(serve.mode, CommandLine::Mode::Headless);
    QVERIFY(serve.serve);
    QVERIFY(!CommandLine::parse({u"procdeck"_s, u"--headless"_s, u"s.json"_s}).serve);
    const QStringList words{u"--session"_s, u"stack"_s, u"logs"_s, u"-f"_s, u"-style"_s};
    const CommandLine control = CommandLine::parse(QStringList{u"procdeck"_s, u"ctl"_s} + words);
    QCOMPARE(control.mode, CommandLine::Mode::Control);
    QCOMPARE(control.controlArguments, words);
    QVERIFY(!control.printInformation().has_value());
    // "ctl" names a file anywhere else.
    QCOMPARE(CommandLine::parse({u"procdeck"_s, u"--headless"_s, u"ctl"_s}).file, u"ctl"_s);
}

// `--attach TARGET`: the window attached; the target is read later (AttachTarget::parse), as given.
void tst_CommandLine::attach()
{
    const CommandLine ssh = CommandLine::parse({u"procdeck"_s, u"--attach"_s, u"ssh://me@host:2222/stack"_s});
    QCOMPARE(ssh.mode, CommandLine::Mode::Attach);
    QCOMPARE(ssh.attachTarget, u"ssh://me@host:2222/stack"_s);
    QVERIFY(ssh.file.isEmpty());
    QVERIFY(!ssh.printInformation().has_value());
    const CommandLine local = CommandLine::parse({u"procdeck"_s, u"-style"_s, u"Fusion"_s, u"--attach=stack"_s});
    QCOMPARE(local.mode, CommandLine::Mode::Attach);
    QCOMPARE(local.attachTarget, u"stack"_s);
}

void tst_CommandLine::helpMentionsEveryMode()
{
    const QString help = CommandLine::helpText();
    for (const QString &word : {u"--start-all"_s, u"--headless"_s, u"--serve"_s, u"ctl"_s, u"--timeout"_s, u"--version"_s, u"--help"_s, u"124"_s, u"-style"_s, u"-reverse"_s, u"--attach"_s, u"ssh://"_s})
        QVERIFY2(help.contains(word), qPrintable(word));
    QVERIFY(CommandLine::versionText().startsWith(u"procdeck "_s));
}

// Every exit status of a headless run is listed, the one of an entry blocked by a failed
// dependency included.
void tst_CommandLine::helpListsEveryExitStatus()
{
    const QString help = CommandLine::helpText().simplified();
    for (const QString &status : {u"127 for a failed start"_s, u"3 for an entry not started because a dependency failed"_s,
                                  u"124 on timeout"_s, u"2 for a bad file or arguments"_s, u"128+N"_s})
        QVERIFY2(help.contains(status), qPrintable(status));
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
