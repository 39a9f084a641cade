#include "procstats.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <memory>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QString recording(const char *snapshot)
{
    return QStringLiteral(PD_SOURCE_DIR "/tests/data/proc/") + QLatin1StringView(snapshot);
}

QString burnPath()
{
    return QStringLiteral(PD_BURN_PATH);
}

qint64 pageSize()
{
    return ::sysconf(_SC_PAGESIZE);
}

// Real /proc stat lines recorded on Linux 6.18 (x86_64).
constexpr char oddCommLine[] =
        "17054 (a) (b c)) S 17053 17048 13980 0 -1 4194304 130 0 0 0 0 0 0 0 20 0 1 0 86724 2990080 418 "
        "18446744073709551615 93953479262208 93953479280137 140727055270256 0 0 0 0 6 0 1 0 0 17 0 0 0 0 "
        "0 0 93953479294224 93953479295488 93954065821696 140727055276680 140727055276697 "
        "140727055276697 140727055278058 0\n";
constexpr char zombieLine[] =
        "17101 (python3) Z 17060 17048 13980 0 -1 4227148 217 0 0 0 0 0 0 0 20 0 1 0 86763 0 0 "
        "18446744073709551615 0 0 0 0 0 0 0 16781312 2 1 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
constexpr char runningLine[] =
        "17060 (python3) R 17048 17048 13980 0 -1 4194304 2994 6555 0 0 3 0 3 0 20 0 1 0 86755 "
        "16961536 3350 18446744073709551615 94846599254016 94846599254357 140723629205552 0 0 0 0 "
        "16781312 2 0 0 0 17 0 0 0 0 0 0 94846599265712 94846599266328 94847046262784 140723629209766 "
        "140723629209809 140723629209809 140723629211599 0\n";
constexpr char kernelThreadLine[] =
        "2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 20 0 1 0 22 0 0 18446744073709551615 0 0 0 "
        "0 0 0 0 2147483647 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";

} // namespace

class tst_ProcStats final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void parseStat_data();
    void parseStat();
    void commandFromCmdline_data();
    void commandFromCmdline();
    void parseUptime_data();
    void parseUptime();

    void recordedFirstSample();
    void recordedTree();
    void recordedSecondSample();
    void recordedTreeAfterChanges();
    void recordedTreeSample_data();
    void recordedTreeSample();
    void unknownRootAndTree();
    void missingProcRoot();
    void recordedLiveDescendants_data();
    void recordedLiveDescendants();
    void childrenOfEveryThread();

    void settings();
    void emptyWatchSetStopsTimer();
    void sampledOncePerTick();
    void burningChildShowsCpu();
    void allocatingChildShowsRss();
    void newChildCountsFromItsStart();
    void treeOfRealChild_data();
    void treeOfRealChild();
    void endedTreeIsGone();
    void costWithManyChildren();

private:
    // Starts `program` in a process group of its own (it leads it, so pid == pgid).
    QProcess *startInGroup(const QString &program, const QStringList &args);
    // Starts `program` under a /bin/sh that waits for it (a stand-in for an entry's reaper, the
    // root whose descendants are summed), in a group of its own; returns the shell.
    QProcess *startUnderShell(const QString &program, const QStringList &args);
    // The PID of the root's only child, once it has one.
    static qint64 onlyChild(ProcStats &stats, qint64 root);

    std::vector<std::unique_ptr<QProcess>> m_children;
};

void tst_ProcStats::initTestCase()
{
    TestSupport::installProcessWarningGuard();
    QVERIFY2(QFileInfo::exists(recording("t0") + u"/uptime"_s), "test data missing");
}

void tst_ProcStats::cleanup()
{
    for (const auto &child : m_children) {
        if (child->state() != QProcess::NotRunning) {
            ::kill(-pid_t(child->processId()), SIGKILL);
            child->waitForFinished(5000);
        }
    }
    m_children.clear();
    PD_VERIFY_NO_DESTROYED_WARNING();
}

QProcess *tst_ProcStats::startInGroup(const QString &program, const QStringList &args)
{
    auto process = std::make_unique<QProcess>();
    process->setProgram(program);
    process->setArguments(args);
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->setChildProcessModifier([] { ::setpgid(0, 0); });
    process->start();
    if (!process->waitForStarted(5000))
        return nullptr;
    m_children.push_back(std::move(process));
    return m_children.back().get();
}

QProcess *tst_ProcStats::startUnderShell(const QString &program, const QStringList &args)
{
    // Not a simple command: the shell forks the program and waits, it does not exec it.
    return startInGroup(u"/bin/sh"_s, QStringList{u"-c"_s, u"\"$0\" \"$@\"; exit $?"_s, program} + args);
}

