// lockgraph/report.hpp — settings of the lockgraph runtime and the findings it
// has recorded: where the report goes, what happens on a self-deadlock, and
// programmatic access to the findings.
//
// Overview
// --------
// Every lockgraph primitive reports to one process-wide recorder. When the
// recorder sees a bug it makes a *finding* (the same shape as the static
// checker's, DESIGN.md §5), prints a clang-style line on stderr
//
//     src/bank.cpp:24:9: error: acquiring mutex 'balance' that is already held [self-deadlock]
//     src/bank.cpp:21:9: note: 'balance' first acquired here
//
// and keeps it for the JSON report. The report is written
//
//   * at normal exit (std::exit, return from main), to report_path();
//   * before the process is stopped by the runtime (a self-deadlock or a
//     deadlock in `abort` mode, a lockgraph::thread destroyed while
//     joinable), and before
//     a thread blocks forever in `block` mode;
//   * whenever write_report() is called.
//
// Settings come from the environment when the recorder starts and can be
// changed in code at any time:
//
// | variable              | values                 | default | in code                 |
// |-----------------------|------------------------|---------|-------------------------|
// | LOCKGRAPH_REPORT      | a file path            | none    | set_report_path()       |
// | LOCKGRAPH_ON_DEADLOCK | abort, throw, block    | abort   | set_deadlock_mode()     |
// | LOCKGRAPH_QUIET       | 1 (or any but 0/empty) | off     | set_quiet()             |
// | LOCKGRAPH_GRAPH       | a file path (.dot)     | none    | set_graph_path()        |
//
// An unknown LOCKGRAPH_ON_DEADLOCK value is reported on stderr and the
// default is used.
//
// Findings of this runtime (check names as in DESIGN.md §4):
//
// | check                  | severity | when                                                    |
// |------------------------|----------|---------------------------------------------------------|
// | self-deadlock          | error    | a thread locks a non-recursive mutex it already holds   |
// | unlock-not-held        | error    | a thread unlocks a mutex it does not hold               |
// | lock-order-inversion   | error    | a new lock-order edge closes a cycle (threads overlapped)|
// |                        | warning  | ... whose threads never ran at the same time            |
// | lock-leak              | warning  | a thread ends while holding a lock                      |
// | thread-not-joined      | error    | a lockgraph::thread is destroyed while joinable         |
// | deadlock               | error    | threads blocked in a cycle of lock/join waits, or every |
// |                        |          | thread blocked in untimed waits none can end (queue,    |
// |                        |          | semaphore, event, condition, join, lock, future)        |
// | data-race              | error    | two accesses to a lockgraph::shared<T>, one a write,    |
// |                        |          | not ordered and with no lock in common (shared.hpp)     |
//
// A finding is kept once: the same check, location and message again only
// adds its threads to the first one.
#pragma once

#include <lockgraph/config.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lockgraph {

// What happens after a self-deadlock or a real deadlock has been reported.
enum class deadlock_mode {
  // Write the report and std::abort(). The default: under tests a hang is
  // the worst outcome.
  abort,
  // Throw std::system_error with std::errc::resource_deadlock_would_occur
  // from lock(), which is what an error-checking mutex would report; for a
  // real deadlock, from the wait that closed the cycle (or, when every
  // thread is blocked, from the newest wait that can be interrupted).
  throw_error,
  // Block forever, like std::mutex (the report is written first).
  block,
};

// Sets the mode for every thread; takes effect at the next lock().
LOCKGRAPH_API void set_deadlock_mode(deadlock_mode mode);
LOCKGRAPH_API deadlock_mode get_deadlock_mode();

// Where the report is written at exit and before the runtime stops the
// process. An empty path (the default without LOCKGRAPH_REPORT) writes no
// file; findings still go to stderr.
LOCKGRAPH_API void set_report_path(std::string path);
LOCKGRAPH_API std::string report_path();

// Silences the stderr lines (findings are still recorded and written).
LOCKGRAPH_API void set_quiet(bool quiet);
LOCKGRAPH_API bool quiet();

// Writes the JSON report of everything recorded so far to `path` (replacing
// the file). Returns false, with a message on stderr, if it cannot be
// written. Safe to call from any thread at any time, including while locks
// are held.
LOCKGRAPH_API bool write_report(const std::string& path);

// A related site of a finding: first acquisition, the other edges of a cycle.
struct note {
  std::string file;     // as the compiler named it, relative to the working
                        // directory when below it; empty when unknown
  unsigned line = 0;    // 1-based; 0 when unknown
  unsigned column = 0;  // 1-based; 0 when unknown
  std::string message;

  friend bool operator==(const note&, const note&) = default;
};

// One diagnostic, as written in the JSON report.
struct finding {
  std::string check;     // "self-deadlock", "lock-order-inversion", ...
  std::string severity;  // "error" or "warning"
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  std::string message;               // clang style: 'names' in quotes, no period
  std::vector<std::string> locks;    // lock names involved
  std::vector<std::string> threads;  // thread names involved
  std::vector<note> notes;
  std::string fingerprint;  // 16 hex digits, stable across line shifts
  // Lock-order inversions only: whether the threads of the cycle ever ran at
  // the same time (false: a latent deadlock this run could not have hit).
  std::optional<bool> concurrent;

  friend bool operator==(const finding&, const finding&) = default;
};

// Everything found so far, in report order (file, line, column, check,
// message, notes), with fingerprints.
LOCKGRAPH_API std::vector<finding> findings();

// Forgets the findings recorded so far (the lock-order graph is kept, and a
// cycle already reported is not reported again). For test fixtures.
LOCKGRAPH_API void clear_findings();

// "What did this test find?" without clearing anything: take a mark before,
// ask for the findings since it after. Every finding recorded after the mark
// is returned, including one equal to an earlier finding (same check,
// location and message), which findings() shows only once. Cheap: the mark
// is a counter read under the recorder's lock. lockgraph/gtest.hpp uses it.
//
//     const std::uint64_t mark = lockgraph::findings_mark();
//     run_the_scenario();
//     for (const lockgraph::finding& f : lockgraph::findings_since(mark)) ...
LOCKGRAPH_API std::uint64_t findings_mark();
// The findings recorded (or recorded again) after `mark`, in report order.
LOCKGRAPH_API std::vector<finding> findings_since(std::uint64_t mark);

// The lock-order graph as Graphviz DOT
// ------------------------------------
// The lock graph of the report (lock classes as nodes, an edge A -> B when B
// was acquired while A was held), drawn as `lockgraph check --graph` draws
// the static one: boxes, edges labelled with their first witness site
// ("bank.cpp:24"), the edges and locks of reported cycles in red. Sorted, so
// the bytes are the same for the same graph. Render with
// `dot -Tsvg graph.dot -o graph.svg`.
//
// Writes the graph recorded so far to `path` (replacing the file, through a
// temporary name). Returns false, with a message on stderr, if it cannot be
// written. Safe to call from any thread at any time.
LOCKGRAPH_API bool write_graph(const std::string& path);

// Where the graph is written at exit and before the runtime stops the
// process, like the report. Empty (the default without LOCKGRAPH_GRAPH):
// no graph file.
LOCKGRAPH_API void set_graph_path(std::string path);
LOCKGRAPH_API std::string graph_path();

}  // namespace lockgraph
