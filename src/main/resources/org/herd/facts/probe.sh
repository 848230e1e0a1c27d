#!/bin/sh
# herd host probe, protocol 1.
#
# Gathers every fact `herd status` needs in ONE execution and prints them as sections:
#   @@herd-probe 1 NONCE@@              first line: protocol version and a per-run nonce
#   @@herd-NONCE section NAME@@         start of a section
#   @@herd-NONCE file PATH@@            start of a file's content inside a section
#   @@herd-NONCE end NAME RC@@          end of a section and the exit status of its command
# The nonce comes from the kernel's random uuid, so no file content can forge a marker.
#
# Usage: sh -c "$PROBE" herd-probe [--upgrades-only] [PACKAGE...]
#   PACKAGEs: installed versions to report; --upgrades-only: only the probe and apt-simulate
#   sections, what `herd plan` reads (a third of the work)
#
# Rules: POSIX sh only (checked with dash -n); read-only (no file is written, no lock is taken:
# `apt-get -s` runs with Debug::NoLocking); every part that can be slow runs under `timeout`
# when it exists; works as non-root, with fewer facts (the `probe` section tells the uid).
#
# shellcheck disable=SC2016  # dpkg-query formats are single-quoted on purpose

LC_ALL=C
export LC_ALL
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH

n=$(tr -d '-' </proc/sys/kernel/random/uuid 2>/dev/null)
[ -n "$n" ] || n="$$$(date +%s 2>/dev/null)"
echo "@@herd-probe 1 $n@@"

have() { command -v "$1" >/dev/null 2>&1; }

# to SECONDS COMMAND...: run COMMAND, killed after SECONDS when timeout(1) exists (exit 124).
if have timeout; then
  to() { timeout -k 5 "$@"; }
else
  to() { shift; "$@"; }
fi

# section NAME FUNCTION: print FUNCTION's output (stdout and stderr) between markers.
section() {
  echo "@@herd-$n section $1@@"
  "$2" 2>&1
  rc=$?
  # The newline guarantees the marker starts a line even after output without a final newline;
  # the parser drops the one empty line this may add.
  printf '\n@@herd-%s end %s %s@@\n' "$n" "$1" "$rc"
}

# dump PATH: a file's content under a file marker, always newline-terminated.
dump() {
  echo "@@herd-$n file $1@@"
  awk 1 "$1"
}

s_probe() {
  echo "protocol=1"
  echo "uid=$(id -u)"
  echo "user=$(id -un 2>/dev/null)"
  echo "hostname=$(cat /proc/sys/kernel/hostname 2>/dev/null)"
  echo "time=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  for t in timeout apt-get apt-mark apt-config dpkg dpkg-query needrestart systemctl find stat xargs; do
    have "$t" && echo "tool=$t"
  done
  return 0
}

s_os_release() {
  if [ -r /etc/os-release ]; then awk 1 /etc/os-release; else awk 1 /usr/lib/os-release; fi
}

s_system() {
  echo "kernel-release=$(uname -r)"
  echo "kernel-version=$(uname -v)"
  echo "machine=$(uname -m)"
  have dpkg && echo "architecture=$(dpkg --print-architecture)"
  have dpkg && dpkg --print-foreign-architectures | sed 's/^/foreign-architecture=/'
  echo "boot-id=$(cat /proc/sys/kernel/random/boot_id)"
  echo "uptime=$(cat /proc/uptime)"
}

s_kernels() {
  for f in /boot/vmlinuz-*; do
    [ -e "$f" ] && echo "vmlinuz=${f#/boot/vmlinuz-}"
  done
  dpkg-query -W -f='${Package}\t${Architecture}\t${Version}\t${db:Status-Abbrev}\n' 'linux-image-[0-9]*'
}

s_apt_simulate() {
  to 180 apt-get -s -q -o Debug::NoLocking=1 -o APT::Get::Show-User-Simulation-Note=false \
    dist-upgrade
}

s_held() {
  to 60 apt-mark showhold
}

# Installed versions that no configured source offers ("local" in apt's words).
s_local() {
  to 120 apt list --installed 2>/dev/null | grep -F ',local]'
  return 0
}

s_dpkg_audit() {
  to 60 dpkg --audit
}

