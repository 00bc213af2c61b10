#include "gradcheck/util/progress_line.hpp"

#include <chrono>
#include <vector>

#include <unistd.h>

namespace gradcheck::progress {

namespace {

using Clock = std::chrono::steady_clock;

struct Level {
    const char* unit;
    std::size_t done, total;
};

struct State {
    bool enabled = ::isatty(2) == 1;
    Clock::time_point start = Clock::now(), last_shown{};
    std::string stage;
    std::vector<Level> levels;
    bool shown = false;
};

State& state()
{
    static State s; // started by the first call: main's first stage
    return s;
}

void write_stderr(const std::string& text)
{
    // Progress is a courtesy: a failed write is not worth an error.
    for (std::size_t done = 0; done < text.size();) {
        const ssize_t n = ::write(2, text.data() + done, text.size() - done);
        if (n <= 0) return;
        done += static_cast<std::size_t>(n);
    }
}

// At most five times a second, and not in the first second (short runs stay silent).
void show()
{
    State& s = state();
    const Clock::time_point now = Clock::now();
    if (now - s.start < std::chrono::seconds(1) || now - s.last_shown < std::chrono::milliseconds(200)) return;
    s.last_shown = now;
    std::string line = "\r\033[K" + s.stage; // \033[K clears the rest of the line
    for (std::size_t i = 0; i < s.levels.size(); ++i)
        line += (i ? ", " : ": ") + std::string(s.levels[i].unit) + " " + std::to_string(s.levels[i].done + 1) + " of "
                + std::to_string(s.levels[i].total);
    write_stderr(line);
    s.shown = true;
}

} // namespace

void stage(std::string what)
{
    State& s = state();
    if (!s.enabled) return;
    s.stage = std::move(what);
    s.levels.clear();
    show();
}

Task::Task(const char* unit, std::size_t total)
{
    State& s = state();
    if (s.enabled) s.levels.push_back({unit, 0, total});
}

Task::~Task()
{
    State& s = state();
    if (s.enabled && !s.levels.empty()) s.levels.pop_back();
}

void Task::at(std::size_t done)
{
    State& s = state();
    if (!s.enabled || s.levels.empty()) return;
    s.levels.back().done = done;
    show();
}

void clear()
{
    State& s = state();
    if (!s.shown) return;
    write_stderr("\r\033[K");
    s.shown = false;
}

} // namespace gradcheck::progress
