// SPDX-License-Identifier: GPL-3.0-or-later
#include "drillrunrecord.h"

#include "core/enumnames.h"
#include "drillformat.h"

#include <QJsonArray>

#include <algorithm>

namespace Haven {

namespace {

constexpr EnumNames<DrillRunState, 7> StateNames{{{DrillRunState::Running, QLatin1StringView("running")},
                                                  {DrillRunState::Halting, QLatin1StringView("halting")},
                                                  {DrillRunState::Halted, QLatin1StringView("halted")},
                                                  {DrillRunState::Stopped, QLatin1StringView("stopped")},
                                                  {DrillRunState::Completed, QLatin1StringView("completed")},
                                                  {DrillRunState::Interrupted, QLatin1StringView("interrupted")},
                                                  {DrillRunState::Failed, QLatin1StringView("failed")}}};

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

QString toString(DrillRunState state)
{
    return nameOf(StateNames, state);
}

std::optional<DrillRunState> drillRunStateFromString(QStringView text)
{
    return valueOf(StateNames, text);
}

bool isFinal(DrillRunState state)
{
    return state != DrillRunState::Running && state != DrillRunState::Halting;
}

bool InjectedFault::ended() const
{
    return state && (*state == FaultState::Expired || *state == FaultState::Reverted || *state == FaultState::Failed);
}

std::optional<bool> DrillRunRecord::rtoMet() const
{
    if (drill.objectives.rtoSeconds <= 0 || rto.isEmpty())
        return std::nullopt;
    for (const GroupRto &group : rto) {
        if (group.measuredMs < 0 || group.measuredMs > qint64(drill.objectives.rtoSeconds) * 1000)
            return false;
    }
    return true;
}

std::optional<bool> DrillRunRecord::rpoMet() const
{
    if (drill.objectives.rpoSeconds <= 0 || rpo.isEmpty())
        return std::nullopt;
    return worstRpoSeconds() <= drill.objectives.rpoSeconds;
}

qint64 DrillRunRecord::worstRtoMs() const
{
    qint64 worst = -1;
    for (const GroupRto &group : rto)
        worst = std::max(worst, group.measuredMs);
    return worst;
}

double DrillRunRecord::worstRpoSeconds() const
{
    double worst = 0;
    for (const LinkRpo &link : rpo)
        worst = std::max(worst, link.seconds);
    return worst;
}

QJsonObject DrillRunRecord::toJson() const
{
    QJsonArray faultArray;
    for (const InjectedFault &fault : faults) {
        faultArray.append(QJsonObject{{key("actionId"), fault.fault.actionId},
                                      {key("kind"), toString(fault.fault.kind)},
                                      {key("site"), fault.fault.site},
                                      {key("target"), fault.fault.target},
                                      {key("parameters"), fault.fault.parameters},
                                      {key("durationSeconds"), fault.fault.durationSeconds},
                                      {key("startSecond"), fault.fault.startSecond},
                                      {key("key"), fault.key},
                                      {key("faultId"), fault.faultId},
                                      {key("state"), fault.state ? toString(*fault.state) : QString()},
                                      {key("message"), fault.message},
                                      {key("injectedMs"), fault.injectedMs},
                                      {key("expiresMs"), fault.expiresMs},
                                      {key("endedMs"), fault.endedMs},
                                      {key("revertRequested"), fault.revertRequested},
                                      {key("revertConfirmed"), fault.revertConfirmed},
                                      {key("remainingSeconds"), fault.remainingSeconds}});
    }
    QJsonArray rtoArray;
    for (const GroupRto &group : rto)
        rtoArray.append(QJsonObject{{key("group"), group.group},
                                    {key("baselineShare"), group.baselineShare},
                                    {key("measuredMs"), group.measuredMs}});
    QJsonArray rpoArray;
    for (const LinkRpo &link : rpo)
        rpoArray.append(QJsonObject{{key("linkId"), link.linkId},
                                    {key("fromSite"), link.fromSite},
                                    {key("toSite"), link.toSite},
                                    {key("seconds"), link.seconds}});
    QJsonArray expectationArray;
    for (const Expectation &expectation : expectations)
        expectationArray.append(QJsonObject{{key("text"), expectation.text}, {key("held"), expectation.held}});
    return {{key("id"), id},
            {key("drill"), DrillFormat::toJson(drill)},
            {key("state"), toString(state)},
            {key("startedBy"), startedBy},
            {key("startedMs"), startedMs},
            {key("firstFaultMs"), firstFaultMs},
            {key("haltTrippedMs"), haltTrippedMs},
            {key("revertedMs"), revertedMs},
            {key("endedMs"), endedMs},
            {key("reason"), reason},
            {key("executionId"), executionId},
            {key("faults"), faultArray},
            {key("rto"), rtoArray},
            {key("rpo"), rpoArray},
            {key("componentsSeenFailing"), QJsonArray::fromStringList(componentsSeenFailing)},
            {key("expectations"), expectationArray},
            {key("preflight"), preflight}};
}

std::optional<DrillRunRecord> DrillRunRecord::fromJson(const QJsonObject &json, QString *error)
{
    DrillRunRecord record;
    record.id = json.value(key("id")).toString();
    const std::optional<Drill> drill = DrillFormat::fromJson(json.value(key("drill")).toObject(), error);
    const std::optional<DrillRunState> state = drillRunStateFromString(json.value(key("state")).toString());
    if (!drill || !state || record.id.isEmpty()) {
        if (drill)
            *error = QStringLiteral("the drill run has no id or an unknown state");
        return std::nullopt;
    }
    record.drill = *drill;
    record.state = *state;
    record.startedBy = json.value(key("startedBy")).toString();
    record.startedMs = json.value(key("startedMs")).toInteger();
    record.firstFaultMs = json.value(key("firstFaultMs")).toInteger();
    record.haltTrippedMs = json.value(key("haltTrippedMs")).toInteger();
    record.revertedMs = json.value(key("revertedMs")).toInteger();
    record.endedMs = json.value(key("endedMs")).toInteger();
    record.reason = json.value(key("reason")).toString();
    record.executionId = json.value(key("executionId")).toString();
    const QJsonArray faultArray = json.value(key("faults")).toArray();
    for (const QJsonValue &value : faultArray) {
        const QJsonObject object = value.toObject();
        InjectedFault fault;
        fault.fault.actionId = object.value(key("actionId")).toString();
        fault.fault.kind = faultKindFromString(object.value(key("kind")).toString()).value_or(FaultKind::Cpu);
        fault.fault.site = object.value(key("site")).toString();
        fault.fault.target = object.value(key("target")).toString();
        fault.fault.parameters = object.value(key("parameters")).toObject();
        fault.fault.durationSeconds = object.value(key("durationSeconds")).toInt();
        fault.fault.startSecond = object.value(key("startSecond")).toInt();
        fault.key = object.value(key("key")).toString();
        fault.faultId = object.value(key("faultId")).toString();
        fault.state = faultStateFromString(object.value(key("state")).toString());
        fault.message = object.value(key("message")).toString();
        fault.injectedMs = object.value(key("injectedMs")).toInteger();
        fault.expiresMs = object.value(key("expiresMs")).toInteger();
        fault.endedMs = object.value(key("endedMs")).toInteger();
        fault.revertRequested = object.value(key("revertRequested")).toBool();
        fault.revertConfirmed = object.value(key("revertConfirmed")).toBool();
        fault.remainingSeconds = object.value(key("remainingSeconds")).toInt();
        record.faults.append(fault);
    }
    for (const QJsonValue &value : json.value(key("rto")).toArray()) {
        const QJsonObject object = value.toObject();
        record.rto.append({object.value(key("group")).toString(), object.value(key("baselineShare")).toDouble(),
                           object.value(key("measuredMs")).toInteger(-1)});
    }
    for (const QJsonValue &value : json.value(key("rpo")).toArray()) {
        const QJsonObject object = value.toObject();
        record.rpo.append({object.value(key("linkId")).toString(), object.value(key("fromSite")).toString(),
                           object.value(key("toSite")).toString(), object.value(key("seconds")).toDouble()});
    }
    for (const QJsonValue &value : json.value(key("componentsSeenFailing")).toArray())
        record.componentsSeenFailing.append(value.toString());
    for (const QJsonValue &value : json.value(key("expectations")).toArray()) {
        const QJsonObject object = value.toObject();
        record.expectations.append({object.value(key("text")).toString(), object.value(key("held")).toBool()});
    }
    record.preflight = json.value(key("preflight")).toObject();
    return record;
}

} // namespace Haven
