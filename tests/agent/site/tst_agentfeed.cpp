// SPDX-License-Identifier: GPL-3.0-or-later
// The topology snapshot and the long-poll change feed of a real haven-agent.

#include "agenttest.h"

#include "protocol/protocol.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <future>
#include <thread>

using namespace Haven;
using namespace Haven::Test;

namespace {

std::optional<TopologySnapshot> snapshotOf(const HttpClient &client, QString *error)
{
    const HttpResult result = client.get(QStringLiteral("/v1/topology"));
    if (result.status != 200) {
        *error = QStringLiteral("GET /v1/topology: %1 %2").arg(result.status).arg(result.error);
        return std::nullopt;
    }
    return TopologySnapshot::fromJson(result.json(), error);
}

std::optional<TopologyChanges> changesOf(const HttpResult &result, QString *error)
{
    if (result.status != 200) {
        *error = QStringLiteral("changes: HTTP %1 %2 %3")
                     .arg(result.status)
                     .arg(result.error, QString::fromUtf8(result.body));
        return std::nullopt;
    }
    return TopologyChanges::fromJson(result.json(), error);
}

QString changesPath(quint64 since, const QString &epoch, int wait)
{
    return QStringLiteral("/v1/topology/changes?since=%1&epoch=%2&wait=%3").arg(since).arg(epoch).arg(wait);
}

} // namespace

class TestAgentFeed final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void snapshotParses();
    void currentRevisionIsQuiet();
    void longPollReturnsEarlyOnChange();
    void operationShowsUpAsTrafficChange();
    void fullAnswers_data();
    void fullAnswers();
    void badQueries_data();
    void badQueries();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<HttpClient> m_client;
};

void TestAgentFeed::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    initCurl();
    QVERIFY(m_dir.isValid());
    m_agent = std::make_unique<AgentProcess>(m_dir.path());
    AgentProcess::Options options;
    options.speed = 4; // about one drift sample per tick: a few components move at a time
    HAVEN_START_AGENT(*m_agent, options);
    m_client = std::make_unique<HttpClient>(m_agent->url(), m_agent->token());
}

void TestAgentFeed::cleanupTestCase()
{
    m_client.reset();
    m_agent.reset();
}

void TestAgentFeed::snapshotParses()
{
    QString error;
    const std::optional<TopologySnapshot> snapshot = snapshotOf(*m_client, &error);
    QVERIFY2(snapshot, qPrintable(error));
    QVERIFY(error.isEmpty());
    QVERIFY(!snapshot->siteId.isEmpty());
    QVERIFY(!snapshot->epoch.isEmpty());
    QVERIFY(snapshot->revision > 0);
    QVERIFY(!snapshot->components.isEmpty());
    QVERIFY(!snapshot->traffic.isEmpty());
    QSet<QString> ids;
    for (const Component &component : snapshot->components) {
        QVERIFY(component.revision > 0);
        QVERIFY(component.revision <= snapshot->revision);
        QVERIFY2(!ids.contains(component.id), qPrintable(component.id));
        ids.insert(component.id);
    }
    for (const Dependency &dependency : snapshot->dependencies) {
        QVERIFY2(ids.contains(dependency.from), qPrintable(dependency.from));
        QVERIFY2(ids.contains(dependency.to), qPrintable(dependency.to));
    }
    const QString site = m_client->get(QStringLiteral("/v1/site")).json().value(QStringLiteral("id")).toString();
    QCOMPARE(snapshot->siteId, site);
}

