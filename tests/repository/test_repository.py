"""The shared repository against a real PostgreSQL server (a throwaway cluster): set-up,
push and pull, history, order, access by role, what the database itself enforces,
migrations from an older schema, and a push killed halfway."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from procmodeler.common.errors import UserError
from procmodeler.io import native
from procmodeler.model import Architecture, Bounds, Process
from procmodeler.repository import Repository, schema
from tests.repository.conftest import RepoDb

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "procmodeler" / "resources" / "examples" / "manufacturing.procm"


def example() -> Architecture:
    return native.load(EXAMPLE)


def renamed(model: Architecture, pid: str, name: str) -> Architecture:
    out = model.copy()
    out.put("processes", pid, dataclasses.replace(out.processes[pid], name=name))
    return out


def test_init_sets_up_tables_and_roles_once(fresh_db: RepoDb, run_cli) -> None:
    url = fresh_db.url("owner")
    first = run_cli("repo", "init", url)
    assert first.returncode == 0, first.stderr
    assert f"schema set up to version {schema.LATEST}" in first.stderr
    reader, editor = schema.role_names(fresh_db.name)
    assert reader in first.stderr and editor in first.stderr
    again = run_cli("repo", "init", url)
    assert again.returncode == 0, again.stderr
    assert "already set up" in again.stderr
    with psycopg.connect(url) as conn:
        versions = conn.execute("select version from procmodeler.schema_version").fetchall()
        roles = conn.execute(
            "select rolname from pg_roles where rolname in (%s, %s)", (reader, editor)
        ).fetchall()
    assert [v for (v,) in versions] == [m[0] for m in schema.MIGRATIONS]
    assert len(roles) == 2
    listed = run_cli("repo", "list", url)
    assert listed.returncode == 0 and listed.stdout == ""


def test_a_database_without_repository_is_named(fresh_db: RepoDb, run_cli) -> None:
    proc = run_cli("repo", "list", fresh_db.url("owner"))
    assert proc.returncode == 2
    assert "is not a procmodeler repository yet" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_push_then_pull_gives_what_was_pushed(repo_db: RepoDb) -> None:
    model = example()
    with Repository(repo_db.url("alice")) as repo:
        first = repo.push(model, "Manufacturing")
        assert first.version == 1 and not first.merged
        pulled = repo.pull("Manufacturing")
        assert pulled.snapshot() == model.snapshot()
        assert pulled.origin is not None
        assert (pulled.origin.name, pulled.origin.version) == ("Manufacturing", 1)
        assert pulled.origin.url == repo_db.url("alice")
        pid = next(iter(pulled.processes))
        second = repo.push(renamed(pulled, pid, "Renamed"), "Manufacturing")
        assert second.version == 2
        assert second.summary == {"processes": {"changed": 1}}
        assert repo.pull("Manufacturing").processes[pid].name == "Renamed"
        assert repo.pull("Manufacturing", 1).snapshot() == model.snapshot()
        unchanged = repo.push(repo.pull("Manufacturing"), "Manufacturing")
        assert not unchanged.stored and unchanged.version == 2
        assert [v.number for v in repo.log("Manufacturing")] == [2, 1]
        assert [a.name for a in repo.architectures()] == ["Manufacturing"]


def test_order_and_every_collection_survive_many_versions(repo_db: RepoDb) -> None:
    model = example()
    versions = [model.copy()]
    with Repository(repo_db.url("bob")) as repo:
        repo.push(model, "M")
        current = repo.pull("M")
        pids = list(current.processes)
        # remove a process in the middle (with what hangs on it), then put it back at
        # its old place: the order of the collection must come back exactly
        victim = pids[len(pids) // 2]
        removed = current.copy()
        for level, shapes in list(removed.shapes.items()):
            if victim in shapes:
                removed.put("shapes", (level, victim), None)
        for rid, rel in list(removed.relations.items()):
            if victim in (rel.source, rel.target):
                for level in list(removed.waypoints):
                    if rid in removed.waypoints[level]:
                        removed.put("waypoints", (level, rid), None)
                removed.put("relations", rid, None)
        for key in [k for k in removed.participation if k[0] == victim]:
            removed.put("participation", key, None)
        for iid in [i for i, imp in removed.improvements.items() if imp.process == victim]:
            removed.put("improvements", iid, None)
        for key in [k for k in removed.contributions if k[1] == victim]:
            removed.put("contributions", key, None)
        for kid in [k for k, kpi in removed.kpis.items() if kpi.process == victim]:
            removed.put("kpis", kid, None)
        for child in [p for p, proc in removed.processes.items() if proc.parent == victim]:
            removed.put(
                "processes", child, dataclasses.replace(removed.processes[child], parent=None)
            )
        saved = removed.processes[victim]
        removed.put("processes", victim, None)
        removed.put("processes", "proc_new", Process("proc_new", "New at the end"))
        removed.put("shapes", (None, "proc_new"), Bounds(0, 0, 100, 60))
        removed.put("rules", "orphan.isolated", "off")
        assert repo.push(removed, "M").version == 2
        versions.append(removed.copy())
        back = repo.pull("M")
        index = pids.index(victim)
        items = list(back.processes.items())
        items.insert(index, (victim, saved))
        restored = back.copy()
        restored.processes = dict(items)
        assert repo.push(restored, "M").version == 3
        versions.append(restored.copy())
        for number, expected in enumerate(versions, 1):
            assert repo.pull("M", number).snapshot() == expected.snapshot(), number
        assert list(repo.pull("M").processes) == list(restored.processes)


def test_cli_push_pull_log_list(repo_db: RepoDb, run_cli, tmp_path: Path) -> None:
    url = repo_db.url("alice")
    model = tmp_path / "m.procm"
    model.write_bytes(EXAMPLE.read_bytes())
    pushed = run_cli("repo", "push", model, url, "--name", "Fabriken")
    assert pushed.returncode == 0, pushed.stderr
    assert "stored as version 1" in pushed.stderr
    assert native.load(model).origin.version == 1  # the file now remembers its version
    out = tmp_path / "pulled.procm"
    pulled = run_cli("repo", "pull", url, "--name", "Fabriken", "-o", out)
    assert pulled.returncode == 0, pulled.stderr
    assert native.load(out).snapshot() == native.load(EXAMPLE).snapshot()
    assert '"repository": {' in out.read_text("utf-8")
    log = run_cli("repo", "log", url, "--name", "Fabriken", "--format", "json")
    assert log.returncode == 0, log.stderr
    assert '"version": 1' in log.stdout and '"processes": {' in log.stdout
    listed = run_cli("repo", "list", url)
    assert listed.stdout.startswith("Fabriken\t1\t")
    missing = run_cli("repo", "pull", url, "--name", "Nope", "-o", tmp_path / "x.procm")
    assert missing.returncode == 2 and "has no architecture named 'Nope'" in missing.stderr
    assert not (tmp_path / "x.procm").exists()
    too_far = run_cli("repo", "pull", url, "--name", "Fabriken", "--version", "5", "-o", out)
    assert too_far.returncode == 2 and "has no version 5" in too_far.stderr
    again = tmp_path / "again.procm"
    again.write_bytes(EXAMPLE.read_bytes())
    taken = run_cli("repo", "push", again, url, "--name", "Fabriken")
    assert taken.returncode == 2 and "already has an architecture named 'Fabriken'" in taken.stderr


def test_reader_can_pull_but_not_push(repo_db: RepoDb, run_cli, tmp_path: Path) -> None:
    with Repository(repo_db.url("alice")) as repo:
        repo.push(example(), "M")
    with Repository(repo_db.url("rita")) as repo:
        assert not repo.can_push()
        pulled = repo.pull("M")
        with pytest.raises(UserError, match="may read this repository but not change it"):
            repo.push(renamed(pulled, next(iter(pulled.processes)), "X"), "M")
        with pytest.raises(UserError, match="may read this repository but not change it"):
            repo.push(example(), "Other")
    with Repository(repo_db.url("alice")) as repo:
        assert repo.can_push()
        assert [v.number for v in repo.log("M")] == [1]
        assert [a.name for a in repo.architectures()] == ["M"]
    path = tmp_path / "m.procm"
    native.save(pulled, path)
    before = path.read_bytes()
    proc = run_cli("repo", "push", path, repo_db.url("rita"), "--name", "M")
    assert proc.returncode == 2 and "not change it" in proc.stderr
    assert path.read_bytes() == before


def test_passwords_come_from_libpq_and_are_never_shown(
    repo_db: RepoDb, run_cli, tmp_path: Path
) -> None:
    secret = repo_db.passwords["alice"]
    env = {"PGPASSFILE": str(tmp_path / "none"), "PGPASSWORD": secret}
    model = tmp_path / "m.procm"
    model.write_bytes(EXAMPLE.read_bytes())
    ok = run_cli("repo", "push", model, repo_db.url("alice"), "--name", "M", env=env)
    assert ok.returncode == 0, ok.stderr
    assert secret not in model.read_text("utf-8") and secret not in ok.stderr
    # a password written into the address is used, but kept out of files and messages
    with_pw = repo_db.url("alice").replace("alice@", f"alice:{secret}@")
    out = tmp_path / "p.procm"
    pulled = run_cli("repo", "pull", with_pw, "--name", "M", "-o", out, env={"PGPASSFILE": "/x"})
    assert pulled.returncode == 0, pulled.stderr
    assert secret not in out.read_text("utf-8")
    wrong = repo_db.url("alice").replace("alice@", "alice:not-the-password@")
    bad = run_cli("repo", "list", wrong, env={"PGPASSFILE": "/x"})
    assert bad.returncode == 2
    assert "password authentication failed" in bad.stderr
    assert "not-the-password" not in bad.stderr and "Traceback" not in bad.stderr
    wrong_env = run_cli(
        "repo", "list", repo_db.url("bob"), env={"PGPASSFILE": "/x", "PGPASSWORD": secret}
    )
    assert wrong_env.returncode == 2 and secret not in wrong_env.stderr


def test_the_database_enforces_ids_references_and_one_head(repo_db: RepoDb) -> None:
    with Repository(repo_db.url("alice")) as repo:
        repo.push(example(), "M")
    url = repo_db.url("alice")

    def attempt(*statements: str) -> str:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("set search_path = procmodeler")
            try:
                with conn.transaction():
                    conn.execute(
                        "insert into version (architecture, number, format_version) values (1, 2, 1)"
                    )
                    for statement in statements:
                        conn.execute(statement)
                    conn.execute("update architecture set head = 2 where id = 1")
            except psycopg.Error as exc:
                return type(exc).__name__
        return "stored"

    # a second current value of one record
    assert (
        attempt(
            "insert into record (architecture, section, key, since, ord, item)"
            " select architecture, section, key, 2, ord, item from record"
            " where section = 'processes' and until is null limit 1"
        )
        == "UniqueViolation"
    )
    # an id used by a unit and by a process
    assert (
        attempt(
            "insert into record (architecture, section, key, since, ord, item)"
            " select 1, 'units', key, 2, 999, jsonb_build_object('id', key, 'name', 'U')"
            " from record where section = 'processes' and until is null limit 1"
        )
        == "UniqueViolation"
    )
    # an owner who is not there
    assert (
        attempt(
            "insert into record (architecture, section, key, since, ord, item) values"
            ' (1, \'processes\', \'p_x\', 2, 999, \'{"id": "p_x", "name": "X", "owner": "nobody"}\')'
        )
        == "ForeignKeyViolation"
    )
    # removing a unit that people still belong to
    assert (
        attempt("update record set until = 2 where section = 'units' and until is null")
        == "ForeignKeyViolation"
    )
    # a head that is not a stored version
    with psycopg.connect(url) as conn, pytest.raises(psycopg.errors.ForeignKeyViolation):
        conn.execute("update procmodeler.architecture set head = 7")
        conn.commit()
    with Repository(url) as repo:
        assert repo.head("M") == 1 and repo.pull("M").snapshot() == example().snapshot()


def test_migrations_bring_an_older_schema_forward(fresh_db: RepoDb, run_cli) -> None:
    owner = fresh_db.url("owner")
    with psycopg.connect(owner) as conn:
        assert schema.migrate(conn, upto=1) == [1]
        reader, editor = schema.ensure_roles(conn, fresh_db.name)
    fresh_db.cluster.sql(f"grant {editor} to alice")
    fresh_db.cluster.sql(f"grant {reader} to rita")
    model = example()
    # a program of schema 1 stored a version
    with Repository(fresh_db.url("alice"), migrate=False) as old:
        assert old.push(model, "M").version == 1
    # a reader cannot bring the schema forward, and is told who can
    with pytest.raises(UserError, match="its owner should run 'procmodeler repo init'"):
        Repository(fresh_db.url("rita"))
    proc = run_cli("repo", "init", owner)
    assert proc.returncode == 0, proc.stderr
    assert f"set up to version {schema.LATEST}" in proc.stderr
    with psycopg.connect(owner) as conn:
        checks = conn.execute(
            "select count(*) from pg_indexes where schemaname = 'procmodeler'"
            " and indexname = 'record_element'"
        ).fetchone()[0]
        triggers = conn.execute(
            "select count(*) from pg_trigger where tgname = 'head_moved'"
        ).fetchone()[0]
    assert checks == 1 and triggers == 1
    with Repository(fresh_db.url("rita")) as repo:
        assert repo.pull("M").snapshot() == model.snapshot()
    with Repository(fresh_db.url("alice")) as repo:
        pulled = repo.pull("M")
        assert repo.push(renamed(pulled, next(iter(pulled.processes)), "Y"), "M").version == 2


def test_a_newer_schema_is_refused(repo_db: RepoDb) -> None:
    repo_db.sql(
        f"insert into procmodeler.schema_version (version, description) values ({schema.LATEST + 1}, 'future')"
    )
    with pytest.raises(UserError, match="set up by a newer procmodeler"):
        Repository(repo_db.url("alice"))


def test_a_killed_push_leaves_the_repository_as_before(repo_db: RepoDb, tmp_path: Path) -> None:
    url = repo_db.url("alice")
    with Repository(url) as repo:
        repo.push(example(), "M")
        pulled = repo.pull("M")
    edited = renamed(pulled, next(iter(pulled.processes)), "Half done")
    path = tmp_path / "m.procm"
    native.save(edited, path)
    before = path.read_bytes()
    blocker = psycopg.connect(repo_db.cluster.url("postgres", repo_db.name))
    try:
        # the push will wait for this lock right when it writes its records
        blocker.execute("lock table procmodeler.record in share mode")
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        proc = subprocess.Popen(
            [sys.executable, "-m", "procmodeler", "repo", "push", str(path), url, "--name", "M"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        watcher = psycopg.connect(repo_db.cluster.url("postgres", repo_db.name), autocommit=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            waiting = watcher.execute(
                "select count(*) from pg_stat_activity where application_name = 'procmodeler'"
                " and wait_event_type = 'Lock'"
            ).fetchone()[0]
            if waiting:
                break
            time.sleep(0.05)
        assert waiting, "the push never reached its writes"
        # it has inserted its version row and waits to write the records: kill it there
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        blocker.rollback()
        deadline = time.monotonic() + 30
        while (
            watcher.execute(
                "select count(*) from pg_stat_activity where application_name = 'procmodeler'"
            ).fetchone()[0]
            and time.monotonic() < deadline
        ):
            time.sleep(0.05)
        watcher.close()
    finally:
        blocker.close()
    assert path.read_bytes() == before
    with Repository(url) as repo:
        assert repo.head("M") == 1
        assert [v.number for v in repo.log("M")] == [1]
        assert repo.pull("M").snapshot() == pulled.snapshot()
        assert repo.push(edited, "M").version == 2


def test_objectives_contributions_and_improvements_are_pushed_and_pulled(
    repo_db: RepoDb,
) -> None:
    """Strategy (issue 13) travels like every other collection, edits included."""
    golden = native.load(ROOT / "tests" / "data" / "golden" / "v3-every-field.procm")
    with Repository(repo_db.url("alice")) as repo:
        repo.push(golden, "Strategy")
        pulled = repo.pull("Strategy")
        assert pulled.snapshot() == golden.snapshot()
        edited = pulled.copy()
        edited.put("contributions", ("g2", "core"), None)
        edited.put("kpis", "k1", dataclasses.replace(edited.kpis["k1"], objective=None))
        edited.put("objectives", "g2", None)
        done = dataclasses.replace(edited.improvements["i1"], status="done", done="2025-06-01")
        edited.put("improvements", "i1", done)
        second = repo.push(edited, "Strategy")
        assert second.summary["objectives"] == {"removed": 1}
        assert second.summary["contributions"] == {"removed": 1}
        assert second.summary["improvements"] == {"changed": 1}
        again = repo.pull("Strategy")
        assert again.snapshot() == edited.snapshot()
        assert repo.pull("Strategy", 1).snapshot() == golden.snapshot()


def test_the_database_checks_strategy_references_and_ids(repo_db: RepoDb) -> None:
    """Schema version 3: objectives and improvements share the id namespace, and the
    references of objectives, contributions, improvements and a KPI's objective are
    checked like the others when the head moves."""
    golden = native.load(ROOT / "tests" / "data" / "golden" / "v3-every-field.procm")
    with Repository(repo_db.url("alice")) as repo:
        repo.push(golden, "S")
    url = repo_db.url("alice")

    def attempt(*statements: str) -> str:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("set search_path = procmodeler")
            try:
                with conn.transaction():
                    conn.execute(
                        "insert into version (architecture, number, format_version) values (1, 2, 3)"
                    )
                    for statement in statements:
                        conn.execute(statement)
                    conn.execute("update architecture set head = 2 where id = 1")
            except psycopg.Error as exc:
                return type(exc).__name__
        return "stored"

    insert = "insert into record (architecture, section, key, since, ord, item) values "
    # an objective with the id of a process
    assert (
        attempt(insert + '(1, \'objectives\', \'core\', 2, 999, \'{"id": "core", "name": "X"}\')')
        == "UniqueViolation"
    )
    # an improvement meant to move a KPI that is not there
    item = '{"id": "i9", "process": "core", "title": "T", "kpi": "nokpi"}'
    assert attempt(insert + f"(1, 'improvements', 'i9', 2, 999, '{item}')") == "ForeignKeyViolation"
    # removing an objective that a contribution and a KPI still name
    assert (
        attempt("update record set until = 2 where section = 'objectives' and key = 'g2'")
        == "ForeignKeyViolation"
    )
    with Repository(url) as repo:
        assert repo.head("S") == 1 and repo.pull("S").snapshot() == golden.snapshot()
