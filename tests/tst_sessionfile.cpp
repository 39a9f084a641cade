#include "environmenttext.h"
#include "sessionfile.h"
#include "shellwords.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>
#include <sys/fsuid.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Session)

class tst_SessionFile final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void parseValid();
    void defaults();
    void parseErrors_data();
    void parseErrors();
    void validationErrors_data();
    void validationErrors();
    void duplicateNamesRefused();
    void duplicateNameLines_data();
    void duplicateNameLines();

    void roundTripCanonical_data();
    void roundTripCanonical();
    void roundTripHandWritten();
    void roundTripExamples();
    void unknownKeysKept();
    void limitsRead();
    void limitsErrors_data();
    void limitsErrors();
    void limitsWritten();
    void limitsUnknownKeysKept();
    void fileWithoutLimitsUnchanged();
    void toProcfileDropsLimits();
    void changedSessionIsCanonical();
    void writerEscapes();

    void stackKeysRead();
    void stackKeysRoundTrip_data();
    void stackKeysRoundTrip();
    void stackUnknownKeysKept();
    void cronShape_data();
    void cronShape();

    void detectFormat_data();
    void detectFormat();
    void procfile();
    void procfileErrors_data();
    void procfileErrors();
    void loadProcfileWithDotEnv();
    void toProcfile();
    void toProcfileSkipsNamesTheShellCannotSet();
    void dotEnvStaysOutOfTheProcfile();

    void saveNewFileIsPrivate();
    void saveKeepsMode();
    void saveReadOnlyFolder();
    void saveFullDisk();
    void saveMissingFolder();
    void loadMissingFile();

private:
    static Session parse(const QByteArray &json);
    static void addStackErrorRows();
};

Session tst_SessionFile::parse(const QByteArray &json)
{
    const SessionFile::LoadResult result = SessionFile::parseJson(json, u"s.json"_s);
    if (!result.ok())
        qWarning("%s", qPrintable(result.error));
    return result.session.value_or(Session());
}

void tst_SessionFile::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_SessionFile::parseValid()
{
    const SessionFile::LoadResult result = SessionFile::parseJson(R"({
  "procdeck": 1,
  "processes": [
    {
      "name": "worker",
      "program": "python3",
      "args": ["-u", "worker.py", "3"],
      "workingDirectory": "scripts",
      "environment": { "KEY": "12", "GONE": null },
      "autostart": true,
      "stopSignal": "SIGINT",
      "stopTimeoutMs": 1500,
      "restart": "on-failure"
    },
    { "shell": "echo hi | tr a-z A-Z", "stopSignal": "HUP" },
    { "program": "x", "stopSignal": 10 }
  ]
})", u"s.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const Session &session = *result.session;
    QCOMPARE(session.processes.size(), 3);
    const ProcessSpec &worker = session.processes.at(0);
    QCOMPARE(worker.name, u"worker"_s);
    QCOMPARE(worker.program, u"python3"_s);
    QCOMPARE(worker.args, (QStringList{u"-u"_s, u"worker.py"_s, u"3"_s}));
    QCOMPARE(worker.workingDirectory, u"scripts"_s);
    QCOMPARE(worker.environment.size(), 2);
    QVERIFY(worker.environment.contains(EnvironmentChange{u"KEY"_s, u"12"_s}));
    QVERIFY(worker.environment.contains(EnvironmentChange{u"GONE"_s, std::nullopt}));
    QVERIFY(worker.autostart);
    QCOMPARE(worker.stopSignal, int(SIGINT));
    QCOMPARE(worker.stopTimeoutMs, 1500);
    QCOMPARE(worker.restart, RestartPolicy::OnFailure);
    QVERIFY(worker.unknownKeys.isEmpty());

    const ProcessSpec &shell = session.processes.at(1);
    QVERIFY(shell.usesShell());
    QCOMPARE(shell.shell, u"echo hi | tr a-z A-Z"_s);
    QVERIFY(shell.program.isEmpty());
    QCOMPARE(shell.stopSignal, int(SIGHUP));
    QCOMPARE(session.processes.at(2).stopSignal, 10);
}

void tst_SessionFile::defaults()
{
    const Session session = parse(R"({"procdeck": 1, "processes": [{"program": "true"}]})");
    QCOMPARE(session.processes.size(), 1);
    const ProcessSpec &spec = session.processes.first();
    QVERIFY(spec.name.isEmpty()); // ProcessManager gives it "Process-N"
    QVERIFY(spec.args.isEmpty());
    QVERIFY(spec.workingDirectory.isEmpty());
    QVERIFY(spec.environment.isEmpty());
    QVERIFY(!spec.autostart);
    QCOMPARE(spec.stopSignal, int(SIGTERM));
    QCOMPARE(spec.stopTimeoutMs, 5000);
    QCOMPARE(spec.restart, RestartPolicy::Never);

    const Session empty = parse(R"({"procdeck": 1})");
    QVERIFY(empty.processes.isEmpty());
}

void tst_SessionFile::parseErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray("  \n") << u"s.json:1:1: the file is empty (expected a JSON object)"_s;
    QTest::newRow("unterminated object")
        << QByteArray("{\n  \"procdeck\": 1,\n  \"processes\": [\n") << u"s.json:4:1: unterminated array"_s;
    QTest::newRow("missing comma in object")
        << QByteArray("{\n  \"procdeck\": 1\n  \"processes\": []\n}") << u"s.json:3:4: unterminated object"_s;
    QTest::newRow("column counts characters")
        << QByteArray("{\"name\": \"\xc3\xa9\xc3\xa9\", x}") << u"s.json:1:17: unterminated object"_s;
    QTest::newRow("missing comma in array")
        << QByteArray("{\n\"procdeck\": 1,\n  \"processes\": [1 2]}") << u"s.json:3:20: missing value separator"_s;
    QTest::newRow("string starting with a raw byte order mark")
        << QByteArray("{\"procdeck\": 1,\n \"x\": \"\xEF\xBB\xBFhidden\"}")
        << u"s.json:2:8: a string starts with an invisible byte order mark (U+FEFF); remove it or write it as \\uFEFF"_s;
    QTest::newRow("garbage after")
        << QByteArray("{\"procdeck\": 1}\nxyz") << u"s.json:2:1: garbage at the end of the document"_s;
}

void tst_SessionFile::parseErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const SessionFile::LoadResult result = SessionFile::parseJson(json, u"s.json"_s);
    QVERIFY(!result.ok());
    // Line and column are counted by us (characters, not bytes) from QJsonParseError's offset,
    // which is where the parser stopped (just past the offending token); the wording is Qt's.
    const qsizetype prefix = expected.indexOf(u' ');
    QCOMPARE(result.error.left(prefix), expected.left(prefix));
    QCOMPARE(result.error, expected);
}

