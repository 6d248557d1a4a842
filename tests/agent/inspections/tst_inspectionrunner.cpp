// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/inspections/inspectionrunner.h"
#include "processtest.h"

#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>

#include <signal.h>

using namespace Haven;
using Haven::Test::processAlive;
using Haven::Test::readPid;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in the test: %s", qPrintable(error.errorString()));
    return document.object();
}

// A small web application: a login form that sets a session cookie, a status page that needs
// it, a page behind basic authentication, a failing page and one that never answers.
class ProbeTarget final : public QObject
{
public:
    ProbeTarget()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }
    int logins = 0;

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &request = m_pending[socket];
        request.append(socket->readAll());
        const qsizetype headerEnd = request.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = request.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        QByteArray cookie, authorization;
        qsizetype contentLength = 0;
        for (const QByteArray &line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "cookie")
                cookie = value;
            else if (name == "authorization")
                authorization = value;
            else if (name == "content-length")
                contentLength = value.toLongLong();
        }
        if (request.size() < headerEnd + 4 + contentLength)
            return;
        const QByteArray body = request.mid(headerEnd + 4, contentLength);
        const QByteArray method = requestLine.value(0);
        const QByteArray path = requestLine.value(1);

        if (method == "POST" && path == "/login") {
            ++logins;
            QList<QByteArray> form = body.split('&');
            std::sort(form.begin(), form.end());
            if (form == QList<QByteArray>{"password=s3cr%26t", "user=ops"})
                respond(socket, "302 Found", "welcome",
                        "Set-Cookie: session=abc123; Path=/; HttpOnly\r\n"
                        "Location: /status\r\n");
            else
                respond(socket, "401 Unauthorized", "bad credentials");
        } else if (path == "/status") {
            if (cookie.contains("session=abc123"))
                respond(socket, "200 OK", "<html><body>Cluster state: ALL SYSTEMS GO (12 nodes)</body></html>");
            else
                respond(socket, "401 Unauthorized", "login required");
        } else if (path == "/basic") {
            if (authorization == "Basic " + QByteArray("ops:s3cret").toBase64())
                respond(socket, "200 OK", "basic ok");
            else
                respond(socket, "401 Unauthorized", "who are you", "WWW-Authenticate: Basic realm=\"x\"\r\n");
        } else if (path == "/broken") {
            respond(socket, "500 Internal Server Error", "database unreachable");
        } else if (path == "/silent") {
            // never answers
        } else {
            respond(socket, "404 Not Found", "no such page");
        }
    }

    void respond(QTcpSocket *socket, const QByteArray &status, const QByteArray &body,
                 const QByteArray &extraHeaders = {})
    {
        socket->write("HTTP/1.1 " + status + "\r\nContent-Type: text/html\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body);
        socket->disconnectFromHost();
        m_pending.remove(socket);
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_pending;
};

} // namespace

class TestInspectionRunner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void script_data();
    void script();
    void scriptTimeoutStopsEveryProcess();
    void cancelScript();
    void http_data();
    void http();
    void httpFormLoginKeepsCookies();
    void httpTimeout();
    void invalidRequests_data();
    void invalidRequests();

private:
    InspectionResult run(InspectionRunner &runner, int timeoutMs = 15000);

    ProbeTarget m_target;
    QTemporaryDir m_dir;
};

void TestInspectionRunner::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(m_target.listen());
}

InspectionResult TestInspectionRunner::run(InspectionRunner &runner, int timeoutMs)
{
    QList<InspectionResult> results;
    connect(&runner, &InspectionRunner::finished, this,
            [&results](const InspectionResult &result) { results.append(result); });
    runner.start();
    [&] { QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, timeoutMs); }();
    QTest::qWait(50); // finished() is emitted once only
    [&] { QCOMPARE(results.size(), 1); }();
    return results.value(0);
}

