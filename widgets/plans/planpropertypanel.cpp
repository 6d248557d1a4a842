// SPDX-License-Identifier: GPL-3.0-or-later
#include "planpropertypanel.h"

#include "editing/plans/plancommands.h"
#include "editing/plans/plandocument.h"
#include "widgets/common/statuscolors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <limits>

namespace Haven {

namespace {

constexpr double Unbounded = 1e9;

void setTextIfDifferent(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text) {
        edit->setText(text);
        if (!edit->hasFocus())
            edit->setCursorPosition(0); // show the beginning of a long name
    }
}

void selectData(QComboBox *combo, const QVariant &data)
{
    const int index = combo->findData(data);
    if (index >= 0 && combo->currentIndex() != index)
        combo->setCurrentIndex(index);
}

} // namespace

PlanPropertyPanel::PlanPropertyPanel(PlanDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_pages(new QStackedWidget(this))
    , m_title(new QLabel(this))
    , m_issues(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    QFont font = m_title->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    m_title->setFont(font);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    m_issues->setWordWrap(true);
    m_issues->setTextFormat(Qt::RichText);
    layout->addWidget(m_issues);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_pages);
    layout->addWidget(scroll, 1);
    m_pages->addWidget(buildPlanPage());
    m_pages->addWidget(buildStepPage());

    const Plan &plan = document.plan();
    connect(&plan, &Plan::stepChanged, this, [this](StepId id) {
        if (id == m_step)
            refreshStep();
    });
    connect(&plan, &Plan::stepRemoved, this, [this](StepId id) {
        if (id == m_step)
            setStep(InvalidStepId);
    });
    connect(&plan, &Plan::metadataChanged, this, &PlanPropertyPanel::refreshPlan);
    connect(&plan, &Plan::planChanged, this, [this] {
        if (m_step == InvalidStepId)
            refreshPlan();
    });
    connect(&plan, &Plan::modelReset, this,
            [this] { setStep(m_document.plan().hasStep(m_step) ? m_step : InvalidStepId); });
    connect(&document, &PlanDocument::validationChanged, this, &PlanPropertyPanel::refreshIssues);
    setStep(InvalidStepId);
}

