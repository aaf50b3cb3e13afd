"""Cohorts and who is in them: the coaches who run one, and its learners.

A coach sees a cohort only through a ``coach`` membership of it; ``require_coach``
is the one check every coach page and export goes through.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from mlprep.errors import UsageError
from mlprep.store import utcnow
from mlprep.store._team_schema import Account, Cohort, Membership

from ._accounts import Accounts, Link

if TYPE_CHECKING:
    from mlprep.store import Store

__all__ = ["Cohorts", "NotYours"]


class NotYours(UsageError):
    """Asked for a cohort (or something in one) the account does not run: shown as 404."""


@dataclass(frozen=True)
class Invited:
    account: Account
    link: Link | None  # None: the person already had a password, and was only added


class Cohorts:
    def __init__(self, store: Store) -> None:
        self.store = store

    def create(self, name: str, coach: Account, now: datetime | None = None) -> Cohort:
        if coach.role != "coach":
            raise UsageError("only a coach can create a cohort")
        title = " ".join(name.split())
        if not title or len(title) > 100:
            raise UsageError("a cohort's name must be 1 to 100 characters long")
        when = now or utcnow()
        with self.store.transaction() as s:
            if s.scalar(select(Cohort.id).where(Cohort.name == title)) is not None:
                raise UsageError(f"there is already a cohort named '{title}'")
            cohort = Cohort(name=title, created_by=coach.id, created_at=when)
            s.add(cohort)
            s.flush()
            s.add(
                Membership(cohort_id=cohort.id, account_id=coach.id, role="coach", joined_at=when)
            )
            return cohort

    def require_coach(self, account: Account, cohort_id: int) -> Cohort:
        """The cohort, if ``account`` runs it; NotYours otherwise (also for no such cohort)."""
        with self.store.transaction() as s:
            cohort = s.scalar(
                select(Cohort)
                .join(Membership, Membership.cohort_id == Cohort.id)
                .where(
                    Cohort.id == cohort_id,
                    Membership.account_id == account.id,
                    Membership.role == "coach",
                )
            )
        if cohort is None or account.role != "coach":
            raise NotYours(f"there is no cohort number {cohort_id} that you run")
        return cohort

    def of(self, account: Account, role: str | None = None) -> list[Cohort]:
        """The cohorts ``account`` is in (as ``role``, when given)."""
        with self.store.transaction() as s:
            query = (
                select(Cohort)
                .join(Membership, Membership.cohort_id == Cohort.id)
                .where(Membership.account_id == account.id)
            )
            if role is not None:
                query = query.where(Membership.role == role)
            return list(s.scalars(query.order_by(Cohort.name)))

    def members(self, cohort_id: int, role: str = "learner") -> list[Account]:
        with self.store.transaction() as s:
            query = (
                select(Account)
                .join(Membership, Membership.account_id == Account.id)
                .where(Membership.cohort_id == cohort_id, Membership.role == role)
            )
            return list(s.scalars(query.order_by(Account.name)))

    def invite(
        self,
        cohort_id: int,
        email: str,
        name: str,
        by: Account,
        *,
        role: str = "learner",
        now: datetime | None = None,
    ) -> Invited:
        """Add a person to a cohort; a new account gets a one-time invitation link.

        An existing account (another cohort's learner) is only added; one that never
        chose a password gets a fresh link, since its first one may be lost.
        """
        self.require_coach(by, cohort_id)
        accounts = Accounts(self.store)
        from ._accounts import normal_email

        def work() -> Invited:
            existing = accounts.find(normal_email(email))
            account = existing or accounts.create(email, name, role, now=now)
            if existing is not None and existing.role != role and role == "coach":
                raise UsageError(f"{existing.email} is a learner's account, not a coach's")
            if existing is not None and existing.id != by.id:
                self._check_may_add(by, existing)
            with self.store.transaction() as s:
                if s.get(Membership, (cohort_id, account.id)) is not None:
                    raise UsageError(f"{account.email} is already in this cohort")
                s.add(
                    Membership(
                        cohort_id=cohort_id,
                        account_id=account.id,
                        role=role,
                        joined_at=now or utcnow(),
                    )
                )
            link = None
            if existing is None or existing.password_hash is None:
                link = accounts.issue_link(account.id, "invite", created_by=by.id, now=now)
            return Invited(account, link)

        return self.store.atomically(work)

    def _check_may_add(self, coach: Account, account: Account) -> None:
        """An existing account joins a cohort only through a coach it already works with.

        Otherwise any coach could add anyone and read their answers in a gradebook:
        a person in other coaches' cohorts only is refused (a new cohort of the same
        coach, say the next term's, is fine). The gradebook also counts only attempts
        made after the person joined the cohort.
        """
        theirs = self.of(account)
        if not theirs:
            return
        mine = {c.id for c in self.of(coach, role="coach")}
        if not mine & {c.id for c in theirs}:
            raise UsageError(
                f"{account.email} is in cohorts run by other coaches; one of their coaches "
                "can add you as a coach of a shared cohort, or they can invite them"
            )

    def learner_in(self, coach: Account, learner_id: int) -> Account:
        """A learner of one of ``coach``'s cohorts (NotYours for anyone else)."""
        with self.store.transaction() as s:
            theirs = select(Membership.cohort_id).where(
                Membership.account_id == coach.id, Membership.role == "coach"
            )
            found = s.scalar(
                select(Account)
                .join(Membership, Membership.account_id == Account.id)
                .where(
                    Account.id == learner_id,
                    Membership.role == "learner",
                    Membership.cohort_id.in_(theirs),
                )
            )
        if found is None or coach.role != "coach":
            raise NotYours(f"there is no learner number {learner_id} in your cohorts")
        return found
