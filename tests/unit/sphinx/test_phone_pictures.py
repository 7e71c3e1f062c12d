"""A figure with a phone rendering is shown in a <picture> that picks it on a narrow screen
(the renderings themselves: tests/unit/figures/test_phone_figures.py)."""

from __future__ import annotations

from sourcebook.sphinx.phone_figures import with_phone_pictures


def test_a_figure_with_a_phone_rendering_becomes_a_picture():
    page = ('<a href="../_images/timeline.png"><img alt="A" src="../_images/timeline.png" /></a>'
            '<img alt="B" src="../_images/other.png" />')
    out = with_phone_pictures(page, {"timeline"})
    assert ('<picture class="sb-phone-picture"><source media="(max-width: 600px)" '
            'srcset="../_images/timeline-phone.png"><img alt="A" src="../_images/timeline.png" />'
            '</picture>') in out
    assert '<img alt="B" src="../_images/other.png" />' in out and out.count("<picture") == 1
    assert with_phone_pictures(out, {"timeline"}) == out       # not wrapped twice
