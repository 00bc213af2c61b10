// libFuzzer target: the command-line parser. The input is split into arguments at
// newlines; files named by --weights/--data are read if they exist (read-only).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "gradcheck/util/error.hpp"
#include "gradcheck/cli/options.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> args{"gradcheck"};
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
        if (i == text.size() || text[i] == '\n') {
            args.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    try {
        (void)gradcheck::parse_command_line(static_cast<int>(argv.size()), argv.data());
    } catch (const gradcheck::InputError&) {
    }
    return 0;
}
