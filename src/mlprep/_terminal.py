"""Text from a submission (or a file name) made inert before a terminal shows it.

A program's prints, tracebacks and messages reach the learner's terminal through the
CLI's reports. Escape sequences in them could redraw the screen (a green "Accepted"
over a failure), set the window title, or, with a bare carriage return, overwrite a
line. ``terminal_safe`` removes ANSI/VT sequences (CSI, OSC, DCS and the other ESC
forms, 7- and 8-bit), turns a bare CR into a newline, and replaces every other C0/C1
control and the bidirectional overrides with U+FFFD, keeping newlines and tabs.
``--json`` output is never filtered: JSON escapes controls itself, and stays exact.
"""

from __future__ import annotations

import re

__all__ = ["one_line", "plain_render", "terminal_safe"]

_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[\x20-/]*[@-~]?               # CSI: ESC [ params intermediates final
  | \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)? # OSC (window title...): to BEL or ST
  | \x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?     # DCS, SOS, PM, APC: to ST
  | \x1b[\x20-/]*[\x30-~]?                    # any other ESC sequence
  | \x9b[0-?]*[\x20-/]*[@-~]?                 # 8-bit CSI
  | [\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?  # 8-bit OSC, DCS...
    """,
    re.VERBOSE,
)
# C0 controls but tab and newline, DEL, C1 controls, and the bidi overrides that make
# text display in another order than it reads ("Trojan source")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` without control or escape sequences; newlines and tabs kept."""
    if text.isprintable():  # the common case: nothing to do
        return text
    text = _SEQUENCE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("\ufffd", text)


def one_line(text: str) -> str:
    """For one-line messages (errors naming a file): newlines too become visible."""
    return terminal_safe(text).replace("\n", "\\n").replace("\t", " ")


def plain_render(renderable: object, width: int = 100) -> str:
    """What ``renderable`` prints in a terminal, as plain text without colour codes.

    The ``repr`` of results: a Python prompt shows the same verdict the CLI prints.
    """
    import io

    from rich.console import Console

    out = io.StringIO()
    Console(file=out, width=width, color_system=None, force_terminal=False).print(renderable)
    return out.getvalue().rstrip("\n")
