// The whole network library in one include.
#pragma once

#include "activation.hpp" // sigmoid, softplus
#include "backward.hpp"   // backward pass: dW1, dB1, dW2, dB2
#include "gallery.hpp"    // the derived, the seed's and mistaken derivations: names and formulas
#include "gradients.hpp"  // Gradients, and gradients_for() of any derivation
#include "init.hpp"       // seeded random weights, zero biases
#include "loss.hpp"       // binary cross-entropy, seed form and stable form
#include "matrix.hpp"     // Matrix<T> and the few operations the maths needs
#include "mistakes.hpp"   // the gallery's mistakes as steps of the backward pass
#include "network.hpp"    // Parameters, Cache, forward pass
#include "train.hpp"      // gradient descent
#include "xor_data.hpp"   // the XOR truth table
