/**
 * Quick by default (inside the integration suite), long with FAULTS_LONG=1 (`npm run test:faults`):
 * more fuzz runs, more events, more kills. Seeds are fixed so a failure replays exactly; override
 * with FAULTS_SEED to explore further.
 */
export const LONG = process.env.FAULTS_LONG === '1';

export const size = (quick: number, long: number): number => (LONG ? long : quick);

export const FUZZ_SEED = Number(process.env.FAULTS_SEED ?? 20_240_315);
