#!/usr/bin/env python3
"""Solves an exported mailplan model (free MPS) with CBC (Debian coinor-cbc) and prints one JSON object on stdout.

Usage: cbc_solve.py MODEL.mps --time-limit S --gap G --log FILE [--grace S]

Runs `cbc MODEL.mps -timeMode elapsed -sec S -ratio G -log 1 -solve` single-threaded (CBC's default, threads 0),
writes its whole output to --log with each line prefixed by the wall-clock seconds since CBC started (run under
`stdbuf -oL` so that lines arrive as they are printed), and parses it. CBC checks its time limit only once
branch and bound runs, so a root LP or preprocessing that outlasts the limit would run on: after S + --grace
seconds the runner sends SIGINT (CBC stops as on ctrl-c and still prints its result), and SIGKILL a minute later.

The JSON has solver, version, status (optimal | gap | time_limit | no_solution | infeasible | interrupted | killed |
other),
CBC's own result line, objective and bound (yen, the controllable cost; null when none), gap, time_s (wall clock,
including reading the MPS), lp_s and lp_objective (the continuous relaxation, from CBC's "Continuous objective
value" line), root_bound (after root cuts), nodes, and trace: [time_s, incumbent, bound] points from the log (the
continuous bound, root cuts, every integer solution found and every node report), timed by the wall clock.
Standard library only.
"""
import argparse
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

NUMBER = r"(-?[0-9.]+(?:e[+-]?[0-9]+)?)"
NO_SOLUTION = 1e49  # CBC writes 1e+50 for "no solution yet"


def value(text):
    number = float(text)
    return None if not math.isfinite(number) or abs(number) >= NO_SOLUTION else number