QWidget *PlanPropertyPanel::buildStepPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 4, 0);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(form);

    m_name = new QLineEdit(page);
    form->addRow(tr("Name"), m_name);
    connect(m_name, &QLineEdit::textEdited, this,
            [this](const QString &text) { editStep(StepField::Name, [&text](PlanStep &s) { s.name = text; }); });

    m_operation = new QComboBox(page);
    form->addRow(tr("Operation code"), m_operation);
    m_operationHelp = new QLabel(page);
    m_operationHelp->setWordWrap(true);
    m_operationHelp->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_operationHelp);
    connect(m_operation, &QComboBox::activated, this, [this](int index) {
        const QString code = m_operation->itemData(index).toString();
        editStep(StepField::Operation, [this, &code](PlanStep &s) {
            const OperationSpec *spec = m_document.operation(code);
            const QJsonObject properties = spec ? spec->parameters.value(QStringLiteral("properties")).toObject()
                                                : QJsonObject();
            QJsonObject kept;
            for (auto it = s.parameters.constBegin(); it != s.parameters.constEnd(); ++it) {
                if (properties.contains(it.key()))
                    kept.insert(it.key(), it.value());
            }
            // The step's product group is what the operation's productGroup parameter almost always wants.
            const QString group = QStringLiteral("productGroup");
            if (properties.contains(group) && !kept.contains(group) && !s.productGroup.isEmpty())
                kept.insert(group, s.productGroup);
            s.operation = code;
            s.parameters = kept;
        });
    });

    m_parametersBox = new QGroupBox(tr("Parameters"), page);
    m_parametersForm = new QFormLayout(m_parametersBox);
    m_parametersForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addWidget(m_parametersBox);

    auto *where = new QGroupBox(tr("Where"), page);
    auto *whereForm = new QFormLayout(where);
    m_targetKind = new QComboBox(where);
    for (StepTargetKind kind : {StepTargetKind::FailedSite, StepTargetKind::EmergencySite, StepTargetKind::EverySite,
                                StepTargetKind::NamedSite})
        m_targetKind->addItem(PlanText::targetKind(kind), int(kind));
    whereForm->addRow(tr("Target"), m_targetKind);
    m_targetSite = new QLineEdit(where);
    m_targetSite->setPlaceholderText(tr("site id, e.g. sh-a"));
    whereForm->addRow(tr("Site"), m_targetSite);
    m_productGroup = new QComboBox(where);
    m_productGroup->setEditable(true);
    m_productGroup->setInsertPolicy(QComboBox::NoInsert);
    whereForm->addRow(tr("Product group"), m_productGroup);
    layout->addWidget(where);
    auto editTarget = [this] {
        const StepTarget target{StepTargetKind(m_targetKind->currentData().toInt()), m_targetSite->text().trimmed()};
        m_targetSite->setEnabled(target.kind == StepTargetKind::NamedSite);
        editStep(StepField::Target, [&target](PlanStep &s) {
            s.target = target;
            if (target.kind != StepTargetKind::NamedSite)
                s.target.site.clear();
        });
    };
    connect(m_targetKind, &QComboBox::activated, this, editTarget);
    connect(m_targetSite, &QLineEdit::textEdited, this, editTarget);
    connect(m_productGroup, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        editStep(StepField::ProductGroup, [&text](PlanStep &s) { s.productGroup = text.trimmed(); });
    });

    auto *run = new QGroupBox(tr("Execution"), page);
    auto *runForm = new QFormLayout(run);
    m_timeout = new QSpinBox(run);
    m_timeout->setRange(1, 7 * 86400);
    m_timeout->setSuffix(tr(" s"));
    runForm->addRow(tr("Timeout"), m_timeout);
    connect(m_timeout, &QSpinBox::valueChanged, this,
            [this](int value) { editStep(StepField::Timeout, [value](PlanStep &s) { s.timeoutSeconds = value; }); });
    m_attempts = new QSpinBox(run);
    m_attempts->setRange(1, 20);
    m_attempts->setToolTip(tr("Attempts in all, the first try included (1 = no retry)"));
    runForm->addRow(tr("Attempts"), m_attempts);
    m_backoff = new QSpinBox(run);
    m_backoff->setRange(0, 3600);
    m_backoff->setSuffix(tr(" s"));
    m_backoff->setToolTip(tr("Wait before the first retry; doubles for each further retry"));
    runForm->addRow(tr("Retry after"), m_backoff);
    auto editRetry = [this] {
        const int attempts = m_attempts->value();
        const int backoff = m_backoff->value();
        editStep(StepField::Retry, [attempts, backoff](PlanStep &s) {
            s.retry.attempts = attempts;
            s.retry.backoffSeconds = backoff;
        });
    };
    connect(m_attempts, &QSpinBox::valueChanged, this, editRetry);
    connect(m_backoff, &QSpinBox::valueChanged, this, editRetry);
    m_onFailure = new QComboBox(run);
    for (OnFailure value : {OnFailure::Stop, OnFailure::Pause, OnFailure::Continue})
        m_onFailure->addItem(PlanText::onFailure(value), int(value));
    runForm->addRow(tr("On failure"), m_onFailure);
    connect(m_onFailure, &QComboBox::activated, this, [this] {
        const auto value = OnFailure(m_onFailure->currentData().toInt());
        editStep(StepField::OnFailure, [value](PlanStep &s) { s.onFailure = value; });
    });
    layout->addWidget(run);

    auto *gates = new QGroupBox(tr("Approval and guard"), page);
    auto *gatesForm = new QFormLayout(gates);
    m_approval = new QCheckBox(tr("An operator approves before the step starts"), gates);
    gatesForm->addRow(m_approval);
    m_approvalPrompt = new QLineEdit(gates);
    m_approvalPrompt->setPlaceholderText(tr("What the approver should check"));
    gatesForm->addRow(tr("Prompt"), m_approvalPrompt);
    auto editApproval = [this] {
        const bool required = m_approval->isChecked();
        const QString prompt = m_approvalPrompt->text();
        m_approvalPrompt->setEnabled(required);
        editStep(StepField::Approval, [required, &prompt](PlanStep &s) {
            s.requiresApproval = required;
            s.approvalPrompt = prompt;
        });
    };
    connect(m_approval, &QCheckBox::toggled, this, editApproval);
    connect(m_approvalPrompt, &QLineEdit::textEdited, this, editApproval);

    m_guardEnabled = new QCheckBox(tr("Check a condition just before the step starts"), gates);
    gatesForm->addRow(m_guardEnabled);
    m_guardKind = new QComboBox(gates);
    for (GuardKind kind : {GuardKind::ReplicationLagBelow, GuardKind::CapacityBelow, GuardKind::ComponentStatusOk})
        m_guardKind->addItem(PlanText::guardKind(kind), int(kind));
    gatesForm->addRow(tr("Guard"), m_guardKind);
    m_guardThreshold = new QDoubleSpinBox(gates);
    m_guardThreshold->setRange(0, 86400);
    m_guardThreshold->setDecimals(1);
    gatesForm->addRow(tr("Threshold"), m_guardThreshold);
    m_guardComponent = new QLineEdit(gates);
    m_guardComponent->setPlaceholderText(tr("optional: one component id"));
    gatesForm->addRow(tr("Component"), m_guardComponent);
    auto editGuard = [this] {
        const bool enabled = m_guardEnabled->isChecked();
        const StepGuard guard = guardFromEditors();
        editStep(StepField::Guard, [enabled, &guard](PlanStep &s) {
            if (enabled)
                s.guard = guard;
            else
                s.guard.reset();
        });
    };
    connect(m_guardEnabled, &QCheckBox::toggled, this, editGuard);
    connect(m_guardKind, &QComboBox::activated, this, editGuard);
    connect(m_guardThreshold, &QDoubleSpinBox::valueChanged, this, editGuard);
    connect(m_guardComponent, &QLineEdit::textEdited, this, editGuard);
    layout->addWidget(gates);

    auto *notesBox = new QGroupBox(tr("Notes"), page);
    auto *notesLayout = new QVBoxLayout(notesBox);
    m_notes = new QPlainTextEdit(notesBox);
    m_notes->setPlaceholderText(tr("For the operators who run the plan"));
    m_notes->setMaximumHeight(90);
    notesLayout->addWidget(m_notes);
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_notes->toPlainText();
        editStep(StepField::Notes, [&text](PlanStep &s) { s.notes = text; });
    });
    layout->addWidget(notesBox);
    layout->addStretch(1);
    return page;
}

