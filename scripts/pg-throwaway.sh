#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL 15 for tests and CI.
#   scripts/pg-throwaway.sh start DIR PORT   -> prints the DATABASE_URL
#   scripts/pg-throwaway.sh stop DIR
#   scripts/pg-throwaway.sh restart DIR      (fast shutdown, then start with the same settings)
# Durability is off by default (fsync=off, synchronous_commit=off: fast tests). PG_DURABLE=1 keeps PostgreSQL's
# defaults (fsync on), as production runs, for benchmarks.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?data directory}
bin=/usr/lib/postgresql/15/bin
run_as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
  start)
    port=${3:?port}
    mkdir -p "$dir"
    [[ $(id -u) == 0 ]] && chown postgres:postgres "$dir"
    if [[ ! -f "$dir/PG_VERSION" ]]; then
      run_as_postgres "$bin/initdb" -D "$dir" -U postgres --auth=trust >/dev/null
    fi
    durability="-c fsync=off -c synchronous_commit=off"
    [[ ${PG_DURABLE:-} == 1 ]] && durability=""
    run_as_postgres "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir $durability -c max_connections=200" -w start >/dev/null
    run_as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qAtc "create database flowtab" >/dev/null 2>&1 || true
    echo "postgres://postgres@127.0.0.1:$port/flowtab"
    ;;
  stop)
    run_as_postgres "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  restart)
    run_as_postgres "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -m fast -w restart >/dev/null
    ;;
  *) echo "usage: $0 start DIR PORT | stop DIR | restart DIR" >&2; exit 2 ;;
esac
