"""The shared repository on PostgreSQL (Qt-free, psycopg 3): architectures and their
versions in a database that the command line and the app push to and pull from.
``docs/repository.md`` describes the design."""

from procmodeler.repository.connection import redact
from procmodeler.repository.store import (
    ArchitectureInfo,
    PushConflict,
    PushResult,
    Repository,
    VersionInfo,
    summary_text,
)

__all__ = [
    "ArchitectureInfo",
    "PushConflict",
    "PushResult",
    "Repository",
    "VersionInfo",
    "redact",
    "summary_text",
]
