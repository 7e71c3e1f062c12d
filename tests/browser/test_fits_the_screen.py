"""What a small or an ordinary screen must not hide, in the built student book: a matching menu
never cuts a choice the student cannot then read in full (1366 px and 390 px), and on a phone
each black-out guess box sits beside its hidden word, not screens away from it."""

from __future__ import annotations


SCREENS = {"desktop": {"width": 1366, "height": 768}, "phone": {"width": 390, "height": 844}}
ARROW_PX = 20        # what a closed menu keeps for its arrow (Chromium), beside its padding

# Every choice of every matching menu on the page, chosen in turn: the menu stays on screen,
# and a choice wider than the closed menu's room is written out in full under it, on screen.
MENUS = """(arrow) => {
  const view = document.documentElement.clientWidth;
  const probe = document.createElement('span');
  probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
  document.body.append(probe);
  const problems = [];
  let long = 0;
  for (const menu of document.querySelectorAll('.sb-match select')) {
    const style = getComputedStyle(menu);
    probe.style.font = style.font;
    const box = menu.getBoundingClientRect();
    if (box.left < 0 || box.right > view) problems.push(`${menu.id} runs off the screen`);
    const room = menu.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow;
    for (const option of [...menu.options].filter((o) => o.value)) {
      menu.value = option.value;
      menu.dispatchEvent(new Event('change', { bubbles: true }));
      probe.textContent = option.textContent;
      if (probe.offsetWidth <= room) continue;
      long += 1;
      const line = menu.nextElementSibling;
      const shown = line && line.classList.contains('sb-mfull') && !line.hidden && line.offsetHeight > 0;
      if (!shown) { problems.push(`${menu.id}: "${option.textContent}" is cut and not shown in full`); continue; }
      const where = line.getBoundingClientRect();
      if (line.textContent !== option.textContent) problems.push(`${menu.id}: shows "${line.textContent}"`);
      if (line.scrollWidth > line.clientWidth || where.right > view) problems.push(`${menu.id}: the full text overflows`);
    }
    menu.value = '';
    menu.dispatchEvent(new Event('change', { bubbles: true }));
  }
  probe.remove();
  return { problems, long, menus: document.querySelectorAll('.sb-match select').length };
}"""


def test_matching_menus_never_hide_part_of_a_choice(built, browser, book_sets):
    """Each chapter with matching items is loaded once and checked at both widths (the theme's
    layout is CSS media queries, so narrowing the tab is a phone's layout)."""
    _, sets = book_sets
    chapters = sorted({s.info.chapter for s in sets if any(i.type == "matching" for i in s.items)})
    assert chapters
    site = built("student")
    context = browser.new_context(viewport=SCREENS["desktop"])
    page = context.new_page()
    long = {name: 0 for name in SCREENS}
    menus = 0
    for chapter in chapters:
        page.set_viewport_size(SCREENS["desktop"])
        page.goto((site / f"{chapter}.html").as_uri())
        page.wait_for_function("document.querySelector('.sb-set.sb-js')")
        for name, screen in SCREENS.items():
            page.set_viewport_size(screen)
            found = page.evaluate(MENUS, ARROW_PX)
            assert not found["problems"], (chapter, name, found["problems"])
            long[name] += found["long"]
            menus += found["menus"]
            assert page.evaluate("document.documentElement.scrollWidth <= "
                                 "document.documentElement.clientWidth"), (chapter, name)
    context.close()
    assert menus and all(long.values()), \
        f"no choice was too long for its menu at some width ({long}): the test would prove nothing"


# Each black-out of the close reader switched on in turn: where its guess boxes are, against
# its hidden words (document coordinates), and where each box is once the words are revealed.
GUESS_BOXES = """(fieldset) => {
  const words = [...document.querySelectorAll(`.sb-memo .sb-bo[data-bo="${fieldset.dataset.bo}"]`)];
  const boxes = [...fieldset.querySelectorAll('input')];
  fieldset.querySelector('.sb-bot').click();
  const at = (e) => { const r = e.getBoundingClientRect(); return { mid: r.top + r.height / 2 + scrollY, right: r.right }; };
  const line = parseFloat(getComputedStyle(document.querySelector('.sb-rt')).lineHeight);
  const placed = words.map((word, i) => ({ word: at(word), box: at(boxes[i]), typed: (boxes[i].value = `guess ${i + 1}`) }));
  fieldset.querySelector('.sb-bor').click();
  return { placed, line, words: words.length, back: boxes.every((box) => fieldset.contains(box)),
           said: fieldset.querySelector('.sb-boo').textContent };
}"""


def test_each_guess_box_sits_beside_its_hidden_word_on_a_phone(built, browser):
    site = built("student")
    context = browser.new_context(viewport=SCREENS["phone"])
    page = context.new_page()
    page.goto((site / "book" / "close-reading.html").as_uri())
    page.wait_for_function("window.sourcebookReadyAt !== undefined")
    for details in page.locator(".sb-bol").all():
        details.evaluate("e => e.open = true")
    fieldsets = page.locator(".sb-bos").all()
    assert fieldsets
    screen = SCREENS["phone"]
    for fieldset in fieldsets:
        found = fieldset.evaluate(GUESS_BOXES)
        assert found["words"] and len(found["placed"]) == found["words"]
        for n, spot in enumerate(found["placed"], start=1):
            distance = abs(spot["box"]["mid"] - spot["word"]["mid"])
            # on the word's own line or the next: far inside one screen (844 px)
            assert distance <= 2 * found["line"], (fieldset.get_attribute("data-bo"), n, distance)
            assert spot["box"]["right"] <= screen["width"]
            assert f"you guessed “guess {n}”" in found["said"]
        assert found["back"], "after the reveal the guess boxes go back under the paragraph"
    assert page.evaluate("document.documentElement.scrollWidth <= "
                         "document.documentElement.clientWidth")
    context.close()