void tst_SessionFile::validationErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    const auto entry = [](const char *body) -> QByteArray {
        return QByteArray(R"({"procdeck": 1, "processes": [{"program": "ok"}, {"program": "ok"}, {"program": "ok"}, )")
            + body + "]}";
    };
    QTest::newRow("array") << QByteArray("[1, 2]")
                           << u"s.json:1:1: the top level is an array; it must be a JSON object with \"procdeck\": 1"_s;
    QTest::newRow("string") << QByteArray("\n \"x\"")
                            << u"s.json:2:2: the top level is a string; it must be a JSON object with \"procdeck\": 1"_s;
    QTest::newRow("number") << QByteArray("3")
                            << u"s.json:1:1: the top level is a number; it must be a JSON object with \"procdeck\": 1"_s;
    QTest::newRow("null") << QByteArray("null")
                          << u"s.json:1:1: the top level is null; it must be a JSON object with \"procdeck\": 1"_s;
    QTest::newRow("no version") << QByteArray(R"({"processes": []})")
                                << u"s.json: procdeck: missing: this is not a ProcDeck session (expected \"procdeck\": 1)"_s;
    QTest::newRow("version not a number") << QByteArray(R"({"procdeck": "1"})")
                                          << u"s.json: procdeck: must be a positive integer (the format version)"_s;
    QTest::newRow("version fraction") << QByteArray(R"({"procdeck": 1.5})")
                                      << u"s.json: procdeck: must be a positive integer (the format version)"_s;
    QTest::newRow("newer version")
        << QByteArray(R"({"procdeck": 2, "processes": []})")
        << u"s.json: procdeck: format version 2 is newer than this ProcDeck reads (1); update ProcDeck to open this file"_s;
    QTest::newRow("processes not array") << QByteArray(R"({"procdeck": 1, "processes": {}})")
                                         << u"s.json: processes: must be an array of entries"_s;
    QTest::newRow("entry not object") << entry("7") << u"s.json: processes[3]: must be an object"_s;
    QTest::newRow("neither program nor shell")
        << entry(R"({"name": "x"})") << u"s.json: processes[3]: needs \"program\" (with \"args\") or \"shell\""_s;
    QTest::newRow("program and shell")
        << entry(R"({"program": "a", "shell": "b"})")
        << u"s.json: processes[3]: has both \"program\" and \"shell\"; use one of them"_s;
    QTest::newRow("program not string") << entry(R"({"program": 3})")
                                        << u"s.json: processes[3].program: must be a non-empty string"_s;
    QTest::newRow("program empty") << entry(R"({"program": ""})")
                                   << u"s.json: processes[3].program: must be a non-empty string"_s;
    QTest::newRow("shell empty") << entry(R"({"shell": "  "})")
                                 << u"s.json: processes[3].shell: must be a non-empty string"_s;
    QTest::newRow("name not string") << entry(R"({"program": "a", "name": 1})")
                                     << u"s.json: processes[3].name: must be a string"_s;
    QTest::newRow("args not array") << entry(R"({"program": "a", "args": "-v"})")
                                    << u"s.json: processes[3].args: must be an array of strings"_s;
    QTest::newRow("args not strings") << entry(R"({"program": "a", "args": ["x", 2]})")
                                      << u"s.json: processes[3].args[1]: must be a string"_s;
    QTest::newRow("args with shell")
        << entry(R"({"shell": "a", "args": ["x"]})")
        << u"s.json: processes[3].args: not allowed with \"shell\" (put the arguments in the command)"_s;
    QTest::newRow("workingDirectory not string") << entry(R"({"program": "a", "workingDirectory": false})")
                                                 << u"s.json: processes[3].workingDirectory: must be a string"_s;
    QTest::newRow("environment not object")
        << entry(R"({"program": "a", "environment": ["A=1"]})")
        << u"s.json: processes[3].environment: must be an object of \"NAME\": \"value\" (or null)"_s;
    QTest::newRow("environment value number")
        << entry(R"({"program": "a", "environment": {"A": 1}})")
        << u"s.json: processes[3].environment.A: must be a string, or null to remove the variable"_s;
    QTest::newRow("environment bad name")
        << entry(R"({"program": "a", "environment": {"A=B": "1"}})")
        << u"s.json: processes[3].environment: \"A=B\" is not a valid variable name"_s;
    QTest::newRow("autostart not bool") << entry(R"({"program": "a", "autostart": "yes"})")
                                        << u"s.json: processes[3].autostart: must be true or false"_s;
    QTest::newRow("unknown stop signal") << entry(R"({"program": "a", "stopSignal": "SIGFOO"})")
                                         << u"s.json: processes[3].stopSignal: unknown signal \"SIGFOO\""_s;
    QTest::newRow("stop signal out of range") << entry(R"({"program": "a", "stopSignal": 0})")
                                              << u"s.json: processes[3].stopSignal: unknown signal 0"_s;
    QTest::newRow("stop signal wrong type")
        << entry(R"({"program": "a", "stopSignal": true})")
        << u"s.json: processes[3].stopSignal: must be a signal name such as \"SIGTERM\""_s;
    QTest::newRow("stopTimeoutMs zero") << entry(R"({"program": "a", "stopTimeoutMs": 0})")
                                        << u"s.json: processes[3].stopTimeoutMs: must be a positive integer"_s;
    QTest::newRow("stopTimeoutMs negative") << entry(R"({"program": "a", "stopTimeoutMs": -5})")
                                            << u"s.json: processes[3].stopTimeoutMs: must be a positive integer"_s;
    QTest::newRow("stopTimeoutMs fraction") << entry(R"({"program": "a", "stopTimeoutMs": 2.5})")
                                            << u"s.json: processes[3].stopTimeoutMs: must be a positive integer"_s;
    QTest::newRow("stopTimeoutMs string") << entry(R"({"program": "a", "stopTimeoutMs": "5000"})")
                                          << u"s.json: processes[3].stopTimeoutMs: must be a positive integer"_s;
    QTest::newRow("stopTimeoutMs too large") << entry(R"({"program": "a", "stopTimeoutMs": 1e12})")
                                             << u"s.json: processes[3].stopTimeoutMs: must be a positive integer"_s;
    QTest::newRow("unknown restart")
        << entry(R"({"program": "a", "restart": "sometimes"})")
        << u"s.json: processes[3].restart: unknown value \"sometimes\" (expected \"never\", \"on-failure\" or \"always\")"_s;
    QTest::newRow("restart wrong type")
        << entry(R"({"program": "a", "restart": 1})")
        << u"s.json: processes[3].restart: unknown value 1 (expected \"never\", \"on-failure\" or \"always\")"_s;
    // NUL is refused in every text that reaches the child: the system would cut it there, so
    // what runs would differ from what the trust dialog shows. "\u0000" decodes to NUL.
    QTest::newRow("NUL in name") << entry(R"({"name": "a\u0000b", "program": "x"})")
        << u"s.json: processes[3].name: contains a NUL byte"_s;
    QTest::newRow("NUL in program") << entry(R"({"program": "x\u0000"})")
        << u"s.json: processes[3].program: contains a NUL byte"_s;
    QTest::newRow("NUL in argument") << entry(R"({"program": "x", "args": ["a", "\u0000rm"]})")
        << u"s.json: processes[3].args[1]: contains a NUL byte"_s;
    QTest::newRow("NUL in shell") << entry(R"({"shell": "echo a\u0000; rm -rf x"})")
        << u"s.json: processes[3].shell: contains a NUL byte"_s;
    QTest::newRow("NUL in working directory") << entry(R"({"program": "x", "workingDirectory": "a\u0000"})")
        << u"s.json: processes[3].workingDirectory: contains a NUL byte"_s;
    QTest::newRow("NUL in environment name") << entry(R"({"program": "x", "environment": {"A\u0000B": "1"}})")
        << u"s.json: processes[3].environment: contains a NUL byte"_s;
    QTest::newRow("NUL in environment value") << entry(R"({"program": "x", "environment": {"A": "1\u00002"}})")
        << u"s.json: processes[3].environment.A: contains a NUL byte"_s;
    addStackErrorRows();
}

void tst_SessionFile::validationErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const SessionFile::LoadResult result = SessionFile::parseJson(json, u"s.json"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, expected);
}

// Names are unique in a session: both entries are named in the message. Entries without a name
// are not duplicates (they get distinct default names when added).
void tst_SessionFile::duplicateNamesRefused()
{
    const SessionFile::LoadResult json = SessionFile::parseJson(R"({"procdeck": 1, "processes": [
        {"name": "w", "program": "a"}, {"program": "b"}, {"program": "c"}, {"name": "w", "program": "d"}]})",
                                                               u"s.json"_s);
    QVERIFY(!json.ok());
    QCOMPARE(json.error, u"s.json: processes[3].name: \"w\" is already the name of processes[0] (lines 2 and 2)"_s);
    QVERIFY(SessionFile::parseJson(R"({"procdeck": 1, "processes": [{"program": "b"}, {"program": "c"}]})",
                                   u"s.json"_s).ok());

    const SessionFile::LoadResult procfile = SessionFile::parseProcfile("web: a\n# x\nworker: b\n\nweb: c\n", u"Procfile"_s);
    QVERIFY(!procfile.ok());
    QCOMPARE(procfile.error, u"Procfile:5: duplicate entry name \"web\" (first at line 1)"_s);
}

