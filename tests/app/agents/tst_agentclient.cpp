// SPDX-License-Identifier: GPL-3.0-or-later
// The typed agent client against real haven-agent processes (plain HTTP and TLS) and against
// servers in this test that misbehave on purpose; every failure must land in the right kind.

#include "app/agents/agentclient.h"
#include "app/agents/curlengine.h"

#include "agenttest.h"
#include "fakehttpserver.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven;
using namespace Haven::Test;

Q_DECLARE_METATYPE(Haven::AgentError::Kind)

namespace {

template<typename T>
struct Outcome
{
    bool called = false;
    int calls = 0;
    std::optional<T> value;
    AgentError error;
};

// Starts a call and spins the event loop until its callback ran.
template<typename T, typename Start>
Outcome<T> run(Start start, int timeoutMs = 20'000)
{
    auto outcome = std::make_shared<Outcome<T>>();
    start([outcome](std::optional<T> value, const AgentError &error) {
        outcome->called = true;
        ++outcome->calls;
        outcome->value = std::move(value);
        outcome->error = error;
    });
    waitUntil([&] { return outcome->called; }, timeoutMs);
    return *outcome;
}

QString describe(const AgentError &error)
{
    return AgentError::kindName(error.kind) + QStringLiteral(" [") + error.code + QStringLiteral("] ")
           + error.message(QStringLiteral("Test site"), QStringLiteral("url"));
}

enum class Scenario {
    WrongToken,
    WrongPin,
    NoTrust,
    ClosedPort,
    SiteDark,
    MalformedJson,
    NotJson,
    MissingProtocolVersion,
    UnknownProtocolVersion,
    HugeDeclaredBody,
    EndlessBody,
    Silent,
    AgentErrorShape,
    ProxyErrorPage,
};

} // namespace

Q_DECLARE_METATYPE(Scenario)

class TestAgentClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void calls_data();
    void calls();
    void classification_data();
    void classification();
    void longPollStretchesTheTimeout();
    void cancelledCallbackIsNeverCalled();
    void destroyingTheClientWithRequestsInFlight();
    void destroyingTheClientFromItsCallback();
    void concurrentRequestsReuseConnections_data();
    void concurrentRequestsReuseConnections();
    void messagesSayWhatToDo_data();
    void messagesSayWhatToDo();

private:
    AgentConnection plainConnection() const;
    AgentConnection tlsConnection() const;

    QTemporaryDir m_dir;
    QTemporaryDir m_tlsDir;
    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<AgentProcess> m_tlsAgent;
    std::unique_ptr<CurlEngine> m_engine;
};

void TestAgentClient::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    initCurl();
    QVERIFY(m_dir.isValid());
    QVERIFY(m_tlsDir.isValid());
    m_agent = std::make_unique<AgentProcess>(m_dir.path());
    HAVEN_START_AGENT(*m_agent, AgentProcess::Options());
    AgentProcess::Options tls;
    tls.tls = true;
    m_tlsAgent = std::make_unique<AgentProcess>(m_tlsDir.path());
    HAVEN_START_AGENT(*m_tlsAgent, tls);
    QVERIFY(m_tlsAgent->url().startsWith(QLatin1StringView("https://")));
    QCOMPARE(m_tlsAgent->pin(), pinOf(testData(QStringLiteral("tls/cert.pem"))));
    m_engine = std::make_unique<CurlEngine>();
}

void TestAgentClient::cleanupTestCase()
{
    m_engine.reset();
    m_agent.reset();
    m_tlsAgent.reset();
}

AgentConnection TestAgentClient::plainConnection() const
{
    AgentConnection connection;
    connection.siteId = QStringLiteral("test-site");
    connection.siteName = QStringLiteral("Test site");
    connection.url = m_agent->url();
    connection.token = m_agent->token();
    return connection;
}

AgentConnection TestAgentClient::tlsConnection() const
{
    AgentConnection connection = plainConnection();
    connection.url = m_tlsAgent->url();
    connection.token = m_tlsAgent->token();
    connection.pin = m_tlsAgent->pin();
    return connection;
}

