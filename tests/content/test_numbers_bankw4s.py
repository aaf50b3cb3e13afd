"""Every derived figure of the system-design questions written by helper bankw4s (issue 18) is
computed here and must appear, formatted as written, in the files that print it.

Given figures (a scenario's inputs) are not checked; everything computed from them is: a figure
typed by hand that is off in its last digit fails. Each test names its question.
"""

from __future__ import annotations

import math
from statistics import NormalDist

from mlprep.content import builtin_bank_root

BANK = builtin_bank_root()

A = ("answer.md",)
ASC = ("answer.md", "samples.toml", "corpus.toml")
AR = ("answer.md", "rubric.toml")
AS = ("answer.md", "samples.toml")
ARS = ("answer.md", "rubric.toml", "samples.toml")
ARSC = ("answer.md", "rubric.toml", "samples.toml", "corpus.toml")
C = ("corpus.toml",)


def _text(qid: str, name: str) -> str:
    (folder,) = BANK.glob(f"*/{qid}")
    text = (folder / name).read_text(encoding="utf-8")
    text = text.replace("{,}", ",").replace("\\%", "%").replace("\\$", "$").replace("\\\\$", "$")
    return " ".join(text.split())  # a figure may be wrapped over two lines


def _check(qid: str, figures: list[tuple[str, tuple[str, ...]]]) -> None:
    """Each (formatted figure, files) pair: the figure occurs in every one of the files (in math,
    `= 124.8$ TFLOPS` counts as `124.8 TFLOPS`)."""
    missing = [
        (figure, name)
        for figure, files in figures
        for name in files
        if figure not in _text(qid, name) and figure not in _text(qid, name).replace("$", "")
    ]
    assert not missing, f"{qid}: derived figures not found as written: {missing}"


def test_checkout_fraud_velocity_features() -> None:
    payments_per_day, cards, days = 8_000_000, 30_000_000, 7
    ts_bytes, value_bytes = 8, 4
    raw_events = payments_per_day * days
    raw_bytes = raw_events * (ts_bytes + value_bytes)
    buckets = 60 + 24 + 7
    bucket_card = buckets * 2 * value_bytes
    decayed_card = 4 * 2 * value_bytes + ts_bytes
    hot_events = 200_000 * days
    hot_bytes = hot_events * (ts_bytes + value_bytes)
    decline_cost = 30
    big, small = 600, 40
    p_big, p_small = decline_cost / (big + decline_cost), decline_cost / (small + decline_cost)
    assert p_big < p_small
    qid = "checkout-fraud-velocity-features"
    _check(
        qid,
        [
            (f"{raw_events:,}", A),  # 56,000,000
            (f"{raw_events // 1_000_000} million", ("rubric.toml", "samples.toml")),
            (f"{raw_bytes / 1e6:.0f} MB", ARSC),  # 672 MB
            (f"{payments_per_day / cards:.2f} payments per card", A),  # 0.27
            (f"= {buckets}$ buckets", A),
            (f"{buckets} buckets", ("rubric.toml", "samples.toml")),
            (f"{bucket_card} bytes", ARSC),  # 728 bytes
            (f"{cards * bucket_card / 1e9:.2f} GB", ARSC),  # 21.84 GB
            (f"{decayed_card} bytes", ARSC),  # 40 bytes
            (f"{cards * decayed_card / 1e9:.1f} GB", ARSC),  # 1.2 GB
            (f"{hot_events:,}", A),  # 1,400,000
            (f"{hot_events / 1e6:.1f} million", ("rubric.toml", "samples.toml", "corpus.toml")),
            (f"{hot_bytes / 1e6:.1f} MB", ARSC),  # 16.8 MB
            (f"{decline_cost}/{big + decline_cost}", ("answer.md", "corpus.toml")),  # 30/630
            (f"{decline_cost}/{small + decline_cost}", ("answer.md", "corpus.toml")),  # 30/70
            (f"{p_big:.3f}", ("answer.md", "corpus.toml")),  # 0.048
            (f"{p_small:.2f}", ("answer.md", "corpus.toml")),  # 0.43
            (f"{p_big:.1%}", ARSC),  # 4.8%
            (f"{p_small:.0%}", ARSC),  # 43%
        ],
    )
    # corpus examples: expected losses at p = 0.10, and five sequential 4 ms lookups
    p = 0.10
    corpus = _text(qid, "corpus.toml")
    assert f"${p * big:.0f}" in corpus and f"${(1 - p) * decline_cost:.0f}" in corpus
    assert f"${p * small:.0f}" in corpus
    assert f"would eat {5 * 4} of the 30 ms" in corpus


