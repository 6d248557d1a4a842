// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/inspections/inspectioncatalog.h"
#include "agent/inspections/inspectionrunner.h"
#include "processtest.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
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
        } else if (method == "POST" && path == "/api/login") {
            if (body.contains("\"password\":\"s3cr&t\""))
                respond(socket, "200 OK", R"({"token":"tok-42"})");
            else
                respond(socket, "403 Forbidden", R"({"error":"bad credentials"})");
        } else if (path == "/api/status") {
            if (authorization == "Bearer tok-42")
                respond(socket, "200 OK", R"({"status":"UP","nodes":12})");
            else
                respond(socket, "401 Unauthorized", R"({"error":"token required"})");
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

    void catalogCheck();
    void catalogRefusals_data();
    void catalogRefusals();
    void freeScripts();
    void hangingScriptIsUnknown();
    void cookieFlow();
    void tokenFlow_data();
    void tokenFlow();
    void loginRefused();
    void probeHostNotAllowed();
    void httpTimeoutAndUnreachable();
    void starterLibrary();

private:
    InspectionCheckResult run(const QJsonObject &check, int timeoutMs = 15000);
    std::unique_ptr<InspectionRunner> create(const QJsonObject &check, InspectionRunner::Refusal *refusal);

    ProbeTarget m_target;
    QTemporaryDir m_dir;
    std::optional<InspectionCatalog> m_catalog;
    InspectionContext m_context;
};

void TestInspectionRunner::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(m_target.listen());
    // A catalog entry that shows what it received and reports a warning with evidence.
    QFile script(m_dir.filePath(QStringLiteral("echo-params.sh")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\necho \"WARNING - path $HAVEN_PARAM_PATH limit $HAVEN_PARAM_LIMIT\"\n"
                 "read line; echo \"stdin $line\"\n"
                 "echo '{\"usedPercent\": 83}'\nexit 1\n");
    script.close();
    script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QString error;
    m_catalog = InspectionCatalog::fromJson(json(R"({"format": "haven-inspection-catalog", "version": 1, "entries": [
                   {"name": "echo_params", "program": "echo-params.sh", "description": "test",
                    "parameters": {"properties": {"path": {"type": "string"}, "limit": {"type": "integer"}},
                                   "required": ["path"]}}]})"),
                                            m_dir.path(), &error);
    QVERIFY2(m_catalog, qPrintable(error));
    m_context.catalog = &*m_catalog;
    m_context.probeHosts = {QStringLiteral("127.0.0.*")};
    m_context.secrets = {{QStringLiteral("PW"), QStringLiteral("s3cr%26t")},
                         {QStringLiteral("API_PW"), QStringLiteral("s3cr&t")}};
}

std::unique_ptr<InspectionRunner> TestInspectionRunner::create(const QJsonObject &check,
                                                               InspectionRunner::Refusal *refusal)
{
    QString error;
    const std::optional<InspectionCheck> parsed = InspectionCheck::fromJson(check, &error);
    if (!parsed) {
        *refusal = {400, QStringLiteral("invalid_inspection"), error};
        return nullptr;
    }
    return InspectionRunner::create(*parsed, m_context, refusal);
}

InspectionCheckResult TestInspectionRunner::run(const QJsonObject &check, int timeoutMs)
{
    InspectionRunner::Refusal refusal;
    std::unique_ptr<InspectionRunner> runner = create(check, &refusal);
    if (!runner)
        qFatal("refused: %s", qPrintable(refusal.message));
    QList<InspectionCheckResult> results;
    connect(runner.get(), &InspectionRunner::finished, this,
            [&results](const InspectionCheckResult &result) { results.append(result); });
    runner->start();
    [&] { QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, timeoutMs); }();
    QTest::qWait(50); // finished() is emitted once only
    [&] { QCOMPARE(results.size(), 1); }();
    return results.value(0);
}

QString url(const ProbeTarget &target, const char *path)
{
    return target.url(QString::fromLatin1(path));
}

