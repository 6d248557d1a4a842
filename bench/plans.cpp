// SPDX-License-Identifier: GPL-3.0-or-later
// Validation and automatic layout of a 1,000-step DR plan with wide parallel branches, against
// the demo sites' catalog. Prints "figure_name value unit" (median of several runs); not run by ctest.

#include "agent/simulated/simulatedsite.h"
#include "models/plans/planlayout.h"
#include "models/plans/planvalidator.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace Haven;

namespace {

// One phase: an entry step, `branches` parallel chains of `length` steps, an exit step, and a
// cross link between neighbouring chains every few steps.
void addPhase(PlanData &plan, PlanPhase phase, int branches, int length, StepId &next)
{
    static const QStringList groups{QStringLiteral("payments"), QStringLiteral("accounts"), QStringLiteral("trading")};
    const bool switchover = phase == PlanPhase::Switchover;
    auto add =
        [&](const QString &operation, const QJsonObject &parameters, StepTargetKind target, const QString &group) {
        PlanStep s;
        s.id = next++;
        s.phase = phase;
        s.name = QStringLiteral("%1 %2").arg(operation).arg(s.id);
        s.operation = operation;
        s.parameters = parameters;
        s.target.kind = target;
        s.productGroup = group;
        plan.steps.append(s);
        return s.id;
    };
    const StepId entry = add(QStringLiteral("health.check"), {}, StepTargetKind::EmergencySite, {});
    const StepId exit = add(QStringLiteral("health.check"), {}, StepTargetKind::EverySite, {});
    QList<QList<StepId>> chains;
    for (int b = 0; b < branches; ++b) {
        const QString g = groups[b % groups.size()];
        const QJsonObject pg{{QStringLiteral("productGroup"), g}};
        QList<StepId> chain;
        for (int i = 0; i < length; ++i) {
            StepId id = InvalidStepId;
            switch (i % 5) {
            case 0:
                id = add(QStringLiteral("traffic.cut"), pg,
                         switchover ? StepTargetKind::FailedSite : StepTargetKind::EmergencySite, g);
                plan.steps.last().requiresApproval = true;
                break;
            case 1:
                id = add(QStringLiteral("wait.replication"),
                         {{QStringLiteral("productGroup"), g},
                          {QStringLiteral("maxLagSeconds"), 5},
                          {QStringLiteral("timeoutSeconds"), 120}},
                         StepTargetKind::EmergencySite, g);
                break;
            case 2:
                id = add(switchover ? QStringLiteral("db.promote") : QStringLiteral("db.demote"), pg,
                         StepTargetKind::EmergencySite, g);
                plan.steps.last().guard = StepGuard{GuardKind::ReplicationLagBelow, 5, g, {}, {}, false};
                break;
            case 3:
                id = add(QStringLiteral("app.restart"), pg, StepTargetKind::EmergencySite, g);
                break;
            default:
                id = add(QStringLiteral("traffic.restore"), pg,
                         switchover ? StepTargetKind::EmergencySite : StepTargetKind::FailedSite, g);
                break;
            }
            if (chain.isEmpty())
                plan.edges.append({entry, id});
            else
                plan.edges.append({chain.last(), id});
            chain.append(id);
        }
        plan.edges.append({chain.last(), exit});
        chains.append(chain);
    }
    for (int b = 0; b + 1 < branches; ++b) {
        for (int i = 3; i + 2 < length; i += 6)
            plan.edges.append({chains[b][i], chains[b + 1][i + 2]});
    }
}

template<typename Work>
double medianMs(int runs, Work work)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString error;
    const auto site = SimulatedSite::fromFile(QStringLiteral(HAVEN_PROFILES_DIR "/demo/sha.json"), 1, &error);
    if (!site) {
        std::fprintf(stderr, "cannot load the demo profile: %s\n", qPrintable(error));
        return 1;
    }
    const QList<OperationSpec> catalog = site->operations();

    PlanData plan;
    plan.metadata.name = QStringLiteral("bench");
    StepId next = 1;
    addPhase(plan, PlanPhase::Switchover, 30, 20, next); // 602 steps
    addPhase(plan, PlanPhase::Recovery, 22, 18, next);   // 398 steps
    plan.normalize();

    QList<PlanIssue> issues;
    const double validation = medianMs(9, [&] { issues = PlanValidator::validate(plan, catalog); });
    PlanLayout::Result layout;
    const double layoutMs = medianMs(9, [&] { layout = PlanLayout::layout(plan); });

    std::printf("plan_steps %lld count\n", static_cast<long long>(plan.steps.size()));
    std::printf("plan_edges %lld count\n", static_cast<long long>(plan.edges.size()));
    std::printf("validation_1000_steps %.2f ms\n", validation);
    std::printf("validation_errors %d count\n", PlanValidator::errorCount(issues));
    std::printf("layout_1000_steps %.2f ms\n", layoutMs);
    std::printf("layout_crossings %d count\n", layout.crossings);
    return 0;
}
