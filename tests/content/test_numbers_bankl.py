"""Every derived number in the L01-L08 written questions is recomputed here (issue 18).

Each test recomputes the figures from the scenario's given inputs and asserts that the
formatted result is what the question's files print, so a typed or mis-rounded number fails.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import pairwise
from statistics import NormalDist

from mlprep.content import builtin_bank_root

BANK = builtin_bank_root()


def _read(question: str, name: str) -> str:
    matches = list(BANK.glob(f"*/{question}/{name}"))
    assert len(matches) == 1, f"{question}/{name} not found"
    return matches[0].read_text(encoding="utf-8")


def _prints(question: str, names: list[str], *figures: str) -> None:
    """Every figure appears in every named file of the question."""
    for name in names:
        text = " ".join(_read(question, name).split())  # line breaks do not matter
        for figure in figures:
            assert " ".join(figure.split()) in text, f"{question}/{name} does not print {figure!r}"


def _grouped(n: float) -> str:
    return f"{n:,.0f}"


# --- L01 tokenizer-bpe-vocabulary -------------------------------------------------

Word = tuple[str, ...]


def _pair_counts(words: dict[Word, int]) -> Counter[tuple[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    for word, count in words.items():
        for pair in pairwise(word):
            counts[pair] += count
    return counts


def _merge(words: dict[Word, int], pair: tuple[str, str]) -> dict[Word, int]:
    merged: dict[Word, int] = {}
    for word, count in words.items():
        out: list[str] = []
        i = 0
        while i < len(word):
            if i + 1 < len(word) and (word[i], word[i + 1]) == pair:
                out.append(word[i] + word[i + 1])
                i += 2
            else:
                out.append(word[i])
                i += 1
        merged[tuple(out)] = count
    return merged


def _tokens(words: dict[Word, int]) -> int:
    return sum(len(w) * c for w, c in words.items())


def test_tokenizer_bpe_merges_and_token_counts() -> None:
    words: dict[Word, int] = {tuple("tea"): 6, tuple("ten"): 4, tuple("team"): 3, tuple("net"): 5}
    totals = [_tokens(words)]
    chosen = []
    for _ in range(2):
        ranked = _pair_counts(words).most_common()
        best, count = ranked[0]
        assert ranked[1][1] < count, "a tie would make the merge ambiguous"
        chosen.append((best, count))
        words = _merge(words, best)
        totals.append(_tokens(words))
    assert [p for p, _ in chosen] == [("t", "e"), ("te", "a")]
    assert totals == [57, 44, 35]
    q = "tokenizer-bpe-vocabulary"
    _prints(q, ["answer.md"], "= 57$ tokens", "takes 44 tokens", "35 tokens", "= 13 |")
    _prints(q, ["answer.md"], f"6 + 3 = {chosen[1][1]} times")
    _prints(q, ["rubric.toml"], "13 occurrences", "(9)", "57 to 44 to 35")
    _prints(q, ["samples.toml"], "6+4+3 = 13", "drops to 44", "6+3 = 9", "at 35")


def test_tokenizer_wordpiece_scores() -> None:
    words = {"tea": 6, "ten": 4, "team": 3, "net": 5}
    units: Counter[str] = Counter()
    for word, count in words.items():
        for ch in word:
            units[ch] += count
    assert (units["t"], units["e"], units["a"], units["n"], units["m"]) == (18, 18, 9, 9, 3)
    pairs = _pair_counts({tuple(w): c for w, c in words.items()})
    score = {p: c / (units[p[0]] * units[p[1]]) for p, c in pairs.items()}
    best = max(score, key=lambda p: score[p])
    assert best == ("a", "m")
    am, te = f"{score[('a', 'm')]:.3f}", f"{score[('t', 'e')]:.3f}"
    assert (am, te) == ("0.111", "0.040")
    q = "tokenizer-bpe-vocabulary"
    _prints(q, ["answer.md", "rubric.toml"], am, te)
    _prints(q, ["answer.md"], "*t* 18, *e* 18,\n*a* 9, *n* 9, *m* 3")
    _prints(q, ["samples.toml"], "13/324", "3/(9*3) = 0.111")


def test_tokenizer_embedding_parameters() -> None:
    d = 4096
    small, large = 32_000 * d, 256_000 * d
    q = "tokenizer-bpe-vocabulary"
    _prints(q, ["answer.md", "samples.toml"], _grouped(small), _grouped(large))
    _prints(q, ["answer.md"], _grouped(2 * small), _grouped(2 * large))
    _prints(q, ["rubric.toml"], _grouped(small), _grouped(large))
    assert f"{large / 1e9:.2f}" == "1.05" and f"{small / 1e6:.0f}" == "131"
    _prints(q, ["rubric.toml"], "131 million", "1.05 billion")


# --- L02 pretraining-objectives-scaling --------------------------------------------


def test_pretraining_masked_positions() -> None:
    masked = 0.15 * 512
    assert f"{masked:.1f}" == "76.8" and round(masked) == 77
    q = "pretraining-objectives-scaling"
    _prints(q, ["answer.md"], "= 76.8$, about 77 of 512")
    _prints(q, ["rubric.toml", "samples.toml"], "about 77")
    # causal targets counted strictly inside the window (the last token has no successor)
    _prints(q, ["corpus.toml"], f"so {512 - 1} positions carry a causal loss")
    _prints(q, ["answer.md"], f"the last position has no target and {512 - 1} remain")
    _prints(q, ["rubric.toml"], f"or {512 - 1} counted strictly inside the window")


def test_pretraining_compute_optimal_and_alternatives() -> None:
    budget, ratio = 1e23, 20
    n_opt = math.sqrt(budget / (6 * ratio))
    d_opt = ratio * n_opt
    assert math.isclose(6 * n_opt * d_opt, budget)
    q = "pretraining-objectives-scaling"
    opt_b, d_b = f"{n_opt / 1e9:.1f}", f"{d_opt / 1e9:.0f}"
    assert (opt_b, d_b) == ("28.9", "577")
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], f"{opt_b} billion", f"{d_b} billion")
    _prints(q, ["answer.md"], f"{n_opt:.2e}".replace("e+10", "\\times10^{10}"))
    _prints(q, ["answer.md"], f"{d_opt:.2e}".replace("e+11", "\\times10^{11}"))

    big = 175e9
    d_big = budget / (6 * big)
    per_param = f"{d_big / big:.2f}"
    assert per_param == "0.54"
    _prints(q, ["answer.md", "samples.toml"], f"{d_big / 1e9:.1f} billion tokens", per_param)
    _prints(q, ["rubric.toml"], f"about {d_big / 1e9:.0f} billion tokens", per_param)
    serve_ratio = big / n_opt
    assert round(serve_ratio) == 6
    _prints(q, ["answer.md"], "about six times as expensive")
    _prints(q, ["samples.toml"], "six times as much to serve")

    small = 7e9
    d_small = budget / (6 * small)
    assert f"{d_small / 1e12:.2f}" == "2.38" and round(d_small / small, -1) == 340
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], "2.38 trillion", "340")
    assert round(n_opt / small) == 4
    _prints(q, ["answer.md"], "about four times cheaper")


# --- L03 llm-decoding-settings -----------------------------------------------------

LOGITS = (2.0, 1.0, 0.5, 0.0, -1.0)


def _softmax(logits: tuple[float, ...], temperature: float) -> list[float]:
    exps = [math.exp(z / temperature) for z in logits]
    total = sum(exps)
    return [e / total for e in exps]


def _nucleus(probs: list[float], p: float) -> tuple[int, list[float]]:
    running, sums = 0.0, []
    for prob in sorted(probs, reverse=True):
        running += prob
        sums.append(running)
    kept = next(i + 1 for i, s in enumerate(sums) if s >= p)
    return kept, sums


def test_decoding_temperature_and_top_p() -> None:
    q = "llm-decoding-settings"
    kept = {}
    for temperature in (1.0, 0.5):
        probs = _softmax(LOGITS, temperature)
        listed = ", ".join(f"{x:.3f}" for x in probs)
        _prints(q, ["answer.md", "rubric.toml", "samples.toml"], listed)
        kept[temperature], sums = _nucleus(probs, 0.9)
        running = ", ".join(f"{s:.3f}" for s in sums[:-1])
        _prints(q, ["answer.md"], running)
    assert kept == {1.0: 4, 0.5: 2}
    _prints(q, ["answer.md", "samples.toml"], "4 tokens", "2 tokens")
    _prints(q, ["rubric.toml"], "4 tokens at T = 1, 2 at T = 0.5")
    # the partial sample's guess is a rounding of the true figure
    assert round(_softmax(LOGITS, 0.5)[0], 1) == 0.8
    _prints(q, ["samples.toml"], "around 80%")


def test_decoding_length_normalisation() -> None:
    short, long_ = -2.4 / 3, -4.0 / 10
    assert (f"{short:.1f}", f"{long_:.1f}") == ("-0.8", "-0.4") and long_ > short
    q = "llm-decoding-settings"
    _prints(q, ["answer.md"], "$-2.4/3 = -0.8$", "$-4.0/10 = -0.4$")
    _prints(q, ["rubric.toml", "samples.toml"], "-0.8", "-0.4")


# --- L04 lora-legal-adapters -------------------------------------------------------


def test_lora_memory_and_parameter_counts() -> None:
    q = "lora-legal-adapters"
    params, d, layers, rank = 7e9, 4096, 32, 16
    per_param = 2 + 2 + 4 + 4 + 4
    assert per_param == 16
    full_gb = per_param * params / 1e9
    weights_gb = 2 * params / 1e9
    assert (full_gb, weights_gb) == (112, 14)
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], "16 bytes", "112 GB")
    _prints(q, ["answer.md", "samples.toml"], "14 GB")

    per_matrix = rank * (d + d)
    trained = per_matrix * 2 * layers
    share = f"{100 * trained / params:.2f}%"
    assert (per_matrix, trained, share) == (131_072, 8_388_608, "0.12%")
    _prints(q, ["answer.md", "samples.toml"], _grouped(per_matrix))
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], _grouped(trained), share)
    _prints(q, ["answer.md"], f"about {per_param * trained / 1e6:.0f} MB")
    _prints(q, ["answer.md"], f"about {params * 0.5 / 1e9:.1f} GB")  # 4-bit base

    adapter_mb = 2 * trained / 1e6
    customers = 20
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], f"{adapter_mb:.1f} MB")
    _prints(
        q,
        ["answer.md", "rubric.toml", "samples.toml"],
        f"{customers * adapter_mb:.0f} MB",
        f"{customers * weights_gb:.0f} GB",
    )


# --- L05 rag-company-docs ----------------------------------------------------------


def test_rag_chunks_and_index_size() -> None:
    q = "rag-company-docs"
    docs, doc_tokens, chunk, overlap, dim = 400_000, 2_500, 500, 100, 768
    assert docs * doc_tokens == 1_000_000_000
    _prints(q, ["answer.md", "samples.toml"], "about a billion tokens")
    stride = chunk - overlap
    per_doc = math.ceil((doc_tokens - chunk) / stride) + 1
    chunks = docs * per_doc
    assert (per_doc, chunks) == (6, 2_400_000)
    _prints(q, ["answer.md"], f"= {per_doc}$ chunks", f"about {_grouped(chunks)} chunks")
    _prints(q, ["rubric.toml"], f"{per_doc} chunks per document", _grouped(chunks))
    _prints(q, ["samples.toml"], "six per average document", "about 2.4 million chunks")
    _prints(q, ["answer.md"], f"about {_grouped(5_000 * per_doc)} chunks")

    fp32, fp16 = chunks * dim * 4 / 1e9, chunks * dim * 2 / 1e9
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], f"{fp32:.2f} GB")
    _prints(q, ["answer.md"], f"{fp16:.2f} GB", _grouped(chunks * dim))
    graph = chunks * 2 * 32 * 4 / 1e9  # 2M = 64 links of 4-byte ids at the base layer
    _prints(q, ["answer.md"], f"about {graph:.2f} GB")

    scanned = 16 / 4096 * chunks
    assert scanned == 9_375 and chunks / scanned == 256
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], _grouped(scanned))
    _prints(q, ["answer.md"], "256 times fewer")
    _prints(q, ["answer.md"], f"about {_grouped(5 * chunk)} tokens")


def test_rag_retrieval_metrics() -> None:
    q = "rag-company-docs"
    ranks: list[int | None] = [1, 3, None, 2, 1]
    reciprocal = [0.0 if r is None else 1 / r for r in ranks]
    mrr = sum(reciprocal) / len(ranks)
    at1 = sum(r is not None and r <= 1 for r in ranks) / len(ranks)
    at5 = sum(r is not None and r <= 5 for r in ranks) / len(ranks)
    assert (f"{mrr:.3f}", at1, at5) == ("0.567", 0.4, 0.8)
    _prints(q, ["answer.md"], f"{sum(reciprocal):.3f}/5 = {mrr:.3f}", "$2/5 = 0.4$", "$4/5 = 0.8$")
    _prints(q, ["rubric.toml", "samples.toml"], f"MRR {mrr:.3f}", "recall@5 is 0.8")
    # the confidently-wrong sample averages the ranks it found
    found = [r for r in ranks if r is not None]
    _prints(q, ["samples.toml"], f"about {sum(found) / len(found):.2f}")


# --- L06 llm-judge-support-replies -------------------------------------------------


def test_judge_agreement_kappa_and_leniency() -> None:
    q = "llm-judge-support-replies"
    both_pass, judge_only, agents_only, both_fail = 120, 30, 10, 40
    n = both_pass + judge_only + agents_only + both_fail
    observed = (both_pass + both_fail) / n
    judge_rate = (both_pass + judge_only) / n
    agent_rate = (both_pass + agents_only) / n
    chance = judge_rate * agent_rate + (1 - judge_rate) * (1 - agent_rate)
    kappa = (observed - chance) / (1 - chance)
    assert (n, observed, judge_rate, agent_rate) == (200, 0.8, 0.75, 0.65)
    assert (f"{chance:.3f}", f"{kappa:.2f}") == ("0.575", "0.53")
    _prints(q, ["answer.md"], "= 160$ of 200", "$p_o = 0.80$", "$150/200 = 0.75$")
    _prints(q, ["answer.md"], "$130/200 = 0.65$", "= 0.575$", "= 0.53,$")
    _prints(q, ["hints.md"], "judge 150/200, agents 130/200")
    _prints(q, ["rubric.toml", "samples.toml"], "0.575", "0.53")
    failed = judge_only + both_fail
    lenient = f"{100 * judge_only / failed:.0f}%"
    assert (failed, lenient) == (70, "43%")
    _prints(q, ["rubric.toml", "samples.toml"], "30 of the 70", lenient)
    _prints(q, ["answer.md"], "of the 70 drafts the agents failed, the judge passed 30", lenient)
    _prints(q, ["rubric.toml"], "75% and 65%")


def test_judge_pairwise_interval() -> None:
    q = "llm-judge-support-replies"
    p, n = 0.55, 400
    se = math.sqrt(p * (1 - p) / n)
    low, high = p - 1.96 * se, p + 1.96 * se
    assert (f"{se:.3f}", f"{100 * low:.1f}", f"{100 * high:.1f}") == ("0.025", "50.1", "59.9")
    for name in ["answer.md", "rubric.toml", "samples.toml"]:
        _prints(q, [name], "0.025", "50.1% to 59.9%")


# --- L07 llm-serving-kv-cache ------------------------------------------------------


def test_serving_kv_cache_memory() -> None:
    q = "llm-serving-kv-cache"
    layers, d, bytes_, budget = 40, 5120, 2, 50e9
    per_token = 2 * layers * d * bytes_
    full = per_token * 4096
    assert per_token == 819_200
    _prints(q, ["answer.md"], "819{,}200", f"about {per_token / 1e6:.2f} MB", _grouped(full))
    _prints(q, ["rubric.toml", "samples.toml"], _grouped(per_token))
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], f"{full / 1e9:.2f} GB")
    reserved, paged = math.floor(budget / full), math.floor(budget / (per_token * 1000))
    assert (reserved, paged) == (14, 61)
    _prints(q, ["answer.md", "samples.toml"], f"only {reserved}", f"about {paged}")
    _prints(q, ["rubric.toml"], f"holds {reserved} sequences", f"about {paged}")
    _prints(q, ["answer.md"], f"about 1,000 tokens ({per_token * 1000 / 1e6:.1f} MB)")

    gqa = 2 * layers * 8 * 128 * bytes_
    assert per_token / gqa == 5
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], _grouped(gqa))
    gqa_full = math.floor(budget / (gqa * 4096))
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], f"about {gqa_full}")


def test_serving_latency_estimates() -> None:
    q = "llm-serving-kv-cache"
    params, bandwidth, peak = 13e9, 2.0e12, 312e12
    weights = 2 * params
    step = weights / bandwidth
    assert (weights / 1e9, f"{1000 * step:.0f}", f"{1 / step:.0f}") == (26, "13", "77")
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], "26 GB", "13 ms", "77 tokens")
    prefill = 2 * params * 800
    prefill_ms = 1000 * prefill / (0.5 * peak)
    assert f"{prefill_ms:.0f}" == "133"
    _prints(q, ["answer.md"], "2.08\\times10^{13}", "about\n133 ms")
    _prints(q, ["rubric.toml", "samples.toml"], "2.08e13", "133 ms")

    per_token = 2 * 40 * 5120 * 2
    cache = 32 * 1000 * per_token
    batch_step = (weights + cache) / bandwidth
    total, per_user = 32 / batch_step, 1 / batch_step
    assert f"{cache / 1e9:.1f}" == "26.2" and f"{1000 * batch_step:.0f}" == "26"
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], "26.2 GB", _grouped(total))
    _prints(q, ["answer.md", "rubric.toml"], f"{per_user:.0f} tokens per second")
    _prints(q, ["answer.md"], f"{round(total * step)} times the single-sequence rate")

    int8_step = weights / 2 / bandwidth
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], "13 GB", f"{1000 * int8_step:.1f} ms")
    _prints(q, ["answer.md", "samples.toml"], f"{1 / int8_step:.0f} tokens")
    # the confidently-wrong sample's compute-bound estimate, in milliseconds
    assert 1000 * weights / peak < 0.1
    _prints(q, ["samples.toml"], "26 GFLOPs", "under a tenth of a millisecond")


# --- L08 llm-agent-failure-modes ---------------------------------------------------


def test_failure_modes_rates_and_bounds() -> None:
    q = "llm-agent-failure-modes"
    before = 35 / 500
    assert f"{100 * before:.1f}%" == "7.0%"
    _prints(q, ["answer.md"], "a 7.0% success rate")
    _prints(q, ["samples.toml"], "lower the\n7%")
    ratio = 0.48 / 0.62
    assert f"{ratio:.2f}" == "0.77"
    _prints(q, ["answer.md"], "$0.48/0.62 = 0.77$")
    _prints(q, ["rubric.toml", "samples.toml"], "0.48/0.62 = 0.77")
    _prints(q, ["rubric.toml"], "ratio of 0.77")
    common, other = (0.62, 1_000), (0.48, 500)  # the prompt's rates and sample sizes
    se = math.sqrt(sum(p * (1 - p) / n for p, n in (common, other)))
    gap = round(100 * (common[0] - other[0]))
    _prints(
        q,
        ["answer.md"],
        f"with 1,000 and 500 requests the {gap}-point gap",
        f"error about {100 * se:.1f} points, $z \\approx {gap / (100 * se):.1f}$",  # 2.7, 5.2
    )
    exact = 1 - 0.05 ** (1 / 300)
    two_sided = 1 - 0.025 ** (1 / 300)  # two-sided 95% Clopper-Pearson upper limit for 0 of 300
    rule_of_three = 3 / 300
    assert f"{100 * exact:.2f}%" == "0.99%" and rule_of_three == 0.01
    _prints(q, ["answer.md"], "\\approx 0.99\\%$", "$3/300 = 1\\%$")
    _prints(q, ["answer.md"], f"$1 - 0.025^{{1/300}} \\approx {100 * two_sided:.2f}\\%$")
    _prints(q, ["samples.toml"], "3/300 = 1%")
    _prints(q, ["rubric.toml"], "below about 1%")


# --- L05 (second angle) vector-index-hnsw-ivf-pq -----------------------------------


def test_vector_index_sizes_and_recall() -> None:
    q = "vector-index-hnsw-ivf-pq"
    n, dim, nlist, nprobe, subvectors = 10_000_000, 768, 16_384, 32, 96
    raw = n * dim * 4
    _prints(q, ["answer.md", "rubric.toml"], f"{raw / 1e9:.2f} GB")
    _prints(q, ["samples.toml"], f"= {raw / 1e9:.2f} GB")
    fraction = nlist // nprobe
    scanned = n * nprobe / nlist
    assert (fraction, math.floor(scanned)) == (512, 19_531)
    _prints(q, ["answer.md"], f"= 1/{fraction}$", "\\approx 19{,}531$")
    _prints(q, ["rubric.toml", "samples.toml"], _grouped(math.floor(scanned)))
    _prints(q, ["rubric.toml"], f"1/{fraction}")

    per_vector = dim * 4
    assert dim // subvectors == 8
    _prints(q, ["answer.md"], f"{dim // subvectors} dimensions")
    codes, ratio = n * subvectors, per_vector / subvectors
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], _grouped(per_vector))
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], f"{codes / 1e9:.2f} GB")
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], f"{ratio:.0f} times")
    _prints(q, ["answer.md"], f"{n * (subvectors + 8) / 1e9:.2f} GB with 8-byte ids")

    recall = 9_420 / 10_000
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], f"{recall:.3f}")
    _prints(q, ["samples.toml"], f"{100 * recall:.1f}%")


# --- L04 (second angle) lora-dpo-mechanics -----------------------------------------


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def test_lora_counts_scale_and_overhead() -> None:
    q = "lora-dpo-mechanics"
    d, r, alpha = 4096, 8, 16
    lora, full = r * (d + d), d * d
    assert (lora, full, full // lora, alpha / r) == (65_536, 16_777_216, 256, 2.0)
    for name in ["answer.md", "rubric.toml", "samples.toml"]:
        _prints(q, [name], _grouped(lora), _grouped(full), f"{full // lora} times fewer")
    _prints(q, ["answer.md"], "\\alpha/r = 16/8 = 2$")
    _prints(q, ["samples.toml"], "alpha/r = 16/8 = 2")
    extra, base = 2 * r * (d + d), 2 * d * d
    share = f"{100 * extra / base:.2f}%"
    assert share == "0.39%"
    for name in ["answer.md", "rubric.toml", "samples.toml"]:
        _prints(q, [name], _grouped(extra), _grouped(base), share)


def test_dpo_loss_values() -> None:
    q = "lora-dpo-mechanics"
    beta, chosen, rejected = 0.1, 2.0, -1.0
    start = -math.log(_sigmoid(0.0))
    margin = beta * (chosen - rejected)
    later = -math.log(_sigmoid(margin))
    assert (f"{start:.3f}", f"{margin:.1f}", f"{later:.3f}") == ("0.693", "0.3", "0.554")
    _prints(q, ["answer.md"], "= \\log 2 = 0.693$", "= 0.3$", "= 0.554$")
    _prints(q, ["rubric.toml"], "log 2 = 0.693", "0.1 x 3 = 0.3", "0.554")
    _prints(q, ["samples.toml"], "log 2 = 0.693", "margin is 0.3", "loss 0.554")


# --- L06 (second angle) llm-eval-sample-size ---------------------------------------


def test_eval_sample_size_and_mcnemar() -> None:
    q = "llm-eval-sample-size"
    p1, p2 = 0.80, 0.85
    variance = p1 * (1 - p1) + p2 * (1 - p2)
    rounded = (1.96 + 0.84) ** 2 * variance / (p2 - p1) ** 2
    normal = NormalDist()
    exact = (normal.inv_cdf(0.975) + normal.inv_cdf(0.8)) ** 2 * variance / (p2 - p1) ** 2
    assert (f"{rounded:.1f}", math.ceil(rounded), math.ceil(exact)) == ("901.6", 902, 903)
    _prints(q, ["answer.md"], "0.2875}{0.0025} = 901.6", "so 902 cases per prompt", "(903 with")
    _prints(q, ["answer.md"], f"about {_grouped(2 * math.ceil(rounded))} judged")
    _prints(q, ["rubric.toml", "samples.toml"], "901.6", "902 cases per prompt")

    shared, b, c = 400, 38, 18
    chi2 = (b - c) ** 2 / (b + c)
    p_value = math.erfc(math.sqrt(chi2 / 2))  # chi-squared with one degree of freedom
    exact_p = 2 * sum(math.comb(b + c, k) for k in range(c + 1)) / 2 ** (b + c)
    assert (f"{chi2:.2f}", f"{p_value:.4f}", f"{exact_p:.3f}") == ("7.14", "0.0075", "0.010")
    _prints(q, ["answer.md"], "= \\frac{400}{56} = 7.14", "p \\approx 0.0075", "about 0.010")
    _prints(q, ["answer.md"], f"the {shared - b - c} cases where both", f"only the {b + c}")
    _prints(q, ["rubric.toml", "samples.toml"], "7.14", "0.0075")
    assert (b - c) / shared == 0.05
    _prints(q, ["answer.md"], "$20/400 = 5$ points")
    _prints(q, ["samples.toml"], "(20 of 400)", "only the 56 cases")
    # the confidently-wrong sample: 80% of the 400 shared cases for the old prompt
    old = round(p1 * shared)
    both = old - c
    _prints(q, ["samples.toml"], f"passes {both + b} and the old {old}", f"the {both} cases")


# --- L08 (second angle) llm-safety-filter-base-rates -------------------------------


def test_safety_filter_counts_and_precision() -> None:
    q = "llm-safety-filter-base-rates"
    messages, prevalence = 2_000_000, 0.01
    harmful = round(messages * prevalence)
    harmless = messages - harmful
    assert (harmful, harmless) == (20_000, 1_980_000)
    _prints(q, ["answer.md", "samples.toml"], _grouped(harmless))
    _prints(q, ["hints.md"], _grouped(harmful), _grouped(harmless))
    outcomes = {}
    for name, recall, fpr in (("default", 0.95, 0.02), ("strict", 0.85, 0.005)):
        caught, false_blocks = round(recall * harmful), round(fpr * harmless)
        outcomes[name] = (caught, false_blocks, caught / (caught + false_blocks), harmful - caught)
    caught, false_blocks, precision, missed = outcomes["default"]
    assert (caught, false_blocks, missed) == (19_000, 39_600, 1_000)
    for name in ["answer.md", "rubric.toml", "samples.toml"]:
        _prints(q, [name], _grouped(caught), _grouped(false_blocks), f"{precision:.2f}")
        _prints(q, [name], f"{_grouped(missed)} harmful messages")
    _prints(q, ["answer.md", "samples.toml"], f"{_grouped(caught + false_blocks)} blocks")
    caught, false_blocks, precision, missed = outcomes["strict"]
    for name in ["answer.md", "rubric.toml", "samples.toml"]:
        _prints(q, [name], _grouped(caught), _grouped(false_blocks), f"{precision:.2f}")
        _prints(q, [name], f"{_grouped(missed)} harmful messages")
    _prints(q, ["answer.md"], f"{_grouped(caught + false_blocks)} blocks")
    # the confidently-wrong sample reads 1 - FPR as the share of justified blocks
    _prints(q, ["samples.toml"], f"around {100 * (1 - 0.02):.0f}% of blocks")


# --- L07 (second angle) llm-weight-quantisation ------------------------------------


def test_quantisation_memory() -> None:
    q = "llm-weight-quantisation"
    params = 70e9
    sizes = [params * bits / 8 / 1e9 for bits in (16, 8, 4)]
    assert sizes == [140, 70, 35]
    for name in ["answer.md", "rubric.toml", "samples.toml"]:
        _prints(q, [name], "140 GB", "70 GB", "35 GB")
    extra = 16 / 128
    bits = 4 + extra
    grouped = params * bits / 8 / 1e9
    assert (extra, bits, f"{grouped:.2f}") == (0.125, 4.125, "36.09")
    for name in ["answer.md", "rubric.toml", "samples.toml"]:
        _prints(q, [name], "0.125 bits", "4.125 bits", f"{grouped:.2f} GB")
    _prints(q, ["answer.md"], "(group 32 would add 0.5 bits)")
    assert 16 / 32 == 0.5


def test_quantisation_absmax_example() -> None:
    q = "llm-weight-quantisation"
    w = 0.0123
    scale = 0.5 / 127
    level = round(w / scale)
    recovered = level * scale
    error = abs(w - recovered)
    assert (f"{scale:.6f}", f"{w / scale:.3f}", level) == ("0.003937", "3.124", 3)
    assert (f"{recovered:.6f}", f"{error:.6f}", f"{100 * error / w:.1f}%") == (
        "0.011811",
        "0.000489",
        "4.0%",
    )
    for name in ["answer.md", "rubric.toml", "samples.toml"]:
        _prints(q, [name], "0.003937", "0.011811", "4.0%")
    _prints(q, ["answer.md", "samples.toml"], "3.124")
    _prints(q, ["answer.md"], "0.000489")
    outlier_scale = 8.0 / 127
    assert round(w / outlier_scale) == 0
    assert (f"{outlier_scale:.3f}", f"{w / outlier_scale:.3f}") == ("0.063", "0.195")
    half_step = f"{outlier_scale / 2:.4f}"
    assert half_step == "0.0315"
    for name in ["answer.md", "rubric.toml", "samples.toml"]:
        _prints(q, [name], "0.063", half_step)
    _prints(q, ["answer.md", "samples.toml"], "0.195")


# --- L03 (second angle) greedy-beam-search-optimality ------------------------------

FIRST = {"A": 0.6, "B": 0.4}
SECOND = {"A": {"A": 0.4, "B": 0.3, "end": 0.3}, "B": {"A": 0.9, "B": 0.05, "end": 0.05}}


def test_greedy_and_beam_on_the_toy_model() -> None:
    q = "greedy-beam-search-optimality"
    g1 = max(FIRST, key=lambda t: FIRST[t])
    g2 = max(SECOND[g1], key=lambda t: SECOND[g1][t])
    greedy = FIRST[g1] * SECOND[g1][g2]
    paths = {(a, b): FIRST[a] * p for a in FIRST for b, p in SECOND[a].items()}
    beam = sorted(FIRST, key=lambda t: -FIRST[t])[:2]
    best_beam = max((k for k in paths if k[0] in beam), key=lambda k: paths[k])
    best = max(paths, key=lambda k: paths[k])
    assert ((g1, g2), f"{greedy:.2f}") == (("A", "A"), "0.24")
    assert best_beam == best == ("B", "A") and f"{paths[best]:.2f}" == "0.36"
    _prints(q, ["answer.md"], "$0.6 \\times 0.4 = 0.24$", "$0.4 \\times 0.9 = 0.36$")
    listed = (
        f"AA {paths[('A', 'A')]:.2f}, AB {paths[('A', 'B')]:.2f}, "
        f"A-end {paths[('A', 'end')]:.2f}, BA {paths[('B', 'A')]:.2f}, "
        f"BB {paths[('B', 'B')]:.2f}, B-end {paths[('B', 'end')]:.2f}"
    )
    _prints(q, ["samples.toml"], listed)
    _prints(q, ["rubric.toml"], "0.6 x 0.4 = 0.24", "0.4 x 0.9 = 0.36")


def test_beam_search_space() -> None:
    q = "greedy-beam-search-optimality"
    vocab, length, width = 50_000, 20, 5
    space = f"{float(vocab**length):.2e}"
    assert space == "9.54e+93"
    _prints(q, ["answer.md"], "\\approx 9.54\\times10^{93}$")
    _prints(q, ["rubric.toml", "samples.toml"], "9.54e93")
    per_step = width * vocab
    for name in ["answer.md", "rubric.toml", "samples.toml"]:
        _prints(q, [name], _grouped(per_step))
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], _grouped(per_step * length))


# --- L02 (second angle) pretraining-data-pipeline ----------------------------------


def test_data_pipeline_yields_and_compute() -> None:
    q = "pretraining-data-pipeline"
    after_lang = 30 * 0.45
    after_quality = after_lang * 0.30
    after_dedup = after_quality * 0.60
    figures = (f"{after_lang:.1f}", f"{after_quality:.2f}", f"{after_dedup:.2f}")
    assert figures == ("13.5", "4.05", "2.43") and after_dedup >= 2
    _prints(q, ["answer.md"], "= 13.5$", "= 4.05$", "= 2.43$")
    _prints(q, ["rubric.toml", "samples.toml"], *figures)
    flops = 6 * 7e9 * 2e12
    assert f"{flops:.1e}" == "8.4e+22"
    _prints(q, ["answer.md"], "= 8.4\\times10^{22}$")
    # the fallback plan: two epochs over 1.2 trillion clean tokens reach the budget
    assert 2 * 1.2 >= 2
    _prints(q, ["answer.md"], "1.2 trillion tokens, two epochs")


def test_minhash_banding_probabilities() -> None:
    q = "pretraining-data-pipeline"
    bands, rows = 16, 8

    def candidate(s: float) -> float:
        return 1 - (1 - s**rows) ** bands

    band = 0.8**rows
    assert (f"{band:.3f}", f"{1 - band:.3f}") == ("0.168", "0.832")
    high, low, threshold = candidate(0.8), candidate(0.5), (1 / bands) ** (1 / rows)
    assert (f"{high:.3f}", f"{low:.3f}", f"{threshold:.2f}") == ("0.947", "0.061", "0.71")
    _prints(q, ["answer.md"], "0.8^8 = 0.168$", "0.832^{16} = 0.947$", "$P = 0.061$")
    _prints(q, ["answer.md"], "\\approx 0.71$")
    _prints(q, ["rubric.toml", "samples.toml"], "0.947", "0.061", "0.71")


# --- L01 (second angle) llm-token-cost-budget --------------------------------------


def _dollars(x: float) -> str:
    return f"{x:,.2f}".removesuffix(".00")


def test_token_budget_costs() -> None:
    q = "llm-token-cost-budget"
    docs, words, instructions, summary = 1.2e6, 1_800, 200, 150
    price_in, price_out = 0.50, 1.50
    english, german = words * 1.3 + instructions, words * 1.6 + instructions
    assert (words * 1.3, english, german) == (2_340, 2_540, 3_080)
    cost_in, cost_out = docs * english * price_in / 1e6, docs * summary * price_out / 1e6
    total = cost_in + cost_out
    assert (_dollars(cost_in), _dollars(cost_out), _dollars(total)) == ("1,524", "270", "1,794")
    _prints(q, ["answer.md"], "2{,}340", "3.048\\times10^9", "\\$1,524", "\\$270", "\\$1,794")
    _prints(q, ["answer.md"], "1.8\\times10^8")
    _prints(q, ["rubric.toml", "samples.toml"], "2,540", "1,524", "270", "1,794")
    mixed = 0.7 * english + 0.3 * german
    mixed_in = docs * mixed * price_in / 1e6
    assert (round(mixed), _dollars(mixed_in), _dollars(mixed_in + cost_out)) == (
        2_702,
        "1,621.20",
        "1,891.20",
    )
    _prints(q, ["answer.md"], "3{,}080", "2{,}702", "\\$1,621.20", "\\$1,891.20")
    _prints(q, ["rubric.toml", "samples.toml"], "3,080", "2,702", "1,891.20")
    _prints(q, ["samples.toml"], "1,621.20")

    # provider B: 30% more tokens at 0.40 / 1.20 dollars per million
    b_in, b_out = english * 1.3, summary * 1.3
    cost_b_in, cost_b_out = docs * b_in * 0.40 / 1e6, docs * b_out * 1.20 / 1e6
    assert (round(b_in), round(b_out)) == (3_302, 195) and cost_b_in + cost_b_out > total
    _prints(q, ["answer.md"], "3{,}302", "\\$1,584.96", "\\$280.80", "\\$1,865.76")
    _prints(q, ["samples.toml"], "3,302", "1,584.96", "280.80", "1,865.76")
    _prints(q, ["rubric.toml"], _dollars(cost_b_in + cost_b_out))

    # the partial and confidently-wrong samples' own arithmetic
    partial_tokens = docs * words * 1.3
    assert (
        round(partial_tokens / 1e9, 1) == 2.8 and round(partial_tokens * price_in / 1e6, -2) == 1400
    )
    _prints(q, ["samples.toml"], "about 2.8 billion tokens", "around 1,400 dollars")
    wrong_tokens = docs * (words + instructions)
    _prints(q, ["samples.toml"], f"{wrong_tokens / 1e9:.1f} billion tokens")
    _prints(q, ["samples.toml"], f"{_dollars(wrong_tokens * price_in / 1e6)} dollars")


def test_token_budget_context() -> None:
    q = "llm-token-cost-budget"
    room = 8_192 - 200 - 150
    english, german = math.floor(room / 1.3), math.floor(room / 1.6)
    assert (room, english, german) == (7_842, 6_032, 4_901)
    _prints(q, ["answer.md"], "7{,}842", "6,032", "4,901")
    _prints(q, ["rubric.toml", "samples.toml"], "7,842", "6,032", "4,901")


# --- L05 (third angle) semantic-search-marketplace ---------------------------------


def test_semantic_search_costs_and_ndcg() -> None:
    q = "semantic-search-marketplace"
    listings, pair_ms, dim = 5_000_000, 2, 384
    everything = listings * pair_ms / 1000
    top = 100 * pair_ms
    assert (everything, top) == (10_000, 200)
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], "10,000 seconds")
    _prints(q, ["answer.md", "samples.toml"], "200 ms")
    budget_ms = 150  # one pair at a time the whole budget holds this many pairs
    _prints(q, ["answer.md"], f"holds at most {budget_ms // pair_ms} pairs")
    _prints(q, ["corpus.toml"], f"holds at most {budget_ms // pair_ms} pairs")
    fp32, fp16 = listings * dim * 4 / 1e9, listings * dim * 2 / 1e9
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], f"{fp32:.2f} GB")
    _prints(q, ["answer.md"], f"{fp16:.2f} GB")
    batch = 256
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], f"{batch - 1}")

    grades = [3, 2, 0, 1, 0]

    def dcg(gains: list[int]) -> float:
        return sum(g / math.log2(rank + 1) for rank, g in enumerate(gains, start=1))

    actual, ideal = dcg(grades), dcg(sorted(grades, reverse=True))
    ndcg = actual / ideal
    assert (f"{actual:.3f}", f"{ideal:.3f}", f"{ndcg:.3f}") == ("4.693", "4.762", "0.985")
    for name in ["answer.md", "rubric.toml", "samples.toml"]:
        _prints(q, [name], "4.693", "4.762", "0.985")
    # the confidently-wrong sample averages the grades
    _prints(q, ["samples.toml"], f"6/5 = {sum(grades) / 5:.1f}")


# --- L06 (third angle) reference-metrics-rouge-bleu --------------------------------


def _ngrams(words: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def _rouge(reference: str, candidate: str, n: int) -> tuple[int, float, float, float]:
    ref, cand = _ngrams(reference.split(), n), _ngrams(candidate.split(), n)
    overlap = sum((ref & cand).values())
    recall, precision = overlap / sum(ref.values()), overlap / sum(cand.values())
    return overlap, precision, recall, 2 * precision * recall / (precision + recall)


def test_rouge_and_bleu_examples() -> None:
    q = "reference-metrics-rouge-bleu"
    reference = "the refund was sent to your card today"
    a = "we sent the refund to your card today"
    b = "the refund was not sent to your card today"
    assert len(reference.split()) == 8 and sum(_ngrams(reference.split(), 2).values()) == 7
    _, p1a, r1a, f1a = _rouge(reference, a, 1)
    overlap2a, _, r2a, _ = _rouge(reference, a, 2)
    _, p1b, r1b, f1b = _rouge(reference, b, 1)
    overlap2b, _, r2b, _ = _rouge(reference, b, 2)
    assert (p1a, r1a, f1a) == (0.875, 0.875, 0.875) and (overlap2a, overlap2b) == (4, 6)
    assert (f"{p1b:.3f}", r1b, f"{f1b:.3f}") == ("0.889", 1.0, "0.941")
    assert (f"{r2a:.3f}", f"{r2b:.3f}") == ("0.571", "0.857") and f1b > f1a and r2b > r2a
    _prints(q, ["answer.md"], "7/8 = 0.875", "4/7 = 0.571", "8/9 = 0.889", "8/8 = 1.0")
    _prints(q, ["answer.md"], "| 0.941 |", "6/7 = 0.857")
    _prints(q, ["rubric.toml", "samples.toml"], "0.875", "0.571", "0.889", "0.941", "0.857")

    degenerate = ["the"] * 4
    unclipped = sum(w in reference.split() for w in degenerate) / len(degenerate)
    clipped = sum((Counter(degenerate) & Counter(reference.split())).values()) / len(degenerate)
    assert (unclipped, clipped) == (1.0, 0.25)
    _prints(q, ["answer.md", "samples.toml"], "4/4 = 1.0", "1/4 = 0.25")
    _prints(q, ["rubric.toml"], "0.25 instead of 1.0")


# --- L07 (third angle) llm-ttft-p99-incident ---------------------------------------


def test_ttft_incident_prefill_and_prefix_cache() -> None:
    q = "llm-ttft-p99-incident"
    params, effective = 7e9, 0.5 * 312e12

    def prefill_s(tokens: int) -> float:
        return 2 * params * tokens / effective

    assert effective == 156e12 and f"{2 * params * 6000:.1e}" == "8.4e+13"
    long_s, short_ms, typical_ms = prefill_s(6000), 1000 * prefill_s(500), 1000 * prefill_s(2000)
    assert (f"{long_s:.2f}", f"{short_ms:.0f}", f"{typical_ms:.0f}") == ("0.54", "45", "179")
    _prints(q, ["answer.md"], "8.4\\times10^{13}", "= 156$", "about 0.54 s", "about 45 ms")
    _prints(q, ["answer.md"], "7\\times10^{12}", "as much as twelve short")
    assert 6000 / 500 == 12
    _prints(q, ["rubric.toml", "samples.toml"], "8.4e13", "0.54 s", "45 ms")
    saved = 1 - 500 / 2000
    assert saved == 0.75
    for name in ["answer.md", "rubric.toml", "samples.toml"]:
        _prints(q, [name], "179 ms", "75%")

    per_token = 2 * 32 * 4096 * 2
    prefix = per_token * 1500
    across = prefix * 40 / 1e9
    assert (per_token, prefix, f"{across:.2f}") == (524_288, 786_432_000, "31.46")
    _prints(q, ["answer.md"], _grouped(per_token), _grouped(prefix), "786 MB", f"{across:.2f} GB")
    _prints(q, ["rubric.toml"], _grouped(prefix), "786 MB", f"{across:.2f} GB")
    _prints(q, ["samples.toml"], _grouped(per_token), "786 MB", f"{across:.2f} GB")


# --- L08 (third angle) prompt-injection-defences -----------------------------------


def test_injection_stacked_defences() -> None:
    q = "prompt-injection-defences"
    passed = (1 - 0.9) ** 3
    per_day = passed * 1_000
    assert (f"{passed:.3f}", round(per_day)) == ("0.001", 1)
    _prints(q, ["answer.md"], "$0.1^3 = 0.001$", "1 a day at 1,000 attempts")
    _prints(q, ["samples.toml"], "0.1^3 = 0.001", "1 a day at 1,000 attempts")
    _prints(q, ["rubric.toml"], "0.1^3 = 0.001", "1 a day at 1,000 attempts")
    assert f"{100 * passed:.1f}%" == "0.1%"
    _prints(q, ["prompt.md", "rubric.toml", "samples.toml"], "0.1%")


# --- L04 (third angle) instruction-tuning-support-data -----------------------------


def test_instruction_tuning_shares_and_compute() -> None:
    q = "instruction-tuning-support-data"
    examples, prompt_tokens, reply_tokens = 50_000, 350, 150
    per_example = prompt_tokens + reply_tokens
    share = reply_tokens / per_example
    assert f"{100 * share:.0f}%" == "30%"
    for name in ["answer.md", "rubric.toml", "samples.toml"]:
        _prints(q, [name], "150 of 500", "30%")
    resets = round(0.8 * examples)
    _prints(q, ["answer.md", "rubric.toml", "samples.toml"], _grouped(resets))
    epoch = examples * per_example
    tokens = 3 * epoch
    flops = 6 * 7e9 * tokens
    seconds = flops / (8 * 0.4 * 312e12)
    assert (epoch, tokens, f"{flops:.2e}") == (25_000_000, 75_000_000, "3.15e+18")
    _prints(q, ["answer.md", "samples.toml"], _grouped(epoch), _grouped(tokens))
    _prints(q, ["answer.md"], "3.15\\times10^{18}", f"about {_grouped(seconds)} seconds")
    _prints(q, ["rubric.toml", "samples.toml"], "3.15e18", f"{seconds / 60:.0f} minutes")
    _prints(q, ["answer.md"], f"roughly {seconds / 60:.0f} minutes")
    _prints(q, ["samples.toml"], f"about {_grouped(seconds)} s")
    assert round(seconds / 3600) == 1
    _prints(q, ["samples.toml"], "maybe an hour")
