// gradcheck as a library: check the gradient, Jacobian, vector–Jacobian product or
// Hessian of your own C++ function against numeric derivatives whose error bounds
// are derived, in double or in any Boost.Multiprecision precision.
//
//   #include <gradcheck/gradcheck.hpp>
//   auto r = gradcheck::check_gradient(f, g, std::vector<double>{0.3, -1.2});
//   if (!r.pass) std::cout << r;      // the per-element table
//
// Reference: README "Check your own C++ function"; how the bounds work for a function
// the checker cannot analyse: notes/10-library.md. With Boost.Test: gradcheck/boost_test.hpp.
#pragma once

#include "gradcheck/function/checks.hpp"
