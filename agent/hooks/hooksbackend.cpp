// SPDX-License-Identifier: GPL-3.0-or-later
#include "hooksbackend.h"

#include "agent/http/prometheus.h"
#include "core/jsonfields.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QSet>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QSysInfo>

#include <algorithm>
#include <array>
#include <cmath>
#include <type_traits>
#include <utility>

Q_LOGGING_CATEGORY(lcHooks, "haven.agent.hooks", QtInfoMsg)

namespace Haven {

namespace {

constexpr int DefaultOperationTimeoutSeconds = 300;
constexpr int MaxOperationTimeoutSeconds = 24 * 3600;
// A fault stays "injecting" until its hook returns: one that starts a lasting pressure leaves
// it running outside its process group (setsid) and returns.
constexpr int DefaultFaultTimeoutSeconds = 20;
constexpr int MaxFaultTimeoutSeconds = 120;
constexpr int DefaultTopologyIntervalSeconds = 30;
constexpr int DefaultTopologyTimeoutSeconds = 20;
constexpr qsizetype MaxTopologyReportBytes = 4 * 1024 * 1024;
constexpr qsizetype MaxHookMessageChars = 500;

// --- catalog parsing ---------------------------------------------------------------------

void refuseUnknownFields(JsonFields &fields, const QStringList &known)
{
    const QStringList keys = fields.object().keys();
    for (const QString &key : keys) {
        if (!known.contains(key)) {
            fields.fail(key, QStringLiteral("unknown field (expected %1)").arg(known.join(QStringLiteral(", "))));
            return;
        }
    }
}

QString indexed(const QString &name, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(name).arg(index);
}

// Paths with a slash are relative to the catalog's folder, bare names are looked up in PATH.
QString resolveProgram(const QString &name, const QDir &baseDir, QString *problem)
{
    if (!name.contains(QLatin1Char('/'))) {
        const QString found = QStandardPaths::findExecutable(name);
        if (found.isEmpty())
            *problem = QStringLiteral("\"%1\" was not found in PATH").arg(name);
        return found;
    }
    const QString path = QDir::cleanPath(baseDir.absoluteFilePath(name));
    const QFileInfo info(path);
    if (!info.exists())
        *problem = QStringLiteral("%1 does not exist").arg(path);
    else if (!info.isFile())
        *problem = QStringLiteral("%1 is not a file").arg(path);
    else if (!info.isExecutable())
        *problem = QStringLiteral("%1 is not executable").arg(path);
    return path;
}

HookCommand commandFromJson(JsonFields &fields, const QString &key, const QDir &baseDir)
{
    HookCommand command;
    const QJsonArray argv = fields.requiredArray(key);
    if (!fields.ok())
        return command;
    if (argv.isEmpty()) {
        fields.fail(key, QStringLiteral("expected the program and its arguments, got an empty array"));
        return command;
    }
    for (qsizetype i = 0; i < argv.size(); ++i) {
        if (!argv.at(i).isString() || argv.at(i).toString().isEmpty()) {
            fields.fail(indexed(key, i), QStringLiteral("expected a non-empty string"));
            return command;
        }
        command.arguments.append(argv.at(i).toString());
    }
    QString problem;
    command.program = resolveProgram(command.arguments.takeFirst(), baseDir, &problem);
    if (!problem.isEmpty())
        fields.fail(indexed(key, 0), problem);
    return command;
}

std::optional<HooksCatalog::Operation> operationFromJson(const QJsonObject &json, const QString &path,
                                                         const QDir &baseDir, QString *error)
{
    JsonFields fields(json, path);
    refuseUnknownFields(fields,
                        {QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("description"),
                         QStringLiteral("layer"), QStringLiteral("parameters"), QStringLiteral("reversible"),
                         QStringLiteral("inverse"), QStringLiteral("command"), QStringLiteral("timeoutSeconds")});
    if (!fields.ok()) {
        *error = fields.error();
        return std::nullopt;
    }
    std::optional<OperationSpec> spec = OperationSpec::fromJson(json, error, path);
    if (!spec)
        return std::nullopt;
    HooksCatalog::Operation operation{std::move(*spec), commandFromJson(fields, QStringLiteral("command"), baseDir)};
    operation.command.timeoutSeconds = fields.boundedInteger(QStringLiteral("timeoutSeconds"),
                                                             DefaultOperationTimeoutSeconds, 1,
                                                             MaxOperationTimeoutSeconds);
    if (!fields.ok()) {
        *error = fields.error();
        return std::nullopt;
    }
    return operation;
}

std::optional<HooksCatalog::FaultHooks> faultHooksFromJson(const QJsonObject &json, const QString &path,
                                                           const QDir &baseDir, QString *error)
{
    JsonFields fields(json, path);
    refuseUnknownFields(fields, {QStringLiteral("inject"), QStringLiteral("revert"), QStringLiteral("verify"),
                                 QStringLiteral("timeoutSeconds")});
    HooksCatalog::FaultHooks hooks{commandFromJson(fields, QStringLiteral("inject"), baseDir),
                                   commandFromJson(fields, QStringLiteral("revert"), baseDir), std::nullopt};
    if (json.contains(QStringLiteral("verify")))
        hooks.verify = commandFromJson(fields, QStringLiteral("verify"), baseDir);
    const int timeout = fields.boundedInteger(QStringLiteral("timeoutSeconds"), DefaultFaultTimeoutSeconds, 1,
                                              MaxFaultTimeoutSeconds);
    hooks.inject.timeoutSeconds = timeout;
    hooks.revert.timeoutSeconds = timeout;
    if (hooks.verify)
        hooks.verify->timeoutSeconds = timeout;
    if (!fields.ok()) {
        *error = fields.error();
        return std::nullopt;
    }
    return hooks;
}

bool checkOperationCodes(const QList<HooksCatalog::Operation> &operations, QString *error)
{
    QHash<QString, qsizetype> indexOf;
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const QString &code = operations.at(i).spec.code;
        if (indexOf.contains(code)) {
            *error = QStringLiteral("%1.code: \"%2\" is already used by %3")
                         .arg(indexed(QStringLiteral("operations"), i), code,
                              indexed(QStringLiteral("operations"), indexOf.value(code)));
            return false;
        }
        indexOf.insert(code, i);
    }
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const QString &inverse = operations.at(i).spec.inverse;
        if (!inverse.isEmpty() && !indexOf.contains(inverse)) {
            *error = QStringLiteral("%1.inverse: no operation \"%2\" in the catalog")
                         .arg(indexed(QStringLiteral("operations"), i), inverse);
            return false;
        }
    }
    return true;
}

