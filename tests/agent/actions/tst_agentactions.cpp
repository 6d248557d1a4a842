// SPDX-License-Identifier: GPL-3.0-or-later
// Operations through a real haven-agent: the catalog, an action's life and log, idempotency
// keys (also across a crash), and everything a client can get wrong.

#include "agenttest.h"

#include "protocol/protocol.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven::Test;

namespace {

constexpr qint64 MaxBodyBytes = 4096;

QJsonObject logChunk(const HttpClient &client, const QString &id, qint64 offset, qint64 limit = 65536)
{
    return client.get(QStringLiteral("/v1/actions/%1/log?offset=%2&limit=%3").arg(id).arg(offset).arg(limit)).json();
}

QString firstProductGroup(const HttpClient &client)
{
    const QJsonObject traffic = topology(client).value(QStringLiteral("traffic")).toObject();
    for (auto it = traffic.constBegin(); it != traffic.constEnd(); ++it) {
        if (it.value().toDouble() > 0)
            return it.key();
    }
    return {};
}

} // namespace

class TestAgentActions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void catalog();
    void lifecycleWithLogAndCancel();
    void trafficCutSucceeds();
    void idempotency();
    void keySurvivesCrash();
    void badInput_data();
    void badInput();

private:
    int actionCount() const;

    QTemporaryDir m_dir;
    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<HttpClient> m_client;
};

void TestAgentActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    initCurl();
    QVERIFY(m_dir.isValid());
    m_agent = std::make_unique<AgentProcess>(m_dir.filePath(QStringLiteral("shared")));
    AgentProcess::Options options;
    options.speed = 50;
    options.maxBodyBytes = MaxBodyBytes;
    HAVEN_START_AGENT(*m_agent, options);
    m_client = std::make_unique<HttpClient>(m_agent->url(), m_agent->token());
}

void TestAgentActions::cleanupTestCase()
{
    m_client.reset();
    m_agent.reset();
}

int TestAgentActions::actionCount() const
{
    const HttpResult result = m_client->get(QStringLiteral("/v1/actions?limit=1000"));
    return result.status == 200 ? int(result.json().value(QStringLiteral("actions")).toArray().size()) : -1;
}

void TestAgentActions::catalog()
{
    const HttpResult result = m_client->get(QStringLiteral("/v1/operations"));
    QCOMPARE(result.status, 200L);
    const QJsonArray operations = result.json().value(QStringLiteral("operations")).toArray();
    QVERIFY(!operations.isEmpty());
    QHash<QString, QJsonObject> byCode;
    for (const QJsonValue &value : operations) {
        QString error;
        const std::optional<Haven::OperationSpec> spec = Haven::OperationSpec::fromJson(value.toObject(), &error);
        QVERIFY2(spec, qPrintable(error));
        QVERIFY(!spec->code.isEmpty());
        QVERIFY(!spec->name.isEmpty());
        QVERIFY2(!byCode.contains(spec->code), qPrintable(QStringLiteral("listed twice: ") + spec->code));
        byCode.insert(spec->code, value.toObject());
    }
    for (const QString &code : {QStringLiteral("traffic.cut"), QStringLiteral("traffic.restore"),
                                QStringLiteral("app.restart"), QStringLiteral("wait.seconds")})
        QVERIFY2(byCode.contains(code), qPrintable(QStringLiteral("missing ") + code));
    int reversible = 0;
    for (const QJsonObject &spec : std::as_const(byCode)) {
        if (!spec.value(QStringLiteral("reversible")).toBool())
            continue;
        ++reversible;
        const QString code = spec.value(QStringLiteral("code")).toString();
        const QString inverse = spec.value(QStringLiteral("inverse")).toString();
        QVERIFY2(!inverse.isEmpty(), qPrintable(code + QStringLiteral(" is reversible but names no inverse")));
        QVERIFY2(byCode.contains(inverse), qPrintable(code + QStringLiteral(" names a missing inverse ") + inverse));
        QVERIFY(inverse != code);
    }
    QVERIFY(reversible > 0);
    QCOMPARE(byCode.value(QStringLiteral("traffic.cut")).value(QStringLiteral("inverse")).toString(),
             QStringLiteral("traffic.restore"));
}

