// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

class QNetworkAccessManager;
class QProcess;
class QTextStream;

namespace Haven {

// Starts one haven-agent process per demo site on loopback: ephemeral ports, a fresh token
// and a self-signed certificate per site, and a fleet file (0600) that a console reads to
// connect (docs/agent-protocol.md, "Demo fleet"). Then checks that every site answers.
class DemoFleet final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString directory;    // where configs, data and fleet.json go
        QString profilesDir;  // one simulated profile (*.json) per site
        QString agentProgram; // the haven-agent binary to start
        double speed = 1.0;
        bool tls = true;
        int startTimeoutMs = 20'000;
    };

    DemoFleet(Options options, QTextStream &out, QObject *parent = nullptr);
    ~DemoFleet() override;

    // Writes configs and starts every agent; false with a message on the output if it cannot.
    bool start();
    // Asks every site for its identity and topology; emits checked(allAnswered) once done.
    void check();
    void stop();

    QString fleetFile() const;
    static QString defaultProfilesDir();

Q_SIGNALS:
    void checked(bool allAnswered);
    void agentExited(const QString &siteId, int exitCode);

private:
    struct Site
    {
        QString id;
        QString profile;
        QString dir;
        QByteArray token;
        QProcess *process = nullptr;
        QJsonObject endpoint; // from the agent's port file
    };

    bool prepare(Site &site, QString *error);
    bool makeCertificate(const Site &site, QString *error);
    bool waitForPortFiles(QString *error);
    bool writeFleetFile(QString *error);

    Options m_options;
    QTextStream &m_out;
    QList<Site> m_sites;
    QNetworkAccessManager *m_network;
};

} // namespace Haven
