#!/usr/bin/env bash
# Check-in benchmark (issue: at least a quarter of bare Kestrel's requests/s with p99 <= 20 ms at 64 connections,
# on SQLite): GUESTS guests (default 2,000) invited, their typed codes read from the invitations the app wrote
# (no SMTP host: .eml files in its data folder), then wrk scans them at 64 connections, each request a new scan
# with its own nonce (never one sent before: a nonce sent again is a station's retry, which the server answers as it
# did the first time): the first pass admits, every later one is "already checked in" (both paths are measured),
# on a server warmed up by scanning a second event's codes first.
# Against bench/Hello and the authenticated one-record read, in turns, in the same run. Needs wrk, curl, python3.
# Usage: bash bench/checkin.sh          (CONNECTIONS=64 DURATION=10s ROUNDS=3)
port=${PORT:-5294}
guests=${GUESTS:-2000}
connections=${CONNECTIONS:-64}
duration=${DURATION:-10s}
rounds=${ROUNDS:-3}
bench_env=(PublicBaseUrl=https://events.embassy.example Email__PollInterval=00:00:01)
source "$(dirname "$0")/lib.sh"

python3 - "$guests" >"$work/list.csv" <<'PY'
import sys
n = int(sys.argv[1])
print("Organization,OrganizationType,Country,FirstName,LastName,Email,Category")
for i in range(n):
    print(f'"Embassy of Country {i % 180}",Embassy,Country {i % 180},Guest,Number {i},g{i}@example.org,{"Diplomatic corps" if i % 3 else "Business"}')
PY
curl -sf -o /dev/null -H "$auth" -F "file=@$work/list.csv" "$base/api/contacts/import"
# Two events with the same guests: a warm-up reception whose codes warm the check-in path up (the JIT needs ~10 s
# under load on 2 cores), and the measured one, whose first round admits everyone on a warm server.
invite() { # $1 title, $2 date, $3 the number of mails to wait for; prints the event's id
  local id
  id=$(curl -sf -X POST "$base/api/events" -H "$auth" -H 'content-type: application/json' \
    -d "{\"title\":\"$1\",\"kind\":\"NationalDay\",\"startsAt\":\"$2\",\"timeZone\":\"Asia/Shanghai\",\"venue\":\"Residence\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  curl -sf -o /dev/null -X POST "$base/api/events/$id/guests" -H "$auth" -H 'content-type: application/json' -d '{"filter":{}}'
  curl -sf -o /dev/null -X POST "$base/api/events/$id/invitations" -H "$auth" -H 'content-type: application/json' -d '{}'
  for _ in $(seq 1 600); do
    [ "$(ls "$work/data/mail" 2>/dev/null | wc -l)" -ge "$3" ] && break
    sleep 0.5
  done
  echo "$id"
}
all_codes() { grep -h -o -a -E '^Code: [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}' "$work"/data/mail/*.eml | cut -c7- | sort -u; }
warm_event=$(invite "Warm-up reception" "2027-02-25T18:00" "$guests")
all_codes >"$work/warm-codes.txt"
event=$(invite "National Day reception" "2027-02-26T18:00" $((guests * 2)))
all_codes | comm -23 - "$work/warm-codes.txt" >"$work/codes.txt"
echo "codes read from the invitations: $(wc -l <"$work/codes.txt") (and $(wc -l <"$work/warm-codes.txt") to warm up with)"
contact=$(curl -sf -H "$auth" "$base/api/contacts?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')

for which in codes warm-codes; do
cat >"$work/$which.lua" <<LUA
local codes = {}
for line in io.lines("$work/$which.txt") do codes[#codes + 1] = line end
local n = 0
local thread_id = 0
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  n = id * 100003
  run = args[1] or "run"
end
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  local code = codes[(n % #codes) + 1]
  return wrk.format(nil, nil, nil, '{"code":"' .. code .. '","station":"Door ' .. id .. '","nonce":"' .. run .. '-' .. id .. '-' .. n .. '"}')
end
LUA
done
cat >"$work/auth.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
LUA

declare -A urls=([hello]="$hello_base/" [read]="$base/api/contacts/$contact" [checkin]="$base/api/events/$event/checkin" [warm]="$base/api/events/$warm_event/checkin")
declare -A args=([hello]="" [read]="-s $work/auth.lua" [checkin]="-s $work/codes.lua" [warm]="-s $work/warm-codes.lua")
for label in hello read warm; do
  wrk -t2 -c"$connections" -d"${WARMUP:-15s}" ${args[$label]} "${urls[$label]}" >/dev/null
done
# The first check-in round is the arrival itself: every code once (in its first fraction of a second at these
# rates), then again and again (already checked in).
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); .NET $(dotnet --version); $connections connections, $rounds rounds of $duration; SQLite unless BENCH_POSTGRES"
for round in $(seq 1 "$rounds"); do
  for label in hello read checkin; do
    wrk -t2 -c"$connections" -d"$duration" --latency ${args[$label]} "${urls[$label]}" -- "round$round" >"$work/$label.$round.txt"
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/$label.$round.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$work/$label.$round.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$work/$label.$round.txt")
    non2xx=$(awk '/Non-2xx/ {print $5}' "$work/$label.$round.txt")
    printf 'round %s  %-8s %10s req/s   p50 %8s   p99 %8s   %s\n' "$round" "$label" "$rps" "$p50" "$p99" "${non2xx:+non-2xx: $non2xx}"
    echo "$rps" >"$work/$label.$round.rps"
  done
done
admitted=$(curl -sf -H "$auth" "$base/api/events/$event/arrivals" | python3 -c 'import json,sys; print(json.load(sys.stdin)["arrived"])')
echo "admitted: $admitted of $guests guests (each once)"
python3 - "$work" "$rounds" <<'PY'
import statistics, sys
w, rounds = sys.argv[1], int(sys.argv[2])
r = lambda n, i: float(open(f"{w}/{n}.{i}.rps").read())
for label, text in (("checkin", "check-in"), ("read", "authenticated one-record read")):
    ratios = [r(label, i) / r("hello", i) for i in range(1, rounds + 1)]
    print(f"{text} / hello: median {statistics.median(ratios):.3f}x (rounds: {', '.join(f'{x:.3f}' for x in ratios)})")
PY