s_packages() {
  [ $# -gt 0 ] || return 0
  to 60 dpkg-query -W -f='${Package}\t${Architecture}\t${Version}\t${db:Status-Abbrev}\n' -- "$@"
}

s_reboot() {
  if [ -e /run/reboot-required ]; then echo "required=yes"; else echo "required=no"; fi
  [ -r /run/reboot-required.pkgs ] && sed 's/^/package=/' /run/reboot-required.pkgs
  return 0
}

s_needrestart() {
  # stderr holds only needrestart's diagnostics (Perl warnings on odd hosts), not facts.
  to 180 needrestart -b -r l 2>/dev/null
}

# needrestart's method without needrestart: a process needs a restart when its executable or an
# executable mapping is deleted, or when the mapped file's device/inode differ from the file now
# on disk (stat through /proc/PID/root for processes in another mount namespace). This keeps only
# candidates; the parser applies needrestart's blacklists and device rules.
s_restart_scan() {
  self_ns=$(readlink /proc/self/ns/mnt 2>/dev/null)
  scan=$(
    {
      to 60 find /proc/[0-9]*/exe /proc/[0-9]*/ns/mnt -maxdepth 0 -printf '%p\t%l\n'
      to 60 grep -H -E '^[0-9a-f]+-[0-9a-f]+ ..x' /proc/[0-9]*/maps
    } 2>/dev/null | awk -v selfns="$self_ns" '
      BEGIN { FS = "\t" }
      $1 ~ /^\/proc\/[0-9]+\/exe$/ {
        split($1, p, "/"); exe[p[3]] = $2
        if ($2 ~ / \(deleted\)$/) print "exe-deleted\t" p[3] "\t" $2
        next
      }
      $1 ~ /^\/proc\/[0-9]+\/ns\/mnt$/ {
        split($1, p, "/"); ns[p[3]] = $2
        if (!($2 in rep)) rep[$2] = p[3]
        next
      }
      {
        i = index($0, ":"); split(substr($0, 1, i - 1), p, "/"); pid = p[3]
        line = substr($0, i + 1)
        split(line, f, " ")
        if (f[5] == "0") next
        if (!match(line, /^[^ ]+ +[^ ]+ +[^ ]+ +[^ ]+ +[0-9]+ +/)) next
        path = substr(line, RLENGTH + 1)
        if (substr(path, 1, 1) != "/") next
        if (path ~ / \(deleted\)$/) { print "map-deleted\t" pid "\t" line; next }
        root = ""
        if ((pid in ns) && ns[pid] != selfns) root = "/proc/" rep[ns[pid]] "/root"
        print "candidate\t" pid "\t" root path "\t" line
      }'
  )
  stats=$(printf '%s\n' "$scan" | awk -F '\t' '$1 == "candidate" && !seen[$3]++ { print $3 }' |
    to 60 xargs -r -d '\n' stat -L -c '%d %i %n' 2>/dev/null)
  found=$(printf '%s\n@@stat\n%s\n' "$stats" "$scan" | awk '
    BEGIN { FS = "\t" }
    !body && $0 == "@@stat" { body = 1; next }
    !body {
      if (split($0, s, " ") < 3) next
      p = substr($0, length(s[1]) + length(s[2]) + 3)
      dev[p] = s[1]; ino[p] = s[2]; next
    }
    $1 == "candidate" {
      if (!($3 in dev)) next
      d = dev[$3]
      maj = int(d / 256) % 4096 + int(d / 17592186044416) * 4096
      min = d % 256 + (int(d / 4096) % 4294967296 - int(d / 4096) % 256)
      glibc = sprintf("%02x:%02x", maj, min)
      trad = sprintf("%02x:%02x", int(d / 256), d % 256)
      split($4, f, " ")
      if (f[5] == ino[$3] && (f[4] == glibc || f[4] == trad || f[4] ~ /^00:/)) next
      print "map-replaced\t" $2 "\t" $4 "\t" d " " ino[$3]
      next
    }
    NF > 0 { print }')
  [ -n "$found" ] || return 0
  printf '%s\n' "$found"
  # Identify every flagged process: executable, command name and cgroup (which names the unit).
  printf '%s\n' "$found" | awk -F '\t' '!seen[$2]++ { print $2 }' | while read -r pid; do
    printf 'exe\t%s\t%s\n' "$pid" "$(readlink "/proc/$pid/exe" 2>/dev/null)"
    printf 'comm\t%s\t%s\n' "$pid" "$(cat "/proc/$pid/comm" 2>/dev/null)"
    awk -v p="$pid" '/^0::|:name=systemd:/ { print "cgroup\t" p "\t" $0 }' "/proc/$pid/cgroup" 2>/dev/null
  done
  return 0
}

# Who holds (POSIX locks in /proc/locks) or has open (fd links) the dpkg and apt lock files.
s_locks() {
  files=$(for f in /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock \
    /var/cache/apt/archives/lock /var/lib/dpkg/triggers/Lock; do
    [ -e "$f" ] && stat -c '%d %i %n' "$f"
  done)
  [ -n "$files" ] || return 0
  printf '%s\n' "$files" | awk '{ print "lockfile " $0 }'
  locks=$(awk -v files="$files" '
    BEGIN { n = split(files, l, "\n"); for (i = 1; i <= n; i++) { split(l[i], f, " "); ino[f[2]] = 1 } }
    { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9a-f]+:[0-9a-f]+:[0-9]+$/) {
        split($i, d, ":"); if (d[3] in ino) print "posix-lock " $0 } }' /proc/locks)
  opens=$(to 30 find /proc/[0-9]*/fd -maxdepth 1 \( -lname '/var/lib/dpkg/lock*' \
    -o -lname /var/lib/apt/lists/lock -o -lname /var/cache/apt/archives/lock \
    -o -lname /var/lib/dpkg/triggers/Lock \) -printf 'open %p\t%l\n' 2>/dev/null)
  [ -n "$locks" ] && printf '%s\n' "$locks"
  [ -n "$opens" ] && printf '%s\n' "$opens"
  printf '%s\n%s\n' "$locks" "$opens" | awk '
    /^posix-lock / { for (i = 2; i <= NF; i++) if ($i ~ /^[0-9a-f]+:[0-9a-f]+:[0-9]+$/) print $(i - 1) }
    /^open / { split($2, p, "/"); print p[3] }' | sort -un | while read -r pid; do
    [ "$pid" -gt 0 ] 2>/dev/null || continue
    printf 'process\t%s\t%s\n' "$pid" "$(tr '\000' ' ' <"/proc/$pid/cmdline" 2>/dev/null)"
  done
  return 0
}

s_conffiles() {
  to 60 find /etc -xdev \( -name '*.dpkg-dist' -o -name '*.dpkg-new' -o -name '*.dpkg-old' \
    -o -name '*.dpkg-tmp' -o -name '*.ucf-dist' -o -name '*.ucf-new' -o -name '*.ucf-old' \) \
    -print 2>/dev/null
  return 0
}

s_policy_rcd() {
  p=/usr/sbin/policy-rc.d
  if [ ! -e "$p" ] && [ ! -L "$p" ]; then
    echo "present=no"
    return 0
  fi
  echo "present=yes"
  echo "target=$(readlink -f "$p")"
  [ -x "$p" ] && echo "executable=yes"
  echo "@@herd-$n file $p@@"
  head -c 4096 "$p" | tr -c '\011\012\040-\176' '?' | awk 1
}

s_service_policy() {
  for f in /etc/service-policy.d/*.pol; do
    [ -f "$f" ] && dump "$f"
  done
  return 0
}

# herd's service guard (see docs/guard.md): its lease (epoch seconds), its run, how many denied
# restarts its spool holds, and the restarts herd's restart policy left pending.
s_herd_guard() {
  d=/var/lib/herd/guard
  if [ -r /var/lib/herd/pending-restarts ]; then
    head -n 1000 /var/lib/herd/pending-restarts | tr -c '\011\012\040-\176' '?' | sed 's/^/pending=/'
  fi
  if [ ! -d "$d" ]; then
    echo "present=no"
    return 0
  fi
  echo "present=yes"
  [ -r "$d/lease" ] && echo "lease=$(head -c 32 "$d/lease" | tr -cd '0-9')"
  [ -r "$d/run" ] && echo "run=$(head -c 128 "$d/run" | tr -cd 'A-Za-z0-9._-')"
  [ -r "$d/spool" ] && echo "spooled=$(wc -l < "$d/spool" | tr -cd '0-9')"
  return 0
}

s_apt_preferences() {
  for f in /etc/apt/preferences /etc/apt/preferences.d/*; do
    [ -f "$f" ] && dump "$f"
  done
  return 0
}

s_unattended() {
  dpkg-query -W -f='package=${db:Status-Abbrev}${Version}\n' unattended-upgrades 2>/dev/null
  if have systemctl; then
    echo "timer-enabled=$(systemctl is-enabled apt-daily-upgrade.timer 2>/dev/null)"
    echo "timer-active=$(systemctl is-active apt-daily-upgrade.timer 2>/dev/null)"
  fi
  echo "@@herd-$n file apt-config-dump@@"
  apt-config dump | grep -E '^(APT::Periodic|Unattended-Upgrade)::'
  return 0
}

if [ "${1-}" = --upgrades-only ]; then
  section probe s_probe
  section apt-simulate s_apt_simulate
  echo "@@herd-$n done@@"
  exit 0
fi
section probe s_probe
section os-release s_os_release
section system s_system
section kernels s_kernels
section apt-simulate s_apt_simulate
section held s_held
section local s_local
section dpkg-audit s_dpkg_audit
echo "@@herd-$n section packages@@"
s_packages "$@" 2>&1
printf '\n@@herd-%s end packages %s@@\n' "$n" "$?"
section reboot s_reboot
if have needrestart && [ "$(id -u)" = 0 ]; then
  section needrestart s_needrestart
else
  section restart-scan s_restart_scan
fi
section locks s_locks
section conffiles s_conffiles
section policy-rc.d s_policy_rcd
section service-policy s_service_policy
section herd-guard s_herd_guard
section apt-preferences s_apt_preferences
section unattended-upgrades s_unattended
echo "@@herd-$n done@@"
