// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatedbackend.h"
#include "simulatedsite.h"

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

// The protocol's enums have a QString toString() that ADL prefers over QTest's, so compare
// them by name, which also makes failures readable.
#define COMPARE_ENUM(actual, expected) QCOMPARE(Haven::toString(actual), Haven::toString(expected))

namespace {

const QDateTime StartTime = QDateTime(QDate(2024, 5, 1), QTime(8, 0), QTimeZone::utc());

QString demoPath(const QString &site)
{
    return QStringLiteral(HAVEN_PROFILES_DIR "/demo/%1.json").arg(site);
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject component(const QString &id, const QString &layer, const QString &group, const QString &host,
                      const QJsonObject &metrics)
{
    QJsonObject c{{QStringLiteral("id"), id},
                  {QStringLiteral("layer"), layer},
                  {QStringLiteral("kind"), QStringLiteral("test")},
                  {QStringLiteral("host"), host},
                  {QStringLiteral("metrics"), metrics}};
    if (!group.isEmpty())
        c.insert(QStringLiteral("productGroup"), group);
    return c;
}

// gateway -> api -> db -> storage; the database is the standby end of one link.
QJsonObject smallProfile()
{
    const QJsonObject busy{{QStringLiteral("cpu"), 40}, {QStringLiteral("memory"), 50},
                           {QStringLiteral("qps"), 1000}, {QStringLiteral("latencyMs"), 20}};
    return QJsonObject{
        {QStringLiteral("site"), QJsonObject{{QStringLiteral("id"), QStringLiteral("t")},
                                             {QStringLiteral("name"), QStringLiteral("Test site")}}},
        {QStringLiteral("productGroups"), QJsonArray{QStringLiteral("pay")}},
        {QStringLiteral("components"),
         QJsonArray{component(QStringLiteral("t-gw"), QStringLiteral("business"), QStringLiteral("pay"),
                              QStringLiteral("h1"), busy),
                    component(QStringLiteral("t-api"), QStringLiteral("business"), QStringLiteral("pay"),
                              QStringLiteral("h1"), busy),
                    component(QStringLiteral("t-db"), QStringLiteral("database"), QStringLiteral("pay"),
                              QStringLiteral("h2"), QJsonObject{{QStringLiteral("cpu"), 30}, {QStringLiteral("capacity"), 50}}),
                    component(QStringLiteral("t-sto"), QStringLiteral("storage"), {}, QStringLiteral("h3"),
                              QJsonObject{{QStringLiteral("capacity"), 40}})}},
        {QStringLiteral("dependencies"),
         QJsonArray{QJsonObject{{QStringLiteral("from"), QStringLiteral("t-gw")}, {QStringLiteral("to"), QStringLiteral("t-api")}},
                    QJsonObject{{QStringLiteral("from"), QStringLiteral("t-api")}, {QStringLiteral("to"), QStringLiteral("t-db")}},
                    QJsonObject{{QStringLiteral("from"), QStringLiteral("t-db")}, {QStringLiteral("to"), QStringLiteral("t-sto")}}}},
        {QStringLiteral("replication"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("db-link")},
                                {QStringLiteral("component"), QStringLiteral("t-db")},
                                {QStringLiteral("peerSite"), QStringLiteral("p")},
                                {QStringLiteral("peerComponent"), QStringLiteral("p-db")},
                                {QStringLiteral("role"), QStringLiteral("standby")}}}},
        {QStringLiteral("traffic"), QJsonObject{{QStringLiteral("pay"), 50}}}};
}

// Sets (or, with an undefined value, removes) the value at a path like "components/1/layer".
QJsonValue withValue(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString key = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const int index = key.toInt();
        if (path.isEmpty() && value.isUndefined())
            array.removeAt(index);
        else if (index == array.size())
            array.append(withValue(QJsonValue(), path, value));
        else
            array[index] = withValue(array.at(index), path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty() && value.isUndefined())
        object.remove(key);
    else
        object.insert(key, withValue(object.value(key), path, value));
    return object;
}

QJsonObject changed(const QJsonObject &profile, const QString &path, const QJsonValue &value)
{
    return withValue(profile, path.split(QLatin1Char('/')), value).toObject();
}

std::unique_ptr<SimulatedSite> load(const QJsonObject &profile, quint32 seed = 7)
{
    QString error;
    std::unique_ptr<SimulatedSite> site = SimulatedSite::fromJson(profile, seed, &error);
    if (!site)
        qWarning("profile refused: %s", qPrintable(error));
    else
        site->setStartTime(StartTime);
    return site;
}

