// SPDX-License-Identifier: GPL-3.0-or-later
#include "plancenterpage.h"

#include "models/plans/planformat.h"
#include "models/plans/planvalidator.h"
#include "models/plans/planrepository.h"
#include "models/store/localstore.h"
#include "planeditorpage.h"
#include "widgets/plans/plandocument.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QUuid>
#include <QVBoxLayout>

namespace Haven {

namespace {

constexpr int IdRole = Qt::UserRole + 1;
constexpr int StateRole = Qt::UserRole + 2;

enum Column {
    NameColumn,
    KindColumn,
    StateColumn,
    VersionColumn,
    RtoColumn,
    RpoColumn,
    StepsColumn,
    UpdatedColumn,
    ColumnCount
};

QString newPlanId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString defaultAuthor()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("operator") : user;
}

} // namespace

PlanCenterPage::PlanCenterPage(LocalStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_author(defaultAuthor())
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView)
    , m_model(new QStandardItemModel(this))
    , m_message(new QLabel)
    , m_editor(new PlanEditorPage)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    m_stack->addWidget(buildListPage());
    m_stack->addWidget(m_editor);
    connect(m_editor, &PlanEditorPage::closeRequested, this, &PlanCenterPage::closeEditor);
    connect(m_editor, &PlanEditorPage::saveRequested, this, [this] {
        bool ok = false;
        const QString comment = QInputDialog::getText(this, tr("Save plan"), tr("What changed in this version?"),
                                                      QLineEdit::Normal, QString(), &ok);
        if (ok)
            saveEditedPlan(comment);
    });
    reload();
}

PlanCenterPage::~PlanCenterPage() = default;

