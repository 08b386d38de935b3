// Shared by the lock primitives (mutex.cpp, timed_mutex.cpp,
// shared_mutex.cpp): the slow path of a blocking acquisition and printing.
#pragma once

#include "recorder.hpp"

#include <atomic>
#include <cstdint>
#include <iosfwd>
#include <source_location>

namespace lockgraph::detail {

// The lock is taken: registers the wait for its holder (which may report a
// deadlock this wait closes, and then abort or throw per deadlock_mode),
// then calls lock(native) to block. `reported`: a self-deadlock already
// reported (block mode). `releases`: a counter the lock bumps on every
// release, for locks whose holders the recorder cannot name (readers).
void wait_for_lock(lock_node* node, lock_mode mode, std::source_location where, bool reported,
                   void (*lock)(void*), void* native,
                   const std::atomic<std::uint64_t>* releases = nullptr);

// Before a blocking acquisition: the self-deadlock check and order edges.
// Throws in throw mode; returns whether a self-deadlock was reported (block
// mode: the caller then blocks as the std type would).
bool begin_acquire(lock_node* node, lock_mode mode, std::source_location where);

// <locked lockgraph::mutex "balance" owner="deposit" count=1>
void print_lock_state(std::ostream& os, const char* type, const lock_node& node, unsigned count);

}  // namespace lockgraph::detail
