#include "environmenttext.h"

#include <QTest>

using namespace Qt::StringLiterals;

// The one rule for variable names, the dialog's KEY=VALUE / -KEY text and the .env reader.
class tst_EnvironmentText : public QObject
{
    Q_OBJECT

private slots:
    void variableName_data();
    void variableName();
    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();
    void formatParsesBack();
    void dotEnv();
    void dotEnvErrors_data();
    void dotEnvErrors();
};

void tst_EnvironmentText::variableName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("shell");
    QTest::newRow("plain") << u"PATH"_s << true << true;
    QTest::newRow("underscore, digits") << u"_A1"_s << true << true;
    QTest::newRow("lower case") << u"http_proxy"_s << true << true;
    QTest::newRow("dash") << u"FOO-BAR"_s << true << false;
    QTest::newRow("dot") << u"spring.profiles.active"_s << true << false;
    QTest::newRow("leading digit") << u"1X"_s << true << false;
    QTest::newRow("non-ASCII") << u"GR\u00dcN"_s << true << false;
    QTest::newRow("empty") << QString() << false << false;
    QTest::newRow("equals") << u"A=B"_s << false << false;
    QTest::newRow("space") << u"A B"_s << false << false;
    QTest::newRow("tab") << u"A\tB"_s << false << false;
    QTest::newRow("newline") << u"A\nB"_s << false << false;
    QTest::newRow("NUL") << QString(u"A"_s + QChar(0) + u"B"_s) << false << false;
    QTest::newRow("control") << u"A\u0001"_s << false << false;
    QTest::newRow("leading dash") << u"-A"_s << false << false;
    QTest::newRow("leading hash") << u"#A"_s << false << false;
}

void tst_EnvironmentText::variableName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QFETCH(bool, shell);
    QCOMPARE(EnvironmentText::isValidVariableName(name), valid);
    QCOMPARE(EnvironmentText::isShellVariableName(name), shell);
}

void tst_EnvironmentText::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<EnvironmentChange>>("expected");
    QTest::newRow("empty") << QString() << QList<EnvironmentChange>{};
    QTest::newRow("set") << u"A=1"_s << QList<EnvironmentChange>{{u"A"_s, u"1"_s}};
    QTest::newRow("value kept as typed") << u" A = x y "_s << QList<EnvironmentChange>{{u"A"_s, u" x y "_s}};
    QTest::newRow("empty value") << u"A="_s << QList<EnvironmentChange>{{u"A"_s, QString()}};
    QTest::newRow("equals in value") << u"A=b=c"_s << QList<EnvironmentChange>{{u"A"_s, u"b=c"_s}};
    QTest::newRow("remove") << u"- A "_s << QList<EnvironmentChange>{{u"A"_s, std::nullopt}};
    QTest::newRow("dash name") << u"FOO-BAR=1\n-BAZ-QUX"_s
                               << QList<EnvironmentChange>{{u"FOO-BAR"_s, u"1"_s}, {u"BAZ-QUX"_s, std::nullopt}};
    QTest::newRow("comments, blank lines, order")
        << u"# c\n\nB=2\n  \nA=1\n"_s << QList<EnvironmentChange>{{u"B"_s, u"2"_s}, {u"A"_s, u"1"_s}};
}

void tst_EnvironmentText::parse()
{
    QFETCH(QString, text);
    QFETCH(QList<EnvironmentChange>, expected);
    const EnvironmentText::ParseResult result = EnvironmentText::parse(text);
    QVERIFY(result.ok());
    QCOMPARE(result.changes, expected);
}

void tst_EnvironmentText::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("error");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("name");
    constexpr int MissingEquals = int(EnvironmentText::ParseResult::Error::MissingEquals);
    constexpr int InvalidName = int(EnvironmentText::ParseResult::Error::InvalidName);
    QTest::newRow("no equals") << u"A=1\nB"_s << MissingEquals << 2 << QString();
    QTest::newRow("space in name") << u"\n\nA B=1"_s << InvalidName << 3 << u"A B"_s;
    QTest::newRow("empty name") << u"=1"_s << InvalidName << 1 << QString();
    QTest::newRow("remove nothing") << u"-"_s << InvalidName << 1 << QString();
    QTest::newRow("remove, name starts with -") << u"--A"_s << InvalidName << 1 << u"-A"_s;
}

