/**
 * A sign on an empty plot, standing where an engine's building or houses would be: why they are not
 * there (unreachable, not available, still connecting, or simply empty) and what to do about it.
 */
import type { Engine } from '../../../src-main/contract';
import { retrying, signSentence } from '../engine-text';
import type { Box } from './box';
import { wrapToWidth } from './text-fit';

export type SignTone = 'warning' | 'quiet';
export type SignLineKind = 'title' | 'hint' | 'retry';

export interface SignLine {
  text: string;
  kind: SignLineKind;
  y: number;
  fontSize: number;
}

export interface SignLayout {
  width: number;
  height: number;
  tone: SignTone;
  board: Box;
  lines: SignLine[];
}

const MAX_WIDTH = 340;
const QUIET_WIDTH = 200;
const PAD = 12;
const POST_HEIGHT = 26;
const LINE_GAP = 4;

export function signTone(engine: Engine): SignTone {
  const state = engine.status.state;
  return state === 'unreachable' || state === 'unavailable' ? 'warning' : 'quiet';
}

export function layoutSign(engine: Engine, maxWidth: number): SignLayout {
  const tone = signTone(engine);
  const width = Math.max(120, Math.min(tone === 'warning' ? MAX_WIDTH : QUIET_WIDTH, maxWidth));
  const textWidth = width - 2 * PAD;
  const wanted: { text: string; kind: SignLineKind; fontSize: number; maxLines: number }[] = [
    // Warning titles are bold, which runs wider than the average glyph.
    { text: signSentence(engine), kind: 'title', fontSize: tone === 'warning' ? 13 : 12, maxLines: 5 },
  ];
  if (tone === 'warning' && engine.hint) wanted.push({ text: engine.hint, kind: 'hint', fontSize: 11, maxLines: 4 });
  if (retrying(engine)) wanted.push({ text: 'retrying…', kind: 'retry', fontSize: 11, maxLines: 1 });

  const lines: SignLine[] = [];
  let y = PAD;
  for (const block of wanted) {
    for (const text of wrapToWidth(block.text, textWidth, block.fontSize, block.maxLines)) {
      y += block.fontSize;
      lines.push({ text, kind: block.kind, y, fontSize: block.kind === 'title' ? 12 : block.fontSize });
      y += LINE_GAP;
    }
    y += LINE_GAP;
  }
  const boardHeight = Math.max(40, y - 2 * LINE_GAP + PAD);
  return {
    width,
    height: boardHeight + POST_HEIGHT,
    tone,
    board: { x: 0, y: 0, width, height: boardHeight },
    lines,
  };
}
