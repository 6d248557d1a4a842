// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspections.h"

#include "core/enumnames.h"
#include "core/jsonfields.h"
#include "cronexpression.h"
#include "protocol.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace Haven {

namespace {

constexpr EnumNames<InspectionKind, 4> kindNames{{{InspectionKind::Catalog, QLatin1StringView("catalog")},
                                                  {InspectionKind::Script, QLatin1StringView("script")},
                                                  {InspectionKind::Http, QLatin1StringView("http")},
                                                  {InspectionKind::HttpSteps, QLatin1StringView("http-steps")}}};
constexpr EnumNames<InspectionStatus, 4> statusNames{{{InspectionStatus::Ok, QLatin1StringView("ok")},
                                                      {InspectionStatus::Warning, QLatin1StringView("warning")},
                                                      {InspectionStatus::Critical, QLatin1StringView("critical")},
                                                      {InspectionStatus::Unknown, QLatin1StringView("unknown")}}};
constexpr EnumNames<InspectionSeverity, 2> severityNames{
    {{InspectionSeverity::Warning, QLatin1StringView("warning")},
     {InspectionSeverity::Critical, QLatin1StringView("critical")}}};
constexpr EnumNames<InspectionHardState, 3> hardStateNames{
    {{InspectionHardState::Ok, QLatin1StringView("ok")},
     {InspectionHardState::SoftProblem, QLatin1StringView("soft-problem")},
     {InspectionHardState::HardProblem, QLatin1StringView("hard-problem")}}};
constexpr EnumNames<InspectionTrigger, 2> triggerNames{{{InspectionTrigger::Schedule, QLatin1StringView("schedule")},
                                                        {InspectionTrigger::Manual, QLatin1StringView("manual")}}};

const QStringList httpMethods{QStringLiteral("GET"),    QStringLiteral("HEAD"),  QStringLiteral("POST"),
                              QStringLiteral("PUT"),    QStringLiteral("PATCH"), QStringLiteral("DELETE"),
                              QStringLiteral("OPTIONS")};
const QStringList conditionOps{QStringLiteral("=="),      QStringLiteral("!="), QStringLiteral("<"),
                               QStringLiteral("<="),      QStringLiteral(">"),  QStringLiteral(">="),
                               QStringLiteral("contains")};
const QStringList extractSources{QStringLiteral("json"), QStringLiteral("regex"), QStringLiteral("header"),
                                 QStringLiteral("cookie")};
const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
const QRegularExpression variablePattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,63}$"));

