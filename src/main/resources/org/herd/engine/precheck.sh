#!/bin/sh
# herd's precheck before a host is disrupted (org.herd.engine.AptStepActions, docs/upgrading.md).
# Usage: sh -c SCRIPT herd-precheck PACKAGE...
# Prints sections, each line prefixed by its name:
#   audit <line>        what 'dpkg --audit' reports (nothing when dpkg is healthy)
#   lock <file> <pid>   a dpkg/apt lock held, and by which process
#   space <dir> <kib>   free space where dpkg and apt write
#   dpkg <line>         dpkg-query's answer for the planned packages (PACKAGE ARCH VERSION STATUS)
set -u
LC_ALL=C
export LC_ALL

dpkg --audit 2>&1 | sed 's/^/audit /'

for file in /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/cache/apt/archives/lock; do
  [ -e "$file" ] || continue
  inode=$(stat -c %i "$file" 2>/dev/null) || continue
  # /proc/locks: "1: POSIX ADVISORY WRITE PID MAJ:MIN:INODE START END"
  awk -v inode="$inode" -v file="$file" \
    '{ split($6, id, ":"); if (id[3] == inode) { print "lock " file " " $5; exit } }' /proc/locks
done

for dir in / /var /usr /boot; do
  [ -d "$dir" ] || continue
  df -Pk "$dir" 2>/dev/null | awk -v dir="$dir" 'NR == 2 { print "space " dir " " $4 }'
done

if [ $# -gt 0 ]; then
  dpkg-query -W -f '${Package}\t${Architecture}\t${Version}\t${db:Status-Abbrev}\n' -- "$@" 2>&1 |
    sed 's/^/dpkg /'
fi
exit 0