QWidget *PlanPropertyPanel::buildPlanPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 4, 0);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(form);
    m_planName = new QLineEdit(page);
    form->addRow(tr("Name"), m_planName);
    connect(m_planName, &QLineEdit::textEdited, this,
            [this](const QString &text) { editPlan(PlanField::Name, [&text](PlanMetadata &m) { m.name = text; }); });
    m_planKind = new QComboBox(page);
    for (PlanKind kind : {PlanKind::DisasterRecovery, PlanKind::Emergency, PlanKind::Drill})
        m_planKind->addItem(PlanText::kind(kind), int(kind));
    form->addRow(tr("Kind"), m_planKind);
    connect(m_planKind, &QComboBox::activated, this, [this] {
        const auto kind = PlanKind(m_planKind->currentData().toInt());
        editPlan(PlanField::Kind, [kind](PlanMetadata &m) { m.kind = kind; });
    });
    m_planState = new QLabel(page);
    form->addRow(tr("State"), m_planState);
    m_rto = new QSpinBox(page);
    m_rpo = new QSpinBox(page);
    for (QSpinBox *spin : {m_rto, m_rpo}) {
        spin->setRange(0, 7 * 86400);
        spin->setSuffix(tr(" s"));
        spin->setSpecialValueText(tr("not set"));
    }
    m_rto->setToolTip(tr("Recovery time objective: the downtime tolerated"));
    m_rpo->setToolTip(tr("Recovery point objective: the data loss tolerated"));
    form->addRow(tr("RTO"), m_rto);
    form->addRow(tr("RPO"), m_rpo);
    connect(m_rto, &QSpinBox::valueChanged, this,
            [this](int value) { editPlan(PlanField::Rto, [value](PlanMetadata &m) { m.rtoSeconds = value; }); });
    connect(m_rpo, &QSpinBox::valueChanged, this,
            [this](int value) { editPlan(PlanField::Rpo, [value](PlanMetadata &m) { m.rpoSeconds = value; }); });
    m_planDescription = new QPlainTextEdit(page);
    m_planDescription->setMaximumHeight(120);
    form->addRow(tr("Description"), m_planDescription);
    connect(m_planDescription, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_planDescription->toPlainText();
        editPlan(PlanField::Description, [&text](PlanMetadata &m) { m.description = text; });
    });
    m_planSummary = new QLabel(page);
    m_planSummary->setWordWrap(true);
    layout->addWidget(m_planSummary);
    layout->addStretch(1);
    return page;
}

