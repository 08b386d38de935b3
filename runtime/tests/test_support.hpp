// Shared by the runtime's unit tests: a fixture that isolates each test's
// findings and makes a self-deadlock throw instead of aborting.
#pragma once

#include <lockgraph/lockgraph.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace lockgraph::testing {

class RuntimeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    set_quiet(true);
    set_report_path("");
    set_deadlock_mode(deadlock_mode::throw_error);
    clear_findings();
  }

  // The findings of one check, in report order.
  static std::vector<finding> findings_of(const std::string& check) {
    std::vector<finding> all = findings();
    std::vector<finding> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out),
                 [&](const finding& f) { return f.check == check; });
    return out;
  }
};

// The file name part of a path, to compare findings' files with __FILE__.
inline std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace lockgraph::testing
