"""Simplified Chinese catalogue: message code → ``str.format`` template (see ``models.i18n``).

Terms follow ``models/i18n/glossary.py``.
"""

MESSAGES: dict[str, str] = {}

# cli — the command line's own words (models/cli/); domain errors keep their own codes.
MESSAGES.update(
    {
        # isbt128: a read longer than any symbol (models/isbt128/structures.py)
        "isbt128_too_long": (
            "扫描内容长 {length} 个字符，但任何 ISBT 128 条码最多只能容纳 {limit} 个字符；"
            "请逐次扫描标签上的条码，不要粘贴文本或文件。"
        ),
        "cli.error": "错误：{message}",
        "cli.field.arguments": "参数",
        "cli.field.password": "密码",
        "cli.field.printer": "打印机",
        "cli.no_password": "未输入密码",
        "cli.password_prompt": "{user} 的密码：",
        "cli.help.celltrail": "CellTrail GMP 追溯系统",
        "cli.help.db": "数据库 URL 或 SQLite 文件路径（默认：CELLTRAIL_DB 或当前用户的数据库）",
        "cli.help.json": "机器可读的输出",
        "cli.help.password_stdin": "从标准输入读取密码",
        "cli.help.init": "创建或升级数据库结构",
        "cli.help.demo": "在数据库中建立演示站点",
        "cli.help.demo.password": "所有演示账户的密码",
        "cli.help.audit": "审计追踪工具",
        "cli.help.audit.verify": "校验整条哈希链",
        "cli.help.user": "用户账户",
        "cli.help.user.add": "添加用户账户",
        "cli.help.user.name": "签名中使用的打印姓名",
        "cli.help.user.by": "添加该用户的管理员（添加第一个用户时不需要）",
        "cli.help.din": "ISBT 128 捐献识别号（DIN）",
        "cli.help.din.check": "校验扫描的 DIN",
        "cli.help.trace": "双向追溯供者、采集、批次、COI、DIN 或受者",
        "cli.help.label": "产品标签",
        "cli.help.label.render": "将标签渲染到文件",
        "cli.help.label.print": "申请并打印标签",
        "cli.help.label.din": "该单元的 DIN，扫描或连同校验字符手工输入",
        "cli.help.label.template": "模板代码，例如 LT-BAG",
        "cli.help.label.template_with_batch": "模板代码（与 --batch 一起使用）",
        "cli.help.label.batch": "批号：为该批所有单元打印标签（或用 --din）",
        "cli.help.label.only_dins": "仅这些单元（可重复）",
        "cli.help.label.job": "改为打印（或重试）已有的打印任务",
        "cli.help.label.printer": "打印机 URL，例如 tcp://10.0.0.5:9100",
        "cli.help.label.station": "贴签工作站（与 --batch 一起使用）",
        "cli.help.qc": "质控结果",
        "cli.help.qc.import": "从仪器/LIMS 导出的 CSV 文件导入质控结果（全部导入或全部不导入）",
        "cli.help.qc.file": "导出的 CSV 文件",
        "cli.help.qc.user": "签署结果的检验员",
        "cli.help.backup": "写入经校验的备份归档",
        "cli.help.restore": "将备份归档恢复到空数据库",
        "cli.help.archive": "导出、校验或查看已关闭批次的留存归档",
        "cli.help.archive.target": (
            "批号 -o 文件.zip --user 用户 | verify 文件.zip [--db URL] | show 文件.zip"
        ),
        "cli.help.archive.output": "要写入的归档文件（.zip）",
        "cli.help.archive.user": "执行导出的 QA 或审计员账户",
        "cli.help.archive.description": (
            "  celltrail archive 批号 -o 文件.zip --user 用户   导出（QA 或审计员；记入审计追踪）\n"
            "  celltrail archive verify 文件.zip [--db URL]     校验；完好退出码 0，否则 1\n"
            "  celltrail archive show 文件.zip                  可读摘要；完好退出码 0，否则 1\n"
            "\n"
            "verify 和 show 不需要数据库。verify 的 --db 仅在明确给出时使用\n"
            "（不读取 CELLTRAIL_DB），此时还会将归档与该在线数据库交叉核对。"
        ),
        "cli.help.qc.import.description": (
            "先检查文件（无需密码即可知道文件有什么问题）；然后由检验员的密码（提示输入，或用\n"
            "--password-stdin 从标准输入读取一行）签署每条结果，全部在一个事务中完成。退出码：\n"
            "0 已导入；1 文件被拒绝（逐条列出每个问题的行和列；未导入任何内容）；2 因其他原因\n"
            "被拒绝（密码错误、缺少角色、无法连接数据库……）。\n"
            "\n"
            "文件格式（CSV，UTF-8/UTF-8-BOM/GB18030，逗号、制表符或分号分隔）：\n"
            "  必需列  batch/批号, test/检测项目, result/结果, resulted_at/检测时间\n"
            "  可选列  unit/单位, method/方法, instrument/仪器, rapid/快速法,\n"
            "          mutation_detected/基因突变\n"
            "  时间    带 UTC 偏移（2025-04-15T10:30:00+08:00），或不带偏移\n"
            "          （2025-04-15 10:30:00，按站点所在时区解读）"
        ),
        "cli.init.done": "数据库结构版本 {revision}",
        "cli.demo.done": "演示站点已就绪：{summary}",
        "cli.audit.broken": "审计链在第 {seq} 条断裂：{problem}（此前 {checked} 条完好）",
        "cli.audit.intact": "审计链完好：{checked} 条记录，链头 {seq} {hash}",
        "cli.user.added": "已添加用户 {user}",
        "cli.din.valid": "DIN {din} 有效",
        "cli.din.invalid": "无效：{reason}",
        "cli.trace.focus": "{kind} {focus} 的追溯",
        "cli.trace.donor": "供者 {code} [{donor_type}，{eligibility}{flags}]",
        "cli.trace.infectious": "传染性",
        "cli.trace.collection": "采集 {code} 供者 {donor} COI {coi} {material}",
        "cli.trace.batch": "批次 {number} {product} [{status}] {origin}",
        "cli.trace.pool_of": "由 {sources} 合并",
        "cli.trace.from": "来自 {source}",
        "cli.trace.unit": "单元 {code} 批次 {batch} [{status}]{marks}{parent}：{location}",
        "cli.trace.recalled": "已召回",
        "cli.trace.hold": "暂扣",
        "cli.trace.void": "作废",
        "cli.trace.recipient": "受者 {code}（{initials}）于 {hospital}：{given}",
        "cli.trace.nothing_given": "尚未输注",
        "cli.label.rendered": "{template} v{version} 标签（{din}）→ {file}",
        "cli.label.request_needs": "需要 --batch、--template 和 --station",
        "cli.label.job_printed": "打印任务 {job}：{status}，{count} 张标签",
        "cli.label.job_failed": " — {reason}",
        "cli.qc.imported": (
            "已从 {file} 导入 {count} 条质控结果（SHA-256 {sha256}）；审计记录 {seq}"
        ),
        "cli.qc.oos": "结果 {result}：超出质量标准（OOS），偏差 {deviation}",
        "cli.qc.recall_started": "，已启动召回 {recall}",
        "cli.qc.recall_pending": "，批次已放行：QA 必须启动召回",
        "cli.backup.written": (
            "备份已写入 {file}：{rows} 行，审计链已校验至第 {seq} 条（{hash}）"
        ),
        "cli.restore.done": "已从 {file} 恢复 {rows} 行；审计链已校验至第 {seq} 条",
        "cli.archive.usage": "应为 {usage}",
        "cli.archive.export_needs": "导出需要 -o 文件.zip 和 --user",
        "cli.archive.written": (
            "批次 {batch} 的归档已写入 {file}：{rows} 行，审计链已校验至第 {seq} 条（{hash}）"
        ),
        "cli.archive.intact": (
            "归档 {file} 完好：{members} 个成员，{entries} 条审计记录，{signatures} 个签名{live}"
        ),
        "cli.archive.live_agrees": "；与在线数据库一致",
        "cli.archive.not_intact": "归档不完好：{file}（{problems} 个问题）",
    }
)
