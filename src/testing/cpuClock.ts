// For tests that bound how long some work takes: this process's CPU time, which (unlike the wall
// clock) does not grow when other processes keep the machine's cores busy. Never used by the app.

/** CPU time (user + system) this process has used so far, ms. */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
