// SPDX-License-Identifier: GPL-3.0-or-later
#include "switchoverreadiness.h"

#include "displaynames.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace Haven {

QString toString(Readiness readiness)
{
    switch (readiness) {
    case Readiness::Ready:
        return QStringLiteral("ready");
    case Readiness::Caution:
        return QStringLiteral("caution");
    case Readiness::Blocked:
        return QStringLiteral("blocked");
    }
    return {};
}

// ---- thresholds ------------------------------------------------------------------------------

namespace {

struct ThresholdField
{
    const char *key;
    double ReadinessThresholds::*member;
};

constexpr ThresholdField thresholdFields[] = {
    {"maxLagSeconds", &ReadinessThresholds::maxLagSeconds},
    {"blockLagSeconds", &ReadinessThresholds::blockLagSeconds},
    {"capacityWatermark", &ReadinessThresholds::capacityWatermark},
    {"capacityCeiling", &ReadinessThresholds::capacityCeiling},
    {"cpuCeiling", &ReadinessThresholds::cpuCeiling},
    {"cpuLimit", &ReadinessThresholds::cpuLimit},
};

} // namespace

QJsonObject ReadinessThresholds::toJson() const
{
    QJsonObject json;
    for (const ThresholdField &field : thresholdFields)
        json.insert(QLatin1StringView(field.key), this->*field.member);
    json.insert(QLatin1StringView("staleAfterSeconds"), double(staleAfterSeconds));
    return json;
}

std::optional<ReadinessThresholds> ReadinessThresholds::fromJson(const QJsonObject &json, QString *error)
{
    ReadinessThresholds t;
    const auto number = [&](const char *key, double *out) {
        const QJsonValue value = json.value(QLatin1StringView(key));
        if (value.isUndefined())
            return true;
        if (!value.isDouble() || !std::isfinite(value.toDouble()) || value.toDouble() < 0) {
            if (error)
                *error = ReadinessTracker::tr("Threshold \"%1\" must be a number of at least 0.")
                             .arg(QLatin1StringView(key));
            return false;
        }
        *out = value.toDouble();
        return true;
    };
    for (const ThresholdField &field : thresholdFields) {
        if (!number(field.key, &(t.*field.member)))
            return std::nullopt;
    }
    double stale = double(t.staleAfterSeconds);
    if (!number("staleAfterSeconds", &stale))
        return std::nullopt;
    t.staleAfterSeconds = qint64(stale);
    const auto ordered = [&](double low, double high, const char *lowKey, const char *highKey) {
        if (low <= high)
            return true;
        if (error)
            *error = ReadinessTracker::tr("Threshold \"%1\" must not be above \"%2\".")
                         .arg(QLatin1StringView(lowKey), QLatin1StringView(highKey));
        return false;
    };
    if (!ordered(t.maxLagSeconds, t.blockLagSeconds, "maxLagSeconds", "blockLagSeconds")
        || !ordered(t.capacityWatermark, t.capacityCeiling, "capacityWatermark", "capacityCeiling")
        || !ordered(t.cpuCeiling, t.cpuLimit, "cpuCeiling", "cpuLimit"))
        return std::nullopt;
    return t;
}

bool ReadinessThresholds::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = ReadinessTracker::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(toJson()).toJson());
    if (!file.commit()) {
        if (error)
            *error = ReadinessTracker::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<ReadinessThresholds> ReadinessThresholds::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = ReadinessTracker::tr("Cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        if (error)
            *error = ReadinessTracker::tr("%1 is not a JSON object: %2").arg(path, parseError.errorString());
        return std::nullopt;
    }
    return fromJson(document.object(), error);
}

// ---- evaluation ------------------------------------------------------------------------------

QString ReadinessVerdict::topReason() const
{
    return reasons.isEmpty() ? QString() : reasons.constFirst().text;
}