// --- topology reports --------------------------------------------------------------------

struct TopologyReport
{
    QList<Component> components;
    QList<Dependency> dependencies;
    QList<ReplicationLink> replication;
    std::optional<QMap<QString, double>> traffic;
};

template<typename T>
bool listFromJson(const QJsonArray &array, const QString &name, QList<T> *list, QString *error)
{
    QSet<QString> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = indexed(name, i);
        if (!array.at(i).isObject()) {
            *error = path + QStringLiteral(": expected an object");
            return false;
        }
        std::optional<T> item = T::fromJson(array.at(i).toObject(), error, path);
        if (!item)
            return false;
        if constexpr (!std::is_same_v<T, Dependency>) {
            if (seen.contains(item->id)) {
                *error = QStringLiteral("%1.id: \"%2\" appears twice").arg(path, item->id);
                return false;
            }
            seen.insert(item->id);
        }
        list->append(std::move(*item));
    }
    return true;
}

std::optional<TopologyReport> parseTopologyReport(const QByteArray &output, const QString &hostComponentId,
                                                  QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(output, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("expected a JSON object");
        return std::nullopt;
    }
    JsonFields fields(document.object());
    refuseUnknownFields(fields, {QStringLiteral("components"), QStringLiteral("dependencies"),
                                 QStringLiteral("replication"), QStringLiteral("traffic")});
    const QJsonArray components = fields.requiredArray(QStringLiteral("components"));
    const QJsonArray dependencies = fields.optionalArray(QStringLiteral("dependencies"));
    const QJsonArray replication = fields.optionalArray(QStringLiteral("replication"));
    const QJsonObject traffic = fields.optionalObject(QStringLiteral("traffic"));
    if (!fields.ok()) {
        *error = fields.error();
        return std::nullopt;
    }

    TopologyReport report;
    if (!listFromJson(components, QStringLiteral("components"), &report.components, error)
        || !listFromJson(dependencies, QStringLiteral("dependencies"), &report.dependencies, error)
        || !listFromJson(replication, QStringLiteral("replication"), &report.replication, error))
        return std::nullopt;
    for (qsizetype i = 0; i < report.components.size(); ++i) {
        if (report.components.at(i).id == hostComponentId) {
            *error = QStringLiteral("%1.id: \"%2\" is the agent's own host component")
                         .arg(indexed(QStringLiteral("components"), i), hostComponentId);
            return std::nullopt;
        }
    }
    if (fields.object().contains(QStringLiteral("traffic"))) {
        QMap<QString, double> shares;
        JsonFields trafficFields(traffic, QStringLiteral("traffic"));
        for (auto it = traffic.constBegin(); it != traffic.constEnd(); ++it) {
            const double share = trafficFields.requiredNumber(it.key());
            if (trafficFields.ok() && (share < 0 || share > 100))
                trafficFields.fail(it.key(), QStringLiteral("expected a percentage from 0 to 100"));
            shares.insert(it.key(), share);
        }
        if (!trafficFields.ok()) {
            *error = trafficFields.error();
            return std::nullopt;
        }
        report.traffic = std::move(shares);
    }
    return report;
}

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

