"""Connecting to a repository: libpq addresses (URLs or ``key=value`` strings, libpq's
environment variables and ``~/.pgpass``), addresses without passwords for display and for
model files, and database errors turned into user errors that never show a password."""

from __future__ import annotations

import os
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg
from psycopg import conninfo

from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import N_, Message

_SECRET_PARAMS = frozenset({"password", "sslpassword"})
_KV_SECRET = re.compile(r"\b(password|sslpassword)\s*=\s*('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)


def redact(url: str) -> str:
    """*url* without any password: what the app shows, logs and writes into model files."""
    text = url.strip()
    if "://" in text:
        parts = urlsplit(text)
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, _, hostport = netloc.rpartition("@")
            user = userinfo.split(":", 1)[0]
            netloc = f"{user}@{hostport}" if user else hostport
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        query = parts.query
        if any(k.lower() in _SECRET_PARAMS for k, _ in pairs):
            kept = [(k, v) for k, v in pairs if k.lower() not in _SECRET_PARAMS]
            query = urlencode(kept, safe="/")
        return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    return _KV_SECRET.sub("", text).strip()


def _secrets(url: str) -> list[str]:
    found = []
    try:
        params = conninfo.conninfo_to_dict(url)
    except psycopg.Error:
        params = {}
    for key in _SECRET_PARAMS:
        value = params.get(key)
        if value:
            found.append(str(value))
    env = os.environ.get("PGPASSWORD")
    if env:
        found.append(env)
    return [s for s in found if len(s) >= 1]


def scrub(text: str, url: str) -> str:
    """*text* with every password of *url* (and ``PGPASSWORD``) replaced by ``***``."""
    for secret in _secrets(url):
        text = text.replace(secret, "***")
    return text


def database_name(conn: Any) -> str:
    return str(conn.info.dbname)


def connect(url: str, *, autocommit: bool = False) -> Any:
    """A connection to the database at *url*; a failure raises :class:`UserError` naming
    the address without its password."""
    shown = redact(url)
    if not url.strip():
        raise UserError(Problem(shown, Message(N_("no repository address given"))))
    try:
        return psycopg.connect(
            url,
            autocommit=autocommit,
            application_name="procmodeler",
            connect_timeout=int(os.environ.get("PGCONNECT_TIMEOUT", "10") or 10),
        )
    except psycopg.Error as exc:
        raise database_error(exc, url) from None


def database_error(exc: BaseException, url: str) -> UserError:
    """The user error for a database failure: the address without password and the
    server's first line, also without password."""
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return UserError(
            Problem(
                redact(url),
                Message(
                    N_(
                        "you may read this repository but not change it (ask its owner for the "
                        "editor role): {reason}"
                    ),
                    reason=_first_line(exc, url),
                ),
            )
        )
    return UserError(
        Problem(
            redact(url),
            Message(N_("the repository cannot be used: {reason}"), reason=_first_line(exc, url)),
        )
    )


def _first_line(exc: BaseException, url: str) -> str:
    text = str(exc).strip() or type(exc).__name__
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # libpq puts the useful part last ("connection to server ... failed: FATAL: ...")
    return scrub(lines[-1] if lines else text, url)
