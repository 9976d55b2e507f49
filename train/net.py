"""The event typer in torch: fine-tuning all-MiniLM-L6-v2 and exporting it to ONNX.

Training only: torch and transformers are needed here (``pip install -e '.[train]'``), never
at run time. The exported graph takes ``input_ids``, ``attention_mask``, ``actor_pos``,
``recipient_pos`` and ``cues`` and gives ``type_logits`` and ``mode_logits``, the interface
``strife.classify.model.EventTyper`` runs with onnxruntime.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn
from wordpieces import base_model_dir

from strife.classify.cues import N_CUES
from strife.classify.encode import MAX_TOKENS, Batch, Encoder, Pair
from strife.classify.model import LABELS_FILE, MODEL_FILE, NO_MODE, TOKENIZER_FILE
from strife.evaluate.cameo import class_admits
from strife.evaluate.event_gold import YIELD
from strife.plover import EVENT_TYPES, MODES

TYPES = list(EVENT_TYPES)
MODE_NAMES = [NO_MODE, *sorted({m for modes in MODES.values() for m in modes})]
IGNORE = -100


@dataclass(frozen=True, slots=True)
class Settings:
    epochs: int = 4
    batch_size: int = 16
    lr: float = 6e-5
    head_lr: float = 1e-3
    warmup: float = 0.06
    seed: int = 13
    threads: int = 2


class TyperNet(nn.Module):
    """MiniLM encoder + type and mode heads over [mean; actor mark; recipient mark; cues]."""

    def __init__(self, encoder: nn.Module, hidden: int) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(0.1)
        width = 3 * hidden + N_CUES
        self.type_head = nn.Linear(width, len(TYPES))
        self.mode_head = nn.Linear(width, len(MODE_NAMES))

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        actor_pos: torch.Tensor,
        recipient_pos: torch.Tensor,
        cues: torch.Tensor,
    ) -> tuple[torch.Tensor, torch.Tensor]:
        states = self.encoder(input_ids=input_ids, attention_mask=attention_mask)[0]
        mask = attention_mask.unsqueeze(-1).to(states.dtype)
        mean = (states * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
        width = states.shape[-1]
        actor = torch.gather(states, 1, actor_pos.view(-1, 1, 1).expand(-1, 1, width)).squeeze(1)
        recip = torch.gather(states, 1, recipient_pos.view(-1, 1, 1).expand(-1, 1, width)).squeeze(
            1
        )
        joined = self.dropout(torch.cat([mean, actor, recip, cues], dim=-1))
        return self.type_head(joined), self.mode_head(joined)


def new_net(seed: int = Settings().seed) -> TyperNet:
    """The base encoder with new heads, drawn from ``seed`` (without it the heads' random
    start, and so the trained model, would differ from one run to the next)."""
    from transformers import AutoModel

    torch.manual_seed(seed)
    encoder = AutoModel.from_pretrained(str(base_model_dir()))
    return TyperNet(encoder, int(encoder.config.hidden_size))


@dataclass(frozen=True, slots=True)
class Tensors:
    """Everything the loop needs for N examples, encoded once."""

    batch: Batch
    cues: np.ndarray
    allowed: np.ndarray  # N x types, 1 where the label admits the type
    modes: np.ndarray  # N, mode index or IGNORE
    weights: np.ndarray


def quad_types(quad: int) -> tuple[str, ...]:
    """The PLOVER types a CAMEO class label admits (``cameo.CLASS_TYPES``)."""
    return tuple(t for t in TYPES if class_admits(quad, t))


def label_rows(
    events: Sequence[str],
    modes: Sequence[str | None],
    known: Sequence[bool],
    quads: Sequence[int | None] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The types each label admits (one; CONCEDE or RETREAT for YIELD; every type of the
    quad for an item labelled by its quad alone, as the CAMEO sentences are) and the mode."""
    allowed = np.zeros((len(events), len(TYPES)), dtype=np.float32)
    mode_ids = np.full(len(events), IGNORE, dtype=np.int64)
    for i, event in enumerate(events):
        quad = quads[i] if quads is not None else None
        if not event and quad is not None:
            admitted: tuple[str, ...] = quad_types(quad)
        else:
            admitted = ("CONCEDE", "RETREAT") if event == YIELD else (event,)
        for name in admitted:
            allowed[i, TYPES.index(name)] = 1.0
        if known[i] and event and event != YIELD:
            mode_ids[i] = MODE_NAMES.index(modes[i] or NO_MODE)
    return allowed, mode_ids


def _slice(batch: Batch, index: np.ndarray) -> dict[str, torch.Tensor]:
    mask = batch.attention_mask[index]
    width = int(mask.sum(axis=1).max())
    return {
        "input_ids": torch.from_numpy(batch.input_ids[index, :width]),
        "attention_mask": torch.from_numpy(mask[:, :width]),
        "actor_pos": torch.from_numpy(batch.actor_pos[index]),
        "recipient_pos": torch.from_numpy(batch.recipient_pos[index]),
    }


