// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspectioncatalog.h"
#include "inspectionrunner.h"
#include "inspectionscheduler.h"
#include "inspectionstore.h"

#include <QList>
#include <QObject>

#include <memory>

namespace Haven {

class AgentStore;
class HttpResponder;
class RouteTable;
class SiteBackend;
struct AgentConfig;

// The inspection family of the agent's routes (docs/agent-protocol.md, "Inspections"): the
// catalog, one check now, and the tasks the agent runs on schedule with their run history.
class InspectionRoutes final : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxConcurrent = 8; // single checks run with POST /v1/inspections

    InspectionRoutes(AgentStore &store, const SiteBackend &backend, const AgentConfig &config,
                     QObject *parent = nullptr);
    ~InspectionRoutes() override;

    // Why the [inspections] configuration cannot be used (catalog, secrets); empty when it can.
    // The agent does not start with a broken one.
    QString setupError() const { return m_setupError; }

    void addRoutes(RouteTable &table);
    InspectionScheduler &scheduler() { return *m_scheduler; }
    QString metricsText() const;

private:
    void runOne(const InspectionCheck &check, const HttpResponder &responder);

    std::optional<InspectionCatalog> m_catalog;
    InspectionContext m_context;
    InspectionStore m_store;
    std::unique_ptr<InspectionScheduler> m_scheduler;
    QList<InspectionRunner *> m_running;
    QString m_setupError;
};

// Reads the secrets file: a JSON object of NAME -> string, a regular file (no symlink) of the
// agent's own user, readable by nobody else. nullopt with *error otherwise.
std::optional<QHash<QString, QString>> loadInspectionSecrets(const QString &path, QString *error);

} // namespace Haven
