#!/bin/bash
# Regenerates Sources/ChineseScript/TraditionalTable+Pairs.swift from the installed OpenCC data
# (Debian libopencc-dev and libopencc-data): every TSCharacters entry whose traditional character is
# not also a GB2312 (everyday simplified) character, as "traditional simplified" scalar pairs.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cat > "$work/dump.cpp" <<'CPP'
#include <opencc/MarisaDict.hpp>
#include <opencc/Lexicon.hpp>
#include <cstdio>
#include <iostream>
int main(int, char** argv) {
  FILE* f = fopen(argv[1], "rb");
  auto lexicon = opencc::MarisaDict::NewFromFile(f)->GetLexicon();
  for (size_t i = 0; i < lexicon->Length(); i++) {
    auto entry = lexicon->At(i);
    std::cout << entry->Key() << " " << entry->Values().front() << "\n";
  }
}
CPP
g++ -std=c++14 "$work/dump.cpp" $(pkg-config --cflags --libs opencc) -o "$work/dump"
"$work/dump" /usr/share/opencc/TSCharacters.ocd2 > "$work/ts.txt"
python3 - "$work/ts.txt" "$repo/Sources/ChineseScript/TraditionalTable+Pairs.swift" <<'PY'
import sys
def gb2312(c):
    try: c.encode('gb2312'); return True
    except UnicodeEncodeError: return False
pairs = sorted({(t, s) for t, s in (l.split() for l in open(sys.argv[1]) if l.strip()) if t != s and not gb2312(t)},
               key=lambda p: ord(p[0]))
body = ''.join(t + s for t, s in pairs)
rows = ['        ' + body[i:i + 80] for i in range(0, len(body), 80)]
open(sys.argv[2], 'w').write('''// Generated from OpenCC 1.1.6's TSCharacters dictionary (Debian libopencc-data,
// /usr/share/opencc/TSCharacters.ocd2; Apache License 2.0) by tools/generate-traditional-table.sh.
// Do not edit by hand: regenerate.

extension TraditionalTable {
    /// Pairs of scalars, traditional then simplified: every character OpenCC's t2s maps to another
    /// character at the character level, except the few that are also everyday simplified characters
    /// (in GB2312: 乾 於 後 徵 夥 …), which are not evidence of traditional script.
    static let pairs: String = """
''' + '\n'.join(rows) + '\n        """\n}\n')
PY
