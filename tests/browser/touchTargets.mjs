// Touch-target sizes, shared by the browser tests and bench:web.

/** The smallest width or height among the visible, enabled controls (CSS pixels). */
export function smallestTarget(page) {
  return page.evaluate(() => {
    let min = Infinity;
    let which = '';
    for (const el of document.querySelectorAll(
      '#ui button, #ui input, #overlay button, #overlay input, body > div button',
    )) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (!r.width || !r.height || style.visibility === 'hidden' || el.closest('[hidden]')) continue;
      const size = Math.min(r.width, r.height);
      if (size < min) {
        min = size;
        which = `${el.dataset.group ?? el.dataset.knob ?? el.className}/${el.dataset.id ?? ''}`;
      }
    }
    return { min: Math.round(min * 10) / 10, which };
  });
}
