<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgentError</name>
    <message>
        <source>response larger than %1 bytes</source>
        <translation>应答超过 %1 字节</translation>
    </message>
    <message>
        <source>the answer was cut short (%1)</source>
        <translation>应答被截断（%1）</translation>
    </message>
    <message>
        <source>the answer is not JSON (Content-Type: %1)</source>
        <translation>应答不是 JSON（Content-Type：%1）</translation>
    </message>
    <message>
        <source>malformed JSON: %1 at byte %2</source>
        <translation>JSON 格式错误：%1（第 %2 字节）</translation>
    </message>
    <message>
        <source>the answer is not a JSON object</source>
        <translation>应答不是 JSON 对象</translation>
    </message>
    <message>
        <source>the answer has an unexpected shape</source>
        <translation>应答的结构不符合预期</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>不可达</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>认证</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 cannot be reached at %2: %3. Check that haven-agent runs there and that the address and port are right.</source>
        <translation>无法连接 %1（%2）：%3。请确认 haven-agent 正在该处运行，且地址和端口正确。</translation>
    </message>
    <message>
        <source>%1 did not answer in time at %2: %3. The site may be down or dark, the agent overloaded or the network slow; check the network to the site and the agent.</source>
        <translation>%1（%2）未能及时应答：%3。可能是机房宕机或失联、代理过载或网络缓慢；请检查到该机房的网络和代理。</translation>
    </message>
    <message>
        <source>The certificate of %1 at %2 does not match the pinned key: the agent was re-keyed or this is not the agent you expect; verify and update the pin on the Environment page.</source>
        <translation>%1（%2）的证书与固定的公钥指纹不符：代理可能更换了密钥，或者这不是预期的代理；请核实后在“环境信息”页面更新公钥指纹。</translation>
    </message>
    <message>
        <source>The CA file for %1 cannot be used: %2. Choose a readable PEM file on the Environment page.</source>
        <translation>%1 的 CA 文件无法使用：%2。请在“环境信息”页面选择一个可读的 PEM 文件。</translation>
    </message>
    <message>
        <source>The certificate of %1 at %2 is not trusted: %3. Set the agent&apos;s pin or the right CA file on the Environment page.</source>
        <translation>%1（%2）的证书不受信任：%3。请在“环境信息”页面设置代理的公钥指纹或正确的 CA 文件。</translation>
    </message>
    <message>
        <source>The secure connection to %1 at %2 failed: %3. Check that the agent serves HTTPS on this port and that the site&apos;s pin or CA file is right.</source>
        <translation>与 %1（%2）的安全连接失败：%3。请确认代理在此端口提供 HTTPS 服务，且该机房的公钥指纹或 CA 文件正确。</translation>
    </message>
    <message>
        <source>%1 at %2: the agent refused the token (HTTP %3); set the site&apos;s token again on the Environment page.</source>
        <translation>%1（%2）：代理拒绝了令牌（HTTP %3）；请在“环境信息”页面重新设置该机房的令牌。</translation>
    </message>
    <message>
        <source>%1 at %2 sent an answer the console cannot use: %3. Check that the address points at haven-agent and that its version fits this console.</source>
        <translation>%1（%2）返回的应答控制台无法使用：%3。请确认地址指向 haven-agent，且其版本与本控制台匹配。</translation>
    </message>
    <message>
        <source>%1 at %2 refused the request (HTTP %3%4): %5. Nothing was changed on the site; correct the request or look at the agent&apos;s log.</source>
        <translation>%1（%2）拒绝了请求（HTTP %3%4）：%5。该机房未做任何更改；请修正请求或查看代理的日志。</translation>
    </message>
    <message>
        <source>The request to %1 at %2 was cancelled.</source>
        <translation>发往 %1（%2）的请求已取消。</translation>
    </message>
    <message>
        <source>protocolVersion %1 is not supported; this console speaks version %2</source>
        <translation>不支持 protocolVersion %1；本控制台使用第 %2 版协议</translation>
    </message>
</context>
<context>
    <name>ChatRequest</name>
    <message>
        <source>%1 cannot be reached: %2</source>
        <translation>无法连接 %1：%2</translation>
    </message>
    <message>
        <source>the webhook answered HTTP %1: %2</source>
        <translation>Webhook 返回 HTTP %1：%2</translation>
    </message>
    <message>
        <source>the robot&apos;s answer has no errcode: %1</source>
        <translation>机器人的应答中没有 errcode：%1</translation>
    </message>
    <message>
        <source>the robot refused the message (errcode %1: %2)</source>
        <translation>机器人拒绝了该消息（errcode %1：%2）</translation>
    </message>
</context>
<context>
    <name>ExecutionJournal</name>
    <message>
        <source>Event %1 of execution %2 cannot be read.</source>
        <translation>无法读取执行 %2 的事件 %1。</translation>
    </message>
    <message>
        <source>The journal of execution %1 cannot be read: %2</source>
        <translation>无法读取执行 %1 的执行日志：%2</translation>
    </message>
</context>
<context>
    <name>Haven::AddEdgeCommand</name>
    <message>
        <source>Connect &quot;%1&quot; → &quot;%2&quot;</source>
        <translation>连接“%1”→“%2”</translation>
    </message>
</context>
<context>
    <name>Haven::AddStepCommand</name>
    <message>
        <source>Add step &quot;%1&quot;</source>
        <translation>添加步骤“%1”</translation>
    </message>
</context>
<context>
    <name>Haven::AlertModel</name>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>持续 %1</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>告警内容</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>持续时间</translation>
    </message>
</context>
<context>
    <name>Haven::AutoLayoutCommand</name>
    <message>
        <source>Arrange steps automatically</source>
        <translation>自动排列步骤</translation>
    </message>
</context>
<context>
    <name>Haven::ChatNotifier</name>
    <message>
        <source>A webhook needs an id and a name.</source>
        <translation>Webhook 需要 ID 和名称。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// address; copy the robot&apos;s webhook address again.</source>
        <translation>“%1”不是 http:// 或 https:// 地址；请重新复制机器人的 Webhook 地址。</translation>
    </message>
    <message>
        <source>The webhook could not be saved (%1).</source>
        <translation>无法保存 Webhook（%1）。</translation>
    </message>
    <message>
        <source>retried by hand</source>
        <translation>已手动重试</translation>
    </message>
    <message>
        <source>the webhook was removed</source>
        <translation>Webhook 已被删除</translation>
    </message>
    <message>
        <source>the signing secret &quot;%1&quot; cannot be read: %2</source>
        <translation>无法读取签名密钥“%1”：%2</translation>
    </message>
</context>
<context>
    <name>Haven::ComponentDetails</name>
    <message>
        <source>Facts</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Active alerts</source>
        <translation>活动告警</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Dependencies</source>
        <translation>依赖关系</translation>
    </message>
    <message>
        <source>Depends on (start first)</source>
        <translation>依赖于（需先启动）</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>被依赖于</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>6 h</source>
        <translation>6 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <source>Replication lag</source>
        <translation>同步延迟</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>/s</source>
        <translation>/秒</translation>
    </message>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选择</translation>
    </message>
    <message>
        <source>%1 is no longer reported</source>
        <translation>%1 已不再上报</translation>
    </message>
    <message>
        <source>Click a component or a replication link on the dashboard.</source>
        <translation>在大盘上点击一个组件或数据同步链路。</translation>
    </message>
    <message>
        <source>Its site stopped reporting it; the last trends stay below.</source>
        <translation>所在机房已不再上报它；下方保留最后的趋势。</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Product group</source>
        <translation>产品组</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>%1 s old (%2)</source>
        <translation>%1 秒前（%2）</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>value and unit</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (%2 min ago)</source>
        <translation>%1（%2 分钟前）</translation>
    </message>
    <message>
        <source>No active alerts</source>
        <translation>无活动告警</translation>
    </message>
    <message>
        <source>Active alerts (%1)</source>
        <translation>活动告警（%1）</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 (not reported)</source>
        <translation>%1（未上报）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>lagging</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>中断</translation>
    </message>
    <message>
        <source>Replication link %1</source>
        <translation>数据同步链路 %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>From (primary)</source>
        <translation>源（主）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>To (standby)</source>
        <translation>目标（备）</translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation>%1 的角色</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>主</translation>
    </message>
    <message>
        <source>standby</source>
        <translation>备</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>ceiling %1 %</source>
        <translation>上限 %1 %</translation>
    </message>
    <message>
        <source>watermark %1 %</source>
        <translation>水位 %1 %</translation>
    </message>
    <message>
        <source>limit %1 s</source>
        <translation>上限 %1 秒</translation>
    </message>
    <message>
        <source>30 d</source>
        <translation>30 天</translation>
    </message>
</context>
<context>
    <name>Haven::ComponentModel</name>
    <message>
        <source>Site</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Product group</source>
        <translation>产品组</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>Memory %</source>
        <translation>内存 %</translation>
    </message>
    <message>
        <source>Latency ms</source>
        <translation>延迟 ms</translation>
    </message>
    <message>
        <source>Capacity %</source>
        <translation>水位 %</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警数</translation>
    </message>
</context>
<context>
    <name>Haven::ConsoleSession</name>
    <message>
        <source>The readiness thresholds in %1 were not used (%2); the defaults apply.</source>
        <translation>未使用 %1 中的切换就绪阈值（%2），已采用默认值。</translation>
    </message>
    <message>
        <source>Some executions could not be resumed from the local database: %1</source>
        <translation>部分执行无法从本地数据库继续：%1</translation>
    </message>
    <message>
        <source>it is not in the secret store</source>
        <translation>它不在密钥库中</translation>
    </message>
</context>
<context>
    <name>Haven::DashboardFeature</name>
    <message>
        <source>Dashboard</source>
        <translation>容灾运行大盘</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>机房</translation>
    </message>
</context>
<context>
    <name>Haven::DashboardPage</name>
    <message>
        <source>Problems only</source>
        <translation>仅显示异常</translation>
    </message>
    <message>
        <source>Find a component by name, id or host</source>
        <translation>按名称、ID 或主机查找组件</translation>
    </message>
    <message>
        <source>All layers</source>
        <translation>全部层</translation>
    </message>
    <message>
        <source>Zoom to fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show every site (F)</source>
        <translation>显示所有机房 (F)</translation>
    </message>
    <message>
        <source>Product group:</source>
        <translation>产品组：</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>No sites yet</source>
        <translation>尚无机房</translation>
    </message>
    <message>
        <source>The dashboard shows your sites once the console knows their agents. Add regions and sites with their agents&apos; addresses and tokens on the Environment page, or import an environment or fleet file (haven-agent --demo-fleet writes one; haven --environment FILE imports one at start).</source>
        <translation>控制台知道各机房的代理后，容灾运行大盘即显示这些机房。请在“环境信息”页添加地域和机房及其代理的地址与令牌，或导入环境文件或机群文件（haven-agent --demo-fleet 会生成一个；haven --environment FILE 在启动时导入）。</translation>
    </message>
    <message>
        <source>Add sites…</source>
        <translation>添加机房…</translation>
    </message>
    <message>
        <source>Open the Environment page</source>
        <translation>打开“环境信息”页</translation>
    </message>
    <message>
        <source>Import a file…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <source>Read regions, sites and tokens from an environment or fleet file</source>
        <translation>从环境文件或机群文件读取地域、机房和令牌</translation>
    </message>
</context>
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
    <name>Haven::DisplayNames</name>
    <message>
        <source>Business</source>
        <translation>业务层</translation>
    </message>
    <message>
        <source>Middleware</source>
        <translation>中枢层</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储层</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库层</translation>
    </message>
    <message>
        <source>Physical</source>
        <translation>物理层</translation>
    </message>
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
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>缓慢</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>不可达</translation>
    </message>
</context>
<context>
    <name>Haven::DrillDesigner</name>
    <message>
        <source>%1: &quot;%2&quot; is not a site or scope:site:value (scopes: %3)</source>
        <translation>%1：“%2”不是机房，也不是 范围:机房:值 的形式（范围：%3）</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Target scope</source>
        <translation>目标范围</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Parameters (JSON)</source>
        <translation>参数（JSON）</translation>
    </message>
    <message>
        <source>Start (s)</source>
        <translation>开始（秒）</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>持续时间（秒）</translation>
    </message>
    <message>
        <source>Halt when</source>
        <translation>中止条件</translation>
    </message>
    <message>
        <source>Site (empty: all)</source>
        <translation>机房（留空：全部）</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>All faults in parallel (each at its start offset)</source>
        <translation>所有故障并行（各自按开始偏移注入）</translation>
    </message>
    <message>
        <source>In sequence (each after the previous one ended)</source>
        <translation>依次执行（每个故障在上一个结束后开始）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>no objective</source>
        <translation>无目标</translation>
    </message>
    <message>
        <source>failed sites, comma-separated: sha</source>
        <translation>故障机房，以逗号分隔：sha</translation>
    </message>
    <message>
        <source>emergency sites, comma-separated: shb</source>
        <translation>应急机房，以逗号分隔：shb</translation>
    </message>
    <message>
        <source>product groups (empty: all the plan&apos;s)</source>
        <translation>产品组（留空：预案的全部产品组）</translation>
    </message>
    <message>
        <source>sha, or layer:sha:database, comma-separated</source>
        <translation>sha，或 layer:sha:database，以逗号分隔</translation>
    </message>
    <message>
        <source>shb, or productGroup:shb:payments</source>
        <translation>shb，或 productGroup:shb:payments</translation>
    </message>
    <message>
        <source>Add fault</source>
        <translation>添加故障</translation>
    </message>
    <message>
        <source>Remove fault</source>
        <translation>移除故障</translation>
    </message>
    <message>
        <source>Add halt condition</source>
        <translation>添加中止条件</translation>
    </message>
    <message>
        <source>Remove halt condition</source>
        <translation>移除中止条件</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Faults run</source>
        <translation>故障执行方式</translation>
    </message>
    <message>
        <source>Rehearsed plan</source>
        <translation>演练的预案</translation>
    </message>
    <message>
        <source>Failed sites</source>
        <translation>故障机房</translation>
    </message>
    <message>
        <source>Emergency sites</source>
        <translation>应急机房</translation>
    </message>
    <message>
        <source>Product groups</source>
        <translation>产品组</translation>
    </message>
    <message>
        <source>RTO objective</source>
        <translation>RTO 目标</translation>
    </message>
    <message>
        <source>RPO objective</source>
        <translation>RPO 目标</translation>
    </message>
    <message>
        <source>Expected to fail</source>
        <translation>预期失败</translation>
    </message>
    <message>
        <source>Must stay healthy</source>
        <translation>须保持正常</translation>
    </message>
    <message>
        <source>none: only the faults</source>
        <translation>无：仅注入故障</translation>
    </message>
    <message>
        <source>Fault %1: the parameters must be a JSON object and the times whole seconds.</source>
        <translation>故障 %1：参数必须是 JSON 对象，时间必须是整数秒。</translation>
    </message>
    <message>
        <source>Halt condition %1: the bound must be a number.</source>
        <translation>中止条件 %1：阈值必须是数字。</translation>
    </message>
</context>
<context>
    <name>Haven::DrillFormat</name>
    <message>
        <source>The drill file is not valid JSON (at byte %1: %2).</source>
        <translation>故障演练文件不是有效的 JSON（第 %1 字节：%2）。</translation>
    </message>
    <message>
        <source>The drill file must hold a JSON object.</source>
        <translation>故障演练文件必须包含一个 JSON 对象。</translation>
    </message>
    <message>
        <source>The drill cannot be read: %1</source>
        <translation>无法读取故障演练：%1</translation>
    </message>
    <message>
        <source>version %1 is newer than this Haven reads (%2); update Haven.</source>
        <translation>版本 %1 高于此 Haven 可读取的版本（%2）；请升级 Haven。</translation>
    </message>
</context>
<context>
    <name>Haven::DrillReport</name>
    <message>
        <source>The report could not be written to %1: %2. Choose another folder.</source>
        <translation>无法将报告写入 %1：%2。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>no objective or measure</source>
        <translation>无目标或无实测值</translation>
    </message>
    <message>
        <source>met</source>
        <translation>达成</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未达成</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Halting: reverting every fault</source>
        <translation>正在中止：回退所有故障</translation>
    </message>
    <message>
        <source>Halted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Drill report: %1</source>
        <translation>故障演练报告：%1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Why it ended</source>
        <translation>结束原因</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>发起人</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>First fault landed</source>
        <translation>首个故障生效时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Halt to every revert accepted</source>
        <translation>从中止到所有回退被接受</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Rehearsed execution</source>
        <translation>演练的预案执行</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Measured RTO and RPO</source>
        <translation>实测 RTO 和 RPO</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>RTO of %1</source>
        <translation>%1 的 RTO</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>not served again</source>
        <translation>未恢复服务</translation>
    </message>
    <message>
        <source>RPO of %1 (%2 → %3)</source>
        <translation>%1 的 RPO（%2 → %3）</translation>
    </message>
    <message>
        <source>Expectations</source>
        <translation>预期</translation>
    </message>
    <message>
        <source>held</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>did not hold</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Revert confirmed</source>
        <translation>回退已确认</translation>
    </message>
    <message>
        <source>Agent says</source>
        <translation>代理反馈</translation>
    </message>
    <message>
        <source>not injected</source>
        <translation>未注入</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Preflight</source>
        <translation>预检</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>经过</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
</context>
<context>
    <name>Haven::DrillRunView</name>
    <message>
        <source>No drill is running.</source>
        <translation>没有正在运行的故障演练。</translation>
    </message>
    <message>
        <source>STOP</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Halt condition</source>
        <translation>中止条件</translation>
    </message>
    <message>
        <source>Live value</source>
        <translation>实时值</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Revert every fault of this drill now and pause the rehearsed plan.</source>
        <translation>立即回退此故障演练的所有故障，并暂停演练的预案。</translation>
    </message>
    <message>
        <source>whole site</source>
        <translation>整个机房</translation>
    </message>
    <message>
        <source>waiting (starts at +%1 s)</source>
        <translation>等待中（于 +%1 秒开始）</translation>
    </message>
    <message>
        <source>ORPHANED: may still be in effect</source>
        <translation>孤立：可能仍在生效</translation>
    </message>
    <message>
        <source> (revert not confirmed)</source>
        <translation>（回退未确认）</translation>
    </message>
    <message>
        <source> at %1</source>
        <translation>（机房 %1）</translation>
    </message>
    <message>
        <source> (bound %1)</source>
        <translation>（阈值 %1）</translation>
    </message>
    <message>
        <source>TRIPPED</source>
        <translation>已触发</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>not watched</source>
        <translation>未监视</translation>
    </message>
    <message>
        <source>RTO %1: %2 s</source>
        <translation>%1 的 RTO：%2 秒</translation>
    </message>
    <message>
        <source>RTO %1: not served again yet</source>
        <translation>%1 的 RTO：尚未恢复服务</translation>
    </message>
    <message numerus="yes">
        <source>RPO (worst of %n link(s)): %1 s</source>
        <translation>
            <numerusform>RPO（%n 条数据同步链路中最差）：%1 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>RTO objective %1 s: %2</source>
        <translation>RTO 目标 %1 秒：%2</translation>
    </message>
    <message>
        <source>RPO objective %1 s: %2</source>
        <translation>RPO 目标 %1 秒：%2</translation>
    </message>
    <message>
        <source>Stop the drill</source>
        <translation>停止故障演练</translation>
    </message>
    <message>
        <source>Why? (recorded in the drill&apos;s report and the audit log)</source>
        <translation>原因？（将记入故障演练报告和审计日志）</translation>
    </message>
    <message>
        <source>stopped from the console</source>
        <translation>从控制台停止</translation>
    </message>
