// Port of notebook cell: Deadlocks (In [42]), written with lockgraph types.
//
// The main thread locks a non-recursive lockgraph::mutex and then locks it
// again without unlocking it. In the notebook the second acquire() blocks
// forever; here the runtime reports a self-deadlock before the thread would
// block, writes the report and stops the process (LOCKGRAPH_ON_DEADLOCK=abort,
// the default), so the run ends instead of hanging.
//
// RUN: %cxx -std=c++20 -I%rt_include %s %rt_lib/liblockgraph_rt.a -pthread -o %t
// RUN: rm -f %t.json
// RUN: env LOCKGRAPH_REPORT=%t.json not --crash %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// RUN: FileCheck %s --check-prefix=ERR --implicit-check-not=never < %t.err
// RUN: FileCheck %s --check-prefix=JSON < %t.json
//
// The same program in throw mode ends normally, having caught the error.
// RUN: env LOCKGRAPH_ON_DEADLOCK=throw LOCKGRAPH_QUIET=1 %t throw > %t.throw.out 2> %t.throw.err
// RUN: FileCheck %s --check-prefix=THROW < %t.throw.out
// RUN: count 0 < %t.throw.err

#include <lockgraph/lockgraph.hpp>

#include <iostream>
#include <system_error>

int main() {
  lockgraph::mutex lock{"lock"};
  lock.lock();
  std::cout << "lock acquired once" << std::endl;
  // causes deadlock by calling lock() before calling unlock()
  try {
    lock.lock();
  } catch (const std::system_error& e) {
    std::cout << "caught: " << e.what() << "\n";
    lock.unlock();
    return 0;
  }
  std::cout << "never printed\n";
  lock.unlock();
}

// OUT: lock acquired once
// OUT-NOT: never printed

// ERR:      {{.*}}10_double_acquire.cpp:[[#@LINE-13]]:{{[0-9]+}}: error: acquiring mutex 'lock' that is already held [self-deadlock]
// ERR-NEXT: {{.*}}10_double_acquire.cpp:[[#@LINE-18]]:{{[0-9]+}}: note: 'lock' first acquired here
// ERR-NEXT: lockgraph: stopping the process at a self-deadlock (LOCKGRAPH_ON_DEADLOCK=abort)

// JSON:      {
// JSON-NEXT:   "version": 1,
// JSON-NEXT:   "tool": "lockgraph run",
// JSON-NEXT:   "findings": [
// JSON-NEXT:     {
// JSON-NEXT:       "check": "self-deadlock",
// JSON-NEXT:       "severity": "error",
// JSON-NEXT:       "file": "{{.*}}10_double_acquire.cpp",
// JSON-NEXT:       "line": [[#@LINE-25]],
// JSON-NEXT:       "column": {{[0-9]+}},
// JSON-NEXT:       "message": "acquiring mutex 'lock' that is already held",
// JSON-NEXT:       "locks": [
// JSON-NEXT:         "lock"
// JSON-NEXT:       ],
// JSON-NEXT:       "threads": [
// JSON-NEXT:         "main"
// JSON-NEXT:       ],
// JSON-NEXT:       "notes": [
// JSON-NEXT:         {
// JSON-NEXT:           "file": "{{.*}}10_double_acquire.cpp",
// JSON-NEXT:           "line": [[#@LINE-41]],
// JSON-NEXT:           "column": {{[0-9]+}},
// JSON-NEXT:           "message": "'lock' first acquired here"
// JSON-NEXT:         }
// JSON-NEXT:       ],
// JSON-NEXT:       "fingerprint": "{{[0-9a-f]+}}"
// JSON-NEXT:     }
// JSON-NEXT:   ],
// JSON-NEXT:   "lock_graph": {
// JSON-NEXT:     "nodes": [],
// JSON-NEXT:     "edges": []
// JSON-NEXT:   }
// JSON-NEXT: }

// THROW: lock acquired once
// THROW-NEXT: caught: lockgraph: acquiring mutex 'lock' that is already held{{.*}}
