#include "stackspec.h"

using namespace Qt::StringLiterals;

QString dependencyConditionToString(DependencyCondition condition)
{
    switch (condition) {
    case DependencyCondition::Started:
        return u"started"_s;
    case DependencyCondition::Ready:
        return u"ready"_s;
    case DependencyCondition::Completed:
        return u"completed"_s;
    case DependencyCondition::Succeeded:
        return u"succeeded"_s;
    }
    return u"started"_s;
}

std::optional<DependencyCondition> dependencyConditionFromString(const QString &text)
{
    for (const DependencyCondition condition : {DependencyCondition::Started, DependencyCondition::Ready,
                                                DependencyCondition::Completed, DependencyCondition::Succeeded}) {
        if (text == dependencyConditionToString(condition))
            return condition;
    }
    return std::nullopt;
}

QString probeKindKey(ProbeSpec::Kind kind)
{
    switch (kind) {
    case ProbeSpec::Kind::None:
        return {};
    case ProbeSpec::Kind::LogLine:
        return u"logLine"_s;
    case ProbeSpec::Kind::Tcp:
        return u"tcp"_s;
    case ProbeSpec::Kind::Http:
        return u"http"_s;
    case ProbeSpec::Kind::Command:
        return u"command"_s;
    }
    return {};
}
