#!/usr/bin/env bash
# Runs the npm vader-sentiment peer: installs vader-sentiment@1.1.3 into a temporary folder (never into the
# repository), then runs peer.js over the same corpus as `Attune.Bench listen`.
# Usage: bench/vader-peer/run.sh [DATA_DIR] [ROUNDS]    (DATA_DIR defaults to $ATTUNE_DATA or /work/shared/data)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${1:-${ATTUNE_DATA:-/work/shared/data}}"
rounds="${2:-5}"
command -v node >/dev/null || { echo "vader-peer: node is not installed" >&2; exit 2; }
command -v npm >/dev/null || { echo "vader-peer: npm is not installed" >&2; exit 2; }
tmp="$(mktemp -d -t attune-vader-peer-XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
npm install --prefix "$tmp" --no-audit --no-fund --silent vader-sentiment@1.1.3 >&2
NODE_PATH="$tmp/node_modules" node "$here/peer.js" "$data" "$rounds"
