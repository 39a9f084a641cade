#pragma once

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <optional>

class ManagedProcess;

// join(timeout) for several entries without blocking: waits for each entry's `finished` or the
// deadline, whichever comes first, then reports once. Never calls waitFor*().
class JoinOperation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JoinOperation)

public:
    struct Outcome
    {
        int processId = 0;
        QString name;
        bool exited = false;   // false: still alive at the deadline (or removed, or cancelled)
        int exitCode = 0;      // Python style, valid when exited
        qint64 waitedMs = 0;   // from the join's start until this entry's end (or the deadline)
        QString describe() const; // "worker: exited with 0 after 1.2 s" / "still alive after 0.3 s"
    };

    // timeoutMs < 0: no limit.
    JoinOperation(const QList<ManagedProcess *> &processes, qint64 timeoutMs, QObject *parent = nullptr);

    void start();
    void cancel(); // reports at once, entries still running counted as alive
    bool isRunning() const;
    QList<Outcome> outcomes() const;

signals:
    void progress(int finished, int total);
    void done(const QList<JoinOperation::Outcome> &outcomes);

private:
    void check();
    void finish();

    QList<QPointer<ManagedProcess>> m_processes;
    QList<std::optional<Outcome>> m_outcomes;
    QList<int> m_ids;      // as at construction, for entries removed meanwhile
    QStringList m_names;
    qint64 m_timeoutMs = -1;
    QElapsedTimer m_clock;
    QTimer m_deadline;
    bool m_running = false;
};
