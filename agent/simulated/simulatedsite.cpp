// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatedsite.h"

#include "simulatedsupport.h"

#include "core/jsonfields.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace Haven {

namespace {

using namespace SimulatedSupport;

// Share of components whose metrics move in one sample: keeps the change feed meaningful.
constexpr double MoveProbability = 0.12;
constexpr double ReversionSeconds = 300; // how fast drift returns towards the baseline
constexpr double DrainSeconds = 12;      // how fast a replica catches up on its backlog

const QStringList &metricNames()
{
    static const QStringList names{QStringLiteral("cpu"), QStringLiteral("memory"), QStringLiteral("qps"),
                                   QStringLiteral("latencyMs"), QStringLiteral("capacity")};
    return names;
}

bool isPercent(const QString &metric)
{
    return metric == QLatin1StringView("cpu") || metric == QLatin1StringView("memory")
           || metric == QLatin1StringView("capacity");
}

// Stationary standard deviation of a metric's drift, relative to its baseline.
double volatility(const QString &metric)
{
    if (metric == QLatin1StringView("cpu"))
        return 0.15;
    if (metric == QLatin1StringView("memory"))
        return 0.04;
    if (metric == QLatin1StringView("qps"))
        return 0.12;
    if (metric == QLatin1StringView("latencyMs"))
        return 0.15;
    return 0.01; // capacity: watermarks move slowly
}

double defaultStartSeconds(Layer layer)
{
    switch (layer) {
    case Layer::Business:
        return 3;
    case Layer::Middleware:
        return 4;
    case Layer::Storage:
        return 6;
    case Layer::Database:
        return 8;
    case Layer::Physical:
        return 30;
    }
    return 3;
}

// Copies the first problem the fields met to *error; true when there was one.
bool failed(const JsonFields &fields, QString *error)
{
    if (fields.ok())
        return false;
    if (error)
        *error = fields.error();
    return true;
}

} // namespace

// --- Loading --------------------------------------------------------------------------------

SimulatedSite::SimulatedSite(const QString &siteId)
    : m_topology(siteId)
    , m_startTime(QDateTime::currentDateTimeUtc())
{ }

SimulatedSite::~SimulatedSite() = default;

std::unique_ptr<SimulatedSite> SimulatedSite::fromFile(const QString &path, quint32 seed, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot read the profile: %2").arg(path, file.errorString());
        return nullptr;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (error) {
            *error = parseError.error != QJsonParseError::NoError
                         ? QStringLiteral("%1: invalid JSON at offset %2: %3")
                               .arg(path)
                               .arg(parseError.offset)
                               .arg(parseError.errorString())
                         : QStringLiteral("%1: expected a JSON object").arg(path);
        }
        return nullptr;
    }
    QString problem;
    std::unique_ptr<SimulatedSite> site = fromJson(document.object(), seed, &problem);
    if (!site && error)
        *error = path + QStringLiteral(": ") + problem;
    return site;
}

std::unique_ptr<SimulatedSite> SimulatedSite::fromJson(const QJsonObject &profile, quint32 seed, QString *error)
{
    JsonFields root(profile);
    JsonFields site(root.requiredObject(QStringLiteral("site")), QStringLiteral("site"));
    const QString id = root.ok() ? site.requiredString(QStringLiteral("id")) : QString();
    if (site.ok() && root.ok() && id.isEmpty())
        site.fail(QStringLiteral("id"), QStringLiteral("must not be empty"));
    if (!root.ok() || !site.ok()) {
        if (error)
            *error = root.ok() ? site.error() : root.error();
        return nullptr;
    }
    std::unique_ptr<SimulatedSite> simulated(new SimulatedSite(id));
    if (!simulated->load(profile, seed, error))
        return nullptr;
    return simulated;
}