namespace {

QString age(qint64 seconds)
{
    if (seconds < 0)
        return ReadinessTracker::tr("no data");
    if (seconds < 120)
        return ReadinessTracker::tr("data %1 s old").arg(seconds);
    if (seconds < 2 * 3600)
        return ReadinessTracker::tr("data %1 min old").arg(seconds / 60);
    return ReadinessTracker::tr("data %1 h old").arg(seconds / 3600);
}

QString percent(double value)
{
    return QString::number(value, 'f', 0);
}

QString seconds(double value)
{
    return QString::number(value, 'f', value < 10 ? 1 : 0);
}

struct LinkView
{
    ReplicationLink link;
    bool fresh = false; // reported by a site whose data is not stale
    QString group;      // the product group of its primary side ("" for shared storage)
};

using ComponentList = QList<const Component *>;

// Everything evaluatePair() looks up, indexed once per evaluation: a pair then costs only what
// the two sites hold of the group, not the whole fleet.
struct Fleet
{
    const FleetTopology &topology;
    const ReadinessThresholds &thresholds;
    QDateTime now;
    QStringList siteIds;
    QHash<QString, QList<Component>> components;           // site -> components (owns the data below)
    QHash<QString, QHash<QString, ComponentList>> byGroup; // site -> product group ("" shared) -> components
    QHash<QString, QList<LinkView>> linksBetween;          // "from\nto" -> merged link reports
    QSet<QString> standbyComponents;                       // "site/component" on the to side of a link
    QSet<QString> primaryComponents;                       // "site/component" on the from side of a link

