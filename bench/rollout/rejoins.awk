# Galera rejoin stalls, from MariaDB's journals (journalctl -u mariadb -o short-precise) of the
# members: for each member that rejoined (another member logs "remote endpoint tcp://ADDRESS:PORT
# changed identity"), the seconds from that line to the next "Quorum results" in the same
# journal, which ends the new Primary view's state exchange. Galera delivers no write-set in
# between, so every member holds its commits that long. Prints "ADDRESS SECONDS" per rejoin, in
# the order of the journals given; a rejoin seen by several journals is counted once.
# Usage: awk -f rejoins.awk MEMBER-JOURNAL...
function seconds(clock, part) {
  split(clock, part, ":")
  return part[1] * 3600 + part[2] * 60 + part[3]
}
FNR == 1 { pending = "" }
/ changed identity / {
  if (match($0, /tcp:\/\/[0-9.]+:/)) {
    address = substr($0, RSTART + 6, RLENGTH - 7)
    if (!(address in seen)) {
      seen[address] = 1
      pending = address
      since = seconds($3)
    }
  }
  next
}
pending != "" && /Quorum results/ {
  printf "%s %.1f\n", pending, seconds($3) - since
  pending = ""
}
