"""The comparison rules of docs/content-format.md, on plain data, trusted side only.

``compare(expected, got, rtol, atol)`` returns None when ``got`` is acceptable, or a
``Mismatch`` saying where and how it differs, in words a learner can act on.
"""

from __future__ import annotations

import math
import numbers
import sys
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["Mismatch", "compare", "short_repr"]


@dataclass(frozen=True)
class Mismatch:
    """Where the answer differs and how; ``detail`` never contains expected values
    when ``private`` detail has to be hidden (see ``hidden_message``)."""

    path: str
    message: str
    hidden_message: str

    def __str__(self) -> str:
        return self.message


def short_repr(value: Any, limit: int = 300) -> str:
    """A repr for messages, cut to ``limit`` characters; NumPy prints compactly."""
    if isinstance(value, np.ndarray):
        with np.printoptions(threshold=40, edgeitems=3, precision=6, linewidth=limit):
            text = repr(value)
    else:
        try:
            text = repr(value)
        except Exception:  # a value we decoded ourselves always reprs; belt and braces
            text = f"<{type(value).__name__}>"
    text = " ".join(text.split()) if "\n" in text else text
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_bool(x: Any) -> bool:
    return isinstance(x, (bool, np.bool_))


def _is_number(x: Any) -> bool:
    if _is_bool(x):
        return False
    if isinstance(x, np.ndarray):
        return x.ndim == 0 and x.dtype.kind in "iufc"
    return isinstance(x, (numbers.Number, np.number))


def _type_name(x: Any) -> str:
    if isinstance(x, np.ndarray):
        return f"a NumPy array of shape {x.shape} and dtype {x.dtype}"
    if _is_bool(x):
        return "a bool"
    if _is_number(x):
        return "a number"
    names: dict[type, str] = {
        list: "a list",
        tuple: "a tuple",
        dict: "a dict",
        str: "a string",
        type(None): "None",
    }
    for cls, name in names.items():
        if isinstance(x, cls):
            return name
    return f"a {type(x).__name__}"


def _got(g: Any) -> str:
    """The received value and its type, for a message that refuses it for its type."""
    return f"{short_repr(g)} ({_type_name(g)})"


def _close(e: Any, g: Any, rtol: float, atol: float) -> bool:
    e, g = complex(e), complex(g)
    if e == g:
        return True
    if any(math.isnan(v) for v in (e.real, e.imag, g.real, g.imag)):
        return all(
            math.isnan(a) == math.isnan(b)
            and (math.isnan(a) or math.isclose(a, b, rel_tol=rtol, abs_tol=atol))
            for a, b in ((e.real, g.real), (e.imag, g.imag))
        )
    if any(math.isinf(v) for v in (e.real, e.imag, g.real, g.imag)):
        return False
    return bool(abs(e - g) <= atol + rtol * abs(e))


def _fmt_num(x: Any) -> str:
    if isinstance(x, np.ndarray):
        x = x.item()
    if isinstance(x, np.generic):
        x = x.item()
    return repr(x)


def compare(
    expected: Any, got: Any, rtol: float, atol: float, path: str = "result"
) -> Mismatch | None:
    """Compare ``got`` with ``expected`` by the content-format rules."""
    return _cmp(expected, got, rtol, atol, path)


def _miss(path: str, message: str, hidden: str) -> Mismatch:
    return Mismatch(path, f"{path}: {message}", f"{path}: {hidden}")


