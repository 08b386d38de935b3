// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Member functions of library objects: const ones read, the others write.
#include <map>
#include <string>
#include <thread>
#include <vector>

std::vector<int> log_lines;
std::map<std::string, int> config = {{"level", 1}};

void writer() { log_lines.push_back(1); }
void sizer() { auto n = log_lines.size(); (void)n; }
void lookup() { auto it = config.find("level"); (void)it; auto n = config.size(); (void)n; }

int main() {
  std::thread a(writer), b(sizer);
  std::thread c(lookup), d(lookup);   // two readers: no race
  a.join();
  b.join();
  c.join();
  d.join();
}
// CHECK: containers.cpp:12:17: warning: writing 'log_lines' with no lock held in thread 'writer' races with a read in thread 'sizer' with no lock held [unguarded-shared-state]
