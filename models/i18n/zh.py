"""Simplified Chinese catalogue: message code → ``str.format`` template (see ``models.i18n``).

Terms follow ``models/i18n/glossary.py``. One block per area, in the order of ``en.py``.
"""

MESSAGES: dict[str, str] = {
    # --- i18n: how lists and unknown stored values read (models/i18n/__init__.py)
    "i18n.list": "、",
    "i18n.sentences": "；",
    "i18n.verbatim": "{text}",
    # --- vocabulary: stored statuses of batches, units, donors, shipments (status.<value>) and of
    # print jobs and labels (label_state.<value>). English shows the stored value, as domain
    # messages always did; the GUI humanises it (gui/status_style.py)
    "status.quarantine": "待放行",
    "status.released": "已放行",
    "status.emergency_released": "紧急放行",
    "status.rejected": "不合格",
    "status.recalled": "已召回",
    "status.in_process": "生产中",
    "status.filled": "已灌装",
    "status.eligible": "合格",
    "status.ineligible": "不合格",
    "status.pending": "待定",
    "status.pending_retest": "待复检",
    "status.accepted": "已接收",
    "label_state.requested": "已申请",
    "label_state.printing": "打印中",
    "label_state.printed": "已打印 – 待核对",
    "label_state.unconfirmed": "已发送未确认 – 请扫描已打出的标签",
    "label_state.failed": "失败",
    "label_state.cancelled": "已取消",
    "label_state.verified": "已核对",
    "label_state.applied": "已贴标",
    "label_state.voided": "已作废 – 待销毁",
    "status.in_stock": "在库",
    "status.in_transit": "运输中",
    "status.at_hospital": "在医院",
    "status.thawed": "已复苏",
    "status.administered": "已输注",
    "status.transformed": "已转换",
    "status.destroyed": "已销毁",
    "status.planned": "已计划",
    "status.dispatched": "已发运",
    "status.voided": "已作废",
    "status.not_received": "未接收",
    "status.draft": "草稿",
    "status.approved": "已批准",
    "status.retired": "已停用",
    "status.open": "未关闭",
    "status.investigation": "调查中",
    "status.capa": "纠正预防措施中",
    "status.closed": "已关闭",
    "status.received": "已接收",
    "status.retained": "留存中",
    "status.disposed": "已处置",
    # --- vocabulary: kinds of record named in refusals (record_kind.<kind>, spaces as _)
    "record_kind.unit": "单元（袋/瓶）",
    "record_kind.batch": "批次",
    "record_kind.product_unit": "产品单元",
    "record_kind.user": "用户",
    "record_kind.badge": "工牌",
    "record_kind.record": "记录",
    "record_kind.print_job": "打印任务",
    "record_kind.label": "标签",
    "record_kind.label_template": "标签模板",
    "record_kind.recipient": "受者",
    "record_kind.donor": "供者",
    "record_kind.collection": "采集",
    "record_kind.shipment": "运单",
    "record_kind.workspace": "操作空间",
    "record_kind.process_step": "工序步骤",
    "record_kind.deviation": "偏差",
    "record_kind.specification": "质量标准",
    "record_kind.approved_specification": "已批准的质量标准",
    "record_kind.QC_result": "QC 结果",
    "record_kind.material_lot": "物料批",
    "record_kind.retained_sample": "留样",
    "record_kind.consent_hold": "重新知情同意暂停",
    "record_kind.consent_withdrawal_item": "撤回时暂停的物品",
    "record_kind.preparation_request": "制备申请单",
    # --- vocabulary: chain actions in refusals (chain_action.<action>, spaces as _), infection
    "chain_action.collection": "采集",
    "chain_action.batch_creation": "建批",
    "chain_action.storage": "入库储存",
    "chain_action.shipment": "运输",
    "chain_action.dispatch": "发运",
    "chain_action.dispensing": "分发",
    "chain_action.re-coding": "重新编码",
    "chain_action.thaw": "复苏",
    "chain_action.hospital_receipt": "医院接收",
    "chain_action.voiding": "作废",
    "chain_action.A_recall": "召回",
    "chain_action.Correcting_a_thaw": "更正复苏记录",
    "chain_action.Clearing_a_hold": "解除暂停",
    "chain_action.Re-coding_a_unit": "制剂重新编码",
    "chain_action.Recording_a_delay": "记录延误",
    "chain_action.Recording_a_temperature_excursion": "记录温度偏离",
    "chain_action.Voiding": "作废",
    "infection.infectious": "感染性",
    "infection.non-infectious": "非感染性",
    # --- chain: a record's facts in the detail panel (record_field.<slug of the English id>)
    "record_field.donor_type": "供者类型",
    "record_field.eligibility": "合格性",
    "record_field.abo_rh": "ABO/Rh 血型",
    "record_field.registered": "登记时间",
    "record_field.donor": "供者",
    "record_field.material": "材料",
    "record_field.quantity": "数量",
    "record_field.collection_site": "采集机构",
    "record_field.collected": "采集时间",
    "record_field.received": "接收时间",
    "record_field.received_by": "接收人",
    "record_field.transport_temperature_c": "运输温度（°C）",
    "record_field.accepted": "已接收",
    "record_field.product": "产品",
    "record_field.product_chinese": "产品（中文名）",
    "record_field.collection": "采集",
    "record_field.chain_of_identity_id": "身份链编号",
    "record_field.workspace": "操作空间",
    "record_field.harvest": "收获时间",
    "record_field.created": "创建时间",
    "record_field.created_by": "创建人",
    "record_field.units": "单元数",
    "record_field.batch": "批次",
    "record_field.product_code": "产品代码",
    "record_field.container": "容器",
    "record_field.cell_count": "细胞数",
    "record_field.volume_ml": "体积（mL）",
    "record_field.expires": "有效期至",
    "record_field.disposition": "去向",
    "record_field.storage_location": "储存位置",
    "record_field.shipments": "运输单",
    "record_field.initials": "姓名缩写",
    "record_field.enrolment_number": "入组编号",
    "record_field.hospital": "医院",
    "record_field.administered": "已输注",
    "record_field.administered_at": "输注时间",
    "record_field.recipient": "受者",
    # --- vocabulary: audit trail actions (audit_action.<value>, models/kernel/audit.py AuditAction)
    "audit_action.create": "创建",
    "audit_action.change": "修改",
    "audit_action.transition": "状态变更",
    "audit_action.void": "作废",
    "audit_action.sign": "签名",
    "audit_action.print": "打印",
    "audit_action.login": "登录",
    "audit_action.login_failed": "登录失败",
    "audit_action.logout": "退出登录",
    "audit_action.session_lock": "工作站锁定",
    "audit_action.session_unlock": "工作站解锁",
    "audit_action.lockout": "账户锁定",
    "audit_action.unlock": "账户解锁",
    "audit_action.export": "导出",
    "audit_action.verify": "复核",
    "audit_action.scan_rejected": "扫描被拒",
    "audit_action.state": "记录状态",
    # --- vocabulary: audit subjects that are not tables (record_kind.<subject_type>)
    "record_kind.audit_extract": "审计追踪导出",
    "record_kind.trace_pdf": "追溯报告（PDF）",
    "record_kind.trace_csv": "追溯报告（CSV）",
    "record_kind.batch_pdf": "批记录（PDF）",
    "record_kind.batch_csv": "批记录（CSV）",
    "record_kind.qc_file_import": "QC 结果文件",
    "record_kind.label_destruction": "标签销毁",
    # --- vocabulary: container types (container.<type>, models/labeling/layout.py CONTAINER_TYPES)
    "container.cryobag": "冻存袋",
    "container.cryovial": "冻存管",
    "container.syringe": "注射器",
    "container.shipper": "运输箱",
    "container.sample_tube": "样品管",
    "container.info_sheet": "信息单",
    # --- vocabulary: QC test codes (qc_test.<code>, models/quality/catalogue.py)
    "qc_test.sterility": "无菌",
    "qc_test.sterility_rapid": "无菌（快速法）",
    "qc_test.mycoplasma": "支原体",
    "qc_test.endotoxin": "内毒素",
    "qc_test.viability": "细胞活率",
    "qc_test.viability_shelf_life": "效期末细胞活率",
    "qc_test.cell_count": "细胞数",
    "qc_test.cd73": "CD73 阳性细胞比例",
    "qc_test.cd90": "CD90 阳性细胞比例",
    "qc_test.cd105": "CD105 阳性细胞比例",
    "qc_test.cd45": "CD45 阳性细胞比例",
    "qc_test.cd34": "CD34 阳性细胞比例",
    "qc_test.hla_dr": "HLA-DR 阳性细胞比例",
    "qc_test.potency": "生物学效力",
    "qc_test.osmolality": "渗透压",
    "qc_test.tagme_pm": "TAGME（PM）检测",
    "qc_test.car_positive": "CAR 阳性细胞",
    "qc_test.vcn": "载体拷贝数",
    "qc_test.non_t_cells": "非 T 细胞",
    "qc_test.phenotype": "表型",
    # --- vocabulary: process steps (process_step.<name>, spaces as _; cleanroom STEP_NAMES)
    "process_step.Thaw": "复苏",
    "process_step.Seeding": "接种",
    "process_step.Passage": "传代",
    "process_step.Media_change": "换液",
    "process_step.Harvest": "收获",
    "process_step.Wash": "洗涤",
    "process_step.Formulation": "制剂配制",
    "process_step.Fill": "灌装",
    "process_step.Final_inspection": "最终检查",
    # the demo's own step names (models/demo/chain.py MSC_STEPS, CAR_T_STEPS)
    "process_step.Line_clearance": "清场",
    "process_step.P0_explant": "P0 组织块培养",
    "process_step.P3_passage": "P3 传代",
    "process_step.Receipt": "接收",
    "process_step.Selection": "细胞分选",
    "process_step.Transduction": "转导",
    "process_step.Expansion": "扩增培养",
    # --- vocabulary: how a record differs from its trail (record_mismatch.<kind>, record_check.py)
    "record_mismatch.altered": "被修改",
    "record_mismatch.deleted": "被删除",
    "record_mismatch.inserted": "被插入",
    # --- vocabulary: record fields named in record-integrity messages (record_field.<column>), one
    # for every column of a table bound to the audit trail (tests/core/test_vocabulary_words.py)
    "record_field.acceptance_window_hours": "接收时限（小时）",
    "record_field.acknowledged_at": "确认时间",
    "record_field.active": "启用",
    "record_field.administered_by": "输注人",
    "record_field.allergies": "过敏史",
    "record_field.analyst": "检验员",
    "record_field.analyst_signature_id": "检验员签名",
    "record_field.antibiotics": "抗生素",
    "record_field.applied_at": "贴标时间",
    "record_field.applied_by": "贴标人",
    "record_field.approval_signature_id": "批准签名",
    "record_field.approved": "已批准",
    "record_field.approved_at": "批准时间",
    "record_field.approved_by": "批准人",
    "record_field.badge_code": "工牌编码",
    "record_field.batch_id": "批次",
    "record_field.birth_date": "出生日期",
    "record_field.blood_borne": "血源性感染",
    "record_field.capa": "纠正预防措施",
    "record_field.capa_by": "纠正预防措施负责人",
    "record_field.category": "类别",
    "record_field.checklist": "检查清单",
    "record_field.child_unit_id": "子单元",
    "record_field.classification": "分级",
    "record_field.clearance_id": "清场记录",
    "record_field.closed_at": "关闭时间",
    "record_field.closed_by": "关闭人",
    "record_field.closure_signature_id": "关闭签名",
    "record_field.coa_ref": "检验报告书编号",
    "record_field.code": "代码",
    "record_field.coi_id": "身份链编号",
    "record_field.collected_at": "采集时间",
    "record_field.collection_id": "采集记录",
    "record_field.companion_of_id": "配套标签所属",
    "record_field.contact": "联系方式",
    "record_field.container_type": "容器类型",
    "record_field.containers": "容器",
    "record_field.contains_beta_lactam": "含β-内酰胺",
    "record_field.content_hash": "内容哈希",
    "record_field.content_json": "内容",
    "record_field.created_at": "创建时间",
    "record_field.data": "数据",
    "record_field.decided_at": "决定时间",
    "record_field.decided_by": "决定人",
    "record_field.description": "描述",
    "record_field.destination_site_id": "目的机构",
    "record_field.destroyed_at": "销毁时间",
    "record_field.destroyed_by": "销毁人",
    "record_field.destruction_witness": "销毁见证人",
    "record_field.deviation_id": "偏差",
    "record_field.din": "献血（捐献）识别号（DIN）",
    "record_field.disposal_method": "处置方式",
    "record_field.disposal_signature_id": "处置签名",
    "record_field.disposed_at": "处置时间",
    "record_field.disposed_by": "处置人",
    "record_field.division": "分装号",
    "record_field.donor_id": "供者",
    "record_field.dose_note": "剂量说明",
    "record_field.ended_at": "结束时间",
    "record_field.ended_by": "结束人",
    "record_field.enrolment_no": "入组编号",
    "record_field.evaluation": "评估",
    "record_field.expected_text": "预期结果",
    "record_field.expires_at": "有效期至",
    "record_field.failed_attempts": "登录失败次数",
    "record_field.failed_criteria": "不合格项",
    "record_field.failure": "失败原因",
    "record_field.form_version": "表单版本",
    "record_field.full_name": "姓名",
    "record_field.handed_to": "移交给",
    "record_field.harvest_at": "收获时间",
    "record_field.hla_typing": "HLA 分型",
    "record_field.hold_reason": "暂停原因",
    "record_field.hospital_id": "医院",
    "record_field.id": "编号",
    "record_field.infectious": "感染性",
    "record_field.infectious_area": "感染性区域",
    "record_field.infectious_only": "仅限感染性物料",
    "record_field.initiated_at": "发起时间",
    "record_field.initiated_by": "发起人",
    "record_field.instrument": "仪器",
    "record_field.intended_recipient_id": "指定受者",
    "record_field.internal_lot": "内部批号",
    "record_field.investigated_by": "调查人",
    "record_field.investigation": "调查",
    "record_field.is_cell_count": "是否细胞计数",
    "record_field.is_pool": "是否混合批",
    "record_field.is_post_release": "是否放行后",
    "record_field.is_reprint": "是否重印",
    "record_field.isbt_facility_code": "ISBT 128 机构代码",
    "record_field.kind": "种类",
    "record_field.kit_lot": "试剂盒批号",
    "record_field.label_complete": "标签完整",
    "record_field.laboratory": "实验室",
    "record_field.layout": "版式",
    "record_field.limit_kind": "限度类型",
    "record_field.line_stopped": "生产线已停止",
    "record_field.linked_at": "关联时间",
    "record_field.linked_by": "关联人",
    "record_field.location": "位置",
    "record_field.location_at_recall": "召回时位置",
    "record_field.location_id": "位置",
    "record_field.locked_at": "锁定时间",
    "record_field.logger_id": "温度记录仪",
    "record_field.lot_id": "批号",
    "record_field.lower": "下限",
    "record_field.manufacturer": "生产商",
    "record_field.material_code": "物料代码",
    "record_field.material_lot_id": "物料批",
    "record_field.material_name": "物料名称",
    "record_field.meaning": "签名含义",
    "record_field.medical_record_no": "病历号",
    "record_field.method": "方法",
    "record_field.method_kind": "方法类型",
    "record_field.mutation_detected": "检出突变",
    "record_field.name": "名称",
    "record_field.name_en": "名称（英文）",
    "record_field.name_zh": "名称（中文）",
    "record_field.national_id": "身份证号",
    "record_field.non_conforming": "不符合",
    "record_field.note": "备注",
    "record_field.number": "编号",
    "record_field.occurred_at": "发生时间",
    "record_field.opened_at": "开启时间",
    "record_field.opened_by": "开启人",
    "record_field.origin_identifier": "来源标识",
    "record_field.outcome": "结果",
    "record_field.override_reason": "越权原因",
    "record_field.package": "包装",
    "record_field.packaging_intact": "包装完好",
    "record_field.parent_id": "上级",
    "record_field.parent_unit_id": "母单元",
    "record_field.partial": "部分",
    "record_field.password_changed_at": "密码修改时间",
    "record_field.password_hash": "密码哈希",
    "record_field.payload": "打印数据",
    "record_field.payload_sha256": "打印数据 SHA-256",
    "record_field.pending_tests": "待完成检验",
    "record_field.performed_at": "执行时间",
    "record_field.performed_by": "执行人",
    "record_field.performed_signature_id": "执行人签名",
    "record_field.physician_justification": "医师理由",
    "record_field.physician_name": "医师",
    "record_field.physician_requested_at": "医师申请时间",
    "record_field.pool_batch_id": "混合批",
    "record_field.position": "位置",
    "record_field.post_thaw_minutes": "复苏后分钟数",
    "record_field.previous_batch_id": "上批",
    "record_field.previous_infectious": "前序感染性物料",
    "record_field.print_job_id": "打印任务",
    "record_field.printed_at": "打印时间",
    "record_field.printed_by": "打印人",
    "record_field.printed_name": "打印姓名",
    "record_field.printer_address": "打印机地址",
    "record_field.product_type_id": "产品类型",
    "record_field.qc_result_id": "QC 结果",
    "record_field.qualified": "已确认合格",
    "record_field.quality_status": "质量状态",
    "record_field.quantity_received": "接收数量",
    "record_field.quantity_remaining": "剩余数量",
    "record_field.quantity_unit": "数量单位",
    "record_field.rapid_method": "快速方法",
    "record_field.reason": "原因",
    "record_field.recall_id": "召回",
    "record_field.recalled": "已召回",
    "record_field.received_at": "接收时间",
    "record_field.recipient_id": "受者",
    "record_field.recorded_by": "记录人",
    "record_field.registered_at": "登记时间",
    "record_field.release_signature_id": "放行签名",
    "record_field.released_at": "放行时间",
    "record_field.released_by": "放行人",
    "record_field.remarks": "备注",
    "record_field.reprint_approval_signature_id": "重印批准签名",
    "record_field.reprint_of_id": "重印自",
    "record_field.reprint_reason": "重印原因",
    "record_field.requested_at": "申请时间",
    "record_field.requested_by": "申请人",
    "record_field.required": "必检",
    "record_field.resulted_at": "出结果时间",
    "record_field.retired_at": "停用时间",
    "record_field.role": "角色",
    "record_field.sample_type": "样品类型",
    "record_field.sampled_at": "取样时间",
    "record_field.scope": "范围",
    "record_field.shelf_life_hours": "有效期（小时）",
    "record_field.shipment_id": "运单",
    "record_field.signature_id": "签名",
    "record_field.signed_at": "签名时间",
    "record_field.site_id": "机构",
    "record_field.source": "来源",
    "record_field.source_batch_id": "来源批次",
    "record_field.spec_test_id": "标准检验项",
    "record_field.specification_id": "质量标准",
    "record_field.started_at": "开始时间",
    "record_field.started_by": "开始人",
    "record_field.state": "状态",
    "record_field.station": "工作站",
    "record_field.status": "状态",
    "record_field.storage_condition_en": "储存条件（英文）",
    "record_field.storage_condition_zh": "储存条件（中文）",
    "record_field.storage_location_id": "储存位置",
    "record_field.stored_at": "入库时间",
    "record_field.stored_by": "入库人",
    "record_field.subject_id": "对象编号",
    "record_field.subject_type": "对象类型",
    "record_field.supplier_id": "供应商",
    "record_field.supplier_lot": "供应商批号",
    "record_field.temperature": "温度",
    "record_field.temperature_c": "温度（°C）",
    "record_field.template_id": "标签模板",
    "record_field.test": "检验项",
    "record_field.timezone": "时区",
    "record_field.title": "标题",
    "record_field.transport_temp_c": "运输温度（°C）",
    "record_field.treatment_end_at": "治疗结束时间",
    "record_field.unit": "单位",
    "record_field.unit_id": "单元（袋/瓶）",
    "record_field.unit_ids": "单元（袋/瓶）",
    "record_field.upper": "上限",
    "record_field.upper_exclusive": "上限不含",
    "record_field.urgent": "紧急",
    "record_field.use_by": "使用期限",
    "record_field.used_at": "使用时间",
    "record_field.used_by": "使用人",
    "record_field.user_id": "用户",
    "record_field.username": "用户名",
    "record_field.username_key": "用户名索引",
    "record_field.value_num": "数值结果",
    "record_field.value_text": "文字结果",
    "record_field.verdict": "判定",
    "record_field.verification_signature_id": "复核签名",
    "record_field.verified_at": "复核时间",
    "record_field.verified_by": "复核人",
    "record_field.verified_signature_id": "复核人签名",
    "record_field.verifier_signature_id": "复核人签名",
    "record_field.version": "版本",
    "record_field.viability_pct": "活率（%）",
    "record_field.void_reason": "作废原因",
    "record_field.voided_at": "作废时间",
    "record_field.voided_by": "作废人",
    "record_field.voided_reason": "作废原因",
    "record_field.weight_kg": "体重（kg）",
    "record_field.withdrawn_at": "撤回时间",
    "record_field.cleared_at": "解除时间",
    "record_field.cleared_by_consent_id": "由知情同意解除",
    "record_field.clinical_information": "临床信息",
    "record_field.consent_id": "知情同意",
    "record_field.detail": "详情",
    "record_field.donor_basics": "供者基本信息",
    "record_field.fate": "处置结果",
    "record_field.patient_initials": "患者姓名缩写",
    "record_field.protocol": "方案",
    "record_field.raised_at": "提出时间",
    "record_field.raised_by": "提出人",
    "record_field.recorded_at": "记录时间",
    "record_field.screening_reference": "筛查结果",
    "record_field.signer_kind": "签署人类型",
    "record_field.signer_name": "签署人姓名",
    "record_field.supersedes_id": "取代的版本",
    "record_field.treatment_plan": "治疗方案",
    "record_field.trigger": "重新知情同意原因",
    "record_field.variant": "申请单类型",
    "record_field.withdrawal_reason": "撤回原因",
    "record_field.withdrawn_by": "撤回人",
    "record_field.workspace_id": "操作空间",
    "record_field.approval_signature": "批准签名",
    # --- kernel: refusals every area shares (models/kernel/errors.py)
    "domain_error": "操作被拒绝：{detail}",
    "not_found": "找不到标识为 {ident!r} 的{kind}。",
    "invalid_input": "{field} 无效：{reason}",
    "invalid_transition": "{kind} {ident} 不能从 {current} 变为 {target}。",
    # --- sites
    "site_kind.manufacturer": "生产基地",
    "site_kind.hospital": "医院",
    "site_kind.collection_site": "采集机构",
    "site_role_not_allowed": (
        "{site} 是{kind}：不设角色 {roles}"
        "（医院设临床人员和复核人，生产基地负责制备、检验和放行）。"
    ),
    "record_at_other_site": (
        "{username} 属于 {user_site}；{kind} {ident} 位于 {site}，只能由 {site} 的人员操作。"
    ),
    "account_without_site": (
        "账户 {username} 未归属任何机构：须由管理员指定机构后方可操作机构内记录。"
    ),
    "site_needed_first": "尚未登记任何机构：请先添加生产基地（celltrail site add）。",
    "site_home_ambiguous": "本数据库有多个机构，请指定该账户所属机构。",
    "label_workspace_busy": (
        "操作空间 {workspace} 仍有批次 {other}（{why}）。同一操作空间不能同时有其他批次细胞存在："
        "请先完成该批次，再为批次 {batch} 贴签（R-LBL-11）。"
    ),
    "label_workspace_why.open": "该批次在此空间尚未结束",
    "label_workspace_why.unreconciled": "其标签尚未完成平衡核对",
    "label_workspace_needed": (
        "本基地已登记操作空间：请先设置贴签工位所在的操作空间，再为批次 {batch} 贴签（R-LBL-11）。"
    ),
    "workspace_action.split": "分装",
    "workspace_action.pool": "合并",
    "workspace_action.material_use": "物料使用",
    "workspace_needed_for": (
        "本基地已登记操作空间：请指定批次 {batch} 的{action}所在的操作空间（R-LBL-11）。"
    ),
    "workspace_busy_for": (
        "操作空间 {workspace} 中有批次 {other}：批次 {batch} 的{action}"
        "须在没有其他批次的操作空间进行（R-LBL-11）。"
    ),
    "permission_denied": "用户 {username}（角色：{roles}）无权执行：{action}。",
    "authentication_failed": "用户名或密码错误。",
    "account_locked": "账户 {username} 因多次登录失败已被锁定，需由管理员解锁。",
    "not_signed_in": (
        "{username} 未在本工作站登录：以该身份操作前须先登录或输入密码。未执行任何操作。"
    ),
    "signature_not_authenticated": "签名需要 {username} 刚刚在本工作站输入的密码。未签署任何内容。",
    "account_disabled": "账户 {username} 已停用。",
    "same_person": "{username} 已执行此步骤，不能同时复核；必须由第二人复核。",
    "password_policy": "密码不符合策略：{reason}",
    "schema": "数据库问题：{detail}",
    "database_unavailable": "无法连接数据库（{detail}）。未保存任何内容，请重试。",
    "commit_outcome_unknown": (
        "保存时与数据库的连接中断（{detail}），无法确认记录是否已保存。"
        "数据库恢复后，请先在审计追踪中查找审计记录 {seq}，再决定是否重"
        "做此操作。"
    ),
    # --- kernel: audit trail (models/kernel/audit.py)
    "audit_tamper": "程序试图修改或删除审计记录 {seq}；审计记录只能追加。",
    # --- identity: sign-in sessions (models/identity/sessions.py)
    "unlock_refused": (
        "只有 {locked_user} 可以解锁此工作站。{badge_user}：请先将 {locked_user} 注销。"
    ),
    # --- isbt128: bar codes and data structures (models/isbt128/errors.py)
    "isbt128": "无法读取 ISBT 128 数据：{detail}",
    "isbt128_empty": "未扫描或输入任何内容。",
    "isbt128_foreign": "这不是 ISBT 128 条码（{kind}）；请改扫 ISBT 128 条码。",
    "isbt128_unknown_di": "未知的 ISBT 128 数据标识符 {di!r}。",
    "isbt128_unsupported": "{di!r} 是 {structure}（{name}），CellTrail 在此不读取该数据结构。",
    "isbt128_length": "{structure} 应为 {expected} 个字符，实际读到 {actual} 个。",
    "isbt128_concatenated": (
        "扫描内容包含多个数据结构（{structure} 之后还有 {next_di!r}）；请一次只扫描一个条码。"
    ),
    "isbt128_character": (
        "{structure}：第 {position} 个字符为 {char}，但{field}必须是{expected}。"
    ),
    "isbt128_check_character": (
        "DIN {din} 的校验字符错误：应为 {expected}，实际为 {actual}。请重新输入 DIN。"
    ),
    "isbt128_check_character_missing": (
        "手工输入的 DIN 必须以方框中的校验字符结尾；DIN {din} 缺少校验字符。"
    ),
    "isbt128_flag_checksum": "DIN {din}：第 3 类标志字符应为 {expected}，实际为 {actual}。",
    "isbt128_flag_reserved": "DIN 标志字符 {flags} 为 ICCBBA 保留值，不得使用。",
    "isbt128_year": "DIN 年份必须是年份的后两位数字（0–99）；实际为 {year!r}。",
    "isbt128_sequence": "DIN 序列号必须在 0–999999 之间；实际为 {sequence!r}。",
    "isbt128_date": "{structure}：{value!r} 不是有效的日期/时间（{reason}）。",
    "isbt128_wrong_structure": "这是 {structure}（{name}），不是{wanted}；请扫描正确的条码。",
    "isbt128_keyboard_refused": "{text!r} 看起来是手工输入而非扫描；此步骤要求扫描 DIN 条码。",
    # --- isbt128: words inside isbt128 messages (fields, expected characters, wanted structures)
    "isbt128_din_valid": "DIN {din} 有效。",
    "isbt128.field.pdc": "产品描述代码",
    "isbt128.field.trial_pdc": "临床试验产品描述代码",
    "isbt128.field.year_of_issue": "签发年份",
    "isbt128.field.coi_sequence": "CoI 序列",
    "isbt128.field.fin": "机构识别号（FIN）",
    "isbt128.field.year": "年份",
    "isbt128.field.sequence": "序列号",
    "isbt128.field.flags": "标志字符",
    "isbt128.field.century": "世纪",
    "isbt128.field.day_of_year": "年内日序",
    "isbt128.field.hour": "小时",
    "isbt128.field.minute": "分钟",
    "isbt128.field.check_input": "校验字符输入",
    "isbt128.expected.digit": "数字 0-9",
    "isbt128.expected.alnum": "0-9 或 A-Z",
    "isbt128.expected.fin_first": "A-N、P-Z 或 1-9",
    "isbt128.wanted.din_full": "捐献识别号（DIN）",
    "isbt128.wanted.din": "DIN",
    "isbt128.wanted.product_code": "产品代码（DS003）",
    "isbt128.kind.no_data_identifier": "开头不是 ISBT 128 数据标识符“=”或“&”",
    "isbt128.kind.gs1": "GS1 条码",
    "isbt128.kind.symbology": "码制 {aim!r}，ISBT 128 不使用该码制",
    "isbt128.reason.no_such_day": "{year} 年没有第 {day} 天（001-{days}）",
    "isbt128.reason.not_24_hour": "{time} 不是 24 小时制时间（00:00-23:59）",
    "isbt128.field.category": "产品类别",
    "isbt128.field.donation_type": "捐献类型",
    "isbt128.field.division_1": "第一级分装字符",
    "isbt128.field.division_2": "第二级分装字符",
    "isbt128.field.literal_ch": "固定字符 CH",
    "isbt128.field.check_character": "校验字符",
    "isbt128.expected.category": "A-F、H、M、N、P、R-T、V-Y 之一",
    "isbt128.expected.upper": "字母 A-Z",
    "isbt128.expected.zero_or_upper": "0 或 A-Z",
    "isbt128.expected.zero_or_lower": "0 或 a-z",
    "isbt128.expected.letter_c": "C",
    "isbt128.expected.letter_h": "H",
    "isbt128.expected.check_character": "0-9、A-Z 或 *",
    # --- chain: chain-of-identity refusals (models/chain/errors.py)
    "sequence_exhausted": "标识序列 {name}（{scope}）已用尽（上限 {limit}）；编号不得重复使用。",
    "donor_ineligible": "供者 {donor} 状态为 {eligibility}，拒绝{action}（R-DON）。",
    "collection_not_accepted": "采集 {collection} 接收未合格（{state}），不得用于建批。",
    "unit_container_unknown": (
        "“{container}”不是产品单元的灌装容器：请使用冻存袋、冻存管或注射器"
        "（R-LBL-07：标签尺寸须与容器相符）。"
    ),
    "batch_single_source": (
        "一批只能来自单一供者的同一次采集（R-BAT-01）；现有 {count} 个{what}。多来源请使用合批。"
    ),
    "pool_source_not_released": (
        "批次 {batch} 状态为 {status}；只有单独放行的批次才能合批（R-BAT-03）。"
    ),
    "segregation": "制剂 {unit}（{infectious}）不得进入 {place}：感染性物料须隔离存放。",
    "autologous_pool": (
        "供者 {donor} 的自体物料不得与其他供者（{others}）的物料混合：自体制剂仅供本人使用。"
    ),
    "unit_not_usable": "制剂 {unit} 不能用于{action}：{problem}。",
    "reason_required": "{action}必须填写原因；记录不得删除，错误记录须注明原因后作废。",
    "thaw_not_correctable": (
        "制剂 {unit} 的复苏记录已不能更正：该制剂{state}；当时记录的时间已决定了对它的处理。"
    ),
    "scan_mismatch": "扫描的制剂与运单 {shipment} 不符：缺少 {missing}，多出 {extra}。",
    "bedside_stop": "停止 — 不得将制剂 {unit} 输注给 {recipient}：{problems}。",
    # --- chain: bedside hard stops (models/chain/bedside.py BedsideProblem)
    "bedside.unknown_product": "找不到该制剂",
    "bedside.unknown_recipient": "找不到该受者",
    "bedside.wrong_recipient": "制剂属于其他受者",
    "bedside.not_dispensed": "制剂未分配给受者",
    "bedside.not_released": "制剂未经质量放行",
    "bedside.recalled": "制剂已召回",
    "bedside.on_hold": "制剂处于暂停使用状态",
    "bedside.voided": "记录已作废",
    "bedside.expired": "制剂已过期",
    "bedside.not_thawed": "制剂未复苏",
    "bedside.post_thaw_expired": "已超过复苏后使用时限",
    "bedside.not_available": "制剂已使用或不在本院",
    "bedside.wrong_hospital": "制剂所在医院与受者登记医院不符",
    # --- chain: destruction of units (models/chain/disposal.py)
    "destruction_refused": "制剂 {unit} 不能销毁：{problem}。",
    "unit_not_destroyable": "制剂 {unit} 不能销毁：{problem}。",
    "destruction_reason_untrue": "制剂 {unit} 不能以“{reason}”为由销毁：{problem}。",
    "destruction_note_required": "以“{reason}”为由销毁制剂 {unit} 必须填写说明：{problem}。",
    "destruction_role": "用户 {username} 不能{task}制剂 {unit}（{place}）：{problem}。",
    "destruction_method": "制剂 {unit} 不能按“{method}”销毁：{problem}。",
    # --- chain: destruction reasons, methods, places, rules and problems (models/chain/disposal.py)
    "destruction_reason.rejected": "不合格",
    "destruction_reason.recalled": "已召回",
    "destruction_reason.expired": "已过期",
    "destruction_reason.thaw_expired": "已复苏且不再使用",
    "destruction_reason.damaged": "破损",
    "destruction_reason.other": "其他",
    "destruction.qa_with_note": "（限 QA，须填写备注）",
    "destruction_method.autoclave_incineration": "高压灭菌后按医疗废物焚烧",
    "destruction_method.biohazard_incineration": (
        "按生物危害物处理：密封于生物危害袋、高压灭菌后按感染性医疗废物焚烧"
    ),
    "destruction_place.manufacturer": "在生产企业",
    "destruction_place.hospital": "在医院",
    "destruction_task.actor": "销毁",
    "destruction_task.witness": "见证销毁",
    "destruction_rule.manufacturer_actor": "生产企业内的制剂须由生产人员（操作员、QA）销毁",
    "destruction_rule.hospital_actor": "医院内的制剂须由临床人员销毁",
    "destruction_rule.manufacturer_witness": "生产企业内的见证人须为操作员、复核员或 QA",
    "destruction_rule.hospital_witness": "医院内的见证人须为临床人员、复核员或 QA",
    "destruction_rule.only_qa": "仅 QA 可以“{reason}”为由销毁制剂",
    "destruction_problem.administered": "已输注给受者",
    "destruction_problem.transformed": "其编码已因分装、合并或重新贴签而关闭；请销毁由其产生的制剂",
    "destruction_problem.already_destroyed": "已经销毁",
    "destruction_problem.in_transit": "正在运输途中；请先接收运单",
    "destruction_problem.say_what_happened": "请说明具体情况",
    "destruction_problem.use_by_not_passed": "尚未超过使用时限；请说明不再使用的原因",
    "destruction_problem.infectious_donor": "其供者具有感染性，必须按生物危害物处理",
    "destruction_problem.no_expiry": "没有有效期",
    "destruction_problem.not_expired": "有效期至 {at}，尚未过期",
    "destruction_problem.not_thawed": "尚未复苏",
    "destruction_problem.not_rejected": "其质量状态为 {status}，并非不合格",
    "destruction_problem.not_recalled": "未被召回",
    # --- cleanroom: workspaces and line clearance (models/cleanroom/line_clearance.py)
    "workspace_not_cleared": (
        "批次 {batch} 不得在操作空间 {workspace} 开始：该空间尚无清场记录（R-SEG-01）。"
    ),
    "workspace_clearance_outdated": (
        "批次 {batch} 不得在操作空间 {workspace} 开始：最近一次清场不在"
        "批次 {previous} 结束之后；须重新清场（R-SEG-01/02）。"
    ),
    "workspace_occupied": (
        "批次 {batch} 不得在操作空间 {workspace} 开始：批次 {occupant} "
        "仍在其中。同一操作空间同时只能有一个批次；须先结束该批并清场（"
        "R-SEG-03）。"
    ),
    "workspace_clearance_occupied": (
        "操作空间 {workspace} 中仍有批次 {batch}，不能清场；须先结束该批在此的操作（R-SEG-02）。"
    ),
    "batch_in_other_workspace": (
        "批次 {batch} 不得在操作空间 {workspace} 开始：该批仍在操作空间"
        " {other} 中，须先在该处结束。"
    ),
    "workspace_segregation_infectious": (
        "批次 {batch} 来自感染性供者，不得在非感染性区域的操作空间 {workspace} 中制备（R-SEG-05）。"
    ),
    "workspace_segregation_general": (
        "批次 {batch} 为非感染性，不得在感染性区域的操作空间 {workspace} 中制备（R-SEG-05）。"
    ),
    "line_clearance_incomplete": (
        "操作空间 {workspace}（上批 {previous}）清场被拒绝：以下项目未确"
        "认：{items}。所有项目均须确认；任一项不合格即不能清场（R-SEG-01）"
        "。"
    ),
    "line_clearance_residual_risk": (
        "操作空间 {workspace} 清场被拒绝：上批 {previous} 为感染性（或在"
        "感染性区域制备），清场须确认无残留感染风险（R-SEG-06）。"
    ),
    "batch_not_in_workspace": (
        "批次 {batch} 的{action}被拒绝：该批尚未在任何操作空间开始。"
        "须先在已清场的操作空间开始（R-SEG-01）。"
    ),
    "batch_left_workspace": (
        "批次 {batch} 的{action}被拒绝：该批在操作空间 {workspace} 的"
        "操作已结束。须先在已清场的操作空间重新开始（R-SEG-01/02）。"
    ),
    "batch_not_active_here": "批次 {batch} 不在操作空间 {workspace} 中，无需结束。",
    # --- cleanroom: line-clearance checklist (clearance_item.<item>; R-SEG-01/03/06 wording)
    "clearance_item.no_previous_product": "无上批遗留产品",
    "clearance_item.no_previous_documents": "无上批遗留文件",
    "clearance_item.no_previous_materials": "无上批遗留或与本批无关的物料",
    "clearance_item.equipment_clean_ready": "设备已清洁、处于待用状态",
    "clearance_item.cleaned_disinfected": "已完成清洁和消毒",
    "clearance_item.no_residual_infection_risk": "已确认无上批（感染性）操作残留的感染风险",
    # --- cleanroom: processing records named in workspace refusals (workspace_action.*)
    "workspace_action.harvest": "收获记录",
    "workspace_action.filling": "分装",
    "workspace_action.step": "工序“{name}”记录",
    # --- labeling: refusals (models/labeling/errors.py)
    "label_template_not_usable": "标签模板 {template} 第 {version} 版不能打印：{reason}",
    "label_template_wrong_container": (
        "标签模板 {template} 用于{template_container}；{din} 装在{unit_container}中。"
    ),
    "label_template_none_for_container": "没有适用于{container}的已批准标签模板（{din}）。",
    "label_station_busy": (
        "工位 {station} 仍有批次 {other} 的标签未完成平衡核对。请先核对"
        "并清场，再为批次 {batch} 贴签。"
    ),
    "label_already_printed": (
        "产品单元 {din} 已有 {template} 标签；再次打印属于补打，需要理由并经 QA 批准。"
    ),
    "label_reprint_not_approved": "打印任务 {job} 是补打任务，尚未经 QA 批准。",
    "label_line_stopped": "打印任务 {job} 的贴签线因偏差 {deviation} 已停止；需由 QA 恢复。",
    "label_fields_not_confirmed": "必须逐项核对所有打印内容；未核对：{fields}。",
    "label_fields_not_scanned": "扫描内容不含{fields}：请扫描标签的二维码，由系统与记录核对。",
    "label_scan_refused": "扫描内容不是 CellTrail 标签条码：{reason}",
    "label_recover_scan_unmatched": (
        "扫描内容 {scan!r} 不是打印任务 {job} 的标签：请用该任务实际打出的标签恢复。"
    ),
    "label_recover_scan_ambiguous": (
        "扫描内容 {scan!r} 对应打印任务 {job} 的多张标签：请扫描标签的二维码。"
    ),
    "label.interrupted": "打印被中断；已打出的标签须扫描确认（恢复任务…）或销毁。",
    "label.recovered_unsent": "已恢复：{count} 张标签未打出，可重新打印",
    "labels_not_reconciled": "批次 {batch} 的标签未完成平衡核对：{reason}。",
    # --- labeling: label fields (label_field.<field>), dates in a scan, printed status words
    "label_field.din": "DIN",
    "label_field.product_code": "产品代码",
    "label_field.product_name_en": "产品名称（英文）",
    "label_field.product_name_zh": "产品名称（中文）",
    "label_field.batch_number": "批号",
    "label_field.donor_or_patient": "供者/患者编码",
    "label_field.harvest": "收获日期和时间",
    "label_field.quantity": "规格",
    "label_field.storage_en": "储存条件（英文）",
    "label_field.storage_zh": "储存条件（中文）",
    "label_field.expiry_local": "有效期（当地时间）",
    "label_field.expiry_utc": "有效期（UTC）",
    "label_field.status": "状态",
    "label_field.antibiotics": "抗生素",
    "label_field.print_quality": "打印质量（清晰、完整、可读）",
    "label_field.right_container": "容器正确（本单元的、与模板类型一致）",
    "label_field.chain_of_identity": "身份链编码",
    "label_field.coi": "身份链编码",
    "label_field.facility": "机构（名称及 FIN）",
    "isbt128.date_kind.expiration": "有效期",
    "isbt128.date_kind.production": "生产日期",
    "isbt128.date_kind.collection": "采集日期",
    "label_status.quarantine": "待放行",
    "label_status.released": "已放行",
    "label_status.emergency_released": "紧急放行",
    "label_status.rejected": "不合格",
    # --- labeling: what a second-person label check found wrong (models/labeling/mismatch.py)
    "mismatch.scan_not_on_record": "扫描到的{what} {value} 与该单元的记录不符",
    "mismatch.scan_lacks_din": "扫描内容不含此标签的 DIN",
    "mismatch.field_not_confirmed": "打印的{field}与记录不符（核对人未确认）",
    # --- labeling: template layouts (models/labeling/layout.py)
    "label_layout_invalid": "标签模板 {template} 不可用：{reason}",
    # --- quality: release blockers (models/quality/blockers.py)
    "release_refused": "批次 {ident} 不能放行：{reasons}",
    # --- quality: release blockers, Blocker codes (models/quality/blockers.py)
    "blocker.batch_status": "批次状态为 {status}，不处于待放行状态",
    "blocker.batch_voided": "该批次已作废",
    "blocker.source_voided": "来源批次 {batch} 已作废",
    "blocker.donor_not_eligible": "供者 {donor} 的资格状态为 {eligibility}",
    "blocker.no_specification": "没有已批准的质量标准",
    "blocker.no_units": "该批次没有已灌装的单元",
    "blocker.units_not_quarantined": "有单元不处于待放行状态（不合格单元永不放行）：{units}",
    "blocker.labels": "标签：{detail}",
    "blocker.releaser_involved": "{user} 参与了批次 {batch} 的生产，不能放行该批次",
    "blocker.test_not_passed": "检测未通过：{test}",
    "blocker.open_deviation": "偏差 {deviation} 尚未关闭",
    "blocker.steps_unverified": "批次 {batch} 有 {count} 个工序步骤尚待第二人复核",
    "blocker.no_preparation_request": "批次 {batch} 的采集没有制备申请单记录（R-RCV-01）",
    "blocker.use_normal_release": "所有检测均合格，请使用常规放行",
    "blocker.batch_decided": "批次已为{status}状态",
    # --- quality: release package (models/quality/package.py)
    "release_package_incomplete": "批次 {batch} 的放行资料不完整：{missing}",
    # --- quality: what a release package still needs (package_missing.<element>)
    "package_missing.request_form": "申请单编号",
    "package_missing.preparation_record": "批生产记录编号",
    "package_missing.packaging": "包装检查确认",
    # --- quality: release decisions (models/quality/release.py)
    "release_blocked": "批次 {batch} 不能{action}：{reasons}",
    # --- quality: release decisions named inside messages (release_action.<action>)
    "release_action.released": "放行",
    "release_action.emergency-released": "紧急放行",
    "release_action.rejected": "判定不合格",
    # --- quality: QC results files (models/quality/qc_file/errors.py)
    "qc_file_refused": "QC 文件 {file} 未导入（{count} 个问题，未保存任何内容）：\n{details}",
    "qc_file_already_imported": "QC 文件 {file} 未重复导入：\n{details}",
    "file_unreadable": "无法读取文件（{reason}）",
    "file_too_large": "文件大小为 {size} 字节，最多接受 {limit} 字节（请拆分导出文件）",
    "file_empty": "文件为空",
    "file_not_text": "这不是文本（CSV）文件，而是{kind}；请将结果导出为 CSV",
    "file_undecodable": (
        "偏移 {offset} 处的字节 {byte} 不是有效的 {encoding} 编码；请将"
        "导出文件保存为 UTF-8（或 GB18030）"
    ),
    "file_no_rows": "文件只有表头，没有结果行",
    "file_too_many_rows": "结果行超过 {limit} 行；请将导出文件拆分为较小的文件",
    "file_quoting_broken": "此处 CSV 引号格式错误（{reason}）；文件其余部分未读取",
    "file_changed": "文件在预览后已被修改（SHA-256 {was} → {now}）；请重新预览",
    "file_already_imported": (
        "此文件（SHA-256 {sha256}）已由 {actor} 于 {at} 导入（审计记录 "
        "{seq}）；重复导入会使每个结果记录两次"
    ),
    "unknown_header": "未知列 {header!r}；可用的列为：{known}",
    "duplicate_header": "列 {header!r} 与列 {first!r} 含义相同",
    "missing_column": "缺少必需的列 {column}（可用表头：{aliases}）",
    "wrong_cell_count": "该行有 {found} 个单元格，而表头有 {expected} 个",
    "empty_value": "此处必须填写",
    "control_character": "值中含有控制字符（{char}）",
    "value_too_long": "该值有 {length} 个字符，最多允许 {limit} 个",
    "unknown_batch": "不存在批号 {batch!r}",
    "no_approved_specification": "批次 {batch} 没有已批准的质量标准，无法判定结果",
    "unknown_test": "检测项目 {test!r} 不在批次 {batch} 的质量标准 {spec} 中",
    "not_a_number": "{test} 为数值限度；{value!r} 不是数字（例如 93.5 或 1.0e8）",
    "value_refused": "{test}：{reason}",
    "unit_mismatch": "{test} 的单位应为 {expected}，而不是 {unit!r}",
    "method_mismatch": "{test} 需要{needs}方法，但快速法列为 {given!r}",
    "bad_flag": "{value!r} 不是“是”或“否”（可用：是/否、yes/no、true/false、1/0）",
    "bad_time": (
        "{value!r} 不是有效的日期时间（例如 2025-04-15 10:30:00 或 2025-04-15T10:30:00+08:00）"
    ),
    "ambiguous_local_time": "{value!r} 没有 UTC 偏移，且在本站时区 {zone} 中出现两次；请加上偏移",
    "nonexistent_local_time": "{value!r} 没有 UTC 偏移，且在本站时区 {zone} 中不存在",
    "future_time": "{value!r} 晚于当前时间（现在是 {now}）",
    "duplicate_row": "相同的结果（批次 {batch}，{test}，{at}）已在第 {first} 行出现",
    "already_recorded": "批次 {batch} 已有 {at} 的 {test} 结果（结果 {result_id}）",
    "row_refused": "记录时被拒绝：{detail}",
    # --- quality: where in a QC file a problem is (models/quality/qc_file/errors.py)
    "qc_file.where_file": "文件",
    "qc_file.where_line": "第 {line} 行",
    "qc_file.where_cell": "第 {line} 行，“{column}”列",
    "qc_file.problem": "{where}：{problem}",
    "qc_file.more": "  … 另有 {more} 个问题",
    # --- archive: retention archives (models/archive/errors.py)
    "archive": "归档导出被拒绝：{detail}",
    "batch_not_closed": "批次 {batch} 尚未关闭，不能归档：{reason}",
    "archive_not_intact": "归档 {file} 校验未通过（{count} 个问题）；第一个：{first}",
    "archive_unreadable": "{file} 无法作为 zip 归档读取：{reason}",
    "archive_manifest_invalid": "清单（manifest.json）缺失或无效：{reason}",
    "archive_format_unknown": "本版本无法读取归档格式 {format!r}（可读取：{known}）",
    "archive_member_missing": "清单列出的成员 {member} 在归档中缺失",
    "archive_member_extra": "成员 {member} 在归档中，但未列入清单",
    "archive_member_duplicate": "成员 {member} 在归档中出现 {count} 次",
    "archive_member_checksum": (
        "成员 {member} 与清单中的校验和不符（应为 {expected}，实为 {found}）"
    ),
    "archive_member_unreadable": "成员 {member} 无法读取：{reason}",
    "archive_member_content": "成员 {member} 第 {line} 行：{reason}",
    "archive_row_count": "成员 {member} 含 {found} 行；清单记载为 {expected} 行",
    "archive_personal_data": "成员 {member} 含有个人数据，归档中不得包含",
    "archive_batch_missing": "清单中的批次 {batch} 不在归档的批次记录中",
    "archive_trace_mismatch": "trace.json 不是批次 {batch} 的追溯（其焦点为 {focus!r}）",
    "archive_audit_digest": "审计记录 {seq} 与其自身哈希不符：已被修改",
    "archive_audit_link": "审计记录 {seq} 未与其前一条记录 {prev} 相链接（前序哈希不符）",
    "archive_audit_order": "审计记录 {seq} 重复或顺序错误（位于记录 {prev} 之后）",
    "archive_audit_head": "审计记录 {seq} 与清单中的链头不符：{detail}",
    "archive_audit_subject": "审计记录 {seq} 涉及 {subject_type} {subject_id}，该记录不在归档中",
    "archive_signature_unaudited": "签名 {signature} 在归档的审计追踪中没有对应的签名记录",
    "archive_signature_not_archived": "审计记录 {seq} 记载了签名 {signature}，但该签名不在归档中",
    "archive_signature_mismatch": "签名 {signature} 与其审计记录 {seq} 不一致：{fields}",
    "archive_signature_subject": (
        "签名 {signature} 涉及 {subject_type} {subject_id}，该记录不在归档中"
    ),
    "archive_signature_missing": (
        "成员 {member} 第 {line} 行：{column} 引用的签名 {signature} 不在归档中"
    ),
    "archive_release_package": "放行记录 {record}：签署的放行资料与签名 {signature} 不符",
    "archive_live_unavailable": "无法读取在用数据库以进行交叉核对：{detail}",
    "archive_live_missing": "在用数据库中不存在审计记录 {seq}",
    "archive_live_mismatch": "审计记录 {seq} 与在用数据库中的记录 {seq} 不符（哈希 {live}）",
    "archive_live_export": (
        "在用审计追踪中没有批次 {batch} 以此清单（SHA-256 {digest}）导出"
        "的记录：该归档并非 CellTrail 原样导出"
    ),
    "archive_verifier_fault": "校验未能完成（{reason}）；应视该归档为未经校验",
    # --- archive: backup and restore (models/archive/backup.py)
    "backup": "备份/恢复被拒绝：{detail}",
    # --- printing: printer errors, rendered by the caller (printing/errors.py)
    "printer_error": "打印机 {printer} 出错：{detail}",
    "printer_unreachable": "无法连接打印机 {printer}（{detail}）。未打印任何内容。",
    "printer_timeout": "打印机 {printer} 在 {seconds} 秒内无响应。请先检查打印机再重新打印。",
    "printer_not_ready": "打印机 {printer} 未就绪：{problems}。未发送任何内容；处理后请重试。",
    "printer_rejected": "打印机 {printer} 拒绝了打印任务：{reason}",
    "printer_font_missing": (
        "没有已安装的字体能打印 {chars!r}（已尝试字体：{font!r}）；请安装 fonts-noto-cjk。"
        "未打印任何内容。"
    ),
    "printer_status_unreadable": "无法解析打印机 {printer} 返回的状态：{reply!r}",
    "printer_address_unsupported": "打印机地址 {address!r} 无法使用：{reason}",
    "printer_output_unknown": (
        "打印机 {printer} 未确认该标签，无法得知标签是否已打出：请扫描已打出的标签以确认。"
    ),
    "printer_connection_lost": (
        "与打印机 {printer} 的连接在发送 {total} 字节中的 {sent} 字节后中断（{detail}）。"
        "无法得知标签是否已打出：请扫描已打出的标签以确认。"
    ),
    "printer_fault_after_send": (
        "打印任务发送后，打印机 {printer} 报告：{problems}。标签未获确认："
        "请处理打印机，然后扫描已打出的标签以确认。"
    ),
    "printer_not_confirmed": (
        "打印机 {printer} 在 {seconds} 秒内未确认该标签，无法得知标签是否已打出："
        "请扫描已打出的标签以确认。"
    ),
    "printer_confirmation_unreadable": (
        "打印机 {printer} 对确认查询的回复不是状态信息（{reply!r}）。标签未获确认："
        "请扫描已打出的标签。"
    ),
    # --- printing: resolution and media (printing/resolution.py, printing/payload.py)
    "printer_resolution_mismatch": (
        "打印机 {printer} 的分辨率为 {reported} dpi，但其地址设定为 {configured} dpi。"
        "未打印任何内容：请更正打印机设置（或地址）后重试。"
    ),
    "printer_resolution_unreadable": (
        "打印机 {printer} 对分辨率查询的应答不是设备标识（{reply!r}）。未打印任何内容。"
    ),
    "printer_media_too_small": (
        "标签（{label} 毫米）大于打印机 {printer} 中装入的标签纸（{media} 毫米）。"
        "未打印任何内容：请装入更大的标签纸或选择其他打印机。"
    ),
    "printer_profile_invalid": "打印机配置无法使用：{reason}",
    "printer_spooler_down": (
        "打印服务（CUPS）未运行或在 {server} 无响应，未向打印机 {printer} 发送任何内容。"
        "请启动打印服务后重试。"
    ),
    "printer_queue_missing": (
        "{server} 上的打印服务没有名为 {queue!r} 的队列。未打印任何内容；请检查打印机地址。"
    ),
    "printer_spooler_held": (
        "打印机 {printer}：任务 {spooler_job} 被打印服务挂起（{reason}），已撤回。"
        "未打印任何内容；请处理队列后重新打印。"
    ),
    "printer_spooler_held_left": (
        "打印机 {printer}：任务 {spooler_job} 被打印服务挂起（{reason}），且无法撤回。"
        "该任务尚未打印，但队列恢复后会被打印：请先在打印服务中取消该任务，再重新打印。"
    ),
    "printer_spooler_aborted": (
        "打印机 {printer}：打印服务未完成任务 {spooler_job} 即将其结束（{reason}）。"
        "这些标签未打印；如有打出的残缺标签，请将其移除。"
    ),
    "spooler_hold_reason.queue_stopped": "队列已停止",
    "spooler_hold_reason.job_held": "任务被挂起",
    "spooler_hold_reason.stopped_while_printing": "打印过程中打印机停止",
    "spooler_end_reason.aborted": "任务已中止",
    "spooler_end_reason.cancelled": "任务已取消",
    "spooler_end_reason.stopped_while_printing": "打印过程中打印机停止",
    # --- printing: printer status problems (printing/status.py PROBLEMS)
    "printer_problem.paper_out": "标签纸用完",
    "printer_problem.paused": "已暂停",
    "printer_problem.head_open": "打印头未合上",
    "printer_problem.ribbon_out": "碳带用完",
    "printer_problem.over_temperature": "打印头过热",
}

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
        "cli.help.user.password_stdin": (
            "从标准输入逐行读取密码：先是 --by 管理员的密码，再是新用户的密码"
        ),
        "cli.help.password_stdin": "从标准输入读取密码",
        "cli.help.init": "创建或升级数据库结构",
        "cli.help.demo": "在数据库中建立演示站点",
        "cli.help.demo.password": "所有演示账户的密码",
        "cli.help.audit": "审计追踪工具",
        "cli.help.audit.verify": "校验整条哈希链",
        "cli.help.user": "用户账户",
        "cli.help.user.add": "添加用户账户",
        "cli.help.user.name": "签名中使用的打印姓名",
        "cli.help.user.site": "账户所属机构代码（默认：生产基地）",
        "cli.help.user.move": "将账户转到另一机构",
        "cli.help.user.reason": "转移账户的原因",
        "cli.help.site": "机构：生产基地与医院",
        "cli.help.site.add": "登记机构",
        "cli.help.site.list": "列出机构及其账户数",
        "cli.help.site.name": "机构名称",
        "cli.help.site.kind": (
            "manufacturer（生产基地）、hospital（医院）或 collection_site（采集机构）"
        ),
        "cli.help.site.fin": "ISBT 128 机构识别码（生产基地的）",
        "cli.help.site.by": "签署的管理员（添加首个账户前无需）",
        "cli.help.user.by": "添加该用户的管理员（添加第一个用户时不需要）",
        "cli.help.din": "ISBT 128 捐献识别号（DIN）",
        "cli.help.din.check": "校验扫描的 DIN",
        "cli.help.trace": "双向追溯供者、采集、批次、COI、DIN 或受者",
        "cli.help.label": "产品标签",
        "cli.help.label.render": "将标签渲染到文件",
        "cli.help.label.print": "申请并打印标签",
        "cli.help.label.din": "该单元的 DIN，扫描或连同校验字符手工输入",
        "cli.help.label.template": "模板代码，例如 LT-BAG（默认：该单元容器所用的模板）",
        "cli.help.label.template_with_batch": "模板代码（与 --batch 一起使用）",
        "cli.help.label.batch": "批号：为该批所有单元打印标签（或用 --din）",
        "cli.help.label.only_dins": "仅这些单元（可重复）",
        "cli.help.label.job": "改为打印（或重试）已有的打印任务",
        "cli.help.label.printer": "打印机 URL，例如 tcp://10.0.0.5:9100",
        "cli.help.label.recover": "登记未确认打印任务中实际打出的标签",
        "cli.help.label.recover_job": "输出未获确认的打印任务",
        "cli.help.label.scanned": "每张已打出标签的扫描内容（可重复）",
        "cli.help.label.nothing_came_out": "没有打出任何标签：所有未确认标签记为未发送",
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
        "cli.user.added": "已添加用户 {user}（所属机构 {site}）",
        "cli.user.moved": "用户 {user} 现属于 {site}",
        "cli.site.added": "已添加机构 {site}（{kind}）",
        "cli.site.row": "{site}  {kind}  FIN {fin}  账户 {accounts} 个  {name}",
        "cli.site.none": "尚无机构",
        "cli.din.valid": "DIN {din} 有效",
        "cli.din.invalid": "无效：{reason}",
        "cli.trace.focus": "{kind} {focus} 的追溯",
        "cli.trace.donor": "供者 {code} [{donor_type}，{eligibility}{flags}]",
        "cli.trace.infectious": "感染性",
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
        "cli.label.job_unconfirmed": (
            " — {count} 张标签未获打印机确认：请用 `celltrail label recover --job {job} "
            "--scanned …` 扫描已打出的标签"
        ),
        "cli.label.recover_needs": "请为每张已打出的标签给出 --scanned，或使用 --nothing-came-out",
        "cli.label.recovered": "打印任务 {job}：{printed} 张标签确认已打印，{unsent} 张可重新打印",
        "cli.label.job_failed": " — {reason}",
        "cli.qc.imported": (
            "已从 {file} 导入 {count} 条质控结果（SHA-256 {sha256}）；审计记录 {seq}"
        ),
        "cli.qc.oos": "结果 {result}：超出质量标准（OOS），偏差 {deviation}",
        "cli.qc.recall_started": "，已启动召回 {recall}",
        "cli.qc.recall_pending": "，批次已放行：QA 必须启动召回",
        "cli.backup.written": ("备份已写入 {file}：{rows} 行，审计链已校验至第 {seq} 条（{hash}）"),
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

