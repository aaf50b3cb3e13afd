"""Page latency under load: wrk, 20 concurrent connections on loopback, per page.

    .venv/bin/python bench/web_pages.py [--seconds 10]

Starts `mlprep serve` on a free port with a temporary MLPREP_HOME (seeded with a dozen
graded answers and a finished mock), runs wrk against each page and prints p50/p95/p99
and requests per second as a Markdown table. Needs Debian's `wrk`.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from web_common import running_server

PAGES = [
    "/",
    "/?category=coding&difficulty=easy",
    "/q/bias-variance",
    "/q/k-means",
    "/practice",
    "/mock",
    "/progress",
    "/settings",
    "/static/vendor/htmx.min.js",
]

# --uncached: every request gets a unique query parameter, so the page cache never hits
# and each request renders the page from the database (the worst case).
UNIQUE = """
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end
counter = 0
request = function()
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "_=" .. thread_id .. "_" .. counter)
end
"""

REPORT = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT p50=%d p95=%d p99=%d max=%d requests=%d errors=%d seconds=%f\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout, summary.duration / 1e6))
end
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--uncached", action="store_true", help="defeat the page cache")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write((UNIQUE if args.uncached else "") + REPORT)
    rows = []
    with running_server() as url:
        for page in PAGES:
            out = subprocess.run(
                [
                    "wrk",
                    f"-t{min(4, args.connections)}",
                    f"-c{args.connections}",
                    f"-d{args.seconds}s",
                    "--timeout",
                    "5s",
                    "-s",
                    script.name,
                    url + page,
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            found = re.search(r"RESULT (.*)", out)
            assert found, out
            values = dict(kv.split("=") for kv in found.group(1).split())
            rps = int(values["requests"]) / float(values["seconds"])
            rows.append(
                (
                    page,
                    *(int(values[k]) / 1000 for k in ("p50", "p95", "p99", "max")),
                    rps,
                    int(values["errors"]),
                )
            )
    print(
        f"{'uncached' if args.uncached else 'cached'}, {args.connections} connections, "
        f"{args.seconds} s per page\n"
    )
    print("| page | p50 ms | p95 ms | p99 ms | max ms | req/s | errors |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for page, p50, p95, p99, top, rps, errors in rows:
        print(
            f"| `{page}` | {p50:.1f} | {p95:.1f} | {p99:.1f} | {top:.1f} | {rps:.0f} | {errors} |"
        )


if __name__ == "__main__":
    main()
