#include "sessionfile.h"
#include "testsupport.h"

#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Reliability: output integrity of `procdeck --headless`, the real executable (PD_APP_PATH) with
// real writers. Every line an entry wrote comes out whole, exactly once, in its order, as
// `name | text`, however the writer paused inside it and whatever the other entries wrote meanwhile.
class tst_OutputIntegrity final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void linesStayWholeWhenWritersPauseMidLine();

private:
    QTemporaryDir m_dir;
};

namespace {

constexpr int Writers = 40;
constexpr int LinesPerWriter = 2500;

// What pd_child's `halves` mode writes as line `i` (in two write() calls).
QString halvesLine(int i)
{
    return u"line %1 abcdefghijklmnopqrstuvwxyz0123456789 end %1"_s.arg(i);
}

// procdeck's environment: nothing that changes how the children buffer or how procdeck prints.
QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"PYTHONUNBUFFERED"_s);
    environment.insert(u"NO_COLOR"_s, u"1"_s);
    return environment;
}

} // namespace

void tst_OutputIntegrity::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(PD_APP_PATH)), PD_APP_PATH);
}

void tst_OutputIntegrity::linesStayWholeWhenWritersPauseMidLine()
{
    // 40 writers, each line in two writes, every 7th with a 2 ms pause between its halves, so that
    // procdeck sees many half lines while other entries' lines arrive.
    Session session;
    for (int w = 0; w < Writers; ++w) {
        ProcessSpec spec;
        spec.name = u"w%1"_s.arg(w);
        spec.program = TestSupport::childPath();
        spec.args = {u"halves"_s, QString::number(LinesPerWriter), u"2000"_s, u"7"_s};
        session.processes.append(spec);
    }
    const QString path = m_dir.filePath(u"writers.json"_s);
    QVERIFY(SessionFile::save(path, SessionFile::toJson(session)).ok);

    QProcess procdeck;
    procdeck.setProcessEnvironment(cleanEnvironment());
    QByteArray output;
    connect(&procdeck, &QProcess::readyReadStandardOutput, this,
            [&procdeck, &output] { output += procdeck.readAllStandardOutput(); });
    QSignalSpy finished(&procdeck, &QProcess::finished);
    procdeck.start(QStringLiteral(PD_APP_PATH), {u"--headless"_s, path});
    QVERIFY2(finished.wait(120000), "procdeck --headless did not end within 120 s");
    output += procdeck.readAllStandardOutput();
    QCOMPARE(procdeck.exitStatus(), QProcess::NormalExit);
    QCOMPARE(procdeck.exitCode(), 0);

    // name (padded) | text, or a note; anything else is a broken or mixed line.
    static const QRegularExpression shape(u"^(w\\d+) *([|*]) (.*)$"_s);
    static const QRegularExpression wholeLine(u"^line (\\d+) abcdefghijklmnopqrstuvwxyz0123456789 end \\1$"_s);
    QHash<QString, int> nextLine;
    QStringList broken;
    const QList<QByteArray> lines = output.split('\n');
    for (const QByteArray &bytes : lines) {
        if (bytes.isEmpty())
            continue;
        const QString line = QString::fromUtf8(bytes);
        const QRegularExpressionMatch match = shape.match(line);
        if (!match.hasMatch()) {
            broken << line;
            continue;
        }
        if (match.captured(2) == u"*"_s)
            continue; // a note: started, exited
        int &next = nextLine[match.captured(1)];
        if (match.captured(3) == halvesLine(next)) {
            ++next;
            continue;
        }
        broken << u"%1 (expected line %2)"_s.arg(line).arg(next);
        // A whole line out of place (one skipped, or repeated): go on from it, so that one
        // fault is counted once and not as every line after it.
        const QRegularExpressionMatch whole = wholeLine.match(match.captured(3));
        if (whole.hasMatch())
            next = whole.captured(1).toInt() + 1;
    }
    QVERIFY2(broken.isEmpty(), qPrintable(u"%1 lines broken, split, mixed or out of order, e.g.:\n"_s.arg(broken.size())
                                          + broken.mid(0, 8).join(u'\n')));
    QCOMPARE(nextLine.size(), Writers);
    for (auto it = nextLine.cbegin(); it != nextLine.cend(); ++it)
        QVERIFY2(it.value() == LinesPerWriter, qPrintable(u"%1: %2 lines"_s.arg(it.key()).arg(it.value())));
}

QTEST_GUILESS_MAIN(tst_OutputIntegrity)
#include "tst_outputintegrity.moc"
