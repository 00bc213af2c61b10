// Writing a sweep: the CSV, the plot (through gnuplot, when it is installed),
// and a short summary for the terminal.
#pragma once

#include <ostream>
#include <string>

#include "gradcheck/report/tasks.hpp"

namespace gradcheck {

// Writes prefix.csv and, if gnuplot is found, prefix.svg; prints what was written
// and each series' best step to `out`. A prefix of "-" writes the CSV alone to `out`.
// Throws InputError if a file cannot be written or gnuplot fails to draw.
void write_sweep(std::ostream& out, const SweepReport& sweep, const std::string& prefix);

} // namespace gradcheck
