"""minutebook: committee papers of UK local government into structured data.

    >>> from pipeline import read
    >>> document = read("corpus/fernley_hwb_minutes.txt")  # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

from pipeline.model import Block, BlockKind, Document  # noqa: E402
from pipeline.readers import read  # noqa: E402

__all__ = ["Block", "BlockKind", "Document", "__version__", "read"]