// --- operations --------------------------------------------------------------------------

// One run of an operation hook: parameters on stdin, output streamed to the action's log,
// the whole process group stopped on timeout or cancel.
class HookExecution final : public ActionExecution
{
    Q_OBJECT
public:
    explicit HookExecution(HookProcess::Options options)
        : m_process(std::move(options))
    {
        connect(&m_process, &HookProcess::outputReceived, this, [this](const QByteArray &chunk) {
            if (const QString text = m_decoder.decode(chunk); !text.isEmpty())
                Q_EMIT logged(text);
        });
        connect(&m_process, &HookProcess::finished, this, &HookExecution::processFinished);
    }

    void start() override
    {
        if (m_process.isFinished())
            return; // cancelled before it started
        const HookProcess::Options &options = m_process.options();
        const QStringList commandLine = QStringList{options.program} + options.arguments;
        Q_EMIT logged(QStringLiteral("$ %1\n").arg(commandLine.join(QLatin1Char(' '))));
        m_process.start();
    }

    void cancel() override
    {
        if (!m_process.isRunning())
            return m_process.cancel(QStringLiteral("cancelled before the hook ran"));
        Q_EMIT logged(QStringLiteral("\ncancelled: stopping the hook and everything it started\n"));
        m_process.cancel(QStringLiteral("cancelled"));
    }

private:
    void processFinished(const HookProcess::Result &result)
    {
        if (result.outcome == HookProcess::Outcome::TimedOut)
            Q_EMIT logged(QStringLiteral("\n%1: stopped the hook and everything it started\n").arg(result.message));
        if (result.succeeded())
            Q_EMIT finished(ActionState::Succeeded, {});
        else if (result.outcome == HookProcess::Outcome::Cancelled)
            Q_EMIT finished(ActionState::Cancelled, result.message);
        else
            Q_EMIT finished(ActionState::Failed, result.describe());
    }

