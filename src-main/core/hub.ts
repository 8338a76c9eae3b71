/**
 * The hub owns the engine adapters. Each engine has its own sampling loop (a slow engine never delays
 * another); structural changes from an engine's events publish a frame at once. Publishing is coalesced:
 * bursts of changes within one tick become one frame.
 */
import type { Action, ActionDone, World, WorldFrame } from '../contract';
import { diffWorld } from '../shared/world-delta';
import { ActionError } from './actions/action-error';
import { engineId, type EngineAdapter } from './engine';
import type { LocalMachine, LocalUsageProbe } from './local-machine';
import { reportError } from './report-error';
import { Signal } from './signal';
import { buildWorld } from './world';

export interface HubOptions {
  adapters: EngineAdapter[];
  sampleIntervalSeconds: number;
  /** Slow down while no view is visible (the setting); default true. */
  slowWhenHidden?: boolean;
  /** This machine, so local engines merge into one host; null where unknown. */
  local: LocalMachine | null;
  /** Whole-host usage for this machine's host share; null to leave it unknown. */
  usageProbe: LocalUsageProbe | null;
}

/** A frame a few ms late is invisible; one frame per event in a burst of 40 is not. */
const PUBLISH_COALESCE_MS = 15;
/** Bursts of events publish at most this often (4 frames a second), the first change without delay. */
const MIN_FRAME_GAP_MS = 250;
/** The loops of one round (same start, same interval) publish one frame together: at most this much after the first is done. */
const ROUND_WAIT_MS = 400;
const ROUND_SLACK_MS = 60;
/** Seconds between samples while no window or tab shows the map (when the setting asks for it). */
export const HIDDEN_SAMPLE_SECONDS = 10;

/** One window or tab that shows the map; sampling slows while none is visible. */
export interface ViewPresence {
  setVisible(visible: boolean): void;
  close(): void;
}

/** Past this, a sample is abandoned and the loop goes on; the adapter's own timeouts end it later. */
const SAMPLE_DEADLINE_MS = 30_000;

interface Loop {
  /** What the loop samples, for error reports. */
  name: string;
  sample: () => Promise<unknown>;
  timer: ReturnType<typeof setTimeout> | null;
  running: boolean;
  /** Set when its adapter is removed: the loop ends after the sample in flight. */
  stopped: boolean;
  /** When its next sample is due (epoch ms). */
  dueAt?: number;
}

/** One watched engine: its adapter, its sampling loop and its subscription. */
interface Watched {
  adapter: EngineAdapter;
  loop: Loop;
  unsubscribe: () => void;
}

export class Hub {
  private readonly frames = new Signal<World>('world frame');
  /** The same frames as what changed since the last one, for the transports. */
  private readonly patches = new Signal<WorldFrame>('world patch');
  private readonly watched: Watched[] = [];
  private probeLoop: Loop | null = null;
  private intervalMs: number;
  private seq = 0;
  private current: World;
  private publishTimer: ReturnType<typeof setTimeout> | null = null;
  private lastPublish = 0;
  private publishDue = 0;
  private roundTimer: ReturnType<typeof setTimeout> | null = null;
  private started = false;
  /** Each open view, and whether it shows the map now. */
  private readonly views = new Map<object, boolean>();
  private slowWhenHidden = true;
  private disposed = false;