qint64 tst_ProcStats::onlyChild(ProcStats &stats, qint64 root)
{
    qint64 child = 0;
    const bool found = QTest::qWaitFor([&] {
        stats.sampleNow();
        const QList<ProcessSample> tree = stats.tree(root);
        child = tree.size() == 2 ? tree.at(1).pid : 0;
        return child > 0;
    }, 10000);
    return found ? child : 0;
}

// ---- parsing -----------------------------------------------------------------------------------

void tst_ProcStats::parseStat_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("pid");
    QTest::addColumn<QByteArray>("comm");
    QTest::addColumn<char>("state");
    QTest::addColumn<qint64>("ppid");
    QTest::addColumn<qint64>("pgrp");
    QTest::addColumn<quint64>("ticks");
    QTest::addColumn<qint64>("threads");
    QTest::addColumn<quint64>("startTime");
    QTest::addColumn<qint64>("rssPages");

    QTest::newRow("running") << QByteArray(runningLine) << true << qint64(17060) << "python3"_ba
                             << 'R' << qint64(17048) << qint64(17048) << quint64(3) << qint64(1)
                             << quint64(86755) << qint64(3350);
    QTest::newRow("comm with spaces and parens")
            << QByteArray(oddCommLine) << true << qint64(17054) << "a) (b c)"_ba << 'S'
            << qint64(17053) << qint64(17048) << quint64(0) << qint64(1) << quint64(86724)
            << qint64(418);
    QTest::newRow("zombie") << QByteArray(zombieLine) << true << qint64(17101) << "python3"_ba
                            << 'Z' << qint64(17060) << qint64(17048) << quint64(0) << qint64(1)
                            << quint64(86763) << qint64(0);
    QTest::newRow("kernel thread") << QByteArray(kernelThreadLine) << true << qint64(2)
                                   << "kthreadd"_ba << 'S' << qint64(0) << qint64(0) << quint64(0)
                                   << qint64(1) << quint64(22) << qint64(0);
    QTest::newRow("empty comm, no newline")
            << "7 () I 2 0 0 0 -1 0 0 0 0 0 12 34 0 0 20 0 1 0 5 0 9"_ba << true << qint64(7)
            << QByteArray() << 'I' << qint64(2) << qint64(0) << quint64(46) << qint64(1)
            << quint64(5) << qint64(9);

    const auto invalid = [](const char *name, const QByteArray &line) {
        QTest::newRow(name) << line << false << qint64(0) << QByteArray() << '?' << qint64(0)
                            << qint64(0) << quint64(0) << qint64(0) << quint64(0) << qint64(0);
    };
    invalid("empty", QByteArray());
    invalid("no closing paren", "12 (name S 1 12 12 0 -1 0 0 0 0 0 1 1 0 0 20 0 1 0 5 0 9"_ba);
    invalid("no pid", "(name) S 1 12 12 0 -1 0 0 0 0 0 1 1 0 0 20 0 1 0 5 0 9"_ba);
    invalid("pid not a number", "1x (name) S 1 12 12 0 -1 0 0 0 0 0 1 1 0 0 20 0 1 0 5 0 9"_ba);
    invalid("fields missing", "5000 (python3) S 3990 5000 5000 0 -1 4194304 10 0 0 0 10 5 0 0 20 0 1\n"_ba);
    invalid("ppid not a number", "12 (name) S x 12 12 0 -1 0 0 0 0 0 1 1 0 0 20 0 1 0 5 0 9"_ba);
    invalid("state too long", "12 (name) SS 1 12 12 0 -1 0 0 0 0 0 1 1 0 0 20 0 1 0 5 0 9"_ba);
    invalid("negative rss", "12 (name) S 1 12 12 0 -1 0 0 0 0 0 1 1 0 0 20 0 1 0 5 0 -9"_ba);
}

void tst_ProcStats::parseStat()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, valid);

    const std::optional<ProcStatFields> fields = ProcStats::parseStat(line);
    QCOMPARE(fields.has_value(), valid);
    if (!valid)
        return;
    QTEST(fields->pid, "pid");
    QTEST(fields->comm, "comm");
    QTEST(fields->state, "state");
    QTEST(fields->ppid, "ppid");
    QTEST(fields->pgrp, "pgrp");
    QTEST(fields->utime + fields->stime, "ticks");
    QTEST(fields->numThreads, "threads");
    QTEST(fields->startTime, "startTime");
    QTEST(fields->rssPages, "rssPages");
}

