// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatedsite.h"

#include "jsonfields.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace Haven {

namespace {

constexpr double Epsilon = 1e-9;
// Share of components whose metrics move in one sample: keeps the change feed meaningful.
constexpr double MoveProbability = 0.12;
constexpr double ReversionSeconds = 300;  // how fast drift returns towards the baseline
constexpr double DrainSeconds = 12;       // how fast a replica catches up on its backlog
constexpr double SwitchBacklogSeconds = 20; // resynchronisation after a role switch
constexpr int RampSteps = 5;              // traffic moves in this many one-second steps
constexpr double MinimumWait = 0.05;

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
    case Layer::Business: return 3;
    case Layer::Middleware: return 4;
    case Layer::Storage: return 6;
    case Layer::Database: return 8;
    case Layer::Physical: return 30;
    }
    return 3;
}

double round1(double value)
{
    return std::round(value * 10.0) / 10.0;
}

QString number(double value)
{
    return QString::number(round1(value));
}

QString percent(double value)
{
    return number(value) + QLatin1Char('%');
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString layerWord(Layer layer)
{
    return layer == Layer::Database ? QStringLiteral("database") : QStringLiteral("storage");
}

QJsonObject property(const QString &type, const QString &description)
{
    return {{QStringLiteral("type"), type}, {QStringLiteral("description"), description}};
}

QJsonObject bounded(QJsonObject property, double minimum, double maximum)
{
    property.insert(QStringLiteral("minimum"), minimum);
    property.insert(QStringLiteral("maximum"), maximum);
    return property;
}

QJsonObject schema(const QJsonObject &properties, const QStringList &required = {})
{
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"), properties},
            {QStringLiteral("required"), QJsonArray::fromStringList(required)}};
}

OperationSpec spec(const QString &code, const QString &name, const QString &description, Layer layer,
                   const QJsonObject &parameters, const QString &inverse = {})
{
    OperationSpec spec;
    spec.code = code;
    spec.name = name;
    spec.description = description;
    spec.layer = layer;
    spec.parameters = parameters;
    spec.reversible = !inverse.isEmpty();
    spec.inverse = inverse;
    return spec;
}

QJsonObject faultSchema(FaultKind kind)
{
    const QString percentText = QStringLiteral("load to hold, in percent");
    switch (kind) {
    case FaultKind::Cpu:
        return schema({{QStringLiteral("percent"), bounded(property(QStringLiteral("number"), percentText), 1, 100)}},
                      {QStringLiteral("percent")});
    case FaultKind::Memory:
        return schema({{QStringLiteral("percent"), bounded(property(QStringLiteral("number"), percentText), 1, 100)}},
                      {QStringLiteral("percent")});
    case FaultKind::Network:
        return schema(
            {{QStringLiteral("latencyMs"),
              bounded(property(QStringLiteral("number"), QStringLiteral("added latency")), 0, 60000)},
             {QStringLiteral("lossPercent"),
              bounded(property(QStringLiteral("number"), QStringLiteral("packet loss")), 0, 100)}});
    case FaultKind::ProcessKill:
    case FaultKind::HostDown:
    case FaultKind::SiteDark:
        break;
    }
    return schema({});
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

bool fail(QString *error, const QString &problem)
{
    if (error)
        *error = problem;
    return false;
}

} // namespace

// --- Loading --------------------------------------------------------------------------------

