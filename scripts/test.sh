#!/usr/bin/env bash
# The whole test suite from a fresh clone: installs, builds, starts PostgreSQL, Redis and the
# project's own Kafka broker when they are not running, then runs the unit tests and the
# integration/end-to-end tests against them. Ends with one line: "N passed, N failed".
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ensure_node_modules
# What this run changes is put back when it ends: a broker it starts is stopped (one already running
# is left alone), and the live feed of a demo stack (scripts/up.sh) is paused while the suite runs —
# on two cores the feed's processing and two test workers would otherwise starve the tests' apps —
# and resumed after.
on_exit=()
trap 'for step in "${on_exit[@]}"; do eval "$step"; done' EXIT
if ! "$ROOT/deploy/local/kafka.sh" status >/dev/null 2>&1; then on_exit+=('"$ROOT/deploy/local/kafka.sh" stop'); fi
DEMO_FEED="http://127.0.0.1:3005/v1/simulator"
if curl -fs --max-time 2 "$DEMO_FEED/status" 2>/dev/null | grep -q '"running":true'; then
  say "pausing the demo's live feed while the tests run (resumed at the end)"
  curl -fs --max-time 10 -X POST "$DEMO_FEED/stop" >/dev/null
  on_exit+=('curl -fs --max-time 10 -X POST "$DEMO_FEED/start" >/dev/null && say "demo live feed resumed"')
fi
ensure_infrastructure
ensure_zstd
ensure_chromium
ensure_promtool
build
say "type-checking, linting and layout (side by side: one core each)"
(cd "$ROOT" && npx tsc -p tsconfig.json --noEmit) &
typecheck=$!
(cd "$ROOT" && npx eslint . && npm run --silent format:check) &
lint=$!
wait "$typecheck"
wait "$lint"

results="$LOCAL/test-results"
rm -rf "$results" && mkdir -p "$results"
status=0
say "unit tests"
(cd "$ROOT" && npx jest --selectProjects unit --maxWorkers="${TEST_WORKERS:-2}" --json --outputFile="$results/unit.json") || status=1
say "integration and end-to-end tests (real Kafka, PostgreSQL, Redis)"
# Every test file has its own database, topics, Redis prefix and ports (test/support), so files run in
# TEST_WORKERS parallel workers; suites in test/disruptive/ restart the broker or PostgreSQL and run
# afterwards, alone. --forceExit: a client library keeping a socket open must not hang CI.
(cd "$ROOT" && npx jest --selectProjects integration --testPathIgnorePatterns /test/disruptive/ --maxWorkers="${TEST_WORKERS:-2}" \
  --forceExit --json --outputFile="$results/integration.json") || status=1
(cd "$ROOT" && npx jest test/disruptive --selectProjects integration --runInBand --forceExit --json --outputFile="$results/disruptive.json") || status=1

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  for (const file of fs.readdirSync(process.argv[1])) {
    const r = JSON.parse(fs.readFileSync(`${process.argv[1]}/${file}`, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  }
  console.log(`${passed} passed, ${failed} failed`);
' "$results" || status=1
exit $status
