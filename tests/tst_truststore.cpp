#include "truststore.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_TrustStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void approveAndChange();
    void dotEnvChangeAsksAgain();
    void pathMatters();
    void symlinkIsTheSameFile();
    void forget();
    void defaultStoreIsPersistent();
    void contentHash();
    void commandsToRun();
    void commandsToRunAll();
    void autostartShowsWhatItDependsOn();

private:
    QString writeFile(const QString &name, const QByteArray &contents);
    QTemporaryDir m_dir;
};

void tst_TrustStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

QString tst_TrustStore::writeFile(const QString &name, const QByteArray &contents)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(contents);
    return path;
}

void tst_TrustStore::approveAndChange()
{
    TrustStore store(m_dir.filePath(u"trust1.ini"_s));
    const QString path = writeFile(u"a.json"_s, "one");
    QVERIFY(!store.isTrusted(path, "one"));
    store.approve(path, "one");
    QVERIFY(store.isTrusted(path, "one"));
    QVERIFY(!store.isTrusted(path, "one ")); // changed content asks again
    store.approve(path, "two");
    QVERIFY(store.isTrusted(path, "two"));
    QVERIFY(!store.isTrusted(path, "one")); // only the latest approved content

    // Kept on disk: a new store over the same file agrees.
    TrustStore again(m_dir.filePath(u"trust1.ini"_s));
    QVERIFY(again.isTrusted(path, "two"));
}

// Consent covers everything that decides what runs: for a Procfile, the `.env` beside it too.
// Changing it, adding it or removing it asks again (SessionFile::LoadResult::consentContents).
void tst_TrustStore::dotEnvChangeAsksAgain()
{
    QVERIFY(QDir(m_dir.path()).mkpath(u"procfile"_s));
    const QString procfile = writeFile(u"procfile/Procfile"_s, "web: echo $GREETING\n");
    const auto consent = [&procfile] {
        const SessionFile::LoadResult loaded = SessionFile::load(procfile);
        return loaded.ok() ? loaded.consentContents : QByteArray();
    };
    TrustStore store(m_dir.filePath(u"trust-env.ini"_s));
    const QByteArray withoutEnv = consent();
    QVERIFY(!withoutEnv.isEmpty());
    store.approve(procfile, withoutEnv);
    QVERIFY(store.isTrusted(procfile, consent()));

    QVERIFY(!writeFile(u"procfile/.env"_s, "").isEmpty()); // an empty .env appears
    QVERIFY(!store.isTrusted(procfile, consent()));
    writeFile(u"procfile/.env"_s, "GREETING=hello\n");
    const QByteArray approved = consent();
    QVERIFY(!store.isTrusted(procfile, approved));
    store.approve(procfile, approved);
    QVERIFY(store.isTrusted(procfile, consent()));

    writeFile(u"procfile/.env"_s, "GREETING=$(rm -rf ~)\n"); // the Procfile itself is unchanged
    QVERIFY(!store.isTrusted(procfile, consent()));
    QVERIFY(QFile::remove(m_dir.filePath(u"procfile/.env"_s)));
    QVERIFY(!store.isTrusted(procfile, consent()));

    // A JSON session's consent is its bytes, as before: records made earlier still hold.
    const QString json = writeFile(u"procfile/s.json"_s, R"({"procdeck": 1})");
    QCOMPARE(SessionFile::load(json).consentContents, QByteArray(R"({"procdeck": 1})"));
}

void tst_TrustStore::pathMatters()
{
    TrustStore store(m_dir.filePath(u"trust2.ini"_s));
    const QString a = writeFile(u"p1.json"_s, "same");
    const QString b = writeFile(u"p2.json"_s, "same");
    store.approve(a, "same");
    QVERIFY(store.isTrusted(a, "same"));
    QVERIFY(!store.isTrusted(b, "same"));
    // Spelled differently, the same file.
    QVERIFY(store.isTrusted(m_dir.path() + u"/./sub/../p1.json"_s, "same"));
}

void tst_TrustStore::symlinkIsTheSameFile()
{
    TrustStore store(m_dir.filePath(u"trust3.ini"_s));
    const QString target = writeFile(u"target.json"_s, "x");
    const QString link = m_dir.filePath(u"link.json"_s);
    QVERIFY(QFile::link(target, link));
    store.approve(link, "x");
    QVERIFY(store.isTrusted(target, "x"));
    QCOMPARE(TrustStore::canonicalPath(link), TrustStore::canonicalPath(target));
}

void tst_TrustStore::forget()
{
    TrustStore store(m_dir.filePath(u"trust4.ini"_s));
    const QString path = writeFile(u"f.json"_s, "c");
    store.approve(path, "c");
    QVERIFY(store.isTrusted(path, "c"));
    store.forget(path);
    QVERIFY(!store.isTrusted(path, "c"));
}

