import type { AppName } from './app-process';

/**
 * The Node flags each app is started with, wherever it runs: docker-compose.yml and the Kubernetes
 * manifests give them in the container's command (test/deploy checks that they match), scripts/up.sh
 * and AppProcess (tests, benchmarks) read them from here.
 *
 * The aggregator keeps ~50–75 MB alive (half of it the loaded code), but what a transaction or a fold
 * holds across its round trips outlives two young-generation collections and is promoted: ~16 KB
 * per event, garbage only a full collection reclaims. After each full collection V8 lets the old
 * generation grow by a factor it scales with the heap limit: 4× the live heap under the default
 * limit of a large machine (4 GiB here; Node derives it from the memory it may use), i.e. 250–300 MB
 * of heap and 340–400 MiB resident. An old-space limit of 1,536 MB caps the factor near 1.8: resident
 * memory peaks near 250 MiB, for ~3× as many full collections (apps/aggregator/README.md, "Measured").
 * The limit itself is far above what the aggregator keeps. The query app keeps ~45 MB alive under a
 * stream load, but its change feed, reads and stream messages promote garbage the same way: with
 * V8's default limit its resident memory grew 85 MiB in a minute of 200 streams at 2,000 events/s,
 * 30 MiB with this one (apps/query/README.md, "Live stream").
 */
export const APP_NODE_FLAGS: Record<AppName, readonly string[]> = {
  ingest: [],
  query: ['--max-old-space-size=1536'],
  aggregator: ['--max-old-space-size=1536'],
  alerting: [],
  simulator: [],
};
