#include "gradcheck/util/printable.hpp"

#include <cstdio>

namespace gradcheck {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is not one.
std::size_t utf8_length(std::string_view s, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    std::size_t n = 0;
    unsigned min = 0;
    if (c >= 0xC2 && c <= 0xDF) n = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, min = 0x10000;
    else return 0;
    if (i + n > s.size()) return 0;
    unsigned code = c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    const bool surrogate = code >= 0xD800 && code <= 0xDFFF;
    return code < min || code > 0x10FFFF || surrogate ? 0 : n;
}

std::string hex_escape(unsigned char c)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
    return buffer;
}

} // namespace

std::string printable(std::string_view text, std::size_t max_chars)
{
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (max_chars > 0 && chars == max_chars) {
            out += "…";
            break;
        }
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') out += "\\n", ++i;
        else if (c == '\t') out += "\\t", ++i;
        else if (c == '\r') out += "\\r", ++i;
        else if (c == 0) out += "\\0", ++i;
        else if (c < 0x20 || c == 0x7F) out += hex_escape(c), ++i;
        else if (c < 0x80) out += static_cast<char>(c), ++i;
        else if (const std::size_t n = utf8_length(text, i); n > 0) out.append(text.substr(i, n)), i += n;
        else out += hex_escape(c), ++i;
        ++chars;
    }
    return out;
}

} // namespace gradcheck
