-- Fixed-rate progress updates for bench/reports/run.sh, run by wrk (a C load generator: on two shared
-- cores a JVM client would take as much CPU as the service it measures).
--
--   LOAD_RATE=200 LOAD_PLAN=<id> LOAD_MEASURES=<id,id,...> LOAD_TOKEN=<jwt> [LOAD_ACKS=file] \
--     wrk -t1 -c32 -d30s -s load.lua http://127.0.0.1:18082
--
-- Each request is scheduled at start + n / rate (wrk asks delay() before every request), so answers
-- do not slow the schedule as long as a connection is free (32 connections at 200/s: an answer may
-- take 160 ms). Writes round robin over the measures. With LOAD_ACKS, every 201 is written there as
-- "update id,epoch seconds" at the moment it arrived: the write was committed before its answer.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clk_id, timespec *tp);
]]
local ts = ffi.new("timespec")
local function now()
  ffi.C.clock_gettime(0, ts) -- CLOCK_REALTIME: compared with the database's timestamps
  return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) / 1e9
end

local rate = tonumber(os.getenv("LOAD_RATE"))
local plan = os.getenv("LOAD_PLAN")
local token = os.getenv("LOAD_TOKEN")
local acks_path = os.getenv("LOAD_ACKS")
if acks_path == "" then
  acks_path = nil
end
local measures = {}
for id in string.gmatch(os.getenv("LOAD_MEASURES"), "[^,]+") do
  measures[#measures + 1] = id
end

local n = 0
local start = nil
local acks = nil

function delay()
  if start == nil then
    start = now()
  end
  local due = start + n / rate
  local wait = (due - now()) * 1000
  return wait > 0 and math.floor(wait) or 0
end

function request()
  n = n + 1
  local day = os.date("!%Y-%m-%d", 1672531200 + (n % 240) * 86400) -- 2023-01-01 + n % 240 days
  local body = '{"date":"' .. day .. '","author":"bench","status":"IN_PROGRESS","progress":' .. (n % 100)
      .. ',"text":"Uppföljning ' .. n .. ' av åtgärden","example":' .. tostring(n % 50 == 0) .. '}'
  return wrk.format("POST", "/api/v1/plans/" .. plan .. "/measures/" .. measures[n % #measures + 1] .. "/updates",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function response(status, headers, body)
  if status == 201 and acks_path then
    local id = string.match(body, '"id"%s*:%s*"([0-9a-f-]+)"')
    if id then
      if not acks then
        acks = io.open(acks_path, "w")
        acks:setvbuf("line")
      end
      acks:write(id, ",", string.format("%.6f", now()), "\n")
    end
  end
end

function done(summary, latency, requests)
  io.write(string.format("   sent %d writes in %.1f s (%.0f/s); errors: connect %d, read %d, write %d, timeout %d, non-2xx %d;"
    .. " latency p50 %.1f ms, p99 %.1f ms\n", summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6), summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