template<typename T>
std::optional<T> finish(const JsonFields &fields, QString *error, T value)
{
    if (!fields.ok()) {
        *error = fields.error();
        return std::nullopt;
    }
    return value;
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

void requireOneOf(JsonFields &fields, const QString &key, const QString &value, const QStringList &allowed)
{
    if (fields.ok() && !allowed.contains(value))
        fields.fail(key, QStringLiteral("expected one of %1, got %2")
                             .arg(allowed.join(QStringLiteral(" | ")), quoted(value)));
}

void requireRegex(JsonFields &fields, const QString &key, const QString &pattern)
{
    if (!fields.ok() || pattern.isEmpty())
        return;
    const QRegularExpression regex(pattern);
    if (!regex.isValid())
        fields.fail(key, QStringLiteral("invalid regular expression at offset %1: %2")
                             .arg(regex.patternErrorOffset())
                             .arg(regex.errorString()));
}

QString optionalId(JsonFields &fields, const QString &key, bool required)
{
    const QString id = required ? fields.requiredString(key) : fields.optionalString(key);
    if (fields.ok() && (required || !id.isEmpty()) && !isInspectionId(id))
        fields.fail(key, QStringLiteral("expected 1 to 64 of A-Z a-z 0-9 . _ -, got %1").arg(quoted(id)));
    return id;
}

QJsonObject stringMap(const QMap<QString, QString> &map)
{
    QJsonObject json;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

QMap<QString, QString> stringMapFromJson(JsonFields &fields, const QString &key)
{
    QMap<QString, QString> map;
    const QJsonObject json = fields.optionalObject(key);
    for (auto it = json.constBegin(); fields.ok() && it != json.constEnd(); ++it) {
        if (!it.value().isString())
            fields.fail(key + QLatin1Char('.') + it.key(), QStringLiteral("expected a string"));
        map.insert(it.key(), it.value().toString());
    }
    return map;
}

std::optional<ProbeRequest> requestFromJson(const QJsonObject &json, QString *error, const QString &path)
{
    JsonFields f(json, path);
    ProbeRequest r;
    r.url = f.requiredString(QStringLiteral("url"));
    if (f.ok()) {
        // References are resolved at the agent, so only the scheme can be checked before.
        const bool http = r.url.startsWith(QLatin1StringView("http://"))
                          || r.url.startsWith(QLatin1StringView("https://"));
        const QUrl url(r.url, QUrl::StrictMode);
        if (!http || (!r.url.contains(QLatin1StringView("${")) && (!url.isValid() || url.host().isEmpty())))
            f.fail(QStringLiteral("url"),
                   QStringLiteral("expected an http:// or https:// URL, got %1").arg(quoted(r.url)));
    }
    r.method = f.optionalString(QStringLiteral("method"), QStringLiteral("GET"));
    requireOneOf(f, QStringLiteral("method"), r.method, httpMethods);
    r.headers = stringMapFromJson(f, QStringLiteral("headers"));
    r.body = f.optionalString(QStringLiteral("body"));
    return finish(f, error, std::move(r));
}

std::optional<ProbeConditions> conditionsFromJson(const QJsonObject &json, QString *error, const QString &path)
{
    JsonFields f(json, path);
    ProbeConditions c;
    const QJsonArray statuses = f.optionalArray(QStringLiteral("status"));
    for (qsizetype i = 0; f.ok() && i < statuses.size(); ++i) {
        const int status = statuses.at(i).toInt(-1);
        if (!statuses.at(i).isDouble() || status < 100 || status > 599)
            f.fail(QStringLiteral("status[%1]").arg(i), QStringLiteral("expected an HTTP status 100 to 599"));
        c.status.append(status);
    }
    c.bodyContains = f.optionalString(QStringLiteral("bodyContains"));
    c.bodyRegex = f.optionalString(QStringLiteral("bodyRegex"));
    requireRegex(f, QStringLiteral("bodyRegex"), c.bodyRegex);
    const QJsonArray jsonConditions = f.optionalArray(QStringLiteral("json"));
    for (qsizetype i = 0; f.ok() && i < jsonConditions.size(); ++i) {
        JsonFields item(jsonConditions.at(i).toObject(), f.pathOf(QStringLiteral("json[%1]").arg(i)));
        JsonCondition condition;
        condition.path = item.requiredString(QStringLiteral("path"));
        QString problem;
        if (item.ok())
            jsonPathValue(QJsonValue(), condition.path, &problem);
        if (!problem.isEmpty())
            item.fail(QStringLiteral("path"), problem);
        condition.op = item.optionalString(QStringLiteral("op"), QStringLiteral("=="));
        requireOneOf(item, QStringLiteral("op"), condition.op, conditionOps);
        if (item.ok() && !item.object().contains(QStringLiteral("value")))
            item.fail(QStringLiteral("value"), QStringLiteral("is required"));
        condition.value = item.object().value(QStringLiteral("value"));
        if (!item.ok()) {
            *error = item.error();
            return std::nullopt;
        }
        c.json.append(condition);
    }
    if (f.ok() && f.object().contains(QStringLiteral("maxResponseMs")))
        c.maxResponseMs = f.boundedInteger(QStringLiteral("maxResponseMs"), std::nullopt, 1, 3'600'000);
    if (f.ok() && f.object().contains(QStringLiteral("minCertificateDays")))
        c.minCertificateDays = f.boundedInteger(QStringLiteral("minCertificateDays"), std::nullopt, 0, 3650);
    return finish(f, error, std::move(c));
}

std::optional<ProbeStep> stepFromJson(const QJsonObject &json, QString *error, const QString &path, bool flat)
{
    JsonFields f(json, path);
    ProbeStep step;
    const QJsonObject request = flat ? json : f.requiredObject(QStringLiteral("request"));
    if (!f.ok())
        return finish(f, error, std::move(step));
    std::optional<ProbeRequest> parsedRequest = requestFromJson(request, error,
                                                                flat ? path : f.pathOf(QStringLiteral("request")));
    if (!parsedRequest)
        return std::nullopt;
    step.request = std::move(*parsedRequest);
    const QJsonArray extract = f.optionalArray(QStringLiteral("extract"));
    for (qsizetype i = 0; f.ok() && i < extract.size(); ++i) {
        JsonFields item(extract.at(i).toObject(), f.pathOf(QStringLiteral("extract[%1]").arg(i)));
        ProbeExtract e;
        e.name = item.requiredString(QStringLiteral("name"));
        if (item.ok() && !variablePattern.match(e.name).hasMatch())
            item.fail(QStringLiteral("name"),
                      QStringLiteral("expected a name of letters, digits and _, got %1").arg(quoted(e.name)));
        e.from = item.requiredString(QStringLiteral("from"));
        requireOneOf(item, QStringLiteral("from"), e.from, extractSources);
        e.path = item.requiredString(QStringLiteral("path"));
        if (e.from == QLatin1StringView("regex"))
            requireRegex(item, QStringLiteral("path"), e.path);
        QString problem;
        if (item.ok() && e.from == QLatin1StringView("json"))
            jsonPathValue(QJsonValue(), e.path, &problem);
        if (!problem.isEmpty())
            item.fail(QStringLiteral("path"), problem);
        if (!item.ok()) {
            *error = item.error();
            return std::nullopt;
        }
        step.extract.append(e);
    }
    const QJsonObject conditions = f.optionalObject(QStringLiteral("conditions"));
    if (!f.ok())
        return finish(f, error, std::move(step));
    std::optional<ProbeConditions> parsedConditions = conditionsFromJson(conditions, error,
                                                                         f.pathOf(QStringLiteral("conditions")));
    if (!parsedConditions)
        return std::nullopt;
    step.conditions = std::move(*parsedConditions);
    return step;
}

} // namespace

// --- names -------------------------------------------------------------------------------

QString toString(InspectionKind kind)
{
    return nameOf(kindNames, kind);
}
QString toString(InspectionStatus status)
{
    return nameOf(statusNames, status);
}
QString toString(InspectionSeverity severity)
{
    return nameOf(severityNames, severity);
}
QString toString(InspectionHardState state)
{
    return nameOf(hardStateNames, state);
}
QString toString(InspectionTrigger trigger)
{
    return nameOf(triggerNames, trigger);
}

std::optional<InspectionKind> inspectionKindFromString(QStringView text)
{
    return valueOf(kindNames, text);
}
std::optional<InspectionStatus> inspectionStatusFromString(QStringView text)
{
    return valueOf(statusNames, text);
}
std::optional<InspectionSeverity> inspectionSeverityFromString(QStringView text)
{
    return valueOf(severityNames, text);
}
std::optional<InspectionHardState> inspectionHardStateFromString(QStringView text)
{
    return valueOf(hardStateNames, text);
}
std::optional<InspectionTrigger> inspectionTriggerFromString(QStringView text)
{
    return valueOf(triggerNames, text);
}

InspectionStatus inspectionStatusFromExitCode(int exitCode)
{
    return exitCode >= 0 && exitCode <= 2 ? InspectionStatus(exitCode) : InspectionStatus::Unknown;
}

InspectionStatus toStatus(InspectionSeverity severity)
{
    return severity == InspectionSeverity::Warning ? InspectionStatus::Warning : InspectionStatus::Critical;
}

InspectionStatus worse(InspectionStatus a, InspectionStatus b)
{
    const auto rank = [](InspectionStatus s) {
        switch (s) {
        case InspectionStatus::Ok:
            return 0;
        case InspectionStatus::Unknown:
            return 1;
        case InspectionStatus::Warning:
            return 2;
        case InspectionStatus::Critical:
            return 3;
        }
        return 1;
    };
    return rank(a) >= rank(b) ? a : b;
}

bool isInspectionId(const QString &id)
{
    return idPattern.match(id).hasMatch();
}

std::optional<QJsonValue> jsonPathValue(const QJsonValue &document, const QString &path, QString *error)
{
    static const QRegularExpression segment(
        QStringLiteral("\\G(?:\\.([A-Za-z0-9_-]+)|\\[(\\d+)\\]|\\[\"([^\"]*)\"\\])"));
    if (!path.startsWith(QLatin1Char('$'))) {
        if (error)
            *error = QStringLiteral("a JSON path starts with $, got %1").arg(quoted(path));
        return std::nullopt;
    }
    QJsonValue value = document;
    qsizetype offset = 1;
    bool found = true;
    while (offset < path.size()) {
        const QRegularExpressionMatch match = segment.match(path, offset);
        if (!match.hasMatch()) {
            if (error)
                *error = QStringLiteral(
                             "JSON path %1 is not understood at offset %2 (use $.name, [index] or [\"name\"])")
                             .arg(quoted(path))
                             .arg(offset);
            return std::nullopt;
        }
        offset = match.capturedEnd();
        if (!match.captured(2).isEmpty()) {
            const qsizetype index = match.captured(2).toLongLong();
            found = found && value.isArray() && index < value.toArray().size();
            value = found ? value.toArray().at(index) : QJsonValue();
        } else {
            const QString name = match.captured(1).isEmpty() ? match.captured(3) : match.captured(1);
            found = found && value.isObject() && value.toObject().contains(name);
            value = found ? value.toObject().value(name) : QJsonValue();
        }
    }
    if (!found)
        return std::nullopt;
    return value;
}

// --- checks ------------------------------------------------------------------------------

QJsonObject ProbeRequest::toJson() const
{
    QJsonObject json{{QStringLiteral("url"), url}, {QStringLiteral("method"), method}};
    if (!headers.isEmpty())
        json.insert(QStringLiteral("headers"), stringMap(headers));
    if (!body.isEmpty())
        json.insert(QStringLiteral("body"), body);
    return json;
}

QJsonObject ProbeExtract::toJson() const
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("from"), from}, {QStringLiteral("path"), path}};
}

