/** Pure helpers for a libvirt connection URI and for explaining why libvirt can't be used. */

export const DEFAULT_LIBVIRT_URI = 'qemu:///system';

export function resolveLibvirtUri(envUri: string | undefined): string {
  return envUri && envUri.trim() !== '' ? envUri.trim() : DEFAULT_LIBVIRT_URI;
}

/** qemu:///system and test:///default are on this machine; qemu+ssh://host/system is not. */
export function isLocalUri(uri: string): boolean {
  const m = /^[a-z0-9+]+:\/\/([^/]*)\//i.exec(uri);
  if (!m) return true;
  const authority = (m[1] ?? '').replace(/^[^@]*@/, '');
  return authority === '' || authority === 'localhost' || authority.startsWith('localhost:');
}

export function libvirtHint(reason: string, available: boolean): string {
  if (!available) return 'Install libvirt (sudo apt install libvirt-daemon-system libvirt-dev), then run npm install again.';
  if (/permission denied|authentication|not authorized|polkit/i.test(reason)) {
    return 'Your user may lack access to libvirt: add it to the libvirt group (sudo usermod -aG libvirt $USER) and log in again.';
  }
  return 'Start libvirt (sudo systemctl start libvirtd). Neighborhood reconnects on its own.';
}
