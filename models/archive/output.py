"""Writing a file the user named (a backup, an archive, a label preview) without harm.

The bytes go to a new temporary file in the destination's directory, are flushed to disk,
and only then take the destination's name, so a reader never sees half a file and a
crash leaves the old file in place. What is already there is respected:

* nothing there: the file is created;
* a regular file: refused unless the caller says ``force`` (``--force``), then replaced;
* anything else (a directory, a device such as /dev/sda when run as root, a pipe, a
  socket, or a symbolic link, dangling or not): refused even with ``force``. The new file
  replaces a name, it never writes *through* one into whatever it points at.

Without ``force`` the final step is a hard link, which the kernel refuses if the name was
taken in the meantime, so "never overwrite" holds even against a race.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from models.archive.errors import OutputExistsError, OutputIsLinkError, OutputNotRegularError


def check_destination(destination: Path, *, force: bool) -> None:
    """Refuse early, before any work: ``destination`` is taken and may not be replaced."""
    try:
        found = os.lstat(destination)  # lstat: a link is judged itself, not its target
    except FileNotFoundError:
        return
    if stat.S_ISLNK(found.st_mode):
        raise OutputIsLinkError(file=str(destination))
    if not stat.S_ISREG(found.st_mode):
        raise OutputNotRegularError(file=str(destination))
    if not force:
        raise OutputExistsError(file=str(destination))


@contextlib.contextmanager
def new_file(destination: Path, *, force: bool = False) -> Iterator[Path]:
    """A temporary path to write in full; on a normal exit it becomes ``destination``.

    The file is readable by its owner only (mode 0600): backups and archives hold records.
    """
    check_destination(destination, force=force)
    handle, name = tempfile.mkstemp(
        dir=destination.parent, prefix=f".{destination.name[:64]}.", suffix=".partial"
    )
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        _sync(temporary)
        _install(temporary, destination, force=force)
    finally:
        temporary.unlink(missing_ok=True)


def _sync(path: Path) -> None:
    with path.open("rb") as stream:
        os.fsync(stream.fileno())


def _install(temporary: Path, destination: Path, *, force: bool) -> None:
    if force:
        check_destination(destination, force=True)  # still absent or a regular file
        os.replace(temporary, destination)
        return
    try:
        os.link(temporary, destination)  # atomic "create only if absent"
    except FileExistsError as exc:
        check_destination(destination, force=False)  # says what is there now
        raise OutputExistsError(file=str(destination)) from exc
    except OSError:
        # No hard links on this file system (FAT, some network shares): check, then rename.
        check_destination(destination, force=False)
        os.replace(temporary, destination)
