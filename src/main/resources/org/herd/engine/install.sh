#!/bin/sh
# herd's install step, run detached on the host (org.herd.engine.AptStepActions).
# Usage: sh -c SCRIPT herd-install "UPGRADED NAMES" "NEW NAMES" apt-get ARG...
# 'apt-get install PKG=VERSION' marks every package it is given as manually installed; an upgrade
# must not change that, so the automatic marks of the upgraded packages are put back, and new
# packages (dependencies the upgrade pulls in) are marked automatic, as dist-upgrade leaves them.
set -u
upgraded=$1
new=$2
shift 2
# shellcheck disable=SC2086 # package names, validated by herd: split on purpose
automatic=$(apt-mark showauto $upgraded 2>/dev/null)
"$@"
status=$?
if [ "$status" -eq 0 ]; then
  # shellcheck disable=SC2086
  [ -z "$automatic$new" ] || apt-mark auto $automatic $new >/dev/null
fi
exit "$status"