QJsonObject JsonCondition::toJson() const
{
    return {{QStringLiteral("path"), path}, {QStringLiteral("op"), op}, {QStringLiteral("value"), value}};
}

QJsonObject ProbeConditions::toJson() const
{
    QJsonObject out;
    if (!status.isEmpty()) {
        QJsonArray list;
        for (int s : status)
            list.append(s);
        out.insert(QStringLiteral("status"), list);
    }
    if (!bodyContains.isEmpty())
        out.insert(QStringLiteral("bodyContains"), bodyContains);
    if (!bodyRegex.isEmpty())
        out.insert(QStringLiteral("bodyRegex"), bodyRegex);
    if (!this->json.isEmpty()) {
        QJsonArray list;
        for (const JsonCondition &condition : this->json)
            list.append(condition.toJson());
        out.insert(QStringLiteral("json"), list);
    }
    if (maxResponseMs)
        out.insert(QStringLiteral("maxResponseMs"), *maxResponseMs);
    if (minCertificateDays)
        out.insert(QStringLiteral("minCertificateDays"), *minCertificateDays);
    return out;
}

QJsonObject ProbeStep::toJson() const
{
    QJsonObject json{{QStringLiteral("request"), request.toJson()}, {QStringLiteral("conditions"), conditions.toJson()}};
    if (!extract.isEmpty()) {
        QJsonArray list;
        for (const ProbeExtract &e : extract)
            list.append(e.toJson());
        json.insert(QStringLiteral("extract"), list);
    }
    return json;
}

