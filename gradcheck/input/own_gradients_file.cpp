// Reading a gradients file (input/own_gradients.hpp): JSON through the shared reader,
// CSV through libcsv, both into the same decimal text.
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>

#include <csv.h>

#include "gradcheck/input/reader.hpp"
#include "gradcheck/input/own_gradients.hpp"

namespace gradcheck {

OwnPrecision parse_own_precision(const std::string& text, const std::string& what)
{
    struct Named {
        std::initializer_list<const char*> names;
        const char* label;
        int bits, min_exponent, max_digits10;
    };
    static const Named table[] = {
        {{"float16", "half"}, "float16 (IEEE 754 binary16, 11-bit significand)", 11, -14, 5},
        {{"bfloat16"}, "bfloat16 (8-bit significand)", 8, -126, 4},
        {{"float32", "float", "single"}, "float32 (IEEE 754 binary32, 24-bit significand)", 24, -126, 9},
        {{"float64", "double"}, "double (IEEE 754 binary64, 53-bit significand)", 53, -1022, 17},
        {{"long-double", "float80"}, "long double (x87 extended, 64-bit significand)", 64, -16382, 21},
        {{"float128", "quad"}, "float128 (IEEE 754 binary128, 113-bit significand)", 113, -16382, 36},
    };
    for (const Named& n : table)
        for (const char* name : n.names)
            if (text == name) return {text, n.label, n.bits, n.min_exponent, n.max_digits10};
    unsigned digits = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), digits);
    if (!text.empty() && text[0] != '0' && ec == std::errc() && end == text.data() + text.size() && digits >= 10 && digits <= 10000) {
        // At least d·log2(10) bits carry d digits; counting no more errs on the side of a looser tolerance.
        const int bits = static_cast<int>(std::floor(digits * std::log2(10.0)));
        const std::string kind = digits == 50 ? "Boost cpp_bin_float_50" : digits == 100 ? "Boost cpp_bin_float_100" : "MPFR";
        return {text, std::to_string(digits) + " digits (" + kind + ", " + std::to_string(bits) + "-bit significand or more)", bits, 0,
                static_cast<int>(digits) + 3};
    }
    throw InputError(what + ": \"" + printable(text, 40)
                     + "\" is not float16, bfloat16, float32, float64, long-double, float128 or a digit count from 10 to 10000");
}

namespace {

const OwnArrayKind* kind_of(const std::string& name)
{
    for (const OwnArrayKind& k : own_array_kinds)
        if (name == k.name) return &k;
    return nullptr;
}

std::string known_names()
{
    std::string s = "precision";
    for (const OwnArrayKind& k : own_array_kinds) s += std::string(", ") + k.name;
    return s;
}

// The arrays in the order of own_array_kinds, each required one present.
void sort_and_require(OwnGradientsText& g, const std::string& file)
{
    std::vector<std::pair<std::string, TextMatrix>> sorted;
    for (const OwnArrayKind& k : own_array_kinds) {
        bool found = false;
        for (auto& [name, M] : g.arrays)
            if (name == k.name) sorted.emplace_back(name, std::move(M)), found = true;
        if (!found && k.required) throw InputError(file + ": missing key \"" + k.name + "\" (dW1, dB1, dW2 and dB2 are required)");
    }
    g.arrays = std::move(sorted);
}

OwnGradientsText from_json(const JsonValue& top, const std::string& file)
{
    using Kind = JsonValue::Kind;
    const Reader r{file, true};
    if (top.kind != Kind::object) r.fail("top level is " + std::string(kind_name(top.kind)) + ", expected an object with keys dW1, dB1, dW2, dB2");
    OwnGradientsText g;
    g.source = file;
    for (const auto& [name, value] : top.members) {
        if (name == "precision") {
            if (value.kind != Kind::string) r.fail("precision is " + std::string(kind_name(value.kind)) + ", expected a string such as \"double\"");
            g.precision = parse_own_precision(value.text, file + ": precision");
            continue;
        }
        const OwnArrayKind* kind = kind_of(name);
        if (kind == nullptr) r.fail("unknown key \"" + printable(name, 40) + "\" (expected " + known_names() + ")");
        const std::string shape = kind->shape_names;
        TextMatrix M;
        if (shape == "H×1" || shape == "1×1") // a column, written as a list of numbers, like B1 and B2
            M = Reader::column(r.row(value, name, max_hidden));
        else { // rows of numbers; a single row (1×H, 1×m) is a list holding one list, like W2
            if (shape[0] == '1' && value.kind == Kind::array && (value.items.size() != 1 || value.items[0].kind != Kind::array))
                r.fail(name + " must be " + shape + ", written [[v1, …]]: a list holding one row");
            M = r.rows(value, name, shape[0] == '1' ? 1 : max_hidden, std::max(max_examples, max_inputs));
        }
        g.arrays.emplace_back(name, std::move(M));
    }
    sort_and_require(g, file);
    return g;
}

// libcsv hands over fields and row ends through callbacks.
struct CsvRows {
    std::vector<std::vector<std::string>> rows{{}};
    static void field(void* text, std::size_t size, void* self)
    {
        static_cast<CsvRows*>(self)->rows.back().emplace_back(static_cast<const char*>(text), size);
    }
    static void row_end(int, void* self) { static_cast<CsvRows*>(self)->rows.emplace_back(); }
};

// A whole number in [0, limit) from a CSV field, or an error naming the line.
std::size_t index_field(const std::string& text, const std::string& where, std::size_t limit, const Reader& r)
{
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value >= limit)
        r.fail(where + ": \"" + printable(text, 40) + "\" is not an index from 0 to " + std::to_string(limit - 1));
    return value;
}

