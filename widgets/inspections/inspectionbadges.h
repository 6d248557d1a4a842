// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QWidget>

class QHBoxLayout;

namespace Haven {

// For the runtime dashboard: one badge per site and layer with failing inspections
// ("Shanghai · Database: 2 failing inspections"), hidden while nothing fails. Clicking one asks
// for the inspection reports.
class InspectionBadges final : public QWidget
{
    Q_OBJECT
public:
    explicit InspectionBadges(QWidget *parent = nullptr);

    // site id → layer ("database", or "site" for site-wide rules) → failing checks.
    void setFailing(const QHash<QString, QHash<QString, int>> &failing, const QHash<QString, QString> &siteNames);
    QStringList texts() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void reportsRequested(const QString &siteId);

private:
    QHBoxLayout *m_layout;
};

} // namespace Haven
