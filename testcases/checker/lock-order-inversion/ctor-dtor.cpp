// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// Constructors and destructors are calls: an object created or destroyed
// under a lock takes their locks under it.
std::mutex registry_mu, table_mu;

struct Entry {
  // CHECK: ctor-dtor.cpp:[[@LINE+1]]:13: warning: acquiring mutex 'registry_mu' while holding 'table_mu' inverts the lock order: elsewhere 'table_mu' is acquired while holding 'registry_mu' [lock-order-inversion]
  Entry() { std::lock_guard<std::mutex> registry(registry_mu); }
};
void createUnderTable() {
  std::lock_guard<std::mutex> table(table_mu);
  Entry e;
  // CHECK-DAG: ctor-dtor.cpp:[[@LINE-1]]:9: note: via call to 'Entry::Entry'
  // CHECK-DAG: ctor-dtor.cpp:[[@LINE-3]]:3: note: 'table_mu' acquired here
}
struct Index {
  Index() {
    std::lock_guard<std::mutex> registry(registry_mu);
    std::lock_guard<std::mutex> table(table_mu);
    // CHECK-DAG: ctor-dtor.cpp:[[@LINE-1]]:5: note: 'table_mu' acquired here while holding 'registry_mu'
    // CHECK-DAG: ctor-dtor.cpp:[[@LINE-3]]:5: note: 'registry_mu' acquired here
  }
};

// The destructor runs at the closing brace, before the guard declared
// earlier lets go.
std::mutex journal_mu, page_mu;
struct Buffer {
  ~Buffer() {
    // CHECK: ctor-dtor.cpp:[[@LINE+1]]:5: warning: acquiring mutex 'journal_mu' while holding 'page_mu' inverts the lock order: elsewhere 'page_mu' is acquired while holding 'journal_mu' [lock-order-inversion]
    std::lock_guard<std::mutex> journal(journal_mu);
  }
};
void dropUnderPage() {
  std::lock_guard<std::mutex> page(page_mu);
  Buffer b;
}
// CHECK-DAG: ctor-dtor.cpp:[[@LINE-1]]:1: note: via call to 'Buffer::~Buffer'
// CHECK-DAG: ctor-dtor.cpp:[[@LINE-4]]:3: note: 'page_mu' acquired here
void journalThenPage() {
  std::lock_guard<std::mutex> journal(journal_mu);
  std::lock_guard<std::mutex> page(page_mu);
  // CHECK-DAG: ctor-dtor.cpp:[[@LINE-1]]:3: note: 'page_mu' acquired here while holding 'journal_mu'
  // CHECK-DAG: ctor-dtor.cpp:[[@LINE-3]]:3: note: 'journal_mu' acquired here
}

// Don't flag: locals die in reverse order, so the guard declared after
// the Note lets go of 'paper_mu' before the destructor takes 'ink_mu'.
std::mutex ink_mu, paper_mu;
struct Note {
  ~Note() { std::lock_guard<std::mutex> ink(ink_mu); }
};
void noteOutlivesPaper() {
  Note n;
  std::lock_guard<std::mutex> paper(paper_mu);
}
void inkThenPaper() {
  std::lock_guard<std::mutex> ink(ink_mu);
  std::lock_guard<std::mutex> paper(paper_mu);
}
