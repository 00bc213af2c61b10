// The precisions the command runs in: float, double and long double, and MPFR's
// mpfr_float for any digit count (50 and 100 too: at 50 digits its exp is several
// times faster than that of Boost's cpp_bin_float_50, and a check two to four times
// faster). A job runs in one of them through run/run.hpp.
#pragma once

#include <string>
#include <vector>

namespace gradcheck {

struct Precision {
    enum class Kind { float_, double_, long_double, mpfr };
    Kind kind = Kind::double_;
    unsigned digits = 0; // decimal digits for mpfr
    std::string name;    // as written: "double", "long-double", "50", "100", "300"
    std::string label;   // described: "double (53-bit binary)", "50 digits (MPFR)"
};

inline constexpr unsigned min_mpfr_digits = 10;
inline constexpr unsigned max_mpfr_digits = 10000;

// "float", "double", "long-double", or a digit count 10..10000 (mpfr; "50" and
// "100" are two of them).
// Throws InputError on anything else.
Precision parse_precision(const std::string& text);

// A comma-separated list of the above, e.g. "double,50"; "all" is the ladder
// float,double,long-double,50,100.
inline constexpr const char* precision_ladder = "float,double,long-double,50,100";
std::vector<Precision> parse_precision_list(const std::string& text);

} // namespace gradcheck
