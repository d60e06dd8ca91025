-- wrk script for the booking target of .tools/bench.sh: every request is a
-- complete enrolment (POST /tilmelding) with its own form token (the
-- idempotency key) and participant e-mail, rotating over the date ids in
-- the file given as the first argument. The second argument prefixes the
-- tokens, so that two runs on one database never share one.
-- Success is a 303 to the receipt; the counts of 303s and of anything
-- else are printed after wrk's RESULT line.
dofile(".tools/bench/report.lua")

local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local ids = {}
local prefix = "bench"
local counter = 0
ok, other = 0, 0

function init(args)
  local f = assert(io.open(args[1]))
  for line in f:lines() do
    if line ~= "" then ids[#ids + 1] = line end
  end
  f:close()
  assert(#ids > 0, "no date ids in " .. args[1])
  prefix = args[2] or prefix
end

wrk.method = "POST"
wrk.path = "/tilmelding"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Sec-Fetch-Site"] = "same-origin"

function request()
  counter = counter + 1
  local n = prefix .. "-" .. tid .. "-" .. counter
  -- Threads start at different places in the list and step through it.
  local date = ids[(counter * 2 + tid - 1) % #ids + 1]
  local body = "token=" .. n ..
    "&booker_name=Bench+Booker&booker_email=booker%40bench.example&booker_phone=87+13+00+00" ..
    "&org_name=Aarhus+Kommune&invoice_kind=ean&ean=5798000416604&terms=1&handling=tilmeld" ..
    "&dato=" .. date ..
    "&p0_name=Deltager+" .. n .. "&p0_email=" .. n .. "%40bench.example"
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 303 then ok = ok + 1 else other = other + 1 end
end

local report = done
function done(summary, latency, requests)
  report(summary, latency, requests)
  local o, x = 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok")
    x = x + t:get("other")
  end
  io.write(string.format("BOOKED see_other=%d other=%d\n", o, x))
end
