"""Who acts: accounts, passwords, sign-in sessions, electronic signatures (the four-eyes rule) and
the record of exports.
"""
