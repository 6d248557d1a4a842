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
    <message numerus="yes">
        <source>%1 has %n problem(s):</source>
        <translation>
            <numerusform>%1 has %n problem:</numerusform>
            <numerusform>%1 has %n problems:</numerusform>
        </translation>
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
    <name>Haven::MainWindow</name>
    <message>
        <source>Haven — disaster recovery console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
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
    <message>
        <source>%1 of %2 sites answering · %3 components</source>
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
        <source>The local database %1 was written by a newer Haven (schema version %2; this Haven knows up to %3), so this Haven leaves it untouched.</source>
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
        <source>Run without a window: haven --headless status prints every site&apos;s reachability and counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --headless: the environment or fleet file to use instead of the saved one.</source>
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
        <source>With --headless: status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--headless knows one command: status</source>
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
</context>
</TS>
