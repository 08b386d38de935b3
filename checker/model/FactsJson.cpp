//===- FactsJson.cpp - Facts of a translation unit as JSON ----------------===//
#include "model/FactsJson.h"

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace lockgraph {

static json posToJson(const SourcePos &P) {
  return json::array({P.File, P.Line, P.Column});
}
static SourcePos posFromJson(const json &J) {
  SourcePos P;
  P.File = J.at(0).get<std::string>();
  P.Line = J.at(1).get<unsigned>();
  P.Column = J.at(2).get<unsigned>();
  return P;
}

static json lockToJson(const LockRef &L) {
  return json::array(
      {int(L.Root), L.Base, L.Path, int(L.Kind), L.Spelling});
}
namespace {
/// Facts come from our own workers, but a file is a file: reject what the
/// analysis could not survive instead of trusting it.
struct FactsError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
int enumerator(const json &J, int Last, const char *What) {
  int V = J.get<int>();
  if (V < 0 || V > Last)
    throw FactsError(std::string("unknown ") + What + " " + std::to_string(V));
  return V;
}
} // namespace

static LockRef lockFromJson(const json &J) {
  LockRef L;
  L.Root = RootKind(enumerator(J.at(0), int(RootKind::Unknown), "lock root"));
  L.Base = J.at(1).get<std::string>();
  if (L.Root == RootKind::Param &&
      (L.Base.empty() ||
       L.Base.find_first_not_of("0123456789") != std::string::npos ||
       L.Base.size() > 6))
    throw FactsError("parameter root with index '" + L.Base + "'");
  L.Path = J.at(2).get<std::vector<std::string>>();
  L.Kind = LockKind(enumerator(J.at(3), int(LockKind::Unknown), "lock kind"));
  L.Spelling = J.at(4).get<std::string>();
  return L;
}
static json locksToJson(const std::vector<LockRef> &Ls) {
  json A = json::array();
  for (const LockRef &L : Ls)
    A.push_back(lockToJson(L));
  return A;
}
static std::vector<LockRef> locksFromJson(const json &J) {
  std::vector<LockRef> Ls;
  for (const json &L : J)
    Ls.push_back(lockFromJson(L));
  return Ls;
}

static json eventToJson(const Event &E) {
  json J = {{"k", int(E.Kind)}, {"s", posToJson(E.Site)}};
  if (!E.Locks.empty())
    J["l"] = locksToJson(E.Locks);
  if (E.Mode != AccessMode::Exclusive)
    J["m"] = int(E.Mode);
  if (E.Together)
    J["t"] = true;
  if (E.Owns)
    J["o"] = true;
  if (E.Guard >= 0)
    J["g"] = E.Guard;
  if (E.Guard2 >= 0)
    J["g2"] = E.Guard2;
  if (E.TryId >= 0)
    J["try"] = E.TryId;
  if (E.Write)
    J["w"] = true;
  if (E.Detached)
    J["d"] = true;
  if (!E.Callee.empty())
    J["c"] = E.Callee;
  if (!E.CalleeName.empty())
    J["cn"] = E.CalleeName;
  if (!E.Args.empty()) {
    json A = json::array();
    for (const auto &[I, L] : E.Args)
      A.push_back(json::array({I, lockToJson(L)}));
    J["a"] = A;
  }
  return J;
}
static Event eventFromJson(const json &J) {
  Event E;
  E.Kind = Event::KindTy(enumerator(J.at("k"), int(Event::Blocking), "event"));
  E.Site = posFromJson(J.at("s"));
  if (J.contains("l"))
    E.Locks = locksFromJson(J["l"]);
  E.Mode = AccessMode(J.contains("m") ? enumerator(J["m"], 1, "mode") : 0);
  E.Together = J.value("t", false);
  E.Owns = J.value("o", false);
  E.Guard = J.value("g", -1);
  E.Guard2 = J.value("g2", -1);
  E.TryId = J.value("try", -1);
  E.Write = J.value("w", false);
  E.Detached = J.value("d", false);
  E.Callee = J.value("c", std::string());
  E.CalleeName = J.value("cn", std::string());
  if (J.contains("a"))
    for (const json &A : J["a"])
      E.Args.emplace_back(A.at(0).get<int>(), lockFromJson(A.at(1)));
  return E;
}

std::string factsToJson(const TranslationUnitFacts &TU) {
  json Fns = json::array();
  for (const FunctionFacts &F : TU.Functions) {
    json Blocks = json::array();
    for (const Block &B : F.Blocks) {
      json Events = json::array();
      for (const Event &E : B.Events)
        Events.push_back(eventToJson(E));
      json JB = {{"e", Events}, {"s", B.Succs}};
      if (B.CondTry >= 0) {
        JB["try"] = B.CondTry;
        JB["first"] = B.SuccessOnFirst;
      }
      if (!B.CondThread.empty()) {
        JB["thr"] = B.CondThread;
        JB["jfirst"] = B.JoinableOnFirst;
      }
      if (B.ReturnSite.valid())
        JB["ret"] = posToJson(B.ReturnSite);
      if (B.HasReturnValue)
        JB["rv"] = B.ReturnValue;
      if (B.NoReturn)
        JB["noret"] = true;
      if (B.Throws)
        JB["throws"] = true;
      Blocks.push_back(JB);
    }
    Fns.push_back({{"usr", F.Usr},
                   {"name", F.Name},
                   {"class", F.ClassName},
                   {"loc", posToJson(F.Loc)},
                   {"end", posToJson(F.EndLoc)},
                   {"params", F.NumParams},
                   {"main", F.IsMain},
                   {"lambda", F.IsLambda},
                   {"public", F.IsPublicMethod},
                   {"ctor", F.IsCtorOrDtor},
                   {"locals", F.LocalOwner},
                   {"req", locksToJson(F.Contract.Requires)},
                   {"ptr", F.ReturnsPointer},
                   {"orders", F.OrderedPairs},
                   {"acq", locksToJson(F.Contract.Acquires)},
                   {"acqs", locksToJson(F.Contract.AcquiresShared)},
                   {"rel", locksToJson(F.Contract.Releases)},
                   {"alias", [&] {
                      json A = json::array();
                      for (const auto &[Field, Ref] : F.FieldAliases)
                        A.push_back(json::array({Field, lockToJson(Ref)}));
                      return A;
                    }()},
                   {"entry", F.Entry},
                   {"exit", F.Exit},
                   {"blocks", Blocks}});
  }
  json J = {{"main_file", TU.MainFile},
            {"functions", Fns},
            {"recursive_locks", TU.RecursiveLocks}};
  return J.dump();
}

bool factsFromJson(const std::string &Text, TranslationUnitFacts &TU,
                   std::string &Error) {
  try {
    json J = json::parse(Text);
    TU.MainFile = J.at("main_file").get<std::string>();
    TU.RecursiveLocks =
        J.at("recursive_locks").get<std::vector<std::string>>();
    for (const json &JF : J.at("functions")) {
      FunctionFacts F;
      F.Usr = JF.at("usr").get<std::string>();
      F.Name = JF.at("name").get<std::string>();
      F.ClassName = JF.at("class").get<std::string>();
      F.Loc = posFromJson(JF.at("loc"));
      F.EndLoc = posFromJson(JF.at("end"));
      F.NumParams = JF.at("params").get<unsigned>();
      F.IsMain = JF.at("main").get<bool>();
      F.IsLambda = JF.at("lambda").get<bool>();
      F.IsPublicMethod = JF.value("public", false);
      F.IsCtorOrDtor = JF.value("ctor", false);
      F.LocalOwner = JF.value("locals", std::string());
      if (JF.contains("req"))
        F.Contract.Requires = locksFromJson(JF["req"]);
      F.ReturnsPointer = JF.value("ptr", false);
      F.OrderedPairs = JF.at("orders")
                           .get<std::vector<std::pair<std::string, std::string>>>();
      F.Contract.Acquires = locksFromJson(JF.at("acq"));
      F.Contract.AcquiresShared = locksFromJson(JF.at("acqs"));
      F.Contract.Releases = locksFromJson(JF.at("rel"));
      if (JF.contains("alias"))
        for (const json &A : JF["alias"])
          F.FieldAliases.emplace_back(A.at(0).get<std::string>(),
                                      lockFromJson(A.at(1)));
      F.Entry = JF.at("entry").get<int>();
      F.Exit = JF.at("exit").get<int>();
      for (const json &JB : JF.at("blocks")) {
        Block B;
        for (const json &JE : JB.at("e"))
          B.Events.push_back(eventFromJson(JE));
        B.Succs = JB.at("s").get<std::vector<int>>();
        B.CondTry = JB.value("try", -1);
        B.SuccessOnFirst = JB.value("first", true);
        B.CondThread = JB.value("thr", std::string());
        B.JoinableOnFirst = JB.value("jfirst", true);
        if (JB.contains("ret"))
          B.ReturnSite = posFromJson(JB["ret"]);
        B.NoReturn = JB.value("noret", false);
        B.Throws = JB.value("throws", false);
        if (JB.contains("rv")) {
          B.HasReturnValue = true;
          B.ReturnValue = JB["rv"].get<long long>();
        }
        F.Blocks.push_back(std::move(B));
      }
      int N = int(F.Blocks.size());
      auto InRange = [&](int Id) { return Id >= 0 && Id < N; };
      if (!InRange(F.Entry) || !InRange(F.Exit))
        throw FactsError("function '" + F.Name + "': entry or exit block out of range");
      for (const Block &B : F.Blocks)
        for (int S : B.Succs)
          if (S != -1 && !InRange(S))
            throw FactsError("function '" + F.Name + "': successor out of range");
      TU.Functions.push_back(std::move(F));
    }
  } catch (const std::exception &E) {
    Error = E.what();
    return false;
  }
  return true;
}

} // namespace lockgraph