void tst_ProcStats::commandFromCmdline_data()
{
    QTest::addColumn<QByteArray>("cmdline");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << "sleep\0" "30\0"_ba << u"sleep 30"_s;
    QTest::newRow("argument with spaces and quote")
            << "/bin/sh\0-c\0echo 'hi' & wait\0"_ba << uR"(/bin/sh -c 'echo '\''hi'\'' & wait')"_s;
    QTest::newRow("program with parens") << "/opt/w (x)) y\0--threads\0" "4\0"_ba
                                         << u"'/opt/w (x)) y' --threads 4"_s;
    QTest::newRow("empty argument") << "prog\0\0last\0"_ba << u"prog '' last"_s;
    QTest::newRow("kernel thread or zombie") << QByteArray() << u"[name]"_s;
    QTest::newRow("only NULs") << "\0\0"_ba << u"[name]"_s;
    QTest::newRow("rewritten title") << "sshd: user [priv]\0\0\0\0"_ba << u"sshd: user [priv]"_s;
    QTest::newRow("no final NUL") << "a\0b"_ba << u"a b"_s;
    QTest::newRow("UTF-8") << "echo\0gr\xc3\xbc\xc3\x9f\0"_ba << u"echo gr\u00fc\u00df"_s;
}

void tst_ProcStats::commandFromCmdline()
{
    QFETCH(QByteArray, cmdline);
    QFETCH(QString, expected);
    QCOMPARE(ProcStats::commandFromCmdline(cmdline, u"name"_s), expected);
}

void tst_ProcStats::parseUptime_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<double>("seconds"); // negative: invalid

    QTest::newRow("recorded") << "867.94 1031.03\n"_ba << 867.94;
    QTest::newRow("one field") << "12.5"_ba << 12.5;
    QTest::newRow("empty") << QByteArray() << -1.0;
    QTest::newRow("garbage") << "abc 12\n"_ba << -1.0;
}

void tst_ProcStats::parseUptime()
{
    QFETCH(QByteArray, text);
    QFETCH(double, seconds);
    const std::optional<double> parsed = ProcStats::parseUptime(text);
    QCOMPARE(parsed.has_value(), seconds >= 0);
    if (parsed)
        QCOMPARE(*parsed, seconds);
}

// ---- recorded /proc trees (tests/data/proc/README.md tells their story) ------------------------

void tst_ProcStats::recordedFirstSample()
{
    ProcStats stats(nullptr, recording("t0"));
    QSignalSpy spy(&stats, &ProcStats::sampled);
    stats.setWatchedTrees({4000, 5000, 4242});
    stats.sampleNow();
    QCOMPARE(spy.count(), 1);

    // 1, 3990, 4000, 4001, 4002, 4003 (zombie), 4010, 5000; not 4005 (vanished), 0123, 12abc, self.
    QCOMPARE(stats.processCount(), 8);
    QVERIFY(!stats.process(4005));
    QVERIFY(!stats.process(123));
    QVERIFY(!stats.process(12));

    // 4000's descendants, 4000 left out: 4001, 4002, the zombie 4003 and the daemon 4010, which
    // left the group (setsid) but not the tree.
    const std::optional<TreeSample> tree = stats.treeSample(4000);
    QVERIFY(tree);
    QCOMPARE(tree->processCount, 4);
    QCOMPARE(tree->rssBytes, (16384 + 250 + 0 + 1000) * pageSize());
    QCOMPARE(tree->cpuPercent, 0.0); // no previous sample: no CPU figure yet

    const std::optional<TreeSample> childless = stats.treeSample(5000);
    QVERIFY(childless);
    QCOMPARE(childless->processCount, 0);
    QCOMPARE(childless->rssBytes, 0);

    QVERIFY(!stats.treeSample(4242)); // watched, no such process
    QVERIFY(!stats.treeSample(4001)); // a process, but not watched

    const std::optional<ProcessSample> odd = stats.process(4001);
    QVERIFY(odd);
    QCOMPARE(odd->name, u"w (x)) y"_s);
    QCOMPARE(odd->command, u"'/opt/w (x)) y' --threads 4"_s);
    QCOMPARE(odd->state, 'S');
    QCOMPARE(odd->threadCount, 5);
    QVERIFY(!odd->cpuKnown);

    const std::optional<ProcessSample> zombie = stats.process(4003);
    QVERIFY(zombie);
    QCOMPARE(zombie->state, 'Z');
    QCOMPARE(zombie->rssBytes, 0);
    QCOMPARE(zombie->command, u"[worker-helper]"_s);
}