</context>
<context>
    <name>Haven::DrillRunner</name>
    <message numerus="yes">
        <source>Drill started: %n fault(s) planned</source>
        <translation>
            <numerusform>故障演练已开始：计划注入 %n 个故障</numerusform>
        </translation>
    </message>
    <message>
        <source>no connection to site %1 (no address or token)</source>
        <translation>未连接到机房 %1（没有地址或令牌）</translation>
    </message>
    <message>
        <source>Injected %1 (fault %2)</source>
        <translation>已注入 %1（故障 %2）</translation>
    </message>
    <message>
        <source>Every fault&apos;s revert was accepted %1 ms after the halt</source>
        <translation>中止后 %1 毫秒，所有故障的回退均已被接受</translation>
    </message>
    <message>
        <source>not injected: the drill ended first</source>
        <translation>未注入：故障演练已先结束</translation>
    </message>
    <message>
        <source>The rehearsed plan&apos;s execution was paused</source>
        <translation>演练的预案执行已暂停</translation>
    </message>
    <message>
        <source>The rehearsed plan&apos;s execution could not be paused: %1</source>
        <translation>无法暂停演练的预案执行：%1</translation>
    </message>
    <message>
        <source>Halt condition: %1</source>
        <translation>中止条件：%1</translation>
    </message>
    <message>
        <source>%1 is served again (%2 %): RTO %3 s</source>
        <translation>%1 已恢复服务（%2 %）：RTO %3 秒</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The rehearsed plan %1 is gone; the drill goes on without it.</source>
        <translation>演练的预案 %1 已不存在；故障演练将在没有它的情况下继续。</translation>
    </message>
    <message>
        <source>Drill %1 (run %2)</source>
        <translation>故障演练 %1（第 %2 次运行）</translation>
    </message>
    <message>
        <source>The rehearsed plan could not start: %1</source>
        <translation>演练的预案无法启动：%1</translation>
    </message>
    <message>
        <source>The rehearsed plan %1 started (execution %2)</source>
        <translation>演练的预案 %1 已启动（执行 %2）</translation>
    </message>
    <message>
        <source>(some faults were not confirmed reverted: see the fault list)</source>
        <translation>（部分故障未确认已回退：见故障列表）</translation>
    </message>
    <message>
        <source>No fault could be injected.</source>
        <translation>没有任何故障能够注入。</translation>
    </message>
    <message>
        <source>Every fault ended.</source>
        <translation>所有故障均已结束。</translation>
    </message>
    <message>
        <source>%1 fails</source>
        <translation>%1 失败</translation>
    </message>
    <message>
        <source>%1 stays healthy</source>
        <translation>%1 保持正常</translation>
    </message>
    <message>
        <source>Drill %1: %2</source>
        <translation>故障演练 %1：%2</translation>
    </message>
</context>
<context>
    <name>Haven::DrillService</name>
    <message>
        <source>%1 allows %2 faults at once; %3 are in effect and the drill adds %4.</source>
        <translation>%1 最多允许同时存在 %2 个故障；当前已有 %3 个生效，此故障演练还要增加 %4 个。</translation>
    </message>
    <message>
        <source>%1 does not offer the fault kind %2.</source>
        <translation>%1 不提供故障类型 %2。</translation>
    </message>
    <message>
        <source>%1 at %2: the duration %3 s is outside %4..%5 s.</source>
        <translation>%2 上的 %1：持续时间 %3 秒不在 %4..%5 秒范围内。</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%2 上的 %1：%3</translation>
    </message>
    <message>
        <source>%1 at %2 would cut the agent off; the site does not allow that ([faults] allow_self_isolation).</source>
        <translation>%2 上的 %1 会切断代理的连接；该机房不允许这样做（[faults] allow_self_isolation）。</translation>
    </message>
    <message>
        <source>the global kill switch</source>
        <translation>全局熔断开关</translation>
    </message>
    <message>
        <source>the kill switch for %1 %2</source>
        <translation>%1 %2 的熔断开关</translation>
    </message>
    <message>
        <source>The drill was not saved: %1</source>
        <translation>故障演练未保存：%1</translation>
    </message>
    <message>
        <source>The drill could not be written to the local database.</source>
        <translation>无法将故障演练写入本地数据库。</translation>
    </message>
    <message>
        <source>The drill is running; stop it first.</source>
        <translation>故障演练正在运行；请先停止。</translation>
    </message>
    <message>
        <source>The drill could not be deleted from the local database.</source>
        <translation>无法从本地数据库删除故障演练。</translation>
    </message>
    <message>
        <source>The drill &quot;%1&quot; is running at %2.</source>
        <translation>故障演练“%1”正在 %2 运行。</translation>
    </message>
    <message>
        <source>The execution of &quot;%1&quot; is running at %2.</source>
        <translation>“%1”的执行正在 %2 运行。</translation>
    </message>
    <message>
        <source>The design is incomplete: %1</source>
        <translation>设计不完整：%1</translation>
    </message>
    <message>
        <source>%1 is engaged (by %2): release it first.</source>
        <translation>%1 已由 %2 启用：请先解除。</translation>
    </message>
    <message>
        <source>Another run touches the same sites: %1</source>
        <translation>另一项运行涉及相同的机房：%1</translation>
    </message>
    <message>
        <source>No other drill or execution touches these sites.</source>
        <translation>没有其他故障演练或执行涉及这些机房。</translation>
    </message>
    <message>
        <source>A halt condition is already true: %1</source>
        <translation>已有中止条件成立：%1</translation>
    </message>
    <message numerus="yes">
        <source>Every halt condition is healthy now (%n condition(s)).</source>
        <translation>
            <numerusform>所有中止条件目前均正常（共 %n 个条件）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The drill has no halt condition: only the faults&apos; time limits end it.</source>
        <translation>此故障演练没有中止条件：只有各故障的时间限制会结束它。</translation>
    </message>
    <message>
        <source>The rehearsed plan no longer exists.</source>
        <translation>演练的预案已不存在。</translation>
    </message>
    <message>
        <source>The rehearsed plan &quot;%1&quot; is not effective.</source>
        <translation>演练的预案“%1”未生效。</translation>
    </message>
    <message>
        <source>The rehearsed plan &quot;%1&quot; is effective.</source>
        <translation>演练的预案“%1”已生效。</translation>
    </message>
    <message>
        <source>%1 has no address or token in the environment.</source>
        <translation>%1 在环境信息中没有地址或令牌。</translation>
    </message>
    <message>
        <source>%1 does not offer fault injection.</source>
        <translation>%1 不提供故障注入。</translation>
    </message>
    <message>
        <source>%1 answers and accepts every fault of the drill.</source>
        <translation>%1 有应答，并接受此故障演练的所有故障。</translation>
    </message>
    <message>
        <source>%1 answers and offers fault injection.</source>
        <translation>%1 有应答，并提供故障注入。</translation>
    </message>
    <message>
        <source>%1 does not report its fault limits (an older agent): the kinds and bounds are checked when the faults are injected.</source>
        <translation>%1 未上报其故障限制（代理版本较旧）：故障类型和范围将在注入故障时检查。</translation>
    </message>
    <message>
        <source>Type the drill&apos;s name exactly to confirm: &quot;%1&quot;.</source>
        <translation>请准确输入故障演练的名称以确认：“%1”。</translation>
    </message>
    <message>
        <source>The preflight found problems: %1</source>
        <translation>预检发现问题：%1</translation>
    </message>
    <message>
        <source>The start could not be recorded in the local database; nothing was injected.</source>
        <translation>无法在本地数据库中记录启动；未注入任何故障。</translation>
    </message>
    <message>
        <source>The drill is not running.</source>
        <translation>故障演练未在运行。</translation>
    </message>
    <message>
        <source>Stopped by %1: %2</source>
        <translation>由 %1 停止：%2</translation>
    </message>
    <message>
        <source>Name the site or product group the kill switch is for.</source>
        <translation>请指定熔断开关所针对的机房或产品组。</translation>
    </message>
    <message>
        <source>The running drills were stopped, but the kill switch could not be saved.</source>
        <translation>正在运行的故障演练已停止，但无法保存熔断开关。</translation>
    </message>
    <message>
        <source>The kill switch could not be released in the local database.</source>
        <translation>无法在本地数据库中解除熔断开关。</translation>
    </message>
    <message>
        <source>%1 was engaged by %2</source>
        <translation>%1 已由 %2 启用</translation>
    </message>
    <message>
        <source>The console stopped while the drill ran. The agents end every fault at its deadline; the faults&apos; state below is what the agents say.</source>
        <translation>故障演练运行期间控制台已停止。代理会在每个故障到期时结束它；下方故障状态为代理上报的状态。</translation>
    </message>
    <message>
        <source>state unknown: %1</source>
        <translation>状态未知：%1</translation>
    </message>
</context>
<context>
    <name>Haven::DrillTemplates</name>
    <message>
        <source>Same-city active-active: a site goes dark</source>
        <translation>同城双活：一个机房全部失联</translation>
    </message>
    <message>
        <source>The failed site goes dark; the same-city site takes all traffic.</source>
        <translation>故障机房全部失联；同城机房接管全部流量。</translation>
    </message>
    <message>
        <source>Remote active-standby: the primary&apos;s database is cut off</source>
        <translation>异地主备：主机房数据库被切断</translation>
    </message>
    <message>
        <source>Heavy packet loss on the failed site&apos;s database layer; the remote standby takes over.</source>
        <translation>故障机房的数据库层出现严重丢包；异地备用机房接管。</translation>
    </message>
    <message>
        <source>Two cities three centers: a city is lost</source>
        <translation>两地三中心：一座城市失效</translation>
    </message>
    <message>
        <source>Both centers of the first city go dark; the remote center takes over.</source>
        <translation>第一座城市的两个中心全部失联；异地中心接管。</translation>
    </message>
    <message>
        <source>Unitized multi-active (LDC): a unit fails</source>
        <translation>单元化多活（LDC）：一个单元故障</translation>
    </message>
    <message>
        <source>The payments unit&apos;s processes are killed at the failed site; its traffic moves to another unit.</source>
        <translation>故障机房中支付单元的进程被终止；其流量迁移到另一个单元。</translation>
    </message>
    <message>
        <source>Single fault: %1 layer</source>
        <translation>单一故障：%1 层</translation>
    </message>
    <message>
        <source>One %1 fault on the failed site&apos;s %2 layer.</source>
        <translation>在故障机房的 %2 层注入一个 %1 故障。</translation>
    </message>
</context>
<context>
    <name>Haven::DrillsFeature</name>
    <message>
        <source>Drills</source>
        <translation>故障演练</translation>
    </message>
    <message>
        <source>Stop every drill (global kill switch)</source>
        <translation>停止所有故障演练（全局熔断开关）</translation>
    </message>
    <message>
        <source>Reverts every fault of every running drill and refuses new drills until released.</source>
        <translation>回退所有正在运行的故障演练的全部故障，并在解除前拒绝新的故障演练。</translation>
    </message>
    <message>
        <source>Stop every drill (menu)</source>
        <translation>停止所有故障演练（菜单）</translation>
    </message>
    <message>
        <source>&amp;Drill</source>
        <translation>故障演练(&amp;D)</translation>
    </message>
</context>
<context>
    <name>Haven::DrillsPage</name>
    <message>
        <source>Kill switch</source>
        <translation>熔断开关</translation>
    </message>
    <message>
        <source>Engaged by</source>
        <translation>启用人</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>启用时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>故障演练</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>RTO (worst)</source>
        <translation>RTO（最差）</translation>
    </message>
    <message>
        <source>RPO (worst)</source>
        <translation>RPO（最差）</translation>
    </message>
    <message>
        <source>RTO verdict</source>
        <translation>RTO 结论</translation>
    </message>
    <message>
        <source>RPO verdict</source>
        <translation>RPO 结论</translation>
    </message>
    <message>
        <source>Why it ended</source>
        <translation>结束原因</translation>
    </message>
    <message>
        <source>Designs</source>
        <translation>演练设计</translation>
    </message>
    <message>
        <source>Running drill</source>
        <translation>运行中的故障演练</translation>
    </message>
    <message>
        <source>Kill switches</source>
        <translation>熔断开关</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message numerus="yes">
        <source>%n drill(s) were running when the console last stopped; they are marked interrupted. The Running drill tab shows their faults as the agents report them.</source>
        <translation>
            <numerusform>控制台上次停止时有 %n 个故障演练正在运行；它们已被标记为中断。“运行中的故障演练”标签页显示代理上报的故障状态。</numerusform>
        </translation>
    </message>
    <message>
        <source>New from template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <source>A new drill from the template; adjust the sites and save it.</source>
        <translation>从模板新建的故障演练；请调整机房后保存。</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Preflight and start…</source>
        <translation>预检并开始…</translation>
    </message>
    <message>
        <source>Global: every drill</source>
        <translation>全局：所有故障演练</translation>
    </message>
    <message>
        <source>A site</source>
        <translation>单个机房</translation>
    </message>
    <message>
        <source>A product group</source>
        <translation>单个产品组</translation>
    </message>
    <message>
        <source>site id or product group</source>
        <translation>机房 ID 或产品组</translation>
    </message>
    <message>
        <source>Engage: stop and block drills</source>
        <translation>启用：停止并阻止故障演练</translation>
    </message>
    <message>
        <source>Release the selected switch</source>
        <translation>解除所选开关</translation>
    </message>
    <message>
        <source>engaged from the console</source>
        <translation>从控制台启用</translation>
    </message>
    <message>
        <source>An engaged kill switch reverts every fault of the running drills it covers and refuses new ones until someone releases it. It is kept in the local database, so it holds after a restart.</source>
        <translation>启用的熔断开关会回退其覆盖范围内正在运行的故障演练的所有故障，并拒绝新的故障演练，直到有人解除。它保存在本地数据库中，重启后依然有效。</translation>
    </message>
    <message>
        <source>Report (HTML)…</source>
        <translation>报告（HTML）…</translation>
    </message>
    <message>
        <source>Report (PDF)…</source>
        <translation>报告（PDF）…</translation>
    </message>
    <message>
        <source>Show the run</source>
        <translation>查看此次运行</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行次序</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>RTO (worst group)</source>
        <translation>RTO（最差产品组）</translation>
    </message>
    <message>
        <source>RPO (worst link)</source>
        <translation>RPO（最差链路）</translation>
    </message>
    <message>
        <source>Effective plans not drilled for %1 days</source>
        <translation>超过 %1 天未演练的生效预案</translation>
    </message>
    <message>
        <source>Global</source>
        <translation>全局</translation>
    </message>
    <message>
        <source>Kill switch engaged (%1): new drills there are refused.</source>
        <translation>熔断开关已启用（%1）：该范围内的新故障演练将被拒绝。</translation>
    </message>
    <message>
        <source>⚠ %1: never drilled</source>
        <translation>⚠ %1：从未演练</translation>
    </message>
    <message>
        <source>⚠ %1: not drilled for %2 days</source>
        <translation>⚠ %1：已 %2 天未演练</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <source>Import a drill</source>
        <translation>导入故障演练</translation>
    </message>
    <message>
        <source>Drills (*.json)</source>
        <translation>故障演练文件 (*.json)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Imported &quot;%1&quot;; save it to keep it.</source>
        <translation>已导入“%1”；请保存以保留。</translation>
    </message>
    <message>
        <source>Export the drill</source>
        <translation>导出故障演练</translation>
    </message>
    <message>
        <source>The drill could not be written to %1: %2</source>
        <translation>无法将故障演练写入 %1：%2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>Select a run in the history first.</source>
        <translation>请先在历史记录中选择一次运行。</translation>
    </message>
    <message>
        <source>Drill report</source>
        <translation>故障演练报告</translation>
    </message>
    <message>
        <source>The report was written to %1.</source>
        <translation>报告已写入 %1。</translation>
    </message>
</context>
<context>
    <name>Haven::DryRun</name>
    <message>
        <source>Choose at least one failed site.</source>
        <translation>请至少选择一个故障机房。</translation>
    </message>
    <message>
        <source>Choose at least one emergency site.</source>
        <translation>请至少选择一个应急机房。</translation>
    </message>
    <message>
        <source>%1 is chosen both as failed and as emergency site.</source>
        <translation>%1 同时被选为故障机房和应急机房。</translation>
    </message>
    <message>
        <source>Site %1 is not in the environment.</source>
        <translation>机房 %1 不在环境信息中。</translation>
    </message>
    <message>
        <source>The plan has no steps.</source>
        <translation>预案没有步骤。</translation>
    </message>
    <message>
        <source>The step resolves to no site.</source>
        <translation>该步骤未对应到任何机房。</translation>
    </message>
    <message>
        <source>%1 does not offer the operation %2.</source>
        <translation>%1 不提供步骤操作 %2。</translation>
    </message>
    <message>
        <source>%1 cannot be reached now: %2</source>
        <translation>当前无法连接 %1：%2</translation>
    </message>
    <message>
        <source>The operation catalog of %1 is not known yet.</source>
        <translation>尚未获取 %1 的步骤目录。</translation>
    </message>
    <message>
        <source>Guard does not hold now: %1</source>
        <translation>守卫条件当前不成立：%1</translation>
    </message>
