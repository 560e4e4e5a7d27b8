"""The document model and the labels shared by schema, CSV writer and CLI."""

from pipeline.model.document import Block, BlockKind, Document, DocumentBuilder

__all__ = ["Block", "BlockKind", "Document", "DocumentBuilder"]
