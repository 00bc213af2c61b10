// The weights file and the data file: JSON in, checked decimal text out.
// Values stay text here; each precision reads them at its own precision.
//
// weights: {"W1": [[..],..] (H rows of N), "B1": [..] (H), "W2": [[..]] (1 row of H), "B2": [..] (1)}
// data:    {"X": [[x1,..,xN], ..] (one row per example), "Y": [y, ..] (m labels in [0, 1])}
#pragma once

#include <cstddef>
#include <string>

#include "matrix.hpp"

namespace gradcheck {

using TextMatrix = xornet::Matrix<std::string>;

inline constexpr std::size_t max_inputs = 1024;     // N
inline constexpr std::size_t max_hidden = 1024;     // H
inline constexpr std::size_t max_examples = 100000; // m

struct WeightsText {
    TextMatrix W1; // H×N
    TextMatrix B1; // H×1
    TextMatrix W2; // 1×H
    TextMatrix B2; // 1×1
};

struct DataText {
    TextMatrix X; // N×m: the file's rows become columns, as in the seed
    TextMatrix Y; // 1×m
};

// Both throw InputError with a one-line message naming the file and the problem.
WeightsText read_weights_file(const std::string& path);
DataText read_data_file(const std::string& path);

// The same from text in memory; `name` opens every message (the fuzz targets use these).
WeightsText parse_weights(const std::string& text, const std::string& name);
DataText parse_data(const std::string& text, const std::string& name);

// The XOR truth table as text, the default data.
DataText xor_data_text();

} // namespace gradcheck
