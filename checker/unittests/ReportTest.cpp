//===- ReportTest.cpp - Tests of the reporting layer (checker/report) -----===//

#include "report/Report.h"
#include "report/Emitters.h"
#include "report/Finding.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace lockgraph;

namespace {

/// A fresh directory under the system temp directory, removed afterwards.
class TempDir {
public:
  TempDir() {
    static std::atomic<unsigned> Counter{0};
    Path = fs::temp_directory_path() /
           ("lockgraph-report-test-" + std::to_string(::getpid()) + "-" +
            std::to_string(Counter++));
    fs::remove_all(Path);
    fs::create_directories(Path);
  }
  ~TempDir() {
    std::error_code EC;
    fs::remove_all(Path, EC);
  }

  /// Writes \p Text to \p Name inside the directory and returns its path.
  std::string write(const std::string &Name, const std::string &Text) const {
    fs::path File = Path / Name;
    std::ofstream Out(File, std::ios::binary);
    Out << Text;
    return File.string();
  }

  std::string path(const std::string &Name) const {
    return (Path / Name).string();
  }

private:
  fs::path Path;
};

/// \p Count lines "// line N", with \p Overrides replacing some of them.
std::string numberedSource(unsigned Count,
                           std::map<unsigned, std::string> Overrides = {}) {
  std::string Text;
  for (unsigned I = 1; I <= Count; ++I) {
    auto It = Overrides.find(I);
    Text += It != Overrides.end() ? It->second : "// line " + std::to_string(I);
    Text += '\n';
  }
  return Text;
}

Finding makeFinding(const std::string &Check, const std::string &File,
                    unsigned Line, unsigned Column, const std::string &Message,
                    Severity Level = Severity::Warning) {
  Finding F;
  F.Check = Check;
  F.Level = Level;
  F.Pos = {File, Line, Column};
  F.Message = Message;
  return F;
}

FindingNote makeNote(const std::string &File, unsigned Line, unsigned Column,
                     const std::string &Message) {
  return FindingNote{{File, Line, Column}, Message};
}

std::string textOf(const Report &R, bool Summary = true) {
  SourceCache Sources;
  std::ostringstream OS;
  writeText(OS, R, Sources, Summary);
  return OS.str();
}

std::string jsonOf(const Report &R) {
  std::ostringstream OS;
  writeJson(OS, R);
  return OS.str();
}

nlohmann::json sarifOf(const Report &R, const std::vector<RuleInfo> &Rules) {
  std::ostringstream OS;
  writeSarif(OS, R, Rules);
  return nlohmann::json::parse(OS.str());
}

std::string dotOf(const LockGraphData &G) {
  std::ostringstream OS;
  writeDot(OS, G);
  return OS.str();
}

/// A report using every field, for round trips.
Report sampleReport(const std::string &File) {
  Report R;
  Finding F = makeFinding("self-deadlock", File, 12, 5,
                          "acquiring mutex 'mu_' that is already held",
                          Severity::Error);
  F.Locks = {"Account::mu_"};
  F.Threads = {"main", "worker"};
  F.Notes.push_back(makeNote(File, 8, 3, "'mu_' first acquired here"));
  F.Notes.push_back(makeNote("b.cpp", 4, 1, "via call to 'trim'"));
  F.Fingerprint = "0123456789abcdef";
  R.Findings.push_back(F);
  R.Findings.push_back(makeFinding("lock-leak", File, 30, 1,
                                   "mutex 'mu_' is still held at return"));
  R.Graph.Nodes = {{"A::mu", "mutex"}, {"B::mu", "recursive_mutex"}};
  GraphEdge E;
  E.From = "A::mu";
  E.To = "B::mu";
  E.Sites = {{"src/a.cpp", 3, 7}, {"src/b.cpp", 9, 2}};
  E.InCycle = true;
  R.Graph.Edges.push_back(E);
  GraphEdge Back;
  Back.From = "B::mu";
  Back.To = "A::mu";
  R.Graph.Edges.push_back(Back);
  return R;
}

/// Field-by-field equality of what the JSON format carries (not Function).
void expectSameReport(const Report &A, const Report &B) {
  EXPECT_EQ(A.Tool, B.Tool);
  ASSERT_EQ(A.Findings.size(), B.Findings.size());
  for (size_t I = 0; I < A.Findings.size(); ++I) {
    const Finding &X = A.Findings[I], &Y = B.Findings[I];
    EXPECT_EQ(X.Check, Y.Check);
    EXPECT_EQ(X.Level, Y.Level);
    EXPECT_EQ(X.Pos, Y.Pos);
    EXPECT_EQ(X.Message, Y.Message);
    EXPECT_EQ(X.Locks, Y.Locks);
    EXPECT_EQ(X.Threads, Y.Threads);
    EXPECT_EQ(X.Fingerprint, Y.Fingerprint);
    ASSERT_EQ(X.Notes.size(), Y.Notes.size());
    for (size_t K = 0; K < X.Notes.size(); ++K) {
      EXPECT_EQ(X.Notes[K].Pos, Y.Notes[K].Pos);
      EXPECT_EQ(X.Notes[K].Message, Y.Notes[K].Message);
    }
  }
  ASSERT_EQ(A.Graph.Nodes.size(), B.Graph.Nodes.size());
  for (size_t I = 0; I < A.Graph.Nodes.size(); ++I) {
    EXPECT_EQ(A.Graph.Nodes[I].Name, B.Graph.Nodes[I].Name);
    EXPECT_EQ(A.Graph.Nodes[I].Kind, B.Graph.Nodes[I].Kind);
  }
  ASSERT_EQ(A.Graph.Edges.size(), B.Graph.Edges.size());
  for (size_t I = 0; I < A.Graph.Edges.size(); ++I) {
    EXPECT_EQ(A.Graph.Edges[I].From, B.Graph.Edges[I].From);
    EXPECT_EQ(A.Graph.Edges[I].To, B.Graph.Edges[I].To);
    EXPECT_EQ(A.Graph.Edges[I].Sites, B.Graph.Edges[I].Sites);
    EXPECT_EQ(A.Graph.Edges[I].InCycle, B.Graph.Edges[I].InCycle);
  }
}

//===----------------------------------------------------------------------===//
// Finding.h
//===----------------------------------------------------------------------===//

TEST(SeverityTest, NamesRoundTrip) {
  EXPECT_STREQ("note", severityName(Severity::Note));
  EXPECT_STREQ("warning", severityName(Severity::Warning));
  EXPECT_STREQ("error", severityName(Severity::Error));
  for (Severity S : {Severity::Note, Severity::Warning, Severity::Error}) {
    Severity Parsed = S == Severity::Note ? Severity::Error : Severity::Note;
    ASSERT_TRUE(parseSeverity(severityName(S), Parsed));
    EXPECT_EQ(S, Parsed);
  }
}

TEST(SeverityTest, ParseRejectsAnythingElse) {
  Severity Out = Severity::Note;
  for (const char *Text : {"", "Error", "WARNING", "fatal", "error ", "remark"})
    EXPECT_FALSE(parseSeverity(Text, Out)) << Text;
  EXPECT_EQ(Severity::Note, Out);
}

TEST(FindingOrderTest, FileLineColumnCheckMessageNotes) {
  std::vector<Finding> Ordered = {
      makeFinding("z-check", "a.cpp", 1, 9, "z"),
      makeFinding("z-check", "a.cpp", 2, 1, "z"),
      makeFinding("z-check", "a.cpp", 2, 3, "z"),
      makeFinding("a-check", "a.cpp", 2, 4, "z"),
      makeFinding("b-check", "a.cpp", 2, 4, "a"),
      makeFinding("b-check", "a.cpp", 2, 4, "b"),
      makeFinding("b-check", "a.cpp", 2, 4, "b"),
      makeFinding("a-check", "b.cpp", 1, 1, "a"),
  };
  Ordered[6].Notes.push_back(makeNote("a.cpp", 1, 1, "n"));
  for (size_t I = 0; I < Ordered.size(); ++I) {
    EXPECT_FALSE(findingLess(Ordered[I], Ordered[I])) << I;
    for (size_t K = I + 1; K < Ordered.size(); ++K) {
      EXPECT_TRUE(findingLess(Ordered[I], Ordered[K])) << I << " < " << K;
      EXPECT_FALSE(findingLess(Ordered[K], Ordered[I])) << K << " < " << I;
    }
  }
}

TEST(FindingOrderTest, SortAndUniqueRemovesExactDuplicatesOnly) {
  Finding A = makeFinding("self-deadlock", "a.cpp", 5, 3, "m");
  Finding WithNote = A;
  WithNote.Notes.push_back(makeNote("a.cpp", 2, 3, "first acquired here"));
  Finding Later = makeFinding("self-deadlock", "a.cpp", 9, 3, "m");
  std::vector<Finding> Findings = {Later, A, WithNote, A, WithNote, Later};
  sortAndUnique(Findings);
  ASSERT_EQ(3u, Findings.size());
  EXPECT_EQ(5u, Findings[0].Pos.Line);
  EXPECT_TRUE(Findings[0].Notes.empty());
  EXPECT_EQ(5u, Findings[1].Pos.Line);
  EXPECT_EQ(1u, Findings[1].Notes.size());
  EXPECT_EQ(9u, Findings[2].Pos.Line);
}

TEST(FindingOrderTest, KeptDuplicateDoesNotDependOnInputOrder) {
  Finding A = makeFinding("lock-leak", "a.cpp", 5, 3, "m");
  A.Locks = {"B::mu"};
  Finding B = A;
  B.Locks = {"A::mu"};
  std::vector<Finding> First = {A, B}, Second = {B, A};
  sortAndUnique(First);
  sortAndUnique(Second);
  ASSERT_EQ(1u, First.size());
  ASSERT_EQ(1u, Second.size());
  EXPECT_EQ(First[0].Locks, Second[0].Locks);
}

//===----------------------------------------------------------------------===//
// SourceCache and paths
//===----------------------------------------------------------------------===//

TEST(SourceCacheTest, ReadsLinesWithoutLineEnds) {
  TempDir Dir;
  std::string File = Dir.write("a.cpp", "first\r\n\n  third\tx\nlast");
  SourceCache Sources;
  EXPECT_EQ("first", Sources.line(File, 1));
  EXPECT_EQ("", Sources.line(File, 2));
  ASSERT_NE(nullptr, Sources.tryLine(File, 2));
  EXPECT_EQ("  third\tx", Sources.line(File, 3));
  EXPECT_EQ("last", Sources.line(File, 4));
  EXPECT_EQ(nullptr, Sources.tryLine(File, 5));
  EXPECT_EQ(nullptr, Sources.tryLine(File, 0));
  EXPECT_EQ("", Sources.line(File, 5));
}

TEST(SourceCacheTest, MissingFileHasNoLines) {
  TempDir Dir;
  SourceCache Sources;
  EXPECT_EQ(nullptr, Sources.tryLine(Dir.path("missing.cpp"), 1));
  EXPECT_EQ("", Sources.line(Dir.path("missing.cpp"), 1));
  EXPECT_EQ(nullptr, Sources.tryLine(Dir.path(""), 1)); // a directory
}

TEST(PathBelowTest, RelativeOnlyBelowTheBase) {
  EXPECT_EQ("src/a.cpp", pathBelow("/w/p/src/a.cpp", "/w/p"));
  EXPECT_EQ("src/a.cpp", pathBelow("/w/p/src/a.cpp", "/w/p/"));
  EXPECT_EQ("src/a.cpp", pathBelow("/w/p/x/../src/./a.cpp", "/w/p"));
  EXPECT_EQ("src/a.cpp", pathBelow("src/a.cpp", "/w/p"));
  EXPECT_EQ("src/a.cpp", pathBelow("./src/a.cpp", "/w/p"));
  EXPECT_EQ("", pathBelow("/w/px/a.cpp", "/w/p"));
  EXPECT_EQ("", pathBelow("/usr/include/a.h", "/w/p"));
  EXPECT_EQ("", pathBelow("../a.cpp", "/w/p"));
  EXPECT_EQ("", pathBelow("/w/p", "/w/p"));
  EXPECT_EQ("", pathBelow("", "/w/p"));
}

//===----------------------------------------------------------------------===//
// Text
//===----------------------------------------------------------------------===//

TEST(TextEmitterTest, ClangLayoutWithNote) {
  TempDir Dir;
  std::string File = Dir.write(
      "a.cpp", numberedSource(14, {{8, "  std::lock_guard<std::mutex> g(mu_);"},
                                   {12, "    mu_.lock();"}}));
  Report R;
  Finding F = makeFinding("self-deadlock", File, 12, 5,
                          "acquiring mutex 'mu_' that is already held",
                          Severity::Error);
  F.Notes.push_back(makeNote(File, 8, 3, "'mu_' first acquired here"));
  R.Findings.push_back(F);
  EXPECT_EQ(File +
                ":12:5: error: acquiring mutex 'mu_' that is already held "
                "[self-deadlock]\n"
                "   12 |     mu_.lock();\n"
                "      |     ^\n" +
                File +
                ":8:3: note: 'mu_' first acquired here\n"
                "    8 |   std::lock_guard<std::mutex> g(mu_);\n"
                "      |   ^\n"
                "1 error generated.\n",
            textOf(R));
}

TEST(TextEmitterTest, TabsExpandToEightColumnsAndMoveTheCaret) {
  TempDir Dir;
  std::string File = Dir.write("t.cpp", "\tmu_.lock();\nab\tc\td;  \n");
  Report R;
  R.Findings.push_back(makeFinding("lock-leak", File, 1, 2, "m"));
  R.Findings.push_back(makeFinding("lock-leak", File, 2, 6, "m"));
  EXPECT_EQ(File +
                ":1:2: warning: m [lock-leak]\n"
                "    1 |         mu_.lock();\n"
                "      |         ^\n" +
                File +
                ":2:6: warning: m [lock-leak]\n"
                "    2 | ab      c       d;  \n"
                "      |                 ^\n",
            textOf(R, /*Summary=*/false));
}

TEST(TextEmitterTest, NonAsciiAndUnprintableLikeClang) {
  // Expected lines copied from clang 19's output for the same bytes.
  TempDir Dir;
  std::string File =
      Dir.write("u.cpp", "int z = \xff;\nint w = \x01 zz;\n"
                         "int \xe4\xb8\xad\xe6\x96\x87 = 1; int w2 = q;\n");
  Report R;
  R.Findings.push_back(makeFinding("c", File, 1, 10, "m"));
  R.Findings.push_back(makeFinding("c", File, 2, 9, "m"));
  R.Findings.push_back(makeFinding("c", File, 3, 26, "m"));
  EXPECT_EQ(File +
                ":1:10: warning: m [c]\n"
                "    1 | int z = <FF>;\n"
                "      |             ^\n" +
                File +
                ":2:9: warning: m [c]\n"
                "    2 | int w = <U+0001> zz;\n"
                "      |         ^\n" +
                File +
                ":3:26: warning: m [c]\n"
                "    3 | int \xe4\xb8\xad\xe6\x96\x87 = 1; int w2 = q;\n"
                "      |                        ^\n",
            textOf(R, /*Summary=*/false));
}

TEST(TextEmitterTest, GutterWidensLikeClang) {
  // clang sizes the gutter for line + 16 (its snippet line limit).
  TempDir Dir;
  std::string File = Dir.write("big.cpp", numberedSource(10000));
  Report R;
  R.Findings.push_back(makeFinding("c", File, 9983, 1, "m"));
  R.Findings.push_back(makeFinding("c", File, 9984, 1, "m"));
  EXPECT_EQ(File +
                ":9983:1: warning: m [c]\n"
                " 9983 | // line 9983\n"
                "      | ^\n" +
                File +
                ":9984:1: warning: m [c]\n"
                "  9984 | // line 9984\n"
                "       | ^\n",
            textOf(R, /*Summary=*/false));
}

TEST(TextEmitterTest, UnavailableSourceOmitsSnippet) {
  TempDir Dir;
  std::string Short = Dir.write("short.cpp", "int x;\n");
  Report R;
  R.Findings.push_back(
      makeFinding("c", Dir.path("missing.cpp"), 3, 1, "m", Severity::Error));
  R.Findings.push_back(makeFinding("c", Short, 7, 1, "m"));
  EXPECT_EQ(Dir.path("missing.cpp") + ":3:1: error: m [c]\n" + Short +
                ":7:1: warning: m [c]\n",
            textOf(R, /*Summary=*/false));
}

TEST(TextEmitterTest, SnippetNotRepeatedAtTheSameLocation) {
  // As clang: a second diagnostic at the location just shown has no snippet,
  // unless the one before it was a note and it is not.
  TempDir Dir;
  std::string File = Dir.write("r.cpp", "x;\n");
  Report R;
  Finding First = makeFinding("a", File, 1, 1, "first");
  First.Notes.push_back(makeNote(File, 1, 1, "same place"));
  R.Findings.push_back(First);
  R.Findings.push_back(makeFinding("b", File, 1, 1, "second"));
  R.Findings.push_back(makeFinding("c", File, 1, 1, "third"));
  std::string Snippet = "    1 | x;\n      | ^\n";
  EXPECT_EQ(File + ":1:1: warning: first [a]\n" + Snippet + File +
                ":1:1: note: same place\n" + File +
                ":1:1: warning: second [b]\n" + Snippet + File +
                ":1:1: warning: third [c]\n",
            textOf(R, /*Summary=*/false));
}

TEST(TextEmitterTest, NoColumnAndNoLocation) {
  TempDir Dir;
  std::string File = Dir.write("c.cpp", "int x;\n");
  Report R;
  R.Findings.push_back(
      makeFinding("deadlock", "", 0, 0, "threads blocked", Severity::Error));
  R.Findings.push_back(makeFinding("lock-leak", File, 1, 0, "m"));
  EXPECT_EQ("error: threads blocked [deadlock]\n" + File +
                ":1: warning: m [lock-leak]\n"
                "    1 | int x;\n",
            textOf(R, /*Summary=*/false));
}

TEST(TextEmitterTest, SummaryLines) {
  auto Summary = [](unsigned Errors, unsigned Warnings, unsigned Notes) {
    Report R;
    for (unsigned I = 0; I < Errors; ++I)
      R.Findings.push_back(makeFinding("c", "", 0, 0, "e", Severity::Error));
    for (unsigned I = 0; I < Warnings; ++I)
      R.Findings.push_back(makeFinding("c", "", 0, 0, "w", Severity::Warning));
    for (unsigned I = 0; I < Notes; ++I)
      R.Findings.push_back(makeFinding("c", "", 0, 0, "n", Severity::Note));
    std::string Text = textOf(R);
    size_t LastLine = Text.rfind('\n', Text.size() - 2);
    return Text.substr(LastLine == std::string::npos ? 0 : LastLine + 1);
  };
  EXPECT_EQ("2 warnings and 1 error generated.\n", Summary(1, 2, 0));
  EXPECT_EQ("1 warning and 2 errors generated.\n", Summary(2, 1, 1));
  EXPECT_EQ("1 warning generated.\n", Summary(0, 1, 0));
  EXPECT_EQ("2 errors generated.\n", Summary(2, 0, 0));
  EXPECT_EQ("note: n [c]\n", Summary(0, 0, 1));
  EXPECT_EQ("", textOf(Report()));
}

TEST(TextEmitterTest, SummaryCanBeTurnedOff) {
  Report R;
  R.Findings.push_back(makeFinding("c", "", 0, 0, "e", Severity::Error));
  EXPECT_EQ("error: e [c]\n", textOf(R, /*Summary=*/false));
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

TEST(JsonTest, RoundTrip) {
  TempDir Dir;
  Report Written = sampleReport("src/a.cpp");
  Written.Tool = "lockgraph run";
  std::string Text = jsonOf(Written);
  std::string Path = Dir.write("r.json", Text);
  Report Read;
  std::string Error;
  ASSERT_TRUE(readJsonReport(Path, Read, Error)) << Error;
  EXPECT_EQ("", Error);
  expectSameReport(Written, Read);
  EXPECT_EQ(Text, jsonOf(Read));
}

TEST(JsonTest, FixedKeyOrderAndLayout) {
  Report R;
  Finding F = makeFinding("lock-leak", "a.cpp", 3, 2, "m", Severity::Error);
  F.Locks = {"mu"};
  F.Notes.push_back(makeNote("a.cpp", 1, 1, "n"));
  F.Fingerprint = "00000000000000ff";
  R.Findings.push_back(F);
  R.Graph.Nodes = {{"mu", "mutex"}};
  EXPECT_EQ(R"({
  "version": 1,
  "tool": "lockgraph check",
  "findings": [
    {
      "check": "lock-leak",
      "severity": "error",
      "file": "a.cpp",
      "line": 3,
      "column": 2,
      "message": "m",
      "locks": [
        "mu"
      ],
      "threads": [],
      "notes": [
        {
          "file": "a.cpp",
          "line": 1,
          "column": 1,
          "message": "n"
        }
      ],
      "fingerprint": "00000000000000ff"
    }
  ],
  "lock_graph": {
    "nodes": [
      {
        "name": "mu",
        "kind": "mutex"
      }
    ],
    "edges": []
  }
}
)",
            jsonOf(R));
}

