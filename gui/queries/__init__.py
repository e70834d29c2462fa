"""Read-only queries the station pages need that models.queries does not offer yet.

Reads only (no add, no flush, no commit): every write goes through a core service.  They
belong in models/queries; they live here until the core team moves them (see the report).
"""