std::unique_ptr<SimulatedSite> loadDemo(const QString &id, quint32 seed = 7)
{
    return load(readJson(demoPath(id)), seed);
}

struct RunOutcome
{
    ActionState state = ActionState::Running;
    QString message;
    QStringList log;
};

// Advances in small steps until the run ends (or the limit passes), collecting its events.
RunOutcome finish(SimulatedSite &site, quint64 run, double limitSeconds = 600, RunOutcome outcome = {})
{
    for (double t = 0; t <= limitSeconds && outcome.state == ActionState::Running; t += 0.25) {
        site.advance(0.25);
        for (const OperationEvent &event : site.takeEvents()) {
            if (event.run != run)
                continue;
            if (event.finalState) {
                outcome.state = *event.finalState;
                outcome.message = event.message;
            } else {
                outcome.log.append(event.logLine);
            }
        }
    }
    return outcome;
}

quint64 start(SimulatedSite &site, const QString &operation, const QJsonObject &parameters)
{
    QString error;
    const quint64 run = site.startOperation(operation, parameters, &error);
    if (run == 0)
        qWarning("operation refused: %s", qPrintable(error));
    return run;
}

QJsonObject group(const QString &name)
{
    return {{QStringLiteral("productGroup"), name}};
}

// Topology entities without their revision stamps, to compare two sites.
QList<Component> bare(QList<Component> components)
{
    for (Component &c : components)
        c.revision = 0;
    return components;
}

QList<ReplicationLink> bare(QList<ReplicationLink> links)
{
    for (ReplicationLink &l : links)
        l.revision = 0;
    return links;
}

const ReplicationLink *linkNamed(const SimulatedSite &site, const QString &id)
{
    return site.topology().link(id);
}

ComponentStatus statusOf(const SimulatedSite &site, const QString &id)
{
    const Component *c = site.topology().component(id);
    return c ? c->status : ComponentStatus::Unknown;
}

FaultRecord fault(const QString &id, FaultKind kind, const QString &target, const QJsonObject &parameters = {})
{
    FaultRecord record;
    record.id = id;
    record.kind = kind;
    record.target = target;
    record.parameters = parameters;
    return record;
}

} // namespace

class TestSimulatedSite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void profileErrors_data();
    void profileErrors();
    void demoProfiles();
    void catalog();
    void operationRefused_data();
    void operationRefused();
    void trafficCutAndRestore();
    void restoreWithoutShareFails();
    void appRestartFollowsDependencies();
    void startFailsWhenDependencyDown();
    void dbPromote();
    void promoteWithoutStandbyFails();
    void waitReplication();
    void healthCheck();
    void faults_data();
    void faults();
    void overlappingFaults();
    void faultRefused_data();
    void faultRefused();
    void cancelMidOperation();
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
    const QJsonObject cycle{{QStringLiteral("from"), QStringLiteral("t-sto")}, {QStringLiteral("to"), QStringLiteral("t-gw")}};

    QTest::addRow("site id missing") << changed(base, QStringLiteral("site/id"), QJsonValue::Undefined)
                                     << QStringLiteral("site.id: missing");
    QTest::addRow("version") << changed(base, QStringLiteral("version"), 2)
                             << QStringLiteral("version: this agent reads version 1, got 2");
    QTest::addRow("components not an array") << changed(base, QStringLiteral("components"), QStringLiteral("x"))
                                             << QStringLiteral("components: expected an array");
    QTest::addRow("no components") << changed(base, QStringLiteral("components"), QJsonArray())
                                   << QStringLiteral("components: expected at least one component");
    QTest::addRow("bad layer") << changed(base, QStringLiteral("components/1/layer"), QStringLiteral("network"))
                               << QStringLiteral("components[1].layer: expected one of business | middleware | storage | "
                                                 "database | physical, got \"network\"");
    QTest::addRow("duplicate id") << changed(base, QStringLiteral("components/1/id"), QStringLiteral("t-gw"))
                                  << QStringLiteral("components[1].id: duplicate id \"t-gw\"");
    QTest::addRow("unknown product group")
        << changed(base, QStringLiteral("components/0/productGroup"), QStringLiteral("loans"))
        << QStringLiteral("components[0].productGroup: unknown product group \"loans\" (declared: pay)");
    QTest::addRow("unknown metric") << changed(base, QStringLiteral("components/0/metrics/cpuu"), 3)
                                    << QStringLiteral("components[0].metrics.cpuu: unknown metric (expected one of cpu, "
                                                      "memory, qps, latencyMs, capacity)");
    QTest::addRow("percentage out of range") << changed(base, QStringLiteral("components/0/metrics/cpu"), 140)
                                             << QStringLiteral("components[0].metrics.cpu: expected a percentage between 0 and 100");
    QTest::addRow("metric not a number") << changed(base, QStringLiteral("components/0/metrics/qps"), QStringLiteral("many"))
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
        << QStringLiteral("replication[0].component: t-api is in layer business; only database and storage components replicate");
    QTest::addRow("bad role") << changed(base, QStringLiteral("replication/0/role"), QStringLiteral("leader"))
                              << QStringLiteral("replication[0].role: expected one of primary | standby, got \"leader\"");
    QTest::addRow("peer is this site") << changed(base, QStringLiteral("replication/0/peerSite"), QStringLiteral("t"))
                                       << QStringLiteral("replication[0].peerSite: must be another site than this one");
    QTest::addRow("traffic for unknown group") << changed(base, QStringLiteral("traffic/loans"), 10)
                                               << QStringLiteral("traffic.loans: unknown product group");
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
        QCOMPARE(site->productGroups(), (QStringList{QStringLiteral("payments"), QStringLiteral("accounts"), QStringLiteral("trading")}));
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

