"""The live change feed: every station learns of every other station's committed changes.

On PostgreSQL each commit announces itself with NOTIFY in its own transaction
(models/kernel/change_notify.py) and each station LISTENs on one connection (sources.py); on
SQLite a station watches the audit chain head. Either way a station that missed something
catches up from the audit trail (trail.py), whose sequence numbers order every change.
feed.py runs a source on one thread and hands each ``ChangeSet`` to the caller; the desktop
turns it into a screen refresh.
"""
