#include <boost/multiprecision/cpp_bin_float.hpp>

#include "check.hpp"
#include "precision.hpp"

namespace gradcheck {
CheckReport check_bin100(const Problem& problem, const CheckSettings& settings)
{
    return check_gradients<boost::multiprecision::cpp_bin_float_100>(problem, settings);
}
} // namespace gradcheck
