#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

class OutputLog;

// Entries' output as text lines, "name | text" (stdout), "name ! text" (stderr), "name * text"
// (ProcDeck's notes), names padded to the widest: the format of `procdeck --headless` and of
// `procdeck ctl logs`, written by this class only. With colours (a colour per name, `!` in red,
// notes dimmed) when asked.
//
// A printer keeps a cursor per log: collect() appends the lines completed since the last call (an
// open last line waits for its end unless includeOpenLines), across logs in the order their lines
// were completed (OutputMergeCursor); when one log alone has lines, its stored runs of plain lines
// are copied in bulk. Lines a log dropped (its bounds) before the printer reached them are skipped;
// with setMarkSkipped(true) the gap is a note, "name * … N lines skipped".
class OutputPrinter final
{
public:
    void setColour(bool colour);
    bool colour() const;
    void setMarkSkipped(bool mark);

    // A log to print, under `name` (shown with VisibleText: never a control character). Its
    // cursor starts at its first kept line. A log added twice is printed once.
    void addLog(const OutputLog *log, const QString &name);
    void removeLog(const OutputLog *log);
    bool isEmpty() const;
    // Start `log` at its first kept line whose arrival is at or after `timeMs` (ms since the
    // epoch): `logs --since`.
    void skipBefore(const OutputLog *log, qint64 timeMs);

    // Appends the new lines of every log to `out`, at most about `maxLines` of them (< 0: all);
    // returns how many were appended. Call again for the rest.
    qint64 collect(QByteArray &out, bool includeOpenLines = false, qint64 maxLines = -1);
    // Whether collect() would append something now.
    bool hasPending(bool includeOpenLines = false) const;

private:
    struct Source
    {
        const OutputLog *log = nullptr;
        QString name;
        QByteArray paddedName;
        int colour = 0;
        qint64 next = 0; // the first line number not printed yet
    };

    void pad();
    QByteArray prefix(const Source &source, int stream) const;
    qint64 endOf(const Source &source, bool includeOpenLines) const;

    std::vector<Source> m_sources;
    int m_nextColour = 0;
    bool m_colour = false;
    bool m_markSkipped = false;
};

// The note that marks lines a log dropped before a reader reached them: "… N lines skipped"
// (OutputPrinter's, and the `watch` stream's).
QString skippedLinesNote(qint64 count);
