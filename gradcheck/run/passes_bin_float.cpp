// The network's backward pass and training step (lib/mistakes.hpp) in
// cpp_bin_float_50 and cpp_bin_float_100 (see run/passes_double.cpp).
#include <boost/multiprecision/cpp_bin_float.hpp>

#include "mistakes.hpp"

namespace xornet {
XORNET_INSTANTIATE_PASSES(boost::multiprecision::cpp_bin_float_50)
XORNET_INSTANTIATE_PASSES(boost::multiprecision::cpp_bin_float_100)
} // namespace xornet
