/**
 * The table as CSV: the rows shown (filtered, in the table's order), every field as text, every value
 * quoted (inner quotes doubled), lines ended CRLF as RFC 4180 says. Engine text is untrusted, and a
 * spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula: such a
 * value is exported with a leading apostrophe, which spreadsheets show as text. Figures are plain
 * numbers in base units (cores, bytes, bytes per second), never formatted. Pure.
 */
import { kindText } from './cells';
import type { TenantRow } from './rows';

const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number (a figure) is no formula, whatever its sign. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** One value, guarded and quoted. */
export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

const figure = (n: number | null): string => (n === null || !Number.isFinite(n) ? '' : String(Math.round(n * 1e6) / 1e6));

export const CSV_HEADER = ['Name', 'Kind', 'State', 'Host', 'Engine', 'Image', 'CPU (cores)', 'Memory used (bytes)', 'Memory limit (bytes)', 'Network (bytes/s)', 'Block I/O (bytes/s)', 'Labels', 'ID'];

export function csvFields(row: TenantRow): string[] {
  return [
    row.name,
    kindText(row),
    row.state,
    row.host,
    row.engine,
    row.image,
    figure(row.cpu),
    figure(row.memory),
    figure(row.memoryLimit),
    figure(row.net),
    figure(row.block),
    row.labels.map(([k, v]) => `${k}=${v}`).join('\n'),
    row.id,
  ];
}

export function toCsv(rows: readonly TenantRow[]): string {
  return [CSV_HEADER, ...rows.map(csvFields)].map((fields) => fields.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** "neighborhood-2025-01-31-140509.csv", local time. */
export function csvFileName(at: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `neighborhood-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}.csv`;
}
