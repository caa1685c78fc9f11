#!/usr/bin/env bash
# Escalation timer accuracy on the embedded stack: opens a sev-1 incident on each service of env
# `local` (levels 30s apart, application-local.yml), waits until the third level has paged, and
# prints, per page, how late it was sent after its timer's due instant (ms). Needs a running
# `./runbook dev` (run it under `flock /work/tmp/e2e.lock` on a shared machine). Leaves the
# incidents resolved and closed.
set -euo pipefail
cd "$(dirname "$0")/../.."
services=(learning-api web bot)
slow="--connect-timeout 30s"   # a loaded machine answers slowly
for s in "${services[@]}"; do
  ./runbook incident open --severity 1 --service "$s" --env local --summary "timer bench" --as alice $slow >/dev/null
done
sleep 65
for s in "${services[@]}"; do
  ./runbook incident status "incident:$s:local" -o json $slow
  ./runbook incident resolve "incident:$s:local" --as alice --summary "bench done" $slow >/dev/null
  ./runbook incident report "incident:$s:local" --as alice --root-cause "bench" $slow >/dev/null
done | python3 -c '
import json, sys
lates = []
for line in sys.stdin:
    v = json.loads(line)
    for p in v["pages"]:
        late = p["firedAtMillis"] - p["dueAtMillis"]
        lates.append(late)
        print(v["workflowId"], "level", p["level"], "due+%dms" % late)
lates.sort()
print("pages", len(lates), "late ms: min", lates[0], "median", lates[len(lates)//2], "max", lates[-1])
'
