// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultmanager.h"

#include "agent/site/agentstore.h"
#include "agent/site/sitebackend.h"
#include "core/jsonfields.h"
#include "faultkinds.h"

#include <QLoggingCategory>
#include <QSysInfo>
#include <QTimer>
#include <QUuid>

#include <cmath>

Q_LOGGING_CATEGORY(lcFaults, "haven.agent.faults", QtInfoMsg)

namespace Haven {

namespace {

constexpr qsizetype MaxKeyChars = 200;
// The wall clock is read this often, so that a forward step ends a fault on time.
constexpr int ClockCheckMs = 1000;

bool sameRequest(const FaultRecord &a, const FaultRecord &b)
{
    return a.kind == b.kind && a.target == b.target && a.parameters == b.parameters
           && a.durationSeconds == b.durationSeconds && a.drillId == b.drillId;
}

FaultManager::Result refusal(int status, const QString &code, const QString &message)
{
    FaultManager::Result result;
    result.status = status;
    result.code = code;
    result.message = message;
    return result;
}

} // namespace

FaultManager::FaultManager(AgentStore &store, SiteBackend &backend, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_backend(backend)
    , m_clockCheck(new QTimer(this))
{
    m_clockCheck->setInterval(ClockCheckMs);
    connect(m_clockCheck, &QTimer::timeout, this, &FaultManager::checkDeadlines);
}

// Steps still running are stopped; their faults stay in the journal, for restore().
FaultManager::~FaultManager() = default;

void FaultManager::configure(const FaultSettings &settings)
{
    m_settings = settings;
}

void FaultManager::restore()
{
    QHash<QString, FaultJournal::Entry> open;
    const QList<FaultJournal::Entry> journal = m_store.faultJournal().entries();
    for (const FaultJournal::Entry &entry : journal)
        open.insert(entry.record.id, entry);
    // Faults recorded by an agent without a journal, or whose journal was lost.
    const QList<FaultRecord> recorded = m_store.faults(true, 100000);
    for (const FaultRecord &record : recorded) {
        if (!open.contains(record.id)) {
            FaultJournal::Entry entry;
            entry.record = record;
            entry.deadline.wall = record.expires;
            entry.deadline.durationMs = qint64(record.durationSeconds) * 1000;
            open.insert(record.id, entry);
        }
    }
    for (const FaultJournal::Entry &entry : std::as_const(open)) {
        FaultRecord fault = m_store.fault(entry.record.id).value_or(entry.record);
        if (!isInEffect(fault.state)) {
            m_store.faultJournal().remove(fault.id); // its revert was confirmed just before the stop
            continue;
        }
        const bool ending = !fault.endReason.isEmpty() && fault.state != FaultState::Active
                            && fault.state != FaultState::Injecting;
        // Never applied again: a real site keeps what a hook did (tc rules, stress processes)
        // across an agent restart, and applying it twice could double it. Revert it now.
        fault.state = FaultState::Active;
        track(fault, entry.deadline, QStringLiteral("could not be re-applied after a restart: "));
        setDark(fault, true); // before it ends below, which counts it off again
        if (ending)
            beginEnd(fault.id, entry.endState, fault.endReason);
        else if (entry.deadline.remainingMs() <= 0)
            beginEnd(fault.id, FaultState::Expired, QStringLiteral("expired while the agent was stopped"));
        else
            beginEnd(fault.id, FaultState::Reverted, QStringLiteral("agent restarted mid-fault: reverted on start"));
    }
}

QStringList FaultManager::ownHosts() const
{
    QStringList hosts = m_settings.ownHosts;
    hosts.append(QSysInfo::machineHostName());
    hosts.removeDuplicates();
    return hosts;
}

// Empty when the fault may be injected; fills in its duration.
std::optional<FaultManager::Result> FaultManager::checkRequest(FaultRecord &fault)
{
    const FaultLimits bounds;
    if (fault.durationSeconds < bounds.minDurationSeconds || fault.durationSeconds > bounds.maxDurationSeconds)
        return refusal(400, QStringLiteral("invalid_request"),
                       QStringLiteral("durationSeconds must be %1..%2 (4 hours): every fault needs a time limit")
                           .arg(bounds.minDurationSeconds)
                           .arg(bounds.maxDurationSeconds));
    if (fault.idempotencyKey.size() > MaxKeyChars || fault.drillId.size() > MaxKeyChars)
        return refusal(400, QStringLiteral("invalid_request"),
                       QStringLiteral("idempotencyKey and drillId take at most %1 characters").arg(MaxKeyChars));
    if (fault.kind != FaultKind::SiteDark && !m_backend.supportedFaults().contains(fault.kind))
        return refusal(422, QStringLiteral("unsupported_fault"),
                       QStringLiteral("this site's backend cannot inject %1 faults").arg(toString(fault.kind)));
    if (QString problem = checkFaultParameters(fault); !problem.isEmpty())
        return refusal(422, QStringLiteral("invalid_fault"), problem);
    if (QString problem = checkFaultTarget(fault, m_backend.topology()); !problem.isEmpty())
        return refusal(422, QStringLiteral("invalid_fault"), problem);
    const bool isolating = fault.kind == FaultKind::HostDown
                           || (fault.kind == FaultKind::Network
                               && fault.parameters.value(QStringLiteral("lossPercent")).toDouble() >= 100);
    if (isolating && !m_settings.allowSelfIsolation) {
        const QStringList own = ownHosts();
        const QStringList hosts = hostsOfTarget(fault.target, m_backend.topology());
        for (const QString &host : hosts) {
            if (own.contains(host))
                return refusal(422, QStringLiteral("self_isolation"),
                               QStringLiteral("%1 on %2 would cut off this agent's own host %3; set [faults] "
                                              "allow_self_isolation = true to allow it")
                                   .arg(toString(fault.kind), fault.target, host));
        }
    }
    if (fault.kind != FaultKind::SiteDark) {
        if (QString problem = m_backend.checkFault(fault); !problem.isEmpty())
            return refusal(422, QStringLiteral("invalid_fault"), problem);
    }
    if (activeCount() >= m_settings.maxActive)
        return refusal(409, QStringLiteral("too_many_faults"),
                       QStringLiteral("%1 faults are in effect at this site, the most [faults] max_active allows; "
                                      "revert one or wait for its time limit")
                           .arg(activeCount()));
    return std::nullopt;
}

FaultManager::Result FaultManager::inject(const QJsonObject &request)
{
    JsonFields fields(request);
    FaultRecord fault;
    fault.kind = fields.requiredEnum<FaultKind>(QStringLiteral("kind"), faultKindFromString, allowedFaultKinds());
    fault.target = fields.optionalString(QStringLiteral("target"));
    fault.parameters = fields.optionalObject(QStringLiteral("parameters"));
    fault.idempotencyKey = fields.optionalString(QStringLiteral("idempotencyKey"));
    fault.drillId = fields.optionalString(QStringLiteral("drillId"));
    const qint64 duration = fields.requiredInteger(QStringLiteral("durationSeconds"));
    if (!fields.ok())
        return refusal(400, QStringLiteral("invalid_request"), fields.error());
    fault.durationSeconds = int(std::clamp<qint64>(duration, -1, std::numeric_limits<int>::max()));

    if (!fault.idempotencyKey.isEmpty()) {
        if (const std::optional<FaultRecord> earlier = m_store.faultByKey(fault.idempotencyKey)) {
            if (!sameRequest(*earlier, fault))
                return refusal(409, QStringLiteral("idempotency_conflict"),
                               QStringLiteral("idempotency key %1 was used for another fault (%2 on %3)")
                                   .arg(fault.idempotencyKey, toString(earlier->kind), earlier->target));
            Result result;
            result.fault = this->fault(earlier->id);
            result.status = 200;
            return result;
        }
    }
    if (std::optional<Result> refused = checkRequest(fault))
        return *refused;

    fault.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    fault.state = fault.kind == FaultKind::SiteDark ? FaultState::Active : FaultState::Injecting;
    const FaultDeadline deadline = FaultDeadline::after(fault.durationSeconds);
    fault.injected = deadline.wall.addMSecs(-deadline.durationMs);
    fault.expires = deadline.wall;
    // Journaled and recorded before it is applied: if the agent dies now, the restart reverts it.
    if (!m_store.faultJournal().write({fault, deadline, FaultState::Reverted}))
        return refusal(500, QStringLiteral("store_failed"),
                       QStringLiteral("the fault was not injected because the revert journal could not record it: %1")
                           .arg(m_store.faultJournal().lastError()));
    if (!m_store.saveFault(fault)) {
        m_store.faultJournal().remove(fault.id);
        return refusal(500, QStringLiteral("store_failed"),
                       QStringLiteral("the fault was not injected because it could not be recorded: %1")
                           .arg(m_store.lastError()));
    }
    track(fault, deadline, QStringLiteral("injection failed: "));
    if (fault.kind == FaultKind::SiteDark)
        setDark(fault, true);
    else
        startStep(fault.id, Step::Inject);
    Q_EMIT faultChanged(fault);
    Result result;
    result.fault = withRemaining(fault);
    result.status = 201;
    return result;
}

void FaultManager::track(const FaultRecord &fault, const FaultDeadline &deadline, const QString &injectFailure)
{
    auto tracked = std::make_shared<Tracked>();
    tracked->record = fault;
    tracked->deadline = deadline;
    tracked->injectFailure = injectFailure;
    tracked->deadlineTimer = new QTimer(this);
    tracked->deadlineTimer->setSingleShot(true);
    tracked->deadlineTimer->setTimerType(Qt::PreciseTimer);
    const QString id = fault.id;
    // QTimer runs on the monotonic clock; checkDeadlines() watches the wall clock.
    connect(tracked->deadlineTimer, &QTimer::timeout, this,
            [this, id] { beginEnd(id, FaultState::Expired, QStringLiteral("time limit reached")); });
    tracked->deadlineTimer->start(int(std::min<qint64>(deadline.remainingMs(), std::numeric_limits<int>::max())));
    m_tracked.insert(id, tracked);
    m_clockCheck->start();
}

void FaultManager::checkDeadlines()
{
    const QList<std::shared_ptr<Tracked>> tracked = m_tracked.values();
    for (const std::shared_ptr<Tracked> &t : tracked) {
        const bool running = t->record.state == FaultState::Active || t->record.state == FaultState::Injecting;
        if (running && t->deadline.remainingMs() <= 0)
            beginEnd(t->record.id, FaultState::Expired, QStringLiteral("time limit reached"));
    }
    if (m_tracked.isEmpty())
        m_clockCheck->stop();
}

void FaultManager::startStep(const QString &id, Step step)
{
    const std::shared_ptr<Tracked> tracked = m_tracked.value(id);
    switch (step) {
    case Step::Inject:
        tracked->step = m_backend.injectFault(withRemaining(tracked->record)); // hooks get the time left
        break;
    case Step::Revert:
        tracked->step = m_backend.revertFault(tracked->record);
        break;
    case Step::Verify:
        tracked->step = m_backend.verifyFault(tracked->record);
        if (!tracked->step)
            return finishEnd(id, false);
        break;
    }
    tracked->stepKind = step;
    connect(tracked->step.get(), &FaultExecution::finished, this,
            [this, id, step](const QString &error) { stepFinished(id, step, error); });
    tracked->step->start();
}

void FaultManager::stepFinished(const QString &id, Step step, const QString &error)
{
    const std::shared_ptr<Tracked> tracked = m_tracked.value(id);
    if (!tracked)
        return;
    tracked->step.release()->deleteLater(); // it is still emitting
    switch (step) {
    case Step::Inject:
        return injected(id, error);
    case Step::Revert:
        return error.isEmpty() ? startStep(id, Step::Verify) : revertAttemptFailed(id, error);
    case Step::Verify:
        if (!error.isEmpty())
            return revertAttemptFailed(id, QStringLiteral("the revert ran but the fault is still in effect: ") + error);
        return finishEnd(id, true);
    }
}

void FaultManager::injected(const QString &id, const QString &error)
{
    const std::shared_ptr<Tracked> tracked = m_tracked.value(id);
    if (tracked->record.state == FaultState::Reverting) {
        // Ended while it was being injected: revert what the hook did, or half did.
        if (!error.isEmpty())
            tracked->record.endReason += QStringLiteral(" (%1%2)").arg(tracked->injectFailure, error);
        return startRevert(id);
    }
    if (!error.isEmpty())
        return beginEnd(id, FaultState::Failed, tracked->injectFailure + error);
    save(*tracked, FaultState::Active);
}

void FaultManager::beginEnd(const QString &id, FaultState state, const QString &reason)
{
    const std::shared_ptr<Tracked> tracked = m_tracked.value(id);
    if (!tracked || tracked->record.state == FaultState::Reverting || tracked->record.state == FaultState::RevertFailed)
        return;
    tracked->deadlineTimer->stop();
    const bool injecting = tracked->record.state == FaultState::Injecting && tracked->step;
    if (tracked->record.state != FaultState::Orphaned) {
        tracked->endState = state;
        tracked->record.endReason = reason;
    }
    tracked->roundStart = tracked->record.revertAttempts;
    if (tracked->record.kind == FaultKind::SiteDark)
        return finishEnd(id, true); // the agent's own state: nothing to wait for
    if (injecting)
        return save(*tracked, FaultState::Reverting); // reverted once the injection has finished
    startRevert(id);
}

void FaultManager::startRevert(const QString &id)
{
    const std::shared_ptr<Tracked> tracked = m_tracked.value(id);
    tracked->record.revertAttempts += 1;
    save(*tracked, FaultState::Reverting);
    startStep(id, Step::Revert);
}

void FaultManager::revertAttemptFailed(const QString &id, const QString &error)
{
    const std::shared_ptr<Tracked> tracked = m_tracked.value(id);
    ++m_revertFailures;
    tracked->record.revertError = error;
    const int attempts = tracked->record.revertAttempts - tracked->roundStart;
    qCWarning(lcFaults).noquote() << "reverting fault" << id << "failed (attempt" << attempts << "):" << error;
    if (attempts >= m_settings.revertAttempts) {
        // The effect may still be there: say so loudly rather than claim the fault is over.
        tracked->orphanAlert = true;
        save(*tracked, FaultState::Orphaned);
        return publishOrphans();
    }
    save(*tracked, FaultState::RevertFailed);
    if (!tracked->retryTimer) {
        tracked->retryTimer = new QTimer(this);
        tracked->retryTimer->setSingleShot(true);
        connect(tracked->retryTimer, &QTimer::timeout, this, [this, id] {
            if (const std::shared_ptr<Tracked> t = m_tracked.value(id); t && t->record.state == FaultState::RevertFailed)
                startRevert(id);
        });
    }
    const double backoff = m_settings.firstRetryMs * std::pow(2.0, attempts - 1);
    tracked->retryTimer->start(int(std::min<double>(backoff, m_settings.maxRetryMs)));
}

void FaultManager::finishEnd(const QString &id, bool confirmed)
{
    const std::shared_ptr<Tracked> tracked = m_tracked.take(id);
    tracked->deadlineTimer->deleteLater();
    if (tracked->retryTimer)
        tracked->retryTimer->deleteLater();
    tracked->record.revertConfirmed = confirmed;
    tracked->record.ended = QDateTime::currentDateTimeUtc();
    save(*tracked, tracked->endState);
    if (!m_store.faultJournal().remove(id))
        qCWarning(lcFaults).noquote() << "fault" << id
                                      << "stays in the revert journal:" << m_store.faultJournal().lastError();
    setDark(tracked->record, false);
    if (tracked->orphanAlert)
        publishOrphans();
}

FaultManager::Result FaultManager::revert(const QString &id, const QString &reason)
{
    // An orphaned fault gets a new round of attempts and keeps its first end reason.
    if (m_tracked.contains(id))
        beginEnd(id, FaultState::Reverted, reason.isEmpty() ? QStringLiteral("reverted on request") : reason);
    Result result;
    result.fault = fault(id);
    if (!result.fault)
        return refusal(404, QStringLiteral("not_found"), QStringLiteral("no fault %1 on this site").arg(id));
    result.status = 200;
    return result;
}

// Saves the new state to the store and the journal and tells the service; a failed save is
// logged, the record in memory still drives the fault to its end.
void FaultManager::save(Tracked &tracked, FaultState state)
{
    tracked.record.state = state;
    if (!m_store.saveFault(tracked.record))
        qCWarning(lcFaults).noquote() << "fault" << tracked.record.id << "could not be recorded as" << toString(state)
                                      << ":" << m_store.lastError();
    if (isInEffect(state) && !m_store.faultJournal().write({tracked.record, tracked.deadline, tracked.endState}))
        qCWarning(lcFaults).noquote() << "fault" << tracked.record.id << "could not be journaled as" << toString(state)
                                      << ":" << m_store.faultJournal().lastError();
    Q_EMIT faultChanged(withRemaining(tracked.record));
}

void FaultManager::publishOrphans()
{
    QList<FaultRecord> orphans;
    for (const std::shared_ptr<Tracked> &tracked : std::as_const(m_tracked)) {
        if (tracked->orphanAlert)
            orphans.append(tracked->record);
    }
    m_backend.setOrphanedFaults(orphans);
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

FaultRecord FaultManager::withRemaining(FaultRecord record) const
{
    const std::shared_ptr<Tracked> tracked = m_tracked.value(record.id);
    const bool running = record.state == FaultState::Active || record.state == FaultState::Injecting;
    record.remainingSeconds = tracked && running ? int((tracked->deadline.remainingMs() + 999) / 1000) : 0;
    return record;
}

std::optional<FaultRecord> FaultManager::fault(const QString &id)
{
    if (const std::shared_ptr<Tracked> tracked = m_tracked.value(id))
        return withRemaining(tracked->record);
    return m_store.fault(id);
}

QList<FaultRecord> FaultManager::faults(bool activeOnly)
{
    QList<FaultRecord> records = m_store.faults(activeOnly);
    for (FaultRecord &record : records) {
        if (const std::shared_ptr<Tracked> tracked = m_tracked.value(record.id))
            record = withRemaining(tracked->record);
    }
    return records;
}

FaultLimits FaultManager::limits() const
{
    FaultLimits limits;
    limits.maxActive = m_settings.maxActive;
    limits.active = activeCount();
    limits.allowSelfIsolation = m_settings.allowSelfIsolation;
    limits.ownHosts = ownHosts();
    QList<FaultKind> kinds = m_backend.supportedFaults();
    kinds.append(FaultKind::SiteDark);
    for (const FaultKind kind : std::as_const(kinds))
        limits.kinds.append(faultKindLimits(kind));
    return limits;
}

QString FaultManager::metricsText() const
{
    int orphaned = 0;
    for (const std::shared_ptr<Tracked> &tracked : std::as_const(m_tracked))
        orphaned += tracked->record.state == FaultState::Orphaned ? 1 : 0;
    return QStringLiteral("# HELP haven_agent_fault_revert_failures_total Fault revert attempts that failed or could "
                          "not be confirmed.\n# TYPE haven_agent_fault_revert_failures_total counter\n"
                          "haven_agent_fault_revert_failures_total %1\n"
                          "# HELP haven_agent_faults_orphaned Faults whose revert could not be confirmed.\n"
                          "# TYPE haven_agent_faults_orphaned gauge\nhaven_agent_faults_orphaned %2\n")
        .arg(m_revertFailures)
        .arg(orphaned);
}

} // namespace Haven
