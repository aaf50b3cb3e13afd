"""Team mode's core on a real database (SQLite and a throwaway PostgreSQL server)."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from mlprep._core import Mlprep
from mlprep.errors import StoreError, UsageError
from mlprep.store import AttemptInput
from mlprep.team import (
    PASTE_MIN_CHARS,
    Accounts,
    Assignments,
    AssignmentSpec,
    Cohorts,
    SignInRefused,
    gradebook,
    gradebook_csv,
    learner_name,
    looks_pasted,
    override_grade,
    overrides_export,
    question_stats,
    resolve_questions,
    results_sealed,
)
from mlprep.team._cohorts import NotYours

PASSWORD = "correct horse battery"
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _team(core: Mlprep) -> tuple[Accounts, object]:
    accounts = Accounts(core.store)
    link = accounts.init("Coach@Example.org", "Ada Coach", now=NOW)
    accounts.use_link(link.token, PASSWORD, now=NOW)
    return accounts, link.account


def test_init_makes_a_coach_whose_link_works_once(core: Mlprep) -> None:
    accounts = Accounts(core.store)
    link = accounts.init("Coach@Example.org", "Ada Coach", now=NOW)
    assert link.account.role == "coach" and link.account.email == "coach@example.org"
    assert accounts.link_account(link.token, now=NOW) is not None
    with pytest.raises(UsageError, match="already has a team"):
        accounts.init("other@example.org", "Other", now=NOW)
    accounts.use_link(link.token, PASSWORD, now=NOW)
    with pytest.raises(UsageError, match="expired or was already used"):
        accounts.use_link(link.token, "another password!", now=NOW)
    # Only the digest is stored: the token itself is nowhere in the database.
    with core.store.engine.connect() as conn:
        stored = [r[0] for r in conn.execute(text("SELECT token_sha256 FROM access_link"))]
    assert stored and link.token not in stored


def test_links_expire_and_a_new_one_replaces_the_old(core: Mlprep) -> None:
    accounts = Accounts(core.store)
    first = accounts.init("c@example.org", "Coach", now=NOW)
    later = NOW + timedelta(days=8)
    assert accounts.link_account(first.token, now=later) is None
    with pytest.raises(UsageError, match="expired"):
        accounts.use_link(first.token, PASSWORD, now=later)
    second = accounts.issue_link(first.account.id, "reset", created_by=None, now=NOW)
    assert accounts.link_account(first.token, now=NOW) is None  # replaced
    assert accounts.use_link(second.token, PASSWORD, now=NOW).id == first.account.id


def test_sign_in_by_email_or_name_and_sign_out(core: Mlprep) -> None:
    accounts, coach = _team(core)
    by_email, token = accounts.sign_in("COACH@example.org ", PASSWORD, "127.0.0.1")
    by_name, _other = accounts.sign_in("Ada Coach", PASSWORD, "127.0.0.1")
    assert by_email.id == by_name.id == coach.id  # type: ignore[attr-defined]
    assert accounts.session_account(token) is not None
    accounts.sign_out(token)
    assert accounts.session_account(token) is None


def test_sessions_expire(core: Mlprep) -> None:
    accounts, _coach = _team(core)
    _account, token = accounts.sign_in("Ada Coach", PASSWORD, "a", now=NOW)
    assert accounts.session_account(token, now=NOW + timedelta(hours=11)) is not None
    assert accounts.session_account(token, now=NOW + timedelta(hours=13)) is None


def test_failed_sign_ins_are_throttled_per_login(core: Mlprep) -> None:
    accounts, _coach = _team(core)
    for _ in range(5):
        with pytest.raises(SignInRefused) as refused:
            accounts.sign_in("Ada Coach", "wrong password", "10.0.0.1", now=NOW)
        assert not refused.value.throttled
    # Now even the right password is refused, from any address, until the window passes.
    with pytest.raises(SignInRefused) as refused:
        accounts.sign_in("Ada Coach", PASSWORD, "10.0.0.2", now=NOW)
    assert refused.value.throttled
    accounts.sign_in("Ada Coach", PASSWORD, "10.0.0.2", now=NOW + timedelta(minutes=16))


def test_failed_sign_ins_are_throttled_per_address(core: Mlprep) -> None:
    """Thirty failures from one address, each on another login, close that address."""
    from mlprep.team._accounts import MAX_FAILURES_PER_ADDRESS

    accounts, _coach = _team(core)
    for n in range(MAX_FAILURES_PER_ADDRESS):
        with pytest.raises(SignInRefused) as refused:
            accounts.sign_in(f"guess{n}@example.org", "wrong password", "10.9.9.9", now=NOW)
        assert not refused.value.throttled
    with pytest.raises(SignInRefused) as refused:
        accounts.sign_in("Ada Coach", PASSWORD, "10.9.9.9", now=NOW)
    assert refused.value.throttled
    accounts.sign_in("Ada Coach", PASSWORD, "10.9.9.8", now=NOW)  # another address
    accounts.sign_in("Ada Coach", PASSWORD, "10.9.9.9", now=NOW + timedelta(minutes=16))


def test_passwords_are_stored_as_argon2id_hashes(core: Mlprep) -> None:
    _team(core)
    with core.store.transaction() as s:
        stored = s.execute(text("SELECT password_hash FROM account")).scalars().all()
    assert len(stored) == 1 and stored[0].startswith("$argon2id$")
    assert PASSWORD not in stored[0]


def test_a_reset_signs_out_every_session(core: Mlprep) -> None:
    accounts, coach = _team(core)
    _a, token = accounts.sign_in("Ada Coach", PASSWORD, "a")
    link = accounts.issue_link(coach.id, "reset", created_by=coach.id)  # type: ignore[attr-defined]
    accounts.use_link(link.token, "a brand new password")
    assert accounts.session_account(token) is None
    with pytest.raises(SignInRefused):
        accounts.sign_in("Ada Coach", PASSWORD, "a")
    accounts.sign_in("Ada Coach", "a brand new password", "a")


def test_short_passwords_are_refused(core: Mlprep) -> None:
    accounts = Accounts(core.store)
    link = accounts.init("c@example.org", "Coach", now=NOW)
    with pytest.raises(UsageError, match="at least 10"):
        accounts.use_link(link.token, "short")
    assert accounts.link_account(link.token, now=NOW) is not None  # not used up


def test_the_database_refuses_what_python_would_refuse(core: Mlprep) -> None:
    _accounts, coach = _team(core)
    statements = [
        "UPDATE account SET role = 'admin'",
        "UPDATE account SET email = 'UPPER@EXAMPLE.ORG'",
        "INSERT INTO team_secret (id, key, created_at) VALUES (2, 'k', CURRENT_TIMESTAMP)",
        "INSERT INTO grade_override (attempt_id, coach_id, score, reason, created_at) "
        "VALUES (1, 1, 1.5, 'x', CURRENT_TIMESTAMP)",
        "INSERT INTO membership (cohort_id, account_id, role, joined_at) "
        "VALUES (999, 1, 'learner', CURRENT_TIMESTAMP)",
    ]
    for statement in statements:
        with pytest.raises(StoreError), core.store.transaction() as s:
            s.execute(text(statement))
    cohort = Cohorts(core.store).create("Spring", coach)  # type: ignore[arg-type]
    with pytest.raises(StoreError), core.store.transaction() as s:
        s.execute(
            text(
                "INSERT INTO assignment (cohort_id, title, kind, selector_json, questions_json,"
                " opens_at, due_at, time_limit_min, hints_allowed, feedback_before_end,"
                " created_by, created_at) VALUES (:c, 't', 'set', '{}', '[]', :o, :d, NULL,"
                " true, true, 1, :o)"
            ),
            {"c": cohort.id, "o": NOW, "d": NOW - timedelta(days=1)},
        )


def _cohort(core: Mlprep) -> tuple[Accounts, object, int, object, object]:
    accounts, coach = _team(core)
    cohorts = Cohorts(core.store)
    cohort = cohorts.create("Spring 2026", coach)  # type: ignore[arg-type]
    joined = NOW - timedelta(days=1)
    ann = cohorts.invite(cohort.id, "ann@example.org", "Ann", coach, now=joined)  # type: ignore[arg-type]
    bob = cohorts.invite(cohort.id, "bob@example.org", "Bob", coach, now=joined)  # type: ignore[arg-type]
    assert ann.link is not None and bob.link is not None
    accounts.use_link(ann.link.token, PASSWORD, now=NOW)
    return accounts, coach, cohort.id, ann.account, bob.account


def test_a_coach_sees_only_the_cohorts_they_run(core: Mlprep) -> None:
    accounts, coach, cohort_id, ann, _bob = _cohort(core)
    other = accounts.create("other@example.org", "Other Coach", "coach")
    cohorts = Cohorts(core.store)
    assert cohorts.require_coach(coach, cohort_id).id == cohort_id  # type: ignore[arg-type]
    for who in (other, ann):
        with pytest.raises(NotYours):
            cohorts.require_coach(who, cohort_id)  # type: ignore[arg-type]
        with pytest.raises(NotYours):
            cohorts.learner_in(who, ann.id)  # type: ignore[arg-type, attr-defined]
    assert [a.name for a in cohorts.members(cohort_id)] == ["Ann", "Bob"]


def test_assignments_resolve_and_track_what_is_done(core: Mlprep) -> None:
    _accounts, coach, cohort_id, ann, _bob = _cohort(core)
    spec = AssignmentSpec(
        "Week 1",
        opens_at=NOW,
        due_at=NOW + timedelta(days=7),
        ids=("bias-variance",),
        categories=("coding",),
        difficulties=("easy",),
        limit=2,
    )
    ids = resolve_questions(core.bank, spec)
    easy_coding = sorted(
        q.id for q in core.bank if q.category.value == "coding" and q.difficulty.value == "easy"
    )
    assert ids == ["bias-variance", *easy_coding[:2]]
    made = Assignments(core.store).create(cohort_id, spec, ids, coach)  # type: ignore[arg-type]
    learner = Mlprep(bank=core.bank, store=core.store, learner=learner_name(ann.id))  # type: ignore[attr-defined]
    before = NOW - timedelta(days=1)  # an attempt before the assignment opened does not count
    learner.store.record_attempt(
        AttemptInput("bias-variance", "written", "old", score=0.9, created_at=before),
        learner=learner.learner,
    )
    mine = Assignments(core.store).for_learner(ann)  # type: ignore[arg-type]
    assert [m.assignment.id for m in mine] == [made.id] and not mine[0].done
    learner.store.record_attempt(
        AttemptInput("bias-variance", "written", "new", score=0.9, created_at=NOW),
        learner=learner.learner,
    )
    mine = Assignments(core.store).for_learner(ann)  # type: ignore[arg-type]
    assert mine[0].done == {"bias-variance"}
    assert mine[0].state(NOW + timedelta(days=8)) == "overdue"
    with pytest.raises(UsageError, match="no question matches"):
        resolve_questions(core.bank, AssignmentSpec("x", NOW, NOW, categories=("nope",)))


def test_gradebook_overrides_and_exports(core: Mlprep) -> None:
    _accounts, coach, cohort_id, ann, bob = _cohort(core)
    spec = AssignmentSpec("W", NOW, NOW + timedelta(days=7), ids=("bias-variance", "mse-mae"))
    Assignments(core.store).create(cohort_id, spec, list(spec.ids), coach)  # type: ignore[arg-type]
    store = core.store
    ann_name, bob_name = learner_name(ann.id), learner_name(bob.id)  # type: ignore[attr-defined]
    result = {
        "grader": "lexical",
        "criteria": [{"id": "c1", "text": "names the trade-off", "status": "missed"}],
    }
    weak = store.record_attempt(
        AttemptInput(
            "bias-variance",
            "written",
            "short",
            score=0.3,
            time_spent_s=60.0,
            created_at=NOW,
            result=result,
            hints_used=1,
        ),
        learner=ann_name,
    )
    pasted = "x" * (PASTE_MIN_CHARS + 50)
    store.record_attempt(
        AttemptInput(
            "bias-variance",
            "written",
            pasted,
            score=0.5,
            time_spent_s=5.0,
            created_at=NOW + timedelta(minutes=1),
            result=result,
        ),
        learner=bob_name,
    )
    override_grade(store, coach, weak.id, 0.8, "the grader missed a paraphrase")  # type: ignore[arg-type]
    book = gradebook(store, coach, cohort_id, core.bank)  # type: ignore[arg-type]
    ann_cell = book.cell(ann, "bias-variance")  # type: ignore[arg-type]
    bob_cell = book.cell(bob, "bias-variance")  # type: ignore[arg-type]
    assert ann_cell.best_score == 0.8 and ann_cell.passed and not ann_cell.pasted
    assert ann_cell.attempts[0].score == 0.3  # the machine's grade is kept
    assert bob_cell.pasted and not bob_cell.passed
    rows = list(csv.DictReader(io.StringIO(gradebook_csv(book))))
    assert len(rows) == 4  # 2 learners x 2 questions
    ann_row = next(r for r in rows if r["learner"] == "Ann" and r["question_id"] == "bias-variance")
    assert ann_row["best_score"] == "0.800" and ann_row["hints_used"] == "1"
    assert ann_row["time_spent_s"] == "60.0" and ann_row["attempts"] == "1"
    assert (ann_row["passed"], ann_row["pasted"]) == ("yes", "no")
    bob_row = next(r for r in rows if r["learner"] == "Bob" and r["question_id"] == "bias-variance")
    assert (bob_row["time_spent_s"], bob_row["pasted"], bob_row["passed"]) == ("5.0", "yes", "no")
    stats = {s["question_id"]: s for s in question_stats(book)}
    assert stats["bias-variance"]["tried"] == 2 and stats["bias-variance"]["passed"] == 1
    assert stats["bias-variance"]["most_missed"] == [("names the trade-off", 1)]
    assert stats["mse-mae"]["tried"] == 0 and stats["mse-mae"]["pass_rate"] is None
    labelled = overrides_export(store, coach)  # type: ignore[arg-type]
    assert [(r["machine_score"], r["coach_score"], r["machine_grader"]) for r in labelled] == [
        (0.3, 0.8, "lexical")
    ]
    json.dumps(labelled)  # one JSON object per line in the export


def test_a_foreign_coach_cannot_override_or_read(core: Mlprep) -> None:
    accounts, coach, cohort_id, ann, _bob = _cohort(core)
    other = accounts.create("o@example.org", "Other", "coach")
    row = core.store.record_attempt(
        AttemptInput("bias-variance", "written", "text", score=0.2),
        learner=learner_name(ann.id),  # type: ignore[attr-defined]
    )
    with pytest.raises(NotYours):
        override_grade(core.store, other, row.id, 1.0, "mine now")
    with pytest.raises(NotYours):
        gradebook(core.store, other, cohort_id)
    assert overrides_export(core.store, other) == []
    with pytest.raises(UsageError, match="reason"):
        override_grade(core.store, coach, row.id, 1.0, "  ")  # type: ignore[arg-type]


def test_a_timed_assessment_is_one_sitting(core: Mlprep) -> None:
    _accounts, coach, cohort_id, ann, _bob = _cohort(core)
    spec = AssignmentSpec(
        "Screen",
        NOW,
        NOW + timedelta(hours=2),
        ids=("mse-mae",),
        time_limit_min=45,
        hints_allowed=False,
        feedback_before_end=False,
    )
    made = Assignments(core.store).create(cohort_id, spec, ["mse-mae"], coach)  # type: ignore[arg-type]
    assignments = Assignments(core.store)
    with pytest.raises(UsageError, match="not open yet"):
        assignments.start_assessment(ann, made.id, now=NOW - timedelta(minutes=1))  # type: ignore[arg-type]
    first = assignments.start_assessment(ann, made.id, now=NOW + timedelta(minutes=90))  # type: ignore[arg-type]
    again = assignments.start_assessment(ann, made.id, now=NOW + timedelta(minutes=91))  # type: ignore[arg-type]
    assert first == again
    mock = core.store.mocks(learner=learner_name(ann.id))[0]  # type: ignore[attr-defined]
    plan = json.loads(mock.plan_json)
    assert mock.minutes == 30  # the due date cuts the 45 minutes short
    assert plan["questions"] == ["mse-mae"] and plan["hints_allowed"] is False


def test_results_are_sealed_while_an_assessment_without_feedback_runs(core: Mlprep) -> None:
    _accounts, coach, cohort_id, ann, _bob = _cohort(core)
    assignments = Assignments(core.store)
    mocks = {}
    for feedback in (False, True):
        spec = AssignmentSpec(
            f"Screen {feedback}",
            NOW,
            NOW + timedelta(hours=2),
            ids=("mse-mae",),
            time_limit_min=45,
            feedback_before_end=feedback,
        )
        made = assignments.create(cohort_id, spec, ["mse-mae"], coach)  # type: ignore[arg-type]
        mocks[feedback] = assignments.start_assessment(ann, made.id, now=NOW)  # type: ignore[arg-type]
    sealed = mocks[False]
    assert results_sealed(core.store, sealed, now=NOW + timedelta(minutes=44))
    assert not results_sealed(core.store, sealed, now=NOW + timedelta(minutes=45))  # time is up
    assert not results_sealed(core.store, mocks[True], now=NOW + timedelta(minutes=1))
    assert not results_sealed(core.store, sealed + mocks[True] + 1, now=NOW)  # no such mock
    from mlprep.store import MockSession

    with core.store.transaction() as s:
        row = s.get(MockSession, sealed)
        assert row is not None
        row.finished_at = NOW + timedelta(minutes=10)
    assert not results_sealed(core.store, sealed, now=NOW + timedelta(minutes=11))  # handed in


def test_the_teams_grader_is_one_row_every_process_reads(core: Mlprep) -> None:
    accounts, _coach = _team(core)
    assert accounts.grader() == "default"
    accounts.set_grader("lexical")
    other = Accounts(Mlprep(db=core.db_target, bank=core.bank).store)  # another process's view
    assert other.grader() == "lexical"
    other.set_grader("default")
    assert accounts.grader() == "default"
    # The table takes only the settings it knows.
    with pytest.raises(StoreError), core.store.transaction() as s:
        s.execute(text("INSERT INTO team_setting VALUES ('colour', 'red', '2026-01-01')"))
    other.store.close()


def test_paste_rule() -> None:
    assert not looks_pasted("x" * (PASTE_MIN_CHARS - 1), 0.5)
    assert looks_pasted("x" * PASTE_MIN_CHARS, 10.0)  # 20 chars/s
    assert not looks_pasted("x" * PASTE_MIN_CHARS, 20.0)  # 10 chars/s
    assert not looks_pasted("x" * 1000, None)
    assert not looks_pasted("s" * 900 + "x" * 100, 1.0, given="s" * 900)


def test_two_browsers_racing_with_one_link_cannot_both_use_it(core: Mlprep) -> None:
    import threading

    accounts = Accounts(core.store)
    link = accounts.init("c@example.org", "Coach", now=NOW)
    barrier = threading.Barrier(4)
    outcomes: list[str] = []

    def use(password: str) -> None:
        barrier.wait()
        try:
            accounts.use_link(link.token, password, now=NOW)
            outcomes.append(password)
        except UsageError:
            outcomes.append("refused")

    racers = [threading.Thread(target=use, args=(f"password number {n}",)) for n in range(4)]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join(60)
    winners = [o for o in outcomes if o != "refused"]
    assert len(outcomes) == 4 and len(winners) == 1
    accounts.sign_in("Coach", winners[0], "a")  # the one that won set the password


def test_a_coach_cannot_pull_in_another_coachs_learner_nor_see_before_joining(
    core: Mlprep,
) -> None:
    accounts, coach, _cohort_id, ann, _bob = _cohort(core)
    carl = accounts.create("carl@example.org", "Carl", "coach")
    cohorts = Cohorts(core.store)
    theirs = cohorts.create("Carl's", carl)
    with pytest.raises(UsageError, match="other coaches"):
        cohorts.invite(theirs.id, "ann@example.org", "Ann", carl)
    # Her own coach may add her to a new cohort; it sees only what came after.
    spec = AssignmentSpec("W", NOW - timedelta(days=30), NOW + timedelta(days=7), ids=("mse-mae",))
    later = cohorts.create("Next term", coach)  # type: ignore[arg-type]
    Assignments(core.store).create(later.id, spec, ["mse-mae"], coach)  # type: ignore[arg-type]
    name = learner_name(ann.id)  # type: ignore[attr-defined]
    core.store.record_attempt(
        AttemptInput("mse-mae", "coding", "before", verdict="accepted", score=1.0, created_at=NOW),
        learner=name,
    )
    cohorts.invite(later.id, "ann@example.org", "Ann", coach, now=NOW + timedelta(hours=1))  # type: ignore[arg-type]
    core.store.record_attempt(
        AttemptInput(
            "mse-mae",
            "coding",
            "after",
            verdict="wrong_answer",
            score=0.2,
            created_at=NOW + timedelta(hours=2),
        ),
        learner=name,
    )
    book = gradebook(core.store, coach, later.id)  # type: ignore[arg-type]
    assert [a.answer for a in book.cell(ann, "mse-mae").attempts] == ["after"]  # type: ignore[arg-type]
