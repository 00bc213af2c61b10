#include "gradcheck/scalar/precision.hpp"

#include <charconv>
#include <limits>
#include <stdexcept>

#include "gradcheck/util/comma_list.hpp"
#include "gradcheck/util/error.hpp"

namespace gradcheck {

Precision parse_precision(const std::string& text)
{
    using Kind = Precision::Kind;
    if (text == "float") return {Kind::float_, 0, text, "float (24-bit binary, IEEE 754)"};
    if (text == "double") return {Kind::double_, 0, text, "double (53-bit binary, IEEE 754)"};
    if (text == "long-double")
        return {Kind::long_double, 0, text, "long double (" + std::to_string(std::numeric_limits<long double>::digits) + "-bit binary)"};
    unsigned digits = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), digits);
    const bool is_number = !text.empty() && ec == std::errc() && end == text.data() + text.size() && text[0] != '0';
    if (!is_number || digits < min_mpfr_digits || digits > max_mpfr_digits)
        throw InputError("--precision: \"" + text + "\" is not float, double, long-double, 50, 100 or a digit count from "
                         + std::to_string(min_mpfr_digits) + " to " + std::to_string(max_mpfr_digits));
    return {Kind::mpfr, digits, text, std::to_string(digits) + " digits (MPFR)"};
}

std::vector<Precision> parse_precision_list(const std::string& text)
{
    if (text == "all") return parse_precision_list(precision_ladder);
    std::vector<Precision> list;
    for (const std::string& name : split_comma_list(text)) list.push_back(parse_precision(name));
    return list;
}

} // namespace gradcheck
