#!/usr/bin/env bash
# Speed bar of issue 2: Attune's full Listener.Read vs npm vader-sentiment (1.1.3) on the same texts, same machine,
# one thread each. Prints both figures side by side, the ratio and the goal (>= 10x).
# Usage: bench/listen.sh [DATA_DIR] [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-${ATTUNE_DATA:-/work/shared/data}}"
rounds="${2:-5}"

echo "== Attune (bench/Attune.Bench listen) =="
attune_out="$(dotnet run -c Release --project "$root/bench/Attune.Bench" -- listen --data "$data" --rounds "$rounds")"
echo "$attune_out"
echo
echo "== npm vader-sentiment 1.1.3 (bench/vader-peer) =="
peer_out="$("$root/bench/vader-peer/run.sh" "$data" "$rounds")"
echo "$peer_out"
echo

attune="$(sed -n 's/^RESULT msg_per_s=//p' <<<"$attune_out")"
peer="$(sed -n 's/^RESULT msg_per_s=//p' <<<"$peer_out")"
bytes="$(sed -n 's/^bytes allocated\/message: //p' <<<"$attune_out")"
awk -v a="$attune" -v p="$peer" -v b="$bytes" 'BEGIN {
  ratio = a / p
  printf "%-34s %14s\n", "", "messages/second"
  printf "%-34s %14d   (%s B allocated/message)\n", "Attune Listener.Read (full)", a, b
  printf "%-34s %14d\n", "vader-sentiment polarity_scores", p
  printf "ratio: %.1fx   goal: >= 10x   %s\n", ratio, (ratio >= 10 ? "MET" : "NOT MET")
}'
