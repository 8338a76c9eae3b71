/**
 * How a building's apartments group, before any geometry: one floor per Compose project (the label
 * `com.docker.compose.project`), named by the project, in name order, with the containers of no project
 * on the floor below them all (the whole building, when no container belongs to a project); and on each
 * floor, the containers of one Podman pod together as a suite — rooms that share one door, the pod's
 * network namespace. Everything else is a unit of its own, as before.
 *
 * Pure and stable: the same units always group the same way, whatever order they come in, and the order
 * of floors, suites and units never depends on sizes — only on names (then ids), so an element never
 * moves in the DOM (which would drop its focus) when figures change.
 */

/** The label Docker Compose puts on every container of a project. */
export const COMPOSE_PROJECT_LABEL = 'com.docker.compose.project';

/** What grouping needs of a unit. */
export interface GroupedInput {
  id: string;
  name: string;
  /** The Compose project, or null. */
  floor: string | null;
  /** The Podman pod, or null. */
  pod: { id: string; name: string } | null;
}

export interface SuiteGroup<U> {
  id: string;
  name: string;
  /** In name order. */
  units: U[];
}

export interface FloorGroup<U> {
  /** The Compose project, or null for the containers of none. */
  project: string | null;
  /** In pod name order. */
  suites: SuiteGroup<U>[];
  /** The units in no pod, in name order. */
  units: U[];
}

/** Names first, then ids: a total order that needs no locale (the same everywhere, every time). */
export const byNameThenId = (a: { name: string; id: string }, b: { name: string; id: string }): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The Compose project a container's labels name, or null (an empty label is none). */
export function composeProject(labels: Readonly<Record<string, string>> | undefined): string | null {
  const project = labels?.[COMPOSE_PROJECT_LABEL];
  return typeof project === 'string' && project !== '' ? project : null;
}

/** Floors (projects by name, then the rest), suites on each (pods by name), units in name order. */
export function groupFloors<U extends GroupedInput>(units: readonly U[]): FloorGroup<U>[] {
  const floors = new Map<string | null, { suites: Map<string, SuiteGroup<U>>; units: U[] }>();
  for (const unit of units) {
    let floor = floors.get(unit.floor);
    if (!floor) floors.set(unit.floor, (floor = { suites: new Map(), units: [] }));
    if (unit.pod === null) {
      floor.units.push(unit);
      continue;
    }
    let suite = floor.suites.get(unit.pod.id);
    if (!suite) floor.suites.set(unit.pod.id, (suite = { id: unit.pod.id, name: unit.pod.name, units: [] }));
    suite.units.push(unit);
  }
  const projects = [...floors.keys()].filter((p): p is string => p !== null).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const order: (string | null)[] = floors.has(null) ? [...projects, null] : projects;
  return order.map((project) => {
    const floor = floors.get(project)!;
    const suites = [...floor.suites.values()].sort(byNameThenId);
    for (const suite of suites) suite.units.sort(byNameThenId);
    return { project, suites, units: floor.units.sort(byNameThenId) };
  });
}