void TestInspectionRunner::catalogCheck()
{
    const InspectionCheckResult result = run(json(R"({"id": "disk", "kind": "catalog", "catalog": "echo_params",
        "target": "host-1", "parameters": {"path": "/var", "limit": 5}, "timeoutSeconds": 5})"));
    QCOMPARE(toString(result.status), QStringLiteral("warning"));
    QCOMPARE(result.checkId, QStringLiteral("disk"));
    QCOMPARE(result.target, QStringLiteral("host-1"));
    QCOMPARE(result.summary, QStringLiteral("WARNING - path /var limit 5"));
    QCOMPARE(result.evidence.value(QStringLiteral("usedPercent")).toInt(), 83);
    QVERIFY2(result.output.contains(QStringLiteral("stdin {\"limit\":5,\"path\":\"/var\"}")), qPrintable(result.output));
}

void TestInspectionRunner::catalogRefusals_data()
{
    QTest::addColumn<QJsonObject>("check");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");

    QTest::addRow("unknown entry") << json(R"({"kind": "catalog", "catalog": "rm_rf"})") << 400
                                   << "catalog: no entry \"rm_rf\"";
    QTest::addRow("missing parameter") << json(R"({"kind": "catalog", "catalog": "echo_params"})") << 400
                                       << "parameters:";
    QTest::addRow("unknown parameter") << json(R"({"kind": "catalog", "catalog": "echo_params",
                                                    "parameters": {"path": "/", "cmd": "x"}})")
                                       << 400 << "parameters:";
    QTest::addRow("free script") << json(R"({"kind": "script", "interpreter": "shell", "script": "id"})") << 403
                                 << "this agent runs only checks from its inspection catalog";
}

void TestInspectionRunner::catalogRefusals()
{
    QFETCH(QJsonObject, check);
    QFETCH(int, status);
    QFETCH(QString, message);
    InspectionRunner::Refusal refusal;
    QVERIFY(!create(check, &refusal));
    QCOMPARE(refusal.status, status);
    QVERIFY2(refusal.message.startsWith(message), qPrintable(refusal.message));
}

void TestInspectionRunner::freeScripts()
{
    m_context.allowFreeScripts = true;
    const InspectionCheckResult result = run(json(R"({"kind": "script", "interpreter": "shell",
        "script": "echo CRITICAL - lag 900 s; echo '{\"lag\": 900}'; exit 2", "timeoutSeconds": 5})"));
    const InspectionCheckResult python = run(json(R"j({"kind": "script", "interpreter": "python",
        "script": "print('all good')", "timeoutSeconds": 10})j"));
    m_context.allowFreeScripts = false;
    QCOMPARE(toString(result.status), QStringLiteral("critical"));
    QCOMPARE(result.summary, QStringLiteral("CRITICAL - lag 900 s"));
    QCOMPARE(result.evidence.value(QStringLiteral("lag")).toInt(), 900);
    QCOMPARE(toString(python.status), QStringLiteral("ok"));
    QCOMPARE(python.summary, QStringLiteral("all good"));
}

void TestInspectionRunner::hangingScriptIsUnknown()
{
    m_context.allowFreeScripts = true;
    const QString pidFile = m_dir.filePath(QStringLiteral("hang.pid"));
    QJsonObject check = json(R"({"kind": "script", "interpreter": "shell", "timeoutSeconds": 1})");
    check.insert(QStringLiteral("script"), QStringLiteral("sleep 60 & echo $! > %1; wait").arg(pidFile));
    QElapsedTimer clock;
    clock.start();
    const InspectionCheckResult result = run(check);
    m_context.allowFreeScripts = false;
    QCOMPARE(toString(result.status), QStringLiteral("unknown"));
    QVERIFY2(result.summary.contains(QStringLiteral("timed out after 1 s")), qPrintable(result.summary));
    QVERIFY(clock.elapsed() < 10'000);
    const qint64 child = readPid(pidFile);
    QVERIFY(child > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(child), 5000); // the whole group was stopped
}

void TestInspectionRunner::cookieFlow()
{
    QJsonObject check = json(R"j({"kind": "http-steps", "timeoutSeconds": 10, "steps": [
        {"request": {"method": "POST", "body": "user=ops&password=${secret:PW}"}, "conditions": {"status": [302]}},
        {"request": {}, "conditions": {"bodyContains": "ALL SYSTEMS GO", "bodyRegex": "\\((\\d+) nodes\\)"}}]})j");
    QJsonArray steps = check.value(QStringLiteral("steps")).toArray();
    const char *paths[] = {"/login", "/status"};
    for (int i = 0; i < 2; ++i) {
        QJsonObject step = steps.at(i).toObject();
        QJsonObject request = step.value(QStringLiteral("request")).toObject();
        request.insert(QStringLiteral("url"), url(m_target, paths[i]));
        step.insert(QStringLiteral("request"), request);
        steps.replace(i, step);
    }
    check.insert(QStringLiteral("steps"), steps);
    const InspectionCheckResult result = run(check);
    QCOMPARE(toString(result.status), QStringLiteral("ok"));
    QVERIFY2(result.summary.startsWith(QStringLiteral("2 steps, HTTP 200")), qPrintable(result.summary));
    QCOMPARE(result.evidence.value(QStringLiteral("matched")).toString(), QStringLiteral("(12 nodes)"));
    QVERIFY2(!result.output.contains(QStringLiteral("s3cr")), qPrintable(result.output)); // the secret stays secret
}

