/**
 * Reads one container's counters straight from the kernel — its cgroup's accounting files and its
 * network namespace's interface counters — instead of asking the engine: about 10 ms for 45 containers
 * and no engine CPU, against ~0.5 s and dockerd's collector for the stats API. For local engines only;
 * anything unreadable (another user's cgroup, a process gone between list and read, a layout we do not
 * know) answers null and the caller falls back to the engine's stats API for that container.
 */
import { readFile } from 'node:fs/promises';
import { memoryUsedNoCache, type StatsReading } from '../docker/docker-stats';
import { cgroupFiles, cpuNsFromCpuStat, parseBlkioV1, parseIoStatV2, parseKeyValues, parseNetDev, parseProcCgroup, parseSingleNumber, type CgroupFiles } from './cgroup-parsers';

const read = (path: string): Promise<string> => readFile(path, 'utf8');
const readOptional = (path: string): Promise<string> => (path === '' ? Promise.resolve('') : read(path).catch(() => ''));

export class CgroupStatsReader {
  /** Where each process's files are; a container's init pid keeps its cgroup for life. */
  private readonly placements = new Map<number, CgroupFiles>();

  constructor(private readonly root = '/sys/fs/cgroup', private readonly proc = '/proc') {}

  async read(pid: number, nowMs: number): Promise<StatsReading | null> {
    if (!Number.isSafeInteger(pid) || pid <= 0) return null;
    try {
      let files = this.placements.get(pid);
      if (!files) {
        const found = cgroupFiles(parseProcCgroup(await read(`${this.proc}/${pid}/cgroup`)), this.root);
        if (!found) return null;
        files = found;
        this.placements.set(pid, files);
      }
      const [cpuText, usageText, statText, pidsText, ioText, netText] = await Promise.all([
        read(files.cpu),
        read(files.memoryUsage),
        read(files.memoryStat),
        readOptional(files.pids),
        readOptional(files.io),
        read(`${this.proc}/${pid}/net/dev`),
      ]);
      const cpuNs = files.version === 2 ? cpuNsFromCpuStat(cpuText) : parseSingleNumber(cpuText);
      const usage = parseSingleNumber(usageText);
      if (cpuNs === null || usage === null) return null;
      const io = files.version === 2 ? parseIoStatV2(ioText) : parseBlkioV1(ioText);
      const net = parseNetDev(netText);
      return {
        readAtMs: nowMs,
        cpuTotalNs: cpuNs,
        memoryUsedBytes: memoryUsedNoCache(usage, parseKeyValues(statText)),
        netRxBytes: net.rx,
        netTxBytes: net.tx,
        blockReadBytes: io.read,
        blockWriteBytes: io.write,
        pids: parseSingleNumber(pidsText) ?? 0,
      };
    } catch {
      this.placements.delete(pid);
      return null;
    }
  }

  /** Forget processes that are gone (their pids may be reused). */
  retain(livePids: ReadonlySet<number>): void {
    for (const pid of this.placements.keys()) if (!livePids.has(pid)) this.placements.delete(pid);
  }
}