</context>
<context>
    <name>Haven::Environment</name>
    <message>
        <source>Enter an id.</source>
        <translation>请输入标识。</translation>
    </message>
    <message>
        <source>Use only lower-case letters a-z, digits and &quot;-&quot; in an id.</source>
        <translation>标识只能包含小写字母 a-z、数字和“-”。</translation>
    </message>
    <message>
        <source>Enter the agent&apos;s address, e.g. https://10.0.0.5:7443.</source>
        <translation>请输入代理的地址，例如 https://10.0.0.5:7443。</translation>
    </message>
    <message>
        <source>The address must start with https://.</source>
        <translation>地址必须以 https:// 开头。</translation>
    </message>
    <message>
        <source>This is not a valid URL: %1</source>
        <translation>这不是有效的 URL：%1</translation>
    </message>
    <message>
        <source>The address has no host name.</source>
        <translation>地址中没有主机名。</translation>
    </message>
    <message>
        <source>Do not put a user name or password in the address; enter the token in its own field.</source>
        <translation>请勿在地址中填写用户名或密码；令牌请填在令牌栏中。</translation>
    </message>
    <message>
        <source>The address must not have a query (?) or a fragment (#).</source>
        <translation>地址不能包含查询（?）或片段（#）。</translation>
    </message>
    <message>
        <source>Plain http:// is allowed only for this computer (127.0.0.0/8, ::1, localhost); use https:// for %1.</source>
        <translation>只有本机（127.0.0.0/8、::1、localhost）可以使用明文 http://；%1 请使用 https://。</translation>
    </message>
    <message>
        <source>A pin starts with sha256// followed by the base64 of the SHA-256 digest of the agent&apos;s public key.</source>
        <translation>公钥指纹以 sha256// 开头，后接代理公钥 SHA-256 摘要的 base64 编码。</translation>
    </message>
    <message>
        <source>The text after sha256// is not valid base64.</source>
        <translation>sha256// 之后的内容不是有效的 base64。</translation>
    </message>
    <message>
        <source>The pin holds %1 bytes; a SHA-256 digest has 32.</source>
        <translation>该公钥指纹为 %1 字节；SHA-256 摘要应为 32 字节。</translation>
    </message>
    <message>
        <source>The CA file %1 does not exist.</source>
        <translation>CA 文件 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read.</source>
        <translation>无法读取 CA 文件 %1。</translation>
    </message>
    <message>
        <source>The refresh interval must be between %1 and %2 seconds.</source>
        <translation>刷新间隔必须在 %1 到 %2 秒之间。</translation>
    </message>
    <message>
        <source>Another site already uses the id &quot;%1&quot;.</source>
        <translation>另一个机房已在使用标识“%1”。</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <source>Choose a region.</source>
        <translation>请选择地域。</translation>
    </message>
    <message>
        <source>The region &quot;%1&quot; does not exist.</source>
        <translation>地域“%1”不存在。</translation>
    </message>
    <message>
        <source>Another region already uses the id &quot;%1&quot;.</source>
        <translation>另一个地域已在使用标识“%1”。</translation>
    </message>
    <message>
        <source>format: expected &quot;%1&quot; or &quot;%2&quot;, got &quot;%3&quot;</source>
        <translation>format：应为“%1”或“%2”，实际为“%3”</translation>
    </message>
    <message>
        <source>This file was written by a newer Haven (%1 version %2); this Haven reads version %3. Update Haven to open it.</source>
        <translation>此文件由更新版本的 Haven 写入（%1 第 %2 版）；当前 Haven 只能读取第 %3 版。请升级 Haven 后再打开。</translation>
    </message>
    <message>
        <source>version: expected %1, got %2</source>
        <translation>version：应为 %1，实际为 %2</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large for an environment file (%2 bytes).</source>
        <translation>%1 过大，不是环境文件（%2 字节）。</translation>
    </message>
    <message>
        <source>%1:%2:%3: not valid JSON: %4</source>
        <translation>%1:%2:%3：不是有效的 JSON：%4</translation>
    </message>
    <message>
        <source>%1: expected a JSON object</source>
        <translation>%1：应为 JSON 对象</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n problem(s):</source>
        <translation>
            <numerusform>%1 有 %n 个问题：</numerusform>
        </translation>
    </message>
    <message>
        <source>A Prometheus token needs a Prometheus URL.</source>
        <translation>Prometheus 令牌需要配合 Prometheus URL 使用。</translation>
    </message>
</context>
<context>
    <name>Haven::EnvironmentFeature</name>
    <message>
        <source>Environment</source>
        <translation>环境信息</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n site(s) from %1.</source>
        <translation>
            <numerusform>已从 %1 导入 %n 个机房。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was not imported; the console keeps the environment it had.</source>
        <translation>%1 未导入；控制台保留原有的环境信息。</translation>
    </message>
    <message>
        <source>Correct the file and start haven --environment again, or add the sites here on the Environment page.</source>
        <translation>请修正该文件后重新运行 haven --environment，或在“环境信息”页添加机房。</translation>
    </message>
    <message>
        <source>Import environment</source>
        <translation>导入环境信息</translation>
    </message>
</context>
<context>
    <name>Haven::EnvironmentPage</name>
    <message>
        <source>Add region</source>
        <translation>添加地域</translation>
    </message>
    <message>
        <source>Add site</source>
        <translation>添加机房</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Read regions and sites from an environment file or from the fleet file of haven-agent --demo-fleet. Tokens in the file go to the secret store.</source>
        <translation>从环境文件或 haven-agent --demo-fleet 生成的代理清单文件读取地域和机房。文件中的令牌存入密钥库。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write regions and sites to a file to share. Tokens are never exported.</source>
        <translation>将地域和机房写入文件以便共享。令牌永远不会被导出。</translation>
    </message>
    <message>
        <source>Region / site</source>
        <translation>地域 / 机房</translation>
    </message>
    <message>
        <source>Agent address</source>
        <translation>代理地址</translation>
    </message>
    <message>
        <source>Select a region or a site to edit it, or add one.</source>
        <translation>选择一个地域或机房进行编辑，或者添加一个。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>e.g. sha-1 (a-z, 0-9 and -)</source>
        <translation>例如 sha-1（a-z、0-9 和 -）</translation>
    </message>
    <message>
        <source>e.g. Shanghai Zhangjiang</source>
        <translation>例如 上海张江</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>https://10.0.0.5:7443</source>
        <translation>https://10.0.0.5:7443</translation>
    </message>
    <message>
        <source>optional: sha256//… (haven-agent --pin prints it)</source>
        <translation>可选：sha256//…（haven-agent --pin 可输出）</translation>
    </message>
    <message>
        <source>optional: a private CA certificate (PEM)</source>
        <translation>可选：私有 CA 证书（PEM）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the token you are typing. A stored token is never shown.</source>
        <translation>显示正在输入的令牌。已保存的令牌永远不会显示。</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Remove the stored token of this site.</source>
        <translation>删除此机房已保存的令牌。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How often the console asks the agent for changes (1 to 3600 seconds).</source>
        <translation>控制台向代理查询变化的间隔（1 到 3600 秒）。</translation>
    </message>
    <message>
        <source>Watch this site (uncheck to leave it out of the dashboards)</source>
        <translation>监视此机房（取消勾选则不在大盘中显示）</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>标识(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>地域(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>城市(&amp;C)：</translation>
    </message>
    <message>
        <source>Agent &amp;URL:</source>
        <translation>代理 &amp;URL：</translation>
    </message>
    <message>
        <source>&amp;Pin:</source>
        <translation>公钥指纹(&amp;P)：</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA 文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Refresh every:</source>
        <translation>刷新间隔(&amp;R)：</translation>
    </message>
    <message>
        <source>e.g. east-china (a-z, 0-9 and -)</source>
        <translation>例如 east-china（a-z、0-9 和 -）</translation>
    </message>
    <message>
        <source>e.g. East China</source>
        <translation>例如 华东</translation>
    </message>
    <message>
        <source>Region %1</source>
        <translation>地域 %1</translation>
    </message>
    <message>
        <source>(no region)</source>
        <translation>（无地域）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Not watched</source>
        <translation>未监视</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>The form has changes that are not saved. Discard them?</source>
        <translation>表单中有尚未保存的修改。要放弃这些修改吗？</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境信息</translation>
    </message>
    <message>
        <source>No regions or sites yet. Add a region, then its sites, or import an environment file (haven-agent --demo-fleet writes one for the demo).</source>
        <translation>还没有地域或机房。请先添加地域，再添加其中的机房，或者导入环境文件（演示时 haven-agent --demo-fleet 会生成一个）。</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（不存在）</translation>
    </message>
    <message>
        <source>New site</source>
        <translation>新机房</translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation>机房 %1</translation>
    </message>
    <message>
        <source>New region</source>
        <translation>新地域</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before saving. First: %1</source>
        <translation>
            <numerusform>保存前需修正 %n 个问题。第一个：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>The site is ready to be added: press Save.</source>
        <translation>机房信息已完整：请点击“保存”。</translation>
    </message>
    <message>
        <source>Everything is valid. Save applies the changes; Revert puts back the saved values.</source>
        <translation>所有字段均有效。“保存”应用修改；“还原”恢复已保存的值。</translation>
    </message>
    <message>
        <source>paste the agent&apos;s token (kept in the %1)</source>
        <translation>粘贴代理的令牌（保存在%1中）</translation>
    </message>
    <message>
        <source>checking the %1…</source>
        <translation>正在检查%1…</translation>
    </message>
    <message>
        <source>•••• stored in the %1</source>
        <translation>•••• 已保存在%1中</translation>
    </message>
    <message>
        <source>no token stored; paste the agent&apos;s token</source>
        <translation>未保存令牌；请粘贴代理的令牌</translation>
    </message>
    <message>
        <source>A token is stored. Type a new one to replace it; the stored one is never shown.</source>
        <translation>已保存令牌。输入新令牌即可替换；已保存的令牌永远不会显示。</translation>
    </message>
    <message>
        <source>Remove region…</source>
        <translation>删除地域…</translation>
    </message>
    <message>
        <source>Remove site…</source>
        <translation>删除机房…</translation>
    </message>
    <message>
        <source>Add a region first: every site belongs to one.</source>
        <translation>请先添加地域：每个机房都属于一个地域。</translation>
    </message>
    <message>
        <source>Remove region</source>
        <translation>删除地域</translation>
    </message>
    <message numerus="yes">
        <source>The region %1 still has %n site(s). Move them to another region or remove them first.</source>
        <translation>
            <numerusform>地域 %1 中还有 %n 个机房。请先把它们移到其他地域或删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the region %1?</source>
        <translation>删除地域 %1？</translation>
    </message>
    <message>
        <source>Remove site</source>
        <translation>删除机房</translation>
    </message>
    <message>
        <source>Remove the site %1? The console stops watching it and its stored token is deleted from the %2. The agent itself is not changed.</source>
        <translation>删除机房 %1？控制台将停止监视它，并从%2中删除其令牌。代理本身不受影响。</translation>
    </message>
    <message>
        <source>The token of %1 could not be removed: %2</source>
        <translation>无法删除 %1 的令牌：%2</translation>
    </message>
    <message>
        <source>Site %1 added.</source>
        <translation>已添加机房 %1。</translation>
    </message>
    <message>
        <source>Site %1 saved.</source>
        <translation>已保存机房 %1。</translation>
    </message>
    <message>
        <source>Region %1 added; now add its sites.</source>
        <translation>已添加地域 %1；现在可以添加其中的机房。</translation>
    </message>
    <message>
        <source>Region %1 saved.</source>
        <translation>已保存地域 %1。</translation>
    </message>
    <message>
        <source>The token of %1 was not stored: %2</source>
        <translation>%1 的令牌未能保存：%2</translation>
    </message>
    <message>
        <source>Forget token</source>
        <translation>清除令牌</translation>
    </message>
    <message>
        <source>Delete the stored token of %1? The console cannot reach its agent until a new token is entered.</source>
        <translation>删除 %1 已保存的令牌？在输入新令牌之前，控制台无法连接其代理。</translation>
    </message>
    <message>
        <source>CA certificate of the site&apos;s agent</source>
        <translation>机房代理的 CA 证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import environment</source>
        <translation>导入环境信息</translation>
    </message>
    <message>
        <source>Environment or fleet files (*.json);;All files (*)</source>
        <translation>环境文件或代理清单文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 was not imported; the environment is unchanged.

%2</source>
        <translation>未导入 %1；环境信息保持不变。

%2</translation>
    </message>
    <message numerus="yes">
        <source>Replace the current environment with the %n site(s) of %1?</source>
        <translation>
            <numerusform>用 %1 中的 %n 个机房替换当前的环境信息？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) from the file will be kept in the %1.</source>
        <translation>
            <numerusform>文件中的 %n 个令牌将保存在%1中。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n site(s) from %1.</source>
        <translation>
            <numerusform>已从 %1 导入 %n 个机房。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export environment (tokens are never exported)</source>
        <translation>导出环境信息（令牌永远不会被导出）</translation>
    </message>
    <message>
        <source>Environment files (*.json)</source>
        <translation>环境文件 (*.json)</translation>
    </message>
    <message>
        <source>Export environment</source>
        <translation>导出环境信息</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n site(s) to %1. The file holds no tokens: give them to the other console separately.</source>
        <translation>
            <numerusform>已将 %n 个机房导出到 %1。文件中不含令牌：请另行把令牌交给另一台控制台。</numerusform>
        </translation>
    </message>
    <message>
        <source>Regions: %1, sites: %2. Select one to edit it. Tokens are kept in the %3.</source>
        <translation>地域：%1，机房：%2。选择一项进行编辑。令牌保存在%3中。</translation>
    </message>
</context>
<context>
    <name>Haven::ExecutionEngine</name>
    <message>
        <source>Haven could not write the journal of this execution to disk. %1 Nothing new is dispatched; actions already running at the sites go on. Fix the local database, then restart Haven: the execution resumes from its journal.</source>
        <translation>Haven 无法将此次执行的执行日志写入磁盘。%1 不再下发新任务；各机房已在运行的任务继续进行。请修复本地数据库，然后重启 Haven：执行将从执行日志处继续。</translation>
    </message>
    <message>
        <source>Waiting for an operator&apos;s approval.</source>
        <translation>正在等待操作员审批。</translation>
    </message>
    <message>
        <source>Guard did not hold before dispatch: %1</source>
        <translation>下发前守卫条件不成立：%1</translation>
    </message>
    <message>
        <source>The step resolves to no site for this ticket.</source>
        <translation>按此预案执行单，该步骤未对应到任何机房。</translation>
    </message>
    <message>
        <source>%1 cannot be reached: %2 Wait for it, retry the step, or skip it.</source>
        <translation>无法连接 %1：%2 请等待其恢复、重试该步骤或跳过该步骤。</translation>
    </message>
    <message>
        <source>Site %1 has no connection in this console (not in the environment, or no token).</source>
        <translation>本控制台没有机房 %1 的连接（不在环境信息中，或没有令牌）。</translation>
    </message>
    <message>
        <source>Attempt %1 of %2 failed: %3 Next attempt in %4 s.</source>
        <translation>第 %1 次尝试（共 %2 次）失败：%3 将在 %4 秒后再次尝试。</translation>
    </message>
    <message>
        <source>Paused: step &quot;%1&quot; failed (%2). Retry or skip it, then resume.</source>
        <translation>已暂停：步骤“%1”失败（%2）。请重试或跳过该步骤，然后继续执行。</translation>
    </message>
    <message>
        <source>Switchover complete. Start the recovery phase when the failed sites are back.</source>
        <translation>容灾切换已完成。故障机房恢复后，请开始容灾恢复阶段。</translation>
    </message>
    <message>
        <source>Every step is done.</source>
        <translation>所有步骤均已完成。</translation>
    </message>
    <message>
        <source>Stopped at failed step(s) %1. Retry or skip them to go on, or cancel.</source>
        <translation>已停在失败的步骤 %1。请重试或跳过这些步骤以继续，或者取消执行。</translation>
    </message>
    <message>
        <source>%1 stopped answering while the step ran and its timeout (%2 s) passed; the action&apos;s outcome at the site is unknown: %3</source>
        <translation>步骤运行期间 %1 停止应答，且已超过其超时时间（%2 秒）；该任务在机房上的结果未知：%3</translation>
    </message>
    <message>
        <source>not started: the execution was stopped first</source>
        <translation>未启动：执行已先行停止</translation>
    </message>
    <message>
        <source>timed out after %1 s and was cancelled at the site: %2</source>
        <translation>%1 秒后超时，已在机房上取消：%2</translation>
    </message>
    <message>
        <source>Only an effective plan can run; &quot;%1&quot; is %2.</source>
        <translation>只有已生效的预案才能执行；“%1”当前状态为 %2。</translation>
    </message>
    <message>
        <source>The dry run found problems: %1</source>
        <translation>预检发现问题：%1</translation>
    </message>
    <message>
        <source>A second person must approve this ticket (production setting).</source>
        <translation>此预案执行单必须由第二人审批（生产环境设置）。</translation>
    </message>
    <message>
        <source>The second approver must be another person than %1.</source>
        <translation>第二审批人必须是 %1 以外的其他人。</translation>
    </message>
    <message>
        <source>The execution could not be written to the local database: %1</source>
        <translation>无法将执行写入本地数据库：%1</translation>
    </message>
    <message>
        <source>There is no execution %1 in this console.</source>
        <translation>本控制台中没有执行 %1。</translation>
    </message>
    <message>
        <source>This cannot be done now: the execution is %1.</source>
        <translation>当前无法进行此操作：执行状态为 %1。</translation>
    </message>
    <message>
        <source>Say why (the reason goes to the audit log).</source>
        <translation>请说明原因（原因将记入审计日志）。</translation>
    </message>
    <message>
        <source>The journal of this execution cannot be written; restart Haven once the local database is fixed.</source>
        <translation>无法写入此次执行的执行日志；请在修复本地数据库后重启 Haven。</translation>
    </message>
    <message>
        <source>Started by %1.</source>
        <translation>由 %1 启动。</translation>
    </message>
    <message>
        <source>Recovery started by %1.</source>
        <translation>由 %1 启动容灾恢复。</translation>
    </message>
    <message>
        <source>Paused by %1: %2</source>
        <translation>由 %1 暂停：%2</translation>
    </message>
    <message>
        <source>Resumed by %1.</source>
        <translation>由 %1 继续执行。</translation>
    </message>
    <message>
        <source>Going on after %1 by %2.</source>
        <translation>%2 执行 %1 后继续。</translation>
    </message>
    <message>
        <source>Cancelled by %1: %2</source>
        <translation>由 %1 取消：%2</translation>
    </message>
    <message>
        <source>The command could not be written to the journal; nothing was changed.</source>
        <translation>无法将该命令写入执行日志；未做任何更改。</translation>
    </message>
    <message>
        <source>Emergency stop by %1: %2</source>
        <translation>由 %1 紧急停止：%2</translation>
    </message>
    <message>
        <source>%1 did not confirm the start of %2 within the step&apos;s timeout (%3 s)%4. The action may have started there: check the site before you retry the step.</source>
        <translation>%1 未在步骤超时时间（%3 秒）内确认 %2 已开始%4。该任务可能已在机房执行：重试步骤前请先检查该机房。</translation>
    </message>
    <message>
        <source>timed out after %1 s; the agent did not confirm the cancel, so the action may still be running at the site. Check it before you retry the step.</source>
        <translation>%1 秒后超时；代理未确认取消，任务可能仍在机房运行。重试步骤前请先检查。</translation>
    </message>
    <message>
        <source>The local database is not on disk (%1), so an execution could not be resumed after a restart. Fix the database and restart Haven before you run a plan.</source>
        <translation>本地数据库不在磁盘上（%1），重启后无法继续执行。请先修复数据库并重启 Haven，再执行预案。</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>在内存中</translation>
    </message>
    <message>
        <source>This cannot be done now to step &quot;%1&quot; (%2) while the execution is %3.</source>
        <translation>执行处于 %3 状态时，无法对步骤“%1”（%2）进行此操作。</translation>
    </message>
</context>
<context>
    <name>Haven::ExecutionGraph</name>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1 后</translation>
    </message>
    <message>
        <source>Skipped by an operator</source>
        <translation>已由操作员跳过</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <source>Needs an operator&apos;s approval</source>
        <translation>需要操作员审批</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>已由 %1 审批通过</translation>
    </message>
    <message>
        <source>This phase has no steps.</source>
        <translation>此阶段没有步骤。</translation>
    </message>
    <message>
        <source>No execution selected.</source>
        <translation>未选择执行。</translation>
    </message>
    <message>
        <source>%1 (the run is in %2)</source>
        <translation>%1（执行正处于%2阶段）</translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
</context>
<context>
    <name>Haven::ExecutionPage</name>
    <message>
        <source>&amp;Execution:</source>
        <translation>执行(&amp;E)：</translation>
    </message>
    <message>
        <source>■ EMERGENCY STOP</source>
        <translation>■ 紧急停止</translation>
    </message>
    <message>
        <source>Stop every running execution at once: nothing new is dispatched and running actions are cancelled at the sites. Asks once to confirm.</source>
        <translation>立即停止所有正在运行的执行：不再下发新任务，并取消各机房上正在运行的任务。会先请求确认一次。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Who did what</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>▶ Start</source>
        <translation>▶ 开始</translation>
    </message>
    <message>
        <source>Start the execution</source>
        <translation>开始执行</translation>
    </message>
    <message>
        <source>✔ Approve step</source>
        <translation>✔ 批准步骤</translation>
    </message>
    <message>
        <source>Let the selected step, a manual gate, run</source>
        <translation>批准所选的人工审批步骤，使其运行</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
    <message>
        <source>Dispatch nothing new; actions already running at the sites go on</source>
        <translation>不再下发新任务；各机房已在运行的任务继续进行</translation>
    </message>
    <message>
        <source>↻ Retry step</source>
        <translation>↻ 重试步骤</translation>
    </message>
    <message>
        <source>Run the selected failed step again</source>
        <translation>重新运行所选的失败步骤</translation>
    </message>
    <message>
        <source>↷ Skip step…</source>
        <translation>↷ 跳过步骤…</translation>
    </message>
    <message>
        <source>Go on without the selected step (asks why)</source>
        <translation>跳过所选步骤继续执行（需说明原因）</translation>
    </message>
    <message>
        <source>Start recovery</source>
        <translation>开始容灾恢复</translation>
    </message>
    <message>
        <source>Run the plan&apos;s recovery phase from the same ticket</source>
        <translation>以同一预案执行单运行预案的容灾恢复阶段</translation>
    </message>
    <message>
        <source>Cancel execution…</source>
        <translation>取消执行…</translation>
    </message>
    <message>
        <source>Stop dispatching and cancel running actions of this execution (asks why)</source>
        <translation>停止下发并取消此次执行正在运行的任务（需说明原因）</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Export the execution report</source>
        <translation>导出执行报告</translation>
    </message>
    <message>
        <source>HTML…</source>
        <translation>HTML…</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Started.</source>
        <translation>已开始。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>尝试</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>The step&apos;s log appears here as the sites send it.</source>
        <translation>机房发回步骤日志后将显示在此处。</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>No execution yet: start one from a ticket (Execution ▸ New ticket)</source>
        <translation>尚无执行：请从预案执行单开始（执行 ▸ 新建执行单）</translation>
    </message>
    <message>
        <source>── %1 ──</source>
        <translation>── %1 ──</translation>
    </message>
    <message>
        <source>Switchover dashboard</source>
        <translation>容灾切换大盘</translation>
    </message>
    <message>
        <source>No execution to show. Start one from an execution ticket: Execution ▸ New ticket, or Run in the plan center.</source>
        <translation>没有可显示的执行。请从预案执行单开始：执行 ▸ 新建执行单，或在容灾预案中心点击“执行预案”。</translation>
    </message>
    <message>
        <source>Failed: %1 → emergency: %2 · %3%4</source>
        <translation>故障机房：%1 → 应急机房：%2 · %3%4</translation>
    </message>
    <message>
        <source>every product group</source>
        <translation>所有产品组</translation>
    </message>
    <message>
        <source>Ticket by %1</source>
        <translation>执行单创建人：%1</translation>
    </message>
    <message>
        <source>Last: %1 %2 %3</source>
        <translation>最近操作：%1 %2 %3</translation>
    </message>
    <message>
        <source>RTO objective %1 · not started</source>
        <translation>RTO 目标 %1 · 未开始</translation>
    </message>
    <message>
        <source>RTO · not started</source>
        <translation>RTO · 未开始</translation>
    </message>
    <message>
        <source>measured RTO · no objective set</source>
        <translation>实测 RTO · 未设目标</translation>
    </message>
    <message>
        <source>RTO so far · no objective set</source>
        <translation>当前 RTO · 未设目标</translation>
    </message>
    <message>
        <source>measured RTO · objective %1 (%2 %)</source>
        <translation>实测 RTO · 目标 %1（%2 %）</translation>
    </message>
    <message>
        <source>RTO · objective %1 (%2 %)</source>
        <translation>RTO · 目标 %1（%2 %）</translation>
    </message>
    <message>
        <source>▶ Resume</source>
        <translation>▶ 继续</translation>
    </message>
    <message>
        <source>No step selected</source>
        <translation>未选择步骤</translation>
    </message>
    <message>
        <source>Click a step in the graph to see its sites, attempts and log.</source>
        <translation>点击图中的步骤可查看其机房、尝试记录和日志。</translation>
    </message>
    <message>
        <source>· attempt %1 of %2</source>
        <translation>· 第 %1 次尝试（共 %2 次）</translation>
    </message>
    <message>
        <source>Operation %1 · %2 · timeout %3</source>
        <translation>步骤操作码 %1 · %2 · 超时 %3</translation>
    </message>
    <message>
        <source>Product group %1</source>
        <translation>产品组 %1</translation>
    </message>
    <message>
        <source>Manual gate: %1</source>
        <translation>人工审批：%1</translation>
    </message>
    <message>
        <source>needs an operator&apos;s approval</source>
        <translation>需要操作员审批</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>已由 %1 审批通过</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <source>Next attempt at %1</source>
        <translation>下次尝试时间：%1</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已下发</translation>
    </message>
    <message>
        <source>Who did what (%1)</source>
        <translation>操作记录（%1）</translation>
    </message>
    <message>
        <source>Approved %1.</source>
        <translation>已批准%1。</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>已继续执行。</translation>
    </message>
    <message>
        <source>Paused: nothing new is dispatched; running actions go on.</source>
        <translation>已暂停：不再下发新任务；正在运行的任务继续进行。</translation>
    </message>
    <message>
        <source>Retrying %1.</source>
        <translation>正在重试%1。</translation>
    </message>
    <message>
        <source>Skipped %1.</source>
        <translation>已跳过%1。</translation>
    </message>
    <message>
        <source>Cancelled: nothing new is dispatched and running actions are being cancelled.</source>
        <translation>已取消：不再下发新任务，正在取消运行中的任务。</translation>
    </message>
    <message>
        <source>Recovery started.</source>
        <translation>容灾恢复已开始。</translation>
    </message>
    <message>
        <source>Emergency stop from the switchover dashboard</source>
        <translation>从容灾切换大盘紧急停止</translation>
    </message>
    <message numerus="yes">
        <source>Emergency stop: %n execution(s) stopped, running actions cancelled.</source>
        <translation>
            <numerusform>紧急停止：已停止 %n 个执行，正在运行的任务已取消。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was running.</source>
        <translation>没有正在运行的执行。</translation>
    </message>
    <message>
        <source>Choose an execution first.</source>
        <translation>请先选择一个执行。</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
    <message>
        <source>Skip %1 and go on without it? Say why:</source>
        <translation>跳过%1并继续执行？请说明原因：</translation>
    </message>
    <message>
        <source>Reason (required, goes to the audit log)</source>
        <translation>原因（必填，将记入审计日志）</translation>
    </message>
    <message>
        <source>↷ Skip step</source>
        <translation>↷ 跳过步骤</translation>
    </message>
    <message>
        <source>Cancel this execution? Nothing new is dispatched and running actions are cancelled. Say why:</source>
        <translation>取消此次执行？将不再下发新任务，并取消正在运行的任务。请说明原因：</translation>
    </message>
    <message>
        <source>Cancel execution</source>
        <translation>取消执行</translation>
    </message>
    <message>
        <source>STOP EVERY RUNNING EXECUTION NOW? Running actions are cancelled at the sites.</source>
        <translation>立即停止所有正在运行的执行？各机房上正在运行的任务将被取消。</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>原因（可选）</translation>
    </message>
    <message>
        <source>■ STOP NOW</source>
        <translation>■ 立即停止</translation>
    </message>
</context>
<context>
    <name>Haven::ExecutionReport</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分钟 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>Not started: no RTO measured.</source>
        <translation>未开始：没有测得 RTO。</translation>
    </message>
    <message>
        <source>Measured RTO: %1</source>
        <translation>实测 RTO：%1</translation>
    </message>
    <message>
        <source>RTO so far (the switchover is still running): %1</source>
        <translation>当前 RTO（容灾切换仍在进行）：%1</translation>
    </message>
    <message>
        <source>%1; the plan sets no RTO objective.</source>
        <translation>%1；预案未设定 RTO 目标。</translation>
    </message>
    <message>
        <source>%1, objective %2: exceeded by %3.</source>
        <translation>%1，目标 %2：超出 %3。</translation>
    </message>
    <message>
        <source>%1, objective %2: within the objective so far.</source>
        <translation>%1，目标 %2：目前仍在目标之内。</translation>
    </message>
    <message>
        <source>%1, objective %2: met.</source>
        <translation>%1，目标 %2：已达成。</translation>
    </message>
    <message>
        <source>Execution report: %1</source>
        <translation>执行报告：%1</translation>
    </message>
    <message>
        <source>Execution %1 · plan version %2 · report written %3 (times are local, %4)</source>
        <translation>执行 %1 · 预案版本 %2 · 报告生成于 %3（时间均为本地时间，%4）</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>RTO</source>
        <translation>RTO</translation>
    </message>
    <message>
        <source>RPO objective</source>
        <translation>RPO 目标</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Switchover finished</source>
        <translation>容灾切换完成时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Execution ticket</source>
        <translation>预案执行单</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <source>%1 (%2, version %3)</source>
        <translation>%1（%2，版本 %3）</translation>
    </message>
    <message>
        <source>Failed sites</source>
        <translation>故障机房</translation>
    </message>
    <message>
        <source>Emergency sites</source>
        <translation>应急机房</translation>
    </message>
    <message>
        <source>Product groups</source>
        <translation>产品组</translation>
    </message>
    <message>
        <source>All product groups of the plan</source>
        <translation>预案的全部产品组</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <source>Second approver</source>
        <translation>第二审批人</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>No step has started.</source>
        <translation>尚无步骤开始。</translation>
    </message>
    <message>
        <source>From %1 to %2; offsets are from the start of the run.</source>
        <translation>从 %1 到 %2；偏移量从执行开始时算起。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Phase: %1</source>
        <translation>阶段：%1</translation>
    </message>
    <message>
        <source>Operation: %1</source>
        <translation>步骤操作码：%1</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>Product group: %1</source>
        <translation>产品组：%1</translation>
    </message>
    <message>
        <source>Not run: its product group is not in the ticket.</source>
        <translation>未执行：其产品组不在预案执行单中。</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Skip reason</source>
        <translation>跳过原因</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>not approved</source>
        <translation>未审批</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>由 %1 审批通过</translation>
    </message>
    <message>
        <source>Ran</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>No action was sent for this step.</source>
        <translation>此步骤没有下发任何任务。</translation>
    </message>
    <message>
        <source>No answer from the agent</source>
        <translation>代理无应答</translation>
    </message>
    <message>
        <source>%1, attempt %2: %3</source>
        <translation>%1，第 %2 次尝试：%3</translation>
    </message>
    <message>
        <source>sent %1, finished %2</source>
        <translation>下发于 %1，完成于 %2</translation>
    </message>
    <message>
        <source>action %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <source>No log.</source>
        <translation>无日志。</translation>
    </message>
    <message>
        <source>Who did what</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>No operator action was recorded.</source>
        <translation>没有记录到操作员的操作。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Written by Haven from the execution journal.</source>
        <translation>由 Haven 根据执行日志生成。</translation>
    </message>
    <message>
        <source>No file name was given for the report. Choose a file to write it to.</source>
        <translation>未指定报告的文件名。请选择要写入的文件。</translation>
    </message>
    <message>
        <source>The report was not written: the folder %1 does not exist. Create it or choose another folder, then export again.</source>
        <translation>报告未写入：文件夹 %1 不存在。请创建该文件夹或选择其他文件夹，然后重新导出。</translation>
    </message>
    <message>
        <source>The report was not written: %1 is a folder. Choose a file name inside it.</source>
        <translation>报告未写入：%1 是一个文件夹。请在其中指定一个文件名。</translation>
    </message>
    <message>
        <source>The report could not be written to %1 (%2). Nothing was saved there. Check that the folder is writable and the disk has room, or choose another place.</source>
        <translation>无法将报告写入 %1（%2）。该位置未保存任何内容。请确认文件夹可写且磁盘有剩余空间，或选择其他位置。</translation>
    </message>
</context>
<context>
    <name>Haven::ExecutionText</name>
    <message>
        <source>Ready to start</source>
        <translation>待开始</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Switchover done, recovery not started</source>
        <translation>容灾切换已完成，容灾恢复未开始</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed, needs attention</source>
        <translation>失败，需要处理</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Emergency stopped</source>
        <translation>已紧急停止</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待执行</translation>
    </message>
    <message>
        <source>Not selected</source>
        <translation>未选中</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>等待重试</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>started</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>retried</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>emergency stop</source>
        <translation>紧急停止</translation>
    </message>
    <message>
        <source>started recovery</source>
        <translation>启动容灾恢复</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>every product group</source>
        <translation>所有产品组</translation>
    </message>
</context>
<context>
    <name>Haven::ExecutionTimeline</name>
    <message>
        <source>time since the start (min:s)</source>
        <translation>自开始起的时间（分:秒）</translation>
    </message>
    <message>
        <source>· attempt %1</source>
        <translation>· 第 %1 次尝试</translation>
    </message>
    <message>
        <source>RTO objective %1</source>
        <translation>RTO 目标 %1</translation>
    </message>
    <message>
        <source>Switched over %1</source>
        <translation>容灾切换完成 %1</translation>
    </message>
    <message>
        <source>No execution selected</source>
        <translation>未选择执行</translation>
    </message>
    <message>
        <source>Not started yet</source>
        <translation>尚未开始</translation>
    </message>
</context>
<context>
    <name>Haven::ExecutionsFeature</name>
    <message>
        <source>Switchover</source>
        <translation>容灾切换</translation>
    </message>
    <message>
        <source>&amp;Execution</source>
        <translation>执行(&amp;E)</translation>
    </message>
    <message>
        <source>New ticket…</source>
        <translation>新建执行单…</translation>
    </message>
    <message>
        <source>Fill in an execution ticket to run an effective plan.</source>
        <translation>填写预案执行单，以执行已生效的预案。</translation>
    </message>
    <message>
        <source>Require a second approver</source>
        <translation>要求第二审批人</translation>
    </message>
    <message>
        <source>Production: a ticket can only start once a second person approved it. Changes are recorded in the audit log.</source>
        <translation>生产环境：预案执行单须经第二人审批后才能开始。此设置的更改会记入审计日志。</translation>
    </message>
</context>
<context>
    <name>Haven::FleetMonitor</name>
    <message>
        <source>Haven could not save the sites&apos; state to its local database %1 in the background; it tries again at the next write.</source>
        <translation>Haven 无法在后台将各机房的状态保存到本地数据库 %1；将在下次写入时重试。</translation>
    </message>
</context>
<context>
    <name>Haven::HeadlessDrill</name>
    <message>
        <source>haven --headless drill stop-all</source>
        <translation>haven --headless drill stop-all</translation>
    </message>
    <message>
        <source>The global kill switch is engaged: no drill starts until it is released.</source>
        <translation>全局熔断开关已启用：解除前不会启动任何故障演练。</translation>
    </message>
    <message>
        <source>%1: the agent did not answer</source>
        <translation>%1：代理没有应答</translation>
    </message>
    <message>
        <source>Not confirmed ended: %1</source>
        <translation>未确认已结束：%1</translation>
    </message>
    <message>
        <source>The environment has no sites.</source>
        <translation>环境信息中没有机房。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 %2 at %3</source>
        <translation>%3 上的 %1 %2</translation>
    </message>
    <message>
        <source>Reverting %1 %2 at %3 (fault %4)</source>
        <translation>正在回退 %3 上的 %1 %2（故障 %4）</translation>
    </message>
    <message>
        <source>Every fault at the agents has ended.</source>
        <translation>代理上的所有故障均已结束。</translation>
    </message>
    <message>
        <source>The drill&apos;s sites did not all answer within %1 s; nothing was injected.</source>
        <translation>故障演练涉及的机房未能全部在 %1 秒内应答；未注入任何故障。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Drill run %1 started.</source>
        <translation>故障演练运行 %1 已开始。</translation>
    </message>
</context>
<context>
    <name>Haven::HeadlessInspect</name>
    <message>
        <source>problem: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>--headless inspect needs either --task ID or --rule ID</source>
        <translation>--headless inspect 需要 --task ID 或 --rule ID</translation>
    </message>
    <message>
        <source>%1: no run arrived in time</source>
        <translation>%1：未及时收到运行结果</translation>
    </message>
    <message>
        <source>There is no rule &quot;%1&quot;.</source>
        <translation>没有规则“%1”。</translation>
    </message>
    <message>
        <source>No site holds the target of &quot;%1&quot; (%2).</source>
        <translation>没有机房持有“%1”的目标（%2）。</translation>
    </message>
    <message>
        <source>%1: UNKNOWN %2</source>
        <translation>%1：未知 %2</translation>
    </message>
    <message>
        <source>There is no task &quot;%1&quot;.</source>
        <translation>没有巡检任务“%1”。</translation>
    </message>
    <message>
        <source>No site holds a target of &quot;%1&quot;.</source>
        <translation>没有机房持有“%1”的任何目标。</translation>
    </message>
</context>
<context>
    <name>Haven::HeadlessRun</name>
    <message>
        <source>Resuming execution %1 of &quot;%2&quot; (%3).</source>
        <translation>正在继续执行 %1（预案“%2”，%3）。</translation>
    </message>
    <message>
        <source>Nothing to resume.</source>
        <translation>没有需要继续的执行。</translation>
    </message>
    <message>
        <source>An execution is still unfinished; resume it first (haven --headless resume).</source>
        <translation>仍有未完成的执行；请先继续完成它（haven --headless resume）。</translation>
    </message>
    <message>
        <source>The ticket&apos;s sites did not all answer within %1 s; nothing was started.</source>
        <translation>预案执行单中的机房未能全部在 %1 秒内应答；未启动任何内容。</translation>
    </message>
    <message>
        <source>Site %1 is not in the environment.</source>
        <translation>机房 %1 不在环境信息中。</translation>
    </message>
    <message>
        <source>Cannot read the plan %1: %2</source>
        <translation>无法读取预案 %1：%2</translation>
    </message>
    <message>
        <source>The plan %1 cannot run: %2</source>
        <translation>预案 %1 无法执行：%2</translation>
    </message>
    <message>
        <source>Confirm the run with --confirm and the plan&apos;s exact name (&quot;%1&quot;).</source>
        <translation>请使用 --confirm 加上预案的准确名称（“%1”）确认执行。</translation>
    </message>
    <message>
        <source>warning: step %1 &quot;%2&quot;: %3</source>
        <translation>警告：步骤 %1“%2”：%3</translation>
    </message>
    <message>
        <source>Started execution %1 of &quot;%2&quot;.</source>
        <translation>已开始执行 %1（预案“%2”）。</translation>
    </message>
    <message>
        <source> (attempt %1)</source>
        <translation> (第 %1 次尝试)</translation>
    </message>
    <message>
        <source>approved with --approve on the command line</source>
        <translation>已通过命令行参数 --approve 批准</translation>
    </message>
    <message>
        <source>Execution %1: %2. %3</source>
        <translation>执行 %1：%2。%3</translation>
    </message>
    <message>
        <source>--recovery on the command line</source>
        <translation>命令行参数 --recovery</translation>
    </message>
    <message>
        <source>Execution %1 of &quot;%2&quot; was created but never started; start or cancel it in the console.</source>
        <translation>执行 %1（预案“%2”）已创建但从未开始；请在控制台中开始或取消它。</translation>
    </message>
</context>
<context>
    <name>Haven::HeadlessStatus</name>
    <message>
        <source>No sites are configured. Import an environment with --environment FILE, or set the sites up on the console&apos;s Environment page.</source>
        <translation>尚未配置任何机房。请用 --environment FILE 导入环境信息，或在控制台的“环境信息”页面设置机房。</translation>
    </message>
    <message>
        <source>SITE</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>AGENT</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>COMPONENTS</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>DOWN</source>
        <translation>宕机</translation>
    </message>
    <message>
        <source>REVISION</source>
        <translation>修订号</translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>Haven::InspectionBadges</name>
    <message>
        <source>Site</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Inspections:</source>
        <translation>巡检：</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2: %n failing</source>
        <translation>
            <numerusform>%1 · %2：%n 项未通过</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Haven::InspectionNotificationsPage</name>
    <message>
        <source>DingTalk robot</source>
        <translation>钉钉机器人</translation>
    </message>
    <message>
        <source>WeCom robot</source>
        <translation>企业微信机器人</translation>
    </message>
    <message>
        <source>JSON webhook</source>
        <translation>JSON Webhook</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Robot</source>
        <translation>机器人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>下次尝试</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>最近问题</translation>
    </message>
    <message>
        <source>e.g. ops-robot (empty: unsigned)</source>
        <translation>例如 ops-robot（留空：不签名）</translation>
    </message>
    <message>
        <source>stored in the secret store, never in the database</source>
        <translation>保存在密钥库中，绝不存入数据库</translation>
    </message>
    <message>
        <source>Save robot</source>
        <translation>保存机器人</translation>
    </message>
    <message>
        <source>Delete robot</source>
        <translation>删除机器人</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Webhook address</source>
        <translation>Webhook 地址</translation>
    </message>
    <message>
        <source>Signing secret name</source>
        <translation>签名密钥名称</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) waiting</source>
        <translation>
            <numerusform>%n 条消息待发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 条失败</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved the robot &quot;%1&quot;.</source>
        <translation>已保存机器人“%1”。</translation>
    </message>
    <message>
        <source>The robot was saved, but its secret was not stored: %1</source>
        <translation>机器人已保存，但其密钥未能存储：%1</translation>
    </message>
</context>
<context>
    <name>Haven::InspectionReportsPage</name>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>通过率</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Hard problems</source>
        <translation>确认异常</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>触发方式</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Mark risks handled</source>
        <translation>将风险标记为已处理</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>巡检任务：</translation>
    </message>
    <message>
        <source>No tasks yet: create one on the Tasks tab.</source>
        <translation>尚无巡检任务：请在“任务与调度”标签页创建。</translation>
    </message>
    <message>
        <source>No reports in this time yet.</source>
        <translation>此时间段内尚无巡检报告。</translation>
    </message>
    <message numerus="yes">
        <source>%1 — pass rate %2, %n risk(s) to do</source>
        <translation>
            <numerusform>%1 — 通过率 %2，%n 项风险待处理</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出巡检报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Marked %n risk(s) handled.</source>
        <translation>
            <numerusform>已将 %n 项风险标记为已处理。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Haven::InspectionRulesPage</name>
    <message>
        <source>Save rule</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <source>Test now</source>
        <translation>立即测试</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>empty: every site</source>
        <translation>留空：所有机房</translation>
    </message>
    <message>
        <source>names of secrets the agents hold, comma-separated</source>
        <translation>代理持有的密钥名称，以逗号分隔</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>新建规则</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Governance hint</source>
        <translation>治理建议</translation>
    </message>
    <message>
        <source>Risk scenario</source>
        <translation>风险场景</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Check (JSON)</source>
        <translation>检查项（JSON）</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>机房：</translation>
    </message>
    <message>
        <source>Starter library</source>
        <translation>内置规则库</translation>
    </message>
    <message>
        <source>This console</source>
        <translation>本控制台</translation>
    </message>
    <message>
        <source>check: not a JSON object (%1)</source>
        <translation>检查项：不是 JSON 对象（%1）</translation>
    </message>
    <message>
        <source>Running at %1…</source>
        <translation>正在 %1 运行…</translation>
    </message>
    <message>
        <source>Import inspection rules</source>
        <translation>导入巡检规则</translation>
    </message>
    <message>
        <source>Inspection rules (*.json)</source>
        <translation>巡检规则 (*.json)</translation>
    </message>
    <message>
        <source>Export inspection rules</source>
        <translation>导出巡检规则</translation>
    </message>
</context>
<context>
    <name>Haven::InspectionService</name>
    <message>
        <source>The local database cannot be used, so this is kept in memory only until Haven closes.</source>
        <translation>本地数据库无法使用，因此此项仅保存在内存中，直到 Haven 关闭。</translation>
    </message>
    <message>
        <source>The rule was not saved: %1.</source>
        <translation>规则未保存：%1。</translation>
    </message>
    <message>
        <source>The rule could not be saved (%1); nothing changed.</source>
        <translation>无法保存规则（%1）；未做任何更改。</translation>
    </message>
    <message>
        <source>Saved the rule &quot;%1&quot;.</source>
        <translation>已保存规则“%1”。</translation>
    </message>
    <message>
        <source>The rule is used by %1; remove it from those tasks first.</source>
        <translation>该规则正被 %1 使用；请先从这些巡检任务中移除。</translation>
    </message>
    <message>
        <source>Built-in rules cannot be deleted; they run only where a task uses them.</source>
        <translation>内置规则不能删除；只有巡检任务使用它们时才会运行。</translation>
    </message>
    <message>
        <source>The rule could not be deleted (%1).</source>
        <translation>无法删除规则（%1）。</translation>
    </message>
    <message>
        <source>Deleted the rule.</source>
        <translation>已删除规则。</translation>
    </message>
    <message>
        <source>The task names the rule &quot;%1&quot;, which does not exist.</source>
        <translation>巡检任务引用的规则“%1”不存在。</translation>
    </message>
    <message>
        <source>The task was not saved: %1.</source>
        <translation>巡检任务未保存：%1。</translation>
    </message>
    <message>
        <source>The task could not be saved (%1); nothing changed.</source>
        <translation>无法保存巡检任务（%1）；未做任何更改。</translation>
    </message>
    <message numerus="yes">
        <source>Saved the task &quot;%1&quot;; it goes to %n site(s).</source>
        <translation>
            <numerusform>已保存巡检任务“%1”；将下发到 %n 个机房。</numerusform>
        </translation>
    </message>
    <message>
        <source>The task could not be deleted (%1).</source>
        <translation>无法删除巡检任务（%1）。</translation>
    </message>
    <message>
        <source>Deleted the task; the agents stop running it. Its reports stay.</source>
        <translation>已删除巡检任务；代理将停止运行它。其巡检报告会保留。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2. Nothing was imported.</source>
        <translation>无法读取 %1：%2。未导入任何内容。</translation>
    </message>
    <message>
        <source>The file was not imported: %1. Nothing was imported; fix that field and import again.</source>
        <translation>文件未导入：%1。未导入任何内容；请修正该字段后重新导入。</translation>
    </message>
    <message>
        <source>The file could not be stored (%1); nothing was imported.</source>
        <translation>无法存储该文件（%1）；未导入任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n rule(s)</source>
        <translation>
            <numerusform>已导入 %n 条规则</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s).</source>
        <translation>
            <numerusform>%n 个巡检任务。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 could not be written: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n rule(s).</source>
        <translation>
            <numerusform>已导出 %n 条规则。</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no task &quot;%1&quot;.</source>
        <translation>没有巡检任务“%1”。</translation>
    </message>
    <message>
        <source>No site holds a target of &quot;%1&quot;; check its targets and the sites&apos; topology.</source>
        <translation>没有机房持有“%1”的任何目标；请检查其目标和各机房的拓扑。</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; runs now at %n site(s); its reports arrive as the agents finish.</source>
        <translation>
            <numerusform>“%1”正在 %n 个机房运行；代理完成后巡检报告将陆续到达。</numerusform>
        </translation>
    </message>
    <message>
        <source>The risk&apos;s state could not be changed (%1).</source>
        <translation>无法更改风险的状态（%1）。</translation>
    </message>
