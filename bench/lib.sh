# Shared by the bench scripts: builds Release, starts the app on a throwaway SQLite folder and signs in.
# Source it after setting `port`; it sets base, work, app (the pid), token and auth, and stops the app on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
base="http://127.0.0.1:$port"
work=$(mktemp -d /tmp/chancery-bench.XXXXXX)
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build src/Chancery -c Release -v q -nologo >/dev/null
DataFolder="$work/data" Admin__Email=bench@example.org Admin__Password=benchmark-password \
  Security__SignInAttemptsPerMinute=100000 ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet src/Chancery/bin/Release/net10.0/Chancery.dll --urls "$base" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 60); do curl -sf "$base/health" >/dev/null && break; sleep 1; done

login() {
  curl -sf -X POST "$base/api/auth/login" -H 'content-type: application/json' \
    -d '{"email":"bench@example.org","password":"benchmark-password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}
token=$(login)
auth="Authorization: Bearer $token"
