// The report: findings() order and content, the JSON file, paths,
// fingerprints and the stderr text.
#include "test_support.hpp"

#include "findings.hpp"
#include "recorder.hpp"
#include "report_writer.hpp"

#include <nlohmann/json.hpp>

#include <unistd.h>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <mutex>

namespace lockgraph::testing {
namespace {

using ReportTest = RuntimeTest;

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// One finding of each kind that does not stop the process.
void make_findings() {
  mutex a{"rt-a"}, b{"rt-b"}, lone{"rt-lone"};
  {
    std::lock_guard x(a);
    std::lock_guard y(b);
  }
  lockgraph::thread t2("t2", [&] {
    std::lock_guard y(b);
    std::lock_guard x(a);
  });
  t2.join();
  lone.lock();
  EXPECT_THROW(lone.lock(), std::system_error);
  lone.unlock();
  lone.unlock();
  lockgraph::thread leaker("leaker", [&] { lone.lock(); });
  leaker.join();
}

TEST_F(ReportTest, FindingsAreSortedByPosition) {
  make_findings();
  const auto found = findings();
  ASSERT_EQ(found.size(), 4u);
  for (std::size_t i = 1; i < found.size(); ++i)
    EXPECT_LT(std::tie(found[i - 1].file, found[i - 1].line),
              std::tie(found[i].file, found[i].line));
  EXPECT_EQ(found[0].check, "lock-order-inversion");
  EXPECT_EQ(found[1].check, "self-deadlock");
  EXPECT_EQ(found[2].check, "unlock-not-held");
  EXPECT_EQ(found[3].check, "lock-leak");
}

TEST_F(ReportTest, JsonReport) {
  make_findings();
  const std::string path = ::testing::TempDir() + "lockgraph-report-test.json";
  ASSERT_TRUE(write_report(path));
  const std::string text = read_file(path);
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  const auto json = nlohmann::ordered_json::parse(text);

  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"version", "tool", "findings", "lock_graph"}));
  EXPECT_EQ(json["version"], 1);
  EXPECT_EQ(json["tool"], "lockgraph run");

  ASSERT_EQ(json["findings"].size(), 4u);
  const auto& inversion = json["findings"][0];
  std::vector<std::string> finding_keys;
  for (const auto& [key, value] : inversion.items()) finding_keys.push_back(key);
  EXPECT_EQ(finding_keys,
            (std::vector<std::string>{"check", "severity", "file", "line", "column", "message",
                                      "locks", "threads", "notes", "fingerprint", "concurrent"}));
  EXPECT_EQ(inversion["check"], "lock-order-inversion");
  EXPECT_EQ(inversion["concurrent"], true) << "main was alive while t2 ran";
  EXPECT_EQ(base_name(inversion["file"]), "report_test.cpp");
  EXPECT_FALSE(json["findings"][1].contains("concurrent"));
  for (const auto& f : json["findings"]) {
    const std::string fingerprint = f["fingerprint"];
    EXPECT_EQ(fingerprint.size(), 16u);
    EXPECT_EQ(fingerprint.find_first_not_of("0123456789abcdef"), std::string::npos);
  }

  // Other tests in this process may have added locks of their own; these
  // two are the ones made here.
  const auto& nodes = json["lock_graph"]["nodes"];
  for (std::size_t i = 1; i < nodes.size(); ++i)
    EXPECT_LT(nodes[i - 1]["name"].get<std::string>(), nodes[i]["name"].get<std::string>());
  int mine = 0;
  for (const auto& n : nodes)
    if (n["name"] == "rt-a" || n["name"] == "rt-b") {
      EXPECT_EQ(n["kind"], "mutex");
      ++mine;
    }
  EXPECT_EQ(mine, 2);
  const auto& edges = json["lock_graph"]["edges"];
  for (std::size_t i = 1; i < edges.size(); ++i)
    EXPECT_LT(
        std::make_pair(edges[i - 1]["from"].get<std::string>(),
                       edges[i - 1]["to"].get<std::string>()),
        std::make_pair(edges[i]["from"].get<std::string>(), edges[i]["to"].get<std::string>()));
  int cycle_edges = 0;
  for (const auto& e : edges)
    if ((e["from"] == "rt-a" && e["to"] == "rt-b") || (e["from"] == "rt-b" && e["to"] == "rt-a")) {
      EXPECT_EQ(e["in_cycle"], true);
      ASSERT_EQ(e["sites"].size(), 1u);
      EXPECT_GT(e["sites"][0]["line"].get<int>(), 0);
      ++cycle_edges;
    }
  EXPECT_EQ(cycle_edges, 2);

  // Deterministic: the same data gives the same bytes.
  ASSERT_TRUE(write_report(path));
  EXPECT_EQ(read_file(path), text);
  std::remove(path.c_str());
}

