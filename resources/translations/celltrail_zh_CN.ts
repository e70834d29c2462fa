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
    <name>BadgeSigner</name>
    <message>
        <source>Scan your badge</source>
        <translation>扫描您的工牌</translation>
    </message>
    <message>
        <source>Verifier badge</source>
        <translation>复核人工牌</translation>
    </message>
    <message>
        <source>Verifier password</source>
        <translation>复核人密码</translation>
    </message>
    <message>
        <source>✖ This badge belongs to no active account.</source>
        <translation>✖ 此工牌不属于任何有效账户。</translation>
    </message>
    <message>
        <source>Verifier: {0} ({1}) – type your password.</source>
        <translation>复核人：{0}（{1}）– 请输入密码。</translation>
    </message>
</context>
<context>
    <name>BagPanel</name>
    <message>
        <source>Cancel thaw start</source>
        <translation>取消复苏开始</translation>
    </message>
    <message>
        <source>Correct thaw times…</source>
        <translation>更正复苏时间…</translation>
    </message>
    <message>
        <source>Thaw finished – record thaw</source>
        <translation>复苏完成 – 记录复苏</translation>
    </message>
    <message>
        <source>Start thaw (bag into the thawing device)</source>
        <translation>开始复苏（血袋放入复苏设备）</translation>
    </message>
    <message>
        <source>Unit {0}: {1}</source>
        <translation>制剂 {0}：{1}</translation>
    </message>
    <message>
        <source>Status: {0} · {1}</source>
        <translation>状态：{0} · {1}</translation>
    </message>
    <message>
        <source>For patient: {0}</source>
        <translation>指定患者：{0}</translation>
    </message>
    <message>
        <source>Expires: {0}</source>
        <translation>有效期至：{0}</translation>
    </message>
    <message>
        <source>Not a frozen product: no thaw needed.</source>
        <translation>非冻存制剂：无需复苏。</translation>
    </message>
    <message>
        <source>Thawed {0} – {1} by {2}; usable for {3} min after thaw.</source>
        <translation>已于 {0} – {1} 由 {2} 复苏；复苏后 {3} 分钟内可用。</translation>
    </message>
    <message>
        <source>Thaw started at {0}: press “Thaw finished” when done.</source>
        <translation>复苏开始于 {0}：完成后请按“复苏完成”。</translation>
    </message>
    <message>
        <source>May not be thawed: {0}.</source>
        <translation>不得复苏：{0}。</translation>
    </message>
    <message>
        <source>Not thawed yet: usable for {0} min after the thaw ends.</source>
        <translation>尚未复苏：复苏结束后 {0} 分钟内可用。</translation>
    </message>
</context>
<context>
    <name>BedsidePage</name>
    <message>
        <source>Bedside – check and administer</source>
        <translation>床旁 – 核对与输注</translation>
    </message>
    <message>
        <source>Scan the bar code on the bag, then the patient&apos;s wristband. Every reason not to administer is listed; administer only on a clean check, with a second person.</source>
        <translation>先扫描血袋上的条码，再扫描患者腕带。所有不得输注的原因都会列出；仅在核对无误时，由第二人复核后输注。</translation>
    </message>
    <message>
        <source>Scan the product</source>
        <translation>扫描制剂</translation>
    </message>
    <message>
        <source>Scan the patient&apos;s wristband</source>
        <translation>扫描患者腕带</translation>
    </message>
    <message>
        <source>DIN bar code of the bag</source>
        <translation>血袋上的 DIN 条码</translation>
    </message>
    <message>
        <source>Patient ID on the wristband</source>
        <translation>腕带上的患者编号</translation>
    </message>
    <message>
        <source>Administer (2nd person)…</source>
        <translation>输注（第二人复核）…</translation>
    </message>
    <message>
        <source>Waiting for both scans.</source>
        <translation>等待两次扫描。</translation>
    </message>
    <message>
        <source>No hard stop: unit {0} may be given to patient {1}.</source>
        <translation>无硬性拦截：制剂 {0} 可输注给患者 {1}。</translation>
    </message>
    <message>
        <source>STOP – do not administer.</source>
        <translation>停止 – 不得输注。</translation>
    </message>
    <message>
        <source>STOP – do not administer unit {0} to patient {1}:</source>
        <translation>停止 – 不得将制剂 {0} 输注给患者 {1}：</translation>
    </message>
    <message>
        <source>Administration recorded: unit {0} to patient {1}.</source>
        <translation>已记录输注：制剂 {0} 输注给患者 {1}。</translation>
    </message>
</context>
<context>
    <name>Blocker</name>
    <message>
        <source>datetime</source>
        <translation>datetime</translation>
    </message>
