// SPDX-License-Identifier: GPL-3.0-or-later
// The libcurl multi engine on the Qt event loop: completions, cancellation, limits, and that
// timers and socket notifiers are released.

#include "app/agents/curlengine.h"

#include "agenttest.h"
#include "fakehttpserver.h"

#include <QSocketNotifier>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <curl/curl.h>

using namespace Haven;
using namespace Haven::Test;

namespace {

int notifierCount(const CurlEngine &engine)
{
    return int(engine.findChildren<QSocketNotifier *>().size());
}

CurlRequest live(const QString &baseUrl)
{
    CurlRequest request;
    request.url = baseUrl + QStringLiteral("/v1/live");
    return request;
}

// Answers every request with 200 over TLS, offering only the protocol versions it is given.
class TlsServer final : public QTcpServer
{
public:
    explicit TlsServer(QSsl::SslProtocol protocol)
        : m_protocol(protocol)
    {
        listen(QHostAddress::LocalHost, 0);
    }

    QString url() const { return QStringLiteral("https://127.0.0.1:%1/v1/live").arg(serverPort()); }
    int handshakes() const { return m_handshakes; }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        QSslConfiguration configuration = socket->sslConfiguration();
        configuration.setProtocol(m_protocol);
        QFile certificate(QStringLiteral(HAVEN_TEST_DATA_DIR "/tls/cert.pem"));
        QFile key(QStringLiteral(HAVEN_TEST_DATA_DIR "/tls/key.pem"));
        certificate.open(QIODevice::ReadOnly);
        key.open(QIODevice::ReadOnly);
        configuration.setLocalCertificate(QSslCertificate(&certificate));
        configuration.setPrivateKey(QSslKey(&key, QSsl::Ec));
        socket->setSslConfiguration(configuration);
        connect(socket, &QSslSocket::encrypted, this, [this] { ++m_handshakes; });
        connect(socket, &QSslSocket::readyRead, socket, [socket] {
            if (socket->readAll().contains("\r\n\r\n"))
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        socket->startServerEncryption();
    }

private:
    QSsl::SslProtocol m_protocol;
    int m_handshakes = 0;
};

CurlResponse runOne(CurlEngine &engine, const CurlRequest &request)
{
    std::optional<CurlResponse> response;
    engine.start(request, [&](const CurlResponse &answer) { response = answer; });
    if (!QTest::qWaitFor([&] { return response.has_value(); }, 15'000)) {
        CurlResponse lost;
        lost.curlCode = -1;
        lost.curlError = QStringLiteral("no completion within 15 s");
        return lost;
    }
    return *response;
}

} // namespace

class TestCurlEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void completesOnTheEventLoop();
    void thousandRequestsLeaveNothingBehind();
    void cancelledCallbackIsNeverCalled();
    void cancelFromAnotherCallback();
    void responseSizeIsCapped_data();
    void responseSizeIsCapped();
    void redirectsAreNotFollowed();
    void lowSpeedLimitEndsASilentServer();
    void malformedUrlFailsLater();
    void destroyedWithTransfersInFlight();
    void proxyVariablesAreIgnored();
    void tlsBelow13IsRefused_data();
    void tlsBelow13IsRefused();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AgentProcess> m_agent;
};

void TestCurlEngine::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_agent = std::make_unique<AgentProcess>(m_dir.path());
    HAVEN_START_AGENT(*m_agent, AgentProcess::Options());
}

void TestCurlEngine::cleanupTestCase()
{
    m_agent.reset();
}

