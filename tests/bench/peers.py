#!/usr/bin/python3
"""Side by side, in one run: this suite's gradient check against the peers a user
would reach for, on identical weights (tests/bench/peer_weights.json) and data (XOR).

  torch.autograd.gradcheck (default and fast_mode), in float64, against our double check
  mpmath.diff over every parameter at 50 digits, against our 50-digit check

Our times come from the benchmark binary (Google Benchmark, in process); the peers'
from timeit, in process too. Prints each of our checks' time as a multiple of its
minimum work (peer/minimum/*: 2P loss evaluations and one forward and backward pass,
in the same precision and the same run), ratios (peer time / our time), and the digits each
numeric gradient achieves against an exact reference: the derived formulas evaluated at
100 digits (which the `exact` suite checks against 100-digit autodiff). Last, the
digits and steps of the check on seeded random networks (tests/bench/steps.py).
Uses Debian's python3-torch and python3-mpmath when installed; says what it skipped.
Usage: /usr/bin/python3 tests/bench/peers.py [BUILD_DIR]   (default: build)
"""
import json, math, os, subprocess, sys, timeit
from decimal import Decimal

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build")
weights_file = os.path.join(root, "tests", "bench", "peer_weights.json")
W = json.load(open(weights_file))
X = [[0, 0], [0, 1], [1, 0], [1, 1]]
Y = [0, 1, 1, 0]
names = [f"W1[{j},{k}]" for j in range(2) for k in range(2)] + ["B1[0]", "B1[1]", "W2[0]", "W2[1]", "B2[0]"]
theta0 = [W["W1"][0][0], W["W1"][0][1], W["W1"][1][0], W["W1"][1][1], W["B1"][0], W["B1"][1],
          W["W2"][0][0], W["W2"][0][1], W["B2"][0]]


def ours():
    """Median real time in seconds of each peer/ benchmark."""
    env = dict(os.environ, GRADCHECK_BENCH_WEIGHTS=weights_file)
    out = subprocess.run([os.path.join(build, "tests", "bench_gradcheck"), "--benchmark_format=json",
                          "--benchmark_repetitions=5", "--benchmark_report_aggregates_only=true"],
                         env=env, check=True, capture_output=True, text=True).stdout
    unit = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    return {b["run_name"]: b["real_time"] * unit[b["time_unit"]]
            for b in json.loads(out)["benchmarks"] if b.get("aggregate_name") == "median"}


def reference():
    """The analytic gradient at 100 digits, as decimal strings, in the order of names."""
    out = subprocess.run([os.path.join(build, "gradcheck", "gradcheck"), "--weights", weights_file,
                          "--precision", "100", "--format", "json"], check=True, capture_output=True, text=True).stdout
    return [Decimal(a) for p in json.loads(out)["reports"][0]["partials"] for a in p["analytic"]]


def ours_numeric(precision, method="central"):
    out = subprocess.run([os.path.join(build, "gradcheck", "gradcheck"), "--weights", weights_file,
                          "--precision", precision, "--method", method, "--format", "json"], check=True, capture_output=True, text=True).stdout
    return [Decimal(n) for p in json.loads(out)["reports"][0]["partials"] for n in p["numeric"]]


def digits(values, ref):
    """Fewest correct significant digits over the parameters."""
    worst = math.inf
    for v, r in zip(values, ref):
        err = abs(Decimal(v) - r) / abs(r)
        worst = min(worst, float(-err.log10()) if err > 0 else 100.0)
    return worst


def loss(t, log, exp):
    """Mean binary cross-entropy of the 2-2-1 network at parameters t (stable form)."""
    total = 0
    for x, y in zip(X, Y):
        a = [1 / (1 + exp(-(t[2 * j] * x[0] + t[2 * j + 1] * x[1] + t[4 + j]))) for j in range(2)]
        z = t[6] * a[0] + t[7] * a[1] + t[8]
        softplus = lambda v: (v if v > 0 else 0) + log(1 + exp(-abs(v)))
        total += y * softplus(-z) + (1 - y) * softplus(z)
    return total / len(X)


def best_of(f, n):
    return min(timeit.repeat(f, number=n, repeat=5)) / n