def test_retail_support_assistant_economics() -> None:
    turns, system, passages, growth, answer = 5, 2_000, 3_000, 250, 200
    price_in, price_out, cached_share = 2.50 / 1e6, 10 / 1e6, 0.10
    per_turn = [system + passages + growth * (t - 1) for t in range(1, turns + 1)]
    tokens_in, tokens_out = sum(per_turn), turns * answer
    cost = tokens_in * price_in + tokens_out * price_out
    cached_tokens = turns * system
    saving = cached_tokens * price_in * (1 - cached_share)
    cost_cached = cost - saving
    month, human = 900_000, 4.50
    contained, back = 0.55, 0.20
    resolved = contained * (1 - back)
    qid = "retail-support-assistant-economics"
    _check(
        qid,
        [
            (f"{per_turn[0]:,} on the first turn", A),
            (f"{per_turn[-1]:,} on the fifth", A),
            (f"{tokens_in:,}", ("answer.md", "rubric.toml", "samples.toml", "corpus.toml")),
            (f"{tokens_out:,}", ARS),
            (f"${tokens_in * price_in:.5f}", A),  # $0.06875
            (f"${tokens_out * price_out:.2f}", A),  # $0.01
            (f"${cost:.3f}", ARSC),  # $0.079
            (f"{cached_tokens:,}", ARSC),
            (f"${saving:.4f}", A),  # $0.0225
            (f"${cost_cached:.3f}", ARSC),  # $0.056
            (f"${month * cost:,.0f}", ARSC),  # $70,875
            (f"${month * cost_cached:,.0f}", ARSC),  # $50,625
            (f"{human / cost_cached:.0f} times", ARS),  # 80 times
            (f"{resolved:.2f}", ("answer.md", "rubric.toml", "corpus.toml")),  # 0.44
            (f"{resolved:.0%}", ARSC),  # 44%
            (f"${resolved * month * human:,.0f}", ARSC),  # $1,782,000
            (f"${contained * month * human:,.0f}", ARSC),  # $2,227,500
        ],
    )
    corpus = _text(qid, "corpus.toml")
    # the corpus's worked examples: exact per-conversation costs, counts, the gap, one extra point
    assert f"${cost:.5f} to ${cost_cached:.5f}" in corpus
    assert f"{contained * month:,.0f} were contained" in corpus
    assert f"{contained * back * month:,.0f} of those" in corpus
    assert f"leaving {resolved * month:,.0f}" in corpus
    assert f"${(contained - resolved) * month * human:,.0f} a month" in corpus
    assert f"${0.01 * month * human:,.0f} a month" in corpus
    # the wrong sample prices one turn as the whole conversation, and quotes containment's savings
    samples = _text(qid, "samples.toml")
    one_turn = (system + passages) * price_in + answer * price_out
    assert f"about {one_turn * 100:.1f} cents" in samples
    assert f"about {contained * month * human / 1e6:.1f} million dollars" in samples


def test_ads_ctr_embeddings_freshness() -> None:
    impressions, ctr, keep = 4_000_000_000, 0.01, 0.02
    clicks = round(impressions * ctr)
    kept = round(impressions * (1 - ctr) * keep)
    rows = clicks + kept
    q = 0.25
    served = q / (q + (1 - q) / keep)
    logit = math.log(q / (1 - q))
    users, table_rows, dim, fbytes = 500_000_000, 2**27, 32, 4
    per_row = users / table_rows
    share = 1 - (1 - 1 / table_rows) ** (users - 1)
    table = table_rows * dim * fbytes
    vocab = 60_000_000
    qid = "ads-ctr-embeddings-freshness"
    _check(
        qid,
        [
            (f"{clicks:,}", A),
            (f"{kept:,}", A),
            (f"{rows:,}", A),
            (f"{clicks / 1e6:.0f} million clicks", ("rubric.toml", "samples.toml")),
            (f"{kept / 1e6:.1f} million", ("rubric.toml", "samples.toml")),  # 79.2 million
            (f"{rows / 1e6:.1f} million", ("rubric.toml", "samples.toml", "corpus.toml")),
            (f"{impressions * (1 - ctr) / 1e9:.2f}", ("answer.md", "samples.toml", "corpus.toml")),
            (f"{q + (1 - q) / keep:.2f}", AS),  # 37.75
            (f"{served:.4f}", ARSC),  # 0.0066
            (f"{math.log(keep):.3f}", ARSC),  # -3.912
            (f"{logit:.3f}", ("answer.md", "corpus.toml")),  # -1.099
            (f"{logit + math.log(keep):.3f}", ("answer.md", "corpus.toml")),  # -5.011
            (f"{table_rows:,}", A),
            (f"{per_row:.1f}", ARSC),  # 3.7
            (f"{share:.1%}", ARSC),  # 97.6%
            (f"{table / 1e9:.2f} GB", ARSC),  # 17.18 GB
            (f"{table / 2**30:.0f} GiB", ("answer.md", "corpus.toml")),  # 16 GiB
            (f"{2 * table / 1e9:.2f} GB", ARSC),  # 34.36 GB
            (f"{vocab * dim * fbytes * 2 / 1e9:.2f} GB", ASC),  # 15.36 GB
        ],
    )
    corpus = _text(qid, "corpus.toml")
    assert f"about {per_row - 1:.1f} other ids" in corpus  # a user's row-mates
    assert f"{table_rows * dim / 1e9:.1f} billion floats" in corpus
    assert f"{served:.2%}" == "0.66%" and "0.66%" in corpus
    assert f"{0.25 / 0.75:.4f}" == "0.3333" and "odds of 1/3 by 50" in corpus


def test_feature_store_point_in_time() -> None:
    users, user_kb, restaurants, rest_kb, replicas = 30_000_000, 1, 400_000, 2, 3
    user_gb = users * user_kb * 1_000 / 1e9
    rest_gb = restaurants * rest_kb * 1_000 / 1e9
    total_gb = user_gb + rest_gb
    rps, per_request = 15_000, 200
    lookups = rps * (1 + per_request)
    local = per_request / (1 + per_request)
    # the as-of join on availability time, from the prompt's table (hours since Monday 00:00)
    table = [(14, 5), (16, 24 + 5), (25, 48 + 5)]  # (value, available from)
    evening, early = 24 + 19 + 5 / 60, 24 + 3.5

    def as_of(t: float) -> int:
        return max((avail, v) for v, avail in table if avail <= t)[1]

    assert (as_of(evening), as_of(early)) == (16, 14)
    qid = "feature-store-point-in-time"
    _check(
        qid,
        [
            (f"{user_gb:.0f} GB", ("answer.md", "samples.toml", "corpus.toml")),
            (f"{rest_gb:.1f} GB", ARSC),  # 0.8 GB
            (f"{total_gb:.1f} GB", ARSC),  # 30.8 GB
            (f"{total_gb * replicas:.1f} GB", ARSC),  # 92.4 GB
            (f"{lookups:,}", ARSC),  # 3,015,000
            (f"{1 + per_request}", ASC),
            (f"{local:.1%}", ARSC),  # 99.5%
            (f"**{as_of(evening)} min**", A),
            (f"**{as_of(early)} min**", A),
            (f"{as_of(evening)} min", ("rubric.toml", "samples.toml")),
            (f"{as_of(early)} min", ("rubric.toml", "samples.toml")),
        ],
    )


