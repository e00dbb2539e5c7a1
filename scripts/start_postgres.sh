#!/usr/bin/env bash
# Start (or stop) a throwaway PostgreSQL cluster on 127.0.0.1 for tests and CI.
#
#   scripts/start_postgres.sh DIR [PORT]   initdb in DIR (if new), start on PORT (default: a free
#                                          port), create database "pipeline"; prints the URL
#   scripts/start_postgres.sh --stop DIR   stop it (then remove DIR yourself)
#
# Uses Debian's postgresql (apt-get install postgresql): binaries in /usr/lib/postgresql/*/bin,
# or $PG_BIN. Run as root, the cluster is owned by the `postgres` OS user (initdb refuses root).
# Authentication is `trust` on loopback only: for tests, never for real data.
set -euo pipefail

pg_bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [[ -z "$pg_bin" || ! -x "$pg_bin/initdb" ]]; then
    echo "PostgreSQL binaries not found: apt-get install postgresql, or set PG_BIN" >&2
    exit 3
fi

as_owner() {
    if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [[ "${1:-}" == "--stop" ]]; then
    dir="${2:?usage: $0 --stop DIR}"
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    exit 0
fi

dir="${1:?usage: $0 DIR [PORT]}"
port="${2:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
mkdir -p "$dir"
if [[ "$(id -u)" == 0 ]]; then chown postgres: "$dir"; fi
if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    as_owner "$pg_bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
fi
as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
as_owner "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U postgres pipeline 2>/dev/null || true
echo "postgresql://postgres@127.0.0.1:$port/pipeline"
