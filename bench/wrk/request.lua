-- The plain case: the same request over and over (method, path and token from the environment).
dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")