// The lines of both "name" values, found in the raw text (the parsed document has no positions):
// whatever the layout, escapes in keys and strings, and "name" keys that are not an entry's.
void tst_SessionFile::duplicateNameLines_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QString prefix = u"s.json: processes[%1].name: \"web\" is already the name of processes[%2] "_s;

    QTest::newRow("one entry per line")
        << QByteArray("{\"procdeck\": 1, \"processes\": [\n"
                      "  {\"name\": \"web\", \"program\": \"a\"},\n"
                      "  {\"program\": \"b\"},\n"
                      "  {\"name\": \"db\", \"program\": \"c\"},\n"
                      "  {\"program\": \"d\", \"name\": \"web\"}\n"
                      "]}\n")
        << prefix.arg(3).arg(0) + u"(lines 5 and 2)"_s;
    QTest::newRow("value on its own line, CRLF, byte order mark")
        << QByteArray("\xEF\xBB\xBF{\"procdeck\": 1,\r\n\"processes\": [{\"name\"\r\n:\r\n\r\n\"web\",\r\n"
                      "\"program\": \"a\"}, {\"name\":\"web\",\"program\":\"b\"}]}")
        << prefix.arg(1).arg(0) + u"(lines 6 and 5)"_s;
    QTest::newRow("other keys called name, strings that look like keys")
        << QByteArray("{\"procdeck\": 1, \"name\": \"top\", \"processes\": [\n"
                      "{\"program\": \"a\", \"x\": {\"name\": \"web\", \"y\": [{\"name\": 1}]},\n"
                      " \"args\": [\"\\\"name\\\": \", \"}]{[\"], \"environment\": {\"name\": \"q\"},\n"
                      " \"name\": \"web\"},\n"
                      "{\"program\": \"b\",\n"
                      " \"name\": \"web\"}]}")
        << prefix.arg(1).arg(0) + u"(lines 6 and 4)"_s;
    QTest::newRow("escaped key and value")
        << QByteArray("{\"procdeck\": 1, \"processes\": [\n{\"program\": \"a\", \"n\\u0061me\": \"w\\u0065b\"},\n"
                      "{\"program\": \"b\", \"nam\\u0065\": \"web\"}]}")
        << prefix.arg(1).arg(0) + u"(lines 3 and 2)"_s;
    QTest::newRow("a key given twice counts where the parser takes it: the last")
        << QByteArray("{\"procdeck\": 1, \"processes\": [\n{\"program\": \"a\", \"name\": \"x\",\n\"name\": \"web\"},\n"
                      "{\"program\": \"b\",\n\n\"name\": \"web\"}]}")
        << prefix.arg(1).arg(0) + u"(lines 6 and 3)"_s;
    QTest::newRow("processes given twice: the last")
        << QByteArray("{\"processes\": [{\"name\": \"web\", \"program\": \"a\"}, {\"name\": \"web\", \"program\": \"a\"}],\n"
                      "\"procdeck\": 1,\n\"processes\": [{\"name\": \"\u00e9\", \"program\": \"a\"},\n"
                      "{\"name\": \"web\", \"program\": \"a\"},\n{\"name\": \"web\", \"program\": \"a\"}]}")
        << prefix.arg(2).arg(1) + u"(lines 5 and 4)"_s;
}

void tst_SessionFile::duplicateNameLines()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const SessionFile::LoadResult result = SessionFile::parseJson(json, u"s.json"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
}

void tst_SessionFile::roundTripCanonical_data()
{
    QTest::addColumn<Session>("session");

    ProcessSpec full;
    full.name = u"worker"_s;
    full.program = u"python3"_s;
    full.args = QStringList{u"-u"_s, u"a b"_s, u"\"quoted\" $(x) ; *"_s, QString()};
    full.workingDirectory = u"scripts"_s;
    full.environment = {{u"A"_s, u"1"_s}, {u"B"_s, std::nullopt}, {u"C"_s, u"line\nbreak \u00e9"_s}};
    full.autostart = true;
    full.stopSignal = SIGINT;
    full.stopTimeoutMs = 250;
    full.restart = RestartPolicy::Always;
    full.limits.memoryMB = 512;
    full.limits.cpuPercent = 150;
    full.limits.restartAboveMemoryMB = 400;
    full.limits.unknownKeys.insert(u"ioWeight"_s, 50);
    full.unknownKeys.insert(u"zeta"_s, QJsonArray{1, 2.5, u"x"_s, QJsonObject{{u"k"_s, true}}});
    full.unknownKeys.insert(u"alpha"_s, QJsonObject{{u"nested"_s, QJsonArray{}}, {u"n"_s, QJsonValue()}});

    ProcessSpec shell;
    shell.name = u"Process-2"_s;
    shell.shell = u"echo \"$HOME\" | cat"_s;
    shell.limits.cpuPercent = 25; // one limit alone

    Session one;
    one.processes = {full, shell};
    one.unknownKeys.insert(u"comment"_s, u"kept"_s);
    one.unknownKeys.insert(u"big"_s, qint64(12345678901));
    one.unknownKeys.insert(u"empty"_s, QJsonObject());
    QTest::newRow("full") << one;
    QTest::newRow("no processes") << Session();
}

void tst_SessionFile::roundTripCanonical()
{
    QFETCH(Session, session);
    const QByteArray written = SessionFile::toJson(session);
    const SessionFile::LoadResult read = SessionFile::parseJson(written, u"s.json"_s);
    QVERIFY2(read.ok(), qPrintable(read.error + u"\n"_s + QString::fromUtf8(written)));
    QCOMPARE(read.session->processes, session.processes);
    QCOMPARE(read.session->unknownKeys, session.unknownKeys);
    // Written again by a session that no longer remembers its source: the same bytes.
    Session again = *read.session;
    QCOMPARE(SessionFile::toJson(again), written);
    again.source.clear();
    QCOMPARE(SessionFile::toJson(again), written);
}

void tst_SessionFile::roundTripHandWritten()
{
    // Not in the canonical form: odd spacing, keys in another order, defaults spelled out.
    const QByteArray text = "{\"processes\":[{\"args\":[\"1\"],  \"program\":\"sleep\",\"autostart\":false,"
                            "\"stopSignal\":\"TERM\",\"x-note\":{\"b\":1,\"a\":2}}],\"procdeck\":1.0,\"z\":1}";
    const SessionFile::LoadResult read = SessionFile::parseJson(text, u"s.json"_s);
    QVERIFY2(read.ok(), qPrintable(read.error));
    QCOMPARE(SessionFile::toJson(*read.session), text);

    // Once changed, it is written in the canonical form, unknown keys still there.
    Session changed = *read.session;
    changed.processes[0].name = u"Process-1"_s;
    const QByteArray canonical = SessionFile::toJson(changed);
    QCOMPARE(canonical, QByteArray(R"({
  "procdeck": 1,
  "processes": [
    {
      "name": "Process-1",
      "program": "sleep",
      "args": ["1"],
      "x-note": {
        "a": 2,
        "b": 1
      }
    }
  ],
  "z": 1
}
)"));
}

void tst_SessionFile::roundTripExamples()
{
    // Every example ProcDeck ships is in the canonical form: loaded and written without a
    // change, even without the remembered source, it gives the same bytes.
    const QDir examples(QStringLiteral(PD_SOURCE_DIR "/examples"));
    const QStringList files = examples.entryList({u"*.json"_s}, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &name : files) {
        const SessionFile::LoadResult read = SessionFile::load(examples.filePath(name));
        QVERIFY2(read.ok(), qPrintable(read.error));
        Session session = *read.session;
        const QByteArray original = session.source;
        session.source.clear();
        QCOMPARE(QString::fromUtf8(SessionFile::toJson(session)), QString::fromUtf8(original));
    }
}

void tst_SessionFile::unknownKeysKept()
{
    const Session session = parse(R"({"procdeck": 1, "future": {"x": [1, 2]},
        "processes": [{"program": "a", "color": "red", "metrics": {"cpu": 2}}]})");
    QCOMPARE(session.unknownKeys.value(u"future"_s).toObject().value(u"x"_s).toArray().size(), 2);
    QCOMPARE(session.processes.first().unknownKeys.value(u"color"_s).toString(), u"red"_s);
    QCOMPARE(session.processes.first().unknownKeys.value(u"metrics"_s).toObject().value(u"cpu"_s).toInt(), 2);

    Session changed = session;
    changed.processes.first().args = QStringList{u"new"_s};
    const Session reread = parse(SessionFile::toJson(changed));
    QCOMPARE(reread.unknownKeys, session.unknownKeys);
    QCOMPARE(reread.processes.first().unknownKeys, session.processes.first().unknownKeys);
    QCOMPARE(reread.processes.first().args, QStringList{u"new"_s});
}

