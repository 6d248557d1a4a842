// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/inspections.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>

namespace Haven {

class InspectionCatalog;
class SiteBackend;

// What the agent's configuration allows checks to do, and what they may use.
struct InspectionContext
{
    const InspectionCatalog *catalog = nullptr;
    bool allowFreeScripts = false;
    QStringList probeHosts;               // patterns with * wildcards, lower case
    QHash<QString, QString> secrets;      // NAME -> value, for ${secret:NAME}
    const SiteBackend *backend = nullptr; // answers the catalog checks it simulates

    bool hostAllowed(const QString &host) const;
};

// Runs one check (docs/inspections.md): a catalog entry or a free-form script through the one
// hook runner, or a one- or multi-step HTTP probe. Its status follows the Nagios convention.
class InspectionRunner : public QObject
{
    Q_OBJECT
public:
    // Why a check is not run at all; the route answers with it.
    struct Refusal
    {
        int status = 400;
        QString code;
        QString message;
    };

    // nullptr with *refusal set when the check names something this agent does not have or
    // does something its configuration does not allow.
    static std::unique_ptr<InspectionRunner> create(const InspectionCheck &check, const InspectionContext &context,
                                                    Refusal *refusal);

    ~InspectionRunner() override;

    // finished() is emitted exactly once after start(), never from inside start() itself.
    virtual void start() = 0;
    // Stops the check; finished() follows with status unknown unless a status came first.
    virtual void cancel() = 0;

    const InspectionCheck &check() const { return m_check; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void finished(const Haven::InspectionCheckResult &result);

protected:
    explicit InspectionRunner(InspectionCheck check, QObject *parent = nullptr);

    void markStarted();
    // Stamps check id, target and duration, and emits finished() the first time only.
    void finish(InspectionCheckResult result);
    static InspectionCheckResult result(InspectionStatus status, const QString &summary, const QString &output = {},
                                        const QJsonObject &evidence = {});

private:
    InspectionCheck m_check;
    QElapsedTimer m_clock;
    bool m_finished = false;
};

} // namespace Haven
