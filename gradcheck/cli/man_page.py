#!/usr/bin/env python3
"""Writes gradcheck.1 with help2man from the command's own --help and --version.

help2man reads one --help; the subcommands' own options (sweep --output, train
--epochs, ...) are in `gradcheck SUB --help`. This adds them as a section of their
own, then runs help2man with it and the hand-written sections (gradcheck.h2m).

usage: man_page.py HELP2MAN GRADCHECK INCLUDE OUTPUT
"""
import os
import re
import subprocess
import sys
import tempfile

SUBCOMMANDS = ['trace', 'sweep', 'train', 'export', 'graph']
# An option line of CLI11's help: "  --epochs E      Epochs of ...".
OPTION = re.compile(r'^ +(-[^ ]+(?: [A-Za-z_]+)?) {2,}(.*)$')


def options(gradcheck, *args):
    """The options of one --help, in order: (name with its argument, description)."""
    text = subprocess.run([gradcheck, *args, '--help'], check=True, capture_output=True, text=True).stdout
    return [m.groups() for m in map(OPTION.match, text.splitlines()) if m]


def roff(text):
    """Text as roff: backslashes and hyphens escaped, no line that starts a request."""
    text = text.replace('\\', '\\e').replace('-', '\\-')
    return '\\&' + text if text.startswith(('.', "'")) else text


def subcommand_section(gradcheck):
    shared = {name for name, _ in options(gradcheck)}
    lines = ['[SUBCOMMAND OPTIONS]',
             'Each subcommand also takes the options above that apply to it (see',
             '.BR "gradcheck SUBCOMMAND \\-\\-help" ).']
    for sub in SUBCOMMANDS:
        own = [(name, text) for name, text in options(gradcheck, sub) if name not in shared]
        lines.append('.SS "gradcheck %s"' % sub)
        if not own:
            lines.append('No options of its own.')
        for name, text in own:
            flag, _, arg = name.partition(' ')
            lines += ['.TP', '\\fB%s\\fR %s' % (roff(flag), roff(arg)) if arg else '\\fB%s\\fR' % roff(flag), roff(text)]
    return '\n'.join(lines) + '\n'


def main():
    help2man, gradcheck, include, output = sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        generated = os.path.join(tmp, 'subcommands.h2m')
        with open(generated, 'w', encoding='utf-8') as f:
            f.write(subcommand_section(gradcheck))
        subprocess.run([help2man, '--no-info', '--section=1', '--no-discard-stderr',
                        '--name=check hand-derived backpropagation against numeric gradients',
                        '--include=' + generated, '--include=' + include, '--output=' + output, gradcheck],
                       check=True)


if __name__ == '__main__':
    main()