TEST(JsonTest, InvalidUtf8IsReplacedNotThrown) {
  Report R;
  R.Findings.push_back(makeFinding("c", "a.cpp", 1, 1, "bad \xff byte"));
  std::string Text;
  ASSERT_NO_THROW(Text = jsonOf(R));
  EXPECT_TRUE(nlohmann::json::accept(Text));
  EXPECT_NE(std::string::npos, Text.find("bad \xef\xbf\xbd byte"));
}

/// Reads \p Text as a report file and returns the error (empty on success).
std::string readError(const TempDir &Dir, const std::string &Text,
                      std::string *PathOut = nullptr) {
  std::string Path = Dir.write("in.json", Text);
  if (PathOut)
    *PathOut = Path;
  Report Out;
  std::string Error;
  bool Ok = readJsonReport(Path, Out, Error);
  EXPECT_EQ(Ok, Error.empty()) << Error;
  return Error;
}

/// The JSON of sampleReport() with \p Edit applied.
std::string editedSample(const std::function<void(nlohmann::json &)> &Edit) {
  nlohmann::json J = nlohmann::json::parse(jsonOf(sampleReport("a.cpp")));
  Edit(J);
  return J.dump();
}

TEST(JsonReadTest, MissingFile) {
  TempDir Dir;
  Report Out;
  std::string Error;
  std::string Path = Dir.path("nope.json");
  EXPECT_FALSE(readJsonReport(Path, Out, Error));
  EXPECT_EQ(Path + ": no such file", Error);
  EXPECT_FALSE(readJsonReport(Dir.path(""), Out, Error));
  EXPECT_EQ(0u, Error.find(Dir.path("") + ": ")) << Error;
}

