#!/usr/bin/env node
// Measures one bulk getAllDomainStats() call (and, for comparison, listAllDomains(), which costs
// several round trips per domain): wall time per call and the CPU libvirtd spends serving it.
// Usage: node scripts/bench-stats.cjs [uri=qemu:///system] [calls=20]
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const b = require(path.join(__dirname, '..', 'build', 'Release', 'nbh_libvirt.node'));
const uri = process.argv[2] || 'qemu:///system';
const calls = Number(process.argv[3] || 20);

// utime + stime of a process, in ms (USER_HZ is 100 on Linux).
function cpuMs(pid) {
  if (!pid) return NaN;
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function daemonPid() {
  try {
    return Number(execFileSync('pgrep', ['-xo', 'libvirtd'], { encoding: 'utf8' }).trim());
  } catch {
    return 0;
  }
}

async function measure(label, fn) {
  await fn(); // warm up (first call opens per-domain monitor state)
  const pid = daemonPid();
  const cpu0 = cpuMs(pid);
  const times = [];
  for (let i = 0; i < calls; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const cpu = (cpuMs(pid) - cpu0) / calls;
  times.sort((x, y) => x - y);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `${label}: median ${median.toFixed(2)} ms, min ${times[0].toFixed(2)}, max ${times[times.length - 1].toFixed(2)}` +
      (Number.isNaN(cpu) ? '' : `, libvirtd CPU ~${cpu.toFixed(1)} ms/call (10 ms resolution)`),
  );
}

// Native promises do not keep Node alive (the TS wrapper's deadline timers do): hold it while we work.
const hold = setInterval(() => {}, 1000);
(async () => {
  const c = await b.open(uri, true, () => {});
  const domains = await c.listAllDomains();
  const running = domains.filter((d) => d.active).map((d) => d.name);
  console.log(`${uri}: ${domains.length} domains, ${running.length} running (${running.join(', ')}); ${calls} calls each`);
  await measure('getAllDomainStats (1 bulk call)', () => c.getAllDomainStats());
  await measure('listAllDomains (per-domain calls)', () => c.listAllDomains());
  await c.close();
})()
  .catch((e) => {
    console.error(e.message);
    process.exit(1);
  })
  .finally(() => clearInterval(hold));
