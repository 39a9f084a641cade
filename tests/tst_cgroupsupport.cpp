#include "cgroupsupport.h"

#include <QTest>

using namespace Qt::StringLiterals;

// The pure rules of the cgroup path: systemd's unit-name escaping, /proc/PID/cgroup and
// mountinfo read for a hybrid (v1 + v2) and a pure v2 system, where a cgroup's files are, and the
// scope's properties built from ProcessLimits.
class tst_CgroupSupport final : public QObject
{
    Q_OBJECT

private slots:
    void escapeUnitNamePart_data();
    void escapeUnitNamePart();
    void scopeUnitName();
    void parseProcCgroup();
    void parseMountInfo();
    void resolveDirectories_data();
    void resolveDirectories();
    void memoryInterface();
    void scopeProperties_data();
    void scopeProperties();
    void readCounter();
};

void tst_CgroupSupport::escapeUnitNamePart_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("plain") << u"web:1_a.b"_s << u"web:1_a.b"_s;
    QTest::newRow("space") << u"my api"_s << u"my\\x20api"_s;
    QTest::newRow("slash") << u"a/b"_s << u"a-b"_s;
    QTest::newRow("dash and backslash") << u"a-b\\c"_s << u"a\\x2db\\x5cc"_s;
    QTest::newRow("leading dot") << u".hidden.x"_s << u"\\x2ehidden.x"_s;
    QTest::newRow("UTF-8 bytes") << u"ü"_s << u"\\xc3\\xbc"_s;
    QTest::newRow("empty") << QString() << u"entry"_s;
    QTest::newRow("cut before an escape") << QString(99, u'a') + u' ' << QString(99, u'a');
}

void tst_CgroupSupport::escapeUnitNamePart()
{
    QFETCH(QString, text);
    QFETCH(QString, escaped);
    QCOMPARE(CgroupRules::escapeUnitNamePart(text), escaped);
}

void tst_CgroupSupport::scopeUnitName()
{
    QCOMPARE(CgroupRules::scopeUnitName(u"my api"_s, 4242, 7), u"procdeck-my\\x20api-4242-7.scope"_s);
    QVERIFY(CgroupRules::scopeUnitName(QString(1000, u'x'), 1, 1).size() < 256); // systemd's limit
}

void tst_CgroupSupport::parseProcCgroup()
{
    const QByteArray text = "9:name=systemd:/app.slice/a.scope\n4:memory:/app.slice/a.scope\n"
                            "2:cpu,cpuacct:/\n0::/app.slice/a.scope\n";
    const QList<CgroupMembership> memberships = CgroupRules::parseProcCgroup(text);
    QCOMPARE(memberships.size(), 4);
    QCOMPARE(memberships[0].controllers, QStringList{u"name=systemd"_s});
    QCOMPARE(memberships[1].hierarchyId, 4);
    QCOMPARE(memberships[1].path, u"/app.slice/a.scope"_s);
    QCOMPARE(memberships[2].controllers, (QStringList{u"cpu"_s, u"cpuacct"_s}));
    QCOMPARE(memberships[3].hierarchyId, 0);
    QVERIFY(memberships[3].controllers.isEmpty());
}

void tst_CgroupSupport::parseMountInfo()
{
    const QByteArray text =
        "22 1 0:21 / /sys rw - sysfs sysfs rw\n"
        "34 30 0:31 / /sys/fs/cgroup/memory rw,relatime shared:14 - cgroup cgroup rw,memory\n"
        "31 30 0:28 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n"
        "40 30 0:37 /sub\\040dir /mnt/my\\040cg rw - cgroup2 cgroup2 rw,nsdelegate\n";
    const QList<CgroupMount> mounts = CgroupRules::parseMountInfo(text);
    QCOMPARE(mounts.size(), 3);
    QCOMPARE(mounts[0].mountPoint, u"/sys/fs/cgroup/memory"_s);
    QCOMPARE(mounts[0].controllers, QStringList{u"memory"_s});
    QVERIFY(!mounts[0].v2);
    QCOMPARE(mounts[1].controllers, (QStringList{u"cpu"_s, u"cpuacct"_s}));
    QVERIFY(mounts[2].v2);
    QCOMPARE(mounts[2].root, u"/sub dir"_s);
    QCOMPARE(mounts[2].mountPoint, u"/mnt/my cg"_s);
}

void tst_CgroupSupport::resolveDirectories_data()
{
    QTest::addColumn<QByteArray>("cgroup");
    QTest::addColumn<QByteArray>("mountinfo");
    QTest::addColumn<QString>("unified");
    QTest::addColumn<QString>("memoryV1");
    QTest::addColumn<QString>("cpuV1");
    const QByteArray hybrid =
        "31 30 0:28 / /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu\n"
        "34 30 0:31 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n"
        "40 30 0:37 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n";
    QTest::newRow("hybrid") << QByteArray("4:memory:/app.slice/x.scope\n1:cpu:/app.slice/x.scope\n0::/app.slice/x.scope\n")
                            << hybrid << u"/sys/fs/cgroup/unified/app.slice/x.scope"_s
                            << u"/sys/fs/cgroup/memory/app.slice/x.scope"_s << u"/sys/fs/cgroup/cpu/app.slice/x.scope"_s;
    QTest::newRow("pure v2") << QByteArray("0::/user.slice/user-1000.slice/user@1000.service/app.slice/x.scope\n")
                             << QByteArray("30 22 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw,nsdelegate\n")
                             << u"/sys/fs/cgroup/user.slice/user-1000.slice/user@1000.service/app.slice/x.scope"_s
                             << QString() << QString();
    // A container sees its own cgroup as the mount's root.
    QTest::newRow("mounted below the root") << QByteArray("0::/docker/abc/x.scope\n")
                                            << QByteArray("30 22 0:26 /docker/abc /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n")
                                            << u"/sys/fs/cgroup/x.scope"_s << QString() << QString();
    QTest::newRow("outside the mount") << QByteArray("0::/other\n")
                                       << QByteArray("30 22 0:26 /docker/abc /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n")
                                       << QString() << QString() << QString();
}

