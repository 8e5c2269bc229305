#include "graph/escape.h"

#include "extract/utf8.h"

namespace sillok::graph_escape {

std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    const auto bad = utf8::find_invalid(s);
    if (!bad) {
      out.append(s);
      break;
    }
    out.append(s.substr(0, *bad));
    utf8::append(out, U'\uFFFD');
    s.remove_prefix(*bad + 1);  // resynchronize on the next byte
  }
  return out;
}

std::string dot_string(std::string_view s) {
  const std::string text = valid_utf8(s);
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        // Other control characters (tab, CR, ...) have no business in a label.
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

namespace {

// XML 1.0 Char production, minus what valid UTF-8 already excludes (surrogates, > U+10FFFF).
bool xml_allowed(char32_t c) {
  if (c < 0x20) return c == 0x9 || c == 0xA || c == 0xD;
  return c != 0xFFFE && c != 0xFFFF;
}

}  // namespace

std::string xml_text(std::string_view s) {
  const std::string text = valid_utf8(s);
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t c = utf8::decode(text, pos);
    if (!xml_allowed(c)) continue;
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        out.append(text, start, pos - start);
    }
  }
  return out;
}

}  // namespace sillok::graph_escape
