"""The demo site, built through the real services relative to today."""
