"""Fixtures of the repository tests: one throwaway PostgreSQL cluster per test session
(tests/pgcluster.py), and per test a fresh database set up with ``repo init`` by its
owner, with login roles: ``alice`` and ``bob`` (editors) and ``rita`` (reader).

Passwords come from a ``.pgpass`` file (``PGPASSFILE``), never from the addresses."""

from __future__ import annotations

import itertools
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from procmodeler.repository import Repository
from tests.conftest import _tool_missing
from tests.pgcluster import Cluster, find_bindir, start_cluster

LOGINS = ("owner", "alice", "bob", "rita")


@dataclass
class RepoDb:
    """A repository database of one test."""

    cluster: Cluster
    name: str
    passwords: dict[str, str]
    reader_role: str
    editor_role: str

    def url(self, user: str = "alice") -> str:
        return self.cluster.url(user, self.name)

    def sql(self, statement: str) -> None:
        self.cluster.sql(statement, self.name)


@pytest.fixture(scope="session")
def pg_cluster(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Cluster, dict[str, str]]]:
    if find_bindir() is None:
        _tool_missing("the PostgreSQL server is not installed (Debian package `postgresql`)")
    cluster = start_cluster()
    passwords = {user: "pw-" + secrets.token_hex(8) for user in LOGINS}
    pgpass = tmp_path_factory.mktemp("pgpass") / "pgpass"
    pgpass.write_text(
        "".join(f"{cluster.socket_dir}:{cluster.port}:*:{u}:{p}\n" for u, p in passwords.items()),
        encoding="utf-8",
    )
    pgpass.chmod(0o600)
    old = os.environ.get("PGPASSFILE")
    os.environ["PGPASSFILE"] = str(pgpass)
    try:
        for user, password in passwords.items():
            extra = " createrole" if user == "owner" else ""
            cluster.sql(f"create role {user} login password '{password}'{extra}")
        yield cluster, passwords
    finally:
        if old is None:
            os.environ.pop("PGPASSFILE", None)
        else:
            os.environ["PGPASSFILE"] = old
        cluster.stop()


_numbers = itertools.count(1)


@pytest.fixture
def repo_db(pg_cluster: tuple[Cluster, dict[str, str]]) -> Iterator[RepoDb]:
    """A fresh database, set up by ``Repository.init`` as its owner; alice and bob hold
    the editor role, rita the reader role."""
    cluster, passwords = pg_cluster
    name = f"repo_{os.getpid()}_{next(_numbers)}"
    cluster.sql(f"create database {name} owner owner")
    with Repository(cluster.url("owner", name), migrate=False) as repo:
        _, (reader, editor) = repo.init()
    for user in ("alice", "bob"):
        cluster.sql(f"grant {editor} to {user}")
    cluster.sql(f"grant {reader} to rita")
    try:
        yield RepoDb(cluster, name, passwords, reader, editor)
    finally:
        cluster.sql(f"drop database {name} with (force)")


@pytest.fixture
def fresh_db(pg_cluster: tuple[Cluster, dict[str, str]]) -> Iterator[RepoDb]:
    """An empty database owned by ``owner``, without a repository yet."""
    cluster, passwords = pg_cluster
    name = f"empty_{os.getpid()}_{next(_numbers)}"
    cluster.sql(f"create database {name} owner owner")
    try:
        yield RepoDb(cluster, name, passwords, "", "")
    finally:
        cluster.sql(f"drop database {name} with (force)")


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
