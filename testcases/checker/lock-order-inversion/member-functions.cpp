// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// Fields are lock classes: Inventory::items_mu_ of one object orders
// against Inventory::prices_mu_ of any object.
class Inventory {
public:
  void restock() {
    std::lock_guard<std::mutex> items(items_mu_);
    updatePrices();
  }
  void updatePrices() {
    std::lock_guard<std::mutex> prices(prices_mu_);
    ++version_;
  }
  void reprice(Inventory &other) {
    std::lock_guard<std::mutex> prices(prices_mu_);
    // CHECK: member-functions.cpp:[[@LINE+1]]:5: warning: acquiring mutex 'items_mu_' while holding 'prices_mu_' inverts the lock order: elsewhere 'prices_mu_' is acquired while holding 'items_mu_' [lock-order-inversion]
    std::lock_guard<std::mutex> items(other.items_mu_);
    // CHECK-DAG: member-functions.cpp:[[@LINE-3]]:5: note: 'prices_mu_' acquired here
    // CHECK-DAG: member-functions.cpp:[[@LINE-8]]:5: note: 'prices_mu_' acquired here while holding 'items_mu_'
    // CHECK-DAG: member-functions.cpp:[[@LINE-12]]:5: note: via call to 'Inventory::updatePrices'
    // CHECK-DAG: member-functions.cpp:[[@LINE-14]]:5: note: 'items_mu_' acquired here
  }

  // Don't flag: 'audit_mu_' comes first everywhere.
  void audit() {
    std::lock_guard<std::mutex> audit(audit_mu_);
    restock();
  }
  void auditPrices() {
    std::lock_guard<std::mutex> audit(audit_mu_);
    std::lock_guard<std::mutex> prices(prices_mu_);
  }

private:
  std::mutex items_mu_, prices_mu_, audit_mu_;
  int version_ = 0;
};
