"""Mutants of a reference solution: one small, plausible mistake each.

``mutants(source)`` parses a solution and returns every single-point mutation of
the kinds below, in a fixed order, each with a stable ``key`` (line, column, kind
and change) that ``mutants.toml`` uses to name an equivalent mutant. The judge
decides which of them the question's tests kill (``mlprep.judging.MutantJudge``);
this module only writes code.

Kinds (chosen for the mistakes people make writing ML code from scratch):

    binop      + <-> -, * <-> /, // -> /, % -> //, ** -> *      arithmetic swaps
    augassign  += <-> -=, *= <-> /=, and ``x += y`` -> ``x = y``
    compare    < <-> <=, > <-> >=, == <-> !=, is <-> is not, in <-> not in
    boolop     and <-> or;  not x -> x;  True <-> False
    unary      -x -> x
    number     an int c -> c + 1 and c - 1; a float c -> 0.0 (or 1.0 when c is 0) and c + 1
    slice      a[i:j] -> a[i + 1:j], a[i:j - 1], a[i:j + 1] (bounds that are written)
    range      range(a, b) -> range(a + 1, b), range(a, b - 1), range(a, b + 1)
    axis       axis=k -> another axis; the axis argument dropped (reduce everything)
    drop       a statement removed: an augmented or repeated assignment, an expression
               statement (``xs.append(v)``, ``order.sort()``), an ``if`` block,
               ``break`` / ``continue``
    swap       two adjacent positional arguments of a call exchanged (not of max, min
               and other functions whose arguments commute)
    twin       a function for its twin: min <-> max, argmin <-> argmax, floor <-> ceil,
               any <-> all, sum <-> mean, std <-> var
    unwrap     f(x) -> x for a final transformation (np.sqrt, np.exp, np.log, abs,
               round, sorted, reversed, np.clip, ...)
    early      a ``return`` that follows a loop moved into the loop's body (returns
               after the first iteration)

Type conversions (``float(x)``, ``np.asarray(x)``), docstrings, imports and
``dtype=`` arguments are left alone: changing them is almost always equivalent or
not a mistake anyone makes.
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

__all__ = ["Mutant", "mutants"]


@dataclass(frozen=True)
class Mutant:
    """One mutation of a solution: where, what, and the mutated source."""

    key: str  # "line:col kind change", stable while the solution does not change
    line: int
    kind: str
    before: str  # the code at that place, before and after (one line each)
    after: str
    source: str  # the whole mutated module

    @property
    def diff(self) -> str:
        return f"line {self.line}: `{self.before}` -> `{self.after}`"


_BINOP: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv,
    ast.Pow: ast.Mult,
}
_AUG: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
}
_CMP: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}
_SYMBOL: dict[type[ast.AST], str] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.And: "and",
    ast.Or: "or",
}
# calls whose removal (f(x) -> x) is a plausible "forgot the last step"
_UNWRAP = {
    "sqrt",
    "exp",
    "log",
    "log2",
    "log1p",
    "expm1",
    "abs",
    "round",
    "sorted",
    "reversed",
    "clip",
    "maximum",
    "minimum",
    "floor",
    "ceil",
    "sign",
    "cumsum",
    "argsort",
    "unique",
    "transpose",
}
_LOOPS = (ast.For, ast.While)
# calls whose positional arguments commute: swapping them is no mistake
_SYMMETRIC = {
    "max",
    "min",
    "maximum",
    "minimum",
    "fmax",
    "fmin",
    "hypot",
    "add",
    "multiply",
    "array_equal",
    "allclose",
    "isclose",
    "logaddexp",
}
# functions mistaken for each other (max for min, sum for mean, any for all)
_TWIN = {
    "min": "max",
    "max": "min",
    "argmin": "argmax",
    "argmax": "argmin",
    "amin": "amax",
    "amax": "amin",
    "nanmin": "nanmax",
    "nanmax": "nanmin",
    "minimum": "maximum",
    "maximum": "minimum",
    "floor": "ceil",
    "ceil": "floor",
    "any": "all",
    "all": "any",
    "sum": "mean",
    "mean": "sum",
    "std": "var",
    "var": "std",
}


def _name_of(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _text(node: ast.AST) -> str:
    text = ast.unparse(node)
    first = text.splitlines()[0] if text else ""
    return first if len(first) <= 100 else first[:97] + "..."


def _plus(node: ast.expr, delta: int) -> ast.expr:
    op: ast.operator = ast.Add() if delta > 0 else ast.Sub()
    return ast.BinOp(left=copy.deepcopy(node), op=op, right=ast.Constant(abs(delta)))


# an edit: the node it replaces, kind, change, apply, undo, and where it is (_Sites.top
# and _Sites.sub)
_Edit = tuple[
    ast.AST, str, str, Callable[[], ast.AST], Callable[[], None], tuple[int | None, int | None]
]


class _Sites:
    """Collects the edits of one module: each one applies in place and is undone."""

    def __init__(self, tree: ast.Module) -> None:
        self.tree = tree
        self.edits: list[_Edit] = []
        # where the edits being collected are: the index of the module statement, and of
        # the statement of its body when it is a function (None: elsewhere)
        self.top: int | None = None
        self.sub: int | None = None
        self._docstrings: set[int] = set()
        for node in ast.walk(tree):
            body = getattr(node, "body", None)
            if (
                isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                and body
                and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)
            ):
                self._docstrings.add(id(body[0]))

    def replace_field(
        self, parent: ast.AST, field: str, index: int | None, new: ast.AST, kind: str, change: str
    ) -> None:
        """An edit that puts ``new`` in ``parent.field`` (or ``parent.field[index]``)."""
        old = getattr(parent, field) if index is None else getattr(parent, field)[index]

        def apply() -> ast.AST:
            if index is None:
                setattr(parent, field, new)
            else:
                getattr(parent, field)[index] = new
            return new

        def undo() -> None:
            if index is None:
                setattr(parent, field, old)
            else:
                getattr(parent, field)[index] = old

        self.edits.append((old, kind, change, apply, undo, (self.top, self.sub)))


def _children(node: ast.AST) -> Iterator[tuple[str, int | None, ast.AST]]:
    for field, value in ast.iter_fields(node):
        if isinstance(value, ast.AST):
            yield field, None, value
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, ast.AST):
                    yield field, i, item


def _collect(sites: _Sites, parent: ast.AST, in_function: bool) -> None:
    for field, index, node in _children(parent):
        if parent is sites.tree:
            sites.top = index if field == "body" else None
            sites.sub = None
        elif sites.top is not None and parent is sites.tree.body[sites.top]:
            sites.sub = index if field == "body" and isinstance(parent, _FUNCTIONS) else None
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(node, ast.keyword) and node.arg == "dtype":
            continue
        if id(node) in sites._docstrings:
            continue
        inside = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        _node_edits(sites, parent, field, index, node, inside)
        if not (isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant)):
            _collect(sites, node, inside)  # (-3 is one number, mutated whole)


def _node_edits(
    sites: _Sites, parent: ast.AST, field: str, index: int | None, node: ast.AST, in_function: bool
) -> None:
    add = sites.replace_field
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOP:
        new_op = _BINOP[type(node.op)]()
        change = f"{_SYMBOL[type(node.op)]} -> {_SYMBOL[type(new_op)]}"
        add(parent, field, index, ast.BinOp(node.left, new_op, node.right), "binop", change)
    elif isinstance(node, ast.AugAssign) and type(node.op) in _AUG:
        new_op = _AUG[type(node.op)]()
        sym = _SYMBOL[type(node.op)]
        add(
            parent,
            field,
            index,
            ast.AugAssign(node.target, new_op, node.value),
            "augassign",
            f"{sym}= -> {_SYMBOL[type(new_op)]}=",
        )
        plain = ast.Assign(targets=[node.target], value=node.value, lineno=node.lineno)
        add(parent, field, index, plain, "augassign", f"{sym}= -> =")
    elif isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            if type(op) in _CMP:
                ops = list(node.ops)
                ops[i] = _CMP[type(op)]()
                change = f"{_SYMBOL[type(op)]} -> {_SYMBOL[type(ops[i])]}"
                add(
                    parent,
                    field,
                    index,
                    ast.Compare(node.left, ops, node.comparators),
                    "compare",
                    change,
                )
    elif isinstance(node, ast.BoolOp):
        other: ast.boolop = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        change = f"{_SYMBOL[type(node.op)]} -> {_SYMBOL[type(other)]}"
        add(parent, field, index, ast.BoolOp(other, node.values), "boolop", change)
    elif isinstance(node, ast.UnaryOp):
        if isinstance(node.op, ast.Not):
            add(parent, field, index, node.operand, "boolop", "not x -> x")
        elif isinstance(node.op, ast.USub) and not isinstance(node.operand, ast.Constant):
            add(parent, field, index, node.operand, "unary", "-x -> x")
        elif isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
            _number_edits(sites, parent, field, index, node, -_num(node.operand.value))
    elif isinstance(node, ast.Constant):
        if isinstance(node.value, bool):
            add(
                parent,
                field,
                index,
                ast.Constant(not node.value),
                "boolop",
                f"{node.value} -> {not node.value}",
            )
        elif isinstance(node.value, (int, float)):
            _number_edits(sites, parent, field, index, node, node.value)
    elif isinstance(node, ast.Slice):
        if node.lower is not None:
            add(node, "lower", None, _plus(node.lower, 1), "slice", "lower + 1")
        if node.upper is not None:
            add(node, "upper", None, _plus(node.upper, -1), "slice", "upper - 1")
            add(node, "upper", None, _plus(node.upper, 1), "slice", "upper + 1")
    elif isinstance(node, ast.Call):
        _call_edits(sites, parent, field, index, node)
    if isinstance(node, ast.stmt) and in_function and index is not None:
        _statement_edits(sites, parent, field, index, node)


def _num(value: object) -> int | float:
    assert isinstance(value, (int, float)) and not isinstance(value, bool)
    return value


def _number_edits(
    sites: _Sites, parent: ast.AST, field: str, index: int | None, node: ast.AST, value: int | float
) -> None:
    if isinstance(parent, ast.keyword) and parent.arg == "axis":
        return  # the axis kind handles these
    if value == -1 and isinstance(parent, ast.Call) and _name_of(parent.func) == "reshape":
        return  # NumPy infers a dimension from any negative size: -2 is -1
    if isinstance(value, int):
        options: list[int | float] = [value + 1, value - 1]
    else:
        options = [0.0 if value != 0 else 1.0, value + 1.0]
    for new in options:
        const: ast.expr = (
            ast.Constant(new) if new >= 0 else ast.UnaryOp(ast.USub(), ast.Constant(-new))
        )
        sites.replace_field(parent, field, index, const, "number", f"{value!r} -> {new!r}")


def _call_edits(
    sites: _Sites, parent: ast.AST, field: str, index: int | None, node: ast.Call
) -> None:
    add = sites.replace_field
    name = _name_of(node.func)
    args = node.args
    if name == "range" and isinstance(node.func, ast.Name) and 1 <= len(args) <= 3:
        if len(args) == 1:
            add(node, "args", 0, _plus(args[0], -1), "range", "stop - 1")
            add(node, "args", 0, _plus(args[0], 1), "range", "stop + 1")
        else:
            add(node, "args", 0, _plus(args[0], 1), "range", "start + 1")
            add(node, "args", 1, _plus(args[1], -1), "range", "stop - 1")
            add(node, "args", 1, _plus(args[1], 1), "range", "stop + 1")
    for i, kw in enumerate(node.keywords):
        if kw.arg != "axis":
            continue
        current = _axis_value(kw.value)
        for new in _other_axes(current):
            value: ast.expr = (
                ast.Constant(new)
                if new is None or new >= 0
                else ast.UnaryOp(ast.USub(), ast.Constant(-new))
            )
            add(kw, "value", None, value, "axis", f"axis={current} -> axis={new}")
        rest = node.keywords[:i] + node.keywords[i + 1 :]
        add(
            parent,
            field,
            index,
            ast.Call(node.func, node.args, rest),
            "axis",
            f"axis={current} dropped",
        )
    twin = _TWIN.get(name)
    if twin is not None:
        func: ast.expr
        if isinstance(node.func, ast.Name):
            func = ast.Name(twin, ast.Load())
        else:
            assert isinstance(node.func, ast.Attribute)
            func = ast.Attribute(node.func.value, twin, ast.Load())
        add(
            parent,
            field,
            index,
            ast.Call(func, node.args, node.keywords),
            "twin",
            f"{name} -> {twin}",
        )
    if (
        name in _UNWRAP
        and len(args) >= 1
        and not any(isinstance(a, ast.Starred) for a in args)
        and not (name in ("maximum", "minimum", "clip") and len(args) < 2)
    ):
        add(parent, field, index, args[0], "unwrap", f"{name}(x, ...) -> x")
    positional = [a for a in args if not isinstance(a, ast.Starred)]
    if len(positional) == len(args) and name not in _SYMMETRIC:
        for i in range(len(args) - 1):
            if ast.dump(args[i]) == ast.dump(args[i + 1]):
                continue
            swapped = list(args)
            swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
            add(
                parent,
                field,
                index,
                ast.Call(node.func, swapped, node.keywords),
                "swap",
                f"arguments {i + 1} and {i + 2} swapped",
            )


def _axis_value(node: ast.expr) -> int | str | None:
    if isinstance(node, ast.Constant) and (node.value is None or isinstance(node.value, int)):
        return node.value
    if (
        isinstance(node, ast.UnaryOp)
        and isinstance(node.op, ast.USub)
        and isinstance(node.operand, ast.Constant)
        and isinstance(node.operand.value, int)
    ):
        return -node.operand.value
    return ast.unparse(node)


def _other_axes(current: int | str | None) -> list[int | None]:
    if current is None:
        return [0]
    if current == 0:
        return [1]
    if current in (1, -1):
        return [0]
    if isinstance(current, int):
        return [0]
    return []


def _statement_edits(
    sites: _Sites, parent: ast.AST, field: str, index: int, node: ast.stmt
) -> None:
    body = getattr(parent, field)
    droppable = isinstance(node, (ast.AugAssign, ast.If, ast.Break, ast.Continue)) or (
        isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
    )
    if isinstance(node, ast.Assign) and _reassigns(body, index, node):
        droppable = True
    if droppable and not (
        len(body) == 1 and isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef))
    ):
        sites.replace_field(parent, field, index, ast.Pass(), "drop", "statement removed")
    if (
        isinstance(node, _LOOPS)
        and index + 1 < len(body)
        and isinstance(body[index + 1], ast.Return)
    ):
        loop = node
        ret = body[index + 1]

        def apply() -> ast.AST:
            loop.body.append(ret)
            return loop

        def undo() -> None:
            loop.body.pop()

        sites.edits.append(
            (
                ret,
                "early",
                f"return moved into the loop of line {loop.lineno}",
                apply,
                undo,
                (sites.top, sites.sub),
            )
        )


def _reassigns(body: list[ast.stmt], index: int, node: ast.Assign) -> bool:
    """Is this an assignment to a simple name that an earlier statement of the same
    block already bound (``x = x.reshape(...)``, ``best = candidate``)?"""
    names = {t.id for t in node.targets if isinstance(t, ast.Name)}
    if not names or len(names) != len(node.targets):
        return False
    for earlier in body[:index]:
        for sub in ast.walk(earlier):
            if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store) and sub.id in names:
                return True
    return False


def mutants(source: str) -> list[Mutant]:
    """Every single-point mutant of ``source`` (a solution module), in source order.

    Mutants whose code is identical to the original or to an earlier mutant are
    left out, so every key names a distinct program.
    """
    return _mutants(source, splice=True)


_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def _statement_text(tree: ast.Module, index: int) -> str:
    """What ``ast.unparse(tree)`` writes for the module statement ``tree.body[index]``.

    The unparser writes a module's statements one after the other, and how it writes
    one depends only on the statement and on whether anything was written before it
    (the first one gets no leading newline, and only it can be the docstring); so a
    statement after a ``pass`` is written as it is after any other statement.
    """
    statement = tree.body[index]
    if index == 0:
        return ast.unparse(ast.Module(body=[statement], type_ignores=tree.type_ignores))
    text = ast.unparse(ast.Module(body=[ast.Pass(), statement], type_ignores=tree.type_ignores))
    return text[len("pass") :]


_BLOCK = "if True:\n    pass"


def _body_text(statement: ast.stmt) -> str:
    """What ``ast.unparse`` writes for ``statement`` in the body of a module-level
    function, after that body's first statement: one level of indent, like in any
    block (a function's body differs from an ``if``'s only by its docstring)."""
    block = ast.If(test=ast.Constant(True), body=[ast.Pass(), statement], orelse=[])
    text = ast.unparse(ast.Module(body=[block], type_ignores=[]))
    return text[len(_BLOCK) :]


class _Layout:
    """The original module's text in pieces: one per module statement, and one per
    statement of a module-level function's body after its first; a mutant's text is
    the pieces with the changed one written again. Pieces that do not add up to the
    original text are not used (the module or function is written whole instead)."""

    def __init__(self, tree: ast.Module, original: str) -> None:
        self.tree = tree
        self.pieces = [_statement_text(tree, i) for i in range(len(tree.body))]
        if "".join(self.pieces) != original:
            self.pieces = []
        # per module-level function: the text before its body's second statement, and
        # the text of each later statement
        self.bodies: dict[int, tuple[str, list[str]]] = {}
        for k, piece in enumerate(self.pieces):
            function = tree.body[k]
            if not isinstance(function, _FUNCTIONS) or len(function.body) < 2:
                continue
            rest = [_body_text(s) for s in function.body[1:]]
            tail = "".join(rest)
            if tail and piece.endswith(tail):
                self.bodies[k] = (piece[: len(piece) - len(tail)], rest)

    def text(self, top: int | None, sub: int | None) -> str | None:
        """The module's text now that an edit changed module statement ``top`` (in its
        body's statement ``sub``, when the edit is there); None when the pieces cannot
        tell (the caller unparses the whole module)."""
        if not self.pieces or top is None:
            return None
        if sub is not None and sub >= 1 and top in self.bodies:
            head, rest = self.bodies[top]
            function = self.tree.body[top]
            assert isinstance(function, _FUNCTIONS)
            middle = head + "".join(rest[: sub - 1]) + _body_text(function.body[sub])
            middle += "".join(rest[sub:])
        else:
            middle = _statement_text(self.tree, top)
        return "".join(self.pieces[:top]) + middle + "".join(self.pieces[top + 1 :])


def _mutants(source: str, *, splice: bool) -> list[Mutant]:
    """``mutants``; with ``splice``, each mutant's module is written by unparsing only the
    statement the edit changes, between the unchanged text of the others (see
    ``_Layout``; the content check of the bank unparsed whole modules 11,000 times).
    A test holds both ways to the same mutants over every solution of the bank."""
    tree = ast.parse(source)
    sites = _Sites(tree)
    _collect(sites, tree, False)
    original = ast.unparse(tree)
    layout = _Layout(tree, original) if splice else None
    seen = {original}
    found: list[Mutant] = []
    for old, kind, change, apply, undo, (top, sub) in sites.edits:
        new = apply()
        try:
            code = None
            if layout is not None:
                # the unparser needs the line of a new statement (for type comments):
                # it takes the place of what it replaces, and nothing else is new
                if not hasattr(new, "lineno"):
                    ast.copy_location(new, old)
                ast.fix_missing_locations(new)
                code = layout.text(top, sub)
            if code is None:
                ast.fix_missing_locations(tree)
                code = ast.unparse(tree)
            compile(code, "solution.py", "exec", dont_inherit=True)
        except (SyntaxError, ValueError, TypeError, AttributeError):
            code = ""
        finally:
            undo()
        if not code or code in seen:
            continue
        seen.add(code)
        line = getattr(old, "lineno", 0)
        col = getattr(old, "col_offset", 0)
        after = change if kind == "early" else _text(new)
        found.append(
            Mutant(
                key=f"{line}:{col} {kind} {change}",
                line=line,
                kind=kind,
                before=_text(old),
                after=after,
                source=code,
            )
        )
    found.sort(key=lambda m: (m.line, int(m.key.split(":")[1].split(" ")[0])))
    # operators of one chain (a + b + c) start at the same column: number the repeats
    seen_keys: dict[str, int] = {}
    for i, mutant in enumerate(found):
        count = seen_keys[mutant.key] = seen_keys.get(mutant.key, 0) + 1
        if count > 1:
            found[i] = replace(mutant, key=f"{mutant.key} #{count}")
    return found
