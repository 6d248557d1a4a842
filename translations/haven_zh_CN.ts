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
    <message numerus="yes">
        <source>%1 has %n problem(s):</source>
        <translation>
            <numerusform>%1 有 %n 个问题：</numerusform>
        </translation>
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
    <name>Haven::MainWindow</name>
    <message>
        <source>Haven — disaster recovery console</source>
        <translation>Haven — 容灾控制台</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境信息</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Search components by site, name, kind, product group or host</source>
        <translation>按机房、名称、类型、产品组或主机搜索组件</translation>
    </message>
    <message>
        <source>%1 of %2 sites answering · %3 components</source>
        <translation>%2 个机房中 %1 个有应答 · %3 个组件</translation>
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
        <source>The local database %1 was written by a newer Haven (schema version %2; this Haven knows up to %3), so this Haven leaves it untouched.</source>
        <translation>本地数据库 %1 由更新版本的 Haven 写入（结构版本 %2；当前 Haven 最高只支持 %3），因此当前 Haven 不会改动它。</translation>
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
        <source>Run without a window: haven --headless status prints every site&apos;s reachability and counts.</source>
        <translation>无窗口运行：haven --headless status 输出每个机房的连通状态和各项计数。</translation>
    </message>
    <message>
        <source>With --headless: the environment or fleet file to use instead of the saved one.</source>
        <translation>与 --headless 配合：使用指定的环境文件或代理清单文件，而不是已保存的环境信息。</translation>
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
        <source>With --headless: status.</source>
        <translation>与 --headless 配合：status。</translation>
    </message>
    <message>
        <source>--headless knows one command: status</source>
        <translation>--headless 只支持一个命令：status</translation>
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
</context>
</TS>
