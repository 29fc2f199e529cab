-- POST /api/v1/enterprises with a new, valid USCC (GB 32100-2015) on every request, unique across
-- wrk threads; every non-2xx response is counted and the first one shown.
dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")
bench.count_statuses()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
local weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
local value = {}
for i = 1, #alphabet do value[string.sub(alphabet, i, i)] = i - 1 end

function uscc(n)
  local first17 = string.format("91410100%09d", n % 1000000000)
  local sum = 0
  for i = 1, 17 do sum = sum + value[string.sub(first17, i, i)] * weights[i] end
  local check = (31 - sum % 31) % 31
  return first17 .. string.sub(alphabet, check + 1, check + 1)
end

-- Serials 5xx,xxx,xxx stay clear of the demo's (1xx… generated, 7xx… named); each thread owns
-- a block of ten million.
local serial = 0
function request()
  serial = serial + 1
  local n = 500000000 + (thread_index or 0) * 10000000 + serial
  local body = string.format('{"name":"基准测试企业%d有限公司","uscc":"%s"}', n, uscc(n))
  return wrk.format(nil, nil, nil, body)
end
