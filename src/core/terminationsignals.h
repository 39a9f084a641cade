#pragma once

#include <QObject>

#include <memory>

class QSocketNotifier;

// SIGINT, SIGTERM and SIGHUP as a Qt signal: a handler writes the number into a self-pipe (the
// only async-signal-safe way out of a handler) and the event loop reads it through a
// QSocketNotifier. SIGPIPE is ignored meanwhile (a reader that went away must not kill ProcDeck
// before it has stopped the entries: writes then fail with EPIPE). The previous dispositions come
// back when the object goes. One at a time per process: a second one is inactive (isActive()).
class TerminationSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminationSignals)

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

    bool isActive() const;

signals:
    void received(int signal);

private:
    void readPipe();

    std::unique_ptr<QSocketNotifier> m_notifier;
};
