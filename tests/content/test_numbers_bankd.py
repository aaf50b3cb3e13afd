"""Every derived figure of the deep-learning written questions (D keys, issue 18) is computed.

Each test recomputes the figures a question's prompt, hints, answer, rubric or samples
print (shapes, parameter counts, variances, losses, memory) from the scenario's given
inputs, formats them the way the text writes them, and asserts the text contains them.
A typed or mis-rounded figure, or a scenario input changed without its consequences,
fails here. Given inputs (the scenario's numbers) are not tested.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from mlprep.content import builtin_bank_root

BANK = builtin_bank_root()


def _read(question: str, name: str) -> str:
    # LaTeX writes a thousands separator as {,}; compare with the plain comma.
    return (BANK / question / name).read_text(encoding="utf-8").replace("{,}", ",")


def _has(question: str, figures: dict[str, tuple[str, ...]]) -> None:
    missing = [
        f"{name}: {figure!r}"
        for figure, names in figures.items()
        for name in names
        if figure not in _read(question, name)
    ]
    assert not missing, f"{question}: figures not found: {missing}"


def _sci(x: float, style: str) -> str:
    """1.2e24 as '1.2e24' (style 'e') or '1.2 \\times 10^{24}' (style 'tex')."""
    exponent = math.floor(math.log10(abs(x)))
    mantissa = round(x / 10**exponent, 1)
    if mantissa >= 10:
        mantissa, exponent = mantissa / 10, exponent + 1
    if style == "e":
        return f"{mantissa:.1f}e{exponent}"
    return f"{mantissa:.1f} \\times 10^{{{exponent}}}"


def _out(n: int, k: int, s: int, p: int, d: int = 1) -> int:
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


# --- D04 conv-shapes-receptive-field ------------------------------------------------------


def test_conv_shapes_parameters_and_receptive_field() -> None:
    q = "theory/conv-shapes-receptive-field"
    # Given: 128x128x3 input; conv1 32 @ 5x5/s2/p2; conv2 64 @ 3x3/s1/p1; pool 2/s2;
    # conv3 64 @ 3x3/s1/d2/p2.
    h1 = _out(128, 5, 2, 2)
    h2 = _out(h1, 3, 1, 1)
    h3 = _out(h2, 2, 2, 0)
    h4 = _out(h3, 3, 1, 2, d=2)
    assert (h1, h2, h3, h4) == (64, 64, 32, 32)
    shapes = [(h1, 32), (h2, 64), (h3, 64), (h4, 64)]
    figures: dict[str, tuple[str, ...]] = {}
    for h, c in shapes:
        figures[f"{h} \\times {h} \\times {c}"] = ("answer.md",)
        figures[f"{h}x{h}x{c}"] = ("rubric.toml", "samples.toml")
    p1 = 5 * 5 * 3 * 32 + 32
    p2 = 3 * 3 * 32 * 64 + 64
    p3 = 3 * 3 * 64 * 64 + 64
    for p in (p1, p2, p3, p1 + p2 + p3):
        figures[f"{p:,}"] = ("answer.md", "rubric.toml", "samples.toml")
    # receptive field: r += (k_eff - 1) * j; j *= s
    r, j, trace = 1, 1, []
    for k_eff, s in ((5, 2), (3, 1), (2, 2), (2 * (3 - 1) + 1, 1)):
        r += (k_eff - 1) * j
        j *= s
        trace.append(r)
    assert trace[-1] == 27
    figures[f"{trace[-1]} \\times {trace[-1]}"] = ("answer.md",)
    figures[f"{trace[-1]}x{trace[-1]}"] = ("rubric.toml", "samples.toml")
    for value in trace:
        figures[f"= {value}$"] = ("answer.md",)
    stack, big = 3 * 9 * 64 * 64, 49 * 64 * 64
    figures[f"{stack:,}"] = ("answer.md", "rubric.toml", "samples.toml")
    figures[f"{big:,}"] = ("answer.md", "rubric.toml", "samples.toml")
    figures[f"{round(100 * 27 / 49)}%"] = ("answer.md", "samples.toml")
    _has(q, figures)


# --- D01 backprop-vanishing-initialisation --------------------------------------------------


def _sigmoid_slope(z: float) -> float:
    s = 1 / (1 + math.exp(-z))
    return s * (1 - s)


def test_vanishing_exploding_and_initialisation_figures() -> None:
    q = "theory/backprop-vanishing-initialisation"
    n, layers = 512, 20  # given: width, depth, N(0, 1) weights, standardised inputs
    best_case = 0.25**layers
    sd = math.sqrt(n * 1.0)
    share_usable = math.erf(2 / sd / math.sqrt(2))  # P(|z| < 2) for z ~ N(0, sd^2)
    mean_abs = sd * math.sqrt(2 / math.pi)
    relu_factor = n * 1.0 / 2
    growth = math.sqrt(relu_factor) ** layers
    he, xavier = math.sqrt(2 / n), math.sqrt(2 / (n + n))
    _has(
        q,
        {
            _sci(best_case, "tex"): ("answer.md",),
            "9.1e-13": ("rubric.toml",),
            f"{sd:.1f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"about {round(100 * share_usable)}%": ("answer.md",),
            f"about {round(mean_abs)}": ("answer.md",),
            _sci(_sigmoid_slope(mean_abs), "tex"): ("answer.md",),
            f"= {relu_factor:.0f}$": ("answer.md",),
            f"{relu_factor:.0f}": ("rubric.toml", "samples.toml"),
            f"\\sqrt{{{relu_factor:.0f}}} = {math.sqrt(relu_factor):.0f}": ("answer.md",),
            _sci(growth, "tex"): ("answer.md",),
            _sci(growth, "e"): ("rubric.toml",),
            f"{he:.4f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{xavier:.4f}": ("answer.md", "rubric.toml"),
            f"1/{n}": ("answer.md", "samples.toml"),
        },
    )
    assert abs(_sigmoid_slope(mean_abs) - 1.4e-8) < 0.05e-8


# --- D02 adam-bias-correction-adamw ----------------------------------------------------------


def _uncorrected_ratio(t: int, b1: float = 0.9, b2: float = 0.999) -> float:
    return (1 - b1**t) / math.sqrt(1 - b2**t)


def _simulate_adam_step(g: float, t: int, correct: bool) -> float:
    """Adam's step size (in units of the learning rate) after t steps of a constant gradient."""
    m = v = 0.0
    b1, b2, eps = 0.9, 0.999, 1e-8
    for step in range(1, t + 1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        if step == t:
            mh, vh = (m / (1 - b1**step), v / (1 - b2**step)) if correct else (m, v)
            return mh / (math.sqrt(vh) + eps)
    raise AssertionError


def _lr(step: int) -> float:
    peak, warm, total = 1e-3, 2000, 100_000
    if step < warm:
        return peak * step / warm
    return 0.5 * peak * (1 + math.cos(math.pi * (step - warm) / (total - warm)))


def test_adam_bias_correction_and_schedule_figures() -> None:
    q = "theory/adam-bias-correction-adamw"
    g = 0.5  # given
    m1, v1 = (1 - 0.9) * g, (1 - 0.999) * g * g
    ratio1 = _simulate_adam_step(g, 1, False) / _simulate_adam_step(g, 1, True)
    assert ratio1 == pytest.approx(_uncorrected_ratio(1), rel=1e-6)
    peak_t = max(range(1, 5000), key=_uncorrected_ratio)
    assert _simulate_adam_step(g, peak_t, False) == pytest.approx(_uncorrected_ratio(peak_t), 1e-6)
    lr_a, lr_b = _lr(1000), _lr(51_000)
    _has(
        q,
        {
            f"{m1:.2f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{v1:.5f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{ratio1:.2f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{_uncorrected_ratio(peak_t):.2f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"step {peak_t}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{_uncorrected_ratio(100):.2f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{_uncorrected_ratio(1000):.2f}": ("answer.md",),
            f"{g**2:.2f}": ("answer.md", "samples.toml"),
            # AdamW shrinks each weight by lr * lambda per step (given lr 1e-3, lambda 0.01)
            f"10^{{{round(math.log10(1e-3 * 0.01))}}}": ("answer.md",),
        },
    )
    assert lr_a == pytest.approx(5e-4) and lr_b == pytest.approx(5e-4)
    _has(
        q,
        {
            "5 \\times 10^{-4}$ at step\n1,000": ("answer.md",),
            "$5 \\times 10^{-4}$ again at step 51,000": ("answer.md",),
            "5e-4": ("rubric.toml", "samples.toml"),
        },
    )


# --- D03 batchnorm-small-batch-eval-gap -------------------------------------------------------


def test_batchnorm_statistics_figures() -> None:
    q = "applied/batchnorm-small-batch-eval-gap"
    small, large, momentum, age = 4, 64, 0.1, 20  # given batch 4; 64 for comparison
    se_small, se_large = 1 / math.sqrt(small), 1 / math.sqrt(large)
    weight = (1 - momentum) ** age
    _has(
        q,
        {
            f"${se_small:.1f}\\,\\sigma$": ("answer.md",),
            f"${se_large:.3f}\\,\\sigma$": ("answer.md",),
            f"{se_small:.1f} sigma": ("rubric.toml", "samples.toml"),
            f"{se_large:.3f} sigma": ("rubric.toml", "samples.toml"),
            f"\\approx {round(100 * weight)}\\%": ("answer.md",),
            f"{round(100 * weight)}%": ("samples.toml", "rubric.toml"),
            # the old batch's own weight in the average, next to its 12% of the newest batch's
            f"\\approx {100 * momentum * weight:.1f}\\%$": ("answer.md",),
            f"{momentum} x 0.9^{age} ~ {100 * momentum * weight:.1f}%": (
                "rubric.toml",
                "corpus.toml",
            ),
        },
    )


# --- D05 lstm-gru-gates-vs-attention ----------------------------------------------------------


def test_recurrent_figures() -> None:
    q = "theory/lstm-gru-gates-vs-attention"
    d_in, hidden, steps = 128, 256, 100  # given
    plain, lstm_keep = 0.9**steps, 0.99**steps
    block = hidden * (hidden + d_in) + hidden
    torch_block = hidden * (hidden + d_in) + 2 * hidden
    _has(
        q,
        {
            _sci(plain, "tex"): ("answer.md",),
            _sci(plain, "e"): ("rubric.toml", "samples.toml"),
            f"{lstm_keep:.2f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{block:,}": ("answer.md", "samples.toml"),
            f"{4 * block:,}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{3 * block:,}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{4 * torch_block:,}": ("answer.md",),
            f"{3 * torch_block:,}": ("answer.md",),
            f"{hidden} \\times {hidden + d_in}": ("answer.md",),
        },
    )


# --- D07 two-tower-infonce-retrieval ---------------------------------------------------------


def test_two_tower_figures() -> None:
    q = "recsys/two-tower-infonce-retrieval"
    batch, listings, dim = 4096, 20_000_000, 128  # given
    chance = math.log(batch)
    fp32_gb, int8_gb = listings * dim * 4 / 1e9, listings * dim / 1e9
    fp32_gib = listings * dim * 4 / 2**30
    macs = listings * dim / 1e9
    popularity_gap = math.log(0.01 / 0.00001)  # given shares: 1% vs 0.001% of clicks
    _has(
        q,
        {
            f"{batch - 1:,}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{chance:.2f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{fp32_gb:.2f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{int8_gb:.2f} GB": ("answer.md", "samples.toml"),
            f"about {fp32_gib:.1f} GiB": ("answer.md",),
            f"{macs:.2f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"\\ln 1000 \\approx {popularity_gap:.1f}": ("answer.md",),
        },
    )


# --- D08 dropout-label-smoothing-regularisation ---------------------------------------------


def test_dropout_and_label_smoothing_figures() -> None:
    q = "theory/dropout-label-smoothing-regularisation"
    p, classes, eps = 0.2, 10, 0.1  # given
    keep = 1 - p
    factor = 1 / keep
    true_target = 1 - eps + eps / classes
    other_target = eps / classes
    gap = math.log(true_target / other_target)
    entropy = -(
        true_target * math.log(true_target) + (classes - 1) * other_target * math.log(other_target)
    )
    _has(
        q,
        {
            f"1/{keep:.1f} = {factor:.2f}": ("answer.md", "samples.toml"),
            f"{factor:.2f}": ("rubric.toml",),
            f"{factor:.2f}^2 \\approx {factor**2:.2f}": ("answer.md",),
            f"{factor**2:.2f}": ("samples.toml",),
            f"{true_target:.2f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{other_target:.2f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"\\ln {true_target / other_target:.0f} \\approx {gap:.2f}": ("answer.md",),
            f"ln {true_target / other_target:.0f}, about {gap:.2f}": (
                "rubric.toml",
                "samples.toml",
            ),
            f"about {entropy:.2f}": ("answer.md", "samples.toml"),
        },
    )


# --- D09 defect-detector-loss-calibration ---------------------------------------------------


def test_loss_and_calibration_figures() -> None:
    q = "case-study/defect-detector-loss-calibration"
    parts, rate, inspect, miss = 2_000_000, 0.005, 2, 200  # given
    p, y = 0.01, 1  # given: the defect the model scores 0.01
    ce_grad = p - y
    mse_grad = (p - y) * p * (1 - p)
    easy, hard = (1 - 0.99) ** 2, (1 - 0.3) ** 2  # focal weights, gamma = 2
    threshold = inspect / miss
    odds_factor = (1 - rate) / rate  # 50/50 resampling multiplies the odds by this
    odds_b = 0.6 / 0.4
    odds_true = odds_b / odds_factor
    p_true = odds_true / (1 + odds_true)
    t_odds = threshold / (1 - threshold) * odds_factor
    threshold_b = t_odds / (1 + t_odds)
    assert p_true < threshold  # the part should not be inspected
    _has(
        q,
        {
            f"{parts * rate:,.0f}": ("answer.md",),
            f"{ce_grad:.2f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{mse_grad:.4f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"about {1 / (p * (1 - p)):.0f} times": ("answer.md", "samples.toml"),
            f"{1 / (p * (1 - p)):.0f} times weaker": ("rubric.toml",),
            "10^{-4}": ("answer.md",),
            f"{easy:.0e}".replace("e-0", "e-"): ("rubric.toml", "samples.toml"),
            f"{hard:.2f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{threshold:.2f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{odds_factor:.0f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{odds_b:.1f}": ("answer.md", "samples.toml"),
            f"{odds_true:.5f}": ("answer.md",),
            f"{p_true:.4f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"about {threshold_b:.2f}": ("answer.md", "samples.toml"),
            f"{1 - 0.3:.1f}": ("answer.md",),  # hinge loss at margin 0.3
        },
    )


# --- D10 furniture-style-transfer-learning --------------------------------------------------


def test_transfer_learning_figures() -> None:
    q = "case-study/furniture-style-transfer-learning"
    features, classes, backbone = 2048, 12, 23.5e6  # given
    head = features * classes + classes
    share = 100 * head / backbone
    rates = [1e-3 / 2.6**k for k in range(4)]
    figures: dict[str, tuple[str, ...]] = {
        f"{head:,}": ("answer.md", "rubric.toml", "samples.toml"),
        f"{share:.1f}%": ("answer.md", "samples.toml"),
        f"{share:.1f} percent": ("rubric.toml",),
    }
    for rate in rates[1:]:
        mantissa, exponent = f"{rate:.2e}".split("e")
        figures[f"{mantissa} \\times 10^{{{int(exponent)}}}"] = ("answer.md",)
        figures[f"{mantissa}e{int(exponent)}"] = ("rubric.toml", "samples.toml")
    _has(q, figures)


# --- D01 backprop-by-hand-two-layer --------------------------------------------------------


def test_backprop_by_hand_figures() -> None:
    q = "theory/backprop-by-hand-two-layer"
    x, y = (1.0, 2.0), 1  # given
    w1 = ((0.5, -0.5), (0.25, 0.5))
    w2, lr = (1.0, -0.8), 0.1
    a = [row[0] * x[0] + row[1] * x[1] for row in w1]
    h = [max(v, 0.0) for v in a]
    z = w2[0] * h[0] + w2[1] * h[1]
    p = 1 / (1 + math.exp(-z))
    loss = -math.log(p)
    dz = p - y
    dw2 = [dz * v for v in h]
    dh = [dz * v for v in w2]
    da = [g if v > 0 else 0.0 for g, v in zip(dh, a, strict=True)]
    dw1 = [[g * xi for xi in x] for g in da]
    unmasked_row = [dh[0] * xi for xi in x]
    assert a == [-0.5, 1.25] and h == [0.0, 1.25] and z == -1.0
    assert dw1[0] == [0.0, 0.0]
    all_text = ("answer.md", "rubric.toml", "samples.toml")
    _has(
        q,
        {
            f"{p:.4f}": all_text,
            f"{loss:.4f}": all_text,
            f"{round(100 * p)}%": ("answer.md",),
            f"{dz:.4f}": all_text,
            f"{dw2[1]:.4f}": all_text,
            f"{dh[1]:.4f}": all_text,
            f"{dw1[1][1]:.4f}": all_text,
            f"{w2[1] - lr * dw2[1]:.4f}": ("answer.md",),
            f"{unmasked_row[1]:.4f}": ("rubric.toml", "samples.toml"),
        },
    )


# --- D02 large-batch-learning-rate-warmup ---------------------------------------------------


def test_large_batch_figures() -> None:
    q = "applied/large-batch-learning-rate-warmup"
    images, small, large, epochs, base_lr = 1_281_167, 256, 2048, 90, 0.1  # given
    warm_epochs = 5  # given in the answer's plan
    factor = large // small
    steps_small, steps_large = math.ceil(images / small), math.ceil(images / large)
    scaled = base_lr * factor
    after_one = base_lr + (scaled - base_lr) / warm_epochs
    figures: dict[str, tuple[str, ...]] = {
        f"{steps_large}": ("answer.md", "rubric.toml", "samples.toml"),
        f"{steps_small:,}": ("answer.md", "rubric.toml", "samples.toml"),
        f"{warm_epochs * steps_large:,}": ("answer.md", "rubric.toml", "samples.toml"),
        f"{after_one:.2f}": ("answer.md", "samples.toml"),
        f"{epochs * steps_small:,}": ("answer.md", "rubric.toml", "samples.toml"),
        f"{epochs * steps_large:,}": ("answer.md", "rubric.toml", "samples.toml"),
        f"{math.sqrt(factor):.2f}": ("answer.md", "samples.toml"),
        f"{base_lr} \\times {factor} = {scaled:.1f}": ("answer.md",),
        f"{base_lr} x {factor} = {scaled:.1f}": ("rubric.toml",),
    }
    _has(q, figures)


# --- D07 negative-sampling-infonce ---------------------------------------------------------


def test_negative_sampling_figures() -> None:
    q = "theory/negative-sampling-infonce"
    vocab, dim, negatives = 1_000_000, 300, 5  # given
    freqs = (0.9, 0.09, 0.01)  # given
    full, sampled = vocab * dim, (negatives + 1) * dim
    powered = [f**0.75 for f in freqs]
    total = sum(powered)
    probs = [v / total for v in powered]
    figures: dict[str, tuple[str, ...]] = {
        f"{full:,}": ("answer.md", "rubric.toml", "samples.toml"),
        f"{sampled:,}": ("answer.md", "rubric.toml", "samples.toml"),
        f"{full / sampled:,.0f}": ("answer.md",),
        f"{total:.3f}": ("answer.md",),
        f"{total:.2f}": ("samples.toml",),
        f"{probs[0]:.3f}": ("answer.md", "rubric.toml", "samples.toml"),
        f"{probs[1]:.3f}": ("answer.md", "rubric.toml", "samples.toml"),
        f"{probs[2]:.3f}": ("answer.md", "rubric.toml", "samples.toml"),
        f"{probs[2] / freqs[2]:.1f}": ("answer.md", "samples.toml"),
        f"{math.log(negatives + 1):.2f}": ("answer.md", "rubric.toml", "samples.toml"),
        f"{math.log(4096):.2f}": ("answer.md", "rubric.toml", "samples.toml"),
    }
    for value in powered:
        figures[f"{value:.3g}"] = ("answer.md", "samples.toml")
    _has(q, figures)


# --- D04 mobile-cnn-depthwise-pooling -------------------------------------------------------


def test_depthwise_and_head_figures() -> None:
    q = "applied/mobile-cnn-depthwise-pooling"
    k, channels, side = 3, 256, 28  # given
    fmap, head_channels, classes = 7, 1024, 1000  # given
    positions = side * side
    standard = k * k * channels * channels
    depthwise, pointwise = k * k * channels, channels * channels
    separable = depthwise + pointwise
    bottleneck = channels * 64 + k * k * 64 * 64 + 64 * channels
    flat_in = fmap * fmap * head_channels
    flat_head = flat_in * classes + classes
    gap_head = head_channels * classes + classes
    all_text = ("answer.md", "rubric.toml", "samples.toml")
    _has(
        q,
        {
            f"{standard:,}": all_text,
            f"{standard + channels:,}": all_text,
            f"{positions}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{positions * standard:,}": all_text,
            f"{positions * standard / 1e9:.2f} billion": ("answer.md", "samples.toml"),
            f"{depthwise:,}": all_text,
            f"{pointwise:,}": all_text,
            f"{separable:,}": all_text,
            f"{positions * separable:,}": all_text,
            f"{standard / separable:.1f}": all_text,
            f"{1 / (1 / k**2 + 1 / channels):.1f}": ("answer.md",),
            f"{bottleneck:,}": ("answer.md",),
            f"{flat_in:,}": ("answer.md",),
            f"{flat_in * classes:,}": ("answer.md",),
            f"{flat_head:,}": all_text,
            f"{gap_head:,}": all_text,
            f"{round((flat_head - gap_head) / 1e6)} million": ("answer.md",),
            f"{round((flat_head - gap_head) / 1e6)}M": ("samples.toml",),
        },
    )


# --- D03 layernorm-prenorm-rmsnorm ---------------------------------------------------------


def test_layer_norm_and_rmsnorm_figures() -> None:
    q = "theory/layernorm-prenorm-rmsnorm"
    x = (1.0, 2.0, 3.0, 6.0)  # given
    d_model, blocks = 4096, 32  # given
    mean = sum(x) / len(x)
    var = sum((v - mean) ** 2 for v in x) / len(x)
    sd = math.sqrt(var)
    ln = [(v - mean) / sd for v in x]
    mean_square = sum(v * v for v in x) / len(x)
    rms = math.sqrt(mean_square)
    rmsn = [v / rms for v in x]
    layers = 2 * blocks + 1
    all_text = ("answer.md", "rubric.toml", "samples.toml")
    figures: dict[str, tuple[str, ...]] = {
        f"{sd:.4f}": all_text,
        f"{rms:.4f}": all_text,
        f"{var}": ("answer.md", "samples.toml"),
        f"{mean_square}": ("answer.md", "samples.toml"),
        f"{sum(rmsn) / len(rmsn):.3f}": ("answer.md",),
        f"{2 * d_model:,}": ("answer.md", "samples.toml"),
        f"{layers * 2 * d_model:,}": all_text,
        f"{layers * d_model:,}": all_text,
        f"{2 * blocks} normalisations": ("answer.md",),
        f"{2 * blocks} layer norms": ("samples.toml",),
    }
    for value in ln[:2] + ln[3:] + rmsn:
        figures[f"{value:.3f}"] = all_text
    _has(q, figures)


# --- D09 calibration-ece-temperature -------------------------------------------------------


def _softmax(logits: tuple[float, ...], temperature: float) -> list[float]:
    exps = [math.exp(z / temperature) for z in logits]
    return [e / sum(exps) for e in exps]


def test_calibration_figures() -> None:
    q = "theory/calibration-ece-temperature"
    bins = ((100, 0.62, 0.55), (300, 0.82, 0.70), (600, 0.97, 0.88))  # given (n, conf, acc)
    total = sum(n for n, _, _ in bins)
    parts = [n / total * abs(acc - conf) for n, conf, acc in bins]
    ece = sum(parts)
    correct = [round(n * acc) for n, _, acc in bins]
    accuracy = sum(correct) / total
    confidence = sum(n * conf for n, conf, _ in bins) / total
    logits = (3.0, 1.0, 0.0)  # given
    t1, t2 = _softmax(logits, 1.0), _softmax(logits, 2.0)
    assert max(range(3), key=t1.__getitem__) == max(range(3), key=t2.__getitem__)
    all_text = ("answer.md", "rubric.toml", "samples.toml")
    figures: dict[str, tuple[str, ...]] = {
        f"{ece:.3f}": all_text,
        f"{accuracy:.3f}": all_text,
        f"{confidence:.2f}": all_text,
        " + ".join(str(c) for c in correct): ("answer.md", "samples.toml"),
    }
    for part in parts:
        figures[f"{part:.3f}"] = ("answer.md", "rubric.toml", "samples.toml")
    for p in t1 + t2:
        figures[f"{p:.3f}"] = all_text
    for z in logits[:2]:
        figures[f"{math.exp(z):.2f}"] = ("answer.md",)
        figures[f"{math.exp(z / 2):.2f}"] = ("answer.md",)
    _has(q, figures)


# --- D10 multi-tenant-fine-tuning-platform -------------------------------------------------


def test_multi_tenant_figures() -> None:
    q = "system-design/multi-tenant-fine-tuning-platform"
    customers, params, classes, features = 400, 25.6e6, 60, 2048  # given
    adapter_share = 0.02  # given in the answer's design
    full_gb = customers * params * 4 / 1e9
    backbone_mb = params * 4 / 1e6
    head = features * classes + classes
    heads = customers * head
    heads_mb = heads * 4 / 1e6
    adapter = adapter_share * params
    _has(
        q,
        {
            f"{full_gb:.2f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{backbone_mb:.1f} MB": ("answer.md", "rubric.toml", "samples.toml"),
            f"{head:,}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{heads:,}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{heads_mb:.1f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"about {round(backbone_mb + heads_mb)} MB": ("answer.md",),
            f"{adapter:,.0f}": ("answer.md",),
            f"{customers * adapter * 4 / 1e9:.2f} GB": ("answer.md",),
        },
    )


# --- D08 xray-regularisation-review ---------------------------------------------------------


def test_xray_review_figures() -> None:
    q = "case-study/xray-regularisation-review"
    accuracy, n, images, patients = 0.934, 500, 4000, 1300  # given
    se = math.sqrt(accuracy * (1 - accuracy) / n)
    half = 1.96 * se
    per_patient = images / patients
    _has(
        q,
        {
            f"{1 - accuracy:.3f}": ("answer.md", "samples.toml"),
            f"{se:.4f}": ("answer.md", "rubric.toml", "samples.toml"),
            f"{100 * half:.1f} points": ("answer.md", "rubric.toml", "samples.toml"),
            f"{100 * (accuracy - half):.1f}%": ("answer.md", "samples.toml"),
            f"{100 * (accuracy + half):.1f}%": ("answer.md", "samples.toml"),
            f"about {round(per_patient)} images per patient": ("answer.md",),
            f"about {round(per_patient)} per patient": ("samples.toml",),
        },
    )


# --- D05 sensor-failure-sequence-model ------------------------------------------------------


def test_sensor_sequence_figures() -> None:
    q = "case-study/sensor-failure-sequence-model"
    days, patch = 7, 60  # given: a week of one-minute readings, one-hour patches
    steps = days * 24 * 60
    keep_99, keep_999 = 0.99**steps, 0.999**steps

    def receptive_field(layers: int) -> int:
        return 1 + 2 * (2**layers - 1)

    layers = next(n for n in range(1, 40) if receptive_field(n) >= steps)
    tokens = steps // patch
    scores, patched = steps * steps, tokens * tokens
    all_text = ("answer.md", "rubric.toml", "samples.toml")
    _has(
        q,
        {
            f"{steps:,}": all_text,
            f"10^{{{math.floor(math.log10(keep_99))}}}": ("answer.md",),
            f"1e{math.floor(math.log10(keep_99))}": ("rubric.toml", "samples.toml"),
            _sci(keep_999, "tex"): ("answer.md",),
            _sci(keep_999, "e").replace("e-05", "e-5"): ("rubric.toml", "samples.toml"),
            f"{receptive_field(layers - 1):,}": all_text,
            f"{receptive_field(layers):,}": all_text,
            f"{layers} layers": all_text,
            f"{tokens}": all_text,
            f"{scores:,}": all_text,
            f"{scores * 4 / 1e6:.0f} MB": all_text,
            f"{patched:,}": all_text,
            f"{scores // patched:,}": all_text,
        },
    )
    assert math.floor(math.log10(keep_99)) == -44


def test_every_question_of_this_file_exists() -> None:
    for q in (
        "theory/conv-shapes-receptive-field",
        "theory/backprop-vanishing-initialisation",
        "theory/adam-bias-correction-adamw",
        "applied/batchnorm-small-batch-eval-gap",
        "theory/lstm-gru-gates-vs-attention",
        "recsys/two-tower-infonce-retrieval",
        "theory/dropout-label-smoothing-regularisation",
        "case-study/defect-detector-loss-calibration",
        "case-study/furniture-style-transfer-learning",
        "theory/backprop-by-hand-two-layer",
        "applied/large-batch-learning-rate-warmup",
        "theory/negative-sampling-infonce",
        "applied/mobile-cnn-depthwise-pooling",
        "theory/layernorm-prenorm-rmsnorm",
        "theory/calibration-ece-temperature",
        "system-design/multi-tenant-fine-tuning-platform",
        "case-study/xray-regularisation-review",
        "case-study/sensor-failure-sequence-model",
    ):
        assert Path(BANK / q / "question.toml").is_file(), q