OwnGradientsText from_csv(std::string text, const std::string& file)
{
    const Reader r{file};
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3); // a spreadsheet's byte-order mark
    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) r.fail("cannot start the CSV parser");
    CsvRows rows;
    const bool parsed = csv_parse(&parser, text.data(), text.size(), CsvRows::field, CsvRows::row_end, &rows) == text.size()
                        && csv_fini(&parser, CsvRows::field, CsvRows::row_end, &rows) == 0;
    const int error = csv_error(&parser);
    csv_free(&parser);
    if (!parsed) r.fail(std::string("invalid CSV: ") + csv_strerror(error));

    std::erase_if(rows.rows, [](const auto& row) { return row.empty() || (row.size() == 1 && row[0].empty()); });
    if (rows.rows.empty()) r.fail("no lines; expected the header array,row,col,value");
    if (rows.rows[0] != std::vector<std::string>{"array", "row", "col", "value"})
        r.fail("line 1 must be the header array,row,col,value");
    OwnGradientsText g;
    g.source = file;
    std::map<std::string, std::map<std::pair<std::size_t, std::size_t>, std::string>> elements; // in file order of names below
    std::vector<std::string> order;
    bool precision_seen = false;
    for (std::size_t n = 1; n < rows.rows.size(); ++n) {
        const auto& row = rows.rows[n];
        const std::string line = "line " + std::to_string(n + 1);
        if (row.size() != 4) r.fail(line + " has " + std::to_string(row.size()) + " fields, expected 4: array,row,col,value");
        if (row[0] == "precision") {
            if (precision_seen) r.fail(line + ": a second precision line");
            if (!row[1].empty() || !row[2].empty()) r.fail(line + ": the precision line is precision,,,NAME");
            g.precision = parse_own_precision(row[3], file + ": " + line + ": precision");
            precision_seen = true;
            continue;
        }
        if (kind_of(row[0]) == nullptr)
            r.fail(line + ": unknown array \"" + printable(row[0], 40) + "\" (expected " + known_names() + ")");
        const std::size_t i = index_field(row[1], line + ": row", std::max(max_hidden, max_examples), r);
        const std::size_t j = index_field(row[2], line + ": col", std::max(max_inputs, max_examples), r);
        const std::string where = row[0] + "[" + std::to_string(i) + "][" + std::to_string(j) + "]";
        if (row[3].empty()) r.fail(line + ": " + where + " has no value (fill in the template)");
        require_result_decimal(row[3], file + ": " + line + ": " + where);
        if (!elements.count(row[0])) order.push_back(row[0]);
        if (!elements[row[0]].emplace(std::pair{i, j}, row[3]).second) r.fail(line + ": " + where + " is given twice");
    }
    for (const std::string& name : order) {
        const auto& values = elements[name];
        std::size_t rows_n = 0, cols_n = 0;
        for (const auto& [at, v] : values) rows_n = std::max(rows_n, at.first + 1), cols_n = std::max(cols_n, at.second + 1);
        if (values.size() != rows_n * cols_n)
            for (std::size_t i = 0; i < rows_n; ++i)
                for (std::size_t j = 0; j < cols_n; ++j)
                    if (!values.count({i, j}))
                        r.fail(name + "[" + std::to_string(i) + "][" + std::to_string(j) + "] is missing (" + name + " has rows 0.."
                               + std::to_string(rows_n - 1) + " and columns 0.." + std::to_string(cols_n - 1) + ")");
        TextMatrix M(rows_n, cols_n);
        for (const auto& [at, v] : values) M(at.first, at.second) = v;
        g.arrays.emplace_back(name, std::move(M));
    }
    sort_and_require(g, file);
    return g;
}

bool ends_with_csv(const std::string& path)
{
    if (path.size() < 4) return false;
    std::string tail = path.substr(path.size() - 4);
    for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return tail == ".csv";
}

} // namespace

OwnGradientsText parse_gradients(const std::string& text, const std::string& name, bool csv)
{
    return csv ? from_csv(text, name) : from_json(parse_json(text, name), name);
}

OwnGradientsText read_gradients_file(const std::string& path)
{
    const std::string name = "gradients file '" + path + "'";
    if (ends_with_csv(path)) return from_csv(read_text_file(path, "gradients file"), name);
    return from_json(read_json_file(path, "gradients file"), name);
}

void require_shapes(const OwnGradientsText& g, std::size_t N, std::size_t H, std::size_t m)
{
    for (const auto& [name, M] : g.arrays) {
        const std::string shape = kind_of(name)->shape_names;
        const auto size_of = [&](char c) { return c == 'N' ? N : c == 'H' ? H : c == 'm' ? m : std::size_t(1); };
        const std::size_t rows = size_of(shape[0]), cols = size_of(shape.back());
        if (M.rows() == rows && M.cols() == cols) continue;
        std::string message = g.source + ": " + name + " is " + xornet::shape_string(M.rows(), M.cols()) + ", expected " + shape
                              + " = " + xornet::shape_string(rows, cols);
        if (M.rows() == cols && M.cols() == rows) message += " (its transpose: one column per example, as in the seed?)";
        throw InputError(message);
    }
}

} // namespace gradcheck
