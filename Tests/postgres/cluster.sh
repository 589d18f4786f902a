#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests: data, socket and log all in DIR, Unix socket only
# (listen_addresses=''), trust authentication, fsync off (nothing here must survive a power cut).
#
#   cluster.sh start DIR   # initdb if needed, start, create database `renewald`; prints the URL
#   cluster.sh stop DIR    # fast shutdown (the data stays in DIR until you remove it)
#   cluster.sh url DIR     # prints postgresql://postgres@/renewald?host=DIR
#
# initdb refuses to run as root, so as root the server runs as user `postgres` and DIR is handed to
# it; DIR's parents must then be searchable by that user (a mktemp -d directory itself is fine).
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
usage() { echo "usage: $0 start|stop|url DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
cmd=$1
mkdir -p "$2"
dir=$(cd "$2" && pwd)
url="postgresql://postgres@/renewald?host=$dir"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case $cmd in
  start)
    [ -x "$PGBIN/initdb" ] || { echo "no PostgreSQL 15 in $PGBIN (apt-get install postgresql-15)" >&2; exit 1; }
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres: "$dir"
      runuser -u postgres -- test -w "$dir" || { echo "user postgres cannot write $dir (check its parents' modes)" >&2; exit 1; }
    fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$PGBIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    # A generous start timeout: the machine running CI may be busy.
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    if ! as_owner "$PGBIN/psql" -h "$dir" -U postgres -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = 'renewald'" | grep -q 1; then
      as_owner "$PGBIN/createdb" -h "$dir" -U postgres renewald
    fi
    echo "$url"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 120 stop >/dev/null; fi
    ;;
  url) echo "$url" ;;
  *) usage ;;
esac
