// SPDX-License-Identifier: GPL-3.0-or-later
// Token roles of a real haven-agent (docs/agent-protocol.md, "Roles"): every role reads, each
// other role does its one kind of work, admin everything; 403 with the error shape otherwise,
// 401 for an unknown token, and failed authentications counted in /metrics.

#include "agenttest.h"

#include <QCryptographicHash>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven::Test;

namespace {

QByteArray tokenOf(const QString &role)
{
    return "token-for-" + role.toUtf8();
}

QString entry(const QString &role)
{
    return QStringLiteral("%1-1:%1:%2")
        .arg(role, QString::fromLatin1(QCryptographicHash::hash(tokenOf(role), QCryptographicHash::Sha256).toHex()));
}

} // namespace

class TestAgentRoles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void roles_data();
    void roles();
    void failuresAreCounted();
    void badTokenLineStopsTheAgent();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AgentProcess> m_agent;
};

void TestAgentRoles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    initCurl();
    QVERIFY(m_dir.isValid());
    m_agent = std::make_unique<AgentProcess>(m_dir.path());
    AgentProcess::Options options;
    // The process's own token (token_sha256, the older list) stays admin.
    options.extraIni = QStringLiteral("[auth]\ntokens = %1, %2, %3, %4\n")
                           .arg(entry(QStringLiteral("viewer")), entry(QStringLiteral("operator")),
                                entry(QStringLiteral("drill")), entry(QStringLiteral("inspector")));
    HAVEN_START_AGENT(*m_agent, options);
}

void TestAgentRoles::cleanupTestCase()
{
    m_agent.reset();
}

void TestAgentRoles::roles_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("allowed");

    const QStringList roles{QStringLiteral("viewer"), QStringLiteral("operator"), QStringLiteral("drill"),
                            QStringLiteral("inspector"), QStringLiteral("admin")};
    struct Endpoint
    {
        QByteArray method;
        QString path;
        QString role; // empty: every role
    };
    const QList<Endpoint> endpoints{
        {"GET", QStringLiteral("/v1/site"), {}},
        {"GET", QStringLiteral("/metrics"), {}},
        {"GET", QStringLiteral("/v1/faults"), {}},
        {"GET", QStringLiteral("/v1/inspection-runs"), {}},
        {"POST", QStringLiteral("/v1/actions"), QStringLiteral("operator")},
        {"POST", QStringLiteral("/v1/faults"), QStringLiteral("drill")},
        {"POST", QStringLiteral("/v1/inspections"), QStringLiteral("inspector")},
        {"PUT", QStringLiteral("/v1/inspection-tasks/t1"), QStringLiteral("inspector")},
        {"DELETE", QStringLiteral("/v1/inspection-tasks/t1"), QStringLiteral("inspector")},
    };
    for (const QString &role : roles) {
        for (const Endpoint &e : endpoints) {
            const bool allowed = e.role.isEmpty() || e.role == role || role == QLatin1StringView("admin");
            QTest::addRow("%s %s %s", qPrintable(role), e.method.constData(), qPrintable(e.path))
                << role << e.method << e.path << allowed;
        }
    }
}

void TestAgentRoles::roles()
{
    QFETCH(QString, role);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(bool, allowed);
    const QByteArray token = role == QLatin1StringView("admin") ? m_agent->token() : tokenOf(role);
    const HttpClient client(m_agent->url(), token);
    // An empty object: an allowed mutating request is refused for its body (400/422), never 403.
    const QByteArray body = method == "GET" || method == "DELETE" ? QByteArray() : QByteArray("{}");
    const HttpResult result = client.request(method, path, body, {"Content-Type: application/json"});
    if (allowed) {
        QVERIFY2(result.status != 403 && result.status != 401 && result.status != 0, result.body.constData());
    } else {
        QCOMPARE(result.status, 403L);
        QCOMPARE(result.errorCode(), QStringLiteral("forbidden"));
        const QString message
            = result.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(QStringLiteral("role ") + role), qPrintable(message));
    }
}

void TestAgentRoles::failuresAreCounted()
{
    const HttpClient viewer(m_agent->url(), tokenOf(QStringLiteral("viewer")));
    const auto failures = [&] {
        const QString page = QString::fromUtf8(viewer.get(QStringLiteral("/metrics")).body);
        for (const QString &line : page.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1StringView("haven_agent_auth_failures_total ")))
                return line.section(QLatin1Char(' '), 1).toInt();
        }
        return -1;
    };
    const int before = failures();
    QVERIFY(before >= 0);
    const HttpClient stranger(m_agent->url(), "not-a-token");
    QCOMPARE(stranger.get(QStringLiteral("/v1/site")).status, 401L);
    QCOMPARE(HttpClient(m_agent->url()).get(QStringLiteral("/v1/topology")).status, 401L);
    QCOMPARE(failures(), before + 2);
}

void TestAgentRoles::badTokenLineStopsTheAgent()
{
    QTemporaryDir dir;
    AgentProcess agent(dir.path());
    AgentProcess::Options options;
    options.extraIni = QStringLiteral("[auth]\ntokens = ops:superuser:%1\n").arg(QString(64, u'a'));
    QVERIFY(!agent.start(options));
    QVERIFY2(agent.output().contains(QStringLiteral("[auth] tokens")), qPrintable(agent.output()));
}

QTEST_GUILESS_MAIN(TestAgentRoles)
#include "tst_agentroles.moc"
