// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/topology/switchoverreadiness.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Haven;
using Kind = ReadinessReason::Kind;

Q_DECLARE_METATYPE(Haven::Readiness)
Q_DECLARE_METATYPE(Haven::ReadinessReason::Kind)

namespace {

const QDateTime now = QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC);

Component component(const QString &id, Layer layer, const QString &group, QMap<QString, double> metrics)
{
    Component c;
    c.id = id;
    c.name = id;
    c.layer = layer;
    c.kind = QStringLiteral("test");
    c.productGroup = group;
    c.status = ComponentStatus::Ok;
    c.metrics = std::move(metrics);
    return c;
}

ReplicationLink link(const QString &from, const QString &to, ReplicationRole role, double lag = 0.5)
{
    ReplicationLink l;
    l.id = QStringLiteral("pay-mysql.") + from + QLatin1Char('-') + to;
    l.fromSite = from;
    l.fromComponent = from + QStringLiteral("-pay-mysql");
    l.toSite = to;
    l.toComponent = to + QStringLiteral("-pay-mysql");
    l.role = role;
    l.lagSeconds = lag;
    return l;
}

// Three sites: sha and shb each serve half of payments (active-active), hzc is a cold standby.
// The payments database's primary is at sha, with standbys at shb and hzc.
struct Fleet
{
    QList<SiteState> sites;
    QHash<QString, TopologySnapshot> snapshots;
    QHash<QString, QDateTime> dataTime;
    QHash<QString, bool> fromCache;

    Fleet()
    {
        const QStringList ids{QStringLiteral("sha"), QStringLiteral("shb"), QStringLiteral("hzc")};
        const QStringList names{QStringLiteral("Shanghai A"), QStringLiteral("Shanghai B"),
                                QStringLiteral("Hangzhou C")};
        const QList<double> shares{50, 50, 0};
        const QString pay = QStringLiteral("payments");
        for (int i = 0; i < ids.size(); ++i) {
            const QString &id = ids.at(i);
            SiteState s;
            s.id = id;
            s.name = names.at(i);
            s.reachability = Reachability::Online;
            sites << s;
            TopologySnapshot snap;
            snap.siteId = id;
            snap.traffic.insert(pay, shares.at(i));
            const double cpu = shares.at(i) > 0 ? 40 : 10;
            snap.components << component(id + QStringLiteral("-pay-api-01"), Layer::Business, pay,
                                         {{QStringLiteral("cpu"), cpu}})
                            << component(id + QStringLiteral("-pay-api-02"), Layer::Business, pay,
                                         {{QStringLiteral("cpu"), cpu}})
                            << component(id + QStringLiteral("-pay-mysql"), Layer::Database, pay,
                                         {{QStringLiteral("cpu"), 30}, {QStringLiteral("capacity"), 60}})
                            << component(id + QStringLiteral("-pay-proxy"), Layer::Database, pay,
                                         {{QStringLiteral("cpu"), 20}})
                            << component(id + QStringLiteral("-nas"), Layer::Storage, QString(),
                                         {{QStringLiteral("capacity"), 60}});
            snapshots.insert(id, snap);
            dataTime.insert(id, now.addSecs(-5));
            fromCache.insert(id, false);
        }
        for (const QString &standby : {QStringLiteral("shb"), QStringLiteral("hzc")}) {
            snapshots[QStringLiteral("sha")].replication
                << link(QStringLiteral("sha"), standby, ReplicationRole::Primary);
            snapshots[standby].replication << link(QStringLiteral("sha"), standby, ReplicationRole::Standby);
        }
    }

    Component &find(const QString &site, const QString &suffix)
    {
        for (Component &c : snapshots[site].components) {
            if (c.id == site + suffix)
                return c;
        }
        qFatal("no such component");
    }
    // Sets the link's figures on both sides.
    void setLink(const QString &to, double lag, ReplicationState state = ReplicationState::Healthy)
    {
        for (const QString &site : {QStringLiteral("sha"), to}) {
            for (ReplicationLink &l : snapshots[site].replication) {
                if (l.toSite == to) {
                    l.lagSeconds = lag;
                    l.state = state;
                }
            }
        }
    }
    void removeLink(const QString &to)
    {
        for (const QString &site : {QStringLiteral("sha"), to})
            snapshots[site].replication.removeIf([&](const ReplicationLink &l) { return l.toSite == to; });
    }
    SiteState &site(const QString &id)
    {
        for (SiteState &s : sites) {
            if (s.id == id)
                return s;
        }
        qFatal("no such site");
    }

