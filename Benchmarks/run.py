#!/usr/bin/env python3
"""The benchmark ladder: generate seeded job books, run the three planners on each, record the figures, and solve
each instance's exported MILP with the peer solvers HiGHS and CBC under the same time limit.

Usage (from the checkout): python3 Benchmarks/run.py [--rungs 300,600,...] [--time-limit S] [--seed S] [--peers highs,cbc]
Writes Benchmarks/results.csv, Benchmarks/peers.csv and Benchmarks/RESULTS.md. Standard library only; HiGHS runs in
Benchmarks/.venv (created here, `pip install highspy`), CBC is Debian's coinor-cbc (apt-get installed when missing).
See Benchmarks/README.md.
"""
import argparse
import csv
import datetime
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = os.path.join(HERE, "work")
BINARY = os.path.join(ROOT, ".build", "release", "mailplan")
VENV = os.path.join(HERE, ".venv")
VENV_PYTHON = os.path.join(VENV, "bin", "python")
PEERS = os.path.join(HERE, "peers")
# Runs of a restricted model (routes fixed): their bound holds for that restriction only, not for the week.
RESTRICTED = {"highs-routes"}
PEER_NAMES = {"mailplan": "mailplan (GLPK)", "highs": "HiGHS", "cbc": "CBC", "highs-long": "HiGHS, longer check",
              "highs-routes": "HiGHS, mailplan's routes fixed"}


def run(args):
    """Runs a command from the checkout; returns (exit status, stdout, stderr, wall seconds)."""
    began = time.monotonic()
    process = subprocess.run(args, capture_output=True, cwd=ROOT)
    return process.returncode, process.stdout.decode(), process.stderr.decode(), time.monotonic() - began


def write_atomically(path, write):
    """Writes `path` through `write(handle)` into a temporary file beside it, then renames that over `path`: a run
    stopped or failing mid-write leaves the previous file whole, never half-written."""
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path) or ".", prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", newline="", encoding="utf-8") as file:
            mask = os.umask(0)
            os.umask(mask)
            os.fchmod(file.fileno(), 0o666 & ~mask)  # as open() would have made it, not mkstemp's 0600
            write(file)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def write_json(path, value):
    write_atomically(path, lambda handle: json.dump(value, handle, indent=1))


def write_csv(path, rows):
    def write(handle):
        writer = csv.DictWriter(handle, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(rows)
    write_atomically(path, write)


def run_measured(args):
    """Runs a command under /usr/bin/time -v to get its own peak memory."""
    code, out, err, wall = run(["/usr/bin/time", "-v"] + args)
    peak = None
    for line in err.splitlines():
        if "Maximum resident set size" in line:
            peak = int(line.split(":")[1]) / 1024
    return code, out, err, wall, peak


# --- peer solvers -------------------------------------------------------------------------------------------------

def ensure_peers(options):
    """Creates Benchmarks/.venv with highspy and installs coinor-cbc when missing; returns the peers to run."""
    peers = [p for p in options.peers.split(",") if p and p != "none"]
    unknown = set(peers) - {"highs", "cbc"}
    if unknown:
        sys.exit(f"--peers: unknown solver {', '.join(sorted(unknown))} (highs, cbc or none)")
    if "highs" in peers:
        if not os.path.exists(VENV_PYTHON):
            if subprocess.run(["python3", "-m", "venv", VENV]).returncode != 0:
                # Debian's python3 needs python3-venv for `python3 -m venv` (ensurepip).
                shutil.rmtree(VENV, ignore_errors=True)
                apt_install("python3-venv")
                subprocess.run(["python3", "-m", "venv", VENV], check=True)
        if subprocess.run([VENV_PYTHON, "-c", "import highspy"], capture_output=True).returncode != 0:
            subprocess.run([VENV_PYTHON, "-m", "pip", "install", "--quiet", options.highspy], check=True)
    if "cbc" in peers and shutil.which("cbc") is None:
        apt_install("coinor-cbc")
    return peers


def apt_install(package):
    print(f"installing {package} with apt-get", file=sys.stderr, flush=True)
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run(prefix + ["apt-get", "update"], check=True)
    subprocess.run(prefix + ["apt-get", "install", "-y", package], check=True)


def run_json(args, timeout):
    """Runs a peer script; returns its JSON (the last stdout line) or an error dictionary. Killed after `timeout` s."""
    began = time.monotonic()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, text=True,
                               start_new_session=True)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return {"status": "killed", "error": f"killed after {timeout:.0f} s", "wall_s": time.monotonic() - began}
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if process.returncode != 0 or not lines:
        return {"status": "error", "error": (err or out).strip()[-500:], "wall_s": time.monotonic() - began}
    return json.loads(lines[-1])