</context>
<context>
    <name>Haven::InspectionSync</name>
    <message>
        <source>%1 has no token yet; the task goes there once it is connected.</source>
        <translation>%1 尚无令牌；连接后巡检任务将下发到该处。</translation>
    </message>
    <message>
        <source>%1 is not connected.</source>
        <translation>%1 未连接。</translation>
    </message>
    <message>
        <source>The agent&apos;s answer cannot be read: %1</source>
        <translation>无法读取代理的应答：%1</translation>
    </message>
    <message>
        <source>%1 sent a run history that cannot be read (%2); nothing of it was kept. Check that the agent is up to date.</source>
        <translation>%1 发送的运行历史无法读取（%2）；其中内容均未保存。请确认代理为最新版本。</translation>
    </message>
    <message>
        <source>The runs of %1 could not be stored (%2).</source>
        <translation>无法存储 %1 的运行记录（%2）。</translation>
    </message>
</context>
<context>
    <name>Haven::InspectionTasksPage</name>
    <message>
        <source>Only between</source>
        <translation>仅限时段</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>巡检任务</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>At the agents</source>
        <translation>已下发到代理</translation>
    </message>
    <message>
        <source>Every N minutes</source>
        <translation>每 N 分钟</translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation>Cron 表达式</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新建巡检任务</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>立即运行</translation>
    </message>
    <message>
        <source>Save and push</source>
        <translation>保存并下发</translation>
    </message>
    <message>
        <source>and</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <source>Checks at once</source>
        <translation>并发检查数</translation>
    </message>
    <message>
        <source>Failures before a hard problem</source>
        <translation>判定为确认异常前的失败次数</translation>
    </message>
    <message>
        <source>Successes before it clears</source>
        <translation>恢复正常前的成功次数</translation>
    </message>
    <message>
        <source>Send digests to</source>
        <translation>摘要发送至</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s)</source>
        <translation>
            <numerusform>%n 个机房</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Haven::InspectionsFeature</name>
    <message>
        <source>Inspection center</source>
        <translation>巡检中心</translation>
    </message>
