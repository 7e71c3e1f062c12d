"""Mark the words of a passage that fit a criterion.

`sentences` are the passage; each of `phrases` must occur in it as whole words. Each phrase earns
the share of its words that are marked. Score: the mean of those shares − wrongly marked words /
words outside every phrase, never below 0, so marking every word, or every other word, or words
at random, scores 0 or near it (docs/contract.md §3)."""

from __future__ import annotations

from html import escape
from typing import Literal

from pydantic import Field

from sourcebook.items.base import SENTENCE_ID, ItemBase, ItemType, Key, Broken, item_source, kind
from sourcebook.items.crypto import FAST, encrypt
from sourcebook.items.normalize import normalise
from sourcebook.items.page_parts import PIECE_WIDTH, explanation, required_source, with_filler
from sourcebook.items.passage import passage_tokens, phrase_tokens


class MarkWords(ItemBase):
    type: Literal["mark-words"]
    sentences: list[SENTENCE_ID] = Field(min_length=1)
    phrases: list[str] = Field(min_length=1)


class MarkWordsKey(Key):
    def __init__(self, item, source):
        super().__init__(item)
        self.tokens = passage_tokens(source, item.sentences)
        self.phrases = [set(t) for t in phrase_tokens(self.tokens, item.phrases)]
        self.inside = set().union(*self.phrases)

    def _marks(self, response) -> list[int] | str:
        if not isinstance(response, (list, tuple)):
            return f"expected a list of word numbers, got {kind(response)}"
        if len(response) > len(self.tokens):
            return f"the passage has only {len(self.tokens)} words"
        marks = set()
        for i in response:
            if type(i) is not int:
                return f"expected word numbers, but the list contains {kind(i)}"
            if not 0 <= i < len(self.tokens):
                return f"word number {i} is outside the passage (0-{len(self.tokens) - 1})"
            marks.add(i)
        return sorted(marks)

    def _check(self, response, seed):
        marks = self._marks(response)
        if isinstance(marks, str):
            return self.invalid(marks)
        marked = set(marks)
        found = sum(len(phrase & marked) / len(phrase) for phrase in self.phrases)
        outside = len(self.tokens) - len(self.inside)
        wrong = len(marked - self.inside)
        fraction = found / len(self.phrases) - (wrong / outside if outside else 0.0)
        return self.scored(fraction, [])

    def perfect(self):
        return sorted(self.inside)

    def wrong_runs(self, marks: list[int]) -> list[list[int]]:
        runs: list[list[int]] = []
        for i in marks:
            if i in self.inside:
                continue
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        return runs

    def wrong_choices(self, response):
        return [" ".join(self.tokens[i] for i in run)
                for run in self.wrong_runs(sorted(set(response)))]


def _key(item, ctx):
    source = item_source(item, ctx)
    if source is None:
        return Broken(item, f'the source "{item.source}" of this item is not available')
    return MarkWordsKey(item, source)


def _cross_check(item, problem, source, slug, ctx):
    known = source.sentence_ids()
    bad = [sid for sid in item.sentences if sid not in known]
    for k, sid in enumerate(item.sentences):
        if sid in bad:
            problem(f'sentence "{sid}" is not in {slug}', "sentences", k)
    if not bad:
        tokens = passage_tokens(source, item.sentences)
        for k, (phrase, where) in enumerate(zip(item.phrases, phrase_tokens(tokens, item.phrases))):
            if not where:
                problem(f'phrase "{phrase}" does not occur as whole words in the passage '
                        f"({', '.join(item.sentences)})", "phrases", k)
    return item


def _print_body(item, ctx, version: str = "") -> str:
    source = item_source(item, ctx)
    text = " ".join(source.sentence(sid).text for sid in item.sentences)
    return f'<p class="meta">Underline the words.</p><p class="quote">{escape(text)}</p>'


def mark_tokens(item: MarkWords, ctx) -> tuple[list[str], list[list[int]]]:
    """The passage's tokens as the page shows them, and each phrase's token indices."""
    tokens = passage_tokens(required_source(item, ctx), item.sentences)
    return tokens, phrase_tokens(tokens, item.phrases)


def _payload(item, ctx, h) -> dict:
    tokens, spans = mark_tokens(item, ctx)
    phrase_secrets = [h("phrase", f"{k}|{normalise(item.phrases[k])}").secret
                      for k in range(len(spans))]
    pieces: dict[str, str] = {}
    token_secrets: dict[int, str] = {}
    for k, span in enumerate(spans):
        for t in span:
            st = h("token", str(t))
            token_secrets[t] = st.secret
            pieces[st.check] = encrypt(f"{k}:{phrase_secrets[k]}", st.secret, PIECE_WIDTH)
    pieces = with_filler(pieces, len(tokens), h.seed)
    # Fully right means every word of every phrase marked: the key needs them all.
    return {"tokens": list(tokens), "targets": {"it": FAST, "h": sorted(pieces)},
            "pieces": pieces,
            "explanation": explanation(item, [token_secrets[t] for t in sorted(token_secrets)])}


def _page_body(item, ctx) -> str:
    tokens, _ = mark_tokens(item, ctx)
    words = " ".join(f'<button type="button" class="sb-w" aria-pressed="false" '
                     f'data-i="{i}">{escape(t)}</button>' for i, t in enumerate(tokens))
    return ('<p class="sb-how">Press a word to mark it; press it again to unmark it.</p>'
            f'<p class="sb-mw">{words}</p>')


TYPE = ItemType(
    name="mark-words", model=MarkWords, key=_key,
    answer_text=lambda item, ctx: "; ".join(f"“{p}”" for p in item.phrases),
    print_body=_print_body, cross_check=_cross_check, needs_source=True,
    payload=_payload, page_body=_page_body,
    minutes=1.5,
)
