// gradcheck graph: the forward graph of the network, X, W1, B1 → Z1 → A1 → (W2, B2) →
// Z2 → A2 → (Y) → L, each array with its value and its adjoint dL/d(array), as
// Graphviz DOT text, and that text written as DOT or drawn as SVG by Graphviz's dot.
#pragma once

#include <ostream>
#include <string>

#include "gradcheck/input/problem.hpp"
#include "gradcheck/report/tasks.hpp"

namespace gradcheck {

// The graph of one traced pass (run_trace), top to bottom (it fits a page). The same trace gives the same bytes.
std::string graph_dot(const Problem& problem, const TraceReport& trace);

// What --output names: a DOT file, an SVG file, or "-" for the DOT text on standard output.
enum class GraphFormat { dot, svg, stdout_dot };

// By the file's extension; throws InputError for any other name.
GraphFormat graph_format(const std::string& file);

// Writes `dot` to `file` as graph_format says, and says so on `out` ("wrote FILE").
// Throws InputError when the file cannot be written or dot is missing or fails.
void write_graph(std::ostream& out, const std::string& dot, const std::string& file);

} // namespace gradcheck
