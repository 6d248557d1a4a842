// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatedbackend.h"

#include "agent/http/prometheus.h"

#include "agent/site/topologystate.h"
#include "simulatedsite.h"

#include <QPointer>

namespace Haven {

// One operation run by the simulated site; the backend routes the site's events to it.
class SimulatedExecution final : public ActionExecution
{
    Q_OBJECT
public:
    SimulatedExecution(SimulatedBackend *backend, const ActionContext &context)
        : m_backend(backend)
        , m_operation(context.operation)
        , m_parameters(context.parameters)
    { }

    ~SimulatedExecution() override
    {
        if (m_backend && m_run != 0)
            m_backend->forgetRun(m_run);
    }

    void start() override
    {
        if (!m_backend || m_started || m_finished)
            return;
        m_started = true;
        QString error;
        m_run = m_backend->startRun(this, m_operation, m_parameters, &error);
        if (m_run == 0)
            finishLater(ActionState::Failed, error);
    }

    void cancel() override
    {
        if (m_run != 0 && m_backend)
            m_backend->cancelRun(m_run);
        else if (!m_finished)
            finishLater(ActionState::Cancelled, QStringLiteral("cancelled before it started"));
    }

    void deliver(const OperationEvent &event)
    {
        if (event.finalState) {
            m_run = 0;
            m_finished = true;
            Q_EMIT finished(*event.finalState, event.message);
        } else {
            Q_EMIT logged(event.logLine + QLatin1Char('\n')); // the log is text: one line each
        }
    }

private:
    // The caller is still busy with start() or cancel(): report on the next event loop turn.
    void finishLater(ActionState state, const QString &message)
    {
        m_finished = true;
        QMetaObject::invokeMethod(
            this,
            [this, state, message] {
            Q_EMIT logged(toString(state) + QStringLiteral(": ") + message + QLatin1Char('\n'));
            Q_EMIT finished(state, message);
            },
            Qt::QueuedConnection);
    }

    QPointer<SimulatedBackend> m_backend;
    QString m_operation;
    QJsonObject m_parameters;
    quint64 m_run = 0;
    bool m_started = false;
    bool m_finished = false;
};

std::unique_ptr<SimulatedBackend> SimulatedBackend::fromProfile(const QString &path, double speed, quint32 seed,
                                                                QString *error)
{
    std::unique_ptr<SimulatedSite> site = SimulatedSite::fromFile(path, seed, error);
    if (!site)
        return nullptr;
    return std::make_unique<SimulatedBackend>(std::move(site), speed);
}

SimulatedBackend::SimulatedBackend(std::unique_ptr<SimulatedSite> site, double speed, QObject *parent)
    : SiteBackend(parent)
    , m_site(std::move(site))
    , m_speed(speed > 0 ? speed : 1.0)
    , m_reportedRevision(m_site->topology().revision())
{
    m_site->setStartTime(QDateTime::currentDateTimeUtc());
    m_site->setWallClock([] { return QDateTime::currentDateTimeUtc(); });
    m_clock.start();
    m_timer.setInterval(TickMilliseconds);
    connect(&m_timer, &QTimer::timeout, this, &SimulatedBackend::tick);
    m_timer.start();
}

SimulatedBackend::~SimulatedBackend() = default;

SiteInfo SimulatedBackend::siteInfo() const
{
    SiteInfo info = m_site->siteInfo();
    info.agentVersion = QStringLiteral(HAVEN_VERSION);
    info.backend = QStringLiteral("simulated");
    return info;
}

const TopologyState &SimulatedBackend::topology() const
{
    return m_site->topology();
}

QList<OperationSpec> SimulatedBackend::operations() const
{
    return m_site->operations();
}

std::unique_ptr<ActionExecution> SimulatedBackend::createExecution(const ActionContext &context, QString *error)
{
    const QString problem = m_site->checkOperation(context.operation, context.parameters);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return nullptr;
    }
    return std::make_unique<SimulatedExecution>(this, context);
}

QList<FaultKind> SimulatedBackend::supportedFaults() const
{
    return SimulatedSite::supportedFaults();
}

QString SimulatedBackend::checkFault(const FaultRecord &fault) const
{
    return m_site->checkFault(fault);
}

std::unique_ptr<FaultExecution> SimulatedBackend::injectFault(const FaultRecord &fault)
{
    return std::make_unique<FaultStage>([backend = QPointer(this), fault] {
        if (!backend)
            return QStringLiteral("the simulated site has stopped");
        const QString problem = backend->m_site->applyFault(fault);
        backend->reportTopology();
        return problem;
    });
}

std::unique_ptr<FaultExecution> SimulatedBackend::revertFault(const FaultRecord &fault)
{
    return std::make_unique<FaultStage>([backend = QPointer(this), id = fault.id] {
        if (!backend)
            return QStringLiteral("the simulated site has stopped");
        backend->m_site->revertFault(id);
        backend->reportTopology();
        return QString();
    });
}

std::unique_ptr<FaultExecution> SimulatedBackend::verifyFault(const FaultRecord &fault)
{
    return std::make_unique<FaultStage>([backend = QPointer(this), id = fault.id] {
        return backend ? backend->m_site->faultEffect(id) : QStringLiteral("the simulated site has stopped");
    });
}

void SimulatedBackend::setOrphanedFaults(const QList<FaultRecord> &faults)
{
    m_site->setOrphanedFaults(faults);
    reportTopology();
}

