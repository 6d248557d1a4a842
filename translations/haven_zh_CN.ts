<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Haven::DemoFleetLauncher</name>
    <message>
        <source>Cannot create the demo fleet&apos;s directory %1.</source>
        <translation>无法创建演示代理集群的目录 %1。</translation>
    </message>
    <message>
        <source>The demo fleet (%1) stopped unexpectedly.</source>
        <translation>演示代理集群（%1）意外停止。</translation>
    </message>
    <message>
        <source>The demo fleet (%1) exited with code %2.</source>
        <translation>演示代理集群（%1）已退出，退出码 %2。</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
</context>
<context>
    <name>Haven::StatusColors</name>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>宕机</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Haven: disaster-recovery console for several datacenters.</source>
        <translation>Haven：多机房容灾控制台。</translation>
    </message>
    <message>
        <source>Start the demo fleet: one simulated site agent per demo datacenter.</source>
        <translation>启动演示代理集群：每个演示机房运行一个模拟站点代理。</translation>
    </message>
    <message>
        <source>Directory for the demo fleet&apos;s state (default: %1).</source>
        <translation>演示代理集群的状态目录（默认：%1）。</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>The console window is not available in this version. Run &quot;haven --demo&quot; to start the demo fleet.</source>
        <translation>此版本尚未提供控制台窗口。请运行 &quot;haven --demo&quot; 启动演示代理集群。</translation>
    </message>
    <message>
        <source>haven-agent was found neither next to haven (%1) nor on PATH. Build it, or install the haven package.</source>
        <translation>在 haven 所在目录（%1）和 PATH 中均未找到 haven-agent。请先构建它，或安装 haven 软件包。</translation>
    </message>
</context>
</TS>
