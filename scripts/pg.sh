#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server:
#   bash scripts/pg.sh <command…>
#   PG_SERVER_OPTIONS='-c shared_buffers=1GB' bash scripts/pg.sh <command…>   (more server settings)
# Installs Debian's `postgresql` when its binaries are missing (apt-get as root, sudo otherwise),
# initialises a cluster in a temporary directory, starts it on a free port (TCP on 127.0.0.1 and
# a unix socket in that directory), creates the database `bianmin`, runs the command with
# DATABASE_URL pointing at it, then stops the server and deletes the directory, whatever the
# command's outcome. The command's exit status is the script's.
set -euo pipefail

log() { echo "[pg] $*" >&2; }

find_bin() {
	local dir
	for dir in /usr/lib/postgresql/*/bin; do
		if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then
			echo "$dir"
			return 0
		fi
	done
	return 1
}

ensure_postgres() {
	if PG_BIN=$(find_bin); then return; fi
	log "installing Debian's postgresql package"
	local sudo=""
	[ "$(id -u)" = 0 ] || sudo="sudo"
	$sudo apt-get update -qq >/dev/null
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
	PG_BIN=$(find_bin) || {
		log "PostgreSQL binaries not found after installing 'postgresql'"
		exit 1
	}
}

if [ $# -eq 0 ]; then
	echo "usage: bash scripts/pg.sh <command…>" >&2
	exit 2
fi

ensure_postgres

# initdb and postgres refuse to run as root: as root the cluster belongs to the `postgres` user
# the Debian package creates.
as_owner() { "$@"; }
if [ "$(id -u)" = 0 ]; then
	as_owner() { runuser -u postgres -- "$@"; }
fi

DIR=$(mktemp -d "${TMPDIR:-/tmp}/bianmin-pg-XXXXXX")
chmod 755 "$DIR"
[ "$(id -u)" = 0 ] && chown postgres: "$DIR"

cleanup() {
	as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A port nobody listens on now (the kernel picks it; the short race is harmless for tests).
PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")

as_owner "$PG_BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
	>"$DIR/initdb.log" 2>&1 || {
	cat "$DIR/initdb.log" >&2
	exit 1
}
# fsync off: the data is thrown away, and tests should not wait for disks. max_connections: each
# test file and app server holds its own pool.
as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
	-o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 ${PG_SERVER_OPTIONS:-}" \
	start >/dev/null || {
	cat "$DIR/server.log" >&2
	exit 1
}
"$PG_BIN/createdb" -h "$DIR" -p "$PORT" -U postgres bianmin

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/bianmin"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PORT ($DIR)"
set +e
"$@"
status=$?
set -e
exit $status