def _cmp(e: Any, g: Any, rtol: float, atol: float, path: str) -> Mismatch | None:
    # pandas objects exist only if pandas was imported; importing it here would cost
    # a second on every judgement of a question that never uses it
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(e, (pd.Series, pd.DataFrame)):
        return _cmp_pandas(e, g, rtol, atol, path, pd)
    if e is None:
        if g is None:
            return None
        return _miss(path, f"expected None, got {_got(g)}", f"got {_type_name(g)}")
    if _is_bool(e):
        if not _is_bool(g):
            return _miss(
                path,
                f"expected {bool(e)!r} (a bool), got {_got(g)}",
                f"expected a bool, got {_type_name(g)}",
            )
        if bool(e) != bool(g):
            return _miss(path, f"expected {bool(e)!r}, got {bool(g)!r}", "wrong value")
        return None
    if isinstance(e, str):
        if not isinstance(g, str):
            return _miss(
                path,
                f"expected the string {short_repr(e)}, got {_got(g)}",
                f"expected a string, got {_type_name(g)}",
            )
        if str(e) != str(g):
            return _miss(path, f"expected {short_repr(e)}, got {short_repr(g)}", "wrong string")
        return None
    if _is_number(e) and not isinstance(e, np.ndarray):
        if not _is_number(g):
            return _miss(
                path,
                f"expected the number {_fmt_num(e)}, got {_got(g)}",
                f"expected a number, got {_type_name(g)}",
            )
        if _close(e, g if not isinstance(g, np.ndarray) else g.item(), rtol, atol):
            return None
        err = ""
        try:
            if isinstance(e, (int, np.integer)) and isinstance(g, (int, np.integer)):
                raise TypeError  # whole numbers: the difference says nothing useful
            plain = g.item() if isinstance(g, np.ndarray) else g
            err = f" (off by {abs(complex(e) - complex(plain)):.3g})"
        except (TypeError, ValueError, OverflowError):
            pass
        return _miss(path, f"expected {_fmt_num(e)}, got {_fmt_num(g)}{err}", "wrong value")
    if isinstance(e, np.ndarray):
        return _cmp_array(e, g, rtol, atol, path)
    if isinstance(e, (list, tuple)):
        if isinstance(g, np.ndarray) and g.ndim >= 1:
            g = list(g)
        if not isinstance(g, (list, tuple)):
            kind = "list" if isinstance(e, list) else "tuple"
            return _miss(
                path,
                f"expected a {kind} of length {len(e)}, got {_got(g)}",
                f"expected a {kind}, got {_type_name(g)}",
            )
        if len(g) != len(e):
            return _miss(
                path,
                f"expected length {len(e)}, got length {len(g)}",
                f"expected length {len(e)}, got length {len(g)}",
            )
        for i, (ei, gi) in enumerate(zip(e, g, strict=True)):
            found = _cmp(ei, gi, rtol, atol, f"{path}[{i}]")
            if found is not None:
                return found
        return None
    if isinstance(e, dict):
        if not isinstance(g, dict):
            return _miss(
                path,
                f"expected a dict, got {_got(g)}",
                f"expected a dict, got {_type_name(g)}",
            )
        missing = [k for k in e if k not in g]
        extra = [k for k in g if k not in e]
        if missing or extra:
            parts = []
            if missing:
                parts.append("missing keys " + short_repr(missing, 120))
            if extra:
                parts.append("unexpected keys " + short_repr(extra, 120))
            text = "; ".join(parts)
            return _miss(path, text, "the keys differ" if missing else text)
        for k in e:
            found = _cmp(e[k], g[k], rtol, atol, f"{path}[{k!r}]")
            if found is not None:
                return found
        return None
    if isinstance(e, (set, frozenset, bytes, complex)):
        if type(g) is not type(e) and not (
            isinstance(e, (set, frozenset)) and isinstance(g, (set, frozenset))
        ):
            return _miss(
                path,
                f"expected {_type_name(e)}, got {_type_name(g)}",
                f"expected {_type_name(e)}, got {_type_name(g)}",
            )
        if e != g:
            return _miss(path, f"expected {short_repr(e)}, got {short_repr(g)}", "wrong value")
        return None
    if e != g:  # types the rules do not name: plain equality on decoded, trusted data
        return _miss(path, f"expected {short_repr(e)}, got {short_repr(g)}", "wrong value")
    return None


