"""Small fakes that satisfy CellTrail's ports; used instead of monkeypatching."""