void tst_ProcStats::recordedTree()
{
    ProcStats stats(nullptr, recording("t0"));
    stats.sampleNow();

    const QList<ProcessSample> tree = stats.tree(4000);
    QStringList shape;
    for (const ProcessSample &p : tree)
        shape << u"%1:%2<%3@%4"_s.arg(QString(p.depth, u' ')).arg(p.pid).arg(p.ppid).arg(p.pgid);
    const QStringList expected = {
        u":4000<3990@4000"_s,
        u" :4001<4000@4000"_s,
        u"  :4003<4001@4000"_s, // the zombie
        u"  :4010<4001@4010"_s, // left the group (setsid) but is still in the tree
        u" :4002<4000@4000"_s,
    };
    QCOMPARE(shape, expected);
    QCOMPARE(tree.at(0).command, u"/bin/sh -c 'worker --threads 4 & sleep 30; wait'"_s);
    QCOMPARE(tree.at(4).command, u"sleep 30"_s);
    QCOMPARE(tree.at(4).rssBytes, 250 * pageSize());

    // A subtree.
    const QList<ProcessSample> sub = stats.tree(4001);
    QCOMPARE(sub.size(), 3);
    QCOMPARE(sub.at(0).depth, 0);
    QCOMPARE(sub.at(2).pid, 4010);
    QCOMPARE(sub.at(2).depth, 1);
}

void tst_ProcStats::recordedSecondSample()
{
    ProcStats stats(nullptr, recording("t0"));
    stats.setWatchedTrees({4000, 5000, 4010});
    stats.sampleNow();
    stats.setProcRoot(recording("t1")); // two seconds later, by the recordings' uptime
    QSignalSpy spy(&stats, &ProcStats::sampled);
    stats.sampleNow();
    QCOMPARE(spy.count(), 1);

    const auto cpu = [&stats](qint64 pid) {
        const std::optional<ProcessSample> p = stats.process(pid);
        return p && p->cpuKnown ? p->cpuPercent : -1.0;
    };
    QCOMPARE(cpu(4000), 0.0);
    QCOMPARE(cpu(4001), 150.0); // 300 ticks in 2 s over five threads: more than one core
    QCOMPARE(cpu(4002), 1.0);
    QCOMPARE(cpu(4006), 10.0);  // new since t0: all its 20 ticks fall in the interval
    QCOMPARE(cpu(4010), 5.0);   // PID reused: counted as new, not as 10 - 500 ticks
    QVERIFY(!stats.process(4003)); // reaped
    QVERIFY(!stats.process(5000)); // stat truncated: skipped

    // 4001, 4002, 4006 and the daemon 4010 (its own group): 150 + 1 + 10 + 5 %.
    const std::optional<TreeSample> tree = stats.treeSample(4000);
    QVERIFY(tree);
    QCOMPARE(tree->processCount, 4);
    QCOMPARE(tree->cpuPercent, 166.0);
    QCOMPARE(tree->rssBytes, (16384 + 250 + 300 + 500) * pageSize());

    QVERIFY(!stats.treeSample(5000)); // its stat line is cut: not in the sample
    const std::optional<TreeSample> daemon = stats.treeSample(4010);
    QVERIFY(daemon);
    QCOMPARE(daemon->processCount, 0); // the root itself is not counted
    QCOMPARE(daemon->cpuPercent, 0.0);
}

void tst_ProcStats::recordedTreeAfterChanges()
{
    ProcStats stats(nullptr, recording("t0"));
    stats.sampleNow();
    stats.setProcRoot(recording("t1"));
    stats.sampleNow();

    QList<qint64> pids;
    QList<int> depths;
    for (const ProcessSample &p : stats.tree(4000)) {
        pids << p.pid;
        depths << p.depth;
    }
    QCOMPARE(pids, (QList<qint64>{4000, 4001, 4010, 4002, 4006}));
    QCOMPARE(depths, (QList<int>{0, 1, 2, 1, 1}));
    const QList<ProcessSample> tree = stats.tree(4000);
    QCOMPARE(tree.at(2).command, u"cron-ish"_s);
    QCOMPARE(tree.at(4).command, u"grep -r 'x y' ."_s);
}

void tst_ProcStats::recordedTreeSample_data()
{
    QTest::addColumn<QByteArray>("snapshot");
    QTest::addColumn<qint64>("root");
    QTest::addColumn<int>("processes"); // -1: no sample
    QTest::addColumn<qint64>("rssPages");
    // As for an entry's reaper: everything under the root, whatever its group, the root left out.
    QTest::newRow("t0 procdeck: both entries' trees") << QByteArray("t0") << qint64(3990) << 6
                                                     << qint64(400 + 16384 + 250 + 0 + 1000 + 2048);
    QTest::newRow("t0 zombie and daemon") << QByteArray("t0") << qint64(4001) << 2 << qint64(0 + 1000);
    QTest::newRow("t0 leaf") << QByteArray("t0") << qint64(4002) << 0 << qint64(0);
    QTest::newRow("t0 vanished") << QByteArray("t0") << qint64(4005) << -1 << qint64(0);
    QTest::newRow("t1 procdeck") << QByteArray("t1") << qint64(3990) << 5
                                 << qint64(400 + 16384 + 250 + 300 + 500);
}

