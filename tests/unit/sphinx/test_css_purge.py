"""Purging theme CSS: a rule goes only when no selector of it can match the site."""

from __future__ import annotations

from sourcebook.sphinx.css_purge import (class_patterns_in_scripts, purge_css, words_in_pages,
                                         words_in_scripts)

PAGE = '<html><body><nav class="bd-navbar show-me" id="top"><a class="nav-link">x</a></nav></body></html>'


def used(*extra: str) -> set[str]:
    return words_in_pages([PAGE]) | set(extra)


def test_rules_for_absent_classes_ids_and_elements_go():
    css = ".bd-navbar{color:red}.modal-dialog{color:blue}#top{margin:0}#gone{margin:1px}table td{x:y}"
    out = purge_css(css, used())
    assert ".bd-navbar{color:red}" in out and "#top{margin:0}" in out
    assert "modal-dialog" not in out and "#gone" not in out and "table" not in out


def test_a_rule_stays_when_any_of_its_selectors_can_match_and_keeps_only_those():
    out = purge_css(".carousel,.nav-link:hover{color:red}", used())
    assert out == ".nav-link:hover{color:red}"


def test_what_a_selector_only_tests_never_removes_it():
    css = ("a:not(.never-used){x:1}.bd-navbar[data-mode=dark]{x:2}nav::before{x:3}"
           ".bd-navbar:is(.absent){x:4}:root{--v:1}*{box-sizing:border-box}")
    out = purge_css(css, used())
    for kept in ("a:not(.never-used)", "[data-mode=dark]", "nav::before", ":is(.absent)", ":root", "*{"):
        assert kept in out, kept


def test_media_blocks_are_purged_inside_and_dropped_when_empty_other_at_rules_stay():
    css = ("@media (min-width:1px){.nav-link{x:1}.unused{x:2}}@media print{.unused{x:3}}"
           "@font-face{font-family:F;src:url(f.woff)}@keyframes spin{to{x:1}}")
    out = purge_css(css, used())
    assert "@media (min-width:1px){.nav-link{x:1}}" in out
    assert "print" not in out
    assert "@font-face" in out and "@keyframes spin" in out


def test_classes_a_script_may_add_keep_their_rules():
    css = ".collapsing{height:0}.show-me{x:1}"
    assert purge_css(css, used()) == ".show-me{x:1}"
    scripts = words_in_scripts(['el.classList.add("collapsing")'])
    assert ".collapsing{height:0}" in purge_css(css, used() | scripts)


def test_a_kept_result_is_reused_while_the_words_in_play_are_the_same(tmp_path, monkeypatch):
    from sourcebook.sphinx import css_purge
    css = ".nav-link{x:1}.modal{x:2}"
    first = purge_css(css, used(), cache=tmp_path)
    assert first == ".nav-link{x:1}" and len(list(tmp_path.glob("*.css"))) == 1

    def boom(*args):
        raise AssertionError("purged again although nothing it depends on changed")
    monkeypatch.setattr(css_purge, "_purged", boom)
    assert purge_css(css, used("words-no-selector-mentions"), cache=tmp_path) == first
    monkeypatch.undo()
    assert purge_css(css, used("modal"), cache=tmp_path) == css       # a new word in play


# Bootstrap 5.3's tooltip and popover (scripts/bootstrap.js, minified as the theme ships it):
# the placement class is built in a template literal, so no page or script names it whole.
BOOTSTRAP_LINE = ("f(!e)return null;e.classList.remove(ss,os),"
                  "e.classList.add(`bs-${this.constructor.NAME}-auto`);const i=(t=>{do{t+=1}")
BOOTSTRAP_CSS = (".bs-tooltip-top .tooltip-arrow,.bs-tooltip-auto[data-popper-placement^=top] "
                 ".tooltip-arrow{bottom:0}.bs-popover-auto[data-popper-placement^=right]>"
                 ".popover-arrow{left:calc(-1 * var(--bs-popover-arrow-height))}"
                 ".bs-dropdown-top{x:1}")


def test_classes_a_script_builds_in_a_template_literal_keep_their_rules():
    scripts = [BOOTSTRAP_LINE, 'const T = \'<div class="tooltip-arrow"></div><div class="popover-arrow">\'']
    patterns = class_patterns_in_scripts(scripts)
    assert "bs-*-auto" in patterns
    out = purge_css(BOOTSTRAP_CSS, used() | words_in_scripts(scripts), patterns=patterns)
    assert ".bs-tooltip-auto[data-popper-placement^=top] .tooltip-arrow{bottom:0}" in out
    assert ".bs-popover-auto[data-popper-placement^=right]>.popover-arrow" in out
    assert "bs-tooltip-top" not in out and "bs-dropdown-top" not in out     # not that shape
    assert "bs-tooltip-auto" not in purge_css(BOOTSTRAP_CSS, used() | words_in_scripts(scripts))


def test_only_placeholders_joined_to_a_word_by_a_dash_or_underscore_make_a_shape():
    scripts = ["on(`show${EVENT_KEY}`); log(`\\n${text}`); q(`.${cls} #${id}`);"
               "el.className = `tag_${name} sb-${state}-mark`; s = `${a}${b}`; p = `${n}px`"]
    assert class_patterns_in_scripts(scripts) == {"tag_*", "sb-*-mark"}
    out = purge_css(".showcase{x:1}.nav{x:2}.tag_hide{x:3}.sb-open-mark{x:4}.sb-open{x:5}",
                    set(), patterns=class_patterns_in_scripts(scripts))
    assert out == ".tag_hide{x:3}.sb-open-mark{x:4}"


def test_a_cached_result_depends_on_the_shapes_too(tmp_path):
    plain = purge_css(BOOTSTRAP_CSS, used(), cache=tmp_path)
    shaped = purge_css(BOOTSTRAP_CSS, used("tooltip-arrow"), cache=tmp_path,
                       patterns={"bs-*-auto"})
    assert "bs-tooltip-auto" not in plain and "bs-tooltip-auto" in shaped
