#!/usr/bin/env bash
# conns against tcpdump on the same file, interleaved run by run so that both see the same host
# load (a shared host's speed drifts within minutes).
#
#   bench/conns-bench.sh [CAPTURE]     (default: bench/out/big.pcap, made by bench/read-bench.sh)
#
# Prints min and median wall time and packets/s of each over ROUNDS (default 9) rounds, and the
# median CPU time (user + system): steadier than wall time on a shared host.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-9}"
FILE="${1:-$ROOT/bench/out/big.pcap}"
[ -f "$FILE" ] || { echo "conns-bench: $FILE is missing (bench/read-bench.sh makes it)" >&2; exit 3; }
command -v tcpdump >/dev/null && [ -x /usr/bin/time ] || { echo "conns-bench: needs tcpdump and time (apt-get install tcpdump time)" >&2; exit 3; }
"$ROOT/bin/build-if-needed"
packets=$(capinfos -c -M "$FILE" 2>/dev/null | awk -F': *' '/Number of packets/ {print $2}')
cat "$FILE" > /dev/null
t="$(mktemp)"; trap 'rm -f "$t"' EXIT
ours=() theirs=()
for _ in $(seq "$ROUNDS"); do
  /usr/bin/time -f "%e %U %S" -o "$t" "$ROOT/bin/analyzer" conns "$FILE" > /dev/null; ours+=("$(tail -1 "$t")")
  /usr/bin/time -f "%e %U %S" -o "$t" tcpdump -r "$FILE" -w /dev/null 2>/dev/null; theirs+=("$(tail -1 "$t")")
done
summary() { # name "wall user sys"...
  local name="$1"; shift
  local cpu
  cpu=$(printf '%s\n' "$@" | awk '{print $2 + $3}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%s\n' "$@" | sort -n | awk -v n="$name" -v p="$packets" -v c="$cpu" \
    '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "%-40s min %.2f s  median %.2f s  = %.2f M packets/s  (CPU %.2f s)\n", n, a[1], m, p/m/1e6, c}'
}
echo "$FILE: $packets packets, $ROUNDS interleaved rounds"
summary "bin/analyzer conns FILE > /dev/null" "${ours[@]}"
summary "tcpdump -r FILE -w /dev/null" "${theirs[@]}"
