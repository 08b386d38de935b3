// lockgraph/gtest.hpp — a GoogleTest listener that fails every test in
// which the lockgraph runtime recorded a finding. Header-only: the runtime
// library does not depend on GoogleTest; include this from test code that
// links GoogleTest itself.
//
// Overview
// --------
// A test that closes a lock-order cycle, unlocks a mutex it does not hold
// or leaks a lock from a thread does not crash and usually passes. With the
// listener installed it fails, naming each finding at its source line:
//
//     [ RUN      ] Bank.Transfer
//     src/bank.cpp:31: Failure
//     Failed
//     lockgraph: error: acquiring mutex 'Account::mu'#7 while holding
//         'Account::mu'#8 inverts the lock order: ... [lock-order-inversion]
//       src/bank.cpp:24:9: note: ...
//     [  FAILED  ] Bank.Transfer (1 ms)
//
// Installing it: one line, in main or at namespace scope of any test source
// (for programs linked with gtest_main):
//
//     int main(int argc, char** argv) {
//       ::testing::InitGoogleTest(&argc, argv);
//       lockgraph::testing::install_listener();
//       return RUN_ALL_TESTS();
//     }
//
//     // or, with gtest_main:
//     static const bool lockgraph_listener = lockgraph::testing::install_listener();
//
// Installing it more than once installs it once.
//
// What it covers: findings recorded between a test's start and its end
// (the fixture's SetUp and TearDown included), among them findings equal to
// ones earlier tests made (same check, location, message), which the report
// keeps once. Findings made outside tests (SetUpTestSuite, global
// environments, static initialisation) are not attributed to a test; they
// are still printed and written to the report.
//
// Self-deadlocks: by default the runtime aborts the process at one
// (LOCKGRAPH_ON_DEADLOCK=abort), which would end the whole test program.
// install_listener() therefore switches to `throw` mode: lock() throws
// std::system_error (resource_deadlock_would_occur), GoogleTest reports the
// exception and the listener the finding, and the next test runs. It does
// not when LOCKGRAPH_ON_DEADLOCK is set in the environment (the user's
// choice wins) or when listener_options::throw_on_self_deadlock is false.
// In code: lockgraph::set_deadlock_mode(lockgraph::deadlock_mode::throw_error).
// An exception thrown on a thread other than the test's ends the program
// (std::terminate), as any uncaught exception does; and what stops the
// process regardless (a lockgraph::thread destroyed while joinable) cannot
// become a test failure: the report is written first.
#pragma once

#include <lockgraph/report.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <string>

namespace lockgraph::testing {

// Fails the current test, once per finding, when the test produced runtime
// findings.
class listener : public ::testing::EmptyTestEventListener {
 public:
  void OnTestStart(const ::testing::TestInfo&) override { mark_ = findings_mark(); }

  void OnTestEnd(const ::testing::TestInfo&) override {
    for (const finding& f : findings_since(mark_)) {
      if (f.file.empty())
        ADD_FAILURE() << describe(f);
      else
        ADD_FAILURE_AT(f.file.c_str(), static_cast<int>(f.line)) << describe(f);
    }
  }

  // "lockgraph: error: MESSAGE [check]" and one line per note
  // ("  file:line:col: note: message").
  static std::string describe(const finding& f) {
    std::string text = "lockgraph: " + f.severity + ": " + f.message + " [" + f.check + "]";
    for (const note& n : f.notes) {
      text += "\n  ";
      if (!n.file.empty())
        text += n.file + ':' + std::to_string(n.line) + ':' + std::to_string(n.column) + ": ";
      text += "note: " + n.message;
    }
    return text;
  }

 private:
  std::uint64_t mark_ = 0;
};

struct listener_options {
  // Set the deadlock mode to `throw` unless LOCKGRAPH_ON_DEADLOCK is set in
  // the environment (see the overview).
  bool throw_on_self_deadlock = true;
};

// Appends a lockgraph::testing::listener to GoogleTest's listeners (which
// own it). Call before RUN_ALL_TESTS(); later calls do nothing. Returns true,
// so it can initialise a static.
inline bool install_listener(listener_options options = {}) {
  static bool installed = false;
  if (installed) return true;
  installed = true;
  if (options.throw_on_self_deadlock && !std::getenv("LOCKGRAPH_ON_DEADLOCK"))
    set_deadlock_mode(deadlock_mode::throw_error);
  ::testing::UnitTest::GetInstance()->listeners().Append(new listener);
  return true;
}

}  // namespace lockgraph::testing
