// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/store/trendsource.h"

#include <QCoreApplication>
#include <QHash>

#include <optional>

namespace Haven {

class CurlEngine;
struct CurlResponse;

// Trends read from a region's Prometheus (GET /api/v1/query_range) instead of the console's own
// history: the scale-out path of docs/scaling.md. A series key maps to the agent's metric and
// labels (cpu -> haven_component_cpu_ratio{site,component} * 100, ...), and each point is the
// minimum, maximum and mean over one step, so a plot draws it as it draws its own buckets.
class PrometheusSource final : public TrendSource
{
    Q_OBJECT
public:
    struct Settings
    {
        QString url;      // http(s)://host:port of Prometheus (its API is under /api/v1)
        QByteArray token; // sent as "Authorization: Bearer"; empty: none
        QString caFile;
        int timeoutMs = 15'000;
        qint64 maxResponseBytes = 8 << 20;
    };

    PrometheusSource(CurlEngine &engine, const Settings &settings, QObject *parent = nullptr);
    ~PrometheusSource() override;

    quint64 requestTrend(const QStringList &series, qint64 fromMs, qint64 toMs) override;

    // How a series key reads in Prometheus: the selector, and the factor from the agent's base
    // units to the console's (ratio -> percent, seconds -> ms). nullopt for an unknown metric.
    struct Mapping
    {
        QString selector;
        double scale = 1;
    };
    static std::optional<Mapping> mapping(const QString &series);
    // The step a range is read at: a tier's width, so points are buckets of that tier.
    static int tierFor(qint64 fromMs, qint64 toMs);
    // The points of one query_range answer; nullopt with *error for a person when it is not one.
    static std::optional<QList<std::pair<qint64, double>>> parseMatrix(const QByteArray &body, QString *error);
    // What a failed request means for a person.
    static QString describeFailure(const QString &url, const CurlResponse &response);

private:
    struct Request;

    void finishPart(quint64 id);

    CurlEngine &m_engine;
    Settings m_settings;
    QHash<quint64, Request *> m_requests;
    quint64 m_nextId = 1;
};

} // namespace Haven
