import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCores,
  formatCount,
  formatDateTime,
  formatElapsed,
  formatNumber,
  formatPercent,
  formatPort,
  formatRate,
  formatRatio,
} from './format';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1023, '1023 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [12 * KiB + 300, '12 KiB'],
    [64 * MiB, '64 MiB'],
    [1.5 * GiB, '1.5 GiB'],
    [1024 * KiB - 10, '1 MiB'],
    [3.96 * GiB, '4 GiB'],
    [2048 * GiB, '2 TiB'],
    [-2 * MiB, '-2 MiB'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('%s → %s', (input, expected) => {
    expect(formatBytes(input)).toBe(expected);
  });
});

describe('formatRate', () => {
  it.each([
    [0, '0 B/s'],
    [12 * KiB, '12 KiB/s'],
    [2.25 * MiB, '2.3 MiB/s'],
    [null, '—'],
  ])('%s → %s', (input, expected) => {
    expect(formatRate(input)).toBe(expected);
  });
});

describe('formatCores', () => {
  it.each([
    [0, '0 cores'],
    [0.004, '<0.01 cores'],
    [0.25, '0.25 cores'],
    [1, '1 core'],
    [1.5, '1.5 cores'],
    [2, '2 cores'],
    [12.34, '12.3 cores'],
    [null, '—'],
  ])('%s → %s', (input, expected) => {
    expect(formatCores(input)).toBe(expected);
  });
});

describe('formatPercent', () => {
  it.each([
    [0, '0%'],
    [0.05, '<0.1%'],
    [0.4, '0.4%'],
    [4.25, '4.3%'],
    [12, '12%'],
    [99.6, '100%'],
    [undefined, '—'],
  ])('%s → %s', (input, expected) => {
    expect(formatPercent(input)).toBe(expected);
  });
});

describe('small formatters', () => {
  it.each([
    [formatRatio(3), '3.0×'],
    [formatRatio(0.75), '0.8×'],
    [formatCount(1, 'disk'), '1 disk'],
    [formatCount(2, 'disk'), '2 disks'],
    [formatCount(0, 'NIC'), '0 NICs'],
    [formatCount(3, 'apartment'), '3 apartments'],
    [formatNumber(2), '2'],
    [formatNumber(0.5), '0.5'],
    [formatNumber(1.234), '1.23'],
  ])('%s is %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('prints local date-time and passes through what it cannot parse', () => {
    expect(formatDateTime(new Date(2025, 0, 31, 14, 5, 9))).toBe('2025-01-31 14:05:09');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('formatPort', () => {
  it.each([
    [{ containerPort: 8080, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 18080 }, '127.0.0.1:18080→8080/tcp'],
    [{ containerPort: 53, protocol: 'udp', hostIp: null, hostPort: 5353 }, '0.0.0.0:5353→53/udp'],
    [{ containerPort: 80, protocol: 'tcp', hostIp: null, hostPort: null }, '80/tcp'],
    [{ containerPort: 80, protocol: 'tcp', hostIp: '::', hostPort: 8000 }, ':::8000→80/tcp'],
  ])('%j → %s', (port, expected) => {
    expect(formatPort(port)).toBe(expected);
  });
});

describe('formatElapsed', () => {
  it.each([
    [0, '0 s'],
    [999, '0 s'],
    [1000, '1 s'],
    [42_400, '42 s'],
    [59_999, '59 s'],
    [60_000, '1 min 00 s'],
    [185_000, '3 min 05 s'],
    [3_599_000, '59 min 59 s'],
    [3_600_000, '1 h 00 min'],
    [3_720_000, '1 h 02 min'],
    [-500, '0 s'],
    [Number.NaN, '0 s'],
  ])('%s ms → %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});
