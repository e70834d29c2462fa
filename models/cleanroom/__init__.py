"""The cleanroom: workspaces, line clearance, signed process steps and the work list."""