QWidget *PlanCenterPage::buildListPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(8, 8, 8, 8);
    auto *title = new QLabel(tr("Plan center"), page);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    title->setFont(font);
    layout->addWidget(title);

    auto *toolbar = new QToolBar(page);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *createMenu = new QMenu(toolbar);
    for (PlanKind kind : {PlanKind::DisasterRecovery, PlanKind::Emergency, PlanKind::Drill}) {
        connect(createMenu->addAction(tr("Blank %1").arg(PlanText::kind(kind))), &QAction::triggered, this,
                [this, kind] { openPlan(createBlank(kind)); });
    }
    createMenu->addSeparator();
    for (const PlanTemplates::Template &entry : PlanTemplates::all()) {
        QAction *action = createMenu->addAction(tr("From template: %1").arg(entry.name));
        action->setToolTip(entry.description);
        const PlanTemplates::Architecture architecture = entry.architecture;
        connect(action, &QAction::triggered, this, [this, architecture] { openPlan(createFromTemplate(architecture)); });
    }
    auto *create = new QToolButton(toolbar);
    create->setText(tr("New plan"));
    create->setMenu(createMenu);
    create->setPopupMode(QToolButton::InstantPopup);
    toolbar->addWidget(create);
    m_open = toolbar->addAction(tr("Open"));
    connect(m_open, &QAction::triggered, this, [this] { openPlan(selectedPlanId()); });
    m_clone = toolbar->addAction(tr("Clone"));
    connect(m_clone, &QAction::triggered, this, [this] {
        const QString id = clonePlan(selectedPlanId());
        if (!id.isEmpty())
            selectPlan(id);
    });
    m_delete = toolbar->addAction(tr("Delete…"));
    connect(m_delete, &QAction::triggered, this, [this] { deletePlan(selectedPlanId()); });
    auto *stateMenu = new QMenu(toolbar);
    for (PlanState state : {PlanState::Draft, PlanState::Effective, PlanState::Disabled}) {
        connect(stateMenu->addAction(PlanText::state(state)), &QAction::triggered, this,
                [this, state] { changeState(selectedPlanId(), state); });
    }
    m_state = toolbar->addAction(tr("Change state"));
    m_state->setMenu(stateMenu);
    if (auto *button = qobject_cast<QToolButton *>(toolbar->widgetForAction(m_state)))
        button->setPopupMode(QToolButton::InstantPopup);
    m_history = toolbar->addAction(tr("History"));
    connect(m_history, &QAction::triggered, this, [this] { showHistory(selectedPlanId()); });
    toolbar->addSeparator();
    m_run = toolbar->addAction(tr("Run plan…"));
    m_run->setToolTip(tr("Fill in an execution ticket for the selected plan (effective plans only)."));
    connect(m_run, &QAction::triggered, this, [this] {
        if (!selectedPlanId().isEmpty())
            Q_EMIT runRequested(selectedPlanId());
    });
    toolbar->addSeparator();
    QAction *import = toolbar->addAction(tr("Import…"));
    connect(import, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import plan"), QString(),
                                                          tr("Haven plans (*.json);;All files (*)"));
        if (path.isEmpty())
            return;
        QString error;
        const QString id = importFile(path, &error);
        if (id.isEmpty())
            QMessageBox::warning(this, tr("Import plan"), error);
        else if (!error.isEmpty())
            QMessageBox::information(this, tr("Import plan"), error);
    });
    m_export = toolbar->addAction(tr("Export…"));
    connect(m_export, &QAction::triggered, this, [this] {
        const QString id = selectedPlanId();
        const std::optional<PlanData> plan = m_store.plans().loadPlan(id);
        if (!plan)
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export plan"),
                                                          plan->metadata.name + QStringLiteral(".json"),
                                                          tr("Haven plans (*.json)"));
        QString error;
        if (!path.isEmpty() && !exportPlan(id, path, &error))
            QMessageBox::warning(this, tr("Export plan"), error);
    });
    layout->addWidget(toolbar);

    m_model->setColumnCount(ColumnCount);
    m_model->setHorizontalHeaderLabels(
        {tr("Name"), tr("Kind"), tr("State"), tr("Version"), tr("RTO"), tr("RPO"), tr("Steps"), tr("Updated")});
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(NameColumn, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    connect(m_table, &QTableView::doubleClicked, this, [this] { openPlan(selectedPlanId()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PlanCenterPage::updateActions);

    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    return page;
}

void PlanCenterPage::setCatalog(const QList<OperationSpec> &catalog)
{
    m_catalog = catalog;
    m_editor->setCatalog(catalog);
}

void PlanCenterPage::reload()
{
    const QString selected = selectedPlanId();
    m_model->removeRows(0, m_model->rowCount());
    m_table->setSortingEnabled(false);
    for (const PlanSummary &summary : m_store.plans().listPlans()) {
        const std::optional<PlanData> plan = m_store.plans().loadPlan(summary.id);
        QList<QStandardItem *> row;
        for (int column = 0; column < ColumnCount; ++column)
            row.append(new QStandardItem);
        row[NameColumn]->setText(summary.name);
        row[NameColumn]->setData(summary.id, IdRole);
        row[KindColumn]->setText(PlanText::kind(summary.kind));
        row[StateColumn]->setText(PlanText::state(summary.state));
        row[StateColumn]->setData(int(summary.state), StateRole);
        row[VersionColumn]->setData(summary.version, Qt::DisplayRole);
        if (plan) {
            row[RtoColumn]->setText(PlanText::duration(plan->metadata.rtoSeconds));
            row[RpoColumn]->setText(PlanText::duration(plan->metadata.rpoSeconds));
            row[StepsColumn]->setData(int(plan->steps.size()), Qt::DisplayRole);
            row[NameColumn]->setToolTip(plan->metadata.description);
        } else {
            row[NameColumn]->setToolTip(tr("The cached copy of this plan cannot be read."));
        }
        row[UpdatedColumn]->setText(QLocale().toString(summary.updated.toLocalTime(), QLocale::ShortFormat));
        if (summary.state == PlanState::Effective) {
            QFont font = row[StateColumn]->font();
            font.setBold(true);
            row[StateColumn]->setFont(font);
        }
        m_model->appendRow(row);
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    if (!selected.isEmpty())
        selectPlan(selected);
    updateActions();
    Q_EMIT plansChanged();
}

QStringList PlanCenterPage::planIds() const
{
    QStringList ids;
    for (int row = 0; row < m_model->rowCount(); ++row)
        ids.append(m_model->item(row, NameColumn)->data(IdRole).toString());
    return ids;
}

QString PlanCenterPage::selectedPlanId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(NameColumn);
    return rows.isEmpty() ? QString() : rows.constFirst().data(IdRole).toString();
}

void PlanCenterPage::selectPlan(const QString &planId)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->item(row, NameColumn)->data(IdRole).toString() == planId) {
            m_table->selectRow(row);
            return;
        }
    }
}

