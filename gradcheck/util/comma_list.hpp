// The items of a comma-separated list on the command line (--precision, --method).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace gradcheck {

// In order, as written: "double,50" is {"double", "50"}. Empty items stay, so that
// "double," or "" reaches its reader as an empty name, which it refuses by name.
inline std::vector<std::string> split_comma_list(const std::string& text)
{
    std::vector<std::string> items;
    for (std::size_t start = 0;;) {
        const std::size_t comma = text.find(',', start);
        items.push_back(text.substr(start, comma - start));
        if (comma == std::string::npos) return items;
        start = comma + 1;
    }
}

} // namespace gradcheck
