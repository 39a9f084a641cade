#include "launchplan.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace Qt::StringLiterals;

// resolveLaunch(): the one decision of what a start executes (see launchplan.h for the rule).
class tst_LaunchPlan : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void resolve_data();
    void resolve();
    void environmentChanges();
    void startErrorText_data();
    void startErrorText();

private:
    void writeFile(const QString &relativePath, bool executable);

    QTemporaryDir m_dir; // the session folder of every row
};

void tst_LaunchPlan::writeFile(const QString &relativePath, bool executable)
{
    const QString path = m_dir.filePath(relativePath);
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\nexit 0\n");
    file.close();
    QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner;
    if (executable)
        permissions |= QFile::ExeOwner;
    QVERIFY(file.setPermissions(permissions));
}

void tst_LaunchPlan::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_dir.path() != QDir::currentPath());
    writeFile(u"work/script.sh"_s, true);
    writeFile(u"script.sh"_s, true);
    writeFile(u"bin/pd-only-here"_s, true);
    writeFile(u"work/tools/pd-relative-path"_s, true);
    writeFile(u"plain.txt"_s, false);
    writeFile(u"bin2/pd-not-executable"_s, false);
}

void tst_LaunchPlan::resolve_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("shell");
    QTest::addColumn<QString>("workingDirectory");
    QTest::addColumn<QString>("path");     // the entry's PATH change; empty: none
    QTest::addColumn<QString>("expectedProgram"); // with {dir} for the session folder, {cwd}
    QTest::addColumn<QString>("expectedDirectory");
    QTest::addColumn<QString>("problem");  // a fragment; empty: starts

    QTest::newRow("absolute program") << u"/bin/sh"_s << QString() << QString() << QString() << u"/bin/sh"_s
                                      << u"{cwd}"_s << QString();
    QTest::newRow("relative program in the working directory")
        << u"./script.sh"_s << QString() << u"work"_s << QString() << u"{dir}/work/script.sh"_s
        << u"{dir}/work"_s << QString();
    QTest::newRow("relative program without working directory: ProcDeck's current directory")
        << u"./script.sh"_s << QString() << QString() << QString() << u"{cwd}/script.sh"_s << u"{cwd}"_s
        << u"no such file or directory: {cwd}/script.sh"_s;
    QTest::newRow("bare name on the entry's own PATH")
        << u"pd-only-here"_s << QString() << QString() << u"{dir}/bin"_s << u"{dir}/bin/pd-only-here"_s
        << u"{cwd}"_s << QString();
    QTest::newRow("relative PATH directory is relative to the working directory")
        << u"pd-relative-path"_s << QString() << u"work"_s << u"tools"_s << u"{dir}/work/tools/pd-relative-path"_s
        << u"{dir}/work"_s << QString();
    QTest::newRow("bare name not in PATH") << u"pd-only-here"_s << QString() << QString() << u"/nonexistent"_s
                                           << u"pd-only-here"_s << u"{cwd}"_s << u"(not found in PATH)"_s;
    QTest::newRow("only a non-executable in PATH")
        << u"pd-not-executable"_s << QString() << QString() << u"{dir}/bin2"_s << u"pd-not-executable"_s << u"{cwd}"_s
        << u"permission denied: {dir}/bin2/pd-not-executable"_s;
    QTest::newRow("missing working directory") << u"./script.sh"_s << QString() << u"missing"_s << QString()
                                               << u"./script.sh"_s << u"{dir}/missing"_s
                                               << u"working directory does not exist: {dir}/missing"_s;
    QTest::newRow("working directory is a file") << u"/bin/sh"_s << QString() << u"plain.txt"_s << QString()
                                                 << u"/bin/sh"_s << u"{dir}/plain.txt"_s
                                                 << u"working directory is not a directory: {dir}/plain.txt"_s;
    QTest::newRow("program is a directory") << u"./work"_s << QString() << u"."_s << QString()
                                            << u"{dir}/work"_s << u"{dir}"_s << u"is a directory: {dir}/work"_s;
    QTest::newRow("program not executable") << u"{dir}/plain.txt"_s << QString() << QString() << QString()
                                            << u"{dir}/plain.txt"_s << u"{cwd}"_s
                                            << u"permission denied: {dir}/plain.txt"_s;
    QTest::newRow("no program") << QString() << QString() << QString() << QString() << QString() << u"{cwd}"_s
                                << u"no program given"_s;
    QTest::newRow("shell entry") << QString() << u"echo hi | cat"_s << u"work"_s << QString() << u"/bin/sh"_s
                                 << u"{dir}/work"_s << QString();
}

