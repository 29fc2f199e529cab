#!/usr/bin/env bash
# Runs the browser tests against a real sanpi server of their own: a temporary SQLite database
# with the demo zone, `sanpi serve` on a free loopback port serving web/dist, then
# `node --test tests/web/`. Stops the server and removes the database afterwards.
#
#   SANPI_BIN   the sanpi executable (default: build/src/sanpi)
#   SANPI_URL   set it to test an already running server instead (nothing is started)
#   arguments   test files to run instead of all of tests/web/*.test.mjs
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SANPI_BIN="${SANPI_BIN:-$ROOT/build/src/sanpi}"
WEB_DIST="$ROOT/web/dist"

if [[ ! -d "$ROOT/web/node_modules/playwright-core" ]]; then
  echo "tests/web: web/node_modules is missing: run 'npm ci' in web/ first" >&2
  exit 1
fi
if [[ ! -x /usr/bin/chromium ]]; then
  echo "tests/web: /usr/bin/chromium is missing: apt-get install chromium fonts-noto-cjk" >&2
  exit 1
fi

run_tests() {
  # One file at a time: each opens its own chromium, and the machine has two cores. Files named on the command line
  # (tests/web/run.sh tests/web/dashboard.test.mjs) run alone.
  if [[ $# -gt 0 ]]; then
    node --test --test-concurrency=1 "$@"
  else
    node --test --test-concurrency=1 "$ROOT"/tests/web/*.test.mjs
  fi
}

if [[ -n "${SANPI_URL:-}" ]]; then
  run_tests "$@"
  exit $?
fi

if [[ ! -x "$SANPI_BIN" ]]; then
  echo "tests/web: no sanpi executable at $SANPI_BIN (build it, or set SANPI_BIN)" >&2
  exit 1
fi
if [[ ! -f "$WEB_DIST/index.html" ]]; then
  echo "tests/web: $WEB_DIST/index.html is missing: run 'npm run build' in web/ first" >&2
  exit 1
fi

WORK="$(mktemp -d -t sanpi-webtest-XXXXXX)"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

DB="sqlite:$WORK/web.db"
"$SANPI_BIN" demo --db "$DB" >"$WORK/demo.log" 2>&1 || { cat "$WORK/demo.log" >&2; exit 1; }

# A free loopback port, asked of the kernel.
PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
export SANPI_URL="http://127.0.0.1:$PORT"

"$SANPI_BIN" serve --db "$DB" --listen "127.0.0.1:$PORT" --web "$WEB_DIST" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

ready=""
for _ in $(seq 1 100); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
  if node -e "fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" "$SANPI_URL/api/v1/health"; then
    ready=1
    break
  fi
  sleep 0.2
done
if [[ -z "$ready" ]]; then
  echo "tests/web: the server did not answer $SANPI_URL/api/v1/health; its log:" >&2
  cat "$WORK/server.log" >&2
  exit 1
fi

status=0
run_tests "$@" || status=$?
if [[ $status -ne 0 ]]; then
  echo "tests/web: last lines of the server log:" >&2
  tail -n 40 "$WORK/server.log" >&2
fi
exit $status
