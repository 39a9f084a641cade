#include "shellwords.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace ShellWords {

// A small POSIX-style word splitter: whitespace separates words; single quotes keep everything
// literally; double quotes keep everything but let a backslash escape ", \, $ and `; outside quotes
// a backslash escapes the next character. Nothing is expanded: no variables, globs or commands.
SplitResult split(const QString &line)
{
    enum class Mode { Plain, Single, Double };
    SplitResult result;
    QString word;
    bool inWord = false;
    Mode mode = Mode::Plain;

    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        switch (mode) {
        case Mode::Plain:
            if (c.isSpace()) {
                if (inWord) {
                    result.words.append(word);
                    word.clear();
                    inWord = false;
                }
            } else if (c == u'\'') {
                mode = Mode::Single;
                inWord = true;
            } else if (c == u'"') {
                mode = Mode::Double;
                inWord = true;
            } else if (c == u'\\') {
                inWord = true;
                if (i + 1 < line.size()) {
                    ++i;
                    if (line.at(i) != u'\n') // backslash-newline is a line continuation
                        word.append(line.at(i));
                }
            } else {
                word.append(c);
                inWord = true;
            }
            break;
        case Mode::Single:
            if (c == u'\'')
                mode = Mode::Plain;
            else
                word.append(c);
            break;
        case Mode::Double:
            if (c == u'"') {
                mode = Mode::Plain;
            } else if (c == u'\\' && i + 1 < line.size()
                       && QStringView(u"\"\\$`").contains(line.at(i + 1))) {
                ++i;
                word.append(line.at(i));
            } else {
                word.append(c);
            }
            break;
        }
    }

    if (mode == Mode::Single) {
        result.error = QCoreApplication::translate("ShellWords", "unterminated single quote");
        return result;
    }
    if (mode == Mode::Double) {
        result.error = QCoreApplication::translate("ShellWords", "unterminated double quote");
        return result;
    }
    if (inWord)
        result.words.append(word);
    return result;
}

QString quote(const QString &word)
{
    if (word.isEmpty())
        return u"''"_s;
    static const QString safe = u"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+=.,/:@%^"_s;
    bool needsQuotes = false;
    for (const QChar c : word) {
        if (!safe.contains(c) && c.unicode() < 0x80) {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes)
        return word;
    // Single quotes keep everything; a single quote itself is closed, escaped and reopened.
    QString quoted = word;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

QString join(const QStringList &words)
{
    QStringList quoted;
    quoted.reserve(words.size());
    for (const QString &word : words)
        quoted.append(quote(word));
    return quoted.join(u' ');
}

} // namespace ShellWords