SimulatedSite::SimulatedSite(const QString &siteId)
    : m_topology(siteId)
    , m_startTime(QDateTime::currentDateTimeUtc())
{}

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
    m_thresholds.laggingSeconds = thresholds.optionalNumber(QStringLiteral("laggingSeconds"), m_thresholds.laggingSeconds);
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
            fields.fail(QStringLiteral("productGroup"), QStringLiteral("unknown product group %1 (declared: %2)")
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
            fields.fail(QStringLiteral("to"), QStringLiteral("duplicate dependency %1 -> %2").arg(dependency.from, dependency.to));
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
            node = *std::find_if(needs.cbegin(), needs.cend(), [&placed](const QString &n) { return !placed.contains(n); });
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
                fields.fail(QStringLiteral("component"), QStringLiteral("%1 is in layer %2; only database and storage components replicate")
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

QStringList SimulatedSite::faultTargets(const QString &target) const
{
    QStringList onHost;
    for (const QString &id : m_componentIds) {
        if (m_components.value(id).identity.host == target)
            onHost.append(id);
    }
    if (!onHost.isEmpty())
        return onHost;
    if (m_components.contains(target))
        return {target};
    return {};
}

QString SimulatedSite::downReason(const ComponentModel &model) const
{
    const QString &id = model.identity.id;
    for (const ActiveFault &fault : m_faults) {
        if (fault.record.kind == FaultKind::HostDown && fault.components.contains(id))
            return QStringLiteral("host %1 is down (fault %2)").arg(model.identity.host, fault.record.id);
    }
    for (const ActiveFault &fault : m_faults) {
        if (fault.record.kind == FaultKind::ProcessKill && fault.components.contains(id) && !fault.restarted.contains(id))
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
            check(QStringLiteral("cpu"), c.metrics.value(QStringLiteral("cpu")), m_thresholds.cpu, QStringLiteral("CPU above %1%"));
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
            conditions.append({QStringLiteral("dependency"), ComponentStatus::Warning,
                               QStringLiteral("depends on %1, which is down").arg(downDependencies.join(QStringLiteral(", ")))});
        }
    }

    QHash<QString, QDateTime> since;
    for (const Condition &condition : std::as_const(conditions)) {
        Alert alert;
        alert.id = c.id + QLatin1Char(':') + condition.key;
        alert.severity = condition.status == ComponentStatus::Warning ? QStringLiteral("warning") : QStringLiteral("critical");
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
    if (isBroken(model))
        link.state = ReplicationState::Broken;
    else
        link.state = link.lagSeconds >= m_thresholds.laggingSeconds ? ReplicationState::Lagging : ReplicationState::Healthy;
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
    for (const LinkModel &link : std::as_const(m_links))
        m_topology.setLink(linkState(link));
    QMap<QString, double> traffic = m_traffic;
    for (auto it = traffic.begin(); it != traffic.end(); ++it)
        it.value() = round1(it.value());
    m_topology.setTraffic(traffic);
}

// --- Faults ---------------------------------------------------------------------------------

QList<FaultKind> SimulatedSite::supportedFaults()
{
    return {FaultKind::Cpu, FaultKind::Memory, FaultKind::Network, FaultKind::ProcessKill, FaultKind::HostDown};
}

QString SimulatedSite::checkFault(const FaultRecord &fault) const
{
    if (fault.kind == FaultKind::SiteDark)
        return QStringLiteral("site_dark is handled by the agent itself, not by the simulated site");
    if (m_faults.contains(fault.id))
        return QStringLiteral("fault %1 is already active").arg(fault.id);
    if (fault.target.isEmpty())
        return QStringLiteral("%1 needs a target: a component id or a host name").arg(toString(fault.kind));
    if (fault.kind == FaultKind::HostDown) {
        const QStringList onHost = faultTargets(fault.target);
        if (onHost.isEmpty() || m_components.value(onHost.constFirst()).identity.host != fault.target) {
            if (m_components.contains(fault.target)) {
                return QStringLiteral("host_down needs a host name; component %1 runs on host %2")
                    .arg(fault.target, m_components.value(fault.target).identity.host);
            }
            return QStringLiteral("unknown host ") + quoted(fault.target);
        }
    } else if (faultTargets(fault.target).isEmpty()) {
        return QStringLiteral("unknown target %1: expected a component id or a host name").arg(quoted(fault.target));
    }
    const QString problem = validateParameters(faultSchema(fault.kind), fault.parameters);
    if (!problem.isEmpty())
        return toString(fault.kind) + QStringLiteral(": ") + problem;
    if (fault.kind == FaultKind::Network && fault.parameters.isEmpty())
        return QStringLiteral("network needs latencyMs or lossPercent");
    return {};
}

QString SimulatedSite::applyFault(const FaultRecord &fault)
{
    const QString problem = checkFault(fault);
    if (!problem.isEmpty())
        return problem;
    m_faults.insert(fault.id, ActiveFault{fault, faultTargets(fault.target), {}});
    publish();
    return {};
}

void SimulatedSite::revertFault(const QString &faultId)
{
    if (m_faults.remove(faultId))
        publish();
}

QStringList SimulatedSite::activeFaults() const
{
    return m_faults.keys();
}

// --- Operations: catalog and runs -----------------------------------------------------------

QList<OperationSpec> SimulatedSite::operations() const
{
    QJsonObject group = property(QStringLiteral("string"), QStringLiteral("product group"));
    group.insert(QStringLiteral("enum"), QJsonArray::fromStringList(m_productGroups));
    QStringList layers;
    for (Layer layer : {Layer::Business, Layer::Middleware, Layer::Storage, Layer::Database, Layer::Physical})
        layers.append(toString(layer));
    QJsonObject layer = property(QStringLiteral("string"), QStringLiteral("layer"));
    layer.insert(QStringLiteral("enum"), QJsonArray::fromStringList(layers));
    const QString groupKey = QStringLiteral("productGroup");
    const QJsonObject groupOnly = schema({{groupKey, group}}, {groupKey});
    auto replicaSchema = [&](const QString &layerName) {
        return schema({{groupKey, group},
                       {QStringLiteral("component"),
                        property(QStringLiteral("string"), QStringLiteral("the local %1 component").arg(layerName))}});
    };

    return {
        spec(QStringLiteral("traffic.cut"), QStringLiteral("Cut traffic"),
             QStringLiteral("Moves this site's share of a product group's traffic to 0 over a few seconds."),
             Layer::Business, groupOnly, QStringLiteral("traffic.restore")),
        spec(QStringLiteral("traffic.restore"), QStringLiteral("Restore traffic"),
             QStringLiteral("Brings a product group's traffic share back: to share, else to what it was before the cut."),
             Layer::Business,
             schema({{groupKey, group},
                     {QStringLiteral("share"),
                      bounded(property(QStringLiteral("number"), QStringLiteral("share to restore, percent")), 0, 100)}},
                    {groupKey}),
             QStringLiteral("traffic.cut")),
        spec(QStringLiteral("app.stop"), QStringLiteral("Stop application group"),
             QStringLiteral("Stops a product group's business and middleware components in reverse dependency order."),
             Layer::Business, groupOnly, QStringLiteral("app.start")),
        spec(QStringLiteral("app.start"), QStringLiteral("Start application group"),
             QStringLiteral("Starts a product group's business and middleware components in dependency order."),
             Layer::Business, groupOnly, QStringLiteral("app.stop")),
        spec(QStringLiteral("app.restart"), QStringLiteral("Restart application group"),
             QStringLiteral("Stops a product group's components in reverse dependency order, then starts them in order."),
             Layer::Business, groupOnly),
        spec(QStringLiteral("db.promote"), QStringLiteral("Promote database"),
             QStringLiteral("Makes this site's standby database replicas primary."), Layer::Database,
             replicaSchema(QStringLiteral("database")), QStringLiteral("db.demote")),
        spec(QStringLiteral("db.demote"), QStringLiteral("Demote database"),
             QStringLiteral("Makes this site's primary database replicas standby."), Layer::Database,
             replicaSchema(QStringLiteral("database")), QStringLiteral("db.promote")),
        spec(QStringLiteral("storage.promote"), QStringLiteral("Promote storage"),
             QStringLiteral("Makes this site's standby storage replicas primary."), Layer::Storage,
             replicaSchema(QStringLiteral("storage")), QStringLiteral("storage.demote")),
        spec(QStringLiteral("storage.demote"), QStringLiteral("Demote storage"),
             QStringLiteral("Makes this site's primary storage replicas standby."), Layer::Storage,
             replicaSchema(QStringLiteral("storage")), QStringLiteral("storage.promote")),
        spec(QStringLiteral("health.check"), QStringLiteral("Health check"),
             QStringLiteral("Checks components and fails listing those that are critical or down."), Layer::Business,
             schema({{groupKey, group}, {QStringLiteral("layer"), layer}})),
        spec(QStringLiteral("wait.seconds"), QStringLiteral("Wait"), QStringLiteral("Pauses the plan on purpose."),
             Layer::Business,
             schema({{QStringLiteral("seconds"),
                      bounded(property(QStringLiteral("number"), QStringLiteral("how long to wait")), 0, 86400)}},
                    {QStringLiteral("seconds")})),
        spec(QStringLiteral("wait.replication"), QStringLiteral("Wait for replication"),
             QStringLiteral("Waits until every replication link is below a lag, or fails after a timeout."),
             Layer::Database,
             schema({{groupKey, group},
                     {QStringLiteral("maxLagSeconds"),
                      bounded(property(QStringLiteral("number"), QStringLiteral("largest acceptable lag")), 0, 86400)},
                     {QStringLiteral("timeoutSeconds"),
                      bounded(property(QStringLiteral("number"), QStringLiteral("give up after")), 1, 86400)}},
                    {QStringLiteral("maxLagSeconds"), QStringLiteral("timeoutSeconds")})),
    };
}

QString SimulatedSite::checkOperation(const QString &code, const QJsonObject &parameters) const
{
    const QList<OperationSpec> catalog = operations();
    const auto it = std::find_if(catalog.cbegin(), catalog.cend(), [&code](const OperationSpec &s) { return s.code == code; });
    if (it == catalog.cend())
        return QStringLiteral("unknown operation ") + quoted(code);
    const QString problem = validateParameters(it->parameters, parameters);
    if (!problem.isEmpty())
        return problem;
    const QString group = parameters.value(QStringLiteral("productGroup")).toString();
    if (!group.isEmpty() && !m_productGroups.contains(group)) {
        return QStringLiteral("unknown product group %1 at site %2 (known: %3)")
            .arg(quoted(group), m_topology.siteId(), m_productGroups.join(QStringLiteral(", ")));
    }
    const QString component = parameters.value(QStringLiteral("component")).toString();
    if (!component.isEmpty()) {
        const auto found = m_components.constFind(component);
        if (found == m_components.cend())
            return QStringLiteral("unknown component ") + quoted(component);
        if (found->identity.layer != it->layer) {
            return QStringLiteral("%1 is a %2 component; %3 needs a %4 component")
                .arg(component, toString(found->identity.layer), code, toString(it->layer));
        }
    }
    return {};
}

quint64 SimulatedSite::startOperation(const QString &code, const QJsonObject &parameters, QString *error)
{
    const QString problem = checkOperation(code, parameters);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return 0;
    }
    Run run;
    run.id = m_nextRunId++;
    run.operation = code;
    run.dueAt = m_now;
    const QString group = parameters.value(QStringLiteral("productGroup")).toString();
    const QString component = parameters.value(QStringLiteral("component")).toString();
    if (code == QLatin1StringView("traffic.cut")) {
        planTrafficCut(run, group);
    } else if (code == QLatin1StringView("traffic.restore")) {
        const QJsonValue share = parameters.value(QStringLiteral("share"));
        planTrafficRestore(run, group, share.isDouble() ? std::optional(share.toDouble()) : std::nullopt);
    } else if (code == QLatin1StringView("app.stop")) {
        planAppStop(run, group);
    } else if (code == QLatin1StringView("app.start")) {
        planAppStart(run, group);
    } else if (code == QLatin1StringView("app.restart")) {
        planAppRestart(run, group);
    } else if (code == QLatin1StringView("db.promote")) {
        planRoleSwitch(run, Layer::Database, ReplicationRole::Primary, group, component);
    } else if (code == QLatin1StringView("db.demote")) {
        planRoleSwitch(run, Layer::Database, ReplicationRole::Standby, group, component);
    } else if (code == QLatin1StringView("storage.promote")) {
        planRoleSwitch(run, Layer::Storage, ReplicationRole::Primary, group, component);
    } else if (code == QLatin1StringView("storage.demote")) {
        planRoleSwitch(run, Layer::Storage, ReplicationRole::Standby, group, component);
    } else if (code == QLatin1StringView("health.check")) {
        const QString layer = parameters.value(QStringLiteral("layer")).toString();
        planHealthCheck(run, group, layer.isEmpty() ? std::nullopt : layerFromString(layer));
    } else if (code == QLatin1StringView("wait.seconds")) {
        planWaitSeconds(run, parameters.value(QStringLiteral("seconds")).toDouble());
    } else if (code == QLatin1StringView("wait.replication")) {
        planWaitReplication(run, group, parameters.value(QStringLiteral("maxLagSeconds")).toDouble(),
                            parameters.value(QStringLiteral("timeoutSeconds")).toDouble());
    }
    const quint64 id = run.id;
    m_runs.emplace(id, std::move(run));
    return id;
}

void SimulatedSite::cancelOperation(quint64 run)
{
    const auto it = m_runs.find(run);
    if (it != m_runs.end())
        it->second.cancelRequested = true;
}

bool SimulatedSite::isRunning(quint64 run) const
{
    return m_runs.find(run) != m_runs.end();
}

QList<OperationEvent> SimulatedSite::takeEvents()
{
    return std::exchange(m_events, {});
}

void SimulatedSite::log(quint64 run, const QString &line)
{
    m_events.append({run, line, std::nullopt, {}});
}

void SimulatedSite::runDueSteps()
{
    using Kind = StepResult::Kind;
    for (bool progressed = true; progressed;) {
        progressed = false;
        for (auto it = m_runs.begin(); it != m_runs.end();) {
            Run &run = it->second;
            if (run.dueAt > m_now + Epsilon) {
                ++it;
                continue;
            }
            progressed = true;
            std::optional<ActionState> final;
            QString message;
            if (run.cancelRequested) {
                final = ActionState::Cancelled;
                message = QStringLiteral("cancelled; ") + (run.stateLeft ? run.stateLeft() : QStringLiteral("nothing was changed"));
            } else {
                const StepResult result = run.steps.at(run.next)();
                message = result.message;
                switch (result.kind) {
                case Kind::Next:
                    run.dueAt = m_now + result.wait;
                    if (++run.next == run.steps.size())
                        final = ActionState::Succeeded;
                    break;
                case Kind::Again:
                    run.dueAt = m_now + std::max(result.wait, MinimumWait);
                    break;
                case Kind::Succeed:
                    final = ActionState::Succeeded;
                    break;
                case Kind::Fail:
                    final = ActionState::Failed;
                    break;
                }
            }
            if (final) {
                if (message.isEmpty())
                    message = QStringLiteral("done");
                log(run.id, toString(*final) + QStringLiteral(": ") + message);
                m_events.append({run.id, {}, final, message});
                it = m_runs.erase(it);
            } else {
                ++it;
            }
        }
    }
}

// --- Operations: what each one does ---------------------------------------------------------

QString SimulatedSite::describe(const QString &componentId) const
{
    const Component &c = m_components.value(componentId).identity;
    return c.host.isEmpty() ? QStringLiteral("%1 (%2)").arg(c.id, c.kind)
                            : QStringLiteral("%1 (%2 on %3)").arg(c.id, c.kind, c.host);
}

QStringList SimulatedSite::applicationComponents(const QString &group) const
{
    QStringList ids;
    for (const QString &id : m_startOrder) {
        const Component &c = m_components.value(id).identity;
        if (c.productGroup == group && (c.layer == Layer::Business || c.layer == Layer::Middleware))
            ids.append(id);
    }
    return ids;
}

QString SimulatedSite::applicationState(const QStringList &components) const
{
    QStringList down;
    QStringList running;
    for (const QString &id : components)
        (isDown(id) ? down : running).append(id);
    QStringList parts;
    if (!down.isEmpty())
        parts.append(QStringLiteral("down: ") + down.join(QStringLiteral(", ")));
    if (!running.isEmpty())
        parts.append(QStringLiteral("running: ") + running.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral("; "));
}

SimulatedSite::Step SimulatedSite::stopStep(quint64 run, const QString &componentId, const QString &operation)
{
    return [this, run, componentId, operation, stopping = false]() mutable {
        ComponentModel &model = m_components[componentId];
        if (!stopping) {
            const QString reason = downReason(model);
            if (!reason.isEmpty()) {
                model.stoppedBy = operation; // so it stays down once the cause is gone
                log(run, QStringLiteral("%1 is already down: %2").arg(componentId, reason));
                return StepResult::next();
            }
            log(run, QStringLiteral("stopping %1").arg(describe(componentId)));
            stopping = true;
            return StepResult::again(std::max(1.0, model.startSeconds / 2));
        }
        model.stoppedBy = operation;
        log(run, QStringLiteral("%1 stopped").arg(componentId));
        return StepResult::next();
    };
}

SimulatedSite::Step SimulatedSite::startStep(quint64 run, const QString &componentId)
{
    return [this, run, componentId, starting = false]() mutable {
        ComponentModel &model = m_components[componentId];
        for (const ActiveFault &fault : std::as_const(m_faults)) {
            if (fault.record.kind == FaultKind::HostDown && fault.components.contains(componentId)) {
                return StepResult::fail(QStringLiteral("cannot start %1: host %2 is down (fault %3)")
                                            .arg(componentId, model.identity.host, fault.record.id));
            }
        }
        if (!starting) {
            if (!isDown(componentId)) {
                log(run, QStringLiteral("%1 is already running").arg(componentId));
                return StepResult::next();
            }
            for (const QString &dependency : m_dependsOn.value(componentId)) {
                if (isDown(dependency)) {
                    return StepResult::fail(QStringLiteral("cannot start %1: it depends on %2, which is down")
                                                .arg(componentId, dependency));
                }
            }
            log(run, QStringLiteral("starting %1").arg(describe(componentId)));
            starting = true;
            return StepResult::again(model.startSeconds);
        }
        model.stoppedBy.clear();
        for (ActiveFault &fault : m_faults) {
            if (fault.record.kind == FaultKind::ProcessKill && fault.components.contains(componentId))
                fault.restarted.insert(componentId);
        }
        log(run, QStringLiteral("%1 is up").arg(componentId));
        return StepResult::next();
    };
}

bool SimulatedSite::refuseEmptyGroup(Run &run, const QString &group, const QStringList &components)
{
    if (!components.isEmpty())
        return false;
    run.steps.append([group] {
        return StepResult::fail(QStringLiteral("product group %1 has no application components at this site").arg(group));
    });
    return true;
}

void SimulatedSite::planAppStop(Run &run, const QString &group)
{
    QStringList components = applicationComponents(group);
    std::reverse(components.begin(), components.end());
    run.stateLeft = [this, components] { return applicationState(components); };
    if (refuseEmptyGroup(run, group, components))
        return;
    const quint64 id = run.id;
    run.steps.append([this, id, group, components] {
        log(id, QStringLiteral("stopping %1 components of %2 in reverse dependency order: %3")
                    .arg(QString::number(components.size()), group, components.join(QStringLiteral(", "))));
        return StepResult::next();
    });
    for (const QString &component : std::as_const(components))
        run.steps.append(stopStep(id, component, run.operation));
    run.steps.append([group, components] {
        return StepResult::next(0, QStringLiteral("stopped %1 components of %2").arg(QString::number(components.size()), group));
    });
}

void SimulatedSite::planAppStart(Run &run, const QString &group)
{
    const QStringList components = applicationComponents(group);
    run.stateLeft = [this, components] { return applicationState(components); };
    if (refuseEmptyGroup(run, group, components))
        return;
    const quint64 id = run.id;
    run.steps.append([this, id, group, components] {
        log(id, QStringLiteral("starting %1 components of %2 in dependency order: %3")
                    .arg(QString::number(components.size()), group, components.join(QStringLiteral(", "))));
        return StepResult::next();
    });
    for (const QString &component : components)
        run.steps.append(startStep(id, component));
    run.steps.append([group, components] {
        return StepResult::next(0, QStringLiteral("started %1 components of %2").arg(QString::number(components.size()), group));
    });
}

void SimulatedSite::planAppRestart(Run &run, const QString &group)
{
    const QStringList components = applicationComponents(group);
    run.stateLeft = [this, components] { return applicationState(components); };
    if (refuseEmptyGroup(run, group, components))
        return;
    const quint64 id = run.id;
    run.steps.append([this, id, group, components] {
        log(id, QStringLiteral("restarting %1 components of %2: stopping in reverse dependency order")
                    .arg(QString::number(components.size()), group));
        return StepResult::next();
    });
    for (auto it = components.crbegin(); it != components.crend(); ++it)
        run.steps.append(stopStep(id, *it, run.operation));
    run.steps.append([this, id] {
        log(id, QStringLiteral("all stopped; starting in dependency order"));
        return StepResult::next();
    });
    for (const QString &component : components)
        run.steps.append(startStep(id, component));
    run.steps.append([group, components] {
        return StepResult::next(0, QStringLiteral("restarted %1 components of %2").arg(QString::number(components.size()), group));
    });
}

SimulatedSite::Step SimulatedSite::trafficRamp(quint64 run, const QString &group, double target)
{
    return [this, run, group, target, step = 0, from = 0.0]() mutable {
        if (step == 0) {
            from = m_traffic.value(group);
            log(run, QStringLiteral("moving the %1 traffic share at %2 from %3 to %4 over %5 s")
                         .arg(group, m_name, percent(from), percent(target), QString::number(RampSteps)));
        } else {
            m_traffic[group] = from + (target - from) * step / RampSteps;
            log(run, QStringLiteral("%1 traffic share: %2").arg(group, percent(m_traffic.value(group))));
            if (step == RampSteps) {
                return StepResult::next(0, QStringLiteral("%1 traffic share at %2 moved from %3 to %4")
                                               .arg(group, m_name, percent(from), percent(target)));
            }
        }
        ++step;
        return StepResult::again(1.0);
    };
}

void SimulatedSite::planTrafficCut(Run &run, const QString &group)
{
    run.stateLeft = [this, group] {
        return QStringLiteral("the %1 traffic share is left at %2").arg(group, percent(m_traffic.value(group)));
    };
    run.steps.append([this, group] {
        const double share = m_traffic.value(group);
        if (share <= 0)
            return StepResult::succeed(QStringLiteral("%1 traffic at %2 was already cut").arg(group, m_name));
        m_shareBeforeCut.insert(group, share);
        return StepResult::next();
    });
    run.steps.append(trafficRamp(run.id, group, 0));
}

void SimulatedSite::planTrafficRestore(Run &run, const QString &group, std::optional<double> share)
{
    run.stateLeft = [this, group] {
        return QStringLiteral("the %1 traffic share is left at %2").arg(group, percent(m_traffic.value(group)));
    };
    const double target = share.value_or(m_shareBeforeCut.value(group, m_initialTraffic.value(group)));
    if (target <= 0 && !share) {
        run.steps.append([group] {
            return StepResult::fail(QStringLiteral("no %1 traffic share to restore: this site had none before the cut "
                                                   "nor in its profile; give a share")
                                        .arg(group));
        });
        return;
    }
    run.steps.append([this, group, target] {
        if (std::abs(m_traffic.value(group) - target) < 0.05)
            return StepResult::succeed(QStringLiteral("%1 traffic share is already %2").arg(group, percent(target)));
        return StepResult::next();
    });
    run.steps.append(trafficRamp(run.id, group, target));
}

QList<qsizetype> SimulatedSite::replicatedLinks(std::optional<Layer> layer, const QString &group,
                                                const QString &component) const
{
    // Shared storage (no product group) serves every group, so a group filter keeps it.
    QList<qsizetype> indexes;
    for (qsizetype i = 0; i < m_links.size(); ++i) {
        const LinkModel &link = m_links.at(i);
        const Component &c = m_components.value(link.component).identity;
        if ((layer && c.layer != *layer) || (!component.isEmpty() && link.component != component)
            || (!group.isEmpty() && !c.productGroup.isEmpty() && c.productGroup != group)) {
            continue;
        }
        indexes.append(i);
    }
    return indexes;
}

QString SimulatedSite::roleState(Layer layer, const QString &group, const QString &component) const
{
    QStringList parts;
    for (qsizetype i : replicatedLinks(layer, group, component)) {
        const LinkModel &link = m_links.at(i);
        parts.append(QStringLiteral("%1 is %2 on link %3").arg(link.component, toString(link.role), link.id));
    }
    return parts.join(QStringLiteral("; "));
}

void SimulatedSite::planRoleSwitch(Run &run, Layer layer, ReplicationRole to, const QString &group,
                                   const QString &component)
{
    const quint64 id = run.id;
    const bool promote = to == ReplicationRole::Primary;
    const QString word = layerWord(layer);
    const QString scope = !component.isEmpty() ? component
                          : !group.isEmpty()   ? group
                                               : QStringLiteral("any product group");
    run.stateLeft = [this, layer, group, component] { return roleState(layer, group, component); };
    run.steps.append([=, this, phase = 0, switching = QList<qsizetype>()]() mutable {
        if (phase == 0) {
            const QList<qsizetype> links = replicatedLinks(layer, group, component);
            if (links.isEmpty())
                return StepResult::fail(QStringLiteral("no %1 replication links for %2 at this site").arg(word, scope));
            QStringList unchanged;
            for (qsizetype i : links) {
                if (m_links.at(i).role != to)
                    switching.append(i);
                else if (!unchanged.contains(m_links.at(i).component))
                    unchanged.append(m_links.at(i).component);
            }
            if (switching.isEmpty()) {
                return StepResult::fail(QStringLiteral("no %1 %2 for %3 at this site: %4 %5 already %6")
                                            .arg(promote ? QStringLiteral("standby") : QStringLiteral("primary"), word,
                                                 scope, unchanged.join(QStringLiteral(", ")),
                                                 unchanged.size() == 1 ? QStringLiteral("is") : QStringLiteral("are"),
                                                 toString(to)));
            }
            for (qsizetype i : std::as_const(switching)) {
                const LinkModel &link = m_links.at(i);
                const QString reason = downReason(m_components.value(link.component));
                if (!reason.isEmpty()) {
                    return StepResult::fail(QStringLiteral("cannot %1 %2: it is down: %3")
                                                .arg(promote ? QStringLiteral("promote") : QStringLiteral("demote"),
                                                     link.component, reason));
                }
                log(id, QStringLiteral("%1 is %2 of %3/%4 on link %5, lag %6 s")
                            .arg(link.component, toString(link.role), link.peerSite, link.peerComponent, link.id,
                                 number(lagOf(link))));
            }
            phase = 1;
            return StepResult::again(1.5);
        }
        if (phase == 1) {
            double catchUp = 0;
            for (qsizetype i : std::as_const(switching)) {
                const LinkModel &link = m_links.at(i);
                catchUp = std::max(catchUp, lagOf(link));
                if (promote) {
                    log(id, QStringLiteral("%1: stopping replication from %2/%3, applying %4 s of pending changes")
                                .arg(link.component, link.peerSite, link.peerComponent, number(lagOf(link))));
                } else {
                    log(id, QStringLiteral("%1: read-only now, draining writes to %2/%3")
                                .arg(link.component, link.peerSite, link.peerComponent));
                }
            }
            phase = 2;
            return StepResult::again(2 + std::min(catchUp, 10.0));
        }
        QStringList switched;
        for (qsizetype i : std::as_const(switching)) {
            LinkModel &link = m_links[i];
            link.role = to;
            link.backlog += SwitchBacklogSeconds;
            log(id, QStringLiteral("%1 is now %2 on link %3; %4/%5 is resynchronising")
                        .arg(link.component, toString(to), link.id, link.peerSite, link.peerComponent));
            if (!switched.contains(link.component))
                switched.append(link.component);
        }
        return StepResult::next(0, QStringLiteral("%1 %2 %3 to %4")
                                       .arg(promote ? QStringLiteral("promoted") : QStringLiteral("demoted"), word,
                                            switched.join(QStringLiteral(", ")), toString(to)));
    });
}

void SimulatedSite::planHealthCheck(Run &run, const QString &group, std::optional<Layer> layer)
{
    QStringList components;
    for (const QString &id : std::as_const(m_componentIds)) {
        const Component &c = m_components.value(id).identity;
        if ((group.isEmpty() || c.productGroup == group) && (!layer || c.layer == *layer))
            components.append(id);
    }
    QStringList scopeParts;
    if (!group.isEmpty())
        scopeParts.append(QStringLiteral("product group ") + group);
    if (layer)
        scopeParts.append(QStringLiteral("layer ") + toString(*layer));
    const QString scope = scopeParts.isEmpty() ? QStringLiteral("the whole site") : scopeParts.join(QStringLiteral(", "));
    if (components.isEmpty()) {
        run.steps.append([scope] { return StepResult::fail(QStringLiteral("no components in ") + scope); });
        return;
    }
    const quint64 id = run.id;
    run.steps.append([this, id, scope, components, checking = false]() mutable {
        if (!checking) {
            log(id, QStringLiteral("checking %1 components in %2").arg(QString::number(components.size()), scope));
            checking = true;
            return StepResult::again(1.0);
        }
        QStringList unhealthy;
        int warnings = 0;
        for (const QString &componentId : std::as_const(components)) {
            const Component *c = m_topology.component(componentId);
            if (c->status == ComponentStatus::Ok)
                continue;
            QStringList messages;
            for (const Alert &alert : c->alerts)
                messages.append(alert.message);
            log(id, QStringLiteral("%1 is %2: %3").arg(componentId, toString(c->status), messages.join(QStringLiteral("; "))));
            if (c->status == ComponentStatus::Critical || c->status == ComponentStatus::Down)
                unhealthy.append(QStringLiteral("%1 (%2)").arg(componentId, toString(c->status)));
            else
                ++warnings;
        }
        if (!unhealthy.isEmpty()) {
            return StepResult::fail(QStringLiteral("%1 of %2 components unhealthy: %3")
                                        .arg(QString::number(unhealthy.size()), QString::number(components.size()),
                                             unhealthy.join(QStringLiteral(", "))));
        }
        return StepResult::succeed(QStringLiteral("all %1 components healthy (%2 with warnings)")
                                       .arg(QString::number(components.size()), QString::number(warnings)));
    });
}

void SimulatedSite::planWaitSeconds(Run &run, double seconds)
{
    const quint64 id = run.id;
    const double started = m_now;
    run.stateLeft = [this, started, seconds] {
        return QStringLiteral("waited %1 of %2 s").arg(number(m_now - started), number(seconds));
    };
    run.steps.append([this, id, seconds, until = -1.0]() mutable {
        if (until < 0) {
            until = m_now + seconds;
            log(id, QStringLiteral("waiting %1 s").arg(number(seconds)));
        }
        const double left = until - m_now;
        if (left <= Epsilon)
            return StepResult::next(0, QStringLiteral("waited %1 s").arg(number(seconds)));
        return StepResult::again(std::min(1.0, left));
    });
}

void SimulatedSite::planWaitReplication(Run &run, const QString &group, double maxLag, double timeout)
{
    const quint64 id = run.id;
    const QString scope = group.isEmpty() ? QStringLiteral("all product groups") : group;
    run.stateLeft = [] { return QStringLiteral("nothing was changed"); };
    run.steps.append([=, this, started = -1.0, polls = 0]() mutable {
        if (started < 0) {
            started = m_now;
            log(id, QStringLiteral("waiting until replication for %1 is within %2 s (timeout %3 s)")
                        .arg(scope, number(maxLag), number(timeout)));
        }
        const QList<qsizetype> links = replicatedLinks(std::nullopt, group, {});
        if (links.isEmpty())
            return StepResult::succeed(QStringLiteral("no replication links for %1 at this site; nothing to wait for").arg(scope));
        QStringList behind;
        double largest = 0;
        for (qsizetype i : links) {
            const ReplicationLink link = linkState(m_links.at(i));
            largest = std::max(largest, link.lagSeconds);
            if (link.state == ReplicationState::Broken)
                behind.append(QStringLiteral("%1 (broken)").arg(link.id));
            else if (link.lagSeconds > maxLag)
                behind.append(QStringLiteral("%1 (lag %2 s)").arg(link.id, number(link.lagSeconds)));
        }
        if (behind.isEmpty()) {
            return StepResult::succeed(QStringLiteral("replication for %1 is within %2 s (largest lag %3 s)")
                                           .arg(scope, number(maxLag), number(largest)));
        }
        if (m_now - started >= timeout - Epsilon) {
            return StepResult::fail(QStringLiteral("replication for %1 still behind after %2 s: %3")
                                        .arg(scope, number(timeout), behind.join(QStringLiteral(", "))));
        }
        if (polls++ % 5 == 0)
            log(id, QStringLiteral("still behind: ") + behind.join(QStringLiteral(", ")));
        return StepResult::again(std::min(1.0, started + timeout - m_now));
    });
}

} // namespace Haven
