# Reads one JSON list of nodeset arguments per line and prints, per line, one JSON object with
# what ClusterShell's `nodeset -f`, `-e` and `-c` print for them, computed the way
# ClusterShell/CLI/Nodeset.py computes them (each argument's lines are unioned), in one process.
import json
import sys

from ClusterShell.NodeSet import NodeSet, RESOLVER_NOGROUP

for line in sys.stdin:
    args = json.loads(line)
    try:
        xset = NodeSet(resolver=RESOLVER_NOGROUP)
        for arg in args:
            xset.update(NodeSet.fromlist(arg.splitlines(), resolver=RESOLVER_NOGROUP))
        result = {"fold": str(xset), "expand": " ".join(xset.striter()), "count": len(xset)}
    except Exception as exc:  # noqa: BLE001 - any failure is an error to compare
        result = {"error": "%s: %s" % (type(exc).__name__, exc)}
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
