# herd: stream a detached step's log from an offset until the step ends
# (see org.herd.engine.DetachedCommand). $1 step directory, $2 step name, $3 offset in bytes,
# $4 seconds between polls. The log goes to stdout byte for byte; exit 0 when the step finished
# (its status then ends stderr, as "finished STATUS", to spare a round trip), 3 when its runner is
# gone without a status (killed, host rebooted).
set -u
dir=$1
step=$2
off=$3
pause=$4
log="$dir/$step.log"
alive() {
  pid=$(cat "$dir/$step.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] \
    && tr '\000' '\n' <"/proc/$pid/cmdline" | grep -qxF "$dir/$step.sh"
}
while :; do
  # Decide first, read after: bytes written before the end are always streamed.
  if [ -e "$dir/$step.status" ]; then
    end=finished
  elif alive; then
    end=
  elif [ -e "$dir/$step.status" ]; then
    end=finished
  else
    end=lost
  fi
  size=$(stat -c %s "$log" 2>/dev/null || echo 0)
  if [ "$size" -gt "$off" ]; then
    tail -c +"$((off + 1))" "$log" | head -c "$((size - off))"
    off=$size
  fi
  case $end in
    finished)
      printf 'finished %s\n' "$(cat "$dir/$step.status")" >&2
      exit 0
      ;;
    lost) exit 3 ;;
  esac
  sleep "$pause"
done