</context>
<context>
    <name>CleanroomActions</name>
    <message>
        <source>Record a process step – {0}</source>
        <translation>记录工艺步骤 – {0}</translation>
    </message>
    <message>
        <source>You ({0}) record the step you have just done. Your password is your electronic signature (meaning: performed).</source>
        <translation>您（{0}）记录刚完成的步骤。您的密码即电子签名（含义：执行）。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>观察记录</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>您的密码</translation>
    </message>
    <message>
        <source>Sign step</source>
        <translation>签署步骤</translation>
    </message>
    <message>
        <source>Step recorded; a second person must verify it.</source>
        <translation>步骤已记录；须由第二人复核。</translation>
    </message>
    <message>
        <source>Step “{0}” verified.</source>
        <translation>步骤“{0}”已复核。</translation>
    </message>
    <message>
        <source>Harvest time – {0}</source>
        <translation>收获时间 – {0}</translation>
    </message>
    <message>
        <source>Date and time of the harvest (it sets the expiry of every unit).</source>
        <translation>收获的日期和时间（决定每个单元的有效期）。</translation>
    </message>
    <message>
        <source>Harvested at</source>
        <translation>收获时间</translation>
    </message>
    <message>
        <source>Record harvest</source>
        <translation>记录收获</translation>
    </message>
    <message>
        <source>Harvest time recorded.</source>
        <translation>收获时间已记录。</translation>
    </message>
    <message>
        <source>Fill units – {0}</source>
        <translation>灌装单元 – {0}</translation>
    </message>
    <message>
        <source>Each unit gets a new DIN; the batch goes to quarantine until QA releases it.</source>
        <translation>每个单元获得新的 DIN；批次进入待放行状态，直至 QA 放行。</translation>
    </message>
    <message>
        <source>Number of units</source>
        <translation>单元数量</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Cells per unit (×10⁶)</source>
        <translation>每单元细胞数（×10⁶）</translation>
    </message>
    <message>
        <source>Volume per unit (mL)</source>
        <translation>每单元体积（mL）</translation>
    </message>
    <message>
        <source>Storage place (optional)</source>
        <translation>储存位置（可选）</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>灌装</translation>
    </message>
    <message>
        <source>Units filled; label them at the label station.</source>
        <translation>单元已灌装；请在贴标工作站贴标。</translation>
    </message>
    <message>
        <source>Place units in storage</source>
        <translation>单元入库</translation>
    </message>
    <message>
        <source>Tick the units you have put away and the place they are in.</source>
        <translation>勾选已放入的单元并选择所在位置。</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Storage place</source>
        <translation>储存位置</translation>
    </message>
    <message>
        <source>Record storage</source>
        <translation>记录入库</translation>
    </message>
    <message>
        <source>Storage recorded.</source>
        <translation>入库已记录。</translation>
    </message>
    <message>
        <source>Create a shipment</source>
        <translation>创建运输单</translation>
    </message>
    <message>
        <source>Only released units in stock can be shipped.</source>
        <translation>只有已放行且在库的单元可以发运。</translation>
    </message>
    <message>
        <source>Shipment code</source>
        <translation>运输单号</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Shipper container</source>
        <translation>运输容器</translation>
    </message>
    <message>
        <source>Temperature logger</source>
        <translation>温度记录仪</translation>
    </message>
    <message>
        <source>Create shipment</source>
        <translation>创建运输单</translation>
    </message>
    <message>
        <source>Shipment created; dispatch it when it leaves.</source>
        <translation>运输单已创建；出发时请登记发运。</translation>
    </message>
    <message>
        <source>Dispatch a shipment</source>
        <translation>发运</translation>
    </message>
    <message>
        <source>Record when the shipment left and the shipper&apos;s temperature.</source>
        <translation>记录发运时间和运输容器温度。</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>运输单</translation>
    </message>
    <message>
        <source>Dispatched at</source>
        <translation>发运时间</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>温度（°C）</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>发运</translation>
    </message>
    <message>
        <source>Shipment dispatched.</source>
        <translation>已发运。</translation>
    </message>
    <message>
        <source>Cancel a planned shipment</source>
        <translation>取消计划中的发运</translation>
    </message>
    <message>
        <source>Only a shipment that has not left can be cancelled; its units stay where they are and can be shipped again.</source>
        <translation>只能取消尚未发出的发运；其中的单元留在原处，可再次发运。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Cancel shipment</source>
        <translation>取消发运</translation>
    </message>
    <message>
        <source>Shipment cancelled.</source>
        <translation>发运已取消。</translation>
    </message>
</context>
<context>
    <name>CleanroomPage</name>
    <message>
        <source>Cleanroom – today&apos;s work</source>
        <translation>洁净室 – 今日工作</translation>
    </message>
    <message>
        <source>Open batches – choose one to work on</source>
        <translation>进行中的批次 – 选择要操作的批次</translation>
    </message>
    <message>
        <source>Process steps of the chosen batch</source>
        <translation>所选批次的工艺步骤</translation>
    </message>
    <message>
        <source>Units waiting for a storage place</source>
        <translation>待入库的单元</translation>
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
        <source>Workspace</source>
        <translation>操作空间</translation>
    </message>
    <message>
        <source>Harvest</source>
        <translation>收获</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Steps to verify</source>
        <translation>待复核步骤</translation>
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
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Record step…</source>
        <translation>记录步骤…</translation>
    </message>
    <message>
        <source>Verify step (2nd person)…</source>
        <translation>复核步骤（第二人）…</translation>
    </message>
    <message>
        <source>Record harvest time…</source>
        <translation>记录收获时间…</translation>
    </message>
    <message>
        <source>Fill units…</source>
        <translation>灌装单元…</translation>
    </message>
    <message>
        <source>Place in storage…</source>
        <translation>入库…</translation>
    </message>
    <message>
        <source>Create shipment…</source>
        <translation>创建运输单…</translation>
    </message>
    <message>
        <source>Dispatch shipment…</source>
        <translation>发运…</translation>
    </message>
    <message>
        <source>Cancel shipment…</source>
        <translation>取消发运…</translation>
    </message>
    <message>
        <source>Record consent…</source>
        <translation>记录知情同意…</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>撤回知情同意…</translation>
    </message>
    <message>
        <source>Preparation request…</source>
        <translation>制备申请单…</translation>
    </message>
    <message>
        <source>Choose a batch, then the action you have done.</source>
        <translation>请选择批次，再选择您已完成的操作。</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>⚠ awaiting verification</source>
        <translation>⚠ 待复核</translation>
    </message>
</context>
<context>
    <name>ClearanceVerifierDialog</name>
    <message>
        <source>Sign as verifier</source>
        <translation>以复核人身份签名</translation>
    </message>
    <message>
        <source>Line clearance – second-person verification</source>
        <translation>清场 – 第二人复核</translation>
    </message>
    <message>
        <source>Verify the line clearance of workspace {0}, performed by {1}: check the workspace yourself. Your password is your electronic signature (meaning: verified).</source>
        <translation>复核操作空间 {0} 的清场（执行人：{1}）：请亲自检查该操作空间。输入密码即为您的电子签名（含义：已复核）。</translation>
    </message>
    <message>
        <source>{0} performed this clearance; a second person must verify.</source>
        <translation>{0} 执行了此次清场；必须由第二人复核。</translation>
    </message>
