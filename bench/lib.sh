# Shared by the bench scripts: builds Release, starts the app on a throwaway SQLite folder (or PostgreSQL database)
# and signs in, and starts the baseline: bench/Hello, bare Kestrel answering "hello", on port+1.
# Source it after setting `port` (and, optionally, `bench_env`: more NAME=value settings for the app); it sets base, hello_base, work, app (the pid), token and auth, and stops both on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
base="http://127.0.0.1:$port"
work=$(mktemp -d /tmp/chancery-bench.XXXXXX)
app=
bench_db=
cleanup() {
  kill $app ${hello:-} 2>/dev/null || true
  wait $app 2>/dev/null || true
  if [ -n "$bench_db" ]; then psql "$pg_conninfo" -qc "DROP DATABASE IF EXISTS $bench_db WITH (FORCE)" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build src/Chancery -c Release -v q -nologo >/dev/null
# BENCH_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres" runs the app on a fresh PostgreSQL database instead of SQLite.
db_env=()
if [ -n "${BENCH_POSTGRES:-}" ]; then
  bench_db="chancery_bench_$$"
  pg_conninfo=$(python3 - "$BENCH_POSTGRES" <<'PY'
import sys
parts = dict(p.split("=", 1) for p in sys.argv[1].split(";") if "=" in p)
k = {key.strip().lower(): value for key, value in parts.items()}
print("host=%s port=%s user=%s dbname=postgres" % (k.get("host", "localhost"), k.get("port", "5432"), k.get("username", "postgres")))
PY
)
  psql "$pg_conninfo" -qc "CREATE DATABASE $bench_db" >/dev/null
  db_env=(Database__Provider=Postgres "ConnectionStrings__Chancery=$BENCH_POSTGRES;Database=$bench_db")
fi
if [ -z "${bench_env+x}" ]; then bench_env=(); fi
env "${db_env[@]}" "${bench_env[@]}" DataFolder="$work/data" Admin__Email=bench@example.org Admin__Password=benchmark-password \
  Security__SignInAttemptsPerMinute=100000 ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet src/Chancery/bin/Release/net10.0/Chancery.dll --urls "$base" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 60); do curl -sf "$base/health" >/dev/null && break; sleep 1; done

hello_base="http://127.0.0.1:$((port + 1))"
dotnet build bench/Hello -c Release -v q -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Production dotnet bench/Hello/bin/Release/net10.0/Hello.dll --urls "$hello_base" >"$work/hello.log" 2>&1 &
hello=$!
for _ in $(seq 1 30); do curl -sf "$hello_base/" >/dev/null && break; sleep 1; done

login() {
  curl -sf -X POST "$base/api/auth/login" -H 'content-type: application/json' \
    -d '{"email":"bench@example.org","password":"benchmark-password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}
token=$(login)
auth="Authorization: Bearer $token"