    void load(FleetTopology &topology) const
    {
        topology.setSites(sites);
        for (const SiteState &s : sites)
            topology.applySnapshot(s.id, snapshots.value(s.id), dataTime.value(s.id), fromCache.value(s.id));
        for (const SiteState &s : sites)
            topology.setReachability(s.id, s.reachability, {}, now);
    }
};

Alert alert(const QString &severity)
{
    return {QStringLiteral("a-") + severity, severity, QStringLiteral("something is wrong"), now.addSecs(-60)};
}

using Mutation = std::function<void(Fleet &)>;

} // namespace

class TestSwitchoverReadiness final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void rules_data();
    void rules();
    void groupsAndCandidates();
    void noTrafficFiguresUseApplications();
    void bestTarget_data();
    void bestTarget();
    void thresholdsJson();
    void thresholdsFile();
    void thresholdsRefused_data();
    void thresholdsRefused();
    void trackerCoalesces();
    void evaluationCost();
};

void TestSwitchoverReadiness::rules_data()
{
    QTest::addColumn<Mutation>("mutation");
    QTest::addColumn<ReadinessThresholds>("thresholds");
    QTest::addColumn<Readiness>("verdict");
    QTest::addColumn<int>("kind");     // -1: no reason at all
    QTest::addColumn<QString>("text"); // a part of the top reason's sentence

    const ReadinessThresholds d;
    const QString sha = QStringLiteral("sha");
    const QString shb = QStringLiteral("shb");
    const auto setCpu = [](double cpu) {
        return Mutation([cpu](Fleet &f) {
            f.find(QStringLiteral("shb"), QStringLiteral("-pay-api-01")).metrics[QStringLiteral("cpu")] = cpu;
            f.find(QStringLiteral("shb"), QStringLiteral("-pay-api-02")).metrics[QStringLiteral("cpu")] = cpu;
        });
    };
    const auto setCapacity = [](const QString &suffix, double value) {
        return Mutation([suffix, value](Fleet &f) {
            f.find(QStringLiteral("shb"), suffix).metrics[QStringLiteral("capacity")] = value;
        });
    };

    QTest::addRow("everything fine") << Mutation([](Fleet &) {}) << d << Readiness::Ready << -1 << QString();
    QTest::addRow("lag at threshold") << Mutation([](Fleet &f) { f.setLink(QStringLiteral("shb"), 30); }) << d
                                      << Readiness::Ready << -1 << QString();
    QTest::addRow("lag above threshold") << Mutation([](Fleet &f) { f.setLink(QStringLiteral("shb"), 42); }) << d
                                         << Readiness::Caution << int(Kind::ReplicationLag)
                                         << QStringLiteral("Replication lag of pay-mysql.sha-shb is 42 s, above 30 s");
    QTest::addRow("lag above block threshold")
        << Mutation([](Fleet &f) { f.setLink(QStringLiteral("shb"), 301); }) << d << Readiness::Blocked
        << int(Kind::ReplicationLag) << QStringLiteral("301 s, above 300 s");
    ReadinessThresholds strict;
    strict.maxLagSeconds = 10;
    QTest::addRow("configured lag threshold")
        << Mutation([](Fleet &f) { f.setLink(QStringLiteral("shb"), 15); }) << strict << Readiness::Caution
        << int(Kind::ReplicationLag) << QStringLiteral("above 10 s");
    QTest::addRow("link broken") << Mutation([](Fleet &f) {
        f.setLink(QStringLiteral("shb"), 0, ReplicationState::Broken);
    }) << d << Readiness::Blocked << int(Kind::ReplicationBroken)
                                 << QStringLiteral("is broken");
    QTest::addRow("no standby replication")
        << Mutation([](Fleet &f) { f.removeLink(QStringLiteral("shb")); }) << d << Readiness::Blocked
        << int(Kind::NoReplication) << QStringLiteral("sha-pay-mysql at Shanghai A has no standby at Shanghai B");
    QTest::addRow("no replication at all") << Mutation([](Fleet &f) {
        f.removeLink(QStringLiteral("shb"));
        f.removeLink(QStringLiteral("hzc"));
    }) << d << Readiness::Blocked << int(Kind::NoReplication)
                                           << QStringLiteral("has no standby");
    QTest::addRow("unreplicated read replica beside a replicated primary")
        << Mutation([](Fleet &f) {
               f.snapshots[QStringLiteral("sha")].components
                   << component(QStringLiteral("sha-pay-mysql-ro"), Layer::Database, QStringLiteral("payments"),
                                {{QStringLiteral("cpu"), 20}, {QStringLiteral("capacity"), 40}});
           })
        << d << Readiness::Caution << int(Kind::NoReplication)
        << QStringLiteral("sha-pay-mysql-ro at Shanghai A is not replicated to any other site");
    QTest::addRow("db capacity at watermark")
        << setCapacity(QStringLiteral("-pay-mysql"), 80) << d << Readiness::Ready << -1 << QString();
    QTest::addRow("db capacity above watermark")
        << setCapacity(QStringLiteral("-pay-mysql"), 86) << d << Readiness::Caution << int(Kind::Capacity)
        << QStringLiteral("Shanghai B: Database layer capacity at 86 %, above the 80 % watermark");
    QTest::addRow("db capacity above ceiling")
        << setCapacity(QStringLiteral("-pay-mysql"), 96) << d << Readiness::Blocked << int(Kind::Capacity)
        << QStringLiteral("above the 95 % ceiling");
    QTest::addRow("shared storage capacity") << setCapacity(QStringLiteral("-nas"), 86) << d << Readiness::Caution
                                             << int(Kind::Capacity) << QStringLiteral("Storage layer capacity at 86 %");
    QTest::addRow("two critical alerts in group") << Mutation([](Fleet &f) {
        f.find(QStringLiteral("shb"), QStringLiteral("-pay-api-01")).alerts << alert(QStringLiteral("critical"));
        f.find(QStringLiteral("shb"), QStringLiteral("-pay-mysql")).alerts << alert(QStringLiteral("critical"));
    }) << d << Readiness::Blocked << int(Kind::CriticalAlerts)
                                                  << QStringLiteral("Shanghai B has 2 critical alert");
    QTest::addRow("critical alert in shared infrastructure") << Mutation([](Fleet &f) {
        f.find(QStringLiteral("shb"), QStringLiteral("-nas")).alerts << alert(QStringLiteral("critical"));
    }) << d << Readiness::Caution << int(Kind::CriticalAlerts)
                                                             << QStringLiteral("shared infrastructure");
    QTest::addRow("warning alert") << Mutation([](Fleet &f) {
        f.find(QStringLiteral("shb"), QStringLiteral("-pay-api-01")).alerts << alert(QStringLiteral("warning"));
    }) << d << Readiness::Ready << -1
                                   << QString();
    QTest::addRow("alert at failed site") << Mutation([](Fleet &f) {
        f.find(QStringLiteral("sha"), QStringLiteral("-pay-api-01")).alerts << alert(QStringLiteral("critical"));
    }) << d << Readiness::Ready << -1 << QString();
    QTest::addRow("emergency site unreachable")
        << Mutation([](Fleet &f) {
               f.site(QStringLiteral("shb")).reachability = Reachability::Unreachable;
               f.dataTime[QStringLiteral("shb")] = now.addSecs(-12 * 60);
           })
        << d << Readiness::Blocked << int(Kind::Unreachable)
        << QStringLiteral("Shanghai B's agent does not answer (data 12 min old)");
    QTest::addRow("emergency site slow") << Mutation([](Fleet &f) {
        f.site(QStringLiteral("shb")).reachability = Reachability::Slow;
    }) << d << Readiness::Caution << int(Kind::Slow)
                                         << QStringLiteral("answers slowly");
    QTest::addRow("emergency data at stale limit")
        << Mutation([](Fleet &f) { f.dataTime[QStringLiteral("shb")] = now.addSecs(-60); }) << d << Readiness::Ready
        << -1 << QString();
    QTest::addRow("emergency data stale")
        << Mutation([](Fleet &f) { f.dataTime[QStringLiteral("shb")] = now.addSecs(-61); }) << d << Readiness::Caution
        << int(Kind::StaleData) << QStringLiteral("out of date (data 61 s old)");
    QTest::addRow("emergency data from cache")
        << Mutation([](Fleet &f) { f.fromCache[QStringLiteral("shb")] = true; }) << d << Readiness::Caution
        << int(Kind::StaleData) << QStringLiteral("local cache");
    QTest::addRow("failed site unreachable") << Mutation([](Fleet &f) {
        f.site(QStringLiteral("sha")).reachability = Reachability::Unreachable;
        f.dataTime[QStringLiteral("sha")] = now.addSecs(-300);
    }) << d << Readiness::Ready << int(Kind::FailedSiteStale)
                                             << QStringLiteral("last known ones (data 5 min old)");
    // shb's applications at 42.5 % serving 50 % would run at 85 % serving 100 %.
    QTest::addRow("cpu projected at ceiling") << setCpu(42.5) << d << Readiness::Ready << -1 << QString();
    QTest::addRow("cpu projected above ceiling") << setCpu(43) << d << Readiness::Caution << int(Kind::CpuHeadroom)
                                                 << QStringLiteral("would run at 86 % cpu, above 85 %");
    QTest::addRow("cpu projected above limit") << setCpu(51) << d << Readiness::Blocked << int(Kind::CpuHeadroom)
                                               << QStringLiteral("cannot absorb 50 % more payments traffic");
    QTest::addRow("one application down") << Mutation([](Fleet &f) {
        f.find(QStringLiteral("shb"), QStringLiteral("-pay-api-01")).status = ComponentStatus::Down;
    }) << d << Readiness::Caution << int(Kind::ComponentsDown)
                                          << QStringLiteral("has 1 payments component");
    QTest::addRow("every application down") << Mutation([](Fleet &f) {
        f.find(QStringLiteral("shb"), QStringLiteral("-pay-api-01")).status = ComponentStatus::Down;
        f.find(QStringLiteral("shb"), QStringLiteral("-pay-api-02")).status = ComponentStatus::Down;
    }) << d << Readiness::Blocked << int(Kind::ComponentsDown)
                                            << QStringLiteral("Every payments application");
    QTest::addRow("no components of the group") << Mutation([](Fleet &f) {
        f.snapshots[QStringLiteral("shb")].components.removeIf(
            [](const Component &c) { return !c.productGroup.isEmpty(); });
    }) << d << Readiness::Blocked << int(Kind::NoComponents)
                                                << QStringLiteral("Shanghai B runs no payments components");
    Q_UNUSED(sha)
    Q_UNUSED(shb)
}

