// Reading the members of a parsed JSON input file (input/json_reader.hpp) into decimal
// text, with one-line errors that name the file and the element: shared by the
// weights, data and gradients files.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "gradcheck/scalar/decimal.hpp"
#include "gradcheck/util/error.hpp"
#include "gradcheck/input/files.hpp"
#include "gradcheck/input/json_reader.hpp"
#include "gradcheck/util/printable.hpp"

namespace gradcheck {

struct Reader {
    using Kind = JsonValue::Kind;

    std::string file; // "weights file 'w.json'"
    bool results = false; // numbers are someone's results (a gradients file): any magnitude, not only double's

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
        if (results) require_result_decimal(v.text, file + ": " + where);
        else require_decimal(v.text, file + ": " + where);
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


} // namespace gradcheck
