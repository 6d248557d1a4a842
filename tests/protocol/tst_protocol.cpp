// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Haven;

class TestProtocol final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void componentRoundTrip();
    void snapshotRoundTrip();
    void changesKeepOptionalParts();
    void rejectsBadComponents_data();
    void rejectsBadComponents();
    void validateParameters_data();
    void validateParameters();
    void enumNames();
    void replicationPositions();
    void faultRecordRoundTrip();
    void faultRecordReadsOlderAgents();
    void faultLimitsRoundTrip();
};

static Component sampleComponent()
{
    Component c;
    c.id = QStringLiteral("sha-db-1");
    c.name = QStringLiteral("MySQL primary");
    c.layer = Layer::Database;
    c.kind = QStringLiteral("mysql");
    c.productGroup = QStringLiteral("payments");
    c.host = QStringLiteral("sha-host-3");
    c.status = ComponentStatus::Warning;
    c.metrics = {{QStringLiteral("cpu"), 71.5}, {QStringLiteral("capacity"), 64.0}};
    c.alerts = {Alert{QStringLiteral("cpu"), QStringLiteral("warning"), QStringLiteral("CPU high"),
                      QDateTime(QDate(2026, 11, 21), QTime(9, 30), Qt::UTC)}};
    c.revision = 42;
    return c;
}

static ReplicationLink sampleLink()
{
    ReplicationLink link;
    link.id = QStringLiteral("l1");
    link.fromSite = QStringLiteral("sha");
    link.fromComponent = QStringLiteral("sha-db-1");
    link.toSite = QStringLiteral("shb");
    link.toComponent = QStringLiteral("shb-db-1");
    link.role = ReplicationRole::Primary;
    link.lagSeconds = 1.25;
    link.state = ReplicationState::Lagging;
    return link;
}

void TestProtocol::componentRoundTrip()
{
    const Component c = sampleComponent();
    QString error;
    const std::optional<Component> back = Component::fromJson(c.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, c);
}

void TestProtocol::snapshotRoundTrip()
{
    TopologySnapshot s;
    s.siteId = QStringLiteral("sha");
    s.epoch = QStringLiteral("e1");
    s.revision = 7;
    s.components = {sampleComponent()};
    s.dependencies = {Dependency{QStringLiteral("a"), QStringLiteral("b")}};
    s.replication = {sampleLink()};
    s.traffic = {{QStringLiteral("payments"), 60.0}};
    // Through text, as it travels.
    const QJsonObject json = QJsonDocument::fromJson(QJsonDocument(s.toJson()).toJson()).object();
    QString error;
    const std::optional<TopologySnapshot> back = TopologySnapshot::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->components, s.components);
    QCOMPARE(back->replication, s.replication);
    QCOMPARE(back->dependencies, s.dependencies);
    QCOMPARE(back->traffic, s.traffic);
    QCOMPARE(back->revision, 7u);
}

void TestProtocol::changesKeepOptionalParts()
{
    TopologyChanges c;
    c.siteId = QStringLiteral("sha");
    c.epoch = QStringLiteral("e");
    c.since = 3;
    c.revision = 5;
    QVERIFY(c.isEmpty());
    c.traffic = QMap<QString, double>{{QStringLiteral("payments"), 0.0}};
    QVERIFY(!c.isEmpty());
    QString error;
    const std::optional<TopologyChanges> back = TopologyChanges::fromJson(c.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(back->traffic.has_value());
    QVERIFY(!back->dependencies.has_value());
    QCOMPARE(back->traffic->value(QStringLiteral("payments")), 0.0);
}

void TestProtocol::rejectsBadComponents_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");
    QTest::addRow("missing id") << R"({"layer":"business","status":"ok"})"
                                << "id: missing";
    QTest::addRow("id not a string") << R"({"id":5,"layer":"business","status":"ok"})"
                                     << "id: expected a string";
    QTest::addRow("unknown layer") << R"({"id":"a","layer":"network","status":"ok"})"
                                   << "layer: expected one of business | middleware";
    QTest::addRow("unknown status") << R"({"id":"a","layer":"business","status":"fine"})"
                                    << "status: expected one of";
    QTest::addRow("metric not a number") << R"({"id":"a","layer":"business","status":"ok","metrics":{"cpu":"hi"}})"
                                         << "metrics: cpu is not a number";
    QTest::addRow("bad alert") << R"({"id":"a","layer":"business","status":"ok","alerts":[{"id":"x"}]})"
                               << "alerts[0].severity: missing";
}

