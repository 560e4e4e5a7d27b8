"""minutebook: committee papers of UK local government into structured data.

    >>> from pipeline import read, extract, load, iter_documents
    >>> document = read("corpus/fernley_hwb_minutes.txt")  # doctest: +SKIP
    >>> run = extract("corpus", exclude=["README.md", "*.py"])  # doctest: +SKIP
    >>> run.decisions.head()  # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

import sys  # noqa: E402
import types  # noqa: E402

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


class _Package(types.ModuleType):
    """`pipeline.extract` is the API function, although `pipeline/extract/` is also the
    extractors' subpackage: importing a submodule binds it on its parent, which would
    turn `from pipeline import extract` into the package after the first run. The
    subpackage stays importable by its full name (`from pipeline.extract import ...`)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name == "extract" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


if isinstance(vars(sys.modules[__name__]).get("extract"), types.ModuleType):
    del sys.modules[__name__].extract
sys.modules[__name__].__class__ = _Package

__all__ = ["Block", "BlockKind", "Document", "DocumentExtraction", "Extraction", "__version__",
           "extract", "iter_documents", "load", "read"]