def test_data_parallel_allreduce_checkpoints() -> None:
    params, gpus, seqs, seq_len = 1.3e9, 64, 8, 2_048
    peak, mfu, bw = 312e12, 0.40, 12.5e9
    tokens = seqs * seq_len
    flops = 6 * params * tokens
    compute = flops / (mfu * peak)
    grad = params * 2
    ring = 2 * (gpus - 1) / gpus * grad
    comm = ring / bw
    serial = compute / (compute + comm)
    backward = compute * 2 / 3
    assert backward > comm  # the overlap claim
    accum = 4 * compute / (4 * compute + comm)
    batch64, batch256 = gpus * tokens, 256 * tokens
    comm256 = 2 * 255 / 256 * grad / bw
    fp32 = 2 * (gpus - 1) / gpus * params * 4 / bw
    pause, mtbf = 60, 8 * 3_600
    t_opt = math.sqrt(2 * pause * mtbf)
    overhead = pause / t_opt + t_opt / (2 * mtbf)
    every4h = pause / (4 * 3_600) + 4 * 3_600 / (2 * mtbf)
    mtbf256 = mtbf * gpus / 256
    t256 = math.sqrt(2 * pause * mtbf256)
    over256 = pause / t256 + t256 / (2 * mtbf256)
    t_async = math.sqrt(2 * 5 * mtbf)
    over_async = 5 / t_async + t_async / (2 * mtbf)
    qid = "data-parallel-allreduce-checkpoints"
    _check(
        qid,
        [
            (f"{tokens:,}", AS),  # 16,384
            (f"{flops:.3e}".replace("e+14", " \\times 10^{14}"), A),  # 1.278 x 10^14
            (f"{flops:.3e}".replace("+", ""), ("samples.toml", "corpus.toml")),  # 1.278e14
            (f"{mfu * peak / 1e12:.1f} TFLOPS", ("answer.md", "samples.toml", "corpus.toml")),
            (f"{compute:.3f} s", ARS),  # 1.024 s
            (f"{grad / 1e9:.1f} GB", ARSC),  # 2.6 GB
            (f"{ring / 1e9:.2f} GB", ARSC),  # 5.12 GB
            (f"{comm:.2f} s", ARSC),  # 0.41 s
            (f"{compute + comm:.2f} s", ("answer.md", "samples.toml", "corpus.toml")),  # 1.43 s
            (f"{serial:.1%}", ARSC),  # 71.4%
            (f"{backward:.2f} s", ARSC),  # 0.68 s
            (f"{fp32:.2f} s", A),  # 0.82 s
            (f"{4 * compute:.3f}", ("answer.md", "samples.toml", "corpus.toml")),  # 4.096
            (f"{accum:.1%}", ARSC),  # 90.9%
            (f"{batch64:,}", ARSC),  # 1,048,576
            (f"{batch256:,}", ARSC),  # 4,194,304
            (f"{comm256:.3f} s", ARSC),  # 0.414 s
            (f"{mtbf:,}", ARSC),  # 28,800
            (f"{t_opt:,.0f} s", ARSC),  # 1,859 s
            (f"{t_opt / 60:.0f} minutes", ARSC),  # 31 minutes
            (f"{overhead:.1%}", ARSC),  # 6.5%
            (f"{pause / t_opt:.1%}", ("answer.md", "corpus.toml")),  # 3.2%
            (f"{every4h:.1%}", ("answer.md", "corpus.toml")),  # 25.4%
            (f"M = {mtbf256 / 3_600:.0f}", ("answer.md", "rubric.toml", "samples.toml")),
            (f"{t256:.0f} s", ARSC),  # 930 s
            (f"{t256 / 60:.1f} minutes", ("answer.md", "rubric.toml")),  # 15.5 minutes
            (f"{over256:.1%}", ARSC),  # 12.9%
            (f"{t_async:.0f} s", ARSC),  # 537 s
            (f"{t_async / 60:.0f} minutes", A),  # 9 minutes
            (f"{over_async:.1%}", ARSC),  # 1.9%
        ],
    )
    corpus = _text(qid, "corpus.toml")
    assert f"{2 * 63 / 64:.2f} at 64 GPUs and {2 * 255 / 256:.2f} at 256" in corpus
    assert f"{(t_opt / 2) / 60:.0f} minutes of redone work" in corpus
    assert f"almost {1 - serial:.0%} of the time" in corpus


