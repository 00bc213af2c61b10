#!/usr/bin/python3
"""The scaling plot of README: time of the full check and of --fast (double, central
differences) against the number of parameters P = 4H + 1, from the benchmark program,
drawn with gnuplot as the sweep's plot is. Writes tests/bench/scaling.csv and .svg.
Usage: /usr/bin/python3 tests/bench/scaling.py [BUILD_DIR]   (default: build)
"""
import json, os, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build")
out = subprocess.run([os.path.join(build, "tests", "bench_gradcheck"), "--benchmark_format=json",
                      "--benchmark_filter=^(check|fast)/double/central/", "--benchmark_min_time=0.2"],
                     check=True, capture_output=True, text=True).stdout
unit = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
rows = {}
for b in json.loads(out)["benchmarks"]:
    kind, _, _, width = b["name"].split("/")
    H = int(width.split("=")[1])
    rows.setdefault(4 * H + 1, {})[kind] = b["real_time"] * unit[b["time_unit"]]
base = os.path.join(root, "tests", "bench", "scaling")
with open(base + ".csv", "w") as f:
    f.write("P,full_check_s,fast_check_s\n")
    for P in sorted(rows):
        f.write(f"{P},{rows[P]['check']:.6g},{rows[P]['fast']:.6g}\n")
script = f"""set terminal svg size 800,560 dynamic enhanced font 'sans,13' background rgb 'white'
set output '{base}.svg'
set datafile separator ','
set logscale xy
set format x '10^{{%L}}'
set format y '10^{{%L}}'
set xlabel 'parameters P = 4H + 1'
set ylabel 'time of one check (s), double'
set title 'Full check grows as P^2, --fast as P'
set key left top
set grid
plot '{base}.csv' using 1:2 skip 1 with linespoints lw 2 title 'full check (every element)', \\
     '{base}.csv' using 1:3 skip 1 with linespoints lw 2 title '--fast (3 directions)'
"""
subprocess.run(["gnuplot"], input=script, text=True, check=True)
print(open(base + ".csv").read(), end="")
print(f"wrote {os.path.relpath(base, root)}.csv and .svg")
