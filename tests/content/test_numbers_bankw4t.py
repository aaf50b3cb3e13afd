"""Every derived figure of the written questions added by helper bankw4t (issue 18: theory,
deep-learning and language-model keys, and the theory side of the K keys) is computed here and
must appear, formatted as written, in the files that print it.

Given figures (a scenario's inputs) are not checked; everything computed from them is. Each test
names the question it checks.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
import pytest

from mlprep.content import builtin_bank_root

BANK = builtin_bank_root()


def _text(qid: str, name: str) -> str:
    (folder,) = BANK.glob(f"*/{qid}")
    text = (folder / name).read_text(encoding="utf-8")
    text = text.replace("{,}", ",").replace("\\%", "%").replace("\\$", "$")
    return " ".join(text.split())  # a figure may be wrapped over two lines


def _shows(qid: str, *pairs: tuple[str, str]) -> None:
    """Each (file, formatted figure) pair: the figure occurs in that file."""
    missing = [(name, figure) for name, figure in pairs if figure not in _text(qid, name)]
    assert not missing, f"{qid}: derived figures not found as written: {missing}"


def test_a_figure_off_in_its_last_digit_fails() -> None:
    _shows("gene-selection-cv-bias", ("answer.md", "about **96 genes**"))
    with pytest.raises(AssertionError, match="not found"):
        _shows("gene-selection-cv-bias", ("answer.md", "about **97 genes**"))


def test_gene_selection_cv_bias() -> None:
    qid = "gene-selection-cv-bias"
    n, genes = 200, 20_000
    null_sd = 1 / math.sqrt(n - 1)
    z = 0.2 / null_sd
    tail = 2 * (1 - NormalDist().cdf(z))
    above_02 = tail * genes
    above_025 = 2 * (1 - NormalDist().cdf(0.25 / null_sd)) * genes
    se = math.sqrt(0.7 * 0.3 / n)
    se_chance = math.sqrt(0.25 / n)
    _shows(
        qid,
        ("answer.md", f"\\frac{{1}}{{\\sqrt{{{n - 1}}}}} \\approx {null_sd:.3f}"),  # 0.071
        ("answer.md", f"\\approx {z:.2f}$ standard deviations"),  # 2.82
        ("answer.md", f"probability about {tail:.4f}"),  # 0.0048
        ("answer.md", f"about **{above_02:.0f} genes**"),  # 96
        ("answer.md", f"about {above_025:.0f} above 0.25"),  # 8
        ("answer.md", f"\\approx {se:.3f}$"),  # 0.032
        ("answer.md", f"±{1.96 * se * 100:.1f} points"),  # 6.4
        ("answer.md", f"({0.7 - 1.96 * se:.2f} to {0.7 + 1.96 * se:.2f})"),  # 0.64 to 0.76
        ("answer.md", f"\\approx {se_chance:.3f}$"),  # 0.035
        ("answer.md", f"up to about {0.5 + 1.96 * se_chance:.2f}"),  # 0.57
        ("rubric.toml", f"about {null_sd:.3f}"),
        ("rubric.toml", f"about {above_02:.0f} of 20,000 noise genes"),
        ("rubric.toml", f"about {se:.3f}"),
        ("rubric.toml", f"roughly {1.96 * se * 100:.1f} points"),
        ("samples.toml", f"1/sqrt({n - 1}) = {null_sd:.3f}"),
        ("samples.toml", f"{z:.1f} sigma event, probability about {tail:.1%}"),  # 2.8, 0.5%
        ("samples.toml", f"roughly {above_02:.0f} of the 20,000"),
        ("samples.toml", f"= {se:.3f}, so about +/-{1.96 * se * 100:.1f} points"),
    )
    assert above_02 > 50  # the top 50 of pure noise all clear |r| = 0.2
    # the other defensible readings, accepted: sd 1/sqrt(n), and r's exact null distribution for
    # normal expression, density proportional to (1 - r^2)^((n - 4)/2) on [-1, 1]
    sd_n = 1 / math.sqrt(n)
    above_02_n = 2 * (1 - NormalDist().cdf(0.2 / sd_n)) * genes
    power = (n - 4) / 2
    grid = np.linspace(0.2, 1.0, 200_001)
    beta = math.exp(math.lgamma(0.5) + math.lgamma(power + 1) - math.lgamma(power + 1.5))
    exact_tail = 2 * float(np.trapezoid((1 - grid**2) ** power, grid)) / beta
    above_02_exact = exact_tail * genes
    low, high = round(above_02_exact), round(above_02)
    _shows(
        qid,
        ("answer.md", f"\\sqrt{{{n}}} \\approx {sd_n:.4f}$"),  # 0.0707
        ("answer.md", f"gives about {above_02_n:.0f} genes"),  # 94
        ("answer.md", f"^{{{power:.0f}}}$) about {above_02_exact:.0f}:"),  # 98, 90
        ("rubric.toml", f"about {above_02_n:.0f} with 1/sqrt({n})"),
        ("rubric.toml", f"about {above_02_exact:.0f} from the exact"),
        ("rubric.toml", f"roughly {low} to {high} of 20,000"),
        ("corpus.toml", f"{sd_n:.4f}, a correlation of 0.2 is {0.2 / sd_n:.2f} sigma"),
        ("corpus.toml", f"about {above_02_n:.0f} of the 20,000"),
        ("corpus.toml", f"about {exact_tail:.2%} of noise genes"),
        ("corpus.toml", f"some {above_02_exact:.0f} of 20,000"),
    )


def test_noise_features_train_test_gap() -> None:
    qid = "noise-features-train-test-gap"
    sigma2, n = 100, 1_000
    train = {p: sigma2 * (1 - p / n) for p in (20, 400)}
    test = {p: sigma2 * (1 + p / (n - p - 1)) for p in (20, 400)}
    observed_gap = (104 - 97, 171 - 58)  # the table's validation minus training MSE
    _shows(
        qid,
        ("answer.md", f"$100(1 - {20 / n:.2f}) = {train[20]:.1f}$"),  # 98.0
        ("answer.md", f"$100(1 - {400 / n:.1f}) = {train[400]:.1f}$"),  # 60.0
        ("answer.md", f"$100(1 + 20/{n - 20 - 1}) \\approx {test[20]:.1f}$"),  # 102.0
        ("answer.md", f"$100(1 + 400/{n - 400 - 1}) \\approx {test[400]:.1f}$"),  # 166.8
        ("answer.md", f"only {n - 400} residual degrees of freedom"),
        ("answer.md", f"from {20 / n:.2f} to {400 / n:.1f}"),
        ("answer.md", f"grew from {observed_gap[0]} to {observed_gap[1]}"),
        ("rubric.toml", f"gives {train[20]:.1f} and {train[400]:.1f}"),
        ("rubric.toml", f"about {test[20]:.1f} and {test[400]:.1f}"),
        ("rubric.toml", f"training MSE of {train[20]:.1f} with 20 features and {train[400]:.1f}"),
        ("rubric.toml", f"about {test[20]:.1f} with 20 features and about {test[400]:.1f}"),
        ("samples.toml", f"= {train[20]:.1f} for 20 features and {train[400]:.1f} for 400"),
        ("samples.toml", f"about {test[20]:.1f} for 20 and about {test[400]:.1f} for 400"),
    )
    # "about two thirds of sigma^2": the excess test error with 400 features
    assert round(400 / (n - 400 - 1), 2) == 0.67
    assert "two thirds" in _text(qid, "answer.md")


def test_deeper_network_trains_worse() -> None:
    qid = "deeper-network-trains-worse"
    shallow, deep = 0.9**20, 0.9**56
    _shows(
        qid,
        ("answer.md", f"$0.9^{{20}} \\approx {shallow:.2f}$"),  # 0.12
        ("answer.md", f"$0.9^{{56}} \\approx {deep:.4f}$"),  # 0.0027
        ("answer.md", f"about {shallow / deep:.0f} times less"),  # 44
        ("answer.md", f"$1.1^{{56}} \\approx {1.1**56:.0f}$"),  # 208
        ("answer.md", f"train-test gap ({13 - 11} points)"),
        ("answer.md", f"make the {56 - 20} extra layers"),
        ("rubric.toml", f"0.9^20 = {shallow:.2f} and 0.9^56 = {deep:.4f}"),
        ("rubric.toml", f"(about {shallow / deep:.0f} times less)"),
        ("rubric.toml", f"about {shallow:.2f} of it reaches the first of 20 layers"),
        ("rubric.toml", f"only about {deep:.4f} the first of 56"),
        ("samples.toml", f"0.9^20 = {shallow:.2f} of the gradient"),
        ("samples.toml", f"0.9^56 = {deep:.4f} in the deep one"),
        ("corpus.toml", f"some {shallow / deep:.0f} times smaller"),
        ("corpus.toml", f"would give about {1.1**56:.0f} instead"),
        ("corpus.toml", f"has {3 * 3 * 64 * 64:,} weights"),  # a 3x3 conv, 64 -> 64 channels
    )
    assert 13 - 11 == 9 - 7  # both networks have the same train-test gap


def test_logistic_newton_irls_cost() -> None:
    qid = "logistic-newton-irls-cost"
    n, d, newton_iters, gd_iters, d_big = 2_000_000, 40, 7, 3_000, 100_000
    gradient, hessian, solve = n * d, n * d * d, d**3
    assert (gradient, hessian, solve) == (8 * 10**7, 32 * 10**8, 64_000)
    per_newton = hessian // gradient  # gradients' worth of work per Newton iteration
    total_newton = newton_iters * per_newton
    hessian_gb = d_big**2 * 8 / 1e9
    assert (d_big**2, d_big**3) == (10**10, 10**15)
    _shows(
        qid,
        ("answer.md", f"$nd = {n:,} \\times {d} = 8 \\times 10^7$"),
        ("answer.md", "$nd^2 = 3.2 \\times 10^9$"),
        ("answer.md", f"$d^3 = {solve:,}$"),
        ("answer.md", f"about $d = {per_newton}$ gradients"),
        ("answer.md", f"about {total_newton} gradient evaluations against 3,000"),
        ("answer.md", f"roughly {gd_iters / total_newton:.0f} times cheaper"),  # 11
        ("answer.md", f"{hessian_gb:.0f} GB in 64-bit floats"),
        ("answer.md", "$d^3 = 10^{15}$"),
        ("rubric.toml", "nd = 8 x 10^7"),
        ("rubric.toml", "nd^2 = 3.2 x 10^9"),
        ("rubric.toml", f"d^3 = {solve:,} (about {per_newton} gradients)"),
        ("rubric.toml", f"~ {total_newton} gradients vs 3,000"),
        ("rubric.toml", f"the Hessian is {hessian_gb:.0f} GB"),
        ("rubric.toml", f"roughly {per_newton} gradients, so 7 Newton iterations"),
        ("rubric.toml", f"as much as {total_newton} gradient steps"),
        ("rubric.toml", f"about {hessian_gb:.0f} GB in 64-bit floats"),
        ("samples.toml", "nd = 8 x 10^7"),
        ("samples.toml", "nd^2 = 3.2 x 10^9"),
        ("samples.toml", f"({solve:,}, nothing)"),
        ("samples.toml", f"about {per_newton} gradients, 7 steps about {total_newton}"),
        ("samples.toml", f"{hessian_gb:.0f} GB in float64"),
    )


def test_naive_bayes_ticket_smoothing() -> None:
    qid = "naive-bayes-ticket-smoothing"
    vocab, tokens = 2_000, {"billing": 1_000, "technical": 800}
    prior = {"billing": 0.6, "technical": 0.4}
    counts = {"refund": (40, 0), "error": (5, 60), "crash": (2, 30)}
    den_b, den_t = tokens["billing"] + vocab, tokens["technical"] + vocab
    prob = {w: ((b + 1) / den_b, (t + 1) / den_t) for w, (b, t) in counts.items()}
    ratio = {w: pt / pb for w, (pb, pt) in prob.items()}
    odds = prior["technical"] / prior["billing"] * math.prod(ratio.values())
    posterior = odds / (1 + odds)
    log_b = math.log(prior["billing"]) + sum(math.log(pb) for pb, _ in prob.values())
    log_t = math.log(prior["technical"]) + sum(math.log(pt) for _, pt in prob.values())
    odds5 = odds * ratio["error"] ** 4  # four extra copies of "error"
    _shows(
        qid,
        ("answer.md", f"$1,000 + 2,000 = {den_b:,}$"),
        ("answer.md", f"$800 + 2,000 = {den_t:,}$"),
        ("answer.md", f"$41/3000 = {prob['refund'][0]:.4f}$"),
        ("answer.md", f"$1/2800 = {prob['refund'][1]:.5f}$"),
        ("answer.md", f"$1/{1 / ratio['refund']:.1f}$"),  # 38.3
        ("answer.md", f"$6/3000 = {prob['error'][0]:.4f}$"),
        ("answer.md", f"$61/2800 = {prob['error'][1]:.4f}$"),
        ("answer.md", f"$3/3000 = {prob['crash'][0]:.4f}$"),
        ("answer.md", f"$31/2800 = {prob['crash'][1]:.4f}$"),
        ("answer.md", f"| ${ratio['error']:.1f}$ |"),
        ("answer.md", f"| ${ratio['crash']:.1f}$ |"),
        ("answer.md", f"\\approx {odds:.2f}$"),
        ("answer.md", f"\\approx {posterior:.3f}.$$"),
        ("answer.md", f"about {odds5:,.0f} to 1, a posterior of {odds5 / (1 + odds5):.5f}"),
        ("answer.md", f"${ratio['error']:.1f}^4$"),
        ("answer.md", f"10^{{{300 * math.log10(1 / 3000):.0f}}}"),  # -1043
        ("answer.md", f"about $-{-300 * math.log(1 / 3000):,.0f}$"),  # 2,402
        ("rubric.toml", f"about {posterior:.3f}"),
        ("rubric.toml", f"odds about {odds:.2f}"),
        ("rubric.toml", f"about {odds5:,.0f}:1 ({odds5 / (1 + odds5):.5f})"),
        (
            "rubric.toml",
            f"1/{1 / ratio['refund']:.1f}, {ratio['error']:.1f} and {ratio['crash']:.1f}",
        ),
        ("samples.toml", f"about 1/{1 / ratio['refund']:.1f} for technical"),
        ("samples.toml", f"about {odds:.2f} and P(technical) is about {posterior:.3f}"),
        ("samples.toml", f"about {odds5:,.0f} to 1, a posterior of {odds5 / (1 + odds5):.5f}"),
        ("corpus.toml", f"about {log_b:.2f} for billing and {log_t:.2f} for technical"),
    )
    assert posterior > 0.5  # smoothing flips the decision to technical


def _kl(p: tuple[float, ...], q: tuple[float, ...]) -> float:
    return sum(a * math.log(a / b) for a, b in zip(p, q, strict=True) if a > 0)


def test_kl_divergence_distillation() -> None:
    qid = "kl-divergence-distillation"
    teacher, student, truncated = (0.7, 0.2, 0.1), (0.5, 0.25, 0.25), (0.8, 0.2, 0.0)
    entropy = -sum(p * math.log(p) for p in teacher)
    cross = -sum(p * math.log(q) for p, q in zip(teacher, student, strict=True))
    forward, reverse = _kl(teacher, student), _kl(student, teacher)
    assert math.isclose(cross, entropy + forward)
    reverse_truncated = _kl(truncated, teacher)  # finite: S puts no weight on the third intent
    with pytest.raises(ZeroDivisionError):
        _kl(teacher, truncated)  # forward is infinite: P gives 0.1 where S gives 0
    _shows(
        qid,
        ("answer.md", f"\\approx {entropy:.3f}$$"),
        ("answer.md", f"\\approx {cross:.3f}$$"),
        ("answer.md", f"\\approx {forward:.3f}$$"),
        ("answer.md", f"\\approx {reverse:.3f}$$"),
        ("answer.md", f"${entropy:.3f} + {forward:.3f} = {cross:.3f}$"),
        ("answer.md", f"(S\\,\\|\\,P) \\approx {reverse_truncated:.3f}$"),
        ("rubric.toml", f"H(P) = {entropy:.3f}, H(P,Q) = {cross:.3f} and KL(P||Q) = {forward:.3f}"),
        ("rubric.toml", f"KL(Q||P) = {reverse:.3f} against KL(P||Q) = {forward:.3f}"),
        ("rubric.toml", f"about {reverse_truncated:.3f}, since"),
        ("samples.toml", f"= {entropy:.3f}. Cross-entropy"),
        ("samples.toml", f"= {cross:.3f}. KL(P||Q) = {forward:.3f}"),
        ("samples.toml", f"KL(Q||P) is {reverse:.3f}"),
        ("samples.toml", f"about {reverse_truncated:.3f}, since"),
        ("corpus.toml", f"about {entropy / math.log(2):.3f} and the forward divergence about "),
        ("corpus.toml", f"divergence about {forward / math.log(2):.3f}"),
    )


def _sci(x: float, times: str = " \\times ") -> str:
    """2.048e12 -> '2.0 \\times 10^{12}' (or '2.0 x 10^12' with times=' x ')."""
    exponent = math.floor(math.log10(x))
    power = f"10^{{{exponent}}}" if "\\" in times else f"10^{exponent}"
    return f"{x / 10**exponent:.1f}{times}{power}"


def test_implicit_als_music() -> None:
    qid = "implicit-als-music"
    users, tracks, nnz, k = 2_000_000, 200_000, 500_000_000, 64
    pairs = users * tracks
    gram = tracks * k**2
    corrections = nnz * k**2  # one half-step; the tracks' half-step costs the same
    solves = (users + tracks) * k**3
    sweep = 2 * corrections + solves
    sgd_epoch = nnz * k
    factors_mb = (users + tracks) * k * 4 / 1e6
    assert pairs == 4 * 10**11 and sgd_epoch == 32 * 10**9
    x = " x "
    _shows(
        qid,
        ("answer.md", "$2,000,000 \\times 200,000 = 4 \\times 10^{11}$"),
        ("answer.md", f"({nnz / pairs:.3%} of"),  # 0.125%
        ("answer.md", f"\\approx {_sci(gram)}$"),  # 8.2 x 10^8
        ("answer.md", f"5 \\times 10^8 \\times {k**2:,} \\approx {_sci(corrections)}$"),
        ("answer.md", f"{users + tracks:,} \\times {k**3:,} \\approx {_sci(solves)}$"),
        ("answer.md", f"about ${_sci(sweep)}$"),  # 4.7 x 10^12
        ("answer.md", f"= {_sci(sgd_epoch)}$"),
        ("answer.md", f"around {sweep / sgd_epoch:.0f} times less"),  # 146
        ("answer.md", f"about {factors_mb:.0f} MB"),
        ("rubric.toml", f"about {_sci(gram, x)}"),
        ("rubric.toml", f"nnz k^2 = {_sci(corrections, x)} per half-step"),
        ("rubric.toml", f"(m + n) k^3 = {_sci(solves, x)} for the solves (about {_sci(sweep, x)}"),
        ("rubric.toml", f"nnz k = {_sci(sgd_epoch, x)}"),
        ("samples.toml", f"about {_sci(corrections, x)} multiply-adds per half-step"),
        ("samples.toml", f"about {_sci(solves, x)}, for the solves"),
        ("samples.toml", f"(about {_sci(gram, x)})"),
        ("samples.toml", f"nnz k = {_sci(sgd_epoch, x)}"),
        ("corpus.toml", f"roughly {sweep / sgd_epoch:.0f} times cheaper"),
    )


def test_rope_context_extension() -> None:
    qid = "rope-context-extension"
    d, base, train_len, target_len = 128, 10_000, 4_096, 32_768
    theta = [base ** (-2 * i / d) for i in range(d // 2)]
    wavelength = [2 * math.pi / t for t in theta]
    never_turn = [i for i, w in enumerate(wavelength) if w > train_len]
    assert never_turn == list(range(46, 64))
    scale = target_len // train_len
    slow_seen, slow_far = theta[-1] * train_len, theta[-1] * target_len
    ntk_base = base * scale ** (d / (d - 2))
    _shows(
        qid,
        ("answer.md", f"\\approx {theta[-1] / 1e-4:.2f} \\times 10^{{-4}}$"),  # 1.15
        ("answer.md", f"$2\\pi \\approx {wavelength[0]:.1f}$ tokens"),
        ("answer.md", f"about **{wavelength[-1]:,.0f} tokens**"),
        ("answer.md", f"that is $i \\le {never_turn[0] - 1}$"),
        ("answer.md", f"the **{len(never_turn)} pairs** $i = {never_turn[0]}"),
        ("answer.md", f"about {slow_seen:.2f} radians ({slow_seen / (2 * math.pi):.1%} of a turn)"),
        ("answer.md", f"about {slow_far:.1f} radians at distance 32,768, against {slow_seen:.2f}"),
        ("answer.md", f"the {len(never_turn)} slow pairs"),
        ("answer.md", f"\\frac{{4096}}{{32768}} = m/{scale}$"),
        ("answer.md", f"\\approx {ntk_base:,.0f}$"),
        ("rubric.toml", f"2 pi = {wavelength[0]:.1f} tokens"),
        ("rubric.toml", f"about {wavelength[-1]:,.0f} tokens (theta_63"),
        ("rubric.toml", f"(theta_63 = {theta[-1] / 1e-4:.2f} x 10^-4)"),
        ("rubric.toml", f"the {len(never_turn)} pairs i = 46..63"),
        ("rubric.toml", f"({slow_seen:.2f} rad seen vs {slow_far:.1f} rad at 32,768)"),
        ("rubric.toml", f"about {ntk_base:,.0f} for s = {scale}"),
        ("rubric.toml", f"to about {ntk_base:,.0f} for an eightfold extension"),
        ("samples.toml", f"about {wavelength[0]:.1f}"),
        ("samples.toml", f"to about {wavelength[-1]:,.0f} tokens"),
        ("samples.toml", f"so {len(never_turn)} pairs never complete"),
        ("samples.toml", f"about {slow_far:.1f} rad at 32k against {slow_seen:.2f}"),
        ("samples.toml", f"about {ntk_base:,.0f}, which"),
        ("corpus.toml", f"about {wavelength[45]:,.0f} tokens, just inside"),
        ("corpus.toml", f"pair 46 about {round(wavelength[46], -1):,.0f}, just outside"),
    )


def test_glove_ratios_by_hand() -> None:
    qid = "glove-ratios-by-hand"
    totals = (200_000, 250_000)
    counts = {"snow": (1_800, 50), "beach": (40, 2_000), "weather": (900, 1_100)}
    counts["keyboard"] = (10, 12)
    prob = {k: (a / totals[0], b / totals[1]) for k, (a, b) in counts.items()}
    ratio = {k: pw / ps for k, (pw, ps) in prob.items()}

    def weight(x: float) -> float:
        return min(1.0, (x / 100) ** 0.75)

    _shows(
        qid,
        ("answer.md", f"| snow | {prob['snow'][0]:g} | {prob['snow'][1]:g} | "),
        ("answer.md", f"| {ratio['snow']:.0f} |"),
        ("answer.md", f"| beach | {prob['beach'][0]:g} | {prob['beach'][1]:g} | "),
        ("answer.md", f"| {ratio['beach']:g} |"),
        ("answer.md", f"| weather | {prob['weather'][0]:g} | {prob['weather'][1]:g} | "),
        ("answer.md", f"| {ratio['weather']:.2f} |"),
        ("answer.md", f"| keyboard | {prob['keyboard'][0]:.5f} | {prob['keyboard'][1]:.6f} | "),
        ("answer.md", f"| {ratio['keyboard']:.2f} |"),
        ("answer.md", f"$\\log(45) \\approx {math.log(ratio['snow']):.2f}$"),
        ("answer.md", f"$\\log(0.025) \\approx {math.log(ratio['beach']):.2f}$"),
        ("answer.md", f"$f(10) = 0.1^{{0.75}} \\approx {weight(10):.3f}$"),
        ("answer.md", f"$f(50) = 0.5^{{0.75}} \\approx {weight(50):.3f}$"),
        ("answer.md", f"$f(1800) = {weight(1800):.0f}$"),
        ("rubric.toml", f"(snow {ratio['snow']:.0f}, beach {ratio['beach']:g}, weather "),
        ("rubric.toml", f"weather {ratio['weather']:.2f}, keyboard {ratio['keyboard']:.2f})"),
        ("rubric.toml", f"log 45 = {math.log(ratio['snow']):.2f}"),
        ("rubric.toml", f"f(10) = {weight(10):.3f}, f(50) = {weight(50):.3f}, f(1800) = 1"),
        ("samples.toml", f"{prob['snow'][0]:g} vs {prob['snow'][1]:g}, ratio {ratio['snow']:.0f}"),
        ("samples.toml", f"{prob['beach'][0]:g} vs {prob['beach'][1]:g}, ratio {ratio['beach']:g}"),
        ("samples.toml", f"about {ratio['weather']:.2f}"),
        ("samples.toml", f"{prob['keyboard'][0]:.5f} vs {prob['keyboard'][1]:.6f}"),
        ("samples.toml", f"about {ratio['keyboard']:.2f}"),
        ("samples.toml", f"about log 45 = {math.log(ratio['snow']):.2f}"),
        ("samples.toml", f"f(10) = {weight(10):.3f}, f(50) = {weight(50):.3f}"),
        ("corpus.toml", f"ratio of about log 45 = {math.log(ratio['snow']):.2f}"),
    )


def _weighted(children: list[tuple[int, int]], impurity: object) -> float:
    assert callable(impurity)
    total = sum(a + b for a, b in children)
    return sum((a + b) / total * impurity(a / (a + b)) for a, b in children)


def test_split_criteria_gini_entropy() -> None:
    qid = "split-criteria-gini-entropy"

    def error(p: float) -> float:
        return min(p, 1 - p)

    def gini(p: float) -> float:
        return 2 * p * (1 - p)

    def entropy(p: float) -> float:
        return 0.0 if p in (0.0, 1.0) else -(p * math.log2(p) + (1 - p) * math.log2(1 - p))

    split_a, split_b = [(300, 100), (100, 300)], [(200, 400), (200, 0)]
    node2, split_c = [(700, 300)], [(400, 50), (300, 250)]
    err_a, err_b = _weighted(split_a, error), _weighted(split_b, error)
    gini_a, gini_b = _weighted(split_a, gini), _weighted(split_b, gini)
    ent_a, ent_b = _weighted(split_a, entropy), _weighted(split_b, entropy)
    assert math.isclose(err_a, err_b)  # misclassification error ties
    err_drop = _weighted(node2, error) - _weighted(split_c, error)
    assert abs(err_drop) < 1e-12  # exactly zero
    gini2, gini_c = _weighted(node2, gini), _weighted(split_c, gini)
    ent2, ent_c = _weighted(node2, entropy), _weighted(split_c, entropy)
    n, features = 1_000_000, 50
    dg, de = gini2 - gini_c, ent2 - ent_c
    _shows(
        qid,
        ("answer.md", f"= {err_a:.2f}$ | $0.75 \\times \\tfrac13 + 0.25 \\times 0 = {err_b:.2f}$"),
        ("answer.md", f"0.5 \\times {gini(0.75):.3f} = {gini_a:.3f}$"),
        ("answer.md", f"$0.75 \\times {gini(1 / 3):.3f} + 0.25 \\times 0 \\approx {gini_b:.3f}$"),
        (
            "answer.md",
            f"| ${ent_a:.3f}$ | $0.75 \\times {entropy(1 / 3):.3f} \\approx {ent_b:.3f}$",
        ),
        ("answer.md", f"Gini falls from {gini2:.2f} to about {gini_c:.3f}"),
        ("answer.md", f"(a decrease of about {gini2 - gini_c:.3f})"),
        ("answer.md", f"entropy from {ent2:.3f} to {ent_c:.3f} bits (about {ent2 - ent_c:.3f})"),
        ("answer.md", f"now {400 / 450:.0%} defaults"),
        ("answer.md", "$50 \\times 10^6 = 5 \\times 10^7$"),
        ("answer.md", f"{features * 255:,} candidates"),
        (
            "rubric.toml",
            f"Gini {gini_a:.3f} (A) vs {gini_b:.3f} (B); entropy {ent_a:.3f} vs {ent_b:.3f} bits",
        ),
        (
            "rubric.toml",
            f"Gini falls by about {dg:.3f} and entropy by about {de:.3f}",
        ),
        ("samples.toml", f"= {gini(1 / 3):.3f}, weighted by 0.75 gives {gini_b:.3f}"),
        ("samples.toml", f"Gini {gini_b:.3f}, entropy {ent_b:.3f}"),
        (
            "samples.toml",
            f"from {gini2:.2f} to {gini_c:.3f}, a decrease of about {dg:.3f}",
        ),
        ("samples.toml", f"from {ent2:.3f} to {ent_c:.3f} bits, about {ent2 - ent_c:.3f}"),
        ("corpus.toml", f"Gini 4/9 ≈ {gini(1 / 3):.3f}, weighted by 0.75 gives {gini_b:.3f}"),
    )
    exact = features * n * math.log2(n)
    assert round(math.log10(exact)) == 9  # "roughly 10^9 comparisons"
    assert round(math.log2(n)) == 20  # the sample's "50 x 10^6 x 20"


def _sci_minus(x: float) -> str:
    """2.4e-05 -> '2.4 x 10^-5'; 1e-08 -> '10^-8' (the form samples and rubrics print)."""
    exponent = math.floor(math.log10(x) + 1e-12)
    mantissa = x / 10**exponent
    return f"{mantissa:g} x 10^{exponent}"


def test_spelling_noisy_channel_by_hand() -> None:
    qid = "spelling-noisy-channel-by-hand"
    prior = {"shoes": 0.012, "hose": 0.0003, "those": 0.0009, "chose": 0.00002}
    channel = {"shoes": 0.002, "hose": 0.0005, "those": 0.0001, "chose": 0.0003}
    bigram = {"shoes": 0.002, "hose": 0.05, "those": 0.0001, "chose": 0.00001}
    alone = {w: prior[w] * channel[w] for w in prior}
    context = {w: bigram[w] * channel[w] for w in prior}
    post = {w: s / sum(alone.values()) for w, s in alone.items()}
    post_ctx = {w: s / sum(context.values()) for w, s in context.items()}
    assert max(post, key=post.__getitem__) == "shoes"
    assert max(post_ctx, key=post_ctx.__getitem__) == "hose"
    tex = {
        w: _sci_minus(s).replace(" x ", " \\times ").replace("^", "^{") + "}"
        for w, s in alone.items()
    }
    _shows(
        qid,
        ("answer.md", f"$0.012 \\times 0.002 = {tex['shoes']}$ | {post['shoes']:.3f} |"),
        ("answer.md", f"$0.0003 \\times 0.0005 = {tex['hose']}$ | {post['hose']:.3f} |"),
        ("answer.md", f"$0.0009 \\times 0.0001 = {tex['those']}$ | {post['those']:.3f} |"),
        ("answer.md", f"$0.00002 \\times 0.0003 = {tex['chose']}$ | {post['chose']:.4f} |"),
        ("answer.md", f"posterior of about **{post['shoes']:.3f}**"),
        ("answer.md", f"$0.002 \\times 0.002 = 4 \\times 10^{{-6}}$ | {post_ctx['shoes']:.3f} |"),
        ("answer.md", f"$0.05 \\times 0.0005 = 2.5 \\times 10^{{-5}}$ | {post_ctx['hose']:.3f} |"),
        ("answer.md", f"$0.0001 \\times 0.0001 = 10^{{-8}}$ | {post_ctx['those']:.4f} |"),
        (
            "answer.md",
            f"$0.00001 \\times 0.0003 = 3 \\times 10^{{-9}}$ | {post_ctx['chose']:.4f} |",
        ),
        ("answer.md", f"about **{post_ctx['hose']:.3f}**"),
        ("answer.md", f"*hose* {bigram['hose'] / bigram['shoes']:.0f} times more likely"),
        ("answer.md", f"its {channel['shoes'] / channel['hose']:.0f}-times less likely error"),
        (
            "rubric.toml",
            f"{_sci_minus(alone['shoes'])} (shoes), {_sci_minus(alone['hose'])} (hose)",
        ),
        (
            "rubric.toml",
            f"{_sci_minus(alone['those'])} (those), {_sci_minus(alone['chose'])} (chose)",
        ),
        ("rubric.toml", f"posterior about {post['shoes']:.3f}"),
        (
            "rubric.toml",
            f"shoes {_sci_minus(context['shoes'])}, hose {_sci_minus(context['hose'])}",
        ),
        ("rubric.toml", f"about {post_ctx['hose']:.3f} (shoes {post_ctx['shoes']:.3f})"),
        ("samples.toml", f"= {_sci_minus(alone['shoes'])}, hose {_sci_minus(alone['hose'])}"),
        ("samples.toml", f"posterior of about {post['shoes']:.3f}"),
        ("samples.toml", f"about {post_ctx['hose']:.3f} (shoes {post_ctx['shoes']:.3f})"),
        ("corpus.toml", f"by a factor of {alone['shoes'] / alone['hose']:.0f}"),
        ("corpus.toml", f"both {prior['shoes'] / prior['hose']:.0f} times more frequent"),
        ("corpus.toml", f"{post['hose']:.3f} for hose, {post['those']:.3f} for those"),
    )


def test_lstm_step_by_hand() -> None:
    qid = "lstm-step-by-hand"

    def sigmoid(z: float) -> float:
        return 1 / (1 + math.exp(-z))

    c_prev = 2.0
    f, i, g, o = sigmoid(2.0), sigmoid(-1.0), math.tanh(0.5), sigmoid(1.0)
    c = f * c_prev + i * g
    h = o * math.tanh(c)
    survive = {b: sigmoid(b) ** 20 for b in (0, 1, 3)}
    # The text raises the gate as printed (0.953) and the table the unrounded sigma(3): they differ
    # in the third decimal (0.382 and 0.378), and each is written with its own base.
    rounded = {b: round(sigmoid(b), 3) ** 20 for b in (1, 3)}
    assert f"{rounded[3]:.3f}" != f"{survive[3]:.3f}"
    assert f"{rounded[1]:.4f}" == f"{survive[1]:.4f}"
    hidden, inputs = 256, 128
    params = 4 * (hidden * (hidden + inputs) + hidden)
    _shows(
        qid,
        ("answer.md", f"\\sigma(2) \\approx {f:.3f}"),
        ("answer.md", f"\\sigma(-1) \\approx {i:.3f}"),
        ("answer.md", f"\\tanh(0.5) \\approx {g:.3f}"),
        ("answer.md", f"\\sigma(1) \\approx {o:.3f}"),
        ("answer.md", f"\\approx {f * c_prev:.3f} + {i * g:.3f} = {c:.3f}$$"),
        (
            "answer.md",
            f"\\tanh({c:.3f}) \\approx {o:.3f} \\times {math.tanh(c):.3f} \\approx {h:.3f}$$",
        ),
        ("answer.md", f"kept {f:.0%} of"),
        ("answer.md", f"only {i:.0%} of the new candidate value {g:.3f}"),
        ("answer.md", f"(2.0 to {c:.3f})"),
        ("answer.md", f"exposed {o:.0%} of"),
        ("answer.md", f"\\partial c_{{t-1}} = f_t \\approx {f:.3f}$"),
        ("answer.md", f"| 0 | {sigmoid(0):.1f} | $9.5 \\times 10^{{-7}}$ |"),
        ("answer.md", f"| 1 | {sigmoid(1):.3f} | {survive[1]:.4f} |"),
        ("answer.md", f"| 3 | {sigmoid(3):.3f} | {survive[3]:.3f} |"),
        (
            "answer.md",
            f"${sigmoid(3):.3f}^{{20}} \\approx {rounded[3]:.3f}$, "
            f"either way about {survive[3]:.2f}",
        ),
        ("answer.md", f"$256 + 128 = {hidden + inputs}$"),
        ("answer.md", f"${hidden + inputs} \\times {4 * hidden:,}$"),
        ("answer.md", f"= {params:,}$ parameters"),
        ("rubric.toml", f"f = {f:.3f}, i = {i:.3f}, g = {g:.3f}, o = {o:.3f}"),
        ("rubric.toml", f"c_t = {f:.3f} x 2 + {i:.3f} x {g:.3f} = {c:.3f}"),
        ("rubric.toml", f"h_t = {o:.3f} x tanh({c:.3f}) = {h:.3f}"),
        ("rubric.toml", f"0.5^20 = 9.5 x 10^-7, {sigmoid(1):.3f}^20 = {survive[1]:.4f}"),
        (
            "rubric.toml",
            f"{sigmoid(3):.3f}^20 = {rounded[3]:.3f} (sigma(3)^20 = {survive[3]:.3f} unrounded)",
        ),
        ("rubric.toml", f"a gate of {sigmoid(3):.3f} about {survive[3]:.2f}, so"),
        ("rubric.toml", f"({params:,} parameters)"),
        ("samples.toml", f"= {f * c_prev:.3f} + {i * g:.3f} = {c:.3f}"),
        ("samples.toml", f"= {o:.3f} x {math.tanh(c):.3f} =\n{h:.3f}".replace("\n", " ")),
        ("samples.toml", f"{sigmoid(1):.3f}^20 = {survive[1]:.4f}"),
        ("samples.toml", f"{sigmoid(3):.3f}^20 = {rounded[3]:.3f}"),
        ("corpus.toml", f"{sigmoid(3):.3f}^20 ≈ {rounded[3]:.3f}"),
        ("corpus.toml", f"b=3 → {survive[3]:.3f}"),
        ("corpus.toml", f"contributes {f * c_prev:.3f} and the new write {i * g:.3f}"),
        ("corpus.toml", f"the layer's {params:,} parameters"),
        ("corpus.toml", f"only about {0.9**30:.0%} of the gradient survives 30 steps"),
    )
    assert f"{survive[0]:.1e}" == "9.5e-07"
    assert c < c_prev  # "the memory barely changed (2.0 to 1.886)"


def test_forest_extrapolation_pricing() -> None:
    qid = "forest-extrapolation-pricing"
    base, per_bedroom, bedrooms = 60, 85, 9
    villa = base + per_bedroom * bedrooms
    p2023, p2024, p2025 = 150, 162, 175
    growth = p2024 / p2023
    trend_2025 = p2024 * growth
    forest_gap = (p2024 - p2025) / p2025
    _shows(
        qid,
        ("answer.md", f"$60 + 85 \\times 9 = ${villa:,}$"),
        ("answer.md", f"about {abs(forest_gap):.1%} too low"),
        ("answer.md", f"$162 / 150 = {growth:.2f}$"),
        ("answer.md", f"so {growth - 1:.0%} a year"),
        ("answer.md", f"$162 \\times {growth:.2f} \\approx ${trend_2025:.0f}$"),
        ("rubric.toml", f"60 + 85 x 9 = \\${villa}"),
        ("rubric.toml", f"{abs(forest_gap):.1%} low"),
        ("rubric.toml", f"162/150 = {growth:.2f} predicts about \\${trend_2025:.0f}"),
        ("rubric.toml", f"60 + 85 x 9 = {villa} dollars"),
        ("rubric.toml", f"roughly {abs(forest_gap):.1%} too low"),
        ("rubric.toml", f"growth factor of {growth:.2f} predicts about {trend_2025:.0f}"),
        ("samples.toml", f"60 + 85 x 9 = ${villa}"),
        ("samples.toml", f"about {abs(forest_gap):.1%} low"),
        ("samples.toml", f"162/150 = {growth:.2f}, so a linear trend gives 162 x {growth:.2f}"),
        ("samples.toml", f"162 x {growth:.2f}, about ${trend_2025:.0f}"),
    )
    assert round(trend_2025) == p2025  # the 2023-2024 trend lands on the observed 2025 level


def test_churn_score_plain_language() -> None:
    qid = "churn-score-plain-language"
    base_rate, score = 0.05, 0.32
    contributions = {"tenure": 1.10, "price": 0.90, "calls": 0.60, "family": -0.41}
    base = math.log(base_rate / (1 - base_rate))
    total = base + sum(contributions.values())

    def sigmoid(z: float) -> float:
        return 1 / (1 + math.exp(-z))

    assert round(sigmoid(total), 2) == score  # the table reproduces the model's score
    _shows(
        qid,
        ("answer.md", f"$\\log(0.05/0.95) \\approx {base:.3f}$"),
        ("answer.md", f"0.60 - 0.41 = {total:.3f}$"),
        ("answer.md", f"$\\sigma({total:.3f}) = 1/(1 + e^{{{-total:.3f}}}) \\approx {score:.2f}$"),
        ("answer.md", f"$\\sigma({total:.3f} - 0.90) \\approx {sigmoid(total - 0.90):.2f}$"),
        ("answer.md", f"about {sigmoid(total - 1.10):.2f}."),
        ("answer.md", f"{sigmoid(total - 0.90):.0%} instead of {score:.0%}"),
        ("answer.md", f"about {round(1000 * 0.30)} of the 1,000"),
        ("rubric.toml", f"({base:.3f} + {sum(contributions.values()):.2f} = {total:.3f}"),
        ("rubric.toml", f"roughly {score / base_rate:.1f} times the 5% base rate"),
        ("rubric.toml", f"log-odds of {base:.3f} plus the four contributions gives {total:.3f}"),
        ("rubric.toml", f"to about {sigmoid(total - 0.90):.2f} without the price increase"),
        ("samples.toml", f"about {score / base_rate:.1f}\ntimes".replace("\n", " ")),
        ("samples.toml", f"= {base:.3f}. Adding"),
        ("samples.toml", f"gives {total:.3f}, and the"),
        ("samples.toml", f"about {sigmoid(total - 0.90):.2f} - half"),
        (
            "corpus.toml",
            f"would be {total - 0.90:.3f} and her score about {sigmoid(total - 0.90):.2f}",
        ),
    )


def test_log_target_retransformation_bias() -> None:
    qid = "log-target-retransformation-bias"
    factor = {s: math.exp(s**2 / 2) for s in (0.4, 0.7)}
    below = {s: 1 - 1 / f for s, f in factor.items()}
    _shows(
        qid,
        ("answer.md", f"$e^{{{0.4**2 / 2:.2f}}} \\approx {factor[0.4]:.3f}$"),
        ("answer.md", f"about {below[0.4]:.1%} below the mean"),
        ("answer.md", f"$e^{{{0.7**2 / 2:.3f}}} \\approx {factor[0.7]:.3f}$"),
        ("answer.md", f"about {below[0.7]:.1%} below the"),
        ("rubric.toml", f"{factor[0.4]:.3f} overall (predictions {below[0.4]:.1%} below the mean)"),
        ("rubric.toml", f"{factor[0.7]:.3f} in the premium segment ({below[0.7]:.1%} below)"),
        (
            "rubric.toml",
            f"about {factor[0.4]:.3f}, so predictions are about {below[0.4]:.1%} below",
        ),
        ("rubric.toml", f"about {factor[0.7]:.3f}, about {below[0.7]:.1%} below"),
        ("samples.toml", f"exp({0.4**2 / 2:.2f}) = {factor[0.4]:.3f}, so about {below[0.4]:.1%}"),
        ("samples.toml", f"exp({0.7**2 / 2:.3f}) =\n{factor[0.7]:.3f}".replace("\n", " ")),
        ("samples.toml", f"about {below[0.7]:.1%} below"),
        ("corpus.toml", f"would be priced at about {1000 / factor[0.7]:.0f}"),
    )
