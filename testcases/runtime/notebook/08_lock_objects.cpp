// Port of notebook cell: Lock Objects (In [31]), written with lockgraph types.
//
// Create a lock, lock it, unlock it, printing it after each step as Python
// prints a Lock. Unlike std::mutex, a lockgraph::mutex can say whether it is
// locked and by whom: its repr (operator<<) shows the state, the owner and
// the count. Run with an argument, a second thread holds the lock while main
// prints it, so the owner is that thread. Both runs are clean.
//
// RUN: %cxx -std=c++20 -I%rt_include %s %rt_lib/liblockgraph_rt.a -pthread -o %t
// RUN: rm -f %t.json %t.other.json
// RUN: env LOCKGRAPH_REPORT=%t.json %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// RUN: count 0 < %t.err
// RUN: FileCheck %s --check-prefix=JSON < %t.json
//
// RUN: env LOCKGRAPH_REPORT=%t.other.json %t other > %t.other.out 2> %t.other.err
// RUN: FileCheck %s --check-prefix=OTHER < %t.other.out
// RUN: count 0 < %t.other.err
// RUN: FileCheck %s --check-prefix=JSON < %t.other.json

#include <lockgraph/lockgraph.hpp>

#include <iostream>

int main(int argc, char**) {
  lockgraph::mutex lock{"lock"};  // create lock
  std::cout << lock << '\n';

  if (argc > 1) {  // another thread holds it while main looks
    lockgraph::event taken{"taken"}, printed{"printed"};
    lockgraph::thread holder("holder", [&] {
      lock.lock();
      taken.set();
      printed.wait();
      lock.unlock();
    });
    taken.wait();
    std::cout << lock << '\n';
    printed.set();
    holder.join();
    std::cout << lock << '\n';
    return 0;
  }

  lock.lock();  // lock the lock
  std::cout << lock << '\n';

  lock.unlock();  // open/release the lock
  std::cout << lock << '\n';
}

// OUT:      <unlocked lockgraph::mutex "lock">
// OUT-NEXT: <locked lockgraph::mutex "lock" owner="main" count=1>
// OUT-NEXT: <unlocked lockgraph::mutex "lock">
// OUT-NOT:  {{.}}

// OTHER:      <unlocked lockgraph::mutex "lock">
// OTHER-NEXT: <locked lockgraph::mutex "lock" owner="holder" count=1>
// OTHER-NEXT: <unlocked lockgraph::mutex "lock">
// OTHER-NOT:  {{.}}

// JSON:      "findings": [],
// JSON-NEXT: "lock_graph": {
// JSON-NEXT:   "nodes": [],
// JSON-NEXT:   "edges": []