void TestInspectionRunner::script_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("evidence");

    QTest::addRow("shell passes") << json(
        R"({"kind":"script","interpreter":"shell","script":"echo disk ok; echo warn >&2","timeoutSeconds":5})")
                                  << "pass"
                                  << "exit code 0"
                                  << "exit code 0\ndisk ok\nwarn";
    QTest::addRow("shell fails with its exit code") << json(
        R"({"kind":"script","interpreter":"shell","script":"echo replication lag 900s; exit 3","timeoutSeconds":5})")
                                                    << "fail"
                                                    << "exit code 3, expected 0"
                                                    << "exit code 3\nreplication lag 900s";
    QTest::addRow("expected exit code") << json(
        R"({"kind":"script","interpreter":"shell","script":"exit 3","timeoutSeconds":5,"expectExitCode":3})")
                                        << "pass"
                                        << "exit code 3"
                                        << "exit code 3";
    QTest::addRow("output matches") << json(
        R"({"kind":"script","interpreter":"shell","script":"echo lag=2s","timeoutSeconds":5,
                    "expectOutput":"^lag=[0-9]s$"})")
                                    << "pass"
                                    << "exit code 0, output matches /^lag=[0-9]s$/"
                                    << "exit code 0\nlag=2s";
    QTest::addRow("output does not match")
        << json(R"({"kind":"script","interpreter":"shell","script":"echo lag=120s","timeoutSeconds":5,
                    "expectOutput":"^lag=[0-9]s$"})")
        << "fail"
        << "output does not match /^lag=[0-9]s$/"
        << "exit code 0\nlag=120s";
    QTest::addRow("python") << json(
        R"({"kind":"script","interpreter":"python","timeoutSeconds":10,"expectOutput":"python 3",
                    "script":"import sys\nprint('python', sys.version_info[0])\n"})")
                            << "pass"
                            << "exit code 0, output matches /python 3/"
                            << "exit code 0\npython 3";
    QTest::addRow("python exception") << json(
        R"j({"kind":"script","interpreter":"python","timeoutSeconds":10,"script":"raise SystemExit('no quorum')"})j")
                                      << "fail"
                                      << "exit code 1, expected 0"
                                      << "exit code 1\nno quorum";
    QTest::addRow("killed by a signal") << json(
        R"({"kind":"script","interpreter":"shell","script":"kill -9 $$","timeoutSeconds":5})")
                                        << "error"
                                        << "the script was killed by signal 9"
                                        << "the script was killed by signal 9";
}

void TestInspectionRunner::script()
{
    QFETCH(QJsonObject, request);
    QString error;
    const std::unique_ptr<InspectionRunner> runner = InspectionRunner::create(request, &error);
    QVERIFY2(runner, qPrintable(error));
    const InspectionResult result = run(*runner);
    QTEST(result.verdict, "verdict");
    QTEST(result.summary, "summary");
    QTEST(result.evidence.trimmed(), "evidence");
    QVERIFY(result.durationMs >= 0 && result.durationMs < 10000);
}

void TestInspectionRunner::scriptTimeoutStopsEveryProcess()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("inspection-grandchild.pid"));
    QJsonObject request = json(R"({"kind":"script","interpreter":"shell","timeoutSeconds":1})");
    request.insert(QStringLiteral("script"),
                   QStringLiteral("sleep 60 & echo $! > '%1'; echo started; sleep 60").arg(pidFile));
    QString error;
    const std::unique_ptr<InspectionRunner> runner = InspectionRunner::create(request, &error);
    QVERIFY2(runner, qPrintable(error));

    const InspectionResult result = run(*runner);
    QCOMPARE(result.verdict, QStringLiteral("error"));
    QCOMPARE(result.summary, QStringLiteral("timed out after 1 s"));
    QVERIFY2(result.evidence.contains(QStringLiteral("started")), qPrintable(result.evidence));
    QVERIFY(result.durationMs >= 900 && result.durationMs < 8000);
    const qint64 grandchild = readPid(pidFile);
    QVERIFY(grandchild > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(grandchild), 5000);
}

void TestInspectionRunner::cancelScript()
{
    QString error;
    const std::unique_ptr<InspectionRunner> runner = InspectionRunner::create(
        json(R"({"kind":"script","interpreter":"shell","script":"sleep 30","timeoutSeconds":60})"), &error);
    QVERIFY2(runner, qPrintable(error));
    QTimer::singleShot(200, runner.get(), &InspectionRunner::cancel);
    const InspectionResult result = run(*runner);
    QCOMPARE(result.verdict, QStringLiteral("error"));
    QCOMPARE(result.summary, QStringLiteral("cancelled"));
    QVERIFY(result.durationMs < 5000);
}

