"""The trace station: the chain of identity both ways from any scanned or typed code."""