  constructor(private readonly options: HubOptions) {
    this.intervalMs = options.sampleIntervalSeconds * 1000;
    this.slowWhenHidden = options.slowWhenHidden ?? true;
    this.current = this.build();
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const adapter of this.options.adapters) this.watch(adapter);
    const probe = this.options.usageProbe;
    if (probe) {
      this.probeLoop = { name: 'host usage', sample: () => probe.sample(), timer: null, running: false, stopped: false };
      this.runTick(this.probeLoop);
    }
  }

  private get loops(): Loop[] {
    return [...this.watched.map((w) => w.loop), ...(this.probeLoop ? [this.probeLoop] : [])];
  }

  private watch(adapter: EngineAdapter): void {
    const loop: Loop = { name: `${adapter.kind} engine at ${adapter.endpoint}`, sample: () => adapter.sample(), timer: null, running: false, stopped: false };
    this.watched.push({ adapter, loop, unsubscribe: adapter.subscribe(() => this.schedulePublish()) });
    adapter.start();
    this.runTick(loop);
  }

  /** The adapters watched now, in the order the map shows them. */
  get adapters(): readonly EngineAdapter[] {
    return this.watched.map((w) => w.adapter);
  }

  /** Starts watching another engine (an engine added in the Engines dialog); its street appears at once. */
  add(adapter: EngineAdapter): void {
    if (this.disposed) return;
    if (this.watched.some((w) => engineId(w.adapter.kind, w.adapter.endpoint) === engineId(adapter.kind, adapter.endpoint))) {
      throw new Error(`${engineId(adapter.kind, adapter.endpoint)} is already watched`);
    }
    if (this.started) this.watch(adapter);
    else this.options.adapters.push(adapter);
    this.schedulePublish(true);
  }

  /** Stops watching an engine: its loop ends, its adapter lets go of everything, its tenants leave the map. */
  async remove(id: string): Promise<void> {
    const matches = (a: EngineAdapter) => engineId(a.kind, a.endpoint) === id;
    if (!this.started) {
      const pending = this.options.adapters.findIndex(matches);
      if (pending >= 0) await this.options.adapters.splice(pending, 1)[0]?.dispose();
      return;
    }
    const at = this.watched.findIndex((w) => matches(w.adapter));
    if (at < 0) return;
    const [gone] = this.watched.splice(at, 1);
    if (!gone) return;
    gone.loop.stopped = true;
    if (gone.loop.timer) clearTimeout(gone.loop.timer);
    gone.loop.timer = null;
    gone.unsubscribe();
    this.schedulePublish(true);
    await gone.adapter.dispose();
  }

  world(): World {
    return this.current;
  }

  onFrame(listener: (world: World) => void): () => void {
    return this.frames.subscribe(listener);
  }

  /** Each new frame as what changed since the previous one (diffed once, for every client). */
  onWorldFrame(listener: (frame: WorldFrame) => void): () => void {
    return this.patches.subscribe(listener);
  }

  get sampleIntervalSeconds(): number {
    return this.intervalMs / 1000;
  }

  /** Whether sampling runs slowly now: views exist, none is visible, and the setting asks for it. */
  get slowed(): boolean {
    return this.slowWhenHidden && this.views.size > 0 && ![...this.views.values()].some(Boolean);
  }

  /** The wait between samples now. */
  private get effectiveIntervalMs(): number {
    return this.slowed ? Math.max(this.intervalMs, HIDDEN_SAMPLE_SECONDS * 1000) : this.intervalMs;
  }

  /** A new interval applies from now: waiting loops are rescheduled, running ones pick it up when done. */
  setSampleInterval(seconds: number): void {
    this.intervalMs = seconds * 1000;
    this.reschedule(false);
    this.schedulePublish();
  }

  setSlowWhenHidden(slow: boolean): void {
    const was = this.slowed;
    this.slowWhenHidden = slow;
    if (was !== this.slowed) this.reschedule(was);
  }

  /**
   * A window or tab that shows the map. A view that becomes visible while sampling was slowed gets a
   * sample at once, so what it shows is fresh rather than up to HIDDEN_SAMPLE_SECONDS old.
   */
  openView(visible: boolean): ViewPresence {
    const key = {};
    const update = (change: () => void) => {
      const was = this.slowed;
      change();
      if (was !== this.slowed) this.reschedule(was);
    };
    update(() => this.views.set(key, visible));
    return {
      setVisible: (v) => update(() => this.views.has(key) && this.views.set(key, v)),
      close: () => update(() => this.views.delete(key)),
    };
  }

  /** Waiting loops wait the current interval from now — or sample at once when the map just became visible again. */
  private reschedule(immediately: boolean): void {
    if (this.disposed) return;
    for (const loop of this.loops) {
      if (loop.running || !loop.timer) continue;
      clearTimeout(loop.timer);
      const wait = immediately ? 0 : this.effectiveIntervalMs;
      loop.dueAt = Date.now() + wait;
      loop.timer = setTimeout(() => this.runTick(loop), wait);
    }
  }

  /** Starts one tick; whatever it throws is reported, never lost as an unhandled rejection. */
  private runTick(loop: Loop): void {
    this.tick(loop).catch((error: unknown) => reportError(`sampling the ${loop.name}`, error));
  }

  private async tick(loop: Loop): Promise<void> {
    if (this.disposed || loop.stopped) return;
    loop.timer = null;
    loop.running = true;
    const started = Date.now();
    let deadline: ReturnType<typeof setTimeout> | undefined;
    try {
      // A sample that never settles (a wedged engine) must not stop this loop for good; one that
      // throws (it should not: adapters report failures in their status) costs one sample, not the loop.
      await Promise.race([
        loop.sample(),
        new Promise((resolve) => {
          deadline = setTimeout(resolve, SAMPLE_DEADLINE_MS);
        }),
      ]);
    } catch (error) {
      reportError(`sampling the ${loop.name}`, error);
    } finally {
      clearTimeout(deadline);
      loop.running = false;
      // Whatever happened, the loop goes on: keep the cadence (a sample that took 300 ms of a 2 s
      // interval waits 1.7 s for the next).
      if (!this.disposed && !loop.stopped) {
        this.sampleFinished();
        const wait = Math.max(50, this.effectiveIntervalMs - (Date.now() - started));
        loop.dueAt = Date.now() + wait;
        loop.timer = setTimeout(() => this.runTick(loop), wait);
      }
    }
  }

  /**
   * The loops run in step (they start together and keep the same interval), so a round's samples make one
   * frame, published when the last of them is done — not one per engine — unless one is slow.
   */
  private sampleFinished(): void {
    // A loop of the same round still sampling, or about to start (timers of one round fire a few ms apart).
    const now = Date.now();
    if (this.loops.some((l) => l.running || (l.timer !== null && (l.dueAt ?? Infinity) - now < ROUND_SLACK_MS))) {
      this.roundTimer ??= setTimeout(() => {
        this.roundTimer = null;
        this.schedulePublish();
      }, ROUND_WAIT_MS);
      return;
    }
    if (this.roundTimer) clearTimeout(this.roundTimer);
    this.roundTimer = null;
    this.schedulePublish();
  }

  private schedulePublish(urgent = false): void {
    if (this.disposed) return;
    const wait = urgent ? PUBLISH_COALESCE_MS : Math.max(PUBLISH_COALESCE_MS, this.lastPublish + MIN_FRAME_GAP_MS - Date.now());
    if (this.publishTimer) {
      if (!urgent || this.publishDue <= Date.now() + wait) return;
      clearTimeout(this.publishTimer);
    }
    this.publishDue = Date.now() + wait;
    this.publishTimer = setTimeout(() => {
      this.publishTimer = null;
      this.lastPublish = Date.now();
      this.publish();
    }, wait);
  }

  private build(): World {
    return buildWorld({
      seq: ++this.seq,
      at: Date.now(),
      sampleIntervalSeconds: this.intervalMs / 1000,
      engines: (this.started ? this.adapters : this.options.adapters).map((a) => ({ kind: a.kind, endpoint: a.endpoint, local: a.local, name: a.name, report: a.report() })),
      local: this.options.local,
      localUsage: this.options.usageProbe?.usage() ?? null,
    });
  }

  private publish(): void {
    if (this.disposed) return;
    const previous = this.current;
    let frame: WorldFrame;
    try {
      this.current = this.build();
      // Diffed only when someone listens: tests and tools that read whole worlds pay nothing for it.
      frame = this.patches.size > 0 ? diffWorld(previous, this.current) : { kind: 'full', world: this.current };
    } catch (error) {
      // A report the world cannot be built from keeps the last good frame on screen.
      reportError('building the world frame', error);
      return;
    }
    this.frames.emit(this.current);
    this.patches.emit(frame);
  }

  /** Routes an action to the adapter that owns the tenant, by engine id. */
  act(action: Action): Promise<ActionDone> {
    const adapter = this.adapters.find((a) => engineId(a.kind, a.endpoint) === action.engineId);
    if (!adapter) return Promise.reject(new ActionError(`No engine ${action.engineId.slice(0, 200)} is watched here.`, 'not-found'));
    // What an action changed is what its user waits to see: that frame skips the burst throttle.
    return adapter.act(action).finally(() => this.schedulePublish(true));
  }

  /** Counts what is still attached, so tests can prove a reconnect left nothing dangling. */
  debugCounts(): { loopsWaiting: number; frameListeners: number } {
    return { loopsWaiting: this.loops.filter((l) => l.timer !== null).length, frameListeners: this.frames.size + this.patches.size };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.publishTimer) clearTimeout(this.publishTimer);
    if (this.roundTimer) clearTimeout(this.roundTimer);
    for (const loop of this.loops) {
      if (loop.timer) clearTimeout(loop.timer);
      loop.timer = null;
    }
    for (const w of this.watched) w.unsubscribe();
    this.frames.clear();
    this.patches.clear();
    await Promise.all((this.started ? this.adapters : this.options.adapters).map((a) => a.dispose()));
  }
}
