// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/topology/switchoverreadiness.h"
#include "widgets/common/statuscolors.h"

#include <QPointer>
#include <QWidget>

namespace Haven {

// "Can we switch over now, and to where?" at a glance: one row per product group, one column per
// failed site; each cell shows the best emergency site with a verdict chip (symbol, word and
// colour: Ready = OK, Caution = Warning, Blocked = Critical) and the top reason. The tooltip lists
// every reason and the other candidates. Painted, so it scales with the font (wall mode).
class ReadinessPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ReadinessPanel(QWidget *parent = nullptr);
    ~ReadinessPanel() override;

    // Follows the tracker's verdicts (the tracker must outlive the connection or be destroyed first).
    void setTracker(const ReadinessTracker *tracker);
    void setVerdicts(const QList<ReadinessVerdict> &verdicts);
    const QList<ReadinessVerdict> &verdicts() const { return m_verdicts; }

    // Larger type and chips for a wall screen read from across the room.
    void setWallMode(bool wall);
    bool wallMode() const { return m_wall; }

    // What is shown, for tests and accessibility.
    QStringList productGroups() const { return m_groups; }
    QStringList failedSites() const { return m_sites; }
    // The best verdict shown in a cell; nullopt for an empty cell.
    std::optional<ReadinessVerdict> cell(const QString &productGroup, const QString &failedSite) const;
    QString cellText(const QString &productGroup, const QString &failedSite) const;
    QString cellToolTip(const QString &productGroup, const QString &failedSite) const;
    QRect cellRect(const QString &productGroup, const QString &failedSite) const;

    static QString verdictLabel(Readiness readiness); // 可切换 / 有风险 / 不可切换
    static ComponentStatus statusFor(Readiness readiness);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Metrics
    {
        QFont body;
        QFont bold;
        QFont small;
        QFont title;
        int margin = 0;
        int titleHeight = 0;
        int headerHeight = 0;
        int rowHeight = 0;
        int groupWidth = 0;
    };
    Metrics metrics() const;
    QFont baseFont() const;
    void rebuild();

    QPointer<const ReadinessTracker> m_tracker;
    QMetaObject::Connection m_connection;
    QList<ReadinessVerdict> m_verdicts;
    QList<ReadinessVerdict> m_best;
    QStringList m_groups;
    QStringList m_sites;
    QHash<QString, QString> m_siteNames;
    bool m_wall = false;
};

} // namespace Haven