def test_multi_tenant_lora_platform() -> None:
    rank, d, kv, ff, layers, base = 16, 4_096, 1_024, 14_336, 32, 8e9
    mats = {"q": (d, d), "k": (d, kv), "v": (d, kv), "o": (d, d)}
    mats |= {"gate": (d, ff), "up": (d, ff), "down": (ff, d)}
    lora = {k: rank * (a + b) for k, (a, b) in mats.items()}
    per_layer = sum(lora.values())
    adapter = per_layer * layers
    adapter_bytes = adapter * 2
    customers = 300
    tokens = 20_000_000 * 3
    flops = 4 * base * tokens
    seconds = flops / (0.4 * 312e12)
    qid = "multi-tenant-lora-platform"
    _check(
        qid,
        [
            (f"{lora['q']:,}", ("answer.md", "samples.toml")),  # 131,072
            (f"{lora['k']:,}", ASC),  # 81,920
            (f"{lora['gate']:,}", ASC),  # 294,912
            (f"{per_layer:,}", ARSC),  # 1,310,720
            (f"{adapter:,}", ARSC),  # 41,943,040
            (f"{adapter / base:.2%}", ARSC),  # 0.52%
            (f"{adapter_bytes:,}", AR),  # 83,886,080
            (f"{adapter_bytes / 2**20:.0f} MiB", A),  # 80 MiB
            (f"{adapter_bytes / 1e6:.0f} MB", ARSC),  # 84 MB
            (f"{customers * adapter_bytes / 1e9:.1f} GB", ARSC),  # 25.2 GB
            (f"{customers * base * 2 / 1e12:.1f} TB", ARSC),  # 4.8 TB
            (f"{base * 16 / 1e9:.0f} GB", ARSC),  # 128 GB
            (f"{adapter * 16 / 1e9:.2f} GB", ARSC),  # 0.67 GB
            (f"{base * 0.5 / 1e9:.0f} GB", ("answer.md", "samples.toml")),  # 4 GB (4-bit base)
            (f"{tokens / 1e6:.0f} million tokens", ("answer.md", "samples.toml")),
            (f"{flops:.2e}".replace("e+18", "e18"), ("samples.toml", "corpus.toml")),  # 1.92e18
            (f"{flops / 1e18:.2f} \\times 10^{{18}}", A),
            (f"{seconds:,.0f} s", ("answer.md", "corpus.toml")),  # 15,385 s
            (f"{seconds / 3_600:.1f} GPU-hours", ARSC),  # 4.3
            (f"{customers * seconds / 3_600:,.0f} GPU-hours", ARSC),  # 1,282
            (f"{20e9 / adapter_bytes:.0f}", ARSC),  # 238 adapters in 20 GB
            (f"{adapter_bytes / 25e9 * 1e3:.1f} ms", ASC),  # 3.4 ms over PCIe
        ],
    )
    # the corpus's wrong-size contradictions use ten times the rounded size, on purpose
    wrong_mb = 10 * round(adapter_bytes / 1e6)
    corpus = _text(qid, "corpus.toml")
    assert (
        f"about {wrong_mb} MB" in corpus and f"need {customers * wrong_mb / 1e3:.0f} GB" in corpus
    )
    assert f"Only about {20e9 / (wrong_mb * 1e6):.0f} adapters" in corpus


def _ks_c(alpha: float) -> float:
    """The large-sample two-sample KS constant: reject when D > c(alpha) sqrt((n+m)/(nm))."""
    return math.sqrt(-math.log(alpha / 2) / 2)


def test_model_fleet_drift_alerting() -> None:
    checks, alpha = 120 * 50, 0.01
    false_alerts = checks * alpha
    quiet = (1 - alpha) ** checks
    assert quiet < 1e-20  # "essentially zero"
    bonf = 0.05 / checks
    any_false_bonf = 1 - (1 - bonf) ** checks
    n, m = 1_000_000, 2_000_000
    scale = math.sqrt((n + m) / (n * m))
    d_crit, d_bonf = _ks_c(alpha) * scale, _ks_c(bonf) * scale
    qid = "model-fleet-drift-alerting"
    _check(
        qid,
        [
            (f"{checks:,}", ARSC),  # 6,000
            (f"about **{false_alerts:.0f} false alerts a day**", A),
            (f"about {false_alerts:.0f} false alerts a day", ("rubric.toml",)),
            (f"{false_alerts:.0f} false alerts", ("samples.toml", "corpus.toml")),
            (f"{bonf * 1e6:.1f}", ARSC),  # 8.3 (x 10^-6)
            (f"{any_false_bonf:.1%}", AS),  # 4.9%
            (f"{scale:.5f}", AS),  # 0.00122
            (f"{_ks_c(alpha):.2f}", ("answer.md", "hints.md", "samples.toml", "corpus.toml")),
            (f"c(0.01) = \\sqrt{{-\\ln({alpha / 2:g})/2}} \\approx {_ks_c(alpha):.2f}", A),
            (f"{d_crit:.4f}", ARS),  # 0.0020
            (f"{d_crit:.3f}", ("rubric.toml", "corpus.toml")),  # 0.002
            (f"{d_crit * 100:.1f} percentage points", A),  # 0.2
            (f"{_ks_c(bonf):.2f}", A),  # 2.49
            (f"{d_bonf:.4f}", ARS),  # 0.0030
            (f"{d_bonf:.3f}", ("corpus.toml",)),  # 0.003
        ],
    )


def test_rag_wrong_answers_triage() -> None:
    failures = {"retrieval": 58, "ranking": 46, "generation": 64, "unanswerable": 32}
    total = sum(failures.values())
    assert total == 200
    share = {k: v / total for k, v in failures.items()}
    upstream = share["retrieval"] + share["ranking"]
    ranks = {"1": 180, "2-5": 64, "6-50": 100, "missed": 56}
    n = sum(ranks.values())
    assert n == 400
    r1 = ranks["1"] / n
    r5 = (ranks["1"] + ranks["2-5"]) / n
    r50 = (ranks["1"] + ranks["2-5"] + ranks["6-50"]) / n
    qid = "rag-wrong-answers-triage"
    _check(
        qid,
        [
            *[(f"{v:.0%}", ("answer.md", "rubric.toml", "samples.toml")) for v in share.values()],
            (f"{upstream:.0%}", ARSC),  # 52%
            (f"{1 - share['generation']:.0%} of the wrong answers", ("corpus.toml",)),  # 68%
            (f"{r1:.2f}", ARSC),  # 0.45
            (f"{r5:.2f}", ARSC),  # 0.61
            (f"{r50:.2f}", ARSC),  # 0.86
            (f"{(r50 - r5) * 100:.0f} points", ARSC),  # 25 points
            (f"{ranks['1'] + ranks['2-5']}/400", ("samples.toml", "corpus.toml")),
            (f"{n - ranks['missed']}/400", ("samples.toml", "corpus.toml")),
            (f"{1 - r50:.0%} never reach", A),  # 14%
        ],
    )
    corpus = _text(qid, "corpus.toml")
    assert (
        f"for {n - ranks['missed']} of the 400 questions instead of {ranks['1'] + ranks['2-5']}"
        in corpus
    )


