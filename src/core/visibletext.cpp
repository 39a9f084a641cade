#include "visibletext.h"

namespace VisibleText {

char32_t visibleCodePoint(char32_t c)
{
    if (c < 0x20)
        return 0x2400 + c;
    if (c == 0x7F)
        return 0x2421;
    return isHidden(c) ? char32_t(0xFFFD) : c;
}

QString visible(QStringView text, Tabs tabs)
{
    // Every hidden character is in the BMP and none is a surrogate: a UTF-16 unit at a time is
    // enough, and surrogate pairs pass through untouched.
    QString result = text.toString();
    for (QChar &c : result) {
        const char16_t u = c.unicode();
        if (isHidden(u) && !(tabs == Tabs::Keep && u == u'\t'))
            c = QChar(char16_t(visibleCodePoint(u)));
    }
    return result;
}

QString visibleLines(QStringView text)
{
    QString result = visible(text, Tabs::Keep);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\n')
            result[i] = u'\n';
    }
    return result;
}

} // namespace VisibleText
