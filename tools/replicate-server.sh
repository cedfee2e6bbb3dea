#!/usr/bin/env bash
# Serves every live database under PARENT_DIR to replicas (Xapian's own replication, DESIGN §7).
# Run it on the publishing machine. Publish with XAPIAN_MAX_CHANGESETS set (madoguchi publish and
# rollback set 100 unless the environment says otherwise) so that replicas get changesets, not
# full copies.
#
#   tools/replicate-server.sh PARENT_DIR [PORT=7010] [INTERFACE=0.0.0.0]
#   e.g. PARENT_DIR=/srv/madoguchi with the live database at /srv/madoguchi/live
set -euo pipefail
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 PARENT_DIR [PORT] [INTERFACE]   (PARENT_DIR holds the live database directories)" >&2
  exit 2
fi
exec xapian-replicate-server -I "${3:-0.0.0.0}" -p "${2:-7010}" "$1"
