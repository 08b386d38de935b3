// A thread's memory of the lock-order edges it has already put into the
// global graph, so a known nested acquisition costs one lookup here and no
// global lock. Open addressing over 64-bit keys (two 32-bit graph ids, never
// 0), linear probing, grown at half load; allocation happens only when a new
// edge is inserted, which is the slow path anyway.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <new>

namespace lockgraph::detail {

inline std::uint64_t edge_key(std::uint32_t from, std::uint32_t to) {
  return (std::uint64_t{from} << 32) | to;
}

class edge_cache {
 public:
  edge_cache() = default;
  edge_cache(const edge_cache&) = delete;
  edge_cache& operator=(const edge_cache&) = delete;
  ~edge_cache() { std::free(slots_); }

  bool contains(std::uint64_t key) const {
    if (!slots_) return false;
    for (std::size_t i = slot_of(key);; i = (i + 1) & mask_) {
      if (slots_[i] == key) return true;
      if (slots_[i] == 0) return false;
    }
  }

  void insert(std::uint64_t key) {
    if ((size_ + 1) * 2 > capacity()) grow();
    if (place(slots_, mask_, shift_, key)) ++size_;
  }

  std::size_t size() const { return size_; }

 private:
  std::size_t capacity() const { return slots_ ? mask_ + 1 : 0; }

  static std::size_t slot(std::uint64_t key, unsigned shift) {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift);  // Fibonacci hashing
  }
  std::size_t slot_of(std::uint64_t key) const { return slot(key, shift_); }

  static bool place(std::uint64_t* slots, std::size_t mask, unsigned shift, std::uint64_t key) {
    for (std::size_t i = slot(key, shift);; i = (i + 1) & mask) {
      if (slots[i] == key) return false;
      if (slots[i] == 0) {
        slots[i] = key;
        return true;
      }
    }
  }

  void grow() {
    const std::size_t new_capacity = slots_ ? 2 * capacity() : 16;
    auto* fresh = static_cast<std::uint64_t*>(std::calloc(new_capacity, sizeof(std::uint64_t)));
    if (!fresh) throw std::bad_alloc();
    unsigned bits = 0;
    while ((std::size_t{1} << bits) < new_capacity) ++bits;
    const unsigned new_shift = 64 - bits;
    for (std::size_t i = 0; i < capacity(); ++i)
      if (slots_[i]) place(fresh, new_capacity - 1, new_shift, slots_[i]);
    std::free(slots_);
    slots_ = fresh;
    mask_ = new_capacity - 1;
    shift_ = new_shift;
  }

  std::uint64_t* slots_ = nullptr;
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
  std::size_t size_ = 0;
};

}  // namespace lockgraph::detail