// `limits`: every key optional, whole numbers; a key left out is no limit (0).
void tst_SessionFile::limitsRead()
{
    const Session session = parse(R"({"procdeck": 1, "processes": [
        {"name": "all", "program": "a", "limits": {"memoryMB": 512, "cpuPercent": 50, "restartAboveMemoryMB": 400}},
        {"name": "cpu", "program": "a", "limits": {"cpuPercent": 102400}},
        {"name": "restart", "program": "a", "limits": {"restartAboveMemoryMB": 1048576.0}},
        {"name": "memory", "program": "a", "limits": {"memoryMB": 1}},
        {"name": "empty", "program": "a", "limits": {}},
        {"name": "none", "program": "a"}]})");
    QCOMPARE(session.processes.size(), 6);
    const ProcessLimits all = session.processes.at(0).limits;
    QCOMPARE(all.memoryMB, 512);
    QCOMPARE(all.cpuPercent, 50);
    QCOMPARE(all.restartAboveMemoryMB, 400);
    QVERIFY(all.unknownKeys.isEmpty());
    ProcessLimits cpu;
    cpu.cpuPercent = ProcessLimits::MaxCpuPercent;
    QCOMPARE(session.processes.at(1).limits, cpu);
    ProcessLimits restart;
    restart.restartAboveMemoryMB = ProcessLimits::MaxMemoryMB;
    QCOMPARE(session.processes.at(2).limits, restart);
    ProcessLimits memory;
    memory.memoryMB = 1;
    QCOMPARE(session.processes.at(3).limits, memory);
    QVERIFY(session.processes.at(4).limits.isEmpty());
    QVERIFY(session.processes.at(5).limits.isEmpty());
    QVERIFY(session.processes.at(4).unknownKeys.isEmpty()); // `limits` is a known key now
}

void tst_SessionFile::limitsErrors_data()
{
    QTest::addColumn<QByteArray>("limits");
    QTest::addColumn<QString>("expected");

    const QString at = u"s.json: processes[1].limits"_s;
    QTest::newRow("not an object") << QByteArray("512")
        << at + u": must be an object such as {\"memoryMB\": 512}"_s;
    QTest::newRow("array") << QByteArray("[512]")
        << at + u": must be an object such as {\"memoryMB\": 512}"_s;
    QTest::newRow("memory string") << QByteArray(R"({"memoryMB": "512"})")
        << at + u".memoryMB: must be a whole number"_s;
    QTest::newRow("memory fraction") << QByteArray(R"({"memoryMB": 1.5})")
        << at + u".memoryMB: must be a whole number"_s;
    QTest::newRow("memory null") << QByteArray(R"({"memoryMB": null})")
        << at + u".memoryMB: must be a whole number"_s;
    QTest::newRow("memory zero") << QByteArray(R"({"memoryMB": 0})")
        << at + u".memoryMB: 0 is out of range: use 1 to 1048576 (leave the key out for no limit)"_s;
    QTest::newRow("memory negative") << QByteArray(R"({"memoryMB": -5})")
        << at + u".memoryMB: -5 is out of range: use 1 to 1048576 (leave the key out for no limit)"_s;
    QTest::newRow("memory too big") << QByteArray(R"({"memoryMB": 1048577})")
        << at + u".memoryMB: 1048577 is out of range: use 1 to 1048576 (leave the key out for no limit)"_s;
    QTest::newRow("memory beyond int") << QByteArray(R"({"memoryMB": 1e12})")
        << at + u".memoryMB: 1000000000000 is out of range: use 1 to 1048576 (leave the key out for no limit)"_s;
    QTest::newRow("cpu bool") << QByteArray(R"({"cpuPercent": true})")
        << at + u".cpuPercent: must be a whole number"_s;
    QTest::newRow("cpu zero") << QByteArray(R"({"cpuPercent": 0})")
        << at + u".cpuPercent: 0 is out of range: use 1 to 102400 (leave the key out for no limit)"_s;
    QTest::newRow("cpu too big") << QByteArray(R"({"cpuPercent": 102401})")
        << at + u".cpuPercent: 102401 is out of range: use 1 to 102400 (leave the key out for no limit)"_s;
    QTest::newRow("restart fraction") << QByteArray(R"({"restartAboveMemoryMB": 399.9})")
        << at + u".restartAboveMemoryMB: must be a whole number"_s;
    QTest::newRow("restart zero") << QByteArray(R"({"restartAboveMemoryMB": 0})")
        << at + u".restartAboveMemoryMB: 0 is out of range: use 1 to 1048576 (leave the key out for no limit)"_s;
    QTest::newRow("restart above maximum") << QByteArray(R"({"memoryMB": 512, "restartAboveMemoryMB": 600})")
        << at + u".restartAboveMemoryMB: 600 is not below memoryMB 512"_s;
    QTest::newRow("restart at maximum") << QByteArray(R"({"restartAboveMemoryMB": 512, "memoryMB": 512})")
        << at + u".restartAboveMemoryMB: 512 is not below memoryMB 512"_s;
}

void tst_SessionFile::limitsErrors()
{
    QFETCH(QByteArray, limits);
    QFETCH(QString, expected);
    const QByteArray json = R"({"procdeck": 1, "processes": [{"program": "ok"}, {"program": "x", "limits": )"
        + limits + "}]}";
    const SessionFile::LoadResult result = SessionFile::parseJson(json, u"s.json"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, expected);
}

// Written after `restart`, only the limits that are set, sorted by name; not written when none is.
void tst_SessionFile::limitsWritten()
{
    Session session;
    ProcessSpec limited;
    limited.name = u"api"_s;
    limited.program = u"server"_s;
    limited.restart = RestartPolicy::Always;
    limited.limits.memoryMB = 512;
    limited.limits.restartAboveMemoryMB = 400;
    ProcessSpec none;
    none.name = u"plain"_s;
    none.program = u"true"_s;
    session.processes = {limited, none};
    QCOMPARE(SessionFile::toJson(session), QByteArray(R"({
  "procdeck": 1,
  "processes": [
    {
      "name": "api",
      "program": "server",
      "restart": "always",
      "limits": {
        "memoryMB": 512,
        "restartAboveMemoryMB": 400
      }
    },
    {
      "name": "plain",
      "program": "true"
    }
  ]
}
)"));
}

// Keys inside `limits` that ProcDeck does not know are kept and written back, as an entry's are
// (a newer ProcDeck's limit survives this one); they are no limit here.
void tst_SessionFile::limitsUnknownKeysKept()
{
    const Session session = parse(R"({"procdeck": 1, "processes": [
        {"program": "a", "limits": {"memoryMB": 64, "ioWeight": 50, "pids": {"max": 10}}},
        {"program": "b", "limits": {"swapMB": 0}}]})");
    const ProcessLimits limits = session.processes.at(0).limits;
    QCOMPARE(limits.memoryMB, 64);
    QCOMPARE(limits.unknownKeys.size(), 2);
    QCOMPARE(limits.unknownKeys.value(u"ioWeight"_s).toInt(), 50);
    QVERIFY(session.processes.at(0).unknownKeys.isEmpty());
    QVERIFY(session.processes.at(1).limits.isEmpty()); // nothing ProcDeck applies …
    QCOMPARE(session.processes.at(1).limits.unknownKeys.size(), 1); // … but kept

    Session changed = session;
    changed.processes[0].limits.memoryMB = 128;
    const QByteArray written = SessionFile::toJson(changed);
    QVERIFY2(written.contains("\"swapMB\": 0"), written.constData());
    const Session reread = parse(written);
    QCOMPARE(reread.processes, changed.processes);
    QCOMPARE(reread.processes.at(0).limits.unknownKeys, limits.unknownKeys);
}

// A file from before `limits` loads as it did and is saved back byte for byte; written anew it
// has no `limits` either.
void tst_SessionFile::fileWithoutLimitsUnchanged()
{
    const QByteArray older = R"({"procdeck": 1, "processes": [{"name": "w", "program": "sleep", "args": ["1"],
        "restart": "on-failure", "x-note": 1}]})";
    const Session session = parse(older);
    QCOMPARE(session.processes.size(), 1);
    QVERIFY(session.processes.first().limits.isEmpty());
    QVERIFY(session.processes.first().limits.unknownKeys.isEmpty());
    QCOMPARE(SessionFile::toJson(session), older);
    Session canonical = session;
    canonical.source.clear();
    const QByteArray written = SessionFile::toJson(canonical);
    QVERIFY2(!written.contains("limits"), written.constData());
    QCOMPARE(parse(written).processes, session.processes);
}

