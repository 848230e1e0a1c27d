# herd: start one step detached from the SSH session (see org.herd.engine.DetachedCommand).
# $1 step directory, $2 step name, $3 systemd unit name, $4 the runner script's text.
# Prints one line: "started|existing MODE PID" (PID empty when the runner has not said yet).
set -u
dir=$1
step=$2
unit=$3
body=$4
umask 022
mkdir -p "$dir" || exit 1
# The marker is created with O_EXCL (noclobber): of two starts of the same step, one wins.
if (set -C; : >"$dir/$step.started") 2>/dev/null; then
  outcome=started
  printf '%s' "$body" >"$dir/$step.sh" || { rm -f "$dir/$step.started"; exit 1; }
  if [ -d /run/systemd/system ] && command -v systemd-run >/dev/null 2>&1; then
    mode=systemd
    if ! systemd-run --quiet --collect --unit="$unit" --service-type=exec \
      --description="herd step $step" /bin/sh "$dir/$step.sh"; then
      rm -f "$dir/$step.started" "$dir/$step.sh"
      echo "herd: systemd-run could not start $unit" >&2
      exit 1
    fi
  else
    mode=setsid
    if ! setsid -f /bin/sh "$dir/$step.sh" </dev/null >/dev/null 2>&1; then
      rm -f "$dir/$step.started" "$dir/$step.sh"
      echo "herd: setsid could not start $dir/$step.sh" >&2
      exit 1
    fi
  fi
  printf '%s\n' "$mode" >"$dir/$step.started"
else
  outcome=existing
fi
# The runner writes its pid first thing; wait for it (or for its status: it may be done already).
i=0
while [ ! -s "$dir/$step.pid" ] && [ ! -e "$dir/$step.status" ] && [ "$i" -lt 300 ]; do
  sleep 0.1
  i=$((i + 1))
done
while [ ! -s "$dir/$step.started" ] && [ "$i" -lt 300 ]; do
  sleep 0.1
  i=$((i + 1))
done
printf '%s %s %s\n' "$outcome" "$(cat "$dir/$step.started")" "$(cat "$dir/$step.pid" 2>/dev/null)"
