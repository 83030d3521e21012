#!/usr/bin/env python3
"""The walks of one optimal-planner search, from `mailplan plan --search-log FILE`, as a Markdown table.

    python3 Benchmarks/walks.py Benchmarks/work/plans/osaka/optimal-search.csv

One row per walk (one kind of neighbourhood in a pass of fix-and-optimise, or the re-timing after a pass): its
neighbourhood size, how many of its neighbourhoods it visited and had, how many replaced the incumbent, what it
gained as a share of the incumbent at its start, and the elapsed seconds at the end of its first and last sub-MIP.
A walk that visited fewer than it had stalled or ran out of time. Standard library only.
"""
import csv
import signal
import sys


def walks(rows):
    """Consecutive rows grouped into walks: a row with index 0 starts one."""
    result = []
    for row in rows:
        if row["index"] == "0" or not result:
            before = float(row["incumbent"]) + float(row["gain"])
            result.append({"walk": row["walk"], "pass": row["pass"], "size": row["neighbourhood_jobs"],
                           "kind": row["kind"], "of": int(row["of"]), "visited": 0, "improved": 0, "gain": 0.0,
                           "before": before, "first": float(row["elapsed_s"])})
        walk = result[-1]
        walk["visited"] += 1
        walk["improved"] += int(row["improved"])
        walk["gain"] += float(row["gain"])
        walk["last"] = float(row["elapsed_s"])
    return result


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    try:
        with open(argv[1], encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        print(f"walks.py: {error}", file=sys.stderr)
        return 66
    print("| walk | size | visited / of | improved | gain | seconds |")
    print("|---|---|---|---|---|---|")
    grouped = walks(rows)
    for walk in grouped:
        name = (f"pass {walk['pass']}, {walk['kind']}" if walk["walk"] == "pass"
                else f"re-timing after pass {walk['pass']}")
        share = 100 * walk["gain"] / walk["before"] if walk["before"] else 0.0
        print(f"| {name} | {walk['size']} | {walk['visited']} / {walk['of']} | {walk['improved']} | {share:.2f} % "
              f"| {walk['first']:.1f}–{walk['last']:.1f} |")
    print(f"\n{len(rows)} sub-MIPs in {len(grouped)} walks")
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `walks.py LOG | head` ends quietly, as other filters do
    sys.exit(main(sys.argv))
