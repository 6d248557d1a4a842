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
  "riskScenario": "disk-full", "check": {"kind": "catalog", "catalog": "disk_space", "parameters": {"path": "/", "warning": 80, "critical": 90}}},
 {"id": "inode-usage", "name": "Inode use", "target": {"kind": "layer", "id": "physical"}, "timeoutSeconds": 30,
  "severity": "warning", "governanceHint": "Remove small temporary files (sessions, spool, caches) and find the process that creates them.",
  "riskScenario": "disk-full", "check": {"kind": "catalog", "catalog": "inode_use", "parameters": {"path": "/", "warning": 80, "critical": 90}}},
 {"id": "certificate-expiry", "name": "Certificate expiry", "target": {"kind": "layer", "id": "business"}, "timeoutSeconds": 20,
  "severity": "critical", "governanceHint": "Renew the certificate and deploy it to every node behind the address before it expires.",
  "riskScenario": "certificate-expired", "check": {"kind": "catalog", "catalog": "certificate_expiry", "parameters": {"host": "127.0.0.1", "port": 443, "warning_days": 30, "critical_days": 7}}},
 {"id": "ntp-offset", "name": "NTP offset", "target": {"kind": "layer", "id": "physical"}, "timeoutSeconds": 20,
  "severity": "warning", "governanceHint": "Check chrony/ntpd and the reachability of the time servers; large offsets break TLS, tokens and replication.",
  "riskScenario": "clock-drift", "check": {"kind": "catalog", "catalog": "ntp_offset", "parameters": {"warning_ms": 100, "critical_ms": 500}}},
 {"id": "replication-lag", "name": "Database replication lag", "target": {"kind": "layer", "id": "database"}, "timeoutSeconds": 30,
  "severity": "critical", "governanceHint": "Find what holds the standby back (network, long transactions, I/O) before a switchover loses data beyond the RPO.",
  "riskScenario": "replication-broken", "check": {"kind": "catalog", "catalog": "replication_lag", "parameters": {"warning_seconds": 10, "critical_seconds": 60}}},
 {"id": "process-up", "name": "Site agent process up", "target": {"kind": "site"}, "timeoutSeconds": 10,
  "severity": "critical", "governanceHint": "Restart the service and read its journal for why it stopped.",
  "riskScenario": "process-down", "check": {"kind": "catalog", "catalog": "process_up", "parameters": {"name": "haven-agent"}}},
 {"id": "kafka-consumer-lag", "name": "Kafka consumer lag", "target": {"kind": "layer", "id": "middleware"}, "timeoutSeconds": 60,
  "severity": "warning", "governanceHint": "Scale the consumer group or find the slow consumer; a growing lag delays every downstream service.",
  "riskScenario": "message-backlog", "check": {"kind": "catalog", "catalog": "kafka_consumer_lag", "parameters": {"group": "orders", "warning": 10000, "critical": 100000}}},
 {"id": "load-average", "name": "Load average", "target": {"kind": "layer", "id": "physical"}, "timeoutSeconds": 10,
  "severity": "warning", "governanceHint": "Find the processes that saturate the host; move load or add capacity before the watermark is reached.",
  "riskScenario": "capacity-exhausted", "check": {"kind": "catalog", "catalog": "load_average", "parameters": {"warning": 1.5, "critical": 3}}},
 {"id": "memory-use", "name": "Memory use", "target": {"kind": "layer", "id": "physical"}, "timeoutSeconds": 10,
  "severity": "warning", "governanceHint": "Find the process that grows; restart it in a quiet hour or add memory.",
  "riskScenario": "capacity-exhausted", "check": {"kind": "catalog", "catalog": "memory_use", "parameters": {"warning": 85, "critical": 95}}},
 {"id": "zombie-processes", "name": "Zombie processes", "target": {"kind": "layer", "id": "physical"}, "timeoutSeconds": 10,
  "severity": "warning", "governanceHint": "Zombies pile up when a parent process stops reaping its children: find and restart that parent.",
  "riskScenario": "process-down", "check": {"kind": "catalog", "catalog": "zombie_processes", "parameters": {"warning": 5, "critical": 20}}},
 {"id": "haproxy-service", "name": "HAProxy service active", "target": {"kind": "layer", "id": "business"}, "timeoutSeconds": 15,
  "severity": "critical", "governanceHint": "The load balancer is not running: start it and read its journal; traffic to this site stops without it.",
  "riskScenario": "traffic-loss", "check": {"kind": "catalog", "catalog": "systemd_unit", "parameters": {"unit": "haproxy.service"}}},
 {"id": "backup-freshness", "name": "Database backup freshness", "target": {"kind": "layer", "id": "database"}, "timeoutSeconds": 20,
  "severity": "warning", "governanceHint": "The last backup is too old: check the backup job and its target before the recovery point slips.",
  "riskScenario": "data-loss", "check": {"kind": "catalog", "catalog": "file_age", "parameters": {"path": "/var/backups/postgresql", "warning_minutes": 1500, "critical_minutes": 2880}}},
 {"id": "agent-health", "name": "Agent HTTP health", "target": {"kind": "site"}, "timeoutSeconds": 10,
  "severity": "critical", "governanceHint": "The site agent does not answer its own health page: check the service and its port.",
  "riskScenario": "process-down", "check": {"kind": "catalog", "catalog": "http_health", "parameters": {"url": "http://127.0.0.1:8080/health"}}},
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
   "replication-lag", "process-up", "load-average", "memory-use"], "schedule": {"cron": "0 7 * * *"}, "concurrency": 4}
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
