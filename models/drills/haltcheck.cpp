// SPDX-License-Identifier: GPL-3.0-or-later
#include "haltcheck.h"

#include "models/topology/fleettopology.h"

namespace Haven {

namespace {

bool failing(ComponentStatus status)
{
    return status == ComponentStatus::Critical || status == ComponentStatus::Down;
}

QStringList sitesOf(const HaltCondition &condition, const FleetTopology &topology)
{
    return condition.site.isEmpty() ? topology.siteIds() : QStringList{condition.site};
}

bool servesAgain(const FleetTopology &topology, const BlastRadius &radius, const QString &siteId)
{
    const SiteState *site = topology.site(siteId);
    return site && !radius.darkSites.contains(siteId) && site->reachability != Reachability::Unreachable;
}

QString number(double value)
{
    return QString::number(value, 'f', 1);
}

} // namespace

bool HaltContext::isExpectedFailure(const QString &site, const Component &component) const
{
    if (radius && radius->affects(site, component.id))
        return true;
    if (expected) {
        for (const DrillTarget &target : expected->mustFail) {
            if (targetMatches(target, site, component))
                return true;
        }
    }
    return false;
}

double totalShare(const FleetTopology &topology, const QString &group)
{
    double total = 0;
    for (const QString &siteId : topology.siteIds())
        total += topology.site(siteId)->traffic.value(group);
    return total;
}

double servedShare(const FleetTopology &topology, const BlastRadius &radius, const QString &group)
{
    double served = 0;
    for (const QString &siteId : topology.siteIds()) {
        if (!servesAgain(topology, radius, siteId))
            continue;
        bool healthy = true;
        for (const Component &component : topology.components(siteId)) {
            if (component.layer == Layer::Business && component.productGroup == group && failing(component.status))
                healthy = false;
        }
        if (healthy)
            served += topology.site(siteId)->traffic.value(group);
    }
    return served;
}

HaltReading checkHalt(const HaltCondition &condition, const HaltContext &context)
{
    const FleetTopology &topology = *context.topology;
    static const BlastRadius noRadius;
    const BlastRadius &radius = context.radius ? *context.radius : noRadius;
    HaltReading reading;
    switch (condition.kind) {
    case HaltKind::ComponentStatus: {
        reading.known = false;
        for (const QString &siteId : sitesOf(condition, topology)) {
            const int row = topology.rowOf(siteId, condition.subject);
            if (row < 0)
                continue;
            const Component &component = topology.component(row);
            reading.known = true;
            reading.value = toString(component.status);
            if (failing(component.status) && !context.isExpectedFailure(siteId, component)) {
                reading.tripped = true;
                reading.reason = QStringLiteral("%1 at %2 is %3").arg(component.id, siteId, reading.value);
            }
        }
        if (!reading.known)
            reading.value = QStringLiteral("not found");
        return reading;
    }
    case HaltKind::LayerStatus: {
        QStringList beyond;
        for (const QString &siteId : sitesOf(condition, topology)) {
            for (const Component &component : topology.components(siteId)) {
                if (!condition.subject.isEmpty() && toString(component.layer) != condition.subject)
                    continue;
                if (failing(component.status) && !context.isExpectedFailure(siteId, component))
                    beyond.append(component.id);
            }
        }
        reading.value = QStringLiteral("%1 failing beyond the expected").arg(beyond.size());
        if (beyond.size() > condition.bound) {
            reading.tripped = true;
            reading.reason = QStringLiteral("%1 %2 failing beyond the expected: %3")
                                 .arg(beyond.size())
                                 .arg(condition.subject.isEmpty() ? QStringLiteral("components")
                                                                  : condition.subject + QStringLiteral(" components"))
                                 .arg(beyond.mid(0, 5).join(QStringLiteral(", ")));
        }
        return reading;
    }
    case HaltKind::TrafficShare: {
        double share = 0;
        for (const QString &siteId : sitesOf(condition, topology)) {
            if (servesAgain(topology, radius, siteId))
                share += topology.site(siteId)->traffic.value(condition.subject);
        }
        reading.value = number(share) + QStringLiteral(" %");
        if (share < condition.bound) {
            reading.tripped = true;
            reading.reason = QStringLiteral("%1 traffic share %2 % is below %3 %")
                                 .arg(condition.subject, number(share), number(condition.bound));
        }
        return reading;
    }
    case HaltKind::Qps: {
        double qps = 0;
        for (const QString &siteId : sitesOf(condition, topology)) {
            if (!servesAgain(topology, radius, siteId))
                continue;
            for (const Component &component : topology.components(siteId)) {
                if (component.layer == Layer::Business && component.productGroup == condition.subject)
                    qps += component.metrics.value(QStringLiteral("qps"));
            }
        }
        reading.value = number(qps) + QStringLiteral(" qps");
        if (qps < condition.bound) {
            reading.tripped = true;
            reading.reason = QStringLiteral("%1 serves %2 qps, below %3")
                                 .arg(condition.subject, number(qps), number(condition.bound));
        }
        return reading;
    }
    case HaltKind::ReplicationLag: {
        std::optional<double> lag;
        for (const QString &siteId : sitesOf(condition, topology)) {
            for (const ReplicationLink &link : topology.site(siteId)->replication) {
                if (link.id == condition.subject)
                    lag = std::max(lag.value_or(0.0), link.lagSeconds);
            }
        }
        reading.known = lag.has_value();
        reading.value = lag ? number(*lag) + QStringLiteral(" s") : QStringLiteral("not found");
        if (lag && *lag > condition.bound) {
            reading.tripped = true;
            reading.reason = QStringLiteral("replication %1 lags %2 s, above %3 s")
                                 .arg(condition.subject, number(*lag), number(condition.bound));
        }
        return reading;
    }
    case HaltKind::Signal: {
        const std::optional<bool> value = context.signal ? context.signal(condition.subject) : std::nullopt;
        reading.known = value.has_value();
        reading.value = !value ? QStringLiteral("no data") : *value ? QStringLiteral("pass") : QStringLiteral("fail");
        if (value && !*value) {
            reading.tripped = true;
            reading.reason = QStringLiteral("%1 fails").arg(condition.subject);
        }
        return reading;
    }
    case HaltKind::Elapsed: {
        const double seconds = context.elapsedMs / 1000.0;
        reading.value = QStringLiteral("%1 s of %2 s").arg(qint64(seconds)).arg(qint64(condition.bound));
        if (seconds > condition.bound) {
            reading.tripped = true;
            reading.reason = QStringLiteral("the drill ran longer than %1 s").arg(qint64(condition.bound));
        }
        return reading;
    }
    }
    return reading;
}

} // namespace Haven
