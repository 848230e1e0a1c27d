# herd: install (or take over, or refresh) the service guard (see org.herd.engine.ServiceGuard).
# $1 guard directory, $2 policy-rc.d path, $3 service-policy.d directory, $4 run id, $5 lease
# (epoch seconds), $6 services (one a line), $7 the guard script, $8 the .pol rules,
# $9 policy-rc.d-declarative's path, $10 "hold" when the guard denies stops too. Prints "installed MODE" or "renewed MODE"; exit 3 when the
# live guard of another run is there (its run and lease on stderr).
set -eu
dir=$1
rcd=$2
poldir=$3
run=$4
lease=$5
services=$6
script=$7
rules=$8
declarative=$9
hold=${10-}
pol="$poldir/00-herd.pol"
now=$(date +%s)

write() { # atomically: $1 file, $2 content
  printf '%s' "$2" >"$1.herd-tmp"
  mv -f "$1.herd-tmp" "$1"
}

mkdir -p "$dir"
if [ -e "$dir/mode" ]; then
  held=$(cat "$dir/run" 2>/dev/null || true)
  until=$(cat "$dir/lease" 2>/dev/null || echo 0)
  case $until in '' | *[!0-9]*) until=0 ;; esac
  if [ "$held" != "$run" ] && [ "$now" -lt "$until" ]; then
    echo "guard of run $held holds the host until $until" >&2
    exit 3
  fi
  mode=$(cat "$dir/mode")
  outcome=renewed
else
  if [ "$(readlink -f "$rcd" 2>/dev/null || true)" = "$declarative" ] && [ -d "$poldir" ]; then
    mode=declarative
  else
    mode=script
  fi
  # The mode is written first: from now on remove knows there is something to undo.
  write "$dir/mode" "$mode
"
  outcome=installed
fi
write "$dir/services" "$services"
if [ "$hold" = hold ]; then
  write "$dir/hold" "hold
"
else
  rm -f "$dir/hold"
fi
write "$dir/lease" "$lease
"
write "$dir/run" "$run
"
if [ "$mode" = declarative ]; then
  write "$pol" "$rules"
  # policy-rc.d-declarative cannot read a lease: a transient timer removes the rules when it
  # expires (re-armed by every renewal). Without systemd the lease is only herd's to enforce.
  if [ -d /run/systemd/system ] && command -v systemd-run >/dev/null 2>&1; then
    systemctl stop herd-guard-lease.timer herd-guard-lease.service >/dev/null 2>&1 || true
    if [ "$lease" -gt "$now" ]; then
      systemd-run --quiet --collect --unit=herd-guard-lease \
        --on-active="$((lease - now))s" /bin/rm -f "$pol"
    else
      rm -f "$pol"
    fi
  fi
else
  # Move a foreign policy-rc.d aside once; never our own guard (a second install after a crash).
  if { [ -e "$rcd" ] || [ -L "$rcd" ]; } && ! grep -q '^# herd-guard:' "$rcd" 2>/dev/null; then
    if [ -e "$dir/policy-rc.d.orig" ] || [ -L "$dir/policy-rc.d.orig" ]; then
      echo "$rcd changed while herd's guard was installed; $dir/policy-rc.d.orig kept" >&2
      exit 4
    fi
    mv "$rcd" "$dir/policy-rc.d.orig"
  fi
  printf '%s' "$script" >"$rcd.herd-tmp"
  chmod 755 "$rcd.herd-tmp"
  mv -f "$rcd.herd-tmp" "$rcd"
fi
echo "$outcome $mode"
