// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/simulated/simulatedbackend.h"
#include "agent/simulated/simulatedsite.h"
#include "simulatedtest.h"
#include "tests/agent/faultsteptest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace Haven;
using namespace Haven::Test;

class TestSimulatedSite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void profileErrors_data();
    void profileErrors();
    void demoProfiles();
    void faults_data();
    void faults();
    void overlappingFaults();
    void faultRefused_data();
    void faultRefused();
    void driftStaysSane();
    void unchangedTickKeepsRevision();
    void sameSeedSameSite();
    void backend();
};

void TestSimulatedSite::profileErrors_data()
{
    QTest::addColumn<QJsonObject>("profile");
    QTest::addColumn<QString>("expected");
    const QJsonObject base = smallProfile();
    const QJsonObject cycle{{QStringLiteral("from"), QStringLiteral("t-sto")},
                            {QStringLiteral("to"), QStringLiteral("t-gw")}};

    QTest::addRow("site id missing") << changed(base, QStringLiteral("site/id"), QJsonValue::Undefined)
                                     << QStringLiteral("site.id: missing");
    QTest::addRow("version") << changed(base, QStringLiteral("version"), 2)
                             << QStringLiteral("version: this agent reads version 1, got 2");
    QTest::addRow("components not an array") << changed(base, QStringLiteral("components"), QStringLiteral("x"))
                                             << QStringLiteral("components: expected an array");
    QTest::addRow("no components") << changed(base, QStringLiteral("components"), QJsonArray())
                                   << QStringLiteral("components: expected at least one component");
    QTest::addRow("bad layer") << changed(base, QStringLiteral("components/1/layer"), QStringLiteral("network"))
                               << QStringLiteral(
                                      "components[1].layer: expected one of business | middleware | storage | "
                                      "database | physical, got \"network\"");
    QTest::addRow("duplicate id") << changed(base, QStringLiteral("components/1/id"), QStringLiteral("t-gw"))
                                  << QStringLiteral("components[1].id: duplicate id \"t-gw\"");
    QTest::addRow("unknown product group")
        << changed(base, QStringLiteral("components/0/productGroup"), QStringLiteral("loans"))
        << QStringLiteral("components[0].productGroup: unknown product group \"loans\" (declared: pay)");
    QTest::addRow("unknown metric") << changed(base, QStringLiteral("components/0/metrics/cpuu"), 3)
                                    << QStringLiteral(
                                           "components[0].metrics.cpuu: unknown metric (expected one of cpu, "
                                           "memory, qps, latencyMs, capacity)");
    QTest::addRow("percentage out of range")
        << changed(base, QStringLiteral("components/0/metrics/cpu"), 140)
        << QStringLiteral("components[0].metrics.cpu: expected a percentage between 0 and 100");
    QTest::addRow("metric not a number") << changed(base, QStringLiteral("components/0/metrics/qps"),
                                                    QStringLiteral("many"))
                                         << QStringLiteral("components[0].metrics.qps: expected a number");
    QTest::addRow("dependency on unknown component")
        << changed(base, QStringLiteral("dependencies/0/to"), QStringLiteral("nope"))
        << QStringLiteral("dependencies[0].to: unknown component \"nope\"");
    QTest::addRow("self dependency") << changed(base, QStringLiteral("dependencies/0/to"), QStringLiteral("t-gw"))
                                     << QStringLiteral("dependencies[0].to: a component cannot depend on itself");
    QTest::addRow("dependency cycle") << changed(base, QStringLiteral("dependencies/3"), cycle)
                                      << QStringLiteral("dependencies: cycle t-gw -> t-api -> t-db -> t-sto -> t-gw");
    QTest::addRow("business component replicated")
        << changed(base, QStringLiteral("replication/0/component"), QStringLiteral("t-api"))
        << QStringLiteral(
               "replication[0].component: t-api is in layer business; only database and storage components replicate");
    QTest::addRow("bad role") << changed(base, QStringLiteral("replication/0/role"), QStringLiteral("leader"))
                              << QStringLiteral(
                                     "replication[0].role: expected one of primary | standby, got \"leader\"");
    QTest::addRow("peer is this site") << changed(base, QStringLiteral("replication/0/peerSite"), QStringLiteral("t"))
                                       << QStringLiteral("replication[0].peerSite: must be another site than this one");
    QTest::addRow("traffic for unknown group")
        << changed(base, QStringLiteral("traffic/loans"), 10) << QStringLiteral("traffic.loans: unknown product group");
    QTest::addRow("traffic out of range") << changed(base, QStringLiteral("traffic/pay"), 120)
                                          << QStringLiteral("traffic.pay: expected a share between 0 and 100");
    QTest::addRow("thresholds inverted")
        << changed(base, QStringLiteral("thresholds/cpu"),
                   QJsonObject{{QStringLiteral("warning"), 90}, {QStringLiteral("critical"), 80}})
        << QStringLiteral("thresholds.cpu.warning: must be above 0 and below critical (80), got 90");
}