def _cmp_array(e: np.ndarray, g: Any, rtol: float, atol: float, path: str) -> Mismatch | None:
    if not isinstance(g, np.ndarray):
        if isinstance(g, (list, tuple)) or _is_number(g) or _is_bool(g):
            try:
                g = np.asarray(g)
            except (ValueError, TypeError):
                return _miss(
                    path,
                    "expected an array; got a ragged list that is not one",
                    "expected an array; got a ragged list",
                )
            if g.dtype.kind == "O":
                return _miss(
                    path,
                    "expected an array of numbers; got a list of mixed values",
                    "expected an array of numbers",
                )
        else:
            return _miss(
                path,
                f"expected an array of shape {e.shape}, got {_got(g)}",
                f"expected an array, got {_type_name(g)}",
            )
    if g.shape != e.shape:
        return _miss(
            path,
            f"expected shape {e.shape}, got shape {g.shape}",
            f"expected shape {e.shape}, got shape {g.shape}",
        )
    if e.dtype.kind == "b":
        if g.dtype.kind != "b":
            return _miss(
                path,
                f"expected a bool array, got dtype {g.dtype}",
                f"expected a bool array, got dtype {g.dtype}",
            )
        diff = e != g
        if diff.any():
            idx = _first(diff)
            return _miss(
                path,
                f"first difference at index {idx}: expected {e[idx]!r}, "
                f"got {g[idx]!r} ({int(diff.sum())} of {e.size} differ)",
                f"{int(diff.sum())} of {e.size} values differ",
            )
        return None
    if e.dtype.kind in "iufc":
        if g.dtype.kind not in "iufc":
            return _miss(
                path,
                f"expected numbers, got dtype {g.dtype}",
                f"expected numbers, got dtype {g.dtype}",
            )
        if e.size == 0:
            return None
        ec = e.astype(complex if "c" in (e.dtype.kind, g.dtype.kind) else float)
        gc = g.astype(ec.dtype)
        ok = np.isclose(gc, ec, rtol=rtol, atol=atol, equal_nan=True)
        if ok.all():
            return None
        bad = ~ok
        idx = _first(bad)
        with np.errstate(invalid="ignore", over="ignore"):
            errs = np.abs(gc - ec)[bad]  # only the values that differ
        finite = errs[np.isfinite(errs)]
        if np.isinf(errs).any():
            largest = "inf"
        elif finite.size:
            largest = f"{finite.max():.3g}"
        else:
            largest = "nan"
        nans = int(np.isnan(errs).sum())
        if nans:  # a NaN where a number was expected (or the reverse) has no size: say so
            largest += f" ({nans} NaN)"
        return _miss(
            path,
            f"first difference at index {idx}: expected {_fmt_num(e[idx])}, "
            f"got {_fmt_num(g[idx])}; {int(bad.sum())} of {e.size} values differ, "
            f"largest absolute error {largest}",
            f"{int(bad.sum())} of {e.size} values differ, largest absolute error {largest}",
        )
    # strings or objects: element by element under the general rules
    for idx in np.ndindex(e.shape):
        found = _cmp(e[idx], g[idx], rtol, atol, f"{path}[{', '.join(map(str, idx))}]")
        if found is not None:
            return found
    return None


def _first(mask: np.ndarray) -> Any:
    where = np.argwhere(mask)[0]
    return tuple(int(i) for i in where) if mask.ndim != 1 else int(where[0])


def _cmp_pandas(e: Any, g: Any, rtol: float, atol: float, path: str, pd: Any) -> Mismatch | None:
    if isinstance(e, pd.Series):
        if not isinstance(g, pd.Series):
            return _miss(
                path,
                f"expected a pandas Series, got {_type_name(g)}",
                f"expected a pandas Series, got {_type_name(g)}",
            )
        found = _cmp(list(e.index), list(g.index), rtol, atol, f"{path}.index")
        if found is not None:
            return found
        return _cmp_values(e.to_numpy(), g.to_numpy(), rtol, atol, f"{path}.values")
    if not isinstance(g, pd.DataFrame):
        return _miss(
            path,
            f"expected a pandas DataFrame, got {_type_name(g)}",
            f"expected a pandas DataFrame, got {_type_name(g)}",
        )
    found = _cmp(list(e.columns), list(g.columns), rtol, atol, f"{path}.columns")
    if found is not None:
        return found
    found = _cmp(list(e.index), list(g.index), rtol, atol, f"{path}.index")
    if found is not None:
        return found
    for i, col in enumerate(e.columns):
        found = _cmp_values(
            e.iloc[:, i].to_numpy(), g.iloc[:, i].to_numpy(), rtol, atol, f"{path}[{col!r}]"
        )
        if found is not None:
            return found
    return None


def _cmp_values(
    e: np.ndarray, g: np.ndarray, rtol: float, atol: float, path: str
) -> Mismatch | None:
    """Column values: numbers with tolerance regardless of exact dtype (int64 vs float64)."""
    if e.dtype.kind in "iuf" and g.dtype.kind in "iuf":
        return _cmp_array(e.astype(float), g.astype(float), rtol, atol, path)
    if e.dtype.kind == "b" and g.dtype.kind == "b":
        return _cmp_array(e, g, rtol, atol, path)
    return _cmp(list(e), list(g), rtol, atol, path)
