// SPDX-License-Identifier: GPL-3.0-or-later
#include "planpalette.h"

#include "models/topology/displaynames.h"
#include "plangraphscene.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Haven {

namespace {

constexpr int CodeRole = Qt::UserRole + 1;

class OperationTree final : public QTreeWidget
{
public:
    using QTreeWidget::QTreeWidget;

protected:
    QStringList mimeTypes() const override { return {QLatin1StringView(OperationMimeType)}; }
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override
    {
        for (const QTreeWidgetItem *item : items) {
            const QString code = item->data(0, CodeRole).toString();
            if (!code.isEmpty())
                return PlanPalette::mimeDataFor(code);
        }
        return nullptr;
    }
};

} // namespace

PlanPalette::PlanPalette(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_tree(new OperationTree(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("Operations"), this);
    QFont font = title->font();
    font.setBold(true);
    title->setFont(font);
    layout->addWidget(title);
    m_search->setPlaceholderText(tr("Search operations"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    auto *hint = new QLabel(tr("Drag an operation onto the canvas, or double-click it."), this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(hint);

    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(2);
    m_tree->setColumnHidden(1, true); // the code is in the tooltip; searching finds it too
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(false);

    connect(m_search, &QLineEdit::textChanged, this, &PlanPalette::applyFilter);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString code = item->data(0, CodeRole).toString();
        if (!code.isEmpty())
            Q_EMIT operationActivated(code);
    });
}

QMimeData *PlanPalette::mimeDataFor(const QString &code)
{
    auto *mime = new QMimeData;
    mime->setData(QLatin1StringView(OperationMimeType), code.toUtf8());
    mime->setText(code);
    return mime;
}

void PlanPalette::setCatalog(const QList<OperationSpec> &catalog)
{
    m_tree->clear();
    for (Layer layer : {Layer::Business, Layer::Middleware, Layer::Storage, Layer::Database, Layer::Physical}) {
        QList<OperationSpec> operations;
        for (const OperationSpec &spec : catalog) {
            if (spec.layer == layer)
                operations.append(spec);
        }
        if (operations.isEmpty())
            continue;
        std::sort(operations.begin(), operations.end(),
                  [](const OperationSpec &a, const OperationSpec &b) { return a.code < b.code; });
        auto *group = new QTreeWidgetItem(m_tree, {DisplayNames::layer(layer)});
        group->setFlags(Qt::ItemIsEnabled);
        group->setFirstColumnSpanned(true);
        QFont font = group->font(0);
        font.setBold(true);
        group->setFont(0, font);
        for (const OperationSpec &spec : std::as_const(operations)) {
            const QString name = spec.name.isEmpty() ? spec.code : spec.name;
            auto *item = new QTreeWidgetItem(group, {name, spec.code});
            item->setForeground(1, m_tree->palette().brush(QPalette::PlaceholderText));
            item->setData(0, CodeRole, spec.code);
            item->setToolTip(0, spec.description.isEmpty() ? spec.code
                                                           : spec.code + QStringLiteral(" — ") + spec.description);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
    }
    m_tree->expandAll();
    applyFilter();
}

void PlanPalette::setFilterText(const QString &text)
{
    m_search->setText(text);
}

QString PlanPalette::filterText() const
{
    return m_search->text();
}

void PlanPalette::applyFilter()
{
    const QString text = m_search->text().trimmed();
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_tree->topLevelItem(i);
        bool any = false;
        for (int j = 0; j < group->childCount(); ++j) {
            QTreeWidgetItem *item = group->child(j);
            const bool match = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive)
                               || item->text(1).contains(text, Qt::CaseInsensitive)
                               || item->toolTip(0).contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
            any = any || match;
        }
        group->setHidden(!any);
    }
}

QTreeWidgetItem *PlanPalette::operationItem(const QString &code) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_tree->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j) {
            if (group->child(j)->data(0, CodeRole).toString() == code)
                return group->child(j);
        }
    }
    return nullptr;
}

QStringList PlanPalette::visibleOperations() const
{
    QStringList codes;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_tree->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j) {
            if (!group->isHidden() && !group->child(j)->isHidden())
                codes.append(group->child(j)->data(0, CodeRole).toString());
        }
    }
    return codes;
}

} // namespace Haven
