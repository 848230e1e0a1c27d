#!/usr/bin/env bash
# Fan-out benchmark: herd run -b against clush -b, parallel-ssh and ansible on one loopback fleet.
#
# Starts its own OpenSSH sshd on a free loopback port (loopback-fleet.sh), with an ssh_config of
# aliases h1..hN, then measures, in one run:
#   1. one command on N hosts (N = 100 and 500): wall time and client CPU (user+sys of the client
#      and every process it waited for, from GNU time), for herd, clush, parallel-ssh, ansible;
#   2. ten consecutive commands on 100 hosts: ten clush runs against one herd session (-c x10);
#   3. one command on 1,000 hosts with herd's defaults under -Xmx256m: peak open files, threads
#      and heap (from the GC log);
#   4. `herd status` on each N of --status-hosts (issue 5; default the largest N, --no-status skips
#      it): wall time, client CPU, the folded summary. The fleet user's apt keeps a package cache,
#      as on a real host (loopback-fleet.sh).
# Results go to docs/benchmarks-fanout.md (between the results markers) and to stdout.
#
# Usage: bench/fanout/run.sh [--sizes "100 500"] [--repeat 3] [--big 1000] [--no-ansible]
#                            [--ansible-sizes "100 500"] [--status-hosts "N..."] [--no-status]
#                            [--transport ssh|openssh] [--out FILE]
# Needs root, openssh-server, clustershell, pssh, ansible (apt-get install -y ansible) and GNU time.
# Run it as root from anywhere; see bench/fanout/README.md for what it measures and how long it
# takes (about 25 minutes with --repeat 1 on a busy 2-CPU machine, most of it clush and ansible).
#
# The hosts log in as a throwaway user with an empty home and /bin/sh (loopback-fleet.sh makes it
# and removes it on exit), never as root: root's ~/.bashrc may be slow (pyenv init) and would be
# measured instead of the tools. Client CPU is user+sys of the tool and every process it waited
# for (GNU time's rusage of the child tree: ssh processes, ansible's forks, herd's JVM threads).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
sizes="100 500"
repeat=3
big=1000
ansible=yes
ansible_sizes=""
status_n=""
status=yes
transport=ssh
out="$root/docs/benchmarks-fanout.md"
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --big) big=$2; shift 2 ;;
    --no-ansible) ansible=no; shift ;;
    --ansible-sizes) ansible_sizes=$2; shift 2 ;;
    --status-hosts) status_n=$2; shift 2 ;;
    --no-status) status=no; shift ;;
    --transport) transport=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: $0 [--sizes \"100 500\"] [--repeat N] [--big N] [--no-ansible] [--ansible-sizes \"100\"] [--status-hosts \"N...\"] [--no-status] [--transport ssh|openssh] [--out FILE]" >&2; exit 2 ;;
  esac
done
[ -n "$ansible_sizes" ] || ansible_sizes=$sizes
[ -n "$status_n" ] || status_n=${sizes##* }
[ $status = yes ] || status_n=""

die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
for tool in /usr/bin/time clush parallel-ssh; do command -v "$tool" >/dev/null || die "needs $tool"; done
[ $ansible = no ] || command -v ansible >/dev/null || die "needs ansible (apt-get install -y ansible) or --no-ansible"

work=$(mktemp -d /tmp/herd-bench.XXXXXX)
fleet="$work/fleet"
cleanup() {
  "$here/loopback-fleet.sh" stop "$fleet" || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Every client gets as many file descriptors as the system allows.
ulimit -n "$(ulimit -Hn)"

max=$big
[ "$max" -ge 100 ] || max=100  # the ten-command measure uses h1..h100
for n in $sizes $status_n; do [ "$n" -gt "$max" ] && max=$n; done
uptime_before=$(uptime)
cfg=$("$here/loopback-fleet.sh" start "$fleet" "$max")

# herd: build once (not measured), and warm the class-data-sharing archive.
"$root/herd" --version >/dev/null

export ANSIBLE_HOST_KEY_CHECKING=True ANSIBLE_PYTHON_INTERPRETER=/usr/bin/python3
export ANSIBLE_SSH_ARGS="-F $cfg -o ControlMaster=no" ANSIBLE_LOCAL_TEMP="$work/ansible-tmp"
# Pipelining: one ssh per host instead of four (mkdir, sftp, exec, rm); ansible's own advice.
export ANSIBLE_PIPELINING=True ANSIBLE_FORKS=64 ANSIBLE_NOCOLOR=1 ANSIBLE_LOAD_CALLBACK_PLUGINS=0 ANSIBLE_DEPRECATION_WARNINGS=0

inventory() { # N -> an ansible INI inventory of h1..hN
  local file="$work/inventory-$1"
  { echo "[fleet]"; head -n "$1" "$fleet/hosts"; } >"$file"
  echo "$file"
}

# run_tool TOOL N -> runs one command on h1..hN, output in $work/out, errors in $work/err
run_tool() {
  local tool=$1 n=$2
  case $tool in
    herd) "$root/herd" run --transport "$transport" --ssh-config "$cfg" -b -w "h[1-$n]" 'echo ok' ;;
    clush) clush -o "-F $cfg" -b -w "h[1-$n]" 'echo ok' ;;
    parallel-ssh) parallel-ssh -h <(head -n "$n" "$fleet/hosts") -p 64 -x "-F $cfg" -i 'echo ok' ;;
    ansible) ansible fleet -i "$(inventory "$n")" -m command -a 'echo ok' ;;
  esac
}

