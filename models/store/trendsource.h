// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/store/metricbucket.h"

#include <QHash>
#include <QObject>
#include <QStringList>

namespace Haven {

// What a trend request brought: per series its points, oldest first, and why some are missing.
struct TrendResult
{
    QHash<QString, QList<MetricBucket>> series;
    QString error; // for a person; empty when every series was read
};

// Where trends longer than the live window come from: the console's own metric store, or a
// region's Prometheus (docs/scaling.md). Answers always come later, through trendLoaded, so a
// plot never waits on disk or network.
class TrendSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Asks for these series over [fromMs, toMs]; returns the id trendLoaded will carry.
    virtual quint64 requestTrend(const QStringList &series, qint64 fromMs, qint64 toMs) = 0;

Q_SIGNALS:
    void trendLoaded(quint64 request, const Haven::TrendResult &result);
};

} // namespace Haven
