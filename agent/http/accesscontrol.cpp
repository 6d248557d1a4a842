// SPDX-License-Identifier: GPL-3.0-or-later
#include "accesscontrol.h"

#include "core/enumnames.h"

#include <QCryptographicHash>

namespace Haven {

namespace {

constexpr EnumNames<AgentRole, 5> roleNames{{{AgentRole::Viewer, QLatin1StringView("viewer")},
                                             {AgentRole::Operator, QLatin1StringView("operator")},
                                             {AgentRole::Drill, QLatin1StringView("drill")},
                                             {AgentRole::Inspector, QLatin1StringView("inspector")},
                                             {AgentRole::Admin, QLatin1StringView("admin")}}};

} // namespace

QString toString(AgentRole role)
{
    return nameOf(roleNames, role);
}

std::optional<AgentRole> agentRoleFromString(QStringView text)
{
    return valueOf(roleNames, text);
}

QString allowedAgentRoles()
{
    return allowedNames(roleNames);
}

bool roleAllows(AgentRole held, AgentRole needed)
{
    return held == AgentRole::Admin || needed == AgentRole::Viewer || held == needed;
}

std::optional<AgentToken> findToken(const QByteArray &token, const QList<AgentToken> &tokens)
{
    if (token.isEmpty())
        return std::nullopt;
    // Compare digests, not tokens, and every one of them: no early exit to time.
    const QByteArray presented = QCryptographicHash::hash(token, QCryptographicHash::Sha256);
    std::optional<AgentToken> found;
    for (const AgentToken &candidate : tokens) {
        unsigned char difference = candidate.digest.size() == presented.size() ? 0 : 1;
        for (qsizetype i = 0; i < presented.size() && i < candidate.digest.size(); ++i)
            difference |= static_cast<unsigned char>(presented.at(i) ^ candidate.digest.at(i));
        if (difference == 0 && !found)
            found = candidate;
    }
    return found;
}

} // namespace Haven