void TestAgentActions::lifecycleWithLogAndCancel()
{
    const QString key = newKey();
    // Long enough (in simulated seconds) that only the cancel can end it.
    const HttpResult started = m_client->post(QStringLiteral("/v1/actions"),
                                              actionRequest(QStringLiteral("wait.seconds"),
                                                            {{QStringLiteral("seconds"), 86400}}, key));
    QCOMPARE(started.status, 201L);
    QCOMPARE(started.json().value(QStringLiteral("replayed")).toBool(true), false);
    const QJsonObject action = started.json().value(QStringLiteral("action")).toObject();
    const QString id = action.value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(action.value(QStringLiteral("idempotencyKey")).toString(), key);
    QCOMPARE(action.value(QStringLiteral("operation")).toString(), QStringLiteral("wait.seconds"));
    QVERIFY(started.headers.contains(QByteArray("/v1/actions/" + id.toUtf8()))); // Location

    QTRY_VERIFY_WITH_TIMEOUT(fetchAction(*m_client, id).value(QStringLiteral("logSize")).toInteger() > 0, 5000);
    QCOMPARE(actionState(*m_client, id), QStringLiteral("running"));

    // A small first chunk, then the rest from nextOffset.
    const QJsonObject head = logChunk(*m_client, id, 0, 4);
    QCOMPARE(head.value(QStringLiteral("offset")).toInteger(), 0);
    const QString headText = head.value(QStringLiteral("text")).toString();
    QVERIFY(!headText.isEmpty());
    QVERIFY(headText.toUtf8().size() <= 4);
    QCOMPARE(head.value(QStringLiteral("nextOffset")).toInteger(), qint64(headText.toUtf8().size()));
    QCOMPARE(head.value(QStringLiteral("complete")).toBool(true), false);

    const qint64 firstEnd = head.value(QStringLiteral("nextOffset")).toInteger();
    const QJsonObject first = logChunk(*m_client, id, firstEnd);
    const QString firstText = headText + first.value(QStringLiteral("text")).toString();
    const qint64 afterFirst = first.value(QStringLiteral("nextOffset")).toInteger();
    QCOMPARE(afterFirst, qint64(firstText.toUtf8().size()));

    const HttpResult cancelled = m_client->post(QStringLiteral("/v1/actions/%1/cancel").arg(id), {});
    QCOMPARE(cancelled.status, 202L);
    const QJsonObject done = waitForFinalAction(*m_client, id, 5000);
    QCOMPARE(done.value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
    QVERIFY(done.value(QStringLiteral("message")).toString().contains(QStringLiteral("cancel")));

    const QDateTime created = QDateTime::fromString(done.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs);
    const QDateTime startedAt = QDateTime::fromString(done.value(QStringLiteral("started")).toString(),
                                                      Qt::ISODateWithMs);
    const QDateTime finished = QDateTime::fromString(done.value(QStringLiteral("finished")).toString(),
                                                     Qt::ISODateWithMs);
    QVERIFY(created.isValid());
    QVERIFY(startedAt.isValid());
    QVERIFY(finished.isValid());
    QVERIFY(created <= startedAt);
    QVERIFY(startedAt < finished);
    QVERIFY(finished <= QDateTime::currentDateTimeUtc().addSecs(1));

    // The second read from nextOffset returns only what was written since.
    const QJsonObject second = logChunk(*m_client, id, afterFirst);
    QCOMPARE(second.value(QStringLiteral("offset")).toInteger(), afterFirst);
    const QString secondText = second.value(QStringLiteral("text")).toString();
    QVERIFY(!secondText.isEmpty()); // the cancellation is logged
    QVERIFY(!secondText.startsWith(firstText));
    QCOMPARE(second.value(QStringLiteral("complete")).toBool(), true);
    QCOMPARE(second.value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
    const QJsonObject whole = logChunk(*m_client, id, 0);
    QCOMPARE(whole.value(QStringLiteral("text")).toString(), firstText + secondText);
    QCOMPARE(whole.value(QStringLiteral("size")).toInteger(), done.value(QStringLiteral("logSize")).toInteger());
    QCOMPARE(whole.value(QStringLiteral("nextOffset")).toInteger(), whole.value(QStringLiteral("size")).toInteger());

    // Past the end: nothing, and no error.
    const QJsonObject beyond = logChunk(*m_client, id, 1'000'000);
    QCOMPARE(beyond.value(QStringLiteral("text")).toString(), QString());
    QCOMPARE(beyond.value(QStringLiteral("complete")).toBool(), true);

    // Cancelling a finished action leaves it as it is.
    QCOMPARE(m_client->post(QStringLiteral("/v1/actions/%1/cancel").arg(id), {}).status, 202L);
    QCOMPARE(fetchAction(*m_client, id).value(QStringLiteral("finished")), done.value(QStringLiteral("finished")));
    QCOMPARE(m_client->post(QStringLiteral("/v1/actions/no-such-id/cancel"), {}).status, 404L);
    QCOMPARE(m_client->get(QStringLiteral("/v1/actions/no-such-id")).status, 404L);
}

void TestAgentActions::trafficCutSucceeds()
{
    const QString group = firstProductGroup(*m_client);
    QVERIFY2(!group.isEmpty(), "the demo site serves no product group");
    const double before = topology(*m_client).value(QStringLiteral("traffic")).toObject().value(group).toDouble();
    QVERIFY(before > 0);

    const HttpResult started = m_client->post(QStringLiteral("/v1/actions"),
                                              actionRequest(QStringLiteral("traffic.cut"),
                                                            {{QStringLiteral("productGroup"), group}}, newKey()));
    QCOMPARE(started.status, 201L);
    const QString id = started.json().value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString();
    const QJsonObject done = waitForFinalAction(*m_client, id, 15'000);
    QCOMPARE(done.value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
    QVERIFY(done.value(QStringLiteral("logSize")).toInteger() > 0);
    const double after = topology(*m_client).value(QStringLiteral("traffic")).toObject().value(group).toDouble(-1);
    QVERIFY2(after >= 0 && after < 0.01, qPrintable(QString::number(after)));

    // And back, through its inverse.
    const HttpResult restore = m_client->post(QStringLiteral("/v1/actions"),
                                              actionRequest(QStringLiteral("traffic.restore"),
                                                            {{QStringLiteral("productGroup"), group}}, newKey()));
    QCOMPARE(restore.status, 201L);
    const QString restoreId
        = restore.json().value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString();
    QCOMPARE(waitForFinalAction(*m_client, restoreId, 15'000).value(QStringLiteral("state")).toString(),
             QStringLiteral("succeeded"));
    const double restored = topology(*m_client).value(QStringLiteral("traffic")).toObject().value(group).toDouble();
    QVERIFY2(qAbs(restored - before) < 0.01, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(restored)));
}

void TestAgentActions::idempotency()
{
    const QString key = newKey();
    const QJsonObject parameters{{QStringLiteral("seconds"), 1}};
    const HttpResult first = m_client->post(QStringLiteral("/v1/actions"),
                                            actionRequest(QStringLiteral("wait.seconds"), parameters, key));
    QCOMPARE(first.status, 201L);
    const QString id = first.json().value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString();

    const HttpResult again = m_client->post(QStringLiteral("/v1/actions"),
                                            actionRequest(QStringLiteral("wait.seconds"), parameters, key));
    QCOMPARE(again.status, 200L);
    QCOMPARE(again.json().value(QStringLiteral("replayed")).toBool(), true);
    QCOMPARE(again.json().value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString(), id);

    // The key in a header instead of the body means the same.
    const HttpResult header = m_client->request("POST", QStringLiteral("/v1/actions"),
                                                QJsonDocument(QJsonObject{{QStringLiteral("operation"),
                                                                           QStringLiteral("wait.seconds")},
                                                                          {QStringLiteral("parameters"), parameters}})
                                                    .toJson(QJsonDocument::Compact),
                                                {"Content-Type: application/json", "Idempotency-Key: " + key.toUtf8()});
    QCOMPARE(header.status, 200L);
    QCOMPARE(header.json().value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString(), id);

    const HttpResult otherParameters = m_client->post(QStringLiteral("/v1/actions"),
                                                      actionRequest(QStringLiteral("wait.seconds"),
                                                                    {{QStringLiteral("seconds"), 2}}, key));
    QCOMPARE(otherParameters.status, 409L);
    QCOMPARE(otherParameters.errorCode(), QStringLiteral("idempotency_conflict"));
    const HttpResult otherOperation = m_client->post(QStringLiteral("/v1/actions"),
                                                     actionRequest(QStringLiteral("health.check"), {}, key));
    QCOMPARE(otherOperation.status, 409L);
    QCOMPARE(otherOperation.errorCode(), QStringLiteral("idempotency_conflict"));

    const HttpResult byKey = m_client->get(QStringLiteral("/v1/actions?key=") + key);
    QCOMPARE(byKey.status, 200L);
    const QJsonArray found = byKey.json().value(QStringLiteral("actions")).toArray();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().toObject().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(waitForFinalAction(*m_client, id, 10'000).value(QStringLiteral("state")).toString(),
             QStringLiteral("succeeded"));
    // A finished action replays as it is now.
    const HttpResult late = m_client->post(QStringLiteral("/v1/actions"),
                                           actionRequest(QStringLiteral("wait.seconds"), parameters, key));
    QCOMPARE(late.status, 200L);
    QCOMPARE(late.json().value(QStringLiteral("action")).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("succeeded"));
}

void TestAgentActions::keySurvivesCrash()
{
    AgentProcess agent(m_dir.filePath(QStringLiteral("crash")));
    AgentProcess::Options options;
    options.speed = 50;
    HAVEN_START_AGENT(agent, options);
    const QString key = newKey();
    const QJsonObject request = actionRequest(QStringLiteral("wait.seconds"), {{QStringLiteral("seconds"), 86400}}, key);
    QString id;
    {
        const HttpClient client(agent.url(), agent.token());
        const HttpResult started = client.post(QStringLiteral("/v1/actions"), request);
        QCOMPARE(started.status, 201L);
        id = started.json().value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(actionState(client, id), QStringLiteral("running"), 5000);
    }
    agent.kill();
    QVERIFY(!agent.isRunning());
    HAVEN_START_AGENT(agent, options);

    const HttpClient client(agent.url(), agent.token());
    const HttpResult replay = client.post(QStringLiteral("/v1/actions"), request);
    QCOMPARE(replay.status, 200L);
    QCOMPARE(replay.json().value(QStringLiteral("replayed")).toBool(), true);
    const QJsonObject action = replay.json().value(QStringLiteral("action")).toObject();
    QCOMPARE(action.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(action.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QVERIFY2(action.value(QStringLiteral("message")).toString().startsWith(QLatin1StringView("interrupted")),
             qPrintable(action.value(QStringLiteral("message")).toString()));
    QVERIFY(!action.value(QStringLiteral("finished")).toString().isEmpty());

    const HttpResult byKey = client.get(QStringLiteral("/v1/actions?key=") + key);
    QCOMPARE(byKey.status, 200L);
    QCOMPARE(byKey.json().value(QStringLiteral("actions")).toArray().size(), 1);
    const QJsonArray all = client.get(QStringLiteral("/v1/actions")).json().value(QStringLiteral("actions")).toArray();
    QCOMPARE(all.size(), 1);
    QVERIFY(logChunk(client, id, 0).value(QStringLiteral("text")).toString().contains(QStringLiteral("interrupted")));
    // Nothing runs after the restart.
    QTest::qWait(200);
    QCOMPARE(actionState(client, id), QStringLiteral("failed"));
}

void TestAgentActions::badInput_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QList<QByteArray>>("headers");
    QTest::addColumn<long>("status");
    QTest::addColumn<QString>("code");

    const QList<QByteArray> json{"Content-Type: application/json"};
    auto row =
        [&](const char *name, const QByteArray &body, long status, const char *code, const QList<QByteArray> &headers) {
        QTest::addRow("%s", name) << QByteArray("POST") << body << headers << status << QString::fromLatin1(code);
    };
    row("malformed JSON", R"({"operation": "wait.seconds",)", 400, "malformed_json", json);
    row("empty body", "", 400, "malformed_json", json);
    row("array body", R"([{"operation":"wait.seconds"}])", 400, "invalid_request", json);
    row("missing operation", R"({"parameters":{"seconds":1},"idempotencyKey":"k-missing-op"})", 400, "invalid_request",
        json);
    row("operation not a string", R"({"operation":7,"parameters":{},"idempotencyKey":"k-op-type"})", 400,
        "invalid_request", json);
    row("parameters not an object", R"({"operation":"wait.seconds","parameters":[1],"idempotencyKey":"k-param-type"})",
        400, "invalid_request", json);
    row("key not a string", R"({"operation":"wait.seconds","parameters":{"seconds":1},"idempotencyKey":5})", 400,
        "invalid_request", json);
    row("missing key", R"({"operation":"wait.seconds","parameters":{"seconds":1}})", 400, "invalid_request", json);
    row("empty key", R"({"operation":"wait.seconds","parameters":{"seconds":1},"idempotencyKey":""})", 400,
        "invalid_request", json);
    row("key with a space", R"({"operation":"wait.seconds","parameters":{"seconds":1},"idempotencyKey":"a b"})", 400,
        "invalid_request", json);
    row("key too long",
        R"({"operation":"wait.seconds","parameters":{"seconds":1},"idempotencyKey":")" + QByteArray(201, 'k') + "\"}",
        400, "invalid_request", json);
    row("unknown operation", R"({"operation":"site.explode","parameters":{},"idempotencyKey":"k-unknown-op"})", 422,
        "unknown_operation", json);
    row("missing parameter", R"({"operation":"wait.seconds","parameters":{},"idempotencyKey":"k-missing-param"})", 422,
        "invalid_parameters", json);
    row("no parameters at all", R"({"operation":"traffic.cut","idempotencyKey":"k-no-params"})", 422,
        "invalid_parameters", json);
    row("parameter of the wrong type",
        R"({"operation":"wait.seconds","parameters":{"seconds":"ten"},"idempotencyKey":"k-param-wrong"})", 422,
        "invalid_parameters", json);
    row("parameter out of range",
        R"({"operation":"wait.seconds","parameters":{"seconds":-5},"idempotencyKey":"k-param-range"})", 422,
        "invalid_parameters", json);
    row("unknown parameter",
        R"({"operation":"wait.seconds","parameters":{"seconds":1,"colour":"red"},"idempotencyKey":"k-param-unknown"})",
        422, "invalid_parameters", json);
    row("unknown product group",
        R"({"operation":"traffic.cut","parameters":{"productGroup":"no-such-group"},"idempotencyKey":"k-group"})", 422,
        "invalid_parameters", json);
    row("text/plain", R"({"operation":"wait.seconds","parameters":{"seconds":1},"idempotencyKey":"k-type"})", 415,
        "unsupported_media_type", {"Content-Type: text/plain"});
    const QByteArray padding(MaxBodyBytes, ' ');
    row("body over max_body_bytes",
        R"({"operation":"wait.seconds","parameters":{"seconds":1},"idempotencyKey":"k-big")" + padding + "}", 413,
        "body_too_large", json);
    row("chunked body", R"({"operation":"wait.seconds","parameters":{"seconds":1},"idempotencyKey":"k-chunked"})", 501,
        "chunked_body", {"Content-Type: application/json", "Transfer-Encoding: chunked"});
    QTest::addRow("DELETE") << QByteArray("DELETE") << QByteArray() << QList<QByteArray>() << 405L
                            << QStringLiteral("method_not_allowed");
}

void TestAgentActions::badInput()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    QFETCH(QList<QByteArray>, headers);
    QFETCH(long, status);
    QFETCH(QString, code);

    const int before = actionCount();
    QVERIFY(before >= 0);
    const HttpResult result = m_client->request(method, QStringLiteral("/v1/actions"), body, headers);
    QVERIFY2(result.curlCode == 0, qPrintable(result.error));
    QCOMPARE(result.status, status);
    QCOMPARE(result.errorCode(), code);
    QVERIFY(
        !result.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());

    QCOMPARE(m_client->get(QStringLiteral("/v1/live")).status, 200L);
    QCOMPARE(actionCount(), before); // nothing was started
}

QTEST_GUILESS_MAIN(TestAgentActions)
#include "tst_agentactions.moc"
