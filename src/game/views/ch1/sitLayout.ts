// Chapter 1's places on the screen, shared by its scene and painters.
import type Phaser from 'phaser';
import type { PanelBox } from '../../ui/panelBackdrop';

/** Where Bit stands: at home, or small below the open box. */
export const BIT_HOME = { x: 340, y: 360, size: 330 };
export const BIT_SMALL = { x: 340, y: 474, size: 190 };
/** The command panel's left edge: commands, feedback and tools line up on it. */
export const PANEL_X = 700;
/** The top bar and the command panel, cream with an ink border (painted on the backdrop). */
export const PANELS: readonly PanelBox[] = [
  { x: 16, y: 10, w: 650, h: 52, r: 18 },
  { x: PANEL_X - 16, y: 70, w: 580, h: 480, r: 22 },
];

/** A canvas text label in the game font (the scene's `label`). */
export type LabelFn = (x: number, y: number, size: number, color?: string) => Phaser.GameObjects.Text;

/**
 * Where the command panel's rows stand. On a phone in landscape (ui/phoneLayout.ts) every control
 * is 82 px tall (44 CSS px), so the rows are spaced out and the Map button joins the tools' row.
 */
export function panelRows(phone: boolean) {
  return phone
    ? {
        commandsY: 110,
        commandsStep: 86,
        feedbackLabelY: 280,
        feedbackY: 318,
        toolsY: 410,
        toolW: 176,
        showToolsY: 452,
      }
    : {
        commandsY: 118,
        commandsStep: 72,
        feedbackLabelY: 262,
        feedbackY: 296,
        toolsY: 400,
        toolW: 262,
        showToolsY: 478,
      };
}
