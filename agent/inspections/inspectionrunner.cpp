// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionrunner.h"

#include "agent/process/hookprocess.h"
#include "agent/site/sitebackend.h"
#include "httpprobe.h"
#include "inspectioncatalog.h"
#include "protocol/protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <utility>

namespace Haven {

namespace {

constexpr qsizetype MaxScriptOutputBytes = 64 * 1024;
constexpr qsizetype MaxSummaryChars = 300;

QString parameterText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

// A catalog entry or a free-form script through the hook runner. The exit code is the status;
// the last output line that is a JSON object is the evidence; the first other line the summary.
class ScriptInspection final : public InspectionRunner
{
    Q_OBJECT
public:
    ScriptInspection(const InspectionCheck &check, HookProcess::Options options)
        : InspectionRunner(check)
        , m_process(std::move(options))
    {
        connect(&m_process, &HookProcess::finished, this, &ScriptInspection::processFinished);
    }

    void start() override
    {
        if (isFinished())
            return; // cancelled before it started
        markStarted();
        m_process.start();
    }

    void cancel() override
    {
        if (m_process.isRunning())
            m_process.cancel(QStringLiteral("cancelled"));
        else
            finish(result(InspectionStatus::Unknown, QStringLiteral("cancelled before it ran")));
    }

private:
    void processFinished(const HookProcess::Result &run)
    {
        using Outcome = HookProcess::Outcome;
        const QString output = QString::fromUtf8(run.output);
        QString transcript = run.describe() + QLatin1Char('\n') + output;
        if (run.truncated())
            transcript += QStringLiteral("\n[output truncated: %1 bytes in total]").arg(run.outputBytes);
        if (run.outcome != Outcome::Exited) {
            // A timeout, a crash or a program that cannot start says nothing about the site.
            const QString why = run.outcome == Outcome::Crashed
                                    ? QStringLiteral("the check was killed by signal %1").arg(run.exitCode)
                                    : run.describe();
            return finish(result(InspectionStatus::Unknown, why, transcript));
        }
        QJsonObject evidence;
        QString summary;
        const QStringList lines = output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (qsizetype i = lines.size() - 1; i >= 0 && evidence.isEmpty(); --i) {
            const QString line = lines.at(i).trimmed();
            if (line.startsWith(QLatin1Char('{')))
                evidence = QJsonDocument::fromJson(line.toUtf8()).object();
        }
        for (const QString &line : lines) {
            if (!line.trimmed().isEmpty() && !line.trimmed().startsWith(QLatin1Char('{'))) {
                summary = line.trimmed().left(MaxSummaryChars);
                break;
            }
        }
        if (summary.isEmpty())
            summary = run.describe();
        finish(result(inspectionStatusFromExitCode(run.exitCode), summary, transcript, evidence));
    }

    HookProcess m_process;
};

// A check the simulated site answers from its model (agent/simulated/simulatedinspections.cpp).
class SimulatedInspection final : public InspectionRunner
{
    Q_OBJECT
public:
    SimulatedInspection(const InspectionCheck &check, InspectionCheckResult answer)
        : InspectionRunner(check)
        , m_answer(std::move(answer))
    { }

    void start() override
    {
        if (isFinished())
            return;
        markStarted();
        finish(m_answer);
    }