void TestSwitchoverReadiness::rules()
{
    QFETCH(Mutation, mutation);
    QFETCH(ReadinessThresholds, thresholds);
    QFETCH(Readiness, verdict);
    QFETCH(int, kind);
    QFETCH(QString, text);

    Fleet fleet;
    mutation(fleet);
    FleetTopology topology;
    fleet.load(topology);
    const QList<ReadinessVerdict> verdicts = evaluateReadiness(topology, thresholds, now);
    const ReadinessVerdict *v = nullptr;
    for (const ReadinessVerdict &candidate : verdicts) {
        if (candidate.productGroup == QLatin1StringView("payments") && candidate.failedSite == QLatin1StringView("sha")
            && candidate.emergencySite == QLatin1StringView("shb"))
            v = &candidate;
    }
    QVERIFY(v);
    QCOMPARE(v->failedSiteName, QStringLiteral("Shanghai A"));
    QCOMPARE(v->emergencySiteName, QStringLiteral("Shanghai B"));
    QCOMPARE(toString(v->verdict), toString(verdict));
    if (kind < 0) {
        QVERIFY2(v->reasons.isEmpty(), qPrintable(v->topReason()));
        return;
    }
    QVERIFY(!v->reasons.isEmpty());
    QCOMPARE(int(v->reasons.constFirst().kind), kind);
    QCOMPARE(toString(v->reasons.constFirst().severity), toString(verdict));
    QVERIFY2(v->topReason().contains(text), qPrintable(v->topReason()));
}

