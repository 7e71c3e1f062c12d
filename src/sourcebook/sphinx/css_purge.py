"""Drop the theme's CSS rules that can match nothing in this site.

The pydata theme ships Bootstrap and every Font Awesome class (~400 KB) to pages that use a
fraction of them. As PurgeCSS does, a selector is kept when every class, id and element name
it requires occurs somewhere in the built pages or in the scripts they load (scripts add classes
such as `show` or `collapsing` at run time, so their words count). What a selector only *tests*
(`:not(...)`, `:is(...)`, attribute selectors, pseudo-classes) never removes it: when in doubt,
a rule stays. At-rules other than @media/@supports/@layer (fonts, keyframes, ...) are kept whole.

Scripts also build class names: Bootstrap adds `bs-${this.constructor.NAME}-auto` to every
tooltip and popover. A template literal that joins a placeholder to a word with `-` or `_`
(`prefix-${...}-suffix`) keeps every class of that shape (`prefix-*-suffix`); a placeholder joined
to nothing, or glued to a word without a joiner (`show${EVENT_KEY}`, an event name), keeps none.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import tinycss2
from tinycss2 import ast

_WORD = re.compile(r"[A-Za-z_][\w-]*")
_TAG = re.compile(r"<([A-Za-z][\w-]*)")
_ATTR_VALUE = re.compile(r'\s(?:class|id)="([^"]*)"')
_GROUPING_AT_RULES = {"media", "supports", "layer", "container"}
_TEMPLATE_LITERAL = re.compile(r"`(?:\\.|[^`\\])*`")
_PLACEHOLDER = re.compile(r"\$\{[^{}`]*\}")
_ESCAPE = re.compile(r"\\.")             # `\n`, `\u00a0` ...: not part of a class name
_COMPOUND = re.compile(r"(?:[\w-]|\0)+")   # class-name characters and placeholders (\0)


def words_in_pages(pages: Iterable[str]) -> set[str]:
    """Element names, classes and ids used in these HTML pages."""
    words: set[str] = set()
    for html in pages:
        words.update(t.lower() for t in _TAG.findall(html))
        for value in _ATTR_VALUE.findall(html):
            words.update(value.split())
    return words


def words_in_scripts(scripts: Iterable[str]) -> set[str]:
    """Every identifier-like word of these scripts: any may become a class at run time."""
    words: set[str] = set()
    for js in scripts:
        words.update(_WORD.findall(js))
    return words


def class_patterns_in_scripts(scripts: Iterable[str]) -> frozenset[str]:
    """Shapes of the class names the scripts build in template literals: `bs-${NAME}-auto`
    gives "bs-*-auto". Only placeholders joined to a word by `-` or `_` count."""
    patterns: set[str] = set()
    for js in scripts:
        for literal in _TEMPLATE_LITERAL.findall(js):
            text = _PLACEHOLDER.sub("\0", _ESCAPE.sub(" ", literal[1:-1]))
            for compound in _COMPOUND.findall(text):
                if "\0" in compound and _joined(compound):
                    patterns.add(re.sub("\0+", "*", compound))
    return frozenset(patterns)


def _joined(compound: str) -> bool:
    """Whether some placeholder of `compound` meets a word through `-` or `_`."""
    return bool(re.search(r"[\w-][-_]\0|\0[-_][\w-]", compound.replace("\0\0", "\0")))


def _matching(words: Iterable[str], patterns: Iterable[str]) -> set[str]:
    """The words that have the shape of one of the patterns."""
    if not patterns:
        return set()
    shape = re.compile("|".join(
        "(?:" + r"[\w-]+".join(re.escape(part) for part in p.split("*")) + ")"
        for p in sorted(patterns)))
    return {w for w in words if shape.fullmatch(w)}


def _required(tokens: list) -> tuple[set[str], set[str]]:
    """(classes and ids, element names) a selector cannot match without."""
    names: set[str] = set()
    tags: set[str] = set()
    compound_start = True
    after_colon = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if isinstance(tok, ast.WhitespaceToken) or (
                isinstance(tok, ast.LiteralToken) and tok.value in (">", "+", "~")):
            compound_start, after_colon = True, False
        elif isinstance(tok, ast.LiteralToken) and tok.value == ":":
            after_colon = True            # pseudo-classes and -elements test, never require
        elif isinstance(tok, ast.LiteralToken) and tok.value == "." and i + 1 < len(tokens) \
                and isinstance(tokens[i + 1], ast.IdentToken):
            names.add(tokens[i + 1].value)
            i += 1
            compound_start = after_colon = False
        elif isinstance(tok, ast.HashToken):
            names.add(tok.value)
            compound_start = after_colon = False
        elif isinstance(tok, ast.IdentToken):
            if compound_start and not after_colon:
                tags.add(tok.value.lower())
            compound_start = after_colon = False
        else:                             # functions (:not, :is ...), [attr], *, nesting
            compound_start = after_colon = False
        i += 1
    return names, tags


def _split_selectors(prelude: list) -> list[list]:
    selectors, current = [], []
    for tok in prelude:
        if isinstance(tok, ast.LiteralToken) and tok.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(tok)
    selectors.append(current)
    return [s for s in selectors if any(not isinstance(t, (ast.WhitespaceToken, ast.Comment))
                                        for t in s)]


def _strip(tokens: list) -> list:
    while tokens and isinstance(tokens[0], ast.WhitespaceToken):
        tokens = tokens[1:]
    while tokens and isinstance(tokens[-1], ast.WhitespaceToken):
        tokens = tokens[:-1]
    return tokens


def _purge_rules(rules: list, used: set[str]) -> list[str]:
    out: list[str] = []
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            kept = []
            for selector in _split_selectors(rule.prelude):
                names, tags = _required(selector)
                if names <= used and tags <= used:
                    kept.append(tinycss2.serialize(_strip(selector)))
            if kept:
                out.append(",".join(kept) + "{" + tinycss2.serialize(rule.content).strip() + "}")
        elif isinstance(rule, ast.AtRule):
            if rule.lower_at_keyword in _GROUPING_AT_RULES and rule.content is not None:
                inner = _purge_rules(tinycss2.parse_rule_list(rule.content), used)
                if inner:
                    out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}"
                               "{" + "".join(inner) + "}")
            else:
                out.append(tinycss2.serialize([rule]))
    return out


@lru_cache(maxsize=32)
def _parsed(css: str) -> list:
    """The stylesheet's rules (parsing the theme's 400 KB takes a second: the live preview
    parses each stylesheet once, not on every rebuild)."""
    return tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)


@lru_cache(maxsize=32)
def _purged(css: str, relevant: frozenset[str]) -> str:
    return "".join(_purge_rules(_parsed(css), set(relevant)))


def purge_css(css: str, used: set[str], cache: Path | None = None,
              patterns: Iterable[str] = ()) -> str:
    """`css` without the rules none of whose selectors can match, given the words in use and
    the shapes of class names scripts build (`class_patterns_in_scripts`).
    With `cache` (a folder), a result is kept there under a hash of the stylesheet and of the
    words in play, so a clean build of an unchanged site does not parse the theme again."""
    css_words = set(_WORD.findall(css))
    relevant = frozenset(css_words & used | _matching(css_words, patterns))  # same words: same result
    if cache is None:
        return _purged(css, relevant)
    key = hashlib.sha256(css.encode() + b"\0" + " ".join(sorted(relevant)).encode()).hexdigest()
    kept = cache / f"{key[:32]}.css"
    if kept.is_file():
        return kept.read_text(encoding="utf-8")
    out = _purged(css, relevant)
    cache.mkdir(parents=True, exist_ok=True)
    tmp = kept.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(out, encoding="utf-8")
    os.replace(tmp, kept)
    return out
