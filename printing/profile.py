"""A station's printer profile: what is loaded in one printer, as settings, and the printer
address the print path uses (``url``), so a profile and a hand-written address behave alike.

* ``language``: zpl, pdf or png (a ``tcp://`` printer speaks ZPL only);
* ``dpi``: None leaves it to the printer (``~HI``, printing.resolution); a number fixes it,
  and a printer reporting another resolution is refused;
* ``media_width_mm``/``media_height_mm``: the label stock loaded; a template larger than it
  is refused before any label is claimed (printing.payload);
* ``darkness``: the ZPL ``^MD`` adjustment (-30 … 30) sent with every label;
* ``status``: False for a printer that never answers ``~HS`` (every job then needs a
  person's confirmation).

``check`` refuses a profile that could not be used, as ``PrinterProfileError`` (reason: a
code of the ``printer_profile_problem`` vocabulary) or the address's own
``UnsupportedPrinterAddressError``; nothing is connected to.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, NoReturn
from urllib.parse import urlencode, urlsplit

from printing.errors import PrinterProfileError
from printing.port import PayloadFormat
from printing.registry import open_printer

_LANGUAGES = ("zpl", "pdf", "png")
_KINDS: dict[str, type] = {
    "address": str,
    "language": str,
    "dpi": int,
    "media_width_mm": float,
    "media_height_mm": float,
    "darkness": int,
    "status": bool,
}


@dataclass(frozen=True)
class PrinterProfile:
    address: str  # tcp://host:port, system://Queue or file:///dir, without options
    language: PayloadFormat = "zpl"
    dpi: int | None = None
    media_width_mm: float | None = None
    media_height_mm: float | None = None
    darkness: int | None = None
    status: bool = True

    @classmethod
    def from_dict(cls, data: Any) -> PrinterProfile:
        """A profile from station JSON; refused unless every key is known and typed right."""
        if not isinstance(data, dict):
            _refuse("entry")
        if not set(data) <= {f.name for f in fields(cls)} or "address" not in data:
            _refuse("keys")
        values = dict(data)
        for key, value in data.items():
            kind = _KINDS[key]
            if value is None and kind in (int, float):
                continue  # not set: the printer's own, or no limit
            if not _is_kind(value, kind):
                _refuse("type")
            if kind is int:
                values[key] = int(value)  # 300.0 in hand-edited JSON is 300
        profile = cls(**values)
        profile.check()
        return profile

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def url(self) -> str:
        """The printer address with this profile's options (what a print job records)."""
        scheme = urlsplit(self.address).scheme.lower()
        options: dict[str, str] = {}
        if scheme != "tcp":
            options["format"] = self.language
        if self.dpi is not None:
            options["dpi"] = str(self.dpi)
        if not self.status:
            options["status"] = "off"
        if self.media_width_mm is not None and self.media_height_mm is not None:
            options["media"] = f"{self.media_width_mm:g}x{self.media_height_mm:g}"
        if self.darkness is not None:
            options["darkness"] = str(self.darkness)
        query = urlencode(options, safe=":/")
        return f"{self.address}?{query}" if query else self.address

    def check(self) -> None:
        """Raise if this profile cannot be used (nothing is connected to)."""
        parts = urlsplit(self.address.strip())
        if parts.query or parts.fragment:
            _refuse("address_options")  # options come from the profile's own settings
        if self.language not in _LANGUAGES:
            _refuse("language")
        if parts.scheme.lower() == "tcp" and self.language != "zpl":
            _refuse("language_tcp")
        if (self.media_width_mm is None) != (self.media_height_mm is None):
            _refuse("media_pair")
        if self.darkness is not None and self.language != "zpl":
            _refuse("darkness_zpl")
        open_printer(self.url())  # every option's range, and the address itself


def _refuse(reason: str) -> NoReturn:
    raise PrinterProfileError(reason=reason)


def _is_kind(value: Any, kind: type) -> bool:
    if kind is str or kind is bool:
        return isinstance(value, kind)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False  # JSON true is no number
    return kind is float or float(value).is_integer()
