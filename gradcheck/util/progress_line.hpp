// Progress of a long run, on standard error, and only when standard error is a
// terminal: a run that has taken more than a second shows what it is doing on one
// line that it rewrites ("check in 1000 digits, central: element 120 of 2561"),
// and clears that line before the report is printed. Logs, pipes and tests see
// nothing.
#pragma once

#include <cstddef>
#include <string>

namespace gradcheck::progress {

// What the run is doing now: "check in double, central".
void stage(std::string what);

// One level of the progress line, for as long as it lives ("epoch 120 of 5000",
// and inside it "element 3 of 9").
class Task {
public:
    Task(const char* unit, std::size_t total);
    ~Task();
    Task(const Task&) = delete;
    Task& operator=(const Task&) = delete;
    void at(std::size_t done); // done of total, counting from 0
};

// Clears the progress line, if one was shown: before the report, or an error message.
void clear();

} // namespace gradcheck::progress