def read_trace_jsonl(path):
    points = []
    if os.path.exists(path):
        for line in open(path):
            try:
                points.append(json.loads(line))
            except ValueError:
                pass
    return points


def read_progress_log(path):
    """mailplan's `plan --progress-log` CSV as [time, incumbent, bound] points."""
    points = []
    if not os.path.exists(path):
        return points
    with open(path) as handle:
        for row in csv.DictReader(handle):
            def number(key):
                return float(row[key]) if row[key] else None
            points.append([float(row["elapsed_s"]), number("incumbent"), number("bound")])
    return points


def gap_of(incumbent, bound):
    if incumbent is None or bound is None:
        return None
    return max(0.0, incumbent - bound) / max(abs(incumbent), 1e-9)


def time_to_gap(trace, target):
    """The first time in a trace at which the solver's own gap (incumbent vs its own bound) was at most `target`."""
    if target is None:
        return None
    for t, incumbent, bound in trace:
        gap = gap_of(incumbent, bound)
        if gap is not None and gap <= target + 1e-9:
            return t
    return None


def first_time(trace, index):
    return next((point[0] for point in trace if point[index] is not None), None)


def model_size(mps_path):
    """Rows, columns, integers, binaries and nonzeros from the header GLPK writes at the top of the MPS file."""
    size = {}
    with open(mps_path) as handle:
        head = "".join(handle.readline() for _ in range(8))
    for key, pattern in [("rows", r"Rows:\s+(\d+)"), ("columns", r"Columns:\s+(\d+)"),
                         ("integers", r"\((\d+) integer"), ("binaries", r"(\d+) binary\)"),
                         ("nonzeros", r"Non-zeros:\s+(\d+)")]:
        if m := re.search(pattern, head):
            size[key] = int(m.group(1))
    # Integer pieces are the only integers that are not binaries (`mailplan export` says the same in words).
    size["pieces"] = "integer" if size.get("integers", 0) > size.get("binaries", 0) else "continuous"
    return size


def solve_peers(name, week_path, limit, peers, options):
    """Exports the instance and solves it with each peer in turn (never two at once); returns (size, {peer: result})."""
    folder = os.path.join(WORK, "peers", name)
    os.makedirs(folder, exist_ok=True)
    mps = os.path.join(folder, "model.mps")
    code, out, err, _ = run([BINARY, "export", week_path, "--mps", mps])
    if code != 0:
        print(f"{name} export: exit {code}\n{err}", file=sys.stderr)
        return None, {}
    size = model_size(mps)
    results = {}
    for peer in peers:
        results[peer] = solve_one(peer, mps, folder, limit, options)
        report_peer(name, peer, results[peer])
    return size, results


def report_peer(name, peer, result):
    print(f"  {name} {peer}: {result.get('status')} objective {result.get('objective')} bound {result.get('bound')} "
          f"in {result.get('time_s')} s" + (f" ({result['error']})" if result.get("error") else ""), flush=True)


