"""pybtex plugin lookups, remembered for the life of the process.

sphinxcontrib-bibtex asks pybtex for its style plugins for every citation it resolves and every
build's bibliography, and pybtex answers each time by scanning the entry points of every
installed distribution (~80 scans, 1-2 s of a clean build on a busy 2-core machine; the same
again on every preview rebuild). The installed plugins cannot change while Sphinx runs.
"""

from __future__ import annotations

from functools import lru_cache


def remember_plugin_lookups() -> None:
    try:
        import pybtex.plugin
    except ImportError:         # no bibliography extension installed: nothing to speed up
        return
    if not hasattr(pybtex.plugin._load_entry_point, "cache_info"):
        pybtex.plugin._load_entry_point = lru_cache(maxsize=None)(pybtex.plugin._load_entry_point)
