// The translations: every message of each .ts file translated, placeholders, accelerators, HTML
// and technical names kept, the Chinese glossary (docs/translations.md) held to, the .qm files
// the executable embeds answering as expected, and the executable choosing them by LANG.

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    bool finished = true;
    QStringList translations; // one, or one per plural form
};

QString tsPath(const QString &language)
{
    return QStringLiteral(PD_SOURCE_DIR "/resources/translations/procdeck_") + language + u".ts"_s;
}

// Reads one <message>: its source, and its translation or plural forms.
TsMessage readMessage(QXmlStreamReader &xml, const QString &context)
{
    TsMessage message;
    message.context = context;
    message.numerus = xml.attributes().value(u"numerus"_s) == u"yes";
    while (xml.readNextStartElement()) {
        if (xml.name() == u"source") {
            message.source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            const QStringView type = xml.attributes().value(u"type"_s);
            message.finished = type.isEmpty();
            if (!message.numerus) {
                message.translations << xml.readElementText();
                continue;
            }
            while (xml.readNextStartElement()) {
                if (xml.name() == u"numerusform")
                    message.translations << xml.readElementText();
                else
                    xml.skipCurrentElement();
            }
        } else {
            xml.skipCurrentElement();
        }
    }
    return message;
}

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name")
            context = xml.readElementText();
        else if (xml.name() == u"message")
            messages << readMessage(xml, context);
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QString describe(const TsMessage &message, const QString &translation)
{
    return message.context + u": \""_s + message.source + u"\" -> \""_s + translation + u'"';
}

// The sorted list of what a translation must carry over unchanged.
QStringList matches(const QRegularExpression &pattern, const QString &text)
{
    QStringList found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found << match.captured();
    found.sort();
    return found;
}

const QStringList technicalNames = {u"PID"_s, u"SIGTERM"_s, u"SIGKILL"_s, u"SIGINT"_s,
                                    u"stdin"_s, u"stdout"_s, u"stderr"_s, u"JSON"_s,
                                    u"Procfile"_s, u"cgroup"_s, u"systemd"_s};

} // namespace

class tst_Translations final : public QObject
{
    Q_OBJECT

private slots:
    void languages_data();
    void complete_data() { languages_data(); }
    void complete();
    void keepsWhatIsNotTranslated_data() { languages_data(); }
    void keepsWhatIsNotTranslated();
    void chineseGlossary_data();
    void chineseGlossary();
    void chinesePunctuation();
    void embeddedTranslation_data();
    void embeddedTranslation();
    void executableFollowsLocale_data();
    void executableFollowsLocale();
};

void tst_Translations::languages_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << u"de"_s;
    QTest::newRow("zh_CN") << u"zh_CN"_s;
}

