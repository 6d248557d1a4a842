// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's HTTP/1.1 server in-process, spoken to over raw TCP sockets so that every byte
// on the wire is the test's choice: keep-alive, limits, slow clients and deferred answers.

#include "agent/http/httpserver.h"
#include "waituntil.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace Haven;

namespace {

struct RawResponse
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headers.value(name); }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const
    {
        return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
};

// One client connection that writes exactly what it is given and parses what comes back.
class RawClient final
{
public:
    explicit RawClient(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { m_buffer += m_socket.readAll(); });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }
    Q_DISABLE_COPY_MOVE(RawClient)

    bool waitConnected()
    {
        return Haven::Test::waitUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 2000, 5);
    }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    bool isClosed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    bool waitClosed(int timeoutMs = 2000)
    {
        return Haven::Test::waitUntil([this] { return isClosed(); }, timeoutMs, 5);
    }
    QByteArray pendingBytes() const { return m_buffer; }
    QTcpSocket &socket() { return m_socket; }

    // The next whole response, or nullopt when none arrived in time.
    std::optional<RawResponse> waitResponse(int timeoutMs = 2000)
    {
        std::optional<RawResponse> response;
        Haven::Test::waitUntil([&] { return (response = takeResponse()).has_value(); }, timeoutMs, 5);
        return response;
    }

private:
    std::optional<RawResponse> takeResponse()
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return std::nullopt;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        RawResponse response;
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        if (statusLine.size() < 2 || !statusLine.first().startsWith("HTTP/1.1"))
            return std::nullopt;
        response.status = statusLine.at(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                response.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                        lines.at(i).mid(colon + 1).trimmed());
        }
        const qint64 length = response.header("content-length").toLongLong();
        if (m_buffer.size() < end + 4 + length)
            return std::nullopt;
        response.body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        return response;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

QByteArray get(const QByteArray &target, const QByteArray &extraHeaders = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

QByteArray post(const QByteArray &target, const QByteArray &body)
{
    return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
           + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

HttpLimits shortLimits()
{
    HttpLimits limits;
    limits.maxHeaderBytes = 1024;
    limits.maxBodyBytes = 1024;
    limits.requestTimeoutMs = 400;
    limits.idleTimeoutMs = 5000;
    limits.holdLimitMs = 5000;
    return limits;
}

} // namespace

class TestHttpServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void keepAlive_data();
    void keepAlive();
    void connectionClose_data();
    void connectionClose();
    void slowClientGets408WhileOthersAreServed();
    void rejects_data();
    void rejects();
    void deferredAnswer();
    void unansweredRequestIsDroppedAtHoldLimit();
    void idleConnectionIsClosed();
    void answerAfterClientLeft_data();
    void answerAfterClientLeft();

private:
    void startServer(const HttpLimits &limits = shortLimits());
    void expectServedByNewClient();

    std::unique_ptr<HttpServer> m_server;
    QList<HttpRequest> m_requests;
    QList<HttpResponder> m_held;
};

void TestHttpServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHttpServer::init()
{
    m_requests.clear();
    m_held.clear();
    startServer();
}

void TestHttpServer::cleanup()
{
    m_held.clear();
    m_server.reset();
    QTest::qWait(1); // let deleteLater'ed sockets go
}

void TestHttpServer::startServer(const HttpLimits &limits)
{
    m_server = std::make_unique<HttpServer>(limits);
    m_server->setHandler([this](const HttpRequest &request, const HttpResponder &responder) {
        m_requests.append(request);
        if (request.path == QLatin1StringView("/hold")) {
            m_held.append(responder); // answered later by the test, like a long-poll
            return;
        }
        responder.respond(
            HttpResponse::json(200, {{QStringLiteral("method"), QString::fromLatin1(request.method)},
                                     {QStringLiteral("path"), request.path},
                                     {QStringLiteral("x"), request.query.queryItemValue(QStringLiteral("x"))},
                                     {QStringLiteral("body"), QString::fromUtf8(request.body)}}));
    });
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
}

void TestHttpServer::expectServedByNewClient()
{
    RawClient client(m_server->serverPort());
    QVERIFY(client.waitConnected());
    client.send(get("/echo?x=after"));
    const std::optional<RawResponse> response = client.waitResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->json().value(QStringLiteral("x")).toString(), QStringLiteral("after"));
}

