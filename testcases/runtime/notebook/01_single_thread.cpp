// Port of notebook cell: Single Thread (In [3], In [4]), written with lockgraph
// types.
//
// One thread only: main calls myfunc(), which prints "hello" holding a
// lockgraph::mutex (the output lock every multi-threaded port uses), sleeps
// (a few milliseconds here, 10 s in the notebook) and returns true; main
// prints the result and its own thread name. The process never starts a
// thread, so the mutex takes the runtime's single-threaded path (the native
// lock without a try_lock first); it is still recorded, as printing it while
// held shows. The runtime reports nothing and the lock graph stays empty.
//
// RUN: %cxx -std=c++20 -I%rt_include %s %rt_lib/liblockgraph_rt.a -pthread -o %t
// RUN: rm -f %t.json
// RUN: env LOCKGRAPH_REPORT=%t.json %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// RUN: count 0 < %t.err
// RUN: FileCheck %s --check-prefix=JSON < %t.json

#include <lockgraph/lockgraph.hpp>

#include <chrono>
#include <iostream>
#include <mutex>

using namespace std::chrono_literals;

lockgraph::mutex out_mu{"cout"};

bool myfunc() {
  {
    std::lock_guard lock(out_mu);
    std::cout << "hello\n";
    std::cout << out_mu << '\n';
  }
  std::this_thread::sleep_for(10ms);
  return true;
}

int main() {
  std::cout << std::boolalpha << myfunc() << '\n';
  std::cout << "<main thread \"" << lockgraph::this_thread::name() << "\">\n";
  std::cout << out_mu << '\n';
}

// OUT:      hello
// OUT-NEXT: <locked lockgraph::mutex "cout" owner="main" count=1>
// OUT-NEXT: true
// OUT-NEXT: <main thread "main">
// OUT-NEXT: <unlocked lockgraph::mutex "cout">

// JSON:      "findings": [],
// JSON-NEXT: "lock_graph": {
// JSON-NEXT:   "nodes": [],
// JSON-NEXT:   "edges": []
