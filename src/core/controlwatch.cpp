#include "controlwatch.h"

#include "controlprotocol.h"
#include "managedprocess.h"
#include "outputdecoder.h"
#include "outputlog.h"
#include "outputprinter.h"
#include "processmanager.h"
#include "sessionfile.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <climits>

using namespace Qt::StringLiterals;

namespace {

QString streamName(OutputStream stream)
{
    switch (stream) {
    case OutputStream::Stdout:
        return u"out"_s;
    case OutputStream::Stderr:
        return u"err"_s;
    case OutputStream::Message:
        break;
    }
    return u"note"_s;
}

QJsonObject lineObject(OutputStream stream, int run, qint64 timeMs, const QString &text, bool continued)
{
    QJsonObject line{{u"stream"_s, streamName(stream)}, {u"run"_s, run}, {u"timeMs"_s, timeMs}, {u"text"_s, text}};
    if (continued)
        line.insert(u"continued"_s, true);
    return line;
}

} // namespace

ControlWatch::ControlWatch(QJsonValue id, ProcessManager *manager, QObject *parent)
    : ControlStream(std::move(id), parent)
    , m_manager(manager)
{
    m_entriesTimer.setSingleShot(true);
    connect(&m_entriesTimer, &QTimer::timeout, this, &ControlStream::ready);
    for (ManagedProcess *process : manager->processes())
        track(process);
    connect(manager, &ProcessManager::processAdded, this, [this](int row) {
        track(m_manager->at(row));
        rowsChanged();
    });
    connect(manager, &ProcessManager::processAboutToBeRemoved, this, [this](int row) {
        const ManagedProcess *process = m_manager->at(row);
        m_cursors.remove(process);
        m_specs.remove(process);
    });
    connect(manager, &ProcessManager::processRemoved, this, &ControlWatch::rowsChanged);
    connect(manager, &ProcessManager::processesChanged, this, &ControlWatch::rowsChanged);
}

ControlWatch::~ControlWatch() = default;

void ControlWatch::track(ManagedProcess *process)
{
    OutputLog *log = process->output();
    // The lines kept now are history when the watch begins (the output of an entry added later is live).
    const qint64 historyEnd = m_history && !m_sinceEntries.isValid() ? log->endLineNumber() : 0;
    m_cursors.insert(process, {log, log->firstLineNumber(), historyEnd, false, false});
    connect(log, &OutputLog::changed, this, &ControlStream::ready);
    connect(log, &OutputLog::cleared, this, [this, process, log] {
        const auto found = m_cursors.find(process);
        if (found == m_cursors.end())
            return;
        found->next = log->endLineNumber();
        found->cleared = found->listed;
        emit ready();
    });
    connect(process, &ManagedProcess::specChanged, this, [this, process] { m_specs.remove(process); });
}

// Rows changed: an entries event, at once when the last one is EntriesIntervalMs old, else when it is.
void ControlWatch::rowsChanged()
{
    m_entriesDue = true;
    if (m_entriesTimer.isActive())
        return;
    const qint64 elapsed = m_sinceEntries.isValid() ? m_sinceEntries.elapsed() : EntriesIntervalMs;
    m_entriesTimer.start(int(std::max<qint64>(0, EntriesIntervalMs - elapsed)));
}

bool ControlWatch::produce(QByteArray &out)
{
    if (m_entriesDue && !m_entriesTimer.isActive()) {
        out += entriesEvent();
        return true;
    }
    const QList<ManagedProcess *> processes = m_manager->processes();
    const qsizetype count = processes.size();
    // History: the lines kept when the watch began, entry by entry, in order. Then live: each
    // entry in turn, so that a flood does not hold back the others.
    for (const bool history : {true, false}) {
        if (history != m_history)
            continue;
        const qsizetype first = history || count == 0 ? 0 : m_turn % count;
        for (qsizetype i = 0; i < count; ++i) {
            ManagedProcess *process = processes.at((first + i) % count);
            const auto cursor = m_cursors.find(process);
            if (cursor == m_cursors.end() || !cursor->listed)
                continue;
            const QByteArray event = outputEvent(process, *cursor, history ? cursor->historyEnd : LLONG_MAX);
            if (!event.isEmpty()) {
                out += event;
                m_turn = int((first + i + 1) % count);
                return true;
            }
        }
        m_history = false;
    }
    return false;
}

QByteArray ControlWatch::entriesEvent()
{
    m_entriesDue = false;
    m_sinceEntries.start();
    QJsonArray entries;
    for (ManagedProcess *process : m_manager->processes()) {
        QJsonObject entry = ControlProtocol::describeEntry(process);
        entry.insert(u"spec"_s, specOf(process));
        entries.append(entry);
        if (const auto cursor = m_cursors.find(process); cursor != m_cursors.end())
            cursor->listed = true;
    }
    const QString base = m_manager->baseDirectory();
    return encode({{u"event"_s, u"entries"_s},
                   {u"baseDirectory"_s, QDir(base.isEmpty() ? QDir::currentPath() : base).absolutePath()},
                   {u"entries"_s, entries}});
}

// The entry's own spec (a copy's: its own name, no `replicas`) as the session file writes it.
QJsonObject ControlWatch::specOf(ManagedProcess *process)
{
    if (const auto cached = m_specs.constFind(process); cached != m_specs.constEnd())
        return *cached;
    Session session;
    session.processes.append(process->spec());
    const QJsonObject spec = QJsonDocument::fromJson(SessionFile::toJson(session))
                                 .object().value(u"processes"_s).toArray().first().toObject();
    m_specs.insert(process, spec);
    return spec;
}

QByteArray ControlWatch::outputEvent(ManagedProcess *process, Cursor &cursor, qint64 before)
{
    if (cursor.cleared) {
        cursor.cleared = false;
        return encode({{u"event"_s, u"cleared"_s}, {u"entry"_s, process->id()}});
    }
    const OutputLog &log = *cursor.log;
    const qint64 end = std::min(before, log.endLineNumber() - (log.hasOpenLine() ? 1 : 0)); // complete lines only
    if (cursor.next >= end)
        return {};
    QJsonArray lines;
    if (cursor.next < log.firstLineNumber()) {
        lines.append(lineObject(OutputStream::Message, log.currentRun(), QDateTime::currentMSecsSinceEpoch(),
                                skippedLinesNote(log.firstLineNumber() - cursor.next), false));
        cursor.next = log.firstLineNumber();
    }
    for (; cursor.next < end && lines.size() < ChunkLines; ++cursor.next) {
        if (const OutputLog::PlainText plain = log.plainLine(cursor.next); plain.plain) {
            lines.append(lineObject(plain.stream, plain.run, plain.timeMs, QString::fromLatin1(plain.text), plain.continued));
            continue;
        }
        const OutputLine &line = log.line(cursor.next);
        QJsonObject object = lineObject(line.stream, line.run, line.timeMs, line.text, line.continued);
        if (!line.spans.isEmpty() && line.stream != OutputStream::Message)
            object.insert(u"ansi"_s, ansiStyledText(line.text, line.spans)); // its colours
        lines.append(object);
    }
    if (lines.isEmpty())
        return {};
    return encode({{u"event"_s, u"output"_s}, {u"entry"_s, process->id()}, {u"lines"_s, lines}});
}