TEST_F(ReportTest, EmptyReport) {
  const detail::report_data empty;
  EXPECT_EQ(detail::report_json(empty),
            "{\n  \"version\": 1,\n  \"tool\": \"lockgraph run\",\n  \"findings\": [],\n"
            "  \"lock_graph\": {\n    \"nodes\": [],\n    \"edges\": []\n  }\n}\n");
}

TEST_F(ReportTest, WritingToABadPathFails) {
  EXPECT_FALSE(write_report("/nonexistent-directory/report.json"));
}

TEST_F(ReportTest, ReportPathSetting) {
  set_report_path("out.json");
  EXPECT_EQ(report_path(), "out.json");
  set_report_path("");
  EXPECT_EQ(report_path(), "");
}

TEST_F(ReportTest, ClearFindings) {
  mutex m{"m"};
  m.unlock();
  EXPECT_EQ(findings().size(), 1u);
  clear_findings();
  EXPECT_TRUE(findings().empty());
  m.unlock();  // reported again after clearing
  EXPECT_EQ(findings().size(), 1u);
}

TEST_F(ReportTest, QuietSetting) {
  set_quiet(false);
  EXPECT_FALSE(quiet());
  set_quiet(true);
  EXPECT_TRUE(quiet());
}

TEST_F(ReportTest, StderrLines) {
  set_quiet(false);
  mutex m{"m"};
  ::testing::internal::CaptureStderr();
  m.lock();
  EXPECT_THROW(m.lock(), std::system_error);
  m.unlock();
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("report_test.cpp:"), std::string::npos) << err;
  EXPECT_NE(err.find(": error: acquiring mutex 'm' that is already held [self-deadlock]\n"),
            std::string::npos)
      << err;
  EXPECT_NE(err.find(": note: 'm' first acquired here\n"), std::string::npos) << err;

  set_quiet(true);
  ::testing::internal::CaptureStderr();
  m.unlock();
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST(ReportFormatTest, TextOfAFinding) {
  finding f;
  f.check = "self-deadlock";
  f.severity = "error";
  f.file = "a.cpp";
  f.line = 12;
  f.column = 5;
  f.message = "acquiring mutex 'mu' that is already held";
  f.notes.push_back({"a.cpp", 8, 3, "'mu' first acquired here"});
  f.notes.push_back({"", 0, 0, "a note without a place"});
  EXPECT_EQ(detail::format_text(f),
            "a.cpp:12:5: error: acquiring mutex 'mu' that is already held [self-deadlock]\n"
            "a.cpp:8:3: note: 'mu' first acquired here\n"
            "lockgraph: note: a note without a place\n");
}

TEST(ReportFormatTest, PathsBelowTheWorkingDirectoryAreRelative) {
  char saved[4096];
  ASSERT_NE(::getcwd(saved, sizeof saved), nullptr);
  ASSERT_EQ(::chdir("/tmp"), 0);
  EXPECT_EQ(detail::report_path_of("/tmp/src/a.cpp"), "src/a.cpp");
  EXPECT_EQ(detail::report_path_of("/tmpfoo/a.cpp"), "/tmpfoo/a.cpp");
  EXPECT_EQ(detail::report_path_of("/usr/include/x.h"), "/usr/include/x.h");
  EXPECT_EQ(detail::report_path_of("relative.cpp"), "relative.cpp");
  EXPECT_EQ(detail::report_path_of(""), "");
  ASSERT_EQ(::chdir(saved), 0);
}

TEST(ReportFormatTest, SortOrder) {
  auto make = [](std::string file, unsigned line, std::string check) {
    finding f;
    f.file = std::move(file);
    f.line = line;
    f.check = std::move(check);
    return f;
  };
  std::vector<finding> v{make("b.cpp", 1, "x"), make("a.cpp", 9, "x"), make("a.cpp", 2, "z"),
                         make("a.cpp", 2, "y")};
  detail::sort_findings(v);
  EXPECT_EQ(v[0].check, "y");
  EXPECT_EQ(v[1].check, "z");
  EXPECT_EQ(v[2].line, 9u);
  EXPECT_EQ(v[3].file, "b.cpp");
}

TEST(ReportFormatTest, FingerprintsIgnoreTheLineNumberAndCountRepeats) {
  finding f;
  f.check = "unlock-not-held";
  f.file = "/nonexistent/a.cpp";
  f.line = 10;
  f.message = "releasing mutex 'm' that is not held";
  f.locks = {"m"};
  finding shifted = f;
  shifted.line = 20;
  std::vector<finding> one{f}, two{shifted}, both{f, shifted};
  detail::fingerprint_findings(one);
  detail::fingerprint_findings(two);
  detail::fingerprint_findings(both);
  EXPECT_EQ(one[0].fingerprint, two[0].fingerprint);
  EXPECT_EQ(both[0].fingerprint, one[0].fingerprint);
  EXPECT_NE(both[1].fingerprint, both[0].fingerprint) << "the second occurrence differs";
}

}  // namespace
}  // namespace lockgraph::testing