void TestSimulatedSite::catalog()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    QVERIFY(site);
    const QList<OperationSpec> operations = site->operations();
    QHash<QString, OperationSpec> byCode;
    for (const OperationSpec &spec : operations)
        byCode.insert(spec.code, spec);
    QCOMPARE(byCode.size(), 12);
    for (const OperationSpec &spec : operations) {
        if (spec.reversible) {
            QVERIFY2(byCode.contains(spec.inverse), qPrintable(spec.code));
            QCOMPARE(byCode.value(spec.inverse).inverse, spec.code);
        }
        QVERIFY(!validateParameters(spec.parameters, {{QStringLiteral("bogus"), 1}}).isEmpty());
    }
    QVERIFY(!byCode.value(QStringLiteral("app.restart")).reversible);
    QCOMPARE(validateParameters(byCode.value(QStringLiteral("traffic.restore")).parameters,
                                {{QStringLiteral("productGroup"), QStringLiteral("payments")}, {QStringLiteral("share"), 30}}),
             QString());
}

void TestSimulatedSite::operationRefused_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<QString>("expected");
    QTest::addRow("unknown operation") << QStringLiteral("dns.flip") << QJsonObject() << QStringLiteral("unknown operation \"dns.flip\"");
    QTest::addRow("unknown product group")
        << QStringLiteral("traffic.cut") << group(QStringLiteral("loans"))
        << QStringLiteral("parameter \"productGroup\" must be one of payments, accounts, trading");
    QTest::addRow("missing product group") << QStringLiteral("app.stop") << QJsonObject()
                                           << QStringLiteral("parameter \"productGroup\" is required");
    QTest::addRow("unknown component") << QStringLiteral("db.promote")
                                       << QJsonObject{{QStringLiteral("component"), QStringLiteral("sha-nope")}}
                                       << QStringLiteral("unknown component \"sha-nope\"");
    QTest::addRow("component of another layer")
        << QStringLiteral("db.promote") << QJsonObject{{QStringLiteral("component"), QStringLiteral("sha-nas-01")}}
        << QStringLiteral("sha-nas-01 is a storage component; db.promote needs a database component");
    QTest::addRow("negative wait") << QStringLiteral("wait.seconds") << QJsonObject{{QStringLiteral("seconds"), -1}}
                                   << QStringLiteral("parameter \"seconds\" must be at least 0");
}

void TestSimulatedSite::operationRefused()
{
    QFETCH(QString, operation);
    QFETCH(QJsonObject, parameters);
    QFETCH(QString, expected);
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    QVERIFY(site);
    QCOMPARE(site->checkOperation(operation, parameters), expected);
    QString error;
    QCOMPARE(site->startOperation(operation, parameters, &error), quint64(0));
    QCOMPARE(error, expected);
}

