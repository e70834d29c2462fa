"""The address options a printer records, so a retry reopens the printer as it was set up."""

from __future__ import annotations


def profile_query(
    *,
    dpi: int | None = None,
    status_off: bool = False,
    media: tuple[float, float] | None = None,
    darkness: int | None = None,
    first: str = "?",
) -> str:
    """The address options (``?dpi=…&media=…``) that change what a printer prints; "" if none."""
    options = [f"dpi={dpi}"] if dpi is not None else []
    options += ["status=off"] if status_off else []
    options += [f"media={media[0]:g}x{media[1]:g}"] if media else []
    options += [f"darkness={darkness}"] if darkness is not None else []
    return first + "&".join(options) if options else ""
