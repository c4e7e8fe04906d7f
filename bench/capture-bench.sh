#!/usr/bin/env bash
# Live capture under load: a 2 GiB bulk TCP transfer on loopback in a private network namespace
# (MTU 1500, segmentation offloads off, so about 1.5 M real 1514-byte frames in a few seconds),
# captured once by `analyzer capture -w` with its defaults and once by `tcpdump -w` with its
# defaults. Prints packets captured and dropped by each. Needs root, ethtool and tcpdump.
#
#   bench/capture-bench.sh [BYTES]      (default 2G)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BYTES="${1:-2G}"
[ "$(id -u)" = 0 ] || { echo "capture-bench: needs root (network namespace, capture)" >&2; exit 4; }
for tool in ethtool tcpdump unshare; do
  command -v "$tool" >/dev/null || { echo "capture-bench: $tool is missing (apt-get install ethtool tcpdump)" >&2; exit 3; }
done
"$ROOT/bin/build-if-needed"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
export ROOT BYTES OUT
unshare -n bash -euo pipefail -c '
  ip link set lo up
  ip link set lo mtu 1500
  ethtool -K lo tso off gso off gro off >/dev/null 2>&1
  await() { for _ in $(seq 200); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.05; done; return 1; }
  run() { # name, command...
    local name="$1"; shift
    "$@" 2> "$OUT/$name.err" &
    local pid=$!
    await "$OUT/$name.err" "capturing on\|listening on"
    "$ROOT/bin/traffic-gen" bulk --bytes "$BYTES" --port 5001 > "$OUT/$name.bulk" 2>&1
    sleep 1.5
    kill -TERM $pid; wait $pid || true
  }
  run tcplab "$ROOT/bin/analyzer" capture -i lo -f "tcp port 5001" -w "$OUT/tcplab.pcap"
  run tcpdump tcpdump -i lo -w "$OUT/tcpdump.pcap" "tcp port 5001"
'
echo "load: $(grep -o "sent .*" "$OUT/tcplab.bulk")"
echo
echo "| capturer (defaults, writing the file) | packets captured | dropped by kernel | file |"
echo "|---|---|---|---|"
for name in tcplab tcpdump; do
  captured=$(grep -o '^[0-9]* packets captured' "$OUT/$name.err" | grep -o '^[0-9]*')
  dropped=$(grep -o '^[0-9]* packets dropped by kernel' "$OUT/$name.err" | grep -o '^[0-9]*')
  size=$(( $(stat -c %s "$OUT/$name.pcap") / 1000000 ))
  cmd=$([ "$name" = tcplab ] && echo 'analyzer capture -i lo -w FILE' || echo 'tcpdump -i lo -w FILE')
  echo "| \`$cmd\` | $captured | $dropped | $size MB |"
done
