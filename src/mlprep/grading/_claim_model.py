"""The claim model at grade time: onnxruntime and ``tokenizers``, one thread, no torch.

The model is split in two ONNX graphs (scripts/train_grader.py, MODEL_CARD.md):

- ``encoder.onnx``: the lower layers of MiniLM, run on each text alone
  ([CLS] text [SEP]) -> one vector per token. A question's claims are encoded once
  and cached; an answer's passages once per answer.
- ``joint.onnx``: the upper layers, run on a claim's and a passage's token vectors
  side by side (attention across both) -> P(supports), P(contradicts), P(neutral).

Splitting makes a (claim, passage) pair cost only the upper layers, which is what
keeps a full claims x passages grid under the speed budget on one CPU thread.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["LABELS", "MODEL_DIR", "ClaimModel", "ModelMissing"]

MODEL_DIR = Path(__file__).with_name("model")
LABELS = ("supports", "contradicts", "neutral")
SUPPORTS, CONTRADICTS, NEUTRAL = 0, 1, 2
_BATCH = 64


class ModelMissing(RuntimeError):
    """The model files are not where they should be (a broken install)."""


def _session(path: Path, threads: int) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    # One thread by default: the machine is shared, and a grade is a few small batches.
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.log_severity_level = 3
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


class ClaimModel:
    """Loaded once per process; ``encode`` and ``predict`` are safe to call from threads."""

    def __init__(self, model_dir: Path = MODEL_DIR, *, threads: int = 1) -> None:
        files = [
            model_dir / n for n in ("model.json", "tokenizer.json", "encoder.onnx", "joint.onnx")
        ]
        missing = [f.name for f in files if not f.is_file()]
        if missing:
            raise ModelMissing(f"claim model files missing in {model_dir}: {', '.join(missing)}")
        from tokenizers import Tokenizer

        self.config: dict[str, Any] = json.loads(files[0].read_text(encoding="utf-8"))
        self.max_tokens = int(self.config["max_tokens"])
        self.tokenizer = Tokenizer.from_file(str(files[1]))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=self.max_tokens)
        self.encoder = _session(files[2], threads)
        self.joint = _session(files[3], threads)

    def token_ids(self, texts: list[str]) -> list[list[int]]:
        return [e.ids for e in self.tokenizer.encode_batch(texts)]

    def encode(self, texts: list[str]) -> list[np.ndarray]:
        """Each text's token vectors, shape (tokens, hidden), float32."""
        ids = self.token_ids(texts)
        out: list[np.ndarray] = [np.empty(0)] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), _BATCH):
            chunk = order[start : start + _BATCH]
            width = max(len(ids[i]) for i in chunk)
            batch = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, i in enumerate(chunk):
                batch[row, : len(ids[i])] = ids[i]
                mask[row, : len(ids[i])] = 1
            (hidden,) = self.encoder.run(None, {"input_ids": batch, "attention_mask": mask})
            for row, i in enumerate(chunk):
                out[i] = hidden[row, : len(ids[i])]
        return out

    def predict(
        self, claims: list[np.ndarray], passages: list[np.ndarray], pairs: list[tuple[int, int]]
    ) -> np.ndarray:
        """Probabilities (supports, contradicts, neutral) for each (claim, passage) index pair."""
        probs = np.zeros((len(pairs), 3), dtype=np.float32)
        order = sorted(
            range(len(pairs)), key=lambda k: len(claims[pairs[k][0]]) + len(passages[pairs[k][1]])
        )
        for start in range(0, len(order), _BATCH):
            chunk = order[start : start + _BATCH]
            a = [claims[pairs[k][0]] for k in chunk]
            b = [passages[pairs[k][1]] for k in chunk]
            a_h, a_m = _stack(a)
            b_h, b_m = _stack(b)
            (p,) = self.joint.run(
                None,
                {"claim": a_h, "claim_mask": a_m, "passage": b_h, "passage_mask": b_m},
            )
            probs[chunk] = p
        return probs


def _stack(items: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    width = max(len(x) for x in items)
    hidden = np.zeros((len(items), width, items[0].shape[1]), dtype=np.float32)
    mask = np.zeros((len(items), width), dtype=np.int64)
    for row, x in enumerate(items):
        hidden[row, : len(x)] = x
        mask[row, : len(x)] = 1
    return hidden, mask
