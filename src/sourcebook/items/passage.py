"""Passages of a source as the mark-words widget shows them: a list of clickable tokens.

tokens   = the reading text of the item's sentences joined by one space, split on whitespace
           (so a token keeps its punctuation: "communism,").
A phrase occupies the tokens whose normalised words spell the phrase's normalised words exactly,
starting and ending on token boundaries. A phrase may occur more than once; every occurrence
belongs to it. Tokens that normalise to nothing (a lone dash) add no words.
"""

from __future__ import annotations

from collections.abc import Sequence

from sourcebook.items.normalize import normalise


def passage_tokens(source, sentence_ids: Sequence[str]) -> list[str]:
    """The tokens of the passage made of `sentence_ids` (KeyError for an unknown id)."""
    return " ".join(source.sentence(sid).text for sid in sentence_ids).split()


def find_phrase(tokens: Sequence[str], phrase: str,
                normalised: Sequence[list[str]] | None = None) -> list[int]:
    """Indices of every token that belongs to an occurrence of `phrase` (empty: not found)."""
    target = normalise(phrase).split(" ")
    if target == [""]:
        return []
    words = normalised if normalised is not None else [normalise(t).split() for t in tokens]
    found: set[int] = set()
    for start in range(len(tokens)):
        if not words[start] or words[start][0] != target[0]:
            continue
        got: list[str] = []
        end = start
        while end < len(tokens) and len(got) < len(target):
            got.extend(words[end])
            end += 1
        if got == target:
            found.update(range(start, end))
    return sorted(found)


def phrase_tokens(tokens: Sequence[str], phrases: Sequence[str]) -> list[list[int]]:
    """For each phrase, the token indices it occupies (an empty list if it does not occur)."""
    words = [normalise(t).split() for t in tokens]
    return [find_phrase(tokens, p, words) for p in phrases]
