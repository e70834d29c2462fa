"""Informed consent and the cell-preparation request: what the donor agreed to governs what is
collected, made, stored, used and shared (R-DON-11, R-DON-12, R-PRV-04, R-RCV-01)."""
