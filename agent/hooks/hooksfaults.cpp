// SPDX-License-Identifier: GPL-3.0-or-later
// HooksBackend: the fault hooks (inject, revert, verify) and the alerts of orphaned faults.
#include "hooksbackend.h"

#include <QJsonDocument>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcHooks)

namespace Haven {

namespace {

constexpr qsizetype MaxFaultHookMessageChars = 500;

// One inject or revert hook of a fault; its last output lines explain a failure.
class HookFaultExecution final : public FaultExecution
{
    Q_OBJECT
public:
    HookFaultExecution(HookProcess::Options options, QString phase, QString faultId)
        : m_process(std::move(options))
        , m_phase(std::move(phase))
        , m_faultId(std::move(faultId))
    {
        connect(&m_process, &HookProcess::finished, this, [this](const HookProcess::Result &result) {
            const QString output = QString::fromUtf8(result.output).trimmed();
            qCInfo(lcHooks).noquote() << m_phase << "hook for fault" << m_faultId << "said:" << output;
            if (result.succeeded())
                return Q_EMIT finished({});
            const HookProcess::Outcome outcome = result.outcome;
            QString message = QStringLiteral("%1 hook failed with %2").arg(m_phase, result.describe());
            if (outcome == HookProcess::Outcome::TimedOut)
                message = QStringLiteral("%1 hook %2").arg(m_phase, result.describe());
            else if (outcome == HookProcess::Outcome::FailedToStart)
                message = QStringLiteral("%1 hook: %2").arg(m_phase, result.describe());
            if (!output.isEmpty())
                message += QStringLiteral(": ") + output.right(MaxFaultHookMessageChars);
            Q_EMIT finished(message);
        });
    }

    void start() override { m_process.start(); }

private:
    HookProcess m_process;
    QString m_phase;
    QString m_faultId;
};

// A step that fails at once, from the event loop like a hook would.
std::unique_ptr<FaultExecution> refusedStep(const QString &problem)
{
    return std::make_unique<FaultStage>([problem] { return problem; });
}

} // namespace

QList<FaultKind> HooksBackend::supportedFaults() const
{
    return m_catalog.faults.keys();
}

QString HooksBackend::checkFault(const FaultRecord &fault) const
{
    if (m_catalog.faults.contains(fault.kind))
        return {};
    QStringList offered;
    for (const FaultKind kind : m_catalog.faults.keys())
        offered.append(toString(kind));
    return QStringLiteral("this site has no hook for %1 faults (it offers: %2)")
        .arg(toString(fault.kind), offered.isEmpty() ? QStringLiteral("none") : offered.join(QStringLiteral(", ")));
}

std::unique_ptr<FaultExecution> HooksBackend::injectFault(const FaultRecord &fault)
{
    if (const QString problem = checkFault(fault); !problem.isEmpty())
        return refusedStep(problem);
    return faultStep(m_catalog.faults.value(fault.kind).inject, fault, QStringLiteral("inject"));
}

std::unique_ptr<FaultExecution> HooksBackend::revertFault(const FaultRecord &fault)
{
    if (const QString problem = checkFault(fault); !problem.isEmpty())
        return refusedStep(problem);
    return faultStep(m_catalog.faults.value(fault.kind).revert, fault, QStringLiteral("revert"));
}

std::unique_ptr<FaultExecution> HooksBackend::verifyFault(const FaultRecord &fault)
{
    const std::optional<HookCommand> verify = m_catalog.faults.value(fault.kind).verify;
    if (!verify)
        return nullptr;
    return faultStep(*verify, fault, QStringLiteral("verify"));
}

void HooksBackend::setOrphanedFaults(const QList<FaultRecord> &faults)
{
    m_orphans = faults;
    refreshHost();
}

// On the agent's own host component: it is always in the topology, whatever the hooks report.
void HooksBackend::addOrphanAlerts(Component &host) const
{
    for (const FaultRecord &fault : m_orphans) {
        host.alerts.append({QStringLiteral("orphaned-fault-") + fault.id, QStringLiteral("critical"),
                            QStringLiteral("orphaned fault %1: %2 on %3 could not be confirmed reverted (%4); check "
                                           "it and revert it by hand")
                                .arg(fault.id, toString(fault.kind), fault.target, fault.revertError),
                            fault.injected});
        host.status = ComponentStatus::Critical;
    }
}

// The hook learns its deadline, so that it can arm its own timer and end the fault even if
// the agent is gone by then (docs/hooks-reference.md).
std::unique_ptr<FaultExecution> HooksBackend::faultStep(const HookCommand &command, const FaultRecord &fault,
                                                        const QString &phase) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime expires = std::min(fault.expires, now.addSecs(fault.remainingSeconds));
    const QHash<QString, QString> environment{{QStringLiteral("HAVEN_FAULT_ID"), fault.id},
                                              {QStringLiteral("HAVEN_FAULT_KIND"), toString(fault.kind)},
                                              {QStringLiteral("HAVEN_FAULT_TARGET"), fault.target},
                                              {QStringLiteral("HAVEN_FAULT_PHASE"), phase},
                                              {QStringLiteral("HAVEN_FAULT_EXPIRES"), isoTime(expires)},
                                              {QStringLiteral("HAVEN_FAULT_SECONDS"),
                                               QString::number(std::max<qint64>(0, now.secsTo(expires)))}};
    return std::make_unique<HookFaultExecution>(hookOptions(command, environment,
                                                            QJsonDocument(fault.toJson()).toJson(QJsonDocument::Compact)),
                                                phase, fault.id);
}

} // namespace Haven

#include "hooksfaults.moc"