// A Procfile has no limits: export leaves them out (as it leaves out the stop signal and the
// restart policy) and the line is the same as without them.
void tst_SessionFile::toProcfileDropsLimits()
{
    ProcessSpec web;
    web.name = u"web"_s;
    web.shell = u"serve --port 8080"_s;
    Session plain;
    plain.processes = {web};
    web.limits.memoryMB = 512;
    web.limits.cpuPercent = 50;
    web.limits.unknownKeys.insert(u"ioWeight"_s, 5);
    Session limited;
    limited.processes = {web};
    QCOMPARE(SessionFile::toProcfile(limited), QByteArray("web: serve --port 8080\n"));
    QCOMPARE(SessionFile::toProcfile(limited), SessionFile::toProcfile(plain));
}

void tst_SessionFile::changedSessionIsCanonical()
{
    const Session session = parse(R"({"procdeck":1,"processes":[{"name":"a","program":"x"}]})");
    QCOMPARE(SessionFile::toJson(session), QByteArray(R"({"procdeck":1,"processes":[{"name":"a","program":"x"}]})"));
    Session more = session;
    ProcessSpec added;
    added.name = u"b"_s;
    added.shell = u"true"_s;
    more.processes.append(added);
    const QByteArray written = SessionFile::toJson(more);
    QVERIFY(written.startsWith("{\n  \"procdeck\": 1,\n"));
    QCOMPARE(parse(written).processes, more.processes);
}

void tst_SessionFile::writerEscapes()
{
    {
        // U+FEFF is written escaped: raw at a string's start, Qt's reader would drop it.
        ProcessSpec bom;
        bom.name = u"\ufeffname"_s;
        bom.program = u"p"_s;
        bom.args = QStringList{u"a\ufeff"_s};
        Session session;
        session.processes = {bom};
        const QByteArray written = SessionFile::toJson(session);
        QVERIFY(written.contains(R"("name": "\ufeffname")"));
        QCOMPARE(parse(written).processes.first(), bom);
    }

    ProcessSpec spec;
    spec.name = u"tab\there \"q\" back\\slash \u0001 \u00e9\u4e2d"_s;
    spec.program = u"p"_s;
    Session session;
    session.processes = {spec};
    const QByteArray written = SessionFile::toJson(session);
    QVERIFY(written.contains(R"("tab\there \"q\" back\\slash \u0001 )" "\xc3\xa9\xe4\xb8\xad\""));
    QCOMPARE(parse(written).processes.first().name, spec.name);
}

// Every stack key of a hand-written entry, read into the spec.
void tst_SessionFile::stackKeysRead()
{
    const Session session = parse(R"({"procdeck": 1, "processes": [
        {"name": "db", "program": "db", "readiness": {"tcp": "localhost:5432", "initialDelayMs": 500,
            "periodMs": 250, "timeoutMs": 100, "failureThreshold": 5}},
        {"name": "migrate", "shell": "migrate", "dependsOn": {"db": "ready"}},
        {"name": "api", "program": "api", "replicas": 3,
            "dependsOn": {"migrate": "succeeded", "db": "started"},
            "liveness": {"http": "http://localhost:8080/health"},
            "watch": {"paths": ["src/", "*.toml"], "ignore": [".git/"], "debounceMs": 50},
            "schedule": "*/5 9-17 * jan-jun mon-fri", "log": {"path": "logs/api.log", "maxSizeMB": 2, "keep": 0}},
        {"name": "web", "program": "web", "dependsOn": {"api": "completed", "api-2": "ready"},
            "readiness": {"logLine": "listening on \\d+"}, "schedule": {"everyMs": 60000}}]})");
    QCOMPARE(session.processes.size(), 4);
    const ProbeSpec &db = session.processes.at(0).readiness;
    QCOMPARE(db.kind, ProbeSpec::Kind::Tcp);
    QCOMPARE(db.target, u"localhost:5432"_s);
    QCOMPARE(db.initialDelayMs, 500);
    QCOMPARE(db.periodMs, 250);
    QCOMPARE(db.timeoutMs, 100);
    QCOMPARE(db.failureThreshold, 5);
    const ProcessSpec &api = session.processes.at(2);
    // QJsonObject keeps its keys sorted: the dependencies come in name order.
    QCOMPARE(api.dependsOn, (QList<Dependency>{{u"db"_s, DependencyCondition::Started},
                                               {u"migrate"_s, DependencyCondition::Succeeded}}));
    QCOMPARE(api.replicas, 3);
    QCOMPARE(api.liveness.kind, ProbeSpec::Kind::Http);
    QCOMPARE(api.liveness.periodMs, ProbeSpec::DefaultPeriodMs);
    QCOMPARE(api.watch.paths, (QStringList{u"src/"_s, u"*.toml"_s}));
    QCOMPARE(api.watch.ignore, QStringList{u".git/"_s});
    QCOMPARE(api.watch.debounceMs, 50);
    QCOMPARE(api.schedule.cron, u"*/5 9-17 * jan-jun mon-fri"_s);
    QCOMPARE(api.log.path, u"logs/api.log"_s);
    QCOMPARE(api.log.maxSizeMB, 2);
    QCOMPARE(api.log.keep, 0);
    const ProcessSpec &web = session.processes.at(3);
    QCOMPARE(web.readiness.kind, ProbeSpec::Kind::LogLine);
    QCOMPARE(web.readiness.target, u"listening on \\d+"_s);
    QCOMPARE(web.schedule.everyMs, 60000);
    QVERIFY(web.schedule.cron.isEmpty());
    QCOMPARE(web.dependsOn.size(), 2); // a group's name and one copy's name both count
    QCOMPARE(session.processes.at(1).replicas, 1);
    QVERIFY(!session.processes.at(1).readiness.isSet());
}

void tst_SessionFile::stackKeysRoundTrip_data()
{
    QTest::addColumn<Session>("session");
    QTest::addColumn<QByteArray>("written"); // the entry's stack keys as written

    ProcessSpec db;
    db.name = u"db"_s;
    db.program = u"db"_s;
    const auto row = [&](const char *name, const std::function<void(ProcessSpec &)> &set, const char *written) {
        ProcessSpec api;
        api.name = u"api"_s;
        api.program = u"api"_s;
        set(api);
        Session session;
        session.processes = {db, api};
        QTest::newRow(name) << session << QByteArray(written);
    };
    row("dependsOn", [](ProcessSpec &s) { s.dependsOn = {{u"db"_s, DependencyCondition::Ready}}; },
        "\"dependsOn\": {\n        \"db\": \"ready\"\n      }");
    row("readiness tcp", [](ProcessSpec &s) { s.readiness = {ProbeSpec::Kind::Tcp, u"localhost:80"_s, 0, 1000, 1000, 3, {}}; },
        "\"readiness\": {\n        \"tcp\": \"localhost:80\"\n      }");
    row("readiness timings", [](ProcessSpec &s) { s.readiness = {ProbeSpec::Kind::Command, u"true"_s, 10, 20, 30, 4, {}}; },
        "\"readiness\": {\n        \"command\": \"true\",\n        \"failureThreshold\": 4,\n"
        "        \"initialDelayMs\": 10,\n        \"periodMs\": 20,\n        \"timeoutMs\": 30\n      }");
    row("liveness http", [](ProcessSpec &s) { s.liveness = {ProbeSpec::Kind::Http, u"https://x/h"_s, 0, 1000, 1000, 3, {}}; },
        "\"liveness\": {\n        \"http\": \"https://x/h\"\n      }");
    row("readiness logLine", [](ProcessSpec &s) { s.readiness = {ProbeSpec::Kind::LogLine, u"ready \\\\d"_s, 0, 1000, 1000, 3, {}}; },
        "\"logLine\": \"ready \\\\\\\\d\"");
    row("replicas", [](ProcessSpec &s) { s.replicas = 4; }, "\"replicas\": 4");
    row("watch", [](ProcessSpec &s) { s.watch = {{u"src/"_s}, {u"build/"_s}, 100, {}}; },
        "\"watch\": {\n        \"debounceMs\": 100,\n        \"ignore\": [\"build/\"],\n        \"paths\": [\"src/\"]\n      }");
    row("schedule cron", [](ProcessSpec &s) { s.schedule.cron = u"0 3 * * sun"_s; }, "\"schedule\": \"0 3 * * sun\"");
    row("schedule every", [](ProcessSpec &s) { s.schedule.everyMs = 5000; },
        "\"schedule\": {\n        \"everyMs\": 5000\n      }");
    row("log", [](ProcessSpec &s) { s.log.path = u"api.log"_s; }, "\"log\": {\n        \"path\": \"api.log\"\n      }");
    row("log sizes", [](ProcessSpec &s) { s.log = {u"api.log"_s, 1, 0, {}}; },
        "\"log\": {\n        \"keep\": 0,\n        \"maxSizeMB\": 1,\n        \"path\": \"api.log\"\n      }");
}

