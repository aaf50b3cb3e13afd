"""``mlprep notebook``: write a ready practice notebook with nbformat."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mlprep.content import Question

__all__ = ["build_notebook"]


def build_notebook(questions: list[Question]) -> Any:
    """A notebook with, per question, its prompt, a starter cell and a check cell."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    from mlprep.study import PLACEHOLDER

    cells = [
        new_markdown_cell(
            "# mlprep practice\n\nRun the first cell, then work through the questions. "
            "`q.hint()` reveals a hint, `q.solution()` the model answer; every check is "
            "judged in mlprep's sandbox and saved to your progress. A starter or an answer "
            "cell left as it is records nothing."
        ),
        new_code_cell("import mlprep as mp"),
    ]
    for question in questions:
        var = "q_" + question.id.replace("-", "_")
        cells.append(
            new_markdown_cell(
                f"## {question.title}\n\n*{question.category.value} · "
                f"{question.difficulty.value} · ~{question.meta.minutes} min*\n\n{question.prompt}"
            )
        )
        cells.append(new_code_cell(f'{var} = mp.question("{question.id}")\n# {var}.hint()'))
        if question.meta.coding is not None:
            cells.append(new_code_cell(question.read("starter.py").rstrip()))
            cells.append(new_code_cell(f"{var}.check({question.meta.coding.entry_point})"))
        else:
            # Left as it is, the placeholder is "not attempted": nothing is recorded.
            cells.append(new_code_cell(f'{var}.answer("""\n{PLACEHOLDER}\n""")'))
    notebook = new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.validate(notebook)
    return notebook