    const SiteState &site(const QString &id) const { return *topology.site(id); }
    bool stale(const SiteState &s) const
    {
        const qint64 age = s.dataAgeSeconds(now);
        return age < 0 || age > thresholds.staleAfterSeconds || s.fromCache
               || s.reachability == Reachability::Unreachable;
    }
    ComponentList group(const QString &siteId, const QString &group) const
    {
        return byGroup.value(siteId).value(group);
    }
};

bool worseLink(const ReplicationLink &a, const ReplicationLink &b)
{
    if (a.state != b.state)
        return int(a.state) > int(b.state);
    return a.lagSeconds > b.lagSeconds;
}

void collect(Fleet &fleet)
{
    QHash<QString, LinkView> links; // link id -> merged report
    for (const QString &siteId : std::as_const(fleet.siteIds)) {
        fleet.components.insert(siteId, fleet.topology.components(siteId));
        const SiteState &s = fleet.site(siteId);
        const bool fresh = !fleet.stale(s);
        // Both ends report a link: prefer fresh reports, and of equals the worse one.
        for (const ReplicationLink &link : s.replication) {
            auto it = links.find(link.id);
            if (it == links.end())
                links.insert(link.id, {link, fresh, {}});
            else if ((fresh && !it->fresh) || (fresh == it->fresh && worseLink(link, it->link)))
                *it = {link, fresh, {}};
        }
    }
    // Pointers into the lists: taken only after every list is in place, through const access.
    for (auto it = fleet.components.cbegin(); it != fleet.components.cend(); ++it) {
        QHash<QString, ComponentList> &groups = fleet.byGroup[it.key()];
        for (const Component &c : it.value())
            groups[c.productGroup] << &c;
    }
    for (LinkView &view : links) {
        const ReplicationLink &l = view.link;
        const int row = fleet.topology.rowOf(l.fromSite, l.fromComponent);
        view.group = row < 0 ? QString() : fleet.topology.component(row).productGroup;
        fleet.standbyComponents.insert(l.toSite + QLatin1Char('/') + l.toComponent);
        fleet.primaryComponents.insert(l.fromSite + QLatin1Char('/') + l.fromComponent);
        fleet.linksBetween[l.fromSite + QLatin1Char('\n') + l.toSite] << view;
    }
}

ReadinessReason reason(ReadinessReason::Kind kind, Readiness severity, const QString &text, const QString &subject = {},
                       double value = 0, double limit = 0)
{
    return {kind, severity, text, subject, value, limit};
}

ReadinessVerdict evaluatePair(const Fleet &fleet, const QString &group, const QString &failedId,
                              const QString &emergencyId)
{
    using Kind = ReadinessReason::Kind;
    const ReadinessThresholds &t = fleet.thresholds;
    const SiteState &failed = fleet.site(failedId);
    const SiteState &emergency = fleet.site(emergencyId);
    const QString fName = failed.displayName();
    const QString eName = emergency.displayName();

    ReadinessVerdict v;
    v.productGroup = group;
    v.failedSite = failedId;
    v.failedSiteName = fName;
    v.emergencySite = emergencyId;
    v.emergencySiteName = eName;
    v.failedShare = failed.traffic.value(group);
    v.emergencyShare = emergency.traffic.value(group);
    QList<ReadinessReason> &reasons = v.reasons;

    // The emergency site's agent: the switchover runs through it.
    const qint64 eAge = emergency.dataAgeSeconds(fleet.now);
    switch (emergency.reachability) {
    case Reachability::Unreachable:
        reasons << reason(Kind::Unreachable, Readiness::Blocked,
                          ReadinessTracker::tr("%1's agent does not answer (%2)").arg(eName, age(eAge)), {},
                          double(eAge));
        break;
    case Reachability::Unknown:
        reasons << reason(Kind::Slow, Readiness::Caution,
                          ReadinessTracker::tr("The console is still connecting to %1's agent").arg(eName));
        break;
    case Reachability::Slow:
        reasons << reason(Kind::Slow, Readiness::Caution, ReadinessTracker::tr("%1's agent answers slowly").arg(eName));
        break;
    case Reachability::Online:
        break;
    }
    if (emergency.reachability != Reachability::Unreachable) {
        if (emergency.fromCache)
            reasons << reason(Kind::StaleData, Readiness::Caution,
                              ReadinessTracker::tr("%1's figures come from the local cache (%2)").arg(eName, age(eAge)),
                              {}, double(eAge), double(t.staleAfterSeconds));
        else if (eAge < 0 || eAge > t.staleAfterSeconds)
            reasons << reason(Kind::StaleData, Readiness::Caution,
                              ReadinessTracker::tr("%1's figures are out of date (%2)").arg(eName, age(eAge)), {},
                              double(eAge), double(t.staleAfterSeconds));
    }
    if (fleet.stale(failed)) {
        const qint64 fAge = failed.dataAgeSeconds(fleet.now);
        reasons << reason(Kind::FailedSiteStale, Readiness::Ready,
                          ReadinessTracker::tr("%1's figures are its last known ones (%2)").arg(fName, age(fAge)), {},
                          double(fAge));
    }

    // What the emergency site runs of the group, and what it shares with every group.
    const ComponentList eGroup = fleet.group(emergencyId, group);
    const ComponentList eShared = fleet.group(emergencyId, QString());
    const auto business = [](const ComponentList &list) {
        ComponentList out;
        for (const Component *c : list) {
            if (c->layer == Layer::Business)
                out << c;
        }
        return out;
    };
    const ComponentList eBusiness = business(eGroup);
    const ComponentList fGroup = fleet.group(failedId, group);
    const ComponentList fBusiness = business(fGroup);
    if (eGroup.isEmpty()) {
        reasons << reason(Kind::NoComponents, Readiness::Blocked,
                          ReadinessTracker::tr("%1 runs no %2 components").arg(eName, group));
    } else if (eBusiness.isEmpty() && !fBusiness.isEmpty()) {
        reasons << reason(Kind::NoComponents, Readiness::Blocked,
                          ReadinessTracker::tr("%1 runs no %2 applications").arg(eName, group));
    }

    // Components down, critical alerts.
    int down = 0;
    int businessDown = 0;
    QString firstDown;
    int groupCritical = 0;
    int sharedCritical = 0;
    QString groupCriticalSubject;
    QString sharedCriticalSubject;
    const auto countCritical = [](const Component &c) {
        return int(std::count_if(c.alerts.cbegin(), c.alerts.cend(),
                                 [](const Alert &a) { return a.severity == QLatin1StringView("critical"); }));
    };
    for (const Component *c : std::as_const(eGroup)) {
        if (c->status == ComponentStatus::Down) {
            ++down;
            if (c->layer == Layer::Business)
                ++businessDown;
            if (firstDown.isEmpty())
                firstDown = c->id;
        }
        const int n = countCritical(*c);
        if (n > 0 && groupCriticalSubject.isEmpty())
            groupCriticalSubject = c->id;
        groupCritical += n;
    }
    for (const Component *c : std::as_const(eShared)) {
        const int n = countCritical(*c);
        if (n > 0 && sharedCriticalSubject.isEmpty())
            sharedCriticalSubject = c->id;
        sharedCritical += n;
    }
    if (!eBusiness.isEmpty() && businessDown == eBusiness.size()) {
        reasons << reason(Kind::ComponentsDown, Readiness::Blocked,
                          ReadinessTracker::tr("Every %1 application at %2 is down").arg(group, eName), firstDown,
                          down);
    } else if (down > 0) {
        reasons << reason(Kind::ComponentsDown, Readiness::Caution,
                          ReadinessTracker::tr("%1 has %n %2 component(s) down", nullptr, down).arg(eName, group),
                          firstDown, down);
    }
    if (groupCritical > 0)
        reasons << reason(Kind::CriticalAlerts, Readiness::Blocked,
                          ReadinessTracker::tr("%1 has %n critical alert(s) in %2", nullptr, groupCritical)
                              .arg(eName, group),
                          groupCriticalSubject, groupCritical);
    if (sharedCritical > 0)
        reasons << reason(Kind::CriticalAlerts, Readiness::Caution,
                          ReadinessTracker::tr("%1 has %n critical alert(s) in shared infrastructure", nullptr,
                                               sharedCritical)
                              .arg(eName),
                          sharedCriticalSubject, sharedCritical);

    // Capacity watermarks of the data layers the group uses at the emergency site.
    for (Layer layer : {Layer::Database, Layer::Storage}) {
        const Component *fullest = nullptr;
        for (const Component *c : eGroup + eShared) { // a few dozen at most
            if (c->layer != layer || !c->metrics.contains(QStringLiteral("capacity")))
                continue;
            if (!fullest
                || c->metrics.value(QStringLiteral("capacity")) > fullest->metrics.value(QStringLiteral("capacity")))
                fullest = c;
        }
        if (!fullest)
            continue;
        const double capacity = fullest->metrics.value(QStringLiteral("capacity"));
        if (capacity > t.capacityCeiling)
            reasons << reason(Kind::Capacity, Readiness::Blocked,
                              ReadinessTracker::tr("%1: %2 layer capacity at %3 %, above the %4 % ceiling")
                                  .arg(eName, DisplayNames::layer(layer), percent(capacity), percent(t.capacityCeiling)),
                              fullest->id, capacity, t.capacityCeiling);
        else if (capacity > t.capacityWatermark)
            reasons << reason(Kind::Capacity, Readiness::Caution,
                              ReadinessTracker::tr("%1: %2 layer capacity at %3 %, above the %4 % watermark")
                                  .arg(eName, DisplayNames::layer(layer), percent(capacity),
                                       percent(t.capacityWatermark)),
                              fullest->id, capacity, t.capacityWatermark);
    }

    // Headroom: would the emergency site's applications absorb the failed site's share?
    {
        double eSum = 0;
        int eCount = 0;
        for (const Component *c : eBusiness) {
            if (c->status != ComponentStatus::Down && c->metrics.contains(QStringLiteral("cpu"))) {
                eSum += c->metrics.value(QStringLiteral("cpu"));
                ++eCount;
            }
        }
        double fSum = 0;
        int fCount = 0;
        for (const Component *c : fBusiness) {
            if (c->metrics.contains(QStringLiteral("cpu"))) {
                fSum += c->metrics.value(QStringLiteral("cpu"));
                ++fCount;
            }
        }
        if (eCount > 0 && v.failedShare > 0) {
            if (v.emergencyShare > 0)
                v.projectedCpu = eSum / eCount * (v.emergencyShare + v.failedShare) / v.emergencyShare;
            else if (fCount > 0)
                v.projectedCpu = (eSum + fSum) / eCount; // a cold standby takes the failed site's whole load
        }
        if (v.projectedCpu > t.cpuLimit)
            reasons << reason(Kind::CpuHeadroom, Readiness::Blocked,
                              ReadinessTracker::tr("%1 cannot absorb %2 % more %3 traffic: its applications would "
                                                   "need %4 % cpu")
                                  .arg(eName, percent(v.failedShare), group, percent(v.projectedCpu)),
                              {}, v.projectedCpu, t.cpuLimit);
        else if (v.projectedCpu > t.cpuCeiling)
            reasons << reason(Kind::CpuHeadroom, Readiness::Caution,
                              ReadinessTracker::tr("%1's %2 applications would run at %3 % cpu, above %4 %")
                                  .arg(eName, group, percent(v.projectedCpu), percent(t.cpuCeiling)),
                              {}, v.projectedCpu, t.cpuCeiling);
    }

    // Replication from the failed site to the emergency site.
    QSet<QString> replicated; // failed-site components with a link to the emergency site
    for (const LinkView &view : fleet.linksBetween.value(failedId + QLatin1Char('\n') + emergencyId)) {
        const ReplicationLink &l = view.link;
        if (view.group != group && !view.group.isEmpty())
            continue;
        replicated.insert(l.fromComponent);
        const QString name = l.id;
        if (l.state == ReplicationState::Broken)
            reasons << reason(Kind::ReplicationBroken, Readiness::Blocked,
                              ReadinessTracker::tr("Replication %1 from %2 to %3 is broken").arg(name, fName, eName),
                              l.id, l.lagSeconds);
        else if (l.lagSeconds > t.blockLagSeconds)
            reasons << reason(Kind::ReplicationLag, Readiness::Blocked,
                              ReadinessTracker::tr("Replication lag of %1 is %2 s, above %3 s")
                                  .arg(name, seconds(l.lagSeconds), seconds(t.blockLagSeconds)),
                              l.id, l.lagSeconds, t.blockLagSeconds);
        else if (l.lagSeconds > t.maxLagSeconds)
            reasons << reason(Kind::ReplicationLag, Readiness::Caution,
                              ReadinessTracker::tr("Replication lag of %1 is %2 s, above %3 s")
                                  .arg(name, seconds(l.lagSeconds), seconds(t.maxLagSeconds)),
                              l.id, l.lagSeconds, t.maxLagSeconds);
    }
    // Databases of the group that hold data at the failed site (primaries, or unreplicated ones
    // with a capacity figure) need their data at the emergency site.
    const auto holdsGroupData = [&](const QString &siteId, const ComponentList &components) {
        return std::any_of(components.cbegin(), components.cend(), [&](const Component *c) {
            const QString key = siteId + QLatin1Char('/') + c->id;
            return c->layer == Layer::Database
                   && (fleet.primaryComponents.contains(key) || fleet.standbyComponents.contains(key));
        });
    };
    const bool failedHoldsPrimaries = std::any_of(fGroup.cbegin(), fGroup.cend(), [&](const Component *c) {
        return c->layer == Layer::Database && fleet.primaryComponents.contains(failedId + QLatin1Char('/') + c->id);
    });
    for (const Component *c : fGroup) {
        if (c->layer != Layer::Database)
            continue;
        const QString key = failedId + QLatin1Char('/') + c->id;
        if (fleet.standbyComponents.contains(key))
            continue; // a standby: the primary is elsewhere
        const bool primary = fleet.primaryComponents.contains(key);
        if (!primary && !c->metrics.contains(QStringLiteral("capacity")))
            continue; // proxies, replication agents: they hold no data
        if (replicated.contains(c->id))
            continue;
        const QString name = c->name.isEmpty() ? c->id : c->name;
        // Blocked when this data cannot be served there: a primary replicated elsewhere only,
        // or a group whose data reaches the emergency site by no replication at all.
        const bool dataMissing = primary || (!failedHoldsPrimaries && !holdsGroupData(emergencyId, eGroup))
                                 || (failedHoldsPrimaries && replicated.isEmpty());
        if (dataMissing) {
            reasons << reason(Kind::NoReplication, Readiness::Blocked,
                              ReadinessTracker::tr("%1 at %2 has no standby at %3").arg(name, fName, eName), c->id);
        } else {
            // The group's data is there; this one (a local read replica, a cache) is replicated
            // nowhere: a risk to weigh, not a stop.
            reasons << reason(Kind::NoReplication, Readiness::Caution,
                              ReadinessTracker::tr("%1 at %2 is not replicated to any other site").arg(name, fName),
                              c->id);
        }
    }

    std::stable_sort(reasons.begin(), reasons.end(),
                     [](const ReadinessReason &a, const ReadinessReason &b) { return a.severity > b.severity; });
    v.verdict = Readiness::Ready;
    for (const ReadinessReason &r : std::as_const(reasons))
        v.verdict = std::max(v.verdict, r.severity);
    return v;
}

// Better emergency site first: verdict, then fewer blocking and cautionary reasons, then a site
// already serving the group, then headroom.
bool betterTarget(const ReadinessVerdict &a, const ReadinessVerdict &b)
{
    if (a.verdict != b.verdict)
        return a.verdict < b.verdict;
    const auto count = [](const ReadinessVerdict &v, Readiness s) {
        return std::count_if(v.reasons.cbegin(), v.reasons.cend(),
                             [s](const ReadinessReason &r) { return r.severity == s; });
    };
    if (count(a, Readiness::Blocked) != count(b, Readiness::Blocked))
        return count(a, Readiness::Blocked) < count(b, Readiness::Blocked);
    if (count(a, Readiness::Caution) != count(b, Readiness::Caution))
        return count(a, Readiness::Caution) < count(b, Readiness::Caution);
    // A site already serving the group is warm: caches, connections, people watching it.
    if ((a.emergencyShare > 0) != (b.emergencyShare > 0))
        return a.emergencyShare > 0;
    const double pa = a.projectedCpu < 0 ? 1e9 : a.projectedCpu;
    const double pb = b.projectedCpu < 0 ? 1e9 : b.projectedCpu;
    return pa < pb;
}

} // namespace

