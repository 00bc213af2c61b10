#include "input_files.hpp"

#include <cstdlib>
#include <string_view>

#include "decimal.hpp"
#include "input_error.hpp"
#include "printable.hpp"
#include "json_reader.hpp"

namespace gradcheck {

namespace {

using Kind = JsonValue::Kind;

struct Reader {
    std::string file; // "weights file 'w.json'"

    [[noreturn]] void fail(const std::string& message) const { throw InputError(file + ": " + message); }

    const JsonValue& member(const JsonValue& object, std::string_view key) const
    {
        for (const auto& [name, value] : object.members)
            if (name == key) return value;
        fail("missing key \"" + std::string(key) + "\"");
    }

    void require_keys(const JsonValue& top, std::initializer_list<std::string_view> keys) const
    {
        std::string expected;
        for (auto k : keys) expected += (expected.empty() ? "" : ", ") + std::string(k);
        if (top.kind != Kind::object) fail("top level is " + std::string(kind_name(top.kind)) + ", expected an object with keys " + expected);
        for (const auto& [name, value] : top.members) {
            bool known = false;
            for (auto k : keys) known = known || name == k;
            if (!known) fail("unknown key \"" + printable(name, 40) + "\" (expected " + expected + ")");
        }
        for (auto k : keys) member(top, k);
    }

    // A number, or a string holding a decimal number; returns its text.
    std::string number(const JsonValue& v, const std::string& where) const
    {
        if (v.kind != Kind::number && v.kind != Kind::string)
            fail(where + " is " + kind_name(v.kind) + ", expected a number");
        require_decimal(v.text, file + ": " + where);
        return v.text;
    }

    const std::vector<JsonValue>& array(const JsonValue& v, const std::string& where, std::size_t max_size) const
    {
        if (v.kind != Kind::array) fail(where + " is " + kind_name(v.kind) + ", expected an array");
        if (v.items.empty()) fail(where + " is empty");
        if (v.items.size() > max_size)
            fail(where + " has " + std::to_string(v.items.size()) + " entries, more than the limit of " + std::to_string(max_size));
        return v.items;
    }

    // A list of numbers, as a row.
    std::vector<std::string> row(const JsonValue& v, const std::string& where, std::size_t max_size) const
    {
        std::vector<std::string> out;
        const auto& items = array(v, where, max_size);
        for (std::size_t j = 0; j < items.size(); ++j) out.push_back(number(items[j], where + "[" + std::to_string(j) + "]"));
        return out;
    }

    // A list of rows of equal length.
    TextMatrix rows(const JsonValue& v, const std::string& name, std::size_t max_rows, std::size_t max_cols) const
    {
        const auto& items = array(v, name, max_rows);
        std::vector<std::vector<std::string>> r;
        for (std::size_t i = 0; i < items.size(); ++i) {
            r.push_back(row(items[i], name + "[" + std::to_string(i) + "]", max_cols));
            if (r[i].size() != r[0].size())
                fail(name + " is ragged: row " + std::to_string(i) + " has " + std::to_string(r[i].size())
                     + " entries, row 0 has " + std::to_string(r[0].size()));
        }
        TextMatrix M(r.size(), r[0].size());
        for (std::size_t i = 0; i < r.size(); ++i)
            for (std::size_t j = 0; j < r[0].size(); ++j) M(i, j) = r[i][j];
        return M;
    }

    static TextMatrix column(const std::vector<std::string>& values)
    {
        TextMatrix M(values.size(), 1);
        for (std::size_t i = 0; i < values.size(); ++i) M(i, 0) = values[i];
        return M;
    }
};

} // namespace

namespace {

WeightsText weights_from(const JsonValue& top, const Reader& r)
{
    r.require_keys(top, {"W1", "B1", "W2", "B2"});

    WeightsText w;
    w.W1 = r.rows(r.member(top, "W1"), "W1", max_hidden, max_inputs);
    const std::size_t H = w.W1.rows();
    w.B1 = Reader::column(r.row(r.member(top, "B1"), "B1", max_hidden));
    if (w.B1.rows() != H)
        r.fail("B1 has " + std::to_string(w.B1.rows()) + " entries but W1 has " + std::to_string(H) + " rows (H)");
    // W2 is 1×H: a list holding exactly one row.
    const JsonValue& W2 = r.member(top, "W2");
    if (W2.kind == Kind::array && (W2.items.size() != 1 || W2.items[0].kind != Kind::array))
        r.fail("W2 must be 1×H, written [[w1, …, wH]]: a list holding one row");
    w.W2 = r.rows(W2, "W2", 1, max_hidden);
    if (w.W2.cols() != H)
        r.fail("W2 has " + std::to_string(w.W2.cols()) + " columns but W1 has " + std::to_string(H)
               + " rows (H); W2 must be 1×H, written [[w1, …, wH]]");
    const JsonValue& B2_json = r.member(top, "B2");
    if (B2_json.kind == Kind::array && B2_json.items.size() != 1)
        r.fail("B2 has " + std::to_string(B2_json.items.size()) + " entries; it must have exactly 1, written [b]");
    const auto B2 = r.row(B2_json, "B2", 1);
    w.B2 = Reader::column(B2);
    return w;
}

DataText data_from(const JsonValue& top, const Reader& r)
{
    r.require_keys(top, {"X", "Y"});

    const TextMatrix rows = r.rows(r.member(top, "X"), "X", max_examples, max_inputs); // m×N
    const auto labels = r.row(r.member(top, "Y"), "Y", max_examples);
    if (labels.size() != rows.rows())
        r.fail("Y has " + std::to_string(labels.size()) + " labels but X has " + std::to_string(rows.rows()) + " examples (rows)");
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const double y = std::strtod(labels[i].c_str(), nullptr);
        if (!(y >= 0.0 && y <= 1.0))
            r.fail("Y[" + std::to_string(i) + "] = " + labels[i] + " is not a label in [0, 1]");
    }
    DataText d{xornet::transpose(rows), TextMatrix(1, labels.size())};
    for (std::size_t i = 0; i < labels.size(); ++i) d.Y(0, i) = labels[i];
    return d;
}

} // namespace

WeightsText read_weights_file(const std::string& path)
{
    return weights_from(read_json_file(path, "weights file"), Reader{"weights file '" + path + "'"});
}

DataText read_data_file(const std::string& path)
{
    return data_from(read_json_file(path, "data file"), Reader{"data file '" + path + "'"});
}

WeightsText parse_weights(const std::string& text, const std::string& name)
{
    return weights_from(parse_json(text, name), Reader{name});
}

DataText parse_data(const std::string& text, const std::string& name)
{
    return data_from(parse_json(text, name), Reader{name});
}

DataText xor_data_text()
{
    DataText d{TextMatrix(2, 4), TextMatrix(1, 4)};
    const char* inputs[4][2] = {{"0", "0"}, {"0", "1"}, {"1", "0"}, {"1", "1"}};
    const char* labels[4] = {"0", "1", "1", "0"};
    for (int i = 0; i < 4; ++i) {
        d.X(0, i) = inputs[i][0];
        d.X(1, i) = inputs[i][1];
        d.Y(0, i) = labels[i];
    }
    return d;
}

} // namespace gradcheck
