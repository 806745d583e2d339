#!/usr/bin/env bash
# The cccdd benchmark: a full read (PA+AA+CA) via the API vs the same read in-process (median, ratio,
# target ≤ 1.1×), GET /v1/status throughput and p99 under wrk on loopback (targets ≥ 10 000 req/s,
# p99 < 5 ms), and the daemon's RSS after start (target ≤ 50 MB) — issue 17's targets. Release build;
# a private pcscd.
#   scripts/bench-daemon.sh [--iterations N] [--wrk-seconds S] [--wrk-connections C] [--wrk-threads T]
exec "$(dirname "$0")/bench.sh" daemon "$@"
