// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionreportspage.h"

#include "inspectionreportexport.h"

#include "app/executions/executionengine.h"
#include "models/inspections/inspectiontext.h"
#include "widgets/inspections/passratetrend.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Haven {

namespace {

constexpr int ShownRuns = 500; // the table lists the newest; the trend sums every run in range

} // namespace

InspectionReportsPage::InspectionReportsPage(InspectionService &service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_task(new QComboBox(this))
    , m_range(new QComboBox(this))
    , m_headline(new QLabel(this))
    , m_trend(new PassRateTrend(this))
    , m_runs(new QTableWidget(this))
    , m_detail(new QTextBrowser(this))
    , m_message(new QLabel(this))
{
    m_range->addItem(tr("Last 24 hours"), 1);
    m_range->addItem(tr("Last 7 days"), 7);
    m_range->addItem(tr("Last 30 days"), 30);
    m_range->setCurrentIndex(1);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_headline->setFont(big);
    m_headline->setWordWrap(true);
    m_runs->setColumnCount(7);
    m_runs->setHorizontalHeaderLabels(
        {tr("Started"), tr("Site"), tr("Pass rate"), tr("OK"), tr("Failed"), tr("Hard problems"), tr("Trigger")});
    m_runs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runs->verticalHeader()->hide();
    m_message->setWordWrap(true);

    auto *html = new QPushButton(tr("Export HTML…"), this);
    auto *pdf = new QPushButton(tr("Export PDF…"), this);
    auto *handled = new QPushButton(tr("Mark risks handled"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Task:"), this));
    top->addWidget(m_task, 1);
    top->addWidget(m_range);
    top->addStretch();
    top->addWidget(handled);
    top->addWidget(html);
    top->addWidget(pdf);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_runs);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(m_trend);
    vertical->addWidget(splitter);
    vertical->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_headline);
    layout->addWidget(vertical, 1);
    layout->addWidget(m_message);

    connect(m_task, &QComboBox::currentIndexChanged, this, &InspectionReportsPage::loadRuns);
    connect(m_range, &QComboBox::currentIndexChanged, this, &InspectionReportsPage::loadRuns);
    connect(m_runs, &QTableWidget::itemSelectionChanged, this, [this] {
        if (!m_runs->selectedItems().isEmpty())
            selectRun(m_runs->selectedItems().first()->row());
    });
    connect(html, &QPushButton::clicked, this, [this] { exportAs(false); });
    connect(pdf, &QPushButton::clicked, this, [this] { exportAs(true); });
    connect(handled, &QPushButton::clicked, this, &InspectionReportsPage::markRisksHandled);
    connect(&m_service, &InspectionService::tasksChanged, this, &InspectionReportsPage::reload);
    connect(&m_service, &InspectionService::reportsChanged, this, &InspectionReportsPage::loadRuns);
    reload();
}

void InspectionReportsPage::reload()
{
    const QString current = m_task->currentData().toString();
    QSignalBlocker block(m_task);
    m_task->clear();
    for (const InspectionTaskSpec &task : m_service.tasks())
        m_task->addItem(task.name, task.id);
    m_task->setCurrentIndex(std::max(0, m_task->findData(current)));
    loadRuns();
}

void InspectionReportsPage::selectTask(const QString &taskId)
{
    m_task->setCurrentIndex(std::max(0, m_task->findData(taskId)));
}

void InspectionReportsPage::loadRuns()
{
    const QString taskId = m_task->currentData().toString();
    const QDateTime to = QDateTime::currentDateTimeUtc();
    const QDateTime from = to.addDays(-m_range->currentData().toInt());
    // The trend is summed by the database in buckets; the table reads the newest runs only.
    const QList<InspectionRunSummary> runs = taskId.isEmpty() ? QList<InspectionRunSummary>()
                                                              : m_service.runs(taskId, from, {}, ShownRuns);
    const QList<InspectionTrendPoint> points = taskId.isEmpty()
                                                   ? QList<InspectionTrendPoint>()
                                                   : m_service.trend(taskId, from, to,
                                                                     from.msecsTo(to) / std::max(200, m_trend->width()));
    QHash<QString, QString> names;
    for (const InspectionTrendPoint &point : points) {
        if (!names.contains(point.siteId))
            names.insert(point.siteId, m_service.siteName(point.siteId));
    }
    for (const InspectionRunSummary &run : runs) {
        if (!names.contains(run.siteId))
            names.insert(run.siteId, m_service.siteName(run.siteId));
    }
    m_trend->setTrend(points, names);
    const QString selected = m_report ? m_report->run.siteId + QLatin1Char('/') + m_report->run.runId : QString();
    m_shown = runs;
    QSignalBlocker block(m_runs);
    m_runs->setRowCount(int(m_shown.size()));
    int selectedRow = m_shown.isEmpty() ? -1 : 0;
    for (int row = 0; row < m_shown.size(); ++row) {
        const InspectionRunSummary &run = m_shown.at(row);
        const QStringList cells{run.started.toLocalTime().toString(QStringLiteral("MM-dd HH:mm")),
                                names.value(run.siteId),
                                InspectionText::passRate(run.passRate()),
                                QString::number(run.ok),
                                QString::number(run.failed()),
                                QString::number(run.hardProblems),
                                InspectionText::trigger(run.trigger)};
        for (int column = 0; column < cells.size(); ++column)
            m_runs->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        if (run.siteId + QLatin1Char('/') + run.runId == selected)
            selectedRow = row;
    }
    m_runs->resizeColumnsToContents();
    if (selectedRow >= 0) {
        m_runs->selectRow(selectedRow);
        selectRun(selectedRow);
    } else {
        m_report.reset();
        m_detail->clear();
        m_headline->setText(taskId.isEmpty() ? tr("No tasks yet: create one on the Tasks tab.")
                                             : tr("No reports in this time yet."));
    }
}

void InspectionReportsPage::selectRun(int row)
{
    if (row < 0 || row >= m_shown.size())
        return;
    const InspectionRunSummary &run = m_shown.at(row);
    m_report = m_service.report(run.siteId, run.runId);
    if (!m_report)
        return;
    m_detail->setHtml(m_report->html());
    int todo = 0;
    for (const InspectionReportRow &risk : m_report->risksFound())
        todo += *risk.risk == InspectionRiskState::ToDo ? 1 : 0;
    m_headline->setText(tr("%1 — pass rate %2, %n risk(s) to do", nullptr, todo)
                            .arg(m_report->siteName, InspectionText::passRate(run.passRate())));
    const QString colour = run.worst() == InspectionStatus::Ok         ? QStringLiteral("#1b7f3b")
                           : run.worst() == InspectionStatus::Critical ? QStringLiteral("#c62828")
                                                                       : QStringLiteral("#b36b00");
    m_headline->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
}

QString InspectionReportsPage::headline() const
{
    return m_headline->text();
}

bool InspectionReportsPage::exportHtml(const QString &path, QString *error) const
{
    return m_report && InspectionReportExport::writeHtml(*m_report, path, error);
}

bool InspectionReportsPage::exportPdf(const QString &path, QString *error) const
{
    return m_report && InspectionReportExport::writePdf(*m_report, path, error);
}

void InspectionReportsPage::exportAs(bool pdf)
{
    if (!m_report)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the report"),
                                                      m_report->run.taskId
                                                          + (pdf ? QStringLiteral(".pdf") : QStringLiteral(".html")),
                                                      pdf ? tr("PDF (*.pdf)") : tr("HTML (*.html)"));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = pdf ? exportPdf(path, &error) : exportHtml(path, &error);
    m_message->setText(ok ? tr("Saved %1.").arg(path) : error);
}

void InspectionReportsPage::markRisksHandled()
{
    if (!m_report)
        return;
    int marked = 0;
    for (const InspectionReportRow &row : m_report->risksFound()) {
        InspectionRisk risk;
        risk.taskId = m_report->run.taskId;
        risk.siteId = m_report->run.siteId;
        risk.checkId = row.result.checkId;
        if (*row.risk == InspectionRiskState::ToDo
            && m_service.setRiskState(risk, InspectionRiskState::Handled, Operator::current()))
            ++marked;
    }
    m_message->setText(tr("Marked %n risk(s) handled.", nullptr, marked));
}

} // namespace Haven