# --- 需求登记册（issue 16）：models/validation、`celltrail requirements`
MESSAGES.update(
    {
        "requirements_registry_invalid": "需求登记册 {file} 无效：{problems}",
        "requirements_no_tests": (
            "{root} 中 models/ 旁没有 tests/ 目录：需求标记从源码检出的测试中读取。"
            "请在 CellTrail 源码检出目录中运行，而不是在已安装的副本中运行。"
        ),
        "requirements.fault.toml": "不是 TOML（{detail}）",
        "requirements.fault.schema": "schema 必须为 {expected}",
        "requirements.fault.missing": "{item}：{field} 缺失或为空",
        "requirements.fault.unknown_field": "{item}：未知字段 {field}",
        "requirements.fault.type": "{item}：{field} 必须是 {kind}",
        "requirements.fault.bad_code": "{item}：{requirement} 不是需求编号（R-XXX-NN）",
        "requirements.fault.duplicate": "{requirement} 被登记了两次",
        "requirements.fault.no_area": "{requirement}：没有 [[area]] 声明 {prefix}",
        "requirements.fault.bad_status": (
            "{requirement}：状态 {status} 不是 implemented、not_applicable 或 not_yet"
        ),
        "requirements.fault.needs_enforced_in": (
            "{requirement}：已实现的需求须写明执行位置（enforced_in）"
        ),
        "requirements.fault.needs_why": "{requirement}：not_applicable 须写明理由（why）",
        "requirements.fault.needs_missing": "{requirement}：not_yet 须写明缺少的内容（missing）",
        "requirements.fault.misplaced": "{requirement}：{field} 不属于状态为 {status} 的需求",
        "requirements.fault.bad_ref": "{requirement}：enforced_in {ref} 不是 PATH 或 PATH:Symbol",
        "requirements.problem.untested": (
            "{requirement} 已实现，但没有测试带有 @pytest.mark.req(\"{requirement}\")"
        ),
        "requirements.problem.unknown_marker": (
            "{test}：@pytest.mark.req 指向 {requirement}，登记册中没有该需求"
        ),
        "requirements.problem.marker_literal": (
            "{test}：@pytest.mark.req 只接受字面字符串形式的需求编号"
        ),
        "requirements.problem.no_file": "{requirement}：enforced_in {ref}：文件 {path} 不存在",
        "requirements.problem.no_symbol": (
            "{requirement}：enforced_in {ref}：{path} 中没有定义 {symbol}"
        ),
        "requirements.problem.unreadable": "无法读取 {path}（{detail}）",
        "requirements.problem.no_document": "{file} 不存在：请用 `{command}` 生成",
        "requirements.problem.stale": (
            "{file} 与登记册和测试标记当前生成的内容不一致：请用 `{command}` 重新生成"
        ),
        "cli.help.requirements": "需求登记册：状态、执行位置、测试；生成 docs/requirements.md",
        "cli.help.requirements.write": "将需求文档（Markdown）写入此文件",
        "cli.help.requirements.check": "此文件与 --write 将写入的内容不一致时退出码为 1",
        "cli.requirements.one": "--write 与 --check 只能给其一",
        "cli.requirements.summary": (
            "共 {total} 项需求：已实现 {implemented} 项，不适用 {not_applicable} 项，"
            "尚未实现 {not_yet} 项"
        ),
        "cli.requirements.tests": "；{tests} 个测试带有需求标记",
        "cli.requirements.consistent": "登记册、代码与测试标记一致：每项已实现的需求都有测试",
        "cli.requirements.problems": "{count} 个问题：",
        "cli.requirements.written": "已写入 {file}",
        "cli.requirements.current": "{file} 已是最新",
    }
)

