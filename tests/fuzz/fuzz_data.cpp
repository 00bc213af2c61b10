// libFuzzer target: the data-file reader.
#include <cstddef>
#include <cstdint>
#include <string>

#include "gradcheck/util/error.hpp"
#include "gradcheck/input/files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        (void)gradcheck::parse_data(std::string(reinterpret_cast<const char*>(data), size), "data");
    } catch (const gradcheck::InputError&) {
    }
    return 0;
}
