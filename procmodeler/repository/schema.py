"""The repository's tables in PostgreSQL: forward-only migrations, the schema version
table, and the reader and editor roles (docs/repository.md explains the design)."""

from __future__ import annotations

from typing import Any

from psycopg import sql

#: Everything lives in this schema of the database, apart from the roles.
SCHEMA = "procmodeler"

#: Forward-only migrations: ``(version, description, SQL)``. Each runs once, in its own
#: transaction with the version row it adds; never change one that has shipped.
MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "architectures, versions and versioned records",
        """
        create table architecture (
            id integer generated always as identity primary key,
            name text not null unique check (length(btrim(name)) > 0),
            created_at timestamptz not null default now(),
            head integer not null default 0 check (head >= 0)
        );
        create table version (
            architecture integer not null references architecture (id),
            number integer not null check (number >= 1),
            created_at timestamptz not null default now(),
            author text not null default session_user,
            based_on integer check (based_on >= 1 and based_on < number),
            format_version integer not null,
            summary jsonb not null default '{}',
            primary key (architecture, number)
        );
        -- one head per architecture: the head is a column, and it names a stored version
        alter table architecture add constraint head_is_a_version
            foreign key (id, head) references version (architecture, number)
            deferrable initially deferred;
        create table record (
            architecture integer not null,
            section text not null,
            key text not null,
            since integer not null,
            until integer,
            ord double precision not null,
            item jsonb not null,
            primary key (architecture, section, key, since),
            foreign key (architecture, since) references version (architecture, number),
            foreign key (architecture, until) references version (architecture, number),
            check (until is null or until > since)
        );
        -- at most one current value per record; pulling the head reads this index only
        create unique index record_head on record (architecture, section, key)
            where until is null;
        create index record_until on record (architecture, until) where until is not null;
        create function notify_version() returns trigger language plpgsql as $$
        begin
            perform pg_notify('procmodeler', json_build_object(
                'architecture', (select name from architecture where id = new.architecture),
                'version', new.number)::text);
            return null;
        end $$;
        create trigger version_pushed after insert on version
            for each row execute function notify_version();
        """,
    ),
    (
        2,
        "the database checks ids and references of every head",
        """
        -- the elements of each head: one id namespace per architecture
        create table element (
            architecture integer not null,
            id text not null,
            section text not null,
            primary key (architecture, id)
        );
        -- what each current record refers to; a reference needs its element at commit
        create table reference (
            architecture integer not null,
            section text not null,
            key text not null,
            field text not null,
            target text not null,
            foreign key (architecture, target) references element (architecture, id)
                deferrable initially deferred
        );
        create index reference_source on reference (architecture, section, key);
        create index reference_target on reference (architecture, target);
        create function refs_of(section text, item jsonb)
            returns table (field text, target text)
            language sql immutable as $$
            select f, item ->> f from unnest(case section
                when 'processes' then array['parent', 'owner', 'leader']
                when 'units' then array['parent', 'head']
                when 'people' then array['unit']
                when 'relations' then array['source', 'target']
                when 'kpis' then array['process']
                when 'participation' then array['process', 'unit']
                when 'diagrams' then array['level']
                when 'shapes' then array['level', 'process']
                when 'waypoints' then array['level', 'relation']
                else array[]::text[] end) as f
            where item ->> f is not null
        $$;
        create function records_added() returns trigger language plpgsql
            security definer set search_path = procmodeler, pg_temp as $$
        begin
            insert into element
                select architecture, key, section from added
                where until is null
                  and section in ('units', 'people', 'processes', 'relations', 'kpis');
            insert into reference
                select a.architecture, a.section, a.key, r.field, r.target
                from added a, refs_of(a.section, a.item) r where a.until is null;
            return null;
        end $$;
        create function records_closed() returns trigger language plpgsql
            security definer set search_path = procmodeler, pg_temp as $$
        begin
            delete from reference r using closed c
                where c.until is not null and r.architecture = c.architecture
                  and r.section = c.section and r.key = c.key;
            delete from element e using closed c
                where c.until is not null and e.architecture = c.architecture
                  and e.id = c.key
                  and c.section in ('units', 'people', 'processes', 'relations', 'kpis');
            return null;
        end $$;
        create trigger records_added after insert on record
            referencing new table as added
            for each statement execute function records_added();
        create trigger records_closed after update on record
            referencing new table as closed
            for each statement execute function records_closed();
        -- the heads stored before this version
        insert into element
            select architecture, key, section from record
            where until is null
              and section in ('units', 'people', 'processes', 'relations', 'kpis');
        insert into reference
            select c.architecture, c.section, c.key, r.field, r.target
            from record c, refs_of(c.section, c.item) r where c.until is null;
        """,
    ),
)

