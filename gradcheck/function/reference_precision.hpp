// The precisions of a check of your own function: T, in which f and your values are
// computed and compared, and the reference precision H in which the rounding of
// what T computed is measured (higher_precision_t: about twice T's digits).
#pragma once

#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <boost/multiprecision/cpp_complex.hpp>

#include "gradcheck/scalar/bin_float.hpp"
#include "gradcheck/scalar/traits.hpp"

namespace gradcheck {

using cpp_bin_float_200 = boost::multiprecision::number<boost::multiprecision::backends::cpp_bin_float<200>>;

template <>
struct complex_of<cpp_bin_float_200> {
    using type = boost::multiprecision::number<boost::multiprecision::complex_adaptor<boost::multiprecision::backends::cpp_bin_float<200>>>;
};

// void: no reference known for T; its rounding is then estimated (function/noise.hpp).
template <class T> struct higher_precision { using type = void; };
template <> struct higher_precision<float> { using type = boost::multiprecision::cpp_bin_float_50; };
template <> struct higher_precision<double> { using type = boost::multiprecision::cpp_bin_float_50; };
template <> struct higher_precision<long double> { using type = boost::multiprecision::cpp_bin_float_50; };
template <> struct higher_precision<boost::multiprecision::cpp_bin_float_50> { using type = boost::multiprecision::cpp_bin_float_100; };
template <> struct higher_precision<boost::multiprecision::cpp_bin_float_100> { using type = cpp_bin_float_200; };
template <class T> using higher_precision_t = typename higher_precision<T>::type;

// x converted element by element (exactly, when U holds every value of T), through
// U's real type R when U is a complex or dual number over R.
template <class U, class R = U, class T>
std::vector<U> lift(const std::vector<T>& x)
{
    std::vector<U> out;
    out.reserve(x.size());
    for (const T& v : x) out.push_back(U(R(v)));
    return out;
}

// "double (53-bit binary), u = 2.22e-16".
template <class T>
std::string precision_label()
{
    const std::string name = std::is_same_v<T, float> ? "float" : std::is_same_v<T, double> ? "double"
                           : std::is_same_v<T, long double> ? "long double" : std::to_string(working_digits<T>()) + " digits";
    return name + " (" + std::to_string(std::numeric_limits<T>::digits) + "-bit binary), u = " + scientific(machine_epsilon<T>(), 3);
}

} // namespace gradcheck
