"""Text from the user's data, made safe to print in a terminal.

Names stored before control characters were refused may hold a newline, a tab,
an ANSI escape sequence or a bell. Printed raw, a newline breaks a table and an
escape sequence is run by the terminal (colours, cursor moves, window titles,
even clipboard writes). Every line the command line prints goes through
:func:`escape`, which writes such a character the way Python source would
(``\\n``, ``\\x1b``, ``\\x07``, ``\\u2028``), so the reader sees what the name
holds and the terminal runs nothing. Other text is left exactly as it is.
"""

from __future__ import annotations

import unicodedata

# C0 and C1 controls (newline, escape, bell, DEL, the 8-bit CSI...), and the Unicode line
# and paragraph separators: the characters a name may not hold (see planner.model). And lone
# surrogates, which stand for a byte that is not UTF-8 in a file name or argv: a UTF-8 terminal
# cannot be sent one (printing it raised UnicodeEncodeError).
_ACTED_ON = ("Cc", "Zl", "Zp", "Cs")


def escape(text: str, *, json: bool = False) -> str:
    """``text`` with every character a terminal would act on written as an escape.

    ``json=True`` is for text from ``json.dumps``, which escapes C0 controls in its
    strings but not DEL, C1 controls or the line separators: those are written as
    ``\\u009b``, meaning the same character inside a JSON string, so the output parses
    to the same values; a raw newline there is the layout's and is kept.
    """
    if text.isprintable():  # the common case: nothing to do (isprintable is False for every control)
        return text
    out = []
    for ch in text:
        if unicodedata.category(ch) not in _ACTED_ON:
            out.append(ch)
        elif json:
            out.append(ch if ch == "\n" else f"\\u{ord(ch):04x}")
        else:
            out.append(repr(ch)[1:-1])
    return "".join(out)
