// Text from a file or the command line, made safe to quote in a one-line message.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gradcheck {

// Keeps valid UTF-8; writes control characters as \n, \t, \r, \0 or \xNN and
// bytes that are not valid UTF-8 as \xNN, so the result is one printable line.
// With max_chars > 0, keeps at most that many characters and marks the cut with "…".
std::string printable(std::string_view text, std::size_t max_chars = 0);

} // namespace gradcheck
