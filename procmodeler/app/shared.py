"""A document that belongs to a shared repository, without Qt: where it came from, the
version it is based on (the merge base), pushing it, merging in what others pushed, and
hearing at once when someone pushes (PostgreSQL ``LISTEN``).

The app keeps a local copy of every document it pulls (under the per-user data folder)
and saves to it first, so work goes on offline; a push that cannot reach the server
leaves the local copy saved, and the next push merges.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from procmodeler.common.errors import UserError
from procmodeler.common.i18n import N_, Message
from procmodeler.common.paths import user_data_dir
from procmodeler.edit.editor import Editor
from procmodeler.model.architecture import Architecture
from procmodeler.model.changes import COLLECTIONS, NESTED_COLLECTIONS
from procmodeler.model.elements import Origin
from procmodeler.repository import PushResult, Repository
from procmodeler.repository.connection import connect
from procmodeler.repository.records import changed_rows
from procmodeler.repository.store import describe_conflict

if TYPE_CHECKING:
    from procmodeler.app.session import Session


def local_copy_path(url: str, name: str) -> Path:
    """Where the app keeps its local copy of architecture *name* of repository *url*."""
    digest = hashlib.sha256(f"{url}\n{name}".encode()).hexdigest()[:10]
    safe = re.sub(r"[^\w.-]+", "_", name).strip("._")[:60] or "architecture"
    return user_data_dir() / "repositories" / f"{safe}-{digest}.procm"


@dataclass
class Merged:
    """The result of merging what others pushed into the document being edited: the
    merged model, the conflicts, and the head it merged (its version and model)."""

    model: Architecture
    conflicts: list[Any] = field(default_factory=list)
    version: int = 0
    head: Architecture | None = None


class SharedDocument:
    """The link of an open document to its architecture in a repository.

    ``url`` is the address as the user gave it (it may rely on ``~/.pgpass`` or
    ``PGPASSWORD``; it is kept in memory only), ``origin`` the model's
    :class:`Origin` (address without password, name, version). ``base`` is the pulled
    version's model when known (saves reading it again for the next merge).
    """

    def __init__(
        self,
        url: str,
        name: str,
        version: int,
        base: Architecture | None = None,
        *,
        read_only: bool = False,
        merger: Callable[[Architecture, Architecture, Architecture], Any] | None = None,
    ) -> None:
        self.url = url
        self.name = name
        self.version = version
        self.base = base
        self.read_only = read_only
        self.latest = version  # the newest version heard of
        self._merger = merger

    @classmethod
    def pull(
        cls, url: str, name: str, version: int | None = None
    ) -> tuple[SharedDocument, Architecture]:
        """Pull *name* (latest, or *version*) and link to it; returns the link and a copy
        of the model to edit."""
        with Repository(url) as repo:
            model = repo.pull(name, version)
            read_only = not repo.can_push()
        assert model.origin is not None
        doc = cls(url, name, model.origin.version, model.copy(), read_only=read_only)
        return doc, model

    @classmethod
    def of_model(cls, url: str, model: Architecture) -> SharedDocument | None:
        """The link of a model that was pulled before (a local copy opened again)."""
        if model.origin is None:
            return None
        return cls(url, model.origin.name, model.origin.version)

    @property
    def others_pushed(self) -> bool:
        return self.latest > self.version

    def repository(self) -> Repository:
        if self._merger is None:
            return Repository(self.url)
        return Repository(self.url, merger=self._merger)

    def push(self, model: Architecture) -> PushResult:
        """Push *model* (merging what others pushed since this document's version);
        raises :class:`~procmodeler.repository.PushConflict` on conflicts (nothing
        stored) and UserError when the repository cannot be reached."""
        with self.repository() as repo:
            result = repo.push(self._with_origin(model), self.name, base=self.base)
        self.version = result.version
        self.latest = max(self.latest, result.version)
        self.base = result.model.copy()
        return result

    def fetch_update(self, model: Architecture) -> Merged:
        """Merge what others pushed since this document's version into *model* (the
        document being edited); nothing changes on the server or in the document yet."""
        with self.repository() as repo:
            head = repo.pull(self.name)
            base = self.base
            if base is None or base.origin is None or base.origin.version != self.version:
                base = repo.pull(self.name, self.version)
        assert head.origin is not None
        if changed_rows(base, model) == ({}, {}):  # no local changes: take theirs
            return Merged(head.copy(), [], head.origin.version, head)
        merger = self._merger or _default_merge
        result = merger(base, head, model)  # the head's ids are shared: they stay
        return Merged(result.model, list(result.conflicts), head.origin.version, head)

    def accept_update(self, merged: Merged, base: Architecture | None = None) -> None:
        """The document now holds *merged*: it is based on its version."""
        self.version = merged.version
        self.latest = max(self.latest, merged.version)
        self.base = base

    def _with_origin(self, model: Architecture) -> Architecture:
        origin = Origin(model.origin.url if model.origin else "", self.name, self.version)
        if model.origin == origin:
            return model
        copy = model.copy()
        copy.origin = origin
        return copy


def _default_merge(base: Architecture, ours: Architecture, theirs: Architecture) -> Any:
    from procmodeler.repository.store import default_merge

    return default_merge(base, ours, theirs)


def replace_content(editor: Editor, target: Architecture, label: Message) -> int:
    """Make the editor's model equal to *target* in one undoable step (only the records
    that differ are written); returns how many records changed."""
    arch = editor.arch
    changes: list[tuple[str, Any, Any]] = []
    for collection in COLLECTIONS[1:]:
        before = getattr(arch, collection, None) or {}
        after = getattr(target, collection, None) or {}
        if collection in NESTED_COLLECTIONS:
            pairs = [
                ((level, key), before.get(level, {}).get(key), after.get(level, {}).get(key))
                for level in before.keys() | after.keys()
                for key in before.get(level, {}).keys() | after.get(level, {}).keys()
            ]
        else:
            pairs = [(key, before.get(key), after.get(key)) for key in before.keys() | after.keys()]
        changes.extend((collection, key, new) for key, old, new in pairs if old != new)
    meta_changed = arch.meta != target.meta
    if not changes and not meta_changed:
        return 0
    # removals first (children before parents do not matter to records), then the rest
    with editor.transaction(label):
        for collection, key, new in changes:
            if new is None:
                editor.put(collection, key, None)
        for collection, key, new in changes:
            if new is not None:
                editor.put(collection, key, new)
        if meta_changed:
            editor.put("meta", "meta", target.meta)
    return len(changes) + int(meta_changed)


class Listener:
    """Hears pushes to a repository (``LISTEN procmodeler``) on a connection of its own.

    ``fileno()`` is the socket to watch (the UI uses a socket notifier); :meth:`poll`
    returns the ``(architecture, version)`` pushes received since the last call without
    waiting."""

    def __init__(self, url: str) -> None:
        self.conn = connect(url, autocommit=True)
        self.conn.execute("listen procmodeler")

    def fileno(self) -> int:
        return int(self.conn.fileno())

    def poll(self) -> list[tuple[str, int]]:
        heard = []
        for note in self.conn.notifies(timeout=0):
            try:
                data = json.loads(note.payload)
                heard.append((str(data["architecture"]), int(data["version"])))
            except (ValueError, KeyError, TypeError):
                continue
        return heard

    def close(self) -> None:
        self.conn.close()


def open_shared(url: str, name: str) -> tuple[SharedDocument, Session]:
    """Open the app's local copy of *name* (read-only for a reader): pulled now, or the
    copy already there when it came from the same architecture, since it may hold work
    saved offline and not pushed yet (the status line then says what others pushed)."""
    from procmodeler.app.session import Session
    from procmodeler.io import native

    path = local_copy_path(url, name)
    kept = _local_copy(path, name)
    if kept is not None:
        with Repository(url) as repo:
            read_only = not repo.can_push()
            head = repo.head(name)
        doc = SharedDocument(url, name, kept.version, read_only=read_only)
        doc.latest = max(kept.version, head or 0)
    else:
        doc, model = SharedDocument.pull(url, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        native.save(model, path)
    return doc, Session.open(path, read_only=doc.read_only)


def _local_copy(path: Path, name: str) -> Origin | None:
    """The origin of the local copy at *path* when it is a copy of *name*."""
    from procmodeler.io import native

    if not path.is_file():
        return None
    try:
        origin = native.load(path).origin
    except UserError:
        return None  # damaged: pulled anew (the journal keeps unsaved work)
    return origin if origin is not None and origin.name == name else None


def push_session(doc: SharedDocument, session: Session) -> int:
    """Push the (locally saved) document; when others had pushed, their changes come
    into the document as one undoable step. The local copy is saved again with the new
    version. Returns the version."""
    result = doc.push(session.arch)
    if result.merged:
        replace_content(session.editor, result.model, Message(MERGE_LABEL))
    session.arch.origin = result.model.origin
    session.save(overwrite=True)
    return result.version


def update_session(doc: SharedDocument, session: Session) -> list[str]:
    """Merge what others pushed into the open document (one undoable step); returns the
    conflicts as lines (then nothing changed)."""
    merged = doc.fetch_update(session.arch)
    if merged.conflicts:
        return [describe_conflict(c) for c in merged.conflicts]
    replace_content(session.editor, merged.model, Message(UPDATE_LABEL))
    assert merged.head is not None
    session.arch.origin = merged.head.origin
    doc.accept_update(merged, merged.head.copy())
    return []


def version_session(doc: SharedDocument, number: int) -> Session:
    """Version *number* as a new, unsaved document (not linked to the repository)."""
    from procmodeler.app.session import Session

    with doc.repository() as repo:
        model = repo.pull(doc.name, number)
    model.origin = None
    editor = Editor(model)
    editor.mark_clean()
    return Session(editor)


def pull_version(doc: SharedDocument, number: int) -> Architecture:
    """Version *number* of the document's architecture (to compare with)."""
    with doc.repository() as repo:
        return repo.pull(doc.name, number)


#: Undo labels of what the repository brings into a document.
MERGE_LABEL = N_("Merge what others pushed")
UPDATE_LABEL = N_("Update from the repository")

#: The status line's wording (the UI translates with the Qt-free catalogue).
STATUS_SHARED = N_("Repository {name} · version {version}")


def status_text(name: str, version: int, tr: Any) -> str:
    """The status line: the architecture and the version the document is based on."""
    return Message(STATUS_SHARED, name=name, version=version).text(tr)


def newer_text(n: int, tr: Any) -> str:
    """The status line's note that others pushed *n* versions since this one."""
    return Message("{n} newer version by others", "{n} newer versions by others", n).text(tr)
