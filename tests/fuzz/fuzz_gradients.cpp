// libFuzzer target: the gradients-file reader (JSON, or CSV when the first byte is
// odd) and, for input it accepts with the default problem's shapes, the check itself.
// Any input must end in a report or in an InputError, never in a crash, a hang or a
// sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "gradcheck/util/error.hpp"
#include "gradcheck/network/yours.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return 0;
    const bool csv = data[0] & 1;
    try {
        const gradcheck::OwnGradientsText g =
            gradcheck::parse_gradients(std::string(reinterpret_cast<const char*>(data) + 1, size - 1), "gradients", csv);
        static const gradcheck::Problem problem; // XOR, seed 1, H = 2
        gradcheck::require_shapes(g, problem.inputs(), problem.width(), problem.examples());
        (void)gradcheck::check_own_gradients(problem, g);
    } catch (const gradcheck::InputError&) {
    }
    return 0;
}