    HookProcess m_process;
    QStringDecoder m_decoder{QStringDecoder::Utf8};
};

} // namespace

// --- HooksCatalog ------------------------------------------------------------------------

std::optional<HooksCatalog> HooksCatalog::load(const QString &path, QString *error)
{
    const auto failed = [&](const QString &problem) {
        *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), problem);
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed(file.errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failed(
            QStringLiteral("not valid JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return failed(QStringLiteral("expected a JSON object"));
    QString problem;
    std::optional<HooksCatalog> catalog = fromJson(document.object(), QFileInfo(path).absolutePath(), &problem);
    if (!catalog)
        return failed(problem);
    return catalog;
}

std::optional<HooksCatalog> HooksCatalog::fromJson(const QJsonObject &json, const QString &baseDir, QString *error)
{
    const QDir base(baseDir);
    JsonFields fields(json);
    refuseUnknownFields(fields, {QStringLiteral("operations"), QStringLiteral("faults"), QStringLiteral("topology")});
    const QJsonArray operations = fields.requiredArray(QStringLiteral("operations"));
    const QJsonObject faults = fields.optionalObject(QStringLiteral("faults"));
    const QJsonObject topology = fields.optionalObject(QStringLiteral("topology"));
    if (!fields.ok()) {
        *error = fields.error();
        return std::nullopt;
    }

    HooksCatalog catalog;
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const QString path = indexed(QStringLiteral("operations"), i);
        if (!operations.at(i).isObject()) {
            *error = path + QStringLiteral(": expected an object");
            return std::nullopt;
        }
        std::optional<Operation> operation = operationFromJson(operations.at(i).toObject(), path, base, error);
        if (!operation)
            return std::nullopt;
        catalog.operations.append(std::move(*operation));
    }
    if (!checkOperationCodes(catalog.operations, error))
        return std::nullopt;

    for (auto it = faults.constBegin(); it != faults.constEnd(); ++it) {
        const QString path = QStringLiteral("faults.") + it.key();
        const std::optional<FaultKind> kind = faultKindFromString(it.key());
        if (!kind) {
            *error = QStringLiteral("%1: unknown fault kind (expected %2)").arg(path, allowedFaultKinds());
            return std::nullopt;
        }
        if (!it.value().isObject()) {
            *error = path + QStringLiteral(": expected an object");
            return std::nullopt;
        }
        std::optional<FaultHooks> hooks = faultHooksFromJson(it.value().toObject(), path, base, error);
        if (!hooks)
            return std::nullopt;
        catalog.faults.insert(*kind, std::move(*hooks));
    }

    if (fields.object().contains(QStringLiteral("topology"))) {
        JsonFields topologyFields(topology, QStringLiteral("topology"));
        refuseUnknownFields(topologyFields, {QStringLiteral("command"), QStringLiteral("intervalSeconds"),
                                             QStringLiteral("timeoutSeconds")});
        HookCommand command = commandFromJson(topologyFields, QStringLiteral("command"), base);
        const int interval = topologyFields.boundedInteger(QStringLiteral("intervalSeconds"),
                                                           DefaultTopologyIntervalSeconds, 1, 3600);
        command.timeoutSeconds = topologyFields.boundedInteger(QStringLiteral("timeoutSeconds"),
                                                               std::min(DefaultTopologyTimeoutSeconds, interval), 1,
                                                               600);
        if (!topologyFields.ok()) {
            *error = topologyFields.error();
            return std::nullopt;
        }
        catalog.topology = std::move(command);
        catalog.topologyInterval = std::chrono::seconds(interval);
    }
    return catalog;
}

// --- HooksBackend ------------------------------------------------------------------------

std::unique_ptr<HooksBackend> HooksBackend::create(const HooksSettings &settings, QString *error)
{
    if (settings.identity.id.isEmpty()) {
        *error = QStringLiteral("the site has no id");
        return nullptr;
    }
    if (!settings.dataDir.isEmpty() && !QDir().mkpath(settings.dataDir)) {
        *error = QStringLiteral("cannot create the data directory %1").arg(settings.dataDir);
        return nullptr;
    }
    std::optional<HooksCatalog> catalog = HooksCatalog::load(settings.catalogPath, error);
    if (!catalog)
        return nullptr;
    return std::unique_ptr<HooksBackend>(new HooksBackend(settings, std::move(*catalog)));
}

HooksBackend::HooksBackend(HooksSettings settings, HooksCatalog catalog)
    : m_settings(std::move(settings))
    , m_catalog(std::move(catalog))
    , m_topology(m_settings.identity.id)
    , m_hostMetrics(m_settings.dataDir.isEmpty() ? QDir::currentPath() : m_settings.dataDir, m_settings.procRoot)
    , m_hostComponentId(QStringLiteral("host-") + QSysInfo::machineHostName())
{
    refreshHost();
    connect(&m_hostTimer, &QTimer::timeout, this, &HooksBackend::refreshHost);
    m_hostTimer.start(m_settings.hostRefresh);

    if (m_catalog.topology) {
        connect(&m_topologyTimer, &QTimer::timeout, this, &HooksBackend::runTopologyHook);
        m_topologyTimer.start(m_catalog.topologyInterval);
        // The first report as soon as the event loop runs, after the caller has connected.
        QTimer::singleShot(0, this, &HooksBackend::runTopologyHook);
    }
}

HooksBackend::~HooksBackend() = default;

SiteInfo HooksBackend::siteInfo() const
{
    SiteInfo info = m_settings.identity;
    info.backend = QStringLiteral("hooks");
    return info;
}

QList<OperationSpec> HooksBackend::operations() const
{
    QList<OperationSpec> specs;
    specs.reserve(m_catalog.operations.size());
    for (const HooksCatalog::Operation &operation : m_catalog.operations)
        specs.append(operation.spec);
    return specs;
}

HookProcess::Options HooksBackend::hookOptions(const HookCommand &command, QHash<QString, QString> environment,
                                               QByteArray input) const
{
    environment.insert(QStringLiteral("HAVEN_SITE_ID"), m_settings.identity.id);
    environment.insert(QStringLiteral("HAVEN_DATA_DIR"), m_settings.dataDir);
    HookProcess::Options options;
    options.program = command.program;
    options.arguments = command.arguments;
    options.environment = std::move(environment);
    options.input = std::move(input);
    options.workingDirectory = m_settings.dataDir;
    options.timeout = std::chrono::seconds(command.timeoutSeconds);
    return options;
}

std::unique_ptr<ActionExecution> HooksBackend::createExecution(const ActionContext &context, QString *error)
{
    const auto it = std::find_if(m_catalog.operations.cbegin(), m_catalog.operations.cend(),
                                 [&context](const HooksCatalog::Operation &operation) {
        return operation.spec.code == context.operation;
    });
    if (it == m_catalog.operations.cend()) {
        *error = QStringLiteral("no operation \"%1\" in this site's catalog").arg(context.operation);
        return nullptr;
    }
    // The catalog was checked at start-up, but the file may have changed since.
    const QFileInfo program(it->command.program);
    if (!program.isFile() || !program.isExecutable()) {
        *error = QStringLiteral("the hook of \"%1\" is no longer an executable file: %2")
                     .arg(context.operation, it->command.program);
        return nullptr;
    }

    const QHash<QString, QString> environment{{QStringLiteral("HAVEN_ACTION_ID"), context.actionId},
                                              {QStringLiteral("HAVEN_IDEMPOTENCY_KEY"), context.idempotencyKey},
                                              {QStringLiteral("HAVEN_OPERATION"), context.operation}};
    auto execution = std::make_unique<HookExecution>(
        hookOptions(it->command, environment, QJsonDocument(context.parameters).toJson(QJsonDocument::Compact)));
    connect(execution.get(), &ActionExecution::finished, this,
            [this](ActionState state) { ++m_finishedOperations[state]; });
    return execution;
}

// --- host component ----------------------------------------------------------------------

void HooksBackend::refreshHost()
{
    m_hostSample = m_hostMetrics.sample();
    const QString hostName = QSysInfo::machineHostName();
    Component host;
    host.id = m_hostComponentId;
    host.name = hostName;
    host.layer = Layer::Physical;
    host.kind = QStringLiteral("host");
    host.host = hostName;
    host.status = ComponentStatus::Unknown;

    struct Reading
    {
        QString metric;
        QString label;
        std::optional<double> percent;
    };
    const std::array readings{Reading{QStringLiteral("cpu"), QStringLiteral("CPU"), m_hostSample.cpuPercent},
                              Reading{QStringLiteral("memory"), QStringLiteral("memory"), m_hostSample.memoryPercent},
                              Reading{QStringLiteral("capacity"), QStringLiteral("data disk"),
                                      m_hostSample.diskPercent}};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Reading &reading : readings) {
        const QString alertId = QStringLiteral("host-") + reading.metric;
        if (!reading.percent) {
            m_hostAlertSince.remove(alertId);
            continue;
        }
        const double percent = *reading.percent;
        host.metrics.insert(reading.metric, rounded(percent, 1));
        ComponentStatus status = ComponentStatus::Ok;
        double threshold = 0;
        if (percent >= m_settings.criticalPercent) {
            status = ComponentStatus::Critical;
            threshold = m_settings.criticalPercent;
        } else if (percent >= m_settings.warningPercent) {
            status = ComponentStatus::Warning;
            threshold = m_settings.warningPercent;
        }
        host.status = host.status == ComponentStatus::Unknown ? status : worse(host.status, status);
        if (status == ComponentStatus::Ok) {
            m_hostAlertSince.remove(alertId);
            continue;
        }
        const QDateTime since = m_hostAlertSince.value(alertId, now);
        m_hostAlertSince.insert(alertId, since);
        host.alerts.append({alertId, toString(status),
                            QStringLiteral("%1 at or above %2 %").arg(reading.label).arg(threshold), since});
    }
    if (m_hostSample.load)
        host.metrics.insert(QStringLiteral("load"), rounded(m_hostSample.load->one, 2));
    addOrphanAlerts(host);
    publishIfChanged(m_topology.setComponent(std::move(host)));
}