void TestInspectionRunner::tokenFlow_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("summary");

    QTest::addRow("holds") << R"({"path": "$.nodes", "op": ">=", "value": 3})"
                           << "ok"
                           << "2 steps, HTTP 200";
    QTest::addRow("fails with the severity") << R"({"path": "$.nodes", "op": ">=", "value": 20})"
                                             << "warning"
                                             << "step 2: $.nodes (12) >= 20 does not hold";
}

void TestInspectionRunner::tokenFlow()
{
    QFETCH(QString, condition);
    QFETCH(QString, status);
    QFETCH(QString, summary);
    QJsonObject login{{QStringLiteral("url"), url(m_target, "/api/login")},
                      {QStringLiteral("method"), QStringLiteral("POST")},
                      {QStringLiteral("headers"),
                       QJsonObject{{QStringLiteral("Content-Type"), QStringLiteral("application/json")}}},
                      {QStringLiteral("body"), QStringLiteral("{\"user\":\"ops\",\"password\":\"${secret:API_PW}\"}")}};
    QJsonObject page{{QStringLiteral("url"), url(m_target, "/api/status")},
                     {QStringLiteral("headers"),
                      QJsonObject{{QStringLiteral("Authorization"), QStringLiteral("Bearer ${token}")}}}};
    const QJsonObject check{
        {QStringLiteral("kind"), QStringLiteral("http-steps")},
        {QStringLiteral("severity"), QStringLiteral("warning")},
        {QStringLiteral("steps"),
         QJsonArray{QJsonObject{{QStringLiteral("request"), login},
                                {QStringLiteral("extract"),
                                 QJsonArray{json(R"({"name": "token", "from": "json", "path": "$.token"})")}}},
                    QJsonObject{{QStringLiteral("request"), page},
                                {QStringLiteral("conditions"),
                                 QJsonObject{{QStringLiteral("json"),
                                              QJsonArray{json(R"({"path": "$.status", "value": "UP"})"),
                                                         QJsonDocument::fromJson(condition.toUtf8()).object()}}}}}}}};
    const InspectionCheckResult result = run(check);
    QCOMPARE(toString(result.status), status);
    QVERIFY2(result.summary.startsWith(summary), qPrintable(result.summary));
    QVERIFY2(!result.output.contains(QStringLiteral("s3cr&t")), qPrintable(result.output));
}