void TestSwitchoverReadiness::groupsAndCandidates()
{
    Fleet fleet;
    // trading only has a traffic figure (at hzc); accounts only has components (at sha, no traffic anywhere).
    fleet.snapshots[QStringLiteral("hzc")].traffic.insert(QStringLiteral("trading"), 100);
    fleet.snapshots[QStringLiteral("sha")].components
        << component(QStringLiteral("sha-acct-api"), Layer::Business, QStringLiteral("accounts"), {});
    FleetTopology topology;
    fleet.load(topology);
    const QList<ReadinessVerdict> verdicts = evaluateReadiness(topology, {}, now);
    QStringList seen;
    for (const ReadinessVerdict &v : verdicts)
        seen << v.productGroup + QLatin1Char(':') + v.failedSite + QStringLiteral("->") + v.emergencySite;
    // Sorted by group; a site serving no share of a group is no failed-site candidate (hzc for payments).
    const QStringList expected{
        QStringLiteral("accounts:sha->shb"), QStringLiteral("accounts:sha->hzc"), QStringLiteral("payments:sha->shb"),
        QStringLiteral("payments:sha->hzc"), QStringLiteral("payments:shb->sha"), QStringLiteral("payments:shb->hzc"),
        QStringLiteral("trading:hzc->sha"),  QStringLiteral("trading:hzc->shb"),
    };
    QCOMPARE(seen, expected);
    // Nothing of trading runs anywhere else.
    for (const ReadinessVerdict &v : verdicts) {
        if (v.productGroup == QLatin1StringView("trading")) {
            QCOMPARE(toString(v.verdict), toString(Readiness::Blocked));
            QCOMPARE(int(v.reasons.constFirst().kind), int(Kind::NoComponents));
        }
    }
}

