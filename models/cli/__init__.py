"""The command line: an adapter on the core's services; nothing in the core imports it."""