// Each key written (defaults left out), read back equal, and written again to the same bytes.
void tst_SessionFile::stackKeysRoundTrip()
{
    QFETCH(Session, session);
    QFETCH(QByteArray, written);
    const QByteArray json = SessionFile::toJson(session);
    QVERIFY2(json.contains(written), json.constData());
    const SessionFile::LoadResult read = SessionFile::parseJson(json, u"s.json"_s);
    QVERIFY2(read.ok(), qPrintable(read.error + u"\n"_s + QString::fromUtf8(json)));
    QCOMPARE(read.session->processes, session.processes);
    Session again = *read.session;
    again.source.clear();
    QCOMPARE(SessionFile::toJson(again), json);
    // The entry without stack keys is written as before: none of them.
    const QByteArray first = json.left(json.indexOf("\"api\""));
    for (const char *key : {"dependsOn", "readiness", "liveness", "replicas", "watch", "schedule", "log"})
        QVERIFY2(!first.contains(QByteArray("\"" + QByteArray(key) + "\"")), first.constData());
}

// The stack keys' errors, rows of validationErrors: each with its key path.
void tst_SessionFile::addStackErrorRows()
{
    const auto session = [](const char *entries) -> QByteArray {
        return QByteArray(R"({"procdeck": 1, "processes": [)") + entries + "]}";
    };
    const auto third = [&](const char *keys) {
        const QByteArray entries = QByteArray(R"({"name": "db", "program": "x"}, {"name": "api", "program": "x"}, )")
            + R"({"name": "web", "program": "x", )" + keys + "}";
        return session(entries.constData());
    };
    QTest::newRow("cycle of two") << session(R"({"name": "db", "program": "x"},
        {"name": "api", "program": "x", "dependsOn": {"web": "ready"}},
        {"name": "web", "program": "x", "dependsOn": {"api": "started"}})")
        << u"s.json: processes[2].dependsOn: web → api → web"_s;
    QTest::newRow("cycle of three") << session(R"({"name": "a", "program": "x", "dependsOn": {"b": "started"}},
        {"name": "b", "program": "x", "dependsOn": {"c": "started"}},
        {"name": "c", "program": "x", "dependsOn": {"a": "started"}})")
        << u"s.json: processes[2].dependsOn: c → a → b → c"_s;
    QTest::newRow("cycle after a chain") << session(R"({"name": "db", "program": "x"},
        {"name": "api", "program": "x", "dependsOn": {"db": "ready", "web": "ready"}},
        {"name": "web", "program": "x", "dependsOn": {"api": "ready"}})")
        << u"s.json: processes[2].dependsOn: web → api → web"_s;
    QTest::newRow("cycle through a copy's name") << session(R"({"name": "api", "program": "x", "replicas": 2,
        "dependsOn": {"web": "ready"}}, {"name": "web", "program": "x", "dependsOn": {"api-2": "ready"}})")
        << u"s.json: processes[1].dependsOn: web → api → web"_s;
    QTest::newRow("self") << third(R"("dependsOn": {"web": "ready"})")
        << u"s.json: processes[2].dependsOn: \"web\" is the entry itself; an entry cannot wait for itself"_s;
    QTest::newRow("unknown name") << session(R"({"name": "db", "program": "x"},
        {"name": "api", "program": "x", "dependsOn": {"dbx": "ready"}})")
        << u"s.json: processes[1].dependsOn: \"dbx\" is not an entry of this session"_s;
    QTest::newRow("dependsOn not object") << third(R"("dependsOn": ["db"])")
        << u"s.json: processes[2].dependsOn: must be an object such as {\"db\": \"ready\"}"_s;
    QTest::newRow("unknown condition") << third(R"("dependsOn": {"db": "up"})")
        << u"s.json: processes[2].dependsOn.db: unknown condition \"up\" (expected \"started\", \"ready\", "
           "\"completed\" or \"succeeded\")"_s;
    QTest::newRow("bad regex") << third(R"("readiness": {"logLine": "listening (on"})")
        << u"s.json: processes[2].readiness.logLine: not a valid regular expression: missing closing "
           "parenthesis (at character 14)"_s;
    QTest::newRow("bad port") << third(R"("readiness": {"tcp": "localhost:70000"})")
        << u"s.json: processes[2].readiness.tcp: \"70000\" is not a port: use 1 to 65535"_s;
    QTest::newRow("port 0") << third(R"("liveness": {"tcp": "localhost:0"})")
        << u"s.json: processes[2].liveness.tcp: \"0\" is not a port: use 1 to 65535"_s;
    QTest::newRow("no port") << third(R"("readiness": {"tcp": "localhost"})")
        << u"s.json: processes[2].readiness.tcp: must be \"host:port\", such as \"localhost:5432\""_s;
    QTest::newRow("bad URL") << third(R"("readiness": {"http": "ftp://x/"})")
        << u"s.json: processes[2].readiness.http: \"ftp://x/\" is not an http:// or https:// URL"_s;
    QTest::newRow("two kinds") << third(R"("readiness": {"tcp": "x:1", "http": "http://x/"})")
        << u"s.json: processes[2].readiness: has both \"tcp\" and \"http\"; use one of them"_s;
    QTest::newRow("no kind") << third(R"("liveness": {"periodMs": 5})")
        << u"s.json: processes[2].liveness: needs one of \"logLine\", \"tcp\", \"http\" or \"command\""_s;
    QTest::newRow("bad period") << third(R"("readiness": {"command": "true", "periodMs": 0})")
        << u"s.json: processes[2].readiness.periodMs: 0 is out of range: use 1 to 2147483647"_s;
    QTest::newRow("replicas 0") << third(R"("replicas": 0)")
        << u"s.json: processes[2].replicas: 0 is out of range: use 1 to 100"_s;
    QTest::newRow("replicas 101") << third(R"("replicas": 101)")
        << u"s.json: processes[2].replicas: 101 is out of range: use 1 to 100"_s;
    QTest::newRow("copy name taken") << third(R"("replicas": 2}, {"name": "web-2", "program": "x")")
        << u"s.json: processes[3].name: \"web-2\" is already the name of a copy of processes[2] (replicas 2)"_s;
    QTest::newRow("bad cron shape") << third(R"("schedule": "*/5 * * *")")
        << u"s.json: processes[2].schedule: \"*/5 * * *\" is not a cron expression: it needs five fields "
           "(minute hour day month weekday)"_s;
    QTest::newRow("bad cron field") << third(R"("schedule": "0 3 * * sunday")")
        << u"s.json: processes[2].schedule: \"0 3 * * sunday\": field 5 (\"sunday\") is not a cron field "
           "(numbers, *, names such as mon or jan, with \",\", \"-\" and \"/\")"_s;
    QTest::newRow("cron minute out of range") << third(R"("schedule": "61 * * * *")")
        << u"s.json: processes[2].schedule: \"61 * * * *\": minute field: 61 is out of range 0–59"_s;
    QTest::newRow("every too short") << third(R"("schedule": {"everyMs": 999})")
        << u"s.json: processes[2].schedule.everyMs: must be a whole number of milliseconds, at least 1000"_s;
    QTest::newRow("watch without paths") << third(R"("watch": {"paths": []})")
        << u"s.json: processes[2].watch.paths: needs at least one path"_s;
    QTest::newRow("watch path not string") << third(R"("watch": {"paths": ["a", 3]})")
        << u"s.json: processes[2].watch.paths[1]: must be a non-empty string"_s;
    QTest::newRow("log without path") << third(R"("log": {"keep": 3})")
        << u"s.json: processes[2].log.path: must be a non-empty string"_s;
    QTest::newRow("log too big") << third(R"("log": {"path": "a.log", "maxSizeMB": 10241})")
        << u"s.json: processes[2].log.maxSizeMB: 10241 is out of range: use 1 to 10240"_s;
    QTest::newRow("log keep") << third(R"("log": {"path": "a.log", "keep": -1})")
        << u"s.json: processes[2].log.keep: -1 is out of range: use 0 to 100"_s;
}

// Keys ProcDeck does not know inside the stack keys' objects are kept and written back.
void tst_SessionFile::stackUnknownKeysKept()
{
    const Session session = parse(R"({"procdeck": 1, "processes": [{"name": "a", "program": "a",
        "readiness": {"command": "true", "x-shell": "bash"}, "liveness": {"tcp": "h:1", "x-n": [1]},
        "watch": {"paths": ["."], "x-poll": true}, "schedule": {"everyMs": 1000, "x-tz": "UTC"},
        "log": {"path": "a.log", "x-compress": "gzip"}}]})");
    const ProcessSpec &spec = session.processes.at(0);
    QCOMPARE(spec.readiness.unknownKeys, (QJsonObject{{u"x-shell"_s, u"bash"_s}}));
    QCOMPARE(spec.liveness.unknownKeys, (QJsonObject{{u"x-n"_s, QJsonArray{1}}}));
    QCOMPARE(spec.watch.unknownKeys, (QJsonObject{{u"x-poll"_s, true}}));
    QCOMPARE(spec.schedule.unknownKeys, (QJsonObject{{u"x-tz"_s, u"UTC"_s}}));
    QCOMPARE(spec.log.unknownKeys, (QJsonObject{{u"x-compress"_s, u"gzip"_s}}));
    QVERIFY(spec.unknownKeys.isEmpty());
    Session changed = session;
    changed.processes[0].readiness.periodMs = 50;
    const QByteArray written = SessionFile::toJson(changed);
    for (const char *kept : {"\"x-shell\": \"bash\"", "\"x-n\": [1]", "\"x-poll\": true", "\"x-tz\": \"UTC\"",
                             "\"x-compress\": \"gzip\""})
        QVERIFY2(written.contains(kept), written.constData());
    QCOMPARE(parse(written).processes, changed.processes);
}

