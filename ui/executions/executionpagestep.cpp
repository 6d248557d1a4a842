// SPDX-License-Identifier: GPL-3.0-or-later
// ExecutionPage's lower tabs: the selected step (its sites and attempts, its log as it arrives)
// and who did what.
#include "executionpage.h"

#include "editing/plans/plandocument.h"
#include "executionpagesupport.h"
#include "widgets/common/statuscolors.h"
#include "widgets/executions/executiontext.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextCursor>
#include <QTextDocument>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Haven {

using namespace ExecutionPageSupport;

QWidget *ExecutionPage::buildStepPanel()
{
    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(6, 0, 0, 0);
    m_stepTitle = new QLabel(panel);
    m_stepTitle->setWordWrap(true);
    m_stepState = new QLabel(panel);
    m_stepState->setMargin(4);
    m_stepDetails = new QLabel(panel);
    m_stepDetails->setWordWrap(true);
    m_stepDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sites = new QTreeWidget(panel);
    m_sites->setHeaderLabels({tr("Site"), tr("Attempt"), tr("State"), tr("Time"), tr("Message")});
    m_sites->setRootIsDecorated(false);
    m_sites->setSelectionMode(QAbstractItemView::NoSelection);
    m_sites->header()->setStretchLastSection(true);
    m_sites->setMaximumHeight(120);
    m_log = new QPlainTextEdit(panel);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(20'000);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setPlaceholderText(tr("The step's log appears here as the sites send it."));
    layout->addWidget(m_stepTitle);
    layout->addWidget(m_stepState);
    layout->addWidget(m_stepDetails);
    layout->addWidget(m_sites);
    auto *logTitle = new QLabel(tr("Log"), panel);
    logTitle->setObjectName(QStringLiteral("sectionTitle"));
    layout->addWidget(logTitle);
    layout->addWidget(m_log, 1);
    return panel;
}

void ExecutionPage::onLogAppended(const QString &id, StepId step, const QString &site, const QString &text)
{
    if (id != m_id || step != m_step || !m_log)
        return;
    QScrollBar *bar = m_log->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    QTextCursor cursor(m_log->document());
    cursor.movePosition(QTextCursor::End);
    if (site != m_lastLogSite) {
        if (!m_log->document()->isEmpty() && !m_log->toPlainText().endsWith(QLatin1Char('\n')))
            cursor.insertText(QStringLiteral("\n"));
        cursor.insertText(tr("── %1 ──").arg(site) + QLatin1Char('\n'));
        m_lastLogSite = site;
    }
    cursor.insertText(text);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void ExecutionPage::updateStepPanel()
{
    if (!m_stepTitle)
        return;
    const Execution *execution = current();
    const PlanStep *step = execution ? execution->plan().step(m_step) : nullptr;
    const StepRun *run = execution ? execution->stepRun(m_step) : nullptr;
    static const QString noStep = QStringLiteral("\x01");
    if (!step || !run) {
        m_stepTitle->setText(tr("No step selected"));
        m_stepState->clear();
        setColors(m_stepState, {}, palette().color(QPalette::WindowText));
        m_stepDetails->setText(tr("Click a step in the graph to see its sites, attempts and log."));
        m_sites->clear();
        m_log->clear();
        m_log->setProperty("shows", noStep);
        m_lastLogSite.clear();
        return;
    }
    const ColorScheme scheme = StatusColors::schemeFor(palette());
    const StatusStyle style = StatusColors::style(run->state, scheme);
    m_stepTitle->setText(step->name.isEmpty() ? step->operation : step->name);
    QString state = QStringLiteral(" %1 %2").arg(style.symbol, ExecutionText::stepState(run->state));
    if (run->attempt > 0)
        state += QLatin1Char(' ')
                 + tr("· attempt %1 of %2").arg(run->attempt).arg(std::max(step->retry.attempts, run->attempt));
    if (run->firstStartMs > 0) {
        const qint64 end = run->finishedMs != 0           ? run->finishedMs
                           : execution->finishedMs() != 0 ? execution->finishedMs()
                                                          : m_now();
        state += QStringLiteral(" · ") + ExecutionText::clock(end - run->firstStartMs);
    }
    m_stepState->setText(state + QLatin1Char(' '));
    setColors(m_stepState, style.fill, style.text);

    QStringList details;
    details.append(tr("Operation %1 · %2 · timeout %3")
                       .arg(step->operation, PlanText::target(step->target), PlanText::duration(step->timeoutSeconds)));
    if (!step->productGroup.isEmpty())
        details.append(tr("Product group %1").arg(step->productGroup));
    if (step->requiresApproval)
        details.append(
            run->approvedBy.isEmpty()
                ? tr("Manual gate: %1")
                      .arg(step->approvalPrompt.isEmpty() ? tr("needs an operator's approval") : step->approvalPrompt)
                : tr("Approved by %1").arg(run->approvedBy));
    if (run->state == StepRunState::Skipped)
        details.append(tr("Skipped: %1").arg(run->skipReason));
    if (run->state == StepRunState::Waiting && run->retryAtMs > 0)
        details.append(tr("Next attempt at %1").arg(timeOfDay(run->retryAtMs)));
    if (!run->message.isEmpty())
        details.append(run->message);
    m_stepDetails->setText(details.join(QLatin1Char('\n')));

    m_sites->clear();
    const QColor dim = palette().color(QPalette::PlaceholderText);
    auto addSite = [this, scheme, &dim, execution](const SiteRun &site, bool earlier) {
        auto *item = new QTreeWidgetItem(m_sites);
        item->setText(0, site.site);
        item->setText(1, QString::number(site.attempt));
        const QString stateText = site.state              ? ExecutionText::actionState(*site.state)
                                  : site.dispatchedMs > 0 ? tr("Sent")
                                                          : QString();
        item->setText(2, stateText);
        const qint64 end = site.finishedMs != 0           ? site.finishedMs
                           : execution->finishedMs() != 0 ? execution->finishedMs()
                                                          : m_now();
        item->setText(3, site.dispatchedMs > 0 ? ExecutionText::clock(end - site.dispatchedMs) : QString());
        item->setText(4, site.message);
        item->setToolTip(4, site.message);
        if (earlier) {
            for (int column = 0; column < 5; ++column)
                item->setForeground(column, dim);
        } else if (site.state) {
            StepRunState look = StepRunState::Running;
            switch (*site.state) {
            case ActionState::Pending:
                look = StepRunState::Pending;
                break;
            case ActionState::Running:
                look = StepRunState::Running;
                break;
            case ActionState::Succeeded:
                look = StepRunState::Succeeded;
                break;
            case ActionState::Failed:
                look = StepRunState::Failed;
                break;
            case ActionState::Cancelled:
                look = StepRunState::Cancelled;
                break;
            }
            const StatusStyle siteStyle = StatusColors::style(look, scheme);
            item->setBackground(2, siteStyle.fill);
            item->setForeground(2, siteStyle.text);
            item->setText(2, siteStyle.symbol + QLatin1Char(' ') + stateText);
        }
    };
    for (const SiteRun &site : run->sites)
        addSite(site, false);
    for (auto it = run->history.crbegin(); it != run->history.crend(); ++it)
        addSite(*it, true);
    for (int column = 0; column < 4; ++column)
        m_sites->resizeColumnToContents(column);

    // The log is filled when the step (or its attempt) changes, then appended as it arrives.
    const QString shows = QStringLiteral("%1/%2/%3").arg(m_id).arg(m_step).arg(run->attempt);
    if (m_log->property("shows").toString() != shows) {
        m_log->setProperty("shows", shows);
        m_log->clear();
        m_lastLogSite.clear();
        QString text;
        for (const SiteRun &site : run->sites) {
            if (!text.isEmpty() && !text.endsWith(QLatin1Char('\n')))
                text += QLatin1Char('\n');
            text += tr("── %1 ──").arg(site.site) + QLatin1Char('\n') + site.log;
            m_lastLogSite = site.site;
        }
        m_log->setPlainText(text);
        m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
    }
}

void ExecutionPage::appendOperatorActions(bool reset)
{
    if (!m_actions)
        return;
    if (reset) {
        m_actions->clear();
        m_actionsShown = 0;
    }
    const Execution *execution = current();
    if (!execution)
        return;
    const QList<OperatorAction> &actions = execution->operatorActions();
    for (qsizetype i = m_actionsShown; i < actions.size(); ++i) {
        const OperatorAction &action = actions.at(i);
        auto *item = new QTreeWidgetItem;
        item->setText(0, timeOfDay(action.timeMs));
        item->setText(1, action.host.isEmpty() ? action.user : action.user + QLatin1Char('@') + action.host);
        item->setText(2, ExecutionText::operatorAction(action.action));
        item->setText(3, action.step == InvalidStepId ? QString() : execution->stepName(action.step));
        item->setText(4, action.reason);
        item->setToolTip(4, action.reason);
        m_actions->insertTopLevelItem(0, item); // newest on top
    }
    if (actions.size() != m_actionsShown) {
        for (int column = 0; column < 4; ++column)
            m_actions->resizeColumnToContents(column);
    }
    m_actionsShown = int(actions.size());
    m_tabs->setTabText(1, actions.isEmpty() ? tr("Who did what") : tr("Who did what (%1)").arg(actions.size()));
}

QString ExecutionPage::logText() const
{
    return m_log ? m_log->toPlainText() : QString();
}

} // namespace Haven
