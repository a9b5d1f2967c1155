"""The repository over TLS: libpq's ``sslmode`` (and ``sslrootcert``) in the address
decide, against a real server that accepts TLS connections only (tests/pgcluster.py)."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from procmodeler.repository import Repository
from tests.conftest import _tool_missing
from tests.pgcluster import Cluster, find_bindir, start_cluster

EXAMPLE = Path(__file__).resolve().parents[2] / "procmodeler/resources/examples/manufacturing.procm"


@pytest.fixture(scope="module")
def tls_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Cluster, str]]:
    if find_bindir() is None or shutil.which("openssl") is None:
        _tool_missing("the PostgreSQL server or openssl is not installed")
    cluster = start_cluster(tls=True)
    password = "pw-" + secrets.token_hex(8)
    try:
        cluster.sql(f"create role owner login createrole password '{password}'")
        cluster.sql("create database tlsrepo owner owner")
        yield cluster, password
    finally:
        cluster.stop()


def test_verified_tls_connection_pushes_and_lists(
    tls_cluster: tuple[Cluster, str], run_cli, tmp_path: Path
) -> None:
    cluster, password = tls_cluster
    root = tmp_path / "root.crt"  # the client's copy of the server's certificate
    root.write_bytes(cluster.certificate.read_bytes())
    url = cluster.tcp_url("owner", "tlsrepo", f"sslmode=verify-full&sslrootcert={root}")
    env = {"PGPASSWORD": password, "PGPASSFILE": os.devnull}
    init = run_cli("repo", "init", url, env=env)
    assert init.returncode == 0, init.stderr
    model = tmp_path / "m.procm"
    model.write_bytes(EXAMPLE.read_bytes())
    pushed = run_cli("repo", "push", model, url, "--name", "Fabriken", env=env)
    assert pushed.returncode == 0, pushed.stderr
    listed = run_cli("repo", "list", url, env=env)
    assert listed.returncode == 0 and listed.stdout.startswith("Fabriken\t1\t"), listed.stderr
    os.environ["PGPASSWORD"] = password
    try:
        with Repository(url) as repo:
            assert repo.conn.pgconn.ssl_in_use
    finally:
        del os.environ["PGPASSWORD"]


def test_without_tls_the_server_refuses_with_one_clear_line(
    tls_cluster: tuple[Cluster, str], run_cli
) -> None:
    cluster, password = tls_cluster
    env = {"PGPASSWORD": password, "PGPASSFILE": os.devnull}
    plain = run_cli("repo", "list", cluster.tcp_url("owner", "tlsrepo", "sslmode=disable"), env=env)
    assert plain.returncode == 2
    assert "no encryption" in plain.stderr or "pg_hba.conf" in plain.stderr, plain.stderr
    assert password not in plain.stderr and "Traceback" not in plain.stderr


def test_a_certificate_that_does_not_match_is_refused(
    tls_cluster: tuple[Cluster, str], run_cli, tmp_path: Path
) -> None:
    cluster, password = tls_cluster
    other = tmp_path / "other.crt"
    key = tmp_path / "other.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(other)],
        check=True, capture_output=True,
    )  # fmt: skip
    url = cluster.tcp_url("owner", "tlsrepo", f"sslmode=verify-full&sslrootcert={other}")
    refused = run_cli("repo", "list", url, env={"PGPASSWORD": password, "PGPASSFILE": os.devnull})
    assert refused.returncode == 2
    assert "certificate verify failed" in refused.stderr, refused.stderr
    assert password not in refused.stderr and "Traceback" not in refused.stderr
