// The window's side of the desktop integration: Help › About (version, licence with its link, Qt
// version), and the icons: the desktop theme's where it has them (QIcon::fromTheme), ProcDeck's
// bundled SVGs where it has not.

#include "aboutbox.h"
#include "mainwindow.h"
#include "version.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QLabel>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_DesktopIntegration final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aboutShowsVersionLicenceAndQt();
    void bundledIconsWithoutATheme();
    void themeIconsFirst();

private:
    // A theme named NAME in m_themes holding the given icons (a copy of a bundled SVG each).
    void makeTheme(const QString &name, const QStringList &icons);

    QTemporaryDir m_config;
    QTemporaryDir m_themes;
};

namespace {

// The actions with a freedesktop icon name and a bundled fallback (MainWindow::createActions()).
const std::pair<const char *, const char *> ThemedActions[] = {
    {"actionNew", "document-new"},   {"actionOpen", "document-open"},  {"actionSave", "document-save"},
    {"actionAdd", "list-add"},       {"actionEdit", "document-edit"},  {"actionRemove", "list-remove"},
    {"actionStart", "media-playback-start"}, {"actionKill", "process-kill"}, {"actionRestart", "view-refresh"},
};

QImage picture(const QIcon &icon)
{
    return icon.pixmap(32, 32).toImage();
}

} // namespace

void tst_DesktopIntegration::initTestCase()
{
    QVERIFY(m_config.isValid());
    QVERIFY(m_themes.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
}

void tst_DesktopIntegration::makeTheme(const QString &name, const QStringList &icons)
{
    QDir dir(m_themes.path());
    QVERIFY(dir.mkpath(name + u"/scalable/actions"_s));
    QFile index(dir.filePath(name + u"/index.theme"_s));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("[Icon Theme]\nName=" + name.toUtf8() + "\nDirectories=scalable/actions\n\n"
                "[scalable/actions]\nSize=32\nMinSize=8\nMaxSize=512\nType=Scalable\n");
    for (const QString &icon : icons)
        QVERIFY(QFile::copy(u":/icons/kill.svg"_s, dir.filePath(name + u"/scalable/actions/"_s + icon + u".svg"_s)));
    QIcon::setThemeSearchPaths({m_themes.path()});
    QIcon::setThemeName(name);
}

void tst_DesktopIntegration::aboutShowsVersionLicenceAndQt()
{
    MainWindow window;
    window.show();
    auto *about = window.findChild<QAction *>(u"actionAbout"_s);
    QVERIFY(about);
    about->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(u"aboutBox"_s)) && box->isVisible());
    QCOMPARE(box->windowTitle(), u"About ProcDeck"_s);
    const QString text = box->text();
    QVERIFY2(text.contains(u"ProcDeck "_s + QLatin1StringView(ProcDeck::version())), qPrintable(text));
    QVERIFY2(text.contains(u"GNU General Public License, version 3 or any later version"_s), qPrintable(text));
    QVERIFY2(text.contains(u"<a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GPL-3.0-or-later</a>"_s), qPrintable(text));
    QVERIFY2(text.contains(u"running on Qt "_s + QLatin1StringView(qVersion())), qPrintable(text));
    QVERIFY2(text.contains(u"Built with Qt "_s + QLatin1StringView(QT_VERSION_STR)), qPrintable(text));
    QCOMPARE(text, AboutBox::text());
    // The link opens in the browser.
    bool linkOpens = false;
    for (const QLabel *label : box->findChildren<QLabel *>())
        linkOpens = linkOpens || (label->text() == text && label->openExternalLinks());
    QVERIFY(linkOpens);
    QVERIFY(window.isEnabled()); // open(), not exec(): the test goes on while it is shown
    box->accept();
    QTRY_VERIFY(!window.findChild<QMessageBox *>(u"aboutBox"_s)); // deleted on close
}

void tst_DesktopIntegration::bundledIconsWithoutATheme()
{
    makeTheme(u"empty"_s, {});
    MainWindow window;
    for (const auto &[name, themeName] : ThemedActions) {
        auto *action = window.findChild<QAction *>(QLatin1StringView(name));
        QVERIFY2(action, name);
        QVERIFY2(!action->icon().isNull(), name);
        QVERIFY2(action->icon().name().isEmpty(), name); // not from a theme
    }
    const QImage open = picture(window.findChild<QAction *>(u"actionOpen"_s)->icon());
    QVERIFY(!open.isNull());
    QCOMPARE(open, picture(QIcon(u":/icons/open.svg"_s)));
    QCOMPARE(picture(window.windowIcon()), picture(QIcon(u":/icons/procdeck.svg"_s)));
}

void tst_DesktopIntegration::themeIconsFirst()
{
    const QString appId = QLatin1StringView(ProcDeck::applicationId());
    QStringList names{appId};
    for (const auto &[name, themeName] : ThemedActions)
        names.append(QLatin1StringView(themeName));
    makeTheme(u"full"_s, names);
    MainWindow window;
    for (const auto &[name, themeName] : ThemedActions) {
        auto *action = window.findChild<QAction *>(QLatin1StringView(name));
        QVERIFY2(action, name);
        QCOMPARE(action->icon().name(), QLatin1StringView(themeName));
    }
    QCOMPARE(window.windowIcon().name(), appId);
    QCOMPARE(picture(window.findChild<QAction *>(u"actionOpen"_s)->icon()), picture(QIcon(u":/icons/kill.svg"_s)));
}

QTEST_MAIN(tst_DesktopIntegration)
#include "tst_desktopintegration.moc"