QJsonObject InspectionCheck::toJson() const
{
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("kind"), toString(kind)},
                     {QStringLiteral("target"), target},
                     {QStringLiteral("severity"), toString(severity)},
                     {QStringLiteral("timeoutSeconds"), timeoutSeconds}};
    switch (kind) {
    case InspectionKind::Catalog:
        json.insert(QStringLiteral("catalog"), catalog);
        json.insert(QStringLiteral("parameters"), parameters);
        break;
    case InspectionKind::Script:
        json.insert(QStringLiteral("interpreter"), interpreter);
        json.insert(QStringLiteral("script"), script);
        break;
    case InspectionKind::Http:
        if (!steps.isEmpty()) {
            const QJsonObject request = steps.first().request.toJson();
            for (auto it = request.constBegin(); it != request.constEnd(); ++it)
                json.insert(it.key(), it.value());
            json.insert(QStringLiteral("conditions"), steps.first().conditions.toJson());
        }
        break;
    case InspectionKind::HttpSteps: {
        QJsonArray list;
        for (const ProbeStep &step : steps)
            list.append(step.toJson());
        json.insert(QStringLiteral("steps"), list);
        break;
    }
    }
    if (kind == InspectionKind::Http || kind == InspectionKind::HttpSteps) {
        if (insecureTls)
            json.insert(QStringLiteral("insecureTls"), true);
        if (!caFile.isEmpty())
            json.insert(QStringLiteral("caFile"), caFile);
    }
    return json;
}

