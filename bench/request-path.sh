#!/usr/bin/env bash
# The request path every feature runs on: an authenticated one-record API read (GET /api/contacts/{id} with a
# bearer token) against a bare Kestrel app answering "hello" (bench/Hello), both Release builds, measured in the
# same run under the same load. Needs wrk, curl, python3.
# Usage: bash bench/request-path.sh        (CONNECTIONS=64 DURATION=15s by default)
port=${PORT:-5297}
connections=${CONNECTIONS:-64}
duration=${DURATION:-15s}
source "$(dirname "$0")/lib.sh"

contact=$(curl -sf -X POST "$base/api/contacts" -H "$auth" -H 'content-type: application/json' \
  -d '{"firstName":"Aino","lastName":"Virtanen","email":"aino@example.org","honorific":"H.E."}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
cat >"$work/auth.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
LUA

run() { # label, url, [wrk args...]
  local label=$1 url=$2; shift 2
  # Warm-up: pools, caches and the JIT. Under full load on 2 cores the optimising JIT needs about 10 s to reach the
  # steady state (the first seconds of a fresh server run at half speed), so the warm-up is 15 s.
  wrk -t2 -c"$connections" -d"${WARMUP:-15s}" "$@" "$url" >/dev/null
  wrk -t2 -c"$connections" -d"$duration" --latency "$@" "$url" >"$work/$label.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$label.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/$label.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/$label.txt")
  printf '%-44s %10s req/s   p50 %8s   p99 %8s\n' "$label" "$rps" "$p50" "$p99"
  echo "$rps" >"$work/$label.rps"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); .NET $(dotnet --version); $connections connections, $duration"
run hello "$hello_base/"
run contact "$base/api/contacts/$contact" -s "$work/auth.lua"
run health-live "$base/health/live"
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
r = lambda n: float(open(f"{w}/{n}.rps").read())
print(f"authenticated one-record read / hello: {r('contact') / r('hello'):.3f}x")
print(f"/health/live (Chancery's middleware, no auth, no database) / hello: {r('health-live') / r('hello'):.3f}x")
PY
