"""A served command prints exactly what the in-process CLI prints, exit code included.

Each command runs twice, in process (``MLPREP_NO_SERVICE=1``, its own home) and
through a running service (another home that went through the same commands),
through pipes and through a pseudo-terminal. Only measurements (times, memory, a
fresh seed) are masked, and only in the judge's output.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import struct
import subprocess
import termios
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from service_helpers import CLIENT, PY, Home

import mlprep

BANK = Path(mlprep.__file__).parent / "bank"
KMEANS = BANK / "coding" / "k-means"
ANSWER = (
    "Bias is systematic error from a model too simple for the data: it underfits. Variance "
    "is how much the fitted model changes with the training sample: flexible models overfit."
)
MEASURED = re.compile(rb" *\d+(?:\.\d+)? ?(?:ms|MB|KB|kB|x\))|seed \d+")
MEASURED_JSON = re.compile(rb'"(\w*(?:_ms|_kb|ratio|seed|_s))": (?:[0-9.e+-]+|null)')


# the moment a command ran ("now" in stats and due documents) differs run to run
MOMENT = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:\+00:00|Z)?")


def _timeless(data: bytes) -> bytes:
    return MOMENT.sub(b"<moment>", data)


def _masked(data: bytes) -> bytes:
    """Measurements out, and the padding of the columns that hold them."""
    data = MEASURED_JSON.sub(rb'"\1": 0', MEASURED.sub(b"#", _timeless(data)))
    return re.sub(rb" +", b" ", data)


def _files(folder: Path) -> dict[str, Path]:
    folder.mkdir(exist_ok=True)
    answer = folder / "answer.txt"
    answer.write_text(ANSWER)
    weak = folder / "weak.txt"
    weak.write_text("Bias and variance are both errors.")
    wrong = folder / "wrong.py"
    wrong.write_text((KMEANS / "wrong" / "manhattan-distance.py").read_text())
    right = folder / "right.py"
    right.write_text((KMEANS / "solution.py").read_text())
    return {"answer": answer, "weak": weak, "wrong": wrong, "right": right}


# (arguments, standard input, whether the output holds measurements)
SEQUENCE: list[tuple[tuple[str, ...], bytes | None, bool]] = [
    (("list",), None, False),
    (("list", "--json"), None, False),
    (("list", "-c", "coding", "-d", "hard", "--plain"), None, False),
    (("show", "k-means"), None, False),
    (("show", "k-means", "--json"), None, False),
    (("show", "bias-variance"), None, False),
    (("show", "k-means", "--starter"), None, False),
    (("hint", "bias-variance"), None, False),
    (("hint", "bias-variance", "--json"), None, False),
    (("answer", "bias-variance"), None, False),
    (("answer", "bias-variance", "--json"), None, False),
    (("coverage",), None, False),
    (("coverage", "--json"), None, False),
    (("grade", "bias-variance", "{answer}"), None, False),
    (("grade", "bias-variance", "{weak}", "--json"), None, False),
    (("grade", "bias-variance", "-"), ANSWER.encode(), False),
    (("rate", "bias-variance", "good"), None, False),
    (("rate", "bias-variance", "easy", "--json"), None, False),
    (("judge", "k-means", "{wrong}", "--seed", "5"), None, True),
    (("judge", "k-means", "{wrong}", "--seed", "5", "--json"), None, True),
    (("judge", "k-means", "{right}", "--run"), None, True),
    (("judge", "k-means", "-", "--run", "--json"), b"{right}", True),
    (("due",), None, False),
    (("due", "--json"), None, False),
    (("stats",), None, False),
    (("stats", "--json"), None, False),
    (("--db", "other.db", "stats", "--json"), None, False),
    # errors: one line on stderr and the documented exit code, served or not
    (("show", "no-such-question"), None, False),
    (("show",), None, False),
    (("list", "--bogus"), None, False),
    (("list", "-c", "astrology"), None, False),
    (("judge", "k-means", "missing.py"), None, False),
    (("grade", "k-means", "{answer}"), None, False),
    (("judge", "bias-variance", "{right}"), None, False),
    (("rate", "k-means", "good"), None, False),
]


def _fill(args: tuple[str, ...], files: dict[str, Path]) -> list[str]:
    return [a.format(**{k: str(v) for k, v in files.items()}) for a in args]


def test_every_served_command_prints_what_the_in_process_cli_prints(
    served_home: Home, plain_home: Home
) -> None:
    served_files = _files(served_home.path / "work")
    plain_files = _files(plain_home.path / "work")
    for args, stdin, measured in SEQUENCE:
        mine = _fill(args, plain_files)
        theirs = _fill(args, served_files)
        plain_in = plain_files["right"].read_bytes() if stdin == b"{right}" else stdin
        served_in = served_files["right"].read_bytes() if stdin == b"{right}" else stdin
        # relative paths resolve in the client's folder, served or not; the two homes
        # share nothing, so the in-process reference runs while the served one does
        with ThreadPoolExecutor(max_workers=1) as pool:
            reference = pool.submit(
                plain_home.run, *mine, stdin=plain_in, cwd=plain_home.path / "work"
            )
            got = served_home.run(*theirs, stdin=served_in, cwd=served_home.path / "work")
            expected = reference.result()
        assert not expected.served, args
        assert got.served, (args, got.stderr)
        assert got.code == expected.code, (args, got.stderr, expected.stderr)
        # the homes differ: their paths may be quoted (an error naming a file)
        out = got.stdout.replace(bytes(served_home.path), bytes(plain_home.path))
        err = got.stderr.replace(bytes(served_home.path), bytes(plain_home.path))
        if measured:
            assert _masked(out) == _masked(expected.stdout), args
        else:
            assert _timeless(out) == _timeless(expected.stdout), args
        assert err == expected.stderr, args
    # the three graded answers were recorded once each, as in process (the judgements
    # above replayed a seed or ran the examples: not recorded)
    served_stats = _timeless(served_home.run("stats", "--json").stdout)
    plain_stats = _timeless(plain_home.run("stats", "--json").stdout)
    assert served_stats == plain_stats
    assert json.loads(served_stats)["attempts"] == 3


def test_a_recorded_judgement_is_served_and_counted(served_home: Home) -> None:
    files = _files(served_home.path / "judged")
    got = served_home.run("judge", "k-means", str(files["right"]))
    assert got.served and got.code == 0, got.stderr
    assert got.stdout.startswith(b"Accepted  k-means  (seed ")
    # growth, measured on the service's sandbox after the verdict, follows it
    verdict, _, growth = got.stdout.partition(b"peak memory")
    assert b"estimated from CPU time" not in verdict
    assert b"estimated from CPU time at sizes 500, 1000, 2000, 4000" in b" ".join(growth.split())
    exported = served_home.run("export", "progress.json", cwd=served_home.path / "judged")
    assert exported.served and exported.code == 0, exported.stderr
    attempts = (served_home.path / "judged" / "progress.json").read_text()
    assert '"k-means"' in attempts
    assert '"complexity": {' in attempts and "4000" in attempts  # recorded with its growth


def _in_terminal(home: Home, args: list[str], env: dict[str, str]) -> tuple[int, bytes, list[str]]:
    """Run a client with a 93x40 pseudo-terminal as stdin, stdout and stderr."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 93, 0, 0))
    out = home.path / f".modules-tty-{time.monotonic_ns()}.json"
    full = {**{k: v for k, v in home.env.items() if k != "COLUMNS"}, **env}
    full.update(TERM="xterm-256color", MODULES_OUT=str(out))
    proc = subprocess.Popen(
        [PY, "-c", CLIENT, *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=full,
        cwd=home.path,
        start_new_session=True,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: every writer of the terminal has closed it
            break
        if not data:
            break
        chunks.append(data)
    code = proc.wait(timeout=600)
    os.close(master)
    heavy = json.loads(out.read_text()) if out.exists() else ["?"]
    return code, b"".join(chunks), heavy


def test_on_a_terminal_colours_width_and_codes_are_the_same(
    served_home: Home, plain_home: Home
) -> None:
    served_files = _files(served_home.path / "tty")
    plain_files = _files(plain_home.path / "tty")
    quiet = {"MLPREP_NO_PROGRESS": "1"}
    # a database of their own in both homes: the same progress on both sides
    for args, measured in [
        (("list", "-c", "recsys"), False),
        (("show", "k-means"), False),
        (("--db", "tty.db", "hint", "k-means"), False),
        (("--db", "tty.db", "answer", "k-means"), False),
        (("--db", "tty.db", "grade", "bias-variance", "{weak}"), False),
        (("--db", "tty.db", "judge", "k-means", "{wrong}", "--seed", "5"), True),
        (("--db", "tty.db", "stats"), False),
        (("show", "nope"), False),
    ]:
        with ThreadPoolExecutor(max_workers=1) as pool:  # the reference beside the served
            reference = pool.submit(_in_terminal, plain_home, _fill(args, plain_files), quiet)
            got_code, got, served_heavy = _in_terminal(
                served_home, _fill(args, served_files), quiet
            )
            code, expected, heavy = reference.result()
        assert heavy != []
        assert served_heavy == [], got
        assert got_code == code, (args, got)
        assert b"\x1b[" in got or b"error" in got  # a terminal gets colour
        if measured:
            assert _masked(got) == _masked(expected), args
        else:
            assert got == expected, args


SLOW = """
import time
{solution}
_real = k_means_clustering
def k_means_clustering(data_points, k, initial_centroids):
    time.sleep(0.4)
    return _real(data_points, k, initial_centroids)
"""


def test_the_spinner_shows_on_a_terminal_only(served_home: Home) -> None:
    slow = served_home.path / "slow.py"
    slow.write_text(SLOW.format(solution=(KMEANS / "solution.py").read_text()))
    args = ["judge", "k-means", str(slow), "--run"]
    code, screen, heavy = _in_terminal(served_home, args, {"MLPREP_NO_PROGRESS": ""})
    assert heavy == [] and code == 0, screen
    assert "⠋ judging k-means".encode() in screen and b"\r\x1b[K" in screen
    piped = served_home.run(*args, MLPREP_NO_PROGRESS="")
    assert piped.served and piped.code == 0
    assert b"judging" not in piped.stderr and "⠋".encode() not in piped.stderr