void TestSimulatedSite::profileErrors()
{
    QFETCH(QJsonObject, profile);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(SimulatedSite::fromJson(smallProfile(), 1, &error));
    QVERIFY(!SimulatedSite::fromJson(profile, 1, &error));
    QCOMPARE(error, expected);
}

void TestSimulatedSite::demoProfiles()
{
    qsizetype total = 0;
    QMap<QString, double> trafficSum;
    QHash<QString, ReplicationRole> primaryLinks;
    QList<ReplicationLink> standbyLinks;
    for (const QString &id : {QStringLiteral("sha"), QStringLiteral("shb"), QStringLiteral("hzc")}) {
        QString error;
        const std::unique_ptr<SimulatedSite> site = SimulatedSite::fromFile(demoPath(id), 1, &error);
        QVERIFY2(site, qPrintable(error));
        QCOMPARE(site->siteInfo().id, id);
        QCOMPARE(site->siteInfo().region, QStringLiteral("east-china"));
        QCOMPARE(site->productGroups(),
                 (QStringList{QStringLiteral("payments"), QStringLiteral("accounts"), QStringLiteral("trading")}));
        const TopologySnapshot snapshot = site->topology().snapshot();
        total += snapshot.components.size();
        QSet<Layer> layers;
        for (const Component &c : snapshot.components) {
            layers.insert(c.layer);
            QVERIFY2(c.status == ComponentStatus::Ok || c.status == ComponentStatus::Warning, qPrintable(c.id));
        }
        QCOMPARE(layers.size(), 5);
        for (auto it = snapshot.traffic.cbegin(); it != snapshot.traffic.cend(); ++it)
            trafficSum[it.key()] += it.value();
        for (const ReplicationLink &link : snapshot.replication) {
            if (id == QLatin1StringView("sha")) {
                COMPARE_ENUM(link.role, ReplicationRole::Primary);
                primaryLinks.insert(link.id, link.role);
            } else {
                COMPARE_ENUM(link.role, ReplicationRole::Standby);
                QCOMPARE(link.toSite, id);
                standbyLinks.append(link);
            }
        }
    }
    QCOMPARE(total, 150);
    for (auto it = trafficSum.cbegin(); it != trafficSum.cend(); ++it)
        QCOMPARE(it.value(), 100.0);
    QCOMPARE(standbyLinks.size(), primaryLinks.size());
    for (const ReplicationLink &link : std::as_const(standbyLinks)) {
        QVERIFY2(primaryLinks.contains(link.id), qPrintable(link.id));
        QCOMPARE(link.fromSite, QStringLiteral("sha"));
    }
}

void TestSimulatedSite::faults_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addRow("cpu") << int(FaultKind::Cpu) << QStringLiteral("sha-pay-api-01")
                         << QJsonObject{{QStringLiteral("percent"), 97}};
    QTest::addRow("memory") << int(FaultKind::Memory) << QStringLiteral("sha-pay-api-01")
                            << QJsonObject{{QStringLiteral("percent"), 90}};
    QTest::addRow("network") << int(FaultKind::Network) << QStringLiteral("sha-pay-mysql-01")
                             << QJsonObject{{QStringLiteral("latencyMs"), 200}, {QStringLiteral("lossPercent"), 10}};
    QTest::addRow("process_kill") << int(FaultKind::ProcessKill) << QStringLiteral("sha-pay-redis-01") << QJsonObject();
    QTest::addRow("host_down") << int(FaultKind::HostDown) << QStringLiteral("sha-app-01") << QJsonObject();
}

