#include "signalnames.h"

#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

class tst_SignalNames final : public QObject
{
    Q_OBJECT

private slots:
    void name_data();
    void name();
    void fromName_data();
    void fromName();
    void roundTrip();
    void stopSignalChoices();
    void formatExitCode_data();
    void formatExitCode();
};

void tst_SignalNames::name_data()
{
    QTest::addColumn<int>("signal");
    QTest::addColumn<QString>("expected");
    QTest::newRow("term") << int(SIGTERM) << u"SIGTERM"_s;
    QTest::newRow("kill") << int(SIGKILL) << u"SIGKILL"_s;
    QTest::newRow("segv") << int(SIGSEGV) << u"SIGSEGV"_s;
    QTest::newRow("abrt") << int(SIGABRT) << u"SIGABRT"_s;
    QTest::newRow("int") << int(SIGINT) << u"SIGINT"_s;
    QTest::newRow("unnamed") << 42 << u"SIG42"_s;
}

void tst_SignalNames::name()
{
    QFETCH(int, signal);
    QFETCH(QString, expected);
    QCOMPARE(SignalNames::name(signal), expected);
}

void tst_SignalNames::fromName_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected"); // 0: no signal
    QTest::newRow("full") << u"SIGTERM"_s << int(SIGTERM);
    QTest::newRow("short") << u"TERM"_s << int(SIGTERM);
    QTest::newRow("lower") << u"sigterm"_s << int(SIGTERM);
    QTest::newRow("mixed short") << u"Kill"_s << int(SIGKILL);
    QTest::newRow("number") << u"15"_s << 15;
    QTest::newRow("spaces") << u" SIGINT "_s << int(SIGINT);
    QTest::newRow("numbered name") << u"SIG42"_s << 42;
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("unknown") << u"SIGFOO"_s << 0;
    QTest::newRow("zero") << u"0"_s << 0;
    QTest::newRow("negative") << u"-9"_s << 0;
    QTest::newRow("too big") << u"1000"_s << 0;
}

void tst_SignalNames::fromName()
{
    QFETCH(QString, text);
    QFETCH(int, expected);
    const std::optional<int> signal = SignalNames::fromName(text);
    if (expected == 0) {
        QVERIFY(!signal);
    } else {
        QVERIFY(signal);
        QCOMPARE(*signal, expected);
    }
}

void tst_SignalNames::roundTrip()
{
    for (int signal = 1; signal < NSIG; ++signal) {
        const std::optional<int> back = SignalNames::fromName(SignalNames::name(signal));
        QVERIFY2(back && *back == signal, qPrintable(SignalNames::name(signal)));
    }
}

void tst_SignalNames::stopSignalChoices()
{
    const QStringList choices = SignalNames::stopSignalChoices();
    QVERIFY(!choices.isEmpty());
    QCOMPARE(choices.first(), u"SIGTERM"_s);
    for (const QString &choice : choices)
        QVERIFY2(SignalNames::fromName(choice), qPrintable(choice));
}

void tst_SignalNames::formatExitCode_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << 0 << u"0"_s;
    QTest::newRow("three") << 3 << u"3"_s;
    QTest::newRow("127") << 127 << u"127"_s;
    QTest::newRow("sigterm") << -15 << u"-15 (SIGTERM)"_s;
    QTest::newRow("sigkill") << -9 << u"-9 (SIGKILL)"_s;
    QTest::newRow("sigsegv") << -11 << u"-11 (SIGSEGV)"_s;
}

void tst_SignalNames::formatExitCode()
{
    QFETCH(int, code);
    QFETCH(QString, expected);
    QCOMPARE(SignalNames::formatExitCode(code), expected);
}

QTEST_GUILESS_MAIN(tst_SignalNames)
#include "tst_signalnames.moc"
