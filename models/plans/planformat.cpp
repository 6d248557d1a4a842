// SPDX-License-Identifier: GPL-3.0-or-later
#include "planformat.h"

#include "core/jsonfields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <algorithm>

namespace Haven {

namespace {

// Keys are written in this order; keys not listed follow in alphabetical order. Inside
// "parameters" every key is alphabetical.
const QStringList &keyOrder()
{
    static const QStringList order{QStringLiteral("format"),
                                   QStringLiteral("version"),
                                   QStringLiteral("plan"),
                                   QStringLiteral("steps"),
                                   QStringLiteral("edges"),
                                   QStringLiteral("id"),
                                   QStringLiteral("phase"),
                                   QStringLiteral("name"),
                                   QStringLiteral("description"),
                                   QStringLiteral("kind"),
                                   QStringLiteral("rtoSeconds"),
                                   QStringLiteral("rpoSeconds"),
                                   QStringLiteral("operation"),
                                   QStringLiteral("parameters"),
                                   QStringLiteral("target"),
                                   QStringLiteral("site"),
                                   QStringLiteral("productGroup"),
                                   QStringLiteral("timeoutSeconds"),
                                   QStringLiteral("retry"),
                                   QStringLiteral("attempts"),
                                   QStringLiteral("backoffSeconds"),
                                   QStringLiteral("backoffMultiplier"),
                                   QStringLiteral("onFailure"),
                                   QStringLiteral("approval"),
                                   QStringLiteral("prompt"),
                                   QStringLiteral("guard"),
                                   QStringLiteral("seconds"),
                                   QStringLiteral("percent"),
                                   QStringLiteral("component"),
                                   QStringLiteral("layer"),
                                   QStringLiteral("allowWarning"),
                                   QStringLiteral("notes"),
                                   QStringLiteral("position"),
                                   QStringLiteral("x"),
                                   QStringLiteral("y"),
                                   QStringLiteral("from"),
                                   QStringLiteral("to")};
    return order;
}

QStringList orderedKeys(const QJsonObject &object, bool alphabetical)
{
    QStringList keys = object.keys(); // already alphabetical
    if (alphabetical)
        return keys;
    const QStringList &order = keyOrder();
    std::stable_sort(keys.begin(), keys.end(), [&order](const QString &a, const QString &b) {
        qsizetype ia = order.indexOf(a), ib = order.indexOf(b);
        if (ia < 0)
            ia = order.size();
        if (ib < 0)
            ib = order.size();
        if (ia != ib)
            return ia < ib;
        return a < b;
    });
    return keys;
}

QByteArray scalar(const QJsonValue &value)
{
    QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

bool isScalar(const QJsonValue &value)
{
    return !value.isObject() && !value.isArray();
}

void write(QByteArray &out, const QJsonValue &value, int depth, bool alphabetical = false);

// An object or array of scalars that fits on one line is written on one line: an edge, a
// position, a target or a parameter set stays one line in a git diff.
QByteArray inlineForm(const QJsonValue &value, bool alphabetical)
{
    QByteArray text;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        text += '{';
        bool first = true;
        for (const QString &key : orderedKeys(object, alphabetical)) {
            const QJsonValue v = object.value(key);
            if (!isScalar(v))
                return {};
            if (!first)
                text += ", ";
            first = false;
            text += scalar(key) + ": " + scalar(v);
        }
        text += '}';
    } else {
        const QJsonArray array = value.toArray();
        text += '[';
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!isScalar(array[i]))
                return {};
            if (i)
                text += ", ";
            text += scalar(array[i]);
        }
        text += ']';
    }
    return text;
}

void write(QByteArray &out, const QJsonValue &value, int depth, bool alphabetical)
{
    if (isScalar(value)) {
        out += scalar(value);
        return;
    }
    const QByteArray single = inlineForm(value, alphabetical);
    if (!single.isEmpty() && single.size() + depth * 2 <= 100 && depth > 0) {
        out += single;
        return;
    }
    const QByteArray indent(2 * (depth + 1), ' ');
    const QByteArray closing(2 * depth, ' ');
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        const QStringList keys = orderedKeys(object, alphabetical);
        for (qsizetype i = 0; i < keys.size(); ++i) {
            out += indent + scalar(keys[i]) + ": ";
            // Operation parameters are the agents' vocabulary: plain alphabetical order.
            write(out, object.value(keys[i]), depth + 1, alphabetical || keys[i] == QLatin1StringView("parameters"));
            out += i + 1 < keys.size() ? ",\n" : "\n";
        }
        out += closing + '}';
    } else {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        for (qsizetype i = 0; i < array.size(); ++i) {
            out += indent;
            write(out, array[i], depth + 1, alphabetical);
            out += i + 1 < array.size() ? ",\n" : "\n";
        }
        out += closing + ']';
    }
}

