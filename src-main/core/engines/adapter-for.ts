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

export function testEngineConfig(config: EngineConfig): Promise<EngineTestResult> {
  return config.kind === 'libvirt' ? testLibvirtUri(config.uri) : testDockerConfig(config);
}
