#!/usr/bin/env bash
# Contacts benchmark: a 10,000-row import end to end (upload to response), and search over 20,000 people,
# each against a baseline measured in the same run (bench/Hello, bare Kestrel). Needs wrk, curl, python3.
# Usage: bash bench/contacts.sh            (results are printed; copy them into docs/performance.md)
port=${PORT:-5299}
source "$(dirname "$0")/lib.sh"

generate() { # $1 rows, $2 email prefix
  python3 - "$1" "$2" <<'PY'
import sys
n, prefix = int(sys.argv[1]), sys.argv[2]
first = ["Aino", "José", "ნინო", "رنا", "민준", "伟", "Olga", "Kwame", "Priya", "Ahmet"]
last = ["Virtanen", "Quispe Mamani", "ბერიძე", "الخطيب", "김", "王", "Ivanova", "Mensah", "Sharma", "Yılmaz"]
print("Organization,OrganizationType,Country,Honorific,FirstName,LastName,Position,DiplomaticRank,HeadOfMissionClass,CredentialsPresented,Email,Phone,Language,Category,Tags")
for i in range(n):
    hoc = "Ambassador" if i % 40 == 0 else ""
    print(f'"Embassy of Country {i % 180}",Embassy,Country {i % 180},{"H.E." if hoc else "Mr."},{first[i % 10]},{last[i % 10]} {prefix}{i},"Counsellor, political",Counsellor,{hoc},{"2020-01-15T10:30" if hoc else ""},{prefix}{i}@example.org,+1 555 {i:04d},en,Diplomatic corps,corps;list-{i % 7}')
PY
}
generate 10000 a >"$work/a.csv"
generate 10000 b >"$work/b.csv"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); $(dotnet --version)"

echo "== import of 10,000 new rows, end to end (run 1 is the first import after the app started: cold JIT; each run into a new mission)"
for run in 1 2 3 4 5; do
  mission=$(curl -sf -X POST "$base/api/missions" -H "$auth" -H 'content-type: application/json' -d "{\"name\":\"Bench $run\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  token=$(login)
  auth="Authorization: Bearer $token"
  curl -s -o "$work/import.json" -w "run $run: %{time_total} s, HTTP %{http_code}\n" -H "$auth" -F "file=@$work/a.csv" "$base/api/contacts/import?missionId=$mission"
done
echo "== re-import of the same 10,000 rows (all unchanged)"
curl -s -o /dev/null -w "%{time_total} s\n" -H "$auth" -F "file=@$work/a.csv" "$base/api/contacts/import?missionId=$mission"
curl -s -o /dev/null -H "$auth" -F "file=@$work/b.csv" "$base/api/contacts/import?missionId=$mission"
count=$(curl -sf -H "$auth" "$base/api/contacts?limit=1000" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
echo "people in the searched mission: 20000 (first page holds $count)"

cat >"$work/auth.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
LUA
echo "== baseline: bench/Hello (bare Kestrel), 1 connection, 10 s"
wrk -t1 -c1 -d10s --latency "$hello_base/" | grep -E "50%|99%|Requests/sec"
echo "== search 20,000 people: GET /api/contacts?q=mensah%20b42&limit=50, 1 connection, 10 s"
wrk -t1 -c1 -d10s --latency -s "$work/auth.lua" "$base/api/contacts?missionId=$mission&q=mensah%20b42&limit=50" | grep -E "50%|99%|Requests/sec"
echo "== search by script: GET /api/contacts?q=%E1%83%91%E1%83%94%E1%83%A0%E1%83%98%E1%83%AB%E1%83%94&limit=50 (Georgian), 1 connection, 10 s"
wrk -t1 -c1 -d10s --latency -s "$work/auth.lua" "$base/api/contacts?missionId=$mission&q=%E1%83%91%E1%83%94%E1%83%A0%E1%83%98%E1%83%AB%E1%83%94&limit=50" | grep -E "50%|99%|Requests/sec"
echo "== the directory's first page, no search: GET /api/contacts?missionId=…&limit=50, 1 connection, 10 s"
wrk -t1 -c1 -d10s --latency -s "$work/auth.lua" "$base/api/contacts?missionId=$mission&limit=50" | grep -E "50%|99%|Requests/sec"
echo "== baseline: bench/Hello (bare Kestrel), 16 connections, 10 s"
wrk -t2 -c16 -d10s --latency "$hello_base/" | grep -E "50%|99%|Requests/sec"
echo "== search, 16 connections, 10 s"
wrk -t2 -c16 -d10s --latency -s "$work/auth.lua" "$base/api/contacts?missionId=$mission&q=mensah%20b42&limit=50" | grep -E "50%|99%|Requests/sec"