TEST(JsonReadTest, InvalidJsonNamesTheBytePosition) {
  TempDir Dir;
  std::string Path;
  std::string Error = readError(Dir, "{\"version\": 1,\n  x}", &Path);
  EXPECT_EQ(0u, Error.find(Path + ": invalid JSON (byte 18): ")) << Error;
  EXPECT_NE(std::string::npos, Error.find("line 2, column 3")) << Error;
  EXPECT_EQ(std::string::npos, Error.find("[json.exception")) << Error;
  EXPECT_NE("", readError(Dir, ""));
  EXPECT_NE("", readError(Dir, "{\"version\": 1} trailing"));
}

TEST(JsonReadTest, WrongFieldTypeNamesTheJsonPath) {
  TempDir Dir;
  std::string Path;
  std::string Error = readError(Dir, editedSample([](nlohmann::json &J) {
                                  J["findings"][1]["line"] = "30";
                                }),
                                &Path);
  EXPECT_EQ(Path + ": findings[1].line: expected an integer", Error);

  struct Case {
    std::function<void(nlohmann::json &)> Edit;
    std::string Expected;
  };
  std::vector<Case> Cases = {
      {[](nlohmann::json &J) { J["findings"][0]["column"] = 1.5; },
       "findings[0].column: expected an integer"},
      {[](nlohmann::json &J) { J["findings"][0]["line"] = -1; },
       "findings[0].line: expected a non-negative integer"},
      {[](nlohmann::json &J) { J["findings"][0]["line"] = 1ULL << 40; },
       "findings[0].line: integer is too large"},
      {[](nlohmann::json &J) { J["findings"][0].erase("message"); },
       "findings[0].message: required field is missing"},
      {[](nlohmann::json &J) { J["findings"][0]["severity"] = "fatal"; },
       "findings[0].severity: expected \"error\", \"warning\" or \"note\""},
      {[](nlohmann::json &J) { J["findings"][0]["locks"] = "mu"; },
       "findings[0].locks: expected an array"},
      {[](nlohmann::json &J) { J["findings"][0]["threads"][1] = 7; },
       "findings[0].threads[1]: expected a string"},
      {[](nlohmann::json &J) {
         J["findings"][0]["notes"][1]["file"] = nullptr;
       },
       "findings[0].notes[1].file: expected a string"},
      {[](nlohmann::json &J) { J["findings"][1] = 3; },
       "findings[1]: expected an object"},
      {[](nlohmann::json &J) { J["findings"] = nlohmann::json::object(); },
       "findings: expected an array"},
      {[](nlohmann::json &J) { J["version"] = 2; },
       "version: unsupported report version 2 (expected 1)"},
      {[](nlohmann::json &J) { J["version"] = "1"; },
       "version: expected an integer"},
      {[](nlohmann::json &J) { J.erase("tool"); },
       "tool: required field is missing"},
      {[](nlohmann::json &J) { J.erase("lock_graph"); },
       "lock_graph: required field is missing"},
      {[](nlohmann::json &J) { J["lock_graph"]["edges"][0]["in_cycle"] = 1; },
       "lock_graph.edges[0].in_cycle: expected true or false"},
      {[](nlohmann::json &J) {
         J["lock_graph"]["edges"][0]["sites"][1].erase("column");
       },
       "lock_graph.edges[0].sites[1].column: required field is missing"},
      {[](nlohmann::json &J) { J["lock_graph"]["nodes"][1]["kind"] = false; },
       "lock_graph.nodes[1].kind: expected a string"},
      {[](nlohmann::json &J) { J = nlohmann::json::array(); },
       "expected a JSON object at the top level"},
  };
  for (const Case &C : Cases) {
    std::string CasePath;
    std::string CaseError = readError(Dir, editedSample(C.Edit), &CasePath);
    EXPECT_EQ(CasePath + ": " + C.Expected, CaseError);
  }
}