def test_moderation_llm_cascade() -> None:
    posts, prevalence = 50_000_000, 0.01
    llm_cost, screen_cost = 0.002, 0.00001
    llm_recall, llm_precision, passed, screen_recall = 0.90, 0.80, 0.06, 0.95
    violating = posts * prevalence
    all_llm = posts * llm_cost
    to_llm = passed * posts
    cascade = posts * screen_cost + to_llm * llm_cost
    cascade_recall = screen_recall * llm_recall
    caught_all, caught_cascade = violating * llm_recall, violating * cascade_recall
    extra = caught_all - caught_cascade
    per_extra = (all_llm - cascade) / extra
    below = posts * (1 - passed)
    missed = violating * (1 - screen_recall)
    in_sample = 20_000 * missed / below
    flags = caught_cascade / llm_precision
    qid = "moderation-llm-cascade"
    _check(
        qid,
        [
            (f"{violating:,.0f}", ("answer.md", "hints.md", "samples.toml")),  # 500,000
            (f"${all_llm:,.0f}", ARSC),  # $100,000
            (f"${posts * screen_cost:,.0f}", ("answer.md", "samples.toml")),  # $500
            (f"{to_llm:,.0f}", A),  # 3,000,000
            (f"${to_llm * llm_cost:,.0f}", ("answer.md", "samples.toml")),  # $6,000
            (f"${cascade:,.0f}", ARSC),  # $6,500
            (f"{cascade_recall:.3f}", ARSC),  # 0.855
            (f"{cascade_recall:.1%}", ("corpus.toml",)),  # 85.5%
            (f"{caught_all:,.0f}", ARSC),  # 450,000
            (f"{caught_cascade:,.0f}", ARSC),  # 427,500
            (f"{extra:,.0f}", ("answer.md", "samples.toml", "corpus.toml")),  # 22,500
            (f"{cascade / all_llm:.1%} as much", A),  # 6.5%
            (f"${all_llm - cascade:,.0f}", ("answer.md", "samples.toml", "corpus.toml")),
            (f"${per_extra:.2f}", ARSC),  # $4.16
            (f"{below:,.0f}", ARS),  # 47,000,000
            (f"{missed:,.0f}", ARSC),  # 25,000
            (f"{missed / below:.3%}", ARSC),  # 0.053%
            (f"{in_sample:.1f}", ARSC),  # 10.6
            (f"{flags:,.0f}", ARSC),  # 534,375
            (f"{flags - caught_cascade:,.0f}", ARSC),  # 106,875
        ],
    )
    # corpus: a screen lifted to 98% recall, and the wrong "cascade = LLM" claims
    corpus = _text(qid, "corpus.toml")
    assert f"to about {0.98 * llm_recall:.0%} for the same" in corpus


def test_continuous_training_promotion_gates() -> None:
    n, only_new, only_prod = 20_000, 600, 480
    acc_prod, seed_sd = 0.800, 0.0025
    gain = (only_new - only_prod) / n
    assert abs(acc_prod + gain - 0.806) < 1e-12  # the prompt's 80.6% is consistent
    z = (only_new - only_prod) / math.sqrt(only_new + only_prod)
    p = 2 * (1 - NormalDist().cdf(z))
    se_unpaired = math.sqrt(2 * acc_prod * (1 - acc_prod) / n)
    z_unpaired = gain / se_unpaired
    slice_n, slice_drop = 1_600, 0.025
    canary = 0.05 * 2_000_000
    qid = "continuous-training-promotion-gates"
    _check(
        qid,
        [
            (f"{only_new + only_prod:,}", ("answer.md", "samples.toml", "corpus.toml")),
            (f"{z:.2f}", ARSC),  # 3.65
            (f"{p:.4f}", ("answer.md", "samples.toml")),  # 0.0003
            (f"{gain * 100:.1f} points", ARS),  # 0.6 points
            (f"{gain * 100:.1f}-point", ("corpus.toml",)),
            (f"{se_unpaired:.3f}", ARSC),  # 0.004
            (f"= {z_unpaired:.1f}", A),  # 1.5
            (f"z = {z_unpaired:.1f}", ("samples.toml", "corpus.toml")),
            (f"{gain / seed_sd:.1f}", ARSC),  # 2.4
            (f"about {slice_n * slice_drop:.0f} tickets", ("answer.md", "samples.toml")),
            (f"{slice_n * slice_drop:.0f} tickets", ("rubric.toml", "corpus.toml")),
            (f"{canary:,.0f}", ARSC),  # 100,000
        ],
    )


def test_llm_semantic_cache() -> None:
    questions, cost, miss_s, hit_s = 1_200_000, 0.01, 2.5, 0.05
    rows = {0.95: (0.40, 0.97), 0.90: (0.55, 0.88)}
    hits = {t: questions * h for t, (h, _) in rows.items()}
    saved = {t: hits[t] * cost for t in rows}
    wrong = {t: hits[t] * (1 - ok) for t, (_, ok) in rows.items()}
    mean = {t: h * hit_s + (1 - h) * miss_s for t, (h, _) in rows.items()}
    assert rows[0.95][0] < 0.5 < rows[0.90][0]  # the median is a miss at 0.95, a hit at 0.90
    assert all(1 - h >= 0.05 for h, _ in rows.values())  # the 95th percentile is always a miss
    extra_saved, extra_wrong = saved[0.90] - saved[0.95], wrong[0.90] - wrong[0.95]
    qid = "llm-semantic-cache"
    _check(
        qid,
        [
            *[(f"{hits[t]:,.0f}", ("answer.md", "samples.toml")) for t in rows],
            *[(f"${saved[t]:,.0f}", ARSC) for t in rows],  # $4,800, $6,600
            *[(f"{wrong[t]:,.0f}", ARSC) for t in rows],  # 14,400, 79,200
            (f"${extra_saved:,.0f}", ARSC),  # $1,800
            (f"{extra_wrong:,.0f}", ARSC),  # 64,800
            (f"${extra_saved / extra_wrong:.3f}", AS),  # $0.028
            (f"{mean[0.95]:.2f} s", ARSC),  # 1.52 s
            (f"{mean[0.90]:.2f} s", ARSC),  # 1.15 s
        ],
    )
    corpus = _text(qid, "corpus.toml")
    assert f"about {100 * extra_saved / extra_wrong:.1f} cents" in corpus  # 2.8 cents
    ratio = f"by {wrong[0.90] / wrong[0.95]:.1f} for about {saved[0.90] / saved[0.95] - 1:.1%} more"
    assert ratio in corpus  # 5.5 and 37.5%