t = ours()
ref = reference()
print(f"weights {os.path.relpath(weights_file, root)}, XOR data, 9 parameters; times are medians (ours) or best of 5 (peers)")
print(f"ours: full check in double {t['peer/check/double/central'] * 1e3:.3f} ms, --fast {t['peer/fast/double/central'] * 1e3:.3f} ms; "
      f"at 50 digits {t['peer/check/50/central'] * 1e3:.3f} ms (central), {t['peer/check/50/complex-step'] * 1e3:.3f} ms (complex step), "
      f"{t['peer/check/50/autodiff'] * 1e3:.3f} ms (autodiff)")
print(f"ours: digits of the numeric gradient against the 100-digit reference: double {digits(ours_numeric('double'), ref):.1f}, "
      f"50 digits {digits(ours_numeric('50'), ref):.1f} (central), {digits(ours_numeric('50', 'complex-step'), ref):.1f} (complex step), "
      f"{digits(ours_numeric('50', 'autodiff'), ref):.1f} (autodiff)")
print("      (our times include both analytic and numeric sides, their error bounds and the report's decimal text)")
print(f"ours against the minimum work of a central-difference check (2P = 18 loss evaluations and one forward and backward "
      f"pass, timed in the same run): double {t['peer/minimum/double'] * 1e6:.2f} us, 50 digits {t['peer/minimum/50'] * 1e3:.3f} ms")
for name, label in [("peer/check/double/central", "double, full check"), ("peer/fast/double/central", "double, --fast"),
                    ("peer/check/50/central", "50 digits, central"), ("peer/check/50/complex-step", "50 digits, complex step"),
                    ("peer/check/50/autodiff", "50 digits, autodiff")]:
    minimum = t["peer/minimum/" + name.split("/")[2]]
    print(f"  ratio ours / minimum work ({label}):{' ' * (24 - len(label))}{t[name] / minimum:8.1f}x")

try:
    import torch
    import torch.nn.functional as F

    def torch_loss(p):
        W1, B1, W2, B2 = p[:4].view(2, 2), p[4:6], p[6:8], p[8]
        Xt = torch.tensor(X, dtype=torch.float64)
        Z2 = torch.sigmoid(Xt @ W1.T + B1) @ W2 + B2
        return F.binary_cross_entropy_with_logits(Z2, torch.tensor(Y, dtype=torch.float64))

    p = torch.tensor(theta0, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(torch_loss, (p,))
    slow = best_of(lambda: torch.autograd.gradcheck(torch_loss, (p,)), 20)
    fast = best_of(lambda: torch.autograd.gradcheck(torch_loss, (p,), fast_mode=True), 20)
    print(f"torch {torch.__version__}: gradcheck {slow * 1e3:.3f} ms, fast_mode {fast * 1e3:.3f} ms")
    print(f"  ratio torch.gradcheck / ours (double):          {slow / t['peer/check/double/central']:8.1f}x")
    print(f"  ratio torch.gradcheck(fast_mode) / ours --fast: {fast / t['peer/fast/double/central']:8.1f}x")
    print(f"  ratio torch.gradcheck(fast_mode) / ours (full): {fast / t['peer/check/double/central']:8.1f}x")
except ImportError:
    print("skipped torch: python3-torch is not installed (apt-get install python3-torch)")

try:
    import mpmath
    mpmath.mp.dps = 50

    def mp_gradient():
        t0 = [mpmath.mpf(v) for v in theta0]
        grad = []
        for i in range(9):
            def along(v, i=i):
                t = list(t0)
                t[i] = v
                return loss(t, mpmath.log, mpmath.exp)
            grad.append(mpmath.diff(along, t0[i]))
        return grad

    g = mp_gradient()
    mp_time = best_of(mp_gradient, 3)
    print(f"mpmath {mpmath.__version__}: diff over 9 parameters at 50 digits {mp_time * 1e3:.3f} ms, "
          f"{digits([mpmath.nstr(v, 60) for v in g], ref):.1f} digits")
    print(f"  ratio mpmath.diff / ours (50 digits, central):      {mp_time / t['peer/check/50/central']:8.1f}x")
    print(f"  ratio mpmath.diff / ours (50 digits, complex step): {mp_time / t['peer/check/50/complex-step']:8.1f}x")
    print(f"  ratio mpmath.diff / ours (50 digits, autodiff):     {mp_time / t['peer/check/50/autodiff']:8.1f}x")
except ImportError:
    print("skipped mpmath: python3-mpmath is not installed (apt-get install python3-mpmath)")

# The step each element chooses, and the digits it gives, on random networks (tests/bench/steps.py).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import steps
steps.report(build, 10)