void TestSimulatedSite::faults()
{
    QFETCH(int, kind);
    QFETCH(QString, target);
    QFETCH(QJsonObject, parameters);
    // A twin with the same seed shows what the site would look like without the fault.
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    const std::unique_ptr<SimulatedSite> twin = loadDemo(QStringLiteral("sha"));
    QVERIFY(site && twin);
    site->advance(30);
    twin->advance(30);
    const FaultRecord record = fault(QStringLiteral("f1"), FaultKind(kind), target, parameters);
    QCOMPARE(site->checkFault(record), QString());
    QCOMPARE(site->applyFault(record), QString());
    QCOMPARE(site->activeFaults(), QStringList{QStringLiteral("f1")});
    site->advance(20);
    twin->advance(20);

    const Component *hit = site->topology().component(target);
    const Component *calm = twin->topology().component(target);
    switch (FaultKind(kind)) {
    case FaultKind::Cpu:
        QVERIFY(hit->metrics.value(QStringLiteral("cpu")) >= 97);
        COMPARE_ENUM(hit->status, ComponentStatus::Critical);
        QCOMPARE(hit->alerts.constFirst().id, QStringLiteral("sha-pay-api-01:cpu"));
        QVERIFY(hit->metrics.value(QStringLiteral("latencyMs")) > calm->metrics.value(QStringLiteral("latencyMs")));
        break;
    case FaultKind::Memory:
        QVERIFY(hit->metrics.value(QStringLiteral("memory")) >= 90);
        COMPARE_ENUM(hit->status, ComponentStatus::Warning);
        QCOMPARE(hit->alerts.constFirst().message, QStringLiteral("memory above 85%"));
        break;
    case FaultKind::Network: {
        QVERIFY(hit->metrics.value(QStringLiteral("latencyMs"))
                >= calm->metrics.value(QStringLiteral("latencyMs")) + 199.9);
        const QString linkId = QStringLiteral("pay-mysql-01.sha-hzc");
        QVERIFY(linkNamed(*site, linkId)->lagSeconds >= linkNamed(*twin, linkId)->lagSeconds + 8.9);
        COMPARE_ENUM(linkNamed(*site, linkId)->state, ReplicationState::Lagging);
        break;
    }
    case FaultKind::ProcessKill:
        COMPARE_ENUM(hit->status, ComponentStatus::Down);
        QCOMPARE(hit->metrics.value(QStringLiteral("qps")), 0.0);
        COMPARE_ENUM(statusOf(*site, QStringLiteral("sha-pay-api-01")), ComponentStatus::Warning);
        break;
    case FaultKind::HostDown: {
        int down = 0;
        for (const Component &c : site->topology().snapshot().components) {
            QCOMPARE(c.host == target, c.status == ComponentStatus::Down);
            down += c.host == target ? 1 : 0;
        }
        QVERIFY(down >= 3);
        break;
    }
    case FaultKind::SiteDark:
        QFAIL("not a simulated fault");
    }
    QVERIFY(site->topology().snapshot().components != twin->topology().snapshot().components);

    site->revertFault(QStringLiteral("f1"));
    QVERIFY(site->activeFaults().isEmpty());
    site->advance(40);
    twin->advance(40);
    QCOMPARE(bare(site->topology().snapshot().components), bare(twin->topology().snapshot().components));
    QCOMPARE(bare(site->topology().snapshot().replication), bare(twin->topology().snapshot().replication));
}

