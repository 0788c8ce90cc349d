import { describe, expect, it } from 'vitest';
import { chooseRenderer, framesTooSlow, isSoftwareRenderer, type WebglProbe } from '../../../src/game/rendererChoice';

const gpu =
  (renderer: string | null): (() => WebglProbe) =>
  () => ({ available: true, renderer, majorCaveat: false });

describe('renderer choice', () => {
  it('names software WebGL renderers by their strings', () => {
    for (const s of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.7, 256 bits)',
      'Mesa softpipe',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)',
      'Google SwiftShader',
    ])
      expect(isSoftwareRenderer(s), s).toBe(true);
    for (const s of [
      'ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'Apple M1',
      'Mali-G78',
      'AMD Radeon RX 580 (radeonsi, polaris10, LLVM 15.0.7, DRM 3.49)',
    ])
      expect(isSoftwareRenderer(s), s).toBe(false);
  });

  it('falls back to canvas for software, missing or caveated WebGL, and keeps WebGL on a GPU', () => {
    expect(chooseRenderer(null, gpu('Google SwiftShader'))).toBe('canvas');
    expect(chooseRenderer(null, gpu('llvmpipe (LLVM 15.0.7, 256 bits)'))).toBe('canvas');
    expect(chooseRenderer(null, () => ({ available: false }))).toBe('canvas');
    expect(chooseRenderer(null, () => ({ available: true, renderer: null, majorCaveat: true }))).toBe('canvas');
    expect(chooseRenderer(null, gpu('Apple M1'))).toBe('webgl');
    expect(chooseRenderer(null, gpu(null))).toBe('webgl');
    expect(chooseRenderer(null, gpu('Apple M1'), 'canvas')).toBe('canvas');
  });

  it('lets ?renderer= force either without probing', () => {
    const never = (): WebglProbe => {
      throw new Error('probed');
    };
    expect(chooseRenderer('webgl', never)).toBe('webgl');
    expect(chooseRenderer('canvas', never)).toBe('canvas');
    expect(chooseRenderer('webgl', never, 'canvas')).toBe('webgl');
  });

  it('calls WebGL too slow from its first frames, past the first two', () => {
    expect(framesTooSlow([400, 200, 75, 80, 70, 90, 75, 77, 81])).toBe(true);
    expect(framesTooSlow([400, 200, 16.7, 16.7, 17, 16.6, 33, 16.7, 16.8])).toBe(false);
    // One slow frame among quick ones (a picture arriving) is not slowness.
    expect(framesTooSlow([16, 16, 16, 120, 16, 16, 17, 16])).toBe(false);
    // Too few frames to judge.
    expect(framesTooSlow([100, 100, 100, 100])).toBe(false);
  });
});
