// The recorder under hostile conditions, in its own executable: a global
// operator new that takes a lockgraph::mutex (so the recorder's own
// allocations run instrumented code inside its hooks), locks used during
// static initialisation, and locks used by static destructors after the
// report has been written at exit.
#include <lockgraph/lockgraph.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <new>

namespace {

alignas(lockgraph::mutex) unsigned char allocator_storage[sizeof(lockgraph::mutex)];
std::atomic<lockgraph::mutex*> allocator_lock{nullptr};
std::atomic<long> locked_allocations{0};

}  // namespace

namespace {

void* locked_malloc(std::size_t size) noexcept {
  lockgraph::mutex* lock = allocator_lock.load(std::memory_order_acquire);
  if (lock) lock->lock();
  void* p = std::malloc(size ? size : 1);
  if (lock) {
    ++locked_allocations;
    lock->unlock();
  }
  return p;
}

void* checked(void* p) {
  if (!p) throw std::bad_alloc();
  return p;
}

}  // namespace

// Every replaceable form, so that nothing pairs our malloc with another free.
void* operator new(std::size_t size) { return checked(locked_malloc(size)); }
void* operator new[](std::size_t size) { return checked(locked_malloc(size)); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return locked_malloc(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return locked_malloc(size);
}
// GCC cannot see that these pair with the operator new above.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
#pragma GCC diagnostic pop

namespace {

// Static initialisation: two global locks taken in both orders before main.
lockgraph::mutex static_first{"static-first"};
lockgraph::mutex static_second{"static-second"};

struct uses_locks_at_init {
  uses_locks_at_init() {
    lockgraph::set_quiet(true);
    {
      std::lock_guard a(static_first);
      std::lock_guard b(static_second);
    }
    {
      std::lock_guard b(static_second);
      std::lock_guard a(static_first);
    }
  }
} at_init;

// Exit: a static destructor that runs after main uses the locks again,
// creating a finding after the exit report; the process must still end
// normally.
struct uses_locks_at_exit {
  ~uses_locks_at_exit() {
    std::lock_guard b(static_second);
    static_first.unlock();  // unlock-not-held, after the report
  }
};

TEST(StaticInitTest, FindingsMadeBeforeMainAreKept) {
  static uses_locks_at_exit at_exit;  // constructed after the recorder: destroyed first
  const auto found = lockgraph::findings();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].check, "lock-order-inversion");
  EXPECT_EQ(found[0].locks, (std::vector<std::string>{"static-second", "static-first"}));
}

TEST(ReentrancyTest, AllocatorLockInsideTheRecorder) {
  lockgraph::set_quiet(true);
  lockgraph::set_deadlock_mode(lockgraph::deadlock_mode::throw_error);
  lockgraph::clear_findings();
  allocator_lock.store(new (allocator_storage) lockgraph::mutex("allocator"),
                       std::memory_order_release);
  {
    lockgraph::mutex a{"a"}, b{"b"};
    // Every finding, edge and thread below allocates inside the recorder.
    lockgraph::thread t1("t1", [&] {
      std::lock_guard x(a);
      std::lock_guard y(b);
    });
    t1.join();
    lockgraph::thread t2("t2", [&] {
      std::lock_guard y(b);
      std::lock_guard x(a);
      auto* boxed = new int(1);  // allocation while holding locks: allocator edges
      delete boxed;
    });
    t2.join();
    a.lock();
    EXPECT_THROW(a.lock(), std::system_error);
    a.unlock();
    EXPECT_TRUE(lockgraph::write_report(::testing::TempDir() + "lockgraph-reentrancy.json"));
  }
  const auto found = lockgraph::findings();
  allocator_lock.store(nullptr);
  EXPECT_GT(locked_allocations.load(), 0);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].check, "lock-order-inversion");
  EXPECT_EQ(found[1].check, "self-deadlock");
  for (const auto& f : found)
    for (const auto& lock : f.locks) EXPECT_NE(lock, "allocator");
}

}  // namespace
