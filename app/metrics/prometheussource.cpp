// SPDX-License-Identifier: GPL-3.0-or-later
#include "prometheussource.h"

#include "app/agents/curlengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

namespace Haven {

namespace {

// The aggregates one step's bucket is made of.
enum Aggregate { Minimum, Maximum, Mean, AggregateCount };
constexpr const char *overTime[AggregateCount] = {"min_over_time", "max_over_time", "avg_over_time"};

QString quoted(QString value)
{
    return QLatin1Char('"')
           + value.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""))
           + QLatin1Char('"');
}

} // namespace

struct PrometheusSource::Request
{
    QStringList series;
    qint64 stepMs = 0;
    int tier = 0;
    int outstanding = 0;
    // series -> aggregate -> (time, value)
    QHash<QString, std::array<QList<std::pair<qint64, double>>, AggregateCount>> answers;
    QStringList errors;
    QHash<QString, double> scales;
    QList<CurlEngine::RequestId> transfers;
};

PrometheusSource::PrometheusSource(CurlEngine &engine, const Settings &settings, QObject *parent)
    : TrendSource(parent)
    , m_engine(engine)
    , m_settings(settings)
{ }

PrometheusSource::~PrometheusSource()
{
    for (Request *request : std::as_const(m_requests)) {
        for (CurlEngine::RequestId transfer : std::as_const(request->transfers))
            m_engine.cancel(transfer);
        delete request;
    }
}

std::optional<PrometheusSource::Mapping> PrometheusSource::mapping(const QString &series)
{
    const QStringList parts = series.split(QLatin1Char('/'));
    if (parts.size() != 3)
        return std::nullopt;
    const QString &site = parts.at(0);
    const QString &component = parts.at(1);
    const QString &metric = parts.at(2);
    if (metric == QLatin1StringView("lagSeconds") && component.startsWith(QLatin1StringView("link:"))) {
        return Mapping{QStringLiteral("haven_replication_lag_seconds{site=%1,link=%2}")
                           .arg(quoted(site), quoted(component.mid(5))),
                       1};
    }
    // The agent exposes base units (docs/agent-protocol.md, "Metrics"); the console shows percent and ms.
    const struct
    {
        const char *metric;
        const char *name;
        double scale;
    } names[] = {
        {"cpu", "haven_component_cpu_ratio", 100},
        {"memory", "haven_component_memory_ratio", 100},
        {"capacity", "haven_component_capacity_ratio", 100},
        {"qps", "haven_component_requests_per_second", 1},
        {"latencyMs", "haven_component_latency_seconds", 1000},
    };
    for (const auto &name : names) {
        if (metric == QLatin1StringView(name.metric)) {
            return Mapping{QStringLiteral("%1{site=%2,component=%3}")
                               .arg(QLatin1StringView(name.name), quoted(site), quoted(component)),
                           name.scale};
        }
    }
    return std::nullopt;
}

int PrometheusSource::tierFor(qint64 fromMs, qint64 toMs)
{
    // Prometheus keeps raw samples for its whole retention: only the number of points matters.
    return MetricTiers::forRange(fromMs, toMs, fromMs);
}

std::optional<QList<std::pair<qint64, double>>> PrometheusSource::parseMatrix(const QByteArray &body, QString *error)
{
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parse);
    const QJsonObject root = document.object();
    if (parse.error != QJsonParseError::NoError || !document.isObject()) {
        *error = tr("the answer is not JSON (%1)").arg(parse.errorString());
        return std::nullopt;
    }
    if (root.value(QStringLiteral("status")).toString() != QLatin1StringView("success")) {
        *error = tr("Prometheus says: %1 (%2)")
                     .arg(root.value(QStringLiteral("error")).toString(),
                          root.value(QStringLiteral("errorType")).toString());
        return std::nullopt;
    }
    const QJsonObject data = root.value(QStringLiteral("data")).toObject();
    if (data.value(QStringLiteral("resultType")).toString() != QLatin1StringView("matrix")) {
        *error = tr("the answer is not a range of samples (resultType \"%1\")")
                     .arg(data.value(QStringLiteral("resultType")).toString());
        return std::nullopt;
    }
    QList<std::pair<qint64, double>> points;
    const QJsonArray result = data.value(QStringLiteral("result")).toArray();
    if (result.isEmpty())
        return points;
    // One series per expression; should two jobs scrape the same agent, the first one is used.
    const QJsonArray values = result.first().toObject().value(QStringLiteral("values")).toArray();
    points.reserve(values.size());
    for (const QJsonValue &value : values) {
        const QJsonArray pair = value.toArray();
        bool ok = false;
        const double number = pair.at(1).toString().toDouble(&ok);
        if (pair.size() != 2 || !pair.at(0).isDouble() || !ok) {
            *error = tr("a sample is not [time, \"value\"]");
            return std::nullopt;
        }
        if (std::isfinite(number))
            points.append({qint64(std::llround(pair.at(0).toDouble() * 1000)), number});
    }
    return points;
}