// --- topology hook -----------------------------------------------------------------------

void HooksBackend::runTopologyHook()
{
    if (m_topologyRun)
        return; // the previous report is still being written
    HookProcess::Options options = hookOptions(*m_catalog.topology, {}, {});
    options.mergeChannels = false;
    options.outputCap = MaxTopologyReportBytes;
    options.stopAtCap = true;
    m_topologyRun = std::make_unique<HookProcess>(std::move(options));
    connect(m_topologyRun.get(), &HookProcess::finished, this, &HooksBackend::topologyHookFinished);
    m_topologyRun->start();
}

void HooksBackend::topologyHookFinished(const HookProcess::Result &result)
{
    m_topologyRun.release()->deleteLater(); // it is still emitting
    const QString errorOutput = QString::fromUtf8(result.errorOutput).trimmed();
    if (!result.succeeded()) {
        // The runner says how it ended: exit code, signal, timeout, output cap, not started.
        QString problem = result.describe();
        if (!errorOutput.isEmpty())
            problem += QStringLiteral(": ") + errorOutput.right(MaxHookMessageChars);
        rejectTopology(problem);
    } else if (const QString problem = applyTopologyReport(result.output); !problem.isEmpty()) {
        rejectTopology(QStringLiteral("printed an invalid report: ") + problem);
    }
}

