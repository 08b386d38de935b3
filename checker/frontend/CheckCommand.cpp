//===- CheckCommand.cpp - `lockgraph check` from options to exit code -----===//
//
// 1. Turn -p / SOURCES / `--` into one job per translation unit.
// 2. Run the jobs in worker processes, -j at a time; each writes its facts.
// 3. Merge the facts in file order and analyse them as one program.
// 4. Suppress, fingerprint, apply the baseline, sort, and write the report.
//
//===----------------------------------------------------------------------===//
#include "frontend/CheckCommand.h"

#include "analysis/ProgramAnalysis.h"
#include "checks/CheckRegistry.h"
#include "frontend/Config.h"
#include "frontend/Extract.h"
#include "model/FactsJson.h"
#include "report/Emitters.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

namespace lockgraph {
namespace {

struct Diagnostics {
  int Worst = ExitClean;
  void error(const std::string &Message, int Code = ExitInputError) {
    std::cerr << "lockgraph: error: " << Message << "\n";
    Worst = std::max(Worst, Code);
  }
};

std::string absolute(const std::string &Path, const std::string &Base = "") {
  llvm::SmallString<256> P(Path);
  if (!llvm::sys::path::is_absolute(P) && !Base.empty()) {
    llvm::SmallString<256> B(Base);
    llvm::sys::path::append(B, Path);
    P = B;
  }
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

/// Checks that \p Path is a JSON array of objects with "directory", "file"
/// and "command" or "arguments", naming the first problem.
bool validateCompileDatabase(const std::string &Path, std::string &Error) {
  std::ifstream In(Path);
  std::stringstream Buffer;
  Buffer << In.rdbuf();
  nlohmann::json Db;
  try {
    Db = nlohmann::json::parse(Buffer.str());
  } catch (const nlohmann::json::parse_error &E) {
    Error = "invalid JSON at byte " + std::to_string(E.byte);
    return false;
  }
  if (!Db.is_array()) {
    Error = "expected an array of compile commands";
    return false;
  }
  for (size_t I = 0; I < Db.size(); ++I) {
    const nlohmann::json &E = Db[I];
    std::string Where = "entry " + std::to_string(I) + ": ";
    if (!E.is_object()) {
      Error = Where + "expected an object";
      return false;
    }
    for (const char *Key : {"directory", "file"})
      if (!E.contains(Key) || !E[Key].is_string()) {
        Error = Where + "missing string \"" + Key + "\"";
        return false;
      }
    bool Command = E.contains("command") && E["command"].is_string();
    bool Arguments = E.contains("arguments") && E["arguments"].is_array();
    if (!Command && !Arguments) {
      Error = Where + "needs \"command\" (a string) or \"arguments\" (an array)";
      return false;
    }
  }
  return true;
}

bool isSourceFile(llvm::StringRef Path) {
  llvm::StringRef Ext = llvm::sys::path::extension(Path);
  return Ext == ".c" || Ext == ".cc" || Ext == ".cpp" || Ext == ".cxx" ||
         Ext == ".c++" || Ext == ".C" || Ext == ".cp" || Ext == ".ii" ||
         Ext == ".i" || Ext == ".m" || Ext == ".mm" || Ext == ".cu";
}

/// Builds the jobs; reports unusable inputs and carries on with the rest.
std::vector<ExtractJob> planJobs(const CheckOptions &O, Diagnostics &D) {
  std::vector<ExtractJob> Jobs;
  using namespace clang::tooling;
  if (!O.BuildDir.empty()) {
    std::string DbPath = O.BuildDir;
    if (llvm::sys::fs::is_directory(DbPath)) {
      llvm::SmallString<256> P(DbPath);
      llvm::sys::path::append(P, "compile_commands.json");
      DbPath = std::string(P);
    }
    if (!llvm::sys::fs::exists(DbPath)) {
      D.error(DbPath + ": no such file (no compile database in '" +
              O.BuildDir + "')");
      return Jobs;
    }
    std::string Error;
    // LLVM reads compile databases with a lenient YAML parser that accepts
    // truncated files and prints to stderr; check the JSON first.
    if (!validateCompileDatabase(DbPath, Error)) {
      D.error(DbPath + ": malformed compile database: " + Error);
      return Jobs;
    }
    std::unique_ptr<CompilationDatabase> Db = JSONCompilationDatabase::loadFromFile(
        DbPath, Error, JSONCommandLineSyntax::AutoDetect);
    if (!Db) {
      // LLVM's message repeats the path; keep the reason only.
      std::string::size_type Colon = Error.find(": ");
      D.error(DbPath + ": malformed compile database: " +
              (Colon == std::string::npos ? Error : Error.substr(Colon + 2)));
      return Jobs;
    }
    std::vector<std::string> Files;
    if (O.Sources.empty()) {
      Files = Db->getAllFiles();
    } else {
      for (const std::string &S : O.Sources) {
        std::string F = absolute(S);
        if (!llvm::sys::fs::exists(F)) {
          D.error(F + ": no such file");
          continue;
        }
        Files.push_back(F);
      }
    }
    std::sort(Files.begin(), Files.end());
    Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
    for (const std::string &F : Files) {
      if (O.Sources.empty() && !isSourceFile(F))
        continue; // Assembly and other non-C inputs of the build.
      std::vector<CompileCommand> Cmds = Db->getCompileCommands(F);
      if (Cmds.empty()) {
        D.error(F + ": not found in compile database '" + DbPath + "'");
        continue;
      }
      // A file built twice (two targets) is analysed once, with the first
      // command.
      ExtractJob J;
      J.File = F;
      J.Directory = Cmds.front().Directory;
      J.CommandLine = Cmds.front().CommandLine;
      // Arguments after `--` extend the database's commands.
      J.CommandLine.insert(J.CommandLine.end(), O.CompilerArgs.begin(),
                           O.CompilerArgs.end());
      Jobs.push_back(std::move(J));
    }
    return Jobs;
  }
  if (O.Sources.empty())
    return Jobs;
  std::vector<std::string> Files;
  for (const std::string &S : O.Sources)
    Files.push_back(absolute(S));
  std::sort(Files.begin(), Files.end());
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  for (const std::string &F : Files) {
    if (!llvm::sys::fs::exists(F)) {
      D.error(F + ": no such file");
      continue;
    }
    ExtractJob J;
    J.File = F;
    J.Directory = std::string(Cwd);
    llvm::StringRef Ext = llvm::sys::path::extension(F);
    J.CommandLine.push_back(Ext == ".c" ? "clang" : "clang++");
    J.CommandLine.insert(J.CommandLine.end(), O.CompilerArgs.begin(),
                         O.CompilerArgs.end());
    J.CommandLine.push_back(F);
    Jobs.push_back(std::move(J));
  }
  return Jobs;
}

struct JobResult {
  bool Ok = false;
  TranslationUnitFacts Facts;
  std::string Error; ///< Reported after all jobs, in file order.
  int ErrorCode = ExitClean;
};

/// Runs the jobs in worker processes, at most \p Parallel at a time.
std::vector<JobResult> runJobs(const std::vector<ExtractJob> &Jobs,
                               const std::string &Self, unsigned Parallel,
                               Diagnostics &D) {
  std::vector<JobResult> Results(Jobs.size());
  struct Running {
    size_t Index;
    llvm::sys::ProcessInfo Process;
    std::string Output;
  };
  std::vector<Running> Active;
  size_t Next = 0;
  auto Finish = [&](const Running &R, int Status) {
    const ExtractJob &J = Jobs[R.Index];
    JobResult &Res = Results[R.Index];
    auto Fail = [&](std::string Message, int Code = ExitInputError) {
      Res.Error = std::move(Message);
      Res.ErrorCode = Code;
    };
    std::ifstream In(R.Output);
    std::string Status1, FactsText;
    std::getline(In, Status1);
    std::getline(In, FactsText);
    In.close();
    llvm::sys::fs::remove(R.Output);
    if (Status != 0 || Status1.empty()) {
      Fail(J.File + ": internal error while analysing this file (worker " +
                  (Status < 0 ? std::string("crashed")
                              : "exited with " + std::to_string(Status)) +
                  ")",
              ExitInternalError);
      return;
    }
    nlohmann::json S = nlohmann::json::parse(Status1, nullptr, false);
    if (S.is_discarded() || !S.value("ok", false)) {
      std::string Error =
          S.is_discarded() ? "unreadable worker output" : S.value("error", "");
      if (!S.is_discarded() && S.value("config_error", false))
        Fail(Error);
      else
        Fail(J.File + ": does not compile: " + Error);
      return;
    }
    std::string Error;
    if (!factsFromJson(FactsText, Results[R.Index].Facts, Error)) {
      Fail(J.File + ": internal error: " + Error, ExitInternalError);
      return;
    }
    Results[R.Index].Ok = true;
  };

  while (Next < Jobs.size() || !Active.empty()) {
    while (Next < Jobs.size() && Active.size() < Parallel) {
      const ExtractJob &J = Jobs[Next];
      llvm::SmallString<128> Out;
      if (llvm::sys::fs::createTemporaryFile("lockgraph-facts", "txt", Out)) {
        D.error("cannot create a temporary file", ExitInternalError);
        return Results;
      }
      std::vector<std::string> Args = {Self, "__extract",
                                       "--out=" + std::string(Out),
                                       "--dir=" + J.Directory};
      if (!J.ConfigFile.empty())
        Args.push_back("--config=" + J.ConfigFile);
      Args.push_back("--");
      Args.insert(Args.end(), J.CommandLine.begin(), J.CommandLine.end());
      std::vector<llvm::StringRef> Refs(Args.begin(), Args.end());
      std::optional<llvm::StringRef> Redirects[] = {std::nullopt,
                                                    llvm::StringRef(""),
                                                    llvm::StringRef("")};
      std::string Error;
      bool Failed = false;
      llvm::sys::ProcessInfo PI = llvm::sys::ExecuteNoWait(
          Self, Refs, std::nullopt, Redirects, 0, &Error, &Failed);
      if (Failed) {
        Results[Next].Error = J.File + ": cannot start worker: " + Error;
        Results[Next].ErrorCode = ExitInternalError;
        ++Next;
        continue;
      }
      Active.push_back({Next, PI, std::string(Out)});
      ++Next;
    }
    bool Progress = false;
    for (size_t I = 0; I < Active.size();) {
      llvm::sys::ProcessInfo Done =
          llvm::sys::Wait(Active[I].Process, 0, nullptr, nullptr, true);
      if (Done.Pid == 0) {
        ++I;
        continue;
      }
      Finish(Active[I], Done.ReturnCode);
      Active.erase(Active.begin() + I);
      Progress = true;
    }
    if (!Progress && !Active.empty())
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  for (const JobResult &R : Results)
    if (!R.Error.empty())
      D.error(R.Error, R.ErrorCode);
  return Results;
}

std::string relative(const std::string &Path, const std::string &Cwd) {
  if (Path.size() > Cwd.size() + 1 && Path.compare(0, Cwd.size(), Cwd) == 0 &&
      Path[Cwd.size()] == '/')
    return Path.substr(Cwd.size() + 1);
  return Path;
}

void relativize(SourcePos &P, const std::string &Cwd) {
  P.File = relative(P.File, Cwd);
}

LockGraphData graphData(const LockOrderGraph &G, const std::string &Cwd) {
  LockGraphData Data;
  for (const auto &[Name, Kind] : G.nodes())
    Data.Nodes.push_back({Name, lockKindName(Kind)});
  std::set<std::pair<std::string, std::string>> InCycle;
  for (const LockCycle &C : G.cycles())
    for (const OrderEdge *E : C.Edges)
      InCycle.insert({E->From, E->To});
  for (const auto &[Key, E] : G.edges()) {
    GraphEdge Out;
    Out.From = E.From;
    Out.To = E.To;
    for (const OrderWitness &W : E.Witnesses) {
      SourcePos P = W.Site;
      relativize(P, Cwd);
      if (std::find(Out.Sites.begin(), Out.Sites.end(), P) == Out.Sites.end())
        Out.Sites.push_back(P);
    }
    Out.InCycle = InCycle.count(Key) != 0;
    Data.Edges.push_back(std::move(Out));
  }
  return Data;
}

} // namespace

int runCheck(const CheckOptions &O, const std::string &Self) {
  Diagnostics D;
  std::vector<std::string> Enabled;
  std::string Error;
  if (!selectChecks(O.Checks, Enabled, Error)) {
    D.error(Error);
    return D.Worst;
  }
  if (O.BuildDir.empty() && O.Sources.empty()) {
    D.error("no input: give -p BUILD_DIR or source files (see "
            "'lockgraph check --help')");
    return D.Worst;
  }

  Report Baseline;
  if (!O.Baseline.empty() && !readJsonReport(O.Baseline, Baseline, Error)) {
    D.error(Error);
    return D.Worst;
  }
  if (!O.ConfigFile.empty()) {
    UserConfig Probe;
    if (!loadConfig(O.ConfigFile, Probe, Error)) {
      D.error(Error);
      return D.Worst;
    }
  }

  std::vector<ExtractJob> Jobs = planJobs(O, D);
  // Configuration: --config for all, else the nearest .lockgraph.json.
  std::map<std::string, bool> ConfigOk;
  for (ExtractJob &J : Jobs) {
    J.ConfigFile = !O.ConfigFile.empty() ? absolute(O.ConfigFile)
                                         : findConfigFor(J.File);
    if (J.ConfigFile.empty() || ConfigOk.count(J.ConfigFile))
      continue;
    UserConfig Probe;
    ConfigOk[J.ConfigFile] = loadConfig(J.ConfigFile, Probe, Error);
    if (!ConfigOk[J.ConfigFile])
      D.error(Error);
  }
  Jobs.erase(std::remove_if(Jobs.begin(), Jobs.end(),
                            [&](const ExtractJob &J) {
                              return !J.ConfigFile.empty() &&
                                     !ConfigOk[J.ConfigFile];
                            }),
             Jobs.end());

  unsigned Parallel = O.Jobs ? O.Jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<JobResult> Results = runJobs(Jobs, Self, Parallel, D);

  ProgramAnalysis Program;
  for (JobResult &R : Results)
    if (R.Ok)
      Program.add(std::move(R.Facts));
  std::vector<Finding> Findings;
  std::vector<std::unique_ptr<Check>> Checks = createChecks(Enabled, Findings);
  CheckMultiplexer Mux(Checks);
  Program.run(Mux);

  llvm::SmallString<256> CwdBuf;
  llvm::sys::fs::current_path(CwdBuf);
  std::string Cwd(CwdBuf);
  for (Finding &F : Findings) {
    relativize(F.Pos, Cwd);
    for (FindingNote &N : F.Notes)
      relativize(N.Pos, Cwd);
  }
  SourceCache Sources;
  Findings.erase(std::remove_if(Findings.begin(), Findings.end(),
                                [&](const Finding &F) {
                                  return isSuppressed(F, Sources);
                                }),
                 Findings.end());
  sortAndUnique(Findings);
  // One finding per operation and message: the same re-acquisition reached
  // through two call sites is one bug (the first path is kept as notes).
  Findings.erase(std::unique(Findings.begin(), Findings.end(),
                             [](const Finding &A, const Finding &B) {
                               return A.Check == B.Check && A.Pos == B.Pos &&
                                      A.Message == B.Message;
                             }),
                 Findings.end());
  computeFingerprints(Findings, Sources);
  if (!O.Baseline.empty())
    applyBaseline(Findings, Baseline);

  Report R;
  R.Findings = std::move(Findings);
  R.Graph = graphData(Program.graph(), Cwd);

  std::ofstream File;
  std::ostream *OS = &std::cout;
  if (!O.Output.empty()) {
    File.open(O.Output);
    if (!File) {
      D.error(O.Output + ": cannot write the report");
      return D.Worst;
    }
    OS = &File;
  }
  switch (O.Format) {
  case OutputFormat::Text:
    writeText(*OS, R, Sources, /*Summary=*/!O.Quiet);
    break;
  case OutputFormat::Json:
    writeJson(*OS, R);
    break;
  case OutputFormat::Sarif:
    writeSarif(*OS, R, allChecks());
    break;
  }
  OS->flush();
  if (!O.GraphFile.empty()) {
    std::ofstream G(O.GraphFile);
    if (!G)
      D.error(O.GraphFile + ": cannot write the graph");
    else
      writeDot(G, R.Graph);
  }

  bool Fail = false;
  if (!O.FailNever)
    for (const Finding &F : R.Findings)
      if (F.Level >= O.FailOn)
        Fail = true;
  if (Fail)
    D.Worst = std::max(D.Worst, int(ExitFindings));
  return D.Worst;
}

} // namespace lockgraph
