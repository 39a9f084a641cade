#include "shellwords.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_ShellWords : public QObject
{
    Q_OBJECT

private slots:
    void split_data();
    void split();
    void splitErrors_data();
    void splitErrors();
    void roundTrip_data();
    void roundTrip();
};

void tst_ShellWords::split_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("words");

    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("spaces only") << u"   \t "_s << QStringList();
    QTest::newRow("plain") << u"python3 -u worker.py 3"_s << QStringList{u"python3"_s, u"-u"_s, u"worker.py"_s, u"3"_s};
    QTest::newRow("runs of spaces") << u"  a   b  "_s << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("double quotes") << u"echo \"two words\""_s << QStringList{u"echo"_s, u"two words"_s};
    QTest::newRow("single quotes keep backslash") << u"'a\\b'"_s << QStringList{u"a\\b"_s};
    QTest::newRow("escaped quote in double") << u"\"say \\\"hi\\\"\""_s << QStringList{u"say \"hi\""_s};
    QTest::newRow("backslash space") << u"a\\ b c"_s << QStringList{u"a b"_s, u"c"_s};
    QTest::newRow("empty quoted word") << u"a '' b"_s << QStringList{u"a"_s, QString(), u"b"_s};
    QTest::newRow("adjacent quotes join") << u"pre'mid'\"post\""_s << QStringList{u"premidpost"_s};
    QTest::newRow("no expansion") << u"$HOME $(ls) * ; |"_s
                                  << QStringList{u"$HOME"_s, u"$(ls)"_s, u"*"_s, u";"_s, u"|"_s};
    QTest::newRow("unicode") << u"grüß \"日本 語\""_s << QStringList{u"grüß"_s, u"日本 語"_s};
}

void tst_ShellWords::split()
{
    QFETCH(QString, line);
    QFETCH(QStringList, words);
    const ShellWords::SplitResult result = ShellWords::split(line);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.words, words);
}

void tst_ShellWords::splitErrors_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("error");
    QTest::newRow("open single") << u"echo 'abc"_s << u"unterminated single quote"_s;
    QTest::newRow("open double") << u"echo \"abc"_s << u"unterminated double quote"_s;
}

void tst_ShellWords::splitErrors()
{
    QFETCH(QString, line);
    QFETCH(QString, error);
    const ShellWords::SplitResult result = ShellWords::split(line);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
}

void tst_ShellWords::roundTrip_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::newRow("plain") << QStringList{u"ls"_s, u"-la"_s};
    QTest::newRow("spaces and quotes") << QStringList{u"it's"_s, u"a \"test\""_s, QString(), u"x y"_s};
    QTest::newRow("shell characters") << QStringList{u"$(rm -rf /)"_s, u"*"_s, u";"_s, u"a|b"_s, u"`x`"_s};
    QTest::newRow("backslashes") << QStringList{u"C:\\path\\"_s, u"\\"_s};
    QTest::newRow("newline") << QStringList{u"two\nlines"_s};
}

void tst_ShellWords::roundTrip()
{
    QFETCH(QStringList, words);
    const QString line = ShellWords::join(words);
    const ShellWords::SplitResult result = ShellWords::split(line);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.words, words);
}

QTEST_GUILESS_MAIN(tst_ShellWords)
#include "tst_shellwords.moc"
