#!/bin/sh
# herd selection probe: what `herd plan` needs beyond the host probe, for one host.
#
# Usage: sh -c "$SCRIPT" herd-selection [PACKAGE...] [-- PIN...]
#   PACKAGE: installed packages whose systemd service units to list (dpkg's file lists)
#   PIN:     package=version arguments whose `apt-get -s install` to simulate
# Output:
#   @@units@@                    then one "PACKAGE UNIT" line per service unit shipped
#   @@simulate@@                 then apt-get's output (only when PINs were given)
#   @@end RC@@                   apt-get's exit status (0 without PINs)
# Read-only: apt-get -s never takes the dpkg lock here (Debug::NoLocking).

LC_ALL=C
export LC_ALL
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH

echo "@@units@@"
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  dpkg-query -L "$1" 2>/dev/null |
    grep -E '^/(usr/)?lib/systemd/system/[^/@]+\.service$' |
    sed "s|^.*/|$1 |"
  shift
done
[ $# -gt 0 ] && shift
echo "@@simulate@@"
rc=0
if [ $# -gt 0 ]; then
  apt-get -s -q -o Debug::NoLocking=1 -o APT::Get::Show-User-Simulation-Note=false \
    install "$@" 2>&1
  rc=$?
fi
echo "@@end $rc@@"
