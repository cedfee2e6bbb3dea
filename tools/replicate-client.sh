#!/usr/bin/env bash
# Keeps a local replica of a live database up to date (run one per seat or per site server).
# Viewers and the CLI read REPLICA_PARENT/NAME; a new release arrives within about INTERVAL
# seconds. -r 0: no pause between changesets (the default 30 s is far too slow for releases).
#
#   tools/replicate-client.sh HOST PORT NAME REPLICA_PARENT [INTERVAL=1]
#   e.g. tools/replicate-client.sh publisher.example 7010 live /var/lib/madoguchi
#        madoguchi search --db /var/lib/madoguchi/live 発熱
# xapian-check wants REPLICA_PARENT/NAME/XAPIANDB (the replica is a stub over a versioned copy).
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: $0 HOST PORT NAME REPLICA_PARENT [INTERVAL]" >&2
  exit 2
fi
mkdir -p "$4"
exec xapian-replicate -h "$1" -p "$2" -m "$3" -i "${5:-1}" -r 0 "$4/$3"