bool checkKeys(const QJsonObject &object, const QStringList &known, JsonFields &fields)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!known.contains(it.key())) {
            fields.fail(it.key(), QStringLiteral("unknown field"));
            return false;
        }
    }
    return true;
}

} // namespace

QJsonObject PlanFormat::stepToJson(const PlanStep &step)
{
    QJsonObject target{{QStringLiteral("kind"), toString(step.target.kind)}};
    if (step.target.kind == StepTargetKind::NamedSite)
        target.insert(QStringLiteral("site"), step.target.site);
    QJsonObject json{
        {QStringLiteral("id"), step.id},
        {QStringLiteral("phase"), toString(step.phase)},
        {QStringLiteral("name"), step.name},
        {QStringLiteral("operation"), step.operation},
        {QStringLiteral("parameters"), step.parameters},
        {QStringLiteral("target"), target},
        {QStringLiteral("timeoutSeconds"), step.timeoutSeconds},
        {QStringLiteral("retry"), QJsonObject{{QStringLiteral("attempts"), step.retry.attempts},
                                              {QStringLiteral("backoffSeconds"), step.retry.backoffSeconds},
                                              {QStringLiteral("backoffMultiplier"), step.retry.backoffMultiplier}}},
        {QStringLiteral("onFailure"), toString(step.onFailure)},
        {QStringLiteral("position"),
         QJsonObject{{QStringLiteral("x"), step.position.x()}, {QStringLiteral("y"), step.position.y()}}},
    };
    if (!step.productGroup.isEmpty())
        json.insert(QStringLiteral("productGroup"), step.productGroup);
    if (step.requiresApproval)
        json.insert(QStringLiteral("approval"), QJsonObject{{QStringLiteral("prompt"), step.approvalPrompt}});
    if (step.guard)
        json.insert(QStringLiteral("guard"), step.guard->toJson());
    if (!step.notes.isEmpty())
        json.insert(QStringLiteral("notes"), step.notes);
    return json;
}

std::optional<PlanStep> PlanFormat::stepFromJson(const QJsonObject &json, QString *error)
{
    JsonFields fields(json);
    PlanStep step;
    auto finish = [&]() -> std::optional<PlanStep> {
        if (fields.ok())
            return step;
        if (error)
            *error = fields.error();
        return std::nullopt;
    };
    static const QStringList known{QStringLiteral("id"),           QStringLiteral("phase"),
                                   QStringLiteral("name"),         QStringLiteral("operation"),
                                   QStringLiteral("parameters"),   QStringLiteral("target"),
                                   QStringLiteral("productGroup"), QStringLiteral("timeoutSeconds"),
                                   QStringLiteral("retry"),        QStringLiteral("onFailure"),
                                   QStringLiteral("approval"),     QStringLiteral("guard"),
                                   QStringLiteral("notes"),        QStringLiteral("position")};
    if (!checkKeys(json, known, fields))
        return finish();
    step.id = fields.boundedInteger(QStringLiteral("id"), std::nullopt, 1, std::numeric_limits<int>::max());
    step.phase = fields.requiredEnum<PlanPhase>(QStringLiteral("phase"), planPhaseFromString,
                                                QStringLiteral("switchover | recovery"));
    step.name = fields.optionalString(QStringLiteral("name"));
    step.operation = fields.requiredString(QStringLiteral("operation"));
    step.parameters = fields.optionalObject(QStringLiteral("parameters"));
    step.productGroup = fields.optionalString(QStringLiteral("productGroup"));
    step.timeoutSeconds = fields.boundedInteger(QStringLiteral("timeoutSeconds"), 300, 0, 7 * 86400);
    step.notes = fields.optionalString(QStringLiteral("notes"));
    const QString onFailure = fields.optionalString(QStringLiteral("onFailure"), QStringLiteral("stop"));
    if (fields.ok()) {
        if (const auto value = onFailureFromString(onFailure))
            step.onFailure = *value;
        else
            fields.fail(QStringLiteral("onFailure"),
                        QStringLiteral("expected one of stop | pause | continue, got \"%1\"").arg(onFailure));
    }
    if (!fields.ok())
        return finish();

    const QJsonObject target = fields.requiredObject(QStringLiteral("target"));
    if (fields.ok()) {
        JsonFields t(target, QString());
        step.target.kind = t.requiredEnum<StepTargetKind>(QStringLiteral("kind"), stepTargetKindFromString,
                                                          QStringLiteral(
                                                              "failedSite | emergencySite | everySite | namedSite"));
        if (t.ok() && step.target.kind == StepTargetKind::NamedSite)
            step.target.site = t.requiredString(QStringLiteral("site"));
        if (!t.ok())
            fields.fail(QStringLiteral("target"), t.error());
    }
    if (fields.ok() && json.contains(QStringLiteral("retry"))) {
        JsonFields r(fields.optionalObject(QStringLiteral("retry")), QString());
        step.retry.attempts = r.boundedInteger(QStringLiteral("attempts"), 1, 0, 1000);
        step.retry.backoffSeconds = r.boundedInteger(QStringLiteral("backoffSeconds"), 0, 0, 86400);
        step.retry.backoffMultiplier = r.optionalNumber(QStringLiteral("backoffMultiplier"), 2.0);
        if (!r.ok())
            fields.fail(QStringLiteral("retry"), r.error());
    }
    if (fields.ok() && json.contains(QStringLiteral("approval"))) {
        JsonFields a(fields.optionalObject(QStringLiteral("approval")), QString());
        step.requiresApproval = true;
        step.approvalPrompt = a.optionalString(QStringLiteral("prompt"));
        if (!a.ok())
            fields.fail(QStringLiteral("approval"), a.error());
    }
    if (fields.ok() && json.contains(QStringLiteral("guard"))) {
        QString problem;
        step.guard = StepGuard::fromJson(fields.optionalObject(QStringLiteral("guard")), &problem);
        if (fields.ok() && !step.guard)
            fields.fail(QStringLiteral("guard"), problem);
    }
    if (fields.ok() && json.contains(QStringLiteral("position"))) {
        JsonFields p(fields.optionalObject(QStringLiteral("position")), QString());
        step.position = QPointF(p.optionalNumber(QStringLiteral("x"), 0), p.optionalNumber(QStringLiteral("y"), 0));
        if (!p.ok())
            fields.fail(QStringLiteral("position"), p.error());
    }
    return finish();
}

