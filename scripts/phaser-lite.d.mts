import type { Plugin } from 'vite';

export function phaserLite(): Plugin;
export function isPhaser(id: string): boolean;