void tst_SessionFile::cronShape_data()
{
    QTest::addColumn<QString>("cron");
    QTest::addColumn<bool>("looksRight");
    QTest::newRow("every minute") << u"* * * * *"_s << true;
    QTest::newRow("lists, ranges, steps") << u"0,30 */2 1-15/3 * 1-5"_s << true;
    QTest::newRow("names") << u"0 0 * JAN,jul sat,sun"_s << true;
    QTest::newRow("six fields") << u"0 * * * * *"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("letters") << u"x * * * *"_s << false;
    QTest::newRow("unknown name") << u"0 0 * foo *"_s << false;
    QTest::newRow("step not a number") << u"*/x * * * *"_s << false;
    QTest::newRow("two steps") << u"*/2/3 * * * *"_s << false;
    QTest::newRow("empty item") << u"1,,2 * * * *"_s << false;
}

void tst_SessionFile::cronShape()
{
    QFETCH(QString, cron);
    QFETCH(bool, looksRight);
    const QByteArray json = R"({"procdeck": 1, "processes": [{"program": "x", "schedule": )"
        + QJsonDocument(QJsonArray{cron}).toJson(QJsonDocument::Compact).mid(1).chopped(1) + "}]}";
    const SessionFile::LoadResult result = SessionFile::parseJson(json, u"s.json"_s);
    QVERIFY2(result.ok() == looksRight, qPrintable(result.error));
}

void tst_SessionFile::detectFormat_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("json");
    QTest::newRow("object") << QByteArray("{\"procdeck\": 1}") << true;
    QTest::newRow("object after space and BOM") << QByteArray("\xEF\xBB\xBF \n\t{}") << true;
    QTest::newRow("procfile") << QByteArray("web: python3 -m http.server\n") << false;
    QTest::newRow("procfile with comment") << QByteArray("# {not json}\nweb: x\n") << false;
    // JSON that is not an object is still JSON (refused by parseJson with a JSON message).
    QTest::newRow("array") << QByteArray("[]") << true;
    QTest::newRow("string") << QByteArray(" \"x\"") << true;
    QTest::newRow("number") << QByteArray("3\n") << true;
    QTest::newRow("true") << QByteArray("true") << true;
    QTest::newRow("procfile name starting with a digit") << QByteArray("3web: x\n") << false;
}

void tst_SessionFile::detectFormat()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, json);
    QCOMPARE(SessionFile::detectFormat(data) == SessionFile::Format::Json, json);
}

void tst_SessionFile::procfile()
{
    const SessionFile::LoadResult result = SessionFile::parseProcfile(
        "# services\n\nweb: python3 -m http.server $PORT\r\n  worker_2 :   sh -c 'sleep 1; echo done' # x\n"
        "clock-1:date\n",
        u"Procfile"_s, "PORT=8000\n");
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QList<ProcessSpec> &entries = result.session->processes;
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0).name, u"web"_s);
    QCOMPARE(entries.at(0).shell, u"python3 -m http.server $PORT"_s);
    QCOMPARE(entries.at(0).workingDirectory, u"."_s);
    QCOMPARE(entries.at(0).environment, (QList<EnvironmentChange>{{u"PORT"_s, u"8000"_s}}));
    QCOMPARE(entries.at(1).name, u"worker_2"_s);
    QCOMPARE(entries.at(1).shell, u"sh -c 'sleep 1; echo done' # x"_s);
    QCOMPARE(entries.at(2).name, u"clock-1"_s);
    QCOMPARE(entries.at(2).shell, u"date"_s);
    QVERIFY(!entries.at(2).autostart);
    QVERIFY(result.session->source.isEmpty());
}

void tst_SessionFile::procfileErrors_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("dotEnv");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no colon") << QByteArray("web: a\n\njust words\n") << QByteArray()
                              << u"dir/Procfile:3: expected \"name: command\""_s;
    QTest::newRow("bad name") << QByteArray("my web: a\n") << QByteArray()
                              << u"dir/Procfile:1: \"my web\" is not a valid name (letters, digits, \"_\" and \"-\" only)"_s;
    QTest::newRow("empty name") << QByteArray(": a\n") << QByteArray()
                                << u"dir/Procfile:1: \"\" is not a valid name (letters, digits, \"_\" and \"-\" only)"_s;
    QTest::newRow("no command") << QByteArray("# c\nweb:   \n") << QByteArray()
                                << u"dir/Procfile:2: \"web\" has no command"_s;
    QTest::newRow("no entries") << QByteArray("# only a comment\n\n") << QByteArray()
                                << u"dir/Procfile: no entries (expected \"name: command\" lines)"_s;
    QTest::newRow("bad .env") << QByteArray("web: a\n") << QByteArray("A=1\nnot a pair\n")
                              << u"dir/.env:2: expected KEY=VALUE"_s;
    QTest::newRow("NUL in a command") << "web: a\nworker: b\0c\n"_ba << QByteArray()
                                      << u"dir/Procfile:2: contains a NUL byte"_s;
    QTest::newRow("NUL in a .env value") << QByteArray("web: a\n") << "# c\nA=1\0\n"_ba
                                         << u"dir/.env:2: contains a NUL byte"_s;
}

void tst_SessionFile::procfileErrors()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, dotEnv);
    QFETCH(QString, expected);
    const SessionFile::LoadResult result = SessionFile::parseProcfile(data, u"dir/Procfile"_s, dotEnv);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, expected);
}

void tst_SessionFile::loadProcfileWithDotEnv()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile procfile(dir.filePath(u"Procfile"_s));
    QVERIFY(procfile.open(QIODevice::WriteOnly));
    procfile.write("web: echo $GREETING\nworker: env\n");
    procfile.close();
    QFile env(dir.filePath(u".env"_s));
    QVERIFY(env.open(QIODevice::WriteOnly));
    env.write("GREETING='hello world'\n");
    env.close();

    const SessionFile::LoadResult result = SessionFile::load(procfile.fileName());
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.session->processes.size(), 2);
    QCOMPARE(result.session->processes.at(1).environment,
             (QList<EnvironmentChange>{{u"GREETING"_s, u"hello world"_s}}));

    // A JSON session in the same folder is not affected by the .env.
    QFile json(dir.filePath(u"s.json"_s));
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write(R"({"procdeck": 1, "processes": [{"program": "env"}]})");
    json.close();
    const SessionFile::LoadResult session = SessionFile::load(json.fileName());
    QVERIFY2(session.ok(), qPrintable(session.error));
    QVERIFY(session.session->processes.first().environment.isEmpty());
}

