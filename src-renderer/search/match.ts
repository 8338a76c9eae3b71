/**
 * What the search field matches: a query is words separated by spaces, and a tenant matches when every
 * word does (case-insensitive substring) one of its name, image, state (the engine's word or its group:
 * running, paused, stopped), host, engine, or a label's key or value. A word `key=value` matches a label
 * by key (exactly, case aside) and value (substring); `key=` any label with that key; `=value` any label
 * value. Pure.
 */
import type { TenantRow } from '../table/rows';

export type Term = { kind: 'text'; text: string } | { kind: 'label'; key: string; value: string };

export function parseQuery(query: string): Term[] {
  return query
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word): Term => {
      const eq = word.indexOf('=');
      return eq < 0 ? { kind: 'text', text: word } : { kind: 'label', key: word.slice(0, eq), value: word.slice(eq + 1) };
    });
}

/** The lower-cased text a row's words are looked for in, worked out once per row object. */
interface Haystack {
  fields: string;
  labels: readonly (readonly [string, string])[];
}

const haystacks = new WeakMap<TenantRow, Haystack>();

/** Labels lower-cased, once per labels array (rows rebuilt for new figures share it: rows.ts). */
const lowerLabels = new WeakMap<TenantRow['labels'], { pairs: Haystack['labels']; text: string }>();

function labelsOf(labels: TenantRow['labels']): { pairs: Haystack['labels']; text: string } {
  let held = lowerLabels.get(labels);
  if (held === undefined) {
    const pairs = labels.map(([k, v]) => [k.toLowerCase(), v.toLowerCase()] as const);
    held = { pairs, text: pairs.flat().join('\n') };
    lowerLabels.set(labels, held);
  }
  return held;
}

function haystack(row: TenantRow): Haystack {
  let h = haystacks.get(row);
  if (h === undefined) {
    const labels = labelsOf(row.labels);
    // A separator no query word can contain (words are split on whitespace), so no word matches across fields.
    const fields = `${[row.name, row.image, row.state, row.group, row.host, row.engine].join('\n').toLowerCase()}\n${labels.text}`;
    h = { fields, labels: labels.pairs };
    haystacks.set(row, h);
  }
  return h;
}

function termMatches(h: Haystack, term: Term): boolean {
  if (term.kind === 'text') return h.fields.includes(term.text);
  return h.labels.some(([k, v]) => (term.key === '' || k === term.key) && v.includes(term.value));
}

export function rowMatches(row: TenantRow, terms: readonly Term[]): boolean {
  if (terms.length === 0) return true;
  const h = haystack(row);
  return terms.every((term) => termMatches(h, term));
}