void TestInspectionRunner::http_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("evidence"); // a part of it

    const auto probe = [this](const QString &path, const char *rest) {
        QJsonObject request = json(rest);
        request.insert(QStringLiteral("kind"), QStringLiteral("http"));
        request.insert(QStringLiteral("url"), m_target.url(path));
        return request;
    };
    QTest::addRow("basic credentials") << probe(QStringLiteral("/basic"),
                                                R"({"login":{"type":"basic","user":"ops","password":"s3cret"},
                                              "bodyContains":"basic ok"})")
                                       << "pass"
                                       << "HTTP 200, content as expected"
                                       << "body contains \"basic ok\": yes";
    QTest::addRow("page needs a login") << probe(QStringLiteral("/status"), R"({"bodyContains":"ALL SYSTEMS GO"})")
                                        << "fail"
                                        << "HTTP 401, expected 200"
                                        << "-> HTTP 401 Unauthorized, 14 bytes";
    QTest::addRow("wrong status") << probe(QStringLiteral("/broken"), "{}") << "fail"
                                  << "HTTP 500, expected 200"
                                  << "database unreachable";
    QTest::addRow("expected error status")
        << probe(QStringLiteral("/broken"), R"({"expectStatus":500,"bodyRegex":"database \\w+"})") << "pass"
        << "HTTP 500, content as expected"
        << "body matches /database \\w+/: \"database unreachable\"";
    QTest::addRow("body does not contain")
        << probe(QStringLiteral("/basic"), R"({"login":{"type":"basic","user":"ops","password":"s3cret"},
                                              "bodyContains":"ALL SYSTEMS GO"})")
        << "fail"
        << "body does not contain \"ALL SYSTEMS GO\""
        << "body contains \"ALL SYSTEMS GO\": no";
    QTest::addRow("body does not match") << probe(QStringLiteral("/broken"),
                                                  R"({"expectStatus":500,"bodyRegex":"^ok$"})")
                                         << "fail"
                                         << "body does not match /^ok$/"
                                         << "body matches /^ok$/: no";
    QTest::addRow("redirects are not followed")
        << probe(QStringLiteral("/login"), R"({"method":"POST","body":"user=ops&password=s3cr%26t"})") << "fail"
        << "HTTP 302, expected 200"
        << "-> HTTP 302 Found";

    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 closedPort = closed.serverPort();
    closed.close();
    QJsonObject refused = json(R"({"kind":"http"})");
    refused.insert(QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/health").arg(closedPort));
    QTest::addRow("connection refused") << refused << "fail"
                                        << "request failed: Connection refused"
                                        << QStringLiteral("GET http://127.0.0.1:%1/health -> Connection refused")
                                               .arg(closedPort);
}

void TestInspectionRunner::http()
{
    QFETCH(QJsonObject, request);
    QFETCH(QString, evidence);
    QString error;
    const std::unique_ptr<InspectionRunner> runner = InspectionRunner::create(request, &error);
    QVERIFY2(runner, qPrintable(error));
    const InspectionResult result = run(*runner);
    QTEST(result.verdict, "verdict");
    QTEST(result.summary, "summary");
    QVERIFY2(result.evidence.contains(evidence), qPrintable(result.evidence));
}

