// The runtime's lock-order graph as Graphviz DOT: LOCKGRAPH_GRAPH at exit
// and lockgraph::write_graph() at any time, in the conventions of
// `lockgraph check --graph` (boxes, edges labelled with their first witness
// site, a reported cycle in red), byte-for-byte what `lockgraph graph` draws
// from the run's JSON report.
//
// RUN: %cxx -std=c++20 -I%rt_include %s %rt_lib/liblockgraph_rt.a -pthread -o %t
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cd %t.dir
// RUN: env LOCKGRAPH_GRAPH=%t.dir/exit.dot LOCKGRAPH_REPORT=%t.dir/report.json LOCKGRAPH_QUIET=1 \
// RUN:   %t %t.dir/early.dot
// RUN: FileCheck %s --match-full-lines --strict-whitespace < %t.dir/exit.dot
// RUN: count 13 < %t.dir/exit.dot
//      CHECK:digraph lockgraph {
// CHECK-NEXT:  node [shape=box];
// CHECK-NEXT:  "a" [tooltip="mutex", color=red];
// CHECK-NEXT:  "b" [tooltip="mutex", color=red];
// CHECK-NEXT:  "c" [tooltip="mutex"];
// CHECK-NEXT:  "q\"uote\\d" [tooltip="mutex"];
// CHECK-NEXT:  "r" [tooltip="recursive_mutex"];
// CHECK-NEXT:  "a" -> "b" [label="graph-dot.cpp:[[A_B:[0-9]+]]", color=red];
// CHECK-NEXT:  "a" -> "c" [label="graph-dot.cpp:[[A_C:[0-9]+]]"];
// CHECK-NEXT:  "b" -> "a" [label="graph-dot.cpp:[[B_A:[0-9]+]]", color=red];
// CHECK-NEXT:  "c" -> "q\"uote\\d" [label="graph-dot.cpp:{{[0-9]+}}"];
// CHECK-NEXT:  "r" -> "c" [label="graph-dot.cpp:{{[0-9]+}}"];
// CHECK-NEXT:}
//
// The same bytes as the checker's drawing of the JSON report, and as a
// second run.
// RUN: %lockgraph graph %t.dir/report.json > %t.dir/from-report.dot
// RUN: diff %t.dir/exit.dot %t.dir/from-report.dot
// RUN: env LOCKGRAPH_GRAPH=%t.dir/again.dot LOCKGRAPH_QUIET=1 %t %t.dir/early-again.dot
// RUN: diff %t.dir/exit.dot %t.dir/again.dot
//
// write_graph() in the middle of the run: the graph so far, no cycle yet.
// RUN: FileCheck %s --check-prefix=EARLY --match-full-lines --strict-whitespace < %t.dir/early.dot
// RUN: count 6 < %t.dir/early.dot
//      EARLY:digraph lockgraph {
// EARLY-NEXT:  node [shape=box];
// EARLY-NEXT:  "a" [tooltip="mutex"];
// EARLY-NEXT:  "b" [tooltip="mutex"];
// EARLY-NEXT:  "a" -> "b" [label="graph-dot.cpp:{{[0-9]+}}"];
// EARLY-NEXT:}
//
// Locks, but none nested: an empty digraph.
// RUN: env LOCKGRAPH_GRAPH=%t.dir/empty.dot %t
// RUN: FileCheck %s --check-prefix=EMPTY --match-full-lines --strict-whitespace < %t.dir/empty.dot
//      EMPTY:digraph lockgraph {
// EMPTY-NEXT:  node [shape=box];
// EMPTY-NEXT:}
//
// A graph that cannot be written is an error message, not a crash.
// RUN: env LOCKGRAPH_GRAPH=%t.dir/missing/graph.dot %t 2> %t.dir/unwritable.err
// RUN: FileCheck %s --check-prefix=UNWRITABLE < %t.dir/unwritable.err
// UNWRITABLE: lockgraph: error: cannot write the graph: {{.*}}missing/graph.dot: No such file or directory

#include <lockgraph/lockgraph.hpp>

#include <mutex>
#include <string>

lockgraph::mutex a{"a"}, b{"b"}, c{"c"}, odd{"q\"uote\\d"};
lockgraph::recursive_mutex r{"r"};

int main(int argc, char** argv) {
  if (argc < 2) {  // no nesting at all
    std::lock_guard x(a);
    return 0;
  }
  lockgraph::thread t1("t1", [] {
    std::lock_guard x(a);
    std::lock_guard y(b);
  });
  t1.join();
  lockgraph::write_graph(argv[1]);
  lockgraph::thread t2("t2", [] {
    std::lock_guard y(b);
    std::lock_guard x(a);
  });
  t2.join();
  {
    std::lock_guard x(a);
    std::lock_guard z(c);
  }
  {
    std::lock_guard z(c);
    std::lock_guard q(odd);
  }
  {
    std::scoped_lock outer(r);
    std::lock_guard z(c);
  }
}