QJsonObject PlanFormat::toJson(const PlanData &plan)
{
    PlanData sorted = plan;
    sorted.normalize();
    const PlanMetadata &m = sorted.metadata;
    QJsonObject metadata{{QStringLiteral("id"), m.id},
                         {QStringLiteral("name"), m.name},
                         {QStringLiteral("description"), m.description},
                         {QStringLiteral("kind"), toString(m.kind)},
                         {QStringLiteral("rtoSeconds"), m.rtoSeconds},
                         {QStringLiteral("rpoSeconds"), m.rpoSeconds}};
    QJsonArray steps;
    for (const PlanStep &step : sorted.steps)
        steps.append(stepToJson(step));
    QJsonArray edges;
    for (const PlanEdge &edge : sorted.edges)
        edges.append(QJsonObject{{QStringLiteral("from"), edge.from}, {QStringLiteral("to"), edge.to}});
    return {{QStringLiteral("format"), formatName()},
            {QStringLiteral("version"), Version},
            {QStringLiteral("plan"), metadata},
            {QStringLiteral("steps"), steps},
            {QStringLiteral("edges"), edges}};
}

QByteArray PlanFormat::toBytes(const QJsonObject &formatJson)
{
    QByteArray out;
    write(out, formatJson, 0);
    out += '\n';
    return out;
}

QByteArray PlanFormat::toBytes(const PlanData &plan)
{
    return toBytes(toJson(plan));
}

