"""A private cupsd for tests: its own configuration, spool and logs in a temporary directory,
listening on a free loopback port, run in the foreground and stopped by the test.

It needs the Debian packages cups-daemon and cups-client (``.ci/test`` installs them) and root
(cupsd refuses to start its scheduler as another user without a full setup).  ``why_not``
says why it cannot run here, so tests can skip with that reason.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

CUPSD = "/usr/sbin/cupsd"
SERVER_BIN = Path("/usr/lib/cups")
_CLIENTS = ("lpadmin", "cupsdisable", "cupsenable", "lpstat")


def why_not() -> str | None:
    """None when a private cupsd can run here, else the reason it cannot."""
    if not os.path.exists(CUPSD):
        return "cupsd is not installed (Debian package cups-daemon)"
    missing = [c for c in _CLIENTS if shutil.which(c) is None]
    if missing:
        return f"CUPS clients missing: {', '.join(missing)} (cups-client)"
    if os.geteuid() != 0:
        return "a private cupsd needs root in this test set-up"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class CupsServer:
    """``start()``, ``stop()``, and ``close()`` to stop and clean up; ``server`` is what
    CUPS_SERVER takes."""

    def __init__(self) -> None:
        # Not pytest's tmp_path: its parents are private to root, and the scheduler's
        # backends run as lp and must reach the spool files.
        self.root = Path(tempfile.mkdtemp(prefix="celltrail-cupsd-"))
        self.root.chmod(0o755)
        self.port = _free_port()
        self.server = f"127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def _write_config(self) -> None:
        for sub in ("spool/tmp", "cache", "state", "log", "ppd", "ssl"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        (self.root / "spool").chmod(0o710)
        (self.root / "cupsd.conf").write_text(
            f"Listen 127.0.0.1:{self.port}\n"
            "LogLevel debug\nBrowsing No\nDefaultAuthType Basic\nWebInterface No\n"
            "PreserveJobHistory Yes\nPreserveJobFiles No\nJobKillDelay 1\n"
            "<Location />\n  Order allow,deny\n  Allow 127.0.0.1\n</Location>\n"
            "<Location /admin>\n  Order allow,deny\n  Allow 127.0.0.1\n</Location>\n"
            # The stock policy: a job's owner may cancel it, admin operations need @SYSTEM.
            "<Policy default>\n"
            "  JobPrivateAccess default\n  JobPrivateValues default\n"
            "  <Limit Send-Document Send-URI Hold-Job Release-Job Restart-Job Purge-Jobs "
            "Set-Job-Attributes Create-Job-Subscription Renew-Subscription "
            "Cancel-Subscription Get-Notifications Reprocess-Job Cancel-Current-Job "
            "Suspend-Current-Job Resume-Job Cancel-My-Jobs Close-Job CUPS-Move-Job "
            "CUPS-Get-Document>\n    Require user @OWNER @SYSTEM\n    Order deny,allow\n"
            "  </Limit>\n"
            "  <Limit Cancel-Job CUPS-Authenticate-Job>\n"
            "    Require user @OWNER @SYSTEM\n    Order deny,allow\n  </Limit>\n"
            "  <Limit All>\n    Order deny,allow\n  </Limit>\n"
            "</Policy>\n"
        )
        root = self.root
        (self.root / "cups-files.conf").write_text(
            f"ServerRoot {root}\nRequestRoot {root / 'spool'}\nTempDir {root / 'spool/tmp'}\n"
            f"CacheDir {root / 'cache'}\nStateDir {root / 'state'}\n"
            f"ErrorLog {root / 'log/error_log'}\nAccessLog {root / 'log/access_log'}\n"
            f"PageLog {root / 'log/page_log'}\nServerKeychain {root / 'ssl'}\n"
            f"Printcap {root / 'printcap'}\n"
            f"ServerBin {root / 'bin'}\n"
            "FileDevice Yes\nSystemGroup root\nUser lp\nGroup lp\n"
        )
        self._write_server_bin()

    def _write_server_bin(self) -> None:
        """CUPS's own programs, plus a ``fail://`` backend that fails every job (a device
        that breaks down mid-job, without depending on timing)."""
        bin_dir = self.root / "bin"
        for sub in ("filter", "daemon", "cgi-bin", "monitor", "notifier", "driver"):
            if (SERVER_BIN / sub).exists():
                (bin_dir / sub).parent.mkdir(parents=True, exist_ok=True)
                (bin_dir / sub).symlink_to(SERVER_BIN / sub)
        backends = bin_dir / "backend"
        backends.mkdir(parents=True)
        for backend in (SERVER_BIN / "backend").iterdir():
            (backends / backend.name).symlink_to(backend)
        failing = backends / "fail"
        failing.write_text(
            "#!/bin/sh\n"
            '[ $# = 0 ] && { echo \'direct fail "Unknown" "Always fails"\'; exit 0; }\n'
            "cat >/dev/null\necho 'ERROR: device failed' >&2\nexit 1\n"
        )
        failing.chmod(0o755)
        self.root.joinpath("bin").chmod(0o755)

    def start(self, wait: float = 15.0) -> None:
        if not (self.root / "cupsd.conf").exists():
            self._write_config()
        self.process = subprocess.Popen(
            [
                CUPSD,
                "-f",
                "-c",
                str(self.root / "cupsd.conf"),
                "-s",
                str(self.root / "cups-files.conf"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,  # it logs to log/error_log; a full pipe would block it
        )
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"cupsd exited: {self.log()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("cupsd did not start listening")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def close(self) -> None:
        """Stop the scheduler and remove its directory."""
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def log(self) -> str:
        path = self.root / "log/error_log"
        return path.read_text(errors="replace") if path.exists() else ""

    def run(self, *command: str) -> str:
        """A CUPS client command against this server; raises with its output on failure."""
        env = {**os.environ, "CUPS_SERVER": self.server}
        done = subprocess.run(
            command, check=False, env=env, capture_output=True, text=True, timeout=30
        )
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)}: {done.stdout}{done.stderr}")
        return done.stdout

    def add_socket_queue(self, queue: str, port: int) -> None:
        """A raw queue (no driver) whose device is a raw TCP printer on loopback ``port``."""
        self.run("lpadmin", "-p", queue, "-E", "-v", f"socket://127.0.0.1:{port}")