def solve_one(peer, mps, folder, limit, options, suffix="", extra=(), fields=None):
    """One peer on one model; its log, trace and JSON (with `fields` added) go to `folder`. A hung solver is killed
    at 2 × limit + 180 s."""
    hard_stop = 2 * limit + 180
    if peer == "highs":
        trace_path = os.path.join(folder, f"highs{suffix}.trace.jsonl")
        result = run_json([VENV_PYTHON, os.path.join(PEERS, "highs_solve.py"), mps, "--time-limit", str(limit),
                           "--gap", str(options.gap), "--threads", str(options.highs_threads),
                           "--log", os.path.join(folder, f"highs{suffix}.log"), "--trace", trace_path] + list(extra),
                          hard_stop)
        if "trace" not in result:  # killed or failed: keep what the trace file caught
            result["trace"] = read_trace_jsonl(trace_path)
            last = result["trace"][-1] if result["trace"] else [None, None, None]
            result.update(objective=last[1], bound=last[2], gap=gap_of(last[1], last[2]), time_s=result.get("wall_s"))
    else:
        result = run_json([sys.executable, os.path.join(PEERS, "cbc_solve.py"), mps, "--time-limit", str(limit),
                           "--gap", str(options.gap), "--log", os.path.join(folder, f"cbc{suffix}.log")], hard_stop)
        result.setdefault("trace", [])
        if result.get("time_s") is None:
            result["time_s"] = result.get("wall_s")
    result["time_limit_s"] = limit
    result.update(fields or {})
    write_json(os.path.join(folder, f"{peer}{suffix}.json"), result)
    return result


def tolerance(value):
    """Slack for comparing objectives and bounds of different solvers (feasibility tolerances, rounding): 1 yen + 10 ppm."""
    return 1.0 + 1e-5 * abs(value)


def consistency(mailplan, peer, restricted=False):
    """Both [bound, objective] intervals must overlap: each solver's plan costs at least the other's proven bound.
    A restricted run's bound holds only for the routes it fixed, those of the mailplan plan it was run on, which need
    not be the current plan (`--report-only` after a new ladder): it is checked against that plan's cost.
    Returns (ok or None when there is nothing to compare, text)."""
    if peer.get("objective") is None and peer.get("bound") is None:
        return None, "nothing to compare (no incumbent, no bound)"
    problems = []
    if peer.get("objective") is not None and mailplan.get("bound") is not None:
        if peer["objective"] < mailplan["bound"] - tolerance(mailplan["bound"]):
            problems.append(f"peer objective {peer['objective']:,.0f} < mailplan bound {mailplan['bound']:,.0f}")
    own = peer.get("routes_plan_objective") if restricted else mailplan.get("objective")
    if peer.get("bound") is not None and own is not None:
        if own < peer["bound"] - tolerance(peer["bound"]):
            whose = "the objective of the plan whose routes it fixed" if restricted else "mailplan objective"
            problems.append(f"{whose} {own:,.0f} < peer bound {peer['bound']:,.0f}")
    if problems:
        return False, "; ".join(problems)
    if restricted and own is None:
        return True, "its plan costs at least mailplan's bound; its bound, for the routes of a plan not recorded, is not checked"
    return True, "intervals overlap"


def peer_table_rows(name, ladder_row, size, mailplan, solved):
    """One row per solver of an instance: mailplan first, then the peers, with time-to-gap ratios."""
    table = []
    for solver, result in [("mailplan", mailplan)] + list(solved.items()):
        target = mailplan_t = peer_t = ratio = None
        if (solver not in RESTRICTED and mailplan.get("gap") is not None and result.get("gap") is not None
                and max(mailplan["gap"], result["gap"]) < 1):
            target = max(mailplan["gap"], result["gap"])
            mailplan_t = time_to_gap(mailplan["trace"], target)
            peer_t = time_to_gap(result.get("trace", []), target)
            if mailplan_t is not None and peer_t is not None:
                ratio = max(mailplan_t, 0.01) / max(peer_t, 0.01)
        trace = result.get("trace", [])

        def rounded(key, digits=2):
            return round(result[key], digits) if result.get(key) is not None else ""
        table.append({
            "instance": name, "jobs": ladder_row["jobs"], "solver": solver, "version": result.get("version", ""),
            "time_limit_s": result.get("time_limit_s"), "rows": size.get("rows"), "columns": size.get("columns"),
            "binaries": size.get("binaries"), "integers": size.get("integers"), "nonzeros": size.get("nonzeros"),
            "pieces": size.get("pieces"), "time_s": rounded("time_s"),
            "first_incumbent_s": first_time(trace, 1) if first_time(trace, 1) is not None else "",
            "first_bound_s": first_time(trace, 2) if first_time(trace, 2) is not None else "",
            "nodes": result.get("nodes") if result.get("nodes") is not None else "", "status": result.get("status"),
            "objective": rounded("objective"), "bound": rounded("bound"), "gap": rounded("gap", 6),
            "target_gap": round(target, 6) if target is not None else "",
            "mailplan_time_to_target_s": round(mailplan_t, 2) if mailplan_t is not None else "",
            "peer_time_to_target_s": round(peer_t, 2) if peer_t is not None else "",
            "time_to_gap_ratio": round(ratio, 3) if ratio is not None else "",
        })
    return table


