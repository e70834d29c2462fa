"""Pure quality rules (no database): limits, release panels, FEFO and retention dates."""
