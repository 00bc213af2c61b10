#!/usr/bin/python3
"""The numeric gradient's digits with the check's own steps, on seeded random networks
(weights with 25 digits, biases non-zero, XOR data), against the 100-digit analytic
gradient; and, element by element, the step the check chose against the best step of
a sweep over powers of two (--step 2^k). The best step is taken on the sweep smoothed
over three neighbouring steps: at the bottom of the V single steps win by chance
cancellations of rounding, a digit either way.

Usage: /usr/bin/python3 tests/bench/steps.py [BUILD_DIR] [NETWORKS]   (default: build 10)
"""
import json, os, random, subprocess, sys, tempfile
from decimal import Decimal, getcontext

getcontext().prec = 120
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# (precision, method, sweep exponents k of h = 2^k)
CASES = [("double", "central", -22, -8), ("double", "richardson", -10, 0), ("50", "central", -60, -45)]


def run(gradcheck, weights, args):
    out = subprocess.run([gradcheck, "--format", "json", "--weights", weights] + args, capture_output=True, text=True, check=True).stdout
    return json.loads(out)["reports"][0]["partials"]


def measure(build, networks):
    """{(precision, method): (worst digits per network, chosen/best step ratios, digits below the sweep's best,
    the worst element's digits per network at each element's best step of the smoothed sweep)}"""
    gradcheck = os.path.join(build, "gradcheck", "gradcheck")
    rng = random.Random(17)
    results = {case[:2]: ([], [], [], []) for case in CASES}
    with tempfile.TemporaryDirectory() as folder:
        for n in range(networks):
            w = lambda: Decimal(f"{rng.uniform(-2, 2):.25f}")
            weights = os.path.join(folder, f"w{n}.json")
            with open(weights, "w") as f:  # the digits as written: JSON numbers, not floats
                f.write('{"W1": [[%s, %s], [%s, %s]], "B1": [%s, %s], "W2": [[%s, %s]], "B2": [%s]}' % tuple(w() for _ in range(9)))
            ref = [Decimal(a) for p in run(gradcheck, weights, ["--precision", "100"]) for a in p["analytic"]]
            digits = lambda values: [float(-(abs(Decimal(v) - r) / abs(r)).log10()) for v, r in zip(values, ref)]
            for precision, method, lo, hi in CASES:
                worst, ratios, below, ceiling = results[(precision, method)]
                parts = run(gradcheck, weights, ["--precision", precision, "--method", method])
                chosen = [float(Decimal(s)) for p in parts for s in p["step"]]
                ours = digits([v for p in parts for v in p["numeric"]])
                worst.append(min(ours))
                sweep = {}
                for k in range(lo, hi + 1):
                    try:
                        swept = run(gradcheck, weights, ["--precision", precision, "--method", method, "--step", repr(2.0 ** k)])
                    except subprocess.CalledProcessError:  # a step too large for the series: refused
                        continue
                    sweep[k] = digits([v for p in swept for v in p["numeric"]])
                at_best = []
                for i in range(len(ref)):
                    near = lambda k: [sweep[j][i] for j in (k - 1, k, k + 1) if j in sweep]
                    best = max(sweep, key=lambda k: sum(near(k)) / len(near(k)))
                    at_best.append(sum(near(best)) / len(near(best)))
                    ratios.append(chosen[i] / 2.0 ** best)
                    below.append(max(d[i] for d in sweep.values()) - ours[i])
                ceiling.append(min(at_best))
    return results


def report(build, networks):
    median = lambda xs: sorted(xs)[len(xs) // 2]
    print(f"digits of the numeric gradient with the check's own steps, {networks} random networks (25-digit weights):")
    for (precision, method), (worst, ratios, below, ceiling) in measure(build, networks).items():
        within = sum(1 for r in ratios if 0.25 <= r <= 4)
        print(f"  {precision:6} {method:10}  worst element {min(worst):5.1f} digits (median network {median(worst):5.1f}; "
              f"at each element's best swept step {min(ceiling):5.1f} and {median(ceiling):5.1f}); "
              f"step within 4x of the sweep's best: {within}/{len(ratios)} elements (ratios {min(ratios):.3g} to {max(ratios):.3g}); "
              f"median {median(below):.2f} digits below the luckiest step")


if __name__ == "__main__":
    report(sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build"), int(sys.argv[2]) if len(sys.argv) > 2 else 10)