void TestSwitchoverReadiness::noTrafficFiguresUseApplications()
{
    Fleet fleet;
    for (TopologySnapshot &snap : fleet.snapshots)
        snap.traffic.clear();
    FleetTopology topology;
    fleet.load(topology);
    const QList<ReadinessVerdict> verdicts = evaluateReadiness(topology, {}, now);
    // Every site runs payments applications, so each is a failed-site candidate: 3 × 2 pairs.
    QCOMPARE(verdicts.size(), 6);
    for (const ReadinessVerdict &v : verdicts)
        QCOMPARE(v.projectedCpu, -1.0); // no shares, no projection
}

void TestSwitchoverReadiness::bestTarget_data()
{
    QTest::addColumn<Mutation>("mutation");
    QTest::addColumn<QString>("failedSite");
    QTest::addColumn<QString>("target");
    QTest::addColumn<Readiness>("verdict");

    QTest::addRow("warm site preferred") << Mutation([](Fleet &) {}) << QStringLiteral("sha") << QStringLiteral("shb")
                                         << Readiness::Ready;
    QTest::addRow("lagging warm site loses to cold standby")
        << Mutation([](Fleet &f) { f.setLink(QStringLiteral("shb"), 60); }) << QStringLiteral("sha")
        << QStringLiteral("hzc") << Readiness::Ready;
    QTest::addRow("caution beats blocked") << Mutation([](Fleet &f) {
        f.setLink(QStringLiteral("shb"), 60);
        f.site(QStringLiteral("hzc")).reachability = Reachability::Unreachable;
    }) << QStringLiteral("sha") << QStringLiteral("shb")
                                           << Readiness::Caution;
    QTest::addRow("nowhere to go") << Mutation([](Fleet &f) {
        f.removeLink(QStringLiteral("shb"));
        f.removeLink(QStringLiteral("hzc"));
    }) << QStringLiteral("sha") << QStringLiteral("shb")
                                   << Readiness::Blocked;
    // A standby site's own unreplicated read replica: the data is at sha anyway.
    QTest::addRow("standby side with a local read replica") << Mutation([](Fleet &f) {
        f.removeLink(QStringLiteral("hzc"));
        f.snapshots[QStringLiteral("shb")].components
            << component(QStringLiteral("shb-pay-mysql-ro"), Layer::Database, QStringLiteral("payments"),
                         {{QStringLiteral("cpu"), 20}, {QStringLiteral("capacity"), 40}});
    }) << QStringLiteral("shb") << QStringLiteral("sha") << Readiness::Caution;
    // shb holds no primary: failing it needs no replication; sha is warm.
    QTest::addRow("failing the standby side") << Mutation([](Fleet &f) { f.removeLink(QStringLiteral("hzc")); })
                                              << QStringLiteral("shb") << QStringLiteral("sha") << Readiness::Ready;
}

