// Which renderer the game starts with. WebGL is the better one on a real GPU; without one (a
// school computer whose GPU the browser blocks, a headless browser) the browser runs WebGL in
// software, which costs every frame a long task (3-13 fps on the map where the canvas renderer
// holds 60). So the page asks the browser, before the engine starts, which WebGL it would get and
// takes the canvas renderer when that is a software one. `?renderer=canvas` or `?renderer=webgl`
// still forces either. Pure decisions here; the probe that asks the browser is at the end.

export type RendererChoice = 'webgl' | 'canvas';

/** Renderer strings of WebGL done on the CPU (SwiftShader, Mesa's llvmpipe and softpipe, Windows' WARP). */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver|microsoft basic|mesa offscreen|warp/i;

/** Whether this WebGL renderer string (WEBGL_debug_renderer_info's) names a software renderer. */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE.test(renderer);
}

/** What the browser says about its WebGL: none at all, or its renderer string (null if hidden) and whether it warned of a major performance caveat. */
export type WebglProbe = { available: false } | { available: true; renderer: string | null; majorCaveat: boolean };

/**
 * The renderer to start with: the one `?renderer=` names, else canvas where WebGL is missing, runs
 * in software (by its renderer string, or the browser's own "major performance caveat") or was too
 * slow on this machine before (`remembered`, see framesTooSlow), else WebGL.
 */
export function chooseRenderer(
  param: string | null,
  probe: () => WebglProbe,
  remembered: string | null = null,
): RendererChoice {
  if (param === 'canvas' || param === 'webgl') return param;
  if (remembered === 'canvas') return 'canvas';
  const p = probe();
  if (!p.available || p.majorCaveat) return 'canvas';
  return p.renderer !== null && isSoftwareRenderer(p.renderer) ? 'canvas' : 'webgl';
}

/**
 * Whether WebGL's first frames show it is too slow for this machine: the median of the frame
 * times (ms) after the first two (shader compiling) above `limitMs` (a frame every 50 ms is 20 fps).
 * For a slow WebGL whose renderer string says nothing: the page notes it, and starts with the
 * canvas renderer from then on.
 */
export function framesTooSlow(frameTimes: readonly number[], limitMs = 50): boolean {
  const settled = frameTimes.slice(2);
  if (settled.length < 5) return false;
  const sorted = [...settled].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] > limitMs;
}

/** Asks the browser which WebGL it would give the game (a throwaway context, released at once). */
export function probeWebgl(): WebglProbe {
  try {
    const canvas = document.createElement('canvas');
    const strict = canvas.getContext('webgl', { failIfMajorPerformanceCaveat: true });
    const gl = strict ?? document.createElement('canvas').getContext('webgl');
    if (!gl) return { available: false };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : null;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, renderer, majorCaveat: strict === null };
  } catch {
    return { available: false };
  }
}

/** Where the page notes that WebGL was too slow here (see framesTooSlow). */
export const RENDERER_NOTE_KEY = 'blackboxdog.renderer';
