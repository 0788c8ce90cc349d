#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the classroom tests, in a temporary folder, owned by
# the 'postgres' user (initdb refuses root), listening on 127.0.0.1 only. Prints the connection
# string on stdout; stop it with: pg_ctl -D <folder> stop (the folder is printed on stderr).
# Needs Debian's postgresql package (apt-get install -y postgresql).
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed" >&2; exit 1; }
port=${PGTEST_PORT:-55432}
dir=$(mktemp -d /tmp/bbd-pg-XXXXXX)
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
run "'$bin/initdb' -D '$dir/data' -U postgres -A trust --no-sync -E UTF8" >/dev/null
run "'$bin/pg_ctl' -D '$dir/data' -l '$dir/log' -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off\" -w start" >/dev/null
run "'$bin/createdb' -h 127.0.0.1 -p $port -U postgres classroom_test"
echo "PostgreSQL test cluster in $dir (stop: su postgres -c \"$bin/pg_ctl -D $dir/data stop\")" >&2
echo "postgres://postgres@127.0.0.1:$port/classroom_test"
