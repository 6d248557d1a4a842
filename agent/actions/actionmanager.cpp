// SPDX-License-Identifier: GPL-3.0-or-later
#include "actionmanager.h"

#include "agent/site/agentstore.h"
#include "agent/site/sitebackend.h"

#include <QTimer>
#include <QUuid>

namespace Haven {

namespace {

bool sameRequest(const ActionRecord &action, const QString &operation, const QJsonObject &parameters)
{
    return action.operation == operation && action.parameters == parameters;
}

// Moves end back so that [begin, end) does not split a UTF-8 character.
qsizetype utf8Boundary(const QByteArray &bytes, qsizetype end)
{
    while (end > 0 && end < bytes.size() && (static_cast<unsigned char>(bytes.at(end)) & 0xC0) == 0x80)
        --end;
    return end;
}

} // namespace

ActionManager::ActionManager(AgentStore &store, SiteBackend &backend, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_backend(backend)
    , m_flushTimer(new QTimer(this))
{
    m_flushTimer->setInterval(250);
    connect(m_flushTimer, &QTimer::timeout, this, &ActionManager::flushLogs);
}

ActionManager::~ActionManager()
{
    flushLogs();
    for (Running *running : std::as_const(m_running)) {
        running->execution->disconnect(this);
        delete running;
    }
}

void ActionManager::recoverAfterRestart()
{
    const QList<ActionRecord> unfinished = m_store.unfinishedActions();
    for (ActionRecord action : unfinished) {
        action.state = ActionState::Failed;
        action.finished = QDateTime::currentDateTimeUtc();
        action.message = QStringLiteral("interrupted: the agent stopped while this action ran; "
                                        "check the site's state before running it again with a new key");
        m_store.updateAction(action);
        m_store.appendLog(action.id, "\n[agent] " + action.message.toUtf8() + '\n');
    }
}

ActionManager::StartResult ActionManager::start(const QString &operation, const QJsonObject &parameters,
                                                const QString &idempotencyKey)
{
    StartResult result;
    if (std::optional<ActionRecord> earlier = m_store.actionByKey(idempotencyKey)) {
        if (!sameRequest(*earlier, operation, parameters)) {
            result.status = 409;
            result.code = QStringLiteral("idempotency_conflict");
            result.message = QStringLiteral("idempotency key \"%1\" was already used for action %2 (%3) with other "
                                            "parameters; use a new key for a new request")
                                 .arg(idempotencyKey, earlier->id, earlier->operation);
            return result;
        }
        result.action = earlier;
        return result;
    }

    const QList<OperationSpec> catalog = m_backend.operations();
    const auto spec = std::find_if(catalog.cbegin(), catalog.cend(),
                                   [&](const OperationSpec &s) { return s.code == operation; });
    if (spec == catalog.cend()) {
        result.status = 422;
        result.code = QStringLiteral("unknown_operation");
        result.message = QStringLiteral("this site offers no operation \"%1\"; GET /v1/operations lists them")
                             .arg(operation);
        return result;
    }
    if (const QString problem = validateParameters(spec->parameters, parameters); !problem.isEmpty()) {
        result.status = 422;
        result.code = QStringLiteral("invalid_parameters");
        result.message = QStringLiteral("%1: %2").arg(operation, problem);
        return result;
    }

    ActionRecord record;
    record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.idempotencyKey = idempotencyKey;
    record.operation = operation;
    record.parameters = parameters;
    record.state = ActionState::Pending;
    record.created = QDateTime::currentDateTimeUtc();

    QString error;
    std::unique_ptr<ActionExecution> execution = m_backend.createExecution(ActionContext{record.id, idempotencyKey,
                                                                                         operation, parameters},
                                                                           &error);
    if (!execution) {
        result.status = 422;
        result.code = QStringLiteral("cannot_start");
        result.message = QStringLiteral("%1 cannot start: %2").arg(operation, error);
        return result;
    }
    // The key is on disk before the work begins: a crash after this line cannot run it twice.
    if (!m_store.insertAction(record)) {
        result.status = 500;
        result.code = QStringLiteral("store_failed");
        result.message = QStringLiteral("the action was not started because it could not be recorded: %1")
                             .arg(m_store.lastError());
        return result;
    }

    auto *running = new Running{record, std::move(execution), {}};
    m_running.insert(record.id, running);
    const QString id = record.id;
    connect(running->execution.get(), &ActionExecution::logged, this,
            [this, id](const QString &text) { onLogged(id, text); });
    connect(
        running->execution.get(), &ActionExecution::finished, this,
        [this, id](ActionState state, const QString &message) { onFinished(id, state, message); },
        Qt::QueuedConnection);

    running->record.state = ActionState::Running;
    running->record.started = QDateTime::currentDateTimeUtc();
    m_store.updateAction(running->record);
    running->execution->start();
    m_flushTimer->start();

    result.action = running->record;
    result.created = true;
    Q_EMIT actionChanged(running->record);
    return result;
}

void ActionManager::onLogged(const QString &id, const QString &text)
{
    Running *running = m_running.value(id);
    if (!running)
        return;
    const QByteArray bytes = text.toUtf8();
    const qint64 size = running->record.logSize + running->pendingLog.size();
    if (size >= MaxLogBytes)
        return;
    if (size + bytes.size() > MaxLogBytes) {
        running->pendingLog += bytes.left(utf8Boundary(bytes, MaxLogBytes - size));
        running->pendingLog += "\n[agent] log truncated at 4 MiB\n";
        return;
    }
    running->pendingLog += bytes;
}

void ActionManager::flushLogs()
{
    for (Running *running : std::as_const(m_running)) {
        if (running->pendingLog.isEmpty())
            continue;
        if (m_store.appendLog(running->record.id, running->pendingLog)) {
            running->record.logSize += running->pendingLog.size();
            running->pendingLog.clear();
        }
    }
    if (m_running.isEmpty())
        m_flushTimer->stop();
}

void ActionManager::onFinished(const QString &id, ActionState state, const QString &message)
{
    Running *running = m_running.value(id);
    if (!running)
        return;
    flushLogs();
    running->record.state = isFinal(state) ? state : ActionState::Failed;
    running->record.message = message;
    running->record.finished = QDateTime::currentDateTimeUtc();
    m_store.updateAction(running->record);
    m_finishedCounts[running->record.state] += 1;
    const ActionRecord record = running->record;
    m_running.remove(id);
    running->execution.release()->deleteLater();
    delete running;
    Q_EMIT actionChanged(record);
}

std::optional<ActionRecord> ActionManager::action(const QString &id)
{
    if (Running *running = m_running.value(id)) {
        ActionRecord record = running->record;
        record.logSize += running->pendingLog.size();
        return record;
    }
    return m_store.action(id);
}

std::optional<ActionRecord> ActionManager::actionByKey(const QString &key)
{
    std::optional<ActionRecord> stored = m_store.actionByKey(key);
    return stored ? action(stored->id) : std::nullopt;
}

QList<ActionRecord> ActionManager::recent(int limit)
{
    QList<ActionRecord> actions = m_store.recentActions(limit);
    for (ActionRecord &a : actions) {
        if (Running *running = m_running.value(a.id)) {
            a = running->record;
            a.logSize += running->pendingLog.size();
        }
    }
    return actions;
}

QByteArray ActionManager::log(const QString &id, qint64 offset, qint64 limit)
{
    flushLogs();
    const std::optional<ActionRecord> record = m_store.action(id);
    if (!record || offset >= record->logSize)
        return {};
    QByteArray bytes = m_store.log(id, offset, limit + 4);
    if (bytes.size() > limit)
        bytes.truncate(utf8Boundary(bytes, limit));
    return bytes;
}

bool ActionManager::cancel(const QString &id)
{
    if (Running *running = m_running.value(id)) {
        running->execution->cancel();
        return true;
    }
    return m_store.action(id).has_value();
}

} // namespace Haven