void TestHttpServer::keepAlive_data()
{
    QTest::addColumn<bool>("pipelined");
    QTest::addRow("one after the other") << false;
    QTest::addRow("pipelined") << true;
}

void TestHttpServer::keepAlive()
{
    QFETCH(bool, pipelined);
    RawClient client(m_server->serverPort());
    QVERIFY(client.waitConnected());
    const QByteArray first = get("/echo?x=1");
    const QByteArray second = post("/echo?x=2", R"({"n":2})");

    std::optional<RawResponse> one;
    if (pipelined) {
        client.send(first + second);
        one = client.waitResponse();
    } else {
        client.send(first);
        one = client.waitResponse();
        QVERIFY(one);
        QVERIFY(client.pendingBytes().isEmpty());
        client.send(second);
    }
    QVERIFY(one);
    const std::optional<RawResponse> two = client.waitResponse();
    QVERIFY(two);

    QCOMPARE(one->status, 200);
    QCOMPARE(one->header("connection"), QByteArray("keep-alive"));
    QCOMPARE(one->json().value(QStringLiteral("x")).toString(), QStringLiteral("1"));
    QCOMPARE(one->json().value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
    QCOMPARE(two->status, 200);
    QCOMPARE(two->json().value(QStringLiteral("x")).toString(), QStringLiteral("2"));
    QCOMPARE(two->json().value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(two->json().value(QStringLiteral("body")).toString(), QStringLiteral(R"({"n":2})"));

    QCOMPARE(m_requests.size(), 2);
    QVERIFY(!client.isClosed());
    QCOMPARE(m_server->connectionCount(), 1); // both on the one connection
}

void TestHttpServer::connectionClose_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<bool>("closes");
    QTest::addRow("HTTP/1.0") << QByteArray("GET /echo HTTP/1.0\r\n\r\n") << true;
    QTest::addRow("HTTP/1.0 keep-alive") << QByteArray("GET /echo HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << false;
    QTest::addRow("HTTP/1.1 Connection: close") << get("/echo", "Connection: close\r\n") << true;
    QTest::addRow("HTTP/1.1") << get("/echo") << false;
}

void TestHttpServer::connectionClose()
{
    QFETCH(QByteArray, request);
    QFETCH(bool, closes);
    RawClient client(m_server->serverPort());
    QVERIFY(client.waitConnected());
    client.send(request);
    const std::optional<RawResponse> response = client.waitResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->header("connection"), closes ? QByteArray("close") : QByteArray("keep-alive"));
    if (closes) {
        QVERIFY(client.waitClosed());
    } else {
        QTest::qWait(100);
        QVERIFY(!client.isClosed());
    }
}

void TestHttpServer::slowClientGets408WhileOthersAreServed()
{
    const int timeoutMs = m_server->limits().requestTimeoutMs;
    RawClient slow(m_server->serverPort());
    QVERIFY(slow.waitConnected());
    QElapsedTimer slowClock;
    slowClock.start();
    slow.send("GET /echo HTTP/1.1\r\n");
    int line = 0;
    QTimer dribble;
    connect(&dribble, &QTimer::timeout, this, [&] {
        if (!slow.isClosed())
            slow.send("X-Slow-" + QByteArray::number(++line) + ": still coming\r\n");
    });
    dribble.start(timeoutMs / 4);

    QTest::qWait(timeoutMs / 3);
    RawClient quick(m_server->serverPort());
    QVERIFY(quick.waitConnected());
    QElapsedTimer quickClock;
    quickClock.start();
    quick.send(get("/echo?x=quick"));
    const std::optional<RawResponse> served = quick.waitResponse(timeoutMs);
    QVERIFY(served);
    QCOMPARE(served->status, 200);
    QVERIFY2(quickClock.elapsed() < timeoutMs / 2,
             qPrintable(QStringLiteral("served after %1 ms").arg(quickClock.elapsed())));
    QVERIFY(slow.pendingBytes().isEmpty()); // the slow one is still waiting

    const std::optional<RawResponse> rejected = slow.waitResponse(timeoutMs * 5);
    QVERIFY(rejected);
    const qint64 slowElapsed = slowClock.elapsed();
    QCOMPARE(rejected->status, 408);
    QCOMPARE(rejected->errorCode(), QStringLiteral("request_timeout"));
    QCOMPARE(rejected->header("connection"), QByteArray("close"));
    QVERIFY2(slowElapsed >= timeoutMs - 50, qPrintable(QStringLiteral("408 after %1 ms").arg(slowElapsed)));
    QVERIFY(line >= 2); // it really was dribbling while the timer ran
    QVERIFY(slow.waitClosed());
    QCOMPARE(m_requests.size(), 1); // only the quick client reached the handler
}

void TestHttpServer::rejects_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QByteArray bigHeader = "X-Big: " + QByteArray(2000, 'a') + "\r\n";
    QTest::addRow("chunked body") << QByteArray("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                                                "5\r\nhello\r\n0\r\n\r\n")
                                  << 501 << QStringLiteral("chunked_body");
    QTest::addRow("body over the cap, not sent")
        << QByteArray("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1048576\r\n\r\n") << 413
        << QStringLiteral("body_too_large");
    QTest::addRow("headers over the cap") << get("/echo", bigHeader) << 431 << QStringLiteral("header_too_large");
    QTest::addRow("headers over the cap, unfinished")
        << QByteArray("GET /echo HTTP/1.1\r\n" + bigHeader) << 431 << QStringLiteral("header_too_large");
    QTest::addRow("garbage request line") << QByteArray("GARBAGE\r\n\r\n") << 400 << QStringLiteral("bad_request");
    QTest::addRow("no version") << QByteArray("GET /echo\r\n\r\n") << 400 << QStringLiteral("bad_request");
    QTest::addRow("not HTTP") << QByteArray("GET /echo FTP/1.0\r\n\r\n") << 400 << QStringLiteral("bad_request");
    QTest::addRow("absolute target") << QByteArray("GET http://example.com/ HTTP/1.1\r\n\r\n") << 400
                                     << QStringLiteral("bad_request");
    QTest::addRow("header without colon") << get("/echo", "NoColonHere\r\n") << 400 << QStringLiteral("bad_request");
    QTest::addRow("bad Content-Length") << QByteArray("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 12abc\r\n\r\n")
                                        << 400 << QStringLiteral("bad_request");
    QTest::addRow("negative Content-Length")
        << QByteArray("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: -1\r\n\r\n") << 400
        << QStringLiteral("bad_request");
    QTest::addRow("POST without length") << QByteArray("POST /echo HTTP/1.1\r\nHost: t\r\n\r\n") << 411
                                         << QStringLiteral("length_required");
    // Strict parsing (RFC 9112): what a proxy in front could read differently is refused.
    QTest::addRow("duplicate Content-Length")
        << QByteArray("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}") << 400
        << QStringLiteral("bad_request");
    QTest::addRow("duplicate Host") << get("/echo", "Host: other\r\n") << 400 << QStringLiteral("bad_request");
    QTest::addRow("duplicate Authorization") << get("/echo", "Authorization: Bearer a\r\nAuthorization: Bearer b\r\n")
                                             << 400 << QStringLiteral("bad_request");
    QTest::addRow("space before colon") << get("/echo", "X-Thing : 1\r\n") << 400 << QStringLiteral("bad_request");
    QTest::addRow("obs-fold") << get("/echo", "X-Thing: 1\r\n  continued\r\n") << 400 << QStringLiteral("bad_request");
    QTest::addRow("bare LF") << QByteArray("GET /echo HTTP/1.1\nHost: t\n\n") << 400 << QStringLiteral("bad_request");
    QTest::addRow("bare LF in a header") << get("/echo", "X-A: 1\nX-B: 2\r\n") << 400 << QStringLiteral("bad_request");
    QTest::addRow("missing Host") << QByteArray("GET /echo HTTP/1.1\r\n\r\n") << 400 << QStringLiteral("bad_request");
    QTest::addRow("control character in a value")
        << get("/echo", QByteArray("X-A: a\x01b\r\n")) << 400 << QStringLiteral("bad_request");
    QTest::addRow("Content-Length with sign")
        << QByteArray("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: +2\r\n\r\n{}") << 400
        << QStringLiteral("bad_request");
    QTest::addRow("HTTP/1.2") << QByteArray("GET /echo HTTP/1.2\r\n\r\n") << 505 << QStringLiteral("http_version");
}

void TestHttpServer::rejects()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QString, code);
    RawClient client(m_server->serverPort());
    QVERIFY(client.waitConnected());
    client.send(request);
    const std::optional<RawResponse> response = client.waitResponse();
    QVERIFY(response);
    QCOMPARE(response->status, status);
    QCOMPARE(response->header("connection"), QByteArray("close"));
    QVERIFY(response->header("content-type").startsWith("application/json"));
    // The one error shape and nothing else.
    const QJsonObject body = response->json();
    QCOMPARE(body.keys(), QStringList{QStringLiteral("error")});
    QCOMPARE(response->errorCode(), code);
    QVERIFY(!body.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
    QVERIFY(client.waitClosed());
    QVERIFY(client.pendingBytes().isEmpty()); // exactly one answer
    QVERIFY(m_requests.isEmpty());            // the handler never saw it
    expectServedByNewClient();
}

