#!/bin/sh
# herd refresh: apt-get update, waiting up to about 60 s for a held apt lock.
#
# Usage: sh -c "$SCRIPT" herd-refresh [APT-GET OPTION...]
# apt's DPkg::Lock::Timeout does not cover the lists lock that `apt-get update` takes (apt 2.6
# fails at once with "Could not get lock /var/lib/apt/lists/lock"), so a held lock (a running
# unattended-upgrades or apt-daily) is waited for here: retried every 2 s, 30 times at most.
# Any other failure is reported at once. The exit status is apt-get's last one.

LC_ALL=C
export LC_ALL
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH

tries=0
while :; do
  out=$(apt-get -q -o DPkg::Lock::Timeout=60 "$@" update 2>&1)
  rc=$?
  if [ "$rc" = 0 ]; then
    printf '%s\n' "$out"
    exit 0
  fi
  case $out in
    *"Could not get lock"*) ;;
    *)
      printf '%s\n' "$out"
      exit "$rc"
      ;;
  esac
  tries=$((tries + 1))
  if [ "$tries" -ge 30 ]; then
    printf '%s\n' "$out"
    exit "$rc"
  fi
  [ "$tries" = 1 ] && echo "herd: waiting for the apt lock"
  sleep 2
done
