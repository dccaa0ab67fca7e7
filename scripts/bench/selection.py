#!/usr/bin/env python3
"""Selection solver benchmark: generated instances, `cohort select` on a release build.

    scripts/bench/selection.py [--sizes 300,2000,20000,200000] [--per-size 6] [--seed 1] [--milp]

Instances: a skewed country mix (Malaysia and other destinations against origin countries),
scores with two decimals or with heavy ties, about one in ten unreviewed, organisations of
very different sizes. Each has 10 to 40 quotas (gender, destination cap, a minimum for each
origin country, a South Asian group, sectors, role, "at most 2 per organisation", fillers),
K from 25 to 200; some force includes and excludes, some are made infeasible on purpose.

For every instance it checks the answer: an "optimal" cohort must meet every rule (checked
here, independently of the solver), an "infeasible" one must list a conflict. With --milp
(and `pip install highspy`) the optimum is also compared with HiGHS's, for N <= 20,000.
Prints per instance: N, K, quotas, status, solve time (the solution's timeSeconds), read
time (the rest of the wall-clock time), and the summary per size. Not a test: not run in CI.
"""
import argparse, gzip, json, os, random, subprocess, sys, tempfile, time

DESTINATIONS = ["MY", "SG", "TH"]
ORIGINS = ["NP", "BD", "PH", "ID", "KH", "MM", "IN", "VN", "LK", "PK", "LA", "TL"]
COUNTRY_WEIGHTS = [30, 4, 4] + [12, 10, 9, 9, 5, 4, 3, 3, 2, 2, 1, 1]
SECTORS = ["ngo", "trade_union", "nhri", "government", "academic", "international_org", "community_group"]
GENDERS = ["woman", "man", "nonbinary", "undisclosed"]


