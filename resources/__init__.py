"""Package data of the desktop client: the style sheet and the compiled translations.

An importable package so that an installed (non-editable) CellTrail finds them through
``importlib.resources`` (see gui/resources_access.py); nothing to import from here.
"""
