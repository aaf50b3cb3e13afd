"""`mlprep team ...`: set up team mode and look after its accounts (docs/team.md).

Every command takes the team database as ``--db URL`` (PostgreSQL for a team; an
SQLite file works for trying it out). Links are printed, never mailed: whoever runs
the command hands them on.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ._common import JsonOption, emit_json, state

if TYPE_CHECKING:
    from mlprep._core import Mlprep
    from mlprep.team._accounts import Link

team_app = typer.Typer(
    help="Team mode: accounts, cohorts and a gradebook on one database (docs/team.md).",
    no_args_is_help=True,
)

DbOption = typer.Option(
    ...,
    "--db",
    help="The team database: postgresql+psycopg://user:password@host/dbname, or an SQLite file.",
)
UrlOption = typer.Option(
    "http://127.0.0.1:8765",
    "--url",
    help="The address people open the server at (printed links start with it).",
)


def team_core(ctx: typer.Context, db: str) -> Mlprep:
    from mlprep._core import Mlprep

    return Mlprep(content=state(ctx).content, db=db)


def _print_link(link: Link, url: str, as_json: bool) -> None:
    full = url.rstrip("/") + link.path()
    if as_json:
        emit_json(
            "team-link",
            {
                "account": {
                    "id": link.account.id,
                    "email": link.account.email,
                    "name": link.account.name,
                    "role": link.account.role,
                },
                "purpose": link.purpose,
                "url": full,
                "expires_at": link.expires_at.isoformat(),
            },
        )
        return
    typer.echo(f"{link.account.name} <{link.account.email}> ({link.account.role})")
    typer.echo(f"one-time link, valid until {link.expires_at:%Y-%m-%d %H:%M} UTC:")
    typer.echo(full)


@team_app.command("init")
def init_command(
    ctx: typer.Context,
    db: str = DbOption,
    email: str = typer.Option(..., "--email", help="The first coach's email address."),
    name: str = typer.Option(..., "--name", help="The first coach's name (also a sign-in)."),
    url: str = UrlOption,
    as_json: bool = JsonOption,
) -> None:
    """Set up team mode in a database: the first coach, and a one-time sign-in link."""
    from mlprep.team import Accounts

    core = team_core(ctx, db)
    link = Accounts(core.store).init(email, name)
    _print_link(link, url, as_json)


@team_app.command("coach")
def coach_command(
    ctx: typer.Context,
    db: str = DbOption,
    email: str = typer.Option(..., "--email", help="The new coach's email address."),
    name: str = typer.Option(..., "--name", help="The new coach's name."),
    url: str = UrlOption,
    as_json: bool = JsonOption,
) -> None:
    """Add another coach, with a one-time link to choose a password."""
    from mlprep.team import Accounts

    accounts = Accounts(team_core(ctx, db).store)
    accounts.secret_key()  # refuses a database without a team
    account = accounts.create(email, name, "coach")
    _print_link(accounts.issue_link(account.id, "invite", created_by=None), url, as_json)


@team_app.command("link")
def link_command(
    ctx: typer.Context,
    db: str = DbOption,
    login: str = typer.Argument(..., metavar="EMAIL_OR_NAME", help="Whose password to reset."),
    url: str = UrlOption,
    as_json: bool = JsonOption,
) -> None:
    """Print a one-time password-reset link for an account (a coach locked out, say)."""
    from mlprep.errors import UsageError
    from mlprep.team import Accounts

    accounts = Accounts(team_core(ctx, db).store)
    accounts.secret_key()
    account = accounts.find(login)
    if account is None:
        raise UsageError(f"no account with the email or name '{login}'")
    _print_link(accounts.issue_link(account.id, "reset", created_by=None), url, as_json)


@team_app.command("accounts")
def accounts_command(ctx: typer.Context, db: str = DbOption, as_json: bool = JsonOption) -> None:
    """List the accounts: name, email, role, and whether a password is set."""
    from mlprep.team import Accounts

    rows = [
        {
            "id": a.id,
            "name": a.name,
            "email": a.email,
            "role": a.role,
            "password_set": a.password_hash is not None,
            "disabled": a.disabled,
        }
        for a in Accounts(team_core(ctx, db).store).all()
    ]
    if as_json:
        emit_json("team-accounts", {"accounts": rows})
        return
    for r in rows:
        flag = "" if r["password_set"] else "  (no password yet)"
        typer.echo(f"{r['id']:>4}  {r['role']:<7}  {r['name']} <{r['email']}>{flag}")


@team_app.command("import")
def import_command(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="A file written by `mlprep export`."),
    db: str = DbOption,
    login: str = typer.Option(..., "--account", help="The account (email or name) it goes to."),
    as_json: bool = JsonOption,
) -> None:
    """Import solo progress (the `mlprep export` format) into a team account."""
    from mlprep._core import Mlprep
    from mlprep.errors import UsageError
    from mlprep.study import import_progress
    from mlprep.team import Accounts, learner_name

    core = team_core(ctx, db)
    account = Accounts(core.store).find(login)
    if account is None:
        raise UsageError(f"no account with the email or name '{login}'")
    theirs = Mlprep(
        content=core.content_folders, db=db, learner=learner_name(account.id), store=core.store
    )
    counts: dict[str, Any] = import_progress(theirs, file)
    if as_json:
        emit_json("team-import", {"file": str(file), "account": account.email, "added": counts})
        return
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    typer.echo(f"imported into {account.name}: {summary}")


def register(app: typer.Typer) -> None:
    app.add_typer(team_app, name="team")