def applicants(rng, n, tied):
    countries = DESTINATIONS + ORIGINS
    orgs = max(10, n // 4)
    people = []
    for i in range(n):
        country = rng.choices(countries, COUNTRY_WEIGHTS)[0]
        attributes = {"country": country, "role": "destination" if country in DESTINATIONS else "origin",
                      "sector": rng.choices(SECTORS, [40, 15, 5, 8, 15, 7, 10])[0],
                      "gender": rng.choices(GENDERS, [55, 40, 3, 2])[0]}
        if rng.random() < 0.85:
            # A few large organisations and a long tail of small ones.
            attributes["organization"] = "org-%05d" % min(orgs, int(rng.paretovariate(1.2)) if rng.random() < 0.3 else rng.randrange(1, orgs))
        base = 2.5 + (0.4 if attributes["sector"] == "ngo" else 0) + (0.3 if attributes["gender"] == "woman" else 0)
        score = None if rng.random() < 0.1 else max(1.0, min(5.0, rng.gauss(base, 0.8)))
        if score is not None:
            score = round(score * 2) / 2 if tied else round(score, 2)
        people.append({"id": "A%06d" % (i + 1), "score": score, "attributes": attributes})
    rng.shuffle(people)
    return people


def quotas(rng, k, count):
    q = [
        {"attribute": "gender", "value": "woman", "min": k // 2},
        {"attribute": "country", "value": "MY", "max": k // 3},
        {"attribute": "country", "values": ["NP", "BD", "PH", "ID", "KH"], "each": True, "min": max(1, k // 25)},
        {"attribute": "country", "values": ["NP", "BD", "LK", "IN", "PK"], "min": k // 5, "max": k // 5 + k // 8},
        {"attribute": "organization", "each": True, "max": 2},
        {"attribute": "role", "value": "destination", "min": k // 4},
        {"attribute": "sector", "each": True, "max": max(2, k // 3)},
        {"attribute": "sector", "values": ["trade_union", "community_group"], "min": k // 6},
    ]
    while len(q) < count:
        kind = rng.randrange(4)
        if kind == 0:
            q.append({"attribute": "country", "value": rng.choice(ORIGINS[:8]), "max": max(1, k // rng.randint(4, 8))})
        elif kind == 1:
            q.append({"attribute": "sector", "value": rng.choice(SECTORS[:5]), "min": max(1, k // rng.randint(12, 30))})
        elif kind == 2:
            q.append({"attribute": "gender", "values": ["nonbinary", "undisclosed"], "max": max(1, k // 10)})
        else:
            group = rng.sample(ORIGINS, 3)
            q.append({"attribute": "country", "values": group, "min": max(1, k // 20), "max": max(2, k // 3)})
    return q[:count]


def instance(rng, n, index):
    k = rng.choice([25, 50, 100, 200]) if n >= 2000 else rng.choice([25, 50])
    tied = index % 3 == 1
    people = applicants(rng, n, tied)
    q = quotas(rng, k, rng.randint(10, 40))
    scored = [p["id"] for p in people if p["score"] is not None]
    case = {"name": f"n{n}-{index}", "cohortSize": k, "quotas": q,
            "include": rng.sample(scored, 3) if index % 2 == 0 else [],
            "exclude": rng.sample(scored, 5) if index % 2 == 0 else [], "applicants": people}
    if index % 4 == 3:
        # Infeasible on purpose, three ways in turn.
        kind = (index // 4) % 3
        if kind == 0:
            # Contradicting bounds on one value.
            case["quotas"].append({"attribute": "gender", "value": "woman", "max": k // 2 - 1})
        elif kind == 1:
            # Three forced ids from one organisation against "at most 2 per organisation".
            by_org = {}
            for p in people:
                if p["score"] is not None and "organization" in p["attributes"] and p["id"] not in case["exclude"]:
                    by_org.setdefault(p["attributes"]["organization"], []).append(p["id"])
            crowded = next(ids for ids in by_org.values() if len(ids) >= 3)
            case["include"] = crowded[:3]
        else:
            # Destination places wanted beyond what the origin minimums leave.
            case["quotas"].append({"attribute": "role", "value": "destination", "min": k - k // 5 + 1})
    return case


def quota_groups(case, quota):
    """The sets of values a quota bounds: one set per row of the format's selector."""
    if "value" in quota:
        return [{quota["value"]}]
    if quota.get("each"):
        values = quota.get("values") or {p["attributes"].get(quota["attribute"]) for p in case["applicants"]} - {None}
        return [{v} for v in values]
    return [set(quota["values"])]


def check(case, solution):
    """Independent check of an "optimal" answer; returns the recomputed objective."""
    by_id = {p["id"]: p for p in case["applicants"]}
    chosen = [by_id[i] for i in solution["selected"]]
    assert len(set(solution["selected"])) == len(chosen) == case["cohortSize"], "wrong size"
    assert all(p["score"] is not None for p in chosen), "unscored selected"
    assert set(case["include"]) <= set(solution["selected"]), "include missing"
    assert not set(case["exclude"]) & set(solution["selected"]), "exclude selected"
    for index, quota in enumerate(case["quotas"]):
        attribute = quota["attribute"]
        groups = quota_groups(case, quota)
        for group in groups:
            count = sum(1 for p in chosen if p["attributes"].get(attribute) in group)
            assert quota.get("min", 0) <= count <= quota.get("max", 10**9), f"quota {index} broken ({count})"
    return sum(p["score"] for p in chosen)


def milp_objective(case):
    import highspy, numpy as np
    people = [p for p in case["applicants"] if p["score"] is not None and p["id"] not in set(case["exclude"])]
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    n = len(people)
    lower = np.array([1.0 if p["id"] in set(case["include"]) else 0.0 for p in people])
    h.addVars(n, lower, np.ones(n))
    h.changeColsIntegrality(n, np.arange(n), np.array([highspy.HighsVarType.kInteger] * n))
    h.changeColsCost(n, np.arange(n), np.array([p["score"] for p in people]))
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    def row(indices, lo, hi):
        if indices:
            h.addRow(lo, hi, len(indices), np.array(indices, dtype=np.int32), np.ones(len(indices)))
        elif lo > 0:
            return False
        return True
    if not row(list(range(n)), case["cohortSize"], case["cohortSize"]):
        return None
    for quota in case["quotas"]:
        attribute = quota["attribute"]
        groups = quota_groups(case, quota)
        for group in groups:
            members = [i for i, p in enumerate(people) if p["attributes"].get(attribute) in group]
            if not row(members, quota.get("min", 0), quota.get("max", highspy.kHighsInf)):
                return None
    if any(i not in {p["id"] for p in people} for i in case["include"]):
        return None
    started = time.time()
    h.run()
    status = h.getModelStatus()
    if status == highspy.HighsModelStatus.kInfeasible:
        return None, time.time() - started
    return h.getInfo().objective_function_value, time.time() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="300,2000,20000,200000")
    parser.add_argument("--per-size", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--milp", action="store_true")
    parser.add_argument("--keep", help="folder to keep the generated instances in")
    options = parser.parse_args()
    subprocess.run(["swift", "build", "-c", "release", "--product", "cohort"], check=True, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    binary = os.environ.get("COHORT_BIN") or subprocess.check_output(
        ["swift", "build", "-c", "release", "--show-bin-path"], text=True).strip() + "/cohort"
    work = options.keep or tempfile.mkdtemp()
    os.makedirs(work, exist_ok=True)
    rng = random.Random(options.seed)
    failures = 0
    print(f"{'instance':<14} {'K':>4} {'quotas':>6} {'status':<10} {'solve s':>9} {'read s':>7}  check")
    for n in [int(s) for s in options.sizes.split(",")]:
        solve_times, read_times = [], []
        for index in range(options.per_size):
            case = instance(rng, n, index)
            path = os.path.join(work, case["name"] + ".json")
            with open(path, "w") as f:
                json.dump(case, f)
            started = time.time()
            result = subprocess.run([binary, "select", "--input", path], capture_output=True, text=True)
            wall = time.time() - started
            if result.returncode != 0:
                print(f"{case['name']:<14} FAILED: {result.stderr.strip()}")
                failures += 1
                continue
            solution = json.loads(result.stdout)
            solve_times.append(solution["timeSeconds"])
            read_times.append(wall - solution["timeSeconds"])
            note = ""
            try:
                if solution["status"] == "optimal":
                    objective = check(case, solution)
                    note = f"valid, objective {objective:.2f}"
                elif solution["status"] == "infeasible":
                    conflict = solution.get("conflict")
                    assert conflict is not None, "no conflict"
                    note = f"conflict: quotas {conflict['quotas']} include {conflict['include']} exclude {conflict['exclude']}"
                else:
                    raise AssertionError("no answer")
                if options.milp and n <= 20000:
                    reference, seconds = milp_objective(case) or (None, 0)
                    if solution["status"] == "optimal":
                        assert reference is not None and abs(reference - objective) < 1e-6, f"HiGHS found {reference}"
                    else:
                        assert reference is None, f"HiGHS found a cohort worth {reference}"
                    note += f"; HiGHS agrees ({seconds:.2f} s)"
            except AssertionError as error:
                note = f"WRONG: {error}"
                failures += 1
            print(f"{case['name']:<14} {case['cohortSize']:>4} {len(case['quotas']):>6} {solution['status']:<10} "
                  f"{solution['timeSeconds']:>9.4f} {wall - solution['timeSeconds']:>7.2f}  {note}", flush=True)
        if solve_times:
            print(f"N={n}: solve max {max(solve_times):.4f} s, median {sorted(solve_times)[len(solve_times)//2]:.4f} s; "
                  f"read max {max(read_times):.2f} s", flush=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