    void cancel() override { finish(result(InspectionStatus::Unknown, QStringLiteral("cancelled"))); }

private:
    InspectionCheckResult m_answer;
};

HookProcess::Options scriptOptions(const InspectionCheck &check)
{
    HookProcess::Options options;
    options.timeout = std::chrono::seconds(check.timeoutSeconds);
    options.outputCap = MaxScriptOutputBytes;
    options.environment = {{QStringLiteral("HAVEN_CHECK_ID"), check.id}, {QStringLiteral("HAVEN_TARGET"), check.target}};
    return options;
}

std::unique_ptr<InspectionRunner> createCatalogCheck(const InspectionCheck &check, const InspectionContext &context,
                                                     InspectionRunner::Refusal *refusal)
{
    const InspectionCatalog::Entry *entry = context.catalog ? context.catalog->entry(check.catalog) : nullptr;
    if (!entry) {
        QStringList names;
        if (context.catalog) {
            for (const InspectionCatalog::Entry &known : context.catalog->entries())
                names.append(known.name);
        }
        *refusal = {400, QStringLiteral("invalid_inspection"),
                    names.isEmpty() ? QStringLiteral("catalog: this agent has no inspection catalog entry \"%1\" "
                                                     "(no catalog is configured)")
                                          .arg(check.catalog)
                                    : QStringLiteral("catalog: no entry \"%1\" in this agent's inspection catalog "
                                                     "(it has %2)")
                                          .arg(check.catalog, names.join(QStringLiteral(", ")))};
        return nullptr;
    }
    const QString problem = validateParameters(entry->parameters, check.parameters);
    if (!problem.isEmpty()) {
        *refusal = {400, QStringLiteral("invalid_inspection"), QStringLiteral("parameters: ") + problem};
        return nullptr;
    }
    HookProcess::Options options = scriptOptions(check);
    options.program = entry->program;
    options.arguments = entry->arguments;
    options.input = QJsonDocument(check.parameters).toJson(QJsonDocument::Compact) + '\n';
    for (auto it = check.parameters.constBegin(); it != check.parameters.constEnd(); ++it) {
        static const QRegularExpression unsafe(QStringLiteral("[^A-Z0-9_]"));
        options.environment.insert(QStringLiteral("HAVEN_PARAM_")
                                       + it.key().toUpper().replace(unsafe, QStringLiteral("_")),
                                   parameterText(it.value()));
    }
    return std::make_unique<ScriptInspection>(check, std::move(options));
}

std::unique_ptr<InspectionRunner> createFreeScript(const InspectionCheck &check, const InspectionContext &context,
                                                   InspectionRunner::Refusal *refusal)
{
    if (!context.allowFreeScripts) {
        *refusal = {403, QStringLiteral("free_scripts_disabled"),
                    QStringLiteral("this agent runs only checks from its inspection catalog; free-form scripts need "
                                   "allow_free_scripts = true in its [inspections] configuration")};
        return nullptr;
    }
    HookProcess::Options options = scriptOptions(check);
    if (check.interpreter == QLatin1StringView("shell")) {
        options.program = QStringLiteral("/bin/sh");
        options.arguments = {QStringLiteral("-c"), check.script};
    } else {
        // The script comes on stdin, so that it needs no temporary file.
        options.program = QStringLiteral("python3");
        options.arguments = {QStringLiteral("-")};
        options.input = check.script.toUtf8();
    }
    return std::make_unique<ScriptInspection>(check, std::move(options));
}

} // namespace

bool InspectionContext::hostAllowed(const QString &host) const
{
    const QString name = host.toLower();
    for (const QString &pattern : probeHosts) {
        const QRegularExpression wildcard(QRegularExpression::anchoredPattern(
            QRegularExpression::escape(pattern).replace(QStringLiteral("\\*"), QStringLiteral("[^.]*"))));
        if (wildcard.match(name).hasMatch())
            return true;
    }
    return false;
}

InspectionRunner::InspectionRunner(InspectionCheck check, QObject *parent)
    : QObject(parent)
    , m_check(std::move(check))
{ }

InspectionRunner::~InspectionRunner() = default;

std::unique_ptr<InspectionRunner> InspectionRunner::create(const InspectionCheck &check,
                                                           const InspectionContext &context, Refusal *refusal)
{
    switch (check.kind) {
    case InspectionKind::Catalog:
        if (context.backend) {
            if (std::optional<InspectionCheckResult> answer = context.backend->simulateInspection(check))
                return std::make_unique<SimulatedInspection>(check, std::move(*answer));
        }
        return createCatalogCheck(check, context, refusal);
    case InspectionKind::Script:
        return createFreeScript(check, context, refusal);
    case InspectionKind::Http:
    case InspectionKind::HttpSteps:
        return createHttpProbe(check, context, refusal);
    }
    return nullptr;
}

void InspectionRunner::markStarted()
{
    m_clock.start();
}

InspectionCheckResult InspectionRunner::result(InspectionStatus status, const QString &summary, const QString &output,
                                               const QJsonObject &evidence)
{
    InspectionCheckResult r;
    r.status = status;
    r.summary = summary;
    r.output = output;
    r.evidence = evidence;
    return r;
}

void InspectionRunner::finish(InspectionCheckResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    result.checkId = m_check.id;
    result.target = m_check.target;
    result.durationMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    // Queued, so that no caller sees finished() from inside start() or cancel().
    QMetaObject::invokeMethod(
        this, [this, result = std::move(result)] { Q_EMIT finished(result); }, Qt::QueuedConnection);
}

} // namespace Haven

#include "inspectionrunner.moc"
