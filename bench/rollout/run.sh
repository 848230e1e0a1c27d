#!/usr/bin/env bash
# Benchmark: what a rolling upgrade does to a cluster's clients, herd against the careful operator
# and the seed's clush one-liner, side by side from one run.
#
# Each run is one `herd demo` on a fresh 3-host lab (the cluster formed at the old version, then
# upgraded while a client writes every 100 ms, giving each member 1 s per try, trying them in turn):
#   herd      herd upgrade (the cluster's recipe, budget 1)
#   operator  the careful operator by hand, scripted: one member at a time, apt-get dist-upgrade,
#             the member then the whole cluster healthy before the next (careful-operator.sh)
#   clush     clush -w MEMBERS '... apt-get ... dist-upgrade' on every member at once
# herd and the operator alternate run by run (herd first in odd runs, the operator in even ones);
# clush runs after them, --clush-runs times. Prints one row per run, then per release, kind and way:
# median upgrade wall time, runs with failed writes, failed writes, median and worst longest window
# (no member accepting a write), median and worst largest gap between acknowledged writes, and
# acknowledged writes lost (read back from the cluster at the end). For Galera, MariaDB's journal
# on each member is kept beside the demo's output, and each member's rejoin stall (how long the
# cluster held every commit while it rejoined, bench/rollout/rejoins.awk) is in runs.tsv and in a
# last table.
#
# Usage: sudo bench/rollout/run.sh [--runs N] [--clush-runs N] [--release "bookworm trixie"]
#                                  [--kinds "etcd galera"] [--herd-var NAME=VALUE]...
# --herd-var gives herd's demos a cluster variable (herd demo --cluster-var), such as the galera
# recipe's opt-in rejoin_provider_options; the operator and clush do not read it.
# Needs root, the lab's tools and clustershell. Full outputs in target/bench/rollout/.
set -uo pipefail

here=$(readlink -f "${BASH_SOURCE[0]}")
root=${here%/bench/rollout/run.sh}
here_dir=${here%/run.sh}
out="$root/target/bench/rollout"
mkdir -p "$out"
# HERD: the herd command to run. By default herd's launcher run from a copy of it and of the jar
# taken now (so that a long benchmark is safe from a rebuild of target/herd.jar in the same tree):
# the JVM options and the class-data sharing archive a user's `herd` has (made on its first run).
"$root/herd" --version >/dev/null # builds the jar if needed
mkdir -p "$out/herd/target"
cp "$root/herd" "$out/herd/herd"
cp "$root/target/herd.jar" "$out/herd/target/herd.jar"
rm -f "$out"/herd/target/herd-*.jsa
herd=${HERD:-$out/herd/herd}
$herd --version >/dev/null # makes the class-data sharing archive of the copy
runs=5
clush_runs=1
releases=bookworm
kinds="etcd galera"
herd_vars=()
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --clush-runs) clush_runs=$2; shift 2 ;;
    --release) releases=$2; shift 2 ;;
    --kinds) kinds=$2; shift 2 ;;
    --herd-var) herd_vars+=(--cluster-var "$2"); shift 2 ;;
    *) echo "usage: $0 [--runs N] [--clush-runs N] [--release \"bookworm trixie\"] [--kinds \"etcd galera\"] [--herd-var NAME=VALUE]..." >&2; exit 2 ;;
  esac
done

[ "$(id -u)" = 0 ] || { echo "the lab needs root" >&2; exit 3; }
command -v clush >/dev/null || [ "$clush_runs" = 0 ] || { echo "clush is not installed (apt-get install clustershell)" >&2; exit 3; }

