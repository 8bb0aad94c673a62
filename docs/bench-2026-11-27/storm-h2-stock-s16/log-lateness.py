"""Stock's breach lateness from the app's own log lines (session 16), run in this folder:
python3 log-lateness.py. Each case's first "Case ... breached its response target" line against the
run's dueAt in results.json; percentiles as nearest rank."""
import datetime, gzip, json, re

runs = json.load(open("results.json"))["runs"]
for r in runs:
    due = datetime.datetime.fromisoformat(r["dueAt"].replace("Z", "+00:00"))
    first = {}
    with gzip.open(f"app-log-r{r['rep']}-breaches.txt.gz", "rt") as lines:
        for line in lines:
            m = re.match(r"(\S+Z) Case (SR-[0-9-]+) breached its response target", line)
            if m:
                at = datetime.datetime.fromisoformat(m.group(1).replace("Z", "+00:00"))
                first.setdefault(m.group(2), (at - due).total_seconds())
    late = sorted(first.values())
    n = len(late)
    rank = lambda p: late[max(0, round(p * n) - 1)]
    print(f"run {r['rep']}: {n} cases breached; lateness p50 {rank(.5):.1f} s, p99 {rank(.99):.1f} s, "
          f"max {late[-1]:.1f} s; first {late[0]:.1f} s after due; {n / (late[-1] - late[0]):.1f} a second")