# --- 记录与审计追踪绑定（record_state.py、record_check.py）
MESSAGES.update(
    {
        "record_integrity": (
            "记录完整性：{table} {record} 与其审计追踪不一致（{fields}），"
            "已在 CellTrail 之外被修改。"
            "未执行任何操作；已为 QA 开立偏差。"
        ),
        "record_kind.product_type": "产品类型",
        "record_kind.recall": "召回",
        "record_kind.site": "机构",
        "record_kind.user_account": "用户账户",
        "record_kind.consent": "知情同意",
        "record_kind.donor_identity": "供者身份信息",
        "record_kind.screening_result": "筛查结果",
        "record_kind.signature": "电子签名",
        "record_kind.storage_location": "储存位置",
        "record_kind.user_role": "用户角色",
        "record_kind.recipient_identity": "受者身份信息",
        "record_kind.supplier": "供应商",
        "record_kind.batch_source": "批次来源",
        "record_kind.line_clearance": "清场记录",
        "record_kind.release_record": "放行记录",
        "record_kind.specification_test": "质量标准检验项",
        "record_kind.administration": "输注记录",
        "record_kind.custody_event": "交接记录",
        "record_kind.material_usage": "物料使用",
        "record_kind.qc_result": "QC 结果",
        "record_kind.recall_item": "召回条目",
        "record_kind.shipment_item": "运单条目",
        "record_kind.thaw": "复苏记录",
        "record_kind.unit_link": "单元关联",
        "record_kind.workspace_use": "操作空间使用",
        "record_kind.printed_label": "已打印标签",
        "cli.trace.integrity": (
            "记录完整性：{table} {record} 与其审计追踪不一致（{fields}），已在 CellTrail 之外被修改"
        ),
        "backup_records_differ": (
            "备份/恢复被拒绝：记录与审计追踪不一致（首个为 {table} {record}；"
            "`celltrail audit verify` 会列出全部）；{then}"
        ),
        "backup.investigate": "请先调查再备份",
        "backup.nothing_restored": "未恢复任何内容",
        "cli.audit.records_intact": "记录与审计追踪一致：已对照 {states} 条记录状态检查 {rows} 行",
        "cli.audit.records_broken": "记录在 CellTrail 之外被修改：{count} 条记录与审计追踪不一致",
        "cli.audit.record_altered": "  {table} {record}，{field}：审计追踪为 {trail}，记录为 {row}",
        "cli.audit.record_deleted": (
            "  {table} {record}：在 CellTrail 之外被删除（最后记录于第 {seq} 条）"
        ),
        "cli.audit.record_inserted": (
            "  {table} {record}：审计追踪中无此记录（在 CellTrail 之外插入）"
        ),
        "cli.audit.record_fields": "  {table} {record}：{fields} 在 CellTrail 之外被修改",
        "cli.audit.records_more": "  ……另有更多（仅显示前 {shown} 条）",
        "record_integrity.deviation_title": "记录完整性：{table} {record} 在 CellTrail 之外被修改",
        "record_integrity.deviation_text": (
            "因 {table} {record} 与其审计追踪不一致（{fields}），一项决定被拒绝。"
            "请调查是谁在 CellTrail 之外、以何种方式修改了它。"
        ),
    }
)

