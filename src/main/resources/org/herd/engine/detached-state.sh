# herd: where a detached step is (see org.herd.engine.DetachedCommand).
# $1 step directory, $2 step name. Prints "finished STATUS", "running", "lost" or "absent".
set -u
dir=$1
step=$2
alive() {
  pid=$(cat "$dir/$step.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] \
    && tr '\000' '\n' <"/proc/$pid/cmdline" | grep -qxF "$dir/$step.sh"
}
if [ -e "$dir/$step.status" ]; then
  printf 'finished %s\n' "$(cat "$dir/$step.status")"
elif alive; then
  echo running
elif [ -e "$dir/$step.status" ]; then
  # It finished between the two checks.
  printf 'finished %s\n' "$(cat "$dir/$step.status")"
elif [ -e "$dir/$step.started" ]; then
  echo lost
else
  echo absent
fi
