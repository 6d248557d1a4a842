// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>

#include <memory>
#include <vector>

namespace Haven {

class AgentService;
class AgentStore;
class HttpServer;
class SimulatedBackend;

// Many simulated sites in one agent process, each behind its own port as a separate agent
// would be: the load for the console's fleet benchmark (bench/fleet). Sites are cut from
// a template profile; actions are kept in memory only.
class BenchFleet final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString templateProfile;
        int sites = 1000;
        int componentsPerSite = 10;
        double speed = 1.0;
        int tickMilliseconds = 1000;
    };

    explicit BenchFleet(QObject *parent = nullptr);
    ~BenchFleet() override;

    // Starts every site and writes a fleet file (format haven-fleet, plain HTTP on loopback).
    bool start(const Options &options, const QString &fleetFile, QString *error);
    int siteCount() const { return int(m_sites.size()); }

    // The profile of one bench site: every n-th component of the template, renamed.
    static QJsonObject siteProfile(const QJsonObject &templateProfile, int index, int sites, int components);

private:
    struct Site;
    std::vector<std::unique_ptr<Site>> m_sites;
};

} // namespace Haven
