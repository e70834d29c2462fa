<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditFilterBar</name>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Scan or type an identifier</source>
        <translation>扫描或输入标识</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
</context>
<context>
    <name>AuditPageWidget</name>
    <message>
        <source>Verify audit chain</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>No entries</source>
        <translation>无记录</translation>
    </message>
    <message>
        <source>Entries {0}–{1} of {2}</source>
        <translation>第 {0}–{1} 条，共 {2} 条</translation>
    </message>
    <message>
        <source>Verifying the audit chain…</source>
        <translation>正在校验审计链…</translation>
    </message>
    <message>
        <source>✔ Audit chain intact: {0} entries verified.</source>
        <translation>✔ 审计链完整：已校验 {0} 条记录。</translation>
    </message>
    <message>
        <source>✖ AUDIT CHAIN BROKEN at entry {0}: {1} ({2} entries intact before it).</source>
        <translation>✖ 审计链在第 {0} 条处断裂：{1}（此前 {2} 条完整）。</translation>
    </message>
    <message>
        <source>Export audit extract</source>
        <translation>导出审计摘录</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
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
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
</context>
<context>
    <name>AuditTrailView</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
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
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签名人</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>签名含义</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation>内容哈希</translation>
    </message>
    <message>
        <source>Audit trail ({0})</source>
        <translation>审计追踪（{0} 条）</translation>
    </message>
    <message>
        <source>Electronic signatures ({0})</source>
        <translation>电子签名（{0} 个）</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Donor type</source>
        <translation>供者类型</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>合格性</translation>
    </message>
    <message>
        <source>ABO/Rh</source>
        <translation>ABO/Rh 血型</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>供者</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Collection site</source>
        <translation>采集机构</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>采集时间</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>接收人</translation>
    </message>
    <message>
        <source>Transport temperature (°C)</source>
        <translation>运输温度（°C）</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Product (Chinese)</source>
        <translation>产品（中文名）</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>采集</translation>
    </message>
    <message>
        <source>Chain-of-identity ID</source>
        <translation>身份链编号</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>操作区域</translation>
    </message>
    <message>
        <source>Harvest</source>
        <translation>收获时间</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Product code</source>
        <translation>产品代码</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Cell count</source>
        <translation>细胞数</translation>
    </message>
    <message>
        <source>Volume (mL)</source>
        <translation>体积（mL）</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>去向</translation>
    </message>
    <message>
        <source>Storage location</source>
        <translation>储存位置</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>运输单</translation>
    </message>
    <message>
        <source>Initials</source>
        <translation>姓名缩写</translation>
    </message>
    <message>
        <source>Enrolment number</source>
        <translation>入组编号</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Administered</source>
        <translation>已输注</translation>
    </message>
    <message>
        <source>Administered at</source>
        <translation>输注时间</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位（袋/瓶）</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>受者</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Overview – {0}</source>
        <translation>概览 – {0}</translation>
    </message>
    <message>
        <source>Batches (open work first) – double-click to trace</source>
        <translation>批次（未完成的在前）– 双击追溯</translation>
    </message>
    <message>
        <source>Latest activity</source>
        <translation>最近活动</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>操作区域</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
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
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Open batches</source>
        <translation>未完成批次</translation>
    </message>
    <message>
        <source>Units: {0}</source>
        <translation>单位：{0}</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Workstation locked</source>
        <translation>工作站已锁定</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Signed in: {0}. Scan your badge or enter your password to continue.</source>
        <translation>当前登录：{0}。请扫描工牌或输入密码继续。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Another user? Sign out</source>
        <translation>其他用户？请先注销</translation>
    </message>
    <message>
        <source>Only {0} can unlock this workstation. {1}: sign {0} out first.</source>
        <translation>只有 {0} 可以解锁此工作站。{1}：请先注销 {0}。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>CellTrail – sign in</source>
        <translation>CellTrail – 登录</translation>
    </message>
    <message>
        <source>Scan your badge or enter your user name and password.</source>
        <translation>请扫描工牌，或输入用户名和密码。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Badge of {0}: enter the password.</source>
        <translation>{0} 的工牌：请输入密码。</translation>
    </message>
    <message>
        <source>Enter your user name or scan your badge.</source>
        <translation>请输入用户名或扫描工牌。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>追溯</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计追踪</translation>
    </message>
    <message>
        <source>CellTrail – {0}</source>
        <translation>CellTrail – {0}</translation>
    </message>
    <message>
        <source>Signed in: {0}</source>
        <translation>当前用户：{0}</translation>
    </message>
    <message>
        <source>Workstation…</source>
        <translation>工作站设置…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Ready: scan a DIN, batch number or badge at any time.</source>
        <translation>就绪：随时可扫描 DIN、批号或工牌。</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Scan accepted: opening {0}.</source>
        <translation>扫描成功：正在打开{0}。</translation>
    </message>
    <message>
        <source>Badge: {0} is signed in.</source>
        <translation>工牌：{0} 已登录。</translation>
    </message>
    <message>
        <source>Badge of {0}: sign out first to switch user.</source>
        <translation>{0} 的工牌：切换用户前请先注销。</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Unexpected error: {0}</source>
        <translation>意外错误：{0}</translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Performed by</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>Performed</source>
        <translation>执行时间</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>复核人</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>复核时间</translation>
    </message>
    <message>
        <source>Process steps</source>
        <translation>工艺步骤</translation>
    </message>
    <message>
        <source>Second-person sign-off…</source>
        <translation>第二人复核签名…</translation>
    </message>
    <message>
        <source>⚠ awaiting verification</source>
        <translation>⚠ 待复核</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Generated by</source>
        <translation>生成人</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
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
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Audit trail extract</source>
        <translation>审计追踪摘录</translation>
    </message>
    <message>
        <source>Chain of identity</source>
        <translation>身份链</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Traced from</source>
        <translation>追溯起点</translation>
    </message>
    <message>
        <source>Trace report</source>
        <translation>追溯报告</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Process steps</source>
        <translation>工艺步骤</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Performed by</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>Performed</source>
        <translation>执行时间</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>复核人</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>复核时间</translation>
    </message>
    <message>
        <source>QC results</source>
        <translation>质量检验结果</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Electronic signatures</source>
        <translation>电子签名</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签名人</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>签名含义</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation>内容哈希</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计追踪</translation>
    </message>
    <message>
        <source>Batch record</source>
        <translation>批记录</translation>
    </message>
