#include "healthmonitor.h"

#include "managedprocess.h"
#include "processmanager.h"

HealthMonitor::HealthMonitor(ProcessManager *manager)
    : QObject(manager)
    , m_manager(manager)
{
    connect(manager, &ProcessManager::processAdded, this, [this](int row) { attach(m_manager->at(row)); });
    for (ManagedProcess *process : manager->processes())
        attach(process);
}

HealthCheck *HealthMonitor::check(const ManagedProcess *process, HealthCheck::Role role)
{
    if (!process)
        return nullptr;
    for (HealthCheck *check : process->findChildren<HealthCheck *>(Qt::FindDirectChildrenOnly)) {
        if (check->role() == role)
            return check;
    }
    return nullptr;
}

void HealthMonitor::attach(ManagedProcess *process)
{
    // A mirror's checks are run by the ProcDeck it mirrors.
    if (!process || process->isMirror() || check(process, HealthCheck::Role::Readiness))
        return;
    new HealthCheck(process, HealthCheck::Role::Readiness);
    new HealthCheck(process, HealthCheck::Role::Liveness);
}
