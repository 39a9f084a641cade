// The entries' log files (LogFileWriter): every line with its time stamp and stream, run
// boundaries, rotation under a flood without a line lost, split or written twice, errors as notes,
// and the output pane's "This Run".

#include "logfilewriter.h"
#include "mainwindow.h"
#include "managedprocess.h"
#include "outputlog.h"
#include "outputpane.h"
#include "processmanager.h"
#include "testsupport.h"
#include "windowtestsupport.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Stamp = u"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}"_s;

QByteArrayList fileLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArrayList lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.back().isEmpty())
        lines.removeLast();
    return lines;
}

QString outputText(const OutputLog &log)
{
    QStringList lines;
    for (qint64 n = log.firstLineNumber(); n < log.endLineNumber(); ++n)
        lines << log.line(n).text;
    return lines.join(u'\n');
}

// A log rotated at 1 MB (the smallest limit), keeping `keep` files.
LogFileSpec floodLog(const QString &path, int keep)
{
    LogFileSpec log;
    log.path = path;
    log.maxSizeMB = 1;
    log.keep = keep;
    return log;
}

// The file's thread writes after `finished`: wait for the run's end marker.
bool endsRun(const QString &path, int run)
{
    const QByteArrayList lines = fileLines(path);
    const QByteArray marker = "==== run " + QByteArray::number(run) + " ended";
    return !lines.isEmpty() && lines.last().startsWith(marker);
}

bool matches(const QByteArray &line, const QString &pattern)
{
    return QRegularExpression(u'^' + pattern + u'$').match(QString::fromUtf8(line)).hasMatch();
}

} // namespace

class tst_LogFile final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void linesAndRunMarkers();
    void restartAddsRunMarker();
    void rotationUnderFloodKeepsEveryLineOnce();
    void keepDropsTheOldestFiles();
    void droppedLinesAreCounted();
    void unwritablePathIsANote();
    void replicasWriteFilesOfTheirOwn();
    void paneShowsThisRunOnly();

private:
    ManagedProcess *add(const QStringList &args, const LogFileSpec &log);
    bool runToEnd(ManagedProcess *process, int timeoutMs = 20000);

    QTemporaryDir m_config;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProcessManager> m_manager;
};

