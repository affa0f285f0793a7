-- wrk script: each request submits a new draft nomination through the API, with an id of its
-- own (thread number and counter), as the admin token in TOKEN. Prints the counts of answers
-- so that the script around it can compare them with the nominations stored.
local year = os.getenv("YEAR") or "2027"
local token = os.getenv("TOKEN") or ""
local threads = {}

function setup(thread)
    thread:set("number", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    counter = 0
    wrk.method = "POST"
    wrk.path = "/api/v1/cycles/" .. year .. "/nominations"
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
    counter = counter + 1
    local id = string.format("W%d-%07d", number, counter)
    local body = string.format(
        '{"id":"%s","community":"Load test %s (synthetic)","country":"Kenya","region":"Africa","year":%s,'
            .. '"answers":{},"evidence":[],"state":"draft","optOut":false}', id, id, year)
    return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
    local errors = summary.errors
    io.write(string.format("answered %d, non-2xx %d, socket errors %d\n", summary.requests, errors.status,
        errors.connect + errors.read + errors.write + errors.timeout))
end
