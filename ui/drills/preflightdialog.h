// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/drills/drillservice.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace Haven {

// Before anything is injected: what preflight found (problems in red, the checks that held), the
// blast radius (faults, components, traffic at risk per product group), and the drill's name to
// type as confirmation. Start is enabled only when nothing blocks and the name matches.
class PreflightDialog final : public QDialog
{
    Q_OBJECT
public:
    PreflightDialog(DrillService &drills, const Drill &drill, QWidget *parent = nullptr);

    QString runId() const { return m_runId; }
    QLineEdit *confirmation() const { return m_confirmation; }
    QPushButton *startButton() const { return m_start; }
    bool checked() const { return m_checked; }

Q_SIGNALS:
    void started(const QString &runId);

private:
    void show(const DrillPreflight &preflight);
    void updateStart();
    void start();

    DrillService &m_drills;
    Drill m_drill;
    DrillPreflight m_preflight;
    bool m_checked = false;
    QString m_runId;
    QTextBrowser *m_report;
    QLineEdit *m_confirmation;
    QLabel *m_hint;
    QPushButton *m_start;
};

} // namespace Haven