void TestSimulatedSite::trafficCutAndRestore()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    QVERIFY(site);
    const QString payments = QStringLiteral("payments");
    QCOMPARE(site->topology().traffic().value(payments), 50.0);
    QVERIFY(site->topology().component(QStringLiteral("sha-pay-gw-01"))->metrics.value(QStringLiteral("qps")) > 1000);

    const quint64 cut = start(*site, QStringLiteral("traffic.cut"), group(payments));
    QList<double> seen;
    RunOutcome outcome;
    for (int i = 0; i < 60 && outcome.state == ActionState::Running; ++i) {
        outcome = finish(*site, cut, 0.25, outcome);
        const double share = site->topology().traffic().value(payments);
        if (seen.isEmpty() || seen.constLast() != share)
            seen.append(share);
    }
    COMPARE_ENUM(outcome.state, ActionState::Succeeded);
    QCOMPARE(seen.constFirst(), 50.0);
    QCOMPARE(seen.constLast(), 0.0);
    QVERIFY2(seen.size() >= 4, "the share should move gradually");
    QVERIFY(std::is_sorted(seen.crbegin(), seen.crend()));
    QCOMPARE(site->topology().traffic().value(QStringLiteral("accounts")), 60.0); // other groups keep theirs
    QCOMPARE(site->topology().component(QStringLiteral("sha-pay-gw-01"))->metrics.value(QStringLiteral("qps")), 0.0);

    const RunOutcome restored = finish(*site, start(*site, QStringLiteral("traffic.restore"), group(payments)), 30);
    COMPARE_ENUM(restored.state, ActionState::Succeeded);
    QCOMPARE(site->topology().traffic().value(payments), 50.0);

    QJsonObject withShare = group(payments);
    withShare.insert(QStringLiteral("share"), 100);
    COMPARE_ENUM(finish(*site, start(*site, QStringLiteral("traffic.restore"), withShare), 30).state, ActionState::Succeeded);
    QCOMPARE(site->topology().traffic().value(payments), 100.0);
}

void TestSimulatedSite::restoreWithoutShareFails()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("hzc"));
    QVERIFY(site);
    const RunOutcome outcome = finish(*site, start(*site, QStringLiteral("traffic.restore"), group(QStringLiteral("payments"))), 30);
    COMPARE_ENUM(outcome.state, ActionState::Failed);
    QVERIFY2(outcome.message.startsWith(QStringLiteral("no payments traffic share to restore")), qPrintable(outcome.message));
}

void TestSimulatedSite::appRestartFollowsDependencies()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    QVERIFY(site);
    QStringList members;
    for (const QString &id : site->startOrder()) {
        const Component *c = site->topology().component(id);
        if (c->productGroup == QLatin1StringView("payments") && (c->layer == Layer::Business || c->layer == Layer::Middleware))
            members.append(id);
    }
    QCOMPARE(members.size(), 6);

    const quint64 run = start(*site, QStringLiteral("app.restart"), group(QStringLiteral("payments")));
    QHash<QString, double> downAt;
    QHash<QString, double> upAt;
    QStringList downOrder;
    QStringList upOrder;
    RunOutcome outcome;
    while (outcome.state == ActionState::Running && site->elapsed() < 300) {
        outcome = finish(*site, run, 0.25, outcome);
        for (const QString &id : std::as_const(members)) {
            const bool down = statusOf(*site, id) == ComponentStatus::Down;
            if (down && !downAt.contains(id)) {
                downAt.insert(id, site->elapsed());
                downOrder.append(id);
            } else if (!down && downAt.contains(id) && !upAt.contains(id)) {
                upAt.insert(id, site->elapsed());
                upOrder.append(id);
            }
        }
    }
    COMPARE_ENUM(outcome.state, ActionState::Succeeded);
    QCOMPARE(upOrder, members);
    QStringList reversed(members.crbegin(), members.crend());
    QCOMPARE(downOrder, reversed);
    const double lastDown = *std::max_element(downAt.cbegin(), downAt.cend());
    const double firstUp = *std::min_element(upAt.cbegin(), upAt.cend());
    QVERIFY(lastDown < firstUp);
    // The order is the dependencies' order, not just the list's: check every edge inside the group.
    for (const Dependency &d : site->topology().dependencies()) {
        if (!members.contains(d.from) || !members.contains(d.to))
            continue;
        QVERIFY2(downAt.value(d.from) < downAt.value(d.to), qPrintable(d.from + QStringLiteral(" stops before ") + d.to));
        QVERIFY2(upAt.value(d.to) < upAt.value(d.from), qPrintable(d.to + QStringLiteral(" starts before ") + d.from));
    }
    QVERIFY(outcome.log.contains(QStringLiteral("sha-pay-gw-01 is up")));
}