TEST(JsonReadTest, RuntimeReportWithExtraFieldsIsAccepted) {
  TempDir Dir;
  std::string Text = editedSample([](nlohmann::json &J) {
    J["tool"] = "lockgraph run";
    J["findings"][0]["check"] = "data-race";
    J["findings"][0]["concurrent"] = true;
    J["run"] = {{"pid", 42}};
  });
  EXPECT_EQ("", readError(Dir, Text));
}

TEST(JsonReadTest, FailureLeavesTheOutputUntouched) {
  TempDir Dir;
  std::string Path = Dir.write("in.json", editedSample([](nlohmann::json &J) {
                                 J["lock_graph"]["nodes"] = 1;
                               }));
  Report Out;
  Out.Tool = "untouched";
  std::string Error;
  EXPECT_FALSE(readJsonReport(Path, Out, Error));
  EXPECT_EQ("untouched", Out.Tool);
  EXPECT_TRUE(Out.Findings.empty());
}

//===----------------------------------------------------------------------===//
// SARIF
//===----------------------------------------------------------------------===//

std::vector<RuleInfo> sampleRules() {
  return {{"self-deadlock", "a non-recursive lock acquired twice",
           "Acquiring a non-recursive mutex the thread holds blocks forever.",
           Severity::Error},
          {"lock-leak", "a lock held at return", "", Severity::Warning}};
}

