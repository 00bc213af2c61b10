#include "gradcheck/tasks/graph.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "gradcheck/util/error.hpp"
#include "matrix.hpp"
#include "gradcheck/util/pipe.hpp"
#include "gradcheck/util/printable.hpp"

namespace gradcheck {

namespace {

// Text inside an HTML-like label: the five characters HTML reserves escaped, the rest printable.
std::string html(const std::string& text)
{
    std::string out;
    for (char c : printable(text)) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

const TracedMatrix& named(const std::vector<TracedMatrix>& arrays, const std::string& name)
{
    for (const TracedMatrix& t : arrays)
        if (t.name == name) return t;
    throw std::logic_error("graph: the trace has no " + name);
}

// The rows of M, each column right-aligned (dot keeps the spaces), separated by <BR/>.
std::string rows_of(const TracedMatrix& M)
{
    std::vector<std::size_t> widths(M.cols, 0);
    for (std::size_t k = 0; k < M.values.size(); ++k) widths[k % M.cols] = std::max(widths[k % M.cols], M.values[k].size());
    std::string out;
    for (std::size_t i = 0; i < M.rows; ++i) {
        out += i ? "<BR/>" : "";
        for (std::size_t j = 0; j < M.cols; ++j) {
            const std::string& v = M.values[i * M.cols + j];
            out += (j ? "  " : "") + std::string(widths[j] - v.size(), ' ') + html(v);
        }
    }
    return out;
}

std::string cell(const std::string& content, const char* colour)
{
    return std::string("<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" BGCOLOR=\"") + colour + "\">" + content + "</TD></TR>";
}

// An array node: a heading (name, shape, meaning), its value, its adjoint dL/d(array).
// `adjoint` is a heading and rows, or a note when the array is not differentiated.
std::string array_node(const TracedMatrix& value, const std::string& adjoint)
{
    std::string heading = "<B>" + html(value.name) + "</B>";
    if (!value.shape_names.empty())
        heading += "   " + html(value.shape_names) + " = " + xornet::shape_string(value.rows, value.cols);
    heading += "   " + html(value.meaning);
    return "  " + value.name + " [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\">"
           + cell(heading, "#e8e8e8") + cell(rows_of(value), "white") + cell(adjoint, "#dde8f8") + "</TABLE>>];\n";
}

std::string adjoint_of(const TracedMatrix& d) { return "<B>" + html(d.name) + "</B>   " + html(d.meaning) + "<BR/>" + rows_of(d); }

std::string operation(const std::string& id, const std::string& label)
{
    return "  " + id + " [shape=ellipse, style=filled, fillcolor=\"#f4f4f4\", label=\"" + label + "\"];\n";
}

} // namespace

std::string graph_dot(const Problem& problem, const TraceReport& trace)
{
    const auto value = [&](const std::string& name) -> const TracedMatrix& { return named(trace.forward, name); };
    const auto adjoint = [&](const std::string& name) { return adjoint_of(named(trace.backward, name)); };
    const std::string data = "<I>data: not differentiated</I>";
    const TracedMatrix& W1 = value("W1");
    const TracedMatrix L{"L", "", "mean binary cross-entropy of A2 and Y", 1, 1, {trace.loss}};
    const TracedMatrix dL{"dL/dL", "", "where the backward pass starts", 1, 1, {"1"}};

    std::ostringstream out;
    out << "// gradcheck graph: the forward graph, each array with its value and its adjoint dL/d(array)\n"
        << "digraph forward {\n"
        << "  graph [rankdir=TB, nodesep=0.25, ranksep=0.35, fontname=\"monospace\", fontsize=12, labelloc=t, label=<"
        << W1.cols << "-" << W1.rows << "-1 network, m = " << value("X").cols << " examples: " << html(problem.data_source)
        << "<BR/>weights " << html(problem.weights_source) << "<BR/>" << html(trace.precision_label) << ", " << trace_digits
        << " significant digits; backward pass: formulas " << html(trace.formulas)
        << "<BR/>each array: its value (white), then its adjoint dL/d(array) (blue)>];\n"
        << "  node [shape=plaintext, fontname=\"monospace\", fontsize=11];\n"
        << "  edge [arrowsize=0.7];\n\n";
    out << array_node(value("X"), data) << array_node(value("W1"), adjoint("dW1")) << array_node(value("B1"), adjoint("dB1"))
        << operation("Z1_op", "W1·X + B1") << array_node(value("Z1"), adjoint("dZ1"))
        << operation("A1_op", "σ") << array_node(value("A1"), adjoint("dA1"))
        << array_node(value("W2"), adjoint("dW2")) << array_node(value("B2"), adjoint("dB2"))
        << operation("Z2_op", "W2·A1 + B2") << array_node(value("Z2"), adjoint("dZ2"))
        << operation("A2_op", "σ") << array_node(value("A2"), adjoint_of(trace.dA2))
        << array_node(value("Y"), data)
        << operation("L_op", "BCE") << array_node(L, adjoint_of(dL)) << "\n";
    out << "  X -> Z1_op;\n  W1 -> Z1_op;\n  B1 -> Z1_op;\n  Z1_op -> Z1;\n"
        << "  Z1 -> A1_op;\n  A1_op -> A1;\n"
        << "  A1 -> Z2_op;\n  W2 -> Z2_op;\n  B2 -> Z2_op;\n  Z2_op -> Z2;\n"
        << "  Z2 -> A2_op;\n  A2_op -> A2;\n"
        << "  A2 -> L_op;\n  Y -> L_op;\n  L_op -> L;\n"
        << "}\n";
    return out.str();
}

GraphFormat graph_format(const std::string& file)
{
    if (file == "-") return GraphFormat::stdout_dot;
    const std::string extension = std::filesystem::path(file).extension().string();
    if (extension == ".dot") return GraphFormat::dot;
    if (extension == ".svg") return GraphFormat::svg;
    throw InputError("graph: --output '" + file + "' does not end in .svg or .dot (or is - for the DOT text on standard output)");
}

void write_graph(std::ostream& out, const std::string& dot, const std::string& file)
{
    switch (graph_format(file)) {
    case GraphFormat::stdout_dot: out << dot; return;
    case GraphFormat::dot: {
        std::ofstream f(file, std::ios::binary);
        if (f) f << dot;
        if (f) f.close();
        if (!f) throw InputError("graph: cannot write " + file + " (" + std::strerror(errno) + ")");
        break;
    }
    case GraphFormat::svg: {
        if (!on_path("dot"))
            throw InputError("graph: Graphviz's dot is not installed (apt-get install graphviz); --output FILE.dot needs no Graphviz");
        const std::string failed = pipe_to_file({"dot", "-Tsvg"}, dot, file, "graph");
        if (!failed.empty()) {
            std::error_code ignored;
            std::filesystem::remove(file, ignored); // no half-drawn picture left behind
            throw InputError("graph: " + failed + " to draw " + file);
        }
        break;
    }
    }
    out << "wrote " << file << "\n";
}

} // namespace gradcheck