void TestSimulatedSite::startFailsWhenDependencyDown()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    QVERIFY(site);
    QVERIFY(finish(*site, start(*site, QStringLiteral("app.stop"), group(QStringLiteral("payments")))).state == ActionState::Succeeded);
    QCOMPARE(site->applyFault(fault(QStringLiteral("f1"), FaultKind::ProcessKill, QStringLiteral("sha-pay-proxysql-01"))), QString());
    const RunOutcome outcome = finish(*site, start(*site, QStringLiteral("app.start"), group(QStringLiteral("payments"))));
    COMPARE_ENUM(outcome.state, ActionState::Failed);
    QVERIFY2(outcome.message.contains(QStringLiteral("depends on sha-pay-proxysql-01, which is down")), qPrintable(outcome.message));
    site->revertFault(QStringLiteral("f1"));
    COMPARE_ENUM(finish(*site, start(*site, QStringLiteral("app.start"), group(QStringLiteral("payments")))).state, ActionState::Succeeded);
    QVERIFY(statusOf(*site, QStringLiteral("sha-pay-gw-01")) != ComponentStatus::Down);
}

void TestSimulatedSite::dbPromote()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("shb"));
    QVERIFY(site);
    const QString linkId = QStringLiteral("pay-mysql-01.sha-shb");
    COMPARE_ENUM(linkNamed(*site, linkId)->role, ReplicationRole::Standby);
    const double before = linkNamed(*site, linkId)->lagSeconds;
    QVERIFY(before < 2);

    const RunOutcome outcome = finish(*site, start(*site, QStringLiteral("db.promote"), group(QStringLiteral("payments"))));
    COMPARE_ENUM(outcome.state, ActionState::Succeeded);
    const ReplicationLink *link = linkNamed(*site, linkId);
    COMPARE_ENUM(link->role, ReplicationRole::Primary);
    QCOMPARE(link->fromSite, QStringLiteral("shb"));
    QCOMPARE(link->fromComponent, QStringLiteral("shb-pay-mysql-01"));
    QCOMPARE(link->toSite, QStringLiteral("sha"));
    QVERIFY2(link->lagSeconds > before + 10, "the lag spikes while the old primary resynchronises");
    COMPARE_ENUM(link->state, ReplicationState::Lagging);
    // Other groups' databases were not touched.
    COMPARE_ENUM(linkNamed(*site, QStringLiteral("acct-oracle-01.sha-shb"))->role, ReplicationRole::Standby);

    site->advance(120);
    QVERIFY2(linkNamed(*site, linkId)->lagSeconds < 2, "then it settles");
    COMPARE_ENUM(linkNamed(*site, linkId)->state, ReplicationState::Healthy);

    COMPARE_ENUM(finish(*site, start(*site, QStringLiteral("db.demote"), group(QStringLiteral("payments")))).state, ActionState::Succeeded);
    COMPARE_ENUM(linkNamed(*site, linkId)->role, ReplicationRole::Standby);
}

void TestSimulatedSite::promoteWithoutStandbyFails()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    QVERIFY(site);
    const RunOutcome outcome = finish(*site, start(*site, QStringLiteral("db.promote"), group(QStringLiteral("payments"))));
    COMPARE_ENUM(outcome.state, ActionState::Failed);
    QCOMPARE(outcome.message, QStringLiteral("no standby database for payments at this site: sha-pay-mysql-01 is already primary"));
    COMPARE_ENUM(linkNamed(*site, QStringLiteral("pay-mysql-01.sha-shb"))->role, ReplicationRole::Primary);

    QCOMPARE(site->applyFault(fault(QStringLiteral("k"), FaultKind::ProcessKill, QStringLiteral("sha-nas-01"))), QString());
    const RunOutcome down = finish(*site, start(*site, QStringLiteral("storage.demote"), {{QStringLiteral("component"), QStringLiteral("sha-nas-01")}}));
    COMPARE_ENUM(down.state, ActionState::Failed);
    QVERIFY2(down.message.startsWith(QStringLiteral("cannot demote sha-nas-01: it is down")), qPrintable(down.message));
}