TEST(SarifTest, RequiredProperties) {
  Report R = sampleReport("src/a.cpp");
  nlohmann::json S = sarifOf(R, sampleRules());
  EXPECT_EQ("https://json.schemastore.org/sarif-2.1.0.json", S["$schema"]);
  EXPECT_EQ("2.1.0", S["version"]);
  ASSERT_EQ(1u, S["runs"].size());
  nlohmann::json Run = S["runs"][0];

  nlohmann::json Driver = Run["tool"]["driver"];
  EXPECT_EQ("lockgraph", Driver["name"]);
  EXPECT_EQ("0.1.0", Driver["version"]);
  EXPECT_TRUE(Driver["informationUri"].is_string());
  ASSERT_EQ(2u, Driver["rules"].size());
  nlohmann::json Rule = Driver["rules"][0];
  EXPECT_EQ("self-deadlock", Rule["id"]);
  EXPECT_EQ("SelfDeadlock", Rule["name"]);
  EXPECT_EQ("a non-recursive lock acquired twice",
            Rule["shortDescription"]["text"]);
  EXPECT_EQ(sampleRules()[0].Help, Rule["fullDescription"]["text"]);
  EXPECT_EQ(sampleRules()[0].Help, Rule["help"]["text"]);
  EXPECT_EQ("https://github.com/lockgraph/lockgraph/blob/main/docs/checks/"
            "self-deadlock.md",
            Rule["helpUri"]);
  EXPECT_EQ("error", Rule["defaultConfiguration"]["level"]);
  EXPECT_EQ("LockLeak", Driver["rules"][1]["name"]);
  EXPECT_EQ("warning", Driver["rules"][1]["defaultConfiguration"]["level"]);
  EXPECT_FALSE(Driver["rules"][1]["help"]["text"].get<std::string>().empty());

  std::string Root = Run["originalUriBaseIds"]["%SRCROOT%"]["uri"];
  EXPECT_EQ(0u, Root.find("file:///"));
  EXPECT_EQ('/', Root.back());

  ASSERT_EQ(2u, Run["results"].size());
  nlohmann::json Result = Run["results"][0];
  EXPECT_EQ("self-deadlock", Result["ruleId"]);
  EXPECT_EQ(0, Result["ruleIndex"]);
  EXPECT_EQ("error", Result["level"]);
  EXPECT_EQ("acquiring mutex 'mu_' that is already held",
            Result["message"]["text"]);
  nlohmann::json Physical = Result["locations"][0]["physicalLocation"];
  EXPECT_EQ("src/a.cpp", Physical["artifactLocation"]["uri"]);
  EXPECT_EQ("%SRCROOT%", Physical["artifactLocation"]["uriBaseId"]);
  EXPECT_EQ(12, Physical["region"]["startLine"]);
  EXPECT_EQ(5, Physical["region"]["startColumn"]);
  ASSERT_EQ(2u, Result["relatedLocations"].size());
  nlohmann::json Related = Result["relatedLocations"][0];
  EXPECT_TRUE(Related["id"].is_number_integer());
  EXPECT_NE(Related["id"], Result["relatedLocations"][1]["id"]);
  EXPECT_EQ("'mu_' first acquired here", Related["message"]["text"]);
  EXPECT_EQ(8, Related["physicalLocation"]["region"]["startLine"]);
  EXPECT_EQ("0123456789abcdef", Result["partialFingerprints"]["lockgraph/v1"]);

  nlohmann::json Second = Run["results"][1];
  EXPECT_EQ("lock-leak", Second["ruleId"]);
  EXPECT_EQ(1, Second["ruleIndex"]);
  EXPECT_EQ("warning", Second["level"]);
  EXPECT_FALSE(Second.contains("partialFingerprints"));
}

