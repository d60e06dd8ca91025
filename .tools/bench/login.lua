-- wrk script for the login flood of .tools/bench/login-flood.sh: every
-- request is a wrong login for a made-up account from a made-up client
-- address (the server trusts the bench's loopback as its load balancer),
-- as a botnet would send them, so the throttle stops none of them and
-- every one asks for a password hash. The answers are counted by status.
dofile(".tools/bench/report.lua")

local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local counter = 0
checked, busy, throttled, other = 0, 0, 0, 0

wrk.method = "POST"
wrk.path = "/admin/login"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"

function request()
  counter = counter + 1
  local n = tid .. "-" .. counter
  wrk.headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", tid % 250, math.floor(counter / 250) % 250, counter % 250 + 1)
  return wrk.format(nil, nil, nil, "email=gaet-" .. n .. "%40cok.dk&password=forkert-gaet-" .. n)
end

function response(status, headers, body)
  if status == 422 then checked = checked + 1
  elseif status == 503 then busy = busy + 1
  elseif status == 429 then throttled = throttled + 1
  else other = other + 1 end
end

local report = done
function done(summary, latency, requests)
  report(summary, latency, requests)
  local c, b, t, o = 0, 0, 0, 0
  for _, th in ipairs(threads) do
    c = c + th:get("checked")
    b = b + th:get("busy")
    t = t + th:get("throttled")
    o = o + th:get("other")
  end
  io.write(string.format("LOGINS checked=%d busy=%d throttled=%d other=%d\n", c, b, t, o))
end