void TestHttpServer::deferredAnswer()
{
    QSignalSpy finished(m_server.get(), &HttpServer::requestFinished);
    RawClient client(m_server->serverPort());
    QVERIFY(client.waitConnected());
    client.send(get("/hold"));
    QTRY_COMPARE(m_held.size(), 1);
    const HttpResponder responder = m_held.first();
    QVERIFY(responder.isPending());
    QTest::qWait(150);
    QVERIFY(client.pendingBytes().isEmpty()); // nothing until the handler answers
    QCOMPARE(finished.count(), 0);

    responder.respond(HttpResponse::json(200, {{QStringLiteral("late"), true}}));
    const std::optional<RawResponse> response = client.waitResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->json().value(QStringLiteral("late")).toBool(), true);
    QVERIFY(!responder.isPending());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toInt(), 200);

    // A second answer to the same request goes nowhere; the connection stays usable.
    responder.respond(HttpResponse::json(500, {{QStringLiteral("twice"), true}}));
    QTest::qWait(50);
    QVERIFY(client.pendingBytes().isEmpty());
    client.send(get("/echo?x=next"));
    const std::optional<RawResponse> next = client.waitResponse();
    QVERIFY(next);
    QCOMPARE(next->status, 200);
    QCOMPARE(next->json().value(QStringLiteral("x")).toString(), QStringLiteral("next"));
    QCOMPARE(finished.count(), 2);
}

