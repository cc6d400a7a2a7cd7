#!/usr/bin/env bash
# npm run bench [-- --quick]: installs, builds, starts the infrastructure like the test command, then
# runs the benchmark suite (tools/bench/run.ts). Writes bench/results/latest.md and latest.json.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ensure_node_modules
ensure_infrastructure
build
# The full run holds a million events' worth of batches in flight; give the runner room.
node --max-old-space-size=4096 "$ROOT/dist/tools/bench/run.js" "$@"