std::optional<InspectionCheck> InspectionCheck::fromJson(const QJsonObject &json, QString *error, const QString &path)
{
    JsonFields f(json, path);
    InspectionCheck c;
    c.id = optionalId(f, QStringLiteral("id"), false);
    if (c.id.isEmpty())
        c.id = QStringLiteral("check");
    c.name = f.optionalString(QStringLiteral("name"), c.id);
    c.kind = f.requiredEnum<InspectionKind>(QStringLiteral("kind"), inspectionKindFromString, allowedNames(kindNames));
    c.target = f.optionalString(QStringLiteral("target"));
    const QString severity = f.optionalString(QStringLiteral("severity"), QStringLiteral("critical"));
    c.severity = inspectionSeverityFromString(severity).value_or(InspectionSeverity::Critical);
    requireOneOf(f, QStringLiteral("severity"), severity, {QStringLiteral("warning"), QStringLiteral("critical")});
    c.timeoutSeconds = f.boundedInteger(QStringLiteral("timeoutSeconds"), 30, 1, MaxTimeoutSeconds);
    if (!f.ok())
        return finish(f, error, std::move(c));

    switch (c.kind) {
    case InspectionKind::Catalog:
        c.catalog = f.requiredString(QStringLiteral("catalog"));
        c.parameters = f.optionalObject(QStringLiteral("parameters"));
        break;
    case InspectionKind::Script:
        c.interpreter = f.requiredString(QStringLiteral("interpreter"));
        requireOneOf(f, QStringLiteral("interpreter"), c.interpreter,
                     {QStringLiteral("shell"), QStringLiteral("python")});
        c.script = f.requiredString(QStringLiteral("script"));
        if (f.ok() && c.script.trimmed().isEmpty())
            f.fail(QStringLiteral("script"), QStringLiteral("is empty"));
        break;
    case InspectionKind::Http: {
        std::optional<ProbeStep> step = stepFromJson(json, error, path, true);
        if (!step)
            return std::nullopt;
        c.steps.append(std::move(*step));
        break;
    }
    case InspectionKind::HttpSteps: {
        const QJsonArray steps = f.requiredArray(QStringLiteral("steps"));
        if (f.ok() && (steps.isEmpty() || steps.size() > MaxSteps))
            f.fail(QStringLiteral("steps"),
                   QStringLiteral("expected 1 to %1 steps, got %2").arg(MaxSteps).arg(steps.size()));
        for (qsizetype i = 0; f.ok() && i < steps.size(); ++i) {
            std::optional<ProbeStep> step = stepFromJson(steps.at(i).toObject(), error,
                                                         f.pathOf(QStringLiteral("steps[%1]").arg(i)), false);
            if (!step)
                return std::nullopt;
            c.steps.append(std::move(*step));
        }
        break;
    }
    }
    if (c.kind == InspectionKind::Http || c.kind == InspectionKind::HttpSteps) {
        c.insecureTls = f.optionalBool(QStringLiteral("insecureTls"), false);
        c.caFile = f.optionalString(QStringLiteral("caFile"));
    }
    return finish(f, error, std::move(c));
}

QJsonObject InspectionCheckResult::toJson() const
{
    return {{QStringLiteral("checkId"), checkId},         {QStringLiteral("target"), target},
            {QStringLiteral("status"), toString(status)}, {QStringLiteral("hardState"), toString(hardState)},
            {QStringLiteral("flapping"), flapping},       {QStringLiteral("summary"), summary},
            {QStringLiteral("evidence"), evidence},       {QStringLiteral("output"), output},
            {QStringLiteral("durationMs"), durationMs}};
}

std::optional<InspectionCheckResult> InspectionCheckResult::fromJson(const QJsonObject &json, QString *error,
                                                                     const QString &path)
{
    JsonFields f(json, path);
    InspectionCheckResult r;
    r.checkId = f.requiredString(QStringLiteral("checkId"));
    r.target = f.optionalString(QStringLiteral("target"));
    r.status = f.requiredEnum<InspectionStatus>(QStringLiteral("status"), inspectionStatusFromString,
                                                allowedNames(statusNames));
    r.hardState = f.requiredEnum<InspectionHardState>(QStringLiteral("hardState"), inspectionHardStateFromString,
                                                      allowedNames(hardStateNames));
    r.flapping = f.optionalBool(QStringLiteral("flapping"), false);
    r.summary = f.optionalString(QStringLiteral("summary"));
    r.evidence = f.optionalObject(QStringLiteral("evidence"));
    r.output = f.optionalString(QStringLiteral("output"));
    r.durationMs = f.optionalInteger(QStringLiteral("durationMs"), 0);
    return finish(f, error, std::move(r));
}

