/** The adapter that watches one configured engine, and the Engines dialog's "Test" for a configuration. */
import type { EngineConfig, EngineTestResult } from '../../contract';
import { DockerEngine } from '../docker/docker-engine';
import { testDockerConfig } from '../docker/docker-test';
import type { EngineAdapter } from '../engine';
import { LibvirtEngine } from '../libvirt/libvirt-engine';
import { testLibvirtUri } from '../libvirt/libvirt-test';

export function adapterFor(config: EngineConfig): EngineAdapter {
  return config.kind === 'libvirt' ? new LibvirtEngine({ uri: config.uri, name: config.name }) : new DockerEngine({ config });
}

/**
 * A Test answers once: the hints shared with the watching adapters end with "Neighborhood reconnects on
 * its own", which is true of a watched engine and not of a one-off test.
 */
export async function testEngineConfig(config: EngineConfig): Promise<EngineTestResult> {
  const result = config.kind === 'libvirt' ? await testLibvirtUri(config.uri) : await testDockerConfig(config);
  return { ...result, message: result.message.replace(/\s*Neighborhood reconnects on its own\.?$/, '') };
}
