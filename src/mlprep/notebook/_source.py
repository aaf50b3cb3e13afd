"""Turn a function defined in a notebook into a self-contained module source.

The function runs in the judge's sandbox, never in the notebook's process, so it
must be rebuilt from source: its own definition, the notebook helpers it calls
(recursively) and the modules it uses. Anything else it reaches for — a data
array in a notebook variable, a closure, a lambda — is refused with a message
that says what to change.
"""

from __future__ import annotations

import builtins
import inspect
import textwrap
import types
from typing import Any

__all__ = ["NotJudgeable", "function_source"]


class NotJudgeable(ValueError):
    """The object cannot be sent to the judge; the message says why and what to do."""


def _global_names(code: types.CodeType) -> set[str]:
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _global_names(const)
    return names


def _own_source(fn: types.FunctionType) -> str:
    try:
        source = inspect.getsource(fn)
    except (OSError, TypeError):
        raise NotJudgeable(
            f"the source of '{fn.__name__}' cannot be found (was it made with exec or "
            "in a cell that no longer exists?); define it with def in a cell and run it again"
        ) from None
    return textwrap.dedent(source)


def _check_function(fn: Any, what: str) -> types.FunctionType:
    if isinstance(fn, types.FunctionType):
        if fn.__name__ == "<lambda>":
            raise NotJudgeable(
                f"{what} is a lambda; write it as a named function with def so it can be judged"
            )
        if fn.__closure__:
            outer = ", ".join(fn.__code__.co_freevars)
            raise NotJudgeable(
                f"'{fn.__name__}' closes over {outer} from an enclosing function; "
                "define it at the top level of a cell"
            )
        return fn
    if callable(fn):
        raise NotJudgeable(
            f"{what} is a {type(fn).__name__}, not a plain function; pass the function "
            "you defined with def"
        )
    raise NotJudgeable(
        f"{what} is a {type(fn).__name__}; pass the function itself, e.g. q.check(my_fn)"
    )


def function_source(fn: Any, entry_point: str) -> str:
    """Module source defining ``entry_point`` from ``fn`` and what it needs."""
    main = _check_function(fn, "the argument")
    namespace = main.__globals__
    imports: list[str] = []
    blocks: list[str] = []
    seen: set[str] = set()

    def visit(func: types.FunctionType) -> None:
        if func.__name__ in seen:
            return
        seen.add(func.__name__)
        source = _own_source(func)
        for name in sorted(_global_names(func.__code__)):
            if name in seen or name == func.__name__:
                continue
            if name not in namespace:
                continue  # a builtin, or a NameError the learner will see
            value = namespace[name]
            if isinstance(value, types.ModuleType):
                line = (
                    f"import {value.__name__}"
                    if value.__name__ == name
                    else f"import {value.__name__} as {name}"
                )
                if line not in imports:
                    imports.append(line)
            elif isinstance(value, types.FunctionType) and value.__module__ == func.__module__:
                visit(_check_function(value, f"the helper '{name}'"))
            elif callable(value) and getattr(value, "__module__", None) not in (None, "__main__"):
                module, qualname = value.__module__, getattr(value, "__qualname__", name)
                if "." in qualname or not module or module.startswith("__"):
                    raise NotJudgeable(
                        f"'{func.__name__}' uses '{name}', which cannot be imported by name"
                    )
                line = (
                    f"from {module} import {qualname}"
                    if qualname == name
                    else f"from {module} import {qualname} as {name}"
                )
                if line not in imports:
                    imports.append(line)
            elif hasattr(builtins, name) and getattr(builtins, name) is value:
                continue
            else:
                raise NotJudgeable(
                    f"'{func.__name__}' uses the notebook variable '{name}'; the judge runs your "
                    "function on its own, so pass it in as an argument or define it inside "
                    "the function"
                )
        blocks.append(source)

    visit(main)
    parts = ["\n".join(imports)] if imports else []
    parts.extend(blocks)
    if main.__name__ != entry_point:
        parts.append(f"{entry_point} = {main.__name__}")
    return "\n\n".join(parts) + "\n"