void tst_ProcStats::recordedTreeSample()
{
    QFETCH(QByteArray, snapshot);
    QFETCH(qint64, root);
    QFETCH(int, processes);
    QFETCH(qint64, rssPages);
    ProcStats stats(nullptr, recording(snapshot.constData()));
    stats.setWatchedTrees({root});
    const std::optional<TreeSample> sample = stats.treeSample(root); // from the baseline sample
    QCOMPARE(sample.has_value(), processes >= 0);
    if (!sample)
        return;
    QCOMPARE(sample->processCount, processes);
    QCOMPARE(sample->rssBytes, rssPages * pageSize());
}

void tst_ProcStats::unknownRootAndTree()
{
    ProcStats stats(nullptr, recording("t0"));
    QVERIFY(stats.tree(4000).isEmpty()); // nothing sampled yet
    QVERIFY(!stats.treeSample(4000));
    stats.sampleNow();
    QVERIFY(stats.tree(4005).isEmpty()); // vanished
    QVERIFY(stats.tree(99999).isEmpty());
    QVERIFY(!stats.treeSample(4000)); // not watched
    stats.setWatchedTrees({4000});
    QVERIFY(stats.treeSample(4000)); // summed from the sample at hand
    stats.setWatchedTrees({});
    QVERIFY(!stats.treeSample(4000));
}

void tst_ProcStats::recordedLiveDescendants_data()
{
    QTest::addColumn<QByteArray>("snapshot");
    QTest::addColumn<qint64>("root");
    QTest::addColumn<QList<qint64>>("expected");
    // t0: the zombie 4003 is left out; the daemon 4010 (own group) counts, as a grandchild; so
    // does 5000, another entry. 0123 and 12abc are not processes even though their parent is 4000.
    QTest::newRow("t0 procdeck") << QByteArray("t0") << qint64(3990)
                                 << QList<qint64>{4000, 4001, 4002, 4010, 5000};
    QTest::newRow("t0 leader") << QByteArray("t0") << qint64(4000) << QList<qint64>{4001, 4002, 4010};
    QTest::newRow("t0 zombie's parent") << QByteArray("t0") << qint64(4001) << QList<qint64>{4010};
    QTest::newRow("t0 leaf") << QByteArray("t0") << qint64(4002) << QList<qint64>{};
    // t1: 4006 is new; 5000's stat line is cut, so it is not read at all.
    QTest::newRow("t1 procdeck") << QByteArray("t1") << qint64(3990)
                                 << QList<qint64>{4000, 4001, 4002, 4006, 4010};
    QTest::newRow("unknown root") << QByteArray("t1") << qint64(4242) << QList<qint64>{};
}

// children(): the `children` files of every thread of the process, each child once, with its stat
// fields; a child whose stat is gone (it was reaped meanwhile) is left out.
void tst_ProcStats::childrenOfEveryThread()
{
    QTemporaryDir proc;
    QVERIFY(proc.isValid());
    const auto write = [&proc](const QString &path, const QByteArray &text) {
        QVERIFY(QDir(proc.path()).mkpath(QFileInfo(proc.filePath(path)).path()));
        QFile file(proc.filePath(path));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    };
    write(u"100/task/100/children"_s, "200 201 ");
    write(u"100/task/101/children"_s, "201 202 ");
    write(u"100/task/101/stat"_s, "ignored");
    const QByteArray rest = " 0 -1 4194304 0 0 0 0 3 0 3 0 20 0 1 0 86755 16961536 3350 0 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0";
    write(u"200/stat"_s, "200 (daemon) S 100 200 200" + rest);
    write(u"201/stat"_s, "201 (program) Z 100 201 13980" + rest);
    // 202: no stat, gone meanwhile

    QList<std::pair<qint64, qint64>> found; // pid, process group
    for (const ProcStatFields &child : ProcStats::children(100, proc.path()))
        found.append({child.pid, child.pgrp});
    std::sort(found.begin(), found.end());
    QCOMPARE(found, (QList<std::pair<qint64, qint64>>{{200, 200}, {201, 201}}));
    QVERIFY(ProcStats::children(999, proc.path()).isEmpty());
}