void tst_LaunchPlan::resolve()
{
    QFETCH(QString, program);
    QFETCH(QString, shell);
    QFETCH(QString, workingDirectory);
    QFETCH(QString, path);
    QFETCH(QString, expectedProgram);
    QFETCH(QString, expectedDirectory);
    QFETCH(QString, problem);
    const auto expand = [this](QString text) {
        return text.replace(u"{dir}"_s, m_dir.path()).replace(u"{cwd}"_s, QDir::currentPath());
    };

    ProcessSpec spec;
    spec.program = expand(program);
    spec.args = {u"a b"_s, u"c"_s};
    spec.shell = shell;
    spec.workingDirectory = workingDirectory;
    if (!path.isEmpty())
        spec.environment.append(EnvironmentChange{u"PATH"_s, expand(path)});

    const LaunchResolution launch = resolveLaunch(spec, m_dir.path());
    QCOMPARE(launch.plan.program, expand(expectedProgram));
    QCOMPARE(launch.plan.workingDirectory, expand(expectedDirectory));
    if (problem.isEmpty()) {
        QVERIFY2(launch.ok(), qPrintable(launch.problem));
    } else {
        QVERIFY(!launch.ok());
        QVERIFY2(launch.problem.contains(expand(problem)), qPrintable(launch.problem));
    }
    QCOMPARE(launch.plan.arguments, spec.executableArguments());
    if (!path.isEmpty())
        QCOMPARE(launch.plan.environment.value(u"PATH"_s), expand(path));
}

void tst_LaunchPlan::environmentChanges()
{
    QProcessEnvironment inherited;
    inherited.insert(u"KEEP"_s, u"1"_s);
    inherited.insert(u"DROP"_s, u"2"_s);
    inherited.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
    ProcessSpec spec;
    spec.program = u"sh"_s;
    spec.environment = {EnvironmentChange{u"DROP"_s, std::nullopt}, EnvironmentChange{u"NEW"_s, u"x=y"_s}};

    const LaunchResolution launch = resolveLaunch(spec, m_dir.path(), inherited);
    QVERIFY2(launch.ok(), qPrintable(launch.problem));
    QCOMPARE(launch.plan.environment.value(u"KEEP"_s), u"1"_s);
    QVERIFY(!launch.plan.environment.contains(u"DROP"_s));
    QCOMPARE(launch.plan.environment.value(u"NEW"_s), u"x=y"_s);
    QVERIFY(launch.plan.program == u"/usr/bin/sh"_s || launch.plan.program == u"/bin/sh"_s);
}

void tst_LaunchPlan::startErrorText_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("starts");
    QTest::newRow("EMFILE") << EMFILE << u"too many open files ("_s;
    QTest::newRow("ENFILE") << ENFILE << u"too many open files ("_s;
    QTest::newRow("EAGAIN") << EAGAIN << u"too many processes ("_s;
    QTest::newRow("ENOENT") << ENOENT << u"no such file or directory"_s;
    QTest::newRow("EACCES") << EACCES << u"permission denied"_s;
}

void tst_LaunchPlan::startErrorText()
{
    QFETCH(int, error);
    QFETCH(QString, starts);
    const QString text = ::startErrorText(error);
    QVERIFY2(text.startsWith(starts), qPrintable(text));
    // A shortage says that a later Start can work.
    QCOMPARE(text.contains(u"Start again"_s), error == EMFILE || error == ENFILE || error == EAGAIN);
}

QTEST_GUILESS_MAIN(tst_LaunchPlan)
#include "tst_launchplan.moc"
