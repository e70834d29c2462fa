"""Printer profiles in station.json: saved, loaded, validated, used through their address."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gui.station import StationConfig, load_station, save_station
from printing.profile import PrinterProfile


def test_profiles_round_trip_and_become_the_station_printers(tmp_path: Path) -> None:
    path = tmp_path / "station.json"
    zebra = PrinterProfile(
        "tcp://10.0.0.21:9100", media_width_mm=104, media_height_mm=150, darkness=4
    )
    spooler = PrinterProfile("system://Office_PDF", language="pdf", dpi=300)
    config = StationConfig(
        name="LBL-02",
        role="label",
        printers=("tcp://10.0.0.9:9100",),
        printer_profiles=(zebra, spooler),
    )
    save_station(config, path)
    assert load_station(path) == config
    assert json.loads(path.read_text(encoding="utf-8"))["printer_profiles"][0]["darkness"] == 4
    assert config.printer_urls == (
        "tcp://10.0.0.9:9100",
        "tcp://10.0.0.21:9100?media=104x150&darkness=4",
        "system://Office_PDF?format=pdf&dpi=300",
    )


def test_a_profile_that_cannot_be_used_is_refused_on_load(tmp_path: Path) -> None:
    path = tmp_path / "station.json"
    bad = {"address": "tcp://10.0.0.21", "language": "pdf"}
    path.write_text(json.dumps({"role": "label", "printer_profiles": [bad]}), encoding="utf-8")
    with pytest.raises(ValueError, match="ZPL"):
        load_station(path)
