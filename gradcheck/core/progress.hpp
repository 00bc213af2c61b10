// How the engine tells its caller how far it is: a count of elements or directions
// begun, each one reached, and ended. The caller decides what to show (the command, a
// line on a terminal: util/progress_line.hpp); by default, nothing.
#pragma once

#include <cstddef>

namespace gradcheck::core {

class Progress {
public:
    virtual ~Progress() = default;
    virtual void begin(const char* /*unit*/, std::size_t /*total*/) {}
    virtual void at(std::size_t /*done*/) {}
    virtual void end() {}
};

// Shows nothing.
inline Progress& no_progress()
{
    static Progress none;
    return none;
}

} // namespace gradcheck::core