# issue 12，命令行的错误输入：参数、标准输入、文件与打印机地址的拒绝说明。
MESSAGES.update(
    {
        "cli.usage_error": "错误：{message}（参见 {command} --help）",
        "cli.bad_id": "{value!r} 不是记录编号（应为 1 至 2^63-1 的整数）",
        "cli.not_utf8": (
            "不是有效的 UTF-8 文本（含无法解码的字节）；请使用 UTF-8 区域设置或重命名文件"
        ),
        "cli.field.stdin": "标准输入",
        "cli.field.file": "文件",
        "cli.field.value": "值",
        "cli.stdin_not_utf8": "不是 UTF-8 文本",
        "cli.stdin_too_long": "超过 {limit} 字节；此处只读取密码",
        "cli.no_input": "尚未读到任何内容即已结束",
        "cli.db.too_long": "文本超出数据库允许的长度（最多 {limit} 个字符）；未保存任何内容",
        "cli.db.value_refused": "数据库拒绝了一个值（{detail}）；未保存任何内容",
        "cli.db.conflict": "数据库以与已有记录冲突为由拒绝（{detail}）；未保存任何内容",
        "cli.help.force": "替换同名的现有普通文件",
        "cli.argparse.usage": "用法：",
        "cli.argparse.positionals": "位置参数",
        "cli.argparse.options": "选项",
        "cli.argparse.help": "显示此帮助信息并退出",
        "cli.argparse.argument": "参数 %(argument_name)s：%(message)s",
        "cli.argparse.required": "缺少必需的参数：%s",
        "cli.argparse.unrecognized": "无法识别的参数：%s",
        "cli.argparse.choice": "无效的选择：%(value)r（可选：%(choices)s）",
        "cli.argparse.value": "无效的 %(type)s 值：%(value)r",
        "cli.argparse.one": "需要一个值",
        "cli.argparse.at_least_one": "至少需要一个值",
        "cli.argparse.ambiguous": "有歧义的选项：%(option)s 可匹配 %(matches)s",
        "output_exists": "{file} 已存在；未写入任何内容（如需替换，请加 --force）",
        "output_is_link": (
            "{file} 是符号链接，不是普通文件；未写入任何内容："
            "CellTrail 从不经由符号链接写入，即使使用 --force"
        ),
        "output_not_regular": (
            "{file} 不是普通文件（目录、设备、链接、管道或套接字）；未写入任何内容："
            "CellTrail 只写入新文件或覆盖普通文件"
        ),
        "database_not_regular": (
            "数据库 {file} 不是普通文件（目录、设备、管道或套接字）；未打开任何内容"
        ),
        "input_not_regular": "{file} 不是普通文件（目录、设备、管道或套接字）；未读取任何内容",
        "archive_too_large": (
            "{file} 解压后将达 {size} 字节，超过归档允许的 {limit} 字节；未解压任何内容"
        ),
        "backup_member_too_large": (
            "备份/恢复被拒绝：{member} 解压后将达 {size} 字节，超过允许的 {limit} 字节；"
            "文件已损坏或不是 CellTrail 备份，未恢复任何内容"
        ),
        "printer_address_problem.unknown_scheme": (
            "未知的地址类型；请使用 tcp://、file:// 或 system://"
        ),
        "printer_address_problem.unreadable": "无法识别为 URL",
        "printer_address_problem.too_long": "超过 200 个字符",
        "printer_address_problem.unknown_option": (
            "含有此类打印机不支持的选项（tcp://：dpi、timeout、status、confirm、media、"
            "darkness；file://：dpi、format；system://：dpi、format、timeout、server、"
            "media、darkness）"
        ),
        "printer_address_problem.timeout": "timeout 必须是 0.1 至 300 之间的秒数",
        "printer_address_problem.confirm": "confirm 必须是 0.1 至 600 之间的秒数",
        "printer_address_problem.dpi": "dpi 必须为 203、300 或 600",
        "printer_address_problem.format": "format 必须为 zpl、pdf 或 png",
        "printer_address_problem.port": "端口必须是 1 至 65535 之间的数字",
        "printer_address_problem.host_required": "需要主机名，例如 tcp://10.0.0.5:9100",
        "printer_address_problem.host_invalid": (
            "主机既不是 IP 地址，也不是主机名（字母、数字、'-'、'_' 和 '.'，最多 253 个字符）"
        ),
        "printer_address_problem.directory": "请使用本机的绝对目录，例如 file:///var/labels",
        "printer_address_problem.queue_required": "需要打印队列名，例如 system://ZEBRA_RAW",
        "printer_address_problem.queue_invalid": "打印队列名不得包含空格、'/'、'#' 或控制字符",
        "printer_address_problem.server": (
            "server 必须是主机名、主机名:端口或 CUPS 套接字的绝对路径"
        ),
        "printer_address_problem.media": (
            "media 必须为以毫米计的 宽x高，每项 5 至 300，例如 media=104x150"
        ),
        "printer_address_problem.darkness": "darkness 必须是 -30 至 30 之间的整数",
        # printing: why a station's printer profile cannot be used (printing/profile.py)
        "printer_profile_problem.entry": "每个打印机配置必须是一组设置",
        "printer_profile_problem.keys": (
            "配置须含地址，且只能包含 address、language、dpi、media_width_mm、"
            "media_height_mm、darkness 和 status"
        ),
        "printer_profile_problem.type": (
            "某项设置的值类型不对（address 和 language 为文本，dpi 和 darkness 为整数，"
            "标签纸尺寸为数字，status 为 true 或 false）"
        ),
        "printer_profile_problem.address_options": "地址中不得含选项（?…）；选项来自配置的设置",
        "printer_profile_problem.language": "语言必须为 zpl、pdf 或 png",
        "printer_profile_problem.language_tcp": "网络（tcp://）打印机只能打印 ZPL",
        "printer_profile_problem.media_pair": "标签纸的宽和高须同时给出或都不给出",
        "printer_profile_problem.darkness_zpl": "打印浓度仅适用于 ZPL 打印机",
    }
)

