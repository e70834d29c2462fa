"""Simplified Chinese catalogue: message code → ``str.format`` template (see ``models.i18n``).

Terms follow ``models/i18n/glossary.py``.
"""

MESSAGES: dict[str, str] = {}
