// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionrule.h"

#include "core/jsonfields.h"
#include "protocol/protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Haven {

namespace {

const QString AllowedTargetKinds = QStringLiteral("site, productGroup, layer, component, host");
const QString AllowedSeverities = QStringLiteral("warning, critical");

// Keys of a check body that belong to the rule: the file sets them once, on the rule.
const QStringList RuleOwnedCheckKeys = {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("target"),
                                        QStringLiteral("severity"), QStringLiteral("timeoutSeconds")};

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

} // namespace

QString toString(InspectionTargetKind kind)
{
    switch (kind) {
    case InspectionTargetKind::Site:
        return QStringLiteral("site");
    case InspectionTargetKind::ProductGroup:
        return QStringLiteral("productGroup");
    case InspectionTargetKind::Layer:
        return QStringLiteral("layer");
    case InspectionTargetKind::Component:
        return QStringLiteral("component");
    case InspectionTargetKind::Host:
        return QStringLiteral("host");
    }
    return {};
}

std::optional<InspectionTargetKind> inspectionTargetKindFromString(QStringView text)
{
    for (InspectionTargetKind kind :
         {InspectionTargetKind::Site, InspectionTargetKind::ProductGroup, InspectionTargetKind::Layer,
          InspectionTargetKind::Component, InspectionTargetKind::Host}) {
        if (text == toString(kind))
            return kind;
    }
    return std::nullopt;
}

QString InspectionTarget::text() const
{
    return toString(kind) + QLatin1Char(':') + (id.isEmpty() ? QStringLiteral("*") : id);
}

QStringList InspectionTarget::sites(const QStringList &siteIds, const QHash<QString, QList<Component>> &components) const
{
    QStringList found;
    for (const QString &siteId : siteIds) {
        bool here = false;
        if (kind == InspectionTargetKind::Site) {
            here = id.isEmpty() || id == siteId;
        } else {
            for (const Component &component : components.value(siteId)) {
                switch (kind) {
                case InspectionTargetKind::ProductGroup:
                    here = component.productGroup == id;
                    break;
                case InspectionTargetKind::Layer:
                    here = toString(component.layer) == id;
                    break;
                case InspectionTargetKind::Component:
                    here = component.id == id;
                    break;
                case InspectionTargetKind::Host:
                    here = component.host == id;
                    break;
                case InspectionTargetKind::Site:
                    break;
                }
                if (here)
                    break;
            }
        }
        if (here)
            found.append(siteId);
    }
    return found;
}

QJsonObject InspectionTarget::toJson() const
{
    QJsonObject json{{QStringLiteral("kind"), toString(kind)}};
    if (!id.isEmpty())
        json.insert(QStringLiteral("id"), id);
    return json;
}

std::optional<InspectionTarget> InspectionTarget::fromJson(const QJsonObject &json, QString *error, const QString &path)
{
    JsonFields fields(json, path);
    InspectionTarget target;
    target.kind = fields.requiredEnum<InspectionTargetKind>(QStringLiteral("kind"), inspectionTargetKindFromString,
                                                            AllowedTargetKinds);
    target.id = fields.optionalString(QStringLiteral("id"));
    if (fields.ok() && target.kind != InspectionTargetKind::Site && target.id.isEmpty())
        fields.fail(QStringLiteral("id"), QStringLiteral("required for a %1 target").arg(toString(target.kind)));
    if (!fields.ok()) {
        *error = fields.error();
        return std::nullopt;
    }
    return target;
}

InspectionCheck InspectionRule::checkFor(const QString &checkId, const InspectionTarget &on) const
{
    InspectionCheck result = check;
    result.id = checkId;
    result.name = name;
    result.target = on.text();
    result.severity = severity;
    result.timeoutSeconds = timeoutSeconds;
    return result;
}

QStringList InspectionRule::referencedSecrets() const
{
    static const QRegularExpression reference(QStringLiteral(R"(\$\{secret:([A-Za-z0-9._-]+)\})"));
    const QString text = QString::fromUtf8(QJsonDocument(check.toJson()).toJson(QJsonDocument::Compact));
    QStringList names;
    for (const QRegularExpressionMatch &match : reference.globalMatch(text)) {
        if (!names.contains(match.captured(1)))
            names.append(match.captured(1));
    }
    return names;
}