QList<ReadinessVerdict> evaluateReadiness(const FleetTopology &topology, const ReadinessThresholds &thresholds,
                                          const QDateTime &now)
{
    Fleet fleet{topology, thresholds, now, topology.siteIds(), {}, {}, {}, {}, {}};
    collect(fleet);

    QStringList groups;
    QSet<QString> withShare; // groups some site reports a traffic share for
    for (const QString &siteId : fleet.siteIds) {
        for (const Component &c : fleet.components.value(siteId)) {
            if (!c.productGroup.isEmpty())
                groups << c.productGroup;
        }
        const SiteState &s = fleet.site(siteId);
        for (auto it = s.traffic.cbegin(); it != s.traffic.cend(); ++it) {
            groups << it.key();
            withShare.insert(it.key());
        }
    }
    groups.sort();
    groups.removeDuplicates();

    QList<ReadinessVerdict> out;
    for (const QString &group : std::as_const(groups)) {
        for (const QString &failedId : fleet.siteIds) {
            const SiteState &failed = fleet.site(failedId);
            bool serves = failed.traffic.value(group) > 0;
            if (!withShare.contains(group)) {
                const QList<Component> list = fleet.components.value(failedId);
                serves = std::any_of(list.cbegin(), list.cend(), [&](const Component &c) {
                    return c.productGroup == group && c.layer == Layer::Business;
                });
            }
            if (!serves)
                continue;
            QList<ReadinessVerdict> pair;
            for (const QString &emergencyId : fleet.siteIds) {
                if (emergencyId != failedId)
                    pair << evaluatePair(fleet, group, failedId, emergencyId);
            }
            std::stable_sort(pair.begin(), pair.end(), betterTarget);
            out << pair;
        }
    }
    return out;
}

