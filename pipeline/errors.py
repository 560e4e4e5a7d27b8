"""One exception root for everything minutebook reports about a document.

Each subclass names the stage that failed; its `kind` is the error type written to
`errors.csv`, so a user can filter a large run's failures by cause.
"""

from __future__ import annotations


class MinutebookError(Exception):
    """Root of all errors that become a row in errors.csv rather than a crash."""

    stage = "read"
    kind = "error"

    def __init__(self, message: str, *, kind: str | None = None) -> None:
        super().__init__(message)
        if kind:
            self.kind = kind


class ReadError(MinutebookError):
    """The file could not be read as the format its name claims."""

    stage = "read"
    kind = "unreadable"


class EmptyDocument(ReadError):
    kind = "empty"


class EncryptedDocument(ReadError):
    kind = "encrypted"


class NeedsOCR(ReadError):
    kind = "no_text_layer"


class UnsupportedFormat(ReadError):
    kind = "unsupported"


class TooLarge(ReadError):
    kind = "too_large"


class ExtractError(MinutebookError):
    stage = "extract"
    kind = "extract_failed"