# 审计链锚点（models/kernel/audit_anchor.py）与 PostgreSQL 应用角色
# （models/kernel/db_roles.py），及其命令行用语（issue 12）
MESSAGES.update(
    {
        "audit_anchor_file": "锚点文件 {file}：{reason}",
        "audit_anchor.file.missing": "文件不存在",
        "audit_anchor.file.unreadable": "无法读取（{detail}）",
        "audit_anchor.file.not_regular": "不是普通文件（设备、管道或文件夹）",
        "audit_anchor.file.too_large": "大于 {limit} 字节，不是锚点文件",
        "audit_anchor.file.not_utf8": "不是 UTF-8 文本",
        "audit_anchor.file.not_json": "不是 JSON（第 {line} 行第 {column} 列）",
        "audit_anchor.file.not_anchor": '不是 CellTrail 审计锚点（"format" 不是 "{format}"）',
        "audit_anchor.file.version": "本版本不认识锚点格式版本 {version}",
        "audit_anchor.file.seq": '"seq" 不是大于等于 0 的整数',
        "audit_anchor.file.hash": '"entry_hash" 不是 64 个小写十六进制字符',
        "audit_anchor_moved": (
            "生成锚点期间审计记录 {seq} 发生了变化；请运行 celltrail audit verify"
        ),
        "audit_anchor.held": "锚点 第 {seq} 条 哈希 {hash} 在审计链中",
        "audit_anchor.short": (
            "锚点 第 {seq} 条 哈希 {hash} 不在审计链中：审计链比锚点短（止于第 {last} 条）"
        ),
        "audit_anchor.rewritten": (
            "锚点 第 {seq} 条 哈希 {hash} 不在审计链中：第 {seq} 条现在的哈希为 {found}"
        ),
        "audit_anchor.report_head": "审计链链头（锚点）",
        "audit_anchor.report_value": "第 {seq} 条，SHA-256 {hash}",
        "db_role": "应用角色 {role}：{reason}",
        "db_role.reason.name": (
            "角色名须为 1 到 63 个小写字母、数字或下划线，以字母或下划线开头，"
            "且不能是 pg_… 或 public"
        ),
        "db_role.reason.password": "密码须为 1 到 {limit} 个字符",
        "db_role.reason.not_postgresql": "数据库角色只存在于 PostgreSQL",
        "db_role.reason.is_owner": "它就是运行 init 的角色；应用需要自己的角色",
        "db_role.reason.no_tables": "模式 {schema} 中没有表，无可授权",
        "db_role.reason.not_table_owner": (
            "请以表的属主运行 init：这些表属于 {owners}，而不是 {owner}"
        ),
        "db_role.reason.needs_password": "该角色尚不存在，且未提供密码",
        "db_role.reason.attributes": (
            "该角色具有 {attributes}；应用角色不得具有这些属性"
            "（由超级用户执行 ALTER ROLE … NO…，或换一个名称）"
        ),
        "db_role.reason.member_of": (
            "该角色是 {groups} 的成员，会继承其权限；请撤销成员关系或换一个名称"
        ),
        "db_role.reason.driver": "设置密码需要 psycopg 驱动（postgresql+psycopg://）",
        "db_role.reason.denied": "数据库拒绝：{detail}",
        "db_role.reason.extra_rights": "授权后它仍能做应用角色不应做的事（{rights}）；未作任何更改",
        "db_role.reason.missing_rights": "授权未在 {tables} 上生效",
        "cli.help.init.app_role": "PostgreSQL：创建或检查此应用角色，只授予行级权限",
        "cli.help.init.password_file": (
            "其第一行为应用角色密码的文件（否则取 CELLTRAIL_APP_ROLE_PASSWORD，"
            "角色为新建时再否则提示输入）"
        ),
        "cli.help.audit.anchor": "校验审计链并将链头（序号、哈希、时间）写为锚点，另处保存",
        "cli.help.audit.anchor.output": "要写入的锚点文件（除非 --force，须为新文件）",
        "cli.help.audit.anchor.force": "替换已存在的普通文件",
        "cli.help.audit.verify.anchor": "同时检查审计链是否仍包含此锚点的链头（可重复）",
        "cli.init.role_password_prompt": "新数据库角色 {role} 的密码：",
        "cli.init.role_password_again": "再次输入同一密码：",
        "cli.init.passwords_differ": "两次输入的密码不同",
        "cli.init.password_file_unreadable": "无法读取密码文件（{detail}）",
        "cli.init.password_file_not_regular": "密码文件不是普通文件",
        "cli.init.password_file_too_large": "密码文件大于 {limit} 字节",
        "cli.init.password_file_not_utf8": "密码文件不是 UTF-8 文本",
        "cli.init.password_file_needs_role": "--password-file 是 --app-role NAME 的密码",
        "cli.init.role_created": "已创建",
        "cli.init.role_password_changed": "密码已更改",
        "cli.init.role_kept": "保持不变",
        "cli.init.app_role": (
            "应用角色 {role}（{state}）：{rows} 张表 SELECT、INSERT、UPDATE；"
            "{append} 仅 SELECT、INSERT；{head} SELECT、UPDATE；{read} SELECT；"
            "{sequences} 个序列 USAGE、SELECT；无 DELETE、TRUNCATE、TRIGGER、属主或 CREATE 权限；"
            "数据库结构仍属于 {owner}"
        ),
        "cli.audit.anchor.taken": "审计锚点：第 {seq} 条 {hash}",
        "cli.audit.anchor.written": "已写入 {file}",
        "cli.audit.anchor.refused": "未生成锚点：不能为已断裂的审计链作担保",
        "cli.audit.anchor.line": "{file}：{verdict}",
    }
)

