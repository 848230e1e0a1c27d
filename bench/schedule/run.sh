#!/usr/bin/env bash
# Scheduling benchmarks (issue 6): herd's scheduler against the critical-path lower bound and
# against Ansible's global serial batches, on simulated fleets in virtual time; and the CPU and
# heap it takes to plan and schedule 10,000 hosts. Prints the machine and date first.
# Usage: bench/schedule/run.sh   (from the repository root; builds target/herd.jar if needed)
set -euo pipefail
cd "$(dirname "$0")/../.."
./herd --version >/dev/null
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
echo
for strategy in herd ansible-serial; do
  echo "== fleet-1000.yaml, --strategy $strategy"
  java -jar target/herd.jar simulate --strategy "$strategy" bench/schedule/fleet-1000.yaml | head -2
done
echo
echo "== fleet-10000.yaml: plan + schedule 10,000 hosts under -Xmx256m (CPU of the whole JVM)"
log=$(mktemp)
/usr/bin/time -f 'cpu: %U s user + %S s sys; wall %e s; max RSS %M KB' \
  java -Xmx256m -Xlog:gc:file="$log.gc" -jar target/herd.jar simulate bench/schedule/fleet-10000.yaml 2>"$log" | head -2
cat "$log"
echo "heap after last GC: $(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$log.gc" | tail -1) (limit 256M)"
rm -f "$log" "$log.gc"
