// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocol.h"

#include <QHash>
#include <QObject>

class QTimer;

namespace Haven {

class AgentStore;
class SiteBackend;

// Injects faults through the backend and reverts each one when it expires, with or without
// a console connected; the expiry is on disk, so a restarted agent still reverts on time.
// site_dark is the agent's own fault: the service stops answering while it is active.
class FaultManager final : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxDurationSeconds = 24 * 3600;

    FaultManager(AgentStore &store, SiteBackend &backend, QObject *parent = nullptr);

    // Re-applies faults still active from before a restart and reverts the expired ones.
    void restore();

    struct Result
    {
        std::optional<FaultRecord> fault;
        int status = 0;
        QString code;
        QString message;
    };
    Result inject(const QJsonObject &request);
    Result revert(const QString &id, const QString &reason);
    std::optional<FaultRecord> fault(const QString &id);
    QList<FaultRecord> faults(bool activeOnly);

    bool siteDark() const { return m_darkFaults > 0; }
    int activeCount() const { return int(m_timers.size()); }

Q_SIGNALS:
    void siteDarkChanged(bool dark);
    void faultChanged(const Haven::FaultRecord &fault);

private:
    void arm(const FaultRecord &fault);
    void end(FaultRecord fault, FaultState state, const QString &reason);
    void setDark(const FaultRecord &fault, bool on);

    AgentStore &m_store;
    SiteBackend &m_backend;
    QHash<QString, QTimer *> m_timers;
    int m_darkFaults = 0;
};

} // namespace Haven
