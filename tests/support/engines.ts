/**
 * Test support for the real engines the lab starts. In CI (CI=true) a missing engine fails the suite;
 * elsewhere a developer without the lab gets a skip that says why.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Docker from 'dockerode';

export const run = promisify(execFile);
export const IN_CI = process.env.CI === 'true';
export const LAB_IMAGE = process.env.NEIGHBORHOOD_IMAGE ?? 'neighborhood/busybox:latest';

export async function dockerAnswers(docker = new Docker()): Promise<boolean> {
  try {
    await docker.ping();
    return true;
  } catch {
    return false;
  }
}

/** Names unique to this run so parallel or leftover runs never collide. */
export const uniqueName = (prefix: string): string => `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

/** Creates containers from the lab image and removes every one of them in `cleanup`. */
export class TestContainers {
  readonly docker = new Docker();
  private readonly made: string[] = [];

  async run(name: string, cmd: string[], options: { memoryBytes?: number; nanoCpus?: number; labels?: Record<string, string> } = {}): Promise<Docker.Container> {
    const container = await this.docker.createContainer({
      name,
      Image: LAB_IMAGE,
      Cmd: cmd,
      Labels: { 'neighborhood.test': '1', ...options.labels },
      HostConfig: { Memory: options.memoryBytes ?? 0, NanoCpus: options.nanoCpus ?? 0 },
    });
    this.made.push(container.id);
    await container.start();
    return container;
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.made.map((id) => this.docker.getContainer(id).remove({ force: true }).catch(() => undefined)));
    this.made.length = 0;
  }
}
