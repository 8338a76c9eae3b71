/** The closing summary: a markdown table that can go straight into the README, and how to rerun. */
import type { BenchOptions } from './options';
import { rerunLine } from './options';
import type { SummaryRow } from './part';

const escape = (s: string) => s.replace(/\|/g, '\\|');

export function summaryMarkdown(rows: SummaryRow[], options: BenchOptions, header: string): string {
  const lines = [
    header,
    '',
    '| Part | What | Target | Measured | |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.part} | ${escape(r.what)} | ${escape(r.target)} | ${escape(r.measured)} | ${r.verdict} |`),
    '',
    `Rerun: \`${rerunLine(options)}\` (\`npm run bench -- --short\` for the CI version; \`npm run bench -- --help\` lists the variables).`,
  ];
  return lines.join('\n');
}
