#!/usr/bin/env node
// Builds the native binding during `npm install`. Never fails the install: libvirt is optional
// for the app (it then shows the VM engine as unavailable), so every outcome is written to
// build-status.json, which the TS wrapper reads to explain why VMs are missing.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const pkgDir = path.resolve(__dirname, '..');
const statusFile = path.join(pkgDir, 'build-status.json');
const addonFile = path.join(pkgDir, 'build', 'Release', 'nbh_libvirt.node');

function finish(status) {
  fs.writeFileSync(statusFile, JSON.stringify(status, null, 2) + '\n');
  console.log(
    status.available
      ? 'libvirt binding: built'
      : `libvirt binding: not available (${status.reason}); VMs will not be shown`,
  );
  process.exit(0);
}

function run(cmd, args, options = {}) {
  return spawnSync(cmd, args, { cwd: pkgDir, encoding: 'utf8', ...options });
}

// The compiler's first error lines (or the output's last lines): enough to tell why, short
// enough to show in the app.
function summarize(text) {
  const lines = (text || '').trim().split('\n');
  const errors = lines.filter((l) => /\berror\b/i.test(l) && !/^gyp ERR!/.test(l));
  return (errors.length ? errors.slice(0, 3) : lines.slice(-5)).join('\n');
}

function checkLibvirt() {
  const probe = run('pkg-config', ['--exists', 'libvirt']);
  if (probe.error) return 'pkg-config is not installed, so libvirt-dev cannot be located';
  if (probe.status !== 0) return 'libvirt-dev is not installed (pkg-config cannot find libvirt)';
  const cflags = run('pkg-config', ['--cflags-only-I', 'libvirt']).stdout.trim();
  const dirs = cflags.split(/\s+/).filter(Boolean).map((f) => f.replace(/^-I/, ''));
  const found = [...dirs, '/usr/include', '/usr/local/include'].some((d) =>
    fs.existsSync(path.join(d, 'libvirt', 'libvirt.h')),
  );
  if (!found) return 'libvirt-dev headers are missing (libvirt/libvirt.h not found)';
  return null;
}

// node-gyp must build against the local Node headers and never download them: honour an
// explicit nodedir (npm passes npm_config_nodedir), else use the running Node's own prefix.
function nodedirArgs() {
  if (process.env.npm_config_nodedir) return [`--nodedir=${process.env.npm_config_nodedir}`];
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  if (fs.existsSync(path.join(prefix, 'include', 'node', 'node_api.h'))) {
    return [`--nodedir=${prefix}`];
  }
  return [];
}

function main() {
  try {
    fs.rmSync(statusFile, { force: true });
  } catch {
    /* a stale status is overwritten below anyway */
  }
  const missing = checkLibvirt();
  if (missing) return finish({ available: false, reason: missing });

  let gyp;
  try {
    gyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [pkgDir] });
  } catch {
    return finish({ available: false, reason: 'node-gyp is not installed' });
  }
  const build = run(process.execPath, [gyp, 'rebuild', ...nodedirArgs()], {
    env: { ...process.env, npm_config_update_notifier: 'false' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.error || build.status !== 0) {
    const why = build.error ? build.error.message : summarize(`${build.stdout}\n${build.stderr}`);
    process.stderr.write((build.stdout || '') + (build.stderr || ''));
    return finish({ available: false, reason: `native build failed: ${why}` });
  }
  if (!fs.existsSync(addonFile)) {
    return finish({ available: false, reason: `native build produced no ${path.basename(addonFile)}` });
  }
  return finish({ available: true });
}

main();
