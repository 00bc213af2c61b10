#include "decimal.hpp"

#include <algorithm>
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <vector>

#include "input_error.hpp"
#include "printable.hpp"

namespace gradcheck {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
} // namespace

bool is_decimal(std::string_view s)
{
    std::size_t i = 0;
    const auto digits = [&] {
        const std::size_t start = i;
        while (i < s.size() && is_digit(s[i])) ++i;
        return i - start;
    };
    if (i < s.size() && s[i] == '-') ++i;
    if (i < s.size() && s[i] == '0') ++i;
    else if (digits() == 0) return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (digits() == 0) return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (digits() == 0) return false;
    }
    return i == s.size();
}

void require_decimal(std::string_view s, const std::string& what)
{
    const std::string shown = printable(s, 40);
    if (!is_decimal(s))
        throw InputError(what + ": \"" + shown + "\" is not a decimal number (expected e.g. 0.25, -1.5e-3)");
    const std::string text(s);
    errno = 0;
    const double x = std::strtod(text.c_str(), nullptr);
    if (std::isinf(x) || (x != 0.0 && std::fabs(x) < DBL_MIN) || (x == 0.0 && errno == ERANGE))
        throw InputError(what + ": " + shown + " is out of range (a number must be 0 or between 2.2e-308 and 1.8e308 in magnitude)");
}

void require_result_decimal(std::string_view s, const std::string& what)
{
    const std::string shown = printable(s, 40);
    if (!is_decimal(s))
        throw InputError(what + ": \"" + shown + "\" is not a decimal number (expected e.g. 0.25, -1.5e-3)");
    const std::size_t e = s.find_first_of("eE");
    if (e == std::string_view::npos) return;
    std::string_view digits = s.substr(e + 1);
    if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) digits.remove_prefix(1);
    while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
    if (digits.size() > 9 || (digits.size() == 9 && digits > "100000000"))
        throw InputError(what + ": " + shown + " is out of range (its exponent must be at most 100000000 in size)");
}

std::string exact_decimal(double x)
{
    if (x == 0.0) return "0";
    // x = M·2^(e − 53) with a 53-bit integer M: 53 − e digits after the point hold it exactly.
    int e = 0;
    std::frexp(x, &e);
    const int decimals = std::max(0, 53 - e);
    std::vector<char> buffer(static_cast<std::size_t>(decimals) + 400);
    std::snprintf(buffer.data(), buffer.size(), "%.*f", decimals, x); // glibc prints the exact value
    std::string s(buffer.data());
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

} // namespace gradcheck