void PlanPropertyPanel::setStep(StepId id)
{
    if (!m_document.plan().hasStep(id))
        id = InvalidStepId;
    m_step = id;
    m_pages->setCurrentIndex(id == InvalidStepId ? 0 : 1);
    if (id == InvalidStepId)
        refreshPlan();
    else
        refreshStep();
    refreshIssues();
}

void PlanPropertyPanel::editStep(StepField field, const std::function<void(PlanStep &)> &change)
{
    if (m_updating || m_step == InvalidStepId)
        return;
    PlanStep values = m_document.plan().step(m_step);
    change(values);
    m_document.push(new SetStepPropertyCommand(m_document.plan(), m_step, field, values));
}

void PlanPropertyPanel::editPlan(PlanField field, const std::function<void(PlanMetadata &)> &change)
{
    if (m_updating)
        return;
    PlanMetadata values = m_document.plan().metadata();
    change(values);
    m_document.push(new SetPlanPropertyCommand(m_document.plan(), field, values));
}

void PlanPropertyPanel::fillOperations()
{
    m_operation->clear();
    QList<OperationSpec> catalog = m_document.catalog();
    std::sort(catalog.begin(), catalog.end(),
              [](const OperationSpec &a, const OperationSpec &b) { return a.code < b.code; });
    for (const OperationSpec &spec : std::as_const(catalog))
        m_operation->addItem(tr("%1 (%2)").arg(spec.name.isEmpty() ? spec.code : spec.name, spec.code), spec.code);
}

void PlanPropertyPanel::fillProductGroups()
{
    const QString current = m_productGroup->currentText();
    m_productGroup->clear();
    m_productGroup->addItems(PlanValidator::knownProductGroups(m_document.catalog()));
    m_productGroup->setCurrentText(current);
}

void PlanPropertyPanel::refreshStep()
{
    if (m_step == InvalidStepId)
        return;
    const PlanStep step = m_document.plan().step(m_step);
    m_updating = true;
    m_title->setText(tr("Step %1 · %2").arg(step.id).arg(step.name.isEmpty() ? step.operation : step.name));
    setTextIfDifferent(m_name, step.name);

    if (m_operation->count() != m_document.catalog().size() || m_operation->findData(step.operation) < 0) {
        fillOperations();
        fillProductGroups();
        if (m_operation->findData(step.operation) < 0)
            m_operation
                ->insertItem(0,
                             tr("%1 (not in the catalog)").arg(step.operation.isEmpty() ? tr("none") : step.operation),
                             step.operation);
    }
    selectData(m_operation, step.operation);
    const OperationSpec *spec = m_document.operation(step.operation);
    m_operationHelp->setText(spec ? spec->description : tr("No site offers this operation."));
    if (m_parametersFor != step.operation || m_parameterEditors.isEmpty() != !spec)
        rebuildParameters(step);
    refreshParameters(step);

    selectData(m_targetKind, int(step.target.kind));
    setTextIfDifferent(m_targetSite, step.target.site);
    m_targetSite->setEnabled(step.target.kind == StepTargetKind::NamedSite);
    if (m_productGroup->currentText() != step.productGroup)
        m_productGroup->setCurrentText(step.productGroup);
    m_timeout->setValue(step.timeoutSeconds);
    m_attempts->setValue(step.retry.attempts);
    m_backoff->setValue(step.retry.backoffSeconds);
    selectData(m_onFailure, int(step.onFailure));
    m_approval->setChecked(step.requiresApproval);
    setTextIfDifferent(m_approvalPrompt, step.approvalPrompt);
    m_approvalPrompt->setEnabled(step.requiresApproval);
    m_guardEnabled->setChecked(step.guard.has_value());
    const StepGuard guard = step.guard.value_or(StepGuard{});
    selectData(m_guardKind, int(guard.kind));
    m_guardThreshold->setValue(guard.threshold);
    m_guardThreshold->setSuffix(guard.kind == GuardKind::CapacityBelow ? tr(" %") : tr(" s"));
    m_guardThreshold->setEnabled(guard.kind != GuardKind::ComponentStatusOk);
    setTextIfDifferent(m_guardComponent, guard.component);
    for (QWidget *widget : {static_cast<QWidget *>(m_guardKind), static_cast<QWidget *>(m_guardComponent)})
        widget->setEnabled(step.guard.has_value());
    if (!step.guard)
        m_guardThreshold->setEnabled(false);
    if (m_notes->toPlainText() != step.notes)
        m_notes->setPlainText(step.notes);
    m_updating = false;
}