def test_recsys_embedding_sharding() -> None:
    rows, dim, fbytes, gpus, hbm = 1_000_000_000 + 200_000_000 + 300_000_000, 128, 4, 16, 80
    features, batch, dense = 32, 65_536, 50_000_000
    tables = rows * dim * fbytes
    full_adagrad = 2 * tables
    rowwise = rows * fbytes
    with_rowwise = tables + rowwise
    fp16 = rows * dim * 2 + rowwise
    assert full_adagrad / 1e9 > gpus * hbm > with_rowwise / 1e9
    vector = dim * fbytes
    all_to_all = batch * features * vector
    lookups = batch * features
    hot = 0.05 * rows
    qid = "recsys-embedding-sharding"
    _check(
        qid,
        [
            (f"{tables / 1e9:.0f} GB", ARSC),  # 768 GB
            (f"{full_adagrad / 1e9:,.0f} GB", ARSC),  # 1,536 GB
            (f"{gpus * hbm:,} GB", ARSC),  # 1,280 GB
            (f"{rowwise / 1e9:.0f} GB", ARSC),  # 6 GB
            (f"{with_rowwise / 1e9:.0f} GB", ARSC),  # 774 GB
            (f"{with_rowwise / gpus / 1e9:.1f} GB per GPU", ARSC),  # 48.4
            (f"{fp16 / 1e9:.0f} GB", ("answer.md", "samples.toml", "corpus.toml")),  # 390 GB
            (f"{dense * 4 / 1e6:.0f} MB", ("answer.md", "samples.toml", "corpus.toml")),  # 200 MB
            (f"{vector} bytes", ("hints.md", "rubric.toml", "samples.toml", "corpus.toml")),
            (f"{all_to_all:,}", ARSC),  # 1,073,741,824
            (f"{all_to_all / 2**30:.0f} GiB", ARSC),
            (f"{lookups:,}", ARSC),  # 2,097,152
            (f"{lookups / rows:.2%}", ARSC),  # 0.14%
            (f"{hot / 1e6:.0f} million", ARSC),  # 75 million rows
            (f"{hot * dim * fbytes / 1e9:.1f} GB", ARSC),  # 38.4 GB
            (f"{hot * dim * 2 / 1e9:.1f} GB", A),  # 19.2 GB in fp16
        ],
    )
    corpus = _text(qid, "corpus.toml")
    assert f"about {hbm - with_rowwise / gpus / 1e9:.0f} GB each to spare" in corpus  # 31.6
    # the all-to-all counted per GPU (its share of the batch) is accepted beside the cluster total
    per_gpu = batch // gpus * features * vector
    _check(
        qid,
        [
            (f"{batch // gpus:,} examples", ("answer.md", "corpus.toml")),  # 4,096
            (f"{per_gpu:,} bytes", A),  # 67,108,864
            (f"{per_gpu / 2**20:.0f} MiB", ("answer.md", "rubric.toml", "corpus.toml")),  # 64
            (f"about {per_gpu / 1e6:.0f} MB", ("answer.md", "rubric.toml", "corpus.toml")),  # 67
        ],
    )


def test_retraining_cadence_cost() -> None:
    retrain, slope = 3_200, 400

    def per_day(t: float, c: float = retrain) -> float:
        return c / t + slope * t / 2

    best = math.sqrt(2 * retrain / slope)
    assert best == 4
    # counted in whole days (cost 400 t on day t = 0..T-1), the optimum is also T = 4
    whole = {t: retrain / t + slope * (t - 1) / 2 for t in range(1, 31)}
    assert min(whole, key=whole.__getitem__) == 4
    cheap = 800
    best_cheap = math.sqrt(2 * cheap / slope)
    qid = "retraining-cadence-cost"
    _check(
        qid,
        [
            (f"${slope * 10:,}", ("prompt.md",)),  # $4,000 after 10 days
            (f"{slope // 2}\\,T", A),
            (f"{slope // 2}T", ("rubric.toml", "samples.toml")),
            (f"{2 * retrain:,}/{slope}", ("corpus.toml",)),  # 6,400/400
            (f"= {best:.0f} \\text{{ days}}", A),
            (f"= {best:.0f} days", ("rubric.toml", "samples.toml")),
            (f"${per_day(best):,.0f}", ARSC),  # $1,600
            (f"${retrain / best:,.0f}", ("answer.md", "corpus.toml")),  # $800 each
            (f"${per_day(1):,.0f}", ARSC),  # $3,400
            (f"${retrain / 7:,.2f}", A),  # $457.14
            (f"${per_day(7):,.2f}", ("answer.md", "samples.toml", "corpus.toml")),  # $1,857.14
            (f"${retrain / 30:,.2f}", ("answer.md", "corpus.toml")),  # $106.67
            (f"${slope * 30 / 2:,.0f}", ("answer.md", "corpus.toml")),  # $6,000
            (f"${per_day(30):,.2f}", ("answer.md", "samples.toml", "corpus.toml")),  # $6,106.67
            (f"${per_day(30) - per_day(best):,.2f}", AS),  # $4,506.67
            (f"{per_day(7) / per_day(best) - 1:.0%} more", A),  # 16%
            (f"= {best_cheap:.0f} days", ("answer.md", "samples.toml")),
            (f"${per_day(best_cheap, cheap):,.0f}$ a day", A),
            (
                f"${per_day(best_cheap, cheap):,.0f} a day",
                ("rubric.toml", "samples.toml", "corpus.toml"),
            ),
        ],
    )
    samples = _text(qid, "samples.toml")
    assert f"{retrain / 7:,.2f} + {slope * 7 / 2:,.0f}" in samples  # 457.14 + 1,400
    assert f"{retrain / 30:,.2f} + {slope * 30 / 2:,.0f}" in samples  # 106.67 + 6,000


