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


class RunError(MinutebookError):
    """The run as a whole cannot go on: no paper found, an output path that is a file,
    a scheduler that does not answer. The CLI shows it as one line and exits 2."""

    stage = "run"
    kind = "run"


class ExtractError(MinutebookError):
    stage = "extract"
    kind = "extract_failed"


#: Kinds of reader warning: the paper was read, but something about it deserves a look.
WARNING_KINDS = ("mislabelled", "encoding", "no_text_layer", "ocr", "nesting")


def warning(kind: str, message: str) -> str:
    """A reader warning as the document model keeps it: 'kind: message'."""
    assert kind in WARNING_KINDS, kind
    return f"{kind}: {message}"


def warning_kind(text: str) -> tuple[str, str]:
    """(kind, message) of a reader warning; 'warning' for one without a known kind."""
    kind, sep, message = text.partition(": ")
    return (kind, message) if sep and kind in WARNING_KINDS else ("warning", text)
