// SPDX-License-Identifier: GPL-3.0-or-later
// The scale-out path: trends read from Prometheus's query_range. Series keys map to the agent's
// metric names, answers are parsed and failures explained; and a real Prometheus on loopback
// scrapes two real agents, and the console's trend for a component holds exactly the values the
// agent served.
#include "agenttest.h"
#include "app/agents/curlengine.h"
#include "app/agents/secretstore.h"
#include "app/metrics/prometheussource.h"
#include "app/metrics/trendrouter.h"
#include "models/environment/environment.h"
#include "models/store/metricarchive.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Haven;
using namespace Haven::Test;

namespace {

// A port nobody listens on now (Prometheus takes a fixed one).
quint16 freePort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
}

// The values of one sample line of a /metrics page, e.g. cpu of a component.
std::optional<double> servedValue(const QByteArray &page, const QString &name, const QString &component)
{
    const QRegularExpression line(QStringLiteral("^%1\\{[^}]*component=\"%2\"[^}]*\\} (\\S+)$")
                                      .arg(QRegularExpression::escape(name), QRegularExpression::escape(component)),
                                  QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(QString::fromUtf8(page));
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toDouble();
}

struct Served
{
    qint64 timeMs;
    double value;
};

} // namespace

class TestPrometheusSource final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void mapping_data();
    void mapping();
    void parseMatrix_data();
    void parseMatrix();
    void failuresSayWhatHappened();
    void unreachablePrometheusIsAnError();
    void trendFromARealPrometheus();

private:
    // One answer of source for series over [from, to].
    static TrendResult trend(TrendSource &source, const QStringList &series, qint64 fromMs, qint64 toMs);
};

void TestPrometheusSource::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    initCurl();
}

TrendResult TestPrometheusSource::trend(TrendSource &source, const QStringList &series, qint64 fromMs, qint64 toMs)
{
    QSignalSpy loaded(&source, &TrendSource::trendLoaded);
    const quint64 id = source.requestTrend(series, fromMs, toMs);
    if (!loaded.wait(20'000))
        return TrendResult{{}, QStringLiteral("no answer")};
    if (loaded.first().at(0).toULongLong() != id)
        return TrendResult{{}, QStringLiteral("another request's answer")};
    return loaded.first().at(1).value<TrendResult>();
}

void TestPrometheusSource::mapping_data()
{
    QTest::addColumn<QString>("series");
    QTest::addColumn<QString>("selector");
    QTest::addColumn<double>("scale");
    QTest::addRow("cpu") << QStringLiteral("sha/db-1/cpu")
                         << QStringLiteral("haven_component_cpu_ratio{site=\"sha\",component=\"db-1\"}") << 100.0;
    QTest::addRow("latency") << QStringLiteral("sha/api/latencyMs")
                             << QStringLiteral("haven_component_latency_seconds{site=\"sha\",component=\"api\"}")
                             << 1000.0;
    QTest::addRow("qps") << QStringLiteral("sha/api/qps")
                         << QStringLiteral("haven_component_requests_per_second{site=\"sha\",component=\"api\"}")
                         << 1.0;
    QTest::addRow("link lag") << QStringLiteral("sha/link:l-1/lagSeconds")
                              << QStringLiteral("haven_replication_lag_seconds{site=\"sha\",link=\"l-1\"}") << 1.0;
    QTest::addRow("quotes escaped") << QStringLiteral(
        "s/a\"b\\c/memory") << QStringLiteral("haven_component_memory_ratio{site=\"s\",component=\"a\\\"b\\\\c\"}")
                                    << 100.0;
    QTest::addRow("unknown metric") << QStringLiteral("sha/db-1/temperature") << QString() << 0.0;
    QTest::addRow("not a key") << QStringLiteral("sha") << QString() << 0.0;
}

void TestPrometheusSource::mapping()
{
    QFETCH(QString, series);
    QFETCH(QString, selector);
    QFETCH(double, scale);
    const std::optional<PrometheusSource::Mapping> mapped = PrometheusSource::mapping(series);
    QCOMPARE(mapped.has_value(), !selector.isEmpty());
    if (mapped) {
        QCOMPARE(mapped->selector, selector);
        QCOMPARE(mapped->scale, scale);
    }
}

void TestPrometheusSource::parseMatrix_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("points");
    QTest::addColumn<QString>("error");
    QTest::addRow("two points") << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[
        {"metric":{},"values":[[1700000000.5,"0.25"],[1700000005,"NaN"],[1700000010,"1e-3"]]}]}})")
                                << 2 << QString();
    QTest::addRow("no series") << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[]}})") << 0
                               << QString();
    QTest::addRow("error") << QByteArray(R"({"status":"error","errorType":"bad_data","error":"parse error"})") << -1
                           << QStringLiteral("Prometheus says: parse error (bad_data)");
    QTest::addRow("vector") << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[]}})") << -1
                            << QStringLiteral("the answer is not a range of samples (resultType \"vector\")");
    QTest::addRow("not json") << QByteArray("<html>") << -1 << QStringLiteral("the answer is not JSON");
    QTest::addRow("bad sample") << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[
        {"metric":{},"values":[[1700000000,0.25]]}]}})")
                                << -1 << QStringLiteral("a sample is not [time, \"value\"]");
}

