// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>

#include <memory>

namespace Haven::Test {

// A real haven-agent process on 127.0.0.1 with an ephemeral port, for tests.
class AgentProcess final
{
public:
    struct Options
    {
        QString backend = QStringLiteral("simulated");
        QString profile;                              // simulated: a profile path (default: the demo site "sha")
        QString catalog;                              // hooks: the catalog path
        QString siteId = QStringLiteral("test-site"); // hooks only
        double speed = 20;
        bool tls = false;
        int requestTimeoutSeconds = 10;
        qint64 maxBodyBytes = 1024 * 1024;
        QString extraIni; // appended to the config as it is
        quint16 port = 0; // 0: ephemeral; set it to restart an agent where a console expects it
    };

    // workDir holds the config and the data directory; reuse it to restart the same agent.
    explicit AgentProcess(QString workDir);
    ~AgentProcess();

    bool start(const Options &options);
    bool start() { return start(Options()); }
    void stop(); // SIGTERM and wait
    void kill(); // SIGKILL, as a crash would
    bool isRunning() const;

    QString url() const { return m_url; }
    quint16 port() const;
    QByteArray token() const { return m_token; }
    QString pin() const { return m_pin; }
    QString caFile() const;
    QString workDir() const { return m_workDir; }
    QString output() const; // what the agent printed so far
    qint64 pid() const;

    static QString demoProfile(const QString &siteId);

private:
    QString m_workDir;
    std::unique_ptr<QProcess> m_process;
    QString m_url;
    QString m_pin;
    QByteArray m_token;
    mutable QByteArray m_output;
};

} // namespace Haven::Test