TEST(SarifTest, UrisRelativeBelowCwdAbsoluteElsewhere) {
  std::string Cwd = currentDir();
  ASSERT_FALSE(Cwd.empty());
  Report R;
  R.Findings.push_back(
      makeFinding("c", Cwd + "/dir with space/a#[1].cpp", 1, 1, "m"));
  R.Findings.push_back(makeFinding("c", "/lockgraph-outside/x y.cpp", 2, 0, "m",
                                   Severity::Note));
  nlohmann::json Run = sarifOf(R, {})["runs"][0];

  nlohmann::json Inside = Run["results"][0]["locations"][0]["physicalLocation"];
  EXPECT_EQ("dir%20with%20space/a%23%5B1%5D.cpp",
            Inside["artifactLocation"]["uri"]);
  EXPECT_EQ("%SRCROOT%", Inside["artifactLocation"]["uriBaseId"]);

  nlohmann::json Outside =
      Run["results"][1]["locations"][0]["physicalLocation"];
  if (Cwd != "/") {
    EXPECT_EQ("file:///lockgraph-outside/x%20y.cpp",
              Outside["artifactLocation"]["uri"]);
    EXPECT_FALSE(Outside["artifactLocation"].contains("uriBaseId"));
  }
  EXPECT_EQ(2, Outside["region"]["startLine"]);
  EXPECT_FALSE(Outside["region"].contains("startColumn"));
  EXPECT_EQ("note", Run["results"][1]["level"]);
}

TEST(SarifTest, ChecksWithoutRuleInfoStillGetARule) {
  Report R;
  R.Findings.push_back(makeFinding("data-race", "a.cpp", 1, 1, "m"));
  R.Findings.push_back(makeFinding("deadlock", "a.cpp", 2, 1, "m"));
  R.Findings.push_back(makeFinding("self-deadlock", "a.cpp", 3, 1, "m"));
  nlohmann::json Run = sarifOf(R, sampleRules())["runs"][0];
  nlohmann::json Rules = Run["tool"]["driver"]["rules"];
  ASSERT_EQ(4u, Rules.size());
  for (nlohmann::json Result : Run["results"]) {
    size_t Index = Result["ruleIndex"];
    ASSERT_LT(Index, Rules.size());
    EXPECT_EQ(Rules[Index]["id"], Result["ruleId"]);
  }
  EXPECT_EQ("DataRace", Rules[2]["name"]);
  EXPECT_EQ("deadlock", Rules[3]["id"]);
}

//===----------------------------------------------------------------------===//
// DOT
//===----------------------------------------------------------------------===//

TEST(DotTest, NodesEdgesLabelsAndCycles) {
  LockGraphData G;
  G.Nodes = {{"A::mu", "mutex"}, {"B::mu", "mutex"}, {"C::mu", ""}};
  G.Edges.push_back({"A::mu", "B::mu", {{"/src/x/a.cpp", 12, 3}}, true});
  G.Edges.push_back(
      {"B::mu", "A::mu", {{"b.cpp", 4, 1}, {"c.cpp", 1, 1}}, true});
  G.Edges.push_back({"A::mu", "C::mu", {}, false});
  EXPECT_EQ("digraph lockgraph {\n"
            "  node [shape=box];\n"
            "  \"A::mu\" [tooltip=\"mutex\", color=red];\n"
            "  \"B::mu\" [tooltip=\"mutex\", color=red];\n"
            "  \"C::mu\";\n"
            "  \"A::mu\" -> \"B::mu\" [label=\"a.cpp:12\", color=red];\n"
            "  \"A::mu\" -> \"C::mu\";\n"
            "  \"B::mu\" -> \"A::mu\" [label=\"b.cpp:4\", color=red];\n"
            "}\n",
            dotOf(G));
}

TEST(DotTest, DeterministicAndEscaped) {
  LockGraphData G;
  G.Edges.push_back({"q\"uote", "back\\slash", {{"a.cpp", 1, 1}}, false});
  G.Edges.push_back({"m", "n", {{"a.cpp", 2, 1}}, false});
  LockGraphData Reversed = G;
  std::reverse(Reversed.Edges.begin(), Reversed.Edges.end());
  std::string Dot = dotOf(G);
  EXPECT_EQ(Dot, dotOf(Reversed));
  EXPECT_NE(
      std::string::npos,
      Dot.find("  \"q\\\"uote\" -> \"back\\\\slash\" [label=\"a.cpp:1\"];"))
      << Dot;
  EXPECT_EQ(std::string::npos, Dot.find("red"));
}

//===----------------------------------------------------------------------===//
// Fingerprints and baselines
//===----------------------------------------------------------------------===//

