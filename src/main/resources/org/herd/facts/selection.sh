#!/bin/sh
# herd selection probe: what `herd plan` needs beyond the host probe, for one host.
#
# Usage: sh -c "$SCRIPT" herd-selection [--conffiles PKG=VERSION,...] [PACKAGE...] [-- PIN...]
#   PKG=VERSION: packages to upgrade whose conffiles to compare with those of that version
#   PACKAGE:     installed packages whose systemd service units to list (dpkg's file lists)
#   PIN:         package=version arguments whose `apt-get -s install` to simulate
# Output:
#   @@units@@                    then one "PACKAGE UNIT" line per service unit shipped
#   @@simulate@@                 then apt-get's output (only when PINs were given)
#   @@end RC@@                   apt-get's exit status (0 without PINs)
#   @@conffiles@@                only with --conffiles, then:
#     option OPTION                a --force-conf* option of the host's dpkg or apt configuration
#     file PKG INSTALLED CANDIDATE LOCAL FLAG PATH
#                                  one conffile: MD5 sums recorded by dpkg for the installed
#                                  version, of the candidate's file, of the file on the host ("-"
#                                  for none); FLAG "remove-on-upgrade" or "-"
#     unexamined PKG REASON        a package whose candidate .deb could not be read
#   @@conffiles-end@@
# Read-only for dpkg: apt-get -s never takes the dpkg lock here (Debug::NoLocking), and the
# candidate .debs (only of packages that have conffiles) are fetched with `apt-get download`,
# which takes no lock, into /var/cache/herd/plan-debs (a .deb already in apt's archives is used
# in place; herd's copies unused for an hour are removed).

LC_ALL=C
export LC_ALL
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH

conffile_pins=
if [ "$1" = "--conffiles" ]; then
  conffile_pins=$(printf '%s' "$2" | tr ',' ' ')
  shift 2
fi

# The MD5 sum of a file, or "-" when there is no readable file.
sum_of() {
  if [ -f "$1" ] && s=$(md5sum < "$1" 2>/dev/null); then
    printf '%s\n' "$s" | cut -c1-32
  else
    echo -
  fi
}

# The --force-conf* options the host adds to dpkg's: apt's Dpkg::Options and dpkg.cfg.
host_options() {
  apt-config dump 2>/dev/null | grep -i '^dpkg::options:: ' |
    sed -n 's/^[^"]*"\(--force-conf[a-z,-]*\)";$/\1/p'
  cat /etc/dpkg/dpkg.cfg /etc/dpkg/dpkg.cfg.d/* 2>/dev/null |
    sed -n 's/^[[:space:]]*\(force-conf[a-z,-]*\)[[:space:]]*$/\1/p'
}

# The candidate .deb of PKG=VERSION: one already in herd's cache or apt's archives, or downloaded
# into herd's cache. Prints its path, or the reason on stderr.
candidate_deb() {
  pkg=$1 ver=$2 work=$3
  name=${pkg%%:*}
  case "$pkg" in
    *:*) arch=${pkg#*:} ;;
    *) arch=$(dpkg-query -W -f='${Architecture}' "$pkg" 2>/dev/null) ;;
  esac
  base="${name}_$(printf '%s' "$ver" | sed 's/:/%3a/g')"
  for a in "$arch" all; do
    for d in "$cache" /var/cache/apt/archives; do
      if [ -f "$d/${base}_$a.deb" ]; then
        [ "$d" = "$cache" ] && touch "$d/${base}_$a.deb"
        echo "$d/${base}_$a.deb"
        return 0
      fi
    done
  done
  if [ $(($(date +%s) - started)) -gt 240 ]; then
    echo "not downloaded: herd's 240 s for downloads at plan time are used up" >&2
    return 1
  fi
  mkdir "$work/download"
  (cd "$work/download" && $limit apt-get download -q "$pkg=$ver") > "$work/download.log" 2>&1
  for f in "$work/download"/*.deb; do
    if [ -f "$f" ] && mv "$f" "$cache/" && touch "$cache/${f##*/}"; then
      echo "$cache/${f##*/}"
      return 0
    fi
  done
  why=$(grep '^E: ' "$work/download.log" | head -n 1)
  [ -n "$why" ] || why=$(tail -n 1 "$work/download.log")
  echo "apt-get download $pkg=$ver failed: $why" >&2
  return 1
}