void TestSimulatedSite::waitReplication()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("shb"));
    QVERIFY(site);
    COMPARE_ENUM(finish(*site, start(*site, QStringLiteral("db.promote"), group(QStringLiteral("payments")))).state, ActionState::Succeeded);
    const QJsonObject shortWait{{QStringLiteral("productGroup"), QStringLiteral("payments")},
                                {QStringLiteral("maxLagSeconds"), 2},
                                {QStringLiteral("timeoutSeconds"), 5}};
    const RunOutcome timedOut = finish(*site, start(*site, QStringLiteral("wait.replication"), shortWait));
    COMPARE_ENUM(timedOut.state, ActionState::Failed);
    QVERIFY2(timedOut.message.contains(QStringLiteral("pay-mysql-01.sha-shb (lag")), qPrintable(timedOut.message));
    QVERIFY(site->elapsed() < 60);

    QJsonObject longWait = shortWait;
    longWait.insert(QStringLiteral("timeoutSeconds"), 300);
    const double started = site->elapsed();
    COMPARE_ENUM(finish(*site, start(*site, QStringLiteral("wait.replication"), longWait)).state, ActionState::Succeeded);
    QVERIFY(site->elapsed() - started < 120);
}

void TestSimulatedSite::healthCheck()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    QVERIFY(site);
    const QJsonObject databases{{QStringLiteral("layer"), QStringLiteral("database")}};
    COMPARE_ENUM(finish(*site, start(*site, QStringLiteral("health.check"), databases)).state, ActionState::Succeeded);
    QCOMPARE(site->applyFault(fault(QStringLiteral("k"), FaultKind::ProcessKill, QStringLiteral("sha-trade-mysql-01"))), QString());
    const RunOutcome outcome = finish(*site, start(*site, QStringLiteral("health.check"), databases));
    COMPARE_ENUM(outcome.state, ActionState::Failed);
    QCOMPARE(outcome.message, QStringLiteral("1 of 8 components unhealthy: sha-trade-mysql-01 (down)"));
    QVERIFY(outcome.log.contains(QStringLiteral("sha-trade-mysql-01 is down: process killed (fault k)")));
}

void TestSimulatedSite::faults_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addRow("cpu") << int(FaultKind::Cpu) << QStringLiteral("sha-pay-api-01") << QJsonObject{{QStringLiteral("percent"), 97}};
    QTest::addRow("memory") << int(FaultKind::Memory) << QStringLiteral("sha-pay-api-01") << QJsonObject{{QStringLiteral("percent"), 90}};
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
        QVERIFY(hit->metrics.value(QStringLiteral("latencyMs")) >= calm->metrics.value(QStringLiteral("latencyMs")) + 199.9);
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
    QCOMPARE(site->applyFault(fault(QStringLiteral("high"), FaultKind::Cpu, api, {{QStringLiteral("percent"), 97}})), QString());
    QCOMPARE(site->applyFault(fault(QStringLiteral("host"), FaultKind::Cpu, QStringLiteral("sha-app-02"), {{QStringLiteral("percent"), 85}})), QString());
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
    QTest::addRow("unknown target") << int(FaultKind::Cpu) << QStringLiteral("sha-nope") << QJsonObject{{QStringLiteral("percent"), 50}}
                                    << QStringLiteral("unknown target \"sha-nope\": expected a component id or a host name");
    QTest::addRow("host_down on a component")
        << int(FaultKind::HostDown) << QStringLiteral("sha-pay-api-01") << QJsonObject()
        << QStringLiteral("host_down needs a host name; component sha-pay-api-01 runs on host sha-app-02");
    QTest::addRow("cpu without percent") << int(FaultKind::Cpu) << QStringLiteral("sha-app-01") << QJsonObject()
                                         << QStringLiteral("cpu: parameter \"percent\" is required");
    QTest::addRow("memory above 100") << int(FaultKind::Memory) << QStringLiteral("sha-app-01")
                                      << QJsonObject{{QStringLiteral("percent"), 150}}
                                      << QStringLiteral("memory: parameter \"percent\" must be at most 100");
    QTest::addRow("kill with parameters") << int(FaultKind::ProcessKill) << QStringLiteral("sha-pay-api-01")
                                          << QJsonObject{{QStringLiteral("signal"), 9}}
                                          << QStringLiteral("process_kill: unknown parameter \"signal\"");
    QTest::addRow("network without effect") << int(FaultKind::Network) << QStringLiteral("sha-pay-api-01") << QJsonObject()
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

