#!/usr/bin/env bash
# Invitations benchmark: GUESTS invitations (default 1,000) queued in one request, then each written by the outbox
# worker (HTML, plain text, QR code PNG, .ics, in English, Chinese or Arabic) and accepted by a local SMTP server
# (bench/MailSink, the SmtpServer package); invitations per second from the request to the last one accepted,
# against bench/Hello (bare Kestrel) requests per second measured in the same run. Needs wrk, curl, python3.
# Usage: bash bench/invitations.sh            (results are printed; copy them into docs/performance.md)
port=${PORT:-5296}
guests=${GUESTS:-1000}
smtp_port=$((port + 3))
sink_base="http://127.0.0.1:$((port + 2))"
bench_env=(Email__Smtp__Host=127.0.0.1 Email__Smtp__Port=$smtp_port Email__Smtp__Security=None
  Email__From=protocol@embassy.example PublicBaseUrl=https://events.embassy.example Email__PollInterval=00:00:01)

# The mail server first: a worker that finds none waits 30 s before trying again.
dotnet build "$(dirname "$0")/MailSink" -c Release -v q -nologo >/dev/null
work_sink=$(mktemp -d /tmp/chancery-sink.XXXXXX)
ASPNETCORE_ENVIRONMENT=Production dotnet "$(dirname "$0")/MailSink/bin/Release/net10.0/MailSink.dll" --urls "$sink_base" --smtp "$smtp_port" --keep "$work_sink" >/dev/null 2>&1 &
sink=$!
source "$(dirname "$0")/lib.sh"
trap 'kill $sink 2>/dev/null || true; rm -rf "$work_sink"; cleanup' EXIT
for _ in $(seq 1 30); do curl -sf "$sink_base/" >/dev/null && break; sleep 1; done

python3 - "$guests" >"$work/list.csv" <<'PY'
import sys
n = int(sys.argv[1])
first = ["Aino", "伟", "رنا", "José", "Olga", "민준"]
last = ["Virtanen", "王", "الخطيب", "Quispe Mamani", "Ivanova", "김"]
lang = ["en", "zh", "ar", "en", "en", "en"]
print("Organization,OrganizationType,Country,Honorific,FirstName,LastName,Position,DiplomaticRank,HeadOfMissionClass,CredentialsPresented,Email,Phone,Language,Category,Tags,SpouseHonorific,SpouseFirstName,SpouseLastName")
for i in range(n):
    hoc = "Ambassador" if i % 40 == 0 else ""
    print(f'"Embassy of Country {i % 180}",Embassy,Country {i % 180},{"H.E." if hoc else "Mr."},{first[i % 6]},{last[i % 6]} {i},"Counsellor, political",Counsellor,{hoc},{"2020-01-15T10:30" if hoc else ""},g{i}@example.org,,{lang[i % 6]},Diplomatic corps,corps,Mrs.,Anna,{last[i % 6]} {i}')
PY
curl -sf -o /dev/null -H "$auth" -F "file=@$work/list.csv" "$base/api/contacts/import"
new_event() { # $1 title
  local id
  id=$(curl -sf -X POST "$base/api/events" -H "$auth" -H 'content-type: application/json' \
    -d "{\"title\":\"$1\",\"kind\":\"NationalDay\",\"startsAt\":\"2027-02-26T18:00\",\"endsAt\":\"2027-02-26T20:00\",\"timeZone\":\"Asia/Shanghai\",\"venue\":\"Residence of the Ambassador\",\"hosts\":\"The Ambassador and Mrs Virtanen\",\"rsvpBy\":\"2027-02-20\",\"dressCode\":\"Lounge suit\",\"languages\":[\"en\",\"zh\",\"ar\"]}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  curl -sf -o /dev/null -X POST "$base/api/events/$id/guests" -H "$auth" -H 'content-type: application/json' -d '{"filter":{}}'
  echo "$id"
}
wait_for() { # $1 messages the SMTP server must have
  for _ in $(seq 1 2400); do
    [ "$(curl -sf "$sink_base/" | cut -d' ' -f1)" -ge "$1" ] && return 0
    sleep 0.05
  done
  echo "timed out waiting for $1 messages" >&2; return 1
}
# A first, unmeasured event warms the app up (JIT of the QR, calendar and MIME code), as a server that has run a while is.
warm=$(new_event "Warm-up")
curl -sf -o /dev/null -X POST "$base/api/events/$warm/invitations" -H "$auth" -H 'content-type: application/json' -d '{}'
wait_for "$guests"
event=$(new_event "National Day reception")

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); $(dotnet --version); SQLite unless BENCH_POSTGRES"
echo "== baseline: bench/Hello (bare Kestrel), 1 connection, 10 s"
hello_rps=$(wrk -t1 -c1 -d10s "$hello_base/" | awk '/Requests\/sec/ {print $2}')
echo "Requests/sec: $hello_rps"

echo "== $guests invitations: queued in one request, written and sent by the worker, accepted by the SMTP server"
start=$(date +%s.%N)
curl -sf -o "$work/queued.json" -X POST "$base/api/events/$event/invitations" -H "$auth" -H 'content-type: application/json' -d '{}'
queued_at=$(date +%s.%N)
cat "$work/queued.json"; echo
wait_for $((guests * 2))
end=$(date +%s.%N)
read -r received bytes <<<"$(curl -sf "$sink_base/")"
received=$((received - guests))
python3 - "$start" "$queued_at" "$end" "$received" "$bytes" "$guests" "$hello_rps" <<'PY'
import sys
start, queued, end = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
received, size, guests, hello = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7])
sending = received / (end - queued)
print(f"queue request: {queued - start:.2f} s for {guests} guests (state and outbox rows in one transaction)")
print(f"sending: {received} accepted by the SMTP server in {end - queued:.2f} s: {sending:.0f} invitations/s, {size / (2 * guests) / 1024:.1f} KiB each")
print(f"end to end (request to last accepted): {received / (end - start):.0f} invitations/s")
print(f"ratio: sending invitations/s over bare-Kestrel requests/s = {sending / hello:.4f}")
PY
sent=$(curl -sf -H "$auth" "$base/api/events/$event/invitations" | python3 -c 'import json,sys; print(sum(1 for s in json.load(sys.stdin) if s["status"] == "sent"))')
echo "status sent: $sent of $guests (the SMTP server counted $received for this event)"