</context>
<context>
    <name>Haven::InspectionsPage</name>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Tasks and schedules</source>
        <translation>任务与调度</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>巡检报告</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
</context>
<context>
    <name>Haven::LayerCellItem</name>
    <message>
        <source>of %1</source>
        <translation>共 %1</translation>
    </message>
    <message>
        <source>1 alert</source>
        <translation>1 条告警</translation>
    </message>
    <message>
        <source>%1 alerts</source>
        <translation>%1 条告警</translation>
    </message>
    <message>
        <source>Watermark</source>
        <translation>水位</translation>
    </message>
</context>
<context>
    <name>Haven::MainWindow</name>
    <message>
        <source>Haven — disaster recovery console</source>
        <translation>Haven — 容灾控制台</translation>
    </message>
    <message>
        <source>%1 of %2 sites answering · %3 components</source>
        <translation>%2 个机房中 %1 个有应答 · %3 个组件</translation>
    </message>
</context>
<context>
    <name>Haven::MetricPlot</name>
    <message>
        <source>15 min</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>6 h</source>
        <translation>6 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation>显示最近 %1</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>30 d</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>Loading the trend…</source>
        <translation>正在加载趋势…</translation>
    </message>
</context>
<context>
    <name>Haven::ModeController</name>
    <message>
        <source>last known state shown, up to %1 old</source>
        <translation>显示的是最后已知状态，数据最久已滞后 %1</translation>
    </message>
    <message>
        <source>no state known yet</source>
        <translation>尚无已知状态</translation>
    </message>
    <message>
        <source>Degraded mode: no site answers (%1); %2. Plans can still be edited.</source>
        <translation>降级模式：所有机房均无应答（%1）；%2。预案仍可编辑。</translation>
    </message>
    <message>
        <source>Degraded mode: %1 of %2 sites do not answer (%3); %4. The other sites are used as usual.</source>
        <translation>降级模式：%2 个机房中有 %1 个无应答（%3）；%4。其他机房照常使用。</translation>
    </message>
    <message>
        <source>The local database is not in use: %1 Haven runs in memory; what changes now is lost when it closes.</source>
        <translation>本地数据库未在使用：%1 Haven 正在内存中运行；现在所做的更改将在关闭时丢失。</translation>
    </message>
</context>
<context>
    <name>Haven::MoveStepsCommand</name>
    <message numerus="yes">
        <source>Move %n step(s)</source>
        <translation>
            <numerusform>移动 %n 个步骤</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Haven::PassRateTrend</name>
    <message>
        <source>Pass rate (%)</source>
        <translation>通过率（%）</translation>
    </message>
    <message>
        <source>No reports yet</source>
        <translation>尚无巡检报告</translation>
    </message>
</context>
<context>
    <name>Haven::PasteCommand</name>
    <message numerus="yes">
        <source>Paste %n step(s)</source>
        <translation>
            <numerusform>粘贴 %n 个步骤</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Haven::Plan</name>
    <message>
        <source>the step&apos;s product group</source>
        <translation>该步骤的产品组</translation>
    </message>
    <message>
        <source>%1 (%2 layer)</source>
        <translation>%1（%2层）</translation>
    </message>
    <message>
        <source>replication lag of %1 below %2 s</source>
        <translation>%1 的数据同步延迟低于 %2 秒</translation>
    </message>
    <message>
        <source>capacity of %1 below %2 %</source>
        <translation>%1 的水位低于 %2%</translation>
    </message>
    <message>
        <source>components of %1 ok or warning</source>
        <translation>%1 的组件正常或告警</translation>
    </message>
    <message>
        <source>components of %1 ok</source>
        <translation>%1 的组件正常</translation>
    </message>
    <message>
        <source>%1 is broken</source>
        <translation>%1 已中断</translation>
    </message>
    <message>
        <source>%1 lags %2 s</source>
        <translation>%1 延迟 %2 秒</translation>
    </message>
    <message>
        <source>%1 at %2 %</source>
        <translation>%1 水位 %2%</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 状态为 %2</translation>
    </message>
    <message>
        <source>Guard &quot;%1&quot; cannot be checked: nothing at the target sites matches it.</source>
        <translation>守护条件“%1”无法检查：目标机房中没有与之匹配的对象。</translation>
    </message>
    <message numerus="yes">
        <source>Guard &quot;%1&quot; holds (%n checked).</source>
        <translation>
            <numerusform>守护条件“%1”成立（已检查 %n 项）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Guard &quot;%1&quot; does not hold: %2.</source>
        <translation>守护条件“%1”不成立：%2。</translation>
    </message>
    <message numerus="yes">
        <source>The plan has %n error(s) and stays as it is; fix them first: %1</source>
        <translation>
            <numerusform>预案有 %n 个错误，状态保持不变；请先修正：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Both ends of a dependency must be steps of this plan.</source>
        <translation>依赖的两端都必须是本预案中的步骤。</translation>
    </message>
    <message>
        <source>A step cannot depend on itself.</source>
        <translation>步骤不能依赖自身。</translation>
    </message>
    <message>
        <source>Steps of the switchover and of the recovery cannot be connected: each phase runs on its own.</source>
        <translation>容灾切换与容灾恢复的步骤不能相连：每个阶段独立运行。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; already runs before &quot;%2&quot;.</source>
        <translation>“%1”已在“%2”之前运行。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; already runs after &quot;%2&quot;; this dependency would make a cycle.</source>
        <translation>“%1”已在“%2”之后运行；此依赖会形成环。</translation>
    </message>
    <message>
        <source>the failed site</source>
        <translation>故障机房</translation>
    </message>
    <message>
        <source>the emergency site</source>
        <translation>应急机房</translation>
    </message>
    <message>
        <source>every site</source>
        <translation>所有机房</translation>
    </message>
    <message>
        <source>site %1</source>
        <translation>机房 %1</translation>
    </message>
    <message>
        <source>step %1 &quot;%2&quot;</source>
        <translation>步骤 %1“%2”</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>operation</source>
        <translation>步骤操作码</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>product group</source>
        <translation>产品组</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 attempts, backoff %2 s ×%3</source>
        <translation>%1 次尝试，退避 %2 秒 ×%3</translation>
    </message>
    <message>
        <source>retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>on failure</source>
        <translation>失败时</translation>
    </message>
    <message>
        <source>approval gate added</source>
        <translation>已添加人工审批</translation>
    </message>
    <message>
        <source>approval gate removed</source>
        <translation>已移除人工审批</translation>
    </message>
    <message>
        <source>approval prompt</source>
        <translation>审批提示</translation>
    </message>
    <message>
        <source>guard</source>
        <translation>守护条件</translation>
    </message>
    <message>
        <source>notes changed</source>
        <translation>备注已修改</translation>
    </message>
    <message>
        <source>Plan %1: %2 → %3</source>
        <translation>预案%1：%2 → %3</translation>
    </message>
    <message>
        <source>Plan description changed.</source>
        <translation>预案描述已修改。</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>RTO</source>
        <translation>RTO</translation>
    </message>
    <message>
        <source>RPO</source>
        <translation>RPO</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>步骤 %1</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>新增%1（%2）。</translation>
    </message>
    <message>
        <source>Changed %1: %2.</source>
        <translation>修改%1：%2。</translation>
    </message>
    <message>
        <source>Removed %1 (%2).</source>
        <translation>删除%1（%2）。</translation>
    </message>
    <message>
        <source>Added dependency: %1 → %2.</source>
        <translation>新增依赖：%1 → %2。</translation>
    </message>
    <message>
        <source>Removed dependency: %1 → %2.</source>
        <translation>删除依赖：%1 → %2。</translation>
    </message>
</context>
<context>
    <name>Haven::PlanCenterPage</name>
    <message>
        <source>Save plan</source>
        <translation>保存预案</translation>
    </message>
    <message>
        <source>What changed in this version?</source>
        <translation>此版本修改了什么？</translation>
    </message>
    <message>
        <source>Plan center</source>
        <translation>容灾预案中心</translation>
    </message>
    <message>
        <source>Blank %1</source>
        <translation>空白%1</translation>
    </message>
    <message>
        <source>From template: %1</source>
        <translation>从模板创建：%1</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>新建预案</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Clone</source>
        <translation>克隆</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Change state</source>
        <translation>变更状态</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史版本</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import plan</source>
        <translation>导入预案</translation>
    </message>
    <message>
        <source>Haven plans (*.json);;All files (*)</source>
        <translation>Haven 预案 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export plan</source>
        <translation>导出预案</translation>
    </message>
    <message>
        <source>Haven plans (*.json)</source>
        <translation>Haven 预案 (*.json)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>RTO</source>
        <translation>RTO</translation>
    </message>
    <message>
        <source>RPO</source>
        <translation>RPO</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤数</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>The cached copy of this plan cannot be read.</source>
        <translation>无法读取此预案的本地缓存。</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <source>Delete plan</source>
        <translation>删除预案</translation>
    </message>
    <message>
        <source>Delete the plan &quot;%1&quot;?</source>
        <translation>删除预案“%1”？</translation>
    </message>
    <message numerus="yes">
        <source>This cannot be undone: the plan and its %n saved version(s) are removed from this console. Export it first if you may need it again.</source>
        <translation>
            <numerusform>此操作不可撤销：预案及其 %n 个已保存版本将从本控制台删除。如果以后可能还需要，请先导出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has unsaved changes. Save them as a new version?</source>
        <translation>“%1”有未保存的修改。是否保存为新版本？</translation>
    </message>
    <message>
        <source>History of &quot;%1&quot;</source>
        <translation>“%1”的历史版本</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Working copy</source>
        <translation>当前工作副本</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Differences from</source>
        <translation>差异：从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Run plan…</source>
        <translation>执行预案…</translation>
    </message>
    <message>
        <source>Fill in an execution ticket for the selected plan (effective plans only).</source>
        <translation>为所选预案填写预案执行单（仅限已生效的预案）。</translation>
    </message>
</context>
<context>
    <name>Haven::PlanEditorPage</name>
    <message>
        <source>← Plans</source>
        <translation>← 预案列表</translation>
    </message>
    <message>
        <source>Back to the plan list</source>
        <translation>返回预案列表</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Check the plan against the operation catalog now</source>
        <translation>立即按步骤目录校验预案</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the plan as a new version (Ctrl+S)</source>
        <translation>将预案保存为新版本（Ctrl+S）</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>✔ Valid</source>
        <translation>✔ 校验通过</translation>
    </message>
    <message>
        <source>No findings: the plan validates against the operation catalog.</source>
        <translation>没有问题：预案按步骤目录校验通过。</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
</context>
<context>
    <name>Haven::PlanFormat</name>
    <message>
        <source>This is not a Haven plan file (&quot;format&quot; is &quot;%1&quot;, expected &quot;%2&quot;).</source>
        <translation>这不是 Haven 预案文件（“format”为“%1”，应为“%2”）。</translation>
    </message>
    <message>
        <source>The file has no valid format version.</source>
        <translation>文件没有有效的格式版本。</translation>
    </message>
    <message>
        <source>The file uses plan format version %1; this Haven reads version %2 and older. Update Haven to import it; nothing was imported.</source>
        <translation>文件使用预案格式版本 %1；此 Haven 只能读取版本 %2 及更早版本。请升级 Haven 后再导入；未导入任何内容。</translation>
    </message>
    <message>
        <source>The file&apos;s structure is invalid: %1.</source>
        <translation>文件结构无效：%1。</translation>
    </message>
    <message>
        <source>The file&apos;s structure is invalid: %1: expected an object.</source>
        <translation>文件结构无效：%1：应为对象。</translation>
    </message>
    <message>
        <source>The file&apos;s structure is invalid: %1.%2</source>
        <translation>文件结构无效：%1.%2</translation>
    </message>
    <message>
        <source>The file&apos;s structure is invalid: %1.id: step id %2 is used twice.</source>
        <translation>文件结构无效：%1.id：步骤编号 %2 重复使用。</translation>
    </message>
    <message>
        <source>The file is not valid JSON: %1 at line %2, column %3 (offset %4). Nothing was imported.</source>
        <translation>文件不是有效的 JSON：第 %2 行第 %3 列（偏移 %4）处%1。未导入任何内容。</translation>
    </message>
    <message>
        <source>The file is not a Haven plan: it holds no JSON object. Nothing was imported.</source>
        <translation>文件不是 Haven 预案：其中没有 JSON 对象。未导入任何内容。</translation>
    </message>
    <message>
        <source>The plan uses operations that no site offers: %1. It can be opened as a draft, but it cannot become effective until those steps are changed or a site offers them.</source>
        <translation>预案使用了没有任何机房提供的步骤操作码：%1。可以作为草稿打开，但在修改这些步骤或有机房提供这些操作之前，预案不能生效。</translation>
    </message>
