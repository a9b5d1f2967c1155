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
        -- one id namespace per architecture: units, people, processes, relations, KPIs
        create unique index record_element on record (architecture, key)
            where until is null
              and section in ('units', 'people', 'processes', 'relations', 'kpis');
        create index record_since on record (architecture, since);
        -- what a record refers to: (field, element id)
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
        -- when the head moves, at commit: everything the new version's records refer to
        -- is a current element, and nothing current refers to an element the version
        -- removed. Set-based over the version's own rows (a foreign key per reference
        -- made a large push seconds slower).
        create function head_moved() returns trigger language plpgsql
            security definer set search_path = procmodeler, pg_temp as $$
        declare
            bad text;
            removed text[];
            targets text[];
        begin
            -- the distinct elements the new version's records refer to ...
            select array_agg(distinct f.target) into targets
                from record r cross join lateral refs_of(r.section, r.item) f
                where r.architecture = new.id and r.since = new.head and r.until is null;
            -- ... each looked up once in the index of current elements (never a scan per
            -- reference, whatever the statistics say)
            perform set_config('enable_seqscan', 'off', true);
            select min(t) into bad from unnest(targets) t
                where not exists (select 1 from record e
                    where e.architecture = new.id and e.until is null and e.key = t
                      and e.section in ('units', 'people', 'processes', 'relations', 'kpis'));
            perform set_config('enable_seqscan', 'on', true);
            if bad is not null then
                select min(r.section || ' ' || r.key || ': ' || f.field || ' ' || f.target)
                    into bad
                    from record r cross join lateral refs_of(r.section, r.item) f
                    where r.architecture = new.id and r.since = new.head
                      and r.until is null and f.target = bad;
            end if;
            if bad is null then
                select array_agg(r.key) into removed from record r
                    where r.architecture = new.id and r.until = new.head
                      and r.section in ('units', 'people', 'processes', 'relations', 'kpis')
                      and not exists (select 1 from record e
                          where e.architecture = new.id and e.until is null
                            and e.key = r.key and e.section = r.section);
                if removed is not null then
                    select min(r.section || ' ' || r.key || ': ' || f.field || ' '
                               || f.target) into bad
                        from record r cross join lateral refs_of(r.section, r.item) f
                        where r.architecture = new.id and r.until is null
                          and f.target = any(removed);
                end if;
            end if;
            if bad is not null then
                raise exception using errcode = 'foreign_key_violation',
                    message = 'refers to an element that is not there: ' || bad;
            end if;
            return null;
        end $$;
        create constraint trigger head_moved after update of head on architecture
            deferrable initially deferred
            for each row execute function head_moved();
        """,
    ),
    (
        3,
        "the database checks objectives, contributions and improvements too",
        """
        -- one id namespace per architecture: objectives and improvements join it
        drop index record_element;
        create unique index record_element on record (architecture, key)
            where until is null
              and section in ('units', 'people', 'processes', 'relations', 'kpis',
                              'objectives', 'improvements');
        create or replace function refs_of(section text, item jsonb)
            returns table (field text, target text)
            language sql immutable as $$
            select f, item ->> f from unnest(case section
                when 'processes' then array['parent', 'owner', 'leader']
                when 'units' then array['parent', 'head']
                when 'people' then array['unit']
                when 'relations' then array['source', 'target']
                when 'kpis' then array['process', 'objective']
                when 'participation' then array['process', 'unit']
                when 'objectives' then array['parent', 'owner']
                when 'contributions' then array['objective', 'process']
                when 'improvements' then array['process', 'responsible', 'kpi']
                when 'diagrams' then array['level']
                when 'shapes' then array['level', 'process']
                when 'waypoints' then array['level', 'relation']
                else array[]::text[] end) as f
            where item ->> f is not null
        $$;
        -- when the head moves, at commit: everything the new version's records refer to
        -- is a current element, and nothing current refers to an element the version
        -- removed. Set-based over the version's own rows (a foreign key per reference
        -- made a large push seconds slower).
        create or replace function head_moved() returns trigger language plpgsql
            security definer set search_path = procmodeler, pg_temp as $$
        declare
            bad text;
            removed text[];
            targets text[];
        begin
            -- the distinct elements the new version's records refer to ...
            select array_agg(distinct f.target) into targets
                from record r cross join lateral refs_of(r.section, r.item) f
                where r.architecture = new.id and r.since = new.head and r.until is null;
            -- ... each looked up once in the index of current elements (never a scan per
            -- reference, whatever the statistics say)
            perform set_config('enable_seqscan', 'off', true);
            select min(t) into bad from unnest(targets) t
                where not exists (select 1 from record e
                    where e.architecture = new.id and e.until is null and e.key = t
                      and e.section in ('units', 'people', 'processes', 'relations', 'kpis',
                                        'objectives', 'improvements'));
            perform set_config('enable_seqscan', 'on', true);
            if bad is not null then
                select min(r.section || ' ' || r.key || ': ' || f.field || ' ' || f.target)
                    into bad
                    from record r cross join lateral refs_of(r.section, r.item) f
                    where r.architecture = new.id and r.since = new.head
                      and r.until is null and f.target = bad;
            end if;
            if bad is null then
                select array_agg(r.key) into removed from record r
                    where r.architecture = new.id and r.until = new.head
                      and r.section in ('units', 'people', 'processes', 'relations', 'kpis',
                                        'objectives', 'improvements')
                      and not exists (select 1 from record e
                          where e.architecture = new.id and e.until is null
                            and e.key = r.key and e.section = r.section);
                if removed is not null then
                    select min(r.section || ' ' || r.key || ': ' || f.field || ' '
                               || f.target) into bad
                        from record r cross join lateral refs_of(r.section, r.item) f
                        where r.architecture = new.id and r.until is null
                          and f.target = any(removed);
                end if;
            end if;
            if bad is not null then
                raise exception using errcode = 'foreign_key_violation',
                    message = 'refers to an element that is not there: ' || bad;
            end if;
            return null;
        end $$;
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
