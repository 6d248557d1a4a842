// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchfleet.h"

#include "agent/http/httpserver.h"
#include "agent/site/agentconfig.h"
#include "agent/site/agentservice.h"
#include "agent/site/agentstore.h"
#include "simulatedbackend.h"
#include "simulatedsite.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

#include <sys/resource.h>

namespace Haven {

struct BenchFleet::Site
{
    QString id;
    std::unique_ptr<SimulatedBackend> backend;
    AgentStore store;
    std::unique_ptr<AgentService> service;
    std::unique_ptr<HttpServer> server;
};

BenchFleet::BenchFleet(QObject *parent)
    : QObject(parent)
{ }

BenchFleet::~BenchFleet() = default;

QJsonObject BenchFleet::siteProfile(const QJsonObject &templateProfile, int index, int sites, int components)
{
    const QString id = QStringLiteral("b%1").arg(index, 4, 10, QLatin1Char('0'));
    QJsonObject profile = templateProfile;
    profile.insert(QStringLiteral("site"),
                   QJsonObject{{QStringLiteral("id"), id},
                               {QStringLiteral("name"), QStringLiteral("Bench site %1").arg(index)},
                               {QStringLiteral("region"), QStringLiteral("bench-%1").arg(index % 10)},
                               {QStringLiteral("city"), QStringLiteral("City %1").arg(index % 50)}});
    const QJsonArray all = templateProfile.value(QStringLiteral("components")).toArray();
    const qsizetype step = std::max<qsizetype>(1, all.size() / std::max(1, components));
    QJsonArray kept;
    QSet<QString> keptIds;
    for (qsizetype i = 0; i < all.size() && kept.size() < components; i += step) {
        kept.append(all.at(i));
        keptIds.insert(all.at(i).toObject().value(QStringLiteral("id")).toString());
    }
    profile.insert(QStringLiteral("components"), kept);
    QJsonArray dependencies;
    for (const QJsonValue &d : templateProfile.value(QStringLiteral("dependencies")).toArray()) {
        const QJsonObject o = d.toObject();
        if (keptIds.contains(o.value(QStringLiteral("from")).toString())
            && keptIds.contains(o.value(QStringLiteral("to")).toString()))
            dependencies.append(o);
    }
    profile.insert(QStringLiteral("dependencies"), dependencies);
    QJsonArray replication;
    for (const QJsonValue &r : templateProfile.value(QStringLiteral("replication")).toArray()) {
        QJsonObject o = r.toObject();
        if (!keptIds.contains(o.value(QStringLiteral("component")).toString()))
            continue;
        o.insert(QStringLiteral("peerSite"), QStringLiteral("b%1").arg((index + 1) % sites, 4, 10, QLatin1Char('0')));
        o.insert(QStringLiteral("id"), QString(o.value(QStringLiteral("id")).toString() + QLatin1Char('.') + id));
        replication.append(o);
    }
    profile.insert(QStringLiteral("replication"), replication);
    return profile;
}

bool BenchFleet::start(const Options &options, const QString &fleetFile, QString *error)
{
    // Every site needs a listening socket and the console a connection to it.
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
    QFile file(options.templateProfile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(options.templateProfile);
        return false;
    }
    const QJsonObject templateProfile = QJsonDocument::fromJson(file.readAll()).object();
    const QByteArray token = "bench-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    QJsonArray entries;
    for (int i = 0; i < options.sites; ++i) {
        auto site = std::make_unique<Site>();
        std::unique_ptr<SimulatedSite> model = SimulatedSite::fromJson(siteProfile(templateProfile, i, options.sites,
                                                                                   options.componentsPerSite),
                                                                       quint32(i + 1), error);
        if (!model)
            return false;
        site->id = model->siteInfo().id;
        site->backend = std::make_unique<SimulatedBackend>(std::move(model), options.speed);
        site->backend->setTickInterval(options.tickMilliseconds);
        if (!site->store.open(QStringLiteral(":memory:"))) {
            *error = site->store.lastError();
            return false;
        }
        AgentConfig config;
        config.tokens = {{QStringLiteral("bench"), AgentRole::Admin, tokenDigest(token)}};
        site->service = std::make_unique<AgentService>(*site->backend, site->store, config);
        site->server = std::make_unique<HttpServer>(HttpLimits());
        site->service->attach(site->server.get());
        if (!site->server->listen(QHostAddress::LocalHost, 0)) {
            *error = QStringLiteral("site %1 cannot listen: %2").arg(site->id, site->server->errorString());
            return false;
        }
        entries.append(
            QJsonObject{{QStringLiteral("id"), site->id},
                        {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1").arg(site->server->serverPort())},
                        {QStringLiteral("token"), QString::fromLatin1(token)}});
        m_sites.push_back(std::move(site));
    }
    QSaveFile out(fleetFile);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1").arg(fleetFile);
        return false;
    }
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("haven-fleet")},
                                        {QStringLiteral("version"), 1},
                                        {QStringLiteral("sites"), entries}})
                  .toJson());
    if (!out.commit()) {
        *error = QStringLiteral("cannot write %1").arg(fleetFile);
        return false;
    }
    return true;
}

} // namespace Haven