</context>
<context>
    <name>Haven::PlanGraphScene</name>
    <message>
        <source>(unnamed step)</source>
        <translation>（未命名步骤）</translation>
    </message>
    <message>
        <source>no operation code</source>
        <translation>无步骤操作码</translation>
    </message>
    <message>
        <source>↻ ×%1</source>
        <translation>↻ ×%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; runs after &quot;%2&quot; has finished</source>
        <translation>“%2”完成后执行“%1”</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>Cannot paste: %1</source>
        <translation>无法粘贴：%1</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Guard</source>
        <translation>守卫条件</translation>
    </message>
    <message>
        <source>Pause on failure</source>
        <translation>失败时暂停</translation>
    </message>
    <message>
        <source>Continue on failure</source>
        <translation>失败时继续</translation>
    </message>
</context>
<context>
    <name>Haven::PlanGraphView</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Arrange automatically</source>
        <translation>自动布局</translation>
    </message>
    <message>
        <source>Zoom to show the whole phase (F)</source>
        <translation>缩放以显示整个阶段（F）</translation>
    </message>
    <message>
        <source>Arrange the steps in layers along their dependencies (L)</source>
        <translation>按依赖关系分层排列步骤（L）</translation>
    </message>
</context>
<context>
    <name>Haven::PlanLibrary</name>
    <message>
        <source>No differences.</source>
        <translation>没有差异。</translation>
    </message>
    <message>
        <source>a draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>effective</source>
        <translation>生效</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>The local database cannot be used, so this change is kept in memory only and is lost when Haven closes; export the plan to keep it.</source>
        <translation>本地数据库无法使用，此更改仅保存在内存中，Haven 关闭后即丢失；请导出预案以保留它。</translation>
    </message>
    <message>
        <source>The plan &quot;%1&quot; could not be saved (%2); nothing was created.</source>
        <translation>预案“%1”无法保存（%2）；未创建任何内容。</translation>
    </message>
    <message>
        <source>Check the local database, then try again.</source>
        <translation>请检查本地数据库后重试。</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>新建预案</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Created &quot;%1&quot;.</source>
        <translation>已创建“%1”。</translation>
    </message>
    <message>
        <source>Created from the template &quot;%1&quot;</source>
        <translation>由模板“%1”创建</translation>
    </message>
    <message>
        <source>Created &quot;%1&quot; from the template &quot;%2&quot;.</source>
        <translation>已由模板“%2”创建“%1”。</translation>
    </message>
    <message>
        <source>The plan to clone is no longer here or cannot be read; nothing was created.</source>
        <translation>要克隆的预案已不存在或无法读取；未创建任何内容。</translation>
    </message>
    <message>
        <source>Reload the list and choose the plan again.</source>
        <translation>请刷新列表后重新选择预案。</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Cloned from &quot;%1&quot;</source>
        <translation>克隆自“%1”</translation>
    </message>
    <message>
        <source>Cloned &quot;%1&quot; as &quot;%2&quot; (a draft).</source>
        <translation>已将“%1”克隆为“%2”（草稿）。</translation>
    </message>
    <message>
        <source>The plan &quot;%1&quot; is no longer in the library (deleted meanwhile?), so this version was not saved; the editor still holds your changes.</source>
        <translation>预案“%1”已不在预案库中（可能已被删除），因此未保存此版本；编辑器中仍保留您的更改。</translation>
    </message>
    <message>
        <source>Export the plan to a file, then import it to keep them.</source>
        <translation>请将预案导出到文件，再导入以保留这些更改。</translation>
    </message>
    <message>
        <source>It has validation errors, so it is a draft again.</source>
        <translation>它存在校验错误，因此已恢复为草稿。</translation>
    </message>
    <message>
        <source>The plan &quot;%1&quot; could not be saved (%2); the last saved version is kept and the editor still holds your changes.</source>
        <translation>预案“%1”无法保存（%2）；保留上次保存的版本，编辑器中仍保留您的更改。</translation>
    </message>
    <message>
        <source>Check the local database, then save again.</source>
        <translation>请检查本地数据库后再次保存。</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot; as version %2.</source>
        <translation>已将“%1”保存为第 %2 版。</translation>
    </message>
    <message>
        <source>The plan is no longer here or cannot be read; its state was not changed.</source>
        <translation>该预案已不存在或无法读取；其状态未改变。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already %2.</source>
        <translation>“%1”已是%2状态。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot become effective: %2
Fix the findings in the editor, then try again.</source>
        <translation>“%1”无法生效：%2
请在编辑器中修复问题后重试。</translation>
    </message>
    <message>
        <source>The state of &quot;%1&quot; could not be saved (%2); it stays %3.</source>
        <translation>“%1”的状态无法保存（%2）；仍为%3状态。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is now %2.</source>
        <translation>“%1”现在为%2状态。</translation>
    </message>
    <message>
        <source>The plan is no longer here or cannot be read; nothing was deleted.</source>
        <translation>该预案已不存在或无法读取；未删除任何内容。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not deleted: deleting a plan cannot be undone, so it needs the plan&apos;s name as confirmation.</source>
        <translation>“%1”未删除：删除预案不可撤销，因此需要输入预案名称进行确认。</translation>
    </message>
    <message>
        <source>The plan &quot;%1&quot; could not be deleted (%2); it is kept as it was.</source>
        <translation>预案“%1”无法删除（%2）；保持原样。</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>Cannot read %1 (%2); nothing was imported.</source>
        <translation>无法读取 %1（%2）；未导入任何内容。</translation>
    </message>
    <message>
        <source>Check the file&apos;s name and permissions.</source>
        <translation>请检查文件名和权限。</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>%1 未导入：%2</translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation>从 %1 导入</translation>
    </message>
    <message>
        <source>Imported &quot;%1&quot; as a draft.</source>
        <translation>已将“%1”导入为草稿。</translation>
    </message>
    <message>
        <source>The plan is no longer here or cannot be read; nothing was exported.</source>
        <translation>该预案已不存在或无法读取；未导出任何内容。</translation>
    </message>
    <message>
        <source>Cannot write %1 (%2); the plan was not exported.</source>
        <translation>无法写入 %1（%2）；预案未导出。</translation>
    </message>
    <message>
        <source>Choose another place, or check the folder&apos;s permissions and free space.</source>
        <translation>请选择其他位置，或检查文件夹的权限和剩余空间。</translation>
    </message>
    <message>
        <source>Exported &quot;%1&quot; to %2.</source>
        <translation>已将“%1”导出到 %2。</translation>
    </message>
</context>
<context>
    <name>Haven::PlanOverview</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>全局缩略图：单击或拖动以移动视图</translation>
    </message>
</context>
<context>
    <name>Haven::PlanPalette</name>
    <message>
        <source>Operations</source>
        <translation>步骤操作</translation>
    </message>
    <message>
        <source>Search operations</source>
        <translation>搜索步骤操作</translation>
    </message>
    <message>
        <source>Drag an operation onto the canvas, or double-click it.</source>
        <translation>将步骤操作拖到画布上，或双击添加。</translation>
    </message>
</context>
<context>
    <name>Haven::PlanPropertyPanel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Operation code</source>
        <translation>步骤操作码</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>执行位置</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>site id, e.g. sh-a</source>
        <translation>机房 ID，例如 sh-a</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Product group</source>
        <translation>产品组</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>执行</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Attempts in all, the first try included (1 = no retry)</source>
        <translation>总尝试次数，含首次（1 = 不重试）</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Wait before the first retry; doubles for each further retry</source>
        <translation>首次重试前的等待时间；之后每次重试加倍</translation>
    </message>
    <message>
        <source>Retry after</source>
        <translation>重试间隔</translation>
    </message>
    <message>
        <source>On failure</source>
        <translation>失败处理</translation>
    </message>
    <message>
        <source>Approval and guard</source>
        <translation>审批与守卫条件</translation>
    </message>
    <message>
        <source>An operator approves before the step starts</source>
        <translation>步骤开始前需操作员审批</translation>
    </message>
    <message>
        <source>What the approver should check</source>
        <translation>审批人应确认的内容</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Check a condition just before the step starts</source>
        <translation>步骤开始前检查守卫条件</translation>
    </message>
    <message>
        <source>Guard</source>
        <translation>守卫条件</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>optional: one component id</source>
        <translation>可选：组件 ID</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>For the operators who run the plan</source>
        <translation>写给执行预案的操作员</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Recovery time objective: the downtime tolerated</source>
        <translation>恢复时间目标：可容忍的停机时间</translation>
    </message>
    <message>
        <source>Recovery point objective: the data loss tolerated</source>
        <translation>恢复点目标：可容忍的数据丢失</translation>
    </message>
    <message>
        <source>RTO</source>
        <translation>RTO</translation>
    </message>
    <message>
        <source>RPO</source>
        <translation>RPO</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Step %1 · %2</source>
        <translation>步骤 %1 · %2</translation>
    </message>
    <message>
        <source>%1 (not in the catalog)</source>
        <translation>%1（不在步骤目录中）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No site offers this operation.</source>
        <translation>没有机房提供此步骤操作。</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Choose an operation from the catalog to edit its parameters.</source>
        <translation>从步骤目录中选择步骤操作后即可编辑参数。</translation>
    </message>
    <message>
        <source>This operation takes no parameters.</source>
        <translation>此步骤操作没有参数。</translation>
    </message>
    <message>
        <source>— not set —</source>
        <translation>— 未设置 —</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>Plan · %1</source>
        <translation>预案 · %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n step(s)</source>
        <translation>
            <numerusform>%1：%n 个步骤</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a step on the canvas to edit it.</source>
        <translation>在画布上选择步骤即可编辑。</translation>
    </message>
    <message>
        <source>✔ The plan validates.</source>
        <translation>✔ 预案校验通过。</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 另有 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Haven::PlanTemplates</name>
    <message>
        <source>Same-city active-active</source>
        <translation>同城双活</translation>
    </message>
    <message>
        <source>Two sites in one city both serve traffic. The survivor takes the failed site&apos;s share, promotes its databases and storage; recovery hands everything back.</source>
        <translation>同城两个机房同时承载流量。存活机房接管故障机房的流量份额，提升其数据库和存储为主；容灾恢复时全部交还。</translation>
    </message>
    <message>
        <source>Remote active-standby</source>
        <translation>异地主备</translation>
    </message>
    <message>
        <source>A remote standby site takes over: fence the failed site, wait for replication, promote, start the applications and open traffic; recovery moves everything back.</source>
        <translation>异地备用机房接管：隔离故障机房，等待数据同步，提升为主，启动应用并开放流量；容灾恢复时全部迁回。</translation>
    </message>
    <message>
        <source>Two cities, three centers</source>
        <translation>两地三中心</translation>
    </message>
    <message>
        <source>The same-city standby takes over while the remote DR center is checked and its copy followed; recovery moves everything back.</source>
        <translation>同城备用机房接管，同时检查异地灾备中心并跟踪其数据副本；容灾恢复时全部迁回。</translation>
    </message>
    <message>
        <source>Unitized multi-active (LDC)</source>
        <translation>单元化多活（LDC）</translation>
    </message>
    <message>
        <source>Each product group is a unit served by several sites; the failed site&apos;s units move to the emergency sites after a capacity check; recovery returns them.</source>
        <translation>每个产品组是由多个机房承载的单元；经过水位检查后，故障机房的单元迁至应急机房；容灾恢复时迁回。</translation>
    </message>
    <message>
        <source>The failed site may be unreachable; the plan goes on without it. Fence it by hand once it is back if this step failed.</source>
        <translation>故障机房可能无法访问；预案将在没有它的情况下继续。如果此步骤失败，请在其恢复后手动隔离。</translation>
    </message>
    <message>
        <source>Check the emergency site</source>
        <translation>检查应急机房</translation>
    </message>
    <message>
        <source>Promote storage at the emergency site</source>
        <translation>在应急机房提升存储为主</translation>
    </message>
    <message>
        <source>Check business at the emergency site</source>
        <translation>检查应急机房的业务</translation>
    </message>
    <message>
        <source>Cut %1 traffic at the failed site</source>
        <translation>切断故障机房的 %1 流量</translation>
    </message>
    <message>
        <source>Cut all %1 traffic at the failed site? The emergency site takes it over.</source>
        <translation>切断故障机房的全部 %1 流量？应急机房将接管。</translation>
    </message>
    <message>
        <source>Wait for %1 replication</source>
        <translation>等待 %1 数据同步</translation>
    </message>
    <message>
        <source>Promote %1 database at the emergency site</source>
        <translation>在应急机房提升 %1 数据库为主</translation>
    </message>
    <message>
        <source>Restart %1 applications at the emergency site</source>
        <translation>重启应急机房的 %1 应用</translation>
    </message>
    <message>
        <source>Check %1 at the emergency site</source>
        <translation>检查应急机房的 %1</translation>
    </message>
    <message>
        <source>Check the repaired site</source>
        <translation>检查已修复的机房</translation>
    </message>
    <message>
        <source>Demote storage at the emergency site</source>
        <translation>在应急机房将存储降为备</translation>
    </message>
    <message>
        <source>Check every site</source>
        <translation>检查所有机房</translation>
    </message>
    <message>
        <source>Wait for %1 replication to the repaired site</source>
        <translation>等待 %1 数据同步到已修复的机房</translation>
    </message>
    <message>
        <source>Demote %1 database at the emergency site</source>
        <translation>在应急机房将 %1 数据库降为备</translation>
    </message>
    <message>
        <source>Hand the %1 database back to the repaired site?</source>
        <translation>将 %1 数据库交还给已修复的机房？</translation>
    </message>
    <message>
        <source>Promote %1 database at the repaired site</source>
        <translation>在已修复的机房提升 %1 数据库为主</translation>
    </message>
    <message>
        <source>Restore %1 traffic at the repaired site</source>
        <translation>恢复已修复机房的 %1 流量</translation>
    </message>
    <message>
        <source>Check %1 at the repaired site</source>
        <translation>检查已修复机房的 %1</translation>
    </message>
    <message>
        <source>Check the remote DR center</source>
        <translation>检查异地灾备中心</translation>
    </message>
    <message>
        <source>Demote storage at the failed site</source>
        <translation>在故障机房将存储降为备</translation>
    </message>
    <message>
        <source>Declare the failed site lost for %1 and cut its traffic?</source>
        <translation>宣告故障机房的 %1 不可用并切断其流量？</translation>
    </message>
    <message>
        <source>Stop %1 applications at the failed site</source>
        <translation>停止故障机房的 %1 应用</translation>
    </message>
    <message>
        <source>Demote %1 database at the failed site</source>
        <translation>在故障机房将 %1 数据库降为备</translation>
    </message>
    <message>
        <source>Start %1 applications at the emergency site</source>
        <translation>启动应急机房的 %1 应用</translation>
    </message>
    <message>
        <source>Open %1 traffic at the emergency site</source>
        <translation>开放应急机房的 %1 流量</translation>
    </message>
    <message>
        <source>Open %1 traffic at the emergency site?</source>
        <translation>开放应急机房的 %1 流量？</translation>
    </message>
    <message>
        <source>Wait for the remote copy of %1</source>
        <translation>等待 %1 的异地副本</translation>
    </message>
    <message>
        <source>The third copy may catch up later; the business is already back.</source>
        <translation>第三份副本可以稍后追平；业务已经恢复。</translation>
    </message>
    <message>
        <source>Promote storage at the repaired site</source>
        <translation>在已修复的机房提升存储为主</translation>
    </message>
    <message>
        <source>Cut %1 traffic at the emergency site</source>
        <translation>切断应急机房的 %1 流量</translation>
    </message>
    <message>
        <source>Start moving %1 back: cut its traffic at the emergency site?</source>
        <translation>开始迁回 %1：切断应急机房的流量？</translation>
    </message>
    <message>
        <source>Stop %1 applications at the emergency site</source>
        <translation>停止应急机房的 %1 应用</translation>
    </message>
    <message>
        <source>Start %1 applications at the repaired site</source>
        <translation>启动已修复机房的 %1 应用</translation>
    </message>
    <message>
        <source>Check the emergency sites</source>
        <translation>检查应急机房</translation>
    </message>
    <message>
        <source>The failed site is expected to fail this check.</source>
        <translation>故障机房预计无法通过此检查。</translation>
    </message>
    <message>
        <source>Check %1 unit health at the emergency sites</source>
        <translation>检查应急机房 %1 单元的健康状况</translation>
    </message>
    <message>
        <source>Move %1 units away from the failed site</source>
        <translation>将 %1 单元迁出故障机房</translation>
    </message>
    <message>
        <source>Route the failed site&apos;s %1 units to the emergency sites?</source>
        <translation>将故障机房的 %1 单元路由到应急机房？</translation>
    </message>
    <message>
        <source>Wait for %1 unit data</source>
        <translation>等待 %1 单元数据</translation>
    </message>
    <message>
        <source>Take over %1 unit data at the emergency sites</source>
        <translation>在应急机房接管 %1 单元数据</translation>
    </message>
    <message>
        <source>Restart %1 unit applications</source>
        <translation>重启 %1 单元应用</translation>
    </message>
    <message>
        <source>Check %1 units at the emergency sites</source>
        <translation>检查应急机房的 %1 单元</translation>
    </message>
    <message>
        <source>Wait for %1 unit data at the repaired site</source>
        <translation>等待已修复机房的 %1 单元数据</translation>
    </message>
    <message>
        <source>Give back %1 unit data at the emergency sites</source>
        <translation>在应急机房交还 %1 单元数据</translation>
    </message>
    <message>
        <source>Return the %1 units to the repaired site?</source>
        <translation>将 %1 单元交还给已修复的机房？</translation>
    </message>
    <message>
        <source>Take back %1 unit data at the repaired site</source>
        <translation>在已修复的机房收回 %1 单元数据</translation>
    </message>
    <message>
        <source>Route %1 units back to the repaired site</source>
        <translation>将 %1 单元路由回已修复的机房</translation>
    </message>
    <message>
        <source>Check %1 units at the repaired site</source>
        <translation>检查已修复机房的 %1 单元</translation>
    </message>
