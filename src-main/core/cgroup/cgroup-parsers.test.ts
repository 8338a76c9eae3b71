import { describe, expect, it } from 'vitest';
import { cgroupFiles, cpuNsFromCpuStat, parseBlkioV1, parseIoStatV2, parseKeyValues, parseNetDev, parseProcCgroup, parseSingleNumber } from './cgroup-parsers';

const ID = '6b94176ea6adae2dbf96a7b8e952ad87f8c1fe9fb234d5e12eb78205ba0e3781';

describe('parseProcCgroup and cgroupFiles', () => {
  it.each([
    {
      name: 'v1, cgroupfs driver (Docker)',
      text: `9:name=systemd:/docker/${ID}\n8:pids:/docker/${ID}\n7:blkio:/docker/${ID}\n4:memory:/docker/${ID}\n2:cpuacct:/docker/${ID}\n1:cpu:/docker/${ID}\n0::/docker/${ID}\n`,
      want: {
        version: 1,
        cpu: `/sys/fs/cgroup/cpuacct/docker/${ID}/cpuacct.usage`,
        memoryUsage: `/sys/fs/cgroup/memory/docker/${ID}/memory.usage_in_bytes`,
        memoryStat: `/sys/fs/cgroup/memory/docker/${ID}/memory.stat`,
        pids: `/sys/fs/cgroup/pids/docker/${ID}/pids.current`,
        io: `/sys/fs/cgroup/blkio/docker/${ID}/blkio.throttle.io_service_bytes_recursive`,
      },
    },
    {
      name: 'v1, systemd driver, combined cpu,cpuacct hierarchy',
      text: `4:memory:/system.slice/docker-${ID}.scope\n3:cpu,cpuacct:/system.slice/docker-${ID}.scope\n`,
      want: { version: 1, cpu: `/sys/fs/cgroup/cpuacct/system.slice/docker-${ID}.scope/cpuacct.usage`, pids: '', io: '' },
    },
    {
      name: 'v2, systemd driver (Docker)',
      text: `0::/system.slice/docker-${ID}.scope\n`,
      want: { version: 2, cpu: `/sys/fs/cgroup/system.slice/docker-${ID}.scope/cpu.stat`, memoryUsage: `/sys/fs/cgroup/system.slice/docker-${ID}.scope/memory.current`, io: `/sys/fs/cgroup/system.slice/docker-${ID}.scope/io.stat` },
    },
    {
      name: 'v2, rootless Podman',
      text: `0::/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-${ID}.scope/container\n`,
      want: { version: 2, pids: `/sys/fs/cgroup/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-${ID}.scope/container/pids.current` },
    },
    { name: 'v2, cgroupfs driver', text: `0::/docker/${ID}\n`, want: { version: 2, memoryStat: `/sys/fs/cgroup/docker/${ID}/memory.stat` } },
  ])('$name', ({ text, want }) => {
    expect(cgroupFiles(parseProcCgroup(text))).toMatchObject(want);
  });

  it.each([
    { name: 'empty', text: '' },
    { name: 'garbage', text: 'not a cgroup file\n::\n' },
    { name: 'a path that climbs out', text: '0::/docker/../../etc\n' },
    { name: 'v1 without the memory controller', text: `2:cpuacct:/docker/${ID}\n` },
  ])('nothing readable: $name', ({ text }) => {
    expect(cgroupFiles(parseProcCgroup(text))).toBeNull();
  });
});

describe('the accounting files', () => {
  it.each([
    ['19227135\n', 19227135],
    ['max\n', null],
    ['', null],
    ['-1', null],
  ])('parseSingleNumber(%j) → %s', (text, want) => {
    expect(parseSingleNumber(text)).toBe(want);
  });

  it('reads key/value files, skipping what is not one', () => {
    expect(parseKeyValues('cache 5263360\ninactive_file 5242880\nbroken\nthree parts here\nneg -5\n')).toEqual({ cache: 5263360, inactive_file: 5242880 });
  });

  it.each([
    ['usage_usec 1500\nuser_usec 1000\nsystem_usec 500\n', 1_500_000],
    ['user_usec 1000\n', null],
  ])('cpu.stat %j → %s ns', (text, want) => {
    expect(cpuNsFromCpuStat(text)).toBe(want);
  });

  it.each([
    { text: '8:0 rbytes=4096 wbytes=8192 rios=1 wios=2 dbytes=0 dios=0\n259:0 rbytes=100 wbytes=0\n', want: { read: 4196, write: 8192 } },
    { text: '', want: { read: 0, write: 0 } },
    { text: '8:0 rbytes=x wbytes=\n', want: { read: 0, write: 0 } },
  ])('io.stat → $want', ({ text, want }) => {
    expect(parseIoStatV2(text)).toEqual(want);
  });

  it.each([
    { text: '8:0 Read 4096\n8:0 Write 512\n8:0 Sync 0\n8:0 Async 4608\n8:0 Total 4608\n8:16 Read 4\nTotal 4612\n', want: { read: 4100, write: 512 } },
    { text: 'Total 0\n', want: { read: 0, write: 0 } },
  ])('blkio → $want', ({ text, want }) => {
    expect(parseBlkioV1(text)).toEqual(want);
  });

  it('net/dev sums every interface but loopback', () => {
    const text = `Inter-|   Receive                                                |  Transmit
 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
    lo:     999       2    0    0    0     0          0         0      999       2    0    0    0     0       0          0
  eth0:     200       2    0    0    0     0          0         0       50       1    0    0    0     0       0          0
  eth1:     300       2    0    0    0     0          0         0       70       1    0    0    0     0       0          0
garbage line
`;
    expect(parseNetDev(text)).toEqual({ rx: 500, tx: 120 });
  });
});
