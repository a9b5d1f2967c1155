"""The questions the app asks about unsaved work, files in use and files changed on disk:
title, text and choices as translatable messages, so that every front end asks them in
the same words (the desktop app renders them with its catalogue, see
``procmodeler.ui.safety``).

Each :class:`Prompt` lists its choices as ``(key, label)``; the first is the default and
``cancel`` is the key that means "do nothing".
"""

from __future__ import annotations

from dataclasses import dataclass

from procmodeler.app.locking import LockedByOther, SaveConflict
from procmodeler.app.recovery import RecoverableSession
from procmodeler.common.i18n import N_, Message

# Keys of the choices.
READ_ONLY, OPEN_ANYWAY, CANCEL = "read-only", "open-anyway", "cancel"
OVERWRITE, SAVE_AS = "overwrite", "save-as"
RECOVER, DISCARD, LATER = "recover", "discard", "later"


@dataclass(frozen=True)
class Prompt:
    """One question: a title, a text and the choices (the first is the default)."""

    title: Message
    text: Message
    choices: tuple[tuple[str, Message], ...]
    cancel: str = CANCEL


def file_in_use(exc: LockedByOther) -> Prompt:
    """Opening a file that another instance (perhaps another person) has open."""
    return Prompt(
        Message(N_("File in Use")),
        Message(
            N_(
                "'{name}' is open in another procmodeler ({who}).\n\nYou can open it "
                "read-only and save your changes under another name, or open it anyway. "
                "If you both save, one of you would overwrite the other's changes; "
                "procmodeler will warn before that happens."
            ),
            name=exc.path.name,
            who=exc.info.describe(),
        ),
        (
            (READ_ONLY, Message(N_("Open Read-Only"))),
            (OPEN_ANYWAY, Message(N_("Open Anyway"))),
            (CANCEL, Message(N_("Cancel"))),
        ),
    )


def changed_on_disk(exc: SaveConflict) -> Prompt:
    """Saving over a file that someone changed (or removed) since it was opened."""
    if exc.reason == "deleted":
        text = Message(
            N_(
                "'{name}' was deleted or moved since you opened it.\n\nSave it at its old "
                "place again, save it under another name, or cancel?"
            ),
            name=exc.path.name,
        )
        overwrite = Message(N_("Save Here"))
    else:
        text = Message(
            N_(
                "'{name}' was changed by someone else since you opened or last saved it.\n\n"
                "Overwrite their changes with yours, save yours under another name, or "
                "cancel?"
            ),
            name=exc.path.name,
        )
        overwrite = Message(N_("Overwrite"))
    return Prompt(
        Message(N_("File Changed on Disk")),
        text,
        (
            (SAVE_AS, Message(N_("Save As..."))),
            (OVERWRITE, overwrite),
            (CANCEL, Message(N_("Cancel"))),
        ),
    )


def recovery_offer(count: int) -> Prompt:
    """The offer at start: unsaved work of sessions that ended without saving."""
    return Prompt(
        Message(N_("Recover Unsaved Work")),
        Message(
            N_(
                "procmodeler ended without saving this work. Recover it, discard it, or "
                "decide at the next start?"
            ),
            N_(
                "procmodeler ended without saving the work below. Recover it, discard it, "
                "or decide at the next start?"
            ),
            count,
        ),
        (
            (RECOVER, Message(N_("Recover"))),
            (DISCARD, Message(N_("Discard"))),
            (LATER, Message(N_("Decide Later"))),
        ),
        cancel=LATER,
    )


def describe_session(entry: RecoverableSession) -> Message:
    """One line for a recoverable session: what, how much, when."""
    when = entry.last_edit.astimezone().strftime("%Y-%m-%d %H:%M")
    if entry.path is None and not entry.title:
        return Message(
            N_("Untitled model (never saved): {n} edit, the last at {when}"),
            N_("Untitled model (never saved): {n} edits, the last at {when}"),
            entry.edits,
            when=when,
        )
    if entry.path is None:
        return Message(
            N_("{title} (never saved): {n} edit, the last at {when}"),
            N_("{title} (never saved): {n} edits, the last at {when}"),
            entry.edits,
            title=entry.title,
            when=when,
        )
    return Message(
        N_("{title} in {folder}: {n} edit, the last at {when}"),
        N_("{title} in {folder}: {n} edits, the last at {when}"),
        entry.edits,
        title=entry.title,
        folder=str(entry.path.parent),
        when=when,
    )


def journal_stopped(reason: str) -> Message:
    """The recovery journal could not be written (a full disk, a missing folder)."""
    return Message(
        N_(
            "Unsaved changes are not protected against a crash right now ({reason}). Save "
            "your work."
        ),
        reason=reason,
    )