QList<ReadinessVerdict> bestTargets(const QList<ReadinessVerdict> &verdicts)
{
    QList<ReadinessVerdict> out;
    for (const ReadinessVerdict &v : verdicts) {
        if (out.isEmpty() || out.constLast().productGroup != v.productGroup
            || out.constLast().failedSite != v.failedSite)
            out << v;
    }
    return out;
}

std::optional<ReadinessVerdict> bestTarget(const QList<ReadinessVerdict> &verdicts, const QString &productGroup,
                                           const QString &failedSite)
{
    for (const ReadinessVerdict &v : verdicts) {
        if (v.productGroup == productGroup && v.failedSite == failedSite)
            return v;
    }
    return std::nullopt;
}

// ---- tracker ---------------------------------------------------------------------------------

ReadinessTracker::ReadinessTracker(const FleetTopology &topology, QObject *parent)
    : QObject(parent)
    , m_topology(topology)
    , m_coalesce(new QTimer(this))
    , m_clock(new QTimer(this))
{
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(500);
    connect(m_coalesce, &QTimer::timeout, this, &ReadinessTracker::evaluateNow);
    m_clock->setInterval(10000);
    connect(m_clock, &QTimer::timeout, this, &ReadinessTracker::schedule);
    m_clock->start();

    connect(&topology, &FleetTopology::siteChanged, this, &ReadinessTracker::schedule);
    connect(&topology, &FleetTopology::sitesReset, this, &ReadinessTracker::schedule);
    connect(&topology, &FleetTopology::componentsInserted, this, &ReadinessTracker::schedule);
    connect(&topology, &FleetTopology::componentsRemoved, this, &ReadinessTracker::schedule);
    connect(&topology, &FleetTopology::componentsChanged, this, &ReadinessTracker::schedule);
    evaluateNow();
}

ReadinessTracker::~ReadinessTracker() = default;

void ReadinessTracker::setThresholds(const ReadinessThresholds &thresholds)
{
    if (m_thresholds == thresholds)
        return;
    m_thresholds = thresholds;
    schedule();
}

void ReadinessTracker::setInterval(int milliseconds)
{
    m_coalesce->setInterval(milliseconds);
}

void ReadinessTracker::setClockInterval(int milliseconds)
{
    m_clock->start(milliseconds);
}

void ReadinessTracker::schedule()
{
    // Not restarted while pending: a steady stream of changes still evaluates once per interval.
    if (!m_coalesce->isActive())
        m_coalesce->start();
}

void ReadinessTracker::evaluateNow()
{
    m_coalesce->stop();
    QList<ReadinessVerdict> verdicts = evaluateReadiness(m_topology, m_thresholds);
    if (verdicts == m_verdicts)
        return;
    m_verdicts = std::move(verdicts);
    Q_EMIT verdictsChanged();
}

} // namespace Haven
