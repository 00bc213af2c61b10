// Formatting shared by the text reports: padding, digits with one decimal, lists.
#include <cstdio>

#include "report/print.hpp"
#include "report/text_parts.hpp"

namespace gradcheck {

std::string fixed1(double x)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", x);
    return buffer;
}

namespace text {

std::string pad(const std::string& s, std::size_t width)
{
    // Width counts characters, not bytes: "×" and "−" are multi-byte in UTF-8.
    std::size_t chars = 0;
    for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
    return chars >= width ? s : s + std::string(width - chars, ' ');
}

std::string rpad(const std::string& s, std::size_t width)
{
    return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

std::string signed_value(const std::string& s) { return s.empty() || s[0] == '-' ? s : " " + s; }

std::string and_list(const std::vector<std::string>& names)
{
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i) list += (i ? (i + 1 == names.size() ? " and " : ", ") : "") + names[i];
    return list;
}

std::string position(const ElementCheck& e) { return "[" + std::to_string(e.row) + "," + std::to_string(e.col) + "]"; }

} // namespace text

} // namespace gradcheck