void tst_CgroupSupport::resolveDirectories()
{
    QFETCH(QByteArray, cgroup);
    QFETCH(QByteArray, mountinfo);
    const CgroupDirectories directories =
        CgroupRules::resolveDirectories(CgroupRules::parseProcCgroup(cgroup), CgroupRules::parseMountInfo(mountinfo));
    QTEST(directories.unified, "unified");
    QTEST(directories.memoryV1, "memoryV1");
    QTEST(directories.cpuV1, "cpuV1");
}

void tst_CgroupSupport::memoryInterface()
{
    const QList<CgroupMount> hybrid = CgroupRules::parseMountInfo(
        "34 30 0:31 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n"
        "40 30 0:37 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n");
    QCOMPARE(CgroupRules::memoryInterface(hybrid, ""), CgroupMemoryInterface::V1);
    const QList<CgroupMount> v2 = CgroupRules::parseMountInfo("30 22 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
    QCOMPARE(CgroupRules::memoryInterface(v2, "cpuset cpu io memory pids\n"), CgroupMemoryInterface::V2);
    QCOMPARE(CgroupRules::memoryInterface(v2, "cpuset cpu\n"), CgroupMemoryInterface::None);
}

void tst_CgroupSupport::scopeProperties_data()
{
    QTest::addColumn<int>("memoryMB");
    QTest::addColumn<int>("cpuPercent");
    QTest::addColumn<int>("restartAboveMB");
    QTest::addColumn<CgroupMemoryInterface>("memory");
    QTest::addColumn<QStringList>("limitNames");
    QTest::addColumn<QList<quint64>>("limitValues");
    QTest::newRow("none") << 0 << 0 << 0 << CgroupMemoryInterface::V2 << QStringList() << QList<quint64>();
    QTest::newRow("all, v2") << 512 << 150 << 400 << CgroupMemoryInterface::V2
                             << QStringList{u"MemoryMax"_s, u"CPUQuotaPerSecUSec"_s, u"MemoryHigh"_s}
                             << QList<quint64>{512ull << 20, 1500000, 400ull << 20};
    // v1 has no memory.high: the threshold is an eventfd (cgroupscope.cpp), not a property.
    QTest::newRow("all, v1") << 32 << 20 << 16 << CgroupMemoryInterface::V1
                             << QStringList{u"MemoryMax"_s, u"CPUQuotaPerSecUSec"_s}
                             << QList<quint64>{32ull << 20, 200000};
}

void tst_CgroupSupport::scopeProperties()
{
    QFETCH(int, memoryMB);
    QFETCH(int, cpuPercent);
    QFETCH(int, restartAboveMB);
    QFETCH(CgroupMemoryInterface, memory);
    QFETCH(QStringList, limitNames);
    QFETCH(QList<quint64>, limitValues);
    ProcessLimits limits;
    limits.memoryMB = memoryMB;
    limits.cpuPercent = cpuPercent;
    limits.restartAboveMemoryMB = restartAboveMB;
    const auto properties = CgroupRules::scopeProperties(u"api"_s, {1234}, limits, memory);
    QCOMPARE(properties.size(), 5 + limitNames.size());
    QCOMPARE(properties[0].first, u"PIDs"_s);
    QCOMPARE(properties[0].second.value<QList<uint>>(), QList<uint>{1234});
    QCOMPARE(properties[1], (QPair<QString, QVariant>(u"Delegate"_s, true)));
    QCOMPARE(properties[2].second.toString(), u"ProcDeck: api"_s);
    QCOMPARE(properties[3].second.toString(), u"inactive-or-failed"_s);
    for (int i = 0; i < limitNames.size(); ++i) {
        QCOMPARE(properties[5 + i].first, limitNames[i]);
        QCOMPARE(properties[5 + i].second.metaType(), QMetaType::fromType<quint64>()); // D-Bus "t"
        QCOMPARE(properties[5 + i].second.value<quint64>(), limitValues[i]);
    }
}

void tst_CgroupSupport::readCounter()
{
    const QByteArray events = "low 0\nhigh 12\nmax 3\noom 1\noom_kill 2\n";
    QCOMPARE(CgroupRules::readCounter(events, "high"), 12);
    QCOMPARE(CgroupRules::readCounter(events, "oom_kill"), 2);
    QCOMPARE(CgroupRules::readCounter(events, "oom_group_kill"), -1);
    QCOMPARE(CgroupRules::readCounter("oom_kill_disable 0\nunder_oom 0\noom_kill 5\n", "oom_kill"), 5);
}

QTEST_GUILESS_MAIN(tst_CgroupSupport)
#include "tst_cgroupsupport.moc"
