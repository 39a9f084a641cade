#include "managedprocess.h"
#include "outputlog.h"
#include "sessionfile.h"
#include "testsupport.h"

#include <QDir>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

// Reliability: starts that fail for want of descriptors. The headless case runs the real
// `procdeck` executable (PD_APP_PATH) under a hard descriptor limit; the retry case runs a
// ManagedProcess in this test process with its own limit lowered and raised again.
class tst_Faults final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void descriptorLimitHeadless_data();
    void descriptorLimitHeadless();
    void failedStartForDescriptorsCanBeStartedAgain();

private:
    QTemporaryDir m_dir;
};

namespace {

constexpr int Entries = 100;
const QString TooManyOpenFiles = u"failed to start: too many open files"_s;

// The number of descriptors this process has open now.
int openDescriptors()
{
    return int(QDir(u"/proc/self/fd"_s).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System).size());
}

} // namespace

void tst_Faults::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(PD_APP_PATH)), PD_APP_PATH);
    TestSupport::installProcessWarningGuard();
}

void tst_Faults::cleanup()
{
    QCOMPARE(TestSupport::destroyedWhileRunningWarnings(), 0);
}

void tst_Faults::descriptorLimitHeadless_data()
{
    // Where the limit falls decides which call runs out first (our pipes, QProcess's pipes, its
    // fork): before the fix each said it differently ("Resource error (fork failure): …").
    QTest::addColumn<int>("limit");
    QTest::newRow("48 descriptors") << 48;
    QTest::newRow("64 descriptors") << 64;
    QTest::newRow("80 descriptors") << 80;
}

void tst_Faults::descriptorLimitHeadless()
{
    // 100 entries that each sleep a moment and then print a line, under a hard descriptor limit
    // (soft and hard: ProcDeck or Qt may raise the soft limit to the hard one). A few start; the
    // others fail for want of descriptors, and say so.
    QFETCH(int, limit);
    Session session;
    for (int i = 0; i < Entries; ++i) {
        ProcessSpec spec;
        spec.name = u"e%1"_s.arg(i);
        spec.program = u"/bin/sh"_s;
        spec.args = {u"-c"_s, u"sleep 0.5; echo ran %1"_s.arg(i)};
        session.processes.append(spec);
    }
    const QString path = m_dir.filePath(u"many.json"_s);
    QVERIFY(SessionFile::save(path, SessionFile::toJson(session)).ok);

    QProcess procdeck;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"PYTHONUNBUFFERED"_s);
    environment.insert(u"NO_COLOR"_s, u"1"_s);
    procdeck.setProcessEnvironment(environment);
    procdeck.setChildProcessModifier([limit] {
        const struct rlimit both = {rlim_t(limit), rlim_t(limit)};
        if (::setrlimit(RLIMIT_NOFILE, &both) != 0)
            ::_exit(99);
    });
    QSignalSpy finished(&procdeck, &QProcess::finished);
    procdeck.start(QStringLiteral(PD_APP_PATH), {u"--headless"_s, path});
    QVERIFY2(finished.wait(60000), "procdeck --headless did not end within 60 s");
    const QString errors = QString::fromUtf8(procdeck.readAllStandardError());
    const QStringList lines = QString::fromUtf8(procdeck.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(procdeck.exitStatus(), QProcess::NormalExit);
    // The first entry that failed to start decides (see the exit-status rules): 127.
    QVERIFY2(procdeck.exitCode() == 127, qPrintable(u"exit code %1\n"_s.arg(procdeck.exitCode()) + errors));

    static const QRegularExpression shape(u"^(e\\d+) +([|*!]) (.*)$"_s);
    QHash<QString, QStringList> byEntry;
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = shape.match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        byEntry[match.captured(1)] << match.captured(2) + u' ' + match.captured(3);
    }
    int started = 0;
    int failed = 0;
    for (int i = 0; i < Entries; ++i) {
        const QString name = u"e%1"_s.arg(i);
        const QStringList &entry = byEntry[name];
        const QString all = name + u": "_s + entry.join(u" / "_s);
        QVERIFY2(entry.size() == 1 || entry.size() == 3, qPrintable(all));
        if (entry.size() == 1) {
            // Failed: one note, and it gives the reason (whatever the case of its first letter).
            QVERIFY2(entry[0].startsWith(u"* "_s + TooManyOpenFiles, Qt::CaseInsensitive), qPrintable(all));
            ++failed;
        } else {
            // Started: ran to completion, its output kept.
            QVERIFY2(entry[0].startsWith(u"* started, PID "_s), qPrintable(all));
            QCOMPARE(entry[1], u"| ran %1"_s.arg(i));
            QCOMPARE(entry[2], u"* exited with code 0"_s);
            ++started;
        }
    }
    QVERIFY2(started > 0 && failed > 0, qPrintable(u"started %1, failed %2"_s.arg(started).arg(failed)));
    QVERIFY2(!errors.contains(u"No such file"_s), qPrintable(errors));
}

void tst_Faults::failedStartForDescriptorsCanBeStartedAgain()
{
    // With this process's soft limit at what it has open, a start fails for want of
    // descriptors: FailedToStart, with that reason. With the limit restored, Start works.
    struct rlimit original = {};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &original), 0);
    ProcessSpec spec;
    spec.name = u"again"_s;
    spec.program = TestSupport::childPath();
    spec.args = {u"echo"_s, u"second start ran"_s};
    ManagedProcess process(1, spec);
    QSignalSpy finished(&process, &ManagedProcess::finished);

    // A limit on descriptor NUMBERS: with the table dense, only the one the count itself used
    // (the /proc/self/fd listing) is free below it.
    struct rlimit tight = original;
    tight.rlim_cur = rlim_t(openDescriptors());
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &tight), 0);
    const bool accepted = process.start().ok;
    const bool ended = finished.wait(10000);
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &original), 0);
    QVERIFY(accepted);
    QVERIFY(ended);
    QCOMPARE(process.state(), ManagedProcess::State::FailedToStart);
    QVERIFY2(process.failureReason().contains(u"too many open files"_s, Qt::CaseInsensitive),
             qPrintable(process.failureReason()));
    QVERIFY(process.canStart());

    finished.clear();
    QVERIFY(process.start().ok);
    QVERIFY(finished.wait(10000));
    QCOMPARE(process.state(), ManagedProcess::State::Exited);
    QCOMPARE(process.exitCode(), 0);
    bool ran = false;
    for (qint64 i = process.output()->firstLineNumber(); i < process.output()->endLineNumber(); ++i)
        ran = ran || process.output()->line(i).text == u"second start ran"_s;
    QVERIFY(ran);
}

QTEST_GUILESS_MAIN(tst_Faults)
#include "tst_faults.moc"