void tst_ProcStats::recordedLiveDescendants()
{
    QFETCH(QByteArray, snapshot);
    QFETCH(qint64, root);
    QFETCH(QList<qint64>, expected);
    QCOMPARE(ProcStats::liveDescendants(root, recording(snapshot.constData())), expected);
}

void tst_ProcStats::missingProcRoot()
{
    ProcStats stats(nullptr, recording("no-such-snapshot"));
    QSignalSpy spy(&stats, &ProcStats::sampled);
    stats.sampleNow();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(stats.processCount(), 0);
    QVERIFY(stats.tree(1).isEmpty());
}

// ---- real processes ----------------------------------------------------------------------------

void tst_ProcStats::settings()
{
    ProcStats stats;
    QCOMPARE(stats.procRoot(), u"/proc"_s);
    QCOMPARE(stats.interval(), 1000);
    stats.setInterval(250);
    QCOMPARE(stats.interval(), 250);
    QVERIFY(!stats.isActive());
    QVERIFY(stats.watchedTrees().isEmpty());
}

void tst_ProcStats::emptyWatchSetStopsTimer()
{
    ProcStats stats;
    stats.setWatchedTrees({::getpid()});
    QVERIFY(stats.isActive());
    QCOMPARE(stats.sampleCount(), 1); // the silent baseline
    QVERIFY(stats.treeSample(::getpid()));
    stats.setWatchedTrees({});
    QVERIFY(!stats.isActive());
    QVERIFY(!stats.treeSample(::getpid()));
}

void tst_ProcStats::sampledOncePerTick()
{
    // Three trees watched, one pass and one signal per tick for all of them.
    QList<qint64> roots;
    for (int i = 0; i < 3; ++i) {
        QProcess *child = startUnderShell(TestSupport::childPath(), {u"sleep"_s, u"30000"_s});
        QVERIFY(child);
        roots << child->processId();
    }
    ProcStats stats;
    stats.setInterval(100);
    QSignalSpy spy(&stats, &ProcStats::sampled);
    int seenTrees = 0;
    connect(&stats, &ProcStats::sampled, this, [&] {
        seenTrees = 0;
        for (const qint64 root : std::as_const(roots))
            seenTrees += stats.treeSample(root) ? 1 : 0;
    });
    stats.setWatchedTrees(roots);
    const qint64 baseline = stats.sampleCount();
    QCOMPARE(spy.count(), 0); // the baseline is silent
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 4, 10000);
    QCOMPARE(stats.sampleCount() - baseline, qint64(spy.count()));
    QCOMPARE(seenTrees, 3); // every tree had its figures when the signal came
}

void tst_ProcStats::burningChildShowsCpu()
{
    QProcess *shell = startUnderShell(burnPath(), {u"burn"_s, u"60000"_s});
    QVERIFY(shell);
    const qint64 root = shell->processId();

    ProcStats stats;
    stats.setInterval(250);
    stats.setWatchedTrees({root});
    const qint64 burner = onlyChild(stats, root);
    QVERIFY(burner > 0);
    double highest = 0;
    connect(&stats, &ProcStats::sampled, this, [&] {
        if (const std::optional<TreeSample> tree = stats.treeSample(root))
            highest = std::max(highest, tree->cpuPercent);
    });
    // The machine is shared: any tick above 50 % is enough, within a generous deadline.
    QTRY_VERIFY2_WITH_TIMEOUT(highest > 50.0, qPrintable(u"highest CPU %1 %"_s.arg(highest)), 20000);
    QVERIFY2(highest <= 105.0, qPrintable(u"one thread at %1 %"_s.arg(highest))); // one core at most
    const std::optional<ProcessSample> burning = stats.process(burner);
    QVERIFY(burning);
    QVERIFY(burning->cpuKnown);
    QCOMPARE(burning->command, u"%1 burn 60000"_s.arg(burnPath()));
}

