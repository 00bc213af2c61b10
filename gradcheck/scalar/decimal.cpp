#include "gradcheck/scalar/decimal.hpp"

#include <algorithm>
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "gradcheck/util/error.hpp"
#include "gradcheck/util/printable.hpp"

namespace gradcheck {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A valid decimal as its sign, its significant digits d1d2… (no leading or trailing
// zeros) and an exponent e with |x| = 0.d1d2… × 10^e. Zero has no digits.
struct DecimalParts {
    bool negative = false;
    std::string digits;
    long long exponent = 0;
};

DecimalParts parts_of(std::string_view s)
{
    DecimalParts p;
    std::size_t i = 0;
    if (s[i] == '-') p.negative = true, ++i;
    std::string mantissa;
    long long before_point = 0;
    bool point = false;
    for (; i < s.size() && s[i] != 'e' && s[i] != 'E'; ++i) {
        if (s[i] == '.') point = true;
        else mantissa += s[i], before_point += point ? 0 : 1;
    }
    long long exponent = 0;
    bool negative_exponent = false;
    if (i < s.size()) {
        ++i;
        if (s[i] == '+' || s[i] == '-') negative_exponent = s[i] == '-', ++i;
        // Saturated far beyond any mantissa's length: a larger exponent compares the same.
        for (; i < s.size(); ++i) exponent = std::min<long long>(exponent * 10 + (s[i] - '0'), 1'000'000'000'000'000LL);
    }
    const std::size_t lead = mantissa.find_first_not_of('0');
    if (lead == std::string::npos) return {};
    mantissa.erase(mantissa.find_last_not_of('0') + 1);
    p.digits = mantissa.substr(lead);
    p.exponent = before_point - static_cast<long long>(lead) + (negative_exponent ? -exponent : exponent);
    return p;
}

int sign_of(const DecimalParts& p) { return p.digits.empty() ? 0 : p.negative ? -1 : 1; }
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

int compare_decimals(std::string_view a, std::string_view b)
{
    const DecimalParts x = parts_of(a), y = parts_of(b);
    if (sign_of(x) != sign_of(y)) return sign_of(x) < sign_of(y) ? -1 : 1;
    if (sign_of(x) == 0) return 0;
    // Equal exponents: 0.d1d2… compares as its digit strings do (no trailing zeros).
    const int magnitude = x.exponent != y.exponent ? (x.exponent < y.exponent ? -1 : 1) : x.digits.compare(y.digits) < 0 ? -1 : x.digits == y.digits ? 0 : 1;
    return sign_of(x) * magnitude;
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
