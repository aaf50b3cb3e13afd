"""Text from a submission is made inert before the terminal shows it."""

from __future__ import annotations

import pytest

from mlprep._terminal import one_line, terminal_safe


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain text", "plain text"),
        ("lines\n\tand tabs\n", "lines\n\tand tabs\n"),
        ("\x1b[1;32mAccepted\x1b[0m", "Accepted"),  # colour (CSI)
        ("\x1b[2J\x1b[H\x1b[1A\x1b[2Kx", "x"),  # clear, home, up, erase line
        ("\x1b]0;pwned\x07after", "after"),  # window title (OSC, BEL)
        ("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"),  # hyperlink (OSC, ST)
        ("\x1bP+q544e\x1b\\x", "x"),  # DCS query
        ("\x9b31mred\x9d0;t\x9cx", "redx"),  # 8-bit CSI and OSC
        ("\x1b7\x1b8\x1bc\x1b", ""),  # save/restore cursor, reset, a lone ESC
        ("Wrong\rAccepted", "Wrong\nAccepted"),  # a bare CR cannot overwrite a line
        ("a\r\nb", "a\nb"),
        ("bell\x07 nul\x00 del\x7f c1\x85", "bell\ufffd nul\ufffd del\ufffd c1\ufffd"),
        ("\u202eexe.txt", "\ufffdexe.txt"),  # bidi override
        ("café ✓ 数据", "café ✓ 数据"),
    ],
)
def test_terminal_safe(raw, shown):
    assert terminal_safe(raw) == shown


def test_one_line_keeps_a_message_on_one_line():
    assert one_line("no such file: a\nb\x1b[2J\tc") == "no such file: a\\nb c"
