<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
    <name>Haven::StatusColors</name>
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
</context>
<context>
    <name>main</name>
    <message>
        <source>Haven: disaster-recovery console for several datacenters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the demo fleet: one simulated site agent per demo datacenter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory for the demo fleet&apos;s state (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console window is not available in this version. Run &quot;haven --demo&quot; to start the demo fleet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>haven-agent was found neither next to haven (%1) nor on PATH. Build it, or install the haven package.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
