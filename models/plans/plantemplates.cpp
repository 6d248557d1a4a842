// SPDX-License-Identifier: GPL-3.0-or-later
#include "plantemplates.h"

#include "planlayout.h"

#include <QUuid>

namespace Haven {

namespace {

constexpr auto Switchover = PlanPhase::Switchover;
constexpr auto Recovery = PlanPhase::Recovery;

StepTarget failed()
{
    return {StepTargetKind::FailedSite, {}};
}
StepTarget emergency()
{
    return {StepTargetKind::EmergencySite, {}};
}
StepTarget everySite()
{
    return {StepTargetKind::EverySite, {}};
}
StepTarget named(const QString &site)
{
    return {StepTargetKind::NamedSite, site};
}

QJsonObject group(const QString &productGroup)
{
    return {{QStringLiteral("productGroup"), productGroup}};
}

QJsonObject waitReplication(const QString &productGroup, int maxLag, int timeout)
{
    return {{QStringLiteral("productGroup"), productGroup},
            {QStringLiteral("maxLagSeconds"), maxLag},
            {QStringLiteral("timeoutSeconds"), timeout}};
}

StepGuard lagBelow(double seconds, const QString &productGroup, std::optional<Layer> layer = std::nullopt)
{
    StepGuard guard;
    guard.kind = GuardKind::ReplicationLagBelow;
    guard.threshold = seconds;
    guard.productGroup = productGroup;
    guard.layer = layer;
    return guard;
}

StepGuard capacityBelow(double percent, const QString &productGroup, Layer layer)
{
    StepGuard guard;
    guard.kind = GuardKind::CapacityBelow;
    guard.threshold = percent;
    guard.productGroup = productGroup;
    guard.layer = layer;
    return guard;
}

class Builder
{
public:
    PlanData plan;

