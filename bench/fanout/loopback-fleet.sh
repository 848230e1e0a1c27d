#!/usr/bin/env bash
# A fleet of N "hosts" on this machine: one OpenSSH sshd on a free loopback port (its own host
# key, raised MaxStartups/MaxSessions) and an ssh_config with aliases h1..hN pointing at it.
# Used by bench/fanout/run.sh and by RunVsClushIT.
#
#   loopback-fleet.sh start DIR N [PORTS]
#                                   creates DIR, starts sshd, prints DIR/ssh_config; with PORTS
#                                   (at most 16) sshd listens on that many ports and alias hI uses
#                                   port number (I-1) mod PORTS, so that a command can tell hosts
#                                   apart by $SSH_CONNECTION (used by RunVsClushIT)
#   loopback-fleet.sh stop DIR      stops that sshd (by the PID it recorded)
#
# Files in DIR: ssh_config, known_hosts, id_ed25519 (client key), hosts (one alias per line),
# sshd.pid, sshd.log, port (the first port), ports (all of them), user (the login user; with
# user.created when start created it, so that stop removes it), apt.conf.path (where the
# user's apt configuration is, see below).
#
# apt: the fleet user's sessions get APT_CONFIG=HOME/apt.conf (sshd's SetEnv; HOME is the fleet
# user's), the machine's apt configuration with a package cache of the user's own (Dir::Cache
# under its home, warmed once here). Container images often disable apt's cache (Docker's
# docker-clean sets Dir::Cache::pkgcache ""), so that every apt command rebuilds it, some 4 s of CPU each; a real
# host keeps it, and `herd status` probes (apt-get -s, apt-mark, apt list) should be measured as
# on a real host. The machine's own apt configuration is not changed: HOME/apt.conf points
# Dir::Etc::Parts at HOME/apt.conf.d, links to every /etc/apt/apt.conf.d file except those that
# set the cache files to "".
#
# Hosts log in as a throwaway user that start creates (herdb-PID-RANDOM, or $FLEET_USER; a system
# user with shell /bin/sh and an empty home under /var/lib, so no rc file is read) and stop
# removes again; not as root: a login shell that reads a heavy ~/.bashrc (root's runs pyenv init
# on this machine) would measure that file, not the tools. The key pairs (host and client) are
# made anew in DIR. Needs root (sshd logs users in only as root) and openssh-server.
set -euo pipefail

die() { printf 'loopback-fleet: %s\n' "$*" >&2; exit 1; }