bool SimulatedSite::load(const QJsonObject &profile, quint32 seed, QString *error)
{
    JsonFields root(profile);
    const qint64 version = root.optionalInteger(QStringLiteral("version"), 1);
    if (root.ok() && version != 1)
        root.fail(QStringLiteral("version"), QStringLiteral("this agent reads version 1, got %1").arg(version));
    if (failed(root, error))
        return false;
    JsonFields site(root.requiredObject(QStringLiteral("site")), QStringLiteral("site"));
    m_name = site.requiredString(QStringLiteral("name"));
    m_region = site.optionalString(QStringLiteral("region"));
    m_city = site.optionalString(QStringLiteral("city"));
    if (failed(site, error))
        return false;

    const QJsonArray groups = root.requiredArray(QStringLiteral("productGroups"));
    if (failed(root, error))
        return false;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const QString path = QStringLiteral("productGroups[%1]").arg(i);
        const QString group = groups.at(i).toString();
        if (group.isEmpty())
            return fail(error, path + QStringLiteral(": expected a non-empty string"));
        if (m_productGroups.contains(group))
            return fail(error, path + QStringLiteral(": duplicate product group ") + quoted(group));
        m_productGroups.append(group);
    }

    if (!readThresholds(root, error) || !readComponents(root, error) || !readDependencies(root, error)
        || !orderComponents(error) || !readReplication(root, error) || !readTraffic(root, error)) {
        return false;
    }

    // Start each metric somewhere in its usual range rather than exactly on the baseline.
    m_random.seed(seed ^ static_cast<quint32>(qHash(m_topology.siteId(), 0)));
    for (const QString &id : std::as_const(m_componentIds)) {
        ComponentModel &model = m_components[id];
        for (auto it = model.deviation.begin(); it != model.deviation.end(); ++it)
            it.value() = gaussian() * volatility(it.key()) * model.baseline.value(it.key());
    }
    for (LinkModel &link : m_links)
        link.deviation = gaussian() * 0.25 * link.baseLag;

    m_topology.setDependencies(m_dependencies);
    publish();
    return true;
}

bool SimulatedSite::readThresholds(JsonFields &root, QString *error)
{
    JsonFields thresholds(root.optionalObject(QStringLiteral("thresholds")), QStringLiteral("thresholds"));
    auto readBand = [&thresholds](const QString &key, Band *band) {
        JsonFields fields(thresholds.optionalObject(key), thresholds.pathOf(key));
        band->warning = fields.optionalNumber(QStringLiteral("warning"), band->warning);
        band->critical = fields.optionalNumber(QStringLiteral("critical"), band->critical);
        if (fields.ok() && !(band->warning > 0 && band->warning < band->critical)) {
            fields.fail(QStringLiteral("warning"), QStringLiteral("must be above 0 and below critical (%1), got %2")
                                                       .arg(number(band->critical), number(band->warning)));
        }
        return fields.error();
    };
    for (const auto &[key, band] : {std::pair{QStringLiteral("cpu"), &m_thresholds.cpu},
                                    std::pair{QStringLiteral("memory"), &m_thresholds.memory},
                                    std::pair{QStringLiteral("capacity"), &m_thresholds.capacity},
                                    std::pair{QStringLiteral("latencyFactor"), &m_thresholds.latencyFactor}}) {
        const QString problem = readBand(key, band);
        if (!problem.isEmpty())
            return fail(error, problem);
    }
    m_thresholds.laggingSeconds = thresholds.optionalNumber(QStringLiteral("laggingSeconds"),
                                                            m_thresholds.laggingSeconds);
    if (thresholds.ok() && m_thresholds.laggingSeconds <= 0)
        thresholds.fail(QStringLiteral("laggingSeconds"), QStringLiteral("must be above 0"));
    return !failed(thresholds, error) && !failed(root, error);
}