void PlanCenterPage::updateActions()
{
    const bool any = !selectedPlanId().isEmpty();
    for (QAction *action : {m_open, m_clone, m_delete, m_state, m_history, m_export}) {
        if (action)
            action->setEnabled(any);
    }
    // Only an effective plan can run.
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(StateColumn);
    const bool effective = any && !rows.isEmpty()
                           && rows.constFirst().data(StateRole).toInt() == int(PlanState::Effective);
    if (m_run)
        m_run->setEnabled(effective);
}

void PlanCenterPage::showMessage(const QString &message)
{
    m_lastMessage = message;
    m_message->setText(message);
}

bool PlanCenterPage::store(const PlanData &plan, const QString &comment)
{
    Plan model(plan);
    model.setVersions(m_store.plans().loadPlanVersions(plan.metadata.id));
    const PlanVersion version = model.saveVersion(m_author, comment);
    // The working copy first: a version belongs to a plan row.
    if (!m_store.plans().savePlan(plan, version.number) || !m_store.plans().savePlanVersion(plan.metadata.id, version)) {
        showMessage(tr("The plan \"%1\" could not be saved: %2").arg(plan.metadata.name, m_store.status().problem));
        return false;
    }
    return true;
}

QString PlanCenterPage::createBlank(PlanKind kind)
{
    PlanData plan;
    plan.metadata.id = newPlanId();
    plan.metadata.kind = kind;
    plan.metadata.name = tr("New %1").arg(PlanText::kind(kind));
    if (!store(plan, tr("Created")))
        return {};
    reload();
    selectPlan(plan.metadata.id);
    showMessage(tr("Created \"%1\".").arg(plan.metadata.name));
    return plan.metadata.id;
}

QString PlanCenterPage::createFromTemplate(PlanTemplates::Architecture architecture)
{
    PlanData plan = PlanTemplates::create(architecture);
    if (plan.metadata.id.isEmpty())
        plan.metadata.id = newPlanId();
    plan.metadata.state = PlanState::Draft;
    QString templateName;
    for (const PlanTemplates::Template &entry : PlanTemplates::all()) {
        if (entry.architecture == architecture)
            templateName = entry.name;
    }
    if (!store(plan, tr("Created from the template \"%1\"").arg(templateName)))
        return {};
    reload();
    selectPlan(plan.metadata.id);
    showMessage(tr("Created \"%1\" from the template \"%2\".").arg(plan.metadata.name, templateName));
    return plan.metadata.id;
}

QString PlanCenterPage::clonePlan(const QString &planId)
{
    std::optional<PlanData> plan = m_store.plans().loadPlan(planId);
    if (!plan)
        return {};
    const QString original = plan->metadata.name;
    plan->metadata.id = newPlanId();
    plan->metadata.name = tr("%1 (copy)").arg(original);
    plan->metadata.state = PlanState::Draft;
    if (!store(*plan, tr("Cloned from \"%1\"").arg(original)))
        return {};
    reload();
    selectPlan(plan->metadata.id);
    showMessage(tr("Cloned \"%1\" as \"%2\" (a draft).").arg(original, plan->metadata.name));
    return plan->metadata.id;
}

