// The check of a table (function/check_table.hpp), compiled once for the hardware types.
#include "gradcheck/function/check_table.hpp"

namespace gradcheck {
template void check_table<float>(result<float>&, const TableSpec<float>&, const options&);
template void check_table<double>(result<double>&, const TableSpec<double>&, const options&);
template void check_table<long double>(result<long double>&, const TableSpec<long double>&, const options&);
} // namespace gradcheck
