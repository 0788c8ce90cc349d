// Our own drawings for the epilogue: a curled-up shiba beside a round loaf (they do look alike),
// a desk with a robot arm and a person, and a path of books.
export const EPILOGUE_ART: Record<string, string> = {
  shiba: `<svg viewBox="0 0 300 200" width="300" height="200" role="img" aria-hidden="true">
    <ellipse cx="80" cy="120" rx="62" ry="44" fill="#e0a458" stroke="#2b2118" stroke-width="4"/>
    <ellipse cx="80" cy="128" rx="34" ry="20" fill="#f6e3c5"/>
    <polygon points="40,92 52,62 66,90" fill="#e0a458" stroke="#2b2118" stroke-width="4"/>
    <polygon points="94,88 108,60 120,90" fill="#e0a458" stroke="#2b2118" stroke-width="4"/>
    <circle cx="66" cy="110" r="5" fill="#2b2118"/><circle cx="96" cy="110" r="5" fill="#2b2118"/>
    <ellipse cx="81" cy="122" rx="6" ry="4" fill="#2b2118"/>
    <ellipse cx="220" cy="124" rx="64" ry="42" fill="#d99a4e" stroke="#2b2118" stroke-width="4"/>
    <path d="M176 112 q12 -14 24 0 M204 108 q12 -14 24 0 M232 112 q12 -14 24 0" stroke="#8a5a2b" stroke-width="4" fill="none"/>
    <text x="150" y="190" text-anchor="middle" font-size="26" font-weight="700" fill="#2b2118">?</text>
  </svg>`,
  work: `<svg viewBox="0 0 300 200" width="300" height="200" role="img" aria-hidden="true">
    <rect x="20" y="130" width="260" height="14" rx="6" fill="#8a5a2b" stroke="#2b2118" stroke-width="4"/>
    <rect x="40" y="96" width="60" height="34" fill="#fff" stroke="#2b2118" stroke-width="4"/>
    <path d="M50 106 h40 M50 116 h30" stroke="#2b2118" stroke-width="3"/>
    <path d="M120 130 v-50 l30 -20 l20 20" stroke="#5b6b7b" stroke-width="10" fill="none" stroke-linecap="round"/>
    <circle cx="170" cy="80" r="9" fill="#f2b632" stroke="#2b2118" stroke-width="3"/>
    <circle cx="235" cy="70" r="20" fill="#f6d2b0" stroke="#2b2118" stroke-width="4"/>
    <path d="M205 130 q30 -60 60 0" fill="#4a90d9" stroke="#2b2118" stroke-width="4"/>
    <path d="M228 52 q12 -8 22 4" stroke="#2b2118" stroke-width="4" fill="none"/>
  </svg>`,
  learn: `<svg viewBox="0 0 300 200" width="300" height="200" role="img" aria-hidden="true">
    <rect x="30" y="140" width="90" height="22" fill="#d64545" stroke="#2b2118" stroke-width="4"/>
    <rect x="40" y="118" width="80" height="22" fill="#4a90d9" stroke="#2b2118" stroke-width="4"/>
    <rect x="34" y="96" width="84" height="22" fill="#2e9a4a" stroke="#2b2118" stroke-width="4"/>
    <path d="M140 150 q40 -10 60 -50 t70 -60" stroke="#2b2118" stroke-width="4" stroke-dasharray="10 8" fill="none"/>
    <polygon points="262,30 284,36 268,52" fill="#f2b632" stroke="#2b2118" stroke-width="4"/>
  </svg>`,
};
