#!/usr/bin/python3
"""An independent backward pass, in NumPy, for the tests of `gradcheck --gradients`.

Reads a problem exported by `gradcheck export` (weights.json, data.json), computes
the four partials of the mean binary cross-entropy in the arithmetic asked for,
optionally with one of the gallery's mistakes (or a pattern: times-m, sign), and
writes a gradients file, as JSON or CSV. It shares no code with the checker: the
layout is NumPy's usual one, one example per row (X is m×N), and it is transposed
into the seed's layout (one example per column) only when the file is written.

    numpy_backward.py PROBLEM_DIR CASE...

Each CASE is OUT_FILE:DTYPE:MISTAKE[:intermediates][:forward][:digits=K], e.g.
/tmp/a.json:float32:none:intermediates; DTYPE is float64, float32, float16 or
longdouble, MISTAKE `none`, a gallery name, times-m, sign or dW1-transposed; OUT_FILE
ending in .csv is written as CSV. One process writes them all (NumPy starts slowly).
"""
import argparse
import json
import sys
from decimal import Decimal

import numpy as np


def main():
    problem, cases = sys.argv[1], sys.argv[2:]
    # Strings through Decimal, so that every digit of the exported numbers reaches the cast.
    w = json.load(open(f"{problem}/weights.json"), parse_float=Decimal, parse_int=Decimal)
    d = json.load(open(f"{problem}/data.json"), parse_float=Decimal, parse_int=Decimal)
    for case in cases:
        out, dtype, mistake, *flags = case.split(":")
        write_case(w, d, out, dtype, mistake, "intermediates" in flags, "forward" in flags,
                   next((int(f[7:]) for f in flags if f.startswith("digits=")), 0))


def write_case(w, d, out_file, dtype, mistake, intermediates, forward, digits):
    a = argparse.Namespace(out=out_file, dtype=dtype, mistake=mistake, intermediates=intermediates, forward=forward, digits=digits)
    dt = np.dtype(a.dtype)
    def cast(v):  # every number correctly rounded into dt
        one_value = (lambda x: np.longdouble(str(x))) if dt == np.longdouble else (lambda x: float(x))
        values = [[one_value(x) for x in row] for row in v] if isinstance(v[0], list) else [one_value(x) for x in v]
        return np.array(values, dtype=np.longdouble if dt == np.longdouble else np.float64).astype(dt)
    W1 = cast(w["W1"])            # H×N
    b1 = cast(w["B1"])            # H
    W2 = cast(w["W2"])[0]         # H
    b2 = cast(w["B2"])[0]         # scalar
    X = cast(d["X"])              # m×N, one example per row
    y = cast(d["Y"])              # m
    m = X.shape[0]
    one = dt.type(1)

    sigmoid = lambda z: one / (one + np.exp(-z))
    Z1 = X @ W1.T + b1            # m×H
    A1 = sigmoid(Z1)
    Z2 = A1 @ W2 + b2             # m
    A2 = sigmoid(Z2)

    mk = a.mistake
    dZ2 = (A2 - y) / dt.type(m)                                   # m
    if mk == "seed": dZ2 = A2 - y
    if mk == "flipped-sign": dZ2 = (y - A2) / dt.type(m)
    if mk == "mse-chain": dZ2 = (A2 - y) * A2 * (one - A2) / dt.type(m)
    dW2 = dZ2 @ A1                                                # H
    bias = lambda dZ: dZ.sum(axis=0)
    if mk == "first-example-bias": bias = lambda dZ: dZ[0]
    if mk == "bias-mean": bias = lambda dZ: dZ.sum(axis=0) / dt.type(m)
    db2 = bias(dZ2)
    W2_used = W2 - one * dW2 if mk == "w2-updated-first" else W2  # a training step with rate 1, taken too early
    dA1 = np.outer(dZ2, W2_used)                                  # m×H
    dZ1 = dA1 * A1 * (one - A1)
    if mk == "no-sigmoid-derivative": dZ1 = dA1
    if mk == "sigmoid-derivative-at-z": dZ1 = dA1 * Z1 * (one - Z1)
    Xd = X
    if mk == "x-squared": Xd = X * X
    if mk == "x-layout": Xd = X.reshape(X.shape[1], X.shape[0]).T  # X (m×N) reshaped to the seed's N×m, not transposed
    dW1 = dZ1.T @ Xd                                              # H×N
    db1 = bias(dZ1)
    if mk == "times-m": dW1, db1, dW2, db2 = dW1 * m, db1 * m, dW2 * m, db2 * m
    if mk == "sign": dW1, db1, dW2, db2 = -dW1, -db1, -dW2, -db2
    if mk == "dW1-transposed": dW1 = dW1.T

    def text(x):
        if a.digits:
            return f"{float(x):.{a.digits - 1}e}"
        if dt == np.longdouble:
            return np.format_float_scientific(x, unique=True, trim="-")
        return repr(float(x)) if dt == np.float64 else np.format_float_positional(x, unique=True, trim="-")

    names = {"float64": "double", "float32": "float32", "float16": "float16", "longdouble": "long-double"}
    out = {"precision": names[a.dtype],
           "dW1": [[text(v) for v in row] for row in np.atleast_2d(dW1)],
           "dB1": [text(v) for v in np.atleast_1d(db1)],
           "dW2": [[text(v) for v in W] for W in [dW2]],
           "dB2": [text(db2)]}
    seed_layout = lambda M: [[text(v) for v in row] for row in np.atleast_2d(M).T] if M.ndim == 2 else [[text(v) for v in M]]
    if a.intermediates:
        out.update({"dZ2": seed_layout(dZ2), "dA1": seed_layout(dA1), "dZ1": seed_layout(dZ1)})
    if a.forward:
        out.update({"Z1": seed_layout(Z1), "A1": seed_layout(A1), "Z2": seed_layout(Z2), "A2": seed_layout(A2)})
    if a.out.endswith(".csv"):
        lines = ["array,row,col,value", f"precision,,,{out['precision']}"]
        for name, value in out.items():
            if name == "precision":
                continue
            rows = value if isinstance(value[0], list) else [[v] for v in value]
            lines += [f"{name},{i},{j},{v}" for i, row in enumerate(rows) for j, v in enumerate(row)]
        open(a.out, "w").write("\r\n".join(lines) + "\r\n")  # as a spreadsheet writes it
    else:
        json.dump(out, open(a.out, "w"), indent=1)


if __name__ == "__main__":
    sys.exit(main())
