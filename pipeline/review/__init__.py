"""A static review site of a run folder: every extracted row highlighted in its paper.

`build_review(run_dir)` writes RUN_DIR/review/index.html (documents, counts, errors and
the body structure picture) and one page per document; open them from disk, no server.
"""

from pipeline.review.site import ReviewError, ReviewSite, build_review, highlight, slugify

__all__ = ["ReviewError", "ReviewSite", "build_review", "highlight", "slugify"]
