-- One wrk script for every workload of the benchmark (bench/run.sh); LuaJIT, wrk 4.x.
--   wrk ... -s workload.lua URL -- MODE DATA_DIR CELL_ID THREADS [POOL_FILE]
-- MODE:
--   contacts-200  a known secret (30 fixtures, in turn), ip from 192.0.2.0/24, 198.51.100.0/24,
--                 203.0.113.0/24 in turn                                   -> 200 + the contact
--   contacts-404  an unknown secret, ip = 2001:db8:CELL:THREAD:hi:lo::1, a new ip for every request
--                 (throttling stays on with its defaults; no ip ever reaches 10 failures)  -> 404
--   lms-fresh     the next unused (accessToken, authToken) of POOL_FILE, each used once   -> 200 + lead
--   lms-null      an active lead with authToken 000000 (never issued)                     -> 200 + nulls
--   mixed         contacts-200 and contacts-404 alternately (the memory run)
--   contacts-200-noip  as contacts-200 without ip: the throttle is not consulted (bench/ablate.sh) -> 200
-- Every answer is checked (status and the start of the body); done() prints one JSON line with
-- throughput, latency percentiles (microseconds), the status counts and the number of unexpected
-- answers: a cell with unexpected answers is not a valid measurement.

local threads = {}
local next_id = 1

-- Paced load (bench/run.sh RATE=...): every connection waits WRK_PACE_MS ms after an answer before it
-- sends its next request, so the offered load is about CONNS * 1000 / WRK_PACE_MS requests/s whatever the
-- system's capacity (wrk's latency counts from the send, not the wait). Without it, each connection sends
-- its next request at once (a closed loop at the system's capacity). Read here, at the top: wrk asks
-- whether delay() exists before it calls init().
local pace_ms = tonumber(os.getenv("WRK_PACE_MS") or "")
if pace_ms and pace_ms > 0 then
  function delay() return pace_ms end
end

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local function lines(path)
  local t = {}
  for line in io.lines(path) do
    if line ~= "" then table.insert(t, line) end
  end
  return t
end

local mode, secrets, leads, ips, pool
local n, cell, nthreads = 0, 0, 1
statuses = {}
bad = 0
exhausted = 0

function init(args)
  mode = args[1]
  local data = args[2]
  cell = tonumber(args[3])
  nthreads = tonumber(args[4])
  secrets = lines(data .. "/secrets.txt")
  leads = lines(data .. "/leads.txt")
  ips = {}
  for _, net in ipairs({"192.0.2.", "198.51.100.", "203.0.113."}) do
    for h = 1, 254 do table.insert(ips, net .. h) end
  end
  pool = {}
  if mode == "lms-fresh" then
    local i = 0
    for line in io.lines(args[5]) do
      if line ~= "" then
        if i % nthreads == tid - 1 then
          local a, c = line:match("^(%S+) (%S+)$")
          table.insert(pool, "/lms/leads/bytoken/contact?accessToken=" .. a .. "&authToken=" .. c .. "&source=bench")
        end
        i = i + 1
      end
    end
  end
end

local function found()
  return "/api/v1/Contacts?secret=" .. secrets[(n % #secrets) + 1] .. "&ip=" .. ips[(n % #ips) + 1]
end

local function missing()
  local hi, lo = math.floor(n / 65536) % 65536, n % 65536
  return string.format("/api/v1/Contacts?secret=nOsUcHsEcReT%08d&ip=2001:db8:%x:%x:%x:%x::1",
    n % 100000000, cell, tid, hi, lo)
end


function request()
  n = n + 1
  local path
  if mode == "contacts-200" or (mode == "mixed" and n % 2 == 0) then
    path = found()
  elseif mode == "contacts-200-noip" then
    path = "/api/v1/Contacts?secret=" .. secrets[(n % #secrets) + 1]
  elseif mode == "contacts-404" or mode == "mixed" then
    path = missing()
  elseif mode == "lms-fresh" then
    path = pool[n]
    if path == nil then
      exhausted = exhausted + 1
      path = "/lms/leads/bytoken/contact?accessToken=" .. leads[1] .. "&authToken=000000&source=bench"
    end
  elseif mode == "lms-null" then
    path = "/lms/leads/bytoken/contact?accessToken=" .. leads[(n % #leads) + 1] .. "&authToken=000000&source=bench"
  else
    error("unknown mode " .. tostring(mode))
  end
  return wrk.format("GET", path)
end

-- The check is by mode, not per request (answers of different connections interleave):
local want_status = { ["contacts-200-noip"] = 200, ["contacts-200"] = 200, ["contacts-404"] = 404, ["lms-fresh"] = 200, ["lms-null"] = 200 }
local want_prefix = { ["contacts-200-noip"] = '{"Id":', ["contacts-200"] = '{"Id":', ["contacts-404"] = '{"type":"https://contract-kit.example/problems/not-found"',
  ["lms-fresh"] = '{"accessToken":{', ["lms-null"] = '{"accessToken":null' }

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if mode == "mixed" then
    if not ((status == 200 and body:sub(1, 6) == '{"Id":') or (status == 404 and body:sub(1, 8) == '{"type":')) then
      bad = bad + 1
    end
  else
    local p = want_prefix[mode]
    if status ~= want_status[mode] or body:sub(1, #p) ~= p then bad = bad + 1 end
  end
end

function done(summary, latency, requests)
  local st, total_bad, total_exhausted = {}, 0, 0
  for _, t in ipairs(threads) do
    for code, count in pairs(t:get("statuses")) do
      st[tostring(code)] = (st[tostring(code)] or 0) + count
    end
    total_bad = total_bad + t:get("bad")
    total_exhausted = total_exhausted + t:get("exhausted")
  end
  local parts = {}
  for code, count in pairs(st) do table.insert(parts, string.format('"%s":%d', code, count)) end
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_us":%d,"p90_us":%d,"p99_us":%d,"p999_us":%d,"max_us":%d,"mean_us":%.1f,' ..
    '"socket_errors":%d,"unexpected":%d,"pool_exhausted":%d,"statuses":{%s}}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.max, latency.mean, e.connect + e.read + e.write + e.timeout,
    total_bad, total_exhausted, table.concat(parts, ",")))
end
