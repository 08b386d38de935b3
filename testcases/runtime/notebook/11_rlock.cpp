// Port of notebook cell: Deadlocks / RLock (In [45]), written with lockgraph
// types.
//
// The same double acquisition as 10_double_acquire.cpp, on a
// lockgraph::recursive_mutex: the owner may lock it again. Printing the lock
// shows its owner and count like Python's RLock repr. Unlike the notebook
// cell, which leaves one level held, the port unlocks both levels. The
// runtime reports nothing.
//
// RUN: %cxx -std=c++20 -I%rt_include %s %rt_lib/liblockgraph_rt.a -pthread -o %t
// RUN: rm -f %t.json
// RUN: env LOCKGRAPH_REPORT=%t.json %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// RUN: count 0 < %t.err
// RUN: FileCheck %s --check-prefix=JSON < %t.json

#include <lockgraph/lockgraph.hpp>

#include <iostream>

int main() {
  lockgraph::recursive_mutex lock{"lock"};
  lock.lock();
  lock.lock();  // no deadlock: the owner may lock a recursive mutex again
  std::cout << lock << "\n";
  lock.unlock();
  std::cout << lock << "\n";
  std::cout << "<main thread \"" << lockgraph::this_thread::name() << "\">\n";
  lock.unlock();  // release the last level too
  std::cout << lock << "\n";
}

// OUT:      <locked lockgraph::recursive_mutex "lock" owner="main" count=2>
// OUT-NEXT: <locked lockgraph::recursive_mutex "lock" owner="main" count=1>
// OUT-NEXT: <main thread "main">
// OUT-NEXT: <unlocked lockgraph::recursive_mutex "lock">

// JSON:      "findings": [],
// JSON-NEXT: "lock_graph": {
// JSON-NEXT:   "nodes": [],
// JSON-NEXT:   "edges": []
