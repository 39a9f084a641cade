// What the Debian package installs, read back with Qt from the package extracted by the `package`
// test (PD_PACKAGE_ROOT, with XDG_DATA_DIRS pointing at its share/ before the system's): the
// session MIME type as a file manager resolves it, the desktop file that opens it, and the
// AppStream metainfo, which must agree with the program (its version, licence, id).

#include "version.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSettings>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

const QString AppId = QLatin1StringView(ProcDeck::applicationId());
const QString SessionType = u"application/x-procdeck-session"_s;

} // namespace

class tst_Installation final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sessionTypeByName();
    void sessionTypeByContent();
    void desktopFileOpensSessions();
    void metainfoAgreesWithTheProgram();

private:
    QString installed(const QString &path) const { return m_root + u"/usr/"_s + path; }

    QString m_root;
};

void tst_Installation::initTestCase()
{
    m_root = qEnvironmentVariable("PD_PACKAGE_ROOT");
    QVERIFY2(QFileInfo(installed(u"bin/procdeck"_s)).isExecutable(), qPrintable(m_root));
    QVERIFY2(QFile::exists(installed(u"share/mime/mime.cache"_s)), "the package test builds the MIME cache");
}

void tst_Installation::sessionTypeByName()
{
    const QMimeDatabase mimes;
    const QMimeType type = mimes.mimeTypeForFile(u"web.procdeck.json"_s, QMimeDatabase::MatchExtension);
    QCOMPARE(type.name(), SessionType);
    QVERIFY(type.inherits(u"application/json"_s));
    QCOMPARE(type.comment(), u"ProcDeck session"_s);
    // Other JSON stays JSON: ProcDeck no longer claims every application/json.
    QCOMPARE(mimes.mimeTypeForFile(u"package.json"_s, QMimeDatabase::MatchExtension).name(), u"application/json"_s);
}

void tst_Installation::sessionTypeByContent()
{
    const QMimeDatabase mimes;
    QFile example(installed(u"share/doc/procdeck/examples/03-join.json"_s));
    QVERIFY(example.open(QIODevice::ReadOnly));
    QCOMPARE(mimes.mimeTypeForData(example.readAll()).name(), SessionType);
    QCOMPARE(mimes.mimeTypeForData(QByteArray("{\"procdeck\": 1, \"processes\": []}")).name(), SessionType);
    QVERIFY(mimes.mimeTypeForData(QByteArray("{\"name\": \"procdeck\"}")).name() != SessionType);
}

void tst_Installation::desktopFileOpensSessions()
{
    QSettings desktop(installed(u"share/applications/"_s + AppId + u".desktop"_s), QSettings::IniFormat);
    desktop.beginGroup(u"Desktop Entry"_s);
    const QStringList mimeTypes = desktop.value(u"MimeType"_s).toString().split(u';', Qt::SkipEmptyParts);
    QCOMPARE(mimeTypes, QStringList{SessionType});
    QCOMPARE(desktop.value(u"Exec"_s).toString(), u"procdeck %f"_s);
    const QString icon = desktop.value(u"Icon"_s).toString();
    QCOMPARE(icon, AppId);
    QVERIFY(QFile::exists(installed(u"share/icons/hicolor/scalable/apps/"_s + icon + u".svg"_s)));
}

void tst_Installation::metainfoAgreesWithTheProgram()
{
    QFile file(installed(u"share/metainfo/"_s + AppId + u".metainfo.xml"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    const QStringList wanted = {u"id"_s, u"launchable"_s, u"project_license"_s, u"mediatype"_s, u"binary"_s};
    QMap<QString, QString> texts; // the first of each wanted element
    QStringList releases;         // newest first, as AppStream lists them
    int screenshots = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString();
        if (name == u"release")
            releases.append(xml.attributes().value(u"version"_s).toString());
        else if (name == u"screenshot")
            ++screenshots;
        else if (wanted.contains(name) && !texts.contains(name))
            texts.insert(name, xml.readElementText());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(texts.value(u"id"_s), AppId);
    QCOMPARE(texts.value(u"launchable"_s), AppId + u".desktop"_s);
    QCOMPARE(texts.value(u"project_license"_s), u"GPL-3.0-or-later"_s);
    QCOMPARE(texts.value(u"mediatype"_s), SessionType);
    QCOMPARE(texts.value(u"binary"_s), u"procdeck"_s);
    QVERIFY(!releases.isEmpty());
    QCOMPARE(releases.constFirst(), QLatin1StringView(ProcDeck::version())); // the newest release is this one
    QVERIFY(screenshots >= 1);
}

QTEST_GUILESS_MAIN(tst_Installation)
#include "tst_installation.moc"
