#include "gradcheck/tasks/export.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "gradcheck/util/error.hpp"
#include "gradcheck/input/own_gradients.hpp"

namespace gradcheck {

namespace {

namespace fs = std::filesystem;

// The JSON is written by hand: a library would read each number into a double and
// lose the digits beyond 17 that make it exact.
std::string list_json(const TextMatrix& M) // a column (or one row) as a plain list
{
    std::string s = "[";
    for (std::size_t k = 0; k < M.size(); ++k) s += (k ? ", " : "") + M.flat(k);
    return s + "]";
}

std::string rows_json(const TextMatrix& M) // one list per row
{
    std::string s = "[";
    for (std::size_t i = 0; i < M.rows(); ++i) {
        TextMatrix row(1, M.cols());
        for (std::size_t j = 0; j < M.cols(); ++j) row(0, j) = M(i, j);
        s += std::string(i ? ",\n    " : "") + list_json(row);
    }
    return s + "]";
}

std::string object_json(const std::vector<std::pair<std::string, std::string>>& members)
{
    std::string s = "{\n";
    for (std::size_t i = 0; i < members.size(); ++i)
        s += "  \"" + members[i].first + "\": " + members[i].second + (i + 1 < members.size() ? ",\n" : "\n");
    return s + "}\n";
}

std::string csv_of(const TextMatrix& M)
{
    std::string s;
    for (std::size_t i = 0; i < M.rows(); ++i) {
        for (std::size_t j = 0; j < M.cols(); ++j) s += (j ? "," : "") + M(i, j);
        s += "\n";
    }
    return s;
}

struct Writer {
    fs::path dir;
    std::vector<std::pair<std::string, std::string>> files; // name, content

    void add(const std::string& name, std::string content) { files.emplace_back(name, std::move(content)); }
    void write_all() const
    {
        std::error_code ec;
        if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
            throw InputError("export: --output '" + dir.string() + "' is a file, not a folder");
        fs::create_directories(dir, ec);
        if (ec) throw InputError("export: cannot create the folder '" + dir.string() + "': " + ec.message());
        for (const auto& [name, content] : files) // refuse before writing anything: a filled template is someone's work
            if (fs::exists(dir / name, ec))
                throw InputError("export: '" + (dir / name).string() + "' exists already; choose another --output or remove it");
        for (const auto& [name, content] : files) {
            std::ofstream out(dir / name, std::ios::binary);
            out << content;
            out.close();
            if (!out) throw InputError("export: cannot write '" + (dir / name).string() + "'");
        }
    }
};

} // namespace

void export_problem(const Problem& problem, const std::string& dir, std::ostream& out)
{
    const WeightsText w = problem.weights ? *problem.weights : seeded_weights_text(problem.inputs(), problem.width(), problem.seed);
    const std::size_t N = problem.inputs(), H = problem.width(), m = problem.examples();
    const TextMatrix X_rows = xornet::transpose(problem.data.X); // m×N: one example per row, as the data file

    Writer files{fs::path(dir), {}};
    files.add("weights.json", object_json({{"W1", rows_json(w.W1)}, {"B1", list_json(w.B1)}, {"W2", rows_json(w.W2)}, {"B2", list_json(w.B2)}}));
    files.add("data.json", object_json({{"X", rows_json(X_rows)}, {"Y", list_json(problem.data.Y)}}));
    const auto nulls = [](std::size_t rows, std::size_t cols) { return TextMatrix(rows, cols, "null"); };
    files.add("gradients.json", object_json({{"precision", "\"double\""},
                                             {"dW1", rows_json(nulls(H, N))},
                                             {"dB1", list_json(nulls(H, 1))},
                                             {"dW2", rows_json(nulls(1, H))},
                                             {"dB2", list_json(nulls(1, 1))}}));
    files.add("W1.csv", csv_of(w.W1));
    files.add("B1.csv", csv_of(w.B1));
    files.add("W2.csv", csv_of(w.W2));
    files.add("B2.csv", csv_of(w.B2));
    files.add("X.csv", csv_of(X_rows));
    files.add("Y.csv", csv_of(xornet::transpose(problem.data.Y)));
    std::string template_csv = "array,row,col,value\nprecision,,,double\n";
    for (const char* name : {"dW1", "dB1", "dW2", "dB2"}) {
        const std::size_t rows = std::string(name).back() == '2' ? 1 : H;
        const std::size_t cols = std::string(name) == "dW1" ? N : std::string(name) == "dW2" ? H : 1;
        for (std::size_t i = 0; i < rows; ++i)
            for (std::size_t j = 0; j < cols; ++j) template_csv += std::string(name) + "," + std::to_string(i) + "," + std::to_string(j) + ",\n";
    }
    files.add("gradients.csv", template_csv);

    std::ostringstream readme;
    readme << "The problem '" << problem.name << "', exported by gradcheck: " << problem.data_source << "; weights "
           << problem.weights_source << ".\n"
           << "N = " << N << " inputs, H = " << H << " hidden units, m = " << m << " examples. Every number is written exactly.\n\n"
           << "weights.json, W1.csv (H×N = " << H << "×" << N << "), B1.csv (H×1), W2.csv (1×H), B2.csv (1×1)\n"
           << "data.json, X.csv (m×N = " << m << "×" << N << ": one example per ROW; the seed's X is its transpose, N×m),\n"
           << "           Y.csv (m×1: one label per row; the seed's Y is 1×m)\n\n"
           << "Compute, from these numbers, dL/dW1 (H×N), dL/dB1 (H×1), dL/dW2 (1×H), dL/dB2 (1×1) of the mean\n"
           << "binary cross-entropy, and fill them into gradients.json (null → your number; a list for dB1 and dB2)\n"
           << "or gradients.csv (the value column; rows and columns count from 0). Say in \"precision\" which\n"
           << "arithmetic you used (float32, double, ...). Optional: Z1, A1, dA1, dZ1 (H×m), Z2, A2, dZ2 (1×m).\n"
           << "Then check them:\n\n"
           << "  gradcheck --weights " << (fs::path(dir) / "weights.json").string() << " --data " << (fs::path(dir) / "data.json").string()
           << " --gradients " << (fs::path(dir) / "gradients.json").string() << "\n";
    files.add("README.txt", readme.str());
    files.write_all();

    out << "gradcheck export: the problem '" << problem.name << "' (N = " << N << ", H = " << H << ", m = " << m << ") in " << dir << "/\n";
    for (const auto& [name, content] : files.files) out << "  " << name << "\n";
    out << "fill in gradients.json (or gradients.csv), then:\n"
        << "  gradcheck --weights " << (fs::path(dir) / "weights.json").string() << " --data " << (fs::path(dir) / "data.json").string()
        << " --gradients " << (fs::path(dir) / "gradients.json").string() << "\n";
}

} // namespace gradcheck