# check TOOL N -> whether every host answered ok
check() {
  local tool=$1 n=$2
  case $tool in
    herd | clush) grep -qxF "h[1-$n] ($n)" "$work/out" && grep -qx ok "$work/out" ;;
    parallel-ssh) [ "$(grep -c '\[SUCCESS\]' "$work/out")" -eq "$n" ] ;;
    ansible) [ "$(grep -c '| CHANGED |' "$work/out")" -eq "$n" ] ;;
  esac
}

# GNU time runs programs, not shell functions: the functions run in a child bash.
export root transport cfg fleet work
export -f run_tool inventory

# measure KEY FUNCTION ARGS... -> wall[KEY] and cpu[KEY], medians of $repeat runs
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A wall cpu load
measure() {
  local key=$1; shift
  local walls="" cpus="" i
  load[$key]=$(cut -d' ' -f1 /proc/loadavg)
  for ((i = 0; i < repeat; i++)); do
    if ! /usr/bin/time -f '%e %U %S' -o "$work/time" bash -c '"$@"' bench "$@" >"$work/out" 2>"$work/err"; then
      : # exit codes are checked through the output
    fi
    # The last line: GNU time puts "Command exited with non-zero status N" or "Command
    # terminated by signal N" before it.
    read -r w u s < <(tail -n 1 "$work/time")
    walls+="$w"$'\n'
    cpus+="$(echo "$u + $s" | bc)"$'\n'
  done
  wall[$key]=$(printf '%s' "$walls" | median)
  cpu[$key]=$(printf '%s' "$cpus" | median)
}

fmt() { printf '%.2f' "$1"; }
ratio() { echo "scale=3; $1 / $2" | bc | awk '{printf "%.2f", $1}'; }

tools="herd clush parallel-ssh"
[ $ansible = no ] || tools+=" ansible"

echo "bench: fleet of $max aliases on $(cat "$fleet/port"), $repeat run(s) per measure (median)" >&2
for n in $sizes; do
  for tool in $tools; do
    if [ "$tool" = ansible ] && ! [[ " $ansible_sizes " = *" $n "* ]]; then continue; fi
    echo "bench: $tool on $n hosts" >&2
    measure "$tool-$n" run_tool "$tool" "$n"
    check "$tool" "$n" || die "$tool on $n hosts did not succeed everywhere: $(tail -5 "$work/err") $(tail -5 "$work/out")"
  done
done

