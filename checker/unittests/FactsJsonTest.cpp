//===- FactsJsonTest.cpp - Tests of model/FactsJson -----------------------===//

#include "model/FactsJson.h"

#include "TestFacts.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <sstream>

using namespace lockgraph;
using namespace lockgraph::test;

namespace {

//===----------------------------------------------------------------------===//
// A readable dump of every field, so a failed round trip shows what differs.
//===----------------------------------------------------------------------===//

std::string describe(const SourcePos &P) {
  return P.File + ":" + std::to_string(P.Line) + ":" + std::to_string(P.Column);
}

std::string describe(const LockRef &L) {
  std::ostringstream OS;
  OS << "{root=" << int(L.Root) << " base=" << L.Base << " path=";
  for (const std::string &P : L.Path)
    OS << P << "|";
  OS << " kind=" << int(L.Kind) << " spelling=" << L.Spelling << "}";
  return OS.str();
}

std::string describe(const std::vector<LockRef> &Ls) {
  std::string S = "[";
  for (const LockRef &L : Ls)
    S += describe(L) + ",";
  return S + "]";
}

std::string describe(const Event &E) {
  std::ostringstream OS;
  OS << "  event kind=" << int(E.Kind) << " locks=" << describe(E.Locks)
     << " mode=" << int(E.Mode) << " together=" << E.Together
     << " owns=" << E.Owns << " guard=" << E.Guard << " guard2=" << E.Guard2
     << " try=" << E.TryId << " site=" << describe(E.Site)
     << " callee=" << E.Callee << " calleeName=" << E.CalleeName << " args=";
  for (const auto &[I, L] : E.Args)
    OS << I << ":" << describe(L) << ",";
  OS << "\n";
  return OS.str();
}

std::string describe(const Block &B) {
  std::ostringstream OS;
  OS << " block succs=";
  for (int S : B.Succs)
    OS << S << ",";
  OS << " condTry=" << B.CondTry;
  if (B.CondTry >= 0) // Only meaningful with a try condition.
    OS << " successOnFirst=" << B.SuccessOnFirst;
  OS << " return=" << describe(B.ReturnSite) << " noReturn=" << B.NoReturn
     << " hasValue=" << B.HasReturnValue;
  if (B.HasReturnValue)
    OS << " value=" << B.ReturnValue;
  OS << "\n";
  for (const Event &E : B.Events)
    OS << describe(E);
  return OS.str();
}

std::string describe(const TranslationUnitFacts &TU) {
  std::ostringstream OS;
  OS << "main_file=" << TU.MainFile << " recursive=";
  for (const std::string &R : TU.RecursiveLocks)
    OS << R << ",";
  OS << "\n";
  for (const FunctionFacts &F : TU.Functions) {
    OS << "function usr=" << F.Usr << " name=" << F.Name
       << " class=" << F.ClassName << " loc=" << describe(F.Loc)
       << " end=" << describe(F.EndLoc) << " params=" << F.NumParams
       << " main=" << F.IsMain << " lambda=" << F.IsLambda << " ordered=";
    for (const auto &[A, B] : F.OrderedPairs)
      OS << A << "<>" << B << ",";
    OS << " acq=" << describe(F.Contract.Acquires)
       << " acqs=" << describe(F.Contract.AcquiresShared)
       << " rel=" << describe(F.Contract.Releases) << " entry=" << F.Entry
       << " exit=" << F.Exit << "\n";
    for (const Block &B : F.Blocks)
      OS << describe(B);
  }
  return OS.str();
}

/// Every event kind, every field set to something other than its default.
TranslationUnitFacts everyField() {
  LockRef Odd;
  Odd.Root = RootKind::Local;
  Odd.Base = "ns::f::m@120";
  Odd.Path = {"S::inner", "[]", "T::mu \"quoted\" \\ ünïcode"};
  Odd.Kind = LockKind::SharedMutex;
  Odd.Spelling = "m.inner[i].mu";

  std::vector<Event> Events;
  for (int K = Event::Acquire; K <= Event::Blocking; ++K) {
    Event E;
    E.Kind = Event::KindTy(K);
    E.Locks = {Odd, global("g", LockKind::RecursiveMutex), param(3),
               unknownLock("*p")};
    E.Mode = AccessMode::Shared;
    E.Together = true;
    E.Owns = true;
    E.Guard = 4 + K;
    E.Guard2 = 40 + K;
    E.TryId = 7 + K;
    E.Site = at(100 + K, 9 + K, "dir/file name.cpp");
    E.Callee = "c:@N@ns@F@callee#I#" + std::to_string(K);
    E.CalleeName = "ns::callee";
    E.Args = {{-1, thisField("A::b_")}, {2, Odd}};
    Events.push_back(E);
  }

  Block First;
  First.Events = Events;
  First.Succs = {1, -1, 2};
  First.CondTry = 11;
  First.SuccessOnFirst = false;
  First.ReturnSite = at(200, 5);
  First.NoReturn = true;
  First.HasReturnValue = true;
  First.ReturnValue = -9007199254740993LL;   // Not exact in a double.
  Block Second = returnValue({}, 2, 201, 0); // Zero is a value too.
  Block Exit;

  FunctionFacts F;
  F.Usr = "c:@S@Account@F@update#";
  F.Name = "Account::update";
  F.ClassName = "Account";
  F.Loc = at(10, 2, "a.cpp");
  F.EndLoc = at(30, 1, "a.cpp");
  F.NumParams = 3;
  F.IsMain = true;
  F.IsLambda = true;
  F.OrderedPairs = {{"P0:", "P1:"}, {"G:a", "T:/A::b_"}};
  F.Contract.Acquires = {thisField("Account::mu_")};
  F.Contract.AcquiresShared = {global("rw", LockKind::SharedMutex)};
  F.Contract.Releases = {paramField(1, "Account::mu_")};
  F.Entry = 0;
  F.Exit = 2;
  F.Blocks = {First, Second, Exit};

  TranslationUnitFacts TU;
  TU.MainFile = "/src/a.cpp";
  TU.Functions = {F, function("plain", {exitBlock()})};
  TU.RecursiveLocks = {"g", "Account::rmu_"};
  return TU;
}

TEST(FactsJsonTest, EveryFieldRoundTrips) {
  TranslationUnitFacts In = everyField();
  TranslationUnitFacts Out;
  std::string Error;
  ASSERT_TRUE(factsFromJson(factsToJson(In), Out, Error)) << Error;
  EXPECT_EQ(describe(Out), describe(In));
  EXPECT_TRUE(Error.empty());
}

TEST(FactsJsonTest, DumpIsStable) {
  // Parsing and writing again gives the same text: the driver may cache it.
  std::string Text = factsToJson(everyField());
  TranslationUnitFacts Out;
  std::string Error;
  ASSERT_TRUE(factsFromJson(Text, Out, Error)) << Error;
  EXPECT_EQ(factsToJson(Out), Text);
}

TEST(FactsJsonTest, DefaultsRoundTrip) {
  TranslationUnitFacts In;
  In.Functions.push_back(straightLine("f", {event(Event::Call, 3)}));
  TranslationUnitFacts Out;
  std::string Error;
  ASSERT_TRUE(factsFromJson(factsToJson(In), Out, Error)) << Error;
  EXPECT_EQ(describe(Out), describe(In));
  const Event &E = Out.Functions.at(0).Blocks.at(0).Events.at(0);
  EXPECT_EQ(E.Guard, -1);
  EXPECT_EQ(E.Guard2, -1);
  EXPECT_EQ(E.TryId, -1);
  EXPECT_FALSE(Out.Functions[0].Blocks[0].HasReturnValue);
  EXPECT_EQ(Out.Functions[0].Blocks[0].CondTry, -1);
}

TEST(FactsJsonTest, EmptyUnitRoundTrips) {
  TranslationUnitFacts Out;
  std::string Error;
  ASSERT_TRUE(factsFromJson(factsToJson(TranslationUnitFacts()), Out, Error));
  EXPECT_TRUE(Out.Functions.empty());
  EXPECT_TRUE(Out.RecursiveLocks.empty());
}

/// Parses \p Text, which must fail with an error and without throwing.
void expectRejected(const std::string &Text) {
  TranslationUnitFacts Out;
  std::string Error;
  bool Ok = true;
  EXPECT_NO_THROW(Ok = factsFromJson(Text, Out, Error)) << Text;
  EXPECT_FALSE(Ok) << Text;
  EXPECT_FALSE(Error.empty()) << Text;
}

/// The JSON of everyField() with \p Edit applied.
std::string edited(const std::function<void(nlohmann::json &)> &Edit) {
  nlohmann::json J = nlohmann::json::parse(factsToJson(everyField()));
  Edit(J);
  return J.dump();
}

TEST(FactsJsonTest, MalformedTextIsAnError) {
  expectRejected("");
  expectRejected("{");
  expectRejected("not json");
  expectRejected(std::string("\x00\xff\xfe", 3));
  std::string Good = factsToJson(everyField());
  expectRejected(Good.substr(0, Good.size() / 2)); // A truncated file.
}

TEST(FactsJsonTest, WrongShapeIsAnError) {
  expectRejected("[]");
  expectRejected("{}");
  expectRejected("null");
  expectRejected(R"({"main_file": "a.cpp", "functions": []})");
}

TEST(FactsJsonTest, MissingFieldIsAnError) {
  for (const char *Field :
       {"usr", "name", "class", "loc", "end", "params", "main", "lambda",
        "orders", "acq", "acqs", "rel", "entry", "exit", "blocks"})
    expectRejected(
        edited([&](nlohmann::json &J) { J["functions"][0].erase(Field); }));
  expectRejected(edited(
      [](nlohmann::json &J) { J["functions"][0]["blocks"][0].erase("s"); }));
  expectRejected(edited([](nlohmann::json &J) {
    J["functions"][0]["blocks"][0]["e"][0].erase("k");
  }));
}

TEST(FactsJsonTest, WrongTypeIsAnError) {
  expectRejected(
      edited([](nlohmann::json &J) { J["functions"][0]["params"] = "two"; }));
  expectRejected(
      edited([](nlohmann::json &J) { J["functions"][0]["name"] = 3; }));
  expectRejected(edited([](nlohmann::json &J) { J["recursive_locks"] = "g"; }));
  expectRejected(edited([](nlohmann::json &J) {
    J["functions"][0]["blocks"][0]["s"] = {"one"};
  }));
}

TEST(FactsJsonTest, ShortPositionOrLockIsAnError) {
  expectRejected(edited([](nlohmann::json &J) {
    J["functions"][0]["loc"] = {"a.cpp", 3};
  }));
  expectRejected(edited([](nlohmann::json &J) {
    J["functions"][0]["acq"][0] = {1, "", nlohmann::json::array()};
  }));
}

// Robustness: facts that parse but point outside their own function would
// make the analysis index out of bounds; they are rejected.
TEST(FactsJsonTest, EntryOrExitOutsideTheBlocksIsAnError) {
  expectRejected(
      edited([](nlohmann::json &J) { J["functions"][0]["entry"] = 7; }));
  expectRejected(
      edited([](nlohmann::json &J) { J["functions"][0]["exit"] = -1; }));
}

// Robustness: enumerators outside their enum are rejected.
TEST(FactsJsonTest, UnknownEnumeratorIsAnError) {
  expectRejected(edited([](nlohmann::json &J) {
    J["functions"][0]["blocks"][0]["e"][0]["k"] = 99;
  }));
  expectRejected(edited([](nlohmann::json &J) {
    J["functions"][0]["acq"][0][0] = 42; // RootKind
  }));
}

// Robustness: a parameter root whose base is not a number is rejected
// (substitute() parses it).
TEST(FactsJsonTest, ParameterRootWithoutIndexIsAnError) {
  expectRejected(edited([](nlohmann::json &J) {
    J["functions"][0]["acq"][0] = {int(RootKind::Param), "x",
                                   nlohmann::json::array(), 0, "m"};
  }));
}

} // namespace
