// The same runtime through liblockgraph_rt.so: a program linked against the
// shared library records and reports like one linked statically.
#include <lockgraph/lockgraph.hpp>

#include <gtest/gtest.h>

#include <mutex>
#include <sstream>

namespace {

TEST(SharedLibraryTest, RecordsAndReports) {
  lockgraph::set_quiet(true);
  lockgraph::set_deadlock_mode(lockgraph::deadlock_mode::throw_error);
  lockgraph::mutex a{"a"}, b{"b"};
  {
    std::lock_guard x(a);
    std::lock_guard y(b);
    std::ostringstream out;
    out << a;
    EXPECT_EQ(out.str(), "<locked lockgraph::mutex \"a\" owner=\"main\" count=1>");
  }
  lockgraph::thread t("t", [&] {
    std::lock_guard y(b);
    std::lock_guard x(a);
  });
  t.join();
  a.lock();
  EXPECT_THROW(a.lock(), std::system_error);
  a.unlock();
  const auto found = lockgraph::findings();
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].check, "lock-order-inversion");
  EXPECT_EQ(found[1].check, "self-deadlock");
}

}  // namespace