void tst_SessionFile::toProcfile()
{
    Session session;
    ProcessSpec web;
    web.name = u"web"_s;
    web.shell = u"python3 -m http.server $PORT"_s;
    web.workingDirectory = u"."_s;
    ProcessSpec tool;
    tool.name = u"my tool"_s;
    tool.program = u"/usr/bin/printf"_s;
    tool.args = QStringList{u"%s\\n"_s, u"a b"_s, u"it's"_s};
    tool.workingDirectory = u"sub dir"_s;
    tool.environment = {{u"A"_s, u"1 2"_s}, {u"B"_s, std::nullopt}};
    ProcessSpec multi;
    multi.name = u"multi"_s;
    multi.shell = u"echo 1\necho 2"_s;
    session.processes = {web, tool, multi};

    const QByteArray text = SessionFile::toProcfile(session);
    QCOMPARE(text, QByteArray("web: python3 -m http.server $PORT\n"
                              "my_tool: export A='1 2'; unset B; cd 'sub dir' || exit; "
                              "/usr/bin/printf '%s\\n' 'a b' 'it'\\''s'\n"
                              "# multi: not exported, its command spans several lines\n"));

    // Imported again, each line is a shell command that splits back into the same words.
    const SessionFile::LoadResult back = SessionFile::parseProcfile(text, u"Procfile"_s);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.session->processes.size(), 2);
    QCOMPARE(back.session->processes.at(0).shell, web.shell);
    const QString toolLine = back.session->processes.at(1).shell;
    const qsizetype commandStart = toolLine.indexOf(u"/usr/bin/printf"_s);
    QCOMPARE(ShellWords::split(toolLine.mid(commandStart)).words, QStringList{tool.program} + tool.args);
}

// A variable name that is valid in a session (FOO-BAR) but that `export` refuses would end the
// Procfile line's shell with an error: such an entry is written as a comment instead.
void tst_SessionFile::toProcfileSkipsNamesTheShellCannotSet()
{
    const SessionFile::LoadResult loaded = SessionFile::parseJson(
        R"({"procdeck": 1, "processes": [
              {"name": "dash", "shell": "env", "environment": {"FOO-BAR": "1"}},
              {"name": "plain", "shell": "env", "environment": {"FOO_BAR": "1"}}]})",
        u"s.json"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QCOMPARE(SessionFile::toProcfile(*loaded.session),
             QByteArray("# dash: not exported, the shell cannot set its variable FOO-BAR\n"
                        "plain: export FOO_BAR=1; env\n"));
}

// The values a Procfile's `.env` gave its entries stay in a `.env`: the exported Procfile leaves
// them out, toDotEnv() writes them, and the two read back as the same entries.
void tst_SessionFile::dotEnvStaysOutOfTheProcfile()
{
    const SessionFile::LoadResult loaded = SessionFile::parseProcfile(
        "web: serve --port $PORT\nworker: work\n", u"Procfile"_s,
        "# secrets\nPORT=5000\nTOKEN=\"s3cr3t value\"\n");
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    Session session = *loaded.session;
    // One entry's own change (not from the .env) is still written in front of its command.
    session.processes[1].environment.append({u"EXTRA"_s, u"1"_s});
    const QByteArray procfile = SessionFile::toProcfile(session);
    QCOMPARE(procfile, QByteArray("web: serve --port $PORT\nworker: export EXTRA=1; work\n"));
    QVERIFY(!procfile.contains("s3cr3t"));

    // No .env yet: every variable an entry uses, quoted where it needs it.
    const QByteArray fresh = SessionFile::toDotEnv(session, {});
    QCOMPARE(fresh, QByteArray("PORT=5000\nTOKEN=\"s3cr3t value\"\n"));
    const SessionFile::LoadResult back = SessionFile::parseProcfile(procfile, u"Procfile"_s, fresh);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.session->processes.at(0).environment, session.processes.at(0).environment);

    // An existing .env keeps its comments and other lines; a different value is replaced, a
    // missing one appended, one already right is left as written.
    const QByteArray existing = "# keep me\nexport PORT=80\nOTHER=x\nTOKEN=\"s3cr3t value\" # same\n";
    QCOMPARE(SessionFile::toDotEnv(session, existing),
             QByteArray("# keep me\nPORT=5000\nOTHER=x\nTOKEN=\"s3cr3t value\" # same\n"));

    // An entry that no longer uses a .env value (edited): nothing of it is written.
    session.processes[0].environment.clear();
    session.processes[1].environment = {{u"EXTRA"_s, u"1"_s}};
    QVERIFY(SessionFile::toDotEnv(session, existing).isEmpty());
    // Values with characters the .env must escape read back the same.
    Session odd;
    odd.dotEnv = {{u"V"_s, u"a\"b$c`d\\e\nf"_s}};
    ProcessSpec spec;
    spec.name = u"x"_s;
    spec.shell = u"true"_s;
    spec.environment = odd.dotEnv;
    odd.processes = {spec};
    const EnvironmentText::DotEnvResult parsed = EnvironmentText::parseDotEnv(SessionFile::toDotEnv(odd, {}), u".env"_s);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.variables, odd.dotEnv);
}

void tst_SessionFile::saveNewFileIsPrivate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"new.json"_s);
    const SessionFile::SaveResult result = SessionFile::save(path, "{}\n");
    QVERIFY2(result.ok, qPrintable(result.error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("{}\n"));
    QCOMPARE(QFileInfo(path).permissions() & (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                              | QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                              | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void tst_SessionFile::saveKeepsMode()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"shared.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("old");
    file.close();
    const QFileDevice::Permissions mode = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
        | QFileDevice::WriteUser | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    QVERIFY(file.setPermissions(mode));

    const SessionFile::SaveResult result = SessionFile::save(path, "new");
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(QFileInfo(path).permissions(), mode);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("new"));
}

void tst_SessionFile::saveReadOnlyFolder()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"ro"_s);
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + u"/session.json"_s;
    QVERIFY(SessionFile::save(path, "old").ok);
    const QFileDevice::Permissions readOnly = QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
    QVERIFY(QFile::setPermissions(dir.path(), readOnly | QFileDevice::WriteOwner));
    QVERIFY(QFile::setPermissions(folder, readOnly));

    // Root writes anywhere: as root (CI), check the folder's permissions as an ordinary user would
    // meet them, by saving with the file-system user ID of `nobody` (which also drops root's
    // file-system capabilities for that time).
    const bool root = ::geteuid() == 0;
    if (root)
        ::setfsuid(65534);
    const SessionFile::SaveResult result = SessionFile::save(path, "new");
    if (root)
        ::setfsuid(0);
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.startsWith(u"Cannot save "_s + QDir::toNativeSeparators(path) + u": "_s),
             qPrintable(result.error));
    QVERIFY2(result.error.size() > (u"Cannot save "_s + path + u": "_s).size(), qPrintable(result.error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("old"));
}

// A full disk, as a write that fails part-way: the file-size limit makes write() fail with EFBIG
// once the temporary file reaches it, as ENOSPC would on a full file system.
void tst_SessionFile::saveFullDisk()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"session.json"_s);
    QVERIFY(SessionFile::save(path, "old").ok);

    struct rlimit previous {};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &previous), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = previous;
    small.rlim_cur = 4096;
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
    const SessionFile::SaveResult result = SessionFile::save(path, QByteArray(256 * 1024, 'x'));
    ::setrlimit(RLIMIT_FSIZE, &previous);
    std::signal(SIGXFSZ, oldHandler);

    QVERIFY(!result.ok);
    QVERIFY2(!result.error.contains(u"Unknown error"_s), qPrintable(result.error)); // the reason is named
    QVERIFY2(result.error.startsWith(u"Cannot save "_s + QDir::toNativeSeparators(path) + u": "_s),
             qPrintable(result.error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("old"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // no temporary left
}

void tst_SessionFile::saveMissingFolder()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"no/such/folder/s.json"_s);
    const SessionFile::SaveResult result = SessionFile::save(path, "x");
    QVERIFY(!result.ok);
    QVERIFY2(result.error.startsWith(u"Cannot save "_s + QDir::toNativeSeparators(path) + u": "_s),
             qPrintable(result.error));
    QVERIFY(!QFile::exists(path));
}

void tst_SessionFile::loadMissingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"absent.json"_s);
    const SessionFile::LoadResult result = SessionFile::load(path);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.startsWith(path + u": cannot read the file: "_s), qPrintable(result.error));
}

QTEST_GUILESS_MAIN(tst_SessionFile)
#include "tst_sessionfile.moc"