</context>
<context>
    <name>Haven::PlanText</name>
    <message>
        <source>DR plan</source>
        <translation>容灾预案</translation>
    </message>
    <message>
        <source>Emergency plan</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>故障演练</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>生效</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Switchover</source>
        <translation>容灾切换</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>容灾恢复</translation>
    </message>
    <message>
        <source>Failed site</source>
        <translation>故障机房</translation>
    </message>
    <message>
        <source>Emergency site</source>
        <translation>应急机房</translation>
    </message>
    <message>
        <source>Every site</source>
        <translation>所有机房</translation>
    </message>
    <message>
        <source>Named site</source>
        <translation>指定机房</translation>
    </message>
    <message>
        <source>Named site (none chosen)</source>
        <translation>指定机房（未选择）</translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation>机房 %1</translation>
    </message>
    <message>
        <source>Stop the plan</source>
        <translation>停止预案</translation>
    </message>
    <message>
        <source>Pause for the operator</source>
        <translation>暂停，等待操作员</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续执行</translation>
    </message>
    <message>
        <source>Replication lag below</source>
        <translation>同步延迟低于</translation>
    </message>
    <message>
        <source>Capacity below</source>
        <translation>容量水位低于</translation>
    </message>
    <message>
        <source>Components healthy</source>
        <translation>组件状态正常</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>Haven::PlanValidator</name>
    <message>
        <source>step %1</source>
        <translation>步骤 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>No operation catalog is cached yet, so the steps cannot be checked. Connect to a site once, then validate again.</source>
        <translation>尚未缓存步骤目录，无法检查步骤。请先连接一次机房，然后重新校验。</translation>
    </message>
    <message>
        <source>The switchover phase has no step.</source>
        <translation>容灾切换阶段没有步骤。</translation>
    </message>
    <message>
        <source>The recovery phase has no step.</source>
        <translation>容灾恢复阶段没有步骤。</translation>
    </message>
    <message>
        <source>Step %1 is in the recovery phase, but an emergency plan has only one phase.</source>
        <translation>步骤%1位于容灾恢复阶段，但应急预案只有一个阶段。</translation>
    </message>
    <message>
        <source>Step %1 has no name.</source>
        <translation>步骤 %1 没有名称。</translation>
    </message>
    <message>
        <source>Step %1 has no operation; choose one from the catalog.</source>
        <translation>步骤%1没有步骤操作码；请从目录中选择。</translation>
    </message>
    <message>
        <source>Step %1 uses operation &quot;%2&quot;, which no site offers.</source>
        <translation>步骤%1使用的操作“%2”没有任何机房提供。</translation>
    </message>
    <message>
        <source>Step %1 (%2): %3.</source>
        <translation>步骤%1（%2）：%3。</translation>
    </message>
    <message>
        <source>Step %1 is for product group &quot;%2&quot;, which no site knows (known: %3).</source>
        <translation>步骤%1的产品组“%2”没有任何机房知道（已知：%3）。</translation>
    </message>
    <message>
        <source>Step %1 is for product group &quot;%2&quot; but its parameters say &quot;%3&quot;.</source>
        <translation>步骤%1的产品组是“%2”，但其参数为“%3”。</translation>
    </message>
    <message>
        <source>Step %1 targets a named site but names none.</source>
        <translation>步骤%1的目标是指定机房，但未指定机房。</translation>
    </message>
    <message>
        <source>Step %1 has a timeout of %2 s; it must be at least 1 s.</source>
        <translation>步骤%1的超时为 %2 秒；至少应为 1 秒。</translation>
    </message>
    <message>
        <source>Step %1 has an invalid retry policy: at least 1 attempt, a backoff of 0 s or more and a multiplier of 1 or more.</source>
        <translation>步骤%1的重试策略无效：至少 1 次尝试，退避不小于 0 秒，倍数不小于 1。</translation>
    </message>
    <message>
        <source>the lag limit must be more than 0 s</source>
        <translation>延迟上限必须大于 0 秒</translation>
    </message>
    <message>
        <source>the capacity limit must be between 0 and 100 %</source>
        <translation>水位上限必须在 0 到 100% 之间</translation>
    </message>
    <message>
        <source>product group &quot;%1&quot; is unknown</source>
        <translation>产品组“%1”未知</translation>
    </message>
    <message>
        <source>only the storage and database layers replicate</source>
        <translation>只有存储层和数据库层有数据同步</translation>
    </message>
    <message>
        <source>The guard of step %1 is invalid: %2.</source>
        <translation>步骤%1的守护条件无效：%2。</translation>
    </message>
    <message>
        <source>The dependency %1 → %2 refers to a step that does not exist.</source>
        <translation>依赖 %1 → %2 指向不存在的步骤。</translation>
    </message>
    <message>
        <source>The dependency %1 → %2 appears twice.</source>
        <translation>依赖 %1 → %2 出现了两次。</translation>
    </message>
    <message>
        <source>The dependency %1 → %2 joins the switchover and the recovery phase; each phase runs on its own.</source>
        <translation>依赖 %1 → %2 连接了容灾切换和容灾恢复阶段；每个阶段独立运行。</translation>
    </message>
    <message>
        <source>These steps wait for each other in a cycle and can never run: %1.</source>
        <translation>这些步骤相互等待形成环，永远无法运行：%1。</translation>
    </message>
    <message>
        <source>Step %1 can never start: every path to it goes through a cycle.</source>
        <translation>步骤%1永远无法开始：到达它的每条路径都经过一个环。</translation>
    </message>
    <message>
        <source>Step %1 is not connected to any other step; it would start at once, in parallel with everything else.</source>
        <translation>步骤%1未与任何其他步骤相连；它会立即与其他所有步骤并行开始。</translation>
    </message>
    <message>
        <source>The recovery phase does not revert step %1: add &quot;%2&quot; on the same target.</source>
        <translation>容灾恢复阶段没有回退步骤%1：请在相同目标上添加“%2”。</translation>
    </message>
    <message>
        <source>The recovery phase does not revert step %1: add &quot;%2&quot; for product group %3 on the same target.</source>
        <translation>容灾恢复阶段没有回退步骤%1：请在相同目标上为产品组 %3 添加“%2”。</translation>
    </message>
</context>
<context>
    <name>Haven::PlansFeature</name>
    <message>
        <source>Plan center</source>
        <translation>容灾预案中心</translation>
    </message>
</context>
<context>
    <name>Haven::PreflightDialog</name>
    <message>
        <source>Inject the faults</source>
        <translation>注入故障</translation>
    </message>
    <message>
        <source>Preflight: %1</source>
        <translation>预检：%1</translation>
    </message>
    <message>
        <source>&lt;p&gt;Checking the drill against the live picture and asking its agents…&lt;/p&gt;</source>
        <translation>&lt;p&gt;正在根据实时状态检查故障演练，并询问其代理…&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Type the drill&apos;s name to confirm:</source>
        <translation>请输入故障演练的名称以确认：</translation>
    </message>
    <message>
        <source>Nothing will be injected:</source>
        <translation>不会注入任何故障：</translation>
    </message>
    <message>
        <source>Blast radius</source>
        <translation>影响范围</translation>
    </message>
    <message numerus="yes">
        <source>%n fault(s) at the agents</source>
        <translation>
            <numerusform>代理上的 %n 个故障</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n component(s) affected</source>
        <translation>
            <numerusform>%n 个组件受影响</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 % of its traffic is served where the faults hit</source>
        <translation>%1：%2 % 的流量由受故障影响的位置承载</translation>
    </message>
    <message>
        <source>%1 %2 at %3, from +%4 s for %5 s</source>
        <translation>%3 上的 %1 %2，从 +%4 秒开始，持续 %5 秒</translation>
    </message>
    <message>
        <source>(whole site)</source>
        <translation>（整个机房）</translation>
    </message>
    <message>
        <source>Checks that held</source>
        <translation>已通过的检查</translation>
    </message>
    <message>
        <source>Waiting for the agents…</source>
        <translation>正在等待代理…</translation>
    </message>
    <message>
        <source>Fix the problems above first.</source>
        <translation>请先解决上述问题。</translation>
    </message>
    <message>
        <source>The name does not match yet.</source>
        <translation>名称尚不匹配。</translation>
    </message>
    <message>
        <source>Ready: the faults are injected when you press the red button.</source>
        <translation>就绪：按下红色按钮即注入故障。</translation>
    </message>
</context>
<context>
    <name>Haven::PrometheusSource</name>
    <message>
        <source>the answer is not JSON (%1)</source>
        <translation>应答不是 JSON（%1）</translation>
    </message>
    <message>
        <source>Prometheus says: %1 (%2)</source>
        <translation>Prometheus 返回：%1（%2）</translation>
    </message>
    <message>
        <source>the answer is not a range of samples (resultType &quot;%1&quot;)</source>
        <translation>应答不是样本区间（resultType 为“%1”）</translation>
    </message>
    <message>
        <source>a sample is not [time, &quot;value&quot;]</source>
        <translation>样本不是 [time, &quot;value&quot;] 格式</translation>
    </message>
    <message>
        <source>Prometheus at %1 sent more than %2 MB; the trend is not shown. Ask for a shorter range.</source>
        <translation>%1 上的 Prometheus 返回的数据超过 %2 MB；不显示趋势。请查询更短的时间范围。</translation>
    </message>
    <message>
        <source>Prometheus at %1 could not be reached (%2); the trend is not shown. Check the region&apos;s Prometheus URL.</source>
        <translation>无法连接 %1 上的 Prometheus（%2）；不显示趋势。请检查地域的 Prometheus URL。</translation>
    </message>
    <message>
        <source>Prometheus at %1 refused the token (HTTP %2); check the region&apos;s Prometheus token.</source>
        <translation>%1 上的 Prometheus 拒绝了令牌（HTTP %2）；请检查地域的 Prometheus 令牌。</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Prometheus at %1 did not answer the query: %2</source>
        <translation>%1 上的 Prometheus 未响应查询：%2</translation>
    </message>
    <message>
        <source>%1 is not a metric the agents give Prometheus</source>
        <translation>%1 不是代理向 Prometheus 提供的指标</translation>
    </message>
    <message>
        <source>Prometheus at %1: %2</source>
        <translation>%1 上的 Prometheus：%2</translation>
    </message>
</context>
<context>
    <name>Haven::ReadinessPanel</name>
    <message>
        <source>Switchover readiness</source>
        <translation>容灾切换就绪度</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>可切换</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>有风险</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>不可切换</translation>
    </message>
    <message>
        <source>All checks pass</source>
        <translation>全部检查通过</translation>
    </message>
    <message>
        <source>%1: if %2 fails, switch over to %3</source>
        <translation>%1：若 %2 故障，切换至 %3</translation>
    </message>
    <message>
        <source>application cpu after the switchover: %1 %</source>
        <translation>切换后应用 CPU：%1 %</translation>
    </message>
    <message>
        <source>Other emergency sites:</source>
        <translation>其他应急机房：</translation>
    </message>
    <message>
        <source>Product group</source>
        <translation>产品组</translation>
    </message>
    <message>
        <source>No product group serves traffic yet</source>
        <translation>尚无产品组承载流量</translation>
    </message>
    <message>
        <source>%1 of %2 product groups can switch over wherever they fail</source>
        <translation>%2 个产品组中 %1 个在任一机房故障时均可切换</translation>
    </message>
    <message>
        <source>If %1 fails</source>
        <translation>若 %1 故障</translation>
    </message>
    <message>
        <source>— serves no traffic</source>
        <translation>— 未承载流量</translation>
    </message>
    <message>
        <source>All checks pass · cpu after the switchover %1 %</source>
        <translation>全部检查通过 · 切换后 CPU %1 %</translation>
    </message>
    <message>
        <source>%1 (+%2 more)</source>
        <translation>%1（另有 %2 项）</translation>
    </message>
</context>
<context>
    <name>Haven::ReadinessTracker</name>
    <message>
        <source>Threshold &quot;%1&quot; must be a number of at least 0.</source>
        <translation>阈值“%1”必须是不小于 0 的数字。</translation>
    </message>
    <message>
        <source>Threshold &quot;%1&quot; must not be above &quot;%2&quot;.</source>
        <translation>阈值“%1”不能高于“%2”。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2</source>
        <translation>%1 不是 JSON 对象：%2</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>data %1 s old</source>
        <translation>数据已过 %1 秒</translation>
    </message>
    <message>
        <source>data %1 min old</source>
        <translation>数据已过 %1 分钟</translation>
    </message>
    <message>
        <source>data %1 h old</source>
        <translation>数据已过 %1 小时</translation>
    </message>
    <message>
        <source>%1&apos;s agent does not answer (%2)</source>
        <translation>%1 的代理无响应（%2）</translation>
    </message>
    <message>
        <source>The console is still connecting to %1&apos;s agent</source>
        <translation>控制台仍在连接 %1 的代理</translation>
    </message>
    <message>
        <source>%1&apos;s agent answers slowly</source>
        <translation>%1 的代理响应缓慢</translation>
    </message>
    <message>
        <source>%1&apos;s figures come from the local cache (%2)</source>
        <translation>%1 的数据来自本地缓存（%2）</translation>
    </message>
    <message>
        <source>%1&apos;s figures are out of date (%2)</source>
        <translation>%1 的数据已过时（%2）</translation>
    </message>
    <message>
        <source>%1&apos;s figures are its last known ones (%2)</source>
        <translation>%1 的数据为最后已知值（%2）</translation>
    </message>
    <message>
        <source>%1 runs no %2 components</source>
        <translation>%1 没有运行 %2 的任何组件</translation>
    </message>
    <message>
        <source>%1 runs no %2 applications</source>
        <translation>%1 没有运行 %2 的应用</translation>
    </message>
    <message>
        <source>Every %1 application at %2 is down</source>
        <translation>%2 的 %1 应用全部宕机</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n %2 component(s) down</source>
        <translation>
            <numerusform>%1 有 %n 个 %2 组件宕机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n critical alert(s) in %2</source>
        <translation>
            <numerusform>%1 的 %2 有 %n 条严重告警</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n critical alert(s) in shared infrastructure</source>
        <translation>
            <numerusform>%1 的共享基础设施有 %n 条严重告警</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 layer capacity at %3 %, above the %4 % ceiling</source>
        <translation>%1：%2容量 %3 %，超过 %4 % 上限</translation>
    </message>
    <message>
        <source>%1: %2 layer capacity at %3 %, above the %4 % watermark</source>
        <translation>%1：%2容量 %3 %，超过 %4 % 水位</translation>
    </message>
    <message>
        <source>%1 cannot absorb %2 % more %3 traffic: its applications would need %4 % cpu</source>
        <translation>%1 无法承接另外 %2 % 的 %3 流量：其应用将需要 %4 % CPU</translation>
    </message>
    <message>
        <source>%1&apos;s %2 applications would run at %3 % cpu, above %4 %</source>
        <translation>%1 的 %2 应用将运行在 %3 % CPU，高于 %4 %</translation>
    </message>
    <message>
        <source>Replication %1 from %2 to %3 is broken</source>
        <translation>从 %2 到 %3 的数据同步链路 %1 已中断</translation>
    </message>
    <message>
        <source>Replication lag of %1 is %2 s, above %3 s</source>
        <translation>数据同步链路 %1 延迟 %2 秒，超过 %3 秒</translation>
    </message>
    <message>
        <source>%1 at %2 has no standby at %3</source>
        <translation>%2 的 %1 在 %3 没有备库</translation>
    </message>
    <message>
        <source>%1 at %2 is not replicated to any other site</source>
        <translation>%2 的 %1 未同步到任何其他机房</translation>
    </message>
</context>
<context>
    <name>Haven::RemoveEdgeCommand</name>
    <message>
        <source>Disconnect &quot;%1&quot; → &quot;%2&quot;</source>
        <translation>断开“%1”→“%2”</translation>
    </message>
</context>
<context>
    <name>Haven::RemoveStepsCommand</name>
    <message>
        <source>Delete step &quot;%1&quot;</source>
        <translation>删除步骤“%1”</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n step(s)</source>
        <translation>
            <numerusform>删除 %n 个步骤</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n dependency(s)</source>
        <translation>
            <numerusform>删除 %n 条依赖</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Haven::ReplicationLinkItem</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
</context>
<context>
    <name>Haven::SecretStore</name>
    <message>
        <source>(looking for a system keychain)</source>
        <translation>（正在查找系统钥匙串）</translation>
    </message>
    <message>
        <source>system keychain</source>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>protected file %1</source>
        <translation>受保护文件 %1 </translation>
    </message>
    <message>
        <source>the system keychain did not answer</source>
        <translation>系统钥匙串没有响应</translation>
    </message>
    <message>
        <source>The system keychain could not be read: %1</source>
        <translation>无法读取系统钥匙串：%1</translation>
    </message>
    <message>
        <source>The system keychain refused the token: %1</source>
        <translation>系统钥匙串拒绝保存令牌：%1</translation>
    </message>
    <message>
        <source>The system keychain could not remove the token: %1</source>
        <translation>系统钥匙串无法删除令牌：%1</translation>
    </message>
    <message>
        <source>Cannot read the secrets file %1: %2</source>
        <translation>无法读取密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>The secrets file %1 is damaged (%2). It was left as it is; move it away or repair it, then enter the tokens again.</source>
        <translation>密钥文件 %1 已损坏（%2）。文件保持原样未被改动；请将其移走或修复，然后重新输入令牌。</translation>
    </message>
    <message>
        <source>it is larger than 1 MiB</source>
        <translation>文件超过 1 MiB</translation>
    </message>
    <message>
        <source>not valid JSON at byte %1: %2</source>
        <translation>第 %1 字节处不是有效的 JSON：%2</translation>
    </message>
    <message>
        <source>it is not a Haven secrets file</source>
        <translation>不是 Haven 密钥文件</translation>
    </message>
    <message>
        <source>unknown version %1</source>
        <translation>未知版本 %1</translation>
    </message>
    <message>
        <source>&quot;secrets&quot; is not an object</source>
        <translation>“secrets”不是对象</translation>
    </message>
    <message>
        <source>the entry &quot;%1&quot; is not base64</source>
        <translation>条目“%1”不是 base64</translation>
    </message>
    <message>
        <source>Cannot create the directory %1 for the secrets file.</source>
        <translation>无法为密钥文件创建目录 %1。</translation>
    </message>
    <message>
        <source>Cannot write the secrets file %1: %2</source>
        <translation>无法写入密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>Cannot make the secrets file %1 private (mode 0600).</source>
        <translation>无法将密钥文件 %1 设为私有（权限 0600）。</translation>
    </message>
    <message>
        <source>The secrets file %1 is a symbolic link; it was not read. A secrets file must be a plain file of your own: remove the link and enter the tokens again.</source>
        <translation>密钥文件 %1 是符号链接，未读取。密钥文件必须是属于您自己的普通文件：请删除该链接并重新输入令牌。</translation>
    </message>
    <message>
        <source>The secrets file %1 is not a plain file; it was not read.</source>
        <translation>密钥文件 %1 不是普通文件，未读取。</translation>
    </message>
    <message>
        <source>The secrets file %1 belongs to another user (uid %2); it was not read. Move it away and enter the tokens again.</source>
        <translation>密钥文件 %1 属于其他用户（uid %2），未读取。请将其移走并重新输入令牌。</translation>
    </message>
</context>
<context>
    <name>Haven::SetPlanPropertyCommand</name>
    <message>
        <source>Change the plan&apos;s %1</source>
        <translation>修改预案的%1</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>RTO</source>
        <translation>RTO</translation>
    </message>
    <message>
        <source>RPO</source>
        <translation>RPO</translation>
    </message>
</context>
<context>
    <name>Haven::SetStepPropertyCommand</name>
    <message>
        <source>Change %1 of &quot;%2&quot;</source>
        <translation>修改“%2”的%1</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>operation code</source>
        <translation>步骤操作码</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>product group</source>
        <translation>产品组</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>retry policy</source>
        <translation>重试策略</translation>
    </message>
    <message>
        <source>on-failure behaviour</source>
        <translation>失败处理</translation>
    </message>
    <message>
        <source>approval gate</source>
        <translation>人工审批</translation>
    </message>
    <message>
        <source>guard</source>
        <translation>守卫条件</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Haven::SiteHeaderItem</name>
    <message>
        <source>cached, %1</source>
        <translation>缓存数据，%1</translation>
    </message>
    <message>
        <source>no traffic reported</source>
        <translation>未上报流量</translation>
    </message>
</context>
<context>
    <name>Haven::SiteListModel</name>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 old</source>
        <translation>%1（已过期）</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Region / city</source>
        <translation>地域 / 城市</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Data age</source>
        <translation>数据时效</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>组件</translation>
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
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>Haven::SitesOverviewPage</name>
    <message>
        <source>Sites</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Search components by site, name, kind, product group or host</source>
        <translation>按机房、名称、类型、产品组或主机搜索组件</translation>
    </message>
</context>
<context>
    <name>Haven::StoreWorker</name>
    <message>
        <source>Haven cannot open its local database %1 a second time to save the sites&apos; state in the background (%2). The state is kept in memory and saved on the GUI thread instead; check the file if this persists.</source>
        <translation>Haven 无法再次打开本地数据库 %1 以在后台保存各机房的状态（%2）。状态将保存在内存中，并改由界面线程保存；如果此问题持续存在，请检查该文件。</translation>
    </message>
