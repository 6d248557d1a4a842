// SPDX-License-Identifier: GPL-3.0-or-later
// A revert is not done until it is confirmed: through the hooks backend of a real haven-agent,
// a revert hook that fails is retried and the fault ends up orphaned (with an alert), a revert
// that leaves the effect behind is caught by the verify hook, hooks learn their deadline, and
// --revert-faults reverts what a crashed agent left behind even when its database is damaged.

#include "faulttest.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven::Test;

namespace {

constexpr int RevertAttempts = 3;

// The effect of a fault is a file in the data directory; flag files make the revert fail
// ("revert-broken") or pretend to succeed ("revert-lies").
const QByteArray InjectHook = R"sh(cat > /dev/null
echo "$HAVEN_FAULT_EXPIRES $HAVEN_FAULT_SECONDS" > "$HAVEN_DATA_DIR/deadline-$HAVEN_FAULT_ID"
touch "$HAVEN_DATA_DIR/effect-$HAVEN_FAULT_ID"
)sh";
const QByteArray RevertHook = R"sh(cat > /dev/null
if [ -e "$HAVEN_DATA_DIR/revert-broken" ]; then echo 'tc: cannot delete qdisc'; exit 1; fi
[ -e "$HAVEN_DATA_DIR/revert-lies" ] || rm -f "$HAVEN_DATA_DIR/effect-$HAVEN_FAULT_ID"
)sh";
const QByteArray VerifyHook = R"sh(cat > /dev/null
if [ -e "$HAVEN_DATA_DIR/effect-$HAVEN_FAULT_ID" ]; then echo 'qdisc netem still on eth0'; exit 1; fi
)sh";

QString idOf(const HttpResult &result)
{
    return faultOf(result).value(QStringLiteral("id")).toString();
}

double metric(const HttpClient &client, const QByteArray &name)
{
    const QList<QByteArray> lines = client.get(QStringLiteral("/metrics")).body.split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(QByteArray(name + ' ')))
            return line.mid(name.size() + 1).toDouble();
    }
    return -1;
}

QJsonArray hostAlerts(const HttpClient &client)
{
    return componentOf(topology(client), QStringLiteral("host-") + QSysInfo::machineHostName())
        .value(QStringLiteral("alerts"))
        .toArray();
}

bool hasAlert(const QJsonArray &alerts, const QString &id)
{
    for (const QJsonValue &alert : alerts) {
        if (alert.toObject().value(QStringLiteral("id")).toString() == id)
            return alert.toObject().value(QStringLiteral("severity")).toString() == QLatin1StringView("critical");
    }
    return false;
}

} // namespace

class TestFaultRevert final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void hookLearnsItsDeadline();
    void failedRevertIsRetriedThenOrphaned();
    void revertThatLeavesTheEffectIsCaught();
    void revertFaultsMode();

private:
    void writeHook(const QString &name, const QByteArray &script);
    QString dataFile(const QString &name) const { return m_dir.filePath(QStringLiteral("agent/data/") + name); }
    void flag(const QString &name, bool on);
    QString inject(const HttpClient &client);

    QTemporaryDir m_dir;
    QString m_catalog;
    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<HttpClient> m_client;
};

void TestFaultRevert::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    initCurl();
    QVERIFY(m_dir.isValid());
    writeHook(QStringLiteral("inject.sh"), InjectHook);
    writeHook(QStringLiteral("revert.sh"), RevertHook);
    writeHook(QStringLiteral("verify.sh"), VerifyHook);
    QFile catalog(m_dir.filePath(QStringLiteral("catalog.json")));
    QVERIFY(catalog.open(QIODevice::WriteOnly));
    catalog.write(R"({"operations":[],"faults":{
        "cpu":{"inject":["./inject.sh"],"revert":["./revert.sh"],"verify":["./verify.sh"],"timeoutSeconds":10}}})");
    catalog.close();
    m_catalog = catalog.fileName();

    m_agent = std::make_unique<AgentProcess>(m_dir.filePath(QStringLiteral("agent")));
    AgentProcess::Options options;
    options.backend = QStringLiteral("hooks");
    options.catalog = m_catalog;
    options.extraIni = QStringLiteral("\n[faults]\nrevert_attempts = %1\n").arg(RevertAttempts);
    HAVEN_START_AGENT(*m_agent, options);
    m_client = std::make_unique<HttpClient>(m_agent->url(), m_agent->token());
}

