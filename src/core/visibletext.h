#pragma once

#include <QString>
#include <QStringView>

// The one rule for "make control characters visible": text that came from a session file, a
// Procfile, a `.env` or a child is shown with it before it reaches a terminal, a notification or a
// dialog, so that it can never act there as a control sequence (an entry named
// "ESC ] 0 ; title BEL" would otherwise retitle the terminal of a headless run).
//
// - C0 controls (U+0000-U+001F) become Control Pictures (U+2400 + code), DEL becomes U+2421;
// - C1 controls (U+0080-U+009F), the line and paragraph separators (U+2028, U+2029) and the bidi
//   embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) become U+FFFD: they have
//   no picture, and shown as themselves they reorder or break the text around them.
//
// OutputDecoder uses visibleCodePoint() for child output, HeadlessRunner for names and its own
// messages, OutputLog::appendMessage for ProcDeck's notes, and the window for its dialogs, status
// bar, table and notifications.
namespace VisibleText {

enum class Tabs { Picture, Keep };

// The code point to show for `c`: `c` itself unless the rule above replaces it. A tab becomes a
// picture too; callers that keep tabs (output lines) test for it first.
char32_t visibleCodePoint(char32_t c);

// True if visibleCodePoint(c) != c.
inline bool isHidden(char32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
}

// `text` with every character the rule names replaced. Tabs::Keep leaves tabs (output lines,
// notes); names, paths and messages on one line use Tabs::Picture.
QString visible(QStringView text, Tabs tabs = Tabs::Picture);

// The same for text of several lines: each line made visible (tabs kept), the newlines kept.
QString visibleLines(QStringView text);

} // namespace VisibleText
