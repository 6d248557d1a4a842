// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/site/sitebackend.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTimer>

#include <memory>

namespace Haven {

class SimulatedExecution;
class SimulatedSite;

// The site backend of a simulated datacenter: a SimulatedSite driven by a timer.
// speed is simulated seconds per real second, so tests can run a restart in moments.
class SimulatedBackend final : public SiteBackend
{
    Q_OBJECT
public:
    static constexpr int TickMilliseconds = 250;

    static std::unique_ptr<SimulatedBackend> fromProfile(const QString &path, double speed, quint32 seed,
                                                         QString *error);
    explicit SimulatedBackend(std::unique_ptr<SimulatedSite> site, double speed = 1.0, QObject *parent = nullptr);
    ~SimulatedBackend() override;

    SiteInfo siteInfo() const override;
    const TopologyState &topology() const override;
    QList<OperationSpec> operations() const override;
    std::unique_ptr<ActionExecution> createExecution(const ActionContext &context, QString *error) override;

    QList<FaultKind> supportedFaults() const override;
    QString checkFault(const FaultRecord &fault) const override;
    std::unique_ptr<FaultExecution> injectFault(const FaultRecord &fault) override;
    std::unique_ptr<FaultExecution> revertFault(const FaultRecord &fault) override;
    std::unique_ptr<FaultExecution> verifyFault(const FaultRecord &fault) override;
    void setOrphanedFaults(const QList<FaultRecord> &faults) override;

    QString metricsText() const override;
    std::optional<InspectionCheckResult> simulateInspection(const InspectionCheck &check) const override;

    double speed() const { return m_speed; }
    const SimulatedSite &site() const { return *m_site; }

    // Advances the simulation by the real time since the last tick, times speed(); the timer
    // calls it every TickMilliseconds.
    void tick();
    // Many sites in one process (bench/fleet) tick less often; the simulation stays the same.
    void setTickInterval(int milliseconds) { m_timer.setInterval(milliseconds); }

private:
    friend class SimulatedExecution;
    quint64 startRun(SimulatedExecution *execution, const QString &operation, const QJsonObject &parameters,
                     QString *error);
    void cancelRun(quint64 run);
    void forgetRun(quint64 run);
    void deliverEvents();
    void reportTopology();

    std::unique_ptr<SimulatedSite> m_site;
    double m_speed = 1.0;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastTickMs = 0;
    quint64 m_reportedRevision = 0;
    QHash<quint64, SimulatedExecution *> m_executions;
};

} // namespace Haven
