// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionbadges.h"

#include "models/topology/displaynames.h"
#include "widgets/common/statusbadge.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>

#include <algorithm>

namespace Haven {

namespace {

QString layerName(const QString &layer)
{
    if (layer == QLatin1String("site"))
        return InspectionBadges::tr("Site");
    for (Layer candidate : {Layer::Business, Layer::Middleware, Layer::Storage, Layer::Database, Layer::Physical}) {
        if (toString(candidate) == layer)
            return DisplayNames::layer(candidate);
    }
    return layer;
}

} // namespace

InspectionBadges::InspectionBadges(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    setVisible(false);
}

void InspectionBadges::setFailing(const QHash<QString, QHash<QString, int>> &failing,
                                  const QHash<QString, QString> &siteNames)
{
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    QStringList sites = failing.keys();
    std::sort(sites.begin(), sites.end());
    if (!sites.isEmpty())
        m_layout->addWidget(new QLabel(tr("Inspections:"), this));
    for (const QString &siteId : sites) {
        QStringList layers = failing.value(siteId).keys();
        std::sort(layers.begin(), layers.end());
        for (const QString &layer : layers) {
            auto *badge = new StatusBadge(ComponentStatus::Critical, this);
            badge->setProperty("siteId", siteId);
            badge->setCursor(Qt::PointingHandCursor);
            badge->installEventFilter(this);
            badge->setText(tr("%1 · %2: %n failing", nullptr, failing.value(siteId).value(layer))
                               .arg(siteNames.value(siteId, siteId), layerName(layer)));
            m_layout->addWidget(badge);
        }
    }
    m_layout->addStretch();
    setVisible(!sites.isEmpty());
}

bool InspectionBadges::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonRelease && static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton)
        Q_EMIT reportsRequested(watched->property("siteId").toString());
    return QWidget::eventFilter(watched, event);
}

QStringList InspectionBadges::texts() const
{
    QStringList list;
    for (const StatusBadge *badge : findChildren<StatusBadge *>())
        list.append(badge->text());
    return list;
}

} // namespace Haven
