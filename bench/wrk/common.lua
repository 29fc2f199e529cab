-- Shared by every wrk script of bench/http-bench. The endpoint comes from the environment
-- (BENCH_METHOD, BENCH_PATH, BENCH_TOKEN); done() prints one parsable line:
--   BENCH requests=N seconds=S rps=R p50_us=A p99_us=B non2xx=C socket_errors=D [first_error=…]
wrk.method = os.getenv("BENCH_METHOD") or "GET"
wrk.path = os.getenv("BENCH_PATH") or "/"
local token = os.getenv("BENCH_TOKEN") or ""
if token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end

bench = {}
local threads = {}
local counting = false

-- Runs in the main Lua state once per thread before it starts: number the threads so a script
-- can make values unique across them (each thread has its own Lua state).
function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

-- Count every non-2xx response exactly (wrk's own summary.errors.status counts only >= 400)
-- and keep the first one's body for the report. Costs a Lua call per response, so only the
-- scripts that expect failures ask for it.
function bench.count_statuses()
  counting = true
  non2xx = 0
  first_error = ""
  function response(status, headers, body)
    if status < 200 or status > 299 then
      non2xx = non2xx + 1
      if first_error == "" then first_error = status .. " " .. string.sub(body or "", 1, 160) end
    end
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local bad, first = e.status, ""
  if counting then
    bad = 0
    for _, thread in ipairs(threads) do
      bad = bad + (thread:get("non2xx") or 0)
      local f = thread:get("first_error") or ""
      if first == "" then first = f end
    end
  end
  io.write(string.format("BENCH requests=%d seconds=%.3f rps=%.1f p50_us=%d p99_us=%d non2xx=%d socket_errors=%d",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50), latency:percentile(99),
    bad, e.connect + e.read + e.write + e.timeout))
  if first ~= "" then io.write(" first_error=" .. string.gsub(first, "%s+", " ")) end
  io.write("\n")
end
