// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Haven {

// What a token may do (docs/agent-protocol.md, "Roles"). Every role may read; admin may do
// everything; the others may, in addition, do their one kind of work.
enum class AgentRole { Viewer, Operator, Drill, Inspector, Admin };

QString toString(AgentRole role);
std::optional<AgentRole> agentRoleFromString(QStringView text);
QString allowedAgentRoles(); // "viewer | operator | ..."
bool roleAllows(AgentRole held, AgentRole needed);

// One accepted token as the configuration names it; the agent keeps only its digest.
struct AgentToken
{
    QString id;
    AgentRole role = AgentRole::Admin;
    QByteArray digest; // SHA-256, 32 raw bytes
};

// The configured token whose digest matches, or nullopt; the work is the same whichever
// token matches, and whatever part of a guess is right.
std::optional<AgentToken> findToken(const QByteArray &token, const QList<AgentToken> &tokens);

} // namespace Haven
