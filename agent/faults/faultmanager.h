// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "faultdeadline.h"
#include "faultsettings.h"
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
// a console connected. Inject, revert and the check that a revert worked run as steps reported
// later (hooks, simulated stages), so a slow hook never holds the event loop. A fault goes
// injecting -> active -> reverting -> reverted, expired or failed; a revert that fails or
// cannot be confirmed goes revert_failed and is retried with backoff, and after
// FaultSettings::revertAttempts it is orphaned (an alert). Every fault that may act on the site
// is in the revert journal, so a restarted agent reverts it (docs/agent-protocol.md).
// site_dark is the agent's own fault: the service stops answering while it is active.
class FaultManager final : public QObject
{
    Q_OBJECT
public:
    FaultManager(AgentStore &store, SiteBackend &backend, QObject *parent = nullptr);
    ~FaultManager() override;

    void configure(const FaultSettings &settings);
    // Reverts every fault the journal holds from before a restart; none is applied again.
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
    FaultLimits limits() const;

    bool siteDark() const { return m_darkFaults > 0; }
    int activeCount() const { return int(m_tracked.size()); }
    QString metricsText() const;

Q_SIGNALS:
    void siteDarkChanged(bool dark);
    void faultChanged(const Haven::FaultRecord &fault);

private:
    enum class Step { Inject, Revert, Verify };
    // A fault that may still act on the site, with its deadline and the step running for it.
    struct Tracked
    {
        FaultRecord record;
        FaultDeadline deadline;
        QTimer *deadlineTimer = nullptr;
        QTimer *retryTimer = nullptr;
        std::unique_ptr<FaultExecution> step;
        Step stepKind = Step::Inject;
        FaultState endState = FaultState::Reverted; // once ending
        QString injectFailure;                      // prefix of the reason when injection fails
        int roundStart = 0;                         // revertAttempts when this round began
        bool orphanAlert = false;                   // shown as orphaned until its revert is confirmed
    };

    std::optional<Result> checkRequest(FaultRecord &fault);
    QStringList ownHosts() const;
    void track(const FaultRecord &fault, const FaultDeadline &deadline, const QString &injectFailure);
    void startStep(const QString &id, Step step);
    void stepFinished(const QString &id, Step step, const QString &error);
    void injected(const QString &id, const QString &error);
    void beginEnd(const QString &id, FaultState state, const QString &reason);
    void startRevert(const QString &id);
    void revertAttemptFailed(const QString &id, const QString &error);
    void finishEnd(const QString &id, bool confirmed);
    void checkDeadlines();
    void save(Tracked &tracked, FaultState state);
    void publishOrphans();
    void setDark(const FaultRecord &fault, bool on);
    FaultRecord withRemaining(FaultRecord record) const;

    AgentStore &m_store;
    SiteBackend &m_backend;
    FaultSettings m_settings;
    QHash<QString, std::shared_ptr<Tracked>> m_tracked;
    QTimer *m_clockCheck;
    int m_darkFaults = 0;
    quint64 m_revertFailures = 0;
};

} // namespace Haven
