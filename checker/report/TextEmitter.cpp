//===- TextEmitter.cpp - clang-style diagnostics with source snippets -----===//
//
// Reproduces what clang 19's TextDiagnostic prints without colours and
// without a terminal width: the location line, the source line behind a
// line-number gutter, and a caret line. The character handling follows
// clang's printableTextForNextCharacter: tabs expand to a tab stop of 8
// counted in bytes since the previous tab, unprintable code points become
// <U+XXXX>, bytes that are not UTF-8 become <XX>.
//
//===----------------------------------------------------------------------===//

#include "report/Emitters.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace lockgraph {
namespace {

// Values of clang's DiagnosticOptions defaults.
constexpr unsigned TabStop = 8;
constexpr unsigned SnippetLineLimit = 16;
constexpr size_t MaxLineLengthToPrint = 4096;

/// Decodes the UTF-8 sequence starting at \p I. Returns its length, or 0 when
/// the bytes there are not well-formed UTF-8 (overlong, surrogate, too big).
unsigned decodeUtf8(const std::string &S, size_t I, uint32_t &CodePoint) {
  auto Byte = [&](size_t K) { return static_cast<unsigned char>(S[K]); };
  unsigned char Lead = Byte(I);
  unsigned Length;
  uint32_t Min;
  if (Lead < 0x80) {
    CodePoint = Lead;
    return 1;
  }
  if ((Lead & 0xE0) == 0xC0) {
    Length = 2;
    Min = 0x80;
    CodePoint = Lead & 0x1F;
  } else if ((Lead & 0xF0) == 0xE0) {
    Length = 3;
    Min = 0x800;
    CodePoint = Lead & 0x0F;
  } else if ((Lead & 0xF8) == 0xF0) {
    Length = 4;
    Min = 0x10000;
    CodePoint = Lead & 0x07;
  } else {
    return 0;
  }
  if (I + Length > S.size())
    return 0;
  for (unsigned K = 1; K < Length; ++K) {
    if ((Byte(I + K) & 0xC0) != 0x80)
      return 0;
    CodePoint = (CodePoint << 6) | (Byte(I + K) & 0x3F);
  }
  if (CodePoint < Min || CodePoint > 0x10FFFF ||
      (CodePoint >= 0xD800 && CodePoint <= 0xDFFF))
    return 0;
  return Length;
}

struct Range {
  uint32_t Lo, Hi;
};

template <size_t N> bool inRanges(const Range (&Ranges)[N], uint32_t C) {
  for (const Range &R : Ranges)
    if (C >= R.Lo && C <= R.Hi)
      return true;
  return false;
}

/// The common part of LLVM's non-printable set (controls, format characters,
/// line separators, noncharacters); unassigned code points are not tracked.
bool isPrintable(uint32_t C) {
  static const Range NonPrintable[] = {
      {0x0000, 0x001F},  {0x007F, 0x009F}, {0x061C, 0x061C}, {0x180E, 0x180E},
      {0x200B, 0x200F},  {0x2028, 0x202E}, {0x2060, 0x206F}, {0xD800, 0xDFFF},
      {0xFDD0, 0xFDEF},  {0xFEFF, 0xFEFF}, {0xFFF0, 0xFFFB}, {0xFFFE, 0xFFFF},
      {0xE0000, 0xE0FFF}};
  return !inRanges(NonPrintable, C) && (C & 0xFFFE) != 0xFFFE;
}

/// Display width of a printable code point, as llvm::sys::unicode does it
/// for combining marks (0) and East Asian wide characters and emoji (2).
unsigned charWidth(uint32_t C) {
  static const Range Combining[] = {
      {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
      {0x064B, 0x065F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x20D0, 0x20FF},
      {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}};
  static const Range Wide[] = {
      {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},
      {0x23E9, 0x23EC},   {0x23F0, 0x23F0},   {0x23F3, 0x23F3},
      {0x25FD, 0x25FE},   {0x2614, 0x2615},   {0x2648, 0x2653},
      {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
      {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
      {0x26CE, 0x26CE},   {0x26D4, 0x26D4},   {0x26EA, 0x26EA},
      {0x26F2, 0x26F3},   {0x26F5, 0x26F5},   {0x26FA, 0x26FA},
      {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
      {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},
      {0x2753, 0x2755},   {0x2757, 0x2757},   {0x2795, 0x2797},
      {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},
      {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
      {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},
      {0xA000, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},
      {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},
      {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x18AFF},
      {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
      {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251},
      {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB},
      {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD},
      {0x30000, 0x3FFFD}};
  if (inRanges(Combining, C))
    return 0;
  return inRanges(Wide, C) ? 2 : 1;
}

std::string hex(uint32_t Value, int Digits) {
  char Buf[16];
  std::snprintf(Buf, sizeof(Buf), "%0*X", Digits, static_cast<unsigned>(Value));
  return Buf;
}

/// A source line as clang displays it, with the display column at which each
/// byte's character starts (-1 for bytes inside a character, one entry past
/// the end for the end of the line).
struct DisplayLine {
  std::string Text;
  std::vector<int> ByteToColumn;

  explicit DisplayLine(const std::string &Line) {
    ByteToColumn.assign(Line.size() + 1, -1);
    int Column = 0;
    size_t I = 0;
    while (I < Line.size()) {
      ByteToColumn[I] = Column;
      if (Line[I] == '\t') {
        // clang counts bytes, not columns, back to the previous tab.
        size_t Bytes = 0;
        for (size_t K = I; K > 0 && Line[K - 1] != '\t'; --K)
          ++Bytes;
        unsigned Spaces = TabStop - Bytes % TabStop;
        Text.append(Spaces, ' ');
        Column += Spaces;
        ++I;
        continue;
      }
      uint32_t CodePoint;
      unsigned Length = decodeUtf8(Line, I, CodePoint);
      if (Length == 0) {
        std::string Shown =
            "<" + hex(static_cast<unsigned char>(Line[I]), 2) + ">";
        Text += Shown;
        Column += Shown.size();
        ++I;
        continue;
      }
      if (isPrintable(CodePoint)) {
        Text.append(Line, I, Length);
        Column += charWidth(CodePoint);
      } else {
        std::string Shown = "<U+" + hex(CodePoint, 4) + ">";
        Text += Shown;
        Column += Shown.size();
      }
      I += Length;
    }
    ByteToColumn.back() = Column;
  }

  /// Display column of the character containing byte \p Byte; bytes past the
  /// end continue one column per byte.
  size_t columnOf(size_t Byte) const {
    size_t End = ByteToColumn.size() - 1;
    if (Byte >= End)
      return ByteToColumn[End] + (Byte - End);
    while (ByteToColumn[Byte] == -1)
      --Byte;
    return ByteToColumn[Byte];
  }
};

unsigned numDigits(uint64_t Value) {
  unsigned Digits = 1;
  while (Value >= 10) {
    Value /= 10;
    ++Digits;
  }
  return Digits;
}

bool hasLocation(const SourcePos &Pos) {
  return Pos.valid() && !Pos.File.empty();
}

/// Prints diagnostics one by one, remembering the previous location like
/// clang's DiagnosticRenderer does to avoid repeating a snippet.
class TextPrinter {
public:
  TextPrinter(std::ostream &OS, SourceCache &Sources)
      : OS(OS), Sources(Sources) {}

  void emit(Severity Level, const SourcePos &Pos, const std::string &Message) {
    if (hasLocation(Pos)) {
      OS << Pos.File << ':' << Pos.Line;
      if (Pos.Column != 0)
        OS << ':' << Pos.Column;
      OS << ": ";
    }
    OS << severityName(Level) << ": " << Message << '\n';

    // clang shows a location's snippet once, except that a diagnostic at the
    // place of the note before it gets its own snippet.
    bool Repeated = HaveLast && Pos == LastPos &&
                    (LastLevel != Severity::Note || Level == LastLevel);
    if (hasLocation(Pos) && !Repeated)
      emitSnippet(Pos);
    HaveLast = hasLocation(Pos);
    LastPos = Pos;
    LastLevel = Level;
  }

private:
  void emitSnippet(const SourcePos &Pos) {
    const std::string *Line = Sources.tryLine(Pos.File, Pos.Line);
    if (!Line || Line->size() > MaxLineLengthToPrint ||
        Pos.Column > MaxLineLengthToPrint)
      return;
    DisplayLine Shown(*Line);
    // clang sizes the gutter for the largest line a snippet could show.
    unsigned Width = std::max(
        4u, numDigits(static_cast<uint64_t>(Pos.Line) + SnippetLineLimit));
    OS << std::string(Width - numDigits(Pos.Line) + 1, ' ') << Pos.Line << " | "
       << Shown.Text << '\n';
    if (Pos.Column == 0)
      return;
    OS << std::string(Width + 2, ' ') << "| "
       << std::string(Shown.columnOf(Pos.Column - 1), ' ') << "^\n";
  }

  std::ostream &OS;
  SourceCache &Sources;
  bool HaveLast = false;
  SourcePos LastPos;
  Severity LastLevel = Severity::Note;
};

std::string countNoun(unsigned Count, const char *Noun) {
  return std::to_string(Count) + " " + Noun + (Count == 1 ? "" : "s");
}

} // namespace

void writeText(std::ostream &OS, const Report &R, SourceCache &Sources,
               bool Summary) {
  TextPrinter Printer(OS, Sources);
  unsigned Errors = 0, Warnings = 0;
  for (const Finding &F : R.Findings) {
    std::string Message = F.Message;
    if (!F.Check.empty())
      Message += " [" + F.Check + "]";
    Printer.emit(F.Level, F.Pos, Message);
    for (const FindingNote &N : F.Notes)
      Printer.emit(Severity::Note, N.Pos, N.Message);
    if (F.Level == Severity::Error)
      ++Errors;
    else if (F.Level == Severity::Warning)
      ++Warnings;
  }
  if (!Summary || (Errors == 0 && Warnings == 0))
    return;
  // As clang: "1 warning and 2 errors generated."
  if (Warnings != 0)
    OS << countNoun(Warnings, "warning");
  if (Errors != 0 && Warnings != 0)
    OS << " and ";
  if (Errors != 0)
    OS << countNoun(Errors, "error");
  OS << " generated.\n";
}

} // namespace lockgraph