void tst_LogFile::initTestCase()
{
    QVERIFY(m_config.isValid());
    // Settings of this test's own (test mode keeps them under $HOME/.qttest), as tst_window does.
    qputenv("HOME", QFile::encodeName(m_config.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
    TestSupport::installProcessWarningGuard();
}

void tst_LogFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_manager = std::make_unique<ProcessManager>();
    m_manager->setBaseDirectory(m_dir->path());
}

void tst_LogFile::cleanup()
{
    m_manager.reset();
    m_dir.reset();
    PD_VERIFY_NO_DESTROYED_WARNING();
}

ManagedProcess *tst_LogFile::add(const QStringList &args, const LogFileSpec &log)
{
    ProcessSpec spec;
    spec.name = u"entry"_s;
    spec.program = TestSupport::childPath();
    spec.args = args;
    spec.log = log;
    return m_manager->add(spec);
}

bool tst_LogFile::runToEnd(ManagedProcess *process, int timeoutMs)
{
    QSignalSpy finished(process, &ManagedProcess::finished);
    if (!process->start().ok)
        return false;
    return finished.wait(timeoutMs);
}

// Each line after its time stamp and stream mark, notes marked, the run between its markers; the
// path is relative to the session's folder, whose missing subfolder is created.
void tst_LogFile::linesAndRunMarkers()
{
    LogFileSpec log;
    log.path = u"logs/entry.log"_s;
    ManagedProcess *process = add({u"echo"_s, u"hello"_s, u"then"_s, u"echo-err"_s, u"oops"_s,
                                   u"then"_s, u"exit"_s, u"3"_s}, log);
    QVERIFY(runToEnd(process));
    QTRY_VERIFY(endsRun(m_dir->filePath(u"logs/entry.log"_s), 1));
    const QByteArrayList lines = fileLines(m_dir->filePath(u"logs/entry.log"_s));
    QVERIFY2(lines.size() >= 5, lines.join('\n').constData());
    QVERIFY2(matches(lines.first(), u"==== run 1 started "_s + Stamp + u" PID "_s
                                        + QString::number(process->pid()) + u" ===="_s),
             lines.first().constData());
    QCOMPARE(lines.last(), "==== run 1 ended: exit 3 ====");
    const auto has = [&lines](const QString &pattern) {
        return std::any_of(lines.begin(), lines.end(), [&](const QByteArray &l) { return matches(l, pattern); });
    };
    QVERIFY(has(Stamp + u" \\| hello"_s));
    QVERIFY(has(Stamp + u" ! oops"_s));
    QVERIFY(has(Stamp + u" \\* started, PID \\d+"_s));
    QVERIFY(has(Stamp + u" \\* exited with code 3"_s));
    // Nothing but lines of these forms.
    for (const QByteArray &line : lines)
        QVERIFY2(matches(line, Stamp + u" [|!*] .*"_s) || line.startsWith("==== run 1 "), line.constData());
}

void tst_LogFile::restartAddsRunMarker()
{
    LogFileSpec log;
    log.path = u"entry.log"_s;
    ManagedProcess *process = add({u"echo"_s, u"hello"_s}, log);
    QVERIFY(runToEnd(process));
    QVERIFY(runToEnd(process));
    QTRY_VERIFY(endsRun(m_dir->filePath(u"entry.log"_s), 2));
    QByteArrayList markers;
    for (const QByteArray &line : fileLines(m_dir->filePath(u"entry.log"_s))) {
        if (line.startsWith("===="))
            markers << line.left(line.indexOf(" started") > 0 ? line.indexOf(" started") : line.size());
    }
    QCOMPARE(markers, QByteArrayList({"==== run 1", "==== run 1 ended: exit 0 ====", "==== run 2",
                                      "==== run 2 ended: exit 0 ===="}));
}

// A real child writes 200,000 numbered lines (more than the output log keeps); the file rotates
// several times: every line is there once, in order, whole, across PATH.N … PATH.1, PATH, and no
// file passes the limit.
void tst_LogFile::rotationUnderFloodKeepsEveryLineOnce()
{
    constexpr int Lines = 200000;
    const LogFileSpec log = floodLog(u"flood.log"_s, 20);
    ManagedProcess *process = add({u"lines"_s, QString::number(Lines)}, log);
    QVERIFY(runToEnd(process, 120000));
    QCOMPARE(process->exitCode(), 0);
    QVERIFY(process->output()->droppedLines() > 0); // the window's log did not keep them all
    QTRY_VERIFY_WITH_TIMEOUT(endsRun(m_dir->filePath(u"flood.log"_s), 1), 60000);

    QStringList files;
    for (int n = log.keep; n >= 1; --n) {
        if (QFile::exists(m_dir->filePath(u"flood.log.%1"_s.arg(n))))
            files << m_dir->filePath(u"flood.log.%1"_s.arg(n));
    }
    files << m_dir->filePath(u"flood.log"_s);
    QVERIFY2(files.size() >= 5, qPrintable(files.join(u' ')));
    QVERIFY(!QFile::exists(m_dir->filePath(u"flood.log.%1"_s.arg(files.size())))); // no gap
    static const QRegularExpression numbered(u"^"_s + Stamp + u" \\| line (\\d+)$"_s);
    int expected = 1;
    for (const QString &path : files) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(bytes.size() <= 1024 * 1024, qPrintable(path));
        QVERIFY2(bytes.endsWith('\n'), qPrintable(path)); // no line split across files
        for (const QByteArray &line : fileLines(path)) {
            const QRegularExpressionMatch m = numbered.match(QString::fromLatin1(line));
            if (!m.hasMatch()) {
                QVERIFY2(line.startsWith("==== run 1 ") || line.contains(" * "), line.constData());
                QVERIFY2(!line.contains("dropped"), line.constData());
                continue;
            }
            QCOMPARE(m.captured(1).toInt(), expected);
            ++expected;
        }
    }
    QCOMPARE(expected, Lines + 1);
}

// keep 2: PATH, PATH.1 and PATH.2 only, holding the newest lines, up to the last.
void tst_LogFile::keepDropsTheOldestFiles()
{
    constexpr int Lines = 100000;
    ManagedProcess *process = add({u"lines"_s, QString::number(Lines)}, floodLog(u"kept.log"_s, 2));
    QVERIFY(runToEnd(process, 120000));
    QTRY_VERIFY_WITH_TIMEOUT(endsRun(m_dir->filePath(u"kept.log"_s), 1), 60000);
    QVERIFY(QFile::exists(m_dir->filePath(u"kept.log.2"_s)));
    QVERIFY(!QFile::exists(m_dir->filePath(u"kept.log.3"_s)));
    QByteArrayList lines = fileLines(m_dir->filePath(u"kept.log.2"_s));
    lines += fileLines(m_dir->filePath(u"kept.log.1"_s));
    lines += fileLines(m_dir->filePath(u"kept.log"_s));
    static const QRegularExpression numbered(u" \\| line (\\d+)$"_s);
    int first = 0;
    int previous = 0;
    for (const QByteArray &line : lines) {
        const QRegularExpressionMatch m = numbered.match(QString::fromLatin1(line));
        if (!m.hasMatch())
            continue;
        const int number = m.captured(1).toInt();
        if (first == 0)
            first = number;
        else
            QCOMPARE(number, previous + 1);
        previous = number;
    }
    QVERIFY(first > 1);         // the oldest file went
    QCOMPARE(previous, Lines);  // the newest are all there
    QVERIFY(!lines.first().startsWith("==== run 1 started")); // it was in the dropped file
    QCOMPARE(lines.last(), "==== run 1 ended: exit 0 ====");
}

