// The network's backward pass and training step (lib/mistakes.hpp) for the hardware
// types. The rest of the checker only declares them (lib/gradients.hpp): a change to
// lib/backward.hpp recompiles the run/passes_*.cpp files and nothing else.
#include "mistakes.hpp"

namespace xornet {
XORNET_INSTANTIATE_PASSES(float)
XORNET_INSTANTIATE_PASSES(double)
XORNET_INSTANTIATE_PASSES(long double)
} // namespace xornet
