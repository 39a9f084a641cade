// Issue 9, "nothing injected" and the session-file points, against the real procdeck executable
// (PD_APP_PATH) and real processes: text from a session file never reaches the terminal as a
// control sequence, NUL and duplicate names are refused at load, a JSON file that is not an object
// is refused as JSON, and ProcDeck's own files are private whatever the umask. Labelled
// "reliability" in CTest.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

class tst_Injection final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void headlessNameControlSequencesShown();
    void headlessProgramControlCharShown();
    void nulRefusedAtLoad_data();
    void nulRefusedAtLoad();
    void duplicateNamesRefused_data();
    void duplicateNamesRefused();
    void defaultNamesNeverCollide();
    void topLevelNotObjectRefusedAsJson_data();
    void topLevelNotObjectRefusedAsJson();
    void ownFilesPrivateWhateverUmask_data();
    void ownFilesPrivateWhateverUmask();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    QString write(const QString &name, const QByteArray &contents) const;
    static QProcessEnvironment environment(const QString &configHome = {});
    static Run headless(const QString &file);

    QTemporaryDir m_dir;
};

void tst_Injection::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(PD_APP_PATH)), PD_APP_PATH);
}

QString tst_Injection::write(const QString &name, const QByteArray &contents) const
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(contents);
    return path;
}

// The children get no colour, no buffering switches and a config folder of the test's own.
QProcessEnvironment tst_Injection::environment(const QString &configHome)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"PYTHONUNBUFFERED"_s, u"NO_COLOR"_s, u"QT_LOGGING_RULES"_s})
        env.remove(name);
    if (!configHome.isEmpty())
        env.insert(u"XDG_CONFIG_HOME"_s, configHome);
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    return env;
}

tst_Injection::Run tst_Injection::headless(const QString &file)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(PD_APP_PATH), {u"--headless"_s, file, u"--timeout"_s, u"30"_s});
    Run run;
    if (!process.waitForStarted(10000))
        return run;
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// An entry named ESC ] 0 ; pwned BEL + CSI 2J: stdout is a pipe and colour is off, so ProcDeck
// writes no ESC of its own; any ESC would be the file's, reaching the terminal.
void tst_Injection::headlessNameControlSequencesShown()
{
    const QString path = write(u"title.json"_s,
        "{\"procdeck\": 1, \"processes\": [{\"name\": \"a\\u001b]0;pwned\\u0007\\u001b[2Jb\\u009b31m\", "
        "\"program\": \"" PD_CHILD_PATH "\", \"args\": [\"echo\", \"hello\"]}]}");
    const Run run = headless(path);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("hello"), run.out.constData());
    QVERIFY2(!run.out.contains('\x1b') && !run.err.contains('\x1b'), run.out.toHex().constData());
    QVERIFY2(!run.out.contains('\x07') && !run.out.contains("\xc2\x9b"), run.out.toHex().constData());
    // Shown as control pictures instead: ␛]0;pwned␇␛[2Jb
    QVERIFY2(run.out.contains(QString(u"a\u241b]0;pwned\u2407\u241b[2Jb"_s).toUtf8()), run.out.constData());
}

// A program with a control character fails to start; the note quoting it ("failed to start: …")
// and the exit report are ProcDeck's, written without the program's ESC.
void tst_Injection::headlessProgramControlCharShown()
{
    const QString path = write(u"program.json"_s,
        "{\"procdeck\": 1, \"processes\": [{\"name\": \"p\", "
        "\"program\": \"./missing\\u001b]0;pwned\\u0007\"}]}");
    const Run run = headless(path);
    QVERIFY2(run.exitCode != 0 && run.exitCode != -1, QByteArray::number(run.exitCode).constData());
    QVERIFY2(run.out.contains(QString(u"missing\u241b]0;pwned\u2407"_s).toUtf8()), run.out.constData());
    QVERIFY2(!run.out.contains('\x1b') && !run.err.contains('\x1b'), run.out.toHex().constData());
    QVERIFY(!run.out.contains('\x07') && !run.err.contains('\x07'));
}

void tst_Injection::nulRefusedAtLoad_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("message");
    const QByteArray head = "{\"procdeck\": 1, \"processes\": [";
    QTest::newRow("json argument") << u"args.json"_s
        << head + "{\"program\": \"/bin/echo\", \"args\": [\"a\", \"b\\u0000c\"]}]}"
        << u"args.json: processes[0].args[1]: contains a NUL byte"_s;
    QTest::newRow("json name") << u"name.json"_s
        << head + "{\"name\": \"x\\u0000y\", \"program\": \"/bin/echo\"}]}"
        << u"name.json: processes[0].name: contains a NUL byte"_s;
    QTest::newRow("json environment value") << u"env.json"_s
        << head + "{\"program\": \"/bin/echo\", \"environment\": {\"K\": \"1\\u00002\"}}]}"
        << u"env.json: processes[0].environment.K: contains a NUL byte"_s;
    QTest::newRow("procfile command") << u"nul/Procfile"_s << "web: echo a\n\nworker: echo b\0c\n"_ba
        << u"nul/Procfile:3: contains a NUL byte"_s;
    QTest::newRow(".env value") << u"nulenv/.env"_s << "A=1\nB=x\0y\n"_ba
        << u"nulenv/.env:2: contains a NUL byte"_s;
}