void TestProtocol::rejectsBadComponents()
{
    QFETCH(QString, json);
    QFETCH(QString, expected);
    QString error;
    const std::optional<Component> c = Component::fromJson(QJsonDocument::fromJson(json.toUtf8()).object(), &error);
    QVERIFY(!c);
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestProtocol::validateParameters_data()
{
    QTest::addColumn<QString>("parameters");
    QTest::addColumn<QString>("expected"); // empty: valid
    QTest::addRow("valid") << R"({"productGroup":"payments","share":50})"
                           << "";
    QTest::addRow("valid without optional") << R"({"productGroup":"payments"})"
                                            << "";
    QTest::addRow("missing required") << R"({"share":50})"
                                      << "\"productGroup\" is required";
    QTest::addRow("null required") << R"({"productGroup":null})"
                                   << "\"productGroup\" is required";
    QTest::addRow("wrong type") << R"({"productGroup":7})"
                                << "must be of type string";
    QTest::addRow("not an integer") << R"({"productGroup":"p","retries":1.5})"
                                    << "must be of type integer";
    QTest::addRow("below minimum") << R"({"productGroup":"p","share":-1})"
                                   << "at least 0";
    QTest::addRow("above maximum") << R"({"productGroup":"p","share":101})"
                                   << "at most 100";
    QTest::addRow("not in enum") << R"({"productGroup":"p","mode":"fast"})"
                                 << "must be one of graceful, forced";
    QTest::addRow("unknown") << R"({"productGroup":"p","colour":"red"})"
                             << "unknown parameter \"colour\"";
}

void TestProtocol::validateParameters()
{
    QFETCH(QString, parameters);
    QFETCH(QString, expected);
    const QJsonObject schema = QJsonDocument::fromJson(R"({
        "type": "object", "required": ["productGroup"],
        "properties": {
            "productGroup": {"type": "string"},
            "share": {"type": "number", "minimum": 0, "maximum": 100},
            "retries": {"type": "integer"},
            "mode": {"type": "string", "enum": ["graceful", "forced"]}
        }})")
                                   .object();
    const QString problem = Haven::validateParameters(schema, QJsonDocument::fromJson(parameters.toUtf8()).object());
    if (expected.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.contains(expected), qPrintable(problem));
}

void TestProtocol::enumNames()
{
    for (Layer layer : {Layer::Business, Layer::Middleware, Layer::Storage, Layer::Database, Layer::Physical})
        QVERIFY(layerFromString(toString(layer)) == layer);
    for (FaultKind kind : {FaultKind::Cpu, FaultKind::Memory, FaultKind::Network, FaultKind::ProcessKill,
                           FaultKind::HostDown, FaultKind::SiteDark})
        QVERIFY(faultKindFromString(toString(kind)) == kind);
    QVERIFY(!layerFromString(u"Business"));
    QVERIFY(worse(ComponentStatus::Warning, ComponentStatus::Down) == ComponentStatus::Down);
    QVERIFY(worse(ComponentStatus::Ok, ComponentStatus::Unknown) == ComponentStatus::Unknown);
    QVERIFY(isFinal(ActionState::Cancelled));
    QVERIFY(!isFinal(ActionState::Running));
    QCOMPARE(toString(FaultState::RevertFailed), QStringLiteral("revert_failed"));
    QVERIFY(faultStateFromString(u"orphaned") == FaultState::Orphaned);
    QVERIFY(isInEffect(FaultState::RevertFailed));
    QVERIFY(isInEffect(FaultState::Orphaned));
    QVERIFY(!isInEffect(FaultState::Reverted));
    QVERIFY(!isInEffect(FaultState::Expired));
}

