#include <boost/multiprecision/mpfr.hpp>

#include "check.hpp"
#include "precision.hpp"

namespace gradcheck {
CheckReport check_mpfr(unsigned digits, const Problem& problem, const CheckSettings& settings)
{
    using boost::multiprecision::mpfr_float;
    // Precision is a run-time setting of mpfr_float: every value created below gets it.
    const auto previous = mpfr_float::default_precision();
    mpfr_float::default_precision(digits);
    try {
        CheckReport r = check_gradients<mpfr_float>(problem, settings);
        mpfr_float::default_precision(previous);
        return r;
    } catch (...) {
        mpfr_float::default_precision(previous);
        throw;
    }
}
} // namespace gradcheck
