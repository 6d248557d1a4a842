<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgentError</name>
    <message>
        <source>response larger than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer was cut short (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not JSON (Content-Type: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed JSON: %1 at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer has an unexpected shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be reached at %2: %3. Check that haven-agent runs there and that the address and port are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer in time at %2: %3. The site may be down or dark, the agent overloaded or the network slow; check the network to the site and the agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 at %2 does not match the pinned key: the agent was re-keyed or this is not the agent you expect; verify and update the pin on the Environment page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file for %1 cannot be used: %2. Choose a readable PEM file on the Environment page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 at %2 is not trusted: %3. Set the agent&apos;s pin or the right CA file on the Environment page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to %1 at %2 failed: %3. Check that the agent serves HTTPS on this port and that the site&apos;s pin or CA file is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2: the agent refused the token (HTTP %3); set the site&apos;s token again on the Environment page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2 sent an answer the console cannot use: %3. Check that the address points at haven-agent and that its version fits this console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2 refused the request (HTTP %3%4): %5. Nothing was changed on the site; correct the request or look at the agent&apos;s log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request to %1 at %2 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protocolVersion %1 is not supported; this console speaks version %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatRequest</name>
    <message>
        <source>%1 cannot be reached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the webhook answered HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the robot&apos;s answer has no errcode: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the robot refused the message (errcode %1: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExecutionJournal</name>
    <message>
        <source>Event %1 of execution %2 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal of execution %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::AddEdgeCommand</name>
    <message>
        <source>Connect &quot;%1&quot; → &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::AddStepCommand</name>
    <message>
        <source>Add step &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::AlertModel</name>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::AutoLayoutCommand</name>
    <message>
        <source>Arrange steps automatically</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::ChatNotifier</name>
    <message>
        <source>A webhook needs an id and a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// address; copy the robot&apos;s webhook address again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook could not be saved (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retried by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the webhook was removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signing secret &quot;%1&quot; cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::ComponentDetails</name>
    <message>
        <source>Facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dependencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depends on (start first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a component or a replication link on the dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its site stopped reporting it; the last trends stay below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s old (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>value and unit</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 min ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active alerts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not reported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lagging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication link %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (primary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (standby)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ceiling %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watermark %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 d</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::ComponentModel</name>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::ConsoleSession</name>
    <message>
        <source>The readiness thresholds in %1 were not used (%2); the defaults apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some executions could not be resumed from the local database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not in the secret store</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::DashboardFeature</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::DashboardPage</name>
    <message>
        <source>Problems only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a component by name, id or host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every site (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sites yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard shows your sites once the console knows their agents. Add regions and sites with their agents&apos; addresses and tokens on the Environment page, or import an environment or fleet file (haven-agent --demo-fleet writes one; haven --environment FILE imports one at start).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add sites…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Environment page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read regions, sites and tokens from an environment or fleet file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::DemoFleetLauncher</name>
    <message>
        <source>Cannot create the demo fleet&apos;s directory %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo fleet (%1) stopped unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo fleet (%1) exited with code %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::DisplayNames</name>
    <message>
        <source>Business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middleware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::DrillDesigner</name>
    <message>
        <source>%1: &quot;%2&quot; is not a site or scope:site:value (scopes: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Halt when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site (empty: all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All faults in parallel (each at its start offset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In sequence (each after the previous one ended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed sites, comma-separated: sha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>emergency sites, comma-separated: shb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product groups (empty: all the plan&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sha, or layer:sha:database, comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shb, or productGroup:shb:payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add halt condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove halt condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faults run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsed plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected to fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must stay healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: only the faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault %1: the parameters must be a JSON object and the times whole seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Halt condition %1: the bound must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::DrillFormat</name>
    <message>
        <source>The drill file is not valid JSON (at byte %1: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drill file must hold a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drill cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 is newer than this Haven reads (%2); update Haven.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::DrillReport</name>
    <message>
        <source>The report could not be written to %1: %2. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no objective or measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Halting: reverting every fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Halted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First fault landed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Halt to every revert accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsed execution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured RTO and RPO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not served again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO of %1 (%2 → %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expectations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did not hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not injected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preflight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::DrillRunView</name>
    <message>
        <source>No drill is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Halt condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert every fault of this drill now and pause the rehearsed plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting (starts at +%1 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ORPHANED: may still be in effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (revert not confirmed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (bound %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TRIPPED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO %1: %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO %1: not served again yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>RPO (worst of %n link(s)): %1 s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>RTO objective %1 s: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO objective %1 s: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why? (recorded in the drill&apos;s report and the audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped from the console</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::DrillRunner</name>
    <message numerus="yes">
        <source>Drill started: %n fault(s) planned</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no connection to site %1 (no address or token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injected %1 (fault %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every fault&apos;s revert was accepted %1 ms after the halt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not injected: the drill ended first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rehearsed plan&apos;s execution was paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rehearsed plan&apos;s execution could not be paused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Halt condition: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is served again (%2 %): RTO %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rehearsed plan %1 is gone; the drill goes on without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill %1 (run %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rehearsed plan could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rehearsed plan %1 started (execution %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(some faults were not confirmed reverted: see the fault list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fault could be injected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every fault ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stays healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::DrillService</name>
    <message>
        <source>%1 allows %2 faults at once; %3 are in effect and the drill adds %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not offer the fault kind %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2: the duration %3 s is outside %4..%5 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2 would cut the agent off; the site does not allow that ([faults] allow_self_isolation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the global kill switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the kill switch for %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drill was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drill could not be written to the local database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drill is running; stop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drill could not be deleted from the local database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drill &quot;%1&quot; is running at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The execution of &quot;%1&quot; is running at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The design is incomplete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is engaged (by %2): release it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another run touches the same sites: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other drill or execution touches these sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A halt condition is already true: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Every halt condition is healthy now (%n condition(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The drill has no halt condition: only the faults&apos; time limits end it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rehearsed plan no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rehearsed plan &quot;%1&quot; is not effective.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rehearsed plan &quot;%1&quot; is effective.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no address or token in the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not offer fault injection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers and accepts every fault of the drill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers and offers fault injection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not report its fault limits (an older agent): the kinds and bounds are checked when the faults are injected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the drill&apos;s name exactly to confirm: &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preflight found problems: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start could not be recorded in the local database; nothing was injected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drill is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the site or product group the kill switch is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The running drills were stopped, but the kill switch could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kill switch could not be released in the local database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was engaged by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console stopped while the drill ran. The agents end every fault at its deadline; the faults&apos; state below is what the agents say.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state unknown: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::DrillTemplates</name>
    <message>
        <source>Same-city active-active: a site goes dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The failed site goes dark; the same-city site takes all traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote active-standby: the primary&apos;s database is cut off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heavy packet loss on the failed site&apos;s database layer; the remote standby takes over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two cities three centers: a city is lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both centers of the first city go dark; the remote center takes over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unitized multi-active (LDC): a unit fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payments unit&apos;s processes are killed at the failed site; its traffic moves to another unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single fault: %1 layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One %1 fault on the failed site&apos;s %2 layer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::DrillsFeature</name>
    <message>
        <source>Drills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop every drill (global kill switch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverts every fault of every running drill and refuses new drills until released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop every drill (menu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drill</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::DrillsPage</name>
    <message>
        <source>Kill switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engaged by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO (worst)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO (worst)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Designs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n drill(s) were running when the console last stopped; they are marked interrupted. The Running drill tab shows their faults as the agents report them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>New from template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new drill from the template; adjust the sites and save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preflight and start…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global: every drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>site id or product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engage: stop and block drills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release the selected switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engaged from the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An engaged kill switch reverts every fault of the running drills it covers and refuses new ones until someone releases it. It is kept in the local database, so it holds after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report (HTML)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO (worst group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO (worst link)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective plans not drilled for %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch engaged (%1): new drills there are refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ %1: never drilled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ %1: not drilled for %2 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drills (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported &quot;%1&quot;; save it to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drill could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a run in the history first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::DryRun</name>
    <message>
        <source>Choose at least one failed site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one emergency site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is chosen both as failed and as emergency site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site %1 is not in the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan has no steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step resolves to no site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not offer the operation %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be reached now: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation catalog of %1 is not known yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guard does not hold now: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::Environment</name>
    <message>
        <source>Enter an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use only lower-case letters a-z, digits and &quot;-&quot; in an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the agent&apos;s address, e.g. https://10.0.0.5:7443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address has no host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not put a user name or password in the address; enter the token in its own field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address must not have a query (?) or a fragment (#).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http:// is allowed only for this computer (127.0.0.0/8, ::1, localhost); use https:// for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pin starts with sha256// followed by the base64 of the SHA-256 digest of the agent&apos;s public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text after sha256// is not valid base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pin holds %1 bytes; a SHA-256 digest has 32.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refresh interval must be between %1 and %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another site already uses the id &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The region &quot;%1&quot; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another region already uses the id &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format: expected &quot;%1&quot; or &quot;%2&quot;, got &quot;%3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file was written by a newer Haven (%1 version %2); this Haven reads version %3. Update Haven to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version: expected %1, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large for an environment file (%2 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2:%3: not valid JSON: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n problem(s):</source>
        <translation type="unfinished">
            <numerusform>%1 has %n problem:</numerusform>
            <numerusform>%1 has %n problems:</numerusform>
        </translation>
    </message>
    <message>
        <source>A Prometheus token needs a Prometheus URL.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::EnvironmentFeature</name>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n site(s) from %1.</source>
        <translation type="unfinished">
            <numerusform>Imported %n site from %1.</numerusform>
            <numerusform>Imported %n sites from %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was not imported; the console keeps the environment it had.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the file and start haven --environment again, or add the sites here on the Environment page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import environment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::EnvironmentPage</name>
    <message>
        <source>Add region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read regions and sites from an environment file or from the fleet file of haven-agent --demo-fleet. Tokens in the file go to the secret store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write regions and sites to a file to share. Tokens are never exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region / site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a region or a site to edit it, or add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. sha-1 (a-z, 0-9 and -)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Shanghai Zhangjiang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://10.0.0.5:7443</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: sha256//… (haven-agent --pin prints it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a private CA certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the token you are typing. A stored token is never shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the stored token of this site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the console asks the agent for changes (1 to 3600 seconds).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch this site (uncheck to leave it out of the dashboards)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. east-china (a-z, 0-9 and -)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. East China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no region)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form has changes that are not saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No regions or sites yet. Add a region, then its sites, or import an environment file (haven-agent --demo-fleet writes one for the demo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New region</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before saving. First: %1</source>
        <translation>
            <numerusform>%n problem to fix before saving. First: %1</numerusform>
            <numerusform>%n problems to fix before saving. First: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The site is ready to be added: press Save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is valid. Save applies the changes; Revert puts back the saved values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paste the agent&apos;s token (kept in the %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking the %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>•••• stored in the %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no token stored; paste the agent&apos;s token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token is stored. Type a new one to replace it; the stored one is never shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove region…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a region first: every site belongs to one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove region</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The region %1 still has %n site(s). Move them to another region or remove them first.</source>
        <translation>
            <numerusform>The region %1 still has %n site. Move it to another region or remove it first.</numerusform>
            <numerusform>The region %1 still has %n sites. Move them to another region or remove them first.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the region %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the site %1? The console stops watching it and its stored token is deleted from the %2. The agent itself is not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token of %1 could not be removed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site %1 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site %1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region %1 added; now add its sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region %1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token of %1 was not stored: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the stored token of %1? The console cannot reach its agent until a new token is entered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate of the site&apos;s agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment or fleet files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not imported; the environment is unchanged.

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Replace the current environment with the %n site(s) of %1?</source>
        <translation>
            <numerusform>Replace the current environment with the %n site of %1?</numerusform>
            <numerusform>Replace the current environment with the %n sites of %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) from the file will be kept in the %1.</source>
        <translation>
            <numerusform>%n token from the file will be kept in the %1.</numerusform>
            <numerusform>%n tokens from the file will be kept in the %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n site(s) from %1.</source>
        <translation>
            <numerusform>Imported %n site from %1.</numerusform>
            <numerusform>Imported %n sites from %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export environment (tokens are never exported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n site(s) to %1. The file holds no tokens: give them to the other console separately.</source>
        <translation>
            <numerusform>Exported %n site to %1. The file holds no tokens: give them to the other console separately.</numerusform>
            <numerusform>Exported %n sites to %1. The file holds no tokens: give them to the other console separately.</numerusform>
        </translation>
    </message>
    <message>
        <source>Regions: %1, sites: %2. Select one to edit it. Tokens are kept in the %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::ExecutionEngine</name>
    <message>
        <source>Haven could not write the journal of this execution to disk. %1 Nothing new is dispatched; actions already running at the sites go on. Fix the local database, then restart Haven: the execution resumes from its journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for an operator&apos;s approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guard did not hold before dispatch: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step resolves to no site for this ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be reached: %2 Wait for it, retry the step, or skip it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site %1 has no connection in this console (not in the environment, or no token).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt %1 of %2 failed: %3 Next attempt in %4 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: step &quot;%1&quot; failed (%2). Retry or skip it, then resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switchover complete. Start the recovery phase when the failed sites are back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every step is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped at failed step(s) %1. Retry or skip them to go on, or cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stopped answering while the step ran and its timeout (%2 s) passed; the action&apos;s outcome at the site is unknown: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started: the execution was stopped first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out after %1 s and was cancelled at the site: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an effective plan can run; &quot;%1&quot; is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dry run found problems: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second person must approve this ticket (production setting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The second approver must be another person than %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The execution could not be written to the local database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no execution %1 in this console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be done now: the execution is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why (the reason goes to the audit log).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal of this execution cannot be written; restart Haven once the local database is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery started by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Going on after %1 by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command could not be written to the journal; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency stop by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not confirm the start of %2 within the step&apos;s timeout (%3 s)%4. The action may have started there: check the site before you retry the step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out after %1 s; the agent did not confirm the cancel, so the action may still be running at the site. Check it before you retry the step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database is not on disk (%1), so an execution could not be resumed after a restart. Fix the database and restart Haven before you run a plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be done now to step &quot;%1&quot; (%2) while the execution is %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::ExecutionGraph</name>
    <message>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped by an operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs an operator&apos;s approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This phase has no steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No execution selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the run is in %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::ExecutionPage</name>
    <message>
        <source>&amp;Execution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>■ EMERGENCY STOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop every running execution at once: nothing new is dispatched and running actions are cancelled at the sites. Asks once to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who did what</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the execution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Approve step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the selected step, a manual gate, run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch nothing new; actions already running at the sites go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↻ Retry step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected failed step again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↷ Skip step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on without the selected step (asks why)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the plan&apos;s recovery phase from the same ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel execution…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop dispatching and cancel running actions of this execution (asks why)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the execution report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step&apos;s log appears here as the sites send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No execution yet: start one from a ticket (Execution ▸ New ticket)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>── %1 ──</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switchover dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No execution to show. Start one from an execution ticket: Execution ▸ New ticket, or Run in the plan center.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1 → emergency: %2 · %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last: %1 %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO objective %1 · not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO · not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured RTO · no objective set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO so far · no objective set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured RTO · objective %1 (%2 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO · objective %1 (%2 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No step selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a step in the graph to see its sites, attempts and log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>· attempt %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation %1 · %2 · timeout %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual gate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs an operator&apos;s approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next attempt at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who did what (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: nothing new is dispatched; running actions go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing new is dispatched and running actions are being cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency stop from the switchover dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Emergency stop: %n execution(s) stopped, running actions cancelled.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an execution first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip %1 and go on without it? Say why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (required, goes to the audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↷ Skip step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel this execution? Nothing new is dispatched and running actions are cancelled. Say why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel execution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STOP EVERY RUNNING EXECUTION NOW? Running actions are cancelled at the sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>■ STOP NOW</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::ExecutionReport</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started: no RTO measured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured RTO: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO so far (the switchover is still running): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the plan sets no RTO objective.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, objective %2: exceeded by %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, objective %2: within the objective so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, objective %2: met.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution %1 · plan version %2 · report written %3 (times are local, %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switchover finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, version %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All product groups of the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second approver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No step has started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 to %2; offsets are from the start of the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run: its product group is not in the ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No action was sent for this step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, attempt %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent %1, finished %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>action %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who did what</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No operator action was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by Haven from the execution journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file name was given for the report. Choose a file to write it to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was not written: the folder %1 does not exist. Create it or choose another folder, then export again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was not written: %1 is a folder. Choose a file name inside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be written to %1 (%2). Nothing was saved there. Check that the folder is writable and the disk has room, or choose another place.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::ExecutionText</name>
    <message>
        <source>Ready to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switchover done, recovery not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed, needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>emergency stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every product group</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::ExecutionTimeline</name>
    <message>
        <source>time since the start (min:s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>· attempt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO objective %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched over %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No execution selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::ExecutionsFeature</name>
    <message>
        <source>Switchover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Execution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in an execution ticket to run an effective plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require a second approver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production: a ticket can only start once a second person approved it. Changes are recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::FleetMonitor</name>
    <message>
        <source>Haven could not save the sites&apos; state to its local database %1 in the background; it tries again at the next write.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::HeadlessDrill</name>
    <message>
        <source>haven --headless drill stop-all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The global kill switch is engaged: no drill starts until it is released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the agent did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed ended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment has no sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverting %1 %2 at %3 (fault %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every fault at the agents has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drill&apos;s sites did not all answer within %1 s; nothing was injected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill run %1 started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::HeadlessInspect</name>
    <message>
        <source>problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--headless inspect needs either --task ID or --rule ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no run arrived in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no rule &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No site holds the target of &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: UNKNOWN %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no task &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No site holds a target of &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::HeadlessRun</name>
    <message>
        <source>Resuming execution %1 of &quot;%2&quot; (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An execution is still unfinished; resume it first (haven --headless resume).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket&apos;s sites did not all answer within %1 s; nothing was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site %1 is not in the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the plan %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan %1 cannot run: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the run with --confirm and the plan&apos;s exact name (&quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: step %1 &quot;%2&quot;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started execution %1 of &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (attempt %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved with --approve on the command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution %1: %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--recovery on the command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution %1 of &quot;%2&quot; was created but never started; start or cancel it in the console.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::HeadlessStatus</name>
    <message>
        <source>No sites are configured. Import an environment with --environment FILE, or set the sites up on the console&apos;s Environment page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SITE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AGENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COMPONENTS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DOWN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REVISION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::InspectionBadges</name>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2: %n failing</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Haven::InspectionNotificationsPage</name>
    <message>
        <source>DingTalk robot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeCom robot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Robot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. ops-robot (empty: unsigned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored in the secret store, never in the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save robot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete robot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing secret name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Saved the robot &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The robot was saved, but its secret was not stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::InspectionReportsPage</name>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark risks handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tasks yet: create one on the Tasks tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reports in this time yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 — pass rate %2, %n risk(s) to do</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Marked %n risk(s) handled.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Haven::InspectionRulesPage</name>
    <message>
        <source>Save rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: every site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names of secrets the agents hold, comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Governance hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starter library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check: not a JSON object (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running at %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import inspection rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspection rules (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export inspection rules</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::InspectionService</name>
    <message>
        <source>The local database cannot be used, so this is kept in memory only until Haven closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule was not saved: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule could not be saved (%1); nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the rule &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule is used by %1; remove it from those tasks first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in rules cannot be deleted; they run only where a task uses them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule could not be deleted (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task names the rule &quot;%1&quot;, which does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task was not saved: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task could not be saved (%1); nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved the task &quot;%1&quot;; it goes to %n site(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The task could not be deleted (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the task; the agents stop running it. Its reports stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not imported: %1. Nothing was imported; fix that field and import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be stored (%1); nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n rule(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 could not be written: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n rule(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>There is no task &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No site holds a target of &quot;%1&quot;; check its targets and the sites&apos; topology.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; runs now at %n site(s); its reports arrive as the agents finish.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The risk&apos;s state could not be changed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::InspectionSync</name>
    <message>
        <source>%1 has no token yet; the task goes there once it is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent&apos;s answer cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a run history that cannot be read (%2); nothing of it was kept. Check that the agent is up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The runs of %1 could not be stored (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::InspectionTasksPage</name>
    <message>
        <source>Only between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every N minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures before a hard problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Successes before it clears</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send digests to</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n site(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Haven::InspectionsFeature</name>
    <message>
        <source>Inspection center</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::InspectionsPage</name>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks and schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::LayerCellItem</name>
    <message>
        <source>of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watermark</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::MainWindow</name>
    <message>
        <source>Haven — disaster recovery console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 sites answering · %3 components</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::MetricPlot</name>
    <message>
        <source>15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the trend…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::ModeController</name>
    <message>
        <source>last known state shown, up to %1 old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no state known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded mode: no site answers (%1); %2. Plans can still be edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded mode: %1 of %2 sites do not answer (%3); %4. The other sites are used as usual.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database is not in use: %1 Haven runs in memory; what changes now is lost when it closes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::MoveStepsCommand</name>
    <message numerus="yes">
        <source>Move %n step(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Haven::PassRateTrend</name>
    <message>
        <source>Pass rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reports yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::PasteCommand</name>
    <message numerus="yes">
        <source>Paste %n step(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Haven::Plan</name>
    <message>
        <source>the step&apos;s product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replication lag of %1 below %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capacity of %1 below %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>components of %1 ok or warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>components of %1 ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lags %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guard &quot;%1&quot; cannot be checked: nothing at the target sites matches it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Guard &quot;%1&quot; holds (%n checked).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Guard &quot;%1&quot; does not hold: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The plan has %n error(s) and stays as it is; fix them first: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Both ends of a dependency must be steps of this plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A step cannot depend on itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps of the switchover and of the recovery cannot be connected: each phase runs on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; already runs before &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; already runs after &quot;%2&quot;; this dependency would make a cycle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the failed site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the emergency site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>site %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 attempts, backoff %2 s ×%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval gate added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval gate removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notes changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan %1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan description changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added dependency: %1 → %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed dependency: %1 → %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::PlanCenterPage</name>
    <message>
        <source>Save plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed in this version?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From template: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haven plans (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haven plans (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cached copy of this plan cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the plan &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This cannot be undone: the plan and its %n saved version(s) are removed from this console. Export it first if you may need it again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has unsaved changes. Save them as a new version?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in an execution ticket for the selected plan (effective plans only).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::PlanEditorPage</name>
    <message>
        <source>← Plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the plan list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the plan against the operation catalog now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the plan as a new version (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No findings: the plan validates against the operation catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::PlanFormat</name>
    <message>
        <source>This is not a Haven plan file (&quot;format&quot; is &quot;%1&quot;, expected &quot;%2&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no valid format version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file uses plan format version %1; this Haven reads version %2 and older. Update Haven to import it; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s structure is invalid: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s structure is invalid: %1: expected an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s structure is invalid: %1.%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s structure is invalid: %1.id: step id %2 is used twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid JSON: %1 at line %2, column %3 (offset %4). Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a Haven plan: it holds no JSON object. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan uses operations that no site offers: %1. It can be opened as a draft, but it cannot become effective until those steps are changed or a site offers them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::PlanGraphScene</name>
    <message>
        <source>(unnamed step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no operation code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↻ ×%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; runs after &quot;%2&quot; has finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot paste: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause on failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue on failure</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::PlanGraphView</name>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrange automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to show the whole phase (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrange the steps in layers along their dependencies (L)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::PlanLibrary</name>
    <message>
        <source>No differences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>effective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database cannot be used, so this change is kept in memory only and is lost when Haven closes; export the plan to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan &quot;%1&quot; could not be saved (%2); nothing was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the local database, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created from the template &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created &quot;%1&quot; from the template &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan to clone is no longer here or cannot be read; nothing was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the list and choose the plan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloned from &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloned &quot;%1&quot; as &quot;%2&quot; (a draft).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan &quot;%1&quot; is no longer in the library (deleted meanwhile?), so this version was not saved; the editor still holds your changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the plan to a file, then import it to keep them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has validation errors, so it is a draft again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan &quot;%1&quot; could not be saved (%2); the last saved version is kept and the editor still holds your changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the local database, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot; as version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan is no longer here or cannot be read; its state was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot become effective: %2
Fix the findings in the editor, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The state of &quot;%1&quot; could not be saved (%2); it stays %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan is no longer here or cannot be read; nothing was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not deleted: deleting a plan cannot be undone, so it needs the plan&apos;s name as confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan &quot;%1&quot; could not be deleted (%2); it is kept as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1 (%2); nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the file&apos;s name and permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported &quot;%1&quot; as a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan is no longer here or cannot be read; nothing was exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1 (%2); the plan was not exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another place, or check the folder&apos;s permissions and free space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported &quot;%1&quot; to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::PlanOverview</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::PlanPalette</name>
    <message>
        <source>Operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag an operation onto the canvas, or double-click it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::PlanPropertyPanel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>site id, e.g. sh-a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts in all, the first try included (1 = no retry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait before the first retry; doubles for each further retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval and guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An operator approves before the step starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the approver should check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a condition just before the step starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: one component id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the operators who run the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery time objective: the downtime tolerated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery point objective: the data loss tolerated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not in the catalog)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No site offers this operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an operation from the catalog to edit its parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This operation takes no parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not set —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n step(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select a step on the canvas to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ The plan validates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Haven::PlanTemplates</name>
    <message>
        <source>Same-city active-active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two sites in one city both serve traffic. The survivor takes the failed site&apos;s share, promotes its databases and storage; recovery hands everything back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote active-standby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A remote standby site takes over: fence the failed site, wait for replication, promote, start the applications and open traffic; recovery moves everything back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two cities, three centers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same-city standby takes over while the remote DR center is checked and its copy followed; recovery moves everything back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unitized multi-active (LDC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each product group is a unit served by several sites; the failed site&apos;s units move to the emergency sites after a capacity check; recovery returns them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The failed site may be unreachable; the plan goes on without it. Fence it by hand once it is back if this step failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the emergency site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promote storage at the emergency site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check business at the emergency site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut %1 traffic at the failed site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut all %1 traffic at the failed site? The emergency site takes it over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for %1 replication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promote %1 database at the emergency site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart %1 applications at the emergency site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check %1 at the emergency site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the repaired site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demote storage at the emergency site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for %1 replication to the repaired site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demote %1 database at the emergency site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand the %1 database back to the repaired site?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promote %1 database at the repaired site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore %1 traffic at the repaired site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check %1 at the repaired site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the remote DR center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demote storage at the failed site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declare the failed site lost for %1 and cut its traffic?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop %1 applications at the failed site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demote %1 database at the failed site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1 applications at the emergency site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1 traffic at the emergency site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1 traffic at the emergency site?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the remote copy of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The third copy may catch up later; the business is already back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promote storage at the repaired site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut %1 traffic at the emergency site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start moving %1 back: cut its traffic at the emergency site?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop %1 applications at the emergency site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1 applications at the repaired site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the emergency sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The failed site is expected to fail this check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check %1 unit health at the emergency sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 units away from the failed site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route the failed site&apos;s %1 units to the emergency sites?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for %1 unit data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take over %1 unit data at the emergency sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart %1 unit applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check %1 units at the emergency sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for %1 unit data at the repaired site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give back %1 unit data at the emergency sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return the %1 units to the repaired site?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take back %1 unit data at the repaired site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route %1 units back to the repaired site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check %1 units at the repaired site</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::PlanText</name>
    <message>
        <source>DR plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switchover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named site (none chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause for the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication lag below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Components healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::PlanValidator</name>
    <message>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No operation catalog is cached yet, so the steps cannot be checked. Connect to a site once, then validate again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The switchover phase has no step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recovery phase has no step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 is in the recovery phase, but an emergency plan has only one phase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 has no operation; choose one from the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 uses operation &quot;%2&quot;, which no site offers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 (%2): %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 is for product group &quot;%2&quot;, which no site knows (known: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 is for product group &quot;%2&quot; but its parameters say &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 targets a named site but names none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 has a timeout of %2 s; it must be at least 1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 has an invalid retry policy: at least 1 attempt, a backoff of 0 s or more and a multiplier of 1 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the lag limit must be more than 0 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the capacity limit must be between 0 and 100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product group &quot;%1&quot; is unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only the storage and database layers replicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guard of step %1 is invalid: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dependency %1 → %2 refers to a step that does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dependency %1 → %2 appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dependency %1 → %2 joins the switchover and the recovery phase; each phase runs on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These steps wait for each other in a cycle and can never run: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 can never start: every path to it goes through a cycle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 is not connected to any other step; it would start at once, in parallel with everything else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recovery phase does not revert step %1: add &quot;%2&quot; on the same target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recovery phase does not revert step %1: add &quot;%2&quot; for product group %3 on the same target.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::PlansFeature</name>
    <message>
        <source>Plan center</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::PreflightDialog</name>
    <message>
        <source>Inject the faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preflight: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Checking the drill against the live picture and asking its agents…&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the drill&apos;s name to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing will be injected:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blast radius</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n fault(s) at the agents</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n component(s) affected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 % of its traffic is served where the faults hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 at %3, from +%4 s for %5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(whole site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks that held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the agents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the problems above first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name does not match yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: the faults are injected when you press the red button.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::PrometheusSource</name>
    <message>
        <source>the answer is not JSON (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus says: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not a range of samples (resultType &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sample is not [time, &quot;value&quot;]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus at %1 sent more than %2 MB; the trend is not shown. Ask for a shorter range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus at %1 could not be reached (%2); the trend is not shown. Check the region&apos;s Prometheus URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus at %1 refused the token (HTTP %2); check the region&apos;s Prometheus token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus at %1 did not answer the query: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a metric the agents give Prometheus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::ReadinessPanel</name>
    <message>
        <source>Switchover readiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All checks pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: if %2 fails, switch over to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>application cpu after the switchover: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other emergency sites:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No product group serves traffic yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 product groups can switch over wherever they fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If %1 fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— serves no traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All checks pass · cpu after the switchover %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (+%2 more)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::ReadinessTracker</name>
    <message>
        <source>Threshold &quot;%1&quot; must be a number of at least 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold &quot;%1&quot; must not be above &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data %1 s old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data %1 min old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data %1 h old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s agent does not answer (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console is still connecting to %1&apos;s agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s agent answers slowly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s figures come from the local cache (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s figures are out of date (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s figures are its last known ones (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs no %2 components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs no %2 applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every %1 application at %2 is down</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n %2 component(s) down</source>
        <translation>
            <numerusform>%1 has %n %2 component down</numerusform>
            <numerusform>%1 has %n %2 components down</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n critical alert(s) in %2</source>
        <translation>
            <numerusform>%1 has %n critical alert in %2</numerusform>
            <numerusform>%1 has %n critical alerts in %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n critical alert(s) in shared infrastructure</source>
        <translation>
            <numerusform>%1 has %n critical alert in shared infrastructure</numerusform>
            <numerusform>%1 has %n critical alerts in shared infrastructure</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 layer capacity at %3 %, above the %4 % ceiling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 layer capacity at %3 %, above the %4 % watermark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot absorb %2 % more %3 traffic: its applications would need %4 % cpu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s %2 applications would run at %3 % cpu, above %4 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication %1 from %2 to %3 is broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication lag of %1 is %2 s, above %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2 has no standby at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2 is not replicated to any other site</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::RemoveEdgeCommand</name>
    <message>
        <source>Disconnect &quot;%1&quot; → &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::RemoveStepsCommand</name>
    <message>
        <source>Delete step &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n step(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n dependency(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Haven::ReplicationLinkItem</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::SecretStore</name>
    <message>
        <source>(looking for a system keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protected file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keychain did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain refused the token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain could not remove the token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the secrets file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets file %1 is damaged (%2). It was left as it is; move it away or repair it, then enter the tokens again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is larger than 1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON at byte %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a Haven secrets file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;secrets&quot; is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the entry &quot;%1&quot; is not base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the directory %1 for the secrets file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the secrets file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make the secrets file %1 private (mode 0600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets file %1 is a symbolic link; it was not read. A secrets file must be a plain file of your own: remove the link and enter the tokens again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets file %1 is not a plain file; it was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets file %1 belongs to another user (uid %2); it was not read. Move it away and enter the tokens again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::SetPlanPropertyCommand</name>
    <message>
        <source>Change the plan&apos;s %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::SetStepPropertyCommand</name>
    <message>
        <source>Change %1 of &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operation code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on-failure behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::SiteHeaderItem</name>
    <message>
        <source>cached, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no traffic reported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::SiteListModel</name>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region / city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::SitesOverviewPage</name>
    <message>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search components by site, name, kind, product group or host</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::StoreWorker</name>
    <message>
        <source>Haven cannot open its local database %1 a second time to save the sites&apos; state in the background (%2). The state is kept in memory and saved on the GUI thread instead; check the file if this persists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::TicketDialog</name>
    <message>
        <source>Dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second approver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start execution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New execution ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sites that are down or must be left: their traffic is cut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sites that take over the business.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the steps of the checked product groups run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened, and why this plan is run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve every step to its sites and parameters and check every guard now. Nothing is sent to the agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems and warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan&apos;s name, exactly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the second person who approves this ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — not followed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No effective plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>RTO objective %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type &quot;%1&quot; to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan is effective. Make a plan effective in the plan center first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This plan cannot be read from the local store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the plan&apos;s name to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is chosen both as a failed and as an emergency site: a site can only be one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one product group: with none, no step would run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inputs changed since the dry run: run it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not selected: its product group %1 is not in the ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) will run</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>on %n site(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n not selected)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Dry run: %1. No problems, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Dry run: %1. %2 stand in the way: fix them, then run the dry run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Execution %1 is created. Press Start to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an effective plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the dry run for these inputs before starting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the problems shown in red, then run the dry run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the plan&apos;s name exactly to confirm that this plan is to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production requires a second approver: enter the name of the second person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The second approver must be another person than you (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to start. The steps are dispatched to the agents at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The execution was not created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The execution %1 is recorded but did not start: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::TopologyScene</name>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no city)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no region)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Haven::WallWindow</name>
    <message>
        <source>Haven — wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s), %1 critical</source>
        <translation>
            <numerusform>%n active alert, %1 critical</numerusform>
            <numerusform>%n active alerts, %1 critical</numerusform>
        </translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data %1 old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DR runtime dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switchover dashboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectionReport</name>
    <message>
        <source>Inspection report: %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Executions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ok, %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risks found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Governance hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- Pass rate: **%1** (%2 ok, %3 failed of %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- Finished: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- Risks found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>  - and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectionReportExport</name>
    <message>
        <source>The report could not be written to %1 (%2). Nothing was saved there; choose another place or free some room.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectionText</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soft problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-step HTTP probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To do</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cron %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalStore</name>
    <message>
        <source>it is not a database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>some of its pages are damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file can only be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file or its folder cannot be opened or created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk reported an input/output error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the newer Haven, or move the file away to start a new database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database %1 was damaged (%2). Haven moved it aside to %3 for inspection and started a new, empty database: the sites&apos; state refills from the agents, but plans, journal and history saved in the old file are not loaded. Keep the damaged file if you need them recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database %1 was damaged (%2). Haven moved it aside to %3 but cannot create a new one (%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the disk and the folder&apos;s permissions, then restart Haven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database %1 is damaged (%2) and Haven cannot move it aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the file away yourself (keep it for inspection), then restart Haven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haven cannot set up its local database %1 because the disk is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free some disk space, then restart Haven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haven cannot use its local database %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the disk, then restart Haven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haven cannot open its local database %1 for writing (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the folder exists and that you may write to it and to the file, then restart Haven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haven goes on with a copy of it in memory: what was saved before is kept, unchanged, in the file, but changes made from now on are lost when Haven closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haven goes on in memory, starting empty and refilling from the agents; the file was not changed, and changes made from now on are lost when Haven closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haven could not save to its local database %1 because the disk is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free some disk space, then restart Haven to go back to the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haven found its local database %1 damaged while saving (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart Haven: it sets the damaged file aside for inspection and starts a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haven could not write its local database %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haven may no longer write its local database %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that you may write to the file and its folder, then restart Haven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema version %1; this Haven knows up to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at version %2; this Haven knows up to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database %1 was written by a newer Haven (%2), so this Haven leaves it untouched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Haven: disaster-recovery console for several datacenters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the demo fleet (one simulated site agent per demo datacenter on loopback) and show it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory for the demo fleet&apos;s state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --headless status: print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database file (default: in the user&apos;s data directory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>light or dark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the window as a PNG after --screenshot-delay ms, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay before --screenshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo fleet stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>haven-agent was found neither next to haven nor on PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall mode: full screen, dark, readable from across the room, rotating between views.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --wall: the screen to fill (0 is the first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --wall: seconds per view (0 stops rotating).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --wall: the views to rotate between (dashboard, alerts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switchover readiness thresholds (JSON, see docs/switchover-readiness.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no screen %1; the screens are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --headless run: the plan file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --headless run: the failed site ids, comma-separated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --headless run: the emergency site ids, comma-separated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --headless run: the product groups (default: all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --headless run: the ticket&apos;s description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --headless run: the plan&apos;s exact name, to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --headless run or resume: start the recovery phase once the switchover is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --headless run or resume: approve every approval gate as this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--headless run needs --plan, --failed, --emergency and --confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no local database at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log in %1 is intact: %2 records, each chained to the one before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log in %1 was changed: record %2 does not match the hash chain. Keep a copy of the file for investigation and tell your security team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --headless: the environment or fleet file to use instead of the saved one. Otherwise: the file to import at start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run without a window: haven --headless status prints every site&apos;s reachability and counts; run starts a plan from a file; resume continues unfinished executions; audit checks the audit log&apos;s hash chain; inspect runs an inspection task or rule now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --headless inspect: the task to run now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --headless inspect: the rule to run now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --headless inspect: a rule file to import first (docs/inspection-format.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --headless: status, run, resume, audit, inspect or drill (stop-all | run FILE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use: haven --headless drill stop-all, or haven --headless drill run FILE --confirm NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--headless knows these commands: status, run, resume, audit, inspect, drill</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
