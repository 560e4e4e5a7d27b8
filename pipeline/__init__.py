"""minutebook: committee papers of UK local government into structured data.

    >>> from pipeline import read, extract, load, iter_documents
    >>> document = read("corpus/fernley_hwb_minutes.txt")  # doctest: +SKIP
    >>> run = extract("corpus", exclude=["README.md", "*.py"])  # doctest: +SKIP
    >>> run.decisions.head()  # doctest: +SKIP
"""

from __future__ import annotations

from pipeline.model import Block, BlockKind, Document
from pipeline.readers import read
from pipeline.version import __version__

# The API (pandas, the runner) and the settings load on first use, so `import pipeline`
# stays light for the CLI and the worker processes.
_API = ("DocumentExtraction", "Extraction", "extract", "iter_documents", "load")


def __getattr__(name: str) -> object:
    if name in _API:
        import pipeline.api

        return getattr(pipeline.api, name)
    if name == "Settings":
        from pipeline.settings import Settings

        return Settings
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")


__all__ = ["Block", "BlockKind", "Document", "DocumentExtraction", "Extraction", "Settings",
           "__version__", "extract", "iter_documents", "load", "read"]
