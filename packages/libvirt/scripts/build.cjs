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

function report(status) {
  fs.writeFileSync(statusFile, JSON.stringify(status, null, 2) + '\n');
  console.log(
    status.available
      ? 'libvirt binding: built'
      : `libvirt binding: not available (${status.reason}); VMs will not be shown`,
  );
}

function run(cmd, args, options = {}) {
  return spawnSync(cmd, args, { cwd: pkgDir, encoding: 'utf8', ...options });
}

// The compiler's first error lines (or the output's last lines): enough to tell why, short
// enough to show in the app.
function summarize(text) {
  const lines = (text || '').trim().split('\n').filter(Boolean);
  const own = lines.filter((l) => !/^gyp (info|ERR!|http|verb)/.test(l));
  const errors = own.filter((l) => /\berror\b/i.test(l));
  return (errors.length ? errors.slice(0, 3) : (own.length ? own : lines).slice(-5)).join('\n');
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// npm runs this script for every install at the workspace root, and two installs at once would
// run two node-gyp builds in the same directory and break both. Serialise them with a lock
// directory (mkdir is atomic); one older than the longest plausible build is stale.
function withBuildLock(fn) {
  const hash = require('node:crypto').createHash('sha1').update(pkgDir).digest('hex').slice(0, 12);
  const lock = path.join(require('node:os').tmpdir(), `nbh-libvirt-build-${hash}.lock`);
  const staleMs = 10 * 60 * 1000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let age = 0;
      try {
        age = Date.now() - fs.statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > staleMs) fs.rmSync(lock, { recursive: true, force: true });
      else sleep(250);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
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

function build() {
  const missing = checkLibvirt();
  if (missing) return { available: false, reason: missing };

  let gyp;
  try {
    gyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [pkgDir] });
  } catch {
    return { available: false, reason: 'node-gyp is not installed' };
  }
  // binding.gyp runs `node -p` to find node-addon-api: make sure that is this Node.
  const PATH = [path.dirname(process.execPath), process.env.PATH].filter(Boolean).join(path.delimiter);
  const result = run(process.execPath, [gyp, 'rebuild', ...nodedirArgs()], {
    env: { ...process.env, PATH, npm_config_update_notifier: 'false' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : summarize(`${result.stdout}\n${result.stderr}`);
    process.stderr.write((result.stdout || '') + (result.stderr || ''));
    return { available: false, reason: `native build failed: ${why}` };
  }
  if (!fs.existsSync(addonFile)) {
    return { available: false, reason: `native build produced no ${path.basename(addonFile)}` };
  }
  return { available: true };
}

let status;
try {
  status = withBuildLock(build);
} catch (err) {
  status = { available: false, reason: `native build failed: ${err.message}` };
}
report(status);
// Always 0: a missing libvirt must not fail `npm install` for the rest of the app.
process.exit(0);
