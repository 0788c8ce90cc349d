// Where the timeline map puts each chapter's stop, for however many chapters the list holds.
// Pure: the map scene draws each stop's badge (year label above, disc, stars) and its card
// (the chapter button below) around the point returned here. Up to six chapters stand on the
// pads drawn in bg-map.svg; more zigzag across the map on two lines, shrinking their badges and
// cards (`scale`) only when they would otherwise overlap.

export interface Point {
  x: number;
  y: number;
}

/** The space one stop takes around its point at scale 1: year label (two lines), disc, stars and card. */
export const STOP_BOX = { left: 92, right: 92, top: 132, bottom: 164 } as const;

/** The pads of bg-map.svg where the first six badges stand (the badge sits 80 px above its pad). */
export const PADS: readonly Point[] = [
  { x: 140, y: 560 },
  { x: 330, y: 420 },
  { x: 540, y: 540 },
  { x: 760, y: 380 },
  { x: 960, y: 500 },
  { x: 1150, y: 300 },
];

export interface MapLayout {
  stops: Point[];
  /** How much the badges and cards shrink (1 = full size). */
  scale: number;
}

/** The map's size and the band the stops may use (below the heading and the top buttons). */
export interface MapArea {
  width: number;
  height: number;
  top: number;
  margin: number;
}

export const MAP_AREA: MapArea = { width: 1280, height: 720, top: 130, margin: 8 };

/** The gap kept between two stops' boxes. */
const GAP = 12;

export function mapLayout(count: number, area: MapArea = MAP_AREA): MapLayout {
  if (!Number.isInteger(count) || count < 0) throw new Error(`A map of ${count} chapters cannot be laid out`);
  if (count <= PADS.length) return { stops: PADS.slice(0, count).map((p) => ({ x: p.x, y: p.y - 80 })), scale: 1 };
  // Two lines, taking turns: a stop's neighbours on its own line are two steps away, its
  // neighbours on the other line are clear of it vertically.
  const boxW = STOP_BOX.left + STOP_BOX.right;
  const boxH = STOP_BOX.top + STOP_BOX.bottom;
  const usable = area.width - 2 * area.margin;
  // Stops' centres span the usable width less one box; two steps must hold a box and a gap.
  const scaleX = (2 * usable) / ((count - 1) * (boxW + GAP) + 2 * boxW);
  const scaleY = (area.height - area.top - area.margin) / (2 * boxH + GAP);
  const scale = Math.min(1, scaleX, scaleY);
  const left = area.margin + STOP_BOX.left * scale;
  const right = area.width - area.margin - STOP_BOX.right * scale;
  const step = (right - left) / (count - 1);
  const upper = area.top + STOP_BOX.top * scale;
  const lower = upper + (boxH + GAP) * scale;
  const stops = Array.from({ length: count }, (_, i) => ({ x: left + i * step, y: i % 2 ? upper : lower }));
  return { stops, scale };
}

/** A stop's box on the map, at the layout's scale. */
export function stopBox(p: Point, scale: number): { x0: number; x1: number; y0: number; y1: number } {
  return {
    x0: p.x - STOP_BOX.left * scale,
    x1: p.x + STOP_BOX.right * scale,
    y0: p.y - STOP_BOX.top * scale,
    y1: p.y + STOP_BOX.bottom * scale,
  };
}
