// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/inspections/inspectionrepository.h"

#include <QWidget>

#include <memory>

namespace Haven {

// The pass rate of a task's runs over time, one line per site (QCustomPlot). It is drawn from
// the run summaries, never from results, so 30 days of a 1-minute schedule stay quick; runs
// closer together than a pixel are averaged into one point.
class PassRateTrend final : public QWidget
{
    Q_OBJECT
public:
    explicit PassRateTrend(QWidget *parent = nullptr);
    ~PassRateTrend() override;

    // runs: newest first or in any order; siteNames label the lines.
    void setRuns(const QList<InspectionRunSummary> &runs, const QHash<QString, QString> &siteNames);
    // Points already bucketed (InspectionRepository::trend), one line per site.
    void setTrend(const QList<InspectionTrendPoint> &points, const QHash<QString, QString> &siteNames);
    int seriesCount() const;
    int pointCount(int series) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Plot;
    void applyPalette();

    std::unique_ptr<Plot> m_plot;
};

} // namespace Haven
