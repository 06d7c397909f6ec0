#!/usr/bin/env bash
# The README's first session, run for real: `npm start` in the background, then the curl session the
# README shows — log in, list offerings, create an instance, follow its job to the end — and a graceful
# stop (SIGTERM must end the server with status 0). CI's "main job" step. Needs curl and node.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${PORT:-18080}"
export PORT HOST=127.0.0.1 ECLOUD_BOOTSTRAP_PASSWORD="${ECLOUD_BOOTSTRAP_PASSWORD:-Smoke-test-passw0rd}"
STATE="$(mktemp -d)"
API="http://127.0.0.1:$PORT"
LOG="$STATE/server.log"

# A fresh store: the server keeps its state under the directory npm start is typed in.
(cd "$STATE" && INIT_CWD="$STATE" npm --prefix "$OLDPWD" start >"$LOG" 2>&1) &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; rm -rf "$STATE"; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  curl -sf "$API/readyz" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$LOG"; echo "smoke: the server died" >&2; exit 1; }
  sleep 0.5
done
curl -sf "$API/readyz" >/dev/null || { cat "$LOG"; echo "smoke: not ready after 60 s" >&2; exit 1; }

json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s);console.log(eval("v"+process.argv[1]))})' "$1"; }

TOKEN="$(curl -sf -X POST "$API/v1/auth/tokens" -H 'content-type: application/json' \
  -d "{\"username\":\"sysadmin\",\"password\":\"$ECLOUD_BOOTSTRAP_PASSWORD\"}" | json .token)"
AUTH=(-H "authorization: Bearer $TOKEN")
OFFERING="$(curl -sf "${AUTH[@]}" "$API/v1/offerings" | json '.items[0].id')"
IMAGE="$(curl -sf "${AUTH[@]}" "$API/v1/images" | json '.items[0].id')"
TENANT="$(curl -sf "${AUTH[@]}" "$API/v1/tenants" | json '.items[0].id')"
LOCATION="$(curl -sf -D - -o /dev/null "${AUTH[@]}" -H 'content-type: application/json' -X POST "$API/v1/instances" \
  -d "{\"name\":\"web-1\",\"tenantId\":\"$TENANT\",\"offeringId\":\"$OFFERING\",\"imageId\":\"$IMAGE\"}" |
  tr -d '\r' | sed -n 's/^location: //Ip')"
echo "smoke: created web-1, its job at $LOCATION"
for _ in $(seq 1 120); do
  STATE_OF_JOB="$(curl -sf "${AUTH[@]}" "$API$LOCATION" | json .state)"
  [[ "$STATE_OF_JOB" == succeeded || "$STATE_OF_JOB" == failed || "$STATE_OF_JOB" == cancelled ]] && break
  sleep 0.25
done
[[ "$STATE_OF_JOB" == succeeded ]] || { echo "smoke: the create job ended $STATE_OF_JOB" >&2; exit 1; }
curl -sf "${AUTH[@]}" "$API/v1/instances?state=running" | json '.items.map(i => i.name + " " + i.state).join("\n")'

# npm, sh and tsx stand between us and the server: signal tsx, which passes the signal on to the server
# and exits with its status (signalling sh or npm themselves would make npm report a failure).
pkill -TERM -f "node .*/\.bin/tsx src/main\.ts" || true
for _ in $(seq 1 40); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.25; done
if kill -0 "$SERVER" 2>/dev/null; then echo "smoke: the server did not stop on SIGTERM" >&2; exit 1; fi
wait "$SERVER" && echo "smoke: the server stopped cleanly" || { cat "$LOG"; echo "smoke: the server exited with an error" >&2; exit 1; }