bool PlanCenterPage::deletePlan(const QString &planId, bool confirm)
{
    const std::optional<PlanData> plan = m_store.plans().loadPlan(planId);
    if (!plan)
        return false;
    if (confirm) {
        const int versionCount = int(m_store.plans().loadPlanVersions(planId).size());
        QMessageBox box(QMessageBox::Warning, tr("Delete plan"), tr("Delete the plan \"%1\"?").arg(plan->metadata.name),
                        QMessageBox::NoButton, this);
        box.setInformativeText(tr("This cannot be undone: the plan and its %n saved version(s) are removed from "
                                  "this console. Export it first if you may need it again.",
                                  nullptr, versionCount));
        QPushButton *remove = box.addButton(tr("Delete plan"), QMessageBox::DestructiveRole);
        QPushButton *keep = box.addButton(tr("Keep"), QMessageBox::RejectRole);
        box.setDefaultButton(keep);
        box.exec();
        if (box.clickedButton() != remove)
            return false;
    }
    if (!m_store.plans().deletePlan(planId)) {
        showMessage(tr("The plan \"%1\" could not be deleted: %2").arg(plan->metadata.name, m_store.status().problem));
        return false;
    }
    if (m_editingId == planId)
        closeEditor();
    reload();
    showMessage(tr("Deleted \"%1\".").arg(plan->metadata.name));
    return true;
}

bool PlanCenterPage::changeState(const QString &planId, PlanState state, QString *why, bool interactive)
{
    const std::optional<PlanData> stored = m_store.plans().loadPlan(planId);
    if (!stored)
        return false;
    Plan plan(*stored);
    QString error;
    if (!plan.setState(state, m_catalog, &error)) {
        const QString message
            = tr("\"%1\" cannot become effective: %2\nFix the findings in the editor, then try again.")
                  .arg(stored->metadata.name, error);
        if (why)
            *why = message;
        showMessage(message);
        if (interactive)
            QMessageBox::warning(this, tr("Change state"), message);
        return false;
    }
    int version = 0;
    for (const PlanSummary &summary : m_store.plans().listPlans()) {
        if (summary.id == planId)
            version = summary.version;
    }
    if (!m_store.plans().savePlan(plan.data(), version))
        return false;
    reload();
    showMessage(tr("\"%1\" is now %2.").arg(stored->metadata.name, PlanText::state(state)));
    return true;
}

bool PlanCenterPage::isEditing() const
{
    return m_stack->currentWidget() == m_editor;
}

void PlanCenterPage::openPlan(const QString &planId)
{
    const std::optional<PlanData> plan = m_store.plans().loadPlan(planId);
    if (!plan)
        return;
    m_editingId = planId;
    m_editor->openPlan(*plan);
    m_stack->setCurrentWidget(m_editor);
}

void PlanCenterPage::closeEditor()
{
    if (m_editor->document().isDirty() && isVisible()) {
        const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                                  tr("\"%1\" has unsaved changes. Save them as a new version?")
                                                      .arg(m_editor->document().plan().name()),
                                                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                                  QMessageBox::Save);
        if (answer == QMessageBox::Cancel)
            return;
        if (answer == QMessageBox::Save && !saveEditedPlan(QString()))
            return;
    }
    m_editingId.clear();
    m_stack->setCurrentIndex(0);
    reload();
}

bool PlanCenterPage::saveEditedPlan(const QString &comment)
{
    if (m_editingId.isEmpty())
        return false;
    PlanDocument &document = m_editor->document();
    PlanData plan = document.plan().data();
    const std::optional<PlanData> stored = m_store.plans().loadPlan(m_editingId);
    plan.metadata.id = m_editingId;
    plan.metadata.state = stored ? stored->metadata.state : PlanState::Draft;
    document.validateNow();
    QString note;
    if (plan.metadata.state == PlanState::Effective && PlanValidator::hasErrors(document.issues())) {
        plan.metadata.state = PlanState::Draft; // an effective plan must validate
        note = tr(" It has validation errors, so it is a draft again.");
    }
    if (!store(plan, comment))
        return false;
    document.markSaved();
    showMessage(tr("Saved \"%1\".").arg(plan.metadata.name) + note);
    return true;
}

