"""The public API is a contract: this list changes only on purpose."""

from __future__ import annotations

import subprocess
import sys

import mlprep


def test_public_api_is_pinned() -> None:
    assert mlprep.__all__ == sorted(mlprep.__all__)
    assert set(mlprep.__all__) == {
        "Mlprep",
        "MlprepError",
        "Question",
        "UnknownQuestion",
        "UsageError",
        "__version__",
        "default_core",
        "grade",
        "judge",
        "load_bank",
        "practice",
        "progress",
        "question",
    }
    for name in mlprep.__all__:
        assert getattr(mlprep, name) is not None


def test_import_is_light() -> None:
    code = (
        "import sys, mlprep; "
        "print(sorted(m for m in ('numpy', 'pydantic', 'sqlalchemy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_core_never_imports_an_interface() -> None:
    code = (
        "import sys, mlprep, mlprep.content, mlprep.store, mlprep._core, mlprep.team; "
        "print([m for m in sys.modules "
        "if m.startswith(('mlprep.cli', 'mlprep.web', 'mlprep.notebook', 'typer'))])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
