// The per-thread set of known order edges.
#include "edge_cache.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>

namespace lockgraph::detail {
namespace {

TEST(EdgeCacheTest, EmptyContainsNothing) {
  edge_cache cache;
  EXPECT_FALSE(cache.contains(edge_key(1, 2)));
  EXPECT_EQ(cache.size(), 0u);
}

TEST(EdgeCacheTest, KeysAreOrderedPairs) {
  edge_cache cache;
  cache.insert(edge_key(1, 2));
  EXPECT_TRUE(cache.contains(edge_key(1, 2)));
  EXPECT_FALSE(cache.contains(edge_key(2, 1)));
  cache.insert(edge_key(1, 2));
  EXPECT_EQ(cache.size(), 1u);
}

TEST(EdgeCacheTest, GrowsAndKeepsEverything) {
  edge_cache cache;
  std::set<std::uint64_t> inserted;
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::uint32_t> id(1, 5000);
  for (int i = 0; i < 20000; ++i) {
    const auto key = edge_key(id(rng), id(rng));
    cache.insert(key);
    inserted.insert(key);
  }
  EXPECT_EQ(cache.size(), inserted.size());
  for (auto key : inserted) ASSERT_TRUE(cache.contains(key));
  for (int i = 0; i < 1000; ++i) {
    const auto key = edge_key(id(rng) + 6000, id(rng));
    EXPECT_FALSE(cache.contains(key));
  }
}

}  // namespace
}  // namespace lockgraph::detail