def route_check(name, limit, options):
    """HiGHS on the exported model with every job's route fixed to mailplan's plan (days, setups and lots free)."""
    folder = os.path.join(WORK, "peers", name)
    plan_path = os.path.join(WORK, "plans", name, "optimal", "plan.json")
    # Its bound holds for these routes only: the cost of the plan they came from is kept to check it against.
    result = solve_one("highs", os.path.join(folder, "model.mps"), folder, limit, options, suffix="-routes",
                       extra=["--fix-routes", plan_path],
                       fields={"routes_plan_objective": json.load(open(plan_path))["objective"]})
    report_peer(name, "highs-routes", result)
    return result


def assess(name, row, plan, progress_path, size, solved, environment):
    """Peer-table rows and consistency checks of one instance, from mailplan's plan.json and the peers' results."""
    mailplan = {"version": f"GLPK {environment['glpk']}", "status": plan["status"], "objective": plan["objective"],
                "bound": plan["bound"], "gap": plan["gap"], "time_s": plan["solveSeconds"],
                "time_limit_s": row["time_limit_s"], "trace": read_progress_log(progress_path)}
    checks = []
    for peer, result in solved.items():
        ok, text = consistency(mailplan, result, restricted=peer in RESTRICTED)
        difference = within = None
        if result.get("objective") is not None:
            difference = (result["objective"] - plan["objective"]) / abs(plan["objective"])
            within = plan["gap"] is not None and abs(difference) <= plan["gap"]
        checks.append({"instance": name, "solver": peer, "ok": ok, "text": text,
                       "mailplan": (plan["bound"], plan["objective"]),
                       "peer": (result.get("bound"), result.get("objective")),
                       "difference": difference, "within_gap": within})
        if ok is False:
            print(f"!!! CONSISTENCY VIOLATION {name} {peer}: {text}", file=sys.stderr, flush=True)
    return peer_table_rows(name, row, size, mailplan, solved), checks


def report_only(options):
    """Rebuilds results.csv's companions (peers.csv, RESULTS.md) from what a run left in Benchmarks/work."""
    path = os.path.join(WORK, "environment.json")
    if os.path.exists(path):
        environment = json.load(open(path))
    else:
        environment = describe_environment(["highs", "cbc"])
        stamp = os.path.getmtime(os.path.join(HERE, "results.csv"))
        environment["date"] = datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    rows, peer_rows, checks = [], [], []
    with open(os.path.join(HERE, "results.csv")) as handle:
        for raw in csv.DictReader(handle):
            row = {}
            for key, text in raw.items():
                try:
                    row[key] = int(text) if re.fullmatch(r"-?\d+", text) else float(text)
                except ValueError:
                    row[key] = text
            rows.append(row)
    peers = set()
    for row in rows:
        name = row["instance"]
        plan_path = os.path.join(WORK, "plans", name, "optimal", "plan.json")
        folder = os.path.join(WORK, "peers", name)
        if not os.path.exists(plan_path) or not os.path.exists(os.path.join(folder, "model.mps")):
            continue
        plan = json.load(open(plan_path))
        solved = {}
        for peer in ["highs", "cbc", "highs-long", "highs-routes"]:
            if os.path.exists(os.path.join(folder, f"{peer}.json")):
                solved[peer] = json.load(open(os.path.join(folder, f"{peer}.json")))
                if "SIGKILL" in solved[peer].get("signals", []):
                    solved[peer]["status"] = "killed"  # as cbc_solve.py now says itself
                peers.add(peer.split("-")[0])
        if not solved:
            continue
        table, found = assess(name, row, plan, os.path.join(WORK, "plans", name, "optimal-progress.csv"),
                              model_size(os.path.join(folder, "model.mps")), solved, environment)
        peer_rows.extend(table)
        checks.extend(found)
    write_outputs(rows, peer_rows, checks, environment, options, sorted(peers))