void SimulatedBackend::tick()
{
    const qint64 now = m_clock.elapsed();
    m_site->advance(double(now - m_lastTickMs) / 1000.0 * m_speed);
    m_lastTickMs = now;
    deliverEvents();
    reportTopology();
}

quint64 SimulatedBackend::startRun(SimulatedExecution *execution, const QString &operation,
                                   const QJsonObject &parameters, QString *error)
{
    const quint64 run = m_site->startOperation(operation, parameters, error);
    if (run != 0)
        m_executions.insert(run, execution);
    return run;
}

void SimulatedBackend::cancelRun(quint64 run)
{
    m_site->cancelOperation(run);
}

void SimulatedBackend::forgetRun(quint64 run)
{
    // The execution went away while its run was still going: nobody waits for the result.
    m_executions.remove(run);
    m_site->cancelOperation(run);
}

void SimulatedBackend::deliverEvents()
{
    const QList<OperationEvent> events = m_site->takeEvents();
    for (const OperationEvent &event : events) {
        // Looked up per event: a receiver may delete an execution when it finishes.
        SimulatedExecution *execution = event.finalState ? m_executions.take(event.run) : m_executions.value(event.run);
        if (execution)
            execution->deliver(event);
    }
}

void SimulatedBackend::reportTopology()
{
    const quint64 revision = m_site->topology().revision();
    if (revision == m_reportedRevision)
        return;
    m_reportedRevision = revision;
    Q_EMIT topologyChanged(revision);
}

// --- Prometheus -----------------------------------------------------------------------------

namespace {

int statusCode(ComponentStatus status)
{
    switch (status) {
    case ComponentStatus::Ok:
        return 0;
    case ComponentStatus::Warning:
        return 1;
    case ComponentStatus::Critical:
        return 2;
    case ComponentStatus::Down:
        return 3;
    case ComponentStatus::Unknown:
        return 4;
    }
    return 4;
}

} // namespace

QString SimulatedBackend::metricsText() const
{
    using Labels = PrometheusText::Labels;
    const TopologySnapshot snapshot = m_site->topology().snapshot();
    const QString site = snapshot.siteId;
    auto componentLabels = [&site](const Component &c) {
        return Labels{{QStringLiteral("site"), site},
                      {QStringLiteral("component"), c.id},
                      {QStringLiteral("layer"), toString(c.layer)},
                      {QStringLiteral("product_group"), c.productGroup}};
    };

    PrometheusText out;
    out.family(QStringLiteral("haven_component_status"),
               QStringLiteral("Component status: 0 ok, 1 warning, 2 critical, 3 down, 4 unknown."));
    for (const Component &c : snapshot.components)
        out.sample(componentLabels(c), statusCode(c.status));
    // The topology's metrics keep the units operators read (percent, ms); Prometheus wants base
    // units, so each is scaled here (docs/agent-protocol.md, "Metrics").
    const struct
    {
        const char *metric;
        const char *name;
        const char *help;
        double scale;
    } gauges[] = {
        {"cpu", "haven_component_cpu_ratio", "CPU use of the component, 0 to 1.", 0.01},
        {"memory", "haven_component_memory_ratio", "Memory use of the component, 0 to 1.", 0.01},
        {"qps", "haven_component_requests_per_second", "Requests served by the component per second.", 1},
        {"latencyMs", "haven_component_latency_seconds", "Response time of the component, seconds.", 0.001},
        {"capacity", "haven_component_capacity_ratio", "Capacity watermark of the component, 0 to 1.", 0.01},
    };
    for (const auto &gauge : gauges) {
        const QString metric = QLatin1StringView(gauge.metric);
        out.family(QLatin1StringView(gauge.name), QLatin1StringView(gauge.help));
        for (const Component &c : snapshot.components) {
            const auto value = c.metrics.constFind(metric);
            if (value != c.metrics.cend())
                out.sample(componentLabels(c), *value * gauge.scale);
        }
    }
    out.family(QStringLiteral("haven_replication_lag_seconds"),
               QStringLiteral("Replication lag of a link, seconds; role is this site's side."));
    for (const ReplicationLink &link : snapshot.replication) {
        out.sample({{QStringLiteral("site"), site},
                    {QStringLiteral("link"), link.id},
                    {QStringLiteral("role"), toString(link.role)},
                    {QStringLiteral("from_site"), link.fromSite},
                    {QStringLiteral("to_site"), link.toSite}},
                   link.lagSeconds);
    }
    out.family(QStringLiteral("haven_replication_healthy"),
               QStringLiteral("1 when the replication link is healthy, 0 when lagging or broken."));
    for (const ReplicationLink &link : snapshot.replication) {
        out.sample({{QStringLiteral("site"), site}, {QStringLiteral("link"), link.id}},
                   link.state == ReplicationState::Healthy ? 1 : 0);
    }
    out.family(QStringLiteral("haven_traffic_share_ratio"),
               QStringLiteral("Share of a product group's traffic served by this site, 0 to 1."));
    for (auto it = snapshot.traffic.cbegin(); it != snapshot.traffic.cend(); ++it)
        out.sample({{QStringLiteral("site"), site}, {QStringLiteral("product_group"), it.key()}}, it.value() / 100.0);
    return out.text();
}

} // namespace Haven

#include "simulatedbackend.moc"
