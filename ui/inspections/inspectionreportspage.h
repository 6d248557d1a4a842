// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/inspections/inspectionservice.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;
class QTextBrowser;

namespace Haven {

class PassRateTrend;

// Reports (巡检报告): per task, the pass-rate trend over 24 hours, 7 or 30 days (one line per
// site), the runs in that time, and the chosen run's report with per-rule results, evidence,
// risks found and their state; exported as HTML or PDF. It reads run summaries only, and the
// results of the one run shown.
class InspectionReportsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit InspectionReportsPage(InspectionService &service, QWidget *parent = nullptr);

    void reload();
    void selectTask(const QString &taskId);
    void selectRun(int row);
    std::optional<InspectionReport> currentReport() const { return m_report; }
    bool exportHtml(const QString &path, QString *error) const;
    bool exportPdf(const QString &path, QString *error) const;
    void markRisksHandled();
    QTableWidget *runTable() const { return m_runs; }
    PassRateTrend *trend() const { return m_trend; }
    QString headline() const;

private:
    void loadRuns();
    void exportAs(bool pdf);

    InspectionService &m_service;
    QComboBox *m_task;
    QComboBox *m_range;
    QLabel *m_headline;
    PassRateTrend *m_trend;
    QTableWidget *m_runs;
    QTextBrowser *m_detail;
    QLabel *m_message;
    QList<InspectionRunSummary> m_shown;
    std::optional<InspectionReport> m_report;
};

} // namespace Haven