def set_loss(logits: torch.Tensor, allowed: torch.Tensor) -> torch.Tensor:
    """-log P(label set): a YIELD item is right as CONCEDE or as RETREAT."""
    admitted = torch.logsumexp(logits + torch.log(allowed.clamp(min=1e-12)), dim=-1)
    return torch.logsumexp(logits, dim=-1) - admitted


def train(net: TyperNet, data: Tensors, settings: Settings, log: bool = True) -> TyperNet:
    torch.manual_seed(settings.seed)
    torch.set_num_threads(settings.threads)
    rng = random.Random(settings.seed)
    heads = [p for n, p in net.named_parameters() if not n.startswith("encoder.")]
    optimiser = torch.optim.AdamW(
        [
            {"params": net.encoder.parameters(), "lr": settings.lr},
            {"params": heads, "lr": settings.head_lr},
        ],
        weight_decay=0.01,
    )
    lengths = data.batch.attention_mask.sum(axis=1)
    steps = settings.epochs * math.ceil(len(lengths) / settings.batch_size)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, _warm_linear(steps, settings.warmup))
    net.train()
    started = time.perf_counter()
    for epoch in range(settings.epochs):
        total = 0.0
        batches = _length_batches(lengths, settings.batch_size, rng)
        for index in batches:
            loss = _step_loss(net, data, index)
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            total += loss.item() * len(index)
        if log:
            took = time.perf_counter() - started
            print(f"  epoch {epoch + 1}: loss {total / len(lengths):.4f} ({took:.0f}s)", flush=True)
    net.eval()
    return net


def _length_batches(lengths: np.ndarray, size: int, rng: random.Random) -> list[np.ndarray]:
    """Shuffled batches of similar length (less padding), in shuffled order."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pool = size * 20
    batches: list[np.ndarray] = []
    for first in range(0, len(order), pool):
        chunk = sorted(order[first : first + pool], key=lambda i: int(lengths[i]))
        batches += [np.array(chunk[i : i + size]) for i in range(0, len(chunk), size)]
    rng.shuffle(batches)
    return batches


def _step_loss(net: TyperNet, data: Tensors, index: np.ndarray) -> torch.Tensor:
    inputs = _slice(data.batch, index)
    type_logits, mode_logits = net(**inputs, cues=torch.from_numpy(data.cues[index]))
    weights = torch.from_numpy(data.weights[index])
    type_loss = set_loss(type_logits, torch.from_numpy(data.allowed[index]))
    modes = torch.from_numpy(data.modes[index])
    mode_loss = nn.functional.cross_entropy(
        mode_logits, modes, ignore_index=IGNORE, reduction="none"
    )
    known = (modes != IGNORE).to(weights.dtype)
    return ((type_loss + 0.5 * mode_loss * known) * weights).sum() / weights.sum()


def _warm_linear(steps: int, warmup: float) -> object:
    warm = max(1, int(steps * warmup))

    def factor(step: int) -> float:
        if step < warm:
            return (step + 1) / warm
        return max(0.0, (steps - step) / max(1, steps - warm))

    return factor


def predict(net: TyperNet, batch: Batch, cues: np.ndarray, size: int = 64) -> np.ndarray:
    """Type probabilities of the torch model (for checks before export)."""
    out = []
    with torch.no_grad():
        for first in range(0, len(cues), size):
            index = np.arange(first, min(first + size, len(cues)))
            logits, _ = net(**_slice(batch, index), cues=torch.from_numpy(cues[index]))
            out.append(torch.softmax(logits, dim=-1).numpy())
    return np.concatenate(out)


def export(net: TyperNet, out_dir: Path, card: dict[str, object]) -> Path:
    """Write the int8 ONNX model, the tokenizer and the labels into ``out_dir``."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out_dir.mkdir(parents=True, exist_ok=True)
    encoder = Encoder(base_model_dir() / TOKENIZER_FILE)
    sample = encoder.encode([Pair("Russia attacked Ukraine on Monday.", (0, 6), (16, 23))])
    inputs = _slice(sample, np.arange(1))
    full = out_dir / "model.fp32.onnx"
    torch.onnx.export(
        net,
        (inputs["input_ids"], inputs["attention_mask"], inputs["actor_pos"],
         inputs["recipient_pos"], torch.zeros((1, N_CUES))),
        str(full),
        input_names=["input_ids", "attention_mask", "actor_pos", "recipient_pos", "cues"],
        output_names=["type_logits", "mode_logits"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "tokens"},
            "attention_mask": {0: "batch", 1: "tokens"},
            "actor_pos": {0: "batch"},
            "recipient_pos": {0: "batch"},
            "cues": {0: "batch"},
            "type_logits": {0: "batch"},
            "mode_logits": {0: "batch"},
        },
        opset_version=17,
        dynamo=False,
    )  # fmt: skip
    quantize_dynamic(str(full), str(out_dir / MODEL_FILE), weight_type=QuantType.QInt8)
    full.unlink()
    shutil.copy(base_model_dir() / TOKENIZER_FILE, out_dir / TOKENIZER_FILE)
    labels = {"types": TYPES, "modes": MODE_NAMES, "max_tokens": MAX_TOKENS, **card}
    (out_dir / LABELS_FILE).write_text(json.dumps(labels, indent=1) + "\n", encoding="utf-8")
    return out_dir
