// The check of a table (function/check_table.hpp), compiled once for Boost's cpp_bin_float_50
// and cpp_bin_float_100.
#include "gradcheck/function/check_table.hpp"

namespace gradcheck {
using boost::multiprecision::cpp_bin_float_100;
using boost::multiprecision::cpp_bin_float_50;
template void check_table<cpp_bin_float_50>(result<cpp_bin_float_50>&, const TableSpec<cpp_bin_float_50>&, const options&);
template void check_table<cpp_bin_float_100>(result<cpp_bin_float_100>&, const TableSpec<cpp_bin_float_100>&, const options&);
} // namespace gradcheck