bool SimulatedSite::readComponents(JsonFields &root, QString *error)
{
    const QJsonArray components = root.requiredArray(QStringLiteral("components"));
    if (root.ok() && components.isEmpty())
        root.fail(QStringLiteral("components"), QStringLiteral("expected at least one component"));
    if (failed(root, error))
        return false;
    for (qsizetype i = 0; i < components.size(); ++i) {
        const QString path = QStringLiteral("components[%1]").arg(i);
        if (!components.at(i).isObject())
            return fail(error, path + QStringLiteral(": expected an object"));
        JsonFields fields(components.at(i).toObject(), path);
        ComponentModel model;
        Component &c = model.identity;
        c.id = fields.requiredString(QStringLiteral("id"));
        if (fields.ok() && c.id.isEmpty())
            fields.fail(QStringLiteral("id"), QStringLiteral("must not be empty"));
        if (fields.ok() && m_components.contains(c.id))
            fields.fail(QStringLiteral("id"), QStringLiteral("duplicate id ") + quoted(c.id));
        c.name = fields.optionalString(QStringLiteral("name"), c.id);
        c.layer = fields.requiredEnum<Layer>(QStringLiteral("layer"), layerFromString, allowedLayers());
        c.kind = fields.requiredString(QStringLiteral("kind"));
        c.productGroup = fields.optionalString(QStringLiteral("productGroup"));
        if (fields.ok() && !c.productGroup.isEmpty() && !m_productGroups.contains(c.productGroup)) {
            fields.fail(QStringLiteral("productGroup"),
                        QStringLiteral("unknown product group %1 (declared: %2)")
                            .arg(quoted(c.productGroup), m_productGroups.join(QStringLiteral(", "))));
        }
        c.host = fields.optionalString(QStringLiteral("host"));
        const QJsonObject metrics = fields.optionalObject(QStringLiteral("metrics"));
        model.startSeconds = fields.optionalNumber(QStringLiteral("startSeconds"), defaultStartSeconds(c.layer));
        if (fields.ok() && model.startSeconds < 0)
            fields.fail(QStringLiteral("startSeconds"), QStringLiteral("must not be negative"));
        if (failed(fields, error))
            return false;

        JsonFields metricFields(metrics, fields.pathOf(QStringLiteral("metrics")));
        for (auto it = metrics.constBegin(); it != metrics.constEnd() && metricFields.ok(); ++it) {
            if (!metricNames().contains(it.key())) {
                metricFields.fail(it.key(), QStringLiteral("unknown metric (expected one of %1)")
                                                .arg(metricNames().join(QStringLiteral(", "))));
                break;
            }
            const double value = metricFields.requiredNumber(it.key());
            if (metricFields.ok() && isPercent(it.key()) && (value < 0 || value > 100))
                metricFields.fail(it.key(), QStringLiteral("expected a percentage between 0 and 100"));
            else if (metricFields.ok() && value < 0)
                metricFields.fail(it.key(), QStringLiteral("must not be negative"));
            model.baseline.insert(it.key(), value);
            model.deviation.insert(it.key(), 0);
        }
        if (failed(metricFields, error))
            return false;
        m_componentIds.append(c.id);
        m_components.insert(c.id, std::move(model));
    }
    return true;
}

bool SimulatedSite::readDependencies(JsonFields &root, QString *error)
{
    const QJsonArray dependencies = root.optionalArray(QStringLiteral("dependencies"));
    if (failed(root, error))
        return false;
    for (qsizetype i = 0; i < dependencies.size(); ++i) {
        const QString path = QStringLiteral("dependencies[%1]").arg(i);
        if (!dependencies.at(i).isObject())
            return fail(error, path + QStringLiteral(": expected an object"));
        JsonFields fields(dependencies.at(i).toObject(), path);
        Dependency dependency;
        dependency.from = fields.requiredString(QStringLiteral("from"));
        dependency.to = fields.requiredString(QStringLiteral("to"));
        for (const QString &key : {QStringLiteral("from"), QStringLiteral("to")}) {
            const QString &id = key == QLatin1StringView("from") ? dependency.from : dependency.to;
            if (fields.ok() && !m_components.contains(id))
                fields.fail(key, QStringLiteral("unknown component ") + quoted(id));
        }
        if (fields.ok() && dependency.from == dependency.to)
            fields.fail(QStringLiteral("to"), QStringLiteral("a component cannot depend on itself"));
        if (fields.ok() && m_dependencies.contains(dependency)) {
            fields.fail(QStringLiteral("to"),
                        QStringLiteral("duplicate dependency %1 -> %2").arg(dependency.from, dependency.to));
        }
        if (failed(fields, error))
            return false;
        m_dependsOn[dependency.from].append(dependency.to);
        m_dependencies.append(dependency);
    }
    return true;
}