void TestAgentFeed::currentRevisionIsQuiet()
{
    QString error;
    const std::optional<TopologySnapshot> snapshot = snapshotOf(*m_client, &error);
    QVERIFY2(snapshot, qPrintable(error));
    QElapsedTimer clock;
    clock.start();
    const std::optional<TopologyChanges> changes = changesOf(m_client->get(
                                                                 changesPath(snapshot->revision, snapshot->epoch, 0)),
                                                             &error);
    QVERIFY2(changes, qPrintable(error));
    QVERIFY(clock.elapsed() < 1000); // wait=0 never waits
    QVERIFY(!changes->full);
    QCOMPARE(changes->since, snapshot->revision);
    QCOMPARE(changes->epoch, snapshot->epoch);
    QVERIFY(changes->revision >= snapshot->revision);
    // Only what moved in the few milliseconds since the snapshot: less than everything.
    QVERIFY(changes->components.size() < snapshot->components.size());
    QVERIFY(changes->removedComponents.isEmpty());
    for (const Component &component : changes->components)
        QVERIFY(component.revision > snapshot->revision);
}

void TestAgentFeed::longPollReturnsEarlyOnChange()
{
    QString error;
    const std::optional<TopologySnapshot> snapshot = snapshotOf(*m_client, &error);
    QVERIFY2(snapshot, qPrintable(error));
    const quint64 since = m_client->get(changesPath(snapshot->revision, snapshot->epoch, 0))
                              .json()
                              .value(QStringLiteral("revision"))
                              .toInteger();
    QVERIFY(since >= snapshot->revision);

    // The poll waits in a thread while this one makes something change.
    constexpr int WaitSeconds = 20;
    const HttpClient poller(m_agent->url(), m_agent->token());
    QElapsedTimer clock;
    clock.start();
    std::future<HttpResult> poll = std::async(std::launch::async, [&] {
        return poller.get(changesPath(since, snapshot->epoch, WaitSeconds));
    });
    QString target;
    for (const Component &component : snapshot->components) {
        if (component.metrics.contains(QStringLiteral("cpu")) && component.metrics.value(QStringLiteral("cpu")) < 60) {
            target = component.id;
            break;
        }
    }
    QVERIFY(!target.isEmpty());
    if (poll.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout) {
        const HttpResult injected = m_client->post(QStringLiteral("/v1/faults"),
                                                   {{QStringLiteral("kind"), QStringLiteral("cpu")},
                                                    {QStringLiteral("target"), target},
                                                    {QStringLiteral("parameters"),
                                                     QJsonObject{{QStringLiteral("percent"), 99}}},
                                                    {QStringLiteral("durationSeconds"), 1}});
        QCOMPARE(injected.status, 201L);
    }
    QCOMPARE(poll.wait_for(std::chrono::seconds(WaitSeconds / 2)), std::future_status::ready);
    const HttpResult result = poll.get();
    QVERIFY2(clock.elapsed() < WaitSeconds * 1000 / 2, "the long-poll waited although something changed");
    const std::optional<TopologyChanges> changes = changesOf(result, &error);
    QVERIFY2(changes, qPrintable(error));
    QVERIFY(!changes->full);
    QVERIFY(!changes->isEmpty());
    QVERIFY(changes->revision > since);
    for (const Component &component : changes->components)
        QVERIFY2(component.revision > since, qPrintable(component.id));
    for (const ReplicationLink &link : changes->replication)
        QVERIFY2(link.revision > since, qPrintable(link.id));
}

