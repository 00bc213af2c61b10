// The network's backward pass and training step (lib/mistakes.hpp) in mpfr_float,
// and in Bounded<mpfr_float>, in which network/yours.cpp runs each mistake in your
// arithmetic (see run/passes_double.cpp).
#include <boost/multiprecision/mpfr.hpp>

#include "gradcheck/bounds/bounded.hpp"
#include "mistakes.hpp"

namespace xornet {
XORNET_INSTANTIATE_PASSES(boost::multiprecision::mpfr_float)
XORNET_INSTANTIATE_GRADIENTS(gradcheck::Bounded<boost::multiprecision::mpfr_float>)
} // namespace xornet
