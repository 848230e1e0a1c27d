#!/usr/bin/env bash
# herd serve's benchmark (issue 13): a generated SQLite journal of 10,000 hosts (inventory, facts)
# and 100,000 step rows, then the median and p95 of N calls of /api/v1/hosts, /api/v1/runs and
# /api/v1/runs/{id}, and the latency from a step's end written to the journal to its SSE event at
# a client, and the fleet page loaded in Debian's chromium (navigation to drawn). Prints the machine,
# date and load first. Targets: API < 100 ms; step end to client < 1 s; fleet page < 300 ms.
# Usage: bench/serve/run.sh [CALLS]   (from the repository root; builds the test classes)
set -euo pipefail
cd "$(dirname "$0")/../.."
calls="${1:-50}"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
./mvnw -q -B -o test-compile -Dherd.docs.skip=true
cp=$(mktemp)
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test
dir=$(mktemp -d)
trap 'rm -rf "$dir" "$cp"' EXIT
java -Xmx1g -cp "target/classes:target/test-classes:$(cat "$cp")" org.herd.web.ServeBench "$dir" "$calls"
