// SPDX-License-Identifier: GPL-3.0-or-later
#include "plotpalette.h"

#include "qcustomplotinclude.h"

namespace Haven {

void applyPlotPalette(QCustomPlot *plot, const QWidget &owner, QCPItemText *emptyText)
{
    const QColor background = owner.palette().color(QPalette::Base);
    const QColor text = owner.palette().color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(40);
    plot->setBackground(background);
    plot->axisRect()->setBackground(background);
    for (QCPAxis *axis : plot->axisRect()->axes()) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->setTickLabelFont(owner.font());
        axis->setLabelFont(owner.font());
        axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
    }
    plot->legend->setBrush(background);
    plot->legend->setTextColor(text);
    plot->legend->setBorderPen(QPen(grid));
    plot->legend->setFont(owner.font());
    if (emptyText) {
        emptyText->setColor(text);
        emptyText->setFont(owner.font());
    }
}

} // namespace Haven
