#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL 15 for tests and CI.
#   scripts/pg-throwaway.sh start DIR [PORT]   -> prints the DATABASE_URL (no PORT, or 0: a free port)
#   scripts/pg-throwaway.sh stop DIR
# When it cannot start it prints one line "PostgreSQL could not start: <why>" on stderr and exits 1.
#   scripts/pg-throwaway.sh restart DIR      (fast shutdown, then start with the same settings)
# Durability is off by default (fsync=off, synchronous_commit=off: fast tests). PG_DURABLE=1 keeps PostgreSQL's
# defaults (fsync on), as production runs, for benchmarks.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?data directory}
bin=/usr/lib/postgresql/15/bin
run_as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
fail() { echo "PostgreSQL could not start: $*" >&2; exit 1; }

# A port nothing listens on (the kernel picks it), or "busy" when the given one is taken.
free_port() {
  node -e '
    const net = require("net"), wanted = Number(process.argv[1] || 0);
    const s = net.createServer();
    s.once("error", () => { process.stdout.write("busy"); });
    s.listen(wanted, () => { process.stdout.write(String(s.address().port)); s.close(); });
  ' "${1:-0}"
}

case "$cmd" in
  start)
    [[ -x $bin/initdb ]] || fail "$bin/initdb not found (apt-get install -y postgresql-15)"
    wanted=${3:-0}
    mkdir -p "$dir"
    [[ $(id -u) == 0 ]] && chown postgres:postgres "$dir"
    if [[ ! -f "$dir/PG_VERSION" ]]; then
      run_as_postgres "$bin/initdb" -D "$dir" -U postgres --auth=trust >/dev/null || fail "initdb failed in $dir"
    fi
    # A chosen port can be taken between the probe and the bind: then try another (an explicit one is not retried).
    durability="-c fsync=off -c synchronous_commit=off"
    [[ ${PG_DURABLE:-} == 1 ]] && durability=""
    for attempt in 1 2 3 4 5; do
      port=$(free_port "$wanted")
      [[ $port == busy ]] && fail "port $wanted is already in use"
      if run_as_postgres "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir $durability -c max_connections=200" \
        -w start >/dev/null 2>&1; then
        run_as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qAtc "create database flowtab" >/dev/null 2>&1 || true
        echo "postgres://postgres@127.0.0.1:$port/flowtab"
        exit 0
      fi
      if ! grep -q "could not bind\|Address already in use" "$dir/server.log" 2>/dev/null || [[ $wanted != 0 ]]; then
        fail "$(grep -E 'FATAL|ERROR' "$dir/server.log" 2>/dev/null | tail -1 || echo "pg_ctl start failed (see $dir/server.log)")"
      fi
      : >"$dir/server.log"
    done
    fail "no free port after 5 attempts"
    ;;
  stop)
    run_as_postgres "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  restart)
    run_as_postgres "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -m fast -w restart >/dev/null
    ;;
  *) echo "usage: $0 start DIR [PORT] | stop DIR | restart DIR" >&2; exit 2 ;;
esac
