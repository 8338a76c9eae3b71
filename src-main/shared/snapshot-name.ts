/**
 * What a snapshot may be called and described as, checked on both sides: the take dialog says what is
 * wrong while the user types, and main refuses the same before libvirt is ever asked. Pure and without
 * imports, so the renderer can bundle it without pulling anything of main into the page.
 *
 * libvirt's own rules: a name may not contain "/" nor start with "." (it is a file name in libvirt's
 * metadata folder). XML 1.0 cannot hold most control characters at all, escaped or not.
 */
export const SNAPSHOT_NAME_MAX = 100;
export const SNAPSHOT_DESCRIPTION_MAX = 4000;

// XML 1.0 allows tab, newline and carriage return; no other C0 control, nor U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why `name` cannot name a new snapshot of a VM that already has `existing`; null when it can. */
export function snapshotNameProblem(name: string, existing: readonly string[]): string | null {
  if (name.trim() === '') return 'A snapshot needs a name.';
  if (name !== name.trim()) return 'A name cannot start or end with a space.';
  if ([...name].length > SNAPSHOT_NAME_MAX) return `A name can have at most ${SNAPSHOT_NAME_MAX} characters.`;
  if (name.includes('/')) return 'A name cannot contain “/” (libvirt keeps each snapshot in a file of that name).';
  if (name.startsWith('.')) return 'A name cannot start with “.”.';
  if (CONTROL.test(name)) return 'A name cannot contain control characters (tabs, line breaks…).';
  if (existing.includes(name)) return `This VM already has a snapshot named “${name}”.`;
  return null;
}

/** Why `description` cannot be stored; null when it can (any text, line breaks included). */
export function snapshotDescriptionProblem(description: string): string | null {
  if ([...description].length > SNAPSHOT_DESCRIPTION_MAX) return `A description can have at most ${SNAPSHOT_DESCRIPTION_MAX} characters.`;
  if (NOT_XML.test(description)) return 'A description cannot contain control characters other than tabs and line breaks.';
  return null;
}

/** The default name: the local date and time to the second, e.g. "2026-11-27 14:05:09". */
export function defaultSnapshotName(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())} ${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}`;
}
