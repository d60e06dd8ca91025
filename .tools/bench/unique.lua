-- wrk script for searches nobody made before: each request writes the
-- path's last word in another mix of upper and lower case, followed by a
-- number of exclamation marks, which the search ignores: the same courses
-- match, at the same cost, but the server has not seen the words (11,000
-- such variants of a seven-letter word). Not full stops: Postgres reads
-- "ledelse.." as the phrase 'led' <-> '..', which matches other courses.
-- Reports like report.lua.
dofile(".tools/bench/report.lua")

local n = 0
request = function()
  local head, word = wrk.path:match("^(.*=)(%a+)$")
  local len = #word
  local mask = n % (2 ^ len)
  local dots = math.floor(n / (2 ^ len)) % (100 - len)
  n = n + 1
  local out = {}
  for i = 1, len do
    local c = word:sub(i, i)
    if math.floor(mask / 2 ^ (i - 1)) % 2 == 1 then c = c:upper() end
    out[i] = c
  end
  return wrk.format(nil, head .. table.concat(out) .. string.rep("!", dots))
end
