"""Old import path kept only for gui/pages/trace_page.py, which is being rewritten elsewhere
right now; delete this file when trace_page moves into its own package."""

from gui.dialogs.signoff import SignOffDialog

__all__ = ["SignOffDialog"]
