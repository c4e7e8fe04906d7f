#!/usr/bin/env bash
# The lab network's emulated wire, measured against what it was told (needs root: the lab makes
# its namespaces). Each row runs `lab --net wan` with one impairment and a bulk transfer, and
# reads the achieved figure from the captures on both sides of the wire (router-b before it,
# server after it) and from the wire's own counters:
#   delay   one-way time of each frame router-b -> server (frames matched by IP id, seq and length),
#           under light load and with the wire at its forwarding limit (frames then queue in it)
#   loss    frames lost / frames received by the wire, toward the server
#   rate    the server's payload bytes over the time from its first to its last data segment
#   forward frames per second the wire passed toward the server with no impairment at all
#
#   sudo bench/link-emulator.sh        (BYTES, default 20M, per transfer)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BYTES="${BYTES:-20M}"
OUT="$ROOT/bench/out/link"
command -v tshark >/dev/null || { echo "link-emulator: tshark is missing (apt-get install tshark)" >&2; exit 3; }
[ "$(id -u)" = 0 ] || { echo "link-emulator: needs root for the lab's namespaces: sudo bench/link-emulator.sh" >&2; exit 4; }
"$ROOT/bin/build-if-needed"

# lab OPTIONS...: runs bulk over the network into $OUT/NAME, keeps the lab's log
lab() {
  local name="$1"; shift
  rm -rf "$OUT/$name"
  "$ROOT/bin/traffic-gen" lab --out "$OUT/$name" --net wan "$@" bulk --bytes "${SIZE:-$BYTES}" > "$OUT/$name.log" 2>&1
}
delay() { # name, label: one-way delays router-b -> server
  awk 'NR == FNR { t[$1 " " $2 " " $3] = $4; next } ($1 " " $2 " " $3) in t { printf "%.6f\n", ($4 - t[$1 " " $2 " " $3]) * 1000 }' \
    <(fields "$OUT/$1/bulk-router-b.pcap") <(fields "$OUT/$1/bulk-server.pcap") | sort -n |
    awk -v label="$2" '{ v[NR] = $1; s += $1 } END { printf "| %s | 10.000 ms | median %.3f ms, mean %.3f, 99th percentile %.3f (%d frames) | router-b and server captures |\n", label, v[int(NR / 2) + 1], s / NR, v[int(NR * 0.99)], NR }'
}
fields() { # pcap: one line per TCP frame toward the server: key time
  tshark -r "$1" -Y "tcp && ip.dst == 198.18.2.2" -T fields -e ip.id -e tcp.seq_raw -e tcp.len -e frame.time_epoch 2>/dev/null
}
mkdir -p "$OUT"
echo "| impairment | configured | achieved | from |"
echo "|---|---|---|---|"

SIZE=256K lab delay --delay 20ms
delay delay "delay, one way (256 KiB: slow start, light load)"
lab delay-loaded --delay 20ms
delay delay-loaded "delay, one way ($BYTES: at the forwarding limit)"

for loss in 1% 5%; do
  lab "loss-$loss" --loss "$loss" --seed 11
  sed -n 's/.*router to server: received \([0-9]*\), lost \([0-9]*\).*/\1 \2/p' "$OUT/loss-$loss.log" |
    awk -v c="$loss" '{ printf "| loss | %s | %.2f %% (%d of %d frames) | the wire'"'"'s counters |\n", c, 100 * $2 / $1, $2, $1 }'
done

lab burst --loss 2% --burst 4 --seed 11
sed -n 's/.*router to server: received \([0-9]*\), lost \([0-9]*\).*/\1 \2/p' "$OUT/burst.log" |
  awk '{ printf "| loss in bursts of 4 (Gilbert-Elliott) | 2%% | %.2f %% (%d of %d frames) | the wire'"'"'s counters |\n", 100 * $2 / $1, $2, $1 }'

lab rate --rate 10mbit --queue 64
tshark -r "$OUT/rate/bulk-server.pcap" -Y "tcp.len > 0 && ip.dst == 198.18.2.2" -T fields -e frame.time_epoch -e tcp.len 2>/dev/null |
  awk 'NR == 1 { first = $1 } { last = $1; bytes += $2 + 54 } END { printf "| rate (queue 64) | 10 Mbit/s | %.2f Mbit/s on the wire (%.1f s) | server capture |\n", bytes * 8 / (last - first) / 1e6, last - first }'
sed -n 's/.*router to server: received \([0-9]*\), lost [0-9]*, queue drops \([0-9]*\).*/\1 \2/p' "$OUT/rate.log" |
  awk '{ printf "| tail drops at the queue | (64 packets) | %d of %d frames | the wire'"'"'s counters |\n", $2, $1 }'

lab forward
tshark -r "$OUT/forward/bulk-server.pcap" -Y "ip.dst == 198.18.2.2" -T fields -e frame.time_epoch -e frame.len 2>/dev/null |
  awk 'NR == 1 { first = $1 } { last = $1; n++; bytes += $2 } END { printf "| forwarding, no impairment | | %.0f frames/s, %.0f Mbit/s (%d frames in %.2f s) | server capture |\n", n / (last - first), bytes * 8 / (last - first) / 1e6, n, last - first }'
