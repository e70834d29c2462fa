"""Use cases: one public method per user action, each in its own unit of work."""
