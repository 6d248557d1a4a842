// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The operations of the catalog, grouped by layer and searchable, to drag onto the plan canvas
// (mime type application/x-haven-operation carrying the operation code).

#include "protocol/protocol.h"

#include <QWidget>

class QLineEdit;
class QMimeData;
class QTreeWidget;
class QTreeWidgetItem;

namespace Haven {

class PlanPalette final : public QWidget
{
    Q_OBJECT
public:
    explicit PlanPalette(QWidget *parent = nullptr);

    void setCatalog(const QList<OperationSpec> &catalog);
    void setFilterText(const QString &text);
    QString filterText() const;

    QTreeWidget *tree() const { return m_tree; }
    QTreeWidgetItem *operationItem(const QString &code) const;
    QStringList visibleOperations() const; // codes, in display order

    // What a drag of the operation carries.
    static QMimeData *mimeDataFor(const QString &code);

Q_SIGNALS:
    // Double-click or Enter: add the operation to the canvas without dragging.
    void operationActivated(const QString &code);

private:
    void applyFilter();

    QLineEdit *m_search;
    QTreeWidget *m_tree;
};

} // namespace Haven
