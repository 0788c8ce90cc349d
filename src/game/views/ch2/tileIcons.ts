// Small pictures for the fruit-feature tiles, drawn as inline SVG so every tile shows an icon and
// a word. Shapes differ as well as colours (a big and a small circle, a leaf, a candy, a drop),
// so no tile is told apart by colour alone.
const STROKE = '#2B2D42';

const SHAPES: Record<string, string> = {
  // big: a large circle beside a small one
  big: `<circle cx="17" cy="22" r="13" fill="#E69F00"/><circle cx="34" cy="31" r="4" fill="#FFF8E7"/>`,
  // red: a round splash with a shine
  red: `<circle cx="20" cy="20" r="14" fill="#D55E00"/><circle cx="15" cy="15" r="3" fill="#FFF8E7" stroke="none"/>`,
  // green: a leaf with its vein
  green: `<path d="M6 32 C6 12 22 6 34 6 C34 22 26 34 6 32 Z" fill="#009E73"/><path d="M8 30 L28 12" fill="none"/>`,
  // round: a plain circle outline
  round: `<circle cx="20" cy="20" r="14" fill="#FFF8E7" stroke-width="4"/>`,
  // sweet: a wrapped candy
  sweet: `<path d="M4 12 L12 20 L4 28 Z M36 12 L28 20 L36 28 Z" fill="#CC79A7"/><circle cx="20" cy="20" r="9" fill="#CC79A7"/>`,
  // sour: a lemon-like drop with a squint line
  sour: `<ellipse cx="20" cy="20" rx="15" ry="11" fill="#F0E442"/><path d="M13 19 L18 21 M22 21 L27 19" fill="none"/>`,
  // fragrant: three rising wavy lines
  fragrant: `<path d="M10 34 C4 26 16 22 10 12 M20 34 C14 26 26 22 20 8 M30 34 C24 26 36 22 30 12" fill="none" stroke-width="3"/>`,
};

/** A data URL for a feature's icon, or null when the feature has no picture. */
export function featureIcon(feature: string): string | null {
  const shape = SHAPES[feature];
  if (!shape) return null;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" stroke="${STROKE}" stroke-width="2.5" stroke-linejoin="round">${shape}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