void tst_ProcStats::allocatingChildShowsRss()
{
    constexpr int mib = 64;
    QProcess *shell = startUnderShell(burnPath(), {u"alloc"_s, QString::number(mib), u"60000"_s});
    QVERIFY(shell);
    QTRY_VERIFY_WITH_TIMEOUT(shell->canReadLine() || shell->state() == QProcess::NotRunning, 10000);
    QCOMPARE(shell->readLine(), "ready\n"_ba);
    const qint64 root = shell->processId();

    ProcStats stats;
    stats.setWatchedTrees({root});
    const qint64 allocator = onlyChild(stats, root);
    QVERIFY(allocator > 0);
    const std::optional<TreeSample> tree = stats.treeSample(root);
    QVERIFY(tree);
    QCOMPARE(tree->processCount, 1); // the shell, the root, is not counted
    QVERIFY2(tree->rssBytes >= qint64(mib) * 1024 * 1024,
             qPrintable(u"RSS %1 bytes"_s.arg(tree->rssBytes)));
    // The allocation is most of it: less than 32 MiB for the program itself.
    QVERIFY2(tree->rssBytes < qint64(mib + 32) * 1024 * 1024,
             qPrintable(u"RSS %1 bytes"_s.arg(tree->rssBytes)));
    QCOMPARE(stats.process(allocator)->rssBytes, tree->rssBytes);
}

// A process that started after the previous sample has a CPU figure on its first tick: its start
// time (clock ticks after boot, from /proc) and the sampler's clock (CLOCK_BOOTTIME) agree.
void tst_ProcStats::newChildCountsFromItsStart()
{
    ProcStats stats;
    stats.setWatchedTrees({::getpid()}); // takes the baseline
    QProcess *child = startInGroup(burnPath(), {u"burn"_s, u"30000"_s});
    QVERIFY(child);
    const qint64 pid = child->processId();
    const auto ticksSoFar = [pid] {
        QFile file(u"/proc/%1/stat"_s.arg(pid));
        if (!file.open(QIODevice::ReadOnly))
            return quint64(0);
        const std::optional<ProcStatFields> fields = ProcStats::parseStat(file.readAll());
        return fields ? fields->utime + fields->stime : 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(ticksSoFar() >= 5, 10000);
    stats.sampleNow();
    const std::optional<ProcessSample> burner = stats.process(pid);
    QVERIFY(burner);
    QVERIFY(burner->cpuKnown);
    QVERIFY2(burner->cpuPercent > 0, qPrintable(QString::number(burner->cpuPercent)));
}

void tst_ProcStats::treeOfRealChild_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("commands"); // in tree order: the leader, then its children

    const QString child = TestSupport::childPath();
    // pd_child forks its grandchild without exec: both show the same command line.
    QTest::newRow("pd_child tree")
            << child << QStringList{u"tree"_s, u"30000"_s}
            << QStringList{child + u" tree 30000"_s, child + u" tree 30000"_s};
    QTest::newRow("shell with two sleeps")
            << u"/bin/sh"_s << QStringList{u"-c"_s, u"sleep 30 & sleep 31; wait"_s}
            << QStringList{u"/bin/sh -c 'sleep 30 & sleep 31; wait'"_s, u"sleep 30"_s, u"sleep 31"_s};
}

void tst_ProcStats::treeOfRealChild()
{
    QFETCH(QString, program);
    QFETCH(QStringList, args);
    QFETCH(QStringList, commands);

    QProcess *child = startInGroup(program, args);
    QVERIFY(child);
    const qint64 pid = child->processId();

    ProcStats stats;
    stats.setWatchedTrees({pid});
    // Sample until every process exists and has exec'd (a fork shows its parent's command line
    // until then).
    const auto commandsNow = [&] {
        stats.sampleNow();
        QStringList now;
        for (const ProcessSample &p : stats.tree(pid))
            now << p.command;
        return now;
    };
    QTRY_COMPARE_WITH_TIMEOUT(commandsNow(), commands, 10000);

    const QList<ProcessSample> tree = stats.tree(pid);
    QCOMPARE(tree.size(), commands.size());
    QCOMPARE(tree.at(0).pid, pid);
    QCOMPARE(tree.at(0).depth, 0);
    QCOMPARE(tree.at(0).ppid, qint64(::getpid()));
    for (qsizetype i = 1; i < tree.size(); ++i) {
        QCOMPARE(tree.at(i).ppid, pid);
        QCOMPARE(tree.at(i).pgid, pid);
        QCOMPARE(tree.at(i).depth, 1);
        QVERIFY(tree.at(i - 1).pid < tree.at(i).pid || i == 1);
    }
    // The sums are over the descendants: the root is left out.
    const std::optional<TreeSample> sum = stats.treeSample(pid);
    QVERIFY(sum);
    QCOMPARE(sum->processCount, commands.size() - 1);
    qint64 rss = 0;
    for (const ProcessSample &p : tree.sliced(1))
        rss += p.rssBytes;
    QCOMPARE(sum->rssBytes, rss);
}

