/* The close reader: lenses, glossary tooltips, notes with sentence starters, spotlight,
   black-out guessing. The memo and every panel are written by the build (render/static.py). */

import { load, save, PREFIX } from './store.js';
import { isString, pressed, query, queryAll } from './util.js';

export const NOTE_LIMIT = 20000;

export function reader(section, refreshers) {
  const book = section.dataset.book;
  const storageKey = (what) => `${PREFIX}${book}:${section.dataset.source}:${what}`;
  const message = query(section, '.sb-rmsg');
  const say = (text) => { message.textContent = text; };

  /* lenses: one at a time, pressed again to switch off */
  const lensButtons = queryAll(section, '.sb-lenses button');
  const panels = queryAll(section, '.sb-lp');
  function setLens(lens) {
    section.dataset.lens = lens;
    lensButtons.forEach((button) => pressed(button, button.dataset.lens === lens));
    panels.forEach((panel) => { panel.hidden = panel.dataset.lens !== lens; });
    if (lens) {
      const title = query(section, '.sb-lp[data-lens="' + CSS.escape(lens) + '"] .sb-lt').textContent;
      say(`${title} lens: passages highlighted.`);
    }
  }
  setLens('');
  lensButtons.forEach((button) => {
    button.addEventListener('click', () => setLens(pressed(button) ? '' : button.dataset.lens));
  });

  /* spotlight: a paragraph or a sentence lit, the rest dimmed */
  const spotlight = query(section, '.sb-spot');
  spotlight.addEventListener('change', () => {
    const target = spotlight.value;
    queryAll(section, '.sb-lit').forEach((node) => node.classList.remove('sb-lit'));
    section.classList.toggle('sb-spotting', !!target);
    if (target) {
      const selector = target.includes('.') ? `[data-sid="${CSS.escape(target)}"]` : `[data-pid="${CSS.escape(target)}"] .sb-s`;
      queryAll(section, selector).forEach((node) => node.classList.add('sb-lit'));
      say(`Spotlight on ${spotlight.selectedOptions[0].textContent.split(':')[0]}; the rest is dimmed.`);
    } else say('Spotlight off.');
  });

  /* glossary tooltips: Escape hides the one in focus; Enter or Space shows it again */
  const term = (event) => event.target.closest('.sb-g');
  section.addEventListener('keydown', (event) => {
    const word = term(event);
    if (!word) return;
    if (event.key === 'Escape') word.classList.add('sb-x');
    else if (event.key === 'Enter' || event.key === ' ') word.classList.remove('sb-x');
  });
  section.addEventListener('focusout', (event) => { if (term(event)) term(event).classList.remove('sb-x'); });

  /* notes: kept as typed, at most NOTE_LIMIT characters, with a visible count near the limit */
  const notes = queryAll(section, 'textarea[data-note]');
  notes.forEach((note) => {
    note.maxLength = NOTE_LIMIT;
    const count = query(note.parentNode, '.sb-count');
    const keep = () => {
      save(storageKey(`note:${note.dataset.note}`), note.value);
      if (count) count.textContent = `${note.value.length.toLocaleString('en')} of ${NOTE_LIMIT.toLocaleString('en')} characters.`;
    };
    note.addEventListener('input', keep);
    const starter = query(note.parentNode, 'select');
    query(note.parentNode, '.sb-add').addEventListener('click', () => {
      const gap = note.value && !/\s$/.test(note.value) ? ' ' : '';
      note.value = (note.value + gap + starter.value.replace(/…$/, ' ')).slice(0, NOTE_LIMIT);
      note.focus();
      note.selectionStart = note.value.length;
      keep();
    });
  });

  /* black-out: hide words, guess them, reveal */
  /* a hidden word's own text: a glossary term inside it keeps its tooltip out of the answer */
  const wordsOf = (node) => {
    const copy = node.cloneNode(true);
    queryAll(copy, '.sb-tip').forEach((tip) => tip.remove());
    return copy.textContent.replace(/\s+/g, ' ').trim();
  };
  const blackouts = queryAll(section, '.sb-bos').map((fieldset) => {
    const id = fieldset.dataset.bo;
    const words = queryAll(section, `.sb-bo[data-bo="${CSS.escape(id)}"]`);
    const toggle = query(fieldset, '.sb-bot');
    const guesses = queryAll(fieldset, 'input');
    const output = query(fieldset, '.sb-boo');
    /* while the words are hidden, each guess box sits right after its word in the memo (on a
       phone a box under the paragraph can be a screen away); it goes back afterwards */
    const home = query(fieldset, '.sb-bog');
    const hide = (on) => {
      pressed(toggle, on);
      words.forEach((word, i) => {
        word.classList.toggle('sb-on', on);
        const box = guesses[i] && guesses[i].parentNode;
        if (box && on) (word.closest('.sb-g') || word).after(box);     // never inside a glossary button
        else if (box) home.append(box, ' ');
      });
    };
    toggle.addEventListener('click', () => {
      const on = !pressed(toggle);
      hide(on);
      output.textContent = on ? 'Blacked out. Type your guesses, then reveal.' : '';
      if (on && guesses[0]) guesses[0].focus();
    });
    guesses.forEach((box) => box.addEventListener('input', () => save(storageKey(`bo:${id}`), guesses.map((g) => g.value))));
    query(fieldset, '.sb-bor').addEventListener('click', () => {
      hide(false);
      output.textContent = words.map((word, i) =>
        `Word ${i + 1}: you guessed “${guesses[i].value.trim() || '…'}”; the text has “${wordsOf(query(word, '.sb-bw'))}”.`).join(' ');
    });
    return () => {
      const stored = load(storageKey(`bo:${id}`));
      guesses.forEach((box, i) => { box.value = Array.isArray(stored) && isString(stored[i]) ? stored[i] : ''; });
    };
  });

  function restore() {
    notes.forEach((note) => {
      const stored = load(storageKey(`note:${note.dataset.note}`));
      note.value = isString(stored) ? stored.slice(0, NOTE_LIMIT) : '';
      const count = query(note.parentNode, '.sb-count');
      if (count) count.textContent = `${note.value.length.toLocaleString('en')} of ${NOTE_LIMIT.toLocaleString('en')} characters.`;
      if (note.value) note.closest('details').open = true;
    });
    blackouts.forEach((restoreGuesses) => restoreGuesses());
  }
  refreshers.push(restore);
  restore();
}