void TestSimulatedSite::overlappingFaults()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    const std::unique_ptr<SimulatedSite> twin = loadDemo(QStringLiteral("sha"));
    const QString api = QStringLiteral("sha-acct-api-01");
    QCOMPARE(site->applyFault(fault(QStringLiteral("high"), FaultKind::Cpu, api, {{QStringLiteral("percent"), 97}})),
             QString());
    QCOMPARE(site->applyFault(fault(QStringLiteral("host"), FaultKind::Cpu, QStringLiteral("sha-app-02"),
                                    {{QStringLiteral("percent"), 85}})),
             QString());
    site->advance(10);
    twin->advance(10);
    QVERIFY(site->topology().component(api)->metrics.value(QStringLiteral("cpu")) >= 97);
    site->revertFault(QStringLiteral("high"));
    const double cpu = site->topology().component(api)->metrics.value(QStringLiteral("cpu"));
    QVERIFY2(cpu >= 85 && cpu < 97, "the other fault still holds");
    site->revertFault(QStringLiteral("host"));
    site->advance(5);
    twin->advance(5);
    QCOMPARE(bare(site->topology().snapshot().components), bare(twin->topology().snapshot().components));
}

void TestSimulatedSite::faultRefused_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<QString>("expected");
    QTest::addRow("site dark") << int(FaultKind::SiteDark) << QString() << QJsonObject()
                               << QStringLiteral("site_dark is handled by the agent itself, not by the simulated site");
    QTest::addRow("no target") << int(FaultKind::Cpu) << QString() << QJsonObject{{QStringLiteral("percent"), 50}}
                               << QStringLiteral("cpu needs a target: a component id or a host name");
    QTest::addRow("unknown target") << int(FaultKind::Cpu) << QStringLiteral("sha-nope")
                                    << QJsonObject{{QStringLiteral("percent"), 50}}
                                    << QStringLiteral(
                                           "unknown target \"sha-nope\": expected a component id or a host name");
    QTest::addRow("host_down on a component")
        << int(FaultKind::HostDown) << QStringLiteral("sha-pay-api-01") << QJsonObject()
        << QStringLiteral("host_down needs a host name; component sha-pay-api-01 runs on host sha-app-02");
    QTest::addRow("cpu without percent") << int(FaultKind::Cpu) << QStringLiteral("sha-app-01") << QJsonObject()
                                         << QStringLiteral("cpu: parameter \"percent\" is required");
    QTest::addRow("memory above 100") << int(FaultKind::Memory) << QStringLiteral("sha-app-01")
                                      << QJsonObject{{QStringLiteral("percent"), 150}}
                                      << QStringLiteral("memory: parameter \"percent\" must be at most 100");
    QTest::addRow("kill with parameters")
        << int(FaultKind::ProcessKill) << QStringLiteral("sha-pay-api-01") << QJsonObject{{QStringLiteral("signal"), 9}}
        << QStringLiteral("process_kill: unknown parameter \"signal\"");
    QTest::addRow("network without effect")
        << int(FaultKind::Network) << QStringLiteral("sha-pay-api-01") << QJsonObject()
        << QStringLiteral("network needs latencyMs or lossPercent");
}

void TestSimulatedSite::faultRefused()
{
    QFETCH(int, kind);
    QFETCH(QString, target);
    QFETCH(QJsonObject, parameters);
    QFETCH(QString, expected);
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    QVERIFY(site);
    const quint64 revision = site->topology().revision();
    const FaultRecord record = fault(QStringLiteral("f"), FaultKind(kind), target, parameters);
    QCOMPARE(site->checkFault(record), expected);
    QCOMPARE(site->applyFault(record), expected);
    QVERIFY(site->activeFaults().isEmpty());
    QCOMPARE(site->topology().revision(), revision);
    QVERIFY(!SimulatedSite::supportedFaults().contains(FaultKind::SiteDark));
}