void TestFaultRevert::cleanupTestCase()
{
    m_client.reset();
    m_agent.reset();
}

void TestFaultRevert::writeHook(const QString &name, const QByteArray &script)
{
    QFile file(m_dir.filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\n" + script);
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

void TestFaultRevert::flag(const QString &name, bool on)
{
    QFile file(dataFile(name));
    if (on)
        QVERIFY(file.open(QIODevice::WriteOnly));
    else
        QVERIFY(!file.exists() || file.remove());
}

QString TestFaultRevert::inject(const HttpClient &client)
{
    const HttpResult result = client.post(QStringLiteral("/v1/faults"), cpuRequest(QSysInfo::machineHostName(), 600));
    if (result.status != 201)
        qWarning().noquote() << "inject answered" << result.status << result.body;
    const QString id = idOf(result);
    [[maybe_unused]] const bool active
        = QTest::qWaitFor([&] { return faultState(client, id) == QLatin1StringView("active"); }, 5000);
    return id;
}

void TestFaultRevert::hookLearnsItsDeadline()
{
    const QString id = inject(*m_client);
    QCOMPARE(faultState(*m_client, id), QStringLiteral("active"));
    const QJsonObject fault = fetchFault(*m_client, id);
    QFile file(dataFile(QStringLiteral("deadline-") + id));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> told = file.readAll().trimmed().split(' ');
    QCOMPARE(told.size(), 2);
    const QDateTime expires = QDateTime::fromString(QString::fromLatin1(told.at(0)), Qt::ISODateWithMs);
    const QDateTime recorded = QDateTime::fromString(fault.value(QStringLiteral("expires")).toString(),
                                                     Qt::ISODateWithMs);
    QVERIFY2(qAbs(expires.msecsTo(recorded)) < 1500, told.at(0).constData());
    QVERIFY2(told.at(1).toInt() >= 595 && told.at(1).toInt() <= 600, told.at(1).constData());

    QCOMPARE(m_client->request("DELETE", QStringLiteral("/v1/faults/") + id, {}).status, 200L);
    QTRY_COMPARE_WITH_TIMEOUT(faultState(*m_client, id), QStringLiteral("reverted"), 5000);
    const QJsonObject ended = fetchFault(*m_client, id);
    QVERIFY(ended.value(QStringLiteral("revertConfirmed")).toBool());
    QCOMPARE(ended.value(QStringLiteral("revertAttempts")).toInt(), 1);
    QVERIFY(!QFile::exists(dataFile(QStringLiteral("effect-") + id)));
}

void TestFaultRevert::failedRevertIsRetriedThenOrphaned()
{
    const double failuresBefore = metric(*m_client, "haven_agent_fault_revert_failures_total");
    const QString id = inject(*m_client);
    flag(QStringLiteral("revert-broken"), true);
    QCOMPARE(m_client->request("DELETE", QStringLiteral("/v1/faults/") + id, {}).status, 200L);

    // Never recorded as reverted: retried, then orphaned after RevertAttempts (1 s + 2 s apart).
    QTRY_COMPARE_WITH_TIMEOUT(faultState(*m_client, id), QStringLiteral("revert_failed"), 3000);
    QVERIFY(fetchFault(*m_client, id)
                .value(QStringLiteral("revertError"))
                .toString()
                .contains(QStringLiteral("tc: cannot delete qdisc")));
    QTRY_COMPARE_WITH_TIMEOUT(faultState(*m_client, id), QStringLiteral("orphaned"), 8000);
    QJsonObject fault = fetchFault(*m_client, id);
    QCOMPARE(fault.value(QStringLiteral("revertAttempts")).toInt(), RevertAttempts);
    QVERIFY(!fault.value(QStringLiteral("revertConfirmed")).toBool());
    QCOMPARE(faultsInEffect(*m_client), 1);
    QCOMPARE(metric(*m_client, "haven_agent_fault_revert_failures_total"), failuresBefore + RevertAttempts);
    QCOMPARE(metric(*m_client, "haven_agent_faults_orphaned"), 1.0);
    QTRY_VERIFY_WITH_TIMEOUT(hasAlert(hostAlerts(*m_client), QStringLiteral("orphaned-fault-") + id), 3000);
    QVERIFY(QFile::exists(dataFile(QStringLiteral("effect-") + id)));

    // Someone fixed the host: a revert on request tries again and confirms it.
    flag(QStringLiteral("revert-broken"), false);
    QCOMPARE(m_client->post(QStringLiteral("/v1/faults/%1/revert").arg(id), {}).status, 200L);
    QTRY_COMPARE_WITH_TIMEOUT(faultState(*m_client, id), QStringLiteral("reverted"), 5000);
    fault = fetchFault(*m_client, id);
    QVERIFY(fault.value(QStringLiteral("revertConfirmed")).toBool());
    QCOMPARE(fault.value(QStringLiteral("revertAttempts")).toInt(), RevertAttempts + 1);
    QCOMPARE(fault.value(QStringLiteral("endReason")).toString(), QStringLiteral("reverted on request"));
    QCOMPARE(metric(*m_client, "haven_agent_faults_orphaned"), 0.0);
    QTRY_VERIFY_WITH_TIMEOUT(!hasAlert(hostAlerts(*m_client), QStringLiteral("orphaned-fault-") + id), 3000);
    QCOMPARE(faultsInEffect(*m_client), 0);
}

void TestFaultRevert::revertThatLeavesTheEffectIsCaught()
{
    const QString id = inject(*m_client);
    flag(QStringLiteral("revert-lies"), true);
    QCOMPARE(m_client->request("DELETE", QStringLiteral("/v1/faults/") + id, {}).status, 200L);
    QTRY_COMPARE_WITH_TIMEOUT(faultState(*m_client, id), QStringLiteral("revert_failed"), 3000);
    const QString error = fetchFault(*m_client, id).value(QStringLiteral("revertError")).toString();
    QVERIFY2(error.contains(QStringLiteral("still in effect")) && error.contains(QStringLiteral("qdisc netem")),
             qPrintable(error));
    flag(QStringLiteral("revert-lies"), false);
    QTRY_COMPARE_WITH_TIMEOUT(faultState(*m_client, id), QStringLiteral("reverted"), 5000);
    QVERIFY(fetchFault(*m_client, id).value(QStringLiteral("revertConfirmed")).toBool());
}

void TestFaultRevert::revertFaultsMode()
{
    AgentProcess agent(m_dir.filePath(QStringLiteral("crashed")));
    AgentProcess::Options options;
    options.backend = QStringLiteral("hooks");
    options.catalog = m_catalog;
    HAVEN_START_AGENT(agent, options);
    QString id;
    {
        const HttpClient client(agent.url(), agent.token());
        id = inject(client);
        QCOMPARE(faultState(client, id), QStringLiteral("active"));
    }
    agent.kill();
    const QDir data(agent.workDir() + QStringLiteral("/data"));
    QVERIFY(QFile::exists(data.filePath(QStringLiteral("effect-") + id)));
    // The agent's database is damaged; the journal beside it is not.
    for (const QString &name : {QStringLiteral("agent.db-wal"), QStringLiteral("agent.db-shm")})
        QFile::remove(data.filePath(name));
    QFile database(data.filePath(QStringLiteral("agent.db")));
    QVERIFY(database.open(QIODevice::WriteOnly | QIODevice::Truncate));
    database.write(QByteArray(8192, 'x'));
    database.close();

    const auto revertFaults = [&] {
        QProcess process;
        process.start(QStringLiteral(HAVEN_AGENT_BINARY),
                      {QStringLiteral("--config"), agent.workDir() + QStringLiteral("/agent.conf"),
                       QStringLiteral("--revert-faults")});
        process.waitForFinished(30000);
        return std::make_pair(process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()));
    };
    const auto [code, output] = revertFaults();
    QVERIFY2(output.contains(QStringLiteral("fault %1 (cpu on ").arg(id)), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("reverted, and checked gone")), qPrintable(output));
    QCOMPARE(code, 0);
    QVERIFY(!QFile::exists(data.filePath(QStringLiteral("effect-") + id)));
    // Done once: the journal is empty now.
    const auto [again, secondOutput] = revertFaults();
    QCOMPARE(again, 0);
    QVERIFY2(secondOutput.contains(QStringLiteral("0 of 0 fault(s) reverted")), qPrintable(secondOutput));
}

QTEST_GUILESS_MAIN(TestFaultRevert)
#include "tst_faultrevert.moc"