void tst_ProcStats::endedTreeIsGone()
{
    QProcess *child = startInGroup(TestSupport::childPath(), {u"sleep"_s, u"30000"_s});
    QVERIFY(child);
    const qint64 pgid = child->processId();
    ProcStats stats;
    stats.setWatchedTrees({pgid});
    QVERIFY(stats.treeSample(pgid));
    QVERIFY(!stats.tree(pgid).isEmpty());

    QSignalSpy finished(child, &QProcess::finished);
    ::kill(-pid_t(pgid), SIGKILL);
    QVERIFY(finished.wait(5000)); // reaped by QProcess
    stats.sampleNow();
    QVERIFY(!stats.treeSample(pgid));
    QVERIFY(stats.tree(pgid).isEmpty());
    QVERIFY(!stats.process(pgid));
}

// Not a timed assertion: a measurement printed for the record, run when PD_PROCSTATS_CHILDREN is
// set (e.g. 1000). Children are spawned directly (posix_spawn, own groups) to keep the test lean.
void tst_ProcStats::costWithManyChildren()
{
    const int count = qEnvironmentVariableIntValue("PD_PROCSTATS_CHILDREN");
    if (count <= 0)
        QSKIP("set PD_PROCSTATS_CHILDREN=N to measure one sample with N sleeping children");

    const QByteArray program = QFile::encodeName(TestSupport::childPath());
    QList<qint64> pids;
    const auto reapAll = qScopeGuard([&pids] {
        for (const qint64 pid : std::as_const(pids))
            ::kill(-pid_t(pid), SIGKILL);
        for (const qint64 pid : std::as_const(pids))
            ::waitpid(pid_t(pid), nullptr, 0);
    });
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    char mode[] = "sleep";
    char duration[] = "120000";
    char *argv[] = {const_cast<char *>(program.constData()), mode, duration, nullptr};
    for (int i = 0; i < count; ++i) {
        pid_t pid = 0;
        const int error = ::posix_spawn(&pid, program.constData(), nullptr, &attributes, argv, environ);
        QVERIFY2(error == 0, strerror(error));
        pids << pid;
    }
    posix_spawnattr_destroy(&attributes);

    ProcStats stats;
    stats.setWatchedTrees(pids);
    const auto sleeping = [&] {
        stats.sampleNow();
        int n = 0;
        for (const qint64 pid : std::as_const(pids)) {
            const std::optional<ProcessSample> p = stats.process(pid);
            n += p && p->state == 'S' && p->command.endsWith(u" sleep 120000"_s) ? 1 : 0;
        }
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(sleeping(), count, 60000);

    // The limit in the same run: a plain loop that only opens and reads every stat file.
    const auto plainPass = [] {
        QElapsedTimer timer;
        timer.start();
        DIR *dir = ::opendir("/proc");
        if (!dir)
            return qint64(-1);
        char path[sizeof(dirent::d_name) + 8];
        char buffer[4096];
        while (const dirent *entry = ::readdir(dir)) {
            if (entry->d_name[0] < '1' || entry->d_name[0] > '9')
                continue;
            std::snprintf(path, sizeof path, "%s/stat", entry->d_name);
            const int fd = ::openat(::dirfd(dir), path, O_RDONLY | O_CLOEXEC);
            if (fd >= 0) {
                [[maybe_unused]] const ssize_t n = ::read(fd, buffer, sizeof buffer);
                ::close(fd);
            }
        }
        ::closedir(dir);
        return timer.nsecsElapsed();
    };
    QList<qint64> costs;
    QList<qint64> plainCosts;
    for (int i = 0; i < 21; ++i) { // interleaved, so that both see the same machine
        stats.sampleNow();
        costs << stats.lastSampleDurationNs();
        plainCosts << plainPass();
    }
    std::sort(costs.begin(), costs.end());
    std::sort(plainCosts.begin(), plainCosts.end());
    QElapsedTimer aggregate;
    aggregate.start();
    int withFigures = 0;
    for (const qint64 pid : std::as_const(pids))
        withFigures += stats.treeSample(pid) ? 1 : 0;
    const qint64 lookupNs = aggregate.nsecsElapsed();
    QCOMPARE(withFigures, count);
    qInfo("%d sleeping children, %d processes in /proc, 21 runs: sampleNow() median %.2f ms "
          "(min %.2f, max %.2f); plain open+read of every stat median %.2f ms (min %.2f); "
          "%d treeSample() look-ups %.3f ms",
          count, stats.processCount(), costs.at(costs.size() / 2) / 1e6, costs.constFirst() / 1e6,
          costs.constLast() / 1e6, plainCosts.at(plainCosts.size() / 2) / 1e6,
          plainCosts.constFirst() / 1e6, count, lookupNs / 1e6);
}

QTEST_GUILESS_MAIN(tst_ProcStats)
#include "tst_procstats.moc"
