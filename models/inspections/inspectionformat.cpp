// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionformat.h"

#include "core/jsonfields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace Haven {

std::optional<InspectionFile> InspectionFormat::read(const QByteArray &data, QString *error,
                                                     const QSet<QString> &knownRuleIds)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("expected a JSON object");
        return std::nullopt;
    }
    JsonFields fields(document.object());
    const QString format = fields.requiredString(QStringLiteral("format"));
    if (fields.ok() && format != formatName())
        fields.fail(QStringLiteral("format"), QStringLiteral("expected \"%1\", got \"%2\"").arg(formatName(), format));
    const int version = fields.boundedInteger(QStringLiteral("version"), std::nullopt, 1, 1000);
    if (fields.ok() && version > Version) {
        fields.fail(QStringLiteral("version"),
                    QStringLiteral("version %1 is newer than this Haven reads (%2); update Haven")
                        .arg(version)
                        .arg(Version));
    }
    const QJsonArray rulesJson = fields.ok() ? fields.optionalArray(QStringLiteral("rules")) : QJsonArray();
    const QJsonArray tasksJson = fields.ok() ? fields.optionalArray(QStringLiteral("tasks")) : QJsonArray();
    if (!fields.ok()) {
        *error = fields.error();
        return std::nullopt;
    }

    InspectionFile file;
    QSet<QString> ruleIds = knownRuleIds;
    QSet<QString> fileRuleIds;
    for (qsizetype i = 0; i < rulesJson.size(); ++i) {
        const QString path = QStringLiteral("rules[%1]").arg(i);
        if (!rulesJson.at(i).isObject()) {
            *error = path + QStringLiteral(": expected an object");
            return std::nullopt;
        }
        std::optional<InspectionRule> rule = InspectionRule::fromJson(rulesJson.at(i).toObject(), error, path);
        if (!rule)
            return std::nullopt;
        if (fileRuleIds.contains(rule->id)) {
            *error = path + QStringLiteral(".id: \"%1\" is used by an earlier rule of this file").arg(rule->id);
            return std::nullopt;
        }
        fileRuleIds.insert(rule->id);
        ruleIds.insert(rule->id);
        file.rules.append(*rule);
    }
    QSet<QString> taskIds;
    for (qsizetype i = 0; i < tasksJson.size(); ++i) {
        const QString path = QStringLiteral("tasks[%1]").arg(i);
        if (!tasksJson.at(i).isObject()) {
            *error = path + QStringLiteral(": expected an object");
            return std::nullopt;
        }
        std::optional<InspectionTaskSpec> task = InspectionTaskSpec::fromJson(tasksJson.at(i).toObject(), error, path);
        if (!task)
            return std::nullopt;
        if (taskIds.contains(task->id)) {
            *error = path + QStringLiteral(".id: \"%1\" is used by an earlier task of this file").arg(task->id);
            return std::nullopt;
        }
        for (qsizetype r = 0; r < task->ruleIds.size(); ++r) {
            if (!ruleIds.contains(task->ruleIds.at(r))) {
                *error = path
                         + QStringLiteral(".rules[%1]: no rule \"%2\" in this file or in the console")
                               .arg(r)
                               .arg(task->ruleIds.at(r));
                return std::nullopt;
            }
        }
        taskIds.insert(task->id);
        file.tasks.append(*task);
    }
    if (file.rules.isEmpty() && file.tasks.isEmpty()) {
        *error = QStringLiteral("rules: the file holds no rules and no tasks");
        return std::nullopt;
    }
    return file;
}

QByteArray InspectionFormat::write(const InspectionFile &file)
{
    QJsonArray rules;
    for (const InspectionRule &rule : file.rules)
        rules.append(rule.toJson());
    QJsonArray tasks;
    for (const InspectionTaskSpec &task : file.tasks)
        tasks.append(task.toJson());
    const QJsonObject json{{QStringLiteral("format"), formatName()},
                           {QStringLiteral("version"), Version},
                           {QStringLiteral("rules"), rules},
                           {QStringLiteral("tasks"), tasks}};
    return QJsonDocument(json).toJson(QJsonDocument::Indented);
}

} // namespace Haven
