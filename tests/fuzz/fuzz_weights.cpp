// libFuzzer target: the weights-file reader. Any input must end in weights or in
// an InputError, never in a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "gradcheck/util/error.hpp"
#include "gradcheck/input/files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        (void)gradcheck::parse_weights(std::string(reinterpret_cast<const char*>(data), size), "weights");
    } catch (const gradcheck::InputError&) {
    }
    return 0;
}