// --- tasks -------------------------------------------------------------------------------

QDateTime InspectionSchedule::nextAfter(const QDateTime &after) const
{
    if (everyMinutes > 0) {
        QDateTime next = after.addSecs(qint64(everyMinutes) * 60);
        next.setTime(QTime(next.time().hour(), next.time().minute()));
        return next;
    }
    QString ignored;
    const std::optional<CronExpression> expression = CronExpression::parse(cron, &ignored);
    return expression ? expression->nextAfter(after) : QDateTime();
}

QJsonObject InspectionSchedule::toJson() const
{
    if (everyMinutes > 0)
        return {{QStringLiteral("everyMinutes"), everyMinutes}};
    return {{QStringLiteral("cron"), cron}};
}

std::optional<InspectionSchedule> InspectionSchedule::fromJson(const QJsonObject &json, QString *error,
                                                               const QString &path)
{
    JsonFields f(json, path);
    InspectionSchedule s;
    const bool every = json.contains(QStringLiteral("everyMinutes"));
    if (every == json.contains(QStringLiteral("cron"))) {
        *error = path + QStringLiteral(": expected exactly one of everyMinutes or cron");
        return std::nullopt;
    }
    if (every)
        s.everyMinutes = f.boundedInteger(QStringLiteral("everyMinutes"), std::nullopt, 1, 7 * 24 * 60);
    else
        s.cron = f.requiredString(QStringLiteral("cron"));
    QString problem;
    if (f.ok() && !every && !CronExpression::parse(s.cron, &problem))
        f.fail(QStringLiteral("cron"), problem);
    return finish(f, error, std::move(s));
}

bool InspectionWindow::contains(const QTime &time) const
{
    if (from <= to)
        return time >= from && time < to;
    return time >= from || time < to;
}

QJsonObject InspectionWindow::toJson() const
{
    return {{QStringLiteral("from"), from.toString(QStringLiteral("HH:mm"))},
            {QStringLiteral("to"), to.toString(QStringLiteral("HH:mm"))}};
}

std::optional<InspectionWindow> InspectionWindow::fromJson(const QJsonObject &json, QString *error, const QString &path)
{
    JsonFields f(json, path);
    InspectionWindow w;
    for (auto [key, time] : {std::pair{QStringLiteral("from"), &w.from}, std::pair{QStringLiteral("to"), &w.to}}) {
        const QString text = f.requiredString(key);
        *time = QTime::fromString(text, QStringLiteral("HH:mm"));
        if (f.ok() && !time->isValid())
            f.fail(key, QStringLiteral("expected a local time HH:MM, got %1").arg(quoted(text)));
    }
    if (f.ok() && w.from == w.to)
        f.fail(QStringLiteral("to"), QStringLiteral("is the same as from: the window would be empty"));
    return finish(f, error, std::move(w));
}

QJsonObject InspectionTask::toJson() const
{
    QJsonArray list;
    for (const InspectionCheck &check : checks)
        list.append(check.toJson());
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("revision"), revision},
                     {QStringLiteral("checks"), list},
                     {QStringLiteral("schedule"), schedule.toJson()},
                     {QStringLiteral("concurrency"), concurrency},
                     {QStringLiteral("softFailures"), softFailures},
                     {QStringLiteral("recoveries"), recoveries},
                     {QStringLiteral("flapThreshold"), flapThreshold},
                     {QStringLiteral("enabled"), enabled}};
    if (window)
        json.insert(QStringLiteral("window"), window->toJson());
    return json;
}

