#!/usr/bin/env bash
# The request path every feature runs on: an authenticated one-record API read (GET /api/contacts/{id} with a
# bearer token) against a bare Kestrel app answering "hello" (bench/Hello), both Release builds, measured in the
# same run under the same load. This shared machine's speed drifts by a fifth between minutes, so the two are
# measured in turns (ROUNDS times, default 3) and the ratio is the median of the rounds' ratios.
# Needs wrk, curl, python3.
# Usage: bash bench/request-path.sh        (CONNECTIONS=64 DURATION=10s ROUNDS=3 by default)
port=${PORT:-5297}
connections=${CONNECTIONS:-64}
duration=${DURATION:-10s}
rounds=${ROUNDS:-3}
source "$(dirname "$0")/lib.sh"

contact=$(curl -sf -X POST "$base/api/contacts" -H "$auth" -H 'content-type: application/json' \
  -d '{"firstName":"Aino","lastName":"Virtanen","email":"aino@example.org","honorific":"H.E.","organization":{"name":"Embassy of Finland","type":"Embassy","country":"FI"},"category":"Diplomatic corps"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
cat >"$work/auth.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
LUA

declare -A urls=([hello]="$hello_base/" [contact]="$base/api/contacts/$contact" [health-live]="$base/health/live")
declare -A args=([hello]="" [contact]="-s $work/auth.lua" [health-live]="")

# Warm-up: pools, caches and the JIT. Under full load on 2 cores the optimising JIT needs about 10 s to reach the
# steady state (a fresh server runs the first seconds at half speed), so each warms up for 15 s.
for label in hello contact health-live; do
  wrk -t2 -c"$connections" -d"${WARMUP:-15s}" ${args[$label]} "${urls[$label]}" >/dev/null
done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); .NET $(dotnet --version); $connections connections, $rounds rounds of $duration"
for round in $(seq 1 "$rounds"); do
  for label in hello contact health-live; do
    wrk -t2 -c"$connections" -d"$duration" --latency ${args[$label]} "${urls[$label]}" >"$work/$label.$round.txt"
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/$label.$round.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$work/$label.$round.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$work/$label.$round.txt")
    printf 'round %s  %-12s %10s req/s   p50 %8s   p99 %8s\n' "$round" "$label" "$rps" "$p50" "$p99"
    echo "$rps" >"$work/$label.$round.rps"
  done
done
python3 - "$work" "$rounds" <<'PY'
import statistics, sys
w, rounds = sys.argv[1], int(sys.argv[2])
r = lambda n, i: float(open(f"{w}/{n}.{i}.rps").read())
for label, text in (("contact", "authenticated one-record read"), ("health-live", "/health/live (Chancery's middleware, no auth, no database)")):
    ratios = [r(label, i) / r("hello", i) for i in range(1, rounds + 1)]
    print(f"{text} / hello: median {statistics.median(ratios):.3f}x (rounds: {', '.join(f'{x:.3f}' for x in ratios)})")
PY
