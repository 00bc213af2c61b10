#!/usr/bin/env python3
"""Whether the consumer's tests did what they should, from meson's test log.

usage: test_results.py BUILD/meson-logs/testlog.json

`readme-example` (the README's example), `layer` and `layer-boost-test` pass;
`layer-planted-bug` fails (should_fail), and
its report fails the layer's checks, not the loss's, with a table row of a
failing element and the name of the first. Prints one line per deviation and
exits 1 if there is any.
"""
import json
import re
import sys

EXPECTED = {'readme-example': 'OK', 'layer': 'OK', 'layer-boost-test': 'OK', 'layer-planted-bug': 'EXPECTEDFAIL'}
# The planted bug is in the tanh layer's backward pass: the checks through the layer
# fail and the loss alone passes (check_layer.cpp prints these lines).
PLANTED_LINES = ['=== vector-Jacobian product of the layer: FAIL', '=== gradient in W and b, double: FAIL',
                 '=== gradient in W and b, cpp_bin_float_50: FAIL', '=== gradient of the cross-entropy: pass']
# A row of the per-element table: "  [i,j]    a = ..." above "           n = ...  FAIL".
FAILED_ROW = re.compile(r'^  \[\d+(,\d+)?\] +a = .*\n +n = .* FAIL$', re.M)


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        tests = {t['name']: t for t in map(json.loads, f)}
    wrong = []
    for name, result in EXPECTED.items():
        got = tests.get(name, {}).get('result', 'not run')
        if got != result:
            wrong.append('test %s: %s, expected %s' % (name, got, result))
    planted = tests.get('layer-planted-bug', {}).get('stdout', '')
    readme = tests.get('readme-example', {}).get('stdout', '')
    if readme.count('PASS: 2 of 2 elements agree') != 2:
        wrong.append('readme-example does not print two passing tables (double and 50 digits)')
    wrong += ['layer-planted-bug does not print "%s"' % line for line in PLANTED_LINES if line not in planted]
    if not FAILED_ROW.search(planted):
        wrong.append('layer-planted-bug prints no table row of a failing element')
    if 'first wrong element: ' not in planted:
        wrong.append('layer-planted-bug does not name its first wrong element')
    for line in wrong:
        print(line)
    return 1 if wrong else 0


if __name__ == '__main__':
    sys.exit(main())
