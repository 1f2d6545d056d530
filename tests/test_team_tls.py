"""TLS when the server offers it: libpq's default (sslmode=prefer) encrypts the app's connection
without anything in the URL. The test's own server is given a self-signed certificate (openssl)
and turned to ssl=on for this test, then back."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from planner.storage import Store


@pytest.fixture
def tls_server(pg_cluster):
    if pg_cluster.folder is None or shutil.which("openssl") is None:
        pytest.skip("needs the test's own server (not REP_PLANNER_PG_URL) and openssl")
    crt, key = pg_cluster.folder / "server.crt", pg_cluster.folder / "server.key"
    subprocess.run(["openssl", "req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=127.0.0.1",
                    "-newkey", "rsa:2048", "-keyout", str(key), "-out", str(crt)], check=True, capture_output=True)
    key.chmod(0o600)
    if hasattr(shutil, "chown") and pg_cluster.folder.owner() == "postgres":
        for path in (crt, key):
            shutil.chown(path, "postgres", "postgres")
    for sql in (f"ALTER SYSTEM SET ssl_cert_file = '{crt}'", f"ALTER SYSTEM SET ssl_key_file = '{key}'",
                "ALTER SYSTEM SET ssl = on", "SELECT pg_reload_conf()"):
        pg_cluster.admin(sql)
    yield pg_cluster
    for sql in ("ALTER SYSTEM RESET ssl", "ALTER SYSTEM RESET ssl_cert_file", "ALTER SYSTEM RESET ssl_key_file",
                "SELECT pg_reload_conf()"):
        pg_cluster.admin(sql)


def _encrypted(url: str) -> bool:
    store = Store(url)
    try:
        return store.db.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()[0]
    finally:
        store.close()


def test_the_connection_is_encrypted_when_the_server_offers_tls(tls_server, pg_url):
    assert _encrypted(pg_url) is True                          # nothing asked: libpq's prefer
    assert _encrypted(pg_url + "?sslmode=disable") is False    # what the same server gives without it
    assert _encrypted(pg_url + "?sslmode=require") is True
