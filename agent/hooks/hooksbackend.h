// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/process/hookprocess.h"
#include "agent/site/hostmetrics.h"
#include "agent/site/sitebackend.h"
#include "agent/site/topologystate.h"

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

namespace Haven {

struct HooksSettings
{
    SiteInfo identity;
    QString catalogPath;
    QString dataDir; // the hooks' working directory; its disk is the host's capacity watermark
    std::chrono::milliseconds hostRefresh{std::chrono::seconds(10)};
    double warningPercent = 85;  // host CPU, memory or disk at or above: warning
    double criticalPercent = 95; // ... critical
    QString procRoot = QStringLiteral("/proc");
};

// An executable with its arguments, as the catalog names it (docs/hooks-backend.md).
struct HookCommand
{
    QString program; // absolute path, checked to be executable when the catalog was read
    QStringList arguments;
    int timeoutSeconds = 0;
};

// The operators' description of their site: which executables implement the operations,
// the fault kinds and the topology report.
struct HooksCatalog
{
    struct Operation
    {
        OperationSpec spec;
        HookCommand command;
    };
    struct FaultHooks
    {
        HookCommand inject;
        HookCommand revert;
        std::optional<HookCommand> verify; // exit 0: the fault's effect is gone
    };

    QList<Operation> operations;
    QMap<FaultKind, FaultHooks> faults;
    std::optional<HookCommand> topology;
    std::chrono::seconds topologyInterval{30};

    // Errors name the file and the field: "site.json: operations[2].command[0]: ... is not executable".
    static std::optional<HooksCatalog> load(const QString &path, QString *error);
    // Relative commands are resolved against baseDir, bare names against PATH.
    static std::optional<HooksCatalog> fromJson(const QJsonObject &json, const QString &baseDir, QString *error);
};

// The real site: every operation, fault and topology report is an executable the site's
// operators provide. The agent's own host is always reported as a physical-layer component.
class HooksBackend final : public SiteBackend
{
    Q_OBJECT
public:
    static std::unique_ptr<HooksBackend> create(const HooksSettings &settings, QString *error);
    ~HooksBackend() override;

    SiteInfo siteInfo() const override;
    const TopologyState &topology() const override { return m_topology; }
    QList<OperationSpec> operations() const override;

    std::unique_ptr<ActionExecution> createExecution(const ActionContext &context, QString *error) override;

    QList<FaultKind> supportedFaults() const override;
    QString checkFault(const FaultRecord &fault) const override;
    std::unique_ptr<FaultExecution> injectFault(const FaultRecord &fault) override;
    std::unique_ptr<FaultExecution> revertFault(const FaultRecord &fault) override;
    std::unique_ptr<FaultExecution> verifyFault(const FaultRecord &fault) override;
    void setOrphanedFaults(const QList<FaultRecord> &faults) override;

    QString metricsText() const override;

    QString hostComponentId() const { return m_hostComponentId; }
    // Why the last topology report was not used; empty after a good one.
    QString lastTopologyError() const { return m_lastTopologyError; }

private:
    HooksBackend(HooksSettings settings, HooksCatalog catalog);

    // The agent's HAVEN_* variables, the data directory and the command's timeout.
    HookProcess::Options hookOptions(const HookCommand &command, QHash<QString, QString> environment,
                                     QByteArray input) const;
    std::unique_ptr<FaultExecution> faultStep(const HookCommand &command, const FaultRecord &fault,
                                              const QString &phase) const;

    void refreshHost();
    void addOrphanAlerts(Component &host) const;
    void runTopologyHook();
    void topologyHookFinished(const HookProcess::Result &result);
    void rejectTopology(const QString &problem);
    QString applyTopologyReport(const QByteArray &output); // empty when the report was used

    void publishIfChanged(bool changed);

    HooksSettings m_settings;
    HooksCatalog m_catalog;
    TopologyState m_topology;

    HostMetrics m_hostMetrics;
    HostMetrics::Sample m_hostSample;
    QString m_hostComponentId;
    QHash<QString, QDateTime> m_hostAlertSince; // alert id -> when the threshold was crossed
    QTimer m_hostTimer;

    QTimer m_topologyTimer;
    std::unique_ptr<HookProcess> m_topologyRun; // while a report is being written
    QStringList m_reportedComponents;           // what the last good report contained
    QStringList m_reportedLinks;
    QString m_lastTopologyError;
    QDateTime m_lastTopologySuccess;
    quint64 m_topologyReports = 0;
    quint64 m_topologyFailures = 0;

    QMap<ActionState, quint64> m_finishedOperations;
    QList<FaultRecord> m_orphans;
};

} // namespace Haven