start() {
  local dir=$1 count=$2 nports=${3:-1}
  { [ "$nports" -ge 1 ] && [ "$nports" -le 16 ]; } || die "PORTS must be 1 to 16 (sshd listens on 16 sockets at most)"
  [ "$(id -u)" = 0 ] || die "needs root: sshd logs users in only when it runs as root"
  [ -x /usr/sbin/sshd ] || die "needs /usr/sbin/sshd: apt-get install openssh-server"
  mkdir -p "$dir" /run/sshd
  dir=$(cd "$dir" && pwd)
  ensure_user "$dir"
  [ -f "$dir/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$dir/host_ed25519"
  [ -f "$dir/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$dir/id_ed25519"
  cp "$dir/id_ed25519.pub" "$dir/authorized_keys"
  apt_config "$dir"

  local ports=() port
  read -r -a ports <<<"$(python3 -c '
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))' "$nports")"
  port=${ports[0]}
  echo "$port" >"$dir/port"
  echo "${ports[*]}" >"$dir/ports"
  {
    for p in "${ports[@]}"; do echo "ListenAddress 127.0.0.1:$p"; done
  } >"$dir/sshd_config"
  cat >>"$dir/sshd_config" <<CONF
HostKey $dir/host_ed25519
# Read as root, so the fleet directory may be private to root.
AuthorizedKeysFile none
AuthorizedKeysCommand /bin/cat $dir/authorized_keys
AuthorizedKeysCommandUser root
PidFile none
StrictModes no
UsePAM no
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
LogLevel ERROR
MaxStartups 1000:30:2000
MaxSessions 100
SetEnv APT_CONFIG=$(cat "$dir/apt.conf.path")
UseDNS no
PrintMotd no
PrintLastLog no
CONF

  local hostkey
  hostkey=$(cut -d' ' -f1-2 "$dir/host_ed25519.pub")
  {
    local i p aliases=""
    for p in "${ports[@]}"; do printf '[127.0.0.1]:%s %s\n' "$p" "$hostkey"; done
    # Also under every alias, for clients that look keys up by the name they were given.
    for ((i = 1; i <= count; i++)); do aliases+="${aliases:+,}[h$i]:${ports[(i - 1) % nports]}"; done
    printf '%s %s\n' "$aliases" "$hostkey"
  } >"$dir/known_hosts"

  # One redirection per file, no process per alias: fast even on a loaded machine.
  for ((i = 1; i <= count; i++)); do echo "h$i"; done >"$dir/hosts"
  for ((i = 1; i <= count; i++)); do
    printf 'Host h%s\n  HostName 127.0.0.1\n  Port %s\n  User %s\n  IdentityFile %s\n' \
      "$i" "${ports[(i - 1) % nports]}" "$user" "$dir/id_ed25519"
    printf '  IdentitiesOnly yes\n  UserKnownHostsFile %s\n  StrictHostKeyChecking yes\n  BatchMode yes\n' \
      "$dir/known_hosts"
  done >"$dir/ssh_config"

  # Not on our stdout: callers read it to its end ($(...), ProcessBuilder).
  /usr/sbin/sshd -f "$dir/sshd_config" -D -e </dev/null >/dev/null 2>"$dir/sshd.log" &
  echo $! >"$dir/sshd.pid"
  local tries
  for ((tries = 0; tries < 200; tries++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$dir/ssh_config"
      return 0
    fi
    kill -0 "$(cat "$dir/sshd.pid")" 2>/dev/null || die "sshd exited: $(cat "$dir/sshd.log")"
    sleep 0.05
  done
  die "sshd does not listen on port $port: $(cat "$dir/sshd.log")"
}

user=""

# The login user of the fleet, made when missing; a password of '*' (not '!') so that sshd
# without PAM lets it in. No skeleton files: no rc file to read at login.
ensure_user() {
  local dir=$1
  user=${FLEET_USER:-herdb-$$-$RANDOM}
  echo "$user" >"$dir/user"
  getent passwd "$user" >/dev/null && return 0
  useradd --system --no-create-home --home-dir "/var/lib/$user" --shell /bin/sh "$user"
  touch "$dir/user.created"
  install -d -o "$user" -g "$(id -gn "$user")" -m 700 "/var/lib/$user"
  usermod -p '*' "$user"
}

# HOME/apt.conf and HOME/apt.conf.d for the fleet user (in its home, which it can read where DIR
# may be private to root): the machine's apt configuration, with a package cache in that home,
# built once now (as the user) so that no probe pays for it. Its path goes to DIR/apt.conf.path.
apt_config() {
  local dir=$1 home part
  home=$(getent passwd "$user" | cut -d: -f6)
  install -d -o "$user" -m 755 "$home/apt.conf.d" "$home/apt-cache"
  for part in /etc/apt/apt.conf.d/*; do
    [ -f "$part" ] || continue
    grep -Eq '^[[:space:]]*Dir::Cache::(src)?pkgcache[[:space:]]+""' "$part" ||
      ln -sf "$part" "$home/apt.conf.d/"
  done
  cat >"$home/apt.conf" <<CONF
Dir::Etc::Parts "$home/apt.conf.d/";
Dir::Cache "$home/apt-cache/";
Dir::Cache::pkgcache "pkgcache.bin";
Dir::Cache::srcpkgcache "srcpkgcache.bin";
CONF
  chmod 644 "$home/apt.conf"
  echo "$home/apt.conf" >"$dir/apt.conf.path"
  command -v apt-get >/dev/null || return 0
  (cd / && su -s /bin/sh -c "APT_CONFIG='$home/apt.conf' apt-get -s -q -o Debug::NoLocking=1 dist-upgrade" "$user") \
    >/dev/null 2>&1 || true
}

# Removes the user that start created, once its last login has ended.
remove_user() {
  local dir=$1 name tries
  [ -f "$dir/user.created" ] || return 0
  name=$(cat "$dir/user")
  for ((tries = 0; tries < 100; tries++)); do
    userdel --remove "$name" 2>/dev/null && break
    sleep 0.1
  done
  getent passwd "$name" >/dev/null && userdel --force --remove "$name" 2>/dev/null
  rm -f "$dir/user.created"
}

stop() {
  local dir=$1 pid tries
  if [ -f "$dir/sshd.pid" ]; then
    pid=$(cat "$dir/sshd.pid")
    # The listener only: per-connection sshd processes end with their connections.
    kill "$pid" 2>/dev/null || true
    for ((tries = 0; tries < 100; tries++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
    rm -f "$dir/sshd.pid"
  fi
  # Also after a start that was interrupted before sshd ran.
  remove_user "$dir"
}

case "${1:-}" in
  start) { [ $# -ge 3 ] && [ $# -le 4 ]; } || die "usage: $0 start DIR N [PORTS]"; start "$2" "$3" "${4:-1}" ;;
  stop) [ $# -eq 2 ] || die "usage: $0 stop DIR"; stop "$2" ;;
  *) die "usage: $0 start DIR N [PORTS] | stop DIR" ;;
esac
