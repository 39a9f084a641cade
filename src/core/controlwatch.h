#pragma once

#include "controlstream.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QTimer>

class ManagedProcess;
class OutputLog;
class ProcessManager;

// `watch` (docs/control-protocol.md): the whole session for an attached window. First an
// `entries` event (every entry's describeEntry() with its spec as a session file has it, and the
// session's base folder), then each entry's kept output in `output` events (history, entry by
// entry), then live: `entries` whenever rows changed (coalesced, at most one per EntriesIntervalMs,
// the whole list), `output` as lines are completed (entries taking turns), `cleared` when an
// entry's output was cleared. An entry's output is sent only once an `entries` event has listed
// it. Lines its log dropped before they were sent are a note "… N lines skipped".
class ControlWatch final : public ControlStream
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlWatch)

public:
    ControlWatch(QJsonValue id, ProcessManager *manager, QObject *parent);
    ~ControlWatch() override;

    bool produce(QByteArray &out) override;

    static constexpr int EntriesIntervalMs = 100;

private:
    struct Cursor
    {
        const OutputLog *log = nullptr;
        qint64 next = 0;         // the first line not sent yet
        qint64 historyEnd = 0;   // the end of the lines kept when the watch began
        bool listed = false;     // an entries event has listed the entry: its output may go
        bool cleared = false;    // a `cleared` event is due
    };

    void track(ManagedProcess *process);
    void rowsChanged();
    QByteArray entriesEvent();
    // The next output event of the process (its lines before line `before`) or its cleared
    // event; empty when it has none.
    QByteArray outputEvent(ManagedProcess *process, Cursor &cursor, qint64 before);
    QJsonObject specOf(ManagedProcess *process);

    ProcessManager *m_manager = nullptr;
    QHash<const ManagedProcess *, Cursor> m_cursors;
    QHash<const ManagedProcess *, QJsonObject> m_specs; // the spec objects, until specChanged
    QTimer m_entriesTimer;      // runs while an entries event has to wait for its turn
    QElapsedTimer m_sinceEntries;
    int m_turn = 0;             // the entry whose live output goes first in the next pass
    bool m_entriesDue = true;
    bool m_history = true;      // the kept output is being sent, entry by entry
};