void tst_Translations::complete()
{
    QFETCH(QString, language);
    QString error;
    const QList<TsMessage> messages = readTs(tsPath(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 400);
    for (const TsMessage &message : messages) {
        QVERIFY2(message.finished, qPrintable(u"unfinished: "_s + describe(message, {})));
        QVERIFY2(!message.translations.isEmpty(), qPrintable(describe(message, {})));
        for (const QString &translation : message.translations)
            QVERIFY2(!translation.isEmpty(), qPrintable(u"empty: "_s + describe(message, translation)));
    }
}

// %1..%9 and %n, the & of accelerators, HTML tags and technical names survive translation.
void tst_Translations::keepsWhatIsNotTranslated()
{
    QFETCH(QString, language);
    static const QRegularExpression placeholder(u"%[1-9n]"_s);
    static const QRegularExpression tag(u"</?[a-z0-9]+>"_s);
    QString error;
    const QList<TsMessage> messages = readTs(tsPath(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const TsMessage &message : messages) {
        for (const QString &translation : message.translations) {
            const QByteArray what = describe(message, translation).toUtf8();
            QVERIFY2(matches(placeholder, translation) == matches(placeholder, message.source), what);
            QVERIFY2(translation.count(u'&') == message.source.count(u'&'), what);
            QVERIFY2(matches(tag, translation) == matches(tag, message.source), what);
            for (const QString &name : technicalNames) {
                if (message.source.contains(name))
                    QVERIFY2(translation.contains(name), what);
            }
        }
    }
}

// Each English term, wherever it stands in a source (accelerator removed), has its one Chinese
// term in the translation: docs/translations.md.
void tst_Translations::chineseGlossary_data()
{
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("chinese");
    QTest::newRow("entry") << u"\\bentr(y|ies)\\b"_s << u"条目"_s;
    QTest::newRow("process") << u"\\bprocess(es)?\\b"_s << u"进程"_s;
    QTest::newRow("terminate") << u"\\bterminat(?!e\\()"_s << u"终止"_s;
    QTest::newRow("kill") << u"(?<!SIG)\\bkill(?!\\()"_s << u"杀死"_s;
    QTest::newRow("join") << u"\\bjoin(?!\\()"_s << u"等待"_s;
    QTest::newRow("restart") << u"\\brestart"_s << u"重启"_s;
    QTest::newRow("pause") << u"\\bpause"_s << u"暂停"_s;
    QTest::newRow("resume") << u"\\bresume\\b"_s << u"继续"_s;
    QTest::newRow("signal") << u"\\bsignal"_s << u"信号"_s;
    QTest::newRow("session") << u"\\bsession"_s << u"会话"_s;
    QTest::newRow("output") << u"\\boutput\\b(?!\\.txt)"_s << u"输出"_s;
    QTest::newRow("grace period") << u"\\bgrace period\\b"_s << u"宽限期"_s;
    QTest::newRow("process tree") << u"\\bprocess tree\\b"_s << u"进程树"_s;
    QTest::newRow("working directory") << u"\\bworking directory\\b"_s << u"工作目录"_s;
    QTest::newRow("memory maximum") << u"\\bmemory maximum\\b"_s << u"内存上限"_s;
    QTest::newRow("daemon") << u"\\bdaemons?\\b"_s << u"守护进程"_s;
}

void tst_Translations::chineseGlossary()
{
    QFETCH(QString, english);
    QFETCH(QString, chinese);
    const QRegularExpression term(english, QRegularExpression::CaseInsensitiveOption);
    QVERIFY(term.isValid());
    QString error;
    const QList<TsMessage> messages = readTs(tsPath(u"zh_CN"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    int uses = 0;
    for (const TsMessage &message : messages) {
        QString source = message.source;
        if (!term.match(source.remove(u'&')).hasMatch())
            continue;
        ++uses;
        for (const QString &translation : message.translations)
            QVERIFY2(translation.contains(chinese), qPrintable(describe(message, translation)));
    }
    QVERIFY(uses > 0);
}

// Full-width punctuation in Chinese sentences: no ASCII comma, colon, semicolon, question or
// exclamation mark right after a Chinese character, and a label's colon is "：". Also no 加入
// for join (the glossary says why).
void tst_Translations::chinesePunctuation()
{
    static const QRegularExpression asciiAfterHan(u"\\p{Han}[,:;?!]"_s);
    QString error;
    const QList<TsMessage> messages = readTs(tsPath(u"zh_CN"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const TsMessage &message : messages) {
        for (const QString &translation : message.translations) {
            const QByteArray what = describe(message, translation).toUtf8();
            QVERIFY2(!asciiAfterHan.match(translation).hasMatch(), what);
            if (message.source.endsWith(u':'))
                QVERIFY2(translation.endsWith(u'：'), what);
            QVERIFY2(!translation.contains(u"加入"_s), what);
        }
    }
}

void tst_Translations::embeddedTranslation_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");
    const QString stillRunning = u"%n entries are still running."_s;
    QTest::newRow("zh terminate") << u"zh_CN"_s << u"MainWindow"_s << u"&Terminate"_s << -1 << u"终止(&T)"_s;
    QTest::newRow("zh kill") << u"zh_CN"_s << u"MainWindow"_s << u"&Kill"_s << -1 << u"杀死(&K)"_s;
    QTest::newRow("zh join") << u"zh_CN"_s << u"MainWindow"_s << u"&Join…"_s << -1 << u"等待结束(&J)…"_s;
    QTest::newRow("zh running") << u"zh_CN"_s << u"ProcessTableModel"_s << u"Running"_s << -1 << u"运行中"_s;
    QTest::newRow("zh exit code") << u"zh_CN"_s << u"ManagedProcess"_s << u"exited with code %1"_s << -1
                                  << u"以退出码 %1 退出"_s;
    QTest::newRow("zh one") << u"zh_CN"_s << u"MainWindow"_s << stillRunning << 1 << u"1 个条目仍在运行。"_s;
    QTest::newRow("zh three") << u"zh_CN"_s << u"MainWindow"_s << stillRunning << 3 << u"3 个条目仍在运行。"_s;
    QTest::newRow("de terminate") << u"de"_s << u"MainWindow"_s << u"&Terminate"_s << -1 << u"&Terminieren"_s;
    QTest::newRow("de interrupt") << u"de"_s << u"OutputPane"_s << u"Interrupt"_s << -1 << u"Unterbrechen"_s;
    QTest::newRow("de out of memory") << u"de"_s << u"ProcessTableModel"_s << u"Failed: out of memory"_s << -1
                                      << u"Fehlgeschlagen: Speicher erschöpft"_s;
}

// The .qm files built into the executable (lrelease's output beside it), found the way main.cpp
// finds them: by locale, "procdeck", "_".
void tst_Translations::embeddedTranslation()
{
    QFETCH(QString, language);
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(int, n);
    QFETCH(QString, expected);
    QTranslator translator;
    QVERIFY(translator.load(QLocale(language), u"procdeck"_s, u"_"_s, QStringLiteral(PD_QM_DIR)));
    QVERIFY2(translator.filePath().endsWith(u"procdeck_"_s + language + u".qm"_s), qPrintable(translator.filePath()));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString translated = QCoreApplication::translate(context.toUtf8().constData(),
                                                           source.toUtf8().constData(), nullptr, n);
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(translated, expected);
}

void tst_Translations::executableFollowsLocale_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zh_CN.UTF-8") << u"zh_CN.UTF-8"_s << u"zh_CN"_s << u"：无法读取文件："_s;
    QTest::newRow("zh_CN, no LANGUAGE") << u"zh_CN"_s << QString() << u"：无法读取文件："_s;
    QTest::newRow("de_DE.UTF-8") << u"de_DE.UTF-8"_s << u"de"_s << u": die Datei kann nicht gelesen werden: "_s;
    QTest::newRow("C.UTF-8") << u"C.UTF-8"_s << QString() << u": cannot read the file: "_s;
}

// A headless run on a missing file reports it in the language LANG (and LANGUAGE) name.
void tst_Translations::executableFollowsLocale()
{
    QFETCH(QString, lang);
    QFETCH(QString, language);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"LC_ALL"_s, u"LC_MESSAGES"_s, u"LANGUAGE"_s})
        environment.remove(name);
    environment.insert(u"LANG"_s, lang);
    if (!language.isEmpty())
        environment.insert(u"LANGUAGE"_s, language);
    environment.insert(u"XDG_CONFIG_HOME"_s, dir.path());
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(PD_APP_PATH), {u"--headless"_s, dir.filePath(u"absent.json"_s)});
    QVERIFY(finished.wait(30000));
    QCOMPARE(process.exitCode(), 2);
    const QString errorOutput = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(errorOutput.contains(expected), qPrintable(errorOutput));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
