// The two scalar functions of the network: the seed's sigmoid, and softplus,
// which the numerically stable form of the loss is built from.
#pragma once

#include <cmath>

namespace xornet {

// sigmoid(z) = 1 / (1 + e^(−z))   (seed, functions 2 and 4)
// Written exactly as the seed writes it. For very negative z, e^(−z) may
// overflow to +inf in double; 1/(1+inf) is then 0, which is still the right
// limit, so no special case is needed.
template <class T>
T sigmoid(const T& z)
{
    using std::exp;
    return T(1) / (T(1) + exp(-z));
}

// d sigmoid / dz = sigmoid(z)·(1 − sigmoid(z)) = A ⊙ (1 − A), written in terms of A
// because that is the form the backward pass has at hand.
template <class T>
T sigmoid_derivative_from_output(const T& a)
{
    return a * (T(1) - a);
}

// softplus(z) = log(1 + e^z), evaluated as max(z, 0) + log1p(e^(−|z|)) so that
// e^(…) never overflows and small results keep their relative accuracy.
// −log(sigmoid(z)) = softplus(−z) and −log(1 − sigmoid(z)) = softplus(z).
template <class T>
T softplus(const T& z)
{
    using std::abs;
    using std::exp;
    using std::log1p;
    const T positive_part = z > T(0) ? z : T(0);
    return positive_part + T(log1p(T(exp(T(-abs(z))))));
}

} // namespace xornet