StepGuard PlanPropertyPanel::guardFromEditors() const
{
    StepGuard guard;
    if (m_step != InvalidStepId)
        guard = m_document.plan().step(m_step).guard.value_or(StepGuard{});
    guard.kind = GuardKind(m_guardKind->currentData().toInt());
    guard.threshold = m_guardThreshold->value();
    guard.component = m_guardComponent->text().trimmed();
    return guard;
}

void PlanPropertyPanel::rebuildParameters(const PlanStep &step)
{
    while (m_parametersForm->rowCount() > 0)
        m_parametersForm->removeRow(0);
    m_parameterEditors.clear();
    m_parametersFor = step.operation;
    const OperationSpec *spec = m_document.operation(step.operation);
    if (!spec) {
        m_parametersForm->addRow(new QLabel(tr("Choose an operation from the catalog to edit its parameters.")));
        return;
    }
    const QJsonObject properties = spec->parameters.value(QStringLiteral("properties")).toObject();
    const QJsonArray requiredList = spec->parameters.value(QStringLiteral("required")).toArray();
    if (properties.isEmpty()) {
        m_parametersForm->addRow(new QLabel(tr("This operation takes no parameters.")));
        return;
    }
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
        const QString key = it.key();
        const QJsonObject schema = it.value().toObject();
        const QString type = schema.value(QStringLiteral("type")).toString();
        const bool required = requiredList.contains(key);
        QWidget *editor = nullptr;
        if (schema.contains(QStringLiteral("enum")) || type == QLatin1StringView("boolean")) {
            auto *combo = new QComboBox;
            combo->addItem(tr("— not set —"));
            if (type == QLatin1StringView("boolean")) {
                combo->addItem(tr("Yes"), true);
                combo->addItem(tr("No"), false);
            } else {
                for (const QJsonValue &value : schema.value(QStringLiteral("enum")).toArray())
                    combo->addItem(value.isString()
                                       ? value.toString()
                                       : QString::fromUtf8(
                                             QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                                             .mid(1)
                                             .chopped(1),
                                   value.toVariant());
            }
            connect(combo, &QComboBox::activated, this, [this, key, combo](int index) {
                const QVariant chosen = combo->itemData(index);
                setParameter(key,
                             chosen.isValid() ? QJsonValue::fromVariant(chosen) : QJsonValue(QJsonValue::Undefined));
            });
            editor = combo;
        } else if (type == QLatin1StringView("integer")) {
            auto *spin = new QSpinBox;
            const int minimum = int(schema.value(QStringLiteral("minimum")).toDouble(-1e6));
            spin->setRange(minimum - 1, int(schema.value(QStringLiteral("maximum")).toDouble(1e9)));
            spin->setSpecialValueText(tr("— not set —"));
            connect(spin, &QSpinBox::valueChanged, this, [this, key, spin](int value) {
                setParameter(key, value == spin->minimum() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(value));
            });
            editor = spin;
        } else if (type == QLatin1StringView("number")) {
            auto *spin = new QDoubleSpinBox;
            const double minimum = schema.value(QStringLiteral("minimum")).toDouble(-Unbounded);
            spin->setRange(minimum - 1, schema.value(QStringLiteral("maximum")).toDouble(Unbounded));
            spin->setDecimals(2);
            spin->setSpecialValueText(tr("— not set —"));
            connect(spin, &QDoubleSpinBox::valueChanged, this, [this, key, spin](double value) {
                setParameter(key, value == spin->minimum() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(value));
            });
            editor = spin;
        } else {
            auto *line = new QLineEdit;
            const bool json = type == QLatin1StringView("object") || type == QLatin1StringView("array");
            if (json)
                line->setPlaceholderText(tr("JSON"));
            connect(line, &QLineEdit::textEdited, this, [this, key, json](const QString &text) {
                if (text.isEmpty()) {
                    setParameter(key, QJsonValue(QJsonValue::Undefined));
                } else if (json) {
                    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + "]");
                    if (doc.isArray() && doc.array().size() == 1)
                        setParameter(key, doc.array().first());
                } else {
                    setParameter(key, text);
                }
            });
            editor = line;
        }
        editor->setToolTip(schema.value(QStringLiteral("description")).toString());
        editor->setObjectName(key);
        m_parameterEditors.insert(key, editor);
        m_parametersForm->addRow(required ? tr("%1 *").arg(key) : key, editor);
    }
}

