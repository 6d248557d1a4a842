// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/inspections/inspectionservice.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTableWidget;
class QTimeEdit;

namespace Haven {

// Tasks and schedules: which rules run where, when (every N minutes or a cron expression, in a
// time window), how many at once, the soft/hard policy, which chat robots get the digest, and
// whether each site's agent holds the task now. Saving pushes it; the agents run it by themselves.
class InspectionTasksPage final : public QWidget
{
    Q_OBJECT
public:
    InspectionTasksPage(InspectionService &service, ChatNotifier *notifier, QWidget *parent = nullptr);

    void reload();
    void selectTask(const QString &id);
    InspectionTaskSpec editedTask() const;
    bool save();
    void runNow();
    QTableWidget *table() const { return m_table; }

private:
    void show(const InspectionTaskSpec &task);
    QString pushText(const QString &taskId);

    InspectionService &m_service;
    ChatNotifier *m_notifier;
    QTableWidget *m_table;
    QLineEdit *m_id;
    QLineEdit *m_name;
    QListWidget *m_rules;
    QComboBox *m_scheduleKind;
    QSpinBox *m_every;
    QLineEdit *m_cron;
    QCheckBox *m_windowed;
    QTimeEdit *m_from;
    QTimeEdit *m_to;
    QSpinBox *m_concurrency;
    QSpinBox *m_softFailures;
    QSpinBox *m_recoveries;
    QCheckBox *m_enabled;
    QListWidget *m_notify;
    QLabel *m_message;
    qint64 m_revision = 0;
};

} // namespace Haven