void TestAgentClient::calls_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("caFile");
    QTest::addRow("plain HTTP") << false << QString();
    QTest::addRow("TLS with the pin") << true << QString();
    QTest::addRow("TLS with the pin and a CA file") << true << testData(QStringLiteral("tls/cert.pem"));
}

void TestAgentClient::calls()
{
    QFETCH(bool, tls);
    QFETCH(QString, caFile);
    AgentConnection connection = tls ? tlsConnection() : plainConnection();
    connection.caFile = caFile;
    AgentClient client(*m_engine, connection);

    const auto site = run<SiteInfo>([&](auto done) { client.fetchSite(done); });
    QVERIFY2(site.value, qPrintable(describe(site.error)));
    QVERIFY(site.error.ok());
    QCOMPARE(site.value->protocolVersion, 1);
    QVERIFY(!site.value->id.isEmpty());

    const auto topology = run<TopologySnapshot>([&](auto done) { client.fetchTopology(done); });
    QVERIFY2(topology.value, qPrintable(describe(topology.error)));
    QVERIFY(!topology.value->components.isEmpty());
    QVERIFY(topology.value->revision > 0);
    QVERIFY(!topology.value->epoch.isEmpty());

    const auto full = run<TopologyChanges>([&](auto done) { client.fetchChanges(0, QString(), 0, done); });
    QVERIFY2(full.value, qPrintable(describe(full.error)));
    QVERIFY(full.value->full); // no epoch: take everything
    QCOMPARE(full.value->epoch, topology.value->epoch);

    const auto changes = run<TopologyChanges>(
        [&](auto done) { client.fetchChanges(topology.value->revision, topology.value->epoch, 1, done); });
    QVERIFY2(changes.value, qPrintable(describe(changes.error)));
    QVERIFY(!changes.value->full);
    QCOMPARE(changes.value->since, topology.value->revision);
    QVERIFY(changes.value->revision >= topology.value->revision);

    const auto operations = run<QList<OperationSpec>>([&](auto done) { client.fetchOperations(done); });
    QVERIFY2(operations.value, qPrintable(describe(operations.error)));
    QVERIFY(std::any_of(operations.value->cbegin(), operations.value->cend(),
                        [](const OperationSpec &spec) { return spec.code == QLatin1StringView("wait.seconds"); }));

    const QString key = newKey();
    const QJsonObject parameters{{QStringLiteral("seconds"), 30}};
    const auto started = run<ActionRecord>(
        [&](auto done) { client.startAction(QStringLiteral("wait.seconds"), parameters, key, done); });
    QVERIFY2(started.value, qPrintable(describe(started.error)));
    QCOMPARE(started.value->idempotencyKey, key);
    QCOMPARE(started.value->operation, QStringLiteral("wait.seconds"));
    QVERIFY(!isFinal(started.value->state));
    const QString id = started.value->id;

    const auto replayed = run<ActionRecord>(
        [&](auto done) { client.startAction(QStringLiteral("wait.seconds"), parameters, key, done); });
    QVERIFY2(replayed.value, qPrintable(describe(replayed.error)));
    QCOMPARE(replayed.value->id, id);

    const auto fetched = run<ActionRecord>([&](auto done) { client.fetchAction(id, done); });
    QVERIFY2(fetched.value, qPrintable(describe(fetched.error)));
    QCOMPARE(fetched.value->id, id);

    const auto found = run<std::optional<ActionRecord>>([&](auto done) { client.findActionByKey(key, done); });
    QVERIFY2(found.value, qPrintable(describe(found.error)));
    QVERIFY(found.value->has_value());
    QCOMPARE(found.value->value().id, id);

    const auto notFound = run<std::optional<ActionRecord>>(
        [&](auto done) { client.findActionByKey(QStringLiteral("no such key/&?=") + newKey(), done); });
    QVERIFY2(notFound.value, qPrintable(describe(notFound.error)));
    QVERIFY(!notFound.value->has_value()); // answered, and nothing has this key

    const auto cancelled = run<ActionRecord>([&](auto done) { client.cancelAction(id, done); });
    QVERIFY2(cancelled.value, qPrintable(describe(cancelled.error)));
    QCOMPARE(cancelled.value->id, id);
    ActionState state = cancelled.value->state;
    QVERIFY(waitUntil(
        [&] {
        const auto now = run<ActionRecord>([&](auto done) { client.fetchAction(id, done); });
        state = now.value ? now.value->state : ActionState::Pending;
        return isFinal(state);
        },
        15'000));
    QCOMPARE(toString(state), toString(ActionState::Cancelled));
    QCOMPARE(client.pendingCount(), 0);
}

void TestAgentClient::classification_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<AgentError::Kind>("kind");
    QTest::addColumn<QString>("detail"); // a part of the detail or the code

    using Kind = AgentError::Kind;
    QTest::addRow("wrong token") << Scenario::WrongToken << Kind::Authentication << QStringLiteral("token");
    QTest::addRow("another key's pin") << Scenario::WrongPin << Kind::Tls << QStringLiteral("pin_mismatch");
    QTest::addRow("self-signed, no pin, no CA")
        << Scenario::NoTrust << Kind::Tls << QStringLiteral("untrusted_certificate");
    QTest::addRow("closed port") << Scenario::ClosedPort << Kind::Unreachable << QStringLiteral("curl_7");
    QTest::addRow("site_dark fault") << Scenario::SiteDark << Kind::Timeout << QStringLiteral("curl_28");
    QTest::addRow("malformed JSON") << Scenario::MalformedJson << Kind::Protocol << QStringLiteral("malformed JSON");
    QTest::addRow("HTML instead of JSON") << Scenario::NotJson << Kind::Protocol << QStringLiteral("not JSON");
    QTest::addRow("site without protocolVersion")
        << Scenario::MissingProtocolVersion << Kind::Protocol << QStringLiteral("protocolVersion: missing");
    QTest::addRow("protocol version 2") << Scenario::UnknownProtocolVersion << Kind::Protocol
                                        << QStringLiteral("protocolVersion 2 is not supported");
    QTest::addRow("declares 2 GB") << Scenario::HugeDeclaredBody << Kind::Protocol << QStringLiteral("larger than");
    QTest::addRow("endless chunked body") << Scenario::EndlessBody << Kind::Protocol << QStringLiteral("larger than");
    QTest::addRow("accepts, never answers") << Scenario::Silent << Kind::Timeout << QStringLiteral("curl_28");
    QTest::addRow("agent's error shape") << Scenario::AgentErrorShape << Kind::Http << QStringLiteral("not_found");
    QTest::addRow("proxy error page") << Scenario::ProxyErrorPage << Kind::Http << QStringLiteral("Bad Gateway");
}

void TestAgentClient::classification()
{
    QFETCH(Scenario, scenario);
    QFETCH(AgentError::Kind, kind);
    QFETCH(QString, detail);

    AgentConnection connection = plainConnection();
    connection.requestTimeoutMs = 1500;
    connection.lowSpeedSeconds = 1;
    connection.maxResponseBytes = 2 << 20;
    std::unique_ptr<FakeHttpServer> server;
    qint64 streamed = 0;
    const auto fake = [&](FakeHttpServer::Responder responder) {
        server = std::make_unique<FakeHttpServer>(std::move(responder));
        connection.url = server->url();
    };
    const auto answer = [&](int status, const QByteArray &type, const QByteArray &body) {
        fake([=](QTcpSocket *socket, const QByteArray &) { FakeHttpServer::answer(socket, status, type, body); });
    };
    std::unique_ptr<HttpClient> drill;
    QString darkFault;

    switch (scenario) {
    case Scenario::WrongToken:
        connection.token = "not-the-token";
        break;
    case Scenario::WrongPin:
        connection = tlsConnection();
        connection.pin = pinOf(testData(QStringLiteral("tls/other-cert.pem")));
        break;
    case Scenario::NoTrust:
        connection = tlsConnection();
        connection.pin.clear();
        break;
    case Scenario::ClosedPort: {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        connection.url = QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort());
        break; // closed when it goes out of scope
    }
    case Scenario::SiteDark: {
        drill = std::make_unique<HttpClient>(m_agent->url(), m_agent->token());
        const HttpResult injected = drill->post(QStringLiteral("/v1/faults"),
                                                {{QStringLiteral("kind"), QStringLiteral("site_dark")},
                                                 {QStringLiteral("durationSeconds"), 5}});
        QCOMPARE(injected.status, 201L);
        darkFault = injected.json().value(QStringLiteral("fault")).toObject().value(QStringLiteral("id")).toString();
        break;
    }
    case Scenario::MalformedJson:
        answer(200, "application/json", R"({"id": "x", "protocolVersion": 1,)");
        break;
    case Scenario::NotJson:
        answer(200, "text/html", "<html>hello</html>");
        break;
    case Scenario::MissingProtocolVersion:
        answer(200, "application/json", R"({"id":"x"})");
        break;
    case Scenario::UnknownProtocolVersion:
        answer(200, "application/json; charset=utf-8", R"({"id":"x","protocolVersion":2})");
        break;
    case Scenario::HugeDeclaredBody:
        fake([&](QTcpSocket *socket, const QByteArray &) {
            FakeHttpServer::stream(socket,
                                   "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                   "Content-Length: 2147483648\r\n\r\n",
                                   &streamed);
        });
        break;
    case Scenario::EndlessBody:
        fake([&](QTcpSocket *socket, const QByteArray &) {
            FakeHttpServer::stream(socket,
                                   "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                   "Transfer-Encoding: chunked\r\n\r\n",
                                   &streamed);
        });
        // The stream is fast; only the size cap can end it, not the timeouts.
        connection.requestTimeoutMs = 60'000;
        break;
    case Scenario::Silent:
        fake([](QTcpSocket *, const QByteArray &) {});
        break;
    case Scenario::AgentErrorShape:
    case Scenario::ProxyErrorPage:
        if (scenario == Scenario::ProxyErrorPage)
            answer(502, "text/html", "<html><h1>Bad Gateway</h1></html>");
        break;
    }

    AgentClient client(*m_engine, connection);
    const qint64 memoryBefore = residentKiB();
    QElapsedTimer clock;
    clock.start();
    const auto outcome = scenario == Scenario::AgentErrorShape ? run<SiteInfo>([&](auto done) {
        client.fetchAction(QStringLiteral("no-such-action"), [done](auto, auto error) { done(std::nullopt, error); });
    })
                                                               : run<SiteInfo>(
                                                                   [&](auto done) { client.fetchSite(done); });
    const qint64 elapsed = clock.elapsed();
    if (drill) {
        QCOMPARE(drill->post(QStringLiteral("/v1/faults/%1/revert").arg(darkFault), {}).status, 200L);
    }

    QVERIFY(outcome.called);
    QCOMPARE(outcome.calls, 1);
    QVERIFY(!outcome.value);
    QVERIFY2(outcome.error.kind == kind, qPrintable(describe(outcome.error)));
    QVERIFY2(outcome.error.detail.contains(detail) || outcome.error.code == detail, qPrintable(describe(outcome.error)));
    const QString message = outcome.error.message(connection.siteName, connection.url);
    QVERIFY(message.contains(connection.siteName));
    QVERIFY2(message.size() > 40, qPrintable(message));
    qInfo("%s", qPrintable(message)); // the log shows what an operator would read

    switch (scenario) {
    case Scenario::WrongToken:
        QCOMPARE(outcome.error.httpStatus, 401);
        QCOMPARE(outcome.error.code, QStringLiteral("unauthorized"));
        break;
    case Scenario::SiteDark:
    case Scenario::Silent:
        QVERIFY2(elapsed < 6'000, qPrintable(QString::number(elapsed))); // the short timeout, not a default
        break;
    case Scenario::HugeDeclaredBody:
    case Scenario::EndlessBody:
        QVERIFY2(residentKiB() - memoryBefore < 32 * 1024,
                 qPrintable(QStringLiteral("grew by %1 KiB").arg(residentKiB() - memoryBefore)));
        QCOMPARE(outcome.error.code, QStringLiteral("response_too_large"));
        if (scenario == Scenario::EndlessBody)
            QVERIFY(streamed > connection.maxResponseBytes); // it really sent more than the cap
        break;
    case Scenario::AgentErrorShape:
        QCOMPARE(outcome.error.httpStatus, 404);
        break;
    case Scenario::ProxyErrorPage:
        QCOMPARE(outcome.error.httpStatus, 502);
        QVERIFY(outcome.error.code.isEmpty());
        break;
    default:
        break;
    }
}

void TestAgentClient::longPollStretchesTheTimeout()
{
    // Holds every request 2.5 s, then answers an empty change set: longer than the request
    // timeout and the low-speed time, shorter than the long-poll's wait plus those.
    TopologyChanges empty;
    empty.siteId = QStringLiteral("x");
    empty.epoch = QStringLiteral("e");
    empty.since = 5;
    empty.revision = 5;
    const QByteArray body = QJsonDocument(empty.toJson()).toJson(QJsonDocument::Compact);
    FakeHttpServer slow([body](QTcpSocket *socket, const QByteArray &) {
        QPointer<QTcpSocket> alive(socket);
        QTimer::singleShot(2500, socket, [alive, body] {
            if (alive)
                FakeHttpServer::answer(alive, 200, "application/json", body);
        });
    });
    AgentConnection connection = plainConnection();
    connection.url = slow.url();
    connection.requestTimeoutMs = 1000;
    connection.lowSpeedSeconds = 1;
    AgentClient client(*m_engine, connection);

    const auto changes = run<TopologyChanges>([&](auto done) { client.fetchChanges(5, QStringLiteral("e"), 3, done); });
    QVERIFY2(changes.value, qPrintable(describe(changes.error)));
    QCOMPARE(changes.value->revision, quint64(5));

    const auto site = run<SiteInfo>([&](auto done) { client.fetchSite(done); });
    QVERIFY2(site.error.kind == AgentError::Kind::Timeout, qPrintable(describe(site.error)));
}

void TestAgentClient::cancelledCallbackIsNeverCalled()
{
    FakeHttpServer silent([](QTcpSocket *, const QByteArray &) {});
    AgentConnection connection = plainConnection();
    connection.url = silent.url();
    AgentClient client(*m_engine, connection);
    AgentClient agentClient(*m_engine, plainConnection());
    int calls = 0;
    const AgentClient::RequestId held = client.fetchSite([&](auto, auto) { ++calls; });
    const AgentClient::RequestId immediate = agentClient.fetchTopology([&](auto, auto) { ++calls; });
    QVERIFY(held != 0 && immediate != 0 && held != immediate);
    agentClient.cancel(immediate);
    QVERIFY(waitUntil([&] { return silent.requests() == 1; }, 5'000));
    client.cancel(held);
    QCOMPARE(client.pendingCount(), 0);
    QCOMPARE(agentClient.pendingCount(), 0);
    QCOMPARE(m_engine->pendingCount(), 0);
    QTest::qWait(500);
    QCOMPARE(calls, 0);
}

void TestAgentClient::destroyingTheClientWithRequestsInFlight()
{
    FakeHttpServer silent([](QTcpSocket *, const QByteArray &) {});
    AgentConnection connection = plainConnection();
    int calls = 0;
    auto agentClient = std::make_unique<AgentClient>(*m_engine, connection);
    connection.url = silent.url();
    auto silentClient = std::make_unique<AgentClient>(*m_engine, connection);
    for (int i = 0; i < 10; ++i) {
        agentClient->fetchTopology([&](auto, auto) { ++calls; });
        silentClient->fetchSite([&](auto, auto) { ++calls; });
    }
    QVERIFY(waitUntil([&] { return silent.requests() >= 1; }, 5'000));
    const int before = calls;
    agentClient.reset();
    silentClient.reset();
    QCOMPARE(m_engine->pendingCount(), 0);
    QTest::qWait(500);
    QCOMPARE(calls, before);
}

void TestAgentClient::destroyingTheClientFromItsCallback()
{
    auto client = std::make_unique<AgentClient>(*m_engine, plainConnection());
    int calls = 0;
    for (int i = 0; i < 5; ++i) {
        client->fetchSite([&](auto, auto) {
            ++calls;
            client.reset(); // the monitor drops a site while its answers arrive
        });
    }
    QVERIFY(waitUntil([&] { return !client; }, 10'000));
    QTest::qWait(300);
    QCOMPARE(calls, 1);
    QCOMPARE(m_engine->pendingCount(), 0);
}

void TestAgentClient::concurrentRequestsReuseConnections_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addRow("plain HTTP") << false;
    QTest::addRow("TLS") << true;
}

void TestAgentClient::concurrentRequestsReuseConnections()
{
    QFETCH(bool, tls);
    CurlEngine engine; // its own connection cache, so the count below is this test's alone
    AgentClient client(engine, tls ? tlsConnection() : plainConnection());
    constexpr int Requests = 200;
    int succeeded = 0;
    QStringList failures;
    for (int i = 0; i < Requests; ++i) {
        client.fetchSite([&](std::optional<SiteInfo> site, const AgentError &error) {
            if (site)
                ++succeeded;
            else
                failures.append(describe(error));
        });
    }
    QCOMPARE(client.pendingCount(), Requests);
    QVERIFY(waitUntil([&] { return succeeded + failures.size() == Requests; }, 60'000));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    QCOMPARE(succeeded, Requests);
    QCOMPARE(client.pendingCount(), 0);
    QCOMPARE(engine.pendingCount(), 0);
    qInfo("%d requests over %lld connections", Requests, engine.connectionsOpened());
    // At most MaxHostConnections in parallel, then reused: far fewer connections than requests.
    QVERIFY2(engine.connectionsOpened() >= 1 && engine.connectionsOpened() <= 2 * CurlEngine::MaxHostConnections,
             qPrintable(QString::number(engine.connectionsOpened())));
}

void TestAgentClient::messagesSayWhatToDo_data()
{
    QTest::addColumn<AgentError::Kind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected");
    using Kind = AgentError::Kind;
    QTest::addRow("unreachable") << Kind::Unreachable << QString() << QStringLiteral("address and port");
    QTest::addRow("timeout") << Kind::Timeout << QString() << QStringLiteral("did not answer in time");
    QTest::addRow("pin mismatch") << Kind::Tls << QStringLiteral("pin_mismatch")
                                  << QStringLiteral("does not match the pinned key");
    QTest::addRow("untrusted") << Kind::Tls << QStringLiteral("untrusted_certificate") << QStringLiteral("not trusted");
    QTest::addRow("token") << Kind::Authentication << QStringLiteral("unauthorized")
                           << QStringLiteral("set the site's token again on the Environment page");
    QTest::addRow("protocol") << Kind::Protocol << QString() << QStringLiteral("cannot use");
    QTest::addRow("http") << Kind::Http << QStringLiteral("invalid_parameters") << QStringLiteral("invalid_parameters");
}

void TestAgentClient::messagesSayWhatToDo()
{
    QFETCH(AgentError::Kind, kind);
    QFETCH(QString, code);
    QFETCH(QString, expected);
    AgentError error;
    error.kind = kind;
    error.code = code;
    error.httpStatus = 401;
    error.detail = QStringLiteral("some detail");
    const QString message = error.message(QStringLiteral("Shanghai A"), QStringLiteral("https://sha:8443"));
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("Shanghai A")));
    QVERIFY(message.endsWith(QLatin1Char('.')));
    QVERIFY(!AgentError::kindName(kind).isEmpty());
    QVERIFY(AgentError().message(QStringLiteral("x"), QStringLiteral("y")).isEmpty());
}

QTEST_GUILESS_MAIN(TestAgentClient)
#include "tst_agentclient.moc"
