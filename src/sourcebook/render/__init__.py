"""Renderers of the kit's data: static HTML for the book, the printable worksheet, the document."""