</context>
<context>
    <name>ConsentActions</name>
    <message>
        <source>Record informed consent</source>
        <translation>记录知情同意</translation>
    </message>
    <message>
        <source>Enter the consent form as signed. A new version replaces the donor&apos;s current one and ends any hold for re-consent. Your password is your electronic signature (meaning: performed).</source>
        <translation>按签署的知情同意书录入。新版本取代供者当前的版本，并解除所有等待重新知情同意的暂停。您的密码即您的电子签名（含义：执行）。</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>供者</translation>
    </message>
    <message>
        <source>Consent form version</source>
        <translation>知情同意书版本</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签署人</translation>
    </message>
    <message>
        <source>Name of the signer</source>
        <translation>签署人姓名</translation>
    </message>
    <message>
        <source>What the consent covers</source>
        <translation>同意范围</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>您的密码</translation>
    </message>
    <message>
        <source>Sign consent</source>
        <translation>签署知情同意</translation>
    </message>
    <message>
        <source>Consent recorded.</source>
        <translation>知情同意已记录。</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>撤回知情同意</translation>
    </message>
    <message>
        <source>Every unit and retained sample of the donor not yet administered is put on hold and listed with where it is. Your password is your signature.</source>
        <translation>供者所有尚未输注的制品和留样都将暂停，并列出其所在位置。您的密码即您的签名。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message numerus="yes">
        <source>Consent withdrawn; %n item(s) on hold: {0}</source>
        <translation>
            <numerusform>知情同意已撤回；%n 项已暂停：{0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter a preparation request</source>
        <translation>录入制备申请单</translation>
    </message>
    <message>
        <source>The cell-preparation request that came with the collection; the collection cannot be received without it. The CAR-T form also names the patient&apos;s initials and enrolment number.</source>
        <translation>随采集送达的细胞制备申请单；没有申请单，采集不能接收。CAR-T 申请单还需填写患者姓名缩写和入组编号。</translation>
    </message>
    <message>
        <source>Request number</source>
        <translation>申请单编号</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>采集</translation>
    </message>
    <message>
        <source>Donor basics</source>
        <translation>供者基本信息</translation>
    </message>
    <message>
        <source>Clinical information</source>
        <translation>临床信息</translation>
    </message>
    <message>
        <source>Screening results (reference)</source>
        <translation>筛查结果（编号）</translation>
    </message>
    <message>
        <source>Treatment plan</source>
        <translation>治疗方案</translation>
    </message>
    <message>
        <source>CAR-T form</source>
        <translation>CAR-T 申请单</translation>
    </message>
    <message>
        <source>Patient initials</source>
        <translation>患者姓名缩写</translation>
    </message>
    <message>
        <source>Enrolment number</source>
        <translation>入组编号</translation>
    </message>
    <message>
        <source>Record request</source>
        <translation>记录申请单</translation>
    </message>
    <message>
        <source>Preparation request recorded.</source>
        <translation>制备申请单已记录。</translation>
    </message>
</context>
<context>
    <name>DestroyUnitDialog</name>
    <message>
        <source>Sign and destroy</source>
        <translation>签名并销毁</translation>
    </message>
    <message>
        <source>Witnessed destruction</source>
        <translation>见证销毁</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>销毁方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Your password ({0})</source>
        <translation>您的密码（{0}）</translation>
    </message>
    <message>
        <source>Witness user name</source>
        <translation>见证人用户名</translation>
    </message>
    <message>
        <source>Witness password</source>
        <translation>见证人密码</translation>
    </message>
    <message>
        <source>Loading unit…</source>
        <translation>正在加载单元…</translation>
    </message>
    <message>
        <source>Unit {0} of batch {1}: {2}, {3}{4}, at {5}.</source>
        <translation>批次 {1} 的单元 {0}：{2}，{3}{4}，位于 {5}。</translation>
    </message>
    <message>
        <source>, recalled</source>
        <translation>，已召回</translation>
    </message>
    <message>
        <source>Expires {0}.</source>
        <translation>有效期至 {0}。</translation>
    </message>
    <message>
        <source>Thawed; use by {0}.</source>
        <translation>已复苏；须在 {0} 前使用。</translation>
    </message>
    <message>
        <source>Infectious donor: biohazard route.</source>
        <translation>感染性供者：按生物危害途径处理。</translation>
    </message>
    <message>
        <source>You ({0}) destroy it and sign (meaning: performed); a second person witnesses and signs with their own password (meaning: verified).</source>
        <translation>由您（{0}）执行销毁并签名（含义：执行）；第二人见证并用其本人密码签名（含义：已复核）。</translation>
    </message>
    <message>
        <source>This unit cannot be destroyed: {0}.</source>
        <translation>此单元不能销毁：{0}。</translation>
    </message>
    <message>
        <source>{0} destroys this unit; a second person must witness.</source>
        <translation>{0} 执行此单元的销毁；必须由第二人见证。</translation>
    </message>
</context>
<context>
    <name>DoubleCheckDialog</name>
    <message>
        <source>Label double-check</source>
        <translation>标签双人核对</translation>
    </message>
    <message>
        <source>Scan the Data Matrix of the printed label</source>
        <translation>扫描已打印标签上的 Data Matrix 码</translation>
    </message>
    <message>
        <source>2. Check by eye: the text no bar code carries</source>
        <translation>2. 目视核对：条码未包含的文字</translation>
    </message>
    <message>
        <source>3. The label itself</source>
        <translation>3. 标签本身</translation>
    </message>
    <message>
        <source>Sign double-check</source>
        <translation>签署核对</translation>
    </message>
    <message>
        <source>4. Sign</source>
        <translation>4. 签名</translation>
    </message>
    <message>
        <source>✔ {0}: {1}</source>
        <translation>✔ {0}：{1}</translation>
    </message>
    <message>
        <source>Matched by the scan:</source>
        <translation>扫描核对一致：</translation>
    </message>
    <message>
        <source>{0} requested or printed this label; a second person must check it.</source>
        <translation>{0} 申请或打印了此标签；须由第二人核对。</translation>
    </message>
    <message>
        <source>Scanned: {0}</source>
        <translation>已扫描：{0}</translation>
    </message>
    <message>
        <source>1. Scan the label</source>
        <translation>1. 扫描标签</translation>
    </message>
    <message>
        <source>Label {0} for unit {1}, requested by {2} and printed by {3}. A second person checks it and signs with their own badge and password (meaning: verified).</source>
        <translation>标签 {0}（单元 {1}），申请人 {2}，打印人 {3}。由第二人核对，并以本人工牌和密码签名（含义：已复核）。</translation>
    </message>
    <message>
        <source>All {0} match the label</source>
        <translation>全部 {0} 项与标签一致</translation>
    </message>
    <message>
        <source>Both are right</source>
        <translation>两项均正确</translation>
    </message>
    <message>
        <source>The scan will confirm: {0}</source>
        <translation>扫描将核对：{0}</translation>
    </message>
    <message>
        <source>✖ {0}: not in this scan – scan the label&apos;s 2-D symbol</source>
        <translation>✖ {0}：本次扫描未包含 – 请扫描标签的二维码</translation>
    </message>
    <message>
        <source>{0} item(s) not ticked: {1}. They will be recorded as NOT matching, which stops the line. Press “Report mismatch” to confirm, or tick them.</source>
        <translation>{0} 项未勾选：{1}。这些项将记录为“不一致”，贴签线将停止。按“报告不一致”确认，或勾选这些项。</translation>
    </message>
    <message>
        <source>Scan the printed label first.</source>
        <translation>请先扫描已打印的标签。</translation>
    </message>
    <message>
        <source>Report mismatch</source>
        <translation>报告不一致</translation>
    </message>
    <message>
        <source>Scan your badge, then type your password.</source>
        <translation>请扫描您的工牌，然后输入密码。</translation>
    </message>
    <message>
        <source>✖ STOP THE LINE. This label does not match the record: {0}. Deviation {1} is open and the print job is stopped until QA has reviewed it. Do not apply this label; keep it for voiding and witnessed destruction.</source>
        <translation>✖ 立即停线。此标签与记录不一致：{0}。已开启偏差 {1}，打印任务已停止，直至 QA 审核。请勿贴用此标签；保留以作废并在见证下销毁。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
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
        <source>Units awaiting destruction – double-click to trace and destroy</source>
        <translation>待销毁单元 – 双击追溯并销毁</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
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
        <translation>单元数</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>操作空间</translation>
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
        <translation>单元：{0}</translation>
    </message>
</context>
<context>
    <name>LabelActions</name>
    <message>
        <source>Cancel job…</source>
        <translation>取消任务…</translation>
    </message>
    <message>
        <source>Double-check…</source>
        <translation>双人核对…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Approve reprint…</source>
        <translation>批准重印…</translation>
    </message>
    <message>
        <source>Resume line…</source>
        <translation>恢复生产线…</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>贴标</translation>
    </message>
    <message>
        <source>Destroy (witness)…</source>
        <translation>销毁（见证）…</translation>
    </message>
    <message>
        <source>Reprint…</source>
        <translation>重印…</translation>
    </message>
    <message>
        <source>Label {0} passed the double-check; apply it now.</source>
        <translation>标签 {0} 已通过双人核对；现在可以贴标。</translation>
    </message>
    <message>
        <source>✖ Line stopped: label {0} failed the double-check (deviation #{1}).</source>
        <translation>✖ 已停线：标签 {0} 未通过双人核对（偏差 #{1}）。</translation>
    </message>
    <message>
        <source>Label {0} applied to unit {1}.</source>
        <translation>标签 {0} 已贴到单元 {1}。</translation>
    </message>
    <message>
        <source>Void label {0}</source>
        <translation>作废标签 {0}</translation>
    </message>
    <message>
        <source>A voided label is kept aside for witnessed destruction; it can never be applied.</source>
        <translation>作废的标签须单独存放，待见证销毁；永远不能再贴用。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Void label</source>
        <translation>作废标签</translation>
    </message>
    <message>
        <source>Label {0} voided; destroy it under a witness.</source>
        <translation>标签 {0} 已作废；请在见证下销毁。</translation>
    </message>
    <message>
        <source>Witnessed destruction</source>
        <translation>见证销毁</translation>
    </message>
    <message>
        <source>You ({0}) destroy the ticked labels; a second person witnesses it and signs with their own password.</source>
        <translation>由您（{0}）销毁所勾选的标签；第二人见证并用其本人密码签名。</translation>
    </message>
    <message>
        <source>Labels destroyed</source>
        <translation>已销毁的标签</translation>
    </message>
    <message>
        <source>Witness user name</source>
        <translation>见证人用户名</translation>
    </message>
    <message>
        <source>Witness password</source>
        <translation>见证人密码</translation>
    </message>
    <message>
        <source>Record destruction</source>
        <translation>记录销毁</translation>
    </message>
    <message>
        <source>Destruction recorded.</source>
        <translation>销毁已记录。</translation>
    </message>
    <message>
        <source>Request a reprint of label {0}</source>
        <translation>申请重印标签 {0}</translation>
    </message>
    <message>
        <source>The reprint carries the repeat-label flag and prints only after QA approves it.</source>
        <translation>重印标签带有“重复标签”标志，须经 QA 批准后才能打印。</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Request reprint</source>
        <translation>申请重印</translation>
    </message>
    <message>
        <source>Reprint requested; QA must approve it before it prints.</source>
        <translation>已申请重印；须经 QA 批准后才能打印。</translation>
    </message>
    <message>
        <source>Approve reprint – job {0}</source>
        <translation>批准重印 – 任务 {0}</translation>
    </message>
    <message>
        <source>Reason given by {0}: {1}. QA approves with their own password (meaning: approved).</source>
        <translation>{0} 给出的原因：{1}。QA 用本人密码批准（含义：已批准）。</translation>
    </message>
    <message>
        <source>QA user name</source>
        <translation>QA 用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Approve reprint</source>
        <translation>批准重印</translation>
    </message>
    <message>
        <source>Reprint job {0} approved; it can be printed.</source>
        <translation>重印任务 {0} 已批准，可以打印。</translation>
    </message>
    <message>
        <source>Cancel print job {0}</source>
        <translation>取消打印任务 {0}</translation>
    </message>
    <message>
        <source>Labels already printed by this job stay to be reconciled.</source>
        <translation>此任务已打印的标签仍须进行标签平衡核算。</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <source>Job {0} cancelled.</source>
        <translation>任务 {0} 已取消。</translation>
    </message>
    <message>
        <source>Resume stopped line – job {0}</source>
        <translation>恢复已停的生产线 – 任务 {0}</translation>
    </message>
    <message>
        <source>QA lifts the stop after reviewing deviation {0}.</source>
        <translation>QA 审核偏差 {0} 后解除停线。</translation>
    </message>
    <message>
        <source>Resume line</source>
        <translation>恢复生产线</translation>
    </message>
    <message>
        <source>Line resumed for job {0}.</source>
        <translation>任务 {0} 的生产线已恢复。</translation>
    </message>
    <message>
        <source>{0} cannot sign this: a second person must.</source>
        <translation>{0} 不能签署此项：须由第二人签署。</translation>
    </message>
</context>
<context>
    <name>LabelPrinting</name>
    <message>
        <source>Choose a print job first.</source>
        <translation>请先选择一个打印任务。</translation>
    </message>
    <message>
        <source>Printing job {0} on {1}…</source>
        <translation>正在 {1} 上打印任务 {0}…</translation>
    </message>
    <message>
        <source>Job {0}: {1} label(s) not confirmed by the printer — scan the labels that came out (“Recover job…”). {2} label(s) confirmed.</source>
        <translation>任务 {0}：{1} 张标签未获打印机确认 — 请扫描实际打出的标签（“恢复任务…”）。已确认 {2} 张。</translation>
    </message>
    <message>
        <source>Printer: {0}</source>
        <translation>打印机：{0}</translation>
    </message>
    <message>
        <source>Job {0} failed: {1}. Nothing after the failure was marked printed; fix the printer and press Print again.</source>
        <translation>任务 {0} 失败：{1}。失败之后的标签均未记为已打印；请排除打印机故障后再按“打印”。</translation>
    </message>
    <message>
        <source>Job {0} printed {1} label(s). Double-check each one before applying it.</source>
        <translation>任务 {0} 已打印 {1} 张标签。贴标前请逐张双人核对。</translation>
    </message>
    <message>
        <source>Job {0} was not printed: {1}</source>
        <translation>任务 {0} 未打印：{1}</translation>
    </message>
</context>
<context>
    <name>LabelRecovery</name>
    <message>
        <source>Recover job…</source>
        <translation>恢复任务…</translation>
    </message>
    <message>
        <source>⚠ Job {0}: {1} label(s) not confirmed by the printer — scan the labels that came out (select the job, then “Recover job…”).</source>
        <translation>⚠ 任务 {0}：{1} 张标签未获打印机确认 — 请扫描实际打出的标签（选中该任务，再点“恢复任务…”）。</translation>
    </message>
    <message>
        <source>⚠ Job {0} was interrupted while printing.</source>
        <translation>⚠ 任务 {0} 在打印过程中中断。</translation>
    </message>
    <message>
        <source>Job {0} recovered: {1} label(s) recorded as printed, {2} freed to print again — press Print for them.</source>
        <translation>任务 {0} 已恢复：{1} 张标签记为已打印，{2} 张可重新打印 — 请按“打印”重新打印。</translation>
    </message>
    <message>
        <source>Job {0} recovered: {1} label(s) recorded as printed.</source>
        <translation>任务 {0} 已恢复：{1} 张标签记为已打印。</translation>
    </message>
</context>
<context>
    <name>LabelRequest</name>
    <message>
        <source>Preview – {0} as it will print</source>
        <translation>预览 – {0}（打印效果）</translation>
    </message>
    <message>
        <source>Label {0} – exactly as printed (archived)</source>
        <translation>标签 {0} – 与打印内容完全一致（存档）</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Template {0} chosen: it fits the unit&apos;s container.</source>
        <translation>已选用模板 {0}：它适合该单元的容器。</translation>
    </message>
    <message>
        <source>Tick at least one unit and choose a template and a printer.</source>
        <translation>请至少勾选一个单元，并选择模板和打印机。</translation>
    </message>
    <message>
        <source>Job {0} queued for {1} label(s); press Print.</source>
        <translation>任务 {0} 已排队，共 {1} 张标签；请按“打印”。</translation>
    </message>
</context>
<context>
    <name>LabelStationPage</name>
    <message>
        <source>Label station – batch</source>
        <translation>贴标工作站 – 批次</translation>
    </message>
    <message>
        <source>1. Units to label</source>
        <translation>1. 待贴标单元</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Request labels</source>
        <translation>申请标签</translation>
    </message>
    <message>
        <source>2. Print queue</source>
        <translation>2. 打印队列</translation>
    </message>
    <message>
        <source>3. Printed labels – check, apply or void each one</source>
        <translation>3. 已打印标签 – 逐张核对、贴标或作废</translation>
    </message>
    <message>
        <source>Print ▶</source>
        <translation>打印 ▶</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>DIN</source>
        <translation>DIN</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>核对人</translation>
    </message>
    <message>
        <source>Applied by</source>
        <translation>贴标人</translation>
    </message>
    <message>
        <source>Choose the batch, tick the units and request their labels.</source>
        <translation>请选择批次，勾选单元并申请标签。</translation>
    </message>
    <message>
        <source>No label printer is configured for this workstation (an administrator adds one under Workstation…).</source>
        <translation>本工作站未配置标签打印机（由管理员在“工作站…”中添加）。</translation>
    </message>
</context>
<context>
    <name>LabelTables</name>
    <message>
        <source>✖ line stopped – deviation {0}</source>
        <translation>✖ 已停线 – 偏差 {0}</translation>
    </message>
    <message>
        <source>reprint awaits QA approval: {0}</source>
        <translation>重印待 QA 批准：{0}</translation>
    </message>
    <message>
        <source>information sheets for job {0}</source>
        <translation>任务 {0} 的信息单</translation>
    </message>
    <message>
        <source>✔ Reconciled</source>
        <translation>✔ 已平衡</translation>
    </message>
    <message>
        <source>≈ Balanced, open items</source>
        <translation>≈ 数量平衡，尚有未结项</translation>
    </message>
    <message>
        <source>✖ NOT balanced</source>
        <translation>✖ 不平衡</translation>
    </message>
    <message>
        <source>{0} – batch {1}: printed {2} {3} applied {4} + voided {5} + destroyed {6}. Awaiting check {7}, rejected {8}, open jobs {9}, unlabelled units {10}.</source>
        <translation>{0} – 批次 {1}：已打印 {2} {3} 已贴 {4} + 已作废 {5} + 已销毁 {6}。待核对 {7}，核对不合格 {8}，未完成任务 {9}，未贴标单元 {10}。</translation>
    </message>
</context>
<context>
    <name>LineClearanceDialog</name>
    <message>
        <source>Line clearance – {0}</source>
        <translation>清场 – {0}</translation>
    </message>
    <message>
        <source>Performed by</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>您的密码</translation>
    </message>
    <message>
        <source>Sign and ask for verification…</source>
        <translation>签名并提交复核…</translation>
    </message>
    <message>
        <source>Clear workspace {0} after batch {1}. Confirm each item only after checking it; an item that is not fulfilled means no clearance: clean again first.</source>
        <translation>批次 {1} 结束后对操作空间 {0} 清场。每一项须经检查后方可确认；任何一项未达到要求即清场不合格：须先重新清洁。</translation>
    </message>
    <message>
        <source>Clear workspace {0} before its first batch. Confirm each item only after checking it; an item that is not fulfilled means no clearance.</source>
        <translation>操作空间 {0} 首个批次开始前清场。每一项须经检查后方可确认；任何一项未达到要求即清场不合格。</translation>
    </message>
    <message>
        <source>☣ The previous batch was infectious or processed in an infectious area: confirm that no residual infection risk remains (R-SEG-06).</source>
        <translation>☣ 上批具有感染性或在感染性区域生产：请确认无残留感染风险（R-SEG-06）。</translation>
    </message>
    <message>
        <source>Not confirmed: {0}. Every item must be confirmed.</source>
        <translation>未确认：{0}。每一项都必须确认。</translation>
    </message>
    <message>
        <source>Enter your password: it is your electronic signature.</source>
        <translation>请输入密码：这是您的电子签名。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Signed in: {0}. Scan your badge or enter your password to continue.</source>
        <translation>当前登录：{0}。请扫描工牌或输入密码继续。</translation>
    </message>
    <message>
        <source>Password or badge</source>
        <translation>密码或工牌</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Another user? Sign out</source>
        <translation>其他用户？请先注销</translation>
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
        <source>Demo database. Accounts: {0}. Password: the one given to &apos;celltrail demo&apos; (by default {1}).</source>
        <translation>演示数据库。账户：{0}。密码：运行 &apos;celltrail demo&apos; 时给定的密码（默认 {1}）。</translation>
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
        <source>Labels</source>
        <translation>贴标</translation>
    </message>
    <message>
        <source>Cleanroom</source>
        <translation>洁净室</translation>
    </message>
    <message>
        <source>QA release</source>
        <translation>QA 放行</translation>
    </message>
    <message>
        <source>Bedside</source>
        <translation>床旁</translation>
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
        <source>Finish or close the open dialog first.</source>
        <translation>请先完成或关闭当前对话框。</translation>
    </message>
    <message>
        <source>Scan accepted: opening {0}.</source>
        <translation>扫描成功：正在打开{0}。</translation>
    </message>
    <message>
        <source>Also read: {0}.</source>
        <translation>同时读取：{0}。</translation>
    </message>
    <message>
        <source>Badge: {0} is signed in.</source>
        <translation>工牌：{0} 已登录。</translation>
    </message>
    <message>
        <source>Badge of {0}: sign out first to switch user.</source>
        <translation>{0} 的工牌：切换用户前请先注销。</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <source>⚠ Database offline — nothing is saved until the connection returns</source>
        <translation>⚠ 数据库离线——连接恢复前不会保存任何内容</translation>
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
    <name>Package</name>
    <message>
        <source>Request form</source>
        <translation>申请单</translation>
    </message>
    <message>
        <source>Preparation record</source>
        <translation>制备记录</translation>
    </message>
    <message>
        <source>QC report</source>
        <translation>质检报告</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Packaging</source>
        <translation>包装</translation>
    </message>
    <message>
        <source>Release form</source>
        <translation>放行单</translation>
    </message>
</context>
<context>
    <name>PrinterProfilesEditor</name>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>Media width mm</source>
        <translation>标签纸宽 mm</translation>
    </message>
    <message>
        <source>Media height mm</source>
        <translation>标签纸高 mm</translation>
    </message>
    <message>
        <source>Darkness</source>
        <translation>打印浓度</translation>
    </message>
    <message>
        <source>Answers status</source>
        <translation>可回报状态</translation>
    </message>
    <message>
        <source>Add printer</source>
        <translation>添加打印机</translation>
    </message>
    <message>
        <source>Remove printer</source>
        <translation>移除打印机</translation>
    </message>
    <message>
        <source>ask the printer</source>
        <translation>询问打印机</translation>
    </message>
    <message>
        <source>printer&apos;s own</source>
        <translation>打印机自身设置</translation>
    </message>
    <message>
        <source>Off: the printer never answers ~HS; a person confirms every label.</source>
        <translation>关闭：打印机不回应 ~HS；每张标签须由人工确认。</translation>
    </message>
</context>
<context>
    <name>QcImportDialog</name>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>检测项目</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Resulted at</source>
        <translation>检测时间</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>检测方法</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>仪器</translation>
    </message>
    <message>
        <source>✔ pass</source>
        <translation>✔ 合格</translation>
    </message>
    <message>
        <source>✖ OUT OF SPEC (deviation)</source>
        <translation>✖ 超标（偏差）</translation>
    </message>
    <message>
        <source>… pending</source>
        <translation>… 待判定</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Import QC results</source>
        <translation>导入 QC 结果</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Sign and import</source>
        <translation>签名并导入</translation>
    </message>
    <message>
        <source>Your password ({0})</source>
        <translation>您的密码（{0}）</translation>
    </message>
    <message>
        <source>QC results file</source>
        <translation>QC 结果文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>✔ {0} result(s) ready to import from {1} ({2}, SHA-256 {3}…). Times without a UTC offset were read in {4}. Check them, then sign with your password.</source>
        <translation>✔ {1}（{2}，SHA-256 {3}…）中有 {0} 条结果可导入。未注明 UTC 偏移的时间已按 {4} 时区读取。请核对后用您的密码签名。</translation>
    </message>
    <message>
        <source>{0} result(s) are out of specification: each opens a deviation.</source>
        <translation>{0} 条结果超标：每条都将开启一项偏差。</translation>
    </message>
    <message>
        <source>✖ {0} was not imported: {1} problem(s). Nothing was saved.</source>
        <translation>✖ {0} 未导入：发现 {1} 个问题。未保存任何内容。</translation>
    </message>
    <message>
        <source>Importing QC results…</source>
        <translation>正在导入 QC 结果…</translation>
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
    <name>RecoverJobDialog</name>
    <message>
        <source>Recover print job {0}</source>
        <translation>恢复打印任务 {0}</translation>
    </message>
    <message>
        <source>Scan a label that came out of the printer</source>
        <translation>扫描一张从打印机打出的标签</translation>
    </message>
    <message>
        <source>Nothing came out of the printer</source>
        <translation>打印机没有打出任何标签</translation>
    </message>
    <message>
        <source>Record what came out</source>
        <translation>登记实际打出的标签</translation>
    </message>
    <message>
        <source>Print job {0}: {1} label(s) not confirmed by the printer. Scan every label that came out, one after the other. Scanned labels are recorded as printed; the others are freed to print again (press Print for them afterwards).</source>
        <translation>打印任务 {0}：{1} 张标签未获打印机确认。请逐张扫描实际打出的每一张标签。已扫描的标签记为已打印；其余标签可重新打印（之后请按“打印”）。</translation>
    </message>
    <message>
        <source>Unit {0} (label {1}) is already recorded as printed.</source>
        <translation>单元 {0}（标签 {1}）已记为已打印。</translation>
    </message>
    <message>
        <source>Unit {0} (label {1}) was already scanned.</source>
        <translation>单元 {0}（标签 {1}）已扫描过。</translation>
    </message>
    <message>
        <source>✔ Unit {0} (label {1}) came out.</source>
        <translation>✔ 单元 {0}（标签 {1}）已打出。</translation>
    </message>
    <message>
        <source>✖ Scan refused, not added: {0}</source>
        <translation>✖ 扫描被拒绝，未加入：{0}</translation>
    </message>
    <message>
        <source>Scanned: {0}</source>
        <translation>已扫描：{0}</translation>
    </message>
    <message>
        <source>✔ came out</source>
        <translation>✔ 已打出</translation>
    </message>
    <message>
        <source>… not scanned</source>
        <translation>… 未扫描</translation>
    </message>
    <message>
        <source>Unit {0} · label {1} · {2}</source>
        <translation>单元 {0} · 标签 {1} · {2}</translation>
    </message>
    <message>
        <source>{0} label(s) will be recorded as printed, {1} freed to print again.</source>
        <translation>{0} 张标签将记为已打印，{1} 张可重新打印。</translation>
    </message>
    <message>
        <source>Scan the labels that came out, or tick “Nothing came out of the printer”.</source>
        <translation>请扫描实际打出的标签，或勾选“打印机没有打出任何标签”。</translation>
    </message>
</context>
<context>
    <name>ReleasePage</name>
    <message>
        <source>standard</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>rapid</source>
        <translation>快速</translation>
    </message>
    <message>
        <source>QA release – batch</source>
        <translation>QA 放行 – 批次</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Import QC results…</source>
        <translation>导入 QC 结果…</translation>
    </message>
    <message>
        <source>Blockers</source>
        <translation>阻碍放行的问题</translation>
    </message>
    <message>
        <source>Failed tests</source>
        <translation>不合格检验</translation>
    </message>
    <message>
        <source>Pending tests</source>
        <translation>待出结果的检验</translation>
    </message>
    <message>
        <source>Release package (6 elements)</source>
        <translation>放行资料（6 项）</translation>
    </message>
    <message>
        <source>Release (e-signature)…</source>
        <translation>放行（电子签名）…</translation>
    </message>
    <message>
        <source>Emergency release…</source>
        <translation>紧急放行…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>判定不合格…</translation>
    </message>
    <message>
        <source>✔ Batch {0} can be released ({1} release). Pending tests stay listed in the release record.</source>
        <translation>✔ 批次 {0} 可以放行（{1}放行）。待出结果的检验将保留在放行记录中。</translation>
    </message>
    <message>
        <source>✖ Batch {0} cannot be released: {1} blocker(s).</source>
        <translation>✖ 批次 {0} 不能放行：{1} 个问题。</translation>
    </message>
    <message>
        <source>An emergency release on a physician&apos;s request is possible (QA head).</source>
        <translation>可凭医生申请进行紧急放行（QA 负责人）。</translation>
    </message>
    <message>
        <source>Specification {0} v{1} · {2} unit(s) in the package</source>
        <translation>质量标准 {0} 第 {1} 版 · 放行包含 {2} 个单元</translation>
    </message>
    <message>
        <source>✔ {0}: in the records</source>
        <translation>✔ {0}：记录齐全</translation>
    </message>
    <message>
        <source>☐ {0}: attest when signing</source>
        <translation>☐ {0}：签名时确认</translation>
    </message>
    <message>
        <source>✖ {0}: not in order</source>
        <translation>✖ {0}：不符合要求</translation>
    </message>
    <message>
        <source>{0} step(s), {1} awaiting verification</source>
        <translation>{0} 个步骤，{1} 个待复核</translation>
    </message>
    <message>
        <source>Container and packaging checked</source>
        <translation>容器和包装已检查</translation>
    </message>
    <message>
        <source>Batch record number (paper)</source>
        <translation>批生产记录编号（纸质）</translation>
    </message>
    <message>
        <source>Release batch {0}</source>
        <translation>放行批次 {0}</translation>
    </message>
    <message>
        <source>You ({0}) release batch {1}. Re-enter your password: it is your electronic signature (meaning: released) over the release package.</source>
        <translation>您（{0}）放行批次 {1}。请重新输入密码：这是您对放行资料的电子签名（含义：已放行）。</translation>
    </message>
    <message>
        <source>Sign release</source>
        <translation>签署放行</translation>
    </message>
    <message>
        <source>Emergency release of batch {0}</source>
        <translation>紧急放行批次 {0}</translation>
    </message>
    <message>
        <source>Only on a physician&apos;s written request for a patient at risk of death or serious illness. Failed: {0}.</source>
        <translation>仅限医生书面申请、患者有死亡或严重疾病风险时使用。不合格项：{0}。</translation>
    </message>
    <message>
        <source>Requesting physician</source>
        <translation>申请医生</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Medical justification</source>
        <translation>医学理由</translation>
    </message>
    <message>
        <source>Sign emergency release</source>
        <translation>签署紧急放行</translation>
    </message>
    <message>
        <source>Reject batch {0}</source>
        <translation>判定批次 {0} 不合格</translation>
    </message>
    <message>
        <source>Rejected units can never be released.</source>
        <translation>判定不合格的单元永远不能放行。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Sign rejection</source>
        <translation>签署不合格判定</translation>
    </message>
    <message>
        <source>Your password ({0})</source>
        <translation>您的密码（{0}）</translation>
    </message>
    <message>
        <source>Batch released.</source>
        <translation>批次已放行。</translation>
    </message>
    <message>
        <source>Batch emergency-released; the failed results stay on the record.</source>
        <translation>批次已紧急放行；不合格结果保留在记录中。</translation>
    </message>
    <message>
        <source>Batch rejected.</source>
        <translation>批次已判定不合格。</translation>
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
        <source>intact: {0} entries verified</source>
        <translation>完好：已验证 {0} 条记录</translation>
    </message>
    <message>
        <source>BROKEN at entry {0}: {1} ({2} entries intact before it)</source>
        <translation>在第 {0} 条处断裂：{1}（此前 {2} 条完好）</translation>
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
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Audit chain check</source>
        <translation>审计链校验</translation>
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
        <source>Report</source>
        <translation>报告</translation>
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
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>第 {0} 页，共 {1} 页</translation>
    </message>
    <message>
        <source>Saved {0} rows to {1}</source>
        <translation>已保存 {0} 行至 {1}</translation>
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
    <name>ScanToCheck</name>
    <message>
        <source>No label of unit {0} awaits a double-check.</source>
        <translation>制剂 {0} 没有待双人核对的标签。</translation>
    </message>
    <message>
        <source>The label of unit {0} is in batch {1}, which this station does not list.</source>
        <translation>制剂 {0} 的标签属于批次 {1}，本工作站未列出该批次。</translation>
    </message>
    <message>
        <source>No label of this unit awaits a double-check.</source>
        <translation>该制剂没有待双人核对的标签。</translation>
    </message>
</context>
<context>
    <name>SecondPersonDialog</name>
    <message>
        <source>Verifier user name</source>
        <translation>复核人用户名</translation>
    </message>
    <message>
        <source>Verifier password</source>
        <translation>复核人密码</translation>
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
        <translation>贴标工作站</translation>
    </message>
    <message>
        <source>QA / audit desk</source>
        <translation>QA / 审计工作台</translation>
    </message>
    <message>
        <source>Hospital bedside</source>
        <translation>医院床旁</translation>
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
        <source>Workspace of the label station</source>
        <translation>贴签工位所在操作空间</translation>
    </message>
    <message>
        <source>Printers (one URL per line)</source>
        <translation>打印机（每行一个地址）</translation>
    </message>
    <message>
        <source>Printer profiles</source>
        <translation>打印机配置</translation>
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
    <name>StopOverlay</name>
    <message>
        <source>I have read every reason</source>
        <translation>我已阅读全部原因</translation>
    </message>
    <message>
        <source>Acknowledge STOP</source>
        <translation>确认停止</translation>
    </message>
</context>
<context>
    <name>ThawCorrection</name>
    <message>
        <source>Say why the recorded times are wrong.</source>
        <translation>请说明记录的时间错在哪里。</translation>
    </message>
    <message>
        <source>Correct the thaw of unit {0}</source>
        <translation>更正制剂 {0} 的复苏记录</translation>
    </message>
    <message>
        <source>Correct the recorded thaw times only if they are wrong (for example “Thaw finished” was pressed before the bag came out). The old and new times and your reason are kept in the audit trail; the use-by is counted from the corrected end. A unit already given cannot be corrected.</source>
        <translation>仅在记录的复苏时间有误时更正（例如血袋取出前误按了“复苏完成”）。原时间、新时间及您的理由均记入审计追踪；使用时限从更正后的结束时间起算。已输注的制剂不能更正。</translation>
    </message>
    <message>
        <source>Thaw started</source>
        <translation>复苏开始</translation>
    </message>
    <message>
        <source>Thaw finished</source>
        <translation>复苏完成</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation>更正理由</translation>
    </message>
    <message>
        <source>Record correction</source>
        <translation>记录更正</translation>
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
        <source>Destroy unit…</source>
        <translation>销毁单元…</translation>
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
        <source>✖ changed outside CellTrail</source>
        <translation>✖ 在 CellTrail 之外被修改</translation>
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
<context>
    <name>UseByCountdown</name>
    <message>
        <source>Use-by time passed at {0}: do not administer.</source>
        <translation>已于 {0} 超过使用时限：不得输注。</translation>
    </message>
    <message>
        <source>Use within {0} (until {1})</source>
        <translation>请在 {0} 内使用（截至 {1}）</translation>
    </message>
</context>
<context>
    <name>VerifierDialog</name>
    <message>
        <source>Second-person check at the bedside</source>
        <translation>床旁第二人复核</translation>
    </message>
    <message>
        <source>Administer unit {0} to patient {1}, given by {2}. The second person checks bag and wristband; your password is your electronic signature (meaning: verified).</source>
        <translation>由 {2} 将制剂 {0} 输注给患者 {1}。第二人核对血袋和腕带；您的密码即为电子签名（含义：已复核）。</translation>
    </message>
    <message>
        <source>Sign and administer</source>
        <translation>签名并输注</translation>
    </message>
</context>
<context>
    <name>WorkQueueView</name>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>主要</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>次要</translation>
    </message>
    <message>
        <source>{0} d {1} h</source>
        <translation>{0} 天 {1} 小时</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} 小时</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <source>Deviation</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>已持续</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>涉及</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Stopped job requested</source>
        <translation>停线任务申请时间</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>Release readiness</source>
        <translation>放行就绪情况</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>重印</translation>
    </message>
    <message>
        <source>Open deviations ({0})</source>
        <translation>未关闭偏差（{0}）</translation>
    </message>
    <message>
        <source>Stopped label lines ({0})</source>
        <translation>已停线的贴签线（{0}）</translation>
    </message>
    <message>
        <source>Awaiting release ({0})</source>
        <translation>待放行（{0}）</translation>
    </message>
    <message>
        <source>Labels awaiting check ({0})</source>
        <translation>待双人核对的标签（{0}）</translation>
    </message>
    <message>
        <source>Not classified</source>
        <translation>未分级</translation>
    </message>
    <message>
        <source>Ready to release</source>
        <translation>可放行</translation>
    </message>
    <message>
        <source>{0} more</source>
        <translation>另有 {0} 项</translation>
    </message>
</context>
<context>
    <name>WorkspacePanel</name>
    <message>
        <source>Workspaces – line clearance (R-SEG)</source>
        <translation>操作空间 – 清场（R-SEG）</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>操作空间</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last clearance</source>
        <translation>最近一次清场</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>No workspaces are registered yet; QA or an administrator registers them. Until then, batches are not tied to a workspace.</source>
        <translation>尚未登记任何操作空间；由 QA 或管理员登记。在此之前，批次不与操作空间绑定。</translation>
    </message>
    <message>
        <source>Record line clearance…</source>
        <translation>记录清场…</translation>
    </message>
    <message>
        <source>Start chosen batch here…</source>
        <translation>在此开始所选批次…</translation>
    </message>
    <message>
        <source>Finish batch here…</source>
        <translation>在此结束批次…</translation>
    </message>
    <message>
        <source>Register workspace…</source>
        <translation>登记操作空间…</translation>
    </message>
    <message>
        <source>✖ Occupied by batch {0}</source>
        <translation>✖ 批次 {0} 占用中</translation>
    </message>
    <message>
        <source>✔ Cleared – ready for the next batch</source>
        <translation>✔ 已清场 – 可用于下一批次</translation>
    </message>
    <message>
        <source>⚠ Needs line clearance (after batch {0})</source>
        <translation>⚠ 待清场（批次 {0} 之后）</translation>
    </message>
    <message>
        <source>⚠ Needs line clearance</source>
        <translation>⚠ 待清场</translation>
    </message>
    <message>
        <source>☣ Infectious area</source>
        <translation>☣ 感染性区域</translation>
    </message>
    <message>
        <source>General</source>
        <translation>普通区域</translation>
    </message>
    <message>
        <source>{0}, {1} / {2}</source>
        <translation>{0}，{1} / {2}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Line clearance of {0} recorded and verified.</source>
        <translation>{0} 的清场已记录并复核。</translation>
    </message>
    <message>
        <source>Start batch {0} in {1}</source>
        <translation>在 {1} 开始批次 {0}</translation>
    </message>
    <message>
        <source>Batch {0} starts its work in workspace {1}; no other batch may enter until it has finished and the line is cleared again.</source>
        <translation>批次 {0} 在操作空间 {1} 开始生产；在其结束并重新清场之前，其他批次不得进入。</translation>
    </message>
    <message>
        <source>Start here</source>
        <translation>在此开始</translation>
    </message>
    <message>
        <source>Batch {0} started in {1}.</source>
        <translation>批次 {0} 已在 {1} 开始。</translation>
    </message>
    <message>
        <source>Finish batch {0} in {1}</source>
        <translation>在 {1} 结束批次 {0}</translation>
    </message>
    <message>
        <source>The work of batch {0} in workspace {1} ends; the workspace needs a line clearance before the next batch.</source>
        <translation>批次 {0} 在操作空间 {1} 的生产结束；下一批次开始前该操作空间须清场。</translation>
    </message>
    <message>
        <source>Finish here</source>
        <translation>在此结束</translation>
    </message>
    <message>
        <source>Batch {0} finished in {1}; clear the line next.</source>
        <translation>批次 {0} 已在 {1} 结束；下一步请清场。</translation>
    </message>
    <message>
        <source>Register a workspace</source>
        <translation>登记操作空间</translation>
    </message>
    <message>
        <source>A cleanroom suite or biosafety cabinet. Infectious material is processed only in an infectious area, and nothing else there.</source>
        <translation>洁净室房间或生物安全柜。感染性物料只能在感染性区域处理，且该区域不得处理其他物料。</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Workspace registered.</source>
        <translation>操作空间已登记。</translation>
    </message>
    <message>
        <source>Code (e.g. C-201/BSC-02)</source>
        <translation>编号（例如 C-201/BSC-02）</translation>
    </message>
    <message>
        <source>Infectious area</source>
        <translation>感染性区域</translation>
    </message>
</context>
</TS>
