#!/bin/sh
# herd-guard: herd's service guard (org.herd.engine.ServiceGuard, docs/guard.md).
# Installed by herd for the length of a run and removed when the run ends.
#
# invoke-rc.d and deb-systemd-invoke ask: policy-rc.d [--quiet] SERVICE ACTIONS [RUNLEVEL].
# While the lease has not expired, start/restart/reload/force-reload/try-restart of a service
# listed in the services file is denied (exit 101) and recorded in the spool; herd performs the
# restarts itself afterwards. When the guard holds its services (the hold file: installs ahead of
# a member's turn), stop is denied and recorded too. Anything else goes to the policy-rc.d that
# was here before herd (kept in the guard directory), or is allowed (exit 0) when there was none.
# HERD_GUARD_DIR and HERD_GUARD_NOW override the guard directory and the clock, for tests.
set -f
dir=${HERD_GUARD_DIR:-/var/lib/herd/guard}
orig="$dir/policy-rc.d.orig"

allow() {
  if [ -x "$orig" ]; then
    exec "$orig" "$@"
  fi
  exit 0
}

quiet=
if [ "${1-}" = --quiet ]; then
  quiet=--quiet
  shift
fi
if [ "${1-}" = --list ] || [ $# -lt 2 ]; then
  allow ${quiet:+"$quiet"} "$@"
fi
service=$1
actions=$2

now=${HERD_GUARD_NOW:-$(date +%s)}
lease=$(cat "$dir/lease" 2>/dev/null)
case $lease in
  '' | *[!0-9]*) allow ${quiet:+"$quiet"} "$@" ;;
esac
if [ "$now" -ge "$lease" ]; then
  allow ${quiet:+"$quiet"} "$@"
fi

# deb-systemd-invoke passes unit names (foo.service), invoke-rc.d init script names (foo).
name=${service%.service}
if ! grep -qxF -e "$name" "$dir/services" 2>/dev/null; then
  allow ${quiet:+"$quiet"} "$@"
fi

held=
[ -e "$dir/hold" ] && held=yes
denied=
for action in $actions; do
  # Out-of-runlevel requests come as "(start)".
  action=${action#\(}
  action=${action%\)}
  case $action in
    start | restart | reload | force-reload | try-restart) ;;
    stop) [ -n "$held" ] || continue ;;
    *) continue ;;
  esac
  printf '%s\t%s\t%s\n' "$now" "$service" "$action" >>"$dir/spool"
  denied=yes
done
if [ -n "$denied" ]; then
  [ -n "$quiet" ] || echo "herd-guard: $service $actions denied, herd restarts it after the upgrade" >&2
  exit 101
fi
allow ${quiet:+"$quiet"} "$@"