bool SimulatedSite::orderComponents(QString *error)
{
    // Start order: repeatedly place every component whose dependencies are placed (stable).
    QSet<QString> placed;
    for (bool progress = true; progress && m_startOrder.size() < m_componentIds.size();) {
        progress = false;
        for (const QString &id : std::as_const(m_componentIds)) {
            if (placed.contains(id))
                continue;
            const QStringList needs = m_dependsOn.value(id);
            if (std::all_of(needs.cbegin(), needs.cend(), [&placed](const QString &n) { return placed.contains(n); })) {
                placed.insert(id);
                m_startOrder.append(id);
                progress = true;
            }
        }
    }
    if (m_startOrder.size() < m_componentIds.size()) {
        // Every unplaced component depends on another unplaced one, so this walk finds a cycle.
        QString node = *std::find_if(m_componentIds.cbegin(), m_componentIds.cend(),
                                     [&placed](const QString &id) { return !placed.contains(id); });
        QStringList walk;
        while (!walk.contains(node)) {
            walk.append(node);
            const QStringList needs = m_dependsOn.value(node);
            node = *std::find_if(needs.cbegin(), needs.cend(),
                                 [&placed](const QString &n) { return !placed.contains(n); });
        }
        QStringList cycle = walk.mid(walk.indexOf(node));
        cycle.append(node);
        return fail(error, QStringLiteral("dependencies: cycle ") + cycle.join(QStringLiteral(" -> ")));
    }
    return true;
}

bool SimulatedSite::readReplication(JsonFields &root, QString *error)
{
    const QJsonArray replication = root.optionalArray(QStringLiteral("replication"));
    if (failed(root, error))
        return false;
    for (qsizetype i = 0; i < replication.size(); ++i) {
        const QString path = QStringLiteral("replication[%1]").arg(i);
        if (!replication.at(i).isObject())
            return fail(error, path + QStringLiteral(": expected an object"));
        JsonFields fields(replication.at(i).toObject(), path);
        LinkModel link;
        link.id = fields.requiredString(QStringLiteral("id"));
        if (fields.ok() && linkById(link.id))
            fields.fail(QStringLiteral("id"), QStringLiteral("duplicate id ") + quoted(link.id));
        link.component = fields.requiredString(QStringLiteral("component"));
        if (fields.ok() && !m_components.contains(link.component))
            fields.fail(QStringLiteral("component"), QStringLiteral("unknown component ") + quoted(link.component));
        if (fields.ok()) {
            const Layer layer = m_components.value(link.component).identity.layer;
            if (layer != Layer::Database && layer != Layer::Storage) {
                fields.fail(QStringLiteral("component"),
                            QStringLiteral("%1 is in layer %2; only database and storage components replicate")
                                .arg(link.component, toString(layer)));
            }
        }
        link.peerSite = fields.requiredString(QStringLiteral("peerSite"));
        if (fields.ok() && link.peerSite == m_topology.siteId())
            fields.fail(QStringLiteral("peerSite"), QStringLiteral("must be another site than this one"));
        link.peerComponent = fields.requiredString(QStringLiteral("peerComponent"));
        link.role = fields.requiredEnum<ReplicationRole>(QStringLiteral("role"), replicationRoleFromString,
                                                         QStringLiteral("primary | standby"));
        link.baseLag = fields.optionalNumber(QStringLiteral("lagSeconds"), 0.5);
        if (fields.ok() && link.baseLag < 0)
            fields.fail(QStringLiteral("lagSeconds"), QStringLiteral("must not be negative"));
        if (failed(fields, error))
            return false;
        m_links.append(link);
    }
    return true;
}

bool SimulatedSite::readTraffic(JsonFields &root, QString *error)
{
    const QJsonObject traffic = root.optionalObject(QStringLiteral("traffic"));
    JsonFields trafficFields(traffic, QStringLiteral("traffic"));
    for (const QString &group : std::as_const(m_productGroups))
        m_initialTraffic.insert(group, 0);
    for (auto it = traffic.constBegin(); it != traffic.constEnd() && trafficFields.ok(); ++it) {
        if (!m_productGroups.contains(it.key())) {
            trafficFields.fail(it.key(), QStringLiteral("unknown product group"));
            break;
        }
        const double share = trafficFields.requiredNumber(it.key());
        if (trafficFields.ok() && (share < 0 || share > 100))
            trafficFields.fail(it.key(), QStringLiteral("expected a share between 0 and 100"));
        m_initialTraffic.insert(it.key(), share);
    }
    if (failed(root, error) || failed(trafficFields, error))
        return false;
    m_traffic = m_initialTraffic;
    return true;
}

