#!/usr/bin/env bash
# Runs two builds of the analyzer over every sample and every corpus capture and diffs their output:
# read (JSONL, JSONL with checksums, text), conns (text, JSONL) and conv. Prints one line per
# capture and command that differ, then the count; exit 1 when anything differs.
#
#   bench/output-diff.sh BASE_REF            builds BASE_REF (a commit) in a temporary worktree
#   bench/output-diff.sh --jar OLD.jar       compares with a jar already built
#   COMMANDS="read-jsonl" bench/output-diff.sh ...   only some of: read-jsonl read-jsonl-checksums read-text conns-text conns-jsonl conv
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CORPUS="${CORPUS:-$ROOT/../shared/corpus}"
if [ "${1:-}" = --jar ]; then
  OLD="$2"
else
  ref="${1:?usage: bench/output-diff.sh BASE_REF | --jar OLD.jar}"
  wt="$(mktemp -d)"
  trap 'git -C "$ROOT" worktree remove --force "$wt" >/dev/null 2>&1 || true' EXIT
  git -C "$ROOT" worktree add --detach "$wt" "$ref" >/dev/null
  (cd "$wt" && mvn -q -o -B install -DskipTests >/dev/null) || (cd "$wt" && mvn -q -B install -DskipTests >/dev/null)
  OLD="$wt/analyzer/target/analyzer-all.jar"
fi
"$ROOT/bin/build-if-needed"
NEW="$ROOT/analyzer/target/analyzer-all.jar"
COMMANDS="${COMMANDS:-read-jsonl read-jsonl-checksums read-text conns-text conns-jsonl conv}"
args() {
  case "$1" in
    read-jsonl) echo "read --format jsonl" ;;
    read-jsonl-checksums) echo "read --format jsonl --checksums" ;;
    read-text) echo "read" ;;
    conns-text) echo "conns" ;;
    conns-jsonl) echo "conns --format jsonl" ;;
    conv) echo "conv" ;;
  esac
}
a="$(mktemp)"; b="$(mktemp)"
files=$( (ls "$ROOT"/samples/*.pcap; find "$CORPUS" -path "$CORPUS/expected" -prune -o -type f \( -name '*.pcap' -o -name '*.pcapng' \) -print) | sort)
n=0; differ=0
for f in $files; do
  for c in $COMMANDS; do
    read -r -a cmd <<<"$(args "$c")"
    java -jar "$OLD" "${cmd[0]}" "$f" "${cmd[@]:1}" >"$a" 2>&1 || true
    java -jar "$NEW" "${cmd[0]}" "$f" "${cmd[@]:1}" >"$b" 2>&1 || true
    n=$((n + 1))
    if ! cmp -s "$a" "$b"; then
      differ=$((differ + 1))
      echo "differs: $c ${f#"$ROOT/"}"
    fi
  done
done
rm -f "$a" "$b"
echo "$n runs, $differ differ"
[ "$differ" = 0 ]
