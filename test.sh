#!/usr/bin/env bash
# Installs what the tests need when it is missing, checks formatting, builds and runs every test.
# Usage: ./test.sh            (CI runs exactly this)
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required: https://dot.net" >&2; exit 1; }
# The browser tests drive Debian's Chromium (headless); fonts so screenshots show text.
if [ -z "${ATTUNE_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  need_apt+=(chromium fonts-dejavu-core fonts-liberation)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${need_apt[*]} from Debian…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "Missing ${need_apt[*]} and cannot install them here (needs root and apt-get): browser tests will fail." >&2
  fi
fi

# PostgreSQL for the App tests: use ATTUNE_TEST_POSTGRES when set; otherwise install it from Debian if missing and
# start a throw-away cluster on loopback (temp data dir, stopped on exit).
start_postgres() {
  [ -n "${ATTUNE_TEST_POSTGRES:-}" ] && return 0
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "Installing PostgreSQL from Debian…"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      echo "PostgreSQL is missing and cannot be installed here (needs root and apt-get): PostgreSQL tests will not run." >&2
      return 0
    fi
  fi
  # Globals, not locals: the EXIT trap needs them after this function returns.
  pg_as=() port=55432
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pgdata=$(mktemp -d /tmp/attune-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$pgdata"
    pg_as=(runuser -u postgres --)
  fi
  while (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
  "${pg_as[@]}" "$pg_bin/initdb" -D "$pgdata" -A trust -U postgres >/dev/null
  "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pgdata" -l "$pgdata/log" -w \
    -o "-p $port -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  trap '"${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1; rm -rf "$pgdata"' EXIT
  export ATTUNE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL test cluster on 127.0.0.1:$port"
}
start_postgres

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet restore Attune.slnx --verbosity quiet
dotnet format Attune.slnx --verify-no-changes --no-restore
dotnet build Attune.slnx -c Release --no-restore --verbosity quiet

log=$(mktemp)
set +e
dotnet test --solution Attune.slnx -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(awk '/succeeded:/ {print $2}' "$log" | tail -1)
failed=$(awk '/^ *failed:/ {print $2}' "$log" | tail -1)
skipped=$(awk '/skipped:/ {print $2}' "$log" | tail -1)
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
