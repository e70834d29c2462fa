"""Read-only queries for screens and reports: typed, frozen results, no writes, no Qt.

Each function takes an open Session (the caller's unit of work) and returns frozen
dataclasses, so a worker thread can hand results to the GUI thread safely.  The trace
module is deliberately small (``find`` / ``trace`` / ``record_detail``) so that it can be
replaced by the chain-of-identity trace service without touching the screens.
"""
