#!/bin/bash
# The careful operator, scripted: how a sysadmin upgrades a cluster by hand when they do it well.
# Package lists refreshed on every member first (harmless, all at once); then one member at a
# time: apt-get dist-upgrade (dpkg stops and starts the service itself), wait until that member
# reports healthy, then until the whole cluster does, and only then the next member. Health is
# asked every half second, as `until CHECK; do sleep 0.5; done` would.
# Usage: careful-operator.sh KIND SSH_CONFIG MEMBER...   (KIND: etcd or galera)
set -u
kind=$1
ssh_config=$2
shift 2
members=("$@")
count=${#members[@]}

on() { ssh -F "$ssh_config" -o BatchMode=yes "$@"; }

# etcd: a quorum read through the member (etcdctl endpoint health); Galera: the member Synced and
# ready in a Primary component of every member (SHOW GLOBAL STATUS).
member_healthy() {
  case $kind in
    etcd) on "$1" 'etcdctl --endpoints=http://127.0.0.1:2379 endpoint health' ;;
    galera)
      [ "$(on "$1" "mariadb -N -B -e \"SHOW GLOBAL STATUS WHERE Variable_name IN
          ('wsrep_cluster_status', 'wsrep_cluster_size', 'wsrep_local_state_comment', 'wsrep_ready')\"" \
        | sort | tr '\t\n' '= ')" = "wsrep_cluster_size=$count wsrep_cluster_status=Primary wsrep_local_state_comment=Synced wsrep_ready=ON " ]
      ;;
    *) echo "operator: no health check for $kind" >&2; return 2 ;;
  esac
}

cluster_healthy() {
  case $kind in
    etcd) on "$1" 'etcdctl --endpoints=http://127.0.0.1:2379 endpoint health --cluster' ;;
    *) for m in "${members[@]}"; do member_healthy "$m" || return 1; done ;;
  esac
}

wait_for() {
  local deadline=$((SECONDS + 300))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "operator: gave up after 5 min waiting for: $*"
      return 1
    fi
    sleep 0.5
  done
}

echo "operator: apt-get update on ${members[*]}"
for m in "${members[@]}"; do on "$m" apt-get -q update >/dev/null & done
wait
for m in "${members[@]}"; do
  echo "operator: $m: apt-get dist-upgrade"
  on "$m" 'env DEBIAN_FRONTEND=noninteractive apt-get -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold -y dist-upgrade' >/dev/null || exit 1
  wait_for member_healthy "$m" || exit 1
  echo "operator: $m: healthy"
  wait_for cluster_healthy "$m" || exit 1
  echo "operator: $m: cluster healthy"
done