# identity: user names and the four-eyes rule on accounts (models/identity/names.py,
# models/identity/signatures.py)
MESSAGES.update(
    {
        "user_name_refused": "用户名 {name!r} 不可用：{problem}。",
        "user_name.empty": "用户名为空",
        "user_name.too_long": "长度超过 {limit} 个字符",
        "user_name.not_plain": (
            "含有字符 {char}，它不是可见的字母、数字或符号（用户名必须是一个普通的词）"
        ),
        "user_name_confusable": (
            "用户名 {name!r} 与现有账户 {existing!r} 无法区分；请选择不会被误认为他人的名称。"
        ),
        "four_eyes.look_alike": (
            "{verifier} 与执行人 {performer} 无法区分；必须由拥有自己账户的第二人复核。"
        ),
        "four_eyes.unknown_performer": (
            "执行人 {performer} 不是本站点的账户，CellTrail 无法确认第二人是否为另一人。"
        ),
        "isbt128_compound_count": (
            "复合信息（DS023）必须声明 1 至 99 个数据结构并恰好包含这么多：声明 {declared} 个，"
            "实际包含 {found} 个。"
        ),
        "isbt128_compound_dins": "该复合信息包含 {count} 个 DIN；请扫描只标识一个产品的条码。",
        "isbt128.field.compound_count": "数据结构数量",
        "isbt128.field.compound_reference": "复合信息参考编号",
    }
)

# --- isbt128 conformance (issue 15): FIN letters, product codes by category
MESSAGES.update(
    {
        "isbt128.expected.fin_middle": "A-N、P-Z 或 0-9（不得使用字母 O）",
        "isbt128.field.division_3": "三位分装号",
        "isbt128.field.reserved_tds": "保留字符（X1-X9 代码）",
        "isbt128.expected.zero": "0",
        "isbt128.expected.alnum_any_case": "0-9、A-Z 或 a-z",
        "isbt128.expected.digit_or_lower": "0-9 或 a-z",
    }
)

# --- celltrail scan (issue 15): any scan, parsed
MESSAGES.update(
    {
        "cli.help.scan": "扫描的 ISBT 128 码包含的内容（单个结构、级联或复合信息）",
        "cli.help.scan.text": "扫描器发送的原始内容（可带 AIM 前缀和帧字符）",
        "cli.scan.valid": "已读取 {count} 个数据结构",
        "cli.scan.invalid": "无法读取：{reason}",
    }
)

