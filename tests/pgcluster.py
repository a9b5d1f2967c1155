"""A throwaway PostgreSQL cluster for the repository tests: ``initdb`` and ``pg_ctl`` of
the installed server (Debian's ``postgresql`` package), run as the ``postgres`` user when
the tests run as root (initdb refuses root), listening only on a socket in a folder of
its own. Logins: the superuser ``postgres`` without password (trust), every other role
with its password (scram-sha-256), so the tests exercise PGPASSWORD and ~/.pgpass.

With ``tls=True`` the cluster also listens on 127.0.0.1 (a free port) with TLS only: a
self-signed certificate for 127.0.0.1 made by ``openssl`` (:attr:`Cluster.certificate`),
``hostssl`` logins with passwords, and every connection without TLS rejected."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


def find_bindir() -> Path | None:
    """The folder of initdb and pg_ctl: Debian's newest version, else PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _version(path: str) -> int:
    try:
        return int(Path(path).parts[-3])
    except ValueError:
        return 0


@dataclass
class Cluster:
    """A running cluster: ``url(user, db)`` makes a libpq address for its socket."""

    bindir: Path
    root: Path
    port: int = 5432
    tls: bool = False

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "socket"

    @property
    def certificate(self) -> Path:
        """The server's self-signed certificate (the root a client verifies against)."""
        return self.root / "server.crt"

    def url(self, user: str = "postgres", db: str = "postgres") -> str:
        return f"postgresql://{user}@/{db}?host={self.socket_dir}&port={self.port}"

    def tcp_url(self, user: str, db: str, query: str) -> str:
        """A libpq address over TCP to 127.0.0.1 (the TLS listener), with *query*."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{db}?{query}"

    def _make_certificate(self) -> None:
        key = self.root / "server.key"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
             "-keyout", str(key), "-out", str(self.certificate)],
            check=True, capture_output=True,
        )  # fmt: skip
        for name in ("server.key", "server.crt"):
            shutil.copy(self.root / name, self.data / name)
            if os.geteuid() == 0:
                entry = pwd.getpwnam("postgres")
                os.chown(self.data / name, entry.pw_uid, entry.pw_gid)
        os.chmod(self.data / "server.key", 0o600)

    def _as_owner(self, *cmd: str) -> list[str]:
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *cmd]
        return list(cmd)

    def start(self) -> None:
        self.socket_dir.mkdir(parents=True)
        if os.geteuid() == 0:
            entry = pwd.getpwnam("postgres")
            for path in (self.root, self.socket_dir):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        subprocess.run(
            self._as_owner(
                str(self.bindir / "initdb"),
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C",
                "--auth-local=trust",
                "--auth-host=reject",
                "--no-sync",
            ),
            check=True,
            capture_output=True,
        )
        hba = "local all postgres trust\nlocal all all scram-sha-256\n"
        if self.tls:
            hba += (
                "hostssl all all 127.0.0.1/32 scram-sha-256\n"
                "hostnossl all all 127.0.0.1/32 reject\n"
            )
            self._make_certificate()
        subprocess.run(
            self._as_owner("sh", "-c", f"printf '{hba}' > {self.data}/pg_hba.conf"), check=True
        )
        options = (
            f"-k {self.socket_dir} -p {self.port} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=40 "
            + ("-c listen_addresses=127.0.0.1 -c ssl=on" if self.tls else "-c listen_addresses=''")
        )
        subprocess.run(
            self._as_owner(
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.data),
                "-o",
                options,
                "-l",
                str(self.root / "server.log"),
                "-w",
                "-t",
                "60",
                "start",
            ),
            check=True,
            capture_output=True,
        )

    def stop(self) -> None:
        subprocess.run(
            self._as_owner(
                str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"
            ),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(self.root, ignore_errors=True)

    def sql(self, statement: str, db: str = "postgres") -> None:
        """Run *statement* as the superuser (outside a transaction)."""
        import psycopg

        with psycopg.connect(self.url("postgres", db), autocommit=True) as conn:
            conn.execute(statement)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_cluster(tls: bool = False) -> Cluster:
    bindir = find_bindir()
    if bindir is None:
        raise FileNotFoundError("initdb")
    root = Path(tempfile.mkdtemp(prefix="pm-pg-", dir="/tmp"))
    os.chmod(root, 0o755)
    cluster = Cluster(bindir, root, _free_port(), tls=True) if tls else Cluster(bindir, root)
    started = time.monotonic()
    try:
        cluster.start()
    except BaseException:
        cluster.stop()
        raise
    cluster.started_in = time.monotonic() - started  # type: ignore[attr-defined]
    return cluster
