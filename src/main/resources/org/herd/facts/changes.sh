#!/bin/sh
# herd changelog fetcher, protocol 1.
#
# Usage: sh -c "$SCRIPT" herd-changes PKG VERSION STOP [PKG VERSION STOP]...
# For each PKG at VERSION (a candidate of a pending upgrade) prints its Debian changelog, from its
# first line down to the header of version STOP (the oldest installed version herd asks about;
# that header and what follows are left out, so a long changelog costs only the new entries):
#   @@herd-changes 1 NONCE@@                    first line
#   @@herd-NONCE changelog PKG VERSION@@        start of one package's text
#   @@herd-NONCE end PKG VERSION SOURCE REACHED@@
# SOURCE is `apt` (apt-get changelog), `deb` (the candidate .deb, fetched with apt-get download
# into a temporary directory) or `none` (then the text says why); REACHED is `yes` when the
# header of STOP was found (the text covers every change since STOP), else `no`.
#
# Rules: POSIX sh; writes only its own temporary directory (removed on exit); takes no dpkg lock
# (apt-get changelog and download take none); each network part is bounded by timeout(1).

LC_ALL=C
export LC_ALL
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH

n=$(tr -d '-' </proc/sys/kernel/random/uuid 2>/dev/null)
[ -n "$n" ] || n="$$$(date +%s 2>/dev/null)"
echo "@@herd-changes 1 $n@@"

if command -v timeout >/dev/null 2>&1; then
  to() { timeout -k 5 "$@"; }
else
  to() { shift; "$@"; }
fi

tmp=$(mktemp -d 2>/dev/null) || {
  echo "herd-changes: cannot create a temporary directory" >&2
  exit 1
}
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP
mkdir "$tmp/deb"
# apt-get download drops root to _apt, which must be able to write where it downloads.
[ "$(id -u)" = 0 ] && chown _apt "$tmp/deb" 2>/dev/null

# upto STOP <FILE: the text down to (not including) the header line of version STOP; exit 3
# when that header was found.
upto() {
  awk -v stop="($1)" '
    /^[^ \t]/ && index($0, stop) && index($0, ";") > index($0, stop) { found = 1; exit }
    { print }
    END { exit found ? 3 : 0 }'
}

# debfile PKG: the Debian changelog inside the downloaded .deb, decompressed.
debfile() {
  deb=
  for f in "$tmp"/deb/*.deb; do
    [ -f "$f" ] && deb=$f && break
  done
  [ -n "$deb" ] || return 1
  doc="./usr/share/doc/${1%%:*}"
  for member in "$doc/changelog.Debian.gz" "$doc/changelog.gz"; do
    if dpkg-deb --fsys-tarfile "$deb" | tar -xOf - "$member" >"$tmp/gz" 2>/dev/null &&
      [ -s "$tmp/gz" ]; then
      gzip -dc <"$tmp/gz"
      return
    fi
  done
  echo "no changelog.Debian.gz in $(basename "$deb")" >>"$tmp/err"
  return 1
}

while [ $# -ge 3 ]; do
  pkg=$1 version=$2 stop=$3
  shift 3
  rm -f "$tmp"/deb/*.deb "$tmp/text" "$tmp/err" "$tmp/gz"
  source=none
  if to 60 apt-get -q changelog -- "$pkg=$version" >"$tmp/text" 2>"$tmp/err" &&
    [ -s "$tmp/text" ]; then
    source=apt
  elif (cd "$tmp/deb" && to 300 apt-get -q download -- "$pkg=$version") >>"$tmp/err" 2>&1 &&
    debfile "$pkg" >"$tmp/text" 2>>"$tmp/err" && [ -s "$tmp/text" ]; then
    source=deb
  fi
  echo "@@herd-$n changelog $pkg $version@@"
  reached=no
  if [ "$source" = none ]; then
    grep -E '^(E|W): |no changelog' "$tmp/err" | tail -n 3
  else
    upto "$stop" <"$tmp/text"
    [ $? = 3 ] && reached=yes
  fi
  echo "@@herd-$n end $pkg $version $source $reached@@"
done
exit 0
