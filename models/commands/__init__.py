"""Command groups of the `celltrail` CLI, one module each (see models.cli.COMMAND_MODULES)."""
