// Port of notebook cell: Two Threads (In [5], In [6], In [9]), written with
// lockgraph types.
//
// myfunc(name) prints, sleeps (a few milliseconds here, 10 s in the notebook)
// and prints again. main first calls it directly (In [6]: everything happens
// in order), then runs it on a lockgraph::thread (In [9]): "main ended" is
// printed while the thread is still sleeping. Python waits for non-daemon
// threads at interpreter exit; here main joins the thread last, as a C++
// program must. Lines are printed under one lockgraph::mutex so that they
// stay whole. The thread is unnamed, so the runtime calls it "thread-1".
// The runtime reports nothing.
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
#include <string>

using namespace std::chrono_literals;

lockgraph::mutex out_mu{"cout"};  // keeps the lines whole

void say(const std::string& line) {
  std::lock_guard lock(out_mu);
  std::cout << line << '\n';
}

void myfunc(const std::string& name) {
  say("my func started with " + name + " in " + lockgraph::this_thread::name());
  std::this_thread::sleep_for(10ms);
  say("myfunc ended");
}

int main() {
  // In [6]: a plain call on the main thread.
  say("main started");
  myfunc("brian");
  say("main ended");

  // In [9]: the same function on its own thread.
  say("main started");
  lockgraph::thread t(myfunc, std::string("brian"));
  say("main ended");
  t.join();  // what the Python interpreter does for us at exit
}

// In [6], in order:
// OUT:      main started
// OUT-NEXT: my func started with brian in main
// OUT-NEXT: myfunc ended
// OUT-NEXT: main ended
// In [9]: "main ended" and the thread's first line in either order.
// OUT-NEXT: main started
// OUT-DAG:  main ended
// OUT-DAG:  my func started with brian in thread-1
// OUT-NEXT: myfunc ended
// OUT-NOT:  {{.}}

// JSON:      "findings": [],
// JSON-NEXT: "lock_graph": {
// JSON-NEXT:   "nodes": [],
// JSON-NEXT:   "edges": []