SiteInfo SimulatedSite::siteInfo() const
{
    SiteInfo info;
    info.id = m_topology.siteId();
    info.name = m_name;
    info.region = m_region;
    info.city = m_city;
    info.backend = QStringLiteral("simulated");
    return info;
}

// --- Time -----------------------------------------------------------------------------------

QDateTime SimulatedSite::currentTime() const
{
    return m_startTime.addMSecs(qint64(std::llround(m_now * 1000)));
}

void SimulatedSite::setStartTime(const QDateTime &time)
{
    // Alerts raised so far move with the clock, so that they keep their age.
    const qint64 shift = m_startTime.msecsTo(time);
    m_startTime = time;
    for (ComponentModel &model : m_components) {
        for (QDateTime &since : model.alertSince)
            since = since.addMSecs(shift);
    }
    publish();
}

void SimulatedSite::advance(double seconds)
{
    const double end = m_now + std::max(0.0, seconds);
    for (;;) {
        const double nextSample = double(m_samples + 1) * SampleSeconds;
        double next = nextSample;
        for (const auto &entry : m_runs)
            next = std::min(next, entry.second.dueAt);
        if (next > end + Epsilon)
            break;
        m_now = std::max(m_now, next);
        if (m_now + Epsilon >= nextSample)
            sample();
        runDueSteps();
        publish();
    }
    m_now = end;
}

