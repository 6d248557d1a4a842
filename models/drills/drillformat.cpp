// SPDX-License-Identifier: GPL-3.0-or-later
#include "drillformat.h"

#include "core/jsonfields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace Haven {

namespace {

QJsonArray stringArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

std::optional<QStringList> stringList(const QJsonArray &array, const QString &path, QString *error)
{
    QStringList list;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString() || array.at(i).toString().isEmpty()) {
            *error = QStringLiteral("%1[%2]: expected a non-empty string").arg(path).arg(i);
            return std::nullopt;
        }
        list.append(array.at(i).toString());
    }
    return list;
}

QString targetRule(FaultKind kind, const DrillTarget &target)
{
    switch (kind) {
    case FaultKind::SiteDark:
        return target.scope == TargetScope::Site ? QString()
                                                 : QStringLiteral("site_dark takes the whole site: scope site");
    case FaultKind::ProcessKill:
        return target.scope == TargetScope::Host ? QStringLiteral("process_kill takes components, not a host")
                                                 : QString();
    case FaultKind::HostDown:
        return target.scope == TargetScope::Component ? QStringLiteral("host_down takes hosts: scope host, layer, "
                                                                       "productGroup or site")
                                                      : QString();
    case FaultKind::Cpu:
    case FaultKind::Memory:
    case FaultKind::Network:
        break;
    }
    return {};
}

} // namespace

QJsonObject DrillFormat::targetToJson(const DrillTarget &target)
{
    QJsonObject json{{QStringLiteral("scope"), toString(target.scope)}, {QStringLiteral("site"), target.site}};
    if (target.scope != TargetScope::Site)
        json.insert(QStringLiteral("value"), target.value);
    return json;
}

std::optional<DrillTarget> DrillFormat::targetFromJson(const QJsonObject &json, const QString &path, QString *error)
{
    JsonFields fields(json, path);
    DrillTarget target;
    target.scope = fields.requiredEnum<TargetScope>(QStringLiteral("scope"), targetScopeFromString,
                                                    allowedTargetScopes());
    target.site = fields.requiredString(QStringLiteral("site"));
    if (fields.ok() && target.scope != TargetScope::Site) {
        target.value = fields.requiredString(QStringLiteral("value"));
        if (fields.ok() && target.scope == TargetScope::Layer && !layerFromString(target.value))
            fields.fail(QStringLiteral("value"), QStringLiteral("expected one of %1").arg(allowedLayers()));
    }
    if (fields.ok() && target.site.isEmpty())
        fields.fail(QStringLiteral("site"), QStringLiteral("required"));
    if (fields.ok() && target.scope != TargetScope::Site && target.value.isEmpty())
        fields.fail(QStringLiteral("value"), QStringLiteral("required for scope %1").arg(toString(target.scope)));
    if (!fields.ok()) {
        *error = fields.error();
        return std::nullopt;
    }
    return target;
}

QJsonObject DrillFormat::toJson(const Drill &drill)
{
    QJsonArray actions;
    for (const FaultAction &action : drill.actions) {
        actions.append(QJsonObject{{QStringLiteral("id"), action.id},
                                   {QStringLiteral("kind"), toString(action.kind)},
                                   {QStringLiteral("target"), targetToJson(action.target)},
                                   {QStringLiteral("parameters"), action.parameters},
                                   {QStringLiteral("startOffsetSeconds"), action.startOffsetSeconds},
                                   {QStringLiteral("durationSeconds"), action.durationSeconds}});
    }
    QJsonArray halts;
    for (const HaltCondition &halt : drill.haltConditions) {
        QJsonObject json{{QStringLiteral("kind"), toString(halt.kind)}, {QStringLiteral("bound"), halt.bound}};
        if (!halt.site.isEmpty())
            json.insert(QStringLiteral("site"), halt.site);
        if (!halt.subject.isEmpty())
            json.insert(QStringLiteral("subject"), halt.subject);
        halts.append(json);
    }
    auto targets = [](const QList<DrillTarget> &list) {
        QJsonArray array;
        for (const DrillTarget &target : list)
            array.append(targetToJson(target));
        return array;
    };
    QJsonObject json{{QStringLiteral("format"), formatName()},
                     {QStringLiteral("version"), Version},
                     {QStringLiteral("drill"), QJsonObject{{QStringLiteral("id"), drill.id},
                                                           {QStringLiteral("name"), drill.name},
                                                           {QStringLiteral("description"), drill.description},
                                                           {QStringLiteral("architecture"), drill.architecture},
                                                           {QStringLiteral("sequencing"), toString(drill.sequencing)}}},
                     {QStringLiteral("actions"), actions},
                     {QStringLiteral("haltConditions"), halts},
                     {QStringLiteral("objectives"),
                      QJsonObject{{QStringLiteral("rtoSeconds"), drill.objectives.rtoSeconds},
                                  {QStringLiteral("rpoSeconds"), drill.objectives.rpoSeconds}}},
                     {QStringLiteral("expected"),
                      QJsonObject{{QStringLiteral("mustFail"), targets(drill.expected.mustFail)},
                                  {QStringLiteral("mustStayHealthy"), targets(drill.expected.mustStayHealthy)}}}};
    if (drill.plan.isSet() || !drill.plan.failedSites.isEmpty() || !drill.plan.emergencySites.isEmpty()) {
        json.insert(QStringLiteral("plan"),
                    QJsonObject{{QStringLiteral("planId"), drill.plan.planId},
                                {QStringLiteral("failedSites"), stringArray(drill.plan.failedSites)},
                                {QStringLiteral("emergencySites"), stringArray(drill.plan.emergencySites)},
                                {QStringLiteral("productGroups"), stringArray(drill.plan.productGroups)}});
    }
    return json;
}