# --- isbt128 reading (issue 15): every structure a cellular-therapy site meets
MESSAGES.update(
    {
        "isbt128_value": "{structure}：{field} {value!r} 不是{expected}。",
        "isbt128_grid_checksum": (
            "{structure}：{grid} 的校验和应为 {expected}，实际为 {actual}；GRID 读错或输错。"
        ),
        "isbt128_compound_non_iccbba": (
            "{di!r}（{name}）不是 ICCBBA 定义的数据结构，ST-001 不允许此类数据结构出现在"
            "复合信息（DS023）中；该复合信息无效。"
        ),
        "isbt128_divisions_needed": (
            "产品代码 {code} 第 7-8 位为 99：其分装号在单独的产品分装条码（DS032）中，"
            "必须一并扫描并记录。CellTrail 无法仅凭此产品代码确定单元；请扫描 DIN。"
        ),
        "isbt128.reason.no_such_date": "{date} 不是日历上存在的日期",
        "isbt128.expected.digit_not_zero": "数字 1-9",
        "isbt128.expected.blood_group_code": "ST-001 表 4 或表 5 中的代码",
        "isbt128.expected.time_zone": "1（当地时间）或 2（UTC）",
        "isbt128.expected.time_type": "时间类型 01-06",
        "isbt128.expected.sec_coding_system": "A（ISBT 128）、B（Eurocode）或 E（EUTC）",
        # field names of the structures CellTrail reads without acting on them
        "isbt128.field.abo_rhd": "ABO/RhD 代码",
        "isbt128.field.rh_kell_mia": "Rh、Kell 或 Mia/Mur 表型",
        "isbt128.field.reserved": "保留字符",
        "isbt128.field.special_testing": "特殊检测代码",
        "isbt128.field.antigen_positions_1_16": "抗原第 1-16 位",
        "isbt128.field.antigen_positions_17_18": "抗原第 17-18 位",
        "isbt128.field.hla_a": "HLA-A",
        "isbt128.field.hla_b": "HLA-B",
        "isbt128.field.hla_drb1": "HLA-DRB1",
        "isbt128.field.platelet_antigens": "血小板特异性抗原",
        "isbt128.field.anti_ab_titre": "高效价抗 A/B",
        "isbt128.field.cmv_antibody": "CMV 抗体",
        "isbt128.field.container_id": "容器识别字符",
        "isbt128.field.manufacturer": "制造商代码",
        "isbt128.field.catalog_number": "目录号",
        "isbt128.field.lot_number": "批号",
        "isbt128.field.donor_number": "供者编号",
        "isbt128.field.staff_id": "工作人员编号",
        "isbt128.field.location": "位置代码",
        "isbt128.field.month": "月",
        "isbt128.field.day": "日",
        "isbt128.field.patient_id_length": "患者编号长度",
        "isbt128.field.patient_id": "患者编号",
        "isbt128.field.tti_markers": "感染标志物结果",
        "isbt128.field.consignment_serial": "托运序列号",
        "isbt128.field.container_number": "容器序号",
        "isbt128.field.container_total": "托运容器总数",
        "isbt128.field.dimension_count": "尺寸项数",
        "isbt128.field.dimension_symbol": "尺寸符号",
        "isbt128.field.dimension_code": "尺寸",
        "isbt128.field.dimension_value": "数值",
        "isbt128.field.decimal_places": "小数位数",
        "isbt128.field.antigen_count": "抗原数",
        "isbt128.field.antigen": "抗原",
        "isbt128.field.antigen_result": "结果",
        "isbt128.field.number_of_tests": "检测次数",
        "isbt128.field.time_zone": "时区",
        "isbt128.field.time_type": "时间类型",
        "isbt128.field.product_divisions": "产品分装代码",
        "isbt128.field.fin_p": "分配产品代码的机构 FIN",
        "isbt128.field.fpc": "机构自定义产品代码",
        "isbt128.field.mpho_lot": "MPHO 批号",
        "isbt128.field.supplemental_id": "补充识别号",
        "isbt128.field.ion": "签发机构编号（ION）",
        "isbt128.field.grid_sequence": "GRID 序列",
        "isbt128.field.rdi": "注册供者识别码",
        "isbt128.field.grid_checksum": "GRID 校验和",
        "isbt128.field.country_code": "国家代码",
        "isbt128.field.te_code": "组织机构代码",
        "isbt128.field.donation_number": "唯一捐献编号",
        "isbt128.field.coding_system": "编码系统",
        "isbt128.field.sec_product_code": "产品代码",
        "isbt128.field.split_number": "拆分号",
        "isbt128.field.sec_expiry": "有效期（YYYYMMDD）",
        "isbt128.field.content": "内容",
        # the meaning of a few defined values, shown next to them
        "isbt128.value.time_zone.1": "赋值机构的当地时间",
        "isbt128.value.time_zone.2": "UTC",
        "isbt128.value.time_type.01": "有效期",
        "isbt128.value.time_type.02": "采集",
        "isbt128.value.time_type.03": "生产",
        "isbt128.value.time_type.04": "阻断循环（交叉钳闭）",
        "isbt128.value.time_type.05": "保存",
        "isbt128.value.time_type.06": "供者死亡",
        "isbt128.value.coding_system.A": "ISBT 128",
        "isbt128.value.coding_system.B": "Eurocode",
        "isbt128.value.coding_system.E": "EUTC",
        "isbt128.value.sec_expiry.00000000": "无有效期",
        # DIN flag characters (ST-001 Table 3, RT004)
        "isbt128.flag_type.unused": "未使用标志",
        "isbt128.flag_type.type1": "第 1 类，由 ICCBBA 定义",
        "isbt128.flag_type.type2": "第 2 类，由分配 DIN 的机构定义",
        "isbt128.flag_type.type3": "第 3 类，60 + mod 37-2 校验和，已核对",
        "isbt128.value.flags.01": "一套容器中的第 1 个",
        "isbt128.value.flags.02": "一套容器中的第 2 个",
        "isbt128.value.flags.03": "一套容器中的第 3 个",
        "isbt128.value.flags.04": "一套容器中的第 4 个",
        "isbt128.value.flags.05": "第二张（或重复）按需打印标签",
        "isbt128.value.flags.06": "留样管标签",
        "isbt128.value.flags.07": "试管标签",
        "isbt128.value.flags.08": "供者记录标签",
        "isbt128.value.flags.09": "NAT 检测样本管",
        "isbt128.value.flags.10": "细菌检测样本",
        "isbt128.value.flags.11": "与单元匹配标签",
        "isbt128.value.flags.12": "粘贴的部分标签",
        "isbt128.value.flags.13": "附带标签（与粘贴的部分标签配合使用）",
        "isbt128.value.flags.15": "一套容器中的第 5 个",
        "isbt128.value.flags.16": "一套容器中的第 6 个",
        "isbt128.value.flags.17": "一套容器中的第 7 个",
        "isbt128.value.flags.18": "一套容器中的第 8 个",
        "isbt128.value.flags.19": "一套容器中的第 9 个",
        # structure names (ST-001 Table 2, RT003)
        "isbt128.structure.DS001": "捐献识别号（DIN）",
        "isbt128.structure.DS002": "血型 [ABO 和 RhD]",
        "isbt128.structure.DS003": "产品代码",
        "isbt128.structure.DS004": "有效期",
        "isbt128.structure.DS005": "有效期（日期和时间）",
        "isbt128.structure.DS006": "采集日期",
        "isbt128.structure.DS007": "采集日期和时间",
        "isbt128.structure.DS008": "生产日期",
        "isbt128.structure.DS009": "生产日期和时间",
        "isbt128.structure.DS010": "特殊检测：通用",
        "isbt128.structure.DS011": "特殊检测：红细胞抗原（已停用）",
        "isbt128.structure.DS012": "特殊检测：红细胞抗原——通用",
        "isbt128.structure.DS013": "特殊检测：红细胞抗原——芬兰",
        "isbt128.structure.DS014": "特殊检测：血小板 HLA 和血小板特异性抗原",
        "isbt128.structure.DS015": "特殊检测：HLA-A 和 -B 等位基因（已停用）",
        "isbt128.structure.DS016": "特殊检测：HLA-DRB1 等位基因（已停用）",
        "isbt128.structure.DS017": "容器制造商和目录号",
        "isbt128.structure.DS018": "容器批号",
        "isbt128.structure.DS019": "供者识别号",
        "isbt128.structure.DS020": "工作人员识别号",
        "isbt128.structure.DS021": "制造商和目录号：容器以外的物品",
        "isbt128.structure.DS022": "批号：容器以外的物品",
        "isbt128.structure.DS023": "复合信息",
        "isbt128.structure.DS024": "患者出生日期",
        "isbt128.structure.DS025": "患者识别号",
        "isbt128.structure.DS026": "有效期（年月）",
        "isbt128.structure.DS027": "输血传播感染标志物",
        "isbt128.structure.DS028": "产品托运",
        "isbt128.structure.DS029": "尺寸",
        "isbt128.structure.DS030": "带检测史的红细胞抗原",
        "isbt128.structure.DS031": "灵活日期和时间",
        "isbt128.structure.DS032": "产品分装",
        "isbt128.structure.DS033": "加工机构信息代码",
        "isbt128.structure.DS034": "加工者产品识别码（PPIC）",
        "isbt128.structure.DS035": "MPHO 批号",
        "isbt128.structure.DS036": "MPHO 补充识别号",
        "isbt128.structure.DS037": "GRID（已停用）",
        "isbt128.structure.DS038": "单一欧洲代码（SEC）",
        "isbt128.structure.DS039": "全球供者注册识别码（GRID）",
        "isbt128.structure.DS040": "身份链标识符",
        "isbt128.structure.national_donor": "国家规定的供者识别号",
        "isbt128.structure.national_exclusion": "保密单元排除状态（国家定义）",
        "isbt128.structure.non-ICCBBA": "机构或国家自定义数据结构",
        # celltrail scan: one line per structure
        "cli.scan.structure": "  {structure} {name}：{summary}",
        "cli.scan.field": "{field} {value}",
        "cli.scan.field_meaning": "{field} {value}（{meaning}）",
        "cli.scan.retired": "已停用的数据结构，为向后兼容而读取",
        "cli.scan.din_flags": "标志 {flags}：{flag_type}",
        "cli.scan.din_flags_meaning": "标志 {flags}：{flag_type}（{meaning}）",
        "cli.scan.divisions_recorded": "DS032 中的分装号：{divisions}",
        "cli.scan.divisions_missing": "第 7-8 位为 99：还须扫描该产品的产品分装条码（DS032）",
        "cli.scan.compound": "复合信息（DS023），参考编号 {reference}",
    }
)

# --- 同一数据库上的多个工作站（issue 17）：记录已在另一工作站被更改
MESSAGES.update(
    {
        "record_changed": (
            "{kind} {ident} 已于 {at} 由 {who} 在 {station} {what}；您的操作未保存任何内容，"
            "界面已刷新。"
        ),
        "record_changed.open": (
            "本窗口打开期间，{kind} {ident} 已于 {at} 由 {who} 在 {station} {what}："
            "请关闭本窗口，重新打开该记录。"
        ),
        "record_changed.set_to": "改为“{state}”",
        "record_changed.verified": "复核",
        "record_changed.voided": "作废",
        "record_changed.changed": "更改",
        "record_changed.deleted": "删除",
    }
)

# --- 数据库用途（issue 16）：培训与验证数据库（models/kernel/db_purpose）
MESSAGES.update(
    {
        "db_purpose.banner": "测试 — 不得用于临床",
        "db_purpose.production": "生产",
        "db_purpose.training": "培训",
        "db_purpose.validation": "验证",
        "db_purpose.fin_refused": "机构代码 {fin} 被拒绝：这是{purpose}数据库，{reason}。",
        "db_purpose.reason.test_only": "只接受 ICCBBA 测试机构代码 {first}–{last}",
        "db_purpose.reason.no_test": "不接受 ICCBBA 测试机构代码 {first}–{last}",
        "db_purpose.changed": (
            "此数据库创建时的用途为{stored}，不能改为{wanted}。请为此新建一个数据库。"
        ),
        "db_purpose.demo_needs_training": (
            "演示站点只能建在培训数据库中；此数据库创建时的用途为{stored}。"
            "请在新数据库上运行 `celltrail demo`。"
        ),
        "cli.help.init.purpose": (
            "新数据库的用途：production（生产，默认）、training（培训）或 validation（验证）；"
            "创建后不可更改"
        ),
        "cli.init.purpose": "数据库用途：{purpose}",
    }
)
MESSAGES.update(
    {
        "backup_purpose": (
            "备份/恢复被拒绝：备份来自{backup}数据库，目标数据库创建时的用途为{target}：请恢复到新数据库（未恢复任"
            "何内容）。"
        ),
    }
)
MESSAGES.update(
    {
        "label_banner_no_room": (
            "此 {width:g}×{height:g} mm 标签没有空位印刷培训/验证数据库每张标签都须带有的测试横幅："
            "未打印任何内容。请在模板上留出空位。"
        ),
    }
)

