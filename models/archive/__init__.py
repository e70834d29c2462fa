"""Records leaving the database: site backup/restore and the retention archive of a closed batch
(export, format, verify, read).
"""
