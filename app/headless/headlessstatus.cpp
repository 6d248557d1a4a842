// SPDX-License-Identifier: GPL-3.0-or-later
#include "headlessstatus.h"

#include "app/agents/secretstore.h"
#include "app/fleet/fleetmonitor.h"
#include "app/session/consolesession.h"
#include "models/topology/displaynames.h"
#include "models/topology/fleettopology.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

#include <cstdlib>
#include <iterator>
#include <memory>

namespace Haven {

namespace {

// Terminal columns of text: East Asian wide characters take two (机房 is as wide as SITE).
int displayWidth(const QString &text)
{
    int width = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) || (u >= 0xAC00 && u <= 0xD7A3)
                          || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE30 && u <= 0xFE4F)
                          || (u >= 0xFF00 && u <= 0xFF60) || (u >= 0xFFE0 && u <= 0xFFE6);
        width += wide ? 2 : 1;
    }
    return width;
}

// Left-aligned (width > 0) or right-aligned (width < 0) in that many terminal columns.
QString cell(const QString &text, int width)
{
    const QString padding(std::max(0, std::abs(width) - displayWidth(text)), QLatin1Char(' '));
    return width < 0 ? padding + text : text + padding;
}

QString row(const QStringList &cells)
{
    static const int widths[] = {10, 20, 12, -10, -8, -8, -6, -9};
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i < qsizetype(std::size(widths)))
            line += cell(cells.at(i), widths[i]) + QLatin1Char(' ');
        else
            line += QLatin1Char(' ') + cells.at(i);
    }
    return line + QLatin1Char('\n');
}

} // namespace

HeadlessStatus::HeadlessStatus(ConsoleSession &session, QTextStream &out, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_out(out)
{ }

void HeadlessStatus::run(const Environment &environment, const QHash<QString, QByteArray> &knownTokens)
{
    if (environment.sites.isEmpty()) {
        m_out << tr("No sites are configured. Import an environment with --environment FILE, or set the sites up "
                    "on the console's Environment page.")
              << '\n'
              << Qt::flush;
        QTimer::singleShot(0, this, [this] { Q_EMIT finished(UsageError); });
        return;
    }
    auto tokens = std::make_shared<QHash<QString, QByteArray>>(knownTokens);
    auto remaining = std::make_shared<qsizetype>(environment.sites.size());
    auto ask = [this, environment, tokens] {
        m_session.monitor().setEnvironment(environment, *tokens);
        m_session.monitor().refreshOnce([this] { report(); });
    };
    for (const SiteEndpoint &site : environment.sites) {
        if (tokens->contains(site.id)) {
            if (--*remaining == 0)
                QTimer::singleShot(0, this, ask);
            continue;
        }
        const QString id = site.id;
        m_session.secrets().read(site.secretKey(), this,
                                 [tokens, remaining, id, ask](const SecretStore::ReadResult &result) {
            if (result.found)
                tokens->insert(id, result.secret);
            if (--*remaining == 0)
                ask();
        });
    }
}

void HeadlessStatus::report()
{
    const FleetTopology &topology = m_session.topology();
    int unreachable = 0;
    QJsonArray sites;
    if (!m_json) {
        m_out << row({tr("SITE"), tr("NAME"), tr("AGENT"), tr("COMPONENTS"), tr("WARNING"), tr("CRITICAL"), tr("DOWN"),
                      tr("REVISION"), tr("PROBLEM")});
    }
    for (const QString &id : topology.siteIds()) {
        const SiteState *site = topology.site(id);
        const QHash<ComponentStatus, int> counts = topology.statusCounts(id);
        int total = 0;
        for (int n : counts)
            total += n;
        if (site->reachability == Reachability::Unreachable || site->reachability == Reachability::Unknown)
            ++unreachable;
        if (m_json) {
            sites.append(QJsonObject{{QStringLiteral("id"), id},
                                     {QStringLiteral("name"), site->displayName()},
                                     {QStringLiteral("reachability"), toString(site->reachability)},
                                     {QStringLiteral("components"), total},
                                     {QStringLiteral("warning"), counts.value(ComponentStatus::Warning)},
                                     {QStringLiteral("critical"), counts.value(ComponentStatus::Critical)},
                                     {QStringLiteral("down"), counts.value(ComponentStatus::Down)},
                                     {QStringLiteral("revision"), qint64(site->revision)},
                                     {QStringLiteral("problem"), site->problem}});
            continue;
        }
        m_out << row({id, site->displayName(), DisplayNames::reachability(site->reachability), QString::number(total),
                      QString::number(counts.value(ComponentStatus::Warning)),
                      QString::number(counts.value(ComponentStatus::Critical)),
                      QString::number(counts.value(ComponentStatus::Down)), QString::number(site->revision),
                      site->problem});
    }
    if (m_json)
        m_out << QJsonDocument(QJsonObject{{QStringLiteral("sites"), sites}}).toJson();
    m_out << Qt::flush;
    Q_EMIT finished(unreachable > 0 ? SomeUnreachable : AllAnswer);
}

} // namespace Haven