double SimulatedSite::gaussian()
{
    // Box-Muller: portable, unlike std::normal_distribution, so seeds replay everywhere.
    const double u1 = 1.0 - m_random.generateDouble();
    const double u2 = m_random.generateDouble();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

void SimulatedSite::sample()
{
    ++m_samples;
    // The random stream depends on the profile only: faults and operations never consume it,
    // so the undisturbed drift is the same with or without them.
    for (const QString &id : std::as_const(m_componentIds)) {
        if (m_random.generateDouble() < MoveProbability)
            moveComponent(m_components[id]);
    }
    for (LinkModel &link : m_links) {
        if (m_random.generateDouble() < MoveProbability)
            moveLink(link);
        if (isBroken(link))
            link.backlog += SampleSeconds;
        else
            link.backlog = link.backlog < 0.05 ? 0 : link.backlog * std::exp(-SampleSeconds / DrainSeconds);
    }
}

void SimulatedSite::moveComponent(ComponentModel &model)
{
    // Exact Ornstein-Uhlenbeck step over the time since the component last moved.
    const double decay = std::exp(-(m_now - model.lastMoved) / ReversionSeconds);
    const double spread = std::sqrt(1.0 - decay * decay);
    for (auto it = model.deviation.begin(); it != model.deviation.end(); ++it) {
        const double sd = volatility(it.key()) * model.baseline.value(it.key());
        it.value() = it.value() * decay + sd * spread * gaussian();
    }
    model.lastMoved = m_now;
}

void SimulatedSite::moveLink(LinkModel &link)
{
    const double decay = std::exp(-(m_now - link.lastMoved) / ReversionSeconds);
    link.deviation = link.deviation * decay + 0.25 * link.baseLag * std::sqrt(1.0 - decay * decay) * gaussian();
    link.lastMoved = m_now;
}

// --- What the site looks like ---------------------------------------------------------------

QString SimulatedSite::downReason(const ComponentModel &model) const
{
    const QString &id = model.identity.id;
    for (const ActiveFault &fault : m_faults) {
        if (fault.record.kind == FaultKind::HostDown && fault.components.contains(id))
            return QStringLiteral("host %1 is down (fault %2)").arg(model.identity.host, fault.record.id);
    }
    for (const ActiveFault &fault : m_faults) {
        if (fault.record.kind == FaultKind::ProcessKill && fault.components.contains(id)
            && !fault.restarted.contains(id))
            return QStringLiteral("process killed (fault %1)").arg(fault.record.id);
    }
    if (!model.stoppedBy.isEmpty())
        return QStringLiteral("stopped by %1").arg(model.stoppedBy);
    return {};
}

bool SimulatedSite::isDown(const QString &componentId) const
{
    const auto it = m_components.constFind(componentId);
    return it != m_components.cend() && !downReason(*it).isEmpty();
}

double SimulatedSite::networkLatencyMs(const QString &componentId) const
{
    double added = 0;
    for (const ActiveFault &fault : m_faults) {
        if (fault.record.kind == FaultKind::Network && fault.components.contains(componentId))
            added += fault.record.parameters.value(QStringLiteral("latencyMs")).toDouble();
    }
    return added;
}

double SimulatedSite::networkLossPercent(const QString &componentId) const
{
    double delivered = 1; // overlapping losses compound
    for (const ActiveFault &fault : m_faults) {
        if (fault.record.kind == FaultKind::Network && fault.components.contains(componentId))
            delivered *= 1 - fault.record.parameters.value(QStringLiteral("lossPercent")).toDouble() / 100;
    }
    return 100 * (1 - delivered);
}

QMap<QString, double> SimulatedSite::metricsOf(const ComponentModel &model) const
{
    const Component &c = model.identity;
    QMap<QString, double> values;
    for (auto it = model.baseline.cbegin(); it != model.baseline.cend(); ++it) {
        double value = it.value() + model.deviation.value(it.key());
        value = isPercent(it.key()) ? std::clamp(value, 0.0, 100.0) : std::max(value, 0.2 * it.value());
        values.insert(it.key(), value);
    }
    // qps baselines are the rate at 100% of the group's traffic.
    if (values.contains(QStringLiteral("qps")) && !c.productGroup.isEmpty()
        && (c.layer == Layer::Business || c.layer == Layer::Middleware)) {
        values[QStringLiteral("qps")] *= m_traffic.value(c.productGroup) / 100;
    }
    for (const ActiveFault &fault : m_faults) {
        if (!fault.components.contains(c.id))
            continue;
        const QJsonObject &p = fault.record.parameters;
        auto raise = [&values](const QString &metric, double level) {
            if (values.contains(metric))
                values[metric] = std::max(values.value(metric), level);
        };
        if (fault.record.kind == FaultKind::Cpu)
            raise(QStringLiteral("cpu"), p.value(QStringLiteral("percent")).toDouble());
        else if (fault.record.kind == FaultKind::Memory)
            raise(QStringLiteral("memory"), p.value(QStringLiteral("percent")).toDouble());
    }
    if (values.contains(QStringLiteral("latencyMs"))) {
        double &latency = values[QStringLiteral("latencyMs")];
        const double cpu = values.value(QStringLiteral("cpu"));
        if (cpu > 90) // a saturated CPU queues requests
            latency *= 1 + (cpu - 90) / 10;
        latency += networkLatencyMs(c.id);
    }
    if (values.contains(QStringLiteral("qps")))
        values[QStringLiteral("qps")] *= 1 - networkLossPercent(c.id) / 100;

    if (!downReason(model).isEmpty()) {
        for (auto it = values.begin(); it != values.end(); ++it) {
            if (it.key() != QLatin1StringView("capacity")) // the disks stay as full as they were
                it.value() = 0;
        }
    }
    return values;
}

Component SimulatedSite::componentState(ComponentModel &model)
{
    struct Condition
    {
        QString key;
        ComponentStatus status;
        QString message;
    };
    QList<Condition> conditions;
    Component c = model.identity;
    c.metrics = metricsOf(model);
    c.status = ComponentStatus::Ok;

    const QString down = downReason(model);
    if (!down.isEmpty()) {
        conditions.append({QStringLiteral("down"), ComponentStatus::Down, down});
    } else {
        auto check = [&](const QString &metric, double value, const Band &band, const QString &label) {
            if (value >= band.critical)
                conditions.append({metric, ComponentStatus::Critical, label.arg(number(band.critical))});
            else if (value >= band.warning)
                conditions.append({metric, ComponentStatus::Warning, label.arg(number(band.warning))});
        };
        if (c.metrics.contains(QStringLiteral("cpu")))
            check(QStringLiteral("cpu"), c.metrics.value(QStringLiteral("cpu")), m_thresholds.cpu,
                  QStringLiteral("CPU above %1%"));
        if (c.metrics.contains(QStringLiteral("memory"))) {
            check(QStringLiteral("memory"), c.metrics.value(QStringLiteral("memory")), m_thresholds.memory,
                  QStringLiteral("memory above %1%"));
        }
        if (c.metrics.contains(QStringLiteral("capacity"))) {
            check(QStringLiteral("capacity"), c.metrics.value(QStringLiteral("capacity")), m_thresholds.capacity,
                  QStringLiteral("capacity watermark above %1%"));
        }
        const double baseLatency = model.baseline.value(QStringLiteral("latencyMs"));
        if (baseLatency > 0) {
            check(QStringLiteral("latencyMs"), c.metrics.value(QStringLiteral("latencyMs")) / baseLatency,
                  m_thresholds.latencyFactor,
                  QStringLiteral("latency above %1 times its usual ") + number(baseLatency) + QStringLiteral(" ms"));
        }
        QStringList downDependencies;
        for (const QString &dependency : m_dependsOn.value(c.id)) {
            if (isDown(dependency))
                downDependencies.append(dependency);
        }
        if (!downDependencies.isEmpty()) {
            conditions.append(
                {QStringLiteral("dependency"), ComponentStatus::Warning,
                 QStringLiteral("depends on %1, which is down").arg(downDependencies.join(QStringLiteral(", ")))});
        }
    }
    for (const FaultRecord &orphan : std::as_const(m_orphans)) {
        if (faultTargets(orphan.target).contains(c.id))
            conditions.append(
                {QStringLiteral("orphaned-fault-") + orphan.id, ComponentStatus::Critical, orphanMessage(orphan)});
    }

    QHash<QString, QDateTime> since;
    for (const Condition &condition : std::as_const(conditions)) {
        Alert alert;
        alert.id = c.id + QLatin1Char(':') + condition.key;
        alert.severity = condition.status == ComponentStatus::Warning ? QStringLiteral("warning")
                                                                      : QStringLiteral("critical");
        alert.message = condition.message;
        alert.since = model.alertSince.value(alert.id, currentTime());
        since.insert(alert.id, alert.since);
        c.alerts.append(alert);
        c.status = worse(c.status, condition.status);
    }
    model.alertSince = since;

    for (auto it = c.metrics.begin(); it != c.metrics.end(); ++it)
        it.value() = round1(it.value());
    return c;
}

bool SimulatedSite::isBroken(const LinkModel &link) const
{
    return isDown(link.component) || networkLossPercent(link.component) >= 100;
}

double SimulatedSite::lagOf(const LinkModel &link) const
{
    const double network = networkLatencyMs(link.component) / 50 + networkLossPercent(link.component) / 2;
    return std::max(0.0, link.baseLag + link.deviation) + link.backlog + network;
}

ReplicationLink SimulatedSite::linkState(const LinkModel &model) const
{
    ReplicationLink link;
    link.id = model.id;
    link.role = model.role;
    const bool primary = model.role == ReplicationRole::Primary;
    link.fromSite = primary ? m_topology.siteId() : model.peerSite;
    link.fromComponent = primary ? model.component : model.peerComponent;
    link.toSite = primary ? model.peerSite : m_topology.siteId();
    link.toComponent = primary ? model.peerComponent : model.component;
    link.lagSeconds = round1(lagOf(model));
    link.writtenPosition = model.writtenPosition;
    link.appliedPosition = model.appliedPosition;
    link.writtenAt = m_wallClock ? m_wallClock() : currentTime();
    link.appliedAt = link.writtenAt.addMSecs(-qint64(std::llround(link.lagSeconds * 1000)));
    if (isBroken(model))
        link.state = ReplicationState::Broken;
    else
        link.state = link.lagSeconds >= m_thresholds.laggingSeconds ? ReplicationState::Lagging
                                                                    : ReplicationState::Healthy;
    return link;
}

SimulatedSite::LinkModel *SimulatedSite::linkById(const QString &id)
{
    const auto it = std::find_if(m_links.begin(), m_links.end(), [&id](const LinkModel &l) { return l.id == id; });
    return it == m_links.end() ? nullptr : &*it;
}

void SimulatedSite::publish()
{
    for (const QString &id : std::as_const(m_componentIds))
        m_topology.setComponent(componentState(m_components[id]));
    for (LinkModel &link : m_links) {
        moveReplicationPositions(link);
        m_topology.setLink(linkState(link));
    }
    QMap<QString, double> traffic = m_traffic;
    for (auto it = traffic.begin(); it != traffic.end(); ++it)
        it.value() = round1(it.value());
    m_topology.setTraffic(traffic);
}

} // namespace Haven
