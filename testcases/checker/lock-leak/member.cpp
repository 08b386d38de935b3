// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// Member functions are named with their class and namespaces.
namespace net {
class Socket {
public:
  int send(int bytes) {
    mu_.lock();
    if (closed_)
      // CHECK: member.cpp:[[@LINE+1]]:7: warning: mutex 'mu_' is still held when returning from 'net::Socket::send' here, but released on other paths [lock-leak]
      return -1;
    // CHECK: member.cpp:[[@LINE-4]]:5: note: 'mu_' acquired here
    sent_ += bytes;
    int total = sent_;
    mu_.unlock();
    return total;
  }
  int receive(int bytes);

  // Don't flag: an acquire member returns holding 'mu_' on every path.
  void lock() { mu_.lock(); }
  void unlock() { mu_.unlock(); }

private:
  std::mutex mu_;
  bool closed_ = false;
  int sent_ = 0;
};

// Defined out of line.
int Socket::receive(int bytes) {
  lock();
  if (bytes == 0)
    // CHECK: member.cpp:[[@LINE+1]]:5: warning: mutex 'mu_' is still held when returning from 'net::Socket::receive' here, but released on other paths [lock-leak]
    return sent_;
  // CHECK: member.cpp:[[@LINE-4]]:3: note: via call to 'net::Socket::lock'
  // CHECK: member.cpp:[[@LINE-16]]:17: note: 'mu_' acquired here
  sent_ -= bytes;
  unlock();
  return bytes;
}
} // namespace net