void TestAgentFeed::operationShowsUpAsTrafficChange()
{
    QString error;
    const std::optional<TopologySnapshot> snapshot = snapshotOf(*m_client, &error);
    QVERIFY2(snapshot, qPrintable(error));
    QString group;
    for (auto it = snapshot->traffic.cbegin(); it != snapshot->traffic.cend(); ++it) {
        if (it.value() > 0) {
            group = it.key();
            break;
        }
    }
    QVERIFY2(!group.isEmpty(), "no product group with traffic at this site");

    const HttpResult started = m_client->post(QStringLiteral("/v1/actions"),
                                              actionRequest(QStringLiteral("traffic.cut"),
                                                            {{QStringLiteral("productGroup"), group}}, newKey()));
    QCOMPARE(started.status, 201L);
    const QString id = started.json().value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString();
    QCOMPARE(waitForFinalAction(*m_client, id, 15'000).value(QStringLiteral("state")).toString(),
             QStringLiteral("succeeded"));

    const std::optional<TopologyChanges> changes = changesOf(m_client->get(
                                                                 changesPath(snapshot->revision, snapshot->epoch, 0)),
                                                             &error);
    QVERIFY2(changes, qPrintable(error));
    QVERIFY(!changes->full);
    QVERIFY2(changes->traffic.has_value(), "the cut is not in the feed");
    QVERIFY(changes->traffic->contains(group));
    QVERIFY(changes->traffic->value(group) < 0.01);
    QCOMPARE(changes->traffic->size(), snapshot->traffic.size()); // the whole map, as the protocol says

    // Once read, the traffic map is not sent again.
    const std::optional<TopologyChanges> later = changesOf(m_client->get(
                                                               changesPath(changes->revision, snapshot->epoch, 0)),
                                                           &error);
    QVERIFY2(later, qPrintable(error));
    QVERIFY(!later->traffic.has_value());
}

void TestAgentFeed::fullAnswers_data()
{
    QTest::addColumn<QString>("epoch");      // "current" for the agent's own
    QTest::addColumn<qint64>("sinceOffset"); // added to the current revision
    QTest::addRow("stale epoch") << QStringLiteral("stale-epoch") << qint64(0);
    QTest::addRow("no epoch") << QString() << qint64(0);
    QTest::addRow("since beyond the revision") << QStringLiteral("current") << qint64(1000);
}

void TestAgentFeed::fullAnswers()
{
    QFETCH(QString, epoch);
    QFETCH(qint64, sinceOffset);
    QString error;
    const std::optional<TopologySnapshot> snapshot = snapshotOf(*m_client, &error);
    QVERIFY2(snapshot, qPrintable(error));
    if (epoch == QLatin1StringView("current"))
        epoch = snapshot->epoch;
    const quint64 since = snapshot->revision + sinceOffset;
    const std::optional<TopologyChanges> changes = changesOf(m_client->get(changesPath(since, epoch, 0)), &error);
    QVERIFY2(changes, qPrintable(error));
    QVERIFY(changes->full);
    QCOMPARE(changes->epoch, snapshot->epoch);
    QVERIFY(changes->revision >= snapshot->revision);
    // Everything, as a snapshot would have it.
    QCOMPARE(changes->components.size(), snapshot->components.size());
    QSet<QString> ids;
    for (const Component &component : changes->components)
        ids.insert(component.id);
    for (const Component &component : snapshot->components)
        QVERIFY2(ids.contains(component.id), qPrintable(component.id));
    QCOMPARE(changes->replication.size(), snapshot->replication.size());
    QVERIFY(changes->traffic.has_value());
    QCOMPARE(changes->traffic->keys(), snapshot->traffic.keys());
    QVERIFY(changes->dependencies.has_value());
    QCOMPARE(changes->dependencies->size(), snapshot->dependencies.size());
    QVERIFY(changes->removedComponents.isEmpty());
}

void TestAgentFeed::badQueries_data()
{
    QTest::addColumn<QString>("query");
    QTest::addRow("negative since") << QStringLiteral("since=-1");
    QTest::addRow("since not a number") << QStringLiteral("since=abc");
    QTest::addRow("wait over the limit") << QStringLiteral("since=0&wait=61");
    QTest::addRow("negative wait") << QStringLiteral("since=0&wait=-1");
}

void TestAgentFeed::badQueries()
{
    QFETCH(QString, query);
    const HttpResult result = m_client->get(QStringLiteral("/v1/topology/changes?") + query);
    QCOMPARE(result.status, 400L);
    QCOMPARE(result.errorCode(), QStringLiteral("invalid_request"));
}

QTEST_GUILESS_MAIN(TestAgentFeed)
#include "tst_agentfeed.moc"
