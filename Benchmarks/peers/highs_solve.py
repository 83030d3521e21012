#!/usr/bin/env python3
"""Solves an exported mailplan model (free MPS) with HiGHS and prints one JSON object on stdout.

Usage: highs_solve.py MODEL.mps --time-limit S --gap G --log FILE [--threads N] [--trace FILE] [--fix-routes PLAN.json]

Run it with the benchmark venv's python (Benchmarks/.venv, where `pip install highspy` put HiGHS). The JSON has
solver, version, status (optimal | gap | time_limit | no_solution | infeasible | other), HiGHS's own model status,
objective and bound (yen, the controllable cost; null when none), gap ((objective - bound) / objective), read_s
(reading the MPS), time_s (HiGHS's run, from its own clock), nodes, and trace: [time_s, incumbent, bound] points
gathered by HiGHS's MIP logging and improving-solution callbacks (the same figures as the log lines). The trace is
also appended line by line to --trace (JSON lines) while the solve runs, so it survives a killed solve.

--fix-routes PLAN.json (a mailplan plan.json of the same week) fixes each job's route binary
x_JOB_R1.R2... (the plan's resource for each stage, in stage order) or its deferral column defer_JOB to 1, so HiGHS
only re-decides days, setups and lots for the plan's routes: a check that the plan fits the exported model and
costs there what mailplan says. The JSON then has fixed_routes (columns fixed) and missing_routes (the plan's
routes the model has no column for; none is expected).
"""
import argparse
import json
import math
import sys
import time

import highspy


def finite(value):
    return value if value is not None and math.isfinite(value) and abs(value) < 1e29 else None


STAGE_ORDER = {"extract": 0, "insert": 1, "dispatch": 2}


def fix_routes(h, plan_path):
    """Fixes the plan's route (or deferral) column of every job to 1; returns (columns fixed, names missing)."""
    plan = json.load(open(plan_path))
    stages = {}
    for assignment in plan["assignments"]:
        stages.setdefault(assignment["job"], []).append((STAGE_ORDER[assignment["stage"]], assignment["resource"]))
    names = [f"x_{job}_" + ".".join(resource for _, resource in sorted(route)) for job, route in stages.items()]
    names += [f"defer_{job}" for job in plan.get("deferred", [])]
    fixed, missing = 0, []
    for name in names:
        status, index = h.getColByName(name)
        if status != highspy.HighsStatus.kOk:
            missing.append(name)
            continue
        h.changeColBounds(index, 1.0, 1.0)
        fixed += 1
    return fixed, missing


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model")
    parser.add_argument("--time-limit", type=float, required=True)
    parser.add_argument("--gap", type=float, default=0.001)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--log", required=True)
    parser.add_argument("--trace")
    parser.add_argument("--fix-routes", metavar="PLAN.json")
    options = parser.parse_args()

    h = highspy.Highs()
    h.setOptionValue("output_flag", True)
    h.setOptionValue("log_to_console", False)
    h.setOptionValue("log_file", options.log)
    h.setOptionValue("time_limit", options.time_limit)
    h.setOptionValue("mip_rel_gap", options.gap)
    h.setOptionValue("threads", options.threads)
    h.setOptionValue("random_seed", 0)

    trace = []
    trace_file = open(options.trace, "w") if options.trace else None

    def record(event):
        out = event.data_out
        point = [round(out.running_time, 3), finite(out.mip_primal_bound), finite(out.mip_dual_bound)]
        if trace and trace[-1][1:] == point[1:]:
            return
        trace.append(point)
        if trace_file:
            trace_file.write(json.dumps(point) + "\n")
            trace_file.flush()

    h.cbMipLogging.subscribe(record)
    h.cbMipImprovingSolution.subscribe(record)

    began = time.monotonic()
    status = h.readModel(options.model)
    read_s = time.monotonic() - began
    if status != highspy.HighsStatus.kOk and status != highspy.HighsStatus.kWarning:
        print(json.dumps({"solver": "highs", "status": "error", "error": f"readModel: {status}"}))
        return 1
    fixed, missing = fix_routes(h, options.fix_routes) if options.fix_routes else (None, None)

    began = time.monotonic()
    h.run()
    wall_s = time.monotonic() - began
    info = h.getInfo()
    model_status = h.modelStatusToString(h.getModelStatus())
    objective = finite(info.objective_function_value) if info.primal_solution_status == 2 else None
    bound = finite(info.mip_dual_bound)
    if objective is not None and bound is not None:
        bound = min(bound, objective)  # HiGHS can report a dual bound a rounding above the incumbent at optimality
    gap = max(0.0, objective - bound) / max(abs(objective), 1e-9) if objective is not None and bound is not None else None
    if h.getModelStatus() == highspy.HighsModelStatus.kInfeasible:
        result = "infeasible"
    elif objective is None:
        result = "no_solution"
    elif gap is not None and gap <= 1e-9:
        result = "optimal"
    elif gap is not None and gap <= options.gap:
        result = "gap"
    elif h.getModelStatus() == highspy.HighsModelStatus.kTimeLimit:
        result = "time_limit"
    else:
        result = "other"
    final = [round(h.getRunTime(), 3), objective, bound]
    if not trace or trace[-1][1:] != final[1:]:
        trace.append(final)
    if trace_file:
        trace_file.close()
    print(json.dumps({
        "solver": "highs", "version": h.version(), "threads": options.threads, "status": result,
        "model_status": model_status, "objective": objective, "bound": bound, "gap": gap,
        "read_s": round(read_s, 3), "time_s": round(h.getRunTime(), 3), "wall_s": round(wall_s, 3),
        "nodes": info.mip_node_count, "simplex_iterations": info.simplex_iteration_count, "trace": trace,
        **({"fixed_routes": fixed, "missing_routes": missing} if options.fix_routes else {}),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
