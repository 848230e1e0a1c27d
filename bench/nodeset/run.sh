#!/usr/bin/env bash
# Benchmark: herd nodeset against ClusterShell's nodeset on 100,000 hosts.
#
# Folds rack[1-50]-node[0001-2000] expanded to 100,000 names (a full product, and the same list
# with one host missing, which forces the multi-dimensional merge), expands and counts it, with
# both tools, checks that they print the same, and prints hyperfine's wall times.
# Usage: bench/nodeset/run.sh [RUNS]   (needs hyperfine and clustershell; results in target/bench)
set -euo pipefail

here=$(readlink -f "${BASH_SOURCE[0]}")
root=${here%/bench/nodeset/run.sh}
runs=${1:-10}
out="$root/target/bench/nodeset"
mkdir -p "$out"
herd="$root/herd"

command -v hyperfine >/dev/null || { echo "hyperfine is not installed" >&2; exit 3; }
command -v nodeset >/dev/null || { echo "ClusterShell's nodeset is not installed" >&2; exit 3; }

"$herd" --version >/dev/null # builds the jar and its class-data archive if needed

expr='rack[1-50]-node[0001-2000]'
nodeset -e "$expr" | tr ' ' '\n' >"$out/hosts.txt"
grep -vx 'rack7-node0005' "$out/hosts.txt" >"$out/hosts-minus-one.txt"
echo "hosts: $(wc -l <"$out/hosts.txt") and $(wc -l <"$out/hosts-minus-one.txt")"

# Same output first: a benchmark of wrong answers is worthless.
for input in hosts.txt hosts-minus-one.txt; do
  diff <(nodeset -f <"$out/$input") <("$herd" nodeset -f <"$out/$input")
done
diff <(nodeset -e "$expr") <("$herd" nodeset -e "$expr")
diff <(nodeset -c "$expr") <("$herd" nodeset -c "$expr")
echo "outputs: identical"

cd "$out"
hyperfine --warmup 1 --runs "$runs" --export-markdown "$out/results.md" \
  -n "nodeset -f < 100k names" "nodeset -f < hosts.txt" \
  -n "herd nodeset -f < 100k names" "$herd nodeset -f < hosts.txt" \
  -n "nodeset -f < 100k names minus one" "nodeset -f < hosts-minus-one.txt" \
  -n "herd nodeset -f < 100k names minus one" "$herd nodeset -f < hosts-minus-one.txt" \
  -n "nodeset -e $expr" "nodeset -e '$expr' > /dev/null" \
  -n "herd nodeset -e $expr" "$herd nodeset -e '$expr' > /dev/null" \
  -n "nodeset -c $expr" "nodeset -c '$expr'" \
  -n "herd nodeset -c $expr" "$herd nodeset -c '$expr'"

echo
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1); clustershell: $(dpkg-query -W -f '${Version}' clustershell 2>/dev/null || echo '?')"
echo "results: $out/results.md"
