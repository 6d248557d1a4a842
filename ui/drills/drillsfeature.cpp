// SPDX-License-Identifier: GPL-3.0-or-later
#include "drillsfeature.h"

#include "drillrunview.h"
#include "drillspage.h"

#include "app/drills/drillservice.h"
#include "app/executions/executionengine.h"
#include "app/session/consolesession.h"
#include "ui/shell/navigator.h"
#include "ui/shell/shell.h"

#include <QAction>

namespace Haven {

DrillsFeature::DrillsFeature(ConsoleSession &session, Shell &shell, QObject *parent)
    : QObject(parent)
    , m_shell(shell)
    , m_page(new DrillsPage(session.drills(), session.topology(), session.plans(), session.executions(),
                            shell.dialogParent()))
{
    shell.addPage(QStringLiteral("drills"), tr("Drills"), m_page);
    shell.addDestination(QStringLiteral("drill"), [this](const QString &runId) {
        if (m_page)
            m_page->showRun(runId);
        m_shell.navigator().showPage(QStringLiteral("drills"));
    });
    auto *stopAll = new QAction(tr("Stop every drill (global kill switch)"), this);
    stopAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    stopAll->setStatusTip(tr("Reverts every fault of every running drill and refuses new drills until released."));
    DrillService &drills = session.drills();
    connect(stopAll, &QAction::triggered, this, [&drills] {
        drills.engageKillSwitch(KillSwitch::Scope::Global, {}, Operator::current(), tr("Stop every drill (menu)"));
    });
    shell.addAction(QStringLiteral("drill"), tr("&Drill"), stopAll);
}

DrillsFeature::~DrillsFeature() = default;

QWidget *DrillsFeature::createWallView(DrillService &drills, ExecutionEngine &executions, QWidget *parent)
{
    auto *view = new DrillRunView(drills, executions, DrillRunView::Mode::Wall, parent);
    QObject::connect(&drills, &DrillService::runStarted, view, &DrillRunView::showRun);
    return view;
}

} // namespace Haven