QByteArray DrillFormat::toBytes(const Drill &drill)
{
    return QJsonDocument(toJson(drill)).toJson(QJsonDocument::Indented);
}

std::optional<Drill> DrillFormat::fromBytes(const QByteArray &bytes, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = document.isNull() ? tr("The drill file is not valid JSON (at byte %1: %2).")
                                         .arg(parseError.offset)
                                         .arg(parseError.errorString())
                                   : tr("The drill file must hold a JSON object.");
        return std::nullopt;
    }
    return fromJson(document.object(), error);
}

std::optional<Drill> DrillFormat::fromJson(const QJsonObject &json, QString *error)
{
    QString problem;
    auto fail = [&](const QString &text) {
        *error = tr("The drill cannot be read: %1").arg(text);
        return std::nullopt;
    };
    JsonFields top(json);
    const QString format = top.requiredString(QStringLiteral("format"));
    if (top.ok() && format != formatName())
        top.fail(QStringLiteral("format"), QStringLiteral("expected \"%1\", got \"%2\"").arg(formatName(), format));
    const qint64 version = top.ok() ? top.requiredInteger(QStringLiteral("version")) : 0;
    if (top.ok() && version > Version)
        return fail(tr("version %1 is newer than this Haven reads (%2); update Haven.").arg(version).arg(Version));
    if (top.ok() && version < 1)
        top.fail(QStringLiteral("version"), QStringLiteral("expected 1"));
    const QJsonObject head = top.ok() ? top.requiredObject(QStringLiteral("drill")) : QJsonObject();
    const QJsonArray actions = top.ok() ? top.requiredArray(QStringLiteral("actions")) : QJsonArray();
    const QJsonArray halts = top.ok() ? top.optionalArray(QStringLiteral("haltConditions")) : QJsonArray();
    const QJsonObject objectives = top.ok() ? top.optionalObject(QStringLiteral("objectives")) : QJsonObject();
    const QJsonObject expected = top.ok() ? top.optionalObject(QStringLiteral("expected")) : QJsonObject();
    const QJsonObject plan = top.ok() ? top.optionalObject(QStringLiteral("plan")) : QJsonObject();
    if (!top.ok())
        return fail(top.error());

    Drill drill;
    JsonFields headFields(head, QStringLiteral("drill"));
    drill.id = headFields.optionalString(QStringLiteral("id"));
    drill.name = headFields.requiredString(QStringLiteral("name"));
    drill.description = headFields.optionalString(QStringLiteral("description"));
    drill.architecture = headFields.optionalString(QStringLiteral("architecture"));
    if (headFields.ok() && head.contains(QStringLiteral("sequencing")))
        drill.sequencing = headFields.requiredEnum<Sequencing>(QStringLiteral("sequencing"), sequencingFromString,
                                                               QStringLiteral("parallel | sequence"));
    if (headFields.ok() && drill.name.trimmed().isEmpty())
        headFields.fail(QStringLiteral("name"), QStringLiteral("must not be empty"));
    if (!headFields.ok())
        return fail(headFields.error());

    for (qsizetype i = 0; i < actions.size(); ++i) {
        const QString path = QStringLiteral("actions[%1]").arg(i);
        JsonFields fields(actions.at(i).toObject(), path);
        FaultAction action;
        action.id = fields.requiredString(QStringLiteral("id"));
        action.kind = fields.requiredEnum<FaultKind>(QStringLiteral("kind"), faultKindFromString, allowedFaultKinds());
        const QJsonObject target = fields.requiredObject(QStringLiteral("target"));
        action.parameters = fields.optionalObject(QStringLiteral("parameters"));
        action.startOffsetSeconds = fields.boundedInteger(QStringLiteral("startOffsetSeconds"), 0, 0, 86400);
        action.durationSeconds = fields.boundedInteger(QStringLiteral("durationSeconds"), std::nullopt, 1,
                                                       MaxFaultSeconds);
        if (!fields.ok())
            return fail(fields.error());
        const std::optional<DrillTarget> parsed = targetFromJson(target, path + QStringLiteral(".target"), &problem);
        if (!parsed)
            return fail(problem);
        action.target = *parsed;
        drill.actions.append(action);
    }

    for (qsizetype i = 0; i < halts.size(); ++i) {
        JsonFields fields(halts.at(i).toObject(), QStringLiteral("haltConditions[%1]").arg(i));
        HaltCondition halt;
        halt.kind = fields.requiredEnum<HaltKind>(QStringLiteral("kind"), haltKindFromString, allowedHaltKinds());
        halt.site = fields.optionalString(QStringLiteral("site"));
        halt.subject = fields.optionalString(QStringLiteral("subject"));
        halt.bound = fields.optionalNumber(QStringLiteral("bound"), 0);
        if (fields.ok() && halt.bound < 0)
            fields.fail(QStringLiteral("bound"), QStringLiteral("must not be negative"));
        const bool needsSubject = halt.kind != HaltKind::Elapsed && halt.kind != HaltKind::LayerStatus;
        if (fields.ok() && needsSubject && halt.subject.isEmpty())
            fields.fail(QStringLiteral("subject"), QStringLiteral("required for kind %1").arg(toString(halt.kind)));
        if (fields.ok() && halt.kind == HaltKind::LayerStatus && !halt.subject.isEmpty()
            && !layerFromString(halt.subject))
            fields.fail(QStringLiteral("subject"), QStringLiteral("expected one of %1").arg(allowedLayers()));
        if (fields.ok() && halt.kind == HaltKind::Elapsed && halt.bound < 1)
            fields.fail(QStringLiteral("bound"), QStringLiteral("an elapsed-time halt needs at least 1 second"));
        if (!fields.ok())
            return fail(fields.error());
        drill.haltConditions.append(halt);
    }

    JsonFields objectiveFields(objectives, QStringLiteral("objectives"));
    drill.objectives.rtoSeconds = objectiveFields.boundedInteger(QStringLiteral("rtoSeconds"), 0, 0, 7 * 86400);
    drill.objectives.rpoSeconds = objectiveFields.boundedInteger(QStringLiteral("rpoSeconds"), 0, 0, 7 * 86400);
    if (!objectiveFields.ok())
        return fail(objectiveFields.error());

    for (const QString &key : {QStringLiteral("mustFail"), QStringLiteral("mustStayHealthy")}) {
        const QJsonArray list = expected.value(key).toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const std::optional<DrillTarget> target = targetFromJson(list.at(i).toObject(),
                                                                     QStringLiteral("expected.%1[%2]").arg(key).arg(i),
                                                                     &problem);
            if (!target)
                return fail(problem);
            (key == QLatin1StringView("mustFail") ? drill.expected.mustFail : drill.expected.mustStayHealthy)
                .append(*target);
        }
    }

    if (!plan.isEmpty()) {
        JsonFields fields(plan, QStringLiteral("plan"));
        drill.plan.planId = fields.optionalString(QStringLiteral("planId"));
        const QJsonArray failed = fields.optionalArray(QStringLiteral("failedSites"));
        const QJsonArray emergency = fields.optionalArray(QStringLiteral("emergencySites"));
        const QJsonArray groups = fields.optionalArray(QStringLiteral("productGroups"));
        if (!fields.ok())
            return fail(fields.error());
        const auto failedList = stringList(failed, QStringLiteral("plan.failedSites"), &problem);
        const auto emergencyList = failedList ? stringList(emergency, QStringLiteral("plan.emergencySites"), &problem)
                                              : std::nullopt;
        const auto groupList = emergencyList ? stringList(groups, QStringLiteral("plan.productGroups"), &problem)
                                             : std::nullopt;
        if (!groupList)
            return fail(problem);
        drill.plan.failedSites = *failedList;
        drill.plan.emergencySites = *emergencyList;
        drill.plan.productGroups = *groupList;
    }

    problem = validate(drill);
    if (!problem.isEmpty())
        return fail(problem);
    return drill;
}

