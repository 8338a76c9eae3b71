/** The rectangle every layout function speaks in: SVG user units, origin top-left. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