void PlanPropertyPanel::refreshParameters(const PlanStep &step)
{
    for (auto it = m_parameterEditors.cbegin(); it != m_parameterEditors.cend(); ++it) {
        const QJsonValue value = step.parameters.value(it.key());
        if (auto *combo = qobject_cast<QComboBox *>(it.value())) {
            const int index = value.isUndefined() ? 0 : combo->findData(value.toVariant());
            combo->setCurrentIndex(std::max(0, index));
        } else if (auto *spin = qobject_cast<QSpinBox *>(it.value())) {
            spin->setValue(value.isUndefined() ? spin->minimum() : value.toInt());
        } else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(it.value())) {
            dspin->setValue(value.isUndefined() ? dspin->minimum() : value.toDouble());
        } else if (auto *line = qobject_cast<QLineEdit *>(it.value())) {
            QString text;
            if (value.isString())
                text = value.toString();
            else if (!value.isUndefined())
                text = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                           .mid(1)
                           .chopped(1);
            if (line->text() != text && !(line->hasFocus() && !value.isString() && !value.isUndefined()))
                line->setText(text);
        }
    }
}

void PlanPropertyPanel::setParameter(const QString &key, const QJsonValue &value)
{
    editStep(StepField::Parameters, [&key, &value](PlanStep &s) {
        if (value.isUndefined())
            s.parameters.remove(key);
        else
            s.parameters.insert(key, value);
    });
}

void PlanPropertyPanel::refreshPlan()
{
    if (m_step != InvalidStepId)
        return;
    const Plan &plan = m_document.plan();
    m_updating = true;
    m_title->setText(tr("Plan · %1").arg(plan.name()));
    setTextIfDifferent(m_planName, plan.name());
    selectData(m_planKind, int(plan.kind()));
    m_planState->setText(PlanText::state(plan.state()));
    m_rto->setValue(plan.metadata().rtoSeconds);
    m_rpo->setValue(plan.metadata().rpoSeconds);
    if (m_planDescription->toPlainText() != plan.metadata().description)
        m_planDescription->setPlainText(plan.metadata().description);
    QStringList phases;
    for (PlanPhase phase : plan.phases())
        phases.append(tr("%1: %n step(s)", nullptr, int(plan.stepIds(phase).size())).arg(PlanText::phase(phase)));
    m_planSummary->setText(phases.join(QLatin1Char('\n')) + QLatin1Char('\n')
                           + tr("Select a step on the canvas to edit it."));
    m_updating = false;
}

void PlanPropertyPanel::refreshIssues()
{
    const QList<PlanIssue> issues = m_step == InvalidStepId ? m_document.issues() : m_document.issuesOf(m_step);
    if (issues.isEmpty()) {
        m_issues->setText(m_step == InvalidStepId ? tr("✔ The plan validates.") : QString());
        m_issues->setVisible(m_step == InvalidStepId);
        return;
    }
    const ColorScheme scheme = StatusColors::schemeFor(palette());
    QStringList lines;
    const int shown = 6;
    for (qsizetype i = 0; i < issues.size() && i < shown; ++i) {
        const PlanIssue &issue = issues.at(i);
        const StatusStyle style = StatusColors::style(issue.isError() ? ComponentStatus::Critical
                                                                      : ComponentStatus::Warning,
                                                      scheme);
        lines.append(QStringLiteral("<span style=\"background:%1;color:%2\">&nbsp;%3&nbsp;</span> %4")
                         .arg(style.fill.name(), style.text.name(), style.symbol, issue.message.toHtmlEscaped()));
    }
    if (issues.size() > shown)
        lines.append(tr("… and %n more", nullptr, int(issues.size() - shown)));
    m_issues->setText(lines.join(QStringLiteral("<br>")));
    m_issues->setVisible(true);
}

} // namespace Haven
