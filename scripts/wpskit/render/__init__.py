"""Renderers: one per output (web fragment, print HTML → PDF, DOCX), all fed the same model."""
