// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>

std::mutex mu;
int value;
void stage();
void commit();

void unlockAll() {
  // CHECK: thread-call-chain.cpp:[[@LINE+1]]:3: error: releasing mutex 'mu' that this thread does not hold [unlock-not-held]
  mu.unlock();
}

// The release is three calls down from the entry.
void worker() {
  // CHECK: thread-call-chain.cpp:[[@LINE+13]]:15: note: thread running 'worker' started here
  // CHECK: thread-call-chain.cpp:[[@LINE+1]]:3: note: via call to 'stage'
  stage();
}
void stage() {
  // CHECK: thread-call-chain.cpp:[[@LINE+1]]:3: note: via call to 'commit'
  commit();
}
void commit() {
  // CHECK: thread-call-chain.cpp:[[@LINE+1]]:3: note: via call to 'unlockAll'
  unlockAll();
}
void start() {
  std::thread t(worker);
  t.join();
}

// Don't flag: the entry holds the lock when the helpers release it.
void goodWorker() {
  mu.lock();
  value++;
  stage();
}
void startGood() {
  std::thread t(goodWorker);
  t.join();
}
