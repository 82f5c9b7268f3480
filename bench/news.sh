#!/usr/bin/env bash
# Public news benchmark (issue: the news list and an item page at least half of bare Kestrel's requests/s at 64
# connections): ITEMS published items (default 30) in English, each with a French version, then wrk reads the
# mission's news list, one item's page, the Atom feed and a published exhibition of 20 press articles (issue 15),
# as a reader with no sign-in does, against bench/Hello in
# turns, in the same run. The pages come from the output cache (NewsCache) after their first reading.
# Needs wrk, curl, python3.
# Usage: bash bench/news.sh          (CONNECTIONS=64 DURATION=10s ROUNDS=3)
port=${PORT:-5302}
items=${ITEMS:-30}
connections=${CONNECTIONS:-64}
duration=${DURATION:-10s}
rounds=${ROUNDS:-3}
source "$(dirname "$0")/lib.sh"

publish() { # $1 JSON body; prints the item's slug and id
  curl -sf -X POST "$base/api/news" -H "$auth" -H 'content-type: application/json' -d "$1" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["slug"], d["id"])'
}
for i in $(seq 1 "$items"); do
  body="Guests from **twelve missions** came to the reception number $i.\n\nThe Ambassador spoke of the year's work; the programme included a concert.\n\n## The Ambassador's words\n\nWe thank all our guests."
  read -r item_slug id < <(publish "{\"title\":\"Reception number $i\",\"body\":\"$body\",\"language\":\"en\",\"publish\":true,\"reason\":\"Benchmark\"}")
  publish "{\"title\":\"Réception numéro $i\",\"body\":\"Les invités sont venus.\",\"language\":\"fr\",\"translationOf\":\"$id\",\"publish\":true,\"reason\":\"Benchmark\"}" >/dev/null
done
echo "published: $items items, each in English and French; read at API.md's /news (the installation's only mission)"
pieces=""
for i in $(seq 1 20); do
  article=$(curl -sf -X POST "$base/api/press" -H "$auth" -H 'content-type: application/json' \
    -d "{\"outlet\":\"The Daily $i\",\"title\":\"The embassy remembers, article $i\",\"language\":\"en\",\"publishedOn\":\"2024-02-27\",\"url\":\"https://paper.example/$i\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  pieces="$pieces${pieces:+,}{\"articleId\":\"$article\",\"captions\":{\"en\":\"Caption $i\",\"zh\":\"说明 $i\"}}"
done
exhibition=$(curl -sf -X POST "$base/api/press/exhibitions" -H "$auth" -H 'content-type: application/json' \
  -d "{\"language\":\"en\",\"titles\":{\"en\":\"The world's press\",\"zh\":\"国际媒体\"},\"published\":true,\"pieces\":[$pieces]}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["slug"])')
echo "exhibition: /exhibitions/$exhibition, 20 articles (no clippings: their pictures are files, not pages)"

declare -A urls=([hello]="$hello_base/" [list]="$base/news" [item]="$base/news/$item_slug" [atom]="$base/news/feed.atom" [exhibit]="$base/exhibitions/$exhibition")
for label in hello list item atom exhibit; do
  curl -sf -o /dev/null "${urls[$label]}"
  wrk -t2 -c"$connections" -d"${WARMUP:-10s}" "${urls[$label]}" >/dev/null
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); .NET $(dotnet --version); $connections connections, $rounds rounds of $duration; SQLite unless BENCH_POSTGRES"
for round in $(seq 1 "$rounds"); do
  for label in hello list item atom exhibit; do
    wrk -t2 -c"$connections" -d"$duration" --latency "${urls[$label]}" >"$work/$label.$round.txt"
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/$label.$round.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$work/$label.$round.txt")
    non2xx=$(awk '/Non-2xx/ {print $5}' "$work/$label.$round.txt")
    printf 'round %s  %-6s %10s req/s   p99 %8s   %s\n' "$round" "$label" "$rps" "$p99" "${non2xx:+non-2xx: $non2xx}"
    echo "$rps" >"$work/$label.$round.rps"
  done
done
python3 - "$work" "$rounds" <<'PY'
import statistics, sys
w, rounds = sys.argv[1], int(sys.argv[2])
r = lambda n, i: float(open(f"{w}/{n}.{i}.rps").read())
for label, text in (("list", "news list"), ("item", "news item page"), ("atom", "Atom feed"), ("exhibit", "exhibition page")):
    ratios = [r(label, i) / r("hello", i) for i in range(1, rounds + 1)]
    print(f"{text} / hello: median {statistics.median(ratios):.3f}x (rounds: {', '.join(f'{x:.3f}' for x in ratios)})")
PY
