// SPDX-License-Identifier: GPL-3.0-or-later
#include "starterrules.h"

#include "inspectionformat.h"

#include <QLoggingCategory>

namespace Haven {

QByteArray StarterRules::file()
{
    return QByteArrayLiteral(R"({"format": "haven-inspections", "version": 1, "rules": [
 {"id": "disk-space", "name": "Disk space", "target": {"kind": "layer", "id": "physical"}, "timeoutSeconds": 30,
  "severity": "critical", "governanceHint": "Free space or grow the volume before it fills: rotate logs, move archives, extend the file system.",
  "riskScenario": "disk-full", "check": {"kind": "catalog", "catalog": "disk-space", "parameters": {"path": "/", "warningPercent": 80, "criticalPercent": 90}}},
 {"id": "inode-usage", "name": "Inode use", "target": {"kind": "layer", "id": "physical"}, "timeoutSeconds": 30,
  "severity": "warning", "governanceHint": "Remove small temporary files (sessions, spool, caches) and find the process that creates them.",
  "riskScenario": "disk-full", "check": {"kind": "catalog", "catalog": "inode-usage", "parameters": {"path": "/", "warningPercent": 80, "criticalPercent": 90}}},
 {"id": "certificate-expiry", "name": "Certificate expiry", "target": {"kind": "layer", "id": "business"}, "timeoutSeconds": 20,
  "severity": "critical", "governanceHint": "Renew the certificate and deploy it to every node behind the address before it expires.",
  "riskScenario": "certificate-expired", "check": {"kind": "catalog", "catalog": "certificate-expiry", "parameters": {"host": "127.0.0.1", "port": 443, "warningDays": 30, "criticalDays": 7}}},
 {"id": "ntp-offset", "name": "NTP offset", "target": {"kind": "layer", "id": "physical"}, "timeoutSeconds": 20,
  "severity": "warning", "governanceHint": "Check chrony/ntpd and the reachability of the time servers; large offsets break TLS, tokens and replication.",
  "riskScenario": "clock-drift", "check": {"kind": "catalog", "catalog": "ntp-offset", "parameters": {"warningMs": 100, "criticalMs": 500}}},
 {"id": "replication-lag", "name": "Database replication lag", "target": {"kind": "layer", "id": "database"}, "timeoutSeconds": 30,
  "severity": "critical", "governanceHint": "Find what holds the standby back (network, long transactions, I/O) before a switchover loses data beyond the RPO.",
  "riskScenario": "replication-broken", "check": {"kind": "catalog", "catalog": "replication-lag", "parameters": {"warningSeconds": 10, "criticalSeconds": 60}}},
 {"id": "process-up", "name": "Site agent process up", "target": {"kind": "site"}, "timeoutSeconds": 10,
  "severity": "critical", "governanceHint": "Restart the service and read its journal for why it stopped.",
  "riskScenario": "process-down", "check": {"kind": "catalog", "catalog": "process-up", "parameters": {"process": "haven-agent"}}},
 {"id": "kafka-consumer-lag", "name": "Kafka consumer lag", "target": {"kind": "layer", "id": "middleware"}, "timeoutSeconds": 60,
  "severity": "warning", "governanceHint": "Scale the consumer group or find the slow consumer; a growing lag delays every downstream service.",
  "riskScenario": "message-backlog", "check": {"kind": "catalog", "catalog": "kafka-consumer-lag", "parameters": {"group": "orders", "warningMessages": 10000, "criticalMessages": 100000}}},
 {"id": "load-average", "name": "Load average", "target": {"kind": "layer", "id": "physical"}, "timeoutSeconds": 10,
  "severity": "warning", "governanceHint": "Find the processes that saturate the host; move load or add capacity before the watermark is reached.",
  "riskScenario": "capacity-exhausted", "check": {"kind": "catalog", "catalog": "load-average", "parameters": {"warningPerCpu": 1.5, "criticalPerCpu": 3}}},
 {"id": "memory-available", "name": "Available memory", "target": {"kind": "layer", "id": "physical"}, "timeoutSeconds": 10,
  "severity": "warning", "governanceHint": "Find the process that grows; restart it in a quiet hour or add memory.",
  "riskScenario": "capacity-exhausted", "check": {"kind": "catalog", "catalog": "memory-available", "parameters": {"warningPercent": 15, "criticalPercent": 5}}},
 {"id": "swap-usage", "name": "Swap use", "target": {"kind": "layer", "id": "physical"}, "timeoutSeconds": 10,
  "severity": "warning", "governanceHint": "Swapping slows every service on the host: reduce memory use or add memory.",
  "riskScenario": "capacity-exhausted", "check": {"kind": "catalog", "catalog": "swap-usage", "parameters": {"warningPercent": 20, "criticalPercent": 50}}},
 {"id": "haproxy-backends", "name": "HAProxy backends up", "target": {"kind": "layer", "id": "business"}, "timeoutSeconds": 15,
  "severity": "critical", "governanceHint": "Bring the down servers back or take them out of rotation on purpose; check the health checks' targets.",
  "riskScenario": "traffic-loss", "check": {"kind": "catalog", "catalog": "haproxy-backends", "parameters": {"minUpPercent": 50}}},
 {"id": "postgres-connections", "name": "Database connections", "target": {"kind": "layer", "id": "database"}, "timeoutSeconds": 20,
  "severity": "warning", "governanceHint": "Look for connection leaks and size the pools; near max_connections new sessions are refused.",
  "riskScenario": "capacity-exhausted", "check": {"kind": "catalog", "catalog": "postgres-connections", "parameters": {"warningPercent": 80, "criticalPercent": 95}}},
 {"id": "agent-health", "name": "Agent HTTP health", "target": {"kind": "site"}, "timeoutSeconds": 10,
  "severity": "critical", "governanceHint": "The site agent does not answer its own health page: check the service and its port.",
  "riskScenario": "process-down", "check": {"kind": "catalog", "catalog": "http-health", "parameters": {"url": "http://127.0.0.1:8080/health"}}},
 {"id": "portal-health", "name": "Portal health page", "target": {"kind": "layer", "id": "business"}, "timeoutSeconds": 10,
  "severity": "critical", "governanceHint": "Check the portal's instances and their dependencies; a switchover may be needed if every instance is down.",
  "riskScenario": "service-down", "check": {"kind": "http", "url": "http://127.0.0.1:8080/health",
     "conditions": {"status": [200], "bodyContains": "UP", "maxResponseMs": 2000}}},
 {"id": "gateway-health", "name": "API gateway health", "target": {"kind": "layer", "id": "middleware"}, "timeoutSeconds": 10,
  "severity": "critical", "governanceHint": "Check the gateway's upstreams; restart the group in dependency order if it hangs.",
  "riskScenario": "service-down", "check": {"kind": "http", "url": "http://127.0.0.1:8081/actuator/health",
     "conditions": {"status": [200], "json": [{"path": "$.status", "op": "==", "value": "UP"}]}}},
 {"id": "web-console-login", "name": "Web console login page", "target": {"kind": "layer", "id": "business"}, "timeoutSeconds": 30,
  "severity": "critical", "governanceHint": "Users cannot sign in: check the identity service, its database and the session store.",
  "riskScenario": "login-broken", "secrets": ["web-console-password"],
  "check": {"kind": "http-steps", "steps": [
     {"request": {"url": "http://127.0.0.1:8080/api/login", "method": "POST", "headers": {"Content-Type": "application/json"},
                  "body": "{\"user\": \"inspector\", \"password\": \"${secret:web-console-password}\"}"},
      "extract": [{"name": "token", "from": "json", "path": "$.token"}], "conditions": {"status": [200]}},
     {"request": {"url": "http://127.0.0.1:8080/console/home", "headers": {"Authorization": "Bearer ${token}"}},
      "conditions": {"status": [200], "bodyContains": "Dashboard", "maxResponseMs": 3000}}]}}
], "tasks": [
 {"id": "daily-health", "name": "Daily health check", "rules": ["disk-space", "inode-usage", "certificate-expiry", "ntp-offset",
   "replication-lag", "process-up", "load-average", "memory-available"], "schedule": {"cron": "0 7 * * *"}, "concurrency": 4}
]})");
}

QList<InspectionRule> StarterRules::all()
{
    QString error;
    const std::optional<InspectionFile> parsed = InspectionFormat::read(file(), &error);
    if (!parsed) {
        qWarning("the starter inspection rules cannot be read: %s", qPrintable(error));
        return {};
    }
    QList<InspectionRule> rules = parsed->rules;
    for (InspectionRule &rule : rules)
        rule.builtIn = true;
    return rules;
}

} // namespace Haven
