"""Transports move finished payload bytes to a device; they never build labels."""
