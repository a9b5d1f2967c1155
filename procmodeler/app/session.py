"""One open document without Qt: the model's editor, the file it came from and whether
it has unsaved changes.

``Session.new()`` starts an empty model, ``Session.open(path)`` reads a native file
(raising :class:`~procmodeler.common.errors.UserError` for a bad one), ``save()`` and
``save(path)`` (save as) write it atomically and mark the editor clean. The modified flag
is the editor's: undoing back to the saved state makes the document unmodified again.
"""

from __future__ import annotations

import os
from pathlib import Path

from procmodeler.common.errors import UserError
from procmodeler.common.i18n import N_, Message
from procmodeler.edit.editor import Editor
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Metadata

#: The file name suffix of native model files.
SUFFIX = ".procm"


def _native():  # type: ignore[no-untyped-def]
    try:
        from procmodeler.io import native
    except ImportError:
        raise UserError(Message(N_("The native file format is not available."))) from None
    return native


class Session:
    """An open document: an editor on a model and the path it is saved at (if any)."""

    def __init__(self, editor: Editor | None = None, path: str | os.PathLike[str] | None = None):
        self.editor = editor if editor is not None else Editor()
        self.path: Path | None = Path(path) if path is not None else None

    # ------------------------------------------------------------------ create
    @classmethod
    def new(cls, language: str = "en") -> Session:
        """An empty, unmodified, unsaved model."""
        arch = Architecture(Metadata(language=language))
        return cls(Editor(arch))

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Session:
        """Read a native model file; raises UserError when it cannot be read."""
        target = Path(path)
        if not target.is_file():
            raise UserError(Message(N_("There is no file '{path}'."), path=str(target)))
        arch = _native().load(target)
        editor = Editor(arch)
        editor.mark_clean()
        return cls(editor, target.resolve())

    # ------------------------------------------------------------------ state
    @property
    def arch(self) -> Architecture:
        return self.editor.arch

    @property
    def is_modified(self) -> bool:
        return self.editor.is_modified

    @property
    def display_name(self) -> str | None:
        """The file name without folder, or None for a document never saved."""
        return self.path.name if self.path is not None else None

    # ------------------------------------------------------------------ save
    def save(self, path: str | os.PathLike[str] | None = None) -> Path:
        """Write the model to *path* (save as) or to its own path; returns the path.

        A path without a suffix gets ``.procm``. The write is atomic; on failure the
        old file is untouched and the session keeps its path and modified state.
        """
        if path is None and self.path is None:
            raise ValueError("a document that was never saved needs a path")
        target = Path(path) if path is not None else self.path
        assert target is not None
        if not target.suffix:
            target = target.with_suffix(SUFFIX)
        try:
            _native().save(self.arch, target)
        except OSError as exc:
            raise UserError(
                Message(N_("Cannot save '{path}': {reason}"), path=str(target), reason=exc.strerror or str(exc))
            ) from None
        self.path = target.resolve()
        self.editor.mark_clean()
        return self.path