void TestInspectionRunner::loginRefused()
{
    m_context.secrets.insert(QStringLiteral("PW"), QStringLiteral("wrong"));
    QJsonObject login{{QStringLiteral("url"), url(m_target, "/login")},
                      {QStringLiteral("method"), QStringLiteral("POST")},
                      {QStringLiteral("body"), QStringLiteral("user=ops&password=${secret:PW}")}};
    const QJsonObject check{{QStringLiteral("kind"), QStringLiteral("http-steps")},
                            {QStringLiteral("steps"),
                             QJsonArray{QJsonObject{{QStringLiteral("request"), login},
                                                    {QStringLiteral("conditions"), json(R"({"status": [302]})")}},
                                        QJsonObject{
                                            {QStringLiteral("request"),
                                             QJsonObject{{QStringLiteral("url"), url(m_target, "/status")}}}}}}};
    const InspectionCheckResult result = run(check);
    m_context.secrets.insert(QStringLiteral("PW"), QStringLiteral("s3cr%26t"));
    QCOMPARE(toString(result.status), QStringLiteral("critical"));
    QVERIFY2(result.summary.startsWith(QStringLiteral("step 1: status 401 in [302] does not hold")),
             qPrintable(result.summary));
    QCOMPARE(m_target.logins > 0, true);
    QVERIFY(!result.output.contains(QStringLiteral("wrong")));
}

void TestInspectionRunner::probeHostNotAllowed()
{
    InspectionRunner::Refusal refusal;
    QVERIFY(!create(json(R"({"kind": "http", "url": "http:\/\/10.9.8.7/health"})"), &refusal));
    QCOMPARE(refusal.status, 403);
    QCOMPARE(refusal.code, QStringLiteral("probe_host_not_allowed"));
    QVERIFY2(refusal.message.startsWith(QStringLiteral("url:")), qPrintable(refusal.message));
    QVERIFY(!create(
        json(R"({"kind": "http", "url": "http:\/\/127.0.0.1/x", "conditions": {"json": [{"path": "$.a", "value": "${secret:NOPE}"}]},
                            "headers": {"X-Key": "${secret:NOPE}"}})"),
        &refusal));
    QVERIFY2(refusal.message.contains(QStringLiteral("${secret:NOPE}")), qPrintable(refusal.message));
}

void TestInspectionRunner::httpTimeoutAndUnreachable()
{
    QJsonObject silent{{QStringLiteral("kind"), QStringLiteral("http")},
                       {QStringLiteral("url"), url(m_target, "/silent")},
                       {QStringLiteral("timeoutSeconds"), 1}};
    const InspectionCheckResult timedOut = run(silent);
    QCOMPARE(toString(timedOut.status), QStringLiteral("critical"));
    QCOMPARE(timedOut.summary, QStringLiteral("no complete answer within 1 s"));

    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const InspectionCheckResult refused = run(
        QJsonObject{{QStringLiteral("kind"), QStringLiteral("http")},
                    {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/").arg(port)},
                    {QStringLiteral("severity"), QStringLiteral("warning")}});
    QCOMPARE(toString(refused.status), QStringLiteral("warning"));
    QVERIFY2(refused.summary.contains(QStringLiteral("failed")), qPrintable(refused.summary));
}

// The catalog shipped in hooks/inspections loads, and its checks run through the hook runner.
void TestInspectionRunner::starterLibrary()
{
    QString error;
    const std::optional<InspectionCatalog> starter
        = InspectionCatalog::load(QStringLiteral(HAVEN_TEST_DATA_DIR "/../../hooks/inspections/catalog.json"), &error);
    QVERIFY2(starter, qPrintable(error));
    QVERIFY(starter->entries().size() >= 14);
    const InspectionCatalog *own = m_context.catalog;
    m_context.catalog = &*starter;
    const InspectionCheckResult disk = run(json(R"({"kind": "catalog", "catalog": "disk_space",
        "parameters": {"path": "/", "warning": 101, "critical": 102}, "timeoutSeconds": 20})"));
    const InspectionCheckResult missing = run(json(R"({"kind": "catalog", "catalog": "file_age",
        "parameters": {"path": "/nonexistent/backup-*.tar"}, "timeoutSeconds": 20})"));
    m_context.catalog = own;
    QCOMPARE(toString(disk.status), QStringLiteral("ok"));
    QVERIFY2(disk.summary.startsWith(QStringLiteral("OK - / is ")), qPrintable(disk.summary));
    QVERIFY(disk.evidence.contains(QStringLiteral("usedPercent")));
    QCOMPARE(toString(missing.status), QStringLiteral("critical"));
}

QTEST_GUILESS_MAIN(TestInspectionRunner)
#include "tst_inspectionrunner.moc"