QString PlanCenterPage::importFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    PlanFormat::ImportResult result = PlanFormat::fromBytes(file.readAll(), m_catalog);
    if (!result.plan) {
        if (error)
            *error = tr("%1 was not imported: %2").arg(path, result.error);
        return {};
    }
    PlanData plan = *result.plan;
    if (plan.metadata.id.isEmpty() || m_store.plans().loadPlan(plan.metadata.id))
        plan.metadata.id = newPlanId(); // never overwrite a plan already here
    plan.metadata.state = PlanState::Draft;
    if (!store(plan, tr("Imported from %1").arg(path)))
        return {};
    reload();
    selectPlan(plan.metadata.id);
    QString message = tr("Imported \"%1\" as a draft.").arg(plan.metadata.name);
    if (!result.error.isEmpty())
        message += QLatin1Char(' ') + result.error;
    if (error)
        *error = result.error;
    showMessage(message);
    return plan.metadata.id;
}

bool PlanCenterPage::exportPlan(const QString &planId, const QString &path, QString *error)
{
    const std::optional<PlanData> plan = m_store.plans().loadPlan(planId);
    if (!plan)
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(PlanFormat::toBytes(*plan)) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    showMessage(tr("Exported \"%1\" to %2.").arg(plan->metadata.name, path));
    return true;
}

QList<PlanVersion> PlanCenterPage::versions(const QString &planId) const
{
    return m_store.plans().loadPlanVersions(planId);
}

QStringList PlanCenterPage::differences(const QString &planId, int fromVersion, int toVersion) const
{
    const std::optional<PlanData> stored = m_store.plans().loadPlan(planId);
    if (!stored)
        return {};
    Plan plan(*stored);
    plan.setVersions(m_store.plans().loadPlanVersions(planId));
    const PlanDiff diff = plan.diff(fromVersion, toVersion);
    return diff.isEmpty() ? QStringList{tr("No differences.")} : diff.lines;
}

void PlanCenterPage::showHistory(const QString &planId)
{
    const std::optional<PlanData> plan = m_store.plans().loadPlan(planId);
    if (!plan)
        return;
    const QList<PlanVersion> history = versions(planId);
    QDialog dialog(this);
    dialog.setWindowTitle(tr("History of \"%1\"").arg(plan->metadata.name));
    dialog.resize(760, 560);
    auto *layout = new QVBoxLayout(&dialog);
    auto *list = new QTreeWidget(&dialog);
    list->setHeaderLabels({tr("Version"), tr("Author"), tr("Time"), tr("Comment")});
    list->setRootIsDecorated(false);
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        new QTreeWidgetItem(list, {QString::number(it->number), it->author,
                                   QLocale().toString(it->time.toLocalTime(), QLocale::ShortFormat), it->comment});
    }
    list->resizeColumnToContents(0);
    list->resizeColumnToContents(2);
    layout->addWidget(list, 1);

    auto *pick = new QHBoxLayout;
    auto *from = new QComboBox(&dialog);
    auto *to = new QComboBox(&dialog);
    for (QComboBox *combo : {from, to}) {
        combo->addItem(tr("Working copy"), 0);
        for (auto it = history.crbegin(); it != history.crend(); ++it)
            combo->addItem(tr("Version %1").arg(it->number), it->number);
    }
    if (from->count() > 1)
        from->setCurrentIndex(from->count() > 2 ? 2 : 1);
    pick->addWidget(new QLabel(tr("Differences from"), &dialog));
    pick->addWidget(from);
    pick->addWidget(new QLabel(tr("to"), &dialog));
    pick->addWidget(to);
    pick->addStretch(1);
    layout->addLayout(pick);
    auto *text = new QPlainTextEdit(&dialog);
    text->setReadOnly(true);
    layout->addWidget(text, 1);
    auto update = [this, planId, from, to, text] {
        text->setPlainText(
            differences(planId, from->currentData().toInt(), to->currentData().toInt()).join(QLatin1Char('\n')));
    };
    connect(from, &QComboBox::currentIndexChanged, &dialog, update);
    connect(to, &QComboBox::currentIndexChanged, &dialog, update);
    update();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.exec();
}

} // namespace Haven
