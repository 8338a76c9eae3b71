/**
 * Every number the UI prints goes through here, so units read the same everywhere: binary byte units
 * ("64 MiB", "1.5 GiB"), rates ("12 KiB/s"), CPU as cores ("0.25 cores") or percent ("12%").
 */

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** Drops a trailing ".0" so whole numbers read as whole ("64 MiB", not "64.0 MiB"). */
function trimZero(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** One decimal below 10 (where it matters), none above (where it is noise). */
function scaled(value: number): string {
  return value < 10 ? trimZero(value.toFixed(1)) : Math.round(value).toString();
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes)) return '—';
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  let unit = 0;
  while (unit < BYTE_UNITS.length - 1 && value >= 1024) {
    value /= 1024;
    unit += 1;
  }
  // 1023.97 KiB would round to "1024 KiB": step up a unit instead.
  if (unit < BYTE_UNITS.length - 1 && Number(scaled(value)) >= 1024) {
    value /= 1024;
    unit += 1;
  }
  const text = unit === 0 ? Math.round(value).toString() : scaled(value);
  return `${sign}${text} ${BYTE_UNITS[unit]}`;
}

export function formatRate(bytesPerSec: number | null | undefined): string {
  if (bytesPerSec == null || !Number.isFinite(bytesPerSec)) return '—';
  return `${formatBytes(bytesPerSec)}/s`;
}

export function formatCores(cores: number | null | undefined): string {
  if (cores == null || !Number.isFinite(cores)) return '—';
  if (cores === 0) return '0 cores';
  if (cores > 0 && cores < 0.01) return '<0.01 cores';
  const text = cores < 10 ? trimZero(cores.toFixed(2)) : trimZero(cores.toFixed(1));
  return `${text} ${text === '1' ? 'core' : 'cores'}`;
}

/** A 0–100 figure. */
export function formatPercent(percent: number | null | undefined): string {
  if (percent == null || !Number.isFinite(percent)) return '—';
  if (percent === 0) return '0%';
  if (percent > 0 && percent < 0.1) return '<0.1%';
  return `${percent < 10 ? trimZero(percent.toFixed(1)) : Math.round(percent).toString()}%`;
}

/** An overcommit or allocation ratio: always one decimal so "3.0×" and "0.5×" line up. */
export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : '—';
}

/** "1 disk", "2 disks", "0 NICs". */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** A plain count of CPUs or vCPUs: whole numbers stay whole, fractions get two places. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return Number.isInteger(value) ? value.toString() : trimZero(value.toFixed(2));
}

const pad = (n: number): string => n.toString().padStart(2, '0');

/** Local date and time, "2025-01-31 14:05:09": unambiguous and sortable. */
export function formatDateTime(value: Date | string | number | null | undefined): string {
  if (value == null || value === '') return '—';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return typeof value === 'string' ? value : '—';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/** A published port as `docker ps` prints it: "127.0.0.1:18080→8080/tcp"; unpublished: "8080/tcp". */
export function formatPort(port: { containerPort: number; protocol: string; hostIp: string | null; hostPort: number | null }): string {
  const inside = `${port.containerPort}/${port.protocol}`;
  if (port.hostPort === null) return inside;
  return `${port.hostIp ?? '0.0.0.0'}:${port.hostPort}→${inside}`;
}

/** Time an action has run, ticking each second: "0 s", "42 s", "3 min 05 s", "1 h 02 min". */
export function formatElapsed(ms: number): string {
  const seconds = Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 1000)) : 0;
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${pad(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${pad(minutes % 60)} min`;
}
