"""Builds the DataFrame the function receives. Public: the learner may read it."""

import pandas as pd


def prepare(args):
    """The tests give the table as plain data: {"columns": [...], "rows": [[...], ...]}."""
    table, new_point = args
    df = pd.DataFrame(table["rows"], columns=table["columns"], dtype="int64")
    return (df, list(new_point))
