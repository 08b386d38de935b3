//===- Fingerprint.cpp - Stable finding identities and baselines ----------===//
//
// A fingerprint must survive edits elsewhere in the file, so it hashes what
// the finding says and the text of its line, never the line number. Equal
// keys (the same mistake twice in one function) are told apart by their
// order of occurrence.
//
//===----------------------------------------------------------------------===//

#include "report/Emitters.h"

#include <cstdint>
#include <cstdio>
#include <map>
#include <set>

namespace lockgraph {
namespace {

constexpr uint64_t FnvOffsetBasis = 0xcbf29ce484222325ULL;
constexpr uint64_t FnvPrime = 0x100000001b3ULL;

/// 64-bit FNV-1a, fed field by field.
class Fnv1a {
public:
  void bytes(const void *Data, size_t Size) {
    const unsigned char *P = static_cast<const unsigned char *>(Data);
    for (size_t I = 0; I < Size; ++I) {
      Hash ^= P[I];
      Hash *= FnvPrime;
    }
  }

  /// Little-endian, so the hash does not depend on the host.
  void number(uint64_t Value) {
    for (int I = 0; I < 8; ++I) {
      unsigned char Byte = static_cast<unsigned char>(Value >> (8 * I));
      bytes(&Byte, 1);
    }
  }

  /// Length first, so that ("ab", "c") and ("a", "bc") differ.
  void field(const std::string &Text) {
    number(Text.size());
    bytes(Text.data(), Text.size());
  }

  uint64_t value() const { return Hash; }

private:
  uint64_t Hash = FnvOffsetBasis;
};

std::string trim(const std::string &Text) {
  const char *Blank = " \t\r\n\v\f";
  size_t Begin = Text.find_first_not_of(Blank);
  if (Begin == std::string::npos)
    return std::string();
  size_t End = Text.find_last_not_of(Blank);
  return Text.substr(Begin, End - Begin + 1);
}

/// Files below the current directory are hashed by their relative path, so
/// that a baseline made in one checkout works in another.
std::string fileKey(const std::string &File, const std::string &BaseDir) {
  std::string Relative = pathBelow(File, BaseDir);
  return Relative.empty() ? File : Relative;
}

} // namespace

void computeFingerprints(std::vector<Finding> &Findings, SourceCache &Sources) {
  std::string BaseDir = currentDir();
  std::map<uint64_t, uint64_t> Occurrences;
  for (Finding &F : Findings) {
    Fnv1a Key;
    Key.field(F.Check);
    Key.field(fileKey(F.Pos.File, BaseDir));
    Key.field(F.Function);
    Key.number(F.Locks.size());
    for (const std::string &Lock : F.Locks)
      Key.field(Lock);
    Key.field(F.Message);
    Key.field(trim(Sources.line(F.Pos.File, F.Pos.Line)));

    Fnv1a Final;
    Final.number(Key.value());
    Final.number(Occurrences[Key.value()]++);
    char Hex[17];
    std::snprintf(Hex, sizeof(Hex), "%016llx",
                  static_cast<unsigned long long>(Final.value()));
    F.Fingerprint = Hex;
  }
}

void applyBaseline(std::vector<Finding> &Findings, const Report &Baseline) {
  std::set<std::string> Known;
  for (const Finding &F : Baseline.Findings)
    if (!F.Fingerprint.empty())
      Known.insert(F.Fingerprint);
  std::vector<Finding> Kept;
  for (Finding &F : Findings)
    if (F.Fingerprint.empty() || !Known.count(F.Fingerprint))
      Kept.push_back(std::move(F));
  Findings = std::move(Kept);
}

} // namespace lockgraph
