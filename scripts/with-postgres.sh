#!/usr/bin/env bash
# Starts a throw-away PostgreSQL on a free port of 127.0.0.1, runs the given command with
# COHORT_TEST_POSTGRES_URL and PG_URL_BASE set, and removes the server afterwards,
# whatever happens. PostgreSQL refuses to run as root, so the server runs as an
# unprivileged user.
#   scripts/with-postgres.sh swift test
set -euo pipefail

find_pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

PG_BIN=$(find_pg_bin || true)
if [ -z "$PG_BIN" ]; then
  echo "with-postgres: installing PostgreSQL from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  PG_BIN=$(find_pg_bin)
fi

PG_USER=postgres
if ! id "$PG_USER" >/dev/null 2>&1; then
  PG_USER=cohortpg
  id "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
fi

as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}

PG_DIR=$(mktemp -d /tmp/cohort-pg.XXXXXX)
chmod 700 "$PG_DIR"
[ "$(id -u)" = "0" ] && chown "$PG_USER" "$PG_DIR"
PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap cleanup EXIT INT TERM

as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U cohort -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
  -o "-p $PG_PORT -h 127.0.0.1 -k $PG_DIR -c max_connections=300 -c fsync=off" start >/dev/null
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U cohort cohort

export PG_URL_BASE="postgres://cohort@127.0.0.1:$PG_PORT"
export COHORT_TEST_POSTGRES_URL="$PG_URL_BASE/cohort?tlsmode=disable"
echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT" >&2
"$@"