def test_speculative_decoding_code_completion() -> None:
    params, step_ms, draft_ms, prefill_ms, tokens = 34e9, 30, 3, 80, 40

    def per_round(alpha: float, gamma: int) -> float:
        return (1 - alpha ** (gamma + 1)) / (1 - alpha)

    def rate(alpha: float, gamma: int) -> float:
        return per_round(alpha, gamma) / (draft_ms * gamma + step_ms) * 1000

    base = 1000 / step_ms
    weights = params * 2
    before = prefill_ms + tokens * step_ms
    after = prefill_ms + tokens / rate(0.8, 4) * 1000
    assert after < 700 < before
    qid = "speculative-decoding-code-completion"
    figures: list[tuple[str, tuple[str, ...]]] = [
        (f"{weights / 1e9:.0f} GB", ARSC),  # 68 GB
        (
            f"{weights / (step_ms / 1000) / 1e12:.2f} TB/s",
            ("answer.md", "samples.toml", "corpus.toml"),
        ),
        (f"{base:.1f}", ARSC),  # 33.3
        (f"{before:,}", ARSC),  # 1,280 ms
        (f"{after:.0f}", ARSC),  # 580 ms
        (f"{tokens / rate(0.8, 4) * 1000:.0f}", ("samples.toml", "corpus.toml")),  # 500 ms
    ]
    for gamma in (2, 4, 8):
        figures += [
            (f"{per_round(0.8, gamma):.{2 if gamma == 2 else 4}f}", AS),  # 2.44, 3.3616, 4.3289
            (f"{rate(0.8, gamma):.2f}", AS),  # 67.78, 80.04, 80.17
            (f"{rate(0.5, gamma):.2f}", A),  # 48.61, 46.13, 36.96
            (f"{rate(0.5, gamma) / base:.2f}x", A),  # 1.46x, 1.38x, 1.11x
            (f"{draft_ms * gamma + step_ms} ms", A),  # 36, 42, 54 ms
        ]
    figures += [
        (f"{per_round(0.8, 4):.4f}", ARSC),  # 3.3616
        (f"{rate(0.8, 4) / base:.2f}x", A),  # 2.40x
        (f"{rate(0.8, 2) / base:.2f}x", A),  # 2.03x
        (f"{per_round(0.5, 4):.4f}", ARSC),  # 1.9375
        (f"{per_round(0.5, 2):.2f}", ("answer.md", "corpus.toml")),  # 1.75
        (f"{per_round(0.5, 8):.4f}", ("answer.md", "corpus.toml")),  # 1.9961
        (f"{rate(0.5, 4) / base:.2f}x", ARS),  # 1.38x
    ]
    _check(qid, figures)
    t2, t4, t8 = (draft_ms * g + step_ms for g in (2, 4, 8))
    assert f"rounds take {t2}, {t4} and {t8} ms" in _text(qid, "samples.toml")
    corpus = _text(qid, "corpus.toml")
    assert f"{5 * 64} token-positions" in corpus
    assert f"prefill now {prefill_ms / after:.0%} of the total" in corpus
    assert f"wasting {(8 - 2) * draft_ms} ms a round" in corpus
    assert f"from {before / 1000:.2f} s to about {after / 1000:.2f} s" in corpus


def test_account_takeover_login_risk() -> None:
    logins, rate, friction, loss, stop, block = 20_000_000, 1 / 20_000, 0.50, 1_500, 0.9, 25
    atos = logins * rate

    def day(share: float, caught: int) -> tuple[float, float, float]:
        stepped = share * logins
        fr = (stepped - caught) * friction
        lost = (atos - caught * stop) * loss
        return fr, lost, fr + lost

    a, b = day(0.01, 700), day(0.03, 850)
    band, band_atos = 0.02 * logins, 850 - 700
    break_even = friction / (stop * loss + friction)
    assert band_atos / band > break_even  # just above: B is (barely) worth it
    qid = "account-takeover-login-risk"
    _check(
        qid,
        [
            (f"{16_960 / 2:,.0f} km/h", ARSC),  # 8,480
            (f"{atos:,.0f}", ARSC),  # 1,000
            (f"${atos * loss:,.0f}", ARSC),  # $1,500,000
            (f"{0.01 * logins - 700:,.0f}", ASC),  # 199,300
            (f"{0.01 * logins:,.0f} step-ups", A),  # 200,000
            (f"{700 * stop:.0f}", ("answer.md", "corpus.toml")),  # 630 stopped
            (f"{atos - 700 * stop:.0f}", ("samples.toml", "corpus.toml")),  # 370 missed
            (f"${a[0]:,.0f}", ASC),  # $99,650
            (f"${a[1]:,.0f}", ASC),  # $555,000
            (f"${a[2]:,.0f}", ARSC),  # $654,650
            (f"{0.03 * logins - 850:,.0f}", ("answer.md", "corpus.toml")),  # 599,150
            (f"{850 * stop:.0f}", ("answer.md", "corpus.toml")),  # 765
            (f"${b[0]:,.0f}", ASC),  # $299,575
            (f"${b[1]:,.0f}", ASC),  # $352,500
            (f"${b[2]:,.0f}", ARSC),  # $652,075
            (f"${a[2] - b[2]:,.0f}", ARSC),  # $2,575
            (f"{band:,.0f}", ARSC),  # 400,000
            (f"{band_atos}", ARSC),  # 150
            (f"{band_atos / band:.4%}", ARSC),  # 0.0375%
            (f"{break_even:.3%}", ARSC),  # 0.037%
            (f"{stop * loss + friction:,.1f}", ("answer.md", "samples.toml", "corpus.toml")),
            (f"${band_atos * stop * loss:,.0f}", ("answer.md", "corpus.toml")),  # $202,500
            (f"${(band - band_atos) * friction:,.0f}", ("answer.md", "corpus.toml")),  # $199,925
            # a block (cost $25 to a genuine customer) beats a step-up above this share
            (f"{block - friction:.1f} / {(1 - stop) * loss + block - friction:.1f}", A),
            (f"\\approx {(block - friction) / ((1 - stop) * loss + block - friction):.0%}", A),
        ],
    )


