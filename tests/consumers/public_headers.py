#!/usr/bin/env python3
"""The headers a user of the library compiles, as `meson install` must install them.

usage: public_headers.py ROOT

Prints, one per line and relative to ROOT/gradcheck, the public headers
(gradcheck/gradcheck.hpp, gradcheck/boost_test.hpp) and every header of this
project that they include, directly or not, by its path from the top
("gradcheck/methods/table.hpp"). Exits 1, naming the header, if one of them
includes a header of this project by another path (lib/'s "network.hpp"): an
installed header cannot find it.
"""
import os
import re
import sys

PUBLIC = ['gradcheck/gradcheck.hpp', 'gradcheck/boost_test.hpp']
QUOTED = re.compile(r'^\s*#\s*include\s*"([^"]+)"')


def main():
    root = sys.argv[1]
    seen, todo, stray = set(), list(PUBLIC), []
    while todo:
        header = todo.pop()
        if header in seen:
            continue
        seen.add(header)
        with open(os.path.join(root, header), encoding='utf-8') as f:
            for line in f:
                m = QUOTED.match(line)
                if m and m.group(1).startswith('gradcheck/'):
                    todo.append(m.group(1))
                elif m:
                    stray.append('%s includes "%s", which is not installed' % (header, m.group(1)))
    for message in stray:
        print('public_headers.py: ' + message, file=sys.stderr)
    for header in sorted(seen):
        print(header[len('gradcheck/'):])
    return 1 if stray else 0


if __name__ == '__main__':
    sys.exit(main())
