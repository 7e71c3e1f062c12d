"""Figures generated at build time: the generic timeline chart, and the machinery that draws
a lesson's own figures (see `build.py`) and caches them by a hash of their data and code.

Each drawing function writes a PNG and returns alt text generated from the same data.
"""