</context>
<context>
    <name>Haven::TicketDialog</name>
    <message>
        <source>Dry run</source>
        <translation>预检</translation>
    </message>
    <message>
        <source>Second approver</source>
        <translation>第二审批人</translation>
    </message>
    <message>
        <source>Start execution</source>
        <translation>开始执行</translation>
    </message>
    <message>
        <source>New execution ticket</source>
        <translation>新建预案执行单</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <source>Failed sites</source>
        <translation>故障机房</translation>
    </message>
    <message>
        <source>The sites that are down or must be left: their traffic is cut.</source>
        <translation>已宕机或必须撤离的机房：将切断其流量。</translation>
    </message>
    <message>
        <source>Emergency sites</source>
        <translation>应急机房</translation>
    </message>
    <message>
        <source>The sites that take over the business.</source>
        <translation>接管业务的机房。</translation>
    </message>
    <message>
        <source>Product groups</source>
        <translation>产品组</translation>
    </message>
    <message>
        <source>Only the steps of the checked product groups run.</source>
        <translation>只运行所勾选产品组的步骤。</translation>
    </message>
    <message>
        <source>What happened, and why this plan is run</source>
        <translation>发生了什么，以及为何执行此预案</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Resolve every step to its sites and parameters and check every guard now. Nothing is sent to the agents.</source>
        <translation>立即将每个步骤解析到对应的机房和参数，并检查所有守卫条件。不会向代理发送任何内容。</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>步骤操作码</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Guard</source>
        <translation>守卫条件</translation>
    </message>
    <message>
        <source>Problems and warnings</source>
        <translation>问题与警告</translation>
    </message>
    <message>
        <source>The plan&apos;s name, exactly</source>
        <translation>预案的准确名称</translation>
    </message>
    <message>
        <source>Name of the second person who approves this ticket</source>
        <translation>审批此执行单的第二人的姓名</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 — not followed</source>
        <translation>%1 — 未监视</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1（版本 %2）</translation>
    </message>
    <message>
        <source>No effective plan</source>
        <translation>没有已生效的预案</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n 个步骤</numerusform>
        </translation>
    </message>
    <message>
        <source>RTO objective %1</source>
        <translation>RTO 目标 %1</translation>
    </message>
    <message>
        <source>Type &quot;%1&quot; to confirm</source>
        <translation>输入“%1”以确认</translation>
    </message>
    <message>
        <source>No plan is effective. Make a plan effective in the plan center first.</source>
        <translation>没有已生效的预案。请先在容灾预案中心使预案生效。</translation>
    </message>
    <message>
        <source>This plan cannot be read from the local store.</source>
        <translation>无法从本地存储读取此预案。</translation>
    </message>
    <message>
        <source>Type the plan&apos;s name to confirm</source>
        <translation>输入预案名称以确认</translation>
    </message>
    <message>
        <source>%1 is chosen both as a failed and as an emergency site: a site can only be one of them.</source>
        <translation>%1 同时被选为故障机房和应急机房：一个机房只能是其中之一。</translation>
    </message>
    <message>
        <source>Check at least one product group: with none, no step would run.</source>
        <translation>请至少勾选一个产品组：否则不会运行任何步骤。</translation>
    </message>
    <message>
        <source>The inputs changed since the dry run: run it again.</source>
        <translation>预检后输入已更改：请重新预检。</translation>
    </message>
    <message>
        <source>Not selected: its product group %1 is not in the ticket.</source>
        <translation>未选中：其产品组 %1 不在执行单中。</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) will run</source>
        <translation>
            <numerusform>将运行 %n 个步骤</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>on %n site(s)</source>
        <translation>
            <numerusform>涉及 %n 个机房</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n not selected)</source>
        <translation>
            <numerusform>（%n 个未选中）</numerusform>
        </translation>
    </message>
    <message>
        <source>Dry run: %1. No problems, %2.</source>
        <translation>预检：%1。没有问题，%2。</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>Dry run: %1. %2 stand in the way: fix them, then run the dry run again.</source>
        <translation>预检：%1。发现 %2，无法开始：请修复后重新预检。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>Execution %1 is created. Press Start to try again.</source>
        <translation>已创建执行 %1。请按“开始执行”重试。</translation>
    </message>
    <message>
        <source>Choose an effective plan.</source>
        <translation>请选择一个已生效的预案。</translation>
    </message>
    <message>
        <source>Run the dry run for these inputs before starting.</source>
        <translation>开始前请针对当前输入运行预检。</translation>
    </message>
    <message>
        <source>Fix the problems shown in red, then run the dry run again.</source>
        <translation>请修复以红色显示的问题，然后重新预检。</translation>
    </message>
    <message>
        <source>Type the plan&apos;s name exactly to confirm that this plan is to run.</source>
        <translation>请准确输入预案名称，以确认要执行此预案。</translation>
    </message>
    <message>
        <source>Production requires a second approver: enter the name of the second person.</source>
        <translation>生产环境需要第二审批人：请输入第二人的姓名。</translation>
    </message>
    <message>
        <source>The second approver must be another person than you (%1).</source>
        <translation>第二审批人必须是您（%1）以外的其他人。</translation>
    </message>
    <message>
        <source>Ready to start. The steps are dispatched to the agents at once.</source>
        <translation>准备就绪。开始后步骤将立即下发给代理。</translation>
    </message>
    <message>
        <source>The execution was not created: %1</source>
        <translation>未创建执行：%1</translation>
    </message>
    <message>
        <source>The execution %1 is recorded but did not start: %2</source>
        <translation>执行 %1 已记录，但未能启动：%2</translation>
    </message>
</context>
<context>
    <name>Haven::TopologyScene</name>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>%1 s old</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <source>%1 min old</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <source>%1 h old</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <source>%1 days old</source>
        <translation>%1 天前</translation>
    </message>
    <message>
        <source>(no city)</source>
        <translation>（未设城市）</translation>
    </message>
    <message>
        <source>(no region)</source>
        <translation>（未设地域）</translation>
    </message>
</context>
<context>
    <name>Haven::WallWindow</name>
    <message>
        <source>Haven — wall</source>
        <translation>Haven — 大屏</translation>
    </message>
    <message>
        <source>No active alerts</source>
        <translation>当前无告警</translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s), %1 critical</source>
        <translation>
            <numerusform>%n 条活动告警，其中 %1 条严重</numerusform>
        </translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>data %1 old</source>
        <translation>数据时效 %1</translation>
    </message>
    <message>
        <source>Haven</source>
        <translation>Haven</translation>
    </message>
    <message>
        <source>DR runtime dashboard</source>
        <translation>容灾运行大盘</translation>
    </message>
    <message>
        <source>Switchover dashboard</source>
        <translation>容灾切换大盘</translation>
    </message>
</context>
<context>
    <name>InspectionReport</name>
    <message>
        <source>Inspection report: %1 at %2</source>
        <translation>巡检报告：%1（%2）</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>触发方式</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Objects covered</source>
        <translation>覆盖对象</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>执行情况</translation>
    </message>
    <message>
        <source>%1 ok, %2 failed</source>
        <translation>%1 项通过，%2 项失败</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>通过率</translation>
    </message>
    <message>
        <source>Risks found</source>
        <translation>发现的风险</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Governance hint</source>
        <translation>治理建议</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>flapping</source>
        <translation>抖动</translation>
    </message>
    <message>
        <source>- Pass rate: **%1** (%2 ok, %3 failed of %4)</source>
        <translation>- 通过率：**%1**（共 %4 项，%2 项通过，%3 项失败）</translation>
    </message>
    <message>
        <source>- Finished: %1</source>
        <translation>- 结束时间：%1</translation>
    </message>
    <message>
        <source>- Risks found: %1</source>
        <translation>- 发现的风险：%1</translation>
    </message>
    <message numerus="yes">
        <source>  - and %n more</source>
        <translation>
            <numerusform>  - 另有 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectionReportExport</name>
    <message>
        <source>The report could not be written to %1 (%2). Nothing was saved there; choose another place or free some room.</source>
        <translation>无法将报告写入 %1（%2）。该位置未保存任何内容；请选择其他位置或释放磁盘空间。</translation>
    </message>
</context>
<context>
    <name>InspectionText</name>
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
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Soft problem</source>
        <translation>疑似异常</translation>
    </message>
    <message>
        <source>Hard problem</source>
        <translation>确认异常</translation>
    </message>
    <message>
        <source>Catalog script</source>
        <translation>步骤目录脚本</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <source>HTTP probe</source>
        <translation>HTTP 探测</translation>
    </message>
    <message>
        <source>Multi-step HTTP probe</source>
        <translation>多步 HTTP 探测</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Product group</source>
        <translation>产品组</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Every site</source>
        <translation>所有机房</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>立即运行</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>定时调度</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待处理</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>每 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Cron %1</source>
        <translation>Cron %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>LocalStore</name>
    <message>
        <source>it is not a database file</source>
        <translation>该文件不是数据库文件</translation>
    </message>
    <message>
        <source>some of its pages are damaged</source>
        <translation>部分数据页已损坏</translation>
    </message>
    <message>
        <source>the file can only be read</source>
        <translation>文件只读</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>the file or its folder cannot be opened or created</source>
        <translation>无法打开或创建该文件或其所在文件夹</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk reported an input/output error</source>
        <translation>磁盘报告了输入/输出错误</translation>
    </message>
    <message>
        <source>Use the newer Haven, or move the file away to start a new database.</source>
        <translation>请使用更新版本的 Haven，或将该文件移走以新建数据库。</translation>
    </message>
    <message>
        <source>The local database %1 was damaged (%2). Haven moved it aside to %3 for inspection and started a new, empty database: the sites&apos; state refills from the agents, but plans, journal and history saved in the old file are not loaded. Keep the damaged file if you need them recovered.</source>
        <translation>本地数据库 %1 已损坏（%2）。Haven 已将其移到 %3 以便检查，并新建了一个空数据库：各机房的状态会从代理重新获取，但旧文件中保存的预案、日志和历史记录不会加载。如需恢复这些数据，请保留已损坏的文件。</translation>
    </message>
    <message>
        <source>The local database %1 was damaged (%2). Haven moved it aside to %3 but cannot create a new one (%4).</source>
        <translation>本地数据库 %1 已损坏（%2）。Haven 已将其移到 %3，但无法新建数据库（%4）。</translation>
    </message>
    <message>
        <source>Check the disk and the folder&apos;s permissions, then restart Haven.</source>
        <translation>请检查磁盘和文件夹的权限，然后重启 Haven。</translation>
    </message>
    <message>
        <source>The local database %1 is damaged (%2) and Haven cannot move it aside.</source>
        <translation>本地数据库 %1 已损坏（%2），且 Haven 无法将其移走。</translation>
    </message>
    <message>
        <source>Move the file away yourself (keep it for inspection), then restart Haven.</source>
        <translation>请手动将该文件移走（保留以便检查），然后重启 Haven。</translation>
    </message>
    <message>
        <source>Haven cannot set up its local database %1 because the disk is full.</source>
        <translation>磁盘已满，Haven 无法建立本地数据库 %1。</translation>
    </message>
    <message>
        <source>Free some disk space, then restart Haven.</source>
        <translation>请释放一些磁盘空间，然后重启 Haven。</translation>
    </message>
    <message>
        <source>Haven cannot use its local database %1 (%2).</source>
        <translation>Haven 无法使用本地数据库 %1（%2）。</translation>
    </message>
    <message>
        <source>Check the disk, then restart Haven.</source>
        <translation>请检查磁盘，然后重启 Haven。</translation>
    </message>
    <message>
        <source>Haven cannot open its local database %1 for writing (%2).</source>
        <translation>Haven 无法以写入方式打开本地数据库 %1（%2）。</translation>
    </message>
    <message>
        <source>Check that the folder exists and that you may write to it and to the file, then restart Haven.</source>
        <translation>请确认该文件夹存在，且您对该文件夹和文件有写入权限，然后重启 Haven。</translation>
    </message>
    <message>
        <source>Haven goes on with a copy of it in memory: what was saved before is kept, unchanged, in the file, but changes made from now on are lost when Haven closes.</source>
        <translation>Haven 将在内存中使用其副本继续运行：此前保存的内容原样保留在文件中，但从现在起所做的更改会在 Haven 关闭时丢失。</translation>
    </message>
    <message>
        <source>Haven goes on in memory, starting empty and refilling from the agents; the file was not changed, and changes made from now on are lost when Haven closes.</source>
        <translation>Haven 将在内存中继续运行，从空数据开始并从代理重新获取；该文件未被改动，从现在起所做的更改会在 Haven 关闭时丢失。</translation>
    </message>
    <message>
        <source>Haven could not save to its local database %1 because the disk is full.</source>
        <translation>磁盘已满，Haven 无法保存到本地数据库 %1。</translation>
    </message>
    <message>
        <source>Free some disk space, then restart Haven to go back to the file.</source>
        <translation>请释放一些磁盘空间，然后重启 Haven 以重新使用该文件。</translation>
    </message>
    <message>
        <source>Haven found its local database %1 damaged while saving (%2).</source>
        <translation>Haven 在保存时发现本地数据库 %1 已损坏（%2）。</translation>
    </message>
    <message>
        <source>Restart Haven: it sets the damaged file aside for inspection and starts a new one.</source>
        <translation>请重启 Haven：它会将已损坏的文件移到一旁以便检查，并新建一个数据库。</translation>
    </message>
    <message>
        <source>Haven could not write its local database %1 (%2).</source>
        <translation>Haven 无法写入本地数据库 %1（%2）。</translation>
    </message>
    <message>
        <source>Haven may no longer write its local database %1 (%2).</source>
        <translation>Haven 已无权写入本地数据库 %1（%2）。</translation>
    </message>
    <message>
        <source>Check that you may write to the file and its folder, then restart Haven.</source>
        <translation>请确认您对该文件及其所在文件夹有写入权限，然后重启 Haven。</translation>
    </message>
    <message>
        <source>schema version %1; this Haven knows up to %2</source>
        <translation>架构版本 %1；此 Haven 最高只支持 %2</translation>
    </message>
    <message>
        <source>%1 at version %2; this Haven knows up to %3</source>
        <translation>%1 为第 %2 版；此 Haven 最高只支持 %3</translation>
    </message>
    <message>
        <source>The local database %1 was written by a newer Haven (%2), so this Haven leaves it untouched.</source>
        <translation>本地数据库 %1 由较新版本的 Haven 写入（%2），因此此 Haven 不会改动它。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Haven: disaster-recovery console for several datacenters.</source>
        <translation>Haven：多机房容灾控制台。</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Start the demo fleet (one simulated site agent per demo datacenter on loopback) and show it.</source>
        <translation>启动演示代理集群（每个演示机房在本机回环地址上运行一个模拟代理）并显示。</translation>
    </message>
    <message>
        <source>Directory for the demo fleet&apos;s state.</source>
        <translation>演示代理集群的状态目录。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>With --headless status: print JSON.</source>
        <translation>与 --headless status 配合：输出 JSON。</translation>
    </message>
    <message>
        <source>The local database file (default: in the user&apos;s data directory).</source>
        <translation>本地数据库文件（默认位于用户数据目录中）。</translation>
    </message>
    <message>
        <source>light or dark.</source>
        <translation>light（浅色）或 dark（深色）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Save the window as a PNG after --screenshot-delay ms, then quit.</source>
        <translation>在 --screenshot-delay 毫秒后将窗口保存为 PNG，然后退出。</translation>
    </message>
    <message>
        <source>Delay before --screenshot.</source>
        <translation>执行 --screenshot 前的延迟。</translation>
    </message>
    <message>
        <source>The demo fleet stopped: %1</source>
        <translation>演示代理集群已停止：%1</translation>
    </message>
    <message>
        <source>haven-agent was found neither next to haven nor on PATH.</source>
        <translation>在 haven 所在目录和 PATH 中均未找到 haven-agent。</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Wall mode: full screen, dark, readable from across the room, rotating between views.</source>
        <translation>大屏模式：全屏、深色、远距离可读，在多个视图间轮播。</translation>
    </message>
    <message>
        <source>With --wall: the screen to fill (0 is the first).</source>
        <translation>与 --wall 一起使用：要占满的屏幕（0 为第一块）。</translation>
    </message>
    <message>
        <source>With --wall: seconds per view (0 stops rotating).</source>
        <translation>与 --wall 一起使用：每个视图停留的秒数（0 表示不轮播）。</translation>
    </message>
    <message>
        <source>With --wall: the views to rotate between (dashboard, alerts).</source>
        <translation>与 --wall 一起使用：轮播的视图（dashboard、alerts）。</translation>
    </message>
    <message>
        <source>Switchover readiness thresholds (JSON, see docs/switchover-readiness.md).</source>
        <translation>切换就绪阈值（JSON，见 docs/switchover-readiness.md）。</translation>
    </message>
    <message>
        <source>There is no screen %1; the screens are %2.</source>
        <translation>没有屏幕 %1；可用的屏幕为 %2。</translation>
    </message>
    <message>
        <source>With --headless run: the plan file.</source>
        <translation>与 --headless run 配合：预案文件。</translation>
    </message>
    <message>
        <source>With --headless run: the failed site ids, comma-separated.</source>
        <translation>与 --headless run 配合：故障机房 ID，以逗号分隔。</translation>
    </message>
    <message>
        <source>With --headless run: the emergency site ids, comma-separated.</source>
        <translation>与 --headless run 配合：应急机房 ID，以逗号分隔。</translation>
    </message>
    <message>
        <source>With --headless run: the product groups (default: all).</source>
        <translation>与 --headless run 配合：产品组（默认：全部）。</translation>
    </message>
    <message>
        <source>With --headless run: the ticket&apos;s description.</source>
        <translation>与 --headless run 配合：预案执行单的描述。</translation>
    </message>
    <message>
        <source>With --headless run: the plan&apos;s exact name, to confirm.</source>
        <translation>与 --headless run 配合：预案的准确名称，用于确认。</translation>
    </message>
    <message>
        <source>With --headless run or resume: start the recovery phase once the switchover is done.</source>
        <translation>与 --headless run 或 resume 配合：容灾切换完成后开始容灾恢复阶段。</translation>
    </message>
    <message>
        <source>With --headless run or resume: approve every approval gate as this user.</source>
        <translation>与 --headless run 或 resume 配合：以此用户身份批准所有人工审批。</translation>
    </message>
    <message>
        <source>--headless run needs --plan, --failed, --emergency and --confirm</source>
        <translation>--headless run 需要 --plan、--failed、--emergency 和 --confirm</translation>
    </message>
    <message>
        <source>There is no local database at %1.</source>
        <translation>%1 处没有本地数据库。</translation>
    </message>
    <message>
        <source>The audit log in %1 is intact: %2 records, each chained to the one before.</source>
        <translation>%1 中的审计日志完整：共 %2 条记录，每条都与前一条链接。</translation>
    </message>
    <message>
        <source>The audit log in %1 was changed: record %2 does not match the hash chain. Keep a copy of the file for investigation and tell your security team.</source>
        <translation>%1 中的审计日志已被改动：第 %2 条记录与哈希链不符。请保留该文件的副本以供调查，并通知安全团队。</translation>
    </message>
    <message>
        <source>With --headless: the environment or fleet file to use instead of the saved one. Otherwise: the file to import at start.</source>
        <translation>与 --headless 一起使用：代替已保存环境的环境文件或机群文件。否则：启动时要导入的文件。</translation>
    </message>
    <message>
        <source>Run without a window: haven --headless status prints every site&apos;s reachability and counts; run starts a plan from a file; resume continues unfinished executions; audit checks the audit log&apos;s hash chain; inspect runs an inspection task or rule now.</source>
        <translation>无窗口运行：haven --headless status 输出每个机房的可达性和计数；run 从文件启动预案；resume 继续未完成的执行；audit 检查审计日志的哈希链；inspect 立即运行巡检任务或规则。</translation>
    </message>
    <message>
        <source>With --headless inspect: the task to run now.</source>
        <translation>与 --headless inspect 配合：要立即运行的巡检任务。</translation>
    </message>
    <message>
        <source>With --headless inspect: the rule to run now.</source>
        <translation>与 --headless inspect 配合：要立即运行的规则。</translation>
    </message>
    <message>
        <source>With --headless inspect: a rule file to import first (docs/inspection-format.md).</source>
        <translation>与 --headless inspect 配合：先导入的规则文件（docs/inspection-format.md）。</translation>
    </message>
    <message>
        <source>With --headless: status, run, resume, audit, inspect or drill (stop-all | run FILE).</source>
        <translation>与 --headless 配合：status、run、resume、audit、inspect 或 drill（stop-all | run FILE）。</translation>
    </message>
    <message>
        <source>Use: haven --headless drill stop-all, or haven --headless drill run FILE --confirm NAME</source>
        <translation>用法：haven --headless drill stop-all，或 haven --headless drill run FILE --confirm NAME</translation>
    </message>
    <message>
        <source>--headless knows these commands: status, run, resume, audit, inspect, drill</source>
        <translation>--headless 支持以下命令：status、run、resume、audit、inspect、drill</translation>
    </message>
</context>
</TS>
