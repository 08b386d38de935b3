//===- SourceCache.cpp - Source lines and paths for emitters --------------===//

#include "report/Emitters.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace fs = std::filesystem;

namespace lockgraph {

/// Splits a file into lines. "\r\n" ends a line like "\n" does; a final
/// newline does not start another line. Unreadable files have no lines.
static std::vector<std::string> readLines(const std::string &File) {
  std::vector<std::string> Lines;
  std::error_code EC;
  if (File.empty() || !fs::is_regular_file(File, EC))
    return Lines;
  std::ifstream In(File, std::ios::binary);
  if (!In)
    return Lines;
  std::string Text((std::istreambuf_iterator<char>(In)),
                   std::istreambuf_iterator<char>());
  size_t Start = 0;
  while (Start < Text.size()) {
    size_t End = Text.find('\n', Start);
    if (End == std::string::npos)
      End = Text.size();
    size_t LineEnd = End;
    if (LineEnd > Start && Text[LineEnd - 1] == '\r')
      --LineEnd;
    Lines.emplace_back(Text, Start, LineEnd - Start);
    Start = End + 1;
  }
  return Lines;
}

const std::string *SourceCache::tryLine(const std::string &File,
                                        unsigned Line) {
  auto It = Files.find(File);
  if (It == Files.end())
    It = Files.emplace(File, readLines(File)).first;
  if (Line == 0 || Line > It->second.size())
    return nullptr;
  return &It->second[Line - 1];
}

const std::string &SourceCache::line(const std::string &File, unsigned Line) {
  static const std::string Empty;
  const std::string *Text = tryLine(File, Line);
  return Text ? *Text : Empty;
}

std::string pathBelow(const std::string &File, const std::string &BaseDir) {
  if (File.empty() || BaseDir.empty())
    return std::string();
  fs::path Base = fs::path(BaseDir).lexically_normal();
  // "/src/" iterates with a trailing empty element that "/src/a.cpp" lacks.
  if (!Base.has_filename() && Base != Base.root_path())
    Base = Base.parent_path();
  fs::path Path(File);
  if (Path.is_relative())
    Path = Base / Path;
  Path = Path.lexically_normal();
  fs::path Rel = Path.lexically_relative(Base);
  if (Rel.empty() || Rel == "." || *Rel.begin() == "..")
    return std::string();
  return Rel.generic_string();
}

std::string currentDir() {
  std::error_code EC;
  fs::path Dir = fs::current_path(EC);
  return EC ? std::string() : Dir.generic_string();
}

} // namespace lockgraph
