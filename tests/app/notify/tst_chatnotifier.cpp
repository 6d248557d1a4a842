// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/agents/curlengine.h"
#include "app/executions/executionengine.h"
#include "app/notify/chatnotifier.h"
#include "app/notify/chatrequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

using namespace Haven;

namespace {

const QByteArray Secret = "SECa0b1c2d3e4f5";

// A chat robot on 127.0.0.1 that checks what DingTalk checks: the timestamp and the HmacSHA256
// signature of "timestamp\nsecret", and answers like DingTalk ({"errcode": 0} or an error).
class FakeRobot final : public QObject
{
public:
    struct Request
    {
        QByteArray path;
        QList<QByteArray> headers;
        QByteArray body;
        qint64 receivedMs = 0;
    };

    FakeRobot()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            }
        });
    }

    QString url(const QString &path = QStringLiteral("/robot/send?access_token=abc")) const
    {
        return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()) + path;
    }

    QList<Request> accepted;
    int refused = 0;
    int failuresToSend = 0; // answers 500 this many times first

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        qsizetype length = 0;
        Request request;
        for (const QByteArray &line : lines.mid(1)) {
            request.headers.append(line.trimmed());
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        request.path = lines.first().split(' ').value(1);
        request.body = buffer.mid(end + 4, length);
        request.receivedMs = QDateTime::currentMSecsSinceEpoch();
        buffer.remove(0, end + 4 + length);
        answer(socket, request);
    }

    void answer(QTcpSocket *socket, const Request &request)
    {
        QByteArray body = R"({"errcode":0,"errmsg":"ok"})";
        int status = 200;
        const QUrlQuery query(QUrl(QString::fromLatin1(request.path)).query());
        const QByteArray timestamp = query.queryItemValue(QStringLiteral("timestamp")).toLatin1();
        const QByteArray sign = QByteArray::fromPercentEncoding(
            query.queryItemValue(QStringLiteral("sign"), QUrl::FullyEncoded).toLatin1());
        const QByteArray expected
            = QMessageAuthenticationCode::hash(timestamp + '\n' + Secret, Secret, QCryptographicHash::Sha256).toBase64();
        const qint64 age = QDateTime::currentMSecsSinceEpoch() - timestamp.toLongLong();
        if (failuresToSend > 0) {
            --failuresToSend;
            status = 500;
            body = "busy";
        } else if (sign != expected || age < 0 || age > 3'600'000) {
            ++refused;
            body = R"({"errcode":310000,"errmsg":"sign not match"})";
        } else {
            accepted.append(request);
        }
        socket->write("HTTP/1.1 " + QByteArray::number(status)
                      + " X\r\nContent-Type: application/json\r\n"
                        "Content-Length: "
                      + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

ChatNotifier::SecretLookup secretLookup(const QByteArray &secret)
{
    return [secret](const QString &, QObject *context,
                    std::function<void(std::optional<QByteArray>, const QString &)> done) {
        QTimer::singleShot(0, context, [done, secret] { done(secret, {}); });
    };
}

} // namespace

class TestChatNotifier final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void dingTalkSignatureAsDocumented()
    {
        // DingTalk's documented example computation: HmacSHA256(secret, "timestamp\nsecret"), base64.
        const QByteArray sign = ChatRequest::dingTalkSign(1577262236757, Secret);
        QCOMPARE(sign, QMessageAuthenticationCode::hash("1577262236757\n" + Secret, Secret, QCryptographicHash::Sha256)
                           .toBase64());
        const QString url = ChatRequest::dingTalkUrl(QStringLiteral(
                                                         "https://oapi.dingtalk.com/robot/send?access_token=t"),
                                                     1577262236757, Secret);
        QVERIFY(url.startsWith(
            QStringLiteral("https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1577262236757&sign=")));
        // base64 has + / =, which must be URL-encoded.
        QVERIFY(!url.section(QStringLiteral("sign="), 1).contains(QLatin1Char('+')));
        QVERIFY(!url.section(QStringLiteral("sign="), 1).contains(QLatin1Char('=')));

        ChatMessage message;
        message.title = QStringLiteral("t");
        message.text = QStringLiteral("### hi");
        const CurlRequest weCom = ChatRequest::build({QStringLiteral("w"),
                                                      QStringLiteral("W"),
                                                      ChatWebhookKind::WeCom,
                                                      QStringLiteral(
                                                          "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"),
                                                      {},
                                                      true},
                                                     message, {}, 1);
        const QJsonObject body = QJsonDocument::fromJson(weCom.body).object();
        QCOMPARE(body.value(QStringLiteral("msgtype")).toString(), QStringLiteral("markdown"));
        QCOMPARE(body.value(QStringLiteral("markdown")).toObject().value(QStringLiteral("content")).toString(),
                 message.text);
        const CurlRequest generic = ChatRequest::build({QStringLiteral("g"), QStringLiteral("G"),
                                                        ChatWebhookKind::Generic,
                                                        QStringLiteral("https://hooks.example/x"), QStringLiteral("s"),
                                                        true},
                                                       message, "key", 42);
        QVERIFY(
            generic.headers.contains("X-Haven-Signature: " + ChatRequest::genericSignature(42, generic.body, "key")));
    }

    void sendsSignedDigestsWithinTheRate()
    {
        QTemporaryDir dir;
        LocalStore store;
        store.open(dir.filePath(QStringLiteral("haven.db")));
        FakeRobot robot;
        CurlEngine engine;
        ChatNotifier notifier(store, engine, secretLookup(Secret));
        notifier.setLimits({5, 1500, 100, 1000, 10});
        QString error;
        QVERIFY2(notifier.saveWebhook({QStringLiteral("ops"), QStringLiteral("Ops robot"), ChatWebhookKind::DingTalk,
                                       robot.url(), QStringLiteral("ops-sign"), true},
                                      Operator::current(), &error),
                 qPrintable(error));
        QVERIFY(!notifier.saveWebhook({QStringLiteral("bad"),
                                       QStringLiteral("Bad"),
                                       ChatWebhookKind::DingTalk,
                                       QStringLiteral("ftp://x"),
                                       {},
                                       true},
                                      Operator::current(), &error));
        QVERIFY(error.contains(QStringLiteral("ftp://x")));
        for (int i = 0; i < 12; ++i)
            QCOMPARE(notifier.enqueue({QStringLiteral("ops")}, QStringLiteral("Report %1").arg(i),
                                      QStringLiteral("text")),
                     1);
        QTRY_COMPARE_WITH_TIMEOUT(robot.accepted.size(), 12, 15000);
        QCOMPARE(robot.refused, 0);
        // Never more than 5 in any 1.5 s window, and in the order they were queued.
        for (qsizetype i = 5; i < robot.accepted.size(); ++i)
            QVERIFY2(robot.accepted.at(i).receivedMs - robot.accepted.at(i - 5).receivedMs >= 1400,
                     qPrintable(QString::number(robot.accepted.at(i).receivedMs - robot.accepted.at(i - 5).receivedMs)));
        for (qsizetype i = 0; i < robot.accepted.size(); ++i) {
            const QJsonObject body = QJsonDocument::fromJson(robot.accepted.at(i).body).object();
            QCOMPARE(body.value(QStringLiteral("markdown")).toObject().value(QStringLiteral("title")).toString(),
                     QStringLiteral("Report %1").arg(i));
        }
        QTRY_COMPARE(notifier.queuedCount(), 0);
        // The audit names the robot's host and secret name, never the access token in its URL.
        const QList<AuditRecord> audit = store.auditRecords();
        QCOMPARE(audit.size(), 1);
        QVERIFY(!QJsonDocument(audit.first().details).toJson().contains("abc"));
    }

    void wrongSecretIsShownAndRetried()
    {
        LocalStore store;
        FakeRobot robot;
        CurlEngine engine;
        ChatNotifier notifier(store, engine, secretLookup("wrong"));
        notifier.setLimits({20, 60'000, 100, 400, 3});
        QString error;
        QVERIFY(notifier.saveWebhook({QStringLiteral("ops"), QStringLiteral("Ops"), ChatWebhookKind::DingTalk,
                                      robot.url(), QStringLiteral("ops-sign"), true},
                                     Operator::current(), &error));
        notifier.enqueue({QStringLiteral("ops")}, QStringLiteral("t"), QStringLiteral("x"));
        QTRY_COMPARE_WITH_TIMEOUT(notifier.failedCount(), 1, 10000);
        QCOMPARE(robot.refused, 3); // maxAttempts
        const ChatMessage failed = notifier.messages().first();
        QVERIFY2(failed.lastError.contains(QStringLiteral("310000")), qPrintable(failed.lastError));
        QCOMPARE(failed.attempts, 3);
    }

    void backsOffAndSurvivesARestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("haven.db"));
        FakeRobot robot;
        robot.failuresToSend = 1000; // down for now
        {
            LocalStore store;
            store.open(path);
            CurlEngine engine;
            ChatNotifier notifier(store, engine, secretLookup(Secret));
            notifier.setLimits({20, 60'000, 200, 10'000, 50});
            QString error;
            QVERIFY(notifier.saveWebhook({QStringLiteral("ops"), QStringLiteral("Ops"), ChatWebhookKind::DingTalk,
                                          robot.url(), QStringLiteral("ops-sign"), true},
                                         Operator::current(), &error));
            notifier.enqueue({QStringLiteral("ops")}, QStringLiteral("kept"), QStringLiteral("x"));
            QTRY_VERIFY_WITH_TIMEOUT(notifier.messages().first().attempts >= 3, 10000);
            const ChatMessage message = notifier.messages().first();
            QCOMPARE(message.state, ChatMessageState::Queued);
            QVERIFY(message.lastError.contains(QStringLiteral("HTTP 500")));
            // Backoff doubles: the third retry is at least 800 ms after the third failure.
            QVERIFY(message.nextAttempt > QDateTime::currentDateTimeUtc().addMSecs(200));
        } // the console closes with the message still queued
        robot.failuresToSend = 0;
        LocalStore store;
        store.open(path);
        CurlEngine engine;
        ChatNotifier notifier(store, engine, secretLookup(Secret));
        notifier.setLimits({20, 60'000, 200, 10'000, 50});
        QTRY_COMPARE_WITH_TIMEOUT(robot.accepted.size(), 1, 15000);
        QTRY_COMPARE(notifier.queuedCount(), 0);
        QCOMPARE(notifier.messages().first().state, ChatMessageState::Sent);
    }
};

QTEST_GUILESS_MAIN(TestChatNotifier)
#include "tst_chatnotifier.moc"