void HooksBackend::rejectTopology(const QString &problem)
{
    ++m_topologyFailures;
    m_lastTopologyError = problem;
    qCWarning(lcHooks).noquote() << "topology hook" << m_catalog.topology->program << problem
                                 << "- keeping the last good topology";
}

QString HooksBackend::applyTopologyReport(const QByteArray &output)
{
    QString problem;
    std::optional<TopologyReport> report = parseTopologyReport(output, m_hostComponentId, &problem);
    if (!report)
        return problem;

    bool changed = false;
    QStringList components;
    for (Component &component : report->components) {
        components.append(component.id);
        changed |= m_topology.setComponent(std::move(component));
    }
    for (const QString &id : std::as_const(m_reportedComponents)) {
        if (!components.contains(id))
            changed |= m_topology.removeComponent(id);
    }
    m_reportedComponents = components;

    QStringList links;
    for (ReplicationLink &link : report->replication) {
        links.append(link.id);
        changed |= m_topology.setLink(std::move(link));
    }
    for (const QString &id : std::as_const(m_reportedLinks)) {
        if (!links.contains(id))
            changed |= m_topology.removeLink(id);
    }
    m_reportedLinks = links;

    changed |= m_topology.setDependencies(std::move(report->dependencies));
    if (report->traffic)
        changed |= m_topology.setTraffic(std::move(*report->traffic));

    ++m_topologyReports;
    m_lastTopologyError.clear();
    m_lastTopologySuccess = QDateTime::currentDateTimeUtc();
    publishIfChanged(changed);
    return {};
}

