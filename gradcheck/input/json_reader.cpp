#include "gradcheck/input/json_reader.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "gradcheck/util/error.hpp"
#include "gradcheck/util/printable.hpp"

namespace gradcheck {

const char* kind_name(JsonValue::Kind k)
{
    switch (k) {
    case JsonValue::Kind::null: return "null";
    case JsonValue::Kind::boolean: return "a boolean";
    case JsonValue::Kind::number: return "a number";
    case JsonValue::Kind::string: return "a string";
    case JsonValue::Kind::array: return "an array";
    case JsonValue::Kind::object: return "an object";
    }
    return "?";
}

namespace {

// nlohmann's SAX interface builds our tree; its parser is iterative, so deep
// nesting cannot overflow the stack: we refuse it at max_json_depth.
class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
public:
    explicit TreeBuilder(std::string what) : what_(std::move(what)) {}

    JsonValue root;
    std::string error;

    bool null() override { return add(JsonValue{}); }
    bool boolean(bool b) override
    {
        JsonValue v;
        v.kind = JsonValue::Kind::boolean;
        v.boolean = b;
        return add(std::move(v));
    }
    bool number_integer(number_integer_t n) override { return number(std::to_string(n)); }
    bool number_unsigned(number_unsigned_t n) override { return number(std::to_string(n)); }
    bool number_float(number_float_t, const string_t& literal) override { return number(literal); }
    bool string(string_t& s) override
    {
        JsonValue v;
        v.kind = JsonValue::Kind::string;
        v.text = s;
        return add(std::move(v));
    }
    bool binary(binary_t&) override { return fail("binary values are not JSON"); }
    bool start_object(std::size_t) override { return open(JsonValue::Kind::object); }
    bool key(string_t& k) override
    {
        for (const auto& [name, value] : stack_.back()->members)
            if (name == k) return fail("duplicate key \"" + printable(k, 40) + "\"");
        pending_key_ = k;
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(JsonValue::Kind::array); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t, const std::string& last_token, const nlohmann::detail::exception& ex) override
    {
        // Valid JSON whose number does not fit in a double (1e400): nlohmann stops
        // with error 406. Report it like any other out-of-range number, by element.
        if (ex.id == 406)
            return fail(path() + ": " + printable(last_token, 40)
                        + " is out of range (a number must be 0 or between 2.2e-308 and 1.8e308 in magnitude)");
        // ex.what() is "[json.exception.parse_error.101] parse error at line 1, column 5: …"
        std::string message = ex.what();
        if (const auto at = message.find("parse error"); at != std::string::npos) message = message.substr(at);
        return fail("invalid JSON: " + printable(message, 200));
    }

private:
    // Where the parser is, as the readers name elements: W1[0][1].
    std::string path() const
    {
        std::string p;
        for (std::size_t i = 0; i < stack_.size(); ++i) {
            const JsonValue& open = *stack_[i];
            const bool innermost = i + 1 == stack_.size();
            if (open.kind == JsonValue::Kind::array) p += "[" + std::to_string(open.items.size() - (innermost ? 0 : 1)) + "]";
            else if (!innermost) p += (p.empty() ? "" : ".") + printable(open.members.back().key, 40);
            else p += (p.empty() ? "" : ".") + printable(pending_key_, 40);
        }
        return p.empty() ? "number" : p;
    }

    bool number(const std::string& literal)
    {
        JsonValue v;
        v.kind = JsonValue::Kind::number;
        v.text = literal;
        return add(std::move(v));
    }
    bool fail(const std::string& message)
    {
        if (error.empty()) error = what_ + ": " + message;
        return false;
    }
    // Places v into the innermost open container (or as the root) and returns its address.
    JsonValue* place(JsonValue v)
    {
        if (stack_.empty()) {
            root = std::move(v);
            return &root;
        }
        JsonValue& parent = *stack_.back();
        if (parent.kind == JsonValue::Kind::array) {
            parent.items.push_back(std::move(v));
            return &parent.items.back();
        }
        parent.members.push_back(JsonMember{pending_key_, std::move(v)});
        return &parent.members.back().value;
    }
    bool add(JsonValue v)
    {
        place(std::move(v));
        return true;
    }
    bool open(JsonValue::Kind kind)
    {
        if (stack_.size() >= max_json_depth)
            return fail("nesting deeper than " + std::to_string(max_json_depth) + " levels");
        JsonValue v;
        v.kind = kind;
        stack_.push_back(place(std::move(v)));
        return true;
    }
    bool close()
    {
        stack_.pop_back();
        return true;
    }

    std::string what_;
    std::string pending_key_;
    // Pointers into the tree stay valid: a container only grows while it is the
    // innermost open one, and its parent does not grow until it is closed.
    std::vector<JsonValue*> stack_;
};

} // namespace

JsonValue parse_json(const std::string& text, const std::string& what)
{
    TreeBuilder builder(what);
    const bool ok = nlohmann::json::sax_parse(text, &builder, nlohmann::json::input_format_t::json, true);
    if (!ok) throw InputError(builder.error.empty() ? what + ": invalid JSON" : builder.error);
    return std::move(builder.root);
}

std::string read_text_file(const std::string& path, const std::string& what)
{
    namespace fs = std::filesystem;
    const std::string named = what + " '" + path + "'";
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        // "a.json/x": name the file that stands where a directory should be.
        for (fs::path up = fs::path(path).parent_path(); !up.empty() && up != up.parent_path(); up = up.parent_path())
            if (fs::exists(up, ec)) {
                if (!fs::is_directory(up, ec)) throw InputError(named + ": '" + up.string() + "' is a file, not a directory");
                break;
            }
        throw InputError(named + ": no such file");
    }
    if (fs::is_directory(status)) throw InputError(named + ": is a directory, not a file");
    if (!fs::is_regular_file(status)) throw InputError(named + ": not a regular file");
    const auto size = fs::file_size(path, ec);
    if (ec) throw InputError(named + ": cannot read its size");
    if (size > max_json_bytes)
        throw InputError(named + ": " + std::to_string(size) + " bytes is larger than the limit of "
                         + std::to_string(max_json_bytes) + " bytes");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(named + ": cannot open (" + std::strerror(errno) + ")");
    std::ostringstream content;
    content << in.rdbuf();
    if (!in && !in.eof()) throw InputError(named + ": read failed");
    if (content.str().empty()) throw InputError(named + ": file is empty");
    return content.str();
}

JsonValue read_json_file(const std::string& path, const std::string& what)
{
    return parse_json(read_text_file(path, what), what + " '" + path + "'");
}

} // namespace gradcheck