echo "machine: $(nproc) CPUs, $(. /etc/os-release && echo "$PRETTY_NAME"), $(java -version 2>&1 | head -n 1)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
[ ${#herd_vars[@]} = 0 ] || echo "herd's cluster variables: ${herd_vars[*]}"
rows="$out/runs.tsv"
printf 'release\tkind\tway\trun\twall_s\twrites\tfailed\twindow_s\tgap_s\tlost\thealthy\texit\trejoin_stalls_s\n' >"$rows"

# Follows MariaDB's journal on each member of the Galera lab LAB while it runs, into
# PREFIX.mariadb-N.log: once MariaDB runs on the first member (the cluster is formed), until the
# lab is gone. Started in the background for each Galera demo, and killed by its PID after it.
follow_galera() { # lab prefix
  local lab=$1 prefix=$2 config="/var/lib/herd/lab/$1/ssh_config" m
  until [ -f "$config" ] &&
    ssh -F "$config" -o BatchMode=yes -o ConnectTimeout=2 "$lab-1" systemctl is-active --quiet mariadb 2>/dev/null; do
    sleep 1
  done
  for m in 1 2 3; do
    ssh -F "$config" -o BatchMode=yes -o ServerAliveInterval=2 "$lab-$m" \
      journalctl -u mariadb -f -n 0 -o short-precise >"$prefix.mariadb-$m.log" 2>/dev/null &
  done
  wait
}

# One demo; appends its row to $rows and prints it.
demo() { # release kind way run
  local release=$1 kind=$2 way=$3 run=$4
  local log="$out/$release-$kind-$way-$run.txt"
  local follower="" stalls=-
  rm -f "${log%.txt}".mariadb-*.log
  [ "$kind" = galera ] && { follow_galera "rb${kind:0:1}" "${log%.txt}" & follower=$!; }
  local vars=()
  [ "$way" = herd ] && vars=("${herd_vars[@]}")
  $herd demo --cluster "$kind" --by "$way" --release "$release" --name "rb${kind:0:1}" "${vars[@]}" >"$log" 2>&1
  local rc=$?
  if [ -n "$follower" ]; then
    kill "$follower" 2>/dev/null
    wait "$follower" 2>/dev/null
    stalls=$(awk -f "$here_dir/rejoins.awk" "${log%.txt}".mariadb-*.log 2>/dev/null | sort -V | cut -d' ' -f2 | paste -sd, -)
  fi
  local client wall writes failed window gap lost healthy
  client=$(grep -m1 '^  client ' "$log" | sed 's/^  client *//')
  writes=$(sed -nE 's/^([0-9]+) writes.*/\1/p' <<<"$client")
  failed=$(sed -nE 's/.* ([0-9]+) failed.*/\1/p' <<<"$client")
  window=$(sed -nE 's/.*longest window ([0-9.]+) s.*/\1/p' <<<"$client")
  gap=$(sed -nE 's/.*largest gap ([0-9.]+) s.*/\1/p' <<<"$client")
  lost=$(sed -nE 's/.*, ([0-9?]+)[^,]* acknowledged lost.*/\1/p' <<<"$client")
  healthy=$(grep -qm1 '^  cluster    healthy, every member at the new version' "$log" && echo yes || echo no)
  wall=$(sed -nE 's/^  upgrade +([0-9.]+) s .*/\1/p' "$log" | head -n 1)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$release" "$kind" "$way" "$run" \
    "${wall:-?}" "${writes:-?}" "${failed:-?}" "${window:-?}" "${gap:-?}" "${lost:-?}" "$healthy" "$rc" "${stalls:--}" |
    tee -a "$rows"
}

printf 'release\tkind\tway\trun\twall_s\twrites\tfailed\twindow_s\tgap_s\tlost\thealthy\texit\trejoin_stalls_s\n'
for release in $releases; do
  for kind in $kinds; do
    for ((i = 1; i <= runs; i++)); do
      if ((i % 2)); then order="herd operator"; else order="operator herd"; fi
      for way in $order; do demo "$release" "$kind" "$way" "$i"; done
    done
    for ((i = 1; i <= clush_runs; i++)); do demo "$release" "$kind" clush "$i"; done
  done
done

echo
echo "| release | cluster | upgraded by | runs | upgrade wall time, median (min–max) | runs with failed writes | failed writes | longest window, median (worst) | largest gap, median (worst) | acknowledged writes lost | healthy, all upgraded |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
tail -n +2 "$rows" | sort -t$'\t' -k1,1 -k2,2 -k3,3 -s | awk -F'\t' '
  function median(list, n,   a, i, j, t) {
    split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function flush() {
    if (key == "") return
    printf "| %s | %s | %s | %d | %.1f s (%.1f–%.1f) | %d | %d | %.1f s (%.1f) | %.1f s (%.1f) | %s | %d of %d |\n",
      r, k, w, n, median(walls, n), wmin, wmax, withfail, failed, median(windows, n), wmax2, median(gaps, n), gmax, lost, healthy, n
  }
  {
    if ($1 "/" $2 "/" $3 != key) {
      flush(); key = $1 "/" $2 "/" $3; r = $1; k = $2; w = $3
      n = 0; walls = windows = gaps = ""; wmin = 1e9; wmax = 0; wmax2 = 0; gmax = 0; withfail = 0; failed = 0; lost = 0; healthy = 0
    }
    n++; walls = walls " " $5; windows = windows " " $8; gaps = gaps " " $9
    if ($5 + 0 < wmin) wmin = $5 + 0; if ($5 + 0 > wmax) wmax = $5 + 0
    if ($8 + 0 > wmax2) wmax2 = $8 + 0; if ($9 + 0 > gmax) gmax = $9 + 0
    if ($7 + 0 > 0) withfail++; failed += $7
    lost = ($10 == "?" || lost == "?") ? "?" : lost + $10
    if ($11 == "yes") healthy++
  }
  END { flush() }'

# Galera: how long each member's rejoin held every member's commits (bench/rollout/rejoins.awk).
if grep -q $'\tgalera\t' "$rows"; then
  echo
  echo "| release | Galera upgraded by | rejoins | rejoin stall, median | stalls of 3 s or more | longest |"
  echo "|---|---|---|---|---|---|"
  tail -n +2 "$rows" | awk -F'\t' '$2 == "galera" && $13 != "-" && $13 != "" { print $1 "\t" $3 "\t" $13 }' |
    sort -s -k1,1 -k2,2 | awk -F'\t' '
      function flush(   i, j, t) {
        if (key == "") return
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
        printf "| %s | %s | %d | %.1f s | %d | %.1f s |\n", r, w, n, n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2, long, v[n]
      }
      {
        if ($1 "/" $2 != key) { flush(); key = $1 "/" $2; r = $1; w = $2; n = 0; long = 0 }
        k = split($3, s, ",")
        for (i = 1; i <= k; i++) { v[++n] = s[i] + 0; if (s[i] + 0 >= 3) long++ }
      }
      END { flush() }'
fi