void TestSimulatedSite::cancelMidOperation()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    QVERIFY(site);
    const quint64 run = start(*site, QStringLiteral("app.stop"), group(QStringLiteral("trading")));
    RunOutcome outcome = finish(*site, run, 4);
    COMPARE_ENUM(outcome.state, ActionState::Running);
    QVERIFY(site->isRunning(run));
    site->cancelOperation(run);
    outcome = finish(*site, run, 30, outcome);
    COMPARE_ENUM(outcome.state, ActionState::Cancelled);
    QVERIFY(!site->isRunning(run));
    QVERIFY2(outcome.message.startsWith(QStringLiteral("cancelled; down: sha-trade-gw-01")), qPrintable(outcome.message));
    QVERIFY2(outcome.message.contains(QStringLiteral("; running: ")), qPrintable(outcome.message));
    QCOMPARE(outcome.log.constLast(), QStringLiteral("cancelled: ") + outcome.message);
    COMPARE_ENUM(statusOf(*site, QStringLiteral("sha-trade-gw-01")), ComponentStatus::Down);
    QVERIFY(statusOf(*site, QStringLiteral("sha-trade-redis-01")) != ComponentStatus::Down);

    // A cut traffic ramp stops where it was.
    const quint64 cut = start(*site, QStringLiteral("traffic.cut"), group(QStringLiteral("trading")));
    outcome = finish(*site, cut, 2.1);
    site->cancelOperation(cut);
    outcome = finish(*site, cut, 10, outcome);
    COMPARE_ENUM(outcome.state, ActionState::Cancelled);
    const double share = site->topology().traffic().value(QStringLiteral("trading"));
    QVERIFY(share > 0 && share < 40);
    QCOMPARE(outcome.message, QStringLiteral("cancelled; the trading traffic share is left at %1%").arg(share));
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
                const double expected = baseline.value(it.key()).toDouble() * (it.key() == QLatin1StringView("qps") ? load : 1.0);
                const double value = it.value();
                QVERIFY(std::isfinite(value));
                if (it.key() != QLatin1StringView("qps") && it.key() != QLatin1StringView("latencyMs"))
                    QVERIFY2(value >= 0 && value <= 100, qPrintable(c.id + QLatin1Char('.') + it.key()));
                QVERIFY2(value >= 0.3 * expected - 0.1 && value <= 2 * expected + 0.1,
                         qPrintable(QStringLiteral("%1.%2 = %3, baseline %4").arg(c.id, it.key()).arg(value).arg(expected)));
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
    QVERIFY(!backend->siteInfo().capabilities.isEmpty());

    ActionContext refused{QStringLiteral("a0"), QStringLiteral("k0"), QStringLiteral("app.stop"), group(QStringLiteral("loans"))};
    QVERIFY(!backend->createExecution(refused, &error));
    QVERIFY2(error.contains(QStringLiteral("productGroup")), qPrintable(error));

    QSignalSpy topologySpy(backend.get(), &SiteBackend::topologyChanged);
    const ActionContext restart{QStringLiteral("a1"), QStringLiteral("k1"), QStringLiteral("app.restart"), group(QStringLiteral("pay"))};
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
    QVERIFY(metrics.contains(QStringLiteral("haven_traffic_share_percent{site=\"t\",product_group=\"pay\"} 50\n")));

    // Cancelling a wait ends it as cancelled well before its time.
    execution = backend->createExecution(
        {QStringLiteral("a2"), QStringLiteral("k2"), QStringLiteral("wait.seconds"), {{QStringLiteral("seconds"), 3600}}}, &error);
    QSignalSpy cancelledSpy(execution.get(), &ActionExecution::finished);
    execution->start();
    execution->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(cancelledSpy.size(), 1, 5000);
    COMPARE_ENUM(cancelledSpy.at(0).at(0).value<ActionState>(), ActionState::Cancelled);

    const FaultRecord kill = fault(QStringLiteral("f"), FaultKind::ProcessKill, QStringLiteral("t-api"));
    QCOMPARE(backend->applyFault(kill), QString());
    COMPARE_ENUM(backend->topology().component(QStringLiteral("t-api"))->status, ComponentStatus::Down);
    backend->revertFault(kill);
    QVERIFY(backend->topology().component(QStringLiteral("t-api"))->status != ComponentStatus::Down);
}

QTEST_GUILESS_MAIN(TestSimulatedSite)
#include "tst_simulatedsite.moc"