std::optional<PlanData> PlanFormat::fromJson(const QJsonObject &json, QString *error)
{
    JsonFields fields(json);
    PlanData plan;
    auto fail = [error](const QString &problem) -> std::optional<PlanData> {
        if (error)
            *error = problem;
        return std::nullopt;
    };
    const QString format = fields.requiredString(QStringLiteral("format"));
    if (!fields.ok() || format != formatName())
        return fail(
            tr("This is not a Haven plan file (\"format\" is \"%1\", expected \"%2\").").arg(format, formatName()));
    const qint64 version = fields.requiredInteger(QStringLiteral("version"));
    if (!fields.ok() || version < 1)
        return fail(tr("The file has no valid format version."));
    if (version > Version) {
        return fail(tr("The file uses plan format version %1; this Haven reads version %2 and older. Update Haven "
                       "to import it; nothing was imported.")
                        .arg(version)
                        .arg(Version));
    }
    if (!checkKeys(json,
                   {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("plan"),
                    QStringLiteral("steps"), QStringLiteral("edges")},
                   fields))
        return fail(tr("The file's structure is invalid: %1.").arg(fields.error()));

    const QJsonObject metadata = fields.requiredObject(QStringLiteral("plan"));
    if (fields.ok()) {
        JsonFields m(metadata, QStringLiteral("plan"));
        if (checkKeys(metadata,
                      {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("description"),
                       QStringLiteral("kind"), QStringLiteral("rtoSeconds"), QStringLiteral("rpoSeconds")},
                      m)) {
            plan.metadata.id = m.optionalString(QStringLiteral("id"));
            plan.metadata.name = m.requiredString(QStringLiteral("name"));
            plan.metadata.description = m.optionalString(QStringLiteral("description"));
            plan.metadata.kind = m.requiredEnum<PlanKind>(QStringLiteral("kind"), planKindFromString,
                                                          QStringLiteral("disasterRecovery | emergency | drill"));
            plan.metadata.rtoSeconds = m.boundedInteger(QStringLiteral("rtoSeconds"), 0, 0, 365 * 86400);
            plan.metadata.rpoSeconds = m.boundedInteger(QStringLiteral("rpoSeconds"), 0, 0, 365 * 86400);
        }
        if (!m.ok())
            return fail(tr("The file's structure is invalid: %1.").arg(m.error()));
    }
    const QJsonArray steps = fields.requiredArray(QStringLiteral("steps"));
    const QJsonArray edges = fields.optionalArray(QStringLiteral("edges"));
    if (!fields.ok())
        return fail(tr("The file's structure is invalid: %1.").arg(fields.error()));

    QSet<StepId> ids;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QString path = QStringLiteral("steps[%1]").arg(i);
        if (!steps[i].isObject())
            return fail(tr("The file's structure is invalid: %1: expected an object.").arg(path));
        QString problem;
        std::optional<PlanStep> step = stepFromJson(steps[i].toObject(), &problem);
        if (!step)
            return fail(tr("The file's structure is invalid: %1.%2").arg(path, problem));
        if (ids.contains(step->id))
            return fail(tr("The file's structure is invalid: %1.id: step id %2 is used twice.").arg(path).arg(step->id));
        ids.insert(step->id);
        plan.steps.append(*step);
    }
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const QString path = QStringLiteral("edges[%1]").arg(i);
        JsonFields e(edges[i].toObject(), path);
        if (!edges[i].isObject())
            e.fail(QString(), QStringLiteral("expected an object"));
        else
            checkKeys(edges[i].toObject(), {QStringLiteral("from"), QStringLiteral("to")}, e);
        PlanEdge edge;
        edge.from = int(e.requiredInteger(QStringLiteral("from")));
        edge.to = int(e.requiredInteger(QStringLiteral("to")));
        if (!e.ok())
            return fail(tr("The file's structure is invalid: %1.").arg(e.error()));
        plan.edges.append(edge);
    }
    plan.normalize();
    return plan;
}

PlanFormat::ImportResult PlanFormat::fromBytes(const QByteArray &bytes, const QList<OperationSpec> &catalog)
{
    ImportResult result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray before = bytes.left(parseError.offset);
        result.line = int(before.count('\n')) + 1;
        result.column = int(parseError.offset - (before.lastIndexOf('\n') + 1)) + 1;
        result.error = tr("The file is not valid JSON: %1 at line %2, column %3 (offset %4). Nothing was imported.")
                           .arg(parseError.errorString())
                           .arg(result.line)
                           .arg(result.column)
                           .arg(parseError.offset);
        return result;
    }
    if (!document.isObject()) {
        result.error = tr("The file is not a Haven plan: it holds no JSON object. Nothing was imported.");
        return result;
    }
    QString problem;
    result.plan = fromJson(document.object(), &problem);
    if (!result.plan) {
        result.error = problem;
        return result;
    }
    result.plan->metadata.state = PlanState::Draft;
    if (!catalog.isEmpty()) {
        QSet<QString> known;
        for (const OperationSpec &spec : catalog)
            known.insert(spec.code);
        QSet<QString> unknown;
        for (const PlanStep &step : std::as_const(result.plan->steps)) {
            if (!known.contains(step.operation))
                unknown.insert(step.operation);
        }
        result.unknownOperations = QStringList(unknown.cbegin(), unknown.cend());
        result.unknownOperations.sort();
        if (!result.unknownOperations.isEmpty()) {
            result.error = tr("The plan uses operations that no site offers: %1. It can be opened as a draft, but it "
                              "cannot become effective until those steps are changed or a site offers them.")
                               .arg(result.unknownOperations.join(QStringLiteral(", ")));
        }
    }
    return result;
}

} // namespace Haven