</context>
<context>
    <name>ScanRouter</name>
    <message>
        <source>GS1 bar code scanned ({0}); CellTrail reads ISBT 128 labels.</source>
        <translation>扫描到 GS1 条码（{0}）；CellTrail 读取 ISBT 128 标签。</translation>
    </message>
    <message>
        <source>Nothing found for {0}.</source>
        <translation>未找到 {0}。</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <source>Second-person verification</source>
        <translation>第二人复核</translation>
    </message>
    <message>
        <source>Verify step “{0}” of batch {1}, performed by {2}. Your password is your electronic signature (meaning: verified).</source>
        <translation>复核批次 {1} 的步骤“{0}”（执行人：{2}）。输入密码即为您的电子签名（含义：已复核）。</translation>
    </message>
    <message>
        <source>Sign as verifier</source>
        <translation>以复核人身份签名</translation>
    </message>
    <message>
        <source>Verifier user name</source>
        <translation>复核人用户名</translation>
    </message>
    <message>
        <source>Verifier password</source>
        <translation>复核人密码</translation>
    </message>
    <message>
        <source>{0} performed this step; a second person must verify.</source>
        <translation>{0} 执行了此步骤；必须由第二人复核。</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <source>Cleanroom workstation</source>
        <translation>洁净室工作站</translation>
    </message>
    <message>
        <source>Label station</source>
        <translation>贴签工作站</translation>
    </message>
    <message>
        <source>QA / audit desk</source>
        <translation>QA / 审计工作台</translation>
    </message>
</context>
<context>
    <name>StationDialog</name>
    <message>
        <source>Workstation settings</source>
        <translation>工作站设置</translation>
    </message>
    <message>
        <source>Workstation name</source>
        <translation>工作站名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>空闲多少分钟后锁定</translation>
    </message>
    <message>
        <source>Printers (one URL per line)</source>
        <translation>打印机（每行一个地址）</translation>
    </message>
    <message>
        <source>Scanner: max gap between keys</source>
        <translation>扫描枪：按键最大间隔</translation>
    </message>
    <message>
        <source>Scanner: minimum code length</source>
        <translation>扫描枪：最短条码长度</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Quarantine</source>
        <translation>待检（隔离）</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>已放行</translation>
    </message>
    <message>
        <source>Emergency released</source>
        <translation>紧急放行</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Recalled</source>
        <translation>已召回</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>生产中</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>已灌装</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Ineligible</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Pending retest</source>
        <translation>待复检</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>运输中</translation>
    </message>
    <message>
        <source>At hospital</source>
        <translation>在医院</translation>
    </message>
    <message>
        <source>Thawed</source>
        <translation>已复苏</translation>
    </message>
    <message>
        <source>Administered</source>
        <translation>已输注</translation>
    </message>
    <message>
        <source>Transformed</source>
        <translation>已转换</translation>
    </message>
    <message>
        <source>Destroyed</source>
        <translation>已销毁</translation>
    </message>
</context>
<context>
    <name>TracePage</name>
    <message>
        <source>Scan or type a DIN, batch, donor, collection or recipient…</source>
        <translation>扫描或输入 DIN、批号、供者、采集或受者编号…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 返回</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Trace report PDF</source>
        <translation>追溯报告 PDF</translation>
    </message>
    <message>
        <source>Trace report CSV</source>
        <translation>追溯报告 CSV</translation>
    </message>
    <message>
        <source>Batch record PDF</source>
        <translation>批记录 PDF</translation>
    </message>
    <message>
        <source>Batch record CSV</source>
        <translation>批记录 CSV</translation>
    </message>
    <message>
        <source>Nothing found for {0}.</source>
        <translation>未找到 {0}。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
</TS>