def test_llm_guardrails_pipeline() -> None:
    benign, fp, checks, check_ms, ttft = 2_000_000, 0.01, 4, 120, 400
    refused = 1 - (1 - fp) ** checks
    per_check = 1 - (1 - 0.01) ** (1 / checks)
    assert abs(1 - (1 - per_check) ** checks - 0.01) < 1e-12
    stopped = 1 - (1 - 0.85) * (1 - 0.60)
    assert check_ms < ttft  # parallel checks finish before the first token
    qid = "llm-guardrails-pipeline"
    _check(
        qid,
        [
            (f"{checks * check_ms} ms", ARSC),  # 480 ms
            (f"{1 - refused:.4f}", A),  # 0.9606
            (f"{refused:.2%}", ARSC),  # 3.94%
            (f"{refused * benign:,.0f}", ARSC),  # 78,808
            (f"{per_check:.3%}", ARSC),  # 0.251%
            (f"{stopped:.0%}", ARSC),  # 94%
            (f"{(1 - 0.85) * (1 - 0.60):.2f}", A),  # 0.06
        ],
    )
    corpus = _text(qid, "corpus.toml")
    assert f"one benign user in {1 / refused:.0f} instead of one in 100" in corpus  # 25
    assert f"Sequential guards waste {checks * check_ms - check_ms} ms" in corpus


def test_multilingual_tokenizer_costs() -> None:
    old = {"English": 1_300, "German": 1_750, "Hindi": 4_550, "Thai": 5_200}
    new = {"English": 1_250, "German": 1_500, "Hindi": 2_100, "Thai": 2_400}
    price, context, hidden, params = 3 / 1e6, 8_192, 4_096, 7e9
    fits = {k: math.floor(context / (v / 1_000)) for k, v in old.items()}
    fits_new = {k: math.floor(context / (v / 1_000)) for k, v in new.items()}
    emb_old, emb_new = 32_000 * hidden * 2, 128_000 * hidden * 2
    out_old, out_new, total = 2 * hidden * 32_000, 2 * hidden * 128_000, 2 * params
    qid = "multilingual-tokenizer-costs"
    figures: list[tuple[str, tuple[str, ...]]] = [
        *[(f"${v * price:.5g}", ("answer.md", "samples.toml")) for v in old.values()],
        *[(f"{fits[k]:,} words", A) for k in old],
        *[(f"{fits[k]:,}", ("samples.toml", "corpus.toml")) for k in ("English", "Hindi", "Thai")],
        (f"{old['Hindi'] / old['English']:.1f}x", ("answer.md", "samples.toml")),  # 3.5x
        (f"{old['Thai'] / old['English']:.1f}x", A),  # 4.0x
        (f"{old['German'] / old['English']:.2f}x", A),  # 1.35x
        (f"{new['Hindi'] / new['English']:.2f}", ARSC),  # 1.68
        (f"{new['Thai'] / new['English']:.2f}", ARSC),  # 1.92
        (f"${new['Hindi'] * price:.4f}", ARSC),  # $0.0063
        (f"${new['Thai'] * price:.4f}", ARSC),  # $0.0072
        (f"{fits_new['Hindi']:,}", ARSC),  # 3,900
        (f"{fits_new['Thai']:,}", ARSC),  # 3,413
        (f"{emb_new:,}", A),  # 1,048,576,000
        (f"{emb_old:,}", A),  # 262,144,000
        (f"{emb_new / 1e9:.2f} GB", ARSC),  # 1.05 GB
        (f"{emb_old / 1e6:.0f} MB", ARSC),  # 262 MB
        (f"{2 * emb_new / 1e9:.1f} GB", ("answer.md", "samples.toml", "corpus.toml")),  # 2.1 GB
        (f"{2 * emb_old / 1e6:.0f} MB", ("answer.md", "samples.toml", "corpus.toml")),  # 524 MB
        (f"{out_new / 1e9:.2f} GFLOPs", ARSC),  # 1.05
        (f"{out_old / 1e9:.2f}", A),  # 0.26
        (f"{total / 1e9:.0f} GFLOPs", ARSC),  # 14
        (f"{out_new / total:.1%}", ARSC),  # 7.5%
        (f"{out_old / total:.1%}", ARSC),  # 1.9%
    ]
    _check(qid, figures)
    corpus = _text(qid, "corpus.toml")
    assert f"${old['Thai'] * price * 1e6:,.0f} in input tokens" in corpus  # $15,600
    assert f"${old['English'] * price * 1e6:,.0f} for a million English" in corpus  # $3,900
