// Whether an exercise file of notes/exercises still holds the blocks it is
// committed with (fill.py's tables): tests that run or quote it need that, and a
// student at work on it must not see the suite fail for it.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace exercise {

// The blocks of an exercise file, by name, as fill.py reads them.
std::vector<std::pair<std::string, std::string>> blocks_of(const std::filesystem::path& file);

// True when `file` (relative to the source root: notes/exercises/backward.cpp or
// planted_bugs.cpp) holds its committed blocks. If not: a test error when the
// environment has GRADCHECK_STRICT (CI), else a message that its check is skipped.
bool as_committed(const std::string& file);

} // namespace exercise
