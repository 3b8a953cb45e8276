-- The opening-hour mix for wrk (docs/benchmarks/load.md). Run wrk with as many threads as
-- connections (-tN -cN): each thread then has one connection and is one family after
-- another, going through twenty requests:
--   sign-in (10%):              GET /login, POST /login/family
--   registration steps (20%):   GET /primary, GET the form, POST it, GET the registration
--   lookups and status (70%):   9 zone lookups (API), 4 status pages, the home page
-- A 503 (admission control) is answered as a family would: wait Retry-After (at most 1 s
-- here) and send the same step again; the same form again counts once. Every registration
-- acknowledged (302 to /primary/mine/<id>) is written to acked-<thread>.txt, so that the
-- benchmark's main can check that none is lost.
-- Arguments after --: the number of threads, the output directory of OpeningHourBenchmark,
-- and the first family to use (each run takes fresh families: a family registers once).

local threads_made = 0
local all_threads = {}

function setup(thread)
  thread:set("id", threads_made)
  threads_made = threads_made + 1
  table.insert(all_threads, thread)
end

local families = {}
local family_index = 0
local family
local step = 0
local cookie = nil
local csrf = nil
local registration = nil
local wait_ms = 0
local acked_file
counts = { acked = 0, unavailable = 0, unexpected = 0, families = 0 }
local password = "opening+hour+family+password"
local lookup = 0

function init(args)
  local nthreads = tonumber(args[1])
  local dir = args[2]
  local first = tonumber(args[3] or "0")
  local n = 0
  for line in io.lines(dir .. "/families.tsv") do
    if n >= first and n % nthreads == id then
      local child, name, fields = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
      families[#families + 1] = { child = child, name = name, fields = fields }
    end
    n = n + 1
  end
  acked_file = io.open(dir .. "/acked-" .. id .. ".txt", "a")
  next_family()
end

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function next_family()
  family_index = family_index + 1
  family = families[family_index]
  if family == nil then
    error("thread " .. id .. " ran out of families: start OpeningHourBenchmark with more")
  end
  counts.families = counts.families + 1
  step = 1
  cookie = nil
  csrf = nil
  registration = nil
end

local function headers(extra)
  local h = { ["Accept"] = "text/html", ["Accept-Language"] = "zh-CN" }
  if cookie then h["Cookie"] = "SESSION=" .. cookie end
  if extra then for k, v in pairs(extra) do h[k] = v end end
  return h
end

local form_headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }

function request()
  local s = step
  if s == 1 then
    return wrk.format("GET", "/login", headers())
  elseif s == 2 then
    local body = "identifier=" .. family.child .. "&childName=" .. urlencode(family.name)
      .. "&password=" .. password .. "&_csrf=" .. urlencode(csrf or "")
    return wrk.format("POST", "/login/family", headers(form_headers), body)
  elseif s == 3 then
    return wrk.format("GET", "/primary", headers())
  elseif s == 4 then
    return wrk.format("GET", "/primary/110101/register", headers())
  elseif s == 5 then
    return wrk.format("POST", "/primary/110101/register", headers(form_headers),
      family.fields .. "&_csrf=" .. urlencode(csrf or ""))
  elseif s == 6 or s == 16 or s == 18 or s == 20 then
    return wrk.format("GET", registration or "/primary", headers())
  elseif s == 19 then
    return wrk.format("GET", "/", headers())
  else
    lookup = lookup % 200 + 1
    local q = urlencode("北京市东城区基准家园" .. lookup .. "号院" .. (lookup % 20 + 1) .. "号楼")
    return wrk.format("GET", "/api/v1/zones/lookup?q=" .. q .. "&district=110101&level=primary&year=2017",
      { ["Accept"] = "application/json" })
  end
end

function delay()
  local ms = wait_ms
  wait_ms = 0
  return ms
end

local function header(headers, name)
  for k, v in pairs(headers) do
    if k:lower() == name then return v end
  end
  return nil
end

local function take_cookie(headers)
  local set = header(headers, "set-cookie")
  if set then
    local value = set:match("SESSION=([^;]+)")
    if value then cookie = value end
  end
end

local function take_csrf(body)
  local token = body:match('name="_csrf"%s+value="([^"]+)"')
  if token then csrf = token end
end

local function unexpected()
  counts.unexpected = counts.unexpected + 1
  next_family()
end

function response(status, headers, body)
  if status == 503 then
    counts.unavailable = counts.unavailable + 1
    wait_ms = math.min(tonumber(header(headers, "retry-after") or "1") * 1000, 1000)
    return -- the same step again
  end
  local s = step
  take_cookie(headers)
  if s == 1 then
    if status ~= 200 then return unexpected() end
    take_csrf(body)
  elseif s == 2 then
    local location = header(headers, "location") or ""
    if status ~= 302 or location:find("error") then return unexpected() end
  elseif s == 4 then
    if status ~= 200 then return unexpected() end
    take_csrf(body)
  elseif s == 5 then
    local location = header(headers, "location") or ""
    local id = location:match("/primary/mine/([%x%-]+)$")
    if status ~= 302 or id == nil then return unexpected() end
    registration = "/primary/mine/" .. id
    counts.acked = counts.acked + 1
    acked_file:write(id, "\n")
    acked_file:flush()
  elseif status >= 400 then
    return unexpected()
  end
  step = s + 1
  if step > 20 then next_family() end
end

function done(summary, latency, requests)
  local acked, unavailable, unexpected_total, fams = 0, 0, 0, 0
  for _, thread in ipairs(all_threads) do
    local c = thread:get("counts")
    acked = acked + c.acked
    unavailable = unavailable + c.unavailable
    unexpected_total = unexpected_total + c.unexpected
    fams = fams + c.families
  end
  io.write(string.format("families started: %d; registrations acknowledged: %d; 503 answers: %d; " ..
    "unexpected answers: %d\n", fams, acked, unavailable, unexpected_total))
  io.write(string.format("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
