// Reads a JSON file into a small tree that keeps every number's literal text,
// so that a 50-digit weight written as a JSON number survives intact.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace gradcheck {

struct JsonMember;

struct JsonValue {
    enum class Kind { null, boolean, number, string, array, object };
    Kind kind = Kind::null;
    bool boolean = false;
    std::string text; // number: its literal text; string: its value
    std::vector<JsonValue> items;                           // array
    std::vector<JsonMember> members; // object, in file order
};

struct JsonMember {
    std::string key;
    JsonValue value;
};

const char* kind_name(JsonValue::Kind k);

inline constexpr std::size_t max_json_depth = 64;
inline constexpr std::size_t max_json_bytes = std::size_t(16) << 20; // 16 MiB

// The bytes of the file at `path`; `what` names it in messages ("gradients file").
// Throws InputError on an unreadable path, a file that is empty or over max_json_bytes.
std::string read_text_file(const std::string& path, const std::string& what);

// Parses the file at `path`; `what` names it in messages ("weights file").
// Throws InputError on an unreadable path, a file over max_json_bytes, invalid
// JSON, nesting deeper than max_json_depth, or a duplicate key.
JsonValue read_json_file(const std::string& path, const std::string& what);

// The same for text already in memory (used by read_json_file and by tests).
JsonValue parse_json(const std::string& text, const std::string& what);

} // namespace gradcheck
