// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Library code with no thread in sight: the public methods of a class that
// takes its own lock may be called from different threads.
#include <mutex>
#include <string>

class Logger {
public:
  void log(const std::string &line) {
    std::lock_guard<std::mutex> g(mu_);
    lines_ += 1;
    last_ = line;
  }
  int lines() const { return lines_; }       // read without the lock
  void reset() { std::lock_guard<std::mutex> g(mu_); lines_ = 0; }

private:
  mutable std::mutex mu_;
  int lines_ = 0;
  std::string last_;
};

// Every access holds the lock: quiet.
class Registry {
public:
  void add() { std::lock_guard<std::mutex> g(mu_); ++count_; }
  int count() const { std::lock_guard<std::mutex> g(mu_); return count_; }

private:
  mutable std::mutex mu_;
  int count_ = 0;
};

// No lock anywhere: not meant for threads, not reported.
class Plain {
public:
  void set(int v) { v_ = v; }
  int get() const { return v_; }

private:
  int v_ = 0;
};
// CHECK: library.cpp:12:5: warning: writing 'lines_' holding 'mu_' in 'Logger::log' races with a read in 'Logger::lines' with no lock held when they are called from different threads [unguarded-shared-state]
// CHECK: library.cpp:15:30: note: conflicting read of 'lines_' with no lock held
// CHECK: library.cpp:10:8: note: 'Logger::log' is a public method of a class that locks
// CHECK: library.cpp:15:7: note: 'Logger::lines' is a public method of the same class
// CHECK: library.cpp:16:54: warning: writing 'lines_' holding 'mu_' in 'Logger::reset' races with a read in 'Logger::lines' with no lock held when they are called from different threads [unguarded-shared-state]
