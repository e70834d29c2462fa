"""CellTrail domain core: entities, rules, services and the audit trail (no Qt)."""