QString DrillFormat::validate(const Drill &drill)
{
    if (drill.name.trimmed().isEmpty())
        return QStringLiteral("drill.name: must not be empty");
    if (drill.actions.isEmpty())
        return QStringLiteral("actions: a drill needs at least one fault action");
    QSet<QString> ids;
    for (qsizetype i = 0; i < drill.actions.size(); ++i) {
        const FaultAction &action = drill.actions.at(i);
        const QString path = QStringLiteral("actions[%1]").arg(i);
        if (action.id.isEmpty())
            return path + QStringLiteral(".id: required");
        if (ids.contains(action.id))
            return path + QStringLiteral(".id: \"%1\" is used twice").arg(action.id);
        ids.insert(action.id);
        if (action.durationSeconds < 1 || action.durationSeconds > MaxFaultSeconds)
            return path + QStringLiteral(".durationSeconds: expected 1..%1").arg(MaxFaultSeconds);
        if (action.target.site.isEmpty())
            return path + QStringLiteral(".target.site: required");
        const QString rule = targetRule(action.kind, action.target);
        if (!rule.isEmpty())
            return path + QStringLiteral(".target.scope: ") + rule;
    }
    if (drill.plan.isSet()) {
        if (drill.plan.failedSites.isEmpty() || drill.plan.emergencySites.isEmpty())
            return QStringLiteral("plan: a rehearsed plan needs failed and emergency sites");
        for (const QString &site : drill.plan.failedSites) {
            if (drill.plan.emergencySites.contains(site))
                return QStringLiteral("plan.emergencySites: \"%1\" is also a failed site").arg(site);
        }
    }
    return {};
}

} // namespace Haven
