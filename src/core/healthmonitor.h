#pragma once

#include "healthcheck.h"

#include <QObject>

class ManagedProcess;
class ProcessManager;

// Gives every entry of a ProcessManager its readiness and liveness checks (HealthCheck), as the
// entry is added; they go with the entry. Each check reads the spec a run started with, so an
// edited spec (setSpec) needs nothing here: it applies from the next run. Owned by the manager,
// so the window and the headless runner both have it.
class HealthMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthMonitor)

public:
    explicit HealthMonitor(ProcessManager *manager);

    // The entry's check in that role; null for an entry of another manager.
    static HealthCheck *check(const ManagedProcess *process, HealthCheck::Role role);

private:
    void attach(ManagedProcess *process);

    ProcessManager *m_manager = nullptr;
};