void TestSwitchoverReadiness::bestTarget()
{
    QFETCH(Mutation, mutation);
    QFETCH(QString, failedSite);
    QFETCH(QString, target);
    QFETCH(Readiness, verdict);

    Fleet fleet;
    mutation(fleet);
    FleetTopology topology;
    fleet.load(topology);
    const QList<ReadinessVerdict> verdicts = evaluateReadiness(topology, {}, now);
    const std::optional<ReadinessVerdict> best = Haven::bestTarget(verdicts, QStringLiteral("payments"), failedSite);
    QVERIFY(best);
    QCOMPARE(best->emergencySite, target);
    QCOMPARE(toString(best->verdict), toString(verdict));
    QVERIFY(!Haven::bestTarget(verdicts, QStringLiteral("payments"), QStringLiteral("hzc")));

    const QList<ReadinessVerdict> summary = bestTargets(verdicts);
    QCOMPARE(summary.size(), 2); // payments fails at sha or shb
    for (const ReadinessVerdict &v : summary)
        QVERIFY(v == *Haven::bestTarget(verdicts, v.productGroup, v.failedSite));
}

void TestSwitchoverReadiness::thresholdsJson()
{
    ReadinessThresholds t;
    QCOMPARE(t.maxLagSeconds, 30.0);
    QCOMPARE(t.capacityWatermark, 80.0);
    QCOMPARE(t.cpuCeiling, 85.0);
    QCOMPARE(t.staleAfterSeconds, 60);
    t.maxLagSeconds = 12.5;
    t.staleAfterSeconds = 90;
    t.cpuCeiling = 70;
    QString error;
    const std::optional<ReadinessThresholds> back = ReadinessThresholds::fromJson(t.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(*back == t);
    // Missing keys keep their defaults.
    const auto partial = ReadinessThresholds::fromJson(QJsonObject{{QStringLiteral("maxLagSeconds"), 5}}, &error);
    QVERIFY(partial);
    QCOMPARE(partial->maxLagSeconds, 5.0);
    QCOMPARE(partial->capacityWatermark, 80.0);
}

void TestSwitchoverReadiness::thresholdsFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("readiness.json"));
    ReadinessThresholds t;
    t.capacityWatermark = 70;
    QString error;
    QVERIFY2(t.save(path, &error), qPrintable(error));
    const auto loaded = ReadinessThresholds::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(*loaded == t);
    QVERIFY(!ReadinessThresholds::load(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY(error.contains(QStringLiteral("missing.json")));
}

void TestSwitchoverReadiness::thresholdsRefused_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("key");
    QTest::addRow("negative") << QJsonObject{{QStringLiteral("maxLagSeconds"), -1}} << QStringLiteral("maxLagSeconds");
    QTest::addRow("text") << QJsonObject{{QStringLiteral("cpuCeiling"), QStringLiteral("high")}}
                          << QStringLiteral("cpuCeiling");
    QTest::addRow("watermark above ceiling")
        << QJsonObject{{QStringLiteral("capacityWatermark"), 97}} << QStringLiteral("capacityCeiling");
    QTest::addRow("stale") << QJsonObject{{QStringLiteral("staleAfterSeconds"), true}}
                           << QStringLiteral("staleAfterSeconds");
}

void TestSwitchoverReadiness::thresholdsRefused()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, key);
    QString error;
    QVERIFY(!ReadinessThresholds::fromJson(json, &error));
    QVERIFY2(error.contains(key), qPrintable(error));
}