# The conffile lines of one package to upgrade; nothing for a package without conffiles.
package_conffiles() {
  pkg=$1 ver=$2 work=$3
  dpkg-query -W -f='${Conffiles}\n' "$pkg" 2>/dev/null | while IFS= read -r line; do
    line=${line# }
    [ -n "$line" ] || continue
    case "$line" in *" obsolete" | *" obsolete "*) continue ;; esac
    line=${line% remove-on-upgrade}
    printf '%s\t%s\n' "${line##* }" "${line% *}"
  done > "$work/installed"
  [ -s "$work/installed" ] || return 0
  if ! deb=$(candidate_deb "$pkg" "$ver" "$work" 2> "$work/why"); then
    echo "unexamined $pkg $(head -n 1 "$work/why")"
    return 0
  fi
  if ! dpkg-deb -e "$deb" "$work/control" 2> "$work/why"; then
    echo "unexamined $pkg cannot read $deb: $(head -n 1 "$work/why")"
    return 0
  fi
  : > "$work/shipped"
  : > "$work/removed"
  if [ -f "$work/control/conffiles" ]; then
    grep '^/' "$work/control/conffiles" > "$work/shipped"
    sed -n 's|^remove-on-upgrade \(/.*\)$|\1|p' "$work/control/conffiles" > "$work/removed"
  fi
  mkdir "$work/data"
  if [ -s "$work/shipped" ]; then
    sed 's|^/|./|' "$work/shipped" > "$work/members"
    # --occurrence: tar stops reading once it has every conffile (they are under ./etc, early in
    # the archive), so the rest of a large package is never decompressed; dpkg-deb then dies of
    # SIGPIPE, which is expected.
    { dpkg-deb --fsys-tarfile "$deb" 2> /dev/null |
      tar -x --occurrence=1 -C "$work/data" -T "$work/members" 2> /dev/null; } ||
      { dpkg-deb --fsys-tarfile "$deb" 2> /dev/null |
        tar -x --occurrence=1 -C "$work/data" -T "$work/shipped" 2> /dev/null; }
  fi
  while IFS= read -r path; do
    if [ ! -f "$work/data$path" ]; then
      echo "unexamined $pkg cannot read $path from $deb"
      return 0
    fi
  done < "$work/shipped"
  { cut -f 2 "$work/installed"; cat "$work/shipped" "$work/removed"; } | sort -u |
    while IFS= read -r path; do
      installed=$(awk -F '\t' -v p="$path" '$2 == p { print $1; exit }' "$work/installed")
      case "$installed" in "" | newconffile) installed=- ;; esac
      candidate=-
      grep -qxF "$path" "$work/shipped" && candidate=$(sum_of "$work/data$path")
      flag=-
      grep -qxF "$path" "$work/removed" && flag=remove-on-upgrade
      echo "file $pkg $installed $candidate $(sum_of "$path") $flag $path"
    done
}

conffiles() {
  host_options | while IFS= read -r option; do echo "option $option"; done
  cache=/var/cache/herd/plan-debs
  limit=
  command -v timeout > /dev/null 2>&1 && limit="timeout 180"
  started=$(date +%s)
  if ! mkdir -p "$cache" 2> /dev/null || ! run=$(mktemp -d "$cache/run.XXXXXX" 2> /dev/null); then
    for pin in $conffile_pins; do
      echo "unexamined ${pin%%=*} cannot write to $cache"
    done
    return 0
  fi
  n=0
  for pin in $conffile_pins; do
    n=$((n + 1))
    mkdir "$run/$n"
    package_conffiles "${pin%%=*}" "${pin#*=}" "$run/$n"
  done
  rm -rf "$run"
  find "$cache" -maxdepth 1 -name '*.deb' -mmin +60 -exec rm -f {} + 2> /dev/null
}

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
if [ -n "$conffile_pins" ]; then
  echo "@@conffiles@@"
  conffiles
  echo "@@conffiles-end@@"
fi
