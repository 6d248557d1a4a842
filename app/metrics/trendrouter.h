// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/store/trendsource.h"

#include <QHash>
#include <QPointer>

namespace Haven {

class CurlEngine;
class SecretStore;
struct Environment;

// Sends each series to where its trend lives: the Prometheus of its site's region when the
// environment names one, the console's own store otherwise; the answers come back as one.
class TrendRouter final : public TrendSource
{
    Q_OBJECT
public:
    explicit TrendRouter(TrendSource &local, QObject *parent = nullptr);

    // A PrometheusSource for each region that names a Prometheus (its token read from secrets
    // first), replacing the earlier ones; the sites of other regions go to the local store.
    void setEnvironment(const Environment &environment, CurlEngine &engine, SecretStore &secrets);
    // siteSources: site id -> the TrendSource of its region (sites not listed go to the local store).
    void setSources(const QHash<QString, TrendSource *> &siteSources);
    TrendSource *sourceFor(const QString &series) const;

    quint64 requestTrend(const QStringList &series, qint64 fromMs, qint64 toMs) override;

private:
    struct Pending
    {
        int outstanding = 0;
        TrendResult result;
    };

    void connectSource(TrendSource *source);

    TrendSource &m_local;
    QHash<QString, QPointer<TrendSource>> m_sources;
    // (source, its request id) -> our request id
    QHash<std::pair<TrendSource *, quint64>, quint64> m_parts;
    QHash<quint64, Pending> m_pending;
    QList<TrendSource *> m_connected;
    quint64 m_nextId = 1;
    quint64 m_generation = 0;      // a newer environment makes older token reads moot
    QList<QObject *> m_prometheus; // the sources setEnvironment() made
};

} // namespace Haven