void TestSimulatedSite::driftStaysSane()
{
    const QJsonObject profile = readJson(demoPath(QStringLiteral("sha")));
    const std::unique_ptr<SimulatedSite> site = load(profile);
    QVERIFY(site);
    QHash<QString, QJsonObject> baselines;
    for (const QJsonValue &value : profile.value(QStringLiteral("components")).toArray())
        baselines.insert(value[QStringLiteral("id")].toString(), value[QStringLiteral("metrics")].toObject());

    QHash<QString, double> sums;
    qint64 changedComponents = 0;
    const int samples = 3600;
    for (int second = 0; second < samples; ++second) {
        const quint64 revision = site->topology().revision();
        site->advance(1);
        changedComponents += site->topology().changesSince(revision, site->topology().epoch()).components.size();
        for (const Component &c : site->topology().snapshot().components) {
            QVERIFY2(c.status == ComponentStatus::Ok || c.status == ComponentStatus::Warning, qPrintable(c.id));
            const QJsonObject baseline = baselines.value(c.id);
            const double load = c.productGroup.isEmpty() || c.layer == Layer::Database || c.layer == Layer::Storage
                                    ? 1.0
                                    : site->topology().traffic().value(c.productGroup) / 100;
            for (auto it = c.metrics.cbegin(); it != c.metrics.cend(); ++it) {
                const double expected = baseline.value(it.key()).toDouble()
                                        * (it.key() == QLatin1StringView("qps") ? load : 1.0);
                const double value = it.value();
                QVERIFY(std::isfinite(value));
                if (it.key() != QLatin1StringView("qps") && it.key() != QLatin1StringView("latencyMs"))
                    QVERIFY2(value >= 0 && value <= 100, qPrintable(c.id + QLatin1Char('.') + it.key()));
                QVERIFY2(value >= 0.3 * expected - 0.1 && value <= 2 * expected + 0.1,
                         qPrintable(
                             QStringLiteral("%1.%2 = %3, baseline %4").arg(c.id, it.key()).arg(value).arg(expected)));
                sums[c.id + QLatin1Char('.') + it.key()] += expected > 0 ? value / expected : 1;
            }
        }
    }
    // Mean-reverting: on average every metric stays at its baseline.
    double total = 0;
    for (double sum : std::as_const(sums))
        total += sum / samples;
    const double mean = total / sums.size();
    QVERIFY2(mean > 0.97 && mean < 1.03, qPrintable(QString::number(mean)));
    // Only a share of the components move in each sample.
    const double perSample = double(changedComponents) / samples / 50;
    QVERIFY2(perSample > 0.05 && perSample < 0.3, qPrintable(QString::number(perSample)));
}

void TestSimulatedSite::unchangedTickKeepsRevision()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    QVERIFY(site);
    const TopologyState &topology = site->topology();
    site->advance(0.5);
    const quint64 revision = topology.revision();
    const TopologySnapshot before = topology.snapshot();

    site->advance(0.4); // between samples: nothing moves
    QCOMPARE(topology.revision(), revision);
    QVERIFY(topology.changesSince(revision, topology.epoch()).isEmpty());

    site->advance(0.2); // crosses the sample at one second
    QVERIFY(topology.revision() > revision);
    const TopologyChanges changes = topology.changesSince(revision, topology.epoch());
    QVERIFY(!changes.full);
    QVERIFY(!changes.traffic);
    QVERIFY(!changes.dependencies);
    QSet<QString> reported;
    for (const Component &c : changes.components)
        reported.insert(c.id);
    QSet<QString> actual;
    const TopologySnapshot after = topology.snapshot();
    for (qsizetype i = 0; i < after.components.size(); ++i) {
        if (bare({after.components.at(i)}) != bare({before.components.at(i)}))
            actual.insert(after.components.at(i).id);
    }
    QCOMPARE(reported, actual);
    QVERIFY(!actual.isEmpty());
    QVERIFY(actual.size() < after.components.size() / 3);
}

void TestSimulatedSite::sameSeedSameSite()
{
    const std::unique_ptr<SimulatedSite> a = loadDemo(QStringLiteral("shb"), 42);
    const std::unique_ptr<SimulatedSite> b = loadDemo(QStringLiteral("shb"), 42);
    const std::unique_ptr<SimulatedSite> other = loadDemo(QStringLiteral("shb"), 43);
    for (int i = 0; i < 4; ++i)
        a->advance(75); // advancing in pieces or at once gives the same site
    b->advance(300);
    other->advance(300);
    QCOMPARE(bare(a->topology().snapshot().components), bare(b->topology().snapshot().components));
    QVERIFY(bare(a->topology().snapshot().components) != bare(other->topology().snapshot().components));
}

