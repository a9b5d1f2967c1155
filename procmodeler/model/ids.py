"""The one id policy: deterministic new ids in the model's single id namespace.

Every new id comes from an :class:`IdAllocator` over the ids already taken:

* :meth:`~IdAllocator.numbered` gives ``prefix<N>`` with N one above the highest
  ``prefix<N>`` taken (``proc_12`` when ``proc_11`` is the highest), then counts on. The
  editor, the clipboard and the importers use it for elements they create.
* :meth:`~IdAllocator.derived` keeps an id that comes from outside (a register cell, a
  BPMN ``id``) when it is an NCName and free; otherwise it becomes ``id_`` + the original
  with every character an NCName cannot hold replaced by ``_``, and then ``_2``, ``_3``,
  ... while that is taken.

The same input and the same model therefore always give the same ids, and an id once
given is taken. Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from procmodeler.model import elements
from procmodeler.model.elements import is_ncname

_NUMBER = re.compile(r"\d+")
#: ASCII characters that an NCName cannot hold (all but letters, digits, "_", "-", ".").
_ASCII_NOT_NCNAME = {
    code: "_" for code in range(128) if not (chr(code).isalnum() or chr(code) in "_-.")
}


def ncname_from(original: str, prefix: str = "id_") -> str:
    """*prefix* + *original* with each character an NCName cannot hold made ``_``."""
    if original.isascii():
        return prefix + original.translate(_ASCII_NOT_NCNAME)
    char = elements.NCNAME_CHAR_RE  # compiled on first use
    return prefix + "".join(ch if char.fullmatch(ch) else "_" for ch in original)


#: :data:`_ASCII_NOT_NCNAME` but for the line break, which it keeps.
_ASCII_NOT_NCNAME_BUT_LF = {code: to for code, to in _ASCII_NOT_NCNAME.items() if code != 10}


def ncnames_from(originals: list[str], prefix: str = "id_") -> list[str]:
    """:func:`ncname_from` of each of *originals*: at once, one line each, when they are
    ASCII without a line break."""
    text = "\n".join(originals)
    if not originals or not text.isascii() or text.count("\n") != len(originals) - 1:
        return [ncname_from(original, prefix) for original in originals]
    text = text.translate(_ASCII_NOT_NCNAME_BUT_LF)
    return (prefix + text.replace("\n", "\n" + prefix)).split("\n")


class IdAllocator:
    """New ids that are not in *taken* (which it keeps up to date with what it gives)."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken: set[str] = taken if isinstance(taken, set) else set(taken)
        self._next: dict[str, int] = {}  # prefix -> the number to try next

    def take(self, ident: str) -> str:
        """Mark *ident* as used (an id read from a file); returns it."""
        self.taken.add(ident)
        return ident

    def numbered(self, prefix: str) -> str:
        """``prefix<N>``: N one above the highest taken at the first call, then on."""
        n = self._next.get(prefix)
        if n is None:
            n = 1 + max(map(int, self._numbers_after(prefix)), default=0)
        taken = self.taken
        ident = f"{prefix}{n}"
        while ident in taken:
            n += 1
            ident = f"{prefix}{n}"
        self._next[prefix] = n + 1
        taken.add(ident)
        return ident

    def _numbers_after(self, prefix: str) -> list[str]:
        """The digits after *prefix* of each taken ``prefix<digits>``: one pattern over
        all taken ids at once when none holds a line break (tens of thousands)."""
        text = "\n".join(self.taken)
        if text.count("\n") == len(self.taken) - 1:
            return re.findall(f"^{re.escape(prefix)}(\\d+)$", text, re.MULTILINE)
        tails = (ident[len(prefix) :] for ident in self.taken if ident.startswith(prefix))
        return [tail for tail in tails if _NUMBER.fullmatch(tail)]

    def numbered_many(self, prefix: str, count: int) -> list[str]:
        """*count* ids, the ones that *count* calls of :meth:`numbered` give (an importer
        numbers tens of thousands of rows at once)."""
        if count <= 0:
            return []
        out = [self.numbered(prefix)]
        n, taken = self._next[prefix], self.taken
        run = [f"{prefix}{i}" for i in range(n, n + count - 1)]
        if taken.isdisjoint(run):  # the usual case: the next numbers are all free
            taken.update(run)
            self._next[prefix] = n + count - 1
            return out + run
        while len(out) < count:
            ident = f"{prefix}{n}"
            n += 1
            if ident not in taken:
                taken.add(ident)
                out.append(ident)
        self._next[prefix] = n
        return out

    def derived(self, original: str) -> str:
        """*original* when it is a free NCName, else a free NCName made from it."""
        if is_ncname(original) and original not in self.taken:
            return self.take(original)
        return self.free(ncname_from(original))

    def free_many(self, bases: list[str]) -> list[str]:
        """What :meth:`free` gives for each of *bases* in turn: at once when they are
        all different and free."""
        if len(set(bases)) == len(bases) and self.taken.isdisjoint(bases):
            self.taken.update(bases)
            return list(bases)
        return [self.free(base) for base in bases]

    def free(self, base: str) -> str:
        """*base* when free, else ``base_2``, ``base_3``, ..."""
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}_{n}"
        return self.take(candidate)


def next_id(prefix: str, taken: Iterable[str]) -> str:
    """One numbered id (see :meth:`IdAllocator.numbered`); *taken* is not changed."""
    return IdAllocator(set(taken)).numbered(prefix)
