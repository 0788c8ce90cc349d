// Curly quotes in canvas text. The CJK font in the game's font stack draws “ ” ‘ ’ full width,
// which in English looks like stray spaces (the HTML layer fixes this with its "Latin Quotes"
// face, see ui.css). Phaser draws its text with the stack in BaseScene's FONT, which starts with
// the family below: a face that holds only the quotes and the ellipsis, from a Latin system font.
// It is in the document's fonts only while the game speaks English, so Chinese text keeps its
// full-width quotes, as in the HTML.
export const CANVAS_QUOTES = 'Canvas Quotes';

const RANGE = 'U+2018-201F, U+2026';
const REGULAR =
  'local("Segoe UI"), local("Helvetica Neue"), local("Arial"), local("DejaVu Sans"), local("Liberation Sans")';
const BOLD =
  'local("Segoe UI Bold"), local("Helvetica Neue Bold"), local("Arial Bold"), local("DejaVu Sans Bold"), local("Liberation Sans Bold")';

const faces: FontFace[] =
  typeof FontFace === 'undefined' || typeof document === 'undefined'
    ? []
    : [
        new FontFace(CANVAS_QUOTES, REGULAR, { unicodeRange: RANGE, weight: '400' }),
        new FontFace(CANVAS_QUOTES, BOLD, { unicodeRange: RANGE, weight: '600 900' }),
      ];
// Loaded up front: canvas text is drawn once, with whatever fonts are ready at that moment.
for (const face of faces) face.load().catch(() => {});

/**
 * Puts the Latin quotes in the canvas font stack for English and takes them out for Chinese.
 * Call it before drawing text in a possibly new language (chapter scenes do, on every refresh).
 */
export function useCanvasQuotes(locale: string): void {
  if (typeof document === 'undefined' || !document.fonts) return;
  const latin = locale === 'en';
  for (const face of faces) {
    const has = document.fonts.has(face);
    if (latin && !has) document.fonts.add(face);
    if (!latin && has) document.fonts.delete(face);
  }
}

// Screens that are no chapter follow the page's language (set on <html lang> by the game).
if (typeof document !== 'undefined' && typeof MutationObserver !== 'undefined') {
  const root = document.documentElement;
  useCanvasQuotes(root.lang);
  new MutationObserver(() => useCanvasQuotes(root.lang)).observe(root, { attributes: true, attributeFilter: ['lang'] });
}