void TestSimulatedSite::backend()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A quote and a backslash in an id exercise the label escaping.
    QJsonObject profile = changed(smallProfile(), QStringLiteral("components/3/id"), QStringLiteral("t-\"sto\\1"));
    profile = changed(profile, QStringLiteral("dependencies/2/to"), QStringLiteral("t-\"sto\\1"));
    const QString path = dir.filePath(QStringLiteral("t.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(profile).toJson());
    file.close();

    QString error;
    QVERIFY(!SimulatedBackend::fromProfile(dir.filePath(QStringLiteral("missing.json")), 1, 1, &error));
    QVERIFY2(error.contains(QStringLiteral("missing.json: cannot read the profile")), qPrintable(error));

    const std::unique_ptr<SimulatedBackend> backend = SimulatedBackend::fromProfile(path, 40, 1, &error);
    QVERIFY2(backend, qPrintable(error));
    QCOMPARE(backend->siteInfo().backend, QStringLiteral("simulated"));
    QCOMPARE(backend->siteInfo().id, QStringLiteral("t"));

    ActionContext refused{QStringLiteral("a0"), QStringLiteral("k0"), QStringLiteral("app.stop"),
                          group(QStringLiteral("loans"))};
    QVERIFY(!backend->createExecution(refused, &error));
    QVERIFY2(error.contains(QStringLiteral("productGroup")), qPrintable(error));

    QSignalSpy topologySpy(backend.get(), &SiteBackend::topologyChanged);
    const ActionContext restart{QStringLiteral("a1"), QStringLiteral("k1"), QStringLiteral("app.restart"),
                                group(QStringLiteral("pay"))};
    std::unique_ptr<ActionExecution> execution = backend->createExecution(restart, &error);
    QVERIFY2(execution, qPrintable(error));
    QSignalSpy logSpy(execution.get(), &ActionExecution::logged);
    QSignalSpy finishedSpy(execution.get(), &ActionExecution::finished);
    execution->start();
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.size(), 1, 10000);
    COMPARE_ENUM(finishedSpy.at(0).at(0).value<ActionState>(), ActionState::Succeeded);
    QVERIFY(logSpy.size() >= 5);
    QVERIFY(!topologySpy.isEmpty());
    QCOMPARE(topologySpy.constLast().at(0).toULongLong(), backend->topology().revision());

    const QString metrics = backend->metricsText();
    QVERIFY(metrics.contains(QStringLiteral("# TYPE haven_component_status gauge\n")));
    QVERIFY(metrics.contains(QStringLiteral("# HELP haven_replication_lag_seconds ")));
    QVERIFY(metrics.contains(QStringLiteral("component=\"t-\\\"sto\\\\1\"")));
    QVERIFY(metrics.contains(QStringLiteral("haven_traffic_share_ratio{site=\"t\",product_group=\"pay\"} 0.5\n")));

    // Cancelling a wait ends it as cancelled well before its time.
    execution = backend->createExecution({QStringLiteral("a2"),
                                          QStringLiteral("k2"),
                                          QStringLiteral("wait.seconds"),
                                          {{QStringLiteral("seconds"), 3600}}},
                                         &error);
    QSignalSpy cancelledSpy(execution.get(), &ActionExecution::finished);
    execution->start();
    execution->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(cancelledSpy.size(), 1, 5000);
    COMPARE_ENUM(cancelledSpy.at(0).at(0).value<ActionState>(), ActionState::Cancelled);

    const FaultRecord kill = fault(QStringLiteral("f"), FaultKind::ProcessKill, QStringLiteral("t-api"));
    QCOMPARE(runStep(backend->injectFault(kill)), QString());
    COMPARE_ENUM(backend->topology().component(QStringLiteral("t-api"))->status, ComponentStatus::Down);
    QCOMPARE(runStep(backend->revertFault(kill)), QString());
    QVERIFY(backend->topology().component(QStringLiteral("t-api"))->status != ComponentStatus::Down);
}

QTEST_GUILESS_MAIN(TestSimulatedSite)
#include "tst_simulatedsite.moc"
