#!/usr/bin/env bash
# Installs what the tests need when it is missing, checks formatting, builds and runs every test.
# Usage: ./test.sh            (CI runs exactly this)
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required: https://dot.net" >&2; exit 1; }
if [ ${#need_apt[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
fi

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