echo "bench: ten commands on 100 hosts" >&2
ten_clush() { local i; for i in 1 2 3 4 5 6 7 8 9 10; do clush -o "-F $cfg" -b -w 'h[1-100]' "echo ok $i" || return 1; done; }
ten_herd() {
  local args=() i
  for i in 1 2 3 4 5 6 7 8 9 10; do args+=(-c "echo ok $i"); done
  "$root/herd" run --transport "$transport" --ssh-config "$cfg" -b -w 'h[1-100]' "${args[@]}"
}
export -f ten_clush ten_herd
measure clush-ten ten_clush
[ "$(grep -c '^h\[1-100\] (100)$' "$work/out")" -eq 10 ] || die "ten clush runs failed: $(tail -5 "$work/err")"
measure herd-ten ten_herd
[ "$(grep -c '^h\[1-100\] (100)$' "$work/out")" -eq 10 ] || die "the herd session failed: $(tail -5 "$work/err")"

echo "bench: herd on $big hosts with -Xmx256m" >&2
HERD_JAVA_OPTS="-Xmx256m -Xlog:gc:file=$work/gc.log" \
  "$root/herd" run --transport "$transport" --ssh-config "$cfg" -b -w "h[1-$big]" 'echo ok' \
  >"$work/out" 2>"$work/err" &
pid=$!
max_fds=0 max_threads=0 fd_limit=""
while kill -0 "$pid" 2>/dev/null; do
  fds=$(find "/proc/$pid/fd" -mindepth 1 2>/dev/null | wc -l) || fds=0
  threads=$(awk '/^Threads:/ {print $2}' "/proc/$pid/status" 2>/dev/null) || threads=0
  [ -z "$fd_limit" ] && fd_limit=$(awk '/Max open files/ {print $4}' "/proc/$pid/limits" 2>/dev/null || true)
  [ "${fds:-0}" -gt "$max_fds" ] && max_fds=$fds
  [ "${threads:-0}" -gt "$max_threads" ] && max_threads=$threads
  sleep 0.1
done
big_rc=0
wait "$pid" || big_rc=$?
big_ok=no
grep -qxF "h[1-$big] ($big)" "$work/out" && big_ok=yes
# From each collection's "12M->3M(20M)": heap in use before it (the most the heap held) and
# after it (what was still live), and the heap size the JVM had grown to.
peak_heap=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$work/gc.log" | sed 's/M->.*//' | sort -n | tail -1)
live_heap=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$work/gc.log" | sed 's/.*M->//; s/M(.*//' | sort -n | tail -1)
heap_size=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$work/gc.log" | sed 's/.*M(//; s/M)//' | sort -n | tail -1)
gcs=$(grep -c 'Pause' "$work/gc.log" || true)
oom=no
grep -q OutOfMemoryError "$work/err" && oom=yes
grep -q -i 'too many open files' "$work/err" "$work/out" && oom+=", too many open files"

# herd status on each N of --status-hosts (issue 5): one probe per host, folded rows, facts in a
# throwaway journal. The hosts are all this machine, probed as the unprivileged fleet user, so the
# probes' apt runs all load this one machine (see bench/fanout/README.md).
status_run() {
  "$root/herd" status --transport "$transport" --ssh-config "$cfg" --journal "$work/journal-$1.db" "h[1-$1]"
}
export -f status_run
declare -A status_ok
for n in $status_n; do
  echo "bench: herd status on $n hosts" >&2
  repeat_saved=$repeat repeat=1
  measure "status-$n" status_run "$n"
  repeat=$repeat_saved
  status_ok[$n]=no
  grep -q "h\[1-$n\]" "$work/out" && status_ok[$n]=yes
  cp "$work/out" "$work/status-$n.out"
  cp "$work/err" "$work/status-$n.err"
done
uptime_after=$(uptime)

machine="$(nproc) CPUs ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
versions="$(clush --version 2>&1 | head -1); $(parallel-ssh --version 2>&1 | head -1 | sed 's/^/parallel-ssh /'); $(ssh -V 2>&1); $("$root/herd" --version | head -2 | tr '\n' ' ')"
[ $ansible = no ] || versions+="; $(ansible --version | head -1)"