void TestPrometheusSource::parseMatrix()
{
    QFETCH(QByteArray, body);
    QFETCH(int, points);
    QFETCH(QString, error);
    QString said;
    const auto parsed = PrometheusSource::parseMatrix(body, &said);
    QCOMPARE(parsed ? int(parsed->size()) : -1, points);
    QVERIFY2(said.startsWith(error), qPrintable(said));
    if (points == 2) {
        QCOMPARE(parsed->first(), (std::pair<qint64, double>{1'700'000'000'500, 0.25}));
        QCOMPARE(parsed->last().second, 0.001);
    }
}

void TestPrometheusSource::failuresSayWhatHappened()
{
    const QString url = QStringLiteral("http://127.0.0.1:9090");
    CurlResponse refused;
    refused.curlCode = 7;
    refused.curlError = QStringLiteral("Couldn't connect to server");
    QVERIFY(PrometheusSource::describeFailure(url, refused).contains(QStringLiteral("could not be reached")));
    CurlResponse token;
    token.httpStatus = 401;
    QVERIFY(PrometheusSource::describeFailure(url, token).contains(QStringLiteral("token")));
    CurlResponse large;
    large.tooLarge = true;
    large.maxResponseBytes = 8 << 20;
    QVERIFY(PrometheusSource::describeFailure(url, large).contains(QStringLiteral("more than 8 MB")));
    CurlResponse bad;
    bad.httpStatus = 400;
    bad.body = R"({"status":"error","errorType":"bad_data","error":"invalid step"})";
    QVERIFY(PrometheusSource::describeFailure(url, bad).contains(QStringLiteral("invalid step")));
}

