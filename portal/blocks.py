"""Kept for the migrations that name `portal.blocks.PageCardChooserBlock`; the blocks live in core.blocks."""

from core.blocks import PageCardChooserBlock  # noqa: F401
