// Qt's own command-line options (-style, -stylesheet, -platform, -reverse, …) through the real
// `procdeck` executable (PD_APP_PATH): the window opens with them applied, as its log says
// (procdeck.app: "window shown: style …"), instead of "Unknown option" and exit 2; headless,
// --version and --help run with them and exit 0.

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

class tst_ToolkitOptions final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void window_data();
    void window();
    void withoutWindow_data();
    void withoutWindow();

private:
    QProcessEnvironment environment() const;
    QString write(const QString &name, const QByteArray &contents) const;

    QTemporaryDir m_dir;
};

void tst_ToolkitOptions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(PD_APP_PATH)), PD_APP_PATH);
}

// No display at all: only -platform (or QT_QPA_PLATFORM, where a row keeps it) gives a window.
QProcessEnvironment tst_ToolkitOptions::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s, u"QT_STYLE_OVERRIDE"_s})
        environment.remove(name);
    environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    environment.insert(u"QT_LOGGING_RULES"_s, u"qt.qpa.*=false;procdeck.app.debug=true"_s);
    return environment;
}

QString tst_ToolkitOptions::write(const QString &name, const QByteArray &contents) const
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(contents) != contents.size())
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

void tst_ToolkitOptions::window_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected"); // in the "window shown" line
    const QString sheet = write(u"look.qss"_s, "QTableView { gridline-color: red; }\n");
    const QStringList offscreen = {u"-platform"_s, u"offscreen"_s};
    QTest::newRow("-platform") << offscreen << u"layout direction Qt::LeftToRight"_s;
    QTest::newRow("--platform") << QStringList{u"--platform"_s, u"offscreen"_s} << u"layout direction Qt::LeftToRight"_s;
    QTest::newRow("-style") << offscreen + QStringList{u"-style"_s, u"Fusion"_s} << u"style \"fusion\""_s;
    QTest::newRow("-style=") << offscreen + QStringList{u"-style=windows"_s} << u"style \"windows\""_s;
    QTest::newRow("-reverse") << offscreen + QStringList{u"-reverse"_s} << u"layout direction Qt::RightToLeft"_s;
    QTest::newRow("-stylesheet") << offscreen + QStringList{u"-stylesheet"_s, sheet} << u"style sheet true"_s;
    QTest::newRow("all, with a file") << QStringList{u"-style"_s, u"Fusion"_s, u"-reverse"_s, u"-platform"_s,
                                                     u"offscreen"_s, u"-stylesheet"_s, sheet,
                                                     u"-qwindowgeometry"_s, u"900x600+0+0"_s,
                                                     write(u"s.json"_s, "{\"procdeck\": 1, \"processes\": []}")}
                                      << u"layout direction Qt::RightToLeft style sheet true"_s; // the style: the sheet's
}

// The window comes up with the option applied and runs until it is told to stop; SIGTERM ends
// it as it ends any window (128 + SIGTERM), never with the usage error's 2.
void tst_ToolkitOptions::window()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    QProcess procdeck;
    procdeck.setProcessEnvironment(environment());
    QByteArray log;
    connect(&procdeck, &QProcess::readyReadStandardError, this, [&] { log += procdeck.readAllStandardError(); });
    QSignalSpy finished(&procdeck, &QProcess::finished);
    const auto stopOnFailure = qScopeGuard([&procdeck, &finished] {
        if (procdeck.state() != QProcess::NotRunning) {
            procdeck.kill();
            finished.wait(10000);
        }
    });
    procdeck.start(QStringLiteral(PD_APP_PATH), arguments);
    QVERIFY(procdeck.waitForStarted(10000));
    const auto shownLine = [&log] {
        const qsizetype at = log.indexOf("window shown:");
        const qsizetype end = at < 0 ? -1 : log.indexOf('\n', at);
        return end < 0 ? QString() : QString::fromUtf8(log.mid(at, end - at)).simplified();
    };
    QTRY_VERIFY2_WITH_TIMEOUT(!shownLine().isEmpty() || !finished.isEmpty(), log.constData(), 60000);
    QVERIFY2(finished.isEmpty(), log.constData());
    const QString shown = shownLine();
    QVERIFY2(shown.contains(expected, Qt::CaseInsensitive), qPrintable(shown));
    procdeck.terminate();
    QVERIFY(finished.wait(20000));
    QCOMPARE(procdeck.exitStatus(), QProcess::NormalExit);
    QCOMPARE(procdeck.exitCode(), 128 + SIGTERM);
}

void tst_ToolkitOptions::withoutWindow_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("output");
    const QString session = write(u"hello.json"_s,
        "{\"procdeck\": 1, \"processes\": [{\"name\": \"hi\", \"program\": \"/bin/echo\", \"args\": [\"hello\"]}]}");
    const QStringList qt = {u"-style"_s, u"Fusion"_s, u"-reverse"_s, u"-platform"_s, u"offscreen"_s,
                            u"-stylesheet"_s, m_dir.filePath(u"none.qss"_s)};
    QTest::newRow("--version") << qt + QStringList{u"--version"_s} << QByteArray("procdeck ");
    QTest::newRow("--help") << qt + QStringList{u"--help"_s} << QByteArray("-stylesheet FILE");
    QTest::newRow("--headless") << QStringList{u"--headless"_s} + qt + QStringList{session} << QByteArray("hi | hello\n");
}

// No display is needed, and Qt's options change nothing there.
void tst_ToolkitOptions::withoutWindow()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, output);
    QProcess procdeck;
    procdeck.setProcessEnvironment(environment());
    QSignalSpy finished(&procdeck, &QProcess::finished);
    procdeck.start(QStringLiteral(PD_APP_PATH), arguments);
    QVERIFY(finished.wait(60000));
    const QByteArray errors = procdeck.readAllStandardError();
    QCOMPARE(procdeck.exitStatus(), QProcess::NormalExit);
    QVERIFY2(procdeck.exitCode() == 0, errors.constData());
    QVERIFY2(procdeck.readAllStandardOutput().contains(output), errors.constData());
}

QTEST_GUILESS_MAIN(tst_ToolkitOptions)
#include "tst_toolkitoptions.moc"
