// The one place that defines BOOST_TEST_MODULE; linked into every test executable.
#ifndef BOOST_TEST_DYN_LINK
#define BOOST_TEST_DYN_LINK
#endif
#define BOOST_TEST_MODULE gradcheck
#include <boost/test/unit_test.hpp>
