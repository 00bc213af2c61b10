#include "check.hpp"
#include "precision.hpp"

namespace gradcheck {
CheckReport check_double(const Problem& problem, const CheckSettings& settings)
{
    return check_gradients<double>(problem, settings);
}
CheckReport check_long_double(const Problem& problem, const CheckSettings& settings)
{
    return check_gradients<long double>(problem, settings);
}
} // namespace gradcheck
