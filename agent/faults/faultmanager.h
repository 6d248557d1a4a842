// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocol.h"

#include <QHash>
#include <QObject>

#include <memory>

class QTimer;

namespace Haven {

class AgentStore;
class FaultExecution;
class SiteBackend;

// Injects faults through the backend and reverts each one when it expires, with or without
// a console connected; the expiry is on disk, so a restarted agent still reverts on time.
// Inject and revert run as steps reported later (hooks, simulated stages), so a slow hook
// never holds the event loop: a fault goes injecting -> active -> reverting -> reverted,
// expired or failed. site_dark is the agent's own fault: the service stops answering while
// it is active.
class FaultManager final : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxDurationSeconds = 24 * 3600;

    FaultManager(AgentStore &store, SiteBackend &backend, QObject *parent = nullptr);
    ~FaultManager() override;

    // Re-applies faults still active from before a restart and reverts the expired ones.
    void restore();

    struct Result
    {
        std::optional<FaultRecord> fault;
        int status = 0;
        QString code;
        QString message;
    };
    // Answers at once; the fault is "injecting" until the backend has applied it.
    Result inject(const QJsonObject &request);
    // Answers at once; the fault is "reverting" until the backend has reverted it.
    Result revert(const QString &id, const QString &reason);
    std::optional<FaultRecord> fault(const QString &id);
    QList<FaultRecord> faults(bool activeOnly);

    bool siteDark() const { return m_darkFaults > 0; }
    int activeCount() const { return int(m_tracked.size()); }

Q_SIGNALS:
    void siteDarkChanged(bool dark);
    void faultChanged(const Haven::FaultRecord &fault);

private:
    // A fault that has not ended yet, with its deadline and the step running for it.
    struct Tracked
    {
        FaultRecord record;
        QTimer *deadline = nullptr;
        std::unique_ptr<FaultExecution> step;
        FaultState endState = FaultState::Reverted; // once reverting
        QString injectFailure;                      // prefix of the reason when injection fails
    };

    void track(const FaultRecord &fault, const QString &injectFailure);
    enum class Step { Inject, Revert };
    void startStep(const QString &id, Step step);
    void injected(const QString &id, const QString &error);
    void beginEnd(const QString &id, FaultState state, const QString &reason);
    void reverted(const QString &id, const QString &error);
    void save(Tracked &tracked, FaultState state);
    void setDark(const FaultRecord &fault, bool on);

    AgentStore &m_store;
    SiteBackend &m_backend;
    QHash<QString, std::shared_ptr<Tracked>> m_tracked;
    int m_darkFaults = 0;
};

} // namespace Haven