#: The schema version this program works with.
LATEST = MIGRATIONS[-1][0]

#: What each role may do; ``{schema}`` is filled in.
_READER_GRANTS = (
    "grant usage on schema {schema} to {reader}",
    "grant select on all tables in schema {schema} to {reader}",
)
_EDITOR_GRANTS = (
    "grant {reader} to {editor}",
    "grant insert on {schema}.architecture, {schema}.version, {schema}.record to {editor}",
    "grant update (head) on {schema}.architecture to {editor}",
    "grant update (until) on {schema}.record to {editor}",
)


def schema_version(cur: Any) -> int | None:
    """The repository's schema version, or None when the database has no repository."""
    cur.execute("select to_regclass(%s)", (f"{SCHEMA}.schema_version",))
    if cur.fetchone()[0] is None:
        return None
    cur.execute(
        sql.SQL("select max(version) from {}.schema_version").format(sql.Identifier(SCHEMA))
    )
    row = cur.fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(conn: Any, upto: int = LATEST) -> list[int]:
    """Create the schema or bring it forward to version *upto*; return the versions run.

    Each migration runs in its own transaction under an advisory lock, so two programs
    connecting at once do not both migrate. Needs the right to create in the database
    (the owner's); a newer schema than this program knows is left alone (the caller
    refuses it)."""
    done: list[int] = []
    for version, description, body in MIGRATIONS:
        if version > upto:
            break
        with conn.transaction(), conn.cursor() as cur:
            cur.execute("select pg_advisory_xact_lock(hashtext('procmodeler schema'))")
            current = schema_version(cur)
            if current is not None and current >= version:
                continue
            if current is None:
                cur.execute(
                    sql.SQL("create schema if not exists {}").format(sql.Identifier(SCHEMA))
                )
                cur.execute(
                    sql.SQL(
                        "create table {}.schema_version (version integer primary key, "
                        "description text not null, "
                        "applied_at timestamptz not null default now())"
                    ).format(sql.Identifier(SCHEMA))
                )
            cur.execute(sql.SQL("set local search_path = {}").format(sql.Identifier(SCHEMA)))
            cur.execute(body)
            cur.execute(
                "insert into schema_version (version, description) values (%s, %s)",
                (version, description),
            )
            done.append(version)
    return done


def role_names(dbname: str) -> tuple[str, str]:
    """The names of the reader and editor roles of the repository in database *dbname*
    (roles are shared by all databases of a server, so the name includes the database)."""
    base = "".join(ch if ch.isalnum() else "_" for ch in dbname.lower())[:40]
    return f"procmodeler_{base}_reader", f"procmodeler_{base}_editor"


def ensure_roles(conn: Any, dbname: str) -> tuple[str, str]:
    """Create the reader and editor roles when missing (NOLOGIN: grant them to login
    roles) and give them their rights on the current tables."""
    reader, editor = role_names(dbname)
    with conn.transaction(), conn.cursor() as cur:
        for role in (reader, editor):
            cur.execute("select 1 from pg_roles where rolname = %s", (role,))
            if cur.fetchone() is None:
                cur.execute(sql.SQL("create role {} nologin").format(sql.Identifier(role)))
        names = {
            "schema": sql.Identifier(SCHEMA),
            "reader": sql.Identifier(reader),
            "editor": sql.Identifier(editor),
        }
        for statement in (*_READER_GRANTS, *_EDITOR_GRANTS):
            cur.execute(sql.SQL(statement).format(**names))
    return reader, editor
