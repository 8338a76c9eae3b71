/**
 * One tenant's (or host's) figures over time, in bounded memory: the last 15 minutes at sample
 * resolution in a ring that grows only as far as it is used, and the last 24 hours in 5-minute buckets
 * (the mean of each figure, the peak of CPU). Four figures per point — CPU cores, memory bytes, network
 * and block I/O bytes per second (each direction summed) — as 32-bit floats. Pure.
 */

export const FINE_SPAN_MS = 15 * 60_000;
export const COARSE_SPAN_MS = 24 * 60 * 60_000;
export const BUCKET_MS = 5 * 60_000;
/** 15 minutes at one sample a second; longer intervals use less of it. */
export const FINE_CAPACITY = 900;
export const COARSE_CAPACITY = COARSE_SPAN_MS / BUCKET_MS;

export interface Point {
  /** Epoch ms. */
  t: number;
  cpu: number;
  memory: number;
  net: number;
  block: number;
}

/** A point of the 24-hour view: a bucket's means, and its busiest moment's CPU. */
export interface Bucket extends Point {
  cpuPeak: number;
  /** How many samples the bucket holds. */
  samples: number;
}

const FIELDS = 4;

/** A ring of points in typed arrays that grows by doubling up to its capacity. */
class Ring {
  private times: Float64Array;
  private values: Float32Array;
  private start = 0;
  private count = 0;

  constructor(private readonly capacity: number, initial = 16) {
    const size = Math.min(initial, capacity);
    this.times = new Float64Array(size);
    this.values = new Float32Array(size * FIELDS);
  }

  get length(): number {
    return this.count;
  }

  push(t: number, cpu: number, memory: number, net: number, block: number): void {
    if (this.count === this.times.length && this.times.length < this.capacity) this.grow();
    const slot = this.count < this.times.length ? (this.start + this.count) % this.times.length : this.start;
    if (this.count === this.times.length) this.start = (this.start + 1) % this.times.length;
    else this.count++;
    this.times[slot] = t;
    this.values.set([cpu, memory, net, block], slot * FIELDS);
  }

  at(i: number): Point {
    const slot = (this.start + i) % this.times.length;
    const v = this.values;
    const o = slot * FIELDS;
    return { t: this.times[slot]!, cpu: v[o]!, memory: v[o + 1]!, net: v[o + 2]!, block: v[o + 3]! };
  }

  /** Drops points older than `t` from the front. */
  dropBefore(t: number): void {
    while (this.count > 0 && this.times[this.start]! < t) {
      this.start = (this.start + 1) % this.times.length;
      this.count--;
    }
  }

  private grow(): void {
    const size = Math.min(this.capacity, this.times.length * 2);
    const times = new Float64Array(size);
    const values = new Float32Array(size * FIELDS);
    for (let i = 0; i < this.count; i++) {
      const slot = (this.start + i) % this.times.length;
      times[i] = this.times[slot]!;
      values.set(this.values.subarray(slot * FIELDS, slot * FIELDS + FIELDS), i * FIELDS);
    }
    this.times = times;
    this.values = values;
    this.start = 0;
  }

  /** Bytes this ring holds now. */
  get bytes(): number {
    return this.times.byteLength + this.values.byteLength;
  }
}

export class Series {
  private readonly fine = new Ring(FINE_CAPACITY);
  private readonly coarse = new Ring(COARSE_CAPACITY, 4);
  private readonly peaks = new Ring(COARSE_CAPACITY, 4);
  /** The bucket being filled: sums and the peak. */
  private open: { start: number; n: number; cpu: number; memory: number; net: number; block: number; peak: number } | null = null;
  /** When this series got its first point: "history since…". */
  readonly since: number;
  lastSeen: number;

  constructor(firstAt: number) {
    this.since = firstAt;
    this.lastSeen = firstAt;
  }

  add(p: Point): void {
    this.lastSeen = p.t;
    this.fine.push(p.t, p.cpu, p.memory, p.net, p.block);
    this.fine.dropBefore(p.t - FINE_SPAN_MS);
    const start = Math.floor(p.t / BUCKET_MS) * BUCKET_MS;
    if (this.open && this.open.start !== start) this.closeBucket();
    this.open ??= { start, n: 0, cpu: 0, memory: 0, net: 0, block: 0, peak: 0 };
    const b = this.open;
    b.n++;
    b.cpu += p.cpu;
    b.memory += p.memory;
    b.net += p.net;
    b.block += p.block;
    b.peak = Math.max(b.peak, p.cpu);
    this.coarse.dropBefore(p.t - COARSE_SPAN_MS);
    this.peaks.dropBefore(p.t - COARSE_SPAN_MS);
  }

  private closeBucket(): void {
    const b = this.open;
    if (!b || b.n === 0) return;
    this.coarse.push(b.start, b.cpu / b.n, b.memory / b.n, b.net / b.n, b.block / b.n);
    // The peak rides in its own ring, slot for slot with the means; its other fields carry the count.
    this.peaks.push(b.start, b.peak, b.n, 0, 0);
    this.open = null;
  }

  /** The last 15 minutes, oldest first. */
  recent(): Point[] {
    return this.tail(this.fine.length);
  }

  /** The last `n` points, oldest first (a sparkline). */
  tail(n: number): Point[] {
    const from = Math.max(0, this.fine.length - n);
    return Array.from({ length: this.fine.length - from }, (_, i) => this.fine.at(from + i));
  }

  /** The last 24 hours in 5-minute buckets, oldest first, the bucket still filling included. */
  day(): Bucket[] {
    const out: Bucket[] = [];
    for (let i = 0; i < this.coarse.length; i++) {
      const mean = this.coarse.at(i);
      const peak = this.peaks.at(i);
      out.push({ ...mean, cpuPeak: peak.cpu, samples: peak.memory });
    }
    const b = this.open;
    if (b && b.n > 0) out.push({ t: b.start, cpu: b.cpu / b.n, memory: b.memory / b.n, net: b.net / b.n, block: b.block / b.n, cpuPeak: b.peak, samples: b.n });
    return out;
  }

  get bytes(): number {
    return this.fine.bytes + this.coarse.bytes + this.peaks.bytes + 200;
  }
}
