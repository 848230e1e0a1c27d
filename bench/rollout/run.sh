#!/usr/bin/env bash
# Benchmark: what a rolling upgrade does to a cluster's clients, herd against the seed's way.
#
# For each cluster kind (galera, etcd), runs `herd demo` twice on a fresh 3-host lab: once with
# `herd upgrade` (one member at a time behind the health gate), once with `--clush`, the seed's
#   clush -w MEMBERS -o '-F LAB_SSH_CONFIG' 'env DEBIAN_FRONTEND=noninteractive apt-get
#     -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold -y dist-upgrade'
# on every member at once. The same write probe (a client writing every 100 ms, failing over across
# members) measures both. Prints one table row per run: writes, failed writes, longest
# unavailability, whether the cluster was healthy and every member upgraded at the end, duration.
# Usage: sudo bench/rollout/run.sh [KIND...]   (needs root, the lab's tools and clustershell;
# full outputs in target/bench/rollout)
set -uo pipefail

here=$(readlink -f "${BASH_SOURCE[0]}")
root=${here%/bench/rollout/run.sh}
out="$root/target/bench/rollout"
mkdir -p "$out"
# HERD: the herd command to run (default: the launcher); a copy of the jar (java -jar COPY) keeps a
# long benchmark safe from a rebuild of target/herd.jar in the same tree.
herd=${HERD:-$root/herd}
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(galera etcd)

[ "$(id -u)" = 0 ] || { echo "the lab needs root" >&2; exit 3; }
command -v clush >/dev/null || { echo "clush is not installed (apt-get install clustershell)" >&2; exit 3; }
$herd --version >/dev/null # builds the jar if needed

echo "machine: $(nproc) CPUs, $(. /etc/os-release && echo "$PRETTY_NAME"), $(java -version 2>&1 | head -n 1)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| cluster | upgraded by | writes | failed | longest unavailability | healthy, all upgraded | upgrade took | exit |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for kind in "${kinds[@]}"; do
  for way in herd clush; do
    log="$out/$kind-$way.txt"
    flag=""
    [ "$way" = clush ] && flag="--clush"
    $herd demo --cluster "$kind" --name "rb${kind:0:1}" $flag >"$log" 2>&1
    rc=$?
    client=$(grep -m1 '^  client ' "$log" | sed 's/^  client *//')
    writes=$(sed -E 's/^([0-9]+) writes.*/\1/' <<<"$client")
    failed=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$client")
    longest=$(sed -E 's/.*longest unavailability (.*)$/\1/' <<<"$client")
    cluster=$(grep -m1 '^  cluster ' "$log" | sed 's/^  cluster *//')
    took=$(grep -m1 '^  upgrade    ' "$log" | sed -E 's/^  upgrade *([^(]*) \(.*/\1/')
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' \
      "$kind" "$way" "${writes:-?}" "${failed:-?}" "${longest:-?}" "${cluster:-?}" "${took:-?}" "$rc"
  done
done