# --- celltrail validate（issue 16）：IQ/OQ 报告（models/validation）
MESSAGES.update(
    {
        "validate.step.IQ-01.title": "软件及依赖版本",
        "validate.step.IQ-01.expected": "CellTrail 已安装，每个运行依赖均已安装且版本在声明范围内",
        "validate.step.IQ-02.title": "已安装文件与构建清单比对",
        "validate.step.IQ-02.expected": (
            "软件包每个文件的 SHA-256 与构建时生成的清单一致；无缺失，无多出"
        ),
        "validate.step.IQ-03.title": "为验证创建的临时数据库",
        "validate.step.IQ-03.expected": "本次运行所用数据库为验证数据库",
        "validate.step.IQ-04.title": "数据库结构版本",
        "validate.step.IQ-04.expected": "数据库结构处于本版本最新迁移（Alembic head）",
        "validate.step.IQ-05.title": "只可追加的触发器",
        "validate.step.IQ-05.expected": (
            "各保护触发器齐全（审计追踪、电子签名、清场、操作空间使用、用户名、站点密钥、数据库用"
            "途），"
            "且修改被拒绝"
        ),
        "validate.step.IQ-06.title": "应用角色权限（PostgreSQL）",
        "validate.step.IQ-06.expected": (
            "应用角色对只可追加的表仅有 SELECT 和 INSERT 权限，任何表均无 DELETE、TRUNCATE 或 TRI"
            "GGER 权限"
        ),
        "validate.step.IQ-07.title": "中文字体",
        "validate.step.IQ-07.expected": "已安装含中文字形的字体，且标签和报告使用该字体",
        "validate.step.IQ-08.title": "本工作站的打印机",
        "validate.step.IQ-08.expected": "本工作站配置的每台打印机均有应答",
        "validate.step.OQ-01.title": "测试数据库拒绝真实机构代码",
        "validate.step.OQ-01.expected": "验证数据库拒绝机构代码不在 A9990–A9999 范围内的站点",
        "validate.step.OQ-02.title": "生产数据库拒绝测试机构代码",
        "validate.step.OQ-02.expected": "生产数据库拒绝测试机构代码",
        "validate.step.OQ-03.title": "已批准的配置",
        "validate.step.OQ-03.expected": (
            "质量标准由 QA 负责人批准，标签模板由 QA 批准；作者批准自己的模板被拒绝"
        ),
        "validate.step.OQ-04.title": "供者筛查及 90 天复检",
        "validate.step.OQ-04.expected": (
            "首次筛查后供者等待复检；至少 90 天后复检合格，供者方为合格"
        ),
        "validate.step.OQ-05.title": "采集及样本接收",
        "validate.step.OQ-05.expected": "采集物在时限内完好接收、被接受，并获得唯一的身份链标识",
        "validate.step.OQ-06.title": "一个供者、一次采集、一个批次",
        "validate.step.OQ-06.expected": (
            "来自两个供者的批次被拒绝；来自一次采集的批次按编号规则编号"
        ),
        "validate.step.OQ-07.title": "由第二人复核的生产记录",
        "validate.step.OQ-07.expected": (
            "每个步骤均经签名并由另一人复核；操作者复核自己的步骤被拒绝"
        ),
        "validate.step.OQ-08.title": "收获与分装（待放行）",
        "validate.step.OQ-08.expected": "各单位使用测试机构代码的 DIN，并保持待放行状态",
        "validate.step.OQ-09.title": "含超标结果的质量检验",
        "validate.step.OQ-09.expected": "细胞数偏低不符合质量标准并自动开立偏差；结果由第二人复核",
        "validate.step.OQ-10.title": "放行被拒绝",
        "validate.step.OQ-10.expected": "因检验不合格及未关闭的偏差，QA 放行被拒绝",
        "validate.step.OQ-11.title": "仅 QA 可放行",
        "validate.step.OQ-11.expected": "操作者放行被拒绝",
        "validate.step.OQ-12.title": "偏差调查并关闭",
        "validate.step.OQ-12.expected": "QA 记录调查和 CAPA，QA 负责人签名关闭",
        "validate.step.OQ-13.title": "应医师请求的紧急放行",
        "validate.step.OQ-13.expected": (
            "在细胞数为唯一不合格项时，QA 负责人签名的紧急放行放行所有单位"
        ),
        "validate.step.OQ-14.title": "标签打印及解码",
        "validate.step.OQ-14.expected": (
            "标签打印至文件打印机；从栅格化的 PDF 解码的每个条码和二维码与记录一致；"
            "文字含批号及测试横幅"
        ),
        "validate.step.OQ-15.title": "打印者复核被拒绝",
        "validate.step.OQ-15.expected": "打印标签的人不能作为其第二复核人",
        "validate.step.OQ-16.title": "第二人复核",
        "validate.step.OQ-16.expected": "每张标签由另一人扫描并逐项核对后粘贴；该批标签数量平衡",
        "validate.step.OQ-17.title": "运输及医院接收",
        "validate.step.OQ-17.expected": "已发运并在医院逐一扫描接收所有单位",
        "validate.step.OQ-18.title": "发放与复苏",
        "validate.step.OQ-18.expected": (
            "单位已为患者发放；复苏单位的使用期限为复苏结束加产品复苏后时限"
        ),
        "validate.step.OQ-19.title": "床旁强制拦截：患者错误",
        "validate.step.OQ-19.expected": "给另一患者输注被拦截",
        "validate.step.OQ-20.title": "床旁：须第二人",
        "validate.step.OQ-20.expected": "护士不能作为自己的第二复核人",
        "validate.step.OQ-21.title": "床旁强制拦截：已召回单位",
        "validate.step.OQ-21.expected": "已召回的单位在床旁被拦截",
        "validate.step.OQ-22.title": "床旁强制拦截：已过期单位",
        "validate.step.OQ-22.expected": "在时钟晚于单位有效期的床旁工作站，该单位被拦截",
        "validate.step.OQ-23.title": "正确输注",
        "validate.step.OQ-23.expected": "已复苏单位与其本人患者扫描匹配并经第二人复核后输注",
        "validate.step.OQ-24.title": "召回追溯",
        "validate.step.OQ-24.expected": (
            "批召回列出每个单位所在位置，已输注单位附其患者；由患者追溯可达供者"
        ),
        "validate.step.OQ-25.title": "审计追踪核验",
        "validate.step.OQ-25.expected": "哈希链完整，每条记录与审计追踪最后记录的状态一致",
        "validate.step.OQ-26.title": "在 CellTrail 之外伪造的记录",
        "validate.step.OQ-26.expected": "以 SQL 直接修改的单位状态被审计核验指出，并列出修改的字段",
        "validate.observed.blocked": "未执行：之前的步骤 {step} 失败",
        "validate.observed.refused": "意外被拒绝：{reason}",
        "validate.observed.error": "错误：{error}",
        "validate.observed.not_refused": "未被拒绝（{outcome}）",
        "validate.observed.refused_as": "已拒绝：{reason}",
        "validate.observed.not_installed": "此处未以软件包形式安装 CellTrail（无发行元数据）",
        "validate.observed.versions": (
            "CellTrail {version}；{dependencies}；超出范围或缺失：{problems}"
        ),
        "validate.observed.no_manifest": (
            "{root} 下没有可读的安装清单（{detail}）：请用 pip 安装，由构建生成清单"
        ),
        "validate.observed.manifest_intact": (
            "{files} 个文件与版本 {version} 的 {kind} 清单一致（清单 SHA-256 {sha256}）"
        ),
        "validate.observed.manifest_broken": (
            "{problems}（清单含 {files} 个文件，SHA-256 {sha256}）"
        ),
        "validate.observed.files_changed": "{count} 个被修改：{files}",
        "validate.observed.files_missing": "{count} 个缺失：{files}",
        "validate.observed.files_added": "{count} 个不在清单中：{files}",
        "validate.observed.purpose": "数据库用途：{purpose}",
        "validate.observed.revision": "版本 {found}，最新 {head}",
        "validate.observed.triggers": "{count} 个触发器齐全；修改数据库用途的 UPDATE 被拒绝",
        "validate.observed.triggers_missing": "缺少触发器：{missing}",
        "validate.observed.not_postgresql": "不适用：临时数据库为 SQLite",
        "validate.observed.role_refused": "无法建立该角色：{reason}",
        "validate.observed.role_rights": (
            "已读回 {tables} 张表的权限；只可追加（{append}）：SELECT、INSERT；不符：{wrong}"
        ),
        "validate.observed.fonts": "字体：{face}",
        "validate.observed.no_printers": "本工作站未配置打印机",
        "validate.observed.printers": "{printers}",
        "validate.printer.answered": "{address} 已应答",
        "validate.printer.folder": "{address}：文件夹不存在或不可写",
        "validate.printer.failed": "{address}：{reason}",
        "validate.printer.not_asked": "{address}：打印队列只对作业应答；未询问",
        "validate.observed.fin_on_test": "机构代码 {fin} 被拒绝",
        "validate.observed.fin_on_production": "机构代码 {fin} 被拒绝",
        "validate.observed.own_approval": "作者自己批准 {template} 被接受",
        "validate.observed.configured": "质量标准已批准；已批准模板：{templates}",
        "validate.observed.eligibility": "首次筛查后：{first}；复检后：{after}",
        "validate.observed.collection": "{collection} 已接受，身份链标识 {coi}",
        "validate.observed.batch": "两个供者被拒绝（{refused}）；已创建批次 {batch}",
        "validate.observed.steps": "{count} 个步骤已签名并复核；自我复核：{refused}",
        "validate.observed.filled": "待放行：{units}",
        "validate.observed.oos": (
            "已记录并复核 {results} 项结果，{failing} 项不合格；偏差 {deviation}"
        ),
        "validate.observed.release_refused": "已拒绝：{reason}",
        "validate.observed.deviation_closed": "偏差 {deviation} 已关闭",
        "validate.observed.released": "单位：{status}",
        "validate.observed.tools_missing": "无法解码标签：未安装 {tools}",
        "validate.observed.labels": (
            "已打印 {labels} 张标签，解码并比对 {symbols} 个条码；差异：{problems}"
        ),
        "validate.observed.checked": "{accepted} 张标签通过；已打印 {printed}，已粘贴 {applied}",
        "validate.observed.received": "{shipment}：医院已接收 {units} 个单位；暂扣：{held}",
        "validate.observed.thawed": "使用期限 {use_by}",
        "validate.observed.stopped": "{reason}",
        "validate.observed.administered": "{unit} 已输注给 {patient}",
        "validate.observed.recall": (
            "{recall}：已定位 {units} 个单位；已输注者：{given}；追溯到的供者：{donors}"
        ),
        "validate.observed.trail": (
            "已核验 {entries} 条审计记录，检查 {rows} 条记录，{mismatches} 处不一致"
        ),
        "validate.observed.forged": "{table} {record} 被指出在 CellTrail 之外被修改：{fields}",
        "validate.env.date": "日期",
        "validate.env.celltrail": "CellTrail",
        "validate.env.os": "操作系统",
        "validate.env.python": "Python",
        "validate.env.backend": "数据库",
        "validate.env.database": "临时数据库",
        "validate.env.host": "主机",
        "validate.env.station": "工作站",
        "validate.env.account": "系统账户",
        "validate.scratch_refused": (
            "{database} 不能用于验证：{reason}。请提供空的测试数据库，或用 "
            "`celltrail init --purpose validation` 创建的数据库。"
        ),
        "validate.scratch.foreign": "其中有 {tables} 张不属于 CellTrail 的表",
        "validate.scratch.undeclared": (
            "它是版本 {revision} 的 CellTrail 数据库，创建于数据库声明用途之前"
        ),
        "validate.scratch.purpose": "它创建时的用途为{purpose}",
        "validate.scratch.used": "其中已有 {users} 个账户和 {entries} 条审计记录",
        "validate.report.title": "CellTrail 安装确认与运行确认",
        "validate.report.subtitle": "由 `celltrail validate` 在已安装系统上生成的 IQ/OQ 报告",
        "validate.report.environment": "环境",
        "validate.report.summary": (
            "共 {steps} 步：通过 {passed}，失败 {failed}，不适用 {na}；通过的步骤证明了 {codes} "
            "项要求"
        ),
        "validate.report.overall_pass": "结论：通过",
        "validate.report.overall_fail": "结论：失败（{steps}）",
        "validate.report.iq": "安装确认（IQ）",
        "validate.report.oq": "运行确认（OQ）",
        "validate.report.step": "步骤",
        "validate.report.requirements": "要求",
        "validate.report.expected": "预期",
        "validate.report.observed": "实际",
        "validate.report.verdict": "结果",
        "validate.verdict.pass": "通过",
        "validate.verdict.fail": "失败",
        "validate.verdict.n/a": "不适用",
        "validate.report.codes": "已证明的要求（{count}）",
        "validate.report.signature": "电子签名",
        "validate.report.signed": (
            "签名人 {name}（{user}），{at} UTC，含义：{meaning}；签名 {signature} 与结果绑定"
            "（SHA-256 {hash}），记录于数据库 {database}"
        ),
        "validate.report.unsigned": "未电子签名（使用 --user 签名）。运行者系统账户 {account}。",
        "validate.report.sign_here": "审核批准（QA 负责人）：姓名、日期、签名",
        "validate.report.limits": (
            "本次运行在使用 ICCBBA 测试机构代码的临时数据库上确认安装及软件运行。它不确认现场的流"
            "程、数据、"
            "打印机打印质量、网络或在用备份：这是现场的性能确认（PQ）。见 docs/validation.md。"
        ),
        "validate.report.page": "第 {page} 页",
        "cli.help.validate": "在临时数据库上确认本安装（IQ/OQ）并写出报告 PDF",
        "cli.help.validate.report": "要写出的报告（PDF）",
        "cli.help.validate.db": (
            "临时数据库：空的 PostgreSQL 测试数据库（或用 `celltrail init --purpose validation` "
            "创建的数据库）；默认为临时 SQLite 文件"
        ),
        "cli.help.validate.user": "运行者在报告上签名（其账户在站点数据库中）",
        "cli.help.validate.site_db": (
            "签名人账户所在的站点数据库（默认：CELLTRAIL_DB 或本用户数据库）"
        ),
        "cli.help.validate.station": "工作站设置文件（打印机）；默认为本工作站的",
        "cli.validate.step_failed": "失败 {step} {title}：{observed}",
        "cli.validate.passed": "确认通过：{steps} 步，{codes} 项要求；报告 {file}",
        "cli.validate.failed": "确认失败：{steps}；报告 {file}",
        "cli.validate.station_unreadable": "无法读取工作站设置：{detail}",
    }
)
MESSAGES.update(
    {
        "validate.step.IQ-09.title": "密码散列",
        "validate.step.IQ-09.expected": (
            "站点密码以 argon2id 散列，内存不少于 19 MiB、迭代不少于两次（OWASP 最低要求）"
        ),
        "validate.observed.hashing": "argon2id，{memory} KiB，{passes} 次迭代，{lanes} 条并行",
        "validate.observed.hashing_unknown": "不是 argon2id：{scheme}",
    }
)
MESSAGES.update({"db_purpose.banner_short": "测试"})
# --- 知情同意与制备申请（models/chain/consent_*、prep_requests）
MESSAGES.update(
    {
        "consent.missing": "供者 {donor} 无知情同意记录，拒绝{action}（R-DON-11）。",
        "consent.not_covered": (
            "供者 {donor} 的知情同意（版本 {version}）不包括{scope}，拒绝{action}（R-DON-11）。"
        ),
        "consent.withdrawn": "供者 {donor} 已于 {date} 撤回知情同意，拒绝{action}（R-DON-11）。",
        "consent.on_hold": (
            "供者 {donor} 的材料在重新知情同意前处于暂停状态（{trigger}），"
            "拒绝{action}（R-DON-12）。"
        ),
        "consent.superseded": "知情同意 {consent} 已被新版本取代。",
        "request.missing": "采集 {collection} 没有制备申请单，不能接收（R-RCV-01）。",
        "request.incomplete": "制备申请单缺少{field}（R-RCV-01）。",
        "consent_action.receipt": "接收",
        "consent_action.batch_start": "批次开始",
        "consent_action.sample_storage": "保存留样",
        "consent_action.sample_use": "使用留样",
        "consent_action.archive_export": "归档导出",
        "consent_action.request": "制备申请",
        "consent_action.withdrawal": "撤回",
        "consent_scope.donation": "捐献",
        "consent_scope.treatment": "治疗",
        "consent_scope.biosample_storage": "生物样本保存",
        "consent_scope.development_use": "研发使用",
        "consent_scope.sharing": "数据共享",
        "consent_scope.destruction": "销毁",
        "consent_scope.follow_up": "长期随访",
        "consent_trigger.protocol_change": "方案已变更",
        "consent_trigger.scope_change": "范围已变更",
        "consent_trigger.use_beyond_scope": "超出同意范围的使用",
        "consent_trigger.legal_capacity": "供者已具备完全民事行为能力",
        "request_field.code": "编号",
        "request_field.donor_basics": "供者基本信息",
        "request_field.clinical_information": "临床信息",
        "request_field.screening_reference": "筛查结果",
        "request_field.treatment_plan": "治疗方案",
        "request_field.patient_initials": "患者姓名缩写",
        "request_field.enrolment_no": "入组编号",
        "chain_action.Withdrawing_consent": "撤回知情同意",
        "chain_action.Requiring_re-consent": "要求重新知情同意",
        "cli.field.date": "日期",
        "cli.field.scope": "范围",
        "cli.consent.date_format": "日期格式为 YYYY-MM-DD",
        "cli.consent.scope_words": "以逗号分隔，可选：{words}",
        "cli.consent.keep_format": "格式为 编号=原因",
        "cli.consent.recorded": "已记录并签署供者 {donor} 的知情同意 {id}。",
        "cli.consent.withdrawn": "供者 {donor} 的知情同意已撤回；已暂停 {count} 项：",
        "cli.consent.held": "供者 {donor} 的材料在重新知情同意前暂停：{trigger}。",
        "cli.consent.header": "供者 {donor}：{count} 个知情同意版本",
        "cli.consent.version": "  #{id} 表单 {form}，{signed} 由{signer} {name} 签署：{scope}",
        "cli.consent.state_withdrawn": "（{date} 撤回）",
        "cli.consent.hold_line": "  重新知情同意前暂停：{trigger}",
        "cli.request.added": "已记录采集 {collection} 的制备申请单 {code}。",
        "cli.request.header": "制备申请单 {code}（采集 {collection}）",
        "consent_fate.destroy": "待销毁",
        "consent_fate.kept_by_law": "依法保留",
        "consent_signer.donor": "供者",
        "consent_signer.patient": "患者",
        "consent_signer.legal_guardian": "法定监护人",
        "cli.help.consent": "记录、撤回和查看知情同意",
        "cli.help.consent.record": "记录知情同意版本（以您的密码签名）",
        "cli.help.consent.withdraw": "撤回知情同意：暂停并列出供者尚未使用的制品和样本",
        "cli.help.consent.hold": "在重新知情同意前暂停供者的材料",
        "cli.help.consent.show": "查看供者的知情同意版本和暂停",
        "cli.help.consent.donor": "供者编号",
        "cli.help.consent.user": "您的用户名",
        "cli.help.consent.form": "知情同意书版本",
        "cli.help.consent.signed": "签署日期（YYYY-MM-DD）",
        "cli.help.consent.signer_kind": "签署人",
        "cli.help.consent.signer_name": "签署人姓名",
        "cli.help.consent.scope": "同意范围，以逗号分隔",
        "cli.help.consent.protocol": "知情同意所属方案",
        "cli.help.consent.reason": "撤回原因",
        "cli.help.consent.keep": "编号=原因：依法保留的制品（可重复）",
        "cli.help.consent.trigger": "需要重新知情同意的原因",
        "cli.help.consent.detail": "变更内容",
        "cli.help.request": "录入和查看细胞制备申请单",
        "cli.help.request.add": "录入采集的制备申请单",
        "cli.help.request.show": "查看制备申请单",
        "cli.help.request.code": "申请单编号",
        "cli.help.request.collection": "采集编号",
        "cli.help.request.donor_basics": "供者基本信息",
        "cli.help.request.clinical": "临床信息",
        "cli.help.request.screening": "筛查结果编号",
        "cli.help.request.plan": "治疗方案",
        "cli.help.request.car_t": "CAR-T 申请单（患者姓名缩写和入组编号）",
        "cli.help.request.initials": "患者姓名缩写（CAR-T）",
        "cli.help.request.enrolment": "入组编号（CAR-T）",
    }
)
