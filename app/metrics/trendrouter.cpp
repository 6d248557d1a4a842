// SPDX-License-Identifier: GPL-3.0-or-later
#include "trendrouter.h"

#include "app/agents/secretstore.h"
#include "app/metrics/prometheussource.h"
#include "models/environment/environment.h"
#include "models/store/metrichistory.h"

#include <memory>

namespace Haven {

TrendRouter::TrendRouter(TrendSource &local, QObject *parent)
    : TrendSource(parent)
    , m_local(local)
{
    connectSource(&m_local);
}

void TrendRouter::connectSource(TrendSource *source)
{
    if (m_connected.contains(source))
        return;
    m_connected.append(source);
    connect(source, &TrendSource::trendLoaded, this, [this, source](quint64 part, const TrendResult &result) {
        const auto found = m_parts.constFind({source, part});
        if (found == m_parts.cend())
            return;
        const quint64 id = *found;
        m_parts.erase(found);
        Pending &pending = m_pending[id];
        pending.result.series.insert(result.series);
        if (!result.error.isEmpty())
            pending.result.error += (pending.result.error.isEmpty() ? QString() : QStringLiteral("\n")) + result.error;
        if (--pending.outstanding == 0)
            Q_EMIT trendLoaded(id, m_pending.take(id).result);
    });
    connect(source, &QObject::destroyed, this, [this, source] { m_connected.removeAll(source); });
}

void TrendRouter::setSources(const QHash<QString, TrendSource *> &siteSources)
{
    m_sources.clear();
    for (auto it = siteSources.cbegin(); it != siteSources.cend(); ++it) {
        m_sources.insert(it.key(), it.value());
        connectSource(it.value());
    }
}

void TrendRouter::setEnvironment(const Environment &environment, CurlEngine &engine, SecretStore &secrets)
{
    const quint64 generation = ++m_generation;
    qDeleteAll(std::exchange(m_prometheus, {}));
    m_sources.clear();
    for (const Region &region : environment.regions) {
        if (region.prometheusUrl.isEmpty())
            continue;
        QStringList sites;
        for (const SiteEndpoint &site : environment.sites) {
            if (site.region == region.id)
                sites.append(site.id);
        }
        auto create = [this, generation, url = region.prometheusUrl, sites, &engine](const QByteArray &token) {
            if (generation != m_generation)
                return;
            auto *source = new PrometheusSource(engine, PrometheusSource::Settings{url, token, {}}, this);
            m_prometheus.append(source);
            connectSource(source);
            for (const QString &site : sites)
                m_sources.insert(site, source);
        };
        if (region.prometheusTokenSecret.isEmpty()) {
            create({});
            continue;
        }
        secrets.read(region.prometheusTokenSecret, this, [create](const SecretStore::ReadResult &result) {
            // Without its token Prometheus would refuse every query: the error then says so.
            create(result.found ? result.secret : QByteArray());
        });
    }
}

TrendSource *TrendRouter::sourceFor(const QString &series) const
{
    TrendSource *source = m_sources.value(MetricHistory::siteOf(series));
    return source ? source : &m_local;
}

quint64 TrendRouter::requestTrend(const QStringList &series, qint64 fromMs, qint64 toMs)
{
    const quint64 id = m_nextId++;
    QHash<TrendSource *, QStringList> groups;
    for (const QString &key : series)
        groups[sourceFor(key)].append(key);
    if (groups.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, id] { Q_EMIT trendLoaded(id, TrendResult{}); }, Qt::QueuedConnection);
        return id;
    }
    m_pending[id].outstanding = int(groups.size());
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        m_parts.insert({it.key(), it.key()->requestTrend(it.value(), fromMs, toMs)}, id);
    return id;
}

} // namespace Haven
