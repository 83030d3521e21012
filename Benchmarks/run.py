#!/usr/bin/env python3
"""The benchmark ladder: generate seeded job books, run the three planners on each, record the figures.

Usage (from the checkout): python3 Benchmarks/run.py [--rungs 300,600,...] [--time-limit S] [--seed S]
Writes Benchmarks/results.csv and Benchmarks/RESULTS.md. Standard library only. See Benchmarks/README.md.
"""
import argparse
import csv
import datetime
import json
import os
import platform
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = os.path.join(HERE, "work")
BINARY = os.path.join(ROOT, ".build", "release", "mailplan")


def run(args):
    """Runs a command from the checkout; returns (exit status, stdout, stderr, wall seconds)."""
    began = time.monotonic()
    process = subprocess.run(args, capture_output=True, cwd=ROOT)
    return process.returncode, process.stdout.decode(), process.stderr.decode(), time.monotonic() - began


def run_measured(args):
    """Runs a command under /usr/bin/time -v to get its own peak memory."""
    code, out, err, wall = run(["/usr/bin/time", "-v"] + args)
    peak = None
    for line in err.splitlines():
        if "Maximum resident set size" in line:
            peak = int(line.split(":")[1]) / 1024
    return code, out, err, wall, peak


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rungs", default="300,600,1200,2400,6000")
    parser.add_argument("--stress", type=int, default=600, help="jobs of the stress rung (tight capacity); 0 for none")
    parser.add_argument("--load", type=float, default=0.75, help="shared-resource load of the ladder rungs")
    parser.add_argument("--stress-load", type=float, default=1.1)
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--time-limit", type=float, default=60)
    parser.add_argument("--large-time-limit", type=float, default=300, help="time limit for rungs of 2,400 jobs and more")
    parser.add_argument("--gap", type=float, default=0.001)
    parser.add_argument("--skip-build", action="store_true")
    options = parser.parse_args()

    if not options.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "mailplan"], cwd=ROOT, check=True)
    os.makedirs(WORK, exist_ok=True)

    instances = [("osaka", os.path.join(ROOT, "Jobs", "osaka"), None, None)]
    for jobs in [int(x) for x in options.rungs.split(",") if x]:
        instances.append((f"ladder-{jobs}", os.path.join(WORK, f"ladder-{jobs}"), jobs, options.load))
    if options.stress:
        instances.append((f"stress-{options.stress}", os.path.join(WORK, f"stress-{options.stress}"), options.stress, options.stress_load))

    rows = []
    for name, folder, jobs, load in instances:
        if jobs is not None:
            subprocess.run([BINARY, "generate", "--jobs", str(jobs), "--seed", str(options.seed), "--load", str(load),
                            "--out", folder], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        week = sorted(f for f in os.listdir(folder) if f.endswith(".csv"))[-1]
        week_path = os.path.join(folder, week)
        limit = options.large_time_limit if (jobs or 0) >= 2400 else options.time_limit
        out_dir = os.path.join(WORK, "plans", name)
        results = {}
        for planner in ["status-quo", "greedy", "optimal"]:
            code, out, err, wall, peak = run_measured(
                [BINARY, "plan", week_path, "--planner", planner, "--format", "json", "--quiet",
                 "--time-limit", str(limit), "--gap", str(options.gap), "--out", os.path.join(out_dir, planner)])
            if code != 0:
                print(f"{name} {planner}: exit {code}\n{err}", file=sys.stderr)
                continue
            results[planner] = (json.loads(out), wall, peak)
        if "optimal" not in results:
            continue
        plan, wall, peak = results["optimal"]
        model = plan.get("model") or {}
        row = {
            "instance": name,
            "jobs": plan["jobs"],
            "pieces": plan["pieces"],
            "load": load if load is not None else "",
            "time_limit_s": limit,
            "rows": model.get("rows"),
            "columns": model.get("columns"),
            "binaries": model.get("binaries"),
            "build_s": round(model.get("buildSeconds", 0), 2),
            "first_plan_s": round(model.get("firstPlanSeconds", 0), 2),
            "solve_s": round(plan["solveSeconds"], 2),
            "wall_s": round(wall, 2),
            "status": plan["status"],
            "objective": plan["objective"],
            "bound": plan["bound"],
            "gap": plan["gap"],
            "status_quo_total": plan["statusQuo"]["cost"]["total"],
            "greedy_total": results["greedy"][0]["cost"]["total"] if "greedy" in results else "",
            "optimal_total": plan["cost"]["total"],
            "ward_hours_freed": plan["wardStaffHoursFreed"],
            "peak_mib": round(peak, 1) if peak else "",
        }
        rows.append(row)
        print(json.dumps(row), flush=True)

    with open(os.path.join(HERE, "results.csv"), "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(rows)
    write_markdown(rows, options)


def glpk_version():
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "libglpk40"], capture_output=True, text=True).stdout
        return out or "unknown"
    except OSError:
        return "unknown"


def write_markdown(rows, options):
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "## mailplan ladder (generated by `python3 Benchmarks/run.py`)",
        "",
        f"Measured {stamp} on {platform.node()} ({os.cpu_count()} cores, {platform.machine()}, "
        f"{platform.system()} {platform.release()}), GLPK {glpk_version()}, seed {options.seed}, "
        f"gap target {options.gap}. The machine is shared: timings are noisy, compare only within one run.",
        "",
        "| instance | jobs | pieces | load | rows | columns | binaries | build s | first plan s | solve s | status | "
        "objective ¥ | bound ¥ | gap | status quo ¥ | greedy ¥ | optimal ¥ | ward h freed | peak MiB |",
        "|" + "---|" * 19,
    ]
    for r in rows:
        gap = f"{100 * r['gap']:.2f} %" if r["gap"] is not None else ""
        lines.append("| " + " | ".join(str(x) for x in [
            r["instance"], r["jobs"], f"{r['pieces']:,}", r["load"], r["rows"], r["columns"], r["binaries"],
            r["build_s"], r["first_plan_s"], r["solve_s"], r["status"], f"{r['objective']:,.0f}",
            f"{r['bound']:,.0f}" if r["bound"] is not None else "", gap, f"{r['status_quo_total']:,.0f}",
            f"{r['greedy_total']:,.0f}" if r["greedy_total"] != "" else "", f"{r['optimal_total']:,.0f}",
            r["ward_hours_freed"], r["peak_mib"]]) + " |")
    lines.append("")
    path = os.path.join(HERE, "RESULTS.md")
    previous = open(path).read() if os.path.exists(path) else "# Benchmark results\n\n"
    marker = "## mailplan ladder"
    head = previous.split(marker)[0].rstrip() + "\n\n"
    with open(path, "w") as handle:
        handle.write(head + "\n".join(lines))


if __name__ == "__main__":
    main()