    StepId add(PlanPhase phase, const QString &name, const QString &operation, const QJsonObject &parameters,
               const StepTarget &target, const QString &productGroup = {})
    {
        PlanStep step;
        step.id = m_next++;
        step.phase = phase;
        step.name = name;
        step.operation = operation;
        step.parameters = parameters;
        step.target = target;
        step.productGroup = productGroup;
        step.timeoutSeconds = operation.startsWith(QLatin1StringView("wait.")) ? 900 : 300;
        plan.steps.append(step);
        return step.id;
    }
    PlanStep &step(StepId id) { return plan.steps[id - 1]; }
    void approval(StepId id, const QString &prompt)
    {
        step(id).requiresApproval = true;
        step(id).approvalPrompt = prompt;
    }
    void guard(StepId id, const StepGuard &guard) { step(id).guard = guard; }
    void retry(StepId id, int attempts, int backoff) { step(id).retry = {attempts, backoff, 2.0}; }
    void onFailure(StepId id, OnFailure behaviour, const QString &notes = {})
    {
        step(id).onFailure = behaviour;
        if (!notes.isEmpty())
            step(id).notes = notes;
    }
    // Chains the steps in order and returns the last one.
    StepId chain(std::initializer_list<StepId> ids)
    {
        StepId previous = InvalidStepId;
        for (StepId id : ids) {
            if (previous != InvalidStepId)
                edge(previous, id);
            previous = id;
        }
        return previous;
    }
    void edge(StepId from, StepId to) { plan.edges.append({from, to}); }

private:
    StepId m_next = 1;
};

// The failed site may be dark: fencing it is attempted, and the plan goes on if it cannot be reached.
void fenceOnFailedSite(Builder &b, StepId id)
{
    b.onFailure(id, OnFailure::Continue,
                PlanTemplates::tr("The failed site may be unreachable; the plan goes on without it. Fence it by hand "
                                  "once it is back if this step failed."));
}

void sameCityActiveActive(Builder &b, const QStringList &groups)
{
    b.plan.metadata.rtoSeconds = 300;
    b.plan.metadata.rpoSeconds = 5;
    // Switchover: both sites serve traffic; the survivor takes the failed site's share.
    const StepId check = b.add(Switchover, PlanTemplates::tr("Check the emergency site"),
                               QStringLiteral("health.check"), {}, emergency());
    const StepId storage = b.add(Switchover, PlanTemplates::tr("Promote storage at the emergency site"),
                                 QStringLiteral("storage.promote"), {}, emergency());
    b.guard(storage, lagBelow(30, {}, Layer::Storage));
    b.edge(check, storage);
    const StepId done = b.add(Switchover, PlanTemplates::tr("Check business at the emergency site"),
                              QStringLiteral("health.check"), {{QStringLiteral("layer"), QStringLiteral("business")}},
                              emergency());
    b.edge(storage, done);
    for (const QString &g : groups) {
        const StepId cut = b.add(Switchover, PlanTemplates::tr("Cut %1 traffic at the failed site").arg(g),
                                 QStringLiteral("traffic.cut"), group(g), failed(), g);
        b.approval(cut,
                   PlanTemplates::tr("Cut all %1 traffic at the failed site? The emergency site takes it over.").arg(g));
        b.retry(cut, 3, 5);
        fenceOnFailedSite(b, cut);
        // Fence the old primary so that the two sites never both write (split brain).
        const StepId fence = b.add(Switchover, PlanTemplates::tr("Demote %1 database at the failed site").arg(g),
                                   QStringLiteral("db.demote"), group(g), failed(), g);
        fenceOnFailedSite(b, fence);
        const StepId wait = b.add(Switchover, PlanTemplates::tr("Wait for %1 replication").arg(g),
                                  QStringLiteral("wait.replication"), waitReplication(g, 5, 120), emergency(), g);
        const StepId promote = b.add(Switchover, PlanTemplates::tr("Promote %1 database at the emergency site").arg(g),
                                     QStringLiteral("db.promote"), group(g), emergency(), g);
        b.guard(promote, lagBelow(5, g));
        b.onFailure(promote, OnFailure::Pause);
        const StepId restart = b.add(Switchover,
                                     PlanTemplates::tr("Restart %1 applications at the emergency site").arg(g),
                                     QStringLiteral("app.restart"), group(g), emergency(), g);
        b.retry(restart, 2, 10);
        const StepId verify = b.add(Switchover, PlanTemplates::tr("Check %1 at the emergency site").arg(g),
                                    QStringLiteral("health.check"), group(g), emergency(), g);
        b.chain({check, cut, fence, wait, promote, restart, verify, done});
    }

    // Recovery: the repaired site rejoins and gets its share back.
    const StepId rcheck = b.add(Recovery, PlanTemplates::tr("Check the repaired site"), QStringLiteral("health.check"),
                                {}, failed());
    const StepId rstorage = b.add(Recovery, PlanTemplates::tr("Demote storage at the emergency site"),
                                  QStringLiteral("storage.demote"), {}, emergency());
    b.edge(rcheck, rstorage);
    const StepId rdone = b.add(Recovery, PlanTemplates::tr("Check every site"), QStringLiteral("health.check"), {},
                               everySite());
    b.edge(rstorage, rdone);
    for (const QString &g : groups) {
        const StepId wait = b.add(Recovery, PlanTemplates::tr("Wait for %1 replication to the repaired site").arg(g),
                                  QStringLiteral("wait.replication"), waitReplication(g, 5, 600), failed(), g);
        const StepId demote = b.add(Recovery, PlanTemplates::tr("Demote %1 database at the emergency site").arg(g),
                                    QStringLiteral("db.demote"), group(g), emergency(), g);
        b.approval(demote, PlanTemplates::tr("Hand the %1 database back to the repaired site?").arg(g));
        b.guard(demote, lagBelow(5, g));
        const StepId promote = b.add(Recovery, PlanTemplates::tr("Promote %1 database at the repaired site").arg(g),
                                     QStringLiteral("db.promote"), group(g), failed(), g);
        const StepId restore = b.add(Recovery, PlanTemplates::tr("Restore %1 traffic at the repaired site").arg(g),
                                     QStringLiteral("traffic.restore"), group(g), failed(), g);
        const StepId verify = b.add(Recovery, PlanTemplates::tr("Check %1 at the repaired site").arg(g),
                                    QStringLiteral("health.check"), group(g), failed(), g);
        b.chain({rcheck, wait, demote, promote, restore, verify, rdone});
    }
}

// Shared by active-standby and two-cities-three-centers: the standby takes over everything.
void activeStandby(Builder &b, const QStringList &groups, int maxLag, const QString &remoteSite)
{
    const StepId check = b.add(Switchover, PlanTemplates::tr("Check the emergency site"),
                               QStringLiteral("health.check"), {}, emergency());
    StepId remoteCheck = InvalidStepId;
    if (!remoteSite.isEmpty()) {
        remoteCheck = b.add(Switchover, PlanTemplates::tr("Check the remote DR center"), QStringLiteral("health.check"),
                            {}, named(remoteSite));
        b.onFailure(remoteCheck, OnFailure::Pause);
    }
    const StepId storageFence = b.add(Switchover, PlanTemplates::tr("Demote storage at the failed site"),
                                      QStringLiteral("storage.demote"), {}, failed());
    fenceOnFailedSite(b, storageFence);
    const StepId storage = b.add(Switchover, PlanTemplates::tr("Promote storage at the emergency site"),
                                 QStringLiteral("storage.promote"), {}, emergency());
    b.guard(storage, lagBelow(std::max(maxLag, 30), {}, Layer::Storage));
    b.chain({check, storageFence, storage});
    const StepId done = b.add(Switchover, PlanTemplates::tr("Check business at the emergency site"),
                              QStringLiteral("health.check"), {{QStringLiteral("layer"), QStringLiteral("business")}},
                              emergency());
    for (const QString &g : groups) {
        const StepId cut = b.add(Switchover, PlanTemplates::tr("Cut %1 traffic at the failed site").arg(g),
                                 QStringLiteral("traffic.cut"), group(g), failed(), g);
        b.approval(cut, PlanTemplates::tr("Declare the failed site lost for %1 and cut its traffic?").arg(g));
        fenceOnFailedSite(b, cut);
        const StepId stop = b.add(Switchover, PlanTemplates::tr("Stop %1 applications at the failed site").arg(g),
                                  QStringLiteral("app.stop"), group(g), failed(), g);
        fenceOnFailedSite(b, stop);
        const StepId fence = b.add(Switchover, PlanTemplates::tr("Demote %1 database at the failed site").arg(g),
                                   QStringLiteral("db.demote"), group(g), failed(), g);
        fenceOnFailedSite(b, fence);
        const StepId wait = b.add(Switchover, PlanTemplates::tr("Wait for %1 replication").arg(g),
                                  QStringLiteral("wait.replication"), waitReplication(g, maxLag, 300), emergency(), g);
        const StepId promote = b.add(Switchover, PlanTemplates::tr("Promote %1 database at the emergency site").arg(g),
                                     QStringLiteral("db.promote"), group(g), emergency(), g);
        b.guard(promote, lagBelow(maxLag, g));
        b.onFailure(promote, OnFailure::Pause);
        const StepId start = b.add(Switchover, PlanTemplates::tr("Start %1 applications at the emergency site").arg(g),
                                   QStringLiteral("app.start"), group(g), emergency(), g);
        b.retry(start, 3, 10);
        const StepId restore = b.add(Switchover, PlanTemplates::tr("Open %1 traffic at the emergency site").arg(g),
                                     QStringLiteral("traffic.restore"), group(g), emergency(), g);
        b.approval(restore, PlanTemplates::tr("Open %1 traffic at the emergency site?").arg(g));
        const StepId verify = b.add(Switchover, PlanTemplates::tr("Check %1 at the emergency site").arg(g),
                                    QStringLiteral("health.check"), group(g), emergency(), g);
        b.chain({check, cut, stop, fence, wait, promote, start, restore, verify, done});
        b.edge(storage, start);
        if (remoteCheck != InvalidStepId) {
            b.edge(remoteCheck, promote);
            const StepId follow = b.add(Switchover, PlanTemplates::tr("Wait for the remote copy of %1").arg(g),
                                        QStringLiteral("wait.replication"), waitReplication(g, maxLag * 6, 900),
                                        named(remoteSite), g);
            b.onFailure(follow, OnFailure::Continue,
                        PlanTemplates::tr("The third copy may catch up later; the business is already back."));
            b.chain({promote, follow, done});
        }
    }

    // Recovery: move everything back to the repaired site.
    const StepId rcheck = b.add(Recovery, PlanTemplates::tr("Check the repaired site"), QStringLiteral("health.check"),
                                {}, failed());
    const StepId rstorage = b.add(Recovery, PlanTemplates::tr("Demote storage at the emergency site"),
                                  QStringLiteral("storage.demote"), {}, emergency());
    const StepId rstoragePromote = b.add(Recovery, PlanTemplates::tr("Promote storage at the repaired site"),
                                         QStringLiteral("storage.promote"), {}, failed());
    b.guard(rstoragePromote, lagBelow(std::max(maxLag, 30), {}, Layer::Storage));
    b.chain({rcheck, rstorage, rstoragePromote});
    const StepId rdone = b.add(Recovery, PlanTemplates::tr("Check every site"), QStringLiteral("health.check"), {},
                               everySite());
    for (const QString &g : groups) {
        const StepId wait = b.add(Recovery, PlanTemplates::tr("Wait for %1 replication to the repaired site").arg(g),
                                  QStringLiteral("wait.replication"), waitReplication(g, maxLag, 1800), failed(), g);
        const StepId cut = b.add(Recovery, PlanTemplates::tr("Cut %1 traffic at the emergency site").arg(g),
                                 QStringLiteral("traffic.cut"), group(g), emergency(), g);
        b.approval(cut, PlanTemplates::tr("Start moving %1 back: cut its traffic at the emergency site?").arg(g));
        const StepId stop = b.add(Recovery, PlanTemplates::tr("Stop %1 applications at the emergency site").arg(g),
                                  QStringLiteral("app.stop"), group(g), emergency(), g);
        const StepId demote = b.add(Recovery, PlanTemplates::tr("Demote %1 database at the emergency site").arg(g),
                                    QStringLiteral("db.demote"), group(g), emergency(), g);
        const StepId promote = b.add(Recovery, PlanTemplates::tr("Promote %1 database at the repaired site").arg(g),
                                     QStringLiteral("db.promote"), group(g), failed(), g);
        b.guard(promote, lagBelow(maxLag, g));
        b.onFailure(promote, OnFailure::Pause);
        const StepId start = b.add(Recovery, PlanTemplates::tr("Start %1 applications at the repaired site").arg(g),
                                   QStringLiteral("app.start"), group(g), failed(), g);
        b.retry(start, 3, 10);
        const StepId restore = b.add(Recovery, PlanTemplates::tr("Restore %1 traffic at the repaired site").arg(g),
                                     QStringLiteral("traffic.restore"), group(g), failed(), g);
        const StepId verify = b.add(Recovery, PlanTemplates::tr("Check %1 at the repaired site").arg(g),
                                    QStringLiteral("health.check"), group(g), failed(), g);
        b.chain({rcheck, wait, cut, stop, demote, promote, start, restore, verify, rdone});
        b.edge(rstoragePromote, start);
    }
}

void unitizedMultiActive(Builder &b, const QStringList &groups)
{
    b.plan.metadata.rtoSeconds = 120;
    b.plan.metadata.rpoSeconds = 2;
    // Each product group is a unit served from several sites; the failed site's units move to the
    // emergency site(s), which must have room for them.
    const StepId check = b.add(Switchover, PlanTemplates::tr("Check the emergency sites"),
                               QStringLiteral("health.check"), {}, emergency());
    const StepId done = b.add(Switchover, PlanTemplates::tr("Check every site"), QStringLiteral("health.check"),
                              {{QStringLiteral("layer"), QStringLiteral("business")}}, everySite());
    b.onFailure(done, OnFailure::Continue, PlanTemplates::tr("The failed site is expected to fail this check."));
    for (const QString &g : groups) {
        const StepId capacity = b.add(Switchover,
                                      PlanTemplates::tr("Check %1 unit health at the emergency sites").arg(g),
                                      QStringLiteral("health.check"),
                                      {{QStringLiteral("productGroup"), g},
                                       {QStringLiteral("layer"), QStringLiteral("database")}},
                                      emergency(), g);
        b.guard(capacity, capacityBelow(80, g, Layer::Database));
        const StepId cut = b.add(Switchover, PlanTemplates::tr("Move %1 units away from the failed site").arg(g),
                                 QStringLiteral("traffic.cut"), group(g), failed(), g);
        b.approval(cut, PlanTemplates::tr("Route the failed site's %1 units to the emergency sites?").arg(g));
        b.retry(cut, 3, 2);
        fenceOnFailedSite(b, cut);
        const StepId wait = b.add(Switchover, PlanTemplates::tr("Wait for %1 unit data").arg(g),
                                  QStringLiteral("wait.replication"), waitReplication(g, 2, 60), emergency(), g);
        const StepId promote = b.add(Switchover,
                                     PlanTemplates::tr("Take over %1 unit data at the emergency sites").arg(g),
                                     QStringLiteral("db.promote"), group(g), emergency(), g);
        b.guard(promote, lagBelow(2, g));
        b.onFailure(promote, OnFailure::Pause);
        const StepId restart = b.add(Switchover, PlanTemplates::tr("Restart %1 unit applications").arg(g),
                                     QStringLiteral("app.restart"), group(g), emergency(), g);
        const StepId verify = b.add(Switchover, PlanTemplates::tr("Check %1 units at the emergency sites").arg(g),
                                    QStringLiteral("health.check"), group(g), emergency(), g);
        b.chain({check, capacity, cut, wait, promote, restart, verify, done});
    }

    const StepId rcheck = b.add(Recovery, PlanTemplates::tr("Check the repaired site"), QStringLiteral("health.check"),
                                {}, failed());
    const StepId rdone = b.add(Recovery, PlanTemplates::tr("Check every site"), QStringLiteral("health.check"), {},
                               everySite());
    for (const QString &g : groups) {
        const StepId wait = b.add(Recovery, PlanTemplates::tr("Wait for %1 unit data at the repaired site").arg(g),
                                  QStringLiteral("wait.replication"), waitReplication(g, 2, 900), failed(), g);
        const StepId demote = b.add(Recovery, PlanTemplates::tr("Give back %1 unit data at the emergency sites").arg(g),
                                    QStringLiteral("db.demote"), group(g), emergency(), g);
        b.approval(demote, PlanTemplates::tr("Return the %1 units to the repaired site?").arg(g));
        b.guard(demote, lagBelow(2, g));
        const StepId promote = b.add(Recovery, PlanTemplates::tr("Take back %1 unit data at the repaired site").arg(g),
                                     QStringLiteral("db.promote"), group(g), failed(), g);
        const StepId restore = b.add(Recovery, PlanTemplates::tr("Route %1 units back to the repaired site").arg(g),
                                     QStringLiteral("traffic.restore"), group(g), failed(), g);
        const StepId verify = b.add(Recovery, PlanTemplates::tr("Check %1 units at the repaired site").arg(g),
                                    QStringLiteral("health.check"), group(g), failed(), g);
        b.chain({rcheck, wait, demote, promote, restore, verify, rdone});
    }
}

} // namespace

QStringList PlanTemplates::defaultProductGroups()
{
    return {QStringLiteral("payments"), QStringLiteral("accounts"), QStringLiteral("trading")};
}

QList<PlanTemplates::Template> PlanTemplates::all()
{
    return {
        {Architecture::SameCityActiveActive, QStringLiteral("same-city-active-active"), tr("Same-city active-active"),
         tr("Two sites in one city both serve traffic. The survivor takes the failed site's share, promotes its "
            "databases and storage; recovery hands everything back.")},
        {Architecture::RemoteActiveStandby, QStringLiteral("remote-active-standby"), tr("Remote active-standby"),
         tr("A remote standby site takes over: fence the failed site, wait for replication, promote, start the "
            "applications and open traffic; recovery moves everything back.")},
        {Architecture::TwoCitiesThreeCenters, QStringLiteral("two-cities-three-centers"),
         tr("Two cities, three centers"),
         tr("The same-city standby takes over while the remote DR center is checked and its copy followed; "
            "recovery moves everything back.")},
        {Architecture::UnitizedMultiActive, QStringLiteral("unitized-multi-active"), tr("Unitized multi-active (LDC)"),
         tr("Each product group is a unit served by several sites; the failed site's units move to the emergency "
            "sites after a capacity check; recovery returns them.")},
    };
}

PlanData PlanTemplates::create(Architecture architecture, const QStringList &productGroups, const QString &remoteSite)
{
    Builder b;
    PlanMetadata &m = b.plan.metadata;
    m.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m.kind = PlanKind::DisasterRecovery;
    m.state = PlanState::Draft;
    for (const Template &t : all()) {
        if (t.architecture == architecture) {
            m.name = t.name;
            m.description = t.description;
        }
    }
    switch (architecture) {
    case Architecture::SameCityActiveActive:
        sameCityActiveActive(b, productGroups);
        break;
    case Architecture::RemoteActiveStandby:
        m.rtoSeconds = 1800;
        m.rpoSeconds = 60;
        activeStandby(b, productGroups, 30, {});
        break;
    case Architecture::TwoCitiesThreeCenters:
        m.rtoSeconds = 900;
        m.rpoSeconds = 10;
        activeStandby(b, productGroups, 10, remoteSite);
        break;
    case Architecture::UnitizedMultiActive:
        unitizedMultiActive(b, productGroups);
        break;
    }
    b.plan.normalize();
    PlanLayout::apply(b.plan, PlanLayout::layout(b.plan));
    return b.plan;
}

} // namespace Haven
