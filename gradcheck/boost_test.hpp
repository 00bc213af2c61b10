// gradcheck in a Boost.Test case: BOOST_TEST(gradcheck::agrees(f, g, theta)) passes when
// every element agrees, and when one does not prints the elements that did not pass
// and the verdict line (result::failures()). The only header of the library that
// needs Boost.Test.
//
//   BOOST_TEST(gradcheck::agrees(f, g, theta));                        // check_gradient in double
//   BOOST_TEST(gradcheck::agrees<cpp_bin_float_50>(f, g, theta));
//   BOOST_TEST(gradcheck::agrees(gradcheck::check_jacobian(f, jac, theta)));  // any check's result
#pragma once

#include <vector>

#include <boost/test/tools/assertion_result.hpp>

#include "gradcheck/gradcheck.hpp"

namespace gradcheck {

template <class T>
boost::test_tools::assertion_result agrees(const result<T>& r)
{
    boost::test_tools::assertion_result out(r.pass);
    if (!r.pass) out.message() << "\n" << r.failures();
    return out;
}

template <class T = double, class H = higher_precision_t<T>, class F, class G, class X>
boost::test_tools::assertion_result agrees(const F& f, const G& g, const std::vector<X>& theta, const options& o = {})
{
    return agrees(check_gradient<T, H>(f, g, theta, o));
}

} // namespace gradcheck
