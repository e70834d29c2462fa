"""The kernel every business area stands on: engine and sessions, the unit of work, the hash-
chained audit trail, canonical forms, errors and the schema check.
"""