std::string fingerprintAt(const std::string &File, unsigned Line,
                          const std::string &Message = "m") {
  std::vector<Finding> Findings = {
      makeFinding("self-deadlock", File, Line, 5, Message)};
  Findings[0].Function = "Account::deposit";
  Findings[0].Locks = {"Account::mu_"};
  SourceCache Sources;
  computeFingerprints(Findings, Sources);
  return Findings[0].Fingerprint;
}

TEST(FingerprintTest, SixteenLowercaseHexDigits) {
  std::string Fingerprint = fingerprintAt("nowhere.cpp", 3);
  EXPECT_TRUE(std::regex_match(Fingerprint, std::regex("[0-9a-f]{16}")))
      << Fingerprint;
}

TEST(FingerprintTest, StableWhenTheLineMoves) {
  TempDir Dir;
  std::string File =
      Dir.write("a.cpp", numberedSource(5, {{3, "    mu_.lock();"}}));
  std::string Before = fingerprintAt(File, 3);
  Dir.write("a.cpp", numberedSource(9, {{7, "\tmu_.lock();  "}}));
  EXPECT_EQ(Before, fingerprintAt(File, 7));
}

TEST(FingerprintTest, ChangesWithTheLineTextAndTheFinding) {
  TempDir Dir;
  std::string File =
      Dir.write("a.cpp", numberedSource(5, {{3, "    mu_.lock();"}}));
  std::string Before = fingerprintAt(File, 3);
  EXPECT_NE(Before, fingerprintAt(File, 3, "other message"));
  EXPECT_NE(
      Before,
      fingerprintAt(
          Dir.write("b.cpp", numberedSource(5, {{3, "    mu_.lock();"}})), 3));
  Dir.write("a.cpp", numberedSource(5, {{3, "    other_.lock();"}}));
  EXPECT_NE(Before, fingerprintAt(File, 3));

  std::vector<Finding> Findings(2, makeFinding("c", File, 3, 1, "m"));
  Findings[1].Locks = {"mu"};
  SourceCache Sources;
  computeFingerprints(Findings, Sources);
  EXPECT_NE(Findings[0].Fingerprint, Findings[1].Fingerprint);
}

TEST(FingerprintTest, EqualKeysAreNumberedInOrder) {
  TempDir Dir;
  std::string File = Dir.write("a.cpp", "mu.lock();\nx;\nmu.lock();\n");
  std::vector<Finding> Findings = {makeFinding("c", File, 1, 1, "m"),
                                   makeFinding("c", File, 3, 1, "m")};
  SourceCache Sources;
  computeFingerprints(Findings, Sources);
  EXPECT_NE(Findings[0].Fingerprint, Findings[1].Fingerprint);
  // The first occurrence keeps its identity when a second one appears.
  std::vector<Finding> Alone = {Findings[0]};
  computeFingerprints(Alone, Sources);
  EXPECT_EQ(Findings[0].Fingerprint, Alone[0].Fingerprint);
}

TEST(FingerprintTest, PathsBelowTheCurrentDirectoryAreRelative) {
  std::string Cwd = currentDir();
  ASSERT_FALSE(Cwd.empty());
  EXPECT_EQ(fingerprintAt("no-such-dir/a.cpp", 1),
            fingerprintAt(Cwd + "/no-such-dir/a.cpp", 1));
  EXPECT_NE(fingerprintAt("no-such-dir/a.cpp", 1),
            fingerprintAt("no-such-dir/b.cpp", 1));
}

TEST(BaselineTest, RemovesFindingsWhoseFingerprintIsKnown) {
  Report Baseline;
  Baseline.Findings.push_back(makeFinding("c", "a.cpp", 1, 1, "old"));
  Baseline.Findings[0].Fingerprint = "1111111111111111";
  std::vector<Finding> Findings = {makeFinding("c", "a.cpp", 5, 1, "old"),
                                   makeFinding("c", "a.cpp", 6, 1, "new"),
                                   makeFinding("c", "a.cpp", 7, 1, "none")};
  Findings[0].Fingerprint = "1111111111111111";
  Findings[1].Fingerprint = "2222222222222222";
  applyBaseline(Findings, Baseline);
  ASSERT_EQ(2u, Findings.size());
  EXPECT_EQ("new", Findings[0].Message);
  EXPECT_EQ("none", Findings[1].Message);
}

TEST(BaselineTest, ThroughAJsonFileAfterLinesMoved) {
  TempDir Dir;
  std::string File = Dir.write("a.cpp", "a.lock();\nb.lock();\n");
  Report Old;
  Old.Findings = {makeFinding("c", File, 1, 1, "on a"),
                  makeFinding("c", File, 2, 1, "on b")};
  SourceCache Sources;
  computeFingerprints(Old.Findings, Sources);
  std::string Path = Dir.write("baseline.json", jsonOf(Old));

  // Two lines inserted above: "on a" moves to line 3 and is still known;
  // "on b" moves too, and a new finding appears.
  Dir.write("a.cpp", "// new\n// new\na.lock();\nb.lock();\nc.lock();\n");
  std::vector<Finding> Now = {makeFinding("c", File, 3, 1, "on a"),
                              makeFinding("c", File, 4, 1, "on b"),
                              makeFinding("c", File, 5, 1, "on c")};
  SourceCache NewSources;
  computeFingerprints(Now, NewSources);
  Report Baseline;
  std::string Error;
  ASSERT_TRUE(readJsonReport(Path, Baseline, Error)) << Error;
  applyBaseline(Now, Baseline);
  ASSERT_EQ(1u, Now.size());
  EXPECT_EQ("on c", Now[0].Message);
}

//===----------------------------------------------------------------------===//
// Suppressions
//===----------------------------------------------------------------------===//

/// Whether a \p Check finding on line 2 is suppressed, given lines 1 and 2.
bool suppressed(const std::string &Before, const std::string &Line,
                const std::string &Check = "self-deadlock") {
  TempDir Dir;
  std::string File = Dir.write("s.cpp", Before + "\n" + Line + "\n");
  SourceCache Sources;
  return isSuppressed(makeFinding(Check, File, 2, 3, "m"), Sources);
}

