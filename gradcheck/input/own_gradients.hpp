// Your own gradients (gradcheck --gradients FILE): the four partials computed by
// your code, on paper, in NumPy or a spreadsheet, and optionally the arrays of the
// steps on the way, with the precision they were computed in. Values stay decimal
// text, as in the weights file, until the check reads them at its own precision.
//
// JSON, in the weights file's layout and number grammar (numbers, or decimal strings;
// beyond double's range too, since a result may be a long double's):
//   {"precision": "double",                     optional, default double (see parse_own_precision)
//    "dW1": [[..],..] (H rows of N),  "dB1": [..] (H),
//    "dW2": [[..]] (1 row of H),      "dB2": [..] (1),
//    optional, one column per example as in the seed:
//    "Z1", "A1", "dA1", "dZ1": [[..],..] (H rows of m),  "Z2", "A2", "dZ2": [[..]] (1 row of m)}
// CSV (a file whose name ends in .csv): a header line `array,row,col,value`, then one
// line per element, e.g. `dW1,0,1,-6.69e-4` (row and col from 0), and optionally one
// line `precision,,,float32`.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "gradcheck/input/files.hpp"

namespace gradcheck {

// A precision someone's code computed in: binary floating point with `bits` bits of
// significand (the leading one included) and smallest normal number 2^min_exponent.
struct OwnPrecision {
    std::string name;     // as written: "double", "float32", "50"
    std::string label;    // "double (IEEE 754 binary64, 53-bit significand)"
    int bits = 53;
    int min_exponent = -1022; // 0: none that matters (multiprecision)
    int max_digits10 = 17;    // significant digits that identify one of its numbers
};

// float16 (half), bfloat16, float32 (float, single), float64 (double),
// long-double (float80: x87's 64-bit significand), float128 (quad), or a decimal
// digit count 10..10000 (50 and 100 as Boost's cpp_bin_float_50/100, any other as
// MPFR). Throws InputError naming `what` otherwise.
OwnPrecision parse_own_precision(const std::string& text, const std::string& what);

// The arrays a gradients file may hold, and their shapes in N, H, m: the forward
// pass's, the backward pass's steps, then the four partials, as the report lists them.
struct OwnArrayKind {
    const char* name;        // "dW1"
    const char* shape_names; // "H×N"
    const char* meaning;     // "dL/dW1 = dZ1·Xᵀ"
    bool required;
};
inline constexpr OwnArrayKind own_array_kinds[] = {
    {"Z1", "H×m", "Z1 = W1·X + B1", false},
    {"A1", "H×m", "A1 = sigmoid(Z1)", false},
    {"Z2", "1×m", "Z2 = W2·A1 + B2", false},
    {"A2", "1×m", "A2 = sigmoid(Z2)", false},
    {"dZ2", "1×m", "dL/dZ2 = (A2 - Y)/m", false},
    {"dA1", "H×m", "dL/dA1 = W2ᵀ·dZ2", false},
    {"dZ1", "H×m", "dL/dZ1 = dA1 ⊙ A1 ⊙ (1 - A1)", false},
    {"dW1", "H×N", "dL/dW1 = dZ1·Xᵀ", true},
    {"dB1", "H×1", "dL/dB1 = sum of dZ1 over the examples", true},
    {"dW2", "1×H", "dL/dW2 = dZ2·A1ᵀ", true},
    {"dB2", "1×1", "dL/dB2 = sum of dZ2 over the examples", true},
};

struct OwnGradientsText {
    std::string source = "your gradients"; // "gradients file 'g.json'"
    OwnPrecision precision = parse_own_precision("double", "precision");
    std::vector<std::pair<std::string, TextMatrix>> arrays; // in the order of own_array_kinds
};

// Both throw InputError with one line naming the file, the member and the problem.
OwnGradientsText read_gradients_file(const std::string& path);
OwnGradientsText parse_gradients(const std::string& text, const std::string& name, bool csv);

// Checks every array's shape against the problem's N, H and m; InputError otherwise.
void require_shapes(const OwnGradientsText& gradients, std::size_t N, std::size_t H, std::size_t m);

} // namespace gradcheck
