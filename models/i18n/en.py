"""English catalogue: message code → ``str.format`` template (see ``models.i18n``)."""

MESSAGES: dict[str, str] = {}