// When one append alone holds more lines than the log keeps, the ones the file could not get are
// counted in a note there, not silently missing.
void tst_LogFile::droppedLinesAreCounted()
{
    ProcessSpec spec;
    spec.name = u"entry"_s;
    ManagedProcess process(1, spec);
    process.output()->setLimits(10, OutputLog::DefaultMaxBytes);
    LogFileSpec log;
    log.path = m_dir->filePath(u"drops.log"_s);
    {
        LogFileWriter writer(&process, log.path, log);
        QByteArray bytes;
        for (int i = 1; i <= 50; ++i)
            bytes += "line " + QByteArray::number(i) + '\n';
        process.output()->appendData(OutputStream::Stdout, bytes);
    }
    const QByteArrayList lines = fileLines(log.path);
    QCOMPARE(lines.size(), 11);
    QVERIFY2(matches(lines.first(), Stamp + u" \\* 40 line.* dropped .*"_s), lines.first().constData());
    QVERIFY2(lines.at(1).endsWith(" | line 41"), lines.at(1).constData());
    QVERIFY2(lines.last().endsWith(" | line 50"), lines.last().constData());
}

// A log file that cannot be written is said once in the entry's output; the entry runs as usual.
void tst_LogFile::unwritablePathIsANote()
{
    QFile blocker(m_dir->filePath(u"not-a-folder"_s)); // a file where the folder should be
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    LogFileSpec log;
    log.path = u"not-a-folder/entry.log"_s;
    ManagedProcess *process = add({u"echo"_s, u"still here"_s, u"then"_s, u"exit"_s, u"0"_s}, log);
    QVERIFY(runToEnd(process));
    QCOMPARE(process->state(), ManagedProcess::State::Exited);
    QCOMPARE(process->exitCode(), 0);
    QTRY_VERIFY(outputText(*process->output()).contains(u"cannot create its folder"_s));
    const QString text = outputText(*process->output());
    QVERIFY(text.contains(u"still here"_s));
    QCOMPARE(text.count(u"log file "_s), 1);
    QVERIFY(text.contains(QDir::toNativeSeparators(m_dir->filePath(u"not-a-folder/entry.log"_s))));
}

void tst_LogFile::replicasWriteFilesOfTheirOwn()
{
    LogFileSpec log;
    log.path = u"logs/api.log"_s;
    QCOMPARE(LogFileWriter::filePath(log, u"/s"_s, 0), u"/s/logs/api.log"_s);
    QCOMPARE(LogFileWriter::filePath(log, u"/s"_s, 2), u"/s/logs/api-2.log"_s);
    log.path = u"v1.0/api"_s;
    QCOMPARE(LogFileWriter::filePath(log, u"/s"_s, 3), u"/s/v1.0/api-3"_s);
    log.path = u"/var/log/api.log"_s;
    QCOMPARE(LogFileWriter::filePath(log, u"/s"_s, 0), u"/var/log/api.log"_s);
}

// The pane's "This Run" shows only the lines of the selected entry's last run (and of each
// entry's in the All view), and is remembered.
void tst_LogFile::paneShowsThisRunOnly()
{
    m_manager.reset();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ManagedProcess *process = WindowTestSupport::addChild(window, u"runs"_s, {u"echo"_s, u"first"_s});
    QVERIFY(runToEnd(process));
    ProcessSpec spec = process->spec();
    spec.args = QStringList{u"echo"_s, u"second"_s};
    process->setSpec(spec);
    QVERIFY(runToEnd(process));
    ManagedProcess *other = WindowTestSupport::addChild(window, u"other"_s, {u"echo"_s, u"third"_s});
    QVERIFY(runToEnd(other));
    QVERIFY(runToEnd(other));
    window.selectProcesses({process});

    auto *pane = window.findChild<OutputPane *>();
    QVERIFY(pane);
    QAction *thisRun = WindowTestSupport::action(window, "actionCurrentRunOnly");
    QVERIFY(thisRun && thisRun->isCheckable());
    if (thisRun->isChecked())
        thisRun->trigger();
    QTRY_VERIFY(pane->visibleText().contains(u"first"_s));
    QVERIFY(pane->visibleText().contains(u"second"_s));

    thisRun->trigger();
    QVERIFY(thisRun->isChecked());
    QTRY_VERIFY(!pane->visibleText().contains(u"first"_s));
    QVERIFY(pane->visibleText().contains(u"second"_s));
    QVERIFY(pane->visibleText().startsWith(u"started, PID"_s)); // from the run's first line

    pane->setShowAll(true);
    QTRY_VERIFY(pane->visibleText().contains(u"third"_s));
    QCOMPARE(pane->visibleText().count(u"third"_s), 1); // its last run only
    QVERIFY(!pane->visibleText().contains(u"first"_s));
    QVERIFY(pane->visibleText().contains(u"second"_s));
    pane->setShowAll(false);

    // Remembered: a new pane starts with it on.
    OutputPane another(window.manager());
    QVERIFY(another.findChild<QAction *>(u"actionCurrentRunOnly"_s)->isChecked());
    thisRun->trigger();
    QTRY_VERIFY(pane->visibleText().contains(u"first"_s));
}

QTEST_MAIN(tst_LogFile)
#include "tst_logfile.moc"
