// What the recorder keeps per thread, in thread-local storage: the locks the
// thread holds and the order edges it has already recorded. Only the owning
// thread touches its state, so none of it is synchronised.
#pragma once

#include "edge_cache.hpp"

#include <cstdint>
#include <source_location>

// The state pointer is the only TLS the hot path reads. __thread (rather
// than thread_local) promises constant initialisation, so other translation
// units read it without a TLS wrapper call; initial-exec keeps the shared
// library from calling __tls_get_addr (a pointer fits glibc's static TLS
// surplus even when the library is loaded with dlopen).
#if defined(__GNUC__) || defined(__clang__)
#define LOCKGRAPH_TLS_MODEL __attribute__((tls_model("initial-exec")))
#define LOCKGRAPH_LIKELY(x) __builtin_expect(!!(x), 1)
#define LOCKGRAPH_SLOW_PATH __attribute__((noinline, cold))
#else
#define LOCKGRAPH_TLS_MODEL
#define LOCKGRAPH_LIKELY(x) (x)
#define LOCKGRAPH_SLOW_PATH
#endif

namespace lockgraph::detail {

struct lock_node;
struct thread_record;

enum class lock_mode : std::uint8_t { exclusive, shared };

// Where an operation happened: a source location from the lockgraph API, or
// (for the interposer) a code address to symbolise later.
struct call_site {
  std::source_location loc;
  const void* pc = nullptr;
};

struct held_lock {
  lock_node* node = nullptr;
  call_site site;  // where it was acquired
  lock_mode mode = lock_mode::exclusive;
};

struct thread_state {
  static constexpr std::uint32_t inline_capacity = 16;

  thread_state() = default;
  thread_state(const thread_state&) = delete;
  thread_state& operator=(const thread_state&) = delete;
  ~thread_state();

  // Appends when the inline storage is full (the fast path handles the rest).
  void push_grow(const held_lock& lock);
  void erase_at(std::uint32_t index);

  thread_record* record = nullptr;
  held_lock* held = inline_held;  // in acquisition order
  std::uint32_t held_size = 0;
  std::uint32_t held_capacity = inline_capacity;
  bool in_hook = false;  // the recorder is working for this thread
  bool ended = false;    // the end-of-thread checks have run
  bool is_main = false;
  edge_cache known_edges;  // order edges this thread has already recorded
  held_lock inline_held[inline_capacity];
};

extern __thread thread_state* t_state LOCKGRAPH_TLS_MODEL;

// Creates the calling thread's state on first use; null while that is in
// progress (allocation may lock) and after the thread's state was destroyed.
thread_state* create_state(thread_record* given) LOCKGRAPH_SLOW_PATH;

inline thread_state* current() {
  thread_state* s = t_state;
  if (LOCKGRAPH_LIKELY(s != nullptr)) return s;
  return create_state(nullptr);
}

}  // namespace lockgraph::detail
