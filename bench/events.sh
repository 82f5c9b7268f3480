#!/usr/bin/env bash
# Events benchmark: reading a 300-guest list in order of precedence (the computation behind the guest list,
# receiving line, seating plan and door list), against reading it by name and against bench/Hello (bare Kestrel), measured in
# the same run. Needs wrk, curl, python3.
# Usage: bash bench/events.sh            (results are printed; copy them into docs/performance.md)
port=${PORT:-5298}
guests=${GUESTS:-300}
source "$(dirname "$0")/lib.sh"

# The same generated corps as the tests: every 40th person an ambassador, the rest counsellors of 180 embassies.
python3 - "$guests" >"$work/list.csv" <<'PY'
import sys
n = int(sys.argv[1])
first = ["Aino", "José", "ნინო", "رنا", "민준", "伟", "Olga", "Kwame", "Priya", "Ahmet"]
last = ["Virtanen", "Quispe Mamani", "ბერიძე", "الخطيب", "김", "王", "Ivanova", "Mensah", "Sharma", "Yılmaz"]
print("Organization,OrganizationType,Country,Honorific,FirstName,LastName,Position,DiplomaticRank,HeadOfMissionClass,CredentialsPresented,Email,Phone,Language,Category,Tags")
for i in range(n):
    hoc = "Ambassador" if i % 40 == 0 else ""
    print(f'"Embassy of Country {i % 180}",Embassy,Country {i % 180},{"H.E." if hoc else "Mr."},{first[i % 10]},{last[i % 10]} {i},"Counsellor, political",Counsellor,{hoc},{"2020-01-15T10:30" if hoc else ""},p{i}@example.org,,en,Diplomatic corps,corps')
PY
curl -sf -o /dev/null -H "$auth" -F "file=@$work/list.csv" "$base/api/contacts/import"
event=$(curl -sf -X POST "$base/api/events" -H "$auth" -H 'content-type: application/json' \
  -d '{"title":"National Day","kind":"NationalDay","startsAt":"2026-12-10T19:00","timeZone":"Asia/Riyadh","venue":"Residence"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl -sf -o /dev/null -X POST "$base/api/events/$event/guests" -H "$auth" -H 'content-type: application/json' -d '{"filter":{}}'

cat >"$work/auth.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
LUA
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); $(dotnet --version); $guests guests"
echo "== baseline: bench/Hello (bare Kestrel), 1 connection, 10 s"
wrk -t1 -c1 -d10s --latency "$hello_base/" | grep -E "50%|99%|Requests/sec"
echo "== guest list by name: GET /api/events/{id}/guests?order=name&limit=1000, 1 connection, 10 s"
wrk -t1 -c1 -d10s --latency -s "$work/auth.lua" "$base/api/events/$event/guests?order=name&limit=1000" | grep -E "50%|99%|Requests/sec"
echo "== guest list in order of precedence: GET /api/events/{id}/guests?order=precedence&limit=1000, 1 connection, 10 s"
wrk -t1 -c1 -d10s --latency -s "$work/auth.lua" "$base/api/events/$event/guests?order=precedence&limit=1000" | grep -E "50%|99%|Requests/sec"