QString PrometheusSource::describeFailure(const QString &url, const CurlResponse &response)
{
    if (response.tooLarge)
        return tr("Prometheus at %1 sent more than %2 MB; the trend is not shown. Ask for a shorter range.")
            .arg(url)
            .arg(response.maxResponseBytes >> 20);
    if (response.curlCode != 0)
        return tr("Prometheus at %1 could not be reached (%2); the trend is not shown. Check the region's "
                  "Prometheus URL.")
            .arg(url, response.curlError);
    if (response.httpStatus == 401 || response.httpStatus == 403)
        return tr("Prometheus at %1 refused the token (HTTP %2); check the region's Prometheus token.")
            .arg(url)
            .arg(response.httpStatus);
    QString detail;
    if (parseMatrix(response.body, &detail))
        detail = tr("HTTP %1").arg(response.httpStatus);
    return tr("Prometheus at %1 did not answer the query: %2").arg(url, detail);
}

quint64 PrometheusSource::requestTrend(const QStringList &series, qint64 fromMs, qint64 toMs)
{
    const quint64 id = m_nextId++;
    auto *request = new Request;
    request->series = series;
    request->tier = tierFor(fromMs, toMs);
    request->stepMs = MetricTiers::widthMs(request->tier);
    m_requests.insert(id, request);
    // Evaluation times on the step's grid: the point at t covers (t - step, t], one bucket.
    const qint64 step = request->stepMs;
    const qint64 start = (fromMs / step + 1) * step;
    const qint64 end = std::max(start, (toMs / step) * step);
    const QString base = m_settings.url.endsWith(QLatin1Char('/')) ? m_settings.url.chopped(1) : m_settings.url;
    for (const QString &key : series) {
        const std::optional<Mapping> metric = mapping(key);
        if (!metric) {
            request->errors.append(tr("%1 is not a metric the agents give Prometheus").arg(key));
            continue;
        }
        request->scales.insert(key, metric->scale);
        const QString &selector = metric->selector;
        for (int aggregate = 0; aggregate < AggregateCount; ++aggregate) {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("query"), QStringLiteral("%1(%2[%3ms])")
                                                            .arg(QLatin1StringView(overTime[aggregate]), selector)
                                                            .arg(step));
            query.addQueryItem(QStringLiteral("start"), QString::number(double(start) / 1000.0, 'f', 3));
            query.addQueryItem(QStringLiteral("end"), QString::number(double(end) / 1000.0, 'f', 3));
            query.addQueryItem(QStringLiteral("step"), QString::number(double(step) / 1000.0, 'f', 3));
            CurlRequest http;
            http.url = base + QStringLiteral("/api/v1/query_range?") + query.toString(QUrl::FullyEncoded);
            http.timeoutMs = m_settings.timeoutMs;
            http.maxResponseBytes = m_settings.maxResponseBytes;
            http.caFile = m_settings.caFile;
            if (!m_settings.token.isEmpty())
                http.headers.append("Authorization: Bearer " + m_settings.token);
            ++request->outstanding;
            request->transfers.append(m_engine.start(http, [this, id, key, aggregate](const CurlResponse &response) {
                Request *r = m_requests.value(id);
                if (!r)
                    return;
                QString error;
                std::optional<QList<std::pair<qint64, double>>> points;
                if (response.curlCode == 0 && response.httpStatus == 200)
                    points = parseMatrix(response.body, &error);
                if (points)
                    r->answers[key][size_t(aggregate)] = std::move(*points);
                else if (r->errors.size() < 3) // one failure usually repeats for every query
                    r->errors.append(error.isEmpty() ? describeFailure(m_settings.url, response)
                                                     : tr("Prometheus at %1: %2").arg(m_settings.url, error));
                --r->outstanding;
                finishPart(id);
            }));
        }
    }
    if (request->outstanding == 0)
        QMetaObject::invokeMethod(
            this, [this, id] { finishPart(id); }, Qt::QueuedConnection);
    return id;
}

void PrometheusSource::finishPart(quint64 id)
{
    Request *request = m_requests.value(id);
    if (!request || request->outstanding > 0)
        return;
    m_requests.remove(id);
    std::unique_ptr<Request> done(request);
    TrendResult result;
    result.error = done->errors.join(QLatin1Char('\n'));
    for (const QString &key : std::as_const(done->series)) {
        QList<MetricBucket> &points = result.series[key];
        const auto &answers = done->answers.value(key);
        const auto &means = answers[Mean];
        // The three answers share the step's grid; a time missing from one takes the mean.
        QHash<qint64, double> minimum, maximum;
        for (const auto &[time, value] : answers[Minimum])
            minimum.insert(time, value);
        for (const auto &[time, value] : answers[Maximum])
            maximum.insert(time, value);
        const double scale = done->scales.value(key, 1);
        points.reserve(means.size());
        for (const auto &[time, mean] : means) {
            points.append(MetricBucket{key, done->tier, time - done->stepMs, minimum.value(time, mean) * scale,
                                       maximum.value(time, mean) * scale, mean * scale, 1});
        }
    }
    Q_EMIT trendLoaded(id, result);
}

} // namespace Haven
