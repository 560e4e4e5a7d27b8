"""minutebook: committee papers of UK local government into structured data.

    >>> from pipeline import read, extract, load, iter_documents
    >>> document = read("corpus/fernley_hwb_minutes.txt")  # doctest: +SKIP
    >>> run = extract("corpus", exclude=["README.md", "*.py"])  # doctest: +SKIP
    >>> run.decisions.head()  # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

from pipeline.model import Block, BlockKind, Document  # noqa: E402
from pipeline.readers import read  # noqa: E402

# The API (pandas, the runner) loads on first use, so `import pipeline` stays light for
# the CLI and the worker processes.
_API = ("DocumentExtraction", "Extraction", "extract", "iter_documents", "load")


def __getattr__(name: str):
    if name in _API:
        from pipeline import api

        return getattr(api, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")


__all__ = ["Block", "BlockKind", "Document", "DocumentExtraction", "Extraction", "__version__",
           "extract", "iter_documents", "load", "read"]
