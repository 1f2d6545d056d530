"""Real CalDAV servers for the tests: Radicale and Xandikos (the test extra), on 127.0.0.1.

Each runs as a subprocess on a free port with password authentication: Radicale over HTTP with a
plain htpasswd file; Xandikos over HTTPS, since it asks for a password only over TLS, with a
certificate made here for 127.0.0.1 that the client is given with ``ca_cert`` (as a user gives
``--ca-cert`` for their own server). Startup is awaited by polling the port, with a timeout.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

USER, PASSWORD = "laura", "s3cret-pass"
BIN = Path(sys.executable).parent
_names = itertools.count(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _certificate(folder: Path) -> Path:
    """A self-signed certificate for 127.0.0.1 (as its IP address), valid a year, where Xandikos's
    --autocert finds it and reuses it instead of making one for a DNS name."""
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = folder / "selfsigned.crt", folder / "selfsigned.key"
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.fail("openssl is needed to make the test server's certificate")
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "365", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=60)
    return cert


@dataclass
class Server:
    kind: str
    folder: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    ca_cert: str | None = None
    user: str = USER
    password: str = PASSWORD

    @property
    def base(self) -> str:
        """The user's collection, where calendars are made."""
        if self.kind == "radicale":
            return f"http://127.0.0.1:{self.port}/{self.user}/"
        return f"https://127.0.0.1:{self.port}/{self.user}/calendars/"

    def command(self) -> list[str]:
        data = self.folder / "data"
        if self.kind == "radicale":
            (self.folder / "users").write_text(f"{self.user}:{self.password}\n")
            return [sys.executable, "-m", "radicale", "--config", "", "--server-hosts", f"127.0.0.1:{self.port}",
                    "--storage-filesystem-folder", str(data), "--auth-type", "htpasswd",
                    "--auth-htpasswd-filename", str(self.folder / "users"), "--auth-htpasswd-encryption", "plain",
                    "--auth-delay", "0", "--logging-level", "warning"]
        digest = base64.b64encode(hashlib.sha1(self.password.encode()).digest()).decode()
        (self.folder / "users").write_text(f"{self.user}:{{SHA}}{digest}\n")
        if self.ca_cert is None:
            self.ca_cert = str(_certificate(self.folder / "state" / "certs"))
        return [str(BIN / "xandikos"), "serve", "-d", str(data), "--state-dir", str(self.folder / "state"),
                "-l", "127.0.0.1", "-p", str(self.port), "--autocert", "--htpasswd", str(self.folder / "users"),
                "--defaults", "--current-user-principal", f"/{self.user}/", "--no-detect-systemd"]

    def start(self, timeout: float = 60.0) -> "Server":
        self.folder.mkdir(parents=True, exist_ok=True)
        log = open(self.folder / "server.log", "ab")
        self.process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, env=os.environ | {"PYTHONUNBUFFERED": "1"})
        log.close()
        deadline = time.monotonic() + timeout
        while True:  # poll the port: the server is ready when it accepts a connection
            if self.process.poll() is not None:
                pytest.fail(f"{self.kind} exited with {self.process.returncode}: "
                            f"{(self.folder / 'server.log').read_text()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    pytest.fail(f"{self.kind} did not listen on 127.0.0.1:{self.port} within {timeout:g} s")
                _pause(self.process)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)
        self.process = None

    def new_calendar_url(self, prefix: str = "cal") -> str:
        """The address of a calendar no test has used (not created: publish --create makes it)."""
        return f"{self.base}{prefix}-{os.getpid()}-{next(_names)}/"


def _pause(process: subprocess.Popen) -> None:
    """Wait a tenth of a second for the server to start listening (or to exit, which ends the wait early)."""
    try:
        process.wait(timeout=0.1)
    except subprocess.TimeoutExpired:
        pass


def started(kind: str, folder: Path) -> Server:
    return Server(kind, folder).start()


@pytest.fixture(scope="session", params=["radicale", "xandikos"])
def caldav_server(request, tmp_path_factory):
    """A running server of each kind, shared by the tests of a session (each uses its own calendars)."""
    server = started(request.param, tmp_path_factory.mktemp(request.param))
    yield server
    server.stop()