std::optional<InspectionTask> InspectionTask::fromJson(const QJsonObject &json, QString *error)
{
    JsonFields f(json);
    InspectionTask t;
    t.id = optionalId(f, QStringLiteral("id"), true);
    t.name = f.optionalString(QStringLiteral("name"), t.id);
    t.revision = f.optionalInteger(QStringLiteral("revision"), 1);
    if (f.ok() && t.revision < 1)
        f.fail(QStringLiteral("revision"), QStringLiteral("expected 1 or more"));
    t.concurrency = f.boundedInteger(QStringLiteral("concurrency"), 4, 1, 16);
    t.softFailures = f.boundedInteger(QStringLiteral("softFailures"), 3, 1, 100);
    t.recoveries = f.boundedInteger(QStringLiteral("recoveries"), 1, 1, 100);
    t.flapThreshold = f.optionalNumber(QStringLiteral("flapThreshold"), 0.3);
    if (f.ok() && (t.flapThreshold <= 0 || t.flapThreshold > 1))
        f.fail(QStringLiteral("flapThreshold"), QStringLiteral("expected a share above 0 and at most 1"));
    t.enabled = f.optionalBool(QStringLiteral("enabled"), true);
    const QJsonObject schedule = f.requiredObject(QStringLiteral("schedule"));
    const QJsonObject window = f.optionalObject(QStringLiteral("window"));
    const QJsonArray checks = f.requiredArray(QStringLiteral("checks"));
    if (f.ok() && (checks.isEmpty() || checks.size() > MaxChecks))
        f.fail(QStringLiteral("checks"),
               QStringLiteral("expected 1 to %1 checks, got %2").arg(MaxChecks).arg(checks.size()));
    if (!f.ok())
        return finish(f, error, std::move(t));
    std::optional<InspectionSchedule> parsedSchedule = InspectionSchedule::fromJson(schedule, error,
                                                                                    QStringLiteral("schedule"));
    if (!parsedSchedule)
        return std::nullopt;
    t.schedule = *parsedSchedule;
    if (json.contains(QStringLiteral("window"))) {
        t.window = InspectionWindow::fromJson(window, error, QStringLiteral("window"));
        if (!t.window)
            return std::nullopt;
    }
    QStringList seen;
    for (qsizetype i = 0; i < checks.size(); ++i) {
        const QString checkPath = QStringLiteral("checks[%1]").arg(i);
        if (!checks.at(i).isObject()) {
            *error = checkPath + QStringLiteral(": expected an object");
            return std::nullopt;
        }
        std::optional<InspectionCheck> check = InspectionCheck::fromJson(checks.at(i).toObject(), error, checkPath);
        if (!check)
            return std::nullopt;
        if (!checks.at(i).toObject().contains(QStringLiteral("id"))) {
            *error = checkPath + QStringLiteral(".id: is required in a task");
            return std::nullopt;
        }
        if (seen.contains(check->id)) {
            *error = checkPath + QStringLiteral(".id: %1 is used twice in this task").arg(quoted(check->id));
            return std::nullopt;
        }
        seen.append(check->id);
        t.checks.append(std::move(*check));
    }
    return t;
}

QJsonObject InspectionRunRecord::toJson() const
{
    QJsonArray list;
    for (const InspectionCheckResult &result : results)
        list.append(result.toJson());
    return {{QStringLiteral("runId"), runId},
            {QStringLiteral("taskId"), taskId},
            {QStringLiteral("taskRevision"), taskRevision},
            {QStringLiteral("sequence"), qint64(sequence)},
            {QStringLiteral("started"), isoTime(started)},
            {QStringLiteral("finished"), isoTime(finished)},
            {QStringLiteral("trigger"), toString(trigger)},
            {QStringLiteral("results"), list}};
}

std::optional<InspectionRunRecord> InspectionRunRecord::fromJson(const QJsonObject &json, QString *error,
                                                                 const QString &path)
{
    JsonFields f(json, path);
    InspectionRunRecord r;
    r.runId = f.requiredString(QStringLiteral("runId"));
    r.taskId = f.requiredString(QStringLiteral("taskId"));
    r.taskRevision = f.optionalInteger(QStringLiteral("taskRevision"), 0);
    r.sequence = quint64(qMax<qint64>(0, f.requiredInteger(QStringLiteral("sequence"))));
    r.started = timeFromIso(f.requiredString(QStringLiteral("started")));
    r.finished = timeFromIso(f.optionalString(QStringLiteral("finished")));
    r.trigger = f.requiredEnum<InspectionTrigger>(QStringLiteral("trigger"), inspectionTriggerFromString,
                                                  allowedNames(triggerNames));
    const QJsonArray results = f.optionalArray(QStringLiteral("results"));
    if (!f.ok())
        return finish(f, error, std::move(r));
    for (qsizetype i = 0; i < results.size(); ++i) {
        std::optional<InspectionCheckResult> result
            = InspectionCheckResult::fromJson(results.at(i).toObject(), error,
                                              f.pathOf(QStringLiteral("results[%1]").arg(i)));
        if (!result)
            return std::nullopt;
        r.results.append(std::move(*result));
    }
    return r;
}

} // namespace Haven
