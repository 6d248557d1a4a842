// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionstate.h"

#include <QJsonArray>

namespace Haven {

void InspectionCheckState::record(InspectionStatus status, const Policy &policy)
{
    m_history.append(status);
    while (m_history.size() > HistoryLength)
        m_history.removeFirst();

    if (status == InspectionStatus::Ok) {
        m_problemStreak = 0;
        ++m_okStreak;
        if (m_hardState == InspectionHardState::SoftProblem
            || (m_hardState == InspectionHardState::HardProblem && m_okStreak >= policy.recoveries))
            m_hardState = InspectionHardState::Ok;
    } else {
        m_okStreak = 0;
        ++m_problemStreak;
        if (m_hardState == InspectionHardState::HardProblem || m_problemStreak >= policy.softFailures)
            m_hardState = InspectionHardState::HardProblem;
        else
            m_hardState = InspectionHardState::SoftProblem;
    }
    m_flapping = changeShare() > policy.flapThreshold;
}

double InspectionCheckState::changeShare() const
{
    int changes = 0;
    for (qsizetype i = 1; i < m_history.size(); ++i)
        changes += m_history.at(i) != m_history.at(i - 1) ? 1 : 0;
    return double(changes) / (HistoryLength - 1);
}

QJsonObject InspectionCheckState::toJson() const
{
    QJsonArray history;
    for (InspectionStatus status : m_history)
        history.append(int(status));
    return {{QStringLiteral("hardState"), toString(m_hardState)},
            {QStringLiteral("problemStreak"), m_problemStreak},
            {QStringLiteral("okStreak"), m_okStreak},
            {QStringLiteral("flapping"), m_flapping},
            {QStringLiteral("history"), history}};
}

InspectionCheckState InspectionCheckState::fromJson(const QJsonObject &json)
{
    InspectionCheckState state;
    const std::optional<InspectionHardState> hard = inspectionHardStateFromString(
        json.value(QStringLiteral("hardState")).toString());
    if (!hard)
        return state;
    state.m_hardState = *hard;
    state.m_problemStreak = qMax(0, json.value(QStringLiteral("problemStreak")).toInt());
    state.m_okStreak = qMax(0, json.value(QStringLiteral("okStreak")).toInt());
    state.m_flapping = json.value(QStringLiteral("flapping")).toBool();
    const QJsonArray history = json.value(QStringLiteral("history")).toArray();
    for (const QJsonValue &value : history) {
        const int code = value.toInt(-1);
        if (code >= 0 && code <= 3)
            state.m_history.append(InspectionStatus(code));
    }
    while (state.m_history.size() > HistoryLength)
        state.m_history.removeFirst();
    return state;
}

} // namespace Haven
