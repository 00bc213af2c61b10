// A matrix's elements, row-major. For a hardware type (double, float, their complex
// numbers) up to 8 are kept inside the matrix itself, the rest on the heap: the XOR
// network's matrices (H×m = 2×4 and smaller) then never allocate, in a forward pass
// that one check runs dozens of times. Other types (multiprecision) use std::vector.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>
#include <vector>

namespace xornet {

template <class T>
class InlineElements {
public:
    static constexpr std::size_t capacity = 8;

    InlineElements() = default;
    InlineElements(std::size_t n, const T& fill) : n_(n)
    {
        if (n > capacity) heap_.assign(n, fill);
        else std::fill_n(inline_.begin(), n, fill);
    }

    // Moved from, it is empty (as a moved-from std::vector is here).
    InlineElements(const InlineElements&) = default;
    InlineElements& operator=(const InlineElements&) = default;
    InlineElements(InlineElements&& o) noexcept : n_(std::exchange(o.n_, 0)), inline_(o.inline_), heap_(std::move(o.heap_)) {}
    InlineElements& operator=(InlineElements&& o) noexcept
    {
        n_ = std::exchange(o.n_, 0), inline_ = o.inline_, heap_ = std::move(o.heap_);
        return *this;
    }

    std::size_t size() const { return n_; }
    T& operator[](std::size_t k) { return n_ > capacity ? heap_[k] : inline_[k]; }
    const T& operator[](std::size_t k) const { return n_ > capacity ? heap_[k] : inline_[k]; }

private:
    std::size_t n_ = 0;
    std::array<T, capacity> inline_{};
    std::vector<T> heap_; // only when n_ > capacity
};

template <class T>
using Elements = std::conditional_t<std::is_trivially_copyable_v<T>, InlineElements<T>, std::vector<T>>;

} // namespace xornet