// Today's contract: refused whole, exit 2, the message names the field or line. Before, the
// string was cut at the NUL when it ran, so the trust dialog showed something else.
void tst_Injection::nulRefusedAtLoad()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, contents);
    QFETCH(QString, message);
    QVERIFY(QDir(m_dir.path()).mkpath(QFileInfo(m_dir.filePath(fileName)).path()));
    QString path = write(fileName, contents);
    QVERIFY(!path.isEmpty());
    if (fileName.endsWith(u".env"_s))
        path = write(QFileInfo(fileName).path() + u"/Procfile"_s, "web: echo $B\n");
    const Run run = headless(path);
    QCOMPARE(run.exitCode, 2);
    const QString expected = u"procdeck: "_s + m_dir.filePath(message);
    QVERIFY2(QString::fromUtf8(run.err).contains(expected), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

void tst_Injection::duplicateNamesRefused_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("message");
    QTest::newRow("procfile") << u"dup/Procfile"_s << QByteArray("# two webs\nweb: echo 1\nworker: echo 2\nweb: echo 3\n")
                              << u"dup/Procfile:4: duplicate entry name \"web\" (first at line 2)"_s;
    QTest::newRow("json") << u"dup.json"_s
        << QByteArray("{\"procdeck\": 1, \"processes\": [\n  {\"name\": \"web\", \"program\": \"/bin/true\"},\n"
                      "  {\"name\": \"db\", \"program\": \"/bin/true\"},\n  {\"name\": \"web\", \"program\": \"/bin/true\"}\n]}\n")
        << u"dup.json: processes[2].name: \"web\" is already the name of processes[0] (lines 4 and 2)"_s;
}

void tst_Injection::duplicateNamesRefused()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, contents);
    QFETCH(QString, message);
    QVERIFY(QDir(m_dir.path()).mkpath(QFileInfo(m_dir.filePath(fileName)).path()));
    const Run run = headless(write(fileName, contents));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(QString::fromUtf8(run.err).contains(m_dir.filePath(message)), run.err.constData());
    QVERIFY(run.out.isEmpty()); // nothing started
}

// Unnamed entries get "Process-N" names that no entry of the file has: an unnamed entry before an
// explicit "Process-1" is not a second Process-1 (its output would be told apart by nothing).
void tst_Injection::defaultNamesNeverCollide()
{
    const QString path = write(u"unnamed.json"_s, R"({"procdeck": 1, "processes": [
        {"program": ")" PD_CHILD_PATH R"(", "args": ["echo", "a"]},
        {"name": "Process-1", "program": ")" PD_CHILD_PATH R"(", "args": ["echo", "b"]},
        {"program": ")" PD_CHILD_PATH R"(", "args": ["echo", "c"]},
        {"name": "Process-3", "program": ")" PD_CHILD_PATH R"(", "args": ["echo", "d"]}]})");
    const Run run = headless(path);
    QCOMPARE(run.exitCode, 0);
    QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts).filter(u" | "_s);
    lines.sort();
    QCOMPARE(lines, (QStringList{u"Process-1 | b"_s, u"Process-2 | a"_s, u"Process-3 | d"_s, u"Process-4 | c"_s}));
}

void tst_Injection::topLevelNotObjectRefusedAsJson_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("kind");
    QTest::newRow("array") << QByteArray("[1, 2]\n") << u"an array"_s;
    QTest::newRow("string") << QByteArray("  \"x\"") << u"a string"_s;
    QTest::newRow("number") << QByteArray("3") << u"a number"_s;
}

// Not read as a Procfile ("expected name: command"): the message speaks of JSON.
void tst_Injection::topLevelNotObjectRefusedAsJson()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, kind);
    const QString path = write(u"top.json"_s, contents);
    const Run run = headless(path);
    QCOMPARE(run.exitCode, 2);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(u"the top level is %1; it must be a JSON object"_s.arg(kind)), run.err.constData());
    QVERIFY2(!err.contains(u"name: command"_s), run.err.constData());
}

void tst_Injection::ownFilesPrivateWhateverUmask_data()
{
    QTest::addColumn<int>("mask");
    QTest::newRow("umask 022") << 022;
    QTest::newRow("umask 000") << 0;
}

// The real window (offscreen) opens a session, which writes the recent files into
// $XDG_CONFIG_HOME/ProcDeck/ProcDeck.conf; the folder must be 0700 and every file in it 0600.
void tst_Injection::ownFilesPrivateWhateverUmask()
{
    QFETCH(int, mask);
    QTemporaryDir config;
    QVERIFY(config.isValid());
    const QString session = write(u"modes.json"_s,
        "{\"procdeck\": 1, \"processes\": [{\"name\": \"idle\", \"program\": \"/bin/true\"}]}");
    QProcess window;
    window.setProcessEnvironment(environment(config.path()));
    const mode_t previous = ::umask(mode_t(mask)); // the child inherits the umask at fork
    window.start(QStringLiteral(PD_APP_PATH), {session});
    const bool started = window.waitForStarted(10000);
    ::umask(previous);
    QVERIFY(started);
    const QString folder = config.filePath(u"ProcDeck"_s);
    const QString conf = folder + u"/ProcDeck.conf"_s;
    const auto written = [&conf] {
        QFile file(conf);
        return file.open(QIODevice::ReadOnly) && file.readAll().contains("modes.json");
    };
    QTRY_VERIFY_WITH_TIMEOUT(written(), 30000);
    QSignalSpy finished(&window, &QProcess::finished);
    window.terminate();
    QVERIFY(finished.wait(20000));

    struct stat info{};
    QCOMPARE(::stat(QFile::encodeName(folder).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0700));
    const QStringList files = QDir(folder).entryList(QDir::Files | QDir::Hidden);
    QVERIFY(files.contains(u"ProcDeck.conf"_s));
    for (const QString &name : files) {
        QCOMPARE(::stat(QFile::encodeName(folder + u'/' + name).constData(), &info), 0);
        QVERIFY2((info.st_mode & 07777) == 0600, qPrintable(name + u' ' + QString::number(info.st_mode & 07777, 8)));
    }
}

QTEST_GUILESS_MAIN(tst_Injection)
#include "tst_injection.moc"
