-- Document registrations for bench/outbox/run.sh, run by wrk: POST /api/v1/documents, each with a diary
-- number of its own (LOAD_PREFIX, the thread and a counter), one event each in the outbox.
--
--   LOAD_RATE=100 LOAD_PREFIX=R1 LOAD_TOKEN=<jwt> wrk -t1 -c16 -d10s -s create.lua http://127.0.0.1:18121
--
-- LOAD_RATE > 0: a fixed rate, each request scheduled at start + n / rate per thread (as bench/reports/load.lua);
-- LOAD_RATE = 0: as fast as the connections are answered.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clk_id, timespec *tp);
]]
local ts = ffi.new("timespec")
local function now()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) / 1e9
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local rate = tonumber(os.getenv("LOAD_RATE") or "0")
local prefix = os.getenv("LOAD_PREFIX") or "R"
local token = os.getenv("LOAD_TOKEN")
local n = 0
local start = nil

function delay()
  if rate <= 0 then
    return 0
  end
  if start == nil then
    start = now()
  end
  local wait = (start + n / rate - now()) * 1000
  return wait > 0 and math.floor(wait) or 0
end

function request()
  n = n + 1
  local body = '{"diaryNumber":"OUT-' .. prefix .. '-' .. (tid or 1) .. '-' .. n .. '","title":"Styrdokument ' .. n
      .. ' om tillit","type":"POLICY","ownerUnit":"Enhet ' .. (n % 40) .. '","summary":"Sammanfattning ' .. n .. '"}'
  return wrk.format("POST", "/api/v1/documents",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
