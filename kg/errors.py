"""The one exception hierarchy of DiploKG.

Every error that a user can cause derives from :class:`DiploKGError`. The
service maps these classes to HTTP status codes; the CLI maps them to a message
and a non-zero exit. Nothing here knows about HTTP.
"""

from __future__ import annotations


class DiploKGError(Exception):
    """Base class of every DiploKG error.

    Parameters
    ----------
    message : str
        What went wrong, in words a user understands.
    where : str, optional
        The place of the fault: a file name, ``file:line``, or a parameter.
    """

    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class ConfigurationError(DiploKGError):
    """A setting is missing or invalid (store URL, model name, ...)."""


class InputError(DiploKGError):
    """Input data is malformed: empty text, bad encoding, bad JSON, bad date."""


class NotFoundError(DiploKGError):
    """A named thing (article, actor, query, file) does not exist."""


class QueryError(DiploKGError):
    """A SPARQL query or its parameters are invalid or not allowed."""


class StoreError(DiploKGError):
    """The store cannot be opened or refused a write."""


class ExtractionError(DiploKGError):
    """The extractor cannot run (e.g. the language model is not installed)."""