TEST(SuppressionTest, IgnoreListOnTheLine) {
  std::string Line =
      "  mu.lock(); // lockgraph: ignore[self-deadlock,lock-leak]";
  EXPECT_TRUE(suppressed("", Line, "self-deadlock"));
  EXPECT_TRUE(suppressed("", Line, "lock-leak"));
  EXPECT_FALSE(suppressed("", Line, "lock-order-inversion"));
  EXPECT_FALSE(suppressed("", Line, "self"));
  EXPECT_TRUE(suppressed("", "mu.lock(); /* lockgraph:ignore[ lock-leak , "
                             "self-deadlock ] */"));
}

TEST(SuppressionTest, IgnoreListOnTheLineBefore) {
  EXPECT_TRUE(
      suppressed("  // lockgraph: ignore[self-deadlock]", "mu.lock();"));
  EXPECT_FALSE(suppressed("  // lockgraph: ignore[lock-leak]", "mu.lock();"));
}

TEST(SuppressionTest, BareIgnoreCoversEveryCheck) {
  EXPECT_TRUE(suppressed("", "mu.lock(); // lockgraph: ignore"));
  EXPECT_TRUE(suppressed("// lockgraph: ignore", "mu.lock();", "lock-leak"));
  EXPECT_TRUE(suppressed("", "mu.lock(); // lockgraph: ignore - known"));
  EXPECT_FALSE(suppressed("", "mu.lock(); // lockgraph: ignored"));
  EXPECT_FALSE(suppressed("", "mu.lock(); // lockgraph: ignore-this"));
}

TEST(SuppressionTest, IgnoreNeedsACommentAndAWellFormedList) {
  EXPECT_FALSE(suppressed("", "puts(\"lockgraph: ignore\");"));
  EXPECT_FALSE(suppressed("", "mu.lock(); // lockgraph: ignore[self-deadlock"));
  EXPECT_FALSE(suppressed("", "mu.lock(); // lockgraph: ignore[]"));
  EXPECT_FALSE(suppressed("", "mu.lock(); // see lockgraph docs"));
}

TEST(SuppressionTest, IgnoreTwoLinesAboveDoesNotApply) {
  TempDir Dir;
  std::string File = Dir.write("s.cpp", "// lockgraph: ignore\n\nmu.lock();\n");
  SourceCache Sources;
  EXPECT_FALSE(isSuppressed(makeFinding("c", File, 3, 1, "m"), Sources));
  EXPECT_TRUE(isSuppressed(makeFinding("c", File, 2, 1, "m"), Sources));
}

TEST(SuppressionTest, BareNolintCoversEveryCheck) {
  EXPECT_TRUE(suppressed("", "mu.lock(); // NOLINT"));
  EXPECT_TRUE(suppressed("", "mu.lock(); // NOLINT", "lock-leak"));
  EXPECT_TRUE(suppressed("", "mu.lock(); // NOLINT(lockgraph-self-deadlock"));
  EXPECT_FALSE(suppressed("", "mu.lock(); // NOLINTFOO"));
  EXPECT_FALSE(suppressed("", "mu.lock(); // nolint"));
}

TEST(SuppressionTest, NolintWithCheckNames) {
  EXPECT_TRUE(suppressed("", "mu.lock(); // NOLINT(lockgraph-self-deadlock)"));
  EXPECT_TRUE(suppressed(
      "", "mu.lock(); // NOLINT(bugprone-foo, lockgraph-self-deadlock)"));
  EXPECT_FALSE(suppressed("", "mu.lock(); // NOLINT(lockgraph-lock-leak)"));
  EXPECT_FALSE(suppressed("", "mu.lock(); // NOLINT(self-deadlock)"));
  EXPECT_FALSE(suppressed("", "mu.lock(); // NOLINT()"));
  EXPECT_FALSE(suppressed("", "mu.lock(); // NOLINT(-lockgraph-*)"));
}

TEST(SuppressionTest, NolintGlobs) {
  EXPECT_TRUE(suppressed("", "mu.lock(); // NOLINT(lockgraph-*)"));
  EXPECT_TRUE(suppressed("", "mu.lock(); // NOLINT(lockgraph-*)", "lock-leak"));
  EXPECT_TRUE(suppressed("", "mu.lock(); // NOLINT(*)"));
  EXPECT_TRUE(suppressed("", "mu.lock(); // NOLINT(*-deadlock)"));
  EXPECT_FALSE(suppressed("", "mu.lock(); // NOLINT(bugprone-*)"));
  EXPECT_FALSE(suppressed("", "mu.lock(); // NOLINT(lockgraph-lock-*)"));
}

TEST(SuppressionTest, NolintOnlyOnItsOwnLine) {
  EXPECT_FALSE(suppressed("x; // NOLINT", "mu.lock();"));
  EXPECT_FALSE(suppressed("x; // NOLINT(lockgraph-*)", "mu.lock();"));
}

TEST(SuppressionTest, NolintNextLine) {
  EXPECT_TRUE(
      suppressed("// NOLINTNEXTLINE(lockgraph-self-deadlock)", "mu.lock();"));
  EXPECT_TRUE(suppressed("// NOLINTNEXTLINE", "mu.lock();", "lock-leak"));
  EXPECT_TRUE(suppressed("// NOLINTNEXTLINE(lockgraph-*)", "mu.lock();"));
  EXPECT_FALSE(
      suppressed("// NOLINTNEXTLINE(lockgraph-lock-leak)", "mu.lock();"));
  // Applies to the next line, not its own.
  EXPECT_FALSE(suppressed("", "mu.lock(); // NOLINTNEXTLINE"));
  EXPECT_FALSE(suppressed("", "mu.lock(); // NOLINTBEGIN(lockgraph-*)"));
}

TEST(SuppressionTest, NothingWithoutSource) {
  TempDir Dir;
  SourceCache Sources;
  EXPECT_FALSE(isSuppressed(
      makeFinding("c", Dir.path("missing.cpp"), 1, 1, "m"), Sources));
  EXPECT_FALSE(isSuppressed(makeFinding("c", "", 0, 0, "m"), Sources));
}

} // namespace
