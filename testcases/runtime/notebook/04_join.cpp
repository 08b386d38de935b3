// Port of notebook cell: Joining Threads (In [12]), written with lockgraph
// types.
//
// main starts a lockgraph::thread running myfunc and joins it before printing
// "main ended", so the thread's output always comes first. Printing the
// thread shows it joinable before the join and not joinable after. The join
// is registered with the deadlock detector while it waits, but the thread
// ends on its own: no finding.
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
#include <sstream>
#include <string>

using namespace std::chrono_literals;

// One write per line, so that lines of two threads do not mix.
void say(const std::string& line) { std::cout << line + '\n' << std::flush; }

std::string repr(const lockgraph::thread& t) {
  std::ostringstream os;
  os << t;
  return os.str();
}

void myfunc(const std::string& name) {
  say("my func started with " + name);
  std::this_thread::sleep_for(10ms);
  say("myfunc ended");
}

int main() {
  say("main started");
  lockgraph::thread t("myfunc", myfunc, std::string("brian"));
  say(repr(t));  // while the thread may already be printing
  t.join();
  say(repr(t));
  say("main ended");
}

// OUT:      main started
// OUT-DAG:  <lockgraph::thread "myfunc" joinable>
// OUT-DAG:  my func started with brian
// OUT-NEXT: myfunc ended
// OUT-NEXT: <lockgraph::thread "myfunc" not joinable>
// OUT-NEXT: main ended

// JSON:      "findings": [],
// JSON-NEXT: "lock_graph": {
// JSON-NEXT:   "nodes": [],
// JSON-NEXT:   "edges": []
