#!/usr/bin/env bash
# Re-measures everything docs/performance.md reports, on this machine, and redraws the plot.
# Takes about an hour and a half on 2 cores; each step writes its own file under docs/performance/.
#   docs/performance/measure.sh            # all of it
#   docs/performance/measure.sh headline   # only the 1M and 10M tables (also: events, queries, steps, jmh)
#   docs/performance/measure.sh naive      # the naive self-join with 25- and 10-minute budgets (not in all)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="docs/performance"
cd "$root"
# 10M events live in the JVM (the reference's copies) next to the engines' own.
export FUNNELQL_JAVA_OPTIONS="${FUNNELQL_JAVA_OPTIONS:--Xmx14g}"
what="${1:-all}"

note() { echo "== $(date -u +%H:%M:%S) $* (load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2; }

if [[ "$what" == all || "$what" == headline ]]; then
  rm -f "$out/events.csv"
  note "1M default"
  ./funnelql bench --events 1000000 --format markdown --output "$out/bench-1m.md" --csv "$out/events.csv"
  note "10M default"
  ./funnelql bench --events 10000000 --format markdown --output "$out/bench-10m.md" --csv "$out/events.csv"
fi
if [[ "$what" == all || "$what" == events ]]; then
  for n in 2000000 5000000; do
    note "$n events"
    ./funnelql bench --events "$n" --no-baselines --format markdown --output "$out/bench-$((n / 1000000))m.md" --csv "$out/events.csv"
  done
fi
if [[ "$what" == all || "$what" == queries ]]; then
  for query in checkout_clickhouse visits daily; do
    note "$query"
    baselines=()
    [[ "$query" == checkout_clickhouse ]] && baselines=(--no-baselines)
    ./funnelql bench --events 1000000 --query "$query" "${baselines[@]}" --format markdown --output "$out/bench-1m-$query.md"
  done
fi
if [[ "$what" == all || "$what" == steps ]]; then
  rm -f "$out/steps.csv"
  for k in 2 3 4 8 12 16 24 32; do
    note "$k steps"
    ./funnelql bench --events 1000000 --steps "$k" --format csv --csv "$out/steps.csv" >/dev/null
  done
fi
if [[ "$what" == naive ]]; then
  # Not part of "all": up to 25 + 20 minutes, to see how far past the 120 s budget the naive SQL is.
  note "10M naive, 25-minute budget"
  ./funnelql bench --events 10000000 --engines duckdb --no-reference --variants generated,self-join --runs 1 \
    --timeout 1500 --format markdown --output "$out/bench-10m-naive-duckdb.md"
  note "2M naive, 10-minute budget"
  ./funnelql bench --events 2000000 --engines duckdb,postgres --no-reference --variants generated,self-join --runs 1 \
    --timeout 600 --format markdown --output "$out/bench-2m-naive.md"
fi
if [[ "$what" == all || "$what" == jmh ]]; then
  note "JMH"
  mvn -B -o -q -Pjmh -pl src/bench-jmh -am package -DskipTests
  java -cp "src/bench-jmh/target/classes:src/bench-jmh/target/lib/*" org.openjdk.jmh.Main -rf text -rff "$out/jmh.txt"
fi
python3 "$out/plot.py" "$out"
note done
