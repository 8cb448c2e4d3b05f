#!/usr/bin/env bash
# Runs every Cairn test on a fresh machine, installing what the tests need first:
#   Chromium (browser tests), a throwaway PostgreSQL cluster (the same feature tests on PostgreSQL).
# Usage: ./test.sh
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
need_package() {
  local command="$1" package="$2"
  if ! command -v "$command" >/dev/null 2>&1 && [ ! -x "$command" ]; then
    [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  fi
}

echo "== Installing test dependencies"
need_package chromium chromium
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ]; then
  need_package /usr/lib/postgresql/15/bin/initdb postgresql
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

echo "== Starting a throwaway PostgreSQL cluster"
pg_dir=$(mktemp -d /tmp/cairn-pg.XXXXXX)
pg_port=${CAIRN_TEST_PG_PORT:-55432}
run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$pg_dir"
run_pg "$pg_bin/initdb -D $pg_dir/data -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
run_pg "$pg_bin/pg_ctl -D $pg_dir/data -l $pg_dir/log -o '-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300' -w start" >/dev/null
stop_pg() { run_pg "$pg_bin/pg_ctl -D $pg_dir/data -m fast stop" >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT
export CAIRN_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Include Error Detail=true"

echo "== Building"
dotnet tool restore >/dev/null
# The build checks code style and layout too (EnforceCodeStyleInBuild, .editorconfig): a style slip fails here.
dotnet build Cairn.slnx -c Release -warnaserror --nologo -v quiet

results=$(mktemp -d /tmp/cairn-results.XXXXXX)
run_tests() {
  local name="$1"; shift
  echo "== $name"
  dotnet test "$@" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results"
}
run_tests domain tests/Cairn.Domain.Tests
CAIRN_TEST_PROVIDER=Sqlite run_tests web-sqlite tests/Cairn.Web.Tests
CAIRN_TEST_PROVIDER=PostgreSql run_tests web-postgresql tests/Cairn.Web.Tests --filter "Category!=Browser"

# One closing line across all runs.
passed=0; failed=0
for trx in "$results"/*.trx; do
  p=$(grep -o 'passed="[0-9]*"' "$trx" | head -n 1 | grep -o '[0-9]*'); f=$(grep -o 'failed="[0-9]*"' "$trx" | head -n 1 | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
rm -rf "$results"
echo "Tests: $passed passed, $failed failed"
[ "$failed" = 0 ]
