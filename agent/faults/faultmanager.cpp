// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultmanager.h"

#include "agent/site/agentstore.h"
#include "agent/site/sitebackend.h"
#include "core/jsonfields.h"

#include <QTimer>
#include <QUuid>

namespace Haven {

FaultManager::FaultManager(AgentStore &store, SiteBackend &backend, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_backend(backend)
{ }

void FaultManager::restore()
{
    const QList<FaultRecord> active = m_store.faults(true, 100000);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const FaultRecord &fault : active) {
        if (fault.expires <= now) {
            // A real site keeps what a hook did (tc rules, stress processes) across an agent
            // restart: revert it now. The simulated site starts fresh; reverting is harmless.
            if (fault.kind != FaultKind::SiteDark)
                m_backend.revertFault(fault);
            FaultRecord ended = fault;
            ended.state = FaultState::Expired;
            ended.ended = now;
            ended.endReason = QStringLiteral("expired while the agent was stopped");
            m_store.saveFault(ended);
            continue;
        }
        if (fault.kind != FaultKind::SiteDark) {
            if (const QString error = m_backend.applyFault(fault); !error.isEmpty()) {
                end(fault, FaultState::Reverted, QStringLiteral("could not be re-applied after a restart: ") + error);
                continue;
            }
        }
        arm(fault);
        setDark(fault, true);
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
    fault.state = FaultState::Active;
    fault.injected = QDateTime::currentDateTimeUtc();
    fault.expires = fault.injected.addSecs(fault.durationSeconds);
    // Recorded before it is applied: if the agent dies now, the restart still reverts it.
    if (!m_store.saveFault(fault))
        return refuse(500, QStringLiteral("store_failed"),
                      QStringLiteral("the fault was not injected because it could not be recorded: %1")
                          .arg(m_store.lastError()));
    if (fault.kind != FaultKind::SiteDark) {
        if (const QString error = m_backend.applyFault(fault); !error.isEmpty()) {
            end(fault, FaultState::Reverted, QStringLiteral("injection failed: ") + error);
            return refuse(422, QStringLiteral("injection_failed"), error);
        }
    }
    arm(fault);
    setDark(fault, true);
    Q_EMIT faultChanged(fault);
    result.fault = fault;
    result.status = 201;
    return result;
}

void FaultManager::arm(const FaultRecord &fault)
{
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    const qint64 remaining = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(fault.expires));
    const QString id = fault.id;
    connect(timer, &QTimer::timeout, this, [this, id] {
        std::optional<FaultRecord> record = m_store.fault(id);
        if (record && record->state == FaultState::Active) {
            end(*record, FaultState::Expired, QStringLiteral("time limit reached"));
        } else if (!record) {
            // The record cannot be read now: the fault must still end, so try again soon.
            if (QTimer *retry = m_timers.value(id))
                retry->start(5000);
        }
    });
    m_timers.insert(fault.id, timer);
    timer->start(int(std::min<qint64>(remaining, std::numeric_limits<int>::max())));
}

FaultManager::Result FaultManager::revert(const QString &id, const QString &reason)
{
    Result result;
    std::optional<FaultRecord> fault = m_store.fault(id);
    if (!fault) {
        result.status = 404;
        result.code = QStringLiteral("not_found");
        result.message = QStringLiteral("no fault %1 on this site").arg(id);
        return result;
    }
    if (fault->state == FaultState::Active)
        end(*fault, FaultState::Reverted, reason.isEmpty() ? QStringLiteral("reverted on request") : reason);
    result.fault = m_store.fault(id);
    result.status = 200;
    return result;
}

void FaultManager::end(FaultRecord fault, FaultState state, const QString &reason)
{
    if (QTimer *timer = m_timers.take(fault.id)) {
        timer->stop();
        timer->deleteLater();
    }
    if (fault.kind != FaultKind::SiteDark)
        m_backend.revertFault(fault);
    const bool wasActive = fault.state == FaultState::Active;
    fault.state = state;
    fault.ended = QDateTime::currentDateTimeUtc();
    fault.endReason = reason;
    m_store.saveFault(fault);
    if (wasActive)
        setDark(fault, false);
    Q_EMIT faultChanged(fault);
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
