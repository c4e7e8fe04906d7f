#!/usr/bin/env bash
# Time from starting `bin/analyzer shell FILE` to its first prompt on a real terminal (tmux's
# pseudo-terminal): each run starts a fresh tmux server, polls the screen every 5 ms until the
# prompt is drawn, then quits. Prints each run and the minimum, median and maximum.
# Usage: bench/console-startup.sh [RUNS] [FILE]   (default 10 runs on samples/greeting.pcap)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-10}"
FILE="${2:-$ROOT/samples/greeting.pcap}"
command -v tmux >/dev/null || { echo "console-startup: needs tmux (apt-get install tmux)" >&2; exit 3; }
"$ROOT/bin/build-if-needed"
T="tmux -L tcplab-startup-bench -f /dev/null"
name="$(basename "$FILE")"
times=()
for i in $(seq "$RUNS"); do
  $T kill-server 2>/dev/null || true
  start=$(date +%s%N)
  $T new-session -d -x 160 -y 40 "TCPLAB_HISTORY=/dev/null $ROOT/bin/analyzer shell $FILE; sleep 5"
  until $T capture-pane -p 2>/dev/null | grep -qF "$name ("; do sleep 0.005; done
  end=$(date +%s%N)
  $T kill-server 2>/dev/null || true
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
n=${#sorted[@]}
echo "first prompt of 'analyzer shell $name': min ${sorted[0]} ms, median ${sorted[$((n / 2))]} ms, max ${sorted[$((n - 1))]} ms over $n runs"