void tst_TrustStore::defaultStoreIsPersistent()
{
    const QString path = writeFile(u"default.json"_s, "d");
    {
        TrustStore store;
        store.forget(path);
        QVERIFY(!store.isTrusted(path, "d"));
        store.approve(path, "d");
    }
    TrustStore store;
    QVERIFY(store.isTrusted(path, "d"));
    // In the ProcDeck settings, group "trust", with the path readable beside its hash.
    QSettings settings(u"ProcDeck"_s, u"ProcDeck"_s);
    settings.beginGroup(u"trust"_s);
    bool found = false;
    for (const QString &group : settings.childGroups())
        found = found || settings.value(group + u"/path"_s).toString() == TrustStore::canonicalPath(path);
    QVERIFY(found);
    store.forget(path);
}

void tst_TrustStore::contentHash()
{
    QCOMPARE(TrustStore::contentHash(""), QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

void tst_TrustStore::commandsToRun()
{
    const QByteArray json = R"({"procdeck": 1, "processes": [
        {"name": "web", "program": "python3", "args": ["-m", "http.server", "8 000"], "autostart": true,
         "workingDirectory": "site", "environment": {"PORT": "8000", "DEBUG": null}},
        {"name": "manual", "program": "rm", "args": ["-rf", "/tmp/x"]},
        {"name": "sh", "shell": "echo $HOME; ls *", "autostart": true},
        {"name": "abs", "program": "/bin/true", "workingDirectory": "/var/tmp", "autostart": true}
    ]})";
    const SessionFile::LoadResult loaded = SessionFile::parseJson(json, u"s.json"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));

    const QList<CommandPreview> commands = TrustStore::commandsToRun(*loaded.session, u"/home/u/project"_s);
    QCOMPARE(commands.size(), 3);

    QCOMPARE(commands.at(0).name, u"web"_s);
    QCOMPARE(commands.at(0).program, u"python3"_s);
    QCOMPARE(commands.at(0).arguments, (QStringList{u"-m"_s, u"http.server"_s, u"8 000"_s}));
    QCOMPARE(commands.at(0).workingDirectory, u"/home/u/project/site"_s);
    QCOMPARE(commands.at(0).environment.size(), 2);
    QVERIFY(commands.at(0).environment.contains(EnvironmentChange{u"DEBUG"_s, std::nullopt}));
    QVERIFY(commands.at(0).environment.contains(EnvironmentChange{u"PORT"_s, u"8000"_s}));
    QCOMPARE(commands.at(0).commandLine, u"python3 -m http.server '8 000'"_s);

    QCOMPARE(commands.at(1).name, u"sh"_s);
    QCOMPARE(commands.at(1).program, u"/bin/sh"_s);
    QCOMPARE(commands.at(1).arguments, (QStringList{u"-c"_s, u"echo $HOME; ls *"_s}));
    QCOMPARE(commands.at(1).workingDirectory, QDir::currentPath());
    QCOMPARE(commands.at(1).commandLine, u"/bin/sh -c 'echo $HOME; ls *'"_s);

    QCOMPARE(commands.at(2).workingDirectory, u"/var/tmp"_s);
}

void tst_TrustStore::commandsToRunAll()
{
    Session session;
    ProcessSpec a;
    a.name = u"a"_s;
    a.program = u"x"_s;
    session.processes = {a, a};
    QVERIFY(TrustStore::commandsToRun(session, u"/"_s).isEmpty());
    QCOMPARE(TrustStore::commandsToRun(session, u"/"_s, TrustStore::Which::All).size(), 2);
}

QTEST_GUILESS_MAIN(tst_TrustStore)

// An autostart entry starts what it depends on first: those commands run too, so the trust dialog
// lists them (transitively, through a copy's name too), and nothing else.
void tst_TrustStore::autostartShowsWhatItDependsOn()
{
    const auto entry = [](const QString &name, QList<Dependency> dependsOn = {}) {
        ProcessSpec spec;
        spec.name = name;
        spec.program = u"x"_s;
        spec.dependsOn = std::move(dependsOn);
        return spec;
    };
    Session session;
    ProcessSpec db = entry(u"db"_s);
    ProcessSpec cache = entry(u"cache"_s);
    cache.replicas = 2;
    ProcessSpec migrate = entry(u"migrate"_s, {{u"db"_s, DependencyCondition::Ready}});
    ProcessSpec api = entry(u"api"_s, {{u"migrate"_s, DependencyCondition::Succeeded},
                                      {u"cache-2"_s, DependencyCondition::Started}});
    api.autostart = true;
    ProcessSpec unrelated = entry(u"unrelated"_s);
    session.processes = {db, cache, migrate, api, unrelated};
    QStringList names;
    for (const CommandPreview &command : TrustStore::commandsToRun(session, u"/"_s))
        names << command.name;
    QCOMPARE(names, (QStringList{u"db"_s, u"cache"_s, u"migrate"_s, u"api"_s}));
}

#include "tst_truststore.moc"
