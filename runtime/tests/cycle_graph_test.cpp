// The incremental cycle detector on its own: small cases, then random edge
// sequences checked against brute-force reachability.
#include "cycle_graph.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <random>
#include <vector>

namespace lockgraph::detail {
namespace {

using ids = std::vector<cycle_graph::node_id>;

TEST(CycleGraphTest, AcceptsEdgesOfADag) {
  cycle_graph g;
  auto a = g.add_node(), b = g.add_node(), c = g.add_node();
  EXPECT_TRUE(g.add_edge(a, b));
  EXPECT_TRUE(g.add_edge(b, c));
  EXPECT_TRUE(g.add_edge(a, c));
  EXPECT_TRUE(g.has_edge(a, b));
  EXPECT_FALSE(g.has_edge(b, a));
  EXPECT_LT(g.order_of(a), g.order_of(b));
  EXPECT_LT(g.order_of(b), g.order_of(c));
}

TEST(CycleGraphTest, ReordersWhenANewEdgeGoesBackwards) {
  cycle_graph g;
  auto a = g.add_node(), b = g.add_node(), c = g.add_node();
  EXPECT_TRUE(g.add_edge(c, a));  // against creation order
  EXPECT_TRUE(g.add_edge(b, c));
  EXPECT_LT(g.order_of(b), g.order_of(c));
  EXPECT_LT(g.order_of(c), g.order_of(a));
}

TEST(CycleGraphTest, RefusesTheEdgeClosingACycleAndNamesThePath) {
  cycle_graph g;
  auto a = g.add_node(), b = g.add_node(), c = g.add_node();
  ASSERT_TRUE(g.add_edge(a, b));
  ASSERT_TRUE(g.add_edge(b, c));
  ids path;
  EXPECT_FALSE(g.add_edge(c, a, &path));
  EXPECT_EQ(path, (ids{a, b, c}));  // to -> ... -> from
  EXPECT_FALSE(g.has_edge(c, a));
  // The graph is unchanged and still usable.
  EXPECT_TRUE(g.add_edge(a, c));
}

TEST(CycleGraphTest, TwoNodeCycle) {
  cycle_graph g;
  auto a = g.add_node(), b = g.add_node();
  ASSERT_TRUE(g.add_edge(b, a));
  ids path;
  EXPECT_FALSE(g.add_edge(a, b, &path));
  EXPECT_EQ(path, (ids{b, a}));
}

TEST(CycleGraphTest, SelfEdgeIsACycle) {
  cycle_graph g;
  auto a = g.add_node();
  ids path;
  EXPECT_FALSE(g.add_edge(a, a, &path));
  EXPECT_EQ(path, ids{a});
}

TEST(CycleGraphTest, DuplicateEdgeIsAccepted) {
  cycle_graph g;
  auto a = g.add_node(), b = g.add_node();
  EXPECT_TRUE(g.add_edge(a, b));
  EXPECT_TRUE(g.add_edge(a, b));
  EXPECT_EQ(g.successors(a).size(), 1u);
}

TEST(CycleGraphTest, ReportsAShortestCycleThroughTheNewEdge) {
  cycle_graph g;
  auto a = g.add_node(), b = g.add_node(), c = g.add_node(), d = g.add_node();
  ASSERT_TRUE(g.add_edge(a, b));
  ASSERT_TRUE(g.add_edge(b, c));
  ASSERT_TRUE(g.add_edge(c, d));
  ASSERT_TRUE(g.add_edge(a, d));
  ids path;
  EXPECT_FALSE(g.add_edge(d, a, &path));
  EXPECT_EQ(path, (ids{a, d}));
}

// Breadth-first distance from `from` to `to` (0 when equal, -1 if unreachable).
int distance(const cycle_graph& g, cycle_graph::node_id from, cycle_graph::node_id to) {
  std::vector<int> dist(g.size() + 1, -1);
  std::deque<cycle_graph::node_id> queue{from};
  dist[from] = 0;
  while (!queue.empty()) {
    auto n = queue.front();
    queue.pop_front();
    if (n == to) return dist[n];
    for (auto w : g.successors(n))
      if (dist[w] < 0) {
        dist[w] = dist[n] + 1;
        queue.push_back(w);
      }
  }
  return -1;
}

void expect_topological(const cycle_graph& g) {
  for (cycle_graph::node_id n = 1; n <= g.size(); ++n)
    for (auto w : g.successors(n)) ASSERT_LT(g.order_of(n), g.order_of(w)) << n << " -> " << w;
}

TEST(CycleGraphTest, MatchesBruteForceOnRandomGraphs) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    std::mt19937 rng(seed);
    cycle_graph g;
    const unsigned nodes = 10 + seed * 5;
    for (unsigned i = 0; i < nodes; ++i) g.add_node();
    std::uniform_int_distribution<cycle_graph::node_id> pick(1, nodes);
    for (int i = 0; i < 400; ++i) {
      const auto from = pick(rng), to = pick(rng);
      const int back = distance(g, to, from);  // a path to -> from closes a cycle
      ids path;
      const bool added = g.add_edge(from, to, &path);
      ASSERT_EQ(added, back < 0) << "seed " << seed << " edge " << from << " -> " << to;
      if (!added) {
        ASSERT_EQ(path.front(), to);
        ASSERT_EQ(path.back(), from);
        ASSERT_EQ(static_cast<int>(path.size()) - 1, back) << "not a shortest path";
        for (std::size_t k = 0; k + 1 < path.size(); ++k)
          ASSERT_TRUE(g.has_edge(path[k], path[k + 1]));
      }
      expect_topological(g);
    }
  }
}

}  // namespace
}  // namespace lockgraph::detail
