#!/usr/bin/env bash
# Measures llmleak's speed the way the README quotes it, on a machine of
# yours: for each corpus, the parse-only floor and the whole analysis
# (go test benchmarks), then whole-process figures of the CLI (wall time
# and peak resident memory, from /usr/bin/time when installed): a full
# scan and a one-file re-scan (what the pre-commit hook does). Runs
# alternate, and every figure is the median of the runs, with ratios
# taken within this one run: shared machines are noisy.
#
# Usage: scripts/bench.sh [-n RUNS] [NAME=DIR ...]
#   -n RUNS    runs per measurement (default 5)
#   NAME=DIR   corpora (default: Django and the CPython standard library
#              from Debian's python3-django and python3, when installed;
#              add a large project of yours, e.g. saleor=~/src/saleor)
#
# Prints one table; exit status 0, or 2 on bad arguments or no corpus.
set -euo pipefail

runs=5
if [ "${1:-}" = "-n" ]; then
  runs=${2:?-n needs a number}
  shift 2
fi
case "$runs" in '' | *[!0-9]* | 0) echo "bench.sh: -n: not a positive number: $runs" >&2; exit 2 ;; esac

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
corpora=("$@")
if [ ${#corpora[@]} -eq 0 ]; then
  for pair in Django=/usr/lib/python3/dist-packages/django Stdlib=/usr/lib/python3.11; do
    [ -d "${pair#*=}" ] && corpora+=("$pair")
  done
fi
if [ ${#corpora[@]} -eq 0 ]; then
  echo "bench.sh: no corpus (install python3-django, or name one: NAME=DIR)" >&2
  exit 2
fi
for pair in "${corpora[@]}"; do
  case "$pair" in
    *=*) [ -d "${pair#*=}" ] || { echo "bench.sh: ${pair#*=}: not a directory" >&2; exit 2; } ;;
    *) echo "bench.sh: $pair: want NAME=DIR" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$here" && go build -o "$work/llmleak" ./cmd/llmleak && go test -c -o "$work/bench.test" ./analyzer)
joined=$(IFS=,; echo "${corpora[*]}")

# median reads numbers, one per line, and prints their median.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# timed OUT CMD...: run CMD, append "seconds maxrss_kb" to OUT.
timed() {
  local out=$1
  shift
  local status=0
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || status=$?
    tail -n1 "$work/time" >>"$out"
  else
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>"$work/stderr" || status=$?
    t1=$(date +%s%N)
    echo "$(((t1 - t0) / 1000000)).0e-3 0" >>"$out"
  fi
  if [ "$status" -gt 1 ]; then
    echo "bench.sh: $* failed (exit $status):" >&2
    cat "$work/stderr" >&2
    exit 2
  fi
}

for ((i = 0; i < runs; i++)); do
  # The analyzer package's directory holds its test data, as go test expects.
  (cd "$here/analyzer" && LLMLEAK_BENCH_CORPORA="$joined" "$work/bench.test" -test.run '^$' \
    -test.bench 'Pipeline|ParseOnly' -test.benchtime 1x) >>"$work/go.txt"
  for pair in "${corpora[@]}"; do
    name=${pair%%=*}
    dir=${pair#*=}
    one=$(find "$dir" -name '*.py' -type f | LC_ALL=C sort | sed -n 1p)
    timed "$work/$name.full" "$work/llmleak" scan --exit-zero --quiet --format json -o "$work/report.json" "$dir"
    timed "$work/$name.one" "$work/llmleak" scan --exit-zero --quiet --format json -o "$work/report.json" --root "$dir" "$one"
  done
done

printf '%-12s %10s %10s %8s %10s %10s %10s\n' corpus "floor s" "analysis s" ratio "CLI full s" "one file s" "peak MiB"
for pair in "${corpora[@]}"; do
  name=${pair%%=*}
  floor=$(awk -v b="BenchmarkParseOnly/$name-" 'index($1, b) == 1 { print $3 / 1e9 }' "$work/go.txt" | median)
  full=$(awk -v b="BenchmarkPipeline/$name-" 'index($1, b) == 1 { print $3 / 1e9 }' "$work/go.txt" | median)
  cli=$(cut -d' ' -f1 "$work/$name.full" | median)
  one=$(cut -d' ' -f1 "$work/$name.one" | median)
  rss=$(cut -d' ' -f2 "$work/$name.full" | median)
  printf '%-12s %10.2f %10.2f %7.2fx %10.2f %10.2f %10.0f\n' "$name" "$floor" "$full" \
    "$(awk -v a="$full" -v b="$floor" 'BEGIN { print (b > 0 ? a / b : 0) }')" "$cli" "$one" \
    "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
done
echo "medians of $runs runs; ratio = whole analysis / parse-only floor, same run"
