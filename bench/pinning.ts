// CPU pinning for the speed rows of the engine benchmark. On this 2-core VM the two vCPUs are not alike: the
// same process runs ~1.5 times slower on one than on the other (Lindley 24.4M vs 17.0M messages/s, the engine
// 0.50 vs 0.78 s), so a ratio of the Lindley child (on one core) to the engine (on the other) swung by ±15 %
// between runs. The bench pins itself (all its threads, and the children it spawns) to one core for the speed
// and scaling rows, so both sides of each ratio run on the same hardware, and widens again for the experiments
// row (which needs every core). The core is the quietest one: the fastest for a short Lindley probe.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';

const TASKSET = '/usr/bin/taskset';
/** the probe: long enough to reach optimised code, short enough to cost ~0.1 s per core */
const PROBE_MESSAGES = 2_000_000;

export interface Pinning { cpu: number; probes: { cpu: number; messagesPerSecond: number }[] }

/** Lindley's rate on each core (a child pinned there), best of two probes per core */
function probeCores(lindleyScript: string): { cpu: number; messagesPerSecond: number }[] {
  const probes: { cpu: number; messagesPerSecond: number }[] = [];
  for (let cpu = 0; cpu < cpus().length; cpu++) {
    let best = 0;
    for (let round = 0; round < 2; round++) {
      const run = spawnSync(TASKSET, ['-c', String(cpu), process.execPath, lindleyScript, String(PROBE_MESSAGES), '--json'], { encoding: 'utf8' });
      if (run.status !== 0) return [];
      best = Math.max(best, (JSON.parse(run.stdout) as { messagesPerSecond: number }).messagesPerSecond);
    }
    probes.push({ cpu, messagesPerSecond: best });
  }
  return probes;
}

/** sets the affinity of every thread of this process (children inherit it) */
function setAffinity(cpuList: string): void {
  execFileSync(TASKSET, ['-a', '-p', '-c', cpuList, String(process.pid)], { stdio: 'ignore' });
}

/** pins this process to its quietest core; undefined where that cannot be done (no taskset, one core, no Lindley) */
export function pinToQuietestCore(lindleyScript: string): Pinning | undefined {
  if (!existsSync(TASKSET) || !existsSync(lindleyScript) || cpus().length < 2) return undefined;
  const probes = probeCores(lindleyScript);
  if (probes.length === 0) return undefined;
  const quietest = probes.reduce((a, b) => (b.messagesPerSecond > a.messagesPerSecond ? b : a));
  setAffinity(String(quietest.cpu));
  return { cpu: quietest.cpu, probes };
}

/** lets this process use every core again */
export function unpin(): void {
  setAffinity(`0-${cpus().length - 1}`);
}

/** one line for the bench output: where it runs and what the probes measured */
export function describePinning(pinning: Pinning | undefined): string {
  if (pinning === undefined) return 'cores: not pinned (no taskset or a single core); the ratios may mix cores of different speed';
  const probes = pinning.probes.map((p) => `cpu${p.cpu} ${(p.messagesPerSecond / 1e6).toFixed(1)}M/s`).join(', ');
  return `cores: the speed rows run pinned to cpu${pinning.cpu}, the quietest by a Lindley probe (${probes})`;
}