void TestHttpServer::unansweredRequestIsDroppedAtHoldLimit()
{
    HttpLimits limits = shortLimits();
    limits.holdLimitMs = 300;
    startServer(limits);
    RawClient client(m_server->serverPort());
    QVERIFY(client.waitConnected());
    QElapsedTimer clock;
    clock.start();
    client.send(get("/hold"));
    QTRY_COMPARE(m_held.size(), 1);
    QVERIFY(client.waitClosed(3000));
    QVERIFY(clock.elapsed() >= 250);
    QVERIFY(client.pendingBytes().isEmpty()); // closed without an answer
    QTRY_VERIFY(!m_held.first().isPending());
    QCOMPARE(m_server->connectionCount(), 0);
}

void TestHttpServer::idleConnectionIsClosed()
{
    HttpLimits limits = shortLimits();
    limits.idleTimeoutMs = 300;
    startServer(limits);
    RawClient client(m_server->serverPort());
    QVERIFY(client.waitConnected());
    client.send(get("/echo"));
    QVERIFY(client.waitResponse());
    QElapsedTimer clock;
    clock.start();
    QVERIFY(client.waitClosed(3000));
    QVERIFY(clock.elapsed() >= 250);
    QVERIFY(client.pendingBytes().isEmpty()); // no 408 for a connection that had nothing to send
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

void TestHttpServer::answerAfterClientLeft_data()
{
    QTest::addColumn<bool>("abort");
    QTest::addRow("closed") << false;
    QTest::addRow("reset") << true;
}

void TestHttpServer::answerAfterClientLeft()
{
    QFETCH(bool, abort);
    QSignalSpy finished(m_server.get(), &HttpServer::requestFinished);
    {
        RawClient client(m_server->serverPort());
        QVERIFY(client.waitConnected());
        client.send(get("/hold"));
        QTRY_COMPARE(m_held.size(), 1);
        if (abort)
            client.socket().abort();
        else
            client.socket().disconnectFromHost();
        QVERIFY(client.waitClosed());
    }
    const HttpResponder responder = m_held.first();
    QTRY_VERIFY(!responder.isPending());
    QTRY_COMPARE(m_server->connectionCount(), 0);
    responder.respond(HttpResponse::json(200, {{QStringLiteral("tooLate"), true}}));
    QTest::qWait(20);
    QCOMPARE(finished.count(), 0);
    expectServedByNewClient();
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
