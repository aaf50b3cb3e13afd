"""Round trip of a small submission through the web app, as the page does it.

    .venv/bin/python bench/web_submit.py [--repeat 20]

POST the answer form (CSRF token included), then poll /jobs/<id> the way the page
does until the verdict is there; the clock stops when the verdict HTML arrives. Runs
against a real `mlprep serve` (warm judge) on loopback. Reports Run (visible tests)
and Submit (all tests, recorded) for a small coding question, and a graded written
answer.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
import uuid
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from web_common import running_server

CODING = "mse-mae"
WRITTEN = "bias-variance"


def round_trip(
    client: httpx.Client, url: str, data: dict[str, str]
) -> tuple[float, float | None, str]:
    """Seconds until the verdict HTML is in hand, the judge's own ms, and the verdict."""
    started = time.perf_counter()
    response = client.post(url, data={**data, "submission": uuid.uuid4().hex})
    response.raise_for_status()
    html = response.text
    while "data-job" in html and "verdict-box" not in html:
        job = re.search(r'data-job="([^"]+)"', html).group(1)
        time.sleep(0.2)  # the page's polling delay (hx-trigger="load delay:200ms")
        html = client.get(f"/jobs/{job}").text
    elapsed = time.perf_counter() - started
    judge_ms = None
    job = re.search(r'data-job="([^"]+)"', html)
    if job:
        judge_ms = client.get(f"/jobs/{job.group(1)}.json").json()["judge_ms"]
    verdict = re.search(r'id="verdict">([^<]+)', html)
    return elapsed, judge_ms, verdict.group(1).strip() if verdict else "?"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    from mlprep.content import load_bank

    bank = load_bank()
    solution = bank.get(CODING).read("solution.py")
    answer = next(s for s in bank.get(WRITTEN).samples if s.quality == "strong").text
    with running_server(seed=False) as base, httpx.Client(base_url=base) as client:
        page = client.get(f"/q/{CODING}").text
        token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
        cases = [
            ("run (visible tests)", f"/q/{CODING}/run", {"source": solution}),
            ("submit (all tests, recorded)", f"/q/{CODING}/submit", {"source": solution}),
            ("written answer (graded, recorded)", f"/q/{WRITTEN}/submit", {"answer": answer}),
        ]
        print(
            "| request | p50 ms | p95 ms | max ms | judge p50 ms | web overhead p50 ms | verdict |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
        for name, url, data in cases:
            round_trip(client, url, {"csrf": token, **data})  # warm-up
            times, overheads, judged, verdicts = [], [], [], set()
            for _ in range(args.repeat):
                elapsed, judge_ms, verdict = round_trip(client, url, {"csrf": token, **data})
                times.append(elapsed * 1000)
                if judge_ms is not None:
                    judged.append(judge_ms)
                    overheads.append(elapsed * 1000 - judge_ms)
                verdicts.add(verdict)
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            judge = f"{statistics.median(judged):.0f}" if judged else "–"
            extra = f"{statistics.median(overheads):.0f}" if overheads else "–"
            print(
                f"| {name} | {statistics.median(times):.0f} | {p95:.0f} | {times[-1]:.0f} | "
                f"{judge} | {extra} | {', '.join(sorted(verdicts))} |"
            )


if __name__ == "__main__":
    main()