{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $machine, $(sed -n 's/^PRETTY_NAME="\(.*\)"$/\1/p' /etc/os-release) (Debian $(cat /etc/debian_version)); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "Versions: $versions. herd transport: \`$transport\`."
  echo
  echo "### One command (\`echo ok\`) on N hosts, fan-out 64 for every tool (median of $repeat)"
  echo
  echo "| tool | N | wall (s) | client CPU (s) | CPU per host (ms) | wall vs clush | CPU vs clush | load at start |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for n in $sizes; do
    for tool in $tools; do
      [ -n "${wall[$tool-$n]:-}" ] || continue
      echo "| $tool | $n | $(fmt "${wall[$tool-$n]}") | $(fmt "${cpu[$tool-$n]}") | $(echo "${cpu[$tool-$n]} * 1000 / $n" | bc -l | awk '{printf "%.1f", $1}') | $(ratio "${wall[$tool-$n]}" "${wall[clush-$n]}") | $(ratio "${cpu[$tool-$n]}" "${cpu[clush-$n]}") | ${load[$tool-$n]} |"
    done
  done
  lo=${sizes%% *} hi=${sizes##* }
  if [ "$lo" != "$hi" ]; then
    echo
    echo "Marginal client CPU per host between N=$lo and N=$hi (fixed start-up costs cancel out):"
    echo
    for tool in $tools; do
      if [ -z "${cpu[$tool-$hi]:-}" ] || [ -z "${cpu[$tool-$lo]:-}" ]; then continue; fi
      echo "- $tool: $(echo "(${cpu[$tool-$hi]} - ${cpu[$tool-$lo]}) * 1000 / ($hi - $lo)" | bc -l | awk '{printf "%.2f", $1}') ms per host"
    done
  fi
  echo
  echo "### Ten consecutive commands on 100 hosts (median of $repeat)"
  echo
  echo "| how | wall (s) | client CPU (s) | wall vs ten clush runs | load at start |"
  echo "|---|---:|---:|---:|---:|"
  echo "| ten \`clush -b\` runs | $(fmt "${wall[clush-ten]}") | $(fmt "${cpu[clush-ten]}") | 1.00 | ${load[clush-ten]} |"
  echo "| one \`herd run -b -c ... (x10)\` session | $(fmt "${wall[herd-ten]}") | $(fmt "${cpu[herd-ten]}") | $(ratio "${wall[herd-ten]}" "${wall[clush-ten]}") | ${load[herd-ten]} |"
  echo
  echo "### $big hosts, herd defaults, \`-Xmx256m\`"
  echo
  echo "- all $big hosts answered: $big_ok (exit status $big_rc)"
  echo "- peak open file descriptors: $max_fds (limit $fd_limit); peak threads: $max_threads"
  echo "- peak heap in use before a collection: ${peak_heap:-n/a} MB; most still live after one: ${live_heap:-n/a} MB; heap grown to ${heap_size:-n/a} MB of 256 MB; $gcs collections; OutOfMemoryError: $oom"
  echo
  for n in $status_n; do
    echo "### \`herd status\` on $n hosts"
    echo
    echo "- wall $(fmt "${wall[status-$n]}") s, client CPU $(fmt "${cpu[status-$n]}") s (one run, load ${load[status-$n]} at start); one pass, summary names h[1-$n]: ${status_ok[$n]}"
    echo
    echo '```'
    cat "$work/status-$n.out"
    echo '```'
    if [ -s "$work/status-$n.err" ]; then
      echo
      echo "Its standard error (last lines):"
      echo
      echo '```'
      tail -n 5 "$work/status-$n.err"
      echo '```'
    fi
    echo
  done
  echo "uptime before: \`${uptime_before# }\`; after: \`${uptime_after# }\`"
} >"$work/results.md"

cat "$work/results.md"
if [ -f "$out" ] && grep -q '<!-- results:start -->' "$out"; then
  awk -v results="$work/results.md" '
    /<!-- results:start -->/ { print; while ((getline line < results) > 0) print line; skip = 1; next }
    /<!-- results:end -->/ { skip = 0 }
    !skip { print }' "$out" >"$work/doc.md"
  cp "$work/doc.md" "$out"
else
  { echo "# Fan-out benchmark"; echo; echo "<!-- results:start -->"; cat "$work/results.md"; echo "<!-- results:end -->"; } >"$out"
fi
echo "bench: results written to $out" >&2
