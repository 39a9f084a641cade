// MirrorState::fromJson: an entry object of the control protocol (ControlProtocol::describeEntry)
// read back, for the mirrors of an attached session.
#include "remoteverbs.h"

#include "controlprotocol.h"

#include <QJsonValue>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QDateTime timeOf(const QJsonObject &entry, QStringView key)
{
    const QString text = entry.value(key).toString();
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

// A remaining time (omitted: none, -1).
qint64 remainingOf(const QJsonObject &entry, QStringView key)
{
    const QJsonValue value = entry.value(key);
    return value.isDouble() ? std::max<qint64>(0, value.toInteger()) : -1;
}

} // namespace

std::optional<MirrorState> MirrorState::fromJson(const QJsonObject &entry, bool local)
{
    const std::optional<ManagedProcess::State> state = ControlProtocol::stateFromName(entry.value(u"state"_s).toString());
    if (!state)
        return std::nullopt;
    MirrorState mirror;
    mirror.state = *state;
    if (entry.contains(u"lastRunEnd"_s)) {
        const auto end = ControlProtocol::stateFromName(entry.value(u"lastRunEnd"_s).toString());
        if (!end)
            return std::nullopt;
        mirror.lastRunEnd = *end;
    }
    mirror.readiness = ControlProtocol::readinessFromName(entry.value(u"readiness"_s).toString())
                           .value_or(ManagedProcess::Readiness::NotRunning);
    mirror.pid = entry.value(u"pid"_s).toInteger();
    mirror.treeRootPid = local ? entry.value(u"treeRootPid"_s).toInteger() : 0;
    mirror.startTime = timeOf(entry, u"startTime");
    mirror.endTime = timeOf(entry, u"endTime");
    mirror.runTimeMs = entry.value(u"runTimeMs"_s).toInteger();
    mirror.exitCode = entry.value(u"exitCode"_s).toInt();
    // From a ProcDeck without them: the entry's own, as before (right unless a run began since).
    mirror.lastRunExitCode = entry.value(u"lastRunExitCode"_s).toInt(mirror.exitCode);
    mirror.failureReason = entry.value(u"failureReason"_s).toString();
    mirror.runCount = entry.value(u"runs"_s).toInt();
    mirror.restartCount = entry.value(u"restarts"_s).toInt();
    mirror.restartsInRow = entry.value(u"restartsInRow"_s).toInt();
    mirror.gaveUp = entry.value(u"gaveUp"_s).toBool();
    mirror.unexpected = entry.value(u"unexpected"_s).toBool();
    mirror.lastRunUnexpected = entry.value(u"lastRunUnexpected"_s).toBool(mirror.unexpected);
    mirror.stoppedByUser = entry.value(u"stoppedByUser"_s).toBool();
    mirror.readinessDetail = entry.value(u"readinessDetail"_s).toString();
    if (mirror.state == ManagedProcess::State::WaitingForDependencies)
        mirror.dependencyText = entry.value(u"waitingFor"_s).toString();
    else if (mirror.state == ManagedProcess::State::Blocked)
        mirror.dependencyText = entry.value(u"blockedReason"_s).toString();
    mirror.nextRestartRemainingMs = remainingOf(entry, u"nextRestartMs");
    mirror.stopDeadlineRemainingMs = remainingOf(entry, u"stopDeadlineMs");
    mirror.nextScheduledStart = timeOf(entry, u"nextScheduledStart");
    mirror.cgroupUnit = entry.value(u"cgroupUnit"_s).toString();
    mirror.outOfMemory = entry.value(u"outOfMemory"_s).toBool();
    return mirror;
}
