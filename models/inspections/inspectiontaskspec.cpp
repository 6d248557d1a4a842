// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectiontaskspec.h"

#include "core/jsonfields.h"
#include "protocol/protocol.h"

#include <QJsonArray>

namespace Haven {

QList<InspectionTaskSpec::Placement> InspectionTaskSpec::placements(
    const QHash<QString, InspectionRule> &rules, const QString &siteId, const QStringList &siteIds,
    const QHash<QString, QList<Component>> &components) const
{
    QList<Placement> result;
    for (const QString &ruleId : ruleIds) {
        const auto rule = rules.constFind(ruleId);
        if (rule == rules.cend())
            continue;
        const QList<InspectionTarget> candidates = targets.isEmpty() ? QList<InspectionTarget>{rule->target} : targets;
        QList<InspectionTarget> here;
        for (const InspectionTarget &target : candidates) {
            if (target.sites(siteIds, components).contains(siteId))
                here.append(target);
        }
        for (qsizetype i = 0; i < here.size(); ++i) {
            const QString checkId = here.size() == 1 ? ruleId : ruleId + QLatin1Char('.') + QString::number(i + 1);
            result.append({checkId, ruleId, here.at(i)});
        }
    }
    return result;
}

QStringList InspectionTaskSpec::sites(const QHash<QString, InspectionRule> &rules, const QStringList &siteIds,
                                      const QHash<QString, QList<Component>> &components) const
{
    QStringList found;
    for (const QString &siteId : siteIds) {
        if (!placements(rules, siteId, siteIds, components).isEmpty())
            found.append(siteId);
    }
    return found;
}

InspectionTask InspectionTaskSpec::settings() const
{
    InspectionTask task;
    task.id = id;
    task.name = name;
    task.revision = revision;
    task.schedule = schedule;
    task.window = window;
    task.concurrency = concurrency;
    task.softFailures = softFailures;
    task.recoveries = recoveries;
    task.flapThreshold = flapThreshold;
    task.enabled = enabled;
    return task;
}

InspectionTask InspectionTaskSpec::forSite(const QHash<QString, InspectionRule> &rules, const QString &siteId,
                                           const QStringList &siteIds,
                                           const QHash<QString, QList<Component>> &components) const
{
    InspectionTask task = settings();
    for (const Placement &placement : placements(rules, siteId, siteIds, components))
        task.checks.append(rules.value(placement.ruleId).checkFor(placement.checkId, placement.target));
    return task;
}

QJsonObject InspectionTaskSpec::toJson() const
{
    // The settings as the agents read them; the console keeps rule ids and targets instead of checks.
    QJsonObject json = settings().toJson();
    json.remove(QStringLiteral("checks"));
    json.insert(QStringLiteral("rules"), QJsonArray::fromStringList(ruleIds));
    if (!targets.isEmpty()) {
        QJsonArray targetsJson;
        for (const InspectionTarget &target : targets)
            targetsJson.append(target.toJson());
        json.insert(QStringLiteral("targets"), targetsJson);
    }
    if (!notify.isEmpty())
        json.insert(QStringLiteral("notify"), QJsonArray::fromStringList(notify));
    return json;
}

std::optional<InspectionTaskSpec> InspectionTaskSpec::fromJson(const QJsonObject &json, QString *error,
                                                               const QString &path)
{
    const auto sub = [&path](const QString &key) { return path.isEmpty() ? key : path + QLatin1Char('.') + key; };
    JsonFields fields(json, path);
    InspectionTaskSpec task;
    task.id = fields.requiredString(QStringLiteral("id"));
    if (fields.ok() && !isInspectionId(task.id))
        fields.fail(QStringLiteral("id"),
                    QStringLiteral("expected 1 to 64 of A-Z a-z 0-9 . _ -, got \"%1\"").arg(task.id));
    task.name = fields.requiredString(QStringLiteral("name"));
    task.revision = fields.optionalInteger(QStringLiteral("revision"), 1);
    const QJsonArray rulesJson = fields.ok() ? fields.requiredArray(QStringLiteral("rules")) : QJsonArray();
    const QJsonArray targetsJson = fields.ok() ? fields.optionalArray(QStringLiteral("targets")) : QJsonArray();
    const QJsonObject scheduleJson = fields.ok() ? fields.requiredObject(QStringLiteral("schedule")) : QJsonObject();
    const QJsonObject windowJson = fields.ok() ? fields.optionalObject(QStringLiteral("window")) : QJsonObject();
    const QJsonArray notifyJson = fields.ok() ? fields.optionalArray(QStringLiteral("notify")) : QJsonArray();
    task.concurrency = fields.boundedInteger(QStringLiteral("concurrency"), 4, 1, 16);
    task.softFailures = fields.boundedInteger(QStringLiteral("softFailures"), 3, 1, 20);
    task.recoveries = fields.boundedInteger(QStringLiteral("recoveries"), 1, 1, 20);
    task.flapThreshold = fields.optionalNumber(QStringLiteral("flapThreshold"), 0.3);
    if (fields.ok() && (task.flapThreshold <= 0 || task.flapThreshold > 1))
        fields.fail(QStringLiteral("flapThreshold"), QStringLiteral("expected more than 0 and at most 1"));
    task.enabled = fields.optionalBool(QStringLiteral("enabled"), true);
    if (fields.ok() && rulesJson.isEmpty())
        fields.fail(QStringLiteral("rules"), QStringLiteral("expected at least one rule id"));
    if (fields.ok() && rulesJson.size() > InspectionTask::MaxChecks)
        fields.fail(QStringLiteral("rules"), QStringLiteral("expected at most %1 rules").arg(InspectionTask::MaxChecks));
    if (!fields.ok()) {
        *error = fields.error();
        return std::nullopt;
    }
    for (qsizetype i = 0; i < rulesJson.size(); ++i) {
        const QString ruleId = rulesJson.at(i).toString();
        if (!isInspectionId(ruleId)) {
            *error = sub(QStringLiteral("rules[%1]: expected a rule id").arg(i));
            return std::nullopt;
        }
        if (task.ruleIds.contains(ruleId)) {
            *error = sub(QStringLiteral("rules[%1]: \"%2\" is listed twice").arg(i).arg(ruleId));
            return std::nullopt;
        }
        task.ruleIds.append(ruleId);
    }
    for (qsizetype i = 0; i < targetsJson.size(); ++i) {
        const std::optional<InspectionTarget> target
            = InspectionTarget::fromJson(targetsJson.at(i).toObject(), error, sub(QStringLiteral("targets[%1]").arg(i)));
        if (!target)
            return std::nullopt;
        task.targets.append(*target);
    }
    for (qsizetype i = 0; i < notifyJson.size(); ++i)
        task.notify.append(notifyJson.at(i).toString());
    const std::optional<InspectionSchedule> schedule = InspectionSchedule::fromJson(scheduleJson, error,
                                                                                    sub(QStringLiteral("schedule")));
    if (!schedule)
        return std::nullopt;
    task.schedule = *schedule;
    if (!windowJson.isEmpty()) {
        task.window = InspectionWindow::fromJson(windowJson, error, sub(QStringLiteral("window")));
        if (!task.window)
            return std::nullopt;
    }
    return task;
}

} // namespace Haven
