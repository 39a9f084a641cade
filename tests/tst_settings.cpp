#include "settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

// Typed keys over the same on-disk keys ProcDeck has always written: settings saved by an older
// version read back, and the reverse.
class tst_Settings final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaults();
    void onDiskKeysUnchanged();
    void typedRoundTrip();
    void remove();
    void filesPrivateWhateverUmask_data();
    void filesPrivateWhateverUmask();

private:
    QString iniFile() const { return m_dir.filePath(u"settings.ini"_s); }
    QTemporaryDir m_dir;
};

void tst_Settings::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // QSettings reads the user's config folder once per process: set it before any use.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(u"config"_s)));
    QCOMPARE(QString(Settings::OrganizationName), u"ProcDeck"_s);
    QCOMPARE(QString(Settings::ApplicationName), u"ProcDeck"_s);
}

void tst_Settings::defaults()
{
    const Settings settings(m_dir.filePath(u"empty.ini"_s));
    QCOMPARE(settings.value(Settings::Keys::NotifyUnexpectedEnds), true);
    QCOMPARE(settings.value(Settings::Keys::MonitorIntervalMs), 1000);
    QCOMPARE(settings.value(Settings::Keys::RecentFiles), QStringList());
    QCOMPARE(settings.value(Settings::Keys::LastJoinTimeout), QString());
    QVERIFY(settings.value(Settings::Keys::WindowGeometry).isEmpty());
}

void tst_Settings::onDiskKeysUnchanged()
{
    {
        QSettings old(iniFile(), QSettings::IniFormat); // as written before the typed keys
        old.setValue(u"window/geometry"_s, QByteArray("geometry"));
        old.setValue(u"window/state"_s, QByteArray("state"));
        old.setValue(u"window/splitter"_s, QByteArray("splitter"));
        old.setValue(u"window/tableHeader"_s, QByteArray("header"));
        old.setValue(u"join/lastTimeout"_s, u"2.5"_s);
        old.setValue(u"notify/unexpectedEnds"_s, false);
        old.setValue(u"monitor/intervalMs"_s, 250);
        old.setValue(u"recentFiles"_s, QStringList{u"/a.json"_s, u"/b.json"_s});
    }
    const Settings settings(iniFile());
    using Keys = Settings::Keys;
    QCOMPARE(settings.value(Keys::WindowGeometry), QByteArray("geometry"));
    QCOMPARE(settings.value(Keys::WindowState), QByteArray("state"));
    QCOMPARE(settings.value(Keys::WindowSplitter), QByteArray("splitter"));
    // The columns are the one exception: the old header state held widths wider than the window.
    QVERIFY(settings.value(Keys::WindowTableColumns).isEmpty());
    QCOMPARE(settings.value(Keys::LastJoinTimeout), u"2.5"_s);
    QCOMPARE(settings.value(Keys::NotifyUnexpectedEnds), false);
    QCOMPARE(settings.value(Keys::MonitorIntervalMs), 250);
    QCOMPARE(settings.value(Keys::RecentFiles), (QStringList{u"/a.json"_s, u"/b.json"_s}));
}

void tst_Settings::typedRoundTrip()
{
    const QString file = m_dir.filePath(u"roundtrip.ini"_s);
    {
        Settings settings(file);
        settings.setValue(Settings::Keys::RecentFiles, QStringList{u"/x.json"_s});
        settings.setValue(Settings::Keys::MonitorIntervalMs, 500);
    }
    const QSettings raw(file, QSettings::IniFormat);
    QCOMPARE(raw.value(u"recentFiles"_s).toStringList(), QStringList{u"/x.json"_s});
    QCOMPARE(raw.value(u"monitor/intervalMs"_s).toInt(), 500);
    const Settings again(file);
    QCOMPARE(again.value(Settings::Keys::MonitorIntervalMs), 500);
}

void tst_Settings::remove()
{
    const QString file = m_dir.filePath(u"remove.ini"_s);
    Settings settings(file);
    settings.setValue(Settings::Keys::RecentFiles, QStringList{u"/x.json"_s});
    settings.remove(Settings::Keys::RecentFiles);
    QCOMPARE(settings.value(Settings::Keys::RecentFiles), QStringList());
    QVERIFY(!settings.store().contains(u"recentFiles"_s));
}

void tst_Settings::filesPrivateWhateverUmask_data()
{
    QTest::addColumn<int>("mask");
    QTest::addColumn<bool>("folderExists");
    QTest::newRow("umask 022, new folder") << 022 << false;
    QTest::newRow("umask 000, new folder") << 0 << false;
    QTest::newRow("umask 000, folder 0755 and file 0644 from before") << 0 << true;
}

// The user's settings (recent files, trust records) are theirs alone: the folder 0700 and the file
// 0600 after QSettings has written it (through a temporary file and a rename), whatever the umask.
void tst_Settings::filesPrivateWhateverUmask()
{
    QFETCH(int, mask);
    QFETCH(bool, folderExists);
    const QString folder = m_dir.filePath(u"config/ProcDeck"_s);
    const QString file = folder + u"/ProcDeck.conf"_s;
    QDir(folder).removeRecursively();
    if (folderExists) {
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::Permissions(0x7755)));
        QFile old(file);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("[General]\nmonitor\\intervalMs=250\n");
        old.close();
        QVERIFY(QFile::setPermissions(file, QFileDevice::Permissions(0x6644)));
    }
    const mode_t previous = ::umask(mode_t(mask));
    {
        Settings settings;
        QCOMPARE(QFileInfo(settings.store().fileName()).absoluteFilePath(), QFileInfo(file).absoluteFilePath());
        settings.setValue(Settings::Keys::RecentFiles, QStringList{u"/x.json"_s});
        settings.sync();
        settings.setValue(Settings::Keys::MonitorIntervalMs, 500);
    } // written again on destruction
    ::umask(previous);

    struct stat info{};
    QCOMPARE(::stat(QFile::encodeName(folder).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0700));
    QCOMPARE(::stat(QFile::encodeName(file).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0600));
    const QSettings raw(file, QSettings::NativeFormat);
    QCOMPARE(raw.value(u"monitor/intervalMs"_s).toInt(), 500); // really written, not only created
    for (const QString &name : QDir(folder).entryList(QDir::Files | QDir::Hidden)) {
        QCOMPARE(::stat(QFile::encodeName(folder + u'/' + name).constData(), &info), 0);
        QVERIFY2((info.st_mode & 07777) == 0600, qPrintable(name));
    }
}

QTEST_GUILESS_MAIN(tst_Settings)
#include "tst_settings.moc"