void tst_EnvironmentText::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(int, error);
    QFETCH(int, line);
    QFETCH(QString, name);
    const EnvironmentText::ParseResult result = EnvironmentText::parse(text);
    QVERIFY(!result.ok());
    QCOMPARE(int(result.error), error);
    QCOMPARE(result.errorLine, line);
    QCOMPARE(result.invalidName, name);
    QVERIFY(result.changes.isEmpty());
}

// Whatever a session file can hold, the dialog's text holds too: format() then parse() gives the
// same changes back.
void tst_EnvironmentText::formatParsesBack()
{
    const QList<EnvironmentChange> changes{{u"FOO-BAR"_s, u" padded = value "_s},
                                           {u"GONE"_s, std::nullopt},
                                           {u"EMPTY"_s, QString()},
                                           {u"1X"_s, u"#not a comment"_s}};
    const QString text = EnvironmentText::format(changes);
    QCOMPARE(text, u"FOO-BAR= padded = value \n-GONE\nEMPTY=\n1X=#not a comment"_s);
    const EnvironmentText::ParseResult back = EnvironmentText::parse(text);
    QVERIFY(back.ok());
    QCOMPARE(back.changes, changes);
}

void tst_EnvironmentText::dotEnv()
{
    const EnvironmentText::DotEnvResult result = EnvironmentText::parseDotEnv(
        "# comment\n"
        "PLAIN=value\n"
        "export EXPORTED=yes\n"
        "  SPACED = padded value  \n"
        "SINGLE='$HOME \\n \"x\"'\n"
        "SQ='a # b' # comment\n"
        "DOUBLE=\"line\\nnext \\\"q\\\" \\$x \\\\ \\w\"\n"
        "COMMENTED=bare # comment\n"
        "URL=http://x/#anchor\n"
        "EMPTY=\n"
        "exportNOT=1\n",
        u".env"_s);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.variables.size(), 10);
    QCOMPARE(result.variables.at(0), (EnvironmentChange{u"PLAIN"_s, u"value"_s}));
    QCOMPARE(result.variables.at(1), (EnvironmentChange{u"EXPORTED"_s, u"yes"_s}));
    QCOMPARE(result.variables.at(2), (EnvironmentChange{u"SPACED"_s, u"padded value"_s}));
    QCOMPARE(result.variables.at(3), (EnvironmentChange{u"SINGLE"_s, u"$HOME \\n \"x\""_s}));
    QCOMPARE(result.variables.at(4), (EnvironmentChange{u"SQ"_s, u"a # b"_s}));
    QCOMPARE(result.variables.at(5), (EnvironmentChange{u"DOUBLE"_s, u"line\nnext \"q\" $x \\ \\w"_s}));
    QCOMPARE(result.variables.at(6), (EnvironmentChange{u"COMMENTED"_s, u"bare"_s}));
    QCOMPARE(result.variables.at(7), (EnvironmentChange{u"URL"_s, u"http://x/#anchor"_s}));
    QCOMPARE(result.variables.at(8), (EnvironmentChange{u"EMPTY"_s, QString()}));
    QCOMPARE(result.variables.at(9), (EnvironmentChange{u"exportNOT"_s, u"1"_s}));
}

void tst_EnvironmentText::dotEnvErrors_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no equals") << QByteArray("A=1\nB\n") << u".env:2: expected KEY=VALUE"_s;
    QTest::newRow("bad name") << QByteArray("A B=x\n") << u".env:1: \"A B\" is not a valid variable name"_s;
    QTest::newRow("name starts with -") << QByteArray("-A=x\n") << u".env:1: \"-A\" is not a valid variable name"_s;
    QTest::newRow("unterminated double") << QByteArray("A=\"x\n") << u".env:1: unterminated double quote"_s;
    QTest::newRow("unterminated single") << QByteArray("\n\nA='x\n") << u".env:3: unterminated single quote"_s;
    QTest::newRow("text after quote") << QByteArray("A='x'y\n") << u".env:1: unexpected text after the closing quote"_s;
}

void tst_EnvironmentText::dotEnvErrors()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    const EnvironmentText::DotEnvResult result = EnvironmentText::parseDotEnv(data, u".env"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, expected);
}

QTEST_GUILESS_MAIN(tst_EnvironmentText)
#include "tst_environmenttext.moc"
