/**
 * Preload that CPU-profiles a process until it exits, for `--cpu-prof`, which Node refuses in
 * NODE_OPTIONS. `BENCH_NODE_OPTIONS="--require ./dist/tools/bench/cpu-profile-preload.js"` profiles
 * the apps a benchmark starts; each writes `.local/cpu-profiles/<pid>.cpuprofile` under its working
 * directory (open it in Chrome DevTools or speedscope) when it gets SIGTERM.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const dir = path.resolve('.local/cpu-profiles');
const session = new Session();
session.connect();
session.post('Profiler.enable', () => session.post('Profiler.start'));

process.once('SIGTERM', () => {
  session.post('Profiler.stop', (error, result) => {
    if (!error) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    }
    process.kill(process.pid, 'SIGTERM');
  });
});