# --- the run ------------------------------------------------------------------------------------------------------

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
    parser.add_argument("--no-osaka", action="store_true", help="leave out the bundled Osaka week")
    parser.add_argument("--peers", default="highs,cbc", help="peer solvers on the exported models: highs,cbc, one of them, or none")
    parser.add_argument("--highs-threads", type=int, default=1, help="HiGHS threads (GLPK and CBC run on one)")
    parser.add_argument("--highspy", default="highspy==1.16.0", help="pip requirement installed into Benchmarks/.venv")
    parser.add_argument("--osaka-check-limit", type=float, default=600,
                        help="when HiGHS finds no plan for the Osaka week as good as mailplan's within the time "
                             "limit, solve it once more with this limit (0: never)")
    parser.add_argument("--report-only", action="store_true",
                        help="solve nothing: rebuild peers.csv and RESULTS.md from results.csv and Benchmarks/work")
    options = parser.parse_args()
    if options.report_only:
        return report_only(options)

    if not options.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "mailplan"], cwd=ROOT, check=True)
    os.makedirs(WORK, exist_ok=True)
    peers = ensure_peers(options)
    environment = describe_environment(peers)
    write_json(os.path.join(WORK, "environment.json"), environment)

    instances = [] if options.no_osaka else [("osaka", os.path.join(ROOT, "Jobs", "osaka"), None, None)]
    for jobs in [int(x) for x in options.rungs.split(",") if x]:
        instances.append((f"ladder-{jobs}", os.path.join(WORK, f"ladder-{jobs}"), jobs, options.load))
    if options.stress:
        instances.append((f"stress-{options.stress}", os.path.join(WORK, f"stress-{options.stress}"), options.stress, options.stress_load))

    rows, peer_rows, checks = [], [], []
    for name, folder, jobs, load in instances:
        if jobs is not None:
            subprocess.run([BINARY, "generate", "--jobs", str(jobs), "--seed", str(options.seed), "--load", str(load),
                            "--out", folder], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        week = sorted(f for f in os.listdir(folder) if f.endswith(".csv"))[-1]
        week_path = os.path.join(folder, week)
        limit = options.large_time_limit if (jobs or 0) >= 2400 else options.time_limit
        out_dir = os.path.join(WORK, "plans", name)
        os.makedirs(out_dir, exist_ok=True)
        progress_path = os.path.join(out_dir, "optimal-progress.csv")
        results = {}
        for planner in ["status-quo", "greedy", "optimal"]:
            extra = (["--progress-log", progress_path, "--search-log", os.path.join(out_dir, "optimal-search.csv")]
                     if planner == "optimal" else [])
            code, out, err, wall, peak = run_measured(
                [BINARY, "plan", week_path, "--planner", planner, "--format", "json", "--quiet",
                 "--time-limit", str(limit), "--gap", str(options.gap), "--out", os.path.join(out_dir, planner)] + extra)
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

        if peers:
            size, solved = solve_peers(name, week_path, limit, peers, options)
            if size is not None:
                # The Osaka week's check: HiGHS should find a plan as good as mailplan's. When it ends without
                # one within the limit, it gets one longer run.
                highs = solved.get("highs", {})
                if (name == "osaka" and "highs" in solved and options.osaka_check_limit > 0
                        and (highs.get("objective") is None or highs["objective"] > plan["objective"] + tolerance(plan["objective"]))):
                    print(f"  osaka: HiGHS found no plan as good as mailplan's in {limit:.0f} s; once more with "
                          f"{options.osaka_check_limit:.0f} s", flush=True)
                    folder_peers = os.path.join(WORK, "peers", name)
                    solved["highs-long"] = solve_one("highs", os.path.join(folder_peers, "model.mps"), folder_peers,
                                                     options.osaka_check_limit, options, suffix="-long")
                    report_peer(name, "highs-long", solved["highs-long"])
                if name == "osaka" and "highs" in solved and options.osaka_check_limit > 0:
                    solved["highs-routes"] = route_check(name, limit, options)
                table, found = assess(name, row, plan, progress_path, size, solved, environment)
                peer_rows.extend(table)
                checks.extend(found)

        # Written after every instance, so that a long run stopped early still leaves its figures.
        write_outputs(rows, peer_rows, checks, environment, options, peers)


def command_output(args):
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ""


def glpk_version():
    """The Debian library package's version (what mailplan links), and `glpsol --version` where glpk-utils is installed."""
    package = command_output(["dpkg-query", "-W", "-f=${Version}", "libglpk40"])
    text = f"{package} (Debian libglpk40)" if package else "unknown"
    if shutil.which("glpsol"):
        match = re.search(r"GLPK.*?(\d+\.\d+)", command_output(["glpsol", "--version"]))
        if match:
            text += f", glpsol {match.group(1)}"
    return text


def describe_environment(peers):
    lscpu = command_output(["lscpu"])
    model = next((line.split(":", 1)[1].strip() for line in lscpu.splitlines() if line.startswith("Model name")),
                 platform.processor() or platform.machine())
    memory = next((int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal")), 0) / 1024 / 1024
    environment = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{model}, {os.cpu_count()} cores, {memory:.1f} GiB, {platform.system()} {platform.release()} "
                   f"({platform.node()})",
        "glpk": glpk_version(), "highs": None, "cbc": None,
    }
    if "highs" in peers:
        environment["highs"] = command_output(
            [VENV_PYTHON, "-c", "import importlib.metadata as m; print(m.version('highspy'))"]).strip() or "?"
    if "cbc" in peers:
        banner = command_output(["cbc", "-quit"])
        version = re.search(r"Version:\s*(\S+)", banner)
        build = re.search(r"Build Date:\s*(.+)", banner)
        environment["cbc"] = (version.group(1) if version else "?") + (f", built {build.group(1).strip()}" if build else "")
    return environment


def write_outputs(rows, peer_rows, checks, environment, options, peers):
    if rows:
        write_csv(os.path.join(HERE, "results.csv"), rows)
    if peer_rows:
        write_csv(os.path.join(HERE, "peers.csv"), peer_rows)
    write_markdown(rows, peer_rows, checks, environment, options, peers)


# --- RESULTS.md ---------------------------------------------------------------------------------------------------

def yen(value):
    return f"{value:,.0f}" if value not in (None, "") else "—"


def percent(value):
    return f"{100 * value:.2f} %" if value not in (None, "") else "—"


def seconds(value):
    return f"{value:.1f}" if value not in (None, "") else "—"


PEER_MARKER = "## Peer solvers"
KEPT_NOTE = ("*Kept from an earlier run: the run that wrote the ladder above solved no peers, so this section, "
             "its mailplan rows included, is from the build and the date of that earlier run.*")


def write_markdown(rows, peer_rows, checks, environment, options, peers):
    solvers = [f"GLPK {environment['glpk']} (mailplan, one thread)"]
    if environment["highs"]:
        solvers.append(f"HiGHS {environment['highs']} (PyPI highspy, {options.highs_threads} thread"
                       f"{'s' if options.highs_threads != 1 else ''})")
    if environment["cbc"]:
        solvers.append(f"CBC {environment['cbc']} (Debian coinor-cbc, one thread)")
    lines = [
        "## mailplan ladder (generated by `python3 Benchmarks/run.py`)",
        "",
        f"Measured {environment['date']} on {environment['machine']}. Solvers: {'; '.join(solvers)}. "
        f"Generator seed {options.seed} (ladder load {options.load}, stress rung {options.stress_load}); gap target "
        f"{options.gap}; time limits {options.time_limit:.0f} s, {options.large_time_limit:.0f} s from 2,400 jobs. "
        "**The machine is shared (2 cores, other builds running): timings are noisy, compare only within one run.**",
        "",
        "| instance | jobs | pieces | load | rows | columns | binaries | build s | first plan s | solve s | status | "
        "objective ¥ | bound ¥ | gap | status quo ¥ | greedy ¥ | optimal ¥ | optimal saves | ward h freed | peak MiB |",
        "|" + "---|" * 20,
    ]
    for r in rows:
        saving = 1 - r["optimal_total"] / r["status_quo_total"] if r["status_quo_total"] else None
        lines.append("| " + " | ".join(str(x) for x in [
            r["instance"], r["jobs"], f"{r['pieces']:,}", r["load"], r["rows"], r["columns"], r["binaries"],
            r["build_s"], r["first_plan_s"], r["solve_s"], r["status"], yen(r["objective"]), yen(r["bound"]),
            percent(r["gap"]), yen(r["status_quo_total"]), yen(r["greedy_total"]), yen(r["optimal_total"]),
            percent(saving), r["ward_hours_freed"], r["peak_mib"]]) + " |")
    lines.append("")
    lines.append("Objective, bound and gap are on the controllable cost (total less gross postage); status quo, greedy "
                 "and optimal are whole-plan totals; \"optimal saves\" is the optimal plan's total against the status "
                 "quo's; ward hours freed are the optimal plan's against the status quo.")
    lines.append("")
    path = os.path.join(HERE, "RESULTS.md")
    previous = open(path, encoding="utf-8").read() if os.path.exists(path) else "# Benchmark results\n\n"
    marker = "## mailplan ladder"
    head = previous.split(marker)[0].rstrip() + "\n\n"
    if peer_rows:
        lines += peer_section(peer_rows, checks, options)
    elif PEER_MARKER in previous:
        # A run without peers (or --report-only without Benchmarks/work/peers) cannot rebuild the peer section: the
        # previous one is kept as it was, marked as such, and said so rather than dropped or passed off as new.
        kept = PEER_MARKER + previous.split(PEER_MARKER, 1)[1].rstrip() + "\n"
        if KEPT_NOTE not in kept:
            title, rest = kept.split("\n", 1)
            kept = f"{title}\n\n{KEPT_NOTE}\n{rest}"
        lines.append(kept)
        print("warning: no peer results in Benchmarks/work/peers: the peer-solver section of the previous RESULTS.md is "
              "kept as it was, and peers.csv too (a run with --peers rebuilds both)", file=sys.stderr)
    write_atomically(path, lambda handle: handle.write(head + "\n".join(lines)))


def best_known(peer_rows):
    """Per instance, the cheapest plan and the strongest bound any solver found, and the gap between them."""
    lines = [
        "### Best known per instance",
        "",
        "The cheapest plan any solver found against the strongest bound any solver proved for the whole model "
        "(the run with mailplan's routes fixed proves a bound for those routes only and is left out): what "
        "mailplan's gap would be with the best bound measured here. A peer's bound may have come after its time "
        "limit (see its time).",
        "",
        "| instance | best plan ¥ | by | best bound ¥ | by | gap | mailplan's own gap |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in dict.fromkeys(r["instance"] for r in peer_rows):
        group = [r for r in peer_rows if r["instance"] == name]
        plans = [r for r in group if r["objective"] != ""]
        bounds = [r for r in group if r["bound"] != "" and r["solver"] not in RESTRICTED]
        if not plans or not bounds:
            continue
        best_plan = min(plans, key=lambda r: r["objective"])
        best_bound = max(bounds, key=lambda r: r["bound"])
        mailplan = next(r for r in group if r["solver"] == "mailplan")
        lines.append(f"| {name} | {yen(best_plan['objective'])} | {PEER_NAMES.get(best_plan['solver'], best_plan['solver'])} | "
                     f"{yen(best_bound['bound'])} | {PEER_NAMES.get(best_bound['solver'], best_bound['solver'])} | "
                     f"{percent(gap_of(best_plan['objective'], best_bound['bound']))} | {percent(mailplan['gap'])} |")
    lines.append("")
    return lines


def peer_section(peer_rows, checks, options):
    lines = [
        f"{PEER_MARKER} (generated by `python3 Benchmarks/run.py`)",
        "",
        "Each instance's whole MILP, exported with `mailplan export --mps` (objective: the controllable cost in yen, "
        "the figure of plan.json's objective, bound and gap), solved by HiGHS and CBC with mailplan's time limit and "
        f"relative gap ({options.gap}), one solver at a time. mailplan's row is its own `plan` run (fix-and-optimise "
        "with its own bound, not the exported model handed to GLPK). Times: mailplan from the planner's start "
        "(book loaded), HiGHS from its run clock (the MPS already read), CBC wall clock including reading the MPS. "
        "Logs, traces and models are in `Benchmarks/work/peers/INSTANCE/`.",
        "",
        "**Time to gap**: for each peer, the target is the weaker (larger) of mailplan's and that peer's final gaps; "
        "each solver's time to target is the first moment in its progress trace (mailplan: `plan --progress-log`; "
        "HiGHS: its MIP logging and improving-solution callbacks; CBC: its log, timed as it is printed) when its "
        "incumbent was within the target of its own bound. The ratio is mailplan's time ÷ the peer's (above 1: "
        "mailplan slower). \"—\" when either solver has no final gap (no plan or no bound), when the target is "
        "100 % or more (HiGHS reports the dual objective of an unfinished root LP, which can be negative, as its "
        "bound), or when a solver never reached the target. A ratio at a weak target says who got there first, not "
        "who would prove more.",
        "",
        "| instance | solver | rows | columns | binaries | time s | first plan s | first bound s | nodes | status | "
        "objective ¥ | bound ¥ | gap | target gap | time to target s | mailplan ÷ peer |",
        "|" + "---|" * 16,
    ]
    for r in peer_rows:
        first = r["solver"] == "mailplan"
        time_to_target = r["mailplan_time_to_target_s"] if first else r["peer_time_to_target_s"]
        if not first and r["target_gap"] != "":
            time_to_target = f"{seconds(r['peer_time_to_target_s'])} (mailplan {seconds(r['mailplan_time_to_target_s'])})"
        lines.append("| " + " | ".join(str(x) for x in [
            r["instance"] if first else "", PEER_NAMES.get(r["solver"], r["solver"]),
            r["rows"] if first else "", r["columns"] if first else "",
            r["binaries"] if first else "", seconds(r["time_s"]),
            seconds(r["first_incumbent_s"]), seconds(r["first_bound_s"]), r["nodes"] if r["nodes"] != "" else "—",
            r["status"], yen(r["objective"]), yen(r["bound"]), percent(r["gap"]),
            percent(r["target_gap"]) if not first else "", "" if first else time_to_target,
            (f"{r['time_to_gap_ratio']:.2f}" if r["time_to_gap_ratio"] != "" else "—") if not first else ""]) + " |")
    lines.append("")
    lines += best_known(peer_rows)
    violations = [c for c in checks if c["ok"] is False]
    lines += [
        "### Consistency check",
        "",
        "The solvers share one model, so every solver's plan must cost at least every other's proven bound: a peer's "
        "objective ≥ mailplan's bound and mailplan's objective ≥ the peer's bound, each within 1 yen + 10 ppm. A "
        "violation would mean a bug in the model, the export or a bound.",
        "",
    ]
    if violations:
        lines.append(f"**VIOLATIONS: {len(violations)}. Something is wrong; see below.**")
    else:
        lines.append("No violation: every interval overlaps mailplan's.")
    lines += ["", "\"Objective vs mailplan's\" is (solver's objective − mailplan's) ÷ mailplan's; \"within gap\" says "
              "whether that difference is within mailplan's proven gap (the issue's check for the Osaka week: "
              "the exported model solved by HiGHS matches mailplan's objective within the gap). "
              "\"HiGHS, mailplan's routes fixed\" fixes every job's route binary to mailplan's plan and lets HiGHS "
              "choose days, setups and lots: it checks that mailplan's plan fits the exported model at its cost.",
              "", "| instance | solver | mailplan [bound, objective] ¥ | solver [bound, objective] ¥ | intervals | "
              "objective vs mailplan's | within gap |", "|---|---|---|---|---|---|---|"]
    for c in checks:
        verdict = {True: "ok", False: "**VIOLATION**", None: "—"}[c["ok"]]
        difference = f"{100 * c['difference']:+.2f} %" if c.get("difference") is not None else "—"
        within = {True: "yes", False: "no", None: "—"}[c.get("within_gap")]
        lines.append(f"| {c['instance']} | {PEER_NAMES.get(c['solver'], c['solver'])} | "
                     f"[{yen(c['mailplan'][0])}, {yen(c['mailplan'][1])}] | [{yen(c['peer'][0])}, {yen(c['peer'][1])}] | "
                     f"{verdict}: {c['text']} | {difference} | {within} |")
    lines.append("")
    return lines


if __name__ == "__main__":
    main()