void TestInspectionRunner::httpFormLoginKeepsCookies()
{
    QJsonObject request = json(R"j({"kind":"http","bodyRegex":"\\((\\d+) nodes\\)","bodyContains":"ALL SYSTEMS GO"})j");
    request.insert(QStringLiteral("url"), m_target.url(QStringLiteral("/status")));
    QJsonObject login = json(R"({"type":"form","fields":{"user":"ops","password":"s3cr&t"},"expectStatus":302})");
    login.insert(QStringLiteral("url"), m_target.url(QStringLiteral("/login")));
    request.insert(QStringLiteral("login"), login);
    QString error;
    const std::unique_ptr<InspectionRunner> runner = InspectionRunner::create(request, &error);
    QVERIFY2(runner, qPrintable(error));

    const int loginsBefore = m_target.logins;
    const InspectionResult result = run(*runner);
    QCOMPARE(result.verdict, QStringLiteral("pass"));
    QCOMPARE(m_target.logins, loginsBefore + 1);
    QCOMPARE(result.details.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(result.details.value(QStringLiteral("matched")).toString(), QStringLiteral("(12 nodes)"));
    QVERIFY2(result.evidence.contains(QStringLiteral("Cluster state: ALL SYSTEMS GO")), qPrintable(result.evidence));

    // Wrong credentials: the login step fails and says so.
    login.insert(QStringLiteral("fields"), QJsonObject{{QStringLiteral("user"), QStringLiteral("ops")},
                                                       {QStringLiteral("password"), QStringLiteral("guess")}});
    request.insert(QStringLiteral("login"), login);
    const std::unique_ptr<InspectionRunner> denied = InspectionRunner::create(request, &error);
    QVERIFY2(denied, qPrintable(error));
    const InspectionResult deniedResult = run(*denied);
    QCOMPARE(deniedResult.verdict, QStringLiteral("fail"));
    QCOMPARE(deniedResult.summary, QStringLiteral("login failed: HTTP 401, expected 302"));
    QVERIFY2(deniedResult.evidence.contains(QStringLiteral("bad credentials")), qPrintable(deniedResult.evidence));
}

void TestInspectionRunner::httpTimeout()
{
    QJsonObject request = json(R"({"kind":"http","timeoutSeconds":1})");
    request.insert(QStringLiteral("url"), m_target.url(QStringLiteral("/silent")));
    QString error;
    const std::unique_ptr<InspectionRunner> runner = InspectionRunner::create(request, &error);
    QVERIFY2(runner, qPrintable(error));
    const InspectionResult result = run(*runner);
    QCOMPARE(result.verdict, QStringLiteral("fail"));
    QCOMPARE(result.summary, QStringLiteral("no complete answer within 1 s"));
    QVERIFY(result.durationMs >= 900 && result.durationMs < 5000);
}

void TestInspectionRunner::invalidRequests_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("error");

    QTest::addRow("no kind") << json("{}") << "kind: missing";
    QTest::addRow("unknown kind") << json(R"({"kind":"ping"})") << R"(kind: expected one of script | http, got "ping")";
    QTest::addRow("no timeout") << json(R"({"kind":"script","interpreter":"shell","script":"true"})")
                                << "timeoutSeconds: missing";
    QTest::addRow("timeout too long") << json(
        R"({"kind":"script","interpreter":"shell","script":"true","timeoutSeconds":7200})")
                                      << "timeoutSeconds: expected 1 to 3600, got 7200";
    QTest::addRow("fractional timeout") << json(
        R"({"kind":"script","interpreter":"shell","script":"true","timeoutSeconds":1.5})")
                                        << "timeoutSeconds: expected an integer";
    QTest::addRow("unknown interpreter") << json(
        R"({"kind":"script","interpreter":"perl","script":"1","timeoutSeconds":5})")
                                         << R"(interpreter: expected one of shell | python, got "perl")";
    QTest::addRow("empty script") << json(R"({"kind":"script","interpreter":"shell","script":"  ","timeoutSeconds":5})")
                                  << "script: is empty";
    QTest::addRow("bad output regex")
        << json(R"({"kind":"script","interpreter":"shell","script":"true","timeoutSeconds":5,"expectOutput":"(ok"})")
        << "expectOutput: invalid regular expression at offset 3: missing closing parenthesis";
    QTest::addRow("exit code out of range")
        << json(R"({"kind":"script","interpreter":"shell","script":"true","timeoutSeconds":5,"expectExitCode":256})")
        << "expectExitCode: expected 0 to 255, got 256";
    QTest::addRow("no url") << json(R"({"kind":"http"})") << "url: missing";
    QTest::addRow("not http") << json(R"({"kind":"http","url":"ftp://example.com/"})")
                              << R"(url: expected an http:// or https:// URL, got "ftp://example.com/")";
    QTest::addRow("no host") << json(R"({"kind":"http","url":"http://"})")
                             << R"(url: expected an http:// or https:// URL, got "http://")";
    QTest::addRow("bad method")
        << json(R"({"kind":"http","url":"http://127.0.0.1/","method":"FETCH"})")
        << R"(method: expected one of GET | HEAD | POST | PUT | PATCH | DELETE | OPTIONS, got "FETCH")";
    QTest::addRow("bad status") << json(R"({"kind":"http","url":"http://127.0.0.1/","expectStatus":42})")
                                << "expectStatus: expected 100 to 599, got 42";
    QTest::addRow("header not a string") << json(
        R"({"kind":"http","url":"http://127.0.0.1/","headers":{"X-Retries":3}})")
                                         << "headers.X-Retries: expected a string";
    QTest::addRow("bad body regex")
        << json(R"({"kind":"http","url":"http://127.0.0.1/","bodyRegex":"[a-"})")
        << "bodyRegex: invalid regular expression at offset 3: missing terminating ] for character class";
    QTest::addRow("http timeout too long") << json(R"({"kind":"http","url":"http://127.0.0.1/","timeoutSeconds":301})")
                                           << "timeoutSeconds: expected 1 to 300, got 301";
    QTest::addRow("login without type") << json(
        R"({"kind":"http","url":"http://127.0.0.1/","login":{"url":"http://127.0.0.1/login"}})")
                                        << "login.type: missing";
    QTest::addRow("form login without url")
        << json(R"({"kind":"http","url":"http://127.0.0.1/","login":{"type":"form"}})") << "login.url: missing";
    QTest::addRow("form field not a string") << json(
        R"({"kind":"http","url":"http://127.0.0.1/","login":{"type":"form","url":"http://127.0.0.1/l","fields":{"pin":1234}}})")
                                             << "login.fields.pin: expected a string";
    QTest::addRow("basic login without password")
        << json(R"({"kind":"http","url":"http://127.0.0.1/","login":{"type":"basic","user":"ops"}})")
        << "login.password: missing";
    QTest::addRow("missing CA file") << json(
        R"({"kind":"http","url":"https://127.0.0.1/","caFile":"/nonexistent/ca.pem"})")
                                     << "caFile: no PEM certificate could be read from /nonexistent/ca.pem";
}

void TestInspectionRunner::invalidRequests()
{
    QFETCH(QJsonObject, request);
    QString error;
    QVERIFY(!InspectionRunner::create(request, &error));
    QTEST(error, "error");
}

QTEST_GUILESS_MAIN(TestInspectionRunner)

#include "tst_inspectionrunner.moc"
