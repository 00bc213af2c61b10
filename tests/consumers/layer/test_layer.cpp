// The same checks as Boost.Test cases: BOOST_TEST(gradcheck::agrees(...)) prints the
// per-element table when an element disagrees.
#define BOOST_TEST_MODULE layer
#include <boost/multiprecision/cpp_bin_float.hpp>
#include <boost/test/unit_test.hpp>
#include <gradcheck/boost_test.hpp>

#include "example.hpp"

BOOST_AUTO_TEST_CASE(layer_backward)
{
    BOOST_TEST(gradcheck::agrees(gradcheck::check_vjp(example::LayerOfInput{}, example::LayerBackward{}, example::x)));
}

BOOST_AUTO_TEST_CASE(cross_entropy)
{
    BOOST_TEST(gradcheck::agrees(example::Loss{}, example::LossGradient{}, example::z));
}

BOOST_AUTO_TEST_CASE(loss_in_weights_and_biases)
{
    BOOST_TEST(gradcheck::agrees(example::LossOfParameters{}, example::LossOfParametersGradient{}, example::parameters()));
    BOOST_TEST(gradcheck::agrees<boost::multiprecision::cpp_bin_float_50>(example::LossOfParameters{},
                                                                           example::LossOfParametersGradient{}, example::parameters()));
}
