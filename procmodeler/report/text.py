"""The report's paragraph: a word wider than its column is hyphenated at a syllable of
the report's language instead of being cut at any letter; other words move whole."""

from __future__ import annotations

import copy
import functools

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

#: the report's language -> pyphen's hyphenation dictionary (reportlab hyphenates with it)
HYPHENATION = {"sv": "sv", "en": "en_GB"}
#: the style attribute that names the dictionary a paragraph may hyphenate with
HYPHENATE_AS = "hyphenate_as"
#: a paragraph with a longer "word" is not hyphenated (a pasted URL, a hash, a hostile
#: text: reportlab measures every way to split a word, in time quadratic in its length);
#: it is cut at the letters as reportlab does by default
LONGEST_HYPHENATED = 60


@functools.cache
def available(lang: str) -> bool:
    """Whether pyphen has the dictionary *lang* (without it, or without pyphen, a word
    wider than its column is cut at a letter as reportlab does by default)."""
    try:
        import pyphen
    except ImportError:
        return False
    return lang in pyphen.LANGUAGES


class Text(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """A paragraph whose style's ``hyphenate_as`` names a dictionary: when one of its
    words is wider than the column, the paragraph is set with hyphenation in that
    language (reportlab's ``hyphenationLang``). Hyphenation is not turned on for every
    paragraph, since reportlab then fills each line with the first syllables of any long
    word, which breaks names (and searches in the PDF) that would fit on the next line."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        style: ParagraphStyle = self.style  # type: ignore[has-type]
        lang = getattr(style, HYPHENATE_AS, "")
        if lang and not style.hyphenationLang and available(lang):
            room = availWidth - style.leftIndent - style.rightIndent
            room -= max(style.firstLineIndent, 0)
            widest, longest = self._widest_word()
            if widest > room and longest <= LONGEST_HYPHENATED:
                hyphenating = copy.copy(style)
                hyphenating.hyphenationLang = lang
                hyphenating.embeddedHyphenation = 1  # "Bygg- och miljöavdelningen" too
                self.style = hyphenating
        return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]

    def _widest_word(self) -> tuple[float, int]:
        """The width of the widest word in the paragraph's fragments (pt) and the length
        of the longest (characters)."""
        widest, longest = 0.0, 0
        for frag in getattr(self, "frags", ()):
            text = getattr(frag, "text", "")
            if not isinstance(text, str):
                continue
            for word in text.split():
                longest = max(longest, len(word))
                if longest > LONGEST_HYPHENATED:
                    return widest, longest
                widest = max(widest, stringWidth(word, frag.fontName, frag.fontSize))
        return widest, longest
