#include "gradcheck/input/files.hpp"

#include <cstdlib>
#include <string_view>

#include "gradcheck/scalar/decimal.hpp"
#include "gradcheck/util/error.hpp"
#include "gradcheck/util/printable.hpp"
#include "gradcheck/input/reader.hpp"
#include "gradcheck/input/json_reader.hpp"

namespace gradcheck {

namespace {

using Kind = JsonValue::Kind;

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
        // Compared as decimals: 1.00000000000000000001 is 1 in double but not a label.
        if (compare_decimals(labels[i], "0") < 0 || compare_decimals(labels[i], "1") > 0)
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
