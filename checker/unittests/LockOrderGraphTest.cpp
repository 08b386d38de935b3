//===- LockOrderGraphTest.cpp - Tests of analysis/LockOrderGraph ----------===//

#include "analysis/LockOrderGraph.h"

#include "TestFacts.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace lockgraph;
using namespace lockgraph::test;

namespace {

/// Builds a graph of global locks from "From -> To" observations.
class GraphBuilder {
public:
  /// \p From held while \p To is acquired at \p Line in \p Function, with
  /// the other lock classes \p Gates held too.
  GraphBuilder &edge(const std::string &From, const std::string &To,
                     std::set<std::string> Gates = {},
                     const std::string &Function = "f", unsigned Line = 0) {
    OrderWitness W;
    W.From = global(From);
    W.To = global(To);
    W.FromSite = at(Line ? Line - 1 : ++NextLine);
    W.Site = at(Line ? Line : ++NextLine);
    W.Function = Function;
    W.FunctionUsr = usrOf(Function);
    W.Gates = std::move(Gates);
    G.addNode(From, LockKind::Mutex);
    G.addNode(To, LockKind::Mutex);
    G.addWitness(std::move(W));
    return *this;
  }
  LockOrderGraph G;

private:
  unsigned NextLine = 100;
};

std::vector<std::string> nodesOf(const LockCycle &C) {
  std::vector<std::string> N;
  for (const OrderEdge *E : C.Edges)
    N.push_back(E->From);
  return N;
}

std::vector<std::vector<std::string>> cyclesOf(const LockOrderGraph &G) {
  std::vector<std::vector<std::string>> Out;
  for (const LockCycle &C : G.cycles())
    Out.push_back(nodesOf(C));
  return Out;
}

using Cycles = std::vector<std::vector<std::string>>;

TEST(LockOrderGraphTest, WitnessMakesAnEdgeBetweenClasses) {
  LockOrderGraph G;
  OrderWitness W;
  W.From = thisField("Account::mu_");
  W.To = global("g_log");
  W.Site = at(5);
  G.addNode("Account::mu_", LockKind::Mutex);
  G.addNode("g_log", LockKind::Mutex);
  G.addWitness(W);
  ASSERT_EQ(G.edges().size(), 1u);
  const OrderEdge &E = G.edges().begin()->second;
  EXPECT_EQ(E.From, "Account::mu_");
  EXPECT_EQ(E.To, "g_log");
  ASSERT_EQ(E.Witnesses.size(), 1u);
  EXPECT_EQ(E.Witnesses[0].Site.Line, 5u);
}

TEST(LockOrderGraphTest, ConsistentOrderHasNoCycle) {
  GraphBuilder B;
  B.edge("a", "b").edge("b", "c").edge("a", "c");
  EXPECT_TRUE(B.G.cycles().empty());
}

TEST(LockOrderGraphTest, TwoLockCycle) {
  GraphBuilder B;
  B.edge("b", "a").edge("a", "b");
  std::vector<LockCycle> C = B.G.cycles();
  ASSERT_EQ(C.size(), 1u);
  EXPECT_EQ(nodesOf(C[0]), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(C[0].Edges[0]->To, "b");
  EXPECT_EQ(C[0].Edges[1]->To, "a");
}

TEST(LockOrderGraphTest, ThreeLockCycleReportedOnceFromTheSmallestNode) {
  GraphBuilder B;
  B.edge("c", "a").edge("b", "c").edge("a", "b");
  std::vector<LockCycle> C = B.G.cycles();
  ASSERT_EQ(C.size(), 1u);
  EXPECT_EQ(nodesOf(C[0]), (std::vector<std::string>{"a", "b", "c"}));
  for (size_t I = 0; I < C[0].Edges.size(); ++I)
    EXPECT_EQ(C[0].Edges[I]->To, C[0].Edges[(I + 1) % C[0].Edges.size()]->From);
}

TEST(LockOrderGraphTest, SelfEdgeIsACycleOfOne) {
  // `from.mu_` then `to.mu_`: two instances of one class.
  GraphBuilder B;
  B.edge("Account::mu_", "Account::mu_");
  EXPECT_EQ(cyclesOf(B.G), (Cycles{{"Account::mu_"}}));
}

TEST(LockOrderGraphTest, CommonGateMeansNoCycle) {
  GraphBuilder B;
  B.edge("a", "b", {"g"}).edge("b", "a", {"g"});
  EXPECT_TRUE(B.G.cycles().empty());
}

TEST(LockOrderGraphTest, DifferentGatesStillCycle) {
  GraphBuilder B;
  B.edge("a", "b", {"g"}).edge("b", "a", {"h"});
  EXPECT_EQ(cyclesOf(B.G), (Cycles{{"a", "b"}}));
}

TEST(LockOrderGraphTest, GateMustHoldForEveryWitnessOfAnEdge) {
  GraphBuilder B;
  B.edge("a", "b", {"g"}, "f1").edge("a", "b", {}, "f2");
  B.edge("b", "a", {"g"}, "f3");
  EXPECT_EQ(cyclesOf(B.G), (Cycles{{"a", "b"}}));
}

TEST(LockOrderGraphTest, GateMustHoldForEveryEdgeOfACycle) {
  GraphBuilder B;
  B.edge("a", "b", {"g"}).edge("b", "c", {"g"}).edge("c", "a", {});
  EXPECT_EQ(cyclesOf(B.G), (Cycles{{"a", "b", "c"}}));

  GraphBuilder Gated;
  Gated.edge("a", "b", {"g", "x"})
      .edge("b", "c", {"g"})
      .edge("c", "a", {"g", "y"});
  EXPECT_TRUE(Gated.G.cycles().empty());
}

TEST(LockOrderGraphTest, ReobservedWitnessKeepsOnlyGatesSeenBothTimes) {
  // One site seen twice (a function analysed in a loop, or from two TUs):
  // once under g, once not.
  GraphBuilder B;
  B.edge("a", "b", {"g"}, "f", 10).edge("a", "b", {}, "f", 10);
  B.edge("b", "a", {"g"}, "h", 20);
  const OrderEdge &AB = B.G.edges().at({"a", "b"});
  ASSERT_EQ(AB.Witnesses.size(), 1u) << "one site, one witness";
  EXPECT_TRUE(AB.Witnesses[0].Gates.empty());
  EXPECT_EQ(cyclesOf(B.G), (Cycles{{"a", "b"}}));
}

TEST(LockOrderGraphTest, EntryGatesGateTheCycle) {
  GraphBuilder B;
  B.edge("a", "b", {}, "f1").edge("b", "a", {}, "f2");
  ASSERT_EQ(B.G.cycles().size(), 1u);
  B.G.addEntryGates({{usrOf("f1"), {"G:g"}}, {usrOf("f2"), {"G:g"}}});
  EXPECT_TRUE(B.G.cycles().empty());
}

TEST(LockOrderGraphTest, EntryGatesOfOneSideOnlyKeepTheCycle) {
  GraphBuilder B;
  B.edge("a", "b", {}, "f1").edge("b", "a", {}, "f2");
  B.G.addEntryGates({{usrOf("f1"), {"G:g"}}, {usrOf("other"), {"G:g"}}});
  EXPECT_EQ(cyclesOf(B.G), (Cycles{{"a", "b"}}));
}

TEST(LockOrderGraphTest, EntryGateIsNeverAnEdgesOwnLock) {
  GraphBuilder B;
  B.edge("a", "b", {}, "f1");
  B.G.addEntryGates({{usrOf("f1"), {"G:a", "G:b", "G:g"}}});
  EXPECT_EQ(B.G.edges().at({"a", "b"}).Witnesses[0].Gates,
            (std::set<std::string>{"g"}));
}

TEST(LockOrderGraphTest, WitnessesAreCappedAndSorted) {
  GraphBuilder B;
  for (unsigned I = 0; I < 12; ++I)
    B.edge("a", "b", {}, "f", 200 - 10 * I);
  const OrderEdge &E = B.G.edges().at({"a", "b"});
  ASSERT_EQ(E.Witnesses.size(), 8u);
  // The earliest sites are kept, in order.
  for (size_t I = 0; I < E.Witnesses.size(); ++I)
    EXPECT_EQ(E.Witnesses[I].Site.Line, 90u + 10 * I);
}

TEST(LockOrderGraphTest, WitnessesThroughFewerCallsComeFirst) {
  LockOrderGraph G;
  G.addNode("a", LockKind::Mutex);
  G.addNode("b", LockKind::Mutex);
  OrderWitness Deep;
  Deep.From = global("a");
  Deep.To = global("b");
  Deep.Site = at(1);
  Deep.Chain = {CallStep{at(50), "helper"}};
  OrderWitness Direct = Deep;
  Direct.Site = at(80);
  Direct.Chain.clear();
  G.addWitness(Deep);
  G.addWitness(Direct);
  const OrderEdge &E = G.edges().at({"a", "b"});
  ASSERT_EQ(E.Witnesses.size(), 2u);
  EXPECT_TRUE(E.Witnesses[0].Chain.empty());
}

TEST(LockOrderGraphTest, DroppedWitnessDoesNotInventAGate) {
  // Eight witnesses under g, and a ninth (sorting last, so dropped) that
  // holds nothing: the a -> b edge is not gated by g.
  GraphBuilder B;
  for (unsigned I = 0; I < 8; ++I)
    B.edge("a", "b", {"g"}, "f", 10 + 2 * I);
  B.edge("a", "b", {}, "f", 500);
  B.edge("b", "a", {"g"}, "h", 600);
  ASSERT_EQ(B.G.edges().at({"a", "b"}).Witnesses.size(), 8u);
  EXPECT_EQ(cyclesOf(B.G), (Cycles{{"a", "b"}}));
}

TEST(LockOrderGraphTest, ShortestCyclesFirstAndCoveredCyclesDropped) {
  // Every pair of a, b, c in both orders: three 2-cycles cover all six
  // edges, so neither 3-cycle adds anything.
  GraphBuilder B;
  B.edge("a", "b").edge("b", "a").edge("b", "c").edge("c", "b");
  B.edge("a", "c").edge("c", "a");
  EXPECT_EQ(cyclesOf(B.G), (Cycles{{"a", "b"}, {"a", "c"}, {"b", "c"}}));
}

TEST(LockOrderGraphTest, CycleSharingAnEdgeWithAShorterOneIsDropped) {
  // a -> b -> c -> a brings two new edges but shares a -> b with the
  // reported a <-> b: breaking that edge breaks both.
  GraphBuilder B;
  B.edge("a", "b").edge("b", "a").edge("b", "c").edge("c", "a");
  EXPECT_EQ(cyclesOf(B.G), (Cycles{{"a", "b"}}));
}

TEST(LockOrderGraphTest, EdgeDisjointCyclesThroughOneNodeAreKept) {
  GraphBuilder B;
  B.edge("a", "c").edge("c", "d").edge("d", "a").edge("a", "b").edge("b", "a");
  EXPECT_EQ(cyclesOf(B.G), (Cycles{{"a", "b"}, {"a", "c", "d"}}));
}

TEST(LockOrderGraphTest, CycleLengthIsBounded) {
  auto Ring = [](unsigned N) {
    GraphBuilder B;
    for (unsigned I = 0; I < N; ++I)
      B.edge("n" + std::to_string(I), "n" + std::to_string((I + 1) % N));
    return B.G.cycles().size();
  };
  EXPECT_EQ(Ring(6), 1u);
  EXPECT_EQ(Ring(7), 0u);
}

// Two-lock cycles are found before the bounded search for longer ones:
// every lock in "a".."f" taken under every other gives more than 200
// elementary cycles, yet the separate inversion y <-> z and the 2-cycles of
// the dense component are all reported.
TEST(LockOrderGraphTest, IndependentCycleSurvivesADenseComponent) {
  GraphBuilder B;
  const std::vector<std::string> Dense{"a", "b", "c", "d", "e", "f"};
  for (const std::string &X : Dense)
    for (const std::string &Y : Dense)
      if (X != Y)
        B.edge(X, Y);
  B.edge("y", "z").edge("z", "y");
  Cycles C = cyclesOf(B.G);
  EXPECT_NE(std::find(C.begin(), C.end(), std::vector<std::string>{"y", "z"}),
            C.end());
  EXPECT_NE(std::find(C.begin(), C.end(), std::vector<std::string>{"c", "d"}),
            C.end());
}

TEST(LockOrderGraphTest, NodeKindIsRefinedFromUnknownOnly) {
  LockOrderGraph G;
  G.addNode("a", LockKind::Unknown);
  G.addNode("a", LockKind::SharedMutex);
  G.addNode("a", LockKind::Mutex);
  EXPECT_EQ(G.nodes().at("a"), LockKind::SharedMutex);
}

} // namespace
