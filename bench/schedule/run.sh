#!/usr/bin/env bash
# Scheduling benchmarks (issue 6): herd's scheduler against the critical-path lower bound and
# against Ansible's global serial batches, on simulated fleets in virtual time; and the CPU and
# heap it takes to plan and schedule 10,000 hosts (five runs through ./herd, the median). Prints the
# machine and date first.
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
echo "== fleet-10000.yaml: plan + schedule 10,000 hosts under -Xmx256m, through the ./herd launcher"
echo "   (CPU of the whole JVM: user + sys; five runs, the median; the machine may be shared)"
runs=()
for i in 1 2 3 4 5; do
  log=$(mktemp)
  HERD_JAVA_OPTS="-Xmx256m -Xlog:gc:file=$log.gc" /usr/bin/time -f '%U %S %e %M' \
    ./herd simulate bench/schedule/fleet-10000.yaml 2>"$log" >/dev/null
  read -r user sys wall rss < <(tail -1 "$log")
  heap=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$log.gc" | sed 's/.*(\([0-9]*\)M)/\1/' | sort -n | tail -1)
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  printf 'run %d: cpu %s s (%s user + %s sys); wall %s s; max RSS %s KB; heap at most %sM (limit 256M)\n' \
    "$i" "$cpu" "$user" "$sys" "$wall" "$rss" "$heap"
  runs+=("$cpu")
  rm -f "$log" "$log.gc"
done
echo "median cpu: $(printf '%s\n' "${runs[@]}" | sort -n | sed -n 3p) s (target <= 2 s)"
