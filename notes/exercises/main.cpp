// The exercise programs: `exercise` runs backward.cpp, `planted-bugs` runs
// planted_bugs.cpp (EXERCISE_SOURCE names the file, meson.build sets it).
#include <cstring>
#include <iostream>

#include "runner.hpp"

int main(int argc, char** argv)
{
    const bool full = argc == 2 && std::strcmp(argv[1], "--full") == 0;
    if (argc > 2 || (argc == 2 && !full)) {
        std::cerr << argv[0] << ": error: the only option is --full (every element, not a line per array)\n";
        return 2;
    }
    return exercise::run(exercise::backward, EXERCISE_SOURCE, std::cout, full);
}
