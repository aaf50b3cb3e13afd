"""Accounts, sign-in sessions and one-time links (invitations, password resets).

Tokens are random (256 bits) and only their SHA-256 digests are stored, so a copy
of the database signs nobody in. A link is used up in the same transaction that
sets the password, by an UPDATE that only matches an unused, unexpired row: two
browsers racing with one link cannot both succeed. Failed sign-ins are rows in the
database, so throttling holds across server processes and restarts.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select, update

from mlprep.errors import UsageError
from mlprep.store import Learner, utcnow
from mlprep.store._team_schema import (
    AccessLink,
    Account,
    Membership,
    SignInAttempt,
    TeamSecret,
    TeamSetting,
    WebSession,
)

from ._passwords import hash_password, verify_password

if TYPE_CHECKING:
    from mlprep.store import Store

__all__ = [
    "LINK_DAYS",
    "SESSION_HOURS",
    "Accounts",
    "SignInRefused",
    "learner_name",
    "normal_email",
]

SESSION_HOURS = 12  # a working day: a shared machine forgets the learner by the next one
LINK_DAYS = 7
# Throttling: failures counted over a sliding window, per login and per address.
THROTTLE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_LOGIN = 5
MAX_FAILURES_PER_ADDRESS = 30


class SignInRefused(UsageError):
    """Wrong name or password, or too many failures: one message for both kinds of wrong."""

    def __init__(self, message: str, *, throttled: bool = False) -> None:
        super().__init__(message)
        self.throttled = throttled


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normal_email(email: str) -> str:
    value = email.strip().lower()
    if (
        not value
        or "@" not in value.strip("@")
        or len(value) > 254
        or any(c.isspace() for c in value)
    ):
        raise UsageError(f"'{email.strip()}' is not an email address")
    return value


def _normal_name(name: str) -> str:
    value = " ".join(name.split())
    if not value:
        raise UsageError("a name cannot be empty")
    if len(value) > 100:
        raise UsageError("a name can be at most 100 characters long")
    return value


def learner_name(account_id: int) -> str:
    """The ``learner`` row an account owns (its attempts, notes, drafts, mocks)."""
    return f"account-{account_id}"


@dataclass(frozen=True)
class Link:
    """A one-time link just made: the token goes in the URL, once, and nowhere else."""

    token: str
    account: Account
    purpose: str
    expires_at: datetime

    def path(self) -> str:
        return f"/welcome/{self.token}"


class Accounts:
    """Who may sign in, and their sessions, over one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- the team itself ---------------------------------------------------------------

    def initialised(self) -> bool:
        with self.store.transaction() as s:
            return s.get(TeamSecret, 1) is not None

    def secret_key(self) -> str:
        """The key that signs session cookies (made by ``init``)."""
        with self.store.transaction() as s:
            row = s.get(TeamSecret, 1)
            if row is None:
                raise UsageError("this database has no team yet: run `mlprep team init` first")
            return row.key

    def grader(self) -> str:
        """The written-answer grader the team's coach chose ("default" until one did)."""
        with self.store.transaction() as s:
            row = s.get(TeamSetting, "grader")
            return row.value if row is not None else "default"

    def set_grader(self, name: str) -> None:
        """Choose the team's grader: every server process grades with it from now on."""

        def work() -> None:
            with self.store.transaction() as s:
                row = s.get(TeamSetting, "grader", with_for_update=True)
                if row is None:
                    s.add(TeamSetting(name="grader", value=name, updated_at=utcnow()))
                else:
                    row.value, row.updated_at = name, utcnow()

        # Two coaches saving at once can both find no row: the second insert is
        # refused by the key, and its one retry updates the first one's row.
        self.store.atomically(work)

    def init(self, email: str, name: str, now: datetime | None = None) -> Link:
        """Set up team mode: the signing key and the first coach, with a sign-in link."""

        def work() -> Link:
            with self.store.transaction() as s:
                if s.get(TeamSecret, 1) is not None:
                    raise UsageError(
                        "this database already has a team; a coach can invite more people "
                        "(`mlprep team invite`) or issue a link (`mlprep team link`)"
                    )
                s.add(TeamSecret(id=1, key=secrets.token_urlsafe(48), created_at=now or utcnow()))
            account = self.create(email, name, "coach", now=now)
            return self.issue_link(account.id, "invite", created_by=None, now=now)

        return self.store.atomically(work)

    # -- accounts ----------------------------------------------------------------------

    def create(self, email: str, name: str, role: str, now: datetime | None = None) -> Account:
        """A new account without a password (its invitation link sets one)."""
        if role not in ("learner", "coach"):
            raise UsageError(f"unknown role '{role}': learner or coach")
        email, name = normal_email(email), _normal_name(name)
        when = now or utcnow()
        with self.store.transaction() as s:
            if s.scalar(select(Account.id).where(Account.email == email)) is not None:
                raise UsageError(f"there is already an account for {email}")
            if s.scalar(select(Account.id).where(Account.name == name)) is not None:
                raise UsageError(f"there is already an account named '{name}'")
            # The learner row is renamed to account-<id> once the id is known.
            learner = Learner(name=f"account-new-{secrets.token_hex(8)}", created_at=when)
            s.add(learner)
            s.flush()
            account = Account(
                email=email,
                name=name,
                role=role,
                password_hash=None,
                learner_id=learner.id,
                created_at=when,
                disabled=False,
            )
            s.add(account)
            s.flush()
            learner.name = learner_name(account.id)
            return account

    def get(self, account_id: int) -> Account | None:
        with self.store.transaction() as s:
            return s.get(Account, account_id)

    def find(self, login: str) -> Account | None:
        """The account with this email or name (sign-in takes either)."""
        value = login.strip()
        with self.store.transaction() as s:
            return s.scalar(
                select(Account).where(
                    (Account.email == value.lower()) | (Account.name == " ".join(value.split()))
                )
            )

    def all(self) -> list[Account]:
        with self.store.transaction() as s:
            return list(s.scalars(select(Account).order_by(Account.name)))

    def set_password(self, account_id: int, password: str) -> None:
        hashed = hash_password(password)
        with self.store.transaction() as s:
            account = s.get(Account, account_id)
            if account is None:
                raise UsageError(f"no account with id {account_id}")
            account.password_hash = hashed
            s.execute(delete(WebSession).where(WebSession.account_id == account_id))

    # -- one-time links ----------------------------------------------------------------

    def issue_link(
        self,
        account_id: int,
        purpose: str,
        *,
        created_by: int | None,
        now: datetime | None = None,
    ) -> Link:
        """A new invitation or reset link; earlier unused links of the account stop working."""
        when = now or utcnow()
        token = secrets.token_urlsafe(32)
        with self.store.transaction() as s:
            account = s.get(Account, account_id)
            if account is None:
                raise UsageError(f"no account with id {account_id}")
            s.execute(
                delete(AccessLink).where(
                    AccessLink.account_id == account_id, AccessLink.used_at.is_(None)
                )
            )
            expires = when + timedelta(days=LINK_DAYS)
            s.add(
                AccessLink(
                    token_sha256=digest(token),
                    account_id=account_id,
                    purpose=purpose,
                    created_by=created_by,
                    created_at=when,
                    expires_at=expires,
                )
            )
            return Link(token, account, purpose, expires)

    def link_account(self, token: str, now: datetime | None = None) -> Account | None:
        """The account a link is for, while it is unused and unexpired."""
        when = now or utcnow()
        with self.store.transaction() as s:
            return s.scalar(
                select(Account)
                .join(AccessLink, AccessLink.account_id == Account.id)
                .where(
                    AccessLink.token_sha256 == digest(token),
                    AccessLink.used_at.is_(None),
                    AccessLink.expires_at > when,
                    Account.disabled.is_(False),
                )
            )

    def use_link(self, token: str, password: str, now: datetime | None = None) -> Account:
        """Set the password through a link, using it up (one transaction)."""
        when = now or utcnow()
        hashed = hash_password(password)
        with self.store.transaction() as s:
            link = s.scalar(select(AccessLink).where(AccessLink.token_sha256 == digest(token)))
            used = s.execute(
                update(AccessLink)
                .where(
                    AccessLink.token_sha256 == digest(token),
                    AccessLink.used_at.is_(None),
                    AccessLink.expires_at > when,
                )
                .values(used_at=when)
            )
            if link is None or getattr(used, "rowcount", 0) != 1:
                raise UsageError(
                    "this link has expired or was already used; ask your coach for a new one"
                )
            account = s.get(Account, link.account_id)
            assert account is not None  # the foreign key
            if account.disabled:
                raise UsageError("this account is disabled")
            account.password_hash = hashed
            s.execute(delete(WebSession).where(WebSession.account_id == account.id))
            return account

    # -- sign-in and sessions ------------------------------------------------------------

    def sign_in(
        self, login: str, password: str, address: str, now: datetime | None = None
    ) -> tuple[Account, str]:
        """Check a password and open a session: the account and the session's token."""
        when = now or utcnow()
        key = login.strip().lower()[:254]
        address = address[:64]
        since = when - THROTTLE_WINDOW
        with self.store.transaction() as s:
            by_login = s.scalar(
                select(func.count())
                .select_from(SignInAttempt)
                .where(SignInAttempt.login == key, SignInAttempt.at > since)
            )
            by_address = s.scalar(
                select(func.count())
                .select_from(SignInAttempt)
                .where(SignInAttempt.address == address, SignInAttempt.at > since)
            )
        if (by_login or 0) >= MAX_FAILURES_PER_LOGIN or (
            by_address or 0
        ) >= MAX_FAILURES_PER_ADDRESS:
            minutes = int(THROTTLE_WINDOW.total_seconds() // 60)
            raise SignInRefused(
                f"too many failed sign-ins; wait {minutes} minutes or ask your coach "
                "for a password-reset link",
                throttled=True,
            )
        account = self.find(login)
        good = verify_password(account.password_hash if account else None, password)
        if account is None or not good or account.disabled:
            with self.store.transaction() as s:
                s.add(SignInAttempt(login=key, address=address, at=when))
            raise SignInRefused("that name or password is not right")
        token = secrets.token_urlsafe(32)
        with self.store.transaction() as s:
            s.execute(delete(SignInAttempt).where(SignInAttempt.login == key))
            s.execute(delete(WebSession).where(WebSession.expires_at <= when))
            s.add(
                WebSession(
                    token_sha256=digest(token),
                    account_id=account.id,
                    created_at=when,
                    expires_at=when + timedelta(hours=SESSION_HOURS),
                )
            )
        return account, token

    def session_account(self, token: str, now: datetime | None = None) -> Account | None:
        when = now or utcnow()
        with self.store.transaction() as s:
            return s.scalar(
                select(Account)
                .join(WebSession, WebSession.account_id == Account.id)
                .where(
                    WebSession.token_sha256 == digest(token),
                    WebSession.expires_at > when,
                    Account.disabled.is_(False),
                )
            )

    def sign_out(self, token: str) -> None:
        with self.store.transaction() as s:
            s.execute(delete(WebSession).where(WebSession.token_sha256 == digest(token)))

    # -- who is in which cohort ------------------------------------------------------------

    def coached_cohorts(self, account_id: int) -> list[int]:
        with self.store.transaction() as s:
            query = select(Membership.cohort_id).where(
                Membership.account_id == account_id, Membership.role == "coach"
            )
            return list(s.scalars(query))
