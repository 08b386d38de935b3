//===- Suppressions.cpp - Silencing a finding from a source comment -------===//
//
// Two spellings are understood:
//   // lockgraph: ignore[check-a,check-b]   (or bare "ignore": every check)
//     on the finding's line or the line before;
//   NOLINT(lockgraph-check) on the line, NOLINTNEXTLINE(...) on the line
//     before, parsed the way clang-tidy parses them: comma-separated globs,
//     '-' globs dropped, no parentheses meaning every check.
//
//===----------------------------------------------------------------------===//

#include "report/Emitters.h"

#include <algorithm>
#include <cctype>

namespace lockgraph {
namespace {

/// Whole-string match with '*' standing for any sequence.
bool globMatches(const std::string &Glob, const std::string &Name) {
  size_t G = 0, N = 0, StarG = std::string::npos, StarN = 0;
  while (N < Name.size()) {
    if (G < Glob.size() && Glob[G] == '*') {
      StarG = G++;
      StarN = N;
    } else if (G < Glob.size() && Glob[G] == Name[N]) {
      ++G;
      ++N;
    } else if (StarG != std::string::npos) {
      G = StarG + 1;
      N = ++StarN;
    } else {
      return false;
    }
  }
  while (G < Glob.size() && Glob[G] == '*')
    ++G;
  return G == Glob.size();
}

std::string trim(const std::string &Text) {
  const char *Blank = " \t\r\n\v\f";
  size_t Begin = Text.find_first_not_of(Blank);
  if (Begin == std::string::npos)
    return std::string();
  return Text.substr(Begin, Text.find_last_not_of(Blank) - Begin + 1);
}

/// True when a glob of the comma-separated \p List matches \p Name; negative
/// ('-') globs are ignored as clang-tidy does for NOLINT.
bool listMatches(const std::string &List, const std::string &Name) {
  size_t Start = 0;
  while (Start <= List.size()) {
    size_t Comma = List.find(',', Start);
    if (Comma == std::string::npos)
      Comma = List.size();
    std::string Glob = trim(List.substr(Start, Comma - Start));
    if (!Glob.empty() && Glob[0] != '-' && globMatches(Glob, Name))
      return true;
    Start = Comma + 1;
  }
  return false;
}

bool isWordChar(char C) {
  return std::isalnum(static_cast<unsigned char>(C)) || C == '_' || C == '-';
}

/// `lockgraph: ignore` / `lockgraph: ignore[list]` inside a comment.
bool hasIgnoreComment(const std::string &Line, const std::string &Check) {
  static const std::string Marker = "lockgraph:";
  static const std::string Ignore = "ignore";
  for (size_t At = Line.find(Marker); At != std::string::npos;
       At = Line.find(Marker, At + 1)) {
    size_t CommentStart = std::min(Line.find("//"), Line.find("/*"));
    if (CommentStart >= At)
      continue;
    size_t Pos = Line.find_first_not_of(" \t", At + Marker.size());
    if (Pos == std::string::npos || Line.compare(Pos, Ignore.size(), Ignore))
      continue;
    Pos += Ignore.size();
    size_t Next = Line.find_first_not_of(" \t", Pos);
    if (Next != std::string::npos && Line[Next] == '[') {
      size_t Close = Line.find(']', Next);
      // An unterminated list is not a directive: better to show a finding
      // than to silence every check by accident.
      if (Close != std::string::npos &&
          listMatches(Line.substr(Next + 1, Close - Next - 1), Check))
        return true;
      continue;
    }
    if (Pos == Line.size() || !isWordChar(Line[Pos]))
      return true;
  }
  return false;
}

/// A NOLINT-family directive named \p Kind ("NOLINT" or "NOLINTNEXTLINE")
/// that covers clang-tidy-style check name \p Name.
bool hasNoLint(const std::string &Line, const std::string &Kind,
               const std::string &Name) {
  static const std::string NoLint = "NOLINT";
  size_t Pos = 0;
  while ((Pos = Line.find(NoLint, Pos)) != std::string::npos) {
    size_t Start = Pos;
    Pos += NoLint.size();
    while (Pos < Line.size() &&
           std::isalpha(static_cast<unsigned char>(Line[Pos])))
      ++Pos;
    bool Wanted = Line.compare(Start, Pos - Start, Kind) == 0;
    // clang-tidy: a list runs to the next ')'; without one, or without '(',
    // the directive covers every check.
    std::string Checks = "*";
    if (Pos < Line.size() && Line[Pos] == '(') {
      size_t Close = Line.find(')', Pos + 1);
      if (Close != std::string::npos) {
        Checks = Line.substr(Pos + 1, Close - Pos - 1);
        Pos = Close + 1;
      }
    }
    if (Wanted && listMatches(Checks, Name))
      return true;
  }
  return false;
}

} // namespace

bool isSuppressed(const Finding &F, SourceCache &Sources) {
  if (!F.Pos.valid() || F.Pos.File.empty())
    return false;
  std::string TidyName = "lockgraph-" + F.Check;
  if (const std::string *Line = Sources.tryLine(F.Pos.File, F.Pos.Line))
    if (hasIgnoreComment(*Line, F.Check) ||
        hasNoLint(*Line, "NOLINT", TidyName))
      return true;
  if (F.Pos.Line > 1)
    if (const std::string *Before = Sources.tryLine(F.Pos.File, F.Pos.Line - 1))
      if (hasIgnoreComment(*Before, F.Check) ||
          hasNoLint(*Before, "NOLINTNEXTLINE", TidyName))
        return true;
  return false;
}

} // namespace lockgraph
