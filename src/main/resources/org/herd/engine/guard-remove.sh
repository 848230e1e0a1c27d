# herd: remove the service guard and restore what was there (see org.herd.engine.ServiceGuard).
# $1 guard directory, $2 policy-rc.d path, $3 service-policy.d directory. Idempotent: prints
# "removed" or "absent"; exit 4 when a foreign policy-rc.d appeared meanwhile (nothing is lost:
# herd's saved copy stays in the guard directory).
set -eu
dir=$1
rcd=$2
poldir=$3
found=absent
if grep -q '^# herd-guard:' "$rcd" 2>/dev/null; then
  rm -f "$rcd"
  found=removed
fi
if [ -e "$dir/policy-rc.d.orig" ] || [ -L "$dir/policy-rc.d.orig" ]; then
  if [ -e "$rcd" ] || [ -L "$rcd" ]; then
    echo "$rcd was replaced while herd's guard was installed; the one herd saved is $dir/policy-rc.d.orig" >&2
    exit 4
  fi
  mv "$dir/policy-rc.d.orig" "$rcd"
  found=removed
fi
if [ -d /run/systemd/system ]; then
  systemctl stop herd-guard-lease.timer herd-guard-lease.service >/dev/null 2>&1 || true
fi
if [ -e "$poldir/00-herd.pol" ]; then
  rm -f "$poldir/00-herd.pol"
  found=removed
fi
if [ -e "$dir" ]; then
  rm -rf "$dir"
  found=removed
fi
echo "$found"