void HooksBackend::publishIfChanged(bool changed)
{
    if (changed)
        Q_EMIT topologyChanged(m_topology.revision());
}

// --- metrics -----------------------------------------------------------------------------

QString HooksBackend::metricsText() const
{
    PrometheusText text;
    // The host sampler reports percentages; Prometheus wants ratios.
    const auto ratio = [&text](const QString &name, const QString &help, std::optional<double> percent) {
        if (percent)
            text.gauge(name, help, *percent / 100.0);
    };
    ratio(QStringLiteral("haven_host_cpu_ratio"), QStringLiteral("CPU use of the agent's host, 0 to 1."),
          m_hostSample.cpuPercent);
    ratio(QStringLiteral("haven_host_memory_ratio"), QStringLiteral("Memory use of the agent's host, 0 to 1."),
          m_hostSample.memoryPercent);
    ratio(QStringLiteral("haven_host_data_disk_used_ratio"),
          QStringLiteral("Used share of the agent's data disk, 0 to 1."), m_hostSample.diskPercent);
    if (m_hostSample.load)
        text.gauge(QStringLiteral("haven_host_load1"), QStringLiteral("One-minute load average of the agent's host."),
                   m_hostSample.load->one);

    text.family(QStringLiteral("haven_hook_operations_total"),
                QStringLiteral("Operation hooks that finished, by outcome."), PrometheusText::Type::Counter);
    for (const ActionState state : {ActionState::Succeeded, ActionState::Failed, ActionState::Cancelled})
        text.sample({{QStringLiteral("state"), toString(state)}}, m_finishedOperations.value(state));
    if (m_catalog.topology) {
        text.family(QStringLiteral("haven_topology_reports_total"), QStringLiteral("Topology hook runs, by outcome."),
                    PrometheusText::Type::Counter);
        text.sample({{QStringLiteral("result"), QStringLiteral("ok")}}, m_topologyReports);
        text.sample({{QStringLiteral("result"), QStringLiteral("rejected")}}, m_topologyFailures);
        if (m_lastTopologySuccess.isValid())
            text.gauge(QStringLiteral("haven_topology_last_report_timestamp_seconds"),
                       QStringLiteral("When the topology hook last gave a usable report."),
                       static_cast<double>(m_lastTopologySuccess.toSecsSinceEpoch()));
    }
    return text.text();
}

} // namespace Haven

#include "hooksbackend.moc"