void TestPrometheusSource::unreachablePrometheusIsAnError()
{
    CurlEngine engine;
    PrometheusSource source(engine,
                            PrometheusSource::Settings{QStringLiteral("http://127.0.0.1:%1").arg(freePort()), {}, {}});
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const TrendResult result = trend(source, {QStringLiteral("sha/db-1/cpu")}, now - 15 * 60'000, now);
    QVERIFY2(result.error.contains(QStringLiteral("could not be reached")), qPrintable(result.error));
    QVERIFY(result.series.value(QStringLiteral("sha/db-1/cpu")).isEmpty());
}

void TestPrometheusSource::trendFromARealPrometheus()
{
    const QString prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
    if (prometheus.isEmpty())
        QSKIP("prometheus is not installed (Debian package prometheus; setup.sh installs it)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    // Two real agents, each with its own token.
    const QStringList sites = {QStringLiteral("sha"), QStringLiteral("shb")};
    std::vector<std::unique_ptr<AgentProcess>> agents;
    QString jobs;
    for (const QString &site : sites) {
        auto agent = std::make_unique<AgentProcess>(dir.filePath(QStringLiteral("agent-") + site));
        AgentProcess::Options options;
        options.profile = AgentProcess::demoProfile(site);
        options.speed = 1;
        HAVEN_START_AGENT(*agent, options);
        QFile token(dir.filePath(QStringLiteral("token-") + site));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write(agent->token());
        token.close();
        jobs += QStringLiteral("  - job_name: haven-%1\n"
                               "    authorization: {credentials_file: '%2'}\n"
                               "    static_configs: [{targets: ['127.0.0.1:%3']}]\n")
                    .arg(site, token.fileName())
                    .arg(agent->port());
        agents.push_back(std::move(agent));
    }
    QFile config(dir.filePath(QStringLiteral("prometheus.yml")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(
        QStringLiteral("global: {scrape_interval: 1s, evaluation_interval: 1s}\nscrape_configs:\n%1").arg(jobs).toUtf8());
    config.close();
    const quint16 port = freePort();
    QProcess server;
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(prometheus, {QStringLiteral("--config.file=") + config.fileName(),
                              QStringLiteral("--storage.tsdb.path=") + dir.filePath(QStringLiteral("tsdb")),
                              QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port)});
    QVERIFY(server.waitForStarted(10'000));
    auto stopServer = qScopeGuard([&server] {
        server.terminate();
        if (!server.waitForFinished(10'000))
            server.kill();
    });
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);
    HttpClient ready(url);
    QVERIFY2(waitUntil([&] { return ready.get(QStringLiteral("/-/ready")).status == 200; }, 30'000),
             server.readAll().constData());

    // The console's side: sha and shb are in a region with this Prometheus, "far" is not.
    CurlEngine engine;
    MetricArchive archive;
    archive.open(QString());
    SecretStore secrets(SecretStore::Backend::File, dir.filePath(QStringLiteral("secrets.json")));
    TrendRouter router(archive);
    Environment environment;
    Region region(QStringLiteral("east"), QStringLiteral("East"));
    region.prometheusUrl = url;
    environment.regions = {region, Region(QStringLiteral("west"), QStringLiteral("West"))};
    const auto endpoint = [](const QString &id, const QString &regionId) {
        SiteEndpoint site;
        site.id = site.name = id;
        site.region = regionId;
        return site;
    };
    for (const QString &site : sites)
        environment.sites.append(endpoint(site, QStringLiteral("east")));
    environment.sites.append(endpoint(QStringLiteral("far"), QStringLiteral("west")));
    router.setEnvironment(environment, engine, secrets);
    QVERIFY(router.sourceFor(QStringLiteral("sha/x/cpu")) != &archive);
    QCOMPARE(router.sourceFor(QStringLiteral("far/x/cpu")), &archive);

    // Record what each agent serves on /metrics while Prometheus scrapes it.
    QList<QList<Served>> served(sites.size());
    QStringList components;
    for (size_t i = 0; i < agents.size(); ++i) {
        HttpClient client(agents[i]->url(), agents[i]->token());
        const QByteArray page = client.get(QStringLiteral("/metrics")).body;
        const QRegularExpressionMatch first
            = QRegularExpression(QStringLiteral("^haven_component_cpu_ratio\\{[^}]*component=\"([^\"]+)\""),
                                 QRegularExpression::MultilineOption)
                  .match(QString::fromUtf8(page));
        QVERIFY(first.hasMatch());
        components.append(first.captured(1));
    }
    const qint64 begin = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer watch;
    watch.start();
    while (watch.elapsed() < 25'000) {
        for (size_t i = 0; i < agents.size(); ++i) {
            HttpClient client(agents[i]->url(), agents[i]->token());
            const HttpResult page = client.get(QStringLiteral("/metrics"));
            const qint64 at = QDateTime::currentMSecsSinceEpoch();
            if (const std::optional<double> cpu = servedValue(page.body, QStringLiteral("haven_component_cpu_ratio"),
                                                              components.at(qsizetype(i))))
                served[qsizetype(i)].append(Served{at, *cpu * 100});
        }
        QTest::qWait(100);
    }
    const qint64 end = QDateTime::currentMSecsSinceEpoch();

    QStringList series;
    for (qsizetype i = 0; i < sites.size(); ++i)
        series.append(sites.at(i) + QLatin1Char('/') + components.at(i) + QStringLiteral("/cpu"));
    series.append(QStringLiteral("far/x/cpu")); // the local store: nothing, and no error
    const TrendResult result = trend(router, series, begin, end);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    for (qsizetype i = 0; i < sites.size(); ++i) {
        const QList<MetricBucket> points = result.series.value(series.at(i));
        // 25 s at the raw tier's 5 s step; the first bucket may start before Prometheus's first scrape.
        QVERIFY2(points.size() >= 3, qPrintable(QString::number(points.size())));
        for (const MetricBucket &b : points) {
            QCOMPARE(b.tier, 0);
            // Every value of the bucket is one the agent served around then (scrapes and our
            // reads are not simultaneous: a second of slack either side).
            QList<double> around;
            for (const Served &s : std::as_const(served.at(i))) {
                if (s.timeMs >= b.startMs - 1000 && s.timeMs <= b.startMs + MetricTiers::widthMs(0) + 1000)
                    around.append(s.value);
            }
            if (around.isEmpty())
                continue;
            const auto near = [&around](double v) {
                return std::any_of(around.cbegin(), around.cend(),
                                   [v](double s) { return std::abs(s - v) <= 1e-9 * std::max(1.0, std::abs(v)); });
            };
            QVERIFY2(near(b.minimum) && near(b.maximum), qPrintable(QStringLiteral("%1 at %2: %3..%4 not served")
                                                                        .arg(series.at(i))
                                                                        .arg(b.startMs)
                                                                        .arg(b.minimum)
                                                                        .arg(b.maximum)));
            QVERIFY(b.minimum <= b.mean + 1e-9 && b.mean <= b.maximum + 1e-9);
        }
    }
    QVERIFY(result.series.value(QStringLiteral("far/x/cpu")).isEmpty());
}

QTEST_GUILESS_MAIN(TestPrometheusSource)
#include "tst_prometheussource.moc"
