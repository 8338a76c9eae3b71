import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvCell, csvFields, csvFileName, toCsv } from './csv';
import { makeRow } from './test-rows';

describe('csvCell', () => {
  it.each([
    ['web', '"web"'],
    ['', '""'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    // A spreadsheet would run these as formulas: exported as text.
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['+1+1', '"\'+1+1"'],
    ['-2+3', '"\'-2+3"'],
    ['@SUM(A1)', '"\'@SUM(A1)"'],
    ['\tcmd', '"\'\tcmd"'],
    ['\rcmd', '"\'\rcmd"'],
    ['=1,"2"\n', '"\'=1,""2""\n"'],
    // Inside the text they are harmless.
    ['a=b', '"a=b"'],
    ['web-1', '"web-1"'],
    // A plain number is a figure, not a formula.
    ['-0.5', '"-0.5"'],
    ['42', '"42"'],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('csvFields', () => {
  it('writes figures as plain numbers in base units and blanks where there is none', () => {
    const row = makeRow({ name: 'web', cpu: 0.1234567891, memory: 64 * 1024 ** 2, memoryLimit: null, net: 1536, block: null, id: 'abc' });
    const fields = csvFields(row);
    expect(fields).toHaveLength(CSV_HEADER.length);
    expect(fields.slice(6, 11)).toEqual(['0.123457', String(64 * 1024 ** 2), '', '1536', '']);
    expect(fields.at(-1)).toBe('abc');
  });

  it('lists labels one a line as key=value', () => {
    const row = makeRow({ name: 'web', labels: [['a', '1'], ['com.docker.compose.project', 'shop']] });
    expect(csvFields(row)[11]).toBe('a=1\ncom.docker.compose.project=shop');
  });
});

describe('toCsv', () => {
  it('is the header, then a CRLF-ended line per row, in the order given', () => {
    const csv = toCsv([makeRow({ name: 'b' }), makeRow({ name: 'a', kind: 'vm', image: '', state: 'shutoff', group: 'stopped' })]);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(CSV_HEADER.map((h) => `"${h}"`).join(','));
    expect(lines[1]!.startsWith('"b","container","running","lab","Docker","busybox:latest",')).toBe(true);
    expect(lines[2]!.startsWith('"a","VM","shutoff","lab","Docker","",')).toBe(true);
    expect(lines[3]).toBe('');
  });

  it('keeps an untrusted name in its one cell: commas, quotes, newlines and formulas', () => {
    const name = '=cmd|"/c calc"!A0,\nevil';
    const csv = toCsv([makeRow({ name })]);
    const body = csv.slice(csv.indexOf('\r\n') + 2);
    expect(body.startsWith('"\'=cmd|""/c calc""!A0,\nevil","container",')).toBe(true);
    // Every line break in the body sits inside a quoted cell, except the row's own CRLF at its end.
    expect(body.endsWith('\r\n')).toBe(true);
    expect(body.slice(0, -2)).not.toContain('\r\n');
  });

  it('is just the header with no rows', () => {
    expect(toCsv([])).toBe(CSV_HEADER.map((h) => `"${h}"`).join(',') + '\r\n');
  });
});

describe('csvFileName', () => {
  it('is dated in local time, sortable', () => {
    expect(csvFileName(new Date(2025, 0, 31, 14, 5, 9))).toBe('neighborhood-2025-01-31-140509.csv');
  });
});