void TestCurlEngine::completesOnTheEventLoop()
{
    CurlEngine engine;
    bool called = false;
    CurlResponse response;
    engine.start(live(m_agent->url()), [&](const CurlResponse &r) {
        called = true;
        response = r;
    });
    QVERIFY(!called); // never from inside start()
    QCOMPARE(engine.pendingCount(), 1);
    QVERIFY(waitUntil([&] { return called; }, 10'000));
    QCOMPARE(response.curlCode, int(CURLE_OK));
    QCOMPARE(response.httpStatus, 200L);
    QVERIFY(response.contentType.startsWith("application/json"));
    QVERIFY(response.body.contains("\"ok\""));
    QCOMPARE(response.connectionsOpened, 1L);
    QCOMPARE(engine.pendingCount(), 0);
}

void TestCurlEngine::thousandRequestsLeaveNothingBehind()
{
    CurlEngine engine;
    int succeeded = 0;
    int failed = 0;
    // Ten waves of 100 concurrent requests: libcurl queues what exceeds the per-host limit.
    for (int wave = 0; wave < 10; ++wave) {
        for (int i = 0; i < 100; ++i) {
            engine.start(live(m_agent->url()), [&](const CurlResponse &response) {
                (response.curlCode == CURLE_OK && response.httpStatus == 200 ? succeeded : failed) += 1;
            });
        }
        QVERIFY(notifierCount(engine) <= 2 * CurlEngine::MaxHostConnections);
        QVERIFY2(waitUntil([&] { return engine.pendingCount() == 0; }, 30'000),
                 qPrintable(QStringLiteral("%1 pending").arg(engine.pendingCount())));
    }
    QCOMPARE(failed, 0);
    QCOMPARE(succeeded, 1000);
    qInfo("1000 requests over %lld connections", engine.connectionsOpened());
    // Connections are kept and reused, not one per request.
    QVERIFY2(engine.connectionsOpened() <= 4 * CurlEngine::MaxHostConnections,
             qPrintable(QString::number(engine.connectionsOpened())));
    // Idle cached connections need no notifiers: nothing grows with the number of requests.
    QTest::qWait(50);
    QVERIFY2(notifierCount(engine) <= 2 * CurlEngine::MaxHostConnections,
             qPrintable(QString::number(notifierCount(engine))));
}

void TestCurlEngine::cancelledCallbackIsNeverCalled()
{
    FakeHttpServer silent([](QTcpSocket *, const QByteArray &) {});
    CurlEngine engine;
    int calls = 0;
    CurlRequest request = live(silent.url());
    const CurlEngine::RequestId held = engine.start(request, [&](const CurlResponse &) { ++calls; });
    // Cancelled before the event loop ran once: it never even connects.
    const CurlEngine::RequestId early = engine.start(live(m_agent->url()), [&](const CurlResponse &) { ++calls; });
    engine.cancel(early);
    QCOMPARE(engine.pendingCount(), 1);
    QVERIFY(waitUntil([&] { return silent.requests() == 1; }, 5'000));
    engine.cancel(held);
    QCOMPARE(engine.pendingCount(), 0);
    engine.cancel(held); // twice is harmless
    engine.cancel(12345);
    QTest::qWait(300);
    QCOMPARE(calls, 0);
    QCOMPARE(notifierCount(engine), 0);
}

void TestCurlEngine::cancelFromAnotherCallback()
{
    FakeHttpServer silent([](QTcpSocket *, const QByteArray &) {});
    CurlEngine engine;
    bool heldCalled = false;
    bool firstCalled = false;
    const CurlEngine::RequestId held = engine.start(live(silent.url()),
                                                    [&](const CurlResponse &) { heldCalled = true; });
    engine.start(live(m_agent->url()), [&](const CurlResponse &) {
        firstCalled = true;
        engine.cancel(held);
        engine.start(live(m_agent->url()), {}); // starting from a callback works too
    });
    QVERIFY(waitUntil([&] { return firstCalled; }, 10'000));
    QVERIFY(waitUntil([&] { return engine.pendingCount() == 0; }, 10'000));
    QVERIFY(!heldCalled);
}

void TestCurlEngine::responseSizeIsCapped_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("curlCode");
    QTest::addRow("endless chunked body")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
        << int(CURLE_WRITE_ERROR);
    QTest::addRow("declares 2 GB and keeps sending")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2147483648\r\n\r\n")
        << int(CURLE_FILESIZE_EXCEEDED);
    QTest::addRow("no length, close-delimited")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n")
        << int(CURLE_WRITE_ERROR);
}

void TestCurlEngine::responseSizeIsCapped()
{
    QFETCH(QByteArray, head);
    QFETCH(int, curlCode);
    qint64 sent = 0;
    FakeHttpServer server([&](QTcpSocket *socket, const QByteArray &) { FakeHttpServer::stream(socket, head, &sent); });
    CurlEngine engine;
    CurlRequest request = live(server.url());
    request.maxResponseBytes = 4 << 20;
    const qint64 before = residentKiB();
    std::optional<CurlResponse> response;
    engine.start(request, [&](const CurlResponse &r) { response = r; });
    QVERIFY(waitUntil([&] { return response.has_value(); }, 20'000));
    QCOMPARE(response->curlCode, curlCode);
    QVERIFY(response->tooLarge);
    QCOMPARE(response->maxResponseBytes, qint64(4 << 20));
    QVERIFY(response->body.size() <= request.maxResponseBytes);
    const qint64 grownKiB = residentKiB() - before;
    QVERIFY2(grownKiB < 48 * 1024, qPrintable(QStringLiteral("grew by %1 KiB").arg(grownKiB)));
}

void TestCurlEngine::redirectsAreNotFollowed()
{
    FakeHttpServer server([](QTcpSocket *socket, const QByteArray &) {
        socket->write("HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n");
    });
    CurlEngine engine;
    std::optional<CurlResponse> response;
    engine.start(live(server.url()), [&](const CurlResponse &r) { response = r; });
    QVERIFY(waitUntil([&] { return response.has_value(); }, 10'000));
    QCOMPARE(response->curlCode, int(CURLE_OK));
    QCOMPARE(response->httpStatus, 302L);
    QCOMPARE(server.requests(), 1);
}

void TestCurlEngine::lowSpeedLimitEndsASilentServer()
{
    FakeHttpServer silent([](QTcpSocket *, const QByteArray &) {});
    CurlEngine engine;
    CurlRequest request = live(silent.url());
    request.timeoutMs = 0; // only the low-speed limit can end it
    request.lowSpeedSeconds = 1;
    std::optional<CurlResponse> response;
    engine.start(request, [&](const CurlResponse &r) { response = r; });
    QVERIFY(waitUntil([&] { return response.has_value(); }, 10'000));
    QCOMPARE(response->curlCode, int(CURLE_OPERATION_TIMEDOUT));
    QCOMPARE(response->httpStatus, 0L);
    QVERIFY(!response->curlError.isEmpty());
    QTest::qWait(50);
    QCOMPARE(notifierCount(engine), 0);
}

void TestCurlEngine::malformedUrlFailsLater()
{
    CurlEngine engine;
    std::optional<CurlResponse> response;
    CurlRequest request;
    request.url = QStringLiteral("gopher://127.0.0.1:1/");
    engine.start(request, [&](const CurlResponse &r) { response = r; });
    QVERIFY(!response);
    QVERIFY(waitUntil([&] { return response.has_value(); }, 5'000));
    QCOMPARE(response->curlCode, int(CURLE_UNSUPPORTED_PROTOCOL));
}

void TestCurlEngine::destroyedWithTransfersInFlight()
{
    FakeHttpServer silent([](QTcpSocket *, const QByteArray &) {});
    int calls = 0;
    int callsAtDestruction = 0;
    {
        CurlEngine engine;
        for (int i = 0; i < 10; ++i) {
            engine.start(live(silent.url()), [&](const CurlResponse &) { ++calls; });
            engine.start(live(m_agent->url()), [&](const CurlResponse &) { ++calls; });
        }
        QVERIFY(waitUntil([&] { return silent.requests() == int(CurlEngine::MaxHostConnections); }, 5'000));
        QVERIFY(engine.pendingCount() >= 10);
        callsAtDestruction = calls;
    }
    QTest::qWait(300);
    QCOMPARE(calls, callsAtDestruction);
}

QTEST_GUILESS_MAIN(TestCurlEngine)
#include "tst_curlengine.moc"

void TestCurlEngine::proxyVariablesAreIgnored()
{
    // A "proxy" that would see every request routed through it.
    FakeHttpServer proxy(
        [](QTcpSocket *socket, const QByteArray &) { FakeHttpServer::answer(socket, 502, "text/plain", "proxied"); });
    const QByteArray saved[] = {qgetenv("http_proxy"), qgetenv("ALL_PROXY")};
    qputenv("http_proxy", proxy.url().toUtf8());
    qputenv("ALL_PROXY", proxy.url().toUtf8());
    CurlEngine engine;
    const CurlResponse direct = runOne(engine, live(m_agent->url()));
    qputenv("http_proxy", saved[0]);
    qputenv("ALL_PROXY", saved[1]);
    QCOMPARE(direct.curlCode, 0);
    QCOMPARE(direct.httpStatus, 200L);
    QCOMPARE(proxy.requests(), 0);

    // The same request with a configured proxy goes through it: the variable was what was ignored.
    CurlRequest configured = live(m_agent->url());
    configured.proxy = proxy.url();
    const CurlResponse proxied = runOne(engine, configured);
    QCOMPARE(proxied.httpStatus, 502L);
    QCOMPARE(proxy.requests(), 1);
}

void TestCurlEngine::tlsBelow13IsRefused_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<bool>("tls13Minimum");
    QTest::addColumn<bool>("served");
    QTest::addRow("agent offers 1.3") << int(QSsl::TlsV1_3OrLater) << true << true;
    QTest::addRow("agent offers only 1.2") << int(QSsl::TlsV1_2) << true << false;
    QTest::addRow("1.2 where the floor was lowered") << int(QSsl::TlsV1_2) << false << true;
}

void TestCurlEngine::tlsBelow13IsRefused()
{
    QFETCH(int, protocol);
    QFETCH(bool, tls13Minimum);
    QFETCH(bool, served);
    TlsServer server{QSsl::SslProtocol(protocol)};
    QVERIFY(server.isListening());
    CurlRequest request;
    request.url = server.url();
    request.pin = pinOf(QStringLiteral(HAVEN_TEST_DATA_DIR "/tls/cert.pem"));
    request.tls13Minimum = tls13Minimum;
    CurlEngine engine;
    const CurlResponse response = runOne(engine, request);
    if (served) {
        QCOMPARE(response.curlError, QString());
        QCOMPARE(response.httpStatus, 200L);
    } else {
        QVERIFY(response.curlCode != 0);
        QCOMPARE(response.httpStatus, 0L);
        QCOMPARE(server.handshakes(), 0);
    }
}