void TestSwitchoverReadiness::trackerCoalesces()
{
    Fleet fleet;
    for (QDateTime &time : fleet.dataTime)
        time = QDateTime::currentDateTimeUtc(); // the tracker evaluates at the current time
    FleetTopology topology;
    fleet.load(topology);
    ReadinessTracker tracker(topology);
    tracker.setInterval(100);
    QVERIFY(!tracker.verdicts().isEmpty());
    QCOMPARE(toString(tracker.verdicts().constFirst().verdict), toString(Readiness::Ready));
    QSignalSpy spy(&tracker, &ReadinessTracker::verdictsChanged);

    // A burst of changes: one evaluation, one signal.
    for (int i = 0; i < 20; ++i) {
        fleet.setLink(QStringLiteral("shb"), 40 + i);
        fleet.setLink(QStringLiteral("hzc"), 40 + i);
        topology.applySnapshot(QStringLiteral("sha"), fleet.snapshots.value(QStringLiteral("sha")),
                               QDateTime::currentDateTimeUtc(), false);
    }
    QVERIFY(spy.wait(2000));
    QTest::qWait(300);
    QCOMPARE(spy.size(), 1);
    const auto best = Haven::bestTarget(tracker.verdicts(), QStringLiteral("payments"), QStringLiteral("sha"));
    QVERIFY(best);
    QCOMPARE(toString(best->verdict), toString(Readiness::Caution));

    // A change that changes nothing: no signal.
    topology.applySnapshot(QStringLiteral("sha"), fleet.snapshots.value(QStringLiteral("sha")),
                           QDateTime::currentDateTimeUtc(), false);
    QTest::qWait(300);
    QCOMPARE(spy.size(), 1);

    // New thresholds re-evaluate.
    ReadinessThresholds lenient;
    lenient.maxLagSeconds = 100;
    tracker.setThresholds(lenient);
    QVERIFY(spy.wait(2000));
    QCOMPARE(toString(Haven::bestTarget(tracker.verdicts(), QStringLiteral("payments"), QStringLiteral("sha"))->verdict),
             toString(Readiness::Ready));
}

// Prints what one evaluation costs: the demo-sized fleet and a large one (20 sites × 500
// components, 20 product groups, each site serving every group, 40 links per site).
void TestSwitchoverReadiness::evaluationCost()
{
    {
        Fleet fleet;
        FleetTopology topology;
        fleet.load(topology);
        QElapsedTimer timer;
        timer.start();
        int runs = 0;
        while (timer.elapsed() < 200) {
            QVERIFY(!evaluateReadiness(topology, {}, now).isEmpty());
            ++runs;
        }
        qInfo("readiness_eval_small %.3f ms", double(timer.nsecsElapsed()) / 1e6 / runs);
    }
    QList<SiteState> sites;
    for (int s = 0; s < 20; ++s) {
        SiteState site;
        site.id = QStringLiteral("s%1").arg(s);
        site.reachability = Reachability::Online;
        sites << site;
    }
    FleetTopology topology;
    topology.setSites(sites);
    for (int s = 0; s < 20; ++s) {
        TopologySnapshot snap;
        const QString id = QStringLiteral("s%1").arg(s);
        for (int c = 0; c < 500; ++c) {
            const QString group = QStringLiteral("g%1").arg(c % 20);
            const Layer layer = c % 5 == 0 ? Layer::Database : Layer::Business;
            snap.components << component(id + QStringLiteral("-c%1").arg(c), layer, group,
                                         {{QStringLiteral("cpu"), 40}, {QStringLiteral("capacity"), 50}});
        }
        for (int g = 0; g < 20; ++g)
            snap.traffic.insert(QStringLiteral("g%1").arg(g), 5);
        for (int l = 0; l < 40; ++l) {
            ReplicationLink link;
            link.id = QStringLiteral("l%1-%2").arg(s).arg(l);
            link.fromSite = id;
            link.fromComponent = id + QStringLiteral("-c%1").arg(l * 5 % 500);
            link.toSite = QStringLiteral("s%1").arg((s + 1 + l % 19) % 20);
            link.toComponent = link.toSite + QStringLiteral("-c%1").arg(l * 5 % 500);
            snap.replication << link;
        }
        topology.applySnapshot(id, snap, now, false);
    }
    QElapsedTimer timer;
    timer.start();
    const QList<ReadinessVerdict> verdicts = evaluateReadiness(topology, {}, now);
    qInfo("readiness_eval_large %lld ms (%lld verdicts)", timer.elapsed(), qint64(verdicts.size()));
    QCOMPARE(verdicts.size(), 20 * 20 * 19);
}

QTEST_GUILESS_MAIN(TestSwitchoverReadiness)
#include "tst_switchoverreadiness.moc"
