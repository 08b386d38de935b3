// Shared by the lock primitives (mutex.cpp, timed_mutex.cpp,
// shared_mutex.cpp): the slow path of a blocking acquisition and printing.
#pragma once

#include "recorder.hpp"

#include <atomic>
#include <cstdint>
#include <iosfwd>
#include <source_location>

#if __has_include(<sys/single_threaded.h>)
#include <sys/single_threaded.h>  // glibc 2.32 and later
#define LOCKGRAPH_HAVE_SINGLE_THREADED 1
#endif

namespace lockgraph::detail {

// Whether the native lock() of `node`'s lock can be called without first
// trying it, because it cannot block: the process has never had a second
// thread (glibc's __libc_single_threaded, cleared by pthread_create before
// the new thread exists; only the calling thread could clear it, so reading
// it true cannot race) and the recorder knows no holder. With no other
// thread alive, a held lock is held by the caller (a self-deadlock, caught
// before this) or by a thread that is gone, which the recorder names as
// owner (a lock leaked by an ended thread, or by a parent's thread in a
// forked child): such a lock takes the ordinary path and its wait is
// registered, so a deadlock on it is still reported. The point: glibc's
// lock and unlock skip their atomic instructions in a single-threaded
// process, its try_lock does not.
inline bool native_lock_cannot_block(const lock_node* node) {
#ifdef LOCKGRAPH_HAVE_SINGLE_THREADED
  return __libc_single_threaded && node->owner.load(std::memory_order_relaxed) == nullptr;
#else
  return false;
#endif
}

// The lock is taken: registers the wait for its holder (which may report a
// deadlock this wait closes, and then abort or throw per deadlock_mode),
// then calls lock(native) to block. `reported`: a self-deadlock already
// reported (block mode). `releases`: a counter the lock bumps on every
// release, for locks whose holders the recorder cannot name (readers).
void wait_for_lock(lock_node* node, lock_mode mode, std::source_location where, bool reported,
                   void (*lock)(void*), void* native,
                   const std::atomic<std::uint64_t>* releases = nullptr);

// Takes the exclusive native lock `native` of `node`: directly when it
// cannot block, else by try_lock and, when that fails, by registering the
// wait and blocking (wait_for_lock). The one blocking path of mutex,
// recursive_mutex and timed_mutex.
template <class Native>
inline void lock_exclusive(lock_node* node, Native& native, std::source_location where,
                           bool reported) {
  if (native_lock_cannot_block(node))
    native.lock();
  else if (!native.try_lock())
    wait_for_lock(node, lock_mode::exclusive, where, reported,
                  [](void* m) { static_cast<Native*>(m)->lock(); }, &native);
}

// Before a blocking acquisition: the self-deadlock check and order edges.
// Throws in throw mode; returns whether a self-deadlock was reported (block
// mode: the caller then blocks as the std type would).
bool begin_acquire(lock_node* node, lock_mode mode, std::source_location where);

// <locked lockgraph::mutex "balance" owner="deposit" count=1>
void print_lock_state(std::ostream& os, const char* type, const lock_node& node, unsigned count);

}  // namespace lockgraph::detail