void TestProtocol::replicationPositions()
{
    ReplicationLink link = sampleLink();
    QJsonObject json = link.toJson();
    // Not reported: absent on the wire, and read back as not reported.
    QVERIFY(!json.contains(QStringLiteral("writtenAt")));
    QVERIFY(!json.contains(QStringLiteral("appliedPosition")));
    QString error;
    std::optional<ReplicationLink> back = ReplicationLink::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(!back->appliedAt.isValid());
    QCOMPARE(back->writtenPosition, 0u);

    link.writtenPosition = quint64(1) << 40;
    link.appliedPosition = (quint64(1) << 40) - 4096;
    link.writtenAt = QDateTime(QDate(2026, 12, 4), QTime(10, 0, 5), Qt::UTC);
    link.appliedAt = QDateTime(QDate(2026, 12, 4), QTime(10, 0, 3), Qt::UTC);
    json = QJsonDocument::fromJson(QJsonDocument(link.toJson()).toJson()).object();
    back = ReplicationLink::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, link);
    QCOMPARE(back->appliedAt.secsTo(back->writtenAt), 2);
}

static FaultRecord sampleFault()
{
    FaultRecord f;
    f.id = QStringLiteral("f1");
    f.kind = FaultKind::Network;
    f.target = QStringLiteral("sha-db-1");
    f.parameters = {{QStringLiteral("latencyMs"), 200}};
    f.durationSeconds = 60;
    f.state = FaultState::RevertFailed;
    f.injected = QDateTime(QDate(2026, 12, 4), QTime(10, 0), Qt::UTC);
    f.expires = f.injected.addSecs(60);
    f.idempotencyKey = QStringLiteral("drill-7-action-2");
    f.drillId = QStringLiteral("drill-7");
    f.revertAttempts = 3;
    f.revertError = QStringLiteral("revert hook failed with exit code 1");
    f.remainingSeconds = 12;
    return f;
}

void TestProtocol::faultRecordRoundTrip()
{
    const FaultRecord f = sampleFault();
    QString error;
    const std::optional<FaultRecord> back = FaultRecord::fromJson(f.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->toJson(), f.toJson());
    QVERIFY(back->state == FaultState::RevertFailed);
    QCOMPARE(back->revertAttempts, 3);
    QCOMPARE(back->drillId, QStringLiteral("drill-7"));
}

void TestProtocol::faultRecordReadsOlderAgents()
{
    QJsonObject json = sampleFault().toJson();
    for (const char *key :
         {"idempotencyKey", "drillId", "revertAttempts", "revertConfirmed", "revertError", "remainingSeconds"})
        json.remove(QLatin1StringView(key));
    json.insert(QStringLiteral("state"), QStringLiteral("active"));
    QString error;
    const std::optional<FaultRecord> back = FaultRecord::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(back->idempotencyKey.isEmpty());
    QCOMPARE(back->revertAttempts, 0);
    QVERIFY(!back->revertConfirmed);
}

void TestProtocol::faultLimitsRoundTrip()
{
    FaultLimits limits;
    limits.maxActive = 3;
    limits.active = 1;
    limits.ownHosts = {QStringLiteral("sha-agent-1")};
    FaultKindLimits cpu;
    cpu.kind = FaultKind::Cpu;
    cpu.targets = {QStringLiteral("component"), QStringLiteral("host")};
    cpu.parameters = QJsonObject{{QStringLiteral("required"), QJsonArray{QStringLiteral("percent")}}};
    limits.kinds = {cpu};
    QString error;
    const std::optional<FaultLimits> back = FaultLimits::fromJson(limits.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->toJson(), limits.toJson());
    QCOMPARE(back->maxDurationSeconds, 4 * 3600);

    QVERIFY(!FaultLimits::fromJson(QJsonObject{{QStringLiteral("kinds"),
                                                QJsonArray{
                                                    QJsonObject{{QStringLiteral("kind"), QStringLiteral("flood")}}}}},
                                   &error));
    QVERIFY2(error.contains(QStringLiteral("kinds[0].kind")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