QJsonObject InspectionRule::toJson() const
{
    QJsonObject body = check.toJson();
    for (const QString &key : RuleOwnedCheckKeys)
        body.remove(key);
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("target"), target.toJson()},
                     {QStringLiteral("timeoutSeconds"), timeoutSeconds},
                     {QStringLiteral("severity"), toString(severity)},
                     {QStringLiteral("check"), body}};
    if (!description.isEmpty())
        json.insert(QStringLiteral("description"), description);
    if (!governanceHint.isEmpty())
        json.insert(QStringLiteral("governanceHint"), governanceHint);
    if (!riskScenarioId.isEmpty())
        json.insert(QStringLiteral("riskScenario"), riskScenarioId);
    if (!secrets.isEmpty())
        json.insert(QStringLiteral("secrets"), QJsonArray::fromStringList(secrets));
    return json;
}

std::optional<InspectionRule> InspectionRule::fromJson(const QJsonObject &json, QString *error, const QString &path)
{
    JsonFields fields(json, path);
    InspectionRule rule;
    rule.id = fields.requiredString(QStringLiteral("id"));
    if (fields.ok() && !isInspectionId(rule.id))
        fields.fail(QStringLiteral("id"),
                    QStringLiteral("expected 1 to 64 of A-Z a-z 0-9 . _ -, got \"%1\"").arg(rule.id));
    rule.name = fields.requiredString(QStringLiteral("name"));
    if (fields.ok() && rule.name.trimmed().isEmpty())
        fields.fail(QStringLiteral("name"), QStringLiteral("must not be empty"));
    rule.description = fields.optionalString(QStringLiteral("description"));
    rule.timeoutSeconds = fields.boundedInteger(QStringLiteral("timeoutSeconds"), 30, 1,
                                                InspectionCheck::MaxTimeoutSeconds);
    rule.severity = fields.ok() && json.contains(QStringLiteral("severity"))
                        ? fields.requiredEnum<InspectionSeverity>(QStringLiteral("severity"),
                                                                  inspectionSeverityFromString, AllowedSeverities)
                        : InspectionSeverity::Critical;
    rule.governanceHint = fields.optionalString(QStringLiteral("governanceHint"));
    rule.riskScenarioId = fields.optionalString(QStringLiteral("riskScenario"));
    const QJsonObject targetJson = fields.ok() ? fields.requiredObject(QStringLiteral("target")) : QJsonObject();
    const QJsonArray secretsJson = fields.ok() ? fields.optionalArray(QStringLiteral("secrets")) : QJsonArray();
    const QJsonObject checkJson = fields.ok() ? fields.requiredObject(QStringLiteral("check")) : QJsonObject();
    if (!fields.ok()) {
        *error = fields.error();
        return std::nullopt;
    }
    for (qsizetype i = 0; i < secretsJson.size(); ++i) {
        const QString name = secretsJson.at(i).toString();
        if (!isInspectionId(name)) {
            *error = join(path, QStringLiteral("secrets[%1]: expected a secret's name (A-Z a-z 0-9 . _ -)").arg(i));
            return std::nullopt;
        }
        rule.secrets.append(name);
    }
    const std::optional<InspectionTarget> target = InspectionTarget::fromJson(targetJson, error,
                                                                              join(path, QStringLiteral("target")));
    if (!target)
        return std::nullopt;
    rule.target = *target;
    const QString checkPath = join(path, QStringLiteral("check"));
    for (const QString &key : RuleOwnedCheckKeys) {
        if (checkJson.contains(key)) {
            *error = checkPath + QLatin1Char('.') + key + QStringLiteral(": set on the rule, not in its check");
            return std::nullopt;
        }
    }
    QJsonObject full = checkJson;
    full.insert(QStringLiteral("id"), rule.id);
    full.insert(QStringLiteral("name"), rule.name);
    full.insert(QStringLiteral("target"), rule.target.text());
    full.insert(QStringLiteral("severity"), toString(rule.severity));
    full.insert(QStringLiteral("timeoutSeconds"), rule.timeoutSeconds);
    const std::optional<InspectionCheck> check = InspectionCheck::fromJson(full, error, checkPath);
    if (!check)
        return std::nullopt;
    rule.check = *check;
    for (const QString &name : rule.referencedSecrets()) {
        if (!rule.secrets.contains(name)) {
            *error = join(path, QStringLiteral("secrets: the check uses ${secret:%1}; list it here").arg(name));
            return std::nullopt;
        }
    }
    return rule;
}

} // namespace Haven
