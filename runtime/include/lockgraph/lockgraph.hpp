// lockgraph/lockgraph.hpp — the lockgraph runtime: instrumented threads and
// locks that record what a program really does and report concurrency bugs
// while it runs.
//
// Overview
// --------
// Replace std types with their lockgraph counterparts in a debug or test
// build, link lockgraph::runtime, and run:
//
//     #include <lockgraph/lockgraph.hpp>
//     #include <mutex>
//
//     lockgraph::mutex a{"a"}, b{"b"};
//
//     int main() {
//       lockgraph::thread t1("t1", [] { std::lock_guard x(a); std::lock_guard y(b); });
//       t1.join();
//       lockgraph::thread t2("t2", [] { std::lock_guard y(b); std::lock_guard x(a); });
//       t2.join();
//     }
//
//     $ LOCKGRAPH_REPORT=report.json ./abba
//     abba.cpp:9:76: warning: acquiring mutex 'a' while holding 'b' inverts the lock
//         order: elsewhere 'b' is acquired while holding 'a' [lock-order-inversion]
//     abba.cpp:9:54: note: 'b' acquired here by thread 't2'
//     abba.cpp:7:76: note: 'b' acquired here by thread 't1' while holding 'a'
//     abba.cpp:7:54: note: 'a' acquired here by thread 't1'
//     lockgraph: note: the threads of the cycle never ran at the same time, so this
//         run could not deadlock; a schedule where they overlap can
//     lockgraph: 1 warning found; report: report.json
//
// The run did not deadlock, but it could have: the second thread closed the
// cycle a -> b -> a in the lock-order graph, and lockgraph says so the first
// time the closing edge appears. Settings, findings and the report format:
// lockgraph/report.hpp and docs/runtime.md.
//
// | header                 | contents                                              |
// |------------------------|-------------------------------------------------------|
// | lockgraph/mutex.hpp    | mutex, recursive_mutex (+ std guard specialisations)  |
// | lockgraph/thread.hpp   | thread, thread_options, this_thread::set_name/name    |
// | lockgraph/shared.hpp   | shared<T>: a value checked for data races             |
// | lockgraph/report.hpp   | deadlock modes, report path, quiet, findings(),       |
// |                        | findings_since(), write_report(), write_graph()       |
// | lockgraph/timed_mutex.hpp        | timed_mutex (try_lock_for/until)            |
// | lockgraph/shared_mutex.hpp       | shared_mutex (readers and a writer)         |
// | lockgraph/condition_variable.hpp | condition_variable over unique_lock<mutex>  |
// | lockgraph/semaphore.hpp          | counting_semaphore, binary_semaphore        |
// | lockgraph/blocking_queue.hpp     | blocking_queue<T> with close()              |
// | lockgraph/event.hpp              | event (Python's threading.Event)            |
// | lockgraph/thread_pool.hpp        | thread_pool, future<R>                      |
// | lockgraph/gtest.hpp              | GoogleTest listener (not included here)     |
//
// How it works: each primitive calls a recorder (runtime/src/recorder.hpp)
// that keeps every thread's held locks in thread-local storage and a global
// lock-order graph over lock instances, kept acyclic by an incremental
// topological order (Pearce–Kelly). A new edge that would close a cycle is
// a lock-order inversion; known edges cost one thread-local hash lookup.
// Findings follow DESIGN.md §5 and are written as JSON (see report.hpp and
// docs/runtime.md).
#pragma once

#include <lockgraph/blocking_queue.hpp>
#include <lockgraph/condition_variable.hpp>
#include <lockgraph/config.hpp>
#include <lockgraph/event.hpp>
#include <lockgraph/mutex.hpp>
#include <lockgraph/report.hpp>
#include <lockgraph/semaphore.hpp>
#include <lockgraph/shared.hpp>
#include <lockgraph/shared_mutex.hpp>
#include <lockgraph/thread.hpp>
#include <lockgraph/thread_pool.hpp>
#include <lockgraph/timed_mutex.hpp>
