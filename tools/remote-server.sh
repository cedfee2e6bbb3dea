#!/usr/bin/env bash
# Serves a database read-only over TCP for thin clients (Xapian's remote backend). Each client
# opens a stub file whose one line is "remote HOST:PORT" as its --db; --stub writes one.
#
#   tools/remote-server.sh DB PORT [INTERFACE=0.0.0.0] [--stub FILE [--host HOST]]
#   e.g. tools/remote-server.sh /var/lib/madoguchi/live 7020 0.0.0.0 --stub /srv/share/madoguchi.db --host site-a
#        madoguchi search --db /srv/share/madoguchi.db 発熱
# The server drops connections idle for 60 s; Madoguchi's readers reconnect by opening anew.
set -euo pipefail
args=()
stub="" host=""
while [ $# -gt 0 ]; do
  case "$1" in
    --stub) stub="$2"; shift 2 ;;
    --host) host="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
if [ ${#args[@]} -lt 2 ] || [ ! -e "${args[0]}" ]; then
  echo "usage: $0 DB PORT [INTERFACE] [--stub FILE [--host HOST]]" >&2
  exit 2
fi
db="${args[0]}" port="${args[1]}" iface="${args[2]:-0.0.0.0}"
if [ -n "$stub" ]; then
  [ -z "$host" ] && { [ "$iface" = 0.0.0.0 ] && host="$(hostname -f 2>/dev/null || hostname)" || host="$iface"; }
  printf 'remote %s:%s\n' "$host" "$port" > "$stub"
fi
exec xapian-tcpsrv --interface "$iface" --port "$port" "$db"