def cbc_version():
    try:
        out = subprocess.run(["cbc", "-quit"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r"Version:\s*(\S+)", out)
    return match.group(1) if match else None


def parse(lines, time_limit, gap_target):
    """Parses (seconds, text) lines of a CBC log into the result dictionary (without version)."""
    trace = []
    incumbent = bound = None
    facts = {"lp_s": None, "lp_objective": None, "root_bound": None, "nodes": None, "result": None,
             "objective": None, "bound": None, "final_gap": None, "cbc_time_s": None}

    def point(t):
        entry = [round(t, 3), incumbent, bound]
        if not trace or trace[-1][1:] != entry[1:]:
            trace.append(entry)

    for t, line in lines:
        if m := re.search(r"Continuous objective value is " + NUMBER + r" - " + NUMBER + " seconds", line):
            facts["lp_objective"] = float(m.group(1))
            facts["lp_s"] = float(m.group(2))
            bound = float(m.group(1))
            point(t)
        elif m := re.search(r"Cbc0013I At root node, .* to " + NUMBER + " in", line):
            facts["root_bound"] = float(m.group(1))
            bound = max(bound, float(m.group(1))) if bound is not None else float(m.group(1))
            point(t)
        elif m := re.search(r"Cbc00(?:04|12|16)I Integer solution of " + NUMBER, line):
            found = value(m.group(1))
            if found is not None and (incumbent is None or found < incumbent):
                incumbent = found
            point(t)
        elif m := re.search(r"Cbc0010I After (\d+) nodes, \d+ on tree, " + NUMBER + r" best solution, best possible "
                            + NUMBER, line):
            facts["nodes"] = int(m.group(1))
            best = value(m.group(2))
            if best is not None:
                incumbent = best
            possible = value(m.group(3))
            if possible is not None:
                bound = possible if bound is None else max(bound, possible)
            point(t)
        elif m := re.search(r"Cbc000[15]I .*best objective " + NUMBER + r"(?: \(best possible " + NUMBER + r"\))?.*took \d+ iterations and (\d+) nodes", line):
            best = value(m.group(1))
            if best is not None:
                incumbent = best
            if m.group(2) is not None and value(m.group(2)) is not None:
                bound = value(m.group(2))
            facts["nodes"] = int(m.group(3))
            point(t)
        elif line.startswith("Result - "):
            facts["result"] = line[len("Result - "):].strip()
        elif m := re.match(r"Objective value:\s+" + NUMBER, line):
            facts["objective"] = value(m.group(1))
        elif m := re.match(r"Lower bound:\s+" + NUMBER, line):
            facts["bound"] = value(m.group(1))
        elif m := re.match(r"Enumerated nodes:\s+(\d+)", line):
            facts["nodes"] = int(m.group(1))
        elif m := re.match(r"Time \(Wallclock seconds\):\s+" + NUMBER, line):
            facts["cbc_time_s"] = float(m.group(1))

    result = facts["result"] or ""
    objective = facts["objective"] if facts["objective"] is not None else incumbent
    if "Optimal solution found" in result and "tolerance" not in result and objective is not None:
        final_bound = objective  # proven optimal
    else:
        # Stopped by time, by the gap tolerance or by a signal: the last bound CBC printed.
        final_bound = facts["bound"] if facts["bound"] is not None else bound
    if objective is not None and final_bound is not None:
        final_bound = min(final_bound, objective)
    gap = (max(0.0, objective - final_bound) / max(abs(objective), 1e-9)
           if objective is not None and final_bound is not None else None)
    if "infeasible" in result.lower():
        status = "infeasible"
    elif objective is None:
        status = "no_solution"
    elif gap is not None and gap <= 1e-9:
        status = "optimal"
    elif gap is not None and gap <= gap_target + 1e-12:
        status = "gap"
    elif "time" in result.lower():
        status = "time_limit"
    elif "ctrl-c" in result.lower() or not result:
        status = "interrupted"
    else:
        status = "other"
    if objective is not None or final_bound is not None:
        last_t = lines[-1][0] if lines else 0.0
        entry = [round(last_t, 3), objective, final_bound]
        if not trace or trace[-1][1:] != entry[1:]:
            trace.append(entry)
    return {"status": status, "result": result, "objective": objective, "bound": final_bound, "gap": gap,
            "lp_s": facts["lp_s"], "lp_objective": facts["lp_objective"], "root_bound": facts["root_bound"],
            "nodes": facts["nodes"], "cbc_time_s": facts["cbc_time_s"], "trace": trace}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model")
    parser.add_argument("--time-limit", type=float, required=True)
    parser.add_argument("--gap", type=float, default=0.001)
    parser.add_argument("--log", required=True)
    parser.add_argument("--grace", type=float, default=None, help="seconds past the limit before SIGINT (default: half the limit + 60)")
    options = parser.parse_args()
    grace = options.grace if options.grace is not None else options.time_limit / 2 + 60

    # CBC writes through stdio, which a pipe makes block-buffered: stdbuf (coreutils) keeps it line by line, so
    # that each line is timed when CBC prints it.
    prefix = ["stdbuf", "-oL"] if shutil.which("stdbuf") else []
    command = prefix + ["cbc", options.model, "-timeMode", "elapsed", "-sec", str(options.time_limit),
               "-ratio", str(options.gap), "-log", "1", "-solve", "-quit"]
    began = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    interrupted = []

    def watchdog():
        if process.wait_timeout(options.time_limit + grace) is None:
            interrupted.append("SIGINT")
            process.send_signal(signal.SIGINT)
            if process.wait_timeout(60) is None:
                interrupted.append("SIGKILL")
                process.kill()

    def wait_timeout(seconds):
        try:
            return process.wait(seconds)
        except subprocess.TimeoutExpired:
            return None
    process.wait_timeout = wait_timeout
    threading.Thread(target=watchdog, daemon=True).start()

    lines = []
    with open(options.log, "w") as log:
        log.write("# " + " ".join(command) + "\n")
        for raw in process.stdout:
            t = time.monotonic() - began
            text = raw.rstrip("\n")
            lines.append((t, text))
            log.write(f"[{t:9.3f}] {text}\n")
            log.flush()
    process.wait()
    wall = time.monotonic() - began
    result = parse(lines, options.time_limit, options.gap)
    if "SIGKILL" in interrupted:
        result["status"] = "killed"  # it ignored SIGINT (as in Clp's initial LP) and printed no result
    result.update({"solver": "cbc", "version": cbc_version(), "threads": 1, "time_s": round(wall, 3),
                   "exit": process.returncode, "signals": interrupted})
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
