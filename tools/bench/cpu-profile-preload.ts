/**
 * Preload that CPU-profiles a process until it exits, for `--cpu-prof`, which Node refuses in
 * NODE_OPTIONS. `BENCH_NODE_OPTIONS="--require ./dist/tools/bench/cpu-profile-preload.js"` profiles
 * the apps a benchmark starts; each writes `.local/cpu-profiles/<pid>.cpuprofile` under its working
 * directory (open it in Chrome DevTools or speedscope) when it gets SIGTERM.
 */
import { Session } from 'node:inspector';
import { writeOnSigterm } from './write-on-sigterm';

const session = new Session();
session.connect();
session.post('Profiler.enable', () => session.post('Profiler.start'));

writeOnSigterm(
  'cpu-profiles',
  'cpuprofile',
  () => new Promise((resolve) => session.post('Profiler.stop', (error, result) => resolve(error ? undefined : JSON.stringify(result.profile)))),
);
