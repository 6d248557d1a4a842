// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's /metrics page follows Prometheus's conventions: the text builder's escaping and
// naming rules, and `promtool check metrics` on what real agents (simulated and hooks) serve.

#include "agent/http/prometheus.h"
#include "agenttest.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven;
using namespace Haven::Test;

class TestPrometheus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void labelEscaping_data();
    void labelEscaping();
    void familyNaming_data();
    void familyNaming();
    void specialValues();
    void promtoolAcceptsBuilderOutput();
    void promtoolAcceptsAgentPages_data();
    void promtoolAcceptsAgentPages();

private:
    // promtool's verdict on a page: empty when it passed, else what it said.
    static QString promtoolProblems(const QByteArray &page);

    QString m_promtool;
};

void TestPrometheus::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    initCurl();
    m_promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
}

QString TestPrometheus::promtoolProblems(const QByteArray &page)
{
    QProcess promtool;
    promtool.start(QStandardPaths::findExecutable(QStringLiteral("promtool")),
                   {QStringLiteral("check"), QStringLiteral("metrics")});
    if (!promtool.waitForStarted(10'000))
        return QStringLiteral("promtool did not start");
    promtool.write(page);
    promtool.closeWriteChannel();
    if (!promtool.waitForFinished(30'000))
        return QStringLiteral("promtool did not finish");
    const QString said = QString::fromUtf8(promtool.readAllStandardOutput() + promtool.readAllStandardError());
    if (promtool.exitStatus() != QProcess::NormalExit || promtool.exitCode() != 0 || !said.trimmed().isEmpty())
        return said.isEmpty() ? QStringLiteral("exit code %1").arg(promtool.exitCode()) : said;
    return {};
}

void TestPrometheus::labelEscaping_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("escaped");
    QTest::addRow("plain") << QStringLiteral("db-1") << QStringLiteral("db-1");
    QTest::addRow("quote") << QStringLiteral("a\"b") << QStringLiteral("a\\\"b");
    QTest::addRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("a\\\\b");
    QTest::addRow("newline") << QStringLiteral("a\nb") << QStringLiteral("a\\nb");
    QTest::addRow("all, backslash first") << QStringLiteral("\\\"\n") << QStringLiteral("\\\\\\\"\\n");
    QTest::addRow("utf-8 kept") << QStringLiteral("上海") << QStringLiteral("上海");
}

void TestPrometheus::labelEscaping()
{
    QFETCH(QString, value);
    QFETCH(QString, escaped);
    QCOMPARE(prometheusLabel(value), escaped);
    PrometheusText page;
    page.family(QStringLiteral("haven_test"), QStringLiteral("Help with \\ and\nnewline \"kept\"."));
    page.sample({{QStringLiteral("component"), value}}, 1);
    QCOMPARE(page.text(), QStringLiteral("# HELP haven_test Help with \\\\ and\\nnewline \"kept\".\n"
                                         "# TYPE haven_test gauge\nhaven_test{component=\"")
                              + escaped + QStringLiteral("\"} 1\n"));
}

void TestPrometheus::familyNaming_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("counter");
    QTest::addColumn<QString>("help");
    QTest::addColumn<bool>("wellNamed");
    QTest::addRow("gauge") << QStringLiteral("haven_lag_seconds") << false << QStringLiteral("h") << true;
    QTest::addRow("counter") << QStringLiteral("haven_runs_total") << true << QStringLiteral("h") << true;
    QTest::addRow("counter without _total") << QStringLiteral("haven_runs") << true << QStringLiteral("h") << false;
    QTest::addRow("gauge with _total") << QStringLiteral("haven_runs_total") << false << QStringLiteral("h") << false;
    QTest::addRow("no help") << QStringLiteral("haven_lag_seconds") << false << QString() << false;
}

void TestPrometheus::familyNaming()
{
    QFETCH(QString, name);
    QFETCH(bool, counter);
    QFETCH(QString, help);
    QFETCH(bool, wellNamed);
    PrometheusText page;
    page.family(name, help, counter ? PrometheusText::Type::Counter : PrometheusText::Type::Gauge);
    QCOMPARE(page.isWellNamed(), wellNamed);
    QVERIFY(page.text().contains(QStringLiteral("# TYPE ") + name
                                 + (counter ? QStringLiteral(" counter\n") : QStringLiteral(" gauge\n"))));
}

void TestPrometheus::specialValues()
{
    PrometheusText page;
    page.family(QStringLiteral("haven_test_seconds"), QStringLiteral("h"));
    page.sample(qQNaN());
    page.sample(qInf());
    page.sample(-qInf());
    page.sample(0.001);
    page.sample(1e21);
    QCOMPARE(page.text().section(QLatin1Char('\n'), 2),
             QStringLiteral("haven_test_seconds NaN\nhaven_test_seconds +Inf\nhaven_test_seconds -Inf\n"
                            "haven_test_seconds 0.001\nhaven_test_seconds 1e+21\n"));
}

void TestPrometheus::promtoolAcceptsBuilderOutput()
{
    if (m_promtool.isEmpty())
        QSKIP("promtool is not installed (Debian package prometheus; setup.sh installs it)");
    PrometheusText page;
    page.family(QStringLiteral("haven_test_lag_seconds"), QStringLiteral("Lag with \"quotes\" and \\."));
    page.sample({{QStringLiteral("link"), QStringLiteral("a\"b\\c\nd")},
                 {QStringLiteral("site"), QStringLiteral("上海")}},
                1.5);
    page.family(QStringLiteral("haven_test_runs_total"), QStringLiteral("Runs."), PrometheusText::Type::Counter);
    page.sample({{QStringLiteral("state"), QStringLiteral("ok")}}, 3);
    QCOMPARE(promtoolProblems(page.text().toUtf8()), QString());
    // The check can fail: a unit Prometheus does not want is reported.
    QVERIFY(!promtoolProblems("# HELP haven_x_milliseconds x\n# TYPE haven_x_milliseconds gauge\n"
                              "haven_x_milliseconds 1\n")
                 .isEmpty());
}

void TestPrometheus::promtoolAcceptsAgentPages_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addRow("simulated") << QStringLiteral("simulated");
    QTest::addRow("hooks") << QStringLiteral("hooks");
}

void TestPrometheus::promtoolAcceptsAgentPages()
{
    QFETCH(QString, backend);
    if (m_promtool.isEmpty())
        QSKIP("promtool is not installed (Debian package prometheus; setup.sh installs it)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AgentProcess::Options options;
    options.backend = backend;
    if (backend == QLatin1StringView("hooks")) {
        QFile catalog(dir.filePath(QStringLiteral("catalog.json")));
        QVERIFY(catalog.open(QIODevice::WriteOnly));
        catalog.write(R"({"operations":[],"faults":{}})");
        catalog.close();
        options.catalog = catalog.fileName();
    }
    AgentProcess agent(dir.filePath(QStringLiteral("agent")));
    HAVEN_START_AGENT(agent, options);
    HttpClient client(agent.url(), agent.token());
    const HttpResult metrics = client.get(QStringLiteral("/metrics"));
    QCOMPARE(metrics.status, 200L);
    if (backend == QLatin1StringView("simulated")) {
        QVERIFY(metrics.body.contains("# TYPE haven_component_latency_seconds gauge\n"));
        QVERIFY(metrics.body.contains("# TYPE haven_component_cpu_ratio gauge\n"));
        QVERIFY(!metrics.body.contains("percent"));
    } else {
        QVERIFY(metrics.body.contains("# TYPE haven_hook_operations_total counter\n"));
    }
    QVERIFY(metrics.body.contains("# TYPE haven_agent_http_responses_total counter\n"));
    QCOMPARE(promtoolProblems(metrics.body), QString());
}

QTEST_GUILESS_MAIN(TestPrometheus)
#include "tst_prometheus.moc"
