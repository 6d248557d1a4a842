// SPDX-License-Identifier: GPL-3.0-or-later
#include "preflightdialog.h"

#include "app/executions/executionengine.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Haven {

PreflightDialog::PreflightDialog(DrillService &drills, const Drill &drill, QWidget *parent)
    : QDialog(parent)
    , m_drills(drills)
    , m_drill(drill)
    , m_report(new QTextBrowser)
    , m_confirmation(new QLineEdit)
    , m_hint(new QLabel)
    , m_start(new QPushButton(tr("Inject the faults")))
{
    setWindowTitle(tr("Preflight: %1").arg(drill.name));
    m_report->setHtml(tr("<p>Checking the drill against the live picture and asking its agents…</p>"));
    m_confirmation->setPlaceholderText(drill.name);
    m_start->setEnabled(false);
    m_start->setStyleSheet(QStringLiteral("QPushButton:enabled { background: #c62828; color: white; }"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    buttons->addButton(m_start, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_start, &QPushButton::clicked, this, &PreflightDialog::start);
    connect(m_confirmation, &QLineEdit::textChanged, this, &PreflightDialog::updateStart);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_report, 1);
    layout->addWidget(new QLabel(tr("Type the drill's name to confirm:")));
    layout->addWidget(m_confirmation);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);
    resize(720, 620);
    QPointer<PreflightDialog> guard(this);
    m_drills.preflight(drill, [guard](const DrillPreflight &preflight) {
        if (guard)
            guard->show(preflight);
    });
}

void PreflightDialog::show(const DrillPreflight &preflight)
{
    m_preflight = preflight;
    m_checked = true;
    QString html;
    if (!preflight.problems.isEmpty()) {
        html += QStringLiteral("<h3 style=\"color:#c62828\">%1</h3><ul>").arg(tr("Nothing will be injected:"));
        for (const QString &problem : preflight.problems)
            html += QStringLiteral("<li style=\"color:#c62828\">%1</li>").arg(problem.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Blast radius"));
    html += QStringLiteral("<li>%1</li>")
                .arg(tr("%n fault(s) at the agents", nullptr, int(preflight.radius.faults.size())));
    html += QStringLiteral("<li>%1</li>")
                .arg(tr("%n component(s) affected", nullptr, int(preflight.radius.components.size())));
    for (auto it = preflight.radius.trafficAtRisk.cbegin(); it != preflight.radius.trafficAtRisk.cend(); ++it)
        html += QStringLiteral("<li>%1</li>")
                    .arg(tr("%1: %2 % of its traffic is served where the faults hit")
                             .arg(it.key())
                             .arg(it.value(), 0, 'f', 1));
    for (const ResolvedFault &fault : preflight.radius.faults)
        html += QStringLiteral("<li>%1</li>")
                    .arg(tr("%1 %2 at %3, from +%4 s for %5 s")
                             .arg(toString(fault.kind), fault.target.isEmpty() ? tr("(whole site)") : fault.target,
                                  fault.site)
                             .arg(fault.startSecond)
                             .arg(fault.durationSeconds)
                             .toHtmlEscaped());
    html += QStringLiteral("</ul>");
    for (const QString &warning : preflight.warnings)
        html += QStringLiteral("<p style=\"color:#b26a00\">%1</p>").arg(warning.toHtmlEscaped());
    html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Checks that held"));
    for (const QString &passed : preflight.passed)
        html += QStringLiteral("<li style=\"color:#2e7d32\">✔ %1</li>").arg(passed.toHtmlEscaped());
    html += QStringLiteral("</ul>");
    m_report->setHtml(html);
    updateStart();
}

void PreflightDialog::updateStart()
{
    const bool named = m_confirmation->text() == m_drill.name;
    m_start->setEnabled(m_checked && m_preflight.ok() && named);
    m_hint->setText(!m_checked          ? tr("Waiting for the agents…")
                    : !m_preflight.ok() ? tr("Fix the problems above first.")
                    : !named            ? tr("The name does not match yet.")
                                        : tr("Ready: the faults are injected when you press the red button."));
}

void PreflightDialog::start()
{
    QString error;
    m_runId = m_drills.start(m_drill, m_preflight, m_confirmation->text(), Operator::current(), &error);
    if (m_runId.isEmpty()) {
        m_hint->setText(error);
        return;
    }
    Q_EMIT started(m_runId);
    accept();
}

} // namespace Haven
