// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultmanager.h"

#include "agent/site/agentstore.h"
#include "agent/site/sitebackend.h"
#include "core/jsonfields.h"

#include <QLoggingCategory>
#include <QTimer>
#include <QUuid>

Q_LOGGING_CATEGORY(lcFaults, "haven.agent.faults", QtInfoMsg)

namespace Haven {

FaultManager::FaultManager(AgentStore &store, SiteBackend &backend, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_backend(backend)
{ }

// Steps still running are stopped; their faults stay on disk as they are, for restore().
FaultManager::~FaultManager() = default;

void FaultManager::restore()
{
    const QList<FaultRecord> open = m_store.faults(true, 100000);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (FaultRecord fault : open) {
        const FaultState was = fault.state;
        fault.state = fault.kind == FaultKind::SiteDark ? FaultState::Active : FaultState::Injecting;
        track(fault, QStringLiteral("could not be re-applied after a restart: "));
        setDark(fault, true); // before it may end below, which counts it off again
        if (fault.expires <= now) {
            // A real site keeps what a hook did (tc rules, stress processes) across an agent
            // restart: revert it now. The simulated site starts fresh; reverting is harmless.
            beginEnd(fault.id, FaultState::Expired, QStringLiteral("expired while the agent was stopped"));
        } else if (was == FaultState::Reverting) {
            beginEnd(fault.id, FaultState::Reverted, fault.endReason);
        } else if (fault.kind != FaultKind::SiteDark) {
            startStep(fault.id, Step::Inject);
        }
    }
}

FaultManager::Result FaultManager::inject(const QJsonObject &request)
{
    Result result;
    auto refuse = [&](int status, const QString &code, const QString &message) {
        result.status = status;
        result.code = code;
        result.message = message;
        return result;
    };

    JsonFields fields(request);
    FaultRecord fault;
    fault.kind = fields.requiredEnum<FaultKind>(QStringLiteral("kind"), faultKindFromString, allowedFaultKinds());
    fault.target = fields.optionalString(QStringLiteral("target"));
    fault.parameters = fields.optionalObject(QStringLiteral("parameters"));
    const qint64 duration = fields.requiredInteger(QStringLiteral("durationSeconds"));
    if (!fields.ok())
        return refuse(400, QStringLiteral("invalid_request"), fields.error());
    if (duration < 1 || duration > MaxDurationSeconds)
        return refuse(400, QStringLiteral("invalid_request"),
                      QStringLiteral("durationSeconds must be 1..%1: every fault needs a time limit")
                          .arg(MaxDurationSeconds));
    fault.durationSeconds = int(duration);

    if (fault.kind != FaultKind::SiteDark) {
        if (!m_backend.supportedFaults().contains(fault.kind))
            return refuse(422, QStringLiteral("unsupported_fault"),
                          QStringLiteral("this site's backend cannot inject %1 faults").arg(toString(fault.kind)));
        if (const QString problem = m_backend.checkFault(fault); !problem.isEmpty())
            return refuse(422, QStringLiteral("invalid_fault"), problem);
    } else if (!fault.target.isEmpty()) {
        return refuse(422, QStringLiteral("invalid_fault"), QStringLiteral("site_dark takes no target"));
    }

    fault.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    fault.state = fault.kind == FaultKind::SiteDark ? FaultState::Active : FaultState::Injecting;
    fault.injected = QDateTime::currentDateTimeUtc();
    fault.expires = fault.injected.addSecs(fault.durationSeconds);
    // Recorded before it is applied: if the agent dies now, the restart still reverts it.
    if (!m_store.saveFault(fault))
        return refuse(500, QStringLiteral("store_failed"),
                      QStringLiteral("the fault was not injected because it could not be recorded: %1")
                          .arg(m_store.lastError()));
    track(fault, QStringLiteral("injection failed: "));
    if (fault.kind == FaultKind::SiteDark)
        setDark(fault, true);
    else
        startStep(fault.id, Step::Inject);
    Q_EMIT faultChanged(fault);
    result.fault = fault;
    result.status = 201;
    return result;
}

void FaultManager::track(const FaultRecord &fault, const QString &injectFailure)
{
    auto tracked = std::make_shared<Tracked>();
    tracked->record = fault;
    tracked->injectFailure = injectFailure;
    tracked->deadline = new QTimer(this);
    tracked->deadline->setSingleShot(true);
    tracked->deadline->setTimerType(Qt::PreciseTimer);
    const QString id = fault.id;
    connect(tracked->deadline, &QTimer::timeout, this,
            [this, id] { beginEnd(id, FaultState::Expired, QStringLiteral("time limit reached")); });
    const qint64 remaining = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(fault.expires));
    tracked->deadline->start(int(std::min<qint64>(remaining, std::numeric_limits<int>::max())));
    m_tracked.insert(id, tracked);
}

void FaultManager::startStep(const QString &id, Step step)
{
    const std::shared_ptr<Tracked> tracked = m_tracked.value(id);
    const bool inject = step == Step::Inject;
    tracked->step = inject ? m_backend.injectFault(tracked->record) : m_backend.revertFault(tracked->record);
    connect(tracked->step.get(), &FaultExecution::finished, this, [this, id, inject](const QString &error) {
        if (inject)
            injected(id, error);
        else
            reverted(id, error);
    });
    tracked->step->start();
}

void FaultManager::injected(const QString &id, const QString &error)
{
    const std::shared_ptr<Tracked> tracked = m_tracked.value(id);
    tracked->step.release()->deleteLater(); // it is still emitting
    if (tracked->record.state == FaultState::Reverting) {
        // Ended while it was being injected: revert what the hook did, or half did.
        if (!error.isEmpty())
            tracked->record.endReason += QStringLiteral(" (%1%2)").arg(tracked->injectFailure, error);
        return startStep(id, Step::Revert);
    }
    if (!error.isEmpty())
        return beginEnd(id, FaultState::Failed, tracked->injectFailure + error);
    save(*tracked, FaultState::Active);
}

void FaultManager::beginEnd(const QString &id, FaultState state, const QString &reason)
{
    const std::shared_ptr<Tracked> tracked = m_tracked.value(id);
    if (!tracked || tracked->record.state == FaultState::Reverting)
        return;
    tracked->deadline->stop();
    const bool injecting = tracked->record.state == FaultState::Injecting && tracked->step;
    tracked->endState = state;
    tracked->record.endReason = reason;
    if (tracked->record.kind == FaultKind::SiteDark) {
        tracked->record.state = FaultState::Reverting; // never saved: nothing to wait for
        return reverted(id, {});
    }
    save(*tracked, FaultState::Reverting);
    if (!injecting)
        startStep(id, Step::Revert); // else once the injection has finished (injected())
}

void FaultManager::reverted(const QString &id, const QString &error)
{
    const std::shared_ptr<Tracked> tracked = m_tracked.take(id);
    if (tracked->step)
        tracked->step.release()->deleteLater(); // it is still emitting
    tracked->deadline->deleteLater();
    FaultState state = tracked->endState;
    if (!error.isEmpty()) {
        // The fault may still be in effect: say so rather than claim it is over.
        qCWarning(lcFaults).noquote() << "reverting fault" << id << "failed:" << error;
        state = FaultState::Failed;
        tracked->record.endReason += QStringLiteral(" (revert failed: %1)").arg(error);
    }
    tracked->record.ended = QDateTime::currentDateTimeUtc();
    save(*tracked, state);
    setDark(tracked->record, false);
}

FaultManager::Result FaultManager::revert(const QString &id, const QString &reason)
{
    Result result;
    if (m_tracked.contains(id))
        beginEnd(id, FaultState::Reverted, reason.isEmpty() ? QStringLiteral("reverted on request") : reason);
    result.fault = m_store.fault(id);
    if (!result.fault) {
        result.status = 404;
        result.code = QStringLiteral("not_found");
        result.message = QStringLiteral("no fault %1 on this site").arg(id);
        return result;
    }
    result.status = 200;
    return result;
}

// Saves the new state and tells the service; a failed save is logged, the record in memory
// still drives the fault to its end.
void FaultManager::save(Tracked &tracked, FaultState state)
{
    tracked.record.state = state;
    if (!m_store.saveFault(tracked.record))
        qCWarning(lcFaults).noquote() << "fault" << tracked.record.id << "could not be recorded as" << toString(state)
                                      << ":" << m_store.lastError();
    Q_EMIT faultChanged(tracked.record);
}

void FaultManager::setDark(const FaultRecord &fault, bool on)
{
    if (fault.kind != FaultKind::SiteDark)
        return;
    const bool before = siteDark();
    m_darkFaults = std::max(0, m_darkFaults + (on ? 1 : -1));
    if (before != siteDark())
        Q_EMIT siteDarkChanged(siteDark());
}

std::optional<FaultRecord> FaultManager::fault(const QString &id)
{
    return m_store.fault(id);
}

QList<FaultRecord> FaultManager::faults(bool activeOnly)
{
    return m_store.faults(activeOnly);
}

} // namespace Haven
